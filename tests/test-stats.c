/* test-stats.c — the statistics toolkit against published and hand-computed values.
 *
 * Expected values come from the literature (cited at each case), from
 * tiny inputs worked by hand (the working is in the comments), or from
 * closed forms evaluated here with <math.h> only (erfc, lgamma, atan),
 * never from GSL, which the code under test uses.  Every literal was
 * re-checked with python3's math module.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "cg-stats.h"

/* Published values carry four decimals. */
#define PUBLISHED_4DP 5e-5
/* Closed forms evaluated here agree with the code to rounding. */
#define CLOSE 1e-9

/* Upper quantiles of the standard normal, Abramowitz & Stegun (1964),
 * Table 26.5: z_{0.025} and z_{0.20}. */
#define Z_975 1.959963984540054
#define Z_80  0.8416212335729143

/* Φ(x) through erfc, independent of GSL. */
static double
normal_cdf (double x)
{
  return 0.5 * erfc (-x / M_SQRT2);
}

/* P(|Z| ≥ |z|). */
static double
normal_two_sided_p (double z)
{
  return erfc (fabs (z) / M_SQRT2);
}

/* Newcombe (1998), "Two-sided confidence intervals for the single
 * proportion: comparison of seven methods", Stat Med 17:857–872, Table I,
 * method 3 (score interval without continuity correction). */
