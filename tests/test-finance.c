/* test-finance.c — cash flows, NPV, ROI, IRR, payback, sensitivity, break-even.
 *
 * Expected values come from closed forms evaluated here with pow() (the
 * annuity factor a(n) = (1 − (1 + r)^−n) / r, geometric sums), from results
 * published for Excel and LibreOffice, or from python3 run outside this code
 * (plain float arithmetic, bisection to 300 halvings), quoted where used:
 *
 *   npv = lambda r, cf: sum(c / (1 + r)**k for k, c in enumerate(cf))
 *   def bisect(f, lo, hi):
 *       flo = f(lo)
 *       for _ in range(300):
 *           mid = (lo + hi) / 2
 *           if (f(mid) < 0) == (flo < 0): lo, flo = mid, f(mid)
 *           else: hi = mid
 *       return (lo + hi) / 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "cg-finance.h"

static CgScenario *
scenario_new (int    horizon,
              double rate)
{
  CgScenario *s = cg_scenario_new ("test");

  s->horizon_months = horizon;
  s->discount_rate = rate;
  return s;
}

/* An item flowing in months @month..@end_month (−1: to the horizon). */
static CgScenarioItem *
add_item (CgScenario *s,
          CgItemKind  kind,
          double      amount,
          int         month,
          int         end_month)
{
  CgScenarioItem *item = cg_scenario_add_item (s, "item", kind, NULL, amount);

  item->month = month;
  item->end_month = end_month;
  return item;
}

static const CgCashFlow *
month_of (const CgFinanceResult *result,
          guint                  m)
{
  g_assert_cmpuint (m, <, result->months->len);
  return &g_array_index (result->months, CgCashFlow, m);
}

/* Present value of 1 a month for @n months at monthly rate @r, first
 * payment at the end of month 1. */
static double
annuity_factor (double r,
                int    n)
{
  return r == 0.0 ? n : (1.0 - pow (1.0 + r, -n)) / r;
}

static double
monthly_from_annual (double annual)
{
  return pow (1.0 + annual, 1.0 / 12.0) - 1.0;
}

/* Investment 100,000 in month 0, then 5,000 a month for 24 months at 12 % a
 * year. */
static CgScenario *
annuity_scenario (void)
{
  CgScenario *s = scenario_new (24, 0.12);

  add_item (s, CG_ITEM_INVESTMENT, 100000.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, 5000.0, 1, -1);
  return s;
}

