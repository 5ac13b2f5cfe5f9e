/* cg-finance.c — cash flows, NPV, ROI, IRR, payback, sensitivity, break-even.
 *
 * Every figure is computed from one table of monthly flows (fill_months);
 * sensitivity and break-even rebuild that table with one input replaced.
 * Roots are bracketed first and then refined with GSL's Brent solver, which
 * never leaves its bracket.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "cg-finance.h"

G_DEFINE_QUARK (cg-finance-error-quark, cg_finance_error)

/* The IRR is searched among monthly rates in [−99 %, +1000 %], on a grid
 * uniform in ln(1 + r): fine near 0, where real projects' rates are, and
 * coarse towards the ends.  Roots closer together than one grid step (about
 * 0.035 % near r = 0) are missed, as are double roots, where the NPV touches
 * 0 without changing sign. */
#define IRR_LOWEST       (-0.99)
#define IRR_HIGHEST      10.0
#define IRR_GRID_STEPS   20000

/* Break-even values are searched up to this many times the current value. */
#define BREAK_EVEN_REACH 1e6
/* Annual discount rates searched for break-even: from −99 % up to the
 * annual equivalent of the IRR search's highest monthly rate. */
#define RATE_LOWEST      (-0.99)
#define RATE_HIGHEST     (pow (1.0 + IRR_HIGHEST, 12.0) - 1.0)

#define BRENT_MAX_ITER   200

static const double sensitivity_changes[CG_SENSITIVITY_N_STEPS] = { -0.2, -0.1, 0.1, 0.2 };

/* One input of the scenario replaced by @value (item_index −1 for the
 * discount rate); a NULL Override leaves the scenario as it is. */
typedef struct {
  CgFinanceInput input;
  int            item_index;
  guint          factor_index;
  double         value;
} Override;

static gboolean
override_applies (const Override *ov,
                  CgFinanceInput  input,
                  int             item_index)
{
  return ov != NULL && ov->input == input && ov->item_index == item_index;
}

static double
item_amount (const CgScenario *scenario,
             guint             index,
             const Override   *ov)
{
  const CgScenarioItem *item = g_ptr_array_index (scenario->items, index);
  double amount = 1.0;

  if (item->factors->len == 0)
    return override_applies (ov, CG_FINANCE_INPUT_AMOUNT, index) ? ov->value : item->amount;

  for (guint i = 0; i < item->factors->len; i++)
    {
      const CgFactor *factor = g_ptr_array_index (item->factors, i);

      if (override_applies (ov, CG_FINANCE_INPUT_FACTOR, index) && ov->factor_index == i)
        amount *= ov->value;
      else
        amount *= factor->value;
    }
  return amount;
}

static double
scenario_rate (const CgScenario *scenario,
               const Override   *ov)
{
  if (override_applies (ov, CG_FINANCE_INPUT_DISCOUNT_RATE, -1))
    return ov->value;
  return scenario->discount_rate;
}

static double
monthly_rate (double annual_rate)
{
  return pow (1.0 + annual_rate, 1.0 / 12.0) - 1.0;
}

/* The table of months 0..H of @scenario with @ov applied (see the header
 * for the conventions). */
static void
fill_months (const CgScenario *scenario,
             const Override   *ov,
             GArray           *months)
{
  int horizon = scenario->horizon_months;
  double r_m = monthly_rate (scenario_rate (scenario, ov));
  CgCashFlow *rows;
  double cumulative = 0.0;
  double discounted_cumulative = 0.0;

  g_array_set_size (months, horizon + 1);
  rows = (CgCashFlow *) (void *) months->data;
  memset (rows, 0, sizeof (CgCashFlow) * months->len);

  for (guint i = 0; i < scenario->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (scenario->items, i);
      double amount = item_amount (scenario, i, ov);
      int last;

      if (item->kind == CG_ITEM_INVESTMENT)
        {
          if (item->month <= horizon)
            rows[item->month].investment += amount;
          continue;
        }

      last = item->end_month < 0 ? horizon : MIN (item->end_month, horizon);
      for (int m = item->month; m <= last; m++)
        {
          double flow = amount * pow (1.0 + item->annual_growth, (m - item->month) / 12.0);

          if (item->kind == CG_ITEM_COST)
            rows[m].cost += flow;
          else
            rows[m].benefit += flow;
        }
    }

  for (int m = 0; m <= horizon; m++)
    {
      CgCashFlow *row = &rows[m];

      row->month = m;
      row->net = row->benefit - row->cost - row->investment;
      cumulative += row->net;
      row->cumulative = cumulative;
      row->discount_factor = m == 0 ? 1.0 : pow (1.0 + r_m, -m);
      row->discounted = row->net * row->discount_factor;
      discounted_cumulative += row->discounted;
      row->discounted_cumulative = discounted_cumulative;
    }
}

static double
months_npv (const GArray *months)
{
  return g_array_index (months, CgCashFlow, months->len - 1).discounted_cumulative;
}

static double
cumulative_at (const GArray *months,
               int           m,
               gboolean      discounted)
{
  const CgCashFlow *row = &g_array_index (months, CgCashFlow, m);

  return discounted ? row->discounted_cumulative : row->cumulative;
}

