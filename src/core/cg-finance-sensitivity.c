/* cg-finance-sensitivity.c — how the NPV of a scenario moves when one input
 * changes, and the value of an input at which it is 0 (break-even).
 *
 * Each figure rebuilds the monthly table of cg-finance.c with the one input
 * replaced (an Override).  Break-even roots are bracketed by steps growing
 * outwards from the current value, then refined with Brent's method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gsl/gsl_math.h>

#include "cg-finance.h"
#include "cg-finance-private.h"

/* Break-even values are searched up to this many times the current value. */
#define BREAK_EVEN_REACH 1e6
/* Annual discount rates searched for break-even: from −99 % up to the
 * annual equivalent of the IRR search's highest monthly rate. */
#define RATE_LOWEST      (-0.99)
#define RATE_HIGHEST     (pow (1.0 + CG_FINANCE_IRR_HIGHEST, 12.0) - 1.0)

static const double sensitivity_changes[CG_SENSITIVITY_N_STEPS] = { -0.2, -0.1, 0.1, 0.2 };

void
cg_sensitivity_free (CgSensitivity *sensitivity)
{
  if (sensitivity == NULL)
    return;
  g_free (sensitivity->item_name);
  g_free (sensitivity->factor_name);
  g_free (sensitivity);
}

static CgSensitivity *
sensitivity_new (const CgScenario *scenario,
                 const Override   *base,
                 double            base_npv,
                 GArray           *months)
{
  CgSensitivity *sensitivity = g_new0 (CgSensitivity, 1);
  Override ov = *base;

  sensitivity->input = base->input;
  sensitivity->item_index = base->item_index;
  sensitivity->base_value = base->value;
  sensitivity->base_npv = base_npv;

  for (guint k = 0; k < CG_SENSITIVITY_N_STEPS; k++)
    {
      sensitivity->change[k] = sensitivity_changes[k];
      sensitivity->value[k] = base->value * (1.0 + sensitivity_changes[k]);

      /* A negative rate lowered by 20 % can leave the domain. */
      if (base->input == CG_FINANCE_INPUT_DISCOUNT_RATE && sensitivity->value[k] <= -1.0)
        {
          sensitivity->npv[k] = NAN;
          sensitivity->payback_months[k] = NAN;
          sensitivity->discounted_payback_months[k] = NAN;
          continue;
        }
      ov.value = sensitivity->value[k];
      cg_finance_fill_months (scenario, &ov, months);
      sensitivity->npv[k] = cg_finance_months_npv (months);
      cg_finance_months_payback (months, FALSE, &sensitivity->payback_months[k], NULL);
      cg_finance_months_payback (months, TRUE, &sensitivity->discounted_payback_months[k], NULL);
    }
  sensitivity->swing = fabs (sensitivity->npv[CG_SENSITIVITY_N_STEPS - 1] - sensitivity->npv[0]);
  return sensitivity;
}

/* Swing descending, undefined swings last. */
static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const CgSensitivity *sa = *(CgSensitivity * const *) a;
  const CgSensitivity *sb = *(CgSensitivity * const *) b;
  double wa = isnan (sa->swing) ? -1.0 : sa->swing;
  double wb = isnan (sb->swing) ? -1.0 : sb->swing;

  return (wa < wb) - (wa > wb);
}

GPtrArray *
cg_finance_sensitivity (const CgScenario  *scenario,
                        GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) months = NULL;
  Override rate;
  double base_npv;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cg_finance_validate (scenario, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_sensitivity_free);
  months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  cg_finance_fill_months (scenario, NULL, months);
  base_npv = cg_finance_months_npv (months);

  for (guint i = 0; i < scenario->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (scenario->items, i);

      if (item->factors->len == 0)
        {
          Override ov = { CG_FINANCE_INPUT_AMOUNT, i, 0, item->amount };
          CgSensitivity *row = sensitivity_new (scenario, &ov, base_npv, months);

          row->item_name = g_strdup (item->name);
          g_ptr_array_add (rows, row);
          continue;
        }
      for (guint j = 0; j < item->factors->len; j++)
        {
          const CgFactor *factor = g_ptr_array_index (item->factors, j);
          Override ov = { CG_FINANCE_INPUT_FACTOR, i, j, factor->value };
          CgSensitivity *row = sensitivity_new (scenario, &ov, base_npv, months);

          row->item_name = g_strdup (item->name);
          row->factor_name = g_strdup (factor->name);
          g_ptr_array_add (rows, row);
        }
    }
  rate = (Override) { CG_FINANCE_INPUT_DISCOUNT_RATE, -1, 0, scenario->discount_rate };
  g_ptr_array_add (rows, sensitivity_new (scenario, &rate, base_npv, months));

  /* g_ptr_array_sort is stable: ties keep the order above. */
  g_ptr_array_sort (rows, compare_swing);
  return g_steal_pointer (&rows);
}

typedef struct {
  const CgScenario *scenario;
  Override          ov;
  GArray           *months;
  gboolean          overflow;  /* since the last reset */
} NpvProblem;

/* NPV with the input of @data set to @x.  GSL's solvers reject values that
 * are not finite, so an overflow is clamped and remembered instead. */
