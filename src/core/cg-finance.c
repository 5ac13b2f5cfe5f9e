/* cg-finance.c — cash flows, NPV, ROI, IRR and payback of a scenario.
 *
 * Every figure is computed from one table of monthly flows
 * (cg_finance_fill_months); the sensitivity and break-even analyses of
 * cg-finance-sensitivity.c rebuild that table with one input replaced.
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
#include "cg-finance-private.h"

G_DEFINE_QUARK (cg-finance-error-quark, cg_finance_error)

/* The IRR is searched among monthly rates in [−99 %, +1000 %], on a grid
 * uniform in ln(1 + r): fine near 0, where real projects' rates are, and
 * coarse towards the ends.  Roots closer together than one grid step (about
 * 0.035 % near r = 0) are missed, as are double roots, where the NPV touches
 * 0 without changing sign. */
#define IRR_LOWEST       (-0.99)
#define IRR_HIGHEST      CG_FINANCE_IRR_HIGHEST
#define IRR_GRID_STEPS   20000

#define BRENT_MAX_ITER   200

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
void
cg_finance_fill_months (const CgScenario *scenario,
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

double
cg_finance_months_npv (const GArray *months)
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
gboolean
cg_finance_months_payback (const GArray *months,
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

gboolean
cg_finance_validate (const CgScenario  *scenario,
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
  cg_finance_fill_months (scenario, NULL, months);
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
double
cg_finance_solve_brent (gsl_function *f,
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

gboolean
cg_finance_opposite_signs (double a,
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
      if (previous != 0.0 && cg_finance_opposite_signs (previous, value))
        {
          double root = !isnan (first_zero) ? first_zero
                                            : cg_finance_solve_brent (&f, r_previous, r, 1e-15);

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

  if (!cg_finance_validate (scenario, error))
    return NULL;

  result = g_new0 (CgFinanceResult, 1);
  result->months = g_array_new (FALSE, FALSE, sizeof (CgCashFlow));
  result->irr_roots = g_array_new (FALSE, FALSE, sizeof (double));
  result->monthly_rate = monthly_rate (scenario->discount_rate);
  cg_finance_fill_months (scenario, NULL, result->months);

  for (guint m = 0; m < result->months->len; m++)
    {
      const CgCashFlow *row = &g_array_index (result->months, CgCashFlow, m);

      result->total_investment += row->investment;
      result->total_cost += row->cost;
      result->total_benefit += row->benefit;
    }
  result->total_net = result->total_benefit - result->total_cost - result->total_investment;
  result->npv = cg_finance_months_npv (result->months);

  result->roi_defined = result->total_cost + result->total_investment != 0.0;
  result->roi = result->roi_defined
              ? result->total_net / (result->total_cost + result->total_investment)
              : NAN;

  find_irr (result);

  result->payback_reached =
    cg_finance_months_payback (result->months, FALSE, &result->payback_months,
                               &result->break_even_month);
  result->discounted_payback_reached =
    cg_finance_months_payback (result->months, TRUE, &result->discounted_payback_months, NULL);

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