/* Payback on the cumulative (or discounted cumulative) column: see
 * CgFinanceResult.  @break_even, when not NULL, gets the first month of the
 * final non-negative run, −1 when the last month is negative. */
static gboolean
months_payback (const GArray *months,
                gboolean      discounted,
                double       *payback,
                int          *break_even)
{
  int horizon = months->len - 1;
  int last_negative = -1;
  double before, after;

  if (break_even != NULL)
    *break_even = -1;
  *payback = NAN;
  if (!(cumulative_at (months, horizon, discounted) >= 0.0))
    return FALSE;

  for (int m = horizon - 1; m >= 0 && last_negative < 0; m--)
    if (cumulative_at (months, m, discounted) < 0.0)
      last_negative = m;
  if (last_negative < 0)
    {
      *payback = 0.0;
      if (break_even != NULL)
        *break_even = 0;
      return TRUE;
    }

  /* before < 0 ≤ after: the crossing is inside month last_negative + 1. */
  before = cumulative_at (months, last_negative, discounted);
  after = cumulative_at (months, last_negative + 1, discounted);
  *payback = last_negative + -before / (after - before);
  if (break_even != NULL)
    *break_even = last_negative + 1;
  return TRUE;
}

static gboolean
validate (const CgScenario  *scenario,
          GError           **error)
{
  g_autoptr(GArray) months = NULL;

  if (scenario->horizon_months < 1 || scenario->horizon_months > CG_FINANCE_MAX_HORIZON)
    {
      g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                   _("The horizon is %d months; choose between 1 and %d."),
                   scenario->horizon_months, CG_FINANCE_MAX_HORIZON);
      return FALSE;
    }
  if (!isfinite (scenario->discount_rate) || scenario->discount_rate <= -1.0)
    {
      g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                   _("The discount rate must be a number above −100 %%."));
      return FALSE;
    }

  for (guint i = 0; i < scenario->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (scenario->items, i);

      if (item->factors->len == 0 && !isfinite (item->amount))
        {
          g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                       _("The amount of “%s” is not a number; enter one."), item->name);
          return FALSE;
        }
      for (guint j = 0; j < item->factors->len; j++)
        {
          const CgFactor *factor = g_ptr_array_index (item->factors, j);

          if (!isfinite (factor->value))
            {
              g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                           _("The value of %s in “%s” is not a number; enter one."),
                           factor->name, item->name);
              return FALSE;
            }
        }
      if (item->month < 0)
        {
          g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                       _("“%s” starts in month %d, before the start; use month 0 or later."),
                       item->name, item->month);
          return FALSE;
        }
      if (item->kind == CG_ITEM_INVESTMENT)
        continue;
      if (item->end_month >= 0 && item->end_month < item->month)
        {
          g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                       _("“%s” ends in month %d, before it starts in month %d."),
                       item->name, item->end_month, item->month);
          return FALSE;
        }
      if (!isfinite (item->annual_growth) || item->annual_growth <= -1.0)
        {
          g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                       _("The growth of “%s” must be a number above −100 %% a year."),
                       item->name);
          return FALSE;
        }
    }

  /* Valid inputs can still overflow: a huge growth over fifty years. */
  months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  fill_months (scenario, NULL, months);
  for (guint m = 0; m < months->len; m++)
    {
      const CgCashFlow *row = &g_array_index (months, CgCashFlow, m);

      if (!isfinite (row->cumulative) || !isfinite (row->discounted_cumulative))
        {
          g_set_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID,
                       _("The cash flow of month %u is too large to compute; "
                         "check amounts and growth."), m);
          return FALSE;
        }
    }
  return TRUE;
}

/* Refines the root of @f inside [lo, hi], where f(lo) and f(hi) have
 * opposite signs, with Brent's method. */
static double
solve_brent (gsl_function *f,
             double        lo,
             double        hi,
             double        epsabs)
{
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  double root;

  gsl_root_fsolver_set (solver, f, lo, hi);
  for (int iter = 0; iter < BRENT_MAX_ITER; iter++)
    {
      if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
        break;
      if (gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                  gsl_root_fsolver_x_upper (solver),
                                  epsabs, 1e-13) == GSL_SUCCESS)
        break;
    }
  root = gsl_root_fsolver_root (solver);
  gsl_root_fsolver_free (solver);
  return root;
}

static gboolean
opposite_signs (double a,
                double b)
{
  return (a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0);
}

typedef struct {
  const double *net;
  int           horizon;
} NetFlows;

/* NPV of the net flows at monthly rate r, times min(1, (1 + r)^H): the same
 * sign and roots as the NPV for r > −1, and by Horner's scheme every power
 * is ≤ 1, so nothing overflows even near r = −100 %. */