static void
test_wilson_newcombe (void)
{
  static const struct {
    guint64 x, n;
    double lower, upper;
  } cases[] = {
    { 81, 263, 0.2553, 0.3662 },
    { 15, 148, 0.0624, 0.1605 },
    { 0, 20, 0.0000, 0.1611 },
    { 1, 29, 0.0061, 0.1718 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CgInterval ci;

      g_test_message ("%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT, cases[i].x, cases[i].n);
      g_assert_true (cg_stats_wilson (cases[i].x, cases[i].n, CG_STATS_CONFIDENCE, &ci));
      g_assert_cmpfloat_with_epsilon (ci.estimate, (double) cases[i].x / cases[i].n, CLOSE);
      g_assert_cmpfloat_with_epsilon (ci.lower, cases[i].lower, PUBLISHED_4DP);
      g_assert_cmpfloat_with_epsilon (ci.upper, cases[i].upper, PUBLISHED_4DP);
    }
}

/* Other levels and the boundaries. */
static void
test_wilson_levels (void)
{
  CgInterval ci;

  /* 81/263 at 90 %: z = 1.644853626951472 (A&S Table 26.5), p = 81/263,
   * (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) = (0.263314, 0.356566). */
  g_assert_true (cg_stats_wilson (81, 263, 0.90, &ci));
  g_assert_cmpfloat_with_epsilon (ci.lower, 0.2633136171884814, CLOSE);
  g_assert_cmpfloat_with_epsilon (ci.upper, 0.3565663496084882, CLOSE);

  /* Every call connected: the upper bound is 1 itself; the lower bound is
   * n/(n + z²) in closed form when x = n. */
  g_assert_true (cg_stats_wilson (20, 20, CG_STATS_CONFIDENCE, &ci));
  g_assert_cmpfloat (ci.upper, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (ci.lower, 20.0 / (20.0 + Z_975 * Z_975), CLOSE);

  /* No calls, no interval; the output is left alone. */
  ci.lower = -1.0;
  g_assert_false (cg_stats_wilson (0, 0, CG_STATS_CONFIDENCE, &ci));
  g_assert_cmpfloat (ci.lower, ==, -1.0);
}

/* Newcombe (1998), "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Stat Med
 * 17:873–890, Table II, method 10 (hybrid score), examples (a)–(h). */
static void
test_proportions_newcombe (void)
{
  static const struct {
    guint64 x1, n1, x2, n2;
    double lower, upper;
  } cases[] = {
    { 56, 70, 48, 80, 0.0524, 0.3339 },
    { 9, 10, 3, 10, 0.1705, 0.8090 },
    { 6, 7, 2, 7, 0.0582, 0.8062 },
    { 5, 56, 0, 29, -0.0381, 0.1926 },
    { 0, 10, 0, 20, -0.1611, 0.2775 },
    { 0, 10, 0, 10, -0.2775, 0.2775 },
    { 10, 10, 0, 20, 0.6791, 1.0000 },
    { 10, 10, 0, 10, 0.6075, 1.0000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CgProportionComparison c;
      double p1 = (double) cases[i].x1 / cases[i].n1;
      double p2 = (double) cases[i].x2 / cases[i].n2;

      g_test_message ("%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " vs %" G_GUINT64_FORMAT
                      "/%" G_GUINT64_FORMAT,
                      cases[i].x1, cases[i].n1, cases[i].x2, cases[i].n2);
      g_assert_true (cg_stats_compare_proportions (cases[i].x1, cases[i].n1,
                                                   cases[i].x2, cases[i].n2,
                                                   CG_STATS_ALPHA, &c));
      g_assert_cmpfloat_with_epsilon (c.rate1, p1, CLOSE);
      g_assert_cmpfloat_with_epsilon (c.rate2, p2, CLOSE);
      g_assert_cmpfloat_with_epsilon (c.difference, p1 - p2, CLOSE);
      g_assert_cmpfloat_with_epsilon (c.lower, cases[i].lower, PUBLISHED_4DP);
      g_assert_cmpfloat_with_epsilon (c.upper, cases[i].upper, PUBLISHED_4DP);
    }
}

/* The pooled z-test by hand.  56/70 vs 48/80: p̄ = 104/150,
 * se = √(p̄(1 − p̄)(1/70 + 1/80)) = 0.075468, z = 0.2/se = 2.650172,
 * p = erfc(z/√2) = 0.008045. */
static void
test_proportions_z (void)
{
  CgProportionComparison c;
  double pooled = 104.0 / 150.0;
  double z = 0.2 / sqrt (pooled * (1.0 - pooled) * (1.0 / 70 + 1.0 / 80));

  g_assert_cmpfloat_with_epsilon (z, 2.6501719512585336, CLOSE);

  g_assert_true (cg_stats_compare_proportions (56, 70, 48, 80, CG_STATS_ALPHA, &c));
  g_assert_cmpfloat_with_epsilon (c.z, z, CLOSE);
  g_assert_cmpfloat_with_epsilon (c.p_value, normal_two_sided_p (z), CLOSE);
  g_assert_cmpfloat_with_epsilon (c.p_value, 0.008045081368196568, CLOSE);
  g_assert_true (c.significant);
  /* Significant at 5 %, not at 0.5 %. */
  g_assert_true (cg_stats_compare_proportions (56, 70, 48, 80, 0.005, &c));
  g_assert_false (c.significant);

  /* Swapping the groups flips the signs and nothing else. */
  g_assert_true (cg_stats_compare_proportions (48, 80, 56, 70, CG_STATS_ALPHA, &c));
  g_assert_cmpfloat_with_epsilon (c.z, -z, CLOSE);
  g_assert_cmpfloat_with_epsilon (c.difference, -0.2, CLOSE);
  g_assert_cmpfloat_with_epsilon (c.lower, -0.3339, PUBLISHED_4DP);
  g_assert_cmpfloat_with_epsilon (c.upper, -0.0524, PUBLISHED_4DP);

  /* 60/100 vs 40/100: p̄ = ½, se = √(¼ · 2/100) = √2/20, z = 0.2/se = 2√2,
   * z² = 8, the X² of the same 2×2 table (see /stats/chisq/two-by-two). */
  g_assert_true (cg_stats_compare_proportions (60, 100, 40, 100, CG_STATS_ALPHA, &c));
  g_assert_cmpfloat_with_epsilon (c.z, 2.0 * M_SQRT2, CLOSE);
  g_assert_cmpfloat_with_epsilon (c.p_value, erfc (2.0), CLOSE);
}

static void
test_proportions_edge (void)
{
  CgProportionComparison c;

  /* One group without calls: nothing to compare. */
  g_assert_false (cg_stats_compare_proportions (5, 10, 0, 0, CG_STATS_ALPHA, &c));
  g_assert_false (cg_stats_compare_proportions (0, 0, 5, 10, CG_STATS_ALPHA, &c));

  /* Nobody connected on either line: same rate, no variance, no evidence;
   * the interval is still Newcombe's example (e). */
  g_assert_true (cg_stats_compare_proportions (0, 10, 0, 20, CG_STATS_ALPHA, &c));
  g_assert_cmpfloat (c.z, ==, 0.0);
  g_assert_cmpfloat (c.p_value, ==, 1.0);
  g_assert_false (c.significant);
  g_assert_cmpfloat_with_epsilon (c.lower, -0.1611, PUBLISHED_4DP);

  /* The interval follows alpha.  With x = 0 the Wilson upper bound is
   * z²/(n + z²) and the lower bound 0, so 0/10 vs 0/10 gives ±z²/(10 + z²);
   * at 90 %, z = 1.644853626951472 (A&S Table 26.5): ±0.212942. */
  g_assert_true (cg_stats_compare_proportions (0, 10, 0, 10, 0.10, &c));
  g_assert_cmpfloat_with_epsilon (c.upper, 0.2129419700834069, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.lower, -0.2129419700834069, 1e-9);

  /* Everyone connected on both. */
  g_assert_true (cg_stats_compare_proportions (7, 7, 30, 30, CG_STATS_ALPHA, &c));
  g_assert_cmpfloat (c.difference, ==, 0.0);
  g_assert_cmpfloat (c.p_value, ==, 1.0);
}

/* Fleiss, Levin & Paik (2003), Statistical Methods for Rates and
 * Proportions, 3rd ed., chapter 4, evaluated here:
 *   n = (z_{α/2} √(2 p̄ q̄) + z_β √(p1 q1 + p2 q2))² / d²,
 *   n' = n/4 (1 + √(1 + 4/(n d)))².
 * 0.30 vs 0.40: n = 355.94 → 356, n' = 375.68 → 376 (the value of
 * Fleiss's continuity-corrected tables).
 * 0.05 vs 0.10: n = 434.43 → 435, n' = 473.59 → 474. */
static double
fleiss_n (double p1,
          double p2)
{
  double mean = (p1 + p2) / 2.0;
  double root = Z_975 * sqrt (2.0 * mean * (1.0 - mean))
                + Z_80 * sqrt (p1 * (1.0 - p1) + p2 * (1.0 - p2));

  return root * root / ((p1 - p2) * (p1 - p2));
}

static void
test_sample_size (void)
{
  static const struct {
    double p1, p2;
    double n, n_cc;
  } cases[] = {
    { 0.30, 0.40, 356, 376 },
    { 0.40, 0.30, 356, 376 },
    { 0.05, 0.10, 435, 474 },
    { 0.25, 0.35, 329, 349 },
  };
  CgSampleSize size;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double n = fleiss_n (cases[i].p1, cases[i].p2);
      double d = fabs (cases[i].p1 - cases[i].p2);
      double n_cc = n / 4.0 * pow (1.0 + sqrt (1.0 + 4.0 / (n * d)), 2.0);

      g_test_message ("%.2f vs %.2f", cases[i].p1, cases[i].p2);
      g_assert_cmpfloat (ceil (n), ==, cases[i].n);
      g_assert_cmpfloat (ceil (n_cc), ==, cases[i].n_cc);
      g_assert_true (cg_stats_sample_size (cases[i].p1, cases[i].p2,
                                           CG_STATS_ALPHA, CG_STATS_POWER, &size));
      g_assert_cmpfloat (size.calls_per_group, ==, cases[i].n);
      g_assert_cmpfloat (size.calls_per_group_cc, ==, cases[i].n_cc);
    }

  /* Equal rates: no sample is large enough. */
  size.calls_per_group = -1.0;
  g_assert_false (cg_stats_sample_size (0.3, 0.3, CG_STATS_ALPHA, CG_STATS_POWER, &size));
  g_assert_cmpfloat (size.calls_per_group, ==, -1.0);
}

/* power = Φ((d − z σ0)/σ1) + Φ((−d − z σ0)/σ1), σ0² = p̄q̄(1/n1 + 1/n2)
 * with the pooled p̄, σ1² = p1q1/n1 + p2q2/n2, Φ from erfc. */
static double
expected_power (double  p1,
                double  p2,
                guint64 n1,
                guint64 n2)
{
  double pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
  double sigma0 = sqrt (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
  double sigma1 = sqrt (p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2);
  double d = fabs (p1 - p2);

  return normal_cdf ((d - Z_975 * sigma0) / sigma1) + normal_cdf ((-d - Z_975 * sigma0) / sigma1);
}

static void
test_power (void)
{
  double power;

  /* 0.30 vs 0.40 with 100 calls each: 0.3158; unequal 200 and 150: 0.4963. */
  g_assert_true (cg_stats_power (0.3, 0.4, 100, 100, CG_STATS_ALPHA, &power));
  g_assert_cmpfloat_with_epsilon (power, expected_power (0.3, 0.4, 100, 100), CLOSE);
  g_assert_cmpfloat_with_epsilon (power, 0.3158429250699368, CLOSE);
  g_assert_true (cg_stats_power (0.3, 0.4, 200, 150, CG_STATS_ALPHA, &power));
  g_assert_cmpfloat_with_epsilon (power, 0.4962785179489247, CLOSE);

  /* The sample size above is the smallest that reaches 80 %. */
  g_assert_true (cg_stats_power (0.3, 0.4, 356, 356, CG_STATS_ALPHA, &power));
  g_assert_cmpfloat (power, >=, 0.80);
  g_assert_cmpfloat_with_epsilon (power, 0.8000641045090087, CLOSE);
  g_assert_true (cg_stats_power (0.3, 0.4, 355, 355, CG_STATS_ALPHA, &power));
  g_assert_cmpfloat (power, <, 0.80);

  /* 0 % against 100 %: every sample shows the whole difference. */
  g_assert_true (cg_stats_power (0.0, 1.0, 5, 5, CG_STATS_ALPHA, &power));
  g_assert_cmpfloat (power, ==, 1.0);

  g_assert_false (cg_stats_power (0.3, 0.3, 100, 100, CG_STATS_ALPHA, &power));
  g_assert_false (cg_stats_power (0.3, 0.4, 0, 100, CG_STATS_ALPHA, &power));
}

/* Line A connected 60 of 100, line B 40 of 100.  Expected counts are 50
 * in every cell, so X² = 4 · 10²/50 = 8 with 1 df, and with one df
 * P(χ² ≥ x) = P(|Z| ≥ √x) = erfc(√(x/2)) = erfc(2) = 0.0046777. */
static void
test_chisq_two_by_two (void)
{
  static const guint64 table[] = { 60, 40,
                                   40, 60 };
  CgChisq chisq;

  g_assert_true (cg_stats_chisq (table, 2, 2, &chisq));
  g_assert_cmpfloat_with_epsilon (chisq.statistic, 8.0, CLOSE);
  g_assert_cmpuint (chisq.df, ==, 1);
  g_assert_cmpfloat_with_epsilon (chisq.p_value, erfc (2.0), CLOSE);
  g_assert_cmpfloat_with_epsilon (chisq.min_expected, 50.0, CLOSE);
  g_assert_cmpuint (chisq.n_small_expected, ==, 0);
  g_assert_false (chisq.sparse);
}

/* Three lines, 30, 45 and 60 connected of 100 calls each.  Overall rate
 * 135/300 = 0.45: expected 45 connected and 55 not in every row.
 * X² = 2 · 15²/45 + 2 · 15²/55 = 10 + 90/11 = 200/11, df = 2, and with
 * two df P(χ² ≥ x) = exp(−x/2) = exp(−100/11) = 1.1269e-4.  Empty groups
 * are left out and change nothing. */
static void
test_chisq_rates (void)
{
  static const guint64 connected[] = { 30, 0, 45, 60 };
  static const guint64 calls[] = { 100, 0, 100, 100 };
  CgChisq chisq;

  g_assert_true (cg_stats_chisq_rates (connected, calls, 4, &chisq));
  g_assert_cmpfloat_with_epsilon (chisq.statistic, 200.0 / 11.0, CLOSE);
  g_assert_cmpuint (chisq.df, ==, 2);
  g_assert_cmpfloat_with_epsilon (chisq.p_value, exp (-100.0 / 11.0), 1e-12);
  g_assert_false (chisq.sparse);
}

/* Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
 * §2.4: party identification (Democrat, Independent, Republican) by
 * gender, General Social Survey; published X² = 30.1, df = 2.  To more
 * digits X² = 30.070149 (recomputed from the table); p = exp(−X²/2). */
static void
test_chisq_agresti (void)
{
  static const guint64 table[] = { 762, 327, 468,
                                   484, 239, 477 };
  CgChisq chisq;

  g_assert_true (cg_stats_chisq (table, 2, 3, &chisq));
  g_assert_cmpfloat_with_epsilon (chisq.statistic, 30.1, 0.05);
  g_assert_cmpfloat_with_epsilon (chisq.statistic, 30.070149095754672, 1e-9);
  g_assert_cmpuint (chisq.df, ==, 2);
  g_assert_cmpfloat_with_epsilon (chisq.p_value, exp (-30.070149095754672 / 2.0), 1e-15);
}

/* A 3 × 3 table by hand: row and column totals 30, 30, 30 of 90, so every
 * expected count is 10.  Deviations: diagonal +10, +10, +10 and six
 * off-diagonal −5: X² = (3 · 100 + 6 · 25)/10 = 45, df = 4, and with four
 * df P(χ² ≥ x) = exp(−x/2)(1 + x/2) = exp(−22.5) · 23.5. */
static void
test_chisq_three_by_three (void)
{
  static const guint64 table[] = { 20, 5, 5,
                                   5, 20, 5,
                                   5, 5, 20 };
  CgChisq chisq;

  g_assert_true (cg_stats_chisq (table, 3, 3, &chisq));
  g_assert_cmpfloat_with_epsilon (chisq.statistic, 45.0, CLOSE);
  g_assert_cmpuint (chisq.df, ==, 4);
  g_assert_cmpfloat_with_epsilon (chisq.p_value / (exp (-22.5) * 23.5), 1.0, 1e-9);
}

/* Cochran's rule: at most 20 % of expected counts below 5, none below 1. */
static void
test_chisq_sparse (void)
{
  /* 3/4 vs 1/4: every expected count is 2. */
  static const guint64 small[] = { 3, 1,
                                   1, 3 };
  /* Nine slots with 50 of 100 and one slot with 1 of 1: 451 of 901 calls
   * connected, so the last row expects 451/901 connected and 450/901 not,
   * both below 1, while only those 2 of 20 cells (10 %) are below 5. */
  static const guint64 connected[] = { 50, 50, 50, 50, 50, 50, 50, 50, 50, 1 };
  static const guint64 calls[] = { 100, 100, 100, 100, 100, 100, 100, 100, 100, 1 };
  CgChisq chisq;

  g_assert_true (cg_stats_chisq (small, 2, 2, &chisq));
  g_assert_cmpuint (chisq.n_small_expected, ==, 4);
  g_assert_cmpfloat_with_epsilon (chisq.min_expected, 2.0, CLOSE);
  g_assert_true (chisq.sparse);

  g_assert_true (cg_stats_chisq_rates (connected, calls, 10, &chisq));
  g_assert_cmpuint (chisq.n_small_expected, ==, 2);
  g_assert_cmpfloat_with_epsilon (chisq.min_expected, 450.0 / 901.0, CLOSE);
  g_assert_true (chisq.sparse);
}

static void
test_chisq_degenerate (void)
{
  static const guint64 all_connected[] = { 10, 20 };
  static const guint64 one_group[] = { 10 };
  static const guint64 one_calls[] = { 30 };
  static const guint64 empty[] = { 0, 0,
                                   0, 0 };
  CgChisq chisq;

  /* Every call connected: no "not connected" column to compare. */
  g_assert_false (cg_stats_chisq_rates (all_connected, all_connected, 2, &chisq));
  g_assert_false (cg_stats_chisq_rates (one_group, one_calls, 1, &chisq));
  g_assert_false (cg_stats_chisq (empty, 2, 2, &chisq));
  g_assert_false (cg_stats_chisq (NULL, 0, 0, &chisq));
}

/* The four-hypothesis example of the Wikipedia article "Holm–Bonferroni
 * method": p = 0.01, 0.04, 0.03, 0.005.  Sorted: 0.005 · 4 = 0.02,
 * 0.01 · 3 = 0.03, 0.03 · 2 = 0.06, 0.04 · 1 = 0.04 → max so far 0.06.
 * In input order: 0.03, 0.06, 0.06, 0.02. */
static void
test_holm (void)
{
  double p[] = { 0.01, 0.04, 0.03, 0.005 };
  const double expected[] = { 0.03, 0.06, 0.06, 0.02 };
  double adjusted[G_N_ELEMENTS (p)];
  /* 3 · 0.5, 2 · 0.6, 1 · 0.7 all capped at 1. */
  const double large[] = { 0.7, 0.5, 0.6 };
  double capped[G_N_ELEMENTS (large)];
  /* Ties: 0.02 · 3 = 0.06 and 0.02 · 2 = 0.04 → monotone max 0.06 for both;
   * 0.5 · 1 = 0.5. */
  const double tied[] = { 0.5, 0.02, 0.02 };
  double tied_adjusted[G_N_ELEMENTS (tied)];

  cg_stats_holm (p, G_N_ELEMENTS (p), adjusted);
  for (gsize i = 0; i < G_N_ELEMENTS (p); i++)
    g_assert_cmpfloat_with_epsilon (adjusted[i], expected[i], 1e-15);

  /* In place. */
  cg_stats_holm (p, G_N_ELEMENTS (p), p);
  for (gsize i = 0; i < G_N_ELEMENTS (p); i++)
    g_assert_cmpfloat_with_epsilon (p[i], expected[i], 1e-15);

  cg_stats_holm (large, G_N_ELEMENTS (large), capped);
  for (gsize i = 0; i < G_N_ELEMENTS (large); i++)
    g_assert_cmpfloat (capped[i], ==, 1.0);

  cg_stats_holm (tied, G_N_ELEMENTS (tied), tied_adjusted);
  g_assert_cmpfloat_with_epsilon (tied_adjusted[0], 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (tied_adjusted[1], 0.06, 1e-15);
  g_assert_cmpfloat_with_epsilon (tied_adjusted[2], 0.06, 1e-15);

  /* Nothing to adjust. */
  cg_stats_holm (NULL, 0, NULL);
}

/* P(X ≥ x) = Σ_{k=x}^{n} C(n, k) r^k (1 − r)^(n−k), the binomial
 * coefficients through lgamma. */
static double
binomial_upper_sum (guint  x,
                    guint  n,
                    double rate)
{
  double sum = 0.0;

  for (guint k = x; k <= n; k++)
    sum += exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma (n - k + 1.0)
                + k * log (rate) + (n - k) * log (1.0 - rate));
  return sum;
}

static void
test_binomial_upper (void)
{
  /* A Tuesday-10:00 cell with 18 connected of 40 against an overall 30 %:
   * 0.031951. */
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (18, 40, 0.3),
                                  binomial_upper_sum (18, 40, 0.3), 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (18, 40, 0.3),
                                  0.031951263651390074, 1e-12);
  /* 5 of 168 at 1 %: 0.027641. */
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (5, 168, 0.01),
                                  0.0276412361265613, 1e-12);
  /* x = n: P(X = n) = r^n. */
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (40, 40, 0.3) / pow (0.3, 40),
                                  1.0, 1e-9);
  /* x = 1: 1 − (1 − r)^n. */
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (1, 10, 0.3),
                                  1.0 - pow (0.7, 10), 1e-12);

  g_assert_cmpfloat (cg_stats_binomial_upper_p (0, 40, 0.3), ==, 1.0);
  g_assert_cmpfloat (cg_stats_binomial_upper_p (0, 0, 0.3), ==, 1.0);
  g_assert_cmpfloat (cg_stats_binomial_upper_p (41, 40, 0.3), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (3, 40, 0.0), 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (cg_stats_binomial_upper_p (3, 40, 1.0), 1.0, 1e-15);
}

static void
mean_sd (const double *x,
         gsize         n,
         double       *mean,
         double       *sd)
{
  double sum = 0.0, squares = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += x[i];
  *mean = sum / n;
  for (gsize i = 0; i < n; i++)
    squares += (x[i] - *mean) * (x[i] - *mean);
  *sd = sqrt (squares / (n - 1));
}

/* Density of Student's t with ν df. */
static double
t_density (double x,
           double df)
{
  return exp (lgamma ((df + 1.0) / 2.0) - lgamma (df / 2.0)) / sqrt (df * G_PI)
         * pow (1.0 + x * x / df, -(df + 1.0) / 2.0);
}

/* Two-sided p = 1 − 2 ∫₀^|t| f, by Simpson's rule. */
static double
t_two_sided_p (double t,
               double df)
{
  const int steps = 20000;
  double h = fabs (t) / steps;
  double sum = t_density (0.0, df) + t_density (fabs (t), df);

  for (int i = 1; i < steps; i++)
    sum += (i % 2 ? 4.0 : 2.0) * t_density (i * h, df);
  return 1.0 - 2.0 * sum * h / 3.0;
}

/* Example 1 of the Wikipedia article "Welch's t-test" (two samples of 15):
 * published t = −2.46, ν ≈ 25.0, p = 0.021.  From the data to more
 * digits: means 20.82 and 22.986667, SDs 2.804894 and 1.952605,
 * t = −2.455356, ν = 24.988529, p = 0.021378. */
static void
test_welch_wikipedia (void)
{
  static const double a1[] = { 27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1,
                               21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4 };
  static const double a2[] = { 27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0,
                               24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4 };
  double m1, s1, m2, s2;
  CgWelch welch;

  mean_sd (a1, G_N_ELEMENTS (a1), &m1, &s1);
  mean_sd (a2, G_N_ELEMENTS (a2), &m2, &s2);
  g_assert_true (cg_stats_welch (m1, s1, G_N_ELEMENTS (a1), m2, s2, G_N_ELEMENTS (a2),
                                 CG_STATS_CONFIDENCE, &welch));
  g_assert_cmpfloat_with_epsilon (welch.t, -2.46, 0.005);
  g_assert_cmpfloat_with_epsilon (welch.df, 25.0, 0.05);
  g_assert_cmpfloat_with_epsilon (welch.p_value, 0.021, 0.0005);
  g_assert_cmpfloat_with_epsilon (welch.t, -2.455356398286006, 1e-9);
  g_assert_cmpfloat_with_epsilon (welch.df, 24.98852929023142, 1e-9);
  g_assert_cmpfloat_with_epsilon (welch.p_value, t_two_sided_p (welch.t, welch.df), 1e-9);
  g_assert_cmpfloat_with_epsilon (welch.difference, m1 - m2, CLOSE);
  /* The interval excludes 0 exactly when p < 5 %. */
  g_assert_cmpfloat (welch.upper, <, 0.0);
}

/* Small cases with closed-form t distributions. */
static void
test_welch_closed_form (void)
{
  CgWelch welch;
  double t;

  /* {1, 3} vs {6, 8}: means 2 and 7, both SDs √2, so v1 = v2 = 1,
   * se = √2, t = −5/√2, ν = (1 + 1)²/(1 + 1) = 2.  With 2 df,
   * P(|T| ≥ t) = 1 − t/√(t² + 2) and the 97.5 % quantile is
   * 0.95/√(2 · 0.975 · 0.025) = 4.302653 (tables: 4.303). */
  g_assert_true (cg_stats_welch (2.0, M_SQRT2, 2, 7.0, M_SQRT2, 2, CG_STATS_CONFIDENCE, &welch));
  t = 5.0 / M_SQRT2;
  g_assert_cmpfloat_with_epsilon (welch.t, -t, CLOSE);
  g_assert_cmpfloat_with_epsilon (welch.df, 2.0, CLOSE);
  g_assert_cmpfloat_with_epsilon (welch.p_value, 1.0 - t / sqrt (t * t + 2.0), CLOSE);
  g_assert_cmpfloat_with_epsilon (welch.lower, -5.0 - 4.302652729749464 * M_SQRT2, 1e-8);
  g_assert_cmpfloat_with_epsilon (welch.upper, -5.0 + 4.302652729749464 * M_SQRT2, 1e-8);

  /* A second group without spread: ν = v1²/(v1²/(n1 − 1)) = n1 − 1 = 1,
   * the Cauchy distribution, P(|T| ≥ t) = 1 − (2/π) atan t.
   * v1 = 2/2 = 1, t = (4.5 − 3)/1 = 1.5. */
  g_assert_true (cg_stats_welch (4.5, M_SQRT2, 2, 3.0, 0.0, 10, CG_STATS_CONFIDENCE, &welch));
  g_assert_cmpfloat_with_epsilon (welch.t, 1.5, CLOSE);
  g_assert_cmpfloat_with_epsilon (welch.df, 1.0, CLOSE);
  g_assert_cmpfloat_with_epsilon (welch.p_value, 1.0 - 2.0 / G_PI * atan (1.5), CLOSE);

  /* Undefined: one answer in a group, or no spread anywhere. */
  g_assert_false (cg_stats_welch (4.0, 1.0, 1, 3.0, 1.0, 10, CG_STATS_CONFIDENCE, &welch));
  g_assert_false (cg_stats_welch (4.0, 0.0, 5, 3.0, 0.0, 10, CG_STATS_CONFIDENCE, &welch));
  g_assert_false (cg_stats_welch (4.0, 1.0, 0, 3.0, 1.0, 0, CG_STATS_CONFIDENCE, &welch));
}

/* t quantiles with closed forms: 1 df tan(π(q − ½)), 97.5 %: 12.706205
 * (tables: 12.706); 2 df (2q − 1)/√(2q(1 − q)): 4.302653. */
static void
test_mean_ci (void)
{
  CgInterval ci;

  /* Answers {3, 4, 5}: mean 4, SD 1, n = 3 → 4 ± 4.302653/√3. */
  g_assert_true (cg_stats_mean_ci (4.0, 1.0, 3, CG_STATS_CONFIDENCE, &ci));
  g_assert_cmpfloat (ci.estimate, ==, 4.0);
  g_assert_cmpfloat_with_epsilon (ci.lower, 4.0 - 4.302652729749464 / sqrt (3.0), 1e-8);
  g_assert_cmpfloat_with_epsilon (ci.upper, 4.0 + 4.302652729749464 / sqrt (3.0), 1e-8);

  /* Answers {3, 5}: mean 4, SD √2, n = 2 → 4 ± 12.706205 · √2/√2. */
  g_assert_true (cg_stats_mean_ci (4.0, M_SQRT2, 2, CG_STATS_CONFIDENCE, &ci));
  g_assert_cmpfloat_with_epsilon (ci.upper, 4.0 + tan (0.475 * G_PI), 1e-8);
  g_assert_cmpfloat_with_epsilon (ci.upper, 4.0 + 12.706204736174696, 1e-8);

  /* Everyone gave 5 stars: a zero-width interval, still defined. */
  g_assert_true (cg_stats_mean_ci (5.0, 0.0, 30, CG_STATS_CONFIDENCE, &ci));
  g_assert_cmpfloat (ci.lower, ==, 5.0);
  g_assert_cmpfloat (ci.upper, ==, 5.0);

  g_assert_false (cg_stats_mean_ci (4.0, 0.0, 1, CG_STATS_CONFIDENCE, &ci));
  g_assert_false (cg_stats_mean_ci (4.0, 0.0, 0, CG_STATS_CONFIDENCE, &ci));
}

/* By hand, x = {1, 2, 2, 4} (plus a missing answer), y = {2, 3, 5}.
 * Pooled and sorted: 1x 2x 2x 2y 3y 4x 5y; the three 2s share ranks
 * 2–4, mid-rank 3.  R_x = 1 + 3 + 3 + 6 = 13, U = 13 − 4·5/2 = 3 (pairs
 * x > y: 4 > 2, 4 > 3, and two ties 2 = 2 at ½ each).  E U = 4·3/2 = 6.
 * One tie of t = 3: Σ(t³ − t) = 24, N = 7,
 * Var U = 12/12 · (8 − 24/42) = 52/7.
 * z = −(|3 − 6| − ½)/√(52/7) = −0.917249, p = erfc(|z|/√2) = 0.359012. */
static void
test_mann_whitney_ties (void)
{
  const double x[] = { 1, 2, NAN, 2, 4 };
  const double y[] = { 2, 3, 5 };
  double z = -2.5 / sqrt (52.0 / 7.0);
  CgMannWhitney mw;

  g_assert_true (cg_stats_mann_whitney (x, G_N_ELEMENTS (x), y, G_N_ELEMENTS (y), &mw));
  g_assert_cmpuint (mw.n_x, ==, 4);
  g_assert_cmpuint (mw.n_y, ==, 3);
  g_assert_cmpfloat_with_epsilon (mw.u, 3.0, CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.z, z, CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.z, -0.9172492321316785, CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.p_value, normal_two_sided_p (z), CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.p_value, 0.3590120537864295, CLOSE);

  /* The other way round: U' = n_x n_y − U = 9, z flips. */
  g_assert_true (cg_stats_mann_whitney (y, G_N_ELEMENTS (y), x, G_N_ELEMENTS (x), &mw));
  g_assert_cmpfloat_with_epsilon (mw.u, 9.0, CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.z, -z, CLOSE);
}

/* x = {1, 2, 3}, y = {4, 5, 6}: U = 0, E U = 4.5, no ties,
 * Var U = 9/12 · 7 = 5.25, z = −4/√5.25 = −1.745743, p = 0.080856. */
static void
test_mann_whitney_separated (void)
{
  const double x[] = { 3, 1, 2 };
  const double y[] = { 6, 4, 5 };
  CgMannWhitney mw;

  g_assert_true (cg_stats_mann_whitney (x, 3, y, 3, &mw));
  g_assert_cmpfloat (mw.u, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (mw.z, -4.0 / sqrt (5.25), CLOSE);
  g_assert_cmpfloat_with_epsilon (mw.p_value, 0.0808555983700523, CLOSE);
}

static void
test_mann_whitney_edge (void)
{
  const double x[] = { 1, 2 };
  const double y[] = { 2, 1 };
  const double fives[] = { 5, 5, 5 };
  const double missing[] = { NAN, NAN };
  CgMannWhitney mw;

  /* U = 2 = E U: within the continuity correction, z = 0 and p = 1. */
  g_assert_true (cg_stats_mann_whitney (x, 2, y, 2, &mw));
  g_assert_cmpfloat_with_epsilon (mw.u, 2.0, CLOSE);
  g_assert_cmpfloat (mw.z, ==, 0.0);
  g_assert_cmpfloat (mw.p_value, ==, 1.0);

  /* All answers equal: no variance. */
  g_assert_false (cg_stats_mann_whitney (fives, 3, fives, 2, &mw));
  /* An empty group, or one with only missing answers. */
  g_assert_false (cg_stats_mann_whitney (x, 2, NULL, 0, &mw));
  g_assert_false (cg_stats_mann_whitney (missing, 2, y, 2, &mw));
}

/* Four respondents, three items, by hand (sample variances, n − 1 = 3):
 *   item 1: 2 4 3 5 → mean 3.5, s² = (2.25 + .25 + .25 + 2.25)/3 = 5/3
 *   item 2: 3 4 3 4 → mean 3.5, s² = 1/3
 *   item 3: 3 5 4 4 → mean 4,   s² = (1 + 1 + 0 + 0)/3 = 2/3
 *   totals: 8 13 10 13 → mean 11, s² = (9 + 4 + 1 + 4)/3 = 6
 *   α = 3/2 · (1 − (8/3)/6) = 5/6.
 * Item deleted (k − 1 = 2, factor 2):
 *   without 1: totals 6 9 7 8, s² = 5/3,  α = 2(1 − 1/(5/3)) = 4/5
 *   without 2: totals 5 9 7 9, s² = 11/3, α = 2(1 − (7/3)/(11/3)) = 8/11
 *   without 3: totals 5 8 6 9, s² = 10/3, α = 2(1 − 2/(10/3)) = 4/5.
 * A fifth respondent who skipped an item does not count. */
static void
test_cronbach (void)
{
  const double scores[] = { 2, 3, 3,
                            4, 4, 5,
                            3, NAN, 1,
                            3, 3, 4,
                            5, 4, 4 };
  const double if_deleted[] = { 4.0 / 5.0, 8.0 / 11.0, 4.0 / 5.0 };
  double alpha, deleted[3];
  gsize n_complete;

  g_assert_true (cg_stats_cronbach_alpha (scores, 5, 3, &alpha, deleted, &n_complete));
  g_assert_cmpuint (n_complete, ==, 4);
  g_assert_cmpfloat_with_epsilon (alpha, 5.0 / 6.0, CLOSE);
  for (gsize j = 0; j < 3; j++)
    g_assert_cmpfloat_with_epsilon (deleted[j], if_deleted[j], CLOSE);

  /* Optional outputs may be left out. */
  g_assert_true (cg_stats_cronbach_alpha (scores, 5, 3, &alpha, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (alpha, 5.0 / 6.0, CLOSE);
}

/* Two items: items 1 and 3 above, totals 5 9 7 9 with s² = 11/3,
 * α = 2(1 − (5/3 + 2/3)/(11/3)) = 8/11; deleting one leaves a single
 * item, for which alpha is undefined. */
static void
test_cronbach_two_items (void)
{
  const double scores[] = { 2, 3,
                            4, 5,
                            3, 4,
                            5, 4 };
  double alpha, deleted[2];

  g_assert_true (cg_stats_cronbach_alpha (scores, 4, 2, &alpha, deleted, NULL));
  g_assert_cmpfloat_with_epsilon (alpha, 8.0 / 11.0, CLOSE);
  g_assert_true (isnan (deleted[0]) && isnan (deleted[1]));
}

static void
test_cronbach_undefined (void)
{
  /* Everyone answered 4 to everything: no variance. */
  const double same[] = { 4, 4, 4,
                          4, 4, 4,
                          4, 4, 4 };
  const double one_row[] = { 1, 2, 3,
                             NAN, 2, 3 };
  double alpha = -42.0, deleted[3];
  gsize n_complete;

  g_assert_false (cg_stats_cronbach_alpha (same, 3, 3, &alpha, deleted, NULL));
  g_assert_false (cg_stats_cronbach_alpha (one_row, 2, 3, &alpha, NULL, &n_complete));
  g_assert_cmpuint (n_complete, ==, 1);
  g_assert_false (cg_stats_cronbach_alpha (same, 9, 1, &alpha, NULL, NULL));
  g_assert_false (cg_stats_cronbach_alpha (NULL, 0, 3, &alpha, NULL, &n_complete));
  g_assert_cmpuint (n_complete, ==, 0);
  g_assert_cmpfloat (alpha, ==, -42.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/wilson/newcombe", test_wilson_newcombe);
  g_test_add_func ("/stats/wilson/levels", test_wilson_levels);
  g_test_add_func ("/stats/proportions/newcombe", test_proportions_newcombe);
  g_test_add_func ("/stats/proportions/z-test", test_proportions_z);
  g_test_add_func ("/stats/proportions/edge", test_proportions_edge);
  g_test_add_func ("/stats/sample-size", test_sample_size);
  g_test_add_func ("/stats/power", test_power);
  g_test_add_func ("/stats/chisq/two-by-two", test_chisq_two_by_two);
  g_test_add_func ("/stats/chisq/rates", test_chisq_rates);
  g_test_add_func ("/stats/chisq/agresti", test_chisq_agresti);
  g_test_add_func ("/stats/chisq/three-by-three", test_chisq_three_by_three);
  g_test_add_func ("/stats/chisq/sparse", test_chisq_sparse);
  g_test_add_func ("/stats/chisq/degenerate", test_chisq_degenerate);
  g_test_add_func ("/stats/holm", test_holm);
  g_test_add_func ("/stats/binomial-upper", test_binomial_upper);
  g_test_add_func ("/stats/welch/wikipedia", test_welch_wikipedia);
  g_test_add_func ("/stats/welch/closed-form", test_welch_closed_form);
  g_test_add_func ("/stats/mean-ci", test_mean_ci);
  g_test_add_func ("/stats/mann-whitney/ties", test_mann_whitney_ties);
  g_test_add_func ("/stats/mann-whitney/separated", test_mann_whitney_separated);
  g_test_add_func ("/stats/mann-whitney/edge", test_mann_whitney_edge);
  g_test_add_func ("/stats/cronbach/by-hand", test_cronbach);
  g_test_add_func ("/stats/cronbach/two-items", test_cronbach_two_items);
  g_test_add_func ("/stats/cronbach/undefined", test_cronbach_undefined);

  return g_test_run ();
}