static double
npv_at (double  x,
        void   *data)
{
  NpvProblem *problem = data;
  double npv;

  problem->ov.value = x;
  cg_finance_fill_months (problem->scenario, &problem->ov, problem->months);
  npv = cg_finance_months_npv (problem->months);
  if (isfinite (npv))
    return npv;
  problem->overflow = TRUE;
  return npv < 0.0 ? -G_MAXDOUBLE : G_MAXDOUBLE;
}

/* One step of the bracket search: FALSE when the NPV at @x overflows. */
static gboolean
npv_try (NpvProblem *problem,
         double      x,
         double     *npv)
{
  problem->overflow = FALSE;
  *npv = npv_at (x, problem);
  return !problem->overflow;
}

/* Brent on [lo, hi]; FALSE when the NPV overflows on the way. */
static gboolean
npv_solve (NpvProblem *problem,
           double      lo,
           double      hi,
           double      epsabs,
           double     *root)
{
  gsl_function f = { npv_at, problem };

  problem->overflow = FALSE;
  *root = cg_finance_solve_brent (&f, lo, hi, epsabs);
  return !problem->overflow;
}

/* The root of the NPV in [lower, upper] near @x0, found by growing a bracket
 * outwards from @x0 in steps doubling from @step, on both sides at once;
 * FALSE when every value tried has the same sign.  A side stops where the
 * NPV overflows. */
static gboolean
find_root_near (NpvProblem *problem,
                double      x0,
                double      lower,
                double      upper,
                double      step,
                double      epsabs,
                double     *root)
{
  double lo = x0, hi = x0;
  double f_lo, f_hi, fx;

  if (!npv_try (problem, x0, &f_lo))
    return FALSE;
  f_hi = f_lo;
  if (f_lo == 0.0)
    {
      *root = x0;
      return TRUE;
    }

  for (int i = 0; i < 200 && (lo > lower || hi < upper); i++, step *= 2.0)
    {
      if (hi < upper)
        {
          double x = MIN (x0 + step, upper);

          if (!npv_try (problem, x, &fx))
            upper = hi;
          else if (fx == 0.0)
            {
              *root = x;
              return TRUE;
            }
          else if (cg_finance_opposite_signs (f_hi, fx))
            return npv_solve (problem, hi, x, epsabs, root);
          else
            {
              hi = x;
              f_hi = fx;
            }
        }
      if (lo > lower)
        {
          double x = MAX (x0 - step, lower);

          if (!npv_try (problem, x, &fx))
            lower = lo;
          else if (fx == 0.0)
            {
              *root = x;
              return TRUE;
            }
          else if (cg_finance_opposite_signs (fx, f_lo))
            return npv_solve (problem, x, lo, epsabs, root);
          else
            {
              lo = x;
              f_lo = fx;
            }
        }
    }
  return FALSE;
}

gboolean
cg_finance_break_even (const CgScenario  *scenario,
                       guint              item_index,
                       const char        *factor,
                       double            *value,
                       GError           **error)
{
  g_autoptr(GArray) months = NULL;
  const CgScenarioItem *item;
  NpvProblem problem = { scenario, { CG_FINANCE_INPUT_AMOUNT, item_index, 0, 0.0 }, NULL, FALSE };
  double x0, reach, root;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (item_index < scenario->items->len, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  item = g_ptr_array_index (scenario->items, item_index);
  x0 = item->amount;
  if (factor != NULL)
    {
      guint j;

      for (j = 0; j < item->factors->len; j++)
        if (g_strcmp0 (((CgFactor *) g_ptr_array_index (item->factors, j))->name, factor) == 0)
          break;
      g_return_val_if_fail (j < item->factors->len, FALSE);
      problem.ov.input = CG_FINANCE_INPUT_FACTOR;
      problem.ov.factor_index = j;
      x0 = ((CgFactor *) g_ptr_array_index (item->factors, j))->value;
    }

  if (!cg_finance_validate (scenario, error))
    return FALSE;
  /* The amount of an item with factors is unused: their product replaces it. */
  if (factor == NULL && item->factors->len > 0)
    return FALSE;

  months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  problem.months = months;
  reach = BREAK_EVEN_REACH * MAX (fabs (x0), 1.0);
  /* Amounts, counts and rates keep their sign: search [0, reach] or [−reach, 0]. */
  if (!find_root_near (&problem, x0, x0 < 0.0 ? -reach : 0.0, x0 < 0.0 ? 0.0 : reach,
                       x0 != 0.0 ? fabs (x0) / 10.0 : 1e-3,
                       1e-12 * MAX (fabs (x0), 1.0), &root))
    return FALSE;
  *value = root;
  return TRUE;
}

gboolean
cg_finance_break_even_rate (const CgScenario  *scenario,
                            double            *rate,
                            GError           **error)
{
  g_autoptr(GArray) months = NULL;
  NpvProblem problem = { scenario, { CG_FINANCE_INPUT_DISCOUNT_RATE, -1, 0, 0.0 }, NULL, FALSE };
  double root;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cg_finance_validate (scenario, error))
    return FALSE;

  months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  problem.months = months;
  if (!find_root_near (&problem, scenario->discount_rate,
                       RATE_LOWEST, RATE_HIGHEST,
                       0.01, 1e-15, &root))
    return FALSE;
  *rate = root;
  return TRUE;
}