static double
scaled_npv (double  r,
            void   *data)
{
  const NetFlows *flows = data;
  double acc;

  if (r >= 0.0)
    {
      double v = 1.0 / (1.0 + r);

      acc = flows->net[flows->horizon];
      for (int m = flows->horizon - 1; m >= 0; m--)
        acc = acc * v + flows->net[m];
    }
  else
    {
      acc = flows->net[0];
      for (int m = 1; m <= flows->horizon; m++)
        acc = acc * (1.0 + r) + flows->net[m];
    }
  return acc;
}

static void
find_irr (CgFinanceResult *result)
{
  g_autofree double *net = g_new (double, result->months->len);
  NetFlows flows = { net, 0 };
  gsl_function f = { scaled_npv, &flows };
  double x_lowest = log1p (IRR_LOWEST);
  double x_highest = log1p (IRR_HIGHEST);
  double previous = 0.0, r_previous = 0.0, first_zero = NAN;
  int sign_changes = 0, last_sign = 0;

  for (guint m = 0; m < result->months->len; m++)
    {
      net[m] = g_array_index (result->months, CgCashFlow, m).net;
      if (net[m] != 0.0)
        {
          int sign = net[m] > 0.0 ? 1 : -1;

          if (last_sign != 0 && sign != last_sign)
            sign_changes++;
          last_sign = sign;
          /* Trailing zero months would only make (1 + r)^H underflow. */
          flows.horizon = m;
        }
    }
  result->irr_monthly = NAN;
  result->irr_annual = NAN;
  if (sign_changes == 0)
    return;

  /* Walk the grid remembering the last non-zero value; a run of exact
   * zeros between opposite signs is a root at its first point. */
  for (int i = 0; i <= IRR_GRID_STEPS; i++)
    {
      double r = i == 0 ? IRR_LOWEST
               : i == IRR_GRID_STEPS ? IRR_HIGHEST
               : expm1 (x_lowest + (x_highest - x_lowest) * i / IRR_GRID_STEPS);
      double value = scaled_npv (r, &flows);

      if (value == 0.0)
        {
          if (isnan (first_zero))
            first_zero = r;
          continue;
        }
      if (previous != 0.0 && opposite_signs (previous, value))
        {
          double root = !isnan (first_zero) ? first_zero : solve_brent (&f, r_previous, r, 1e-15);

          g_array_append_val (result->irr_roots, root);
        }
      previous = value;
      r_previous = r;
      first_zero = NAN;
    }

  if (result->irr_roots->len == 0)
    return;
  result->irr_defined = TRUE;
  result->multiple_roots = result->irr_roots->len > 1;
  result->irr_monthly = g_array_index (result->irr_roots, double, 0);
  for (guint i = 1; i < result->irr_roots->len; i++)
    {
      double root = g_array_index (result->irr_roots, double, i);

      if (fabs (root) < fabs (result->irr_monthly))
        result->irr_monthly = root;
    }
  result->irr_annual = pow (1.0 + result->irr_monthly, 12.0) - 1.0;
}

CgFinanceResult *
cg_finance_evaluate (const CgScenario  *scenario,
                     GError           **error)
{
  g_autoptr(CgFinanceResult) result = NULL;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate (scenario, error))
    return NULL;

  result = g_new0 (CgFinanceResult, 1);
  result->months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  result->irr_roots = g_array_new (FALSE, FALSE, sizeof (double));
  result->monthly_rate = monthly_rate (scenario->discount_rate);
  fill_months (scenario, NULL, result->months);

  for (guint m = 0; m < result->months->len; m++)
    {
      const CgCashFlow *row = &g_array_index (result->months, CgCashFlow, m);

      result->total_investment += row->investment;
      result->total_cost += row->cost;
      result->total_benefit += row->benefit;
    }
  result->total_net = result->total_benefit - result->total_cost - result->total_investment;
  result->npv = months_npv (result->months);

  result->roi_defined = result->total_cost + result->total_investment != 0.0;
  result->roi = result->roi_defined
              ? result->total_net / (result->total_cost + result->total_investment)
              : NAN;

  find_irr (result);

  result->payback_reached = months_payback (result->months, FALSE, &result->payback_months,
                                            &result->break_even_month);
  result->discounted_payback_reached =
    months_payback (result->months, TRUE, &result->discounted_payback_months, NULL);

  return g_steal_pointer (&result);
}

void
cg_finance_result_free (CgFinanceResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->months, g_array_unref);
  g_clear_pointer (&result->irr_roots, g_array_unref);
  g_free (result);
}

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
      fill_months (scenario, &ov, months);
      sensitivity->npv[k] = months_npv (months);
      months_payback (months, FALSE, &sensitivity->payback_months[k], NULL);
      months_payback (months, TRUE, &sensitivity->discounted_payback_months[k], NULL);
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

  if (!validate (scenario, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_sensitivity_free);
  months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  fill_months (scenario, NULL, months);
  base_npv = months_npv (months);

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
  fill_months (problem->scenario, &problem->ov, problem->months);
  npv = months_npv (problem->months);
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
  *root = solve_brent (&f, lo, hi, epsabs);
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
          else if (opposite_signs (f_hi, fx))
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
          else if (opposite_signs (fx, f_lo))
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

  if (!validate (scenario, error))
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

  if (!validate (scenario, error))
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