static void
test_annuity (void)
{
  g_autoptr(CgScenario) s = annuity_scenario ();
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;
  double r = monthly_from_annual (0.12);
  double expected_npv = -100000.0 + 5000.0 * annuity_factor (r, 24);

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  g_assert_cmpuint (result->months->len, ==, 25);
  g_assert_cmpfloat_with_epsilon (result->monthly_rate, r, 1e-15);
  g_assert_cmpfloat (month_of (result, 0)->net, ==, -100000.0);
  g_assert_cmpfloat (month_of (result, 0)->discount_factor, ==, 1.0);
  g_assert_cmpfloat (month_of (result, 1)->net, ==, 5000.0);
  g_assert_cmpfloat_with_epsilon (month_of (result, 12)->discount_factor, 1.0 / 1.12, 1e-14);
  g_assert_cmpfloat_with_epsilon (month_of (result, 24)->discount_factor,
                                  1.0 / (1.12 * 1.12), 1e-14);
  g_assert_cmpfloat (month_of (result, 24)->cumulative, ==, 20000.0);

  /* python3: npv(r, [-100000] + [5000] * 24) = 6866.133473009869 */
  g_assert_cmpfloat_with_epsilon (result->npv, expected_npv, 1e-7);
  g_assert_cmpfloat_with_epsilon (result->npv, 6866.133473009869, 1e-6);
  g_assert_cmpfloat_with_epsilon (month_of (result, 24)->discounted_cumulative, expected_npv, 1e-7);

  g_assert_cmpfloat (result->total_investment, ==, 100000.0);
  g_assert_cmpfloat (result->total_cost, ==, 0.0);
  g_assert_cmpfloat (result->total_benefit, ==, 120000.0);
  g_assert_cmpfloat (result->total_net, ==, 20000.0);
  g_assert_true (result->roi_defined);
  g_assert_cmpfloat_with_epsilon (result->roi, 0.2, 1e-15);

  /* −100000 + 5000 k = 0 at k = 20 exactly. */
  g_assert_true (result->payback_reached);
  g_assert_cmpfloat (result->payback_months, ==, 20.0);
  g_assert_cmpint (result->break_even_month, ==, 20);

  /* Discounted cumulative D(k) = −100000 + 5000 a(k) crosses 0 at
   * k* = −ln(1 − 20 r) / ln(1 + r) ≈ 22.3, interpolated linearly between
   * the whole months around it.  python3: 22.284216357065052 */
  {
    double k_star = -log (1.0 - 20.0 * r) / log1p (r);
    int k = (int) floor (k_star);
    double d_k = -100000.0 + 5000.0 * annuity_factor (r, k);
    double d_k1 = -100000.0 + 5000.0 * annuity_factor (r, k + 1);

    g_assert_cmpint (k, ==, 22);
    g_assert_true (result->discounted_payback_reached);
    g_assert_cmpfloat_with_epsilon (result->discounted_payback_months,
                                    k + -d_k / (d_k1 - d_k), 1e-9);
    g_assert_cmpfloat_with_epsilon (result->discounted_payback_months, 22.284216357065052, 1e-9);
  }

  /* python3: bisect(lambda r: npv(r, [-100000] + [5000] * 24), 0, 1)
   *   = 0.01513084390231001; annual (1 + irr)**12 - 1 = 0.19746901258147198 */
  g_assert_true (result->irr_defined);
  g_assert_false (result->multiple_roots);
  g_assert_cmpuint (result->irr_roots->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (result->irr_monthly, 0.01513084390231001, 1e-12);
  g_assert_cmpfloat (g_array_index (result->irr_roots, double, 0), ==, result->irr_monthly);
  g_assert_cmpfloat_with_epsilon (result->irr_annual, 0.19746901258147198, 1e-10);
  g_assert_cmpfloat_with_epsilon (-100000.0 + 5000.0 * annuity_factor (result->irr_monthly, 24),
                                  0.0, 1e-6);
}

static void
test_annuity_break_even (void)
{
  g_autoptr(CgScenario) s = annuity_scenario ();
  g_autoptr(GError) error = NULL;
  double a = annuity_factor (monthly_from_annual (0.12), 24);
  double value = NAN;

  /* The rate at which NPV = 0 is the annual IRR (python3 above). */
  g_assert_true (cg_finance_break_even_rate (s, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 0.19746901258147198, 1e-10);

  /* NPV is linear in each amount: investment = 5000 a(24), benefit = 100000 / a(24). */
  g_assert_true (cg_finance_break_even (s, 0, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 5000.0 * a, 1e-6);
  g_assert_true (cg_finance_break_even (s, 1, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 100000.0 / a, 1e-7);
}

/* Excel and LibreOffice: IRR({−1000; 300; 400; 500}) = 0.0889633947 (8.896 %),
 * NPV(0.1; 300; 400; 500) − 1000 = −21.036814.  python3 agrees:
 * bisect → 0.08896339469335002, npv(0.1, …) = −21.0368144252443. */
static void
test_excel_reference (void)
{
  g_autoptr(CgScenario) s = scenario_new (3, pow (1.1, 12.0) - 1.0);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_item (s, CG_ITEM_INVESTMENT, 1000.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, 300.0, 1, 1);
  add_item (s, CG_ITEM_BENEFIT, 400.0, 2, 2);
  add_item (s, CG_ITEM_BENEFIT, 500.0, 3, 3);

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (result->monthly_rate, 0.1, 1e-14);
  g_assert_cmpfloat_with_epsilon (result->npv, -21.036814, 5e-7);
  g_assert_cmpfloat_with_epsilon (result->npv, -21.0368144252443, 1e-9);
  g_assert_true (result->irr_defined);
  g_assert_false (result->multiple_roots);
  g_assert_cmpfloat_with_epsilon (result->irr_monthly, 0.0889633947, 5e-11);
  g_assert_cmpfloat_with_epsilon (result->irr_annual, pow (1.0889633947, 12.0) - 1.0, 1e-8);

  /* Cumulative −1000, −700, −300, 200: 2 + 300 / 500. */
  g_assert_cmpfloat_with_epsilon (result->payback_months, 2.6, 1e-14);
  g_assert_cmpint (result->break_even_month, ==, 3);
  /* Discounted: 300/1.1 + 400/1.21 = 603.3058 < 1000, and NPV < 0 at month 3. */
  g_assert_false (result->discounted_payback_reached);
  g_assert_true (isnan (result->discounted_payback_months));
}

static void
test_no_sign_change (void)
{
  g_autoptr(CgScenario) gains = scenario_new (12, 0.08);
  g_autoptr(CgScenario) losses = scenario_new (12, 0.08);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Benefits only: never negative, paid back at once, nothing spent. */
  add_item (gains, CG_ITEM_BENEFIT, 100.0, 1, -1);
  result = cg_finance_evaluate (gains, &error);
  g_assert_no_error (error);
  g_assert_false (result->irr_defined);
  g_assert_false (result->multiple_roots);
  g_assert_cmpuint (result->irr_roots->len, ==, 0);
  g_assert_true (isnan (result->irr_monthly));
  g_assert_true (result->payback_reached);
  g_assert_cmpfloat (result->payback_months, ==, 0.0);
  g_assert_cmpint (result->break_even_month, ==, 0);
  g_assert_false (result->roi_defined);
  g_assert_true (isnan (result->roi));
  g_clear_pointer (&result, cg_finance_result_free);

  /* Costs only: payback never reached; ROI = (0 − 500 − 1200) / 1700 = −1. */
  add_item (losses, CG_ITEM_INVESTMENT, 500.0, 0, -1);
  add_item (losses, CG_ITEM_COST, 100.0, 1, -1);
  result = cg_finance_evaluate (losses, &error);
  g_assert_no_error (error);
  g_assert_false (result->irr_defined);
  g_assert_cmpuint (result->irr_roots->len, ==, 0);
  g_assert_false (result->payback_reached);
  g_assert_true (isnan (result->payback_months));
  g_assert_false (result->discounted_payback_reached);
  g_assert_true (isnan (result->discounted_payback_months));
  g_assert_cmpint (result->break_even_month, ==, -1);
  g_assert_true (result->roi_defined);
  g_assert_cmpfloat (result->roi, ==, -1.0);
}

/* −100, +230, −132: −100 + 230 v − 132 v² = 0 with v = 1 / (1 + r) has the
 * roots v = 10/11 and 5/6, i.e. r = 10 % and 20 %. */
static void
test_two_roots (void)
{
  g_autoptr(CgScenario) s = scenario_new (2, 0.05);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_item (s, CG_ITEM_INVESTMENT, 100.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, 230.0, 1, 1);
  add_item (s, CG_ITEM_COST, 132.0, 2, 2);

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_true (result->irr_defined);
  g_assert_true (result->multiple_roots);
  g_assert_cmpuint (result->irr_roots->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (result->irr_roots, double, 0), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (result->irr_roots, double, 1), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->irr_monthly, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->irr_annual, pow (1.1, 12.0) - 1.0, 1e-10);

  /* Cumulative −100, 130, −2: negative at the end. */
  g_assert_false (result->payback_reached);
  g_assert_cmpint (result->break_even_month, ==, -1);
}

/* −1000, +50, +50 and then 598 months of nothing: 50 v + 50 v² = 1000 with
 * v = 1 / (1 + r) gives v = 4, r = −75 % a month. */
static void
test_negative_irr (void)
{
  g_autoptr(CgScenario) s = scenario_new (CG_FINANCE_MAX_HORIZON, 0.08);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_item (s, CG_ITEM_INVESTMENT, 1000.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, 50.0, 1, 2);

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_true (result->irr_defined);
  g_assert_false (result->multiple_roots);
  g_assert_cmpfloat_with_epsilon (result->irr_monthly, -0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->irr_annual, pow (0.25, 12.0) - 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (result->roi, -0.9, 1e-15);
}

/* −100 in month 0, then @monthly in months 1..4, at 0 % a year. */
static CgFinanceResult *
evaluate_payback (double monthly)
{
  g_autoptr(CgScenario) s = scenario_new (4, 0.0);
  g_autoptr(GError) error = NULL;
  CgFinanceResult *result;

  add_item (s, CG_ITEM_INVESTMENT, 100.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, monthly, 1, -1);
  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  return result;
}

static void
test_payback_in_month (void)
{
  g_autoptr(CgFinanceResult) fifty = evaluate_payback (50.0);
  g_autoptr(CgFinanceResult) forty = evaluate_payback (40.0);

  /* −100, −50, 0: reached exactly at the end of month 2. */
  g_assert_true (fifty->payback_reached);
  g_assert_cmpfloat (fifty->payback_months, ==, 2.0);
  g_assert_cmpint (fifty->break_even_month, ==, 2);

  /* −100, −60, −20, 20: half-way through month 3. */
  g_assert_true (forty->payback_reached);
  g_assert_cmpfloat (forty->payback_months, ==, 2.5);
  g_assert_cmpint (forty->break_even_month, ==, 3);

  /* At 0 % the NPV is the plain sum and discounting changes nothing. */
  g_assert_cmpfloat (fifty->monthly_rate, ==, 0.0);
  g_assert_cmpfloat (fifty->npv, ==, -100.0 + 4 * 50.0);
  g_assert_cmpfloat (forty->npv, ==, -100.0 + 4 * 40.0);
  g_assert_true (forty->discounted_payback_reached);
  g_assert_cmpfloat (forty->discounted_payback_months, ==, 2.5);
  g_assert_cmpfloat (month_of (forty, 4)->discount_factor, ==, 1.0);
}

/* −100, 60, 60, −50, 40, 40: cumulative −100, −40, 20, −30, 10, 50.  It is
 * positive in month 2 but dips again; the last crossing, 3 + 30 / 40, counts. */
static void
test_payback_dips_again (void)
{
  g_autoptr(CgScenario) s = scenario_new (5, 0.0);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_item (s, CG_ITEM_INVESTMENT, 100.0, 0, -1);
  add_item (s, CG_ITEM_BENEFIT, 60.0, 1, 2);
  add_item (s, CG_ITEM_INVESTMENT, 50.0, 3, -1);
  add_item (s, CG_ITEM_BENEFIT, 40.0, 4, 5);

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (month_of (result, 2)->cumulative, ==, 20.0);
  g_assert_cmpfloat (month_of (result, 3)->cumulative, ==, -30.0);
  g_assert_true (result->payback_reached);
  g_assert_cmpfloat (result->payback_months, ==, 3.75);
  g_assert_cmpint (result->break_even_month, ==, 4);

  /* Three sign changes in the flows but one real root.  python3: a scan of
   * 20,000 points over ln(1 + r) in [ln 0.01, ln 11] with bisection finds
   * only 0.18902581232577254. */
  g_assert_true (result->irr_defined);
  g_assert_false (result->multiple_roots);
  g_assert_cmpfloat_with_epsilon (result->irr_monthly, 0.18902581232577254, 1e-12);
}

/* 1,000 a month from month 1 growing 12 % a year: month m pays
 * 1000 × 1.12^((m − 1) / 12), so month 13 pays 1,120 and month 25 1,254.40;
 * over months 1..25 a geometric sum with q = 1.12^(1/12).  python3:
 * sum(1000 * 1.12**((m - 1) / 12) for m in range(1, 26)) = 28064.975565708744 */
static void
test_growth (void)
{
  g_autoptr(CgScenario) s = scenario_new (25, 0.0);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CgScenarioItem *cost = add_item (s, CG_ITEM_COST, 1000.0, 1, -1);
  CgScenarioItem *investment = add_item (s, CG_ITEM_INVESTMENT, 300.0, 3, -1);
  double q = pow (1.12, 1.0 / 12.0);

  cost->annual_growth = 0.12;
  investment->annual_growth = 0.5;  /* ignored: an investment is one sum */

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (month_of (result, 0)->cost, ==, 0.0);
  g_assert_cmpfloat (month_of (result, 1)->cost, ==, 1000.0);
  g_assert_cmpfloat_with_epsilon (month_of (result, 7)->cost, 1000.0 * sqrt (1.12), 1e-9);
  g_assert_cmpfloat_with_epsilon (month_of (result, 13)->cost, 1120.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (month_of (result, 25)->cost, 1254.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->total_cost,
                                  1000.0 * (pow (q, 25) - 1.0) / (q - 1.0), 1e-7);
  g_assert_cmpfloat_with_epsilon (result->total_cost, 28064.975565708744, 1e-7);
  g_assert_cmpfloat (month_of (result, 3)->investment, ==, 300.0);
  g_assert_cmpfloat (result->total_investment, ==, 300.0);
}

/* Months 0..10: each item only inside its window, clipped to the horizon. */
static void
test_windows (void)
{
  g_autoptr(CgScenario) s = scenario_new (10, 0.0);
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;
  /*                             month: 0  1  2      3    4    5  6  7   8    9   10 */
  static const double benefit[11]    = { 7, 0, 0,   100, 100, 100, 0, 0,   0,   0,   0 };
  static const double cost[11]       = { 0, 0, 0,     0,   0,   0, 0, 0,  10,  10,  10 };
  static const double investment[11] = { 0, 0, 1000,  0,   0,   0, 0, 0,   0,   0,  20 };

  add_item (s, CG_ITEM_BENEFIT, 100.0, 3, 5);
  add_item (s, CG_ITEM_BENEFIT, 7.0, 0, 0);
  add_item (s, CG_ITEM_COST, 10.0, 8, 20);         /* ends after the horizon */
  add_item (s, CG_ITEM_COST, 99.0, 11, -1);        /* starts after the horizon */
  add_item (s, CG_ITEM_INVESTMENT, 1000.0, 2, -1);
  add_item (s, CG_ITEM_INVESTMENT, 20.0, 10, -1);  /* in the last month */
  add_item (s, CG_ITEM_INVESTMENT, 500.0, 11, -1); /* after the horizon */

  result = cg_finance_evaluate (s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->months->len, ==, 11);
  for (guint m = 0; m <= 10; m++)
    {
      const CgCashFlow *row = month_of (result, m);

      g_assert_cmpint (row->month, ==, m);
      g_assert_cmpfloat (row->benefit, ==, benefit[m]);
      g_assert_cmpfloat (row->cost, ==, cost[m]);
      g_assert_cmpfloat (row->investment, ==, investment[m]);
      g_assert_cmpfloat (row->net, ==, benefit[m] - cost[m] - investment[m]);
    }
  g_assert_cmpfloat (result->total_benefit, ==, 307.0);
  g_assert_cmpfloat (result->total_cost, ==, 30.0);
  g_assert_cmpfloat (result->total_investment, ==, 1020.0);
  g_assert_cmpfloat (month_of (result, 10)->cumulative, ==, 307.0 - 30.0 - 1020.0);
}

/* Investment 100,000; cost 2,000 a month; benefit calls 10,000 × connect
 * rate 0.3 × conversion 0.05 × average sale 100 = 15,000 a month; 12 months
 * at 10 % a year.  NPV = −100000 + (15000 − 2000) a(12). */
static CgScenario *
tornado_scenario (void)
{
  CgScenario *s = scenario_new (12, 0.1);
  CgScenarioItem *sales;

  cg_scenario_add_item (s, "系统建设", CG_ITEM_INVESTMENT, "hardware", 100000.0);
  cg_scenario_add_item (s, "坐席人工", CG_ITEM_COST, "labour", 2000.0);
  sales = cg_scenario_add_item (s, "新增销售", CG_ITEM_BENEFIT, "revenue", 0.0);
  cg_scenario_item_add_factor (sales, "calls", 10000.0, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (sales, "connect_rate", 0.3, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (sales, "conversion", 0.05, CG_SOURCE_ASSUMPTION);
  cg_scenario_item_add_factor (sales, "average_sale", 100.0, CG_SOURCE_ASSUMPTION);
  return s;
}

static void
test_sensitivity (void)
{
  g_autoptr(CgScenario) s = tornado_scenario ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  double a = annuity_factor (monthly_from_annual (0.1), 12);
  double a_low = annuity_factor (monthly_from_annual (0.08), 12);
  double a_high = annuity_factor (monthly_from_annual (0.12), 12);
  double base_npv = -100000.0 + 13000.0 * a;
  gboolean seen[4] = { FALSE, };
  const CgSensitivity *row;

  rows = cg_finance_sensitivity (s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 7);

  /* python3: a(12) at 10 % = 11.400487829330688; factor swing 6000 a =
   * 68402.93 > investment 40000 > cost 800 a = 9120.39 > rate 2877.44. */
  for (guint i = 0; i < 4; i++)
    {
      static const char *const names[] = { "calls", "connect_rate", "conversion", "average_sale" };
      guint j;

      row = g_ptr_array_index (rows, i);
      g_assert_cmpint (row->input, ==, CG_FINANCE_INPUT_FACTOR);
      g_assert_cmpint (row->item_index, ==, 2);
      g_assert_cmpstr (row->item_name, ==, "新增销售");
      for (j = 0; j < 4; j++)
        if (g_strcmp0 (row->factor_name, names[j]) == 0)
          break;
      g_assert_cmpuint (j, <, 4);
      g_assert_false (seen[j]);
      seen[j] = TRUE;

      /* ±x % of one factor is ±x % of the product. */
      g_assert_cmpfloat_with_epsilon (row->base_npv, base_npv, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->npv[0], -100000.0 + (0.8 * 15000.0 - 2000.0) * a, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->npv[1], -100000.0 + (0.9 * 15000.0 - 2000.0) * a, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->npv[2], -100000.0 + (1.1 * 15000.0 - 2000.0) * a, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->npv[3], -100000.0 + (1.2 * 15000.0 - 2000.0) * a, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->swing, 6000.0 * a, 1e-6);
      g_assert_cmpfloat_with_epsilon (row->swing, 68402.92697598413, 1e-6);
      /* Constant net n a month after I: payback I / n months. */
      g_assert_cmpfloat_with_epsilon (row->payback_months[0], 100000.0 / 10000.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (row->payback_months[3], 100000.0 / 16000.0, 1e-12);
    }

  row = g_ptr_array_index (rows, 4);
  g_assert_cmpint (row->input, ==, CG_FINANCE_INPUT_AMOUNT);
  g_assert_cmpint (row->item_index, ==, 0);
  g_assert_null (row->factor_name);
  g_assert_cmpfloat (row->base_value, ==, 100000.0);
  g_assert_cmpfloat (row->change[0], ==, -0.2);
  g_assert_cmpfloat (row->change[3], ==, 0.2);
  g_assert_cmpfloat_with_epsilon (row->value[0], 80000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->value[3], 120000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->swing, 40000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->payback_months[0], 80000.0 / 13000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (row->payback_months[3], 120000.0 / 13000.0, 1e-12);

  row = g_ptr_array_index (rows, 5);
  g_assert_cmpint (row->input, ==, CG_FINANCE_INPUT_AMOUNT);
  g_assert_cmpint (row->item_index, ==, 1);
  g_assert_cmpstr (row->item_name, ==, "坐席人工");
  g_assert_cmpfloat_with_epsilon (row->swing, 800.0 * a, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->npv[1], -100000.0 + (15000.0 - 1800.0) * a, 1e-6);

  /* The rate moves 10 % to 8 % … 12 %; payback does not depend on it. */
  row = g_ptr_array_index (rows, 6);
  g_assert_cmpint (row->input, ==, CG_FINANCE_INPUT_DISCOUNT_RATE);
  g_assert_cmpint (row->item_index, ==, -1);
  g_assert_null (row->item_name);
  g_assert_cmpfloat_with_epsilon (row->value[0], 0.08, 1e-15);
  g_assert_cmpfloat_with_epsilon (row->value[3], 0.12, 1e-15);
  g_assert_cmpfloat_with_epsilon (row->npv[0], -100000.0 + 13000.0 * a_low, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->npv[3], -100000.0 + 13000.0 * a_high, 1e-6);
  g_assert_cmpfloat_with_epsilon (row->swing, 2877.4442154625676, 1e-6);
  for (guint k = 0; k < CG_SENSITIVITY_N_STEPS; k++)
    g_assert_cmpfloat_with_epsilon (row->payback_months[k], 100000.0 / 13000.0, 1e-12);
  g_assert_true (row->discounted_payback_months[3] > row->discounted_payback_months[0]);
}

static void
test_break_even_factor (void)
{
  g_autoptr(CgScenario) s = tornado_scenario ();
  g_autoptr(GError) error = NULL;
  double a = annuity_factor (monthly_from_annual (0.1), 12);
  double value = NAN;

  /* NPV = −100000 + (50000 c − 2000) a is 0 at c = (100000 / a + 2000) / 50000.
   * python3: 0.21543108943588235 */
  g_assert_true (cg_finance_break_even (s, 2, "connect_rate", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, (100000.0 / a + 2000.0) / 50000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (value, 0.21543108943588235, 1e-12);

  /* The cost that eats the whole margin: 15000 − 100000 / a = 6228.4455282058825. */
  g_assert_true (cg_finance_break_even (s, 1, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 15000.0 - 100000.0 / a, 1e-7);

  /* The amount of an item with factors does not count, not even when it is
   * not a number. */
  value = -1.0;
  g_assert_false (cg_finance_break_even (s, 2, NULL, &value, &error));
  g_assert_no_error (error);
  ((CgScenarioItem *) g_ptr_array_index (s->items, 2))->amount = NAN;
  g_assert_false (cg_finance_break_even (s, 2, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value, ==, -1.0);
  g_assert_true (cg_finance_break_even (s, 2, "connect_rate", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 0.21543108943588235, 1e-12);
}

static void
test_break_even_none (void)
{
  g_autoptr(CgScenario) s = scenario_new (12, 0.08);
  g_autoptr(GError) error = NULL;
  double value = -1.0;

  /* Nothing comes back: NPV < 0 for every cost ≥ 0, and at every rate. */
  add_item (s, CG_ITEM_INVESTMENT, 1000.0, 0, -1);
  add_item (s, CG_ITEM_COST, 10.0, 1, -1);
  /* A benefit after the horizon: the NPV does not depend on it. */
  add_item (s, CG_ITEM_BENEFIT, 5000.0, 13, -1);

  g_assert_false (cg_finance_break_even (s, 1, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_false (cg_finance_break_even (s, 2, NULL, &value, &error));
  g_assert_no_error (error);
  g_assert_false (cg_finance_break_even_rate (s, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value, ==, -1.0);

  /* The investment would have to be negative: −10 a(12) < 0. */
  g_assert_false (cg_finance_break_even (s, 0, NULL, &value, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (CgScenario *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  double value = -1.0;

  result = cg_finance_evaluate (s, &error);
  g_assert_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID);
  g_assert_null (result);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  rows = cg_finance_sensitivity (s, &error);
  g_assert_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID);
  g_assert_null (rows);
  g_clear_error (&error);

  g_assert_false (cg_finance_break_even_rate (s, &value, &error));
  g_assert_error (error, CG_FINANCE_ERROR, CG_FINANCE_ERROR_INVALID);
  g_assert_cmpfloat (value, ==, -1.0);
}

static void
test_invalid (void)
{
  g_autoptr(CgScenario) s = NULL;
  CgScenarioItem *item;
  g_autoptr(CgFinanceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  s = scenario_new (0, 0.08);
  assert_invalid (s);
  s->horizon_months = 601;
  assert_invalid (s);
  s->horizon_months = 12;
  s->discount_rate = -1.0;
  assert_invalid (s);
  s->discount_rate = NAN;
  assert_invalid (s);
  s->discount_rate = 0.08;

  item = add_item (s, CG_ITEM_COST, NAN, 1, -1);
  assert_invalid (s);
  item->amount = 10.0;
  cg_scenario_item_add_factor (item, "seats", NAN, CG_SOURCE_ASSUMPTION);
  assert_invalid (s);
  ((CgFactor *) g_ptr_array_index (item->factors, 0))->value = 5.0;
  item->month = -1;
  assert_invalid (s);
  item->month = 6;
  item->end_month = 5;
  assert_invalid (s);
  item->end_month = -1;
  item->annual_growth = -1.0;
  assert_invalid (s);
  /* 50 × (1e300)^(594 / 12) overflows by month 600. */
  item->annual_growth = 1e300;
  s->horizon_months = 600;
  assert_invalid (s);
  item->annual_growth = 0.0;

  /* Repaired, and at the limits of the horizon. */
  for (int horizon = 1; horizon <= CG_FINANCE_MAX_HORIZON; horizon += CG_FINANCE_MAX_HORIZON - 1)
    {
      s->horizon_months = horizon;
      result = cg_finance_evaluate (s, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->months->len, ==, horizon + 1);
      g_clear_pointer (&result, cg_finance_result_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finance/annuity", test_annuity);
  g_test_add_func ("/finance/annuity/break-even", test_annuity_break_even);
  g_test_add_func ("/finance/excel-reference", test_excel_reference);
  g_test_add_func ("/finance/irr/no-sign-change", test_no_sign_change);
  g_test_add_func ("/finance/irr/two-roots", test_two_roots);
  g_test_add_func ("/finance/irr/negative", test_negative_irr);
  g_test_add_func ("/finance/payback/in-month", test_payback_in_month);
  g_test_add_func ("/finance/payback/dips-again", test_payback_dips_again);
  g_test_add_func ("/finance/flows/growth", test_growth);
  g_test_add_func ("/finance/flows/windows", test_windows);
  g_test_add_func ("/finance/sensitivity", test_sensitivity);
  g_test_add_func ("/finance/break-even/factor", test_break_even_factor);
  g_test_add_func ("/finance/break-even/none", test_break_even_none);
  g_test_add_func ("/finance/invalid", test_invalid);

  return g_test_run ();
}
