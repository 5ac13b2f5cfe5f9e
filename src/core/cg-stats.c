/* cg-stats.c — the statistics behind connect rates, A/B comparisons and surveys.
 *
 * Distributions and their inverses come from GSL; this file only holds the
 * formulas of the tests, each with its definition and where it is published.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

#include "cg-stats.h"

/* Cochran (1954), "Some methods for strengthening the common χ² tests",
 * Biometrics 10:417–451: the chi-square approximation is trusted when no
 * expected count is below 1 and at most 20 % of them are below 5. */
#define COCHRAN_SMALL_EXPECTED   5.0
#define COCHRAN_MAX_SMALL_SHARE  0.2
#define COCHRAN_MIN_EXPECTED     1.0

static gboolean
level_is_valid (double level)
{
  return level > 0.0 && level < 1.0;
}

/* z such that P(|Z| ≤ z) = confidence for a standard normal Z. */
static double
normal_two_sided_quantile (double confidence)
{
  return gsl_cdf_ugaussian_Qinv ((1.0 - confidence) / 2.0);
}

/* P(|Z| ≥ |z|) for a standard normal Z. */
static double
normal_two_sided_p (double z)
{
  return 2.0 * gsl_cdf_ugaussian_Q (fabs (z));
}

/* Wilson score interval (Wilson 1927, JASA 22:209–212; method 3 of
 * Newcombe 1998, Stat Med 17:857–872): the rates π whose score test
 * |p − π| / √(π(1 − π)/n) ≤ z does not reject, solved in closed form:
 *
 *   (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n),   p = x/n.
 *
 * Unlike the textbook p ± z√(p(1 − p)/n) it stays inside [0, 1] and keeps
 * its coverage for small n and for rates near 0 or 1, which small lists
 * and night-time slots produce.  No trials → no interval (FALSE). */
gboolean
cg_stats_wilson (guint64     successes,
                 guint64     trials,
                 double      confidence,
                 CgInterval *interval)
{
  double p, z, z2, denominator, centre, half_width;

  g_return_val_if_fail (successes <= trials, FALSE);
  g_return_val_if_fail (level_is_valid (confidence), FALSE);
  g_return_val_if_fail (interval != NULL, FALSE);

  if (trials == 0)
    return FALSE;

  p = (double) successes / (double) trials;
  z = normal_two_sided_quantile (confidence);
  z2 = z * z;
  denominator = 1.0 + z2 / trials;
  centre = (p + z2 / (2.0 * trials)) / denominator;
  half_width = z * sqrt (p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;

  interval->estimate = p;
  /* At x = 0 and x = n a bound is exactly 0 or 1; say so rather than
   * leave a rounding residue such as 1e-17. */
  interval->lower = successes == 0 ? 0.0 : MAX (0.0, centre - half_width);
  interval->upper = successes == trials ? 1.0 : MIN (1.0, centre + half_width);
  return TRUE;
}

/* Difference of two independent rates, d = p1 − p2.
 *
 * Interval: Newcombe's hybrid score interval (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions:
 * comparison of eleven methods", Stat Med 17:873–890, method 10).  With
 * Wilson intervals (l1, u1) and (l2, u2) at the same level,
 *
 *   lower = d − √((p1 − l1)² + (u2 − p2)²)
 *   upper = d + √((u1 − p1)² + (p2 − l2)²).
 *
 * Test: the pooled two-proportion z-test (e.g. Fleiss, Levin & Paik 2003,
 * "Statistical Methods for Rates and Proportions", 3rd ed.),
 *
 *   z = d / √(p̄(1 − p̄)(1/n1 + 1/n2)),   p̄ = (x1 + x2)/(n1 + n2),
 *
 * two-sided p = 2 Q(|z|); it equals Pearson's chi-square on the 2×2 table
 * (z² = X²).  When p̄ is 0 or 1 both groups have the same rate and nothing
 * varies: z = 0, p = 1.  The interval is at level 1 − alpha so that it
 * excludes 0 about when the test is significant (the two are different
 * methods and may disagree at the margin).  An empty group → FALSE. */
gboolean
cg_stats_compare_proportions (guint64                 x1,
                              guint64                 n1,
                              guint64                 x2,
                              guint64                 n2,
                              double                  alpha,
                              CgProportionComparison *result)
{
  CgInterval w1, w2;
  double pooled, se;

  g_return_val_if_fail (x1 <= n1 && x2 <= n2, FALSE);
  g_return_val_if_fail (level_is_valid (alpha), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!cg_stats_wilson (x1, n1, 1.0 - alpha, &w1) ||
      !cg_stats_wilson (x2, n2, 1.0 - alpha, &w2))
    return FALSE;

  result->rate1 = w1.estimate;
  result->rate2 = w2.estimate;
  result->difference = w1.estimate - w2.estimate;
  result->lower = result->difference - hypot (w1.estimate - w1.lower, w2.upper - w2.estimate);
  result->upper = result->difference + hypot (w1.upper - w1.estimate, w2.estimate - w2.lower);

  pooled = (double) (x1 + x2) / (double) (n1 + n2);
  se = sqrt (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
  if (se > 0.0)
    {
      result->z = result->difference / se;
      result->p_value = normal_two_sided_p (result->z);
    }
  else
    {
      result->z = 0.0;
      result->p_value = 1.0;
    }
  result->significant = result->p_value < alpha;
  return TRUE;
}

/* Calls per group for the two-sided pooled z-test at level alpha to reject
 * with probability `power` when the true rates are rate1 and rate2
 * (Fleiss, Levin & Paik 2003, chapter 4):
 *
 *   n = (z_{α/2} √(2 p̄ q̄) + z_β √(p1 q1 + p2 q2))² / (p1 − p2)²,
 *
 * p̄ = (p1 + p2)/2, q = 1 − p, z_{α/2} and z_β the upper quantiles of the
 * standard normal for α/2 and 1 − power.  The pooled variance is the one
 * the test uses under H0, the unpooled one the spread of d under H1.
 * Fleiss's tables add the continuity correction of Fleiss, Tytun & Ury
 * (1980, Biometrics 36:343–346):
 *
 *   n' = n/4 (1 + √(1 + 4/(n |p1 − p2|)))².
 *
 * Equal rates need infinitely many calls: FALSE. */
gboolean
cg_stats_sample_size (double        rate1,
                      double        rate2,
                      double        alpha,
                      double        power,
                      CgSampleSize *size)
{
  double mean_rate, difference, z_alpha, z_beta, root, n;

  g_return_val_if_fail (rate1 >= 0.0 && rate1 <= 1.0, FALSE);
  g_return_val_if_fail (rate2 >= 0.0 && rate2 <= 1.0, FALSE);
  g_return_val_if_fail (level_is_valid (alpha) && level_is_valid (power), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  difference = fabs (rate1 - rate2);
  if (difference == 0.0)
    return FALSE;

  mean_rate = (rate1 + rate2) / 2.0;
  z_alpha = gsl_cdf_ugaussian_Qinv (alpha / 2.0);
  z_beta = gsl_cdf_ugaussian_Qinv (1.0 - power);
  root = z_alpha * sqrt (2.0 * mean_rate * (1.0 - mean_rate))
         + z_beta * sqrt (rate1 * (1.0 - rate1) + rate2 * (1.0 - rate2));
  /* A power below ½ can make the sum negative: then a single call per
   * group already reaches it, as far as the approximation goes. */
  n = root > 0.0 ? root * root / (difference * difference) : 0.0;

  size->calls_per_group = MAX (1.0, ceil (n));
  size->calls_per_group_cc = n > 0.0
    ? MAX (1.0, ceil (n / 4.0 * pow (1.0 + sqrt (1.0 + 4.0 / (n * difference)), 2.0)))
    : 1.0;
  return TRUE;
}

/* Power of the two-sided pooled z-test with n1 and n2 calls when the true
 * rates are rate1 and rate2 (the sample-size formula above solved for
 * the power, with n1 and n2 allowed to differ):
 *
 *   power = Φ((|d| − z_{α/2} σ0) / σ1) + Φ((−|d| − z_{α/2} σ0) / σ1),
 *
 * σ0² = p̄ q̄ (1/n1 + 1/n2) with p̄ = (n1 p1 + n2 p2)/(n1 + n2) the pooled
 * rate the test estimates, σ1² = p1 q1/n1 + p2 q2/n2.  The second term,
 * rejecting in the wrong direction, is below α/2 and usually dropped; it
 * is kept here because it costs nothing.  Equal rates or an empty group:
 * FALSE. */
gboolean
cg_stats_power (double   rate1,
                double   rate2,
                guint64  n1,
                guint64  n2,
                double   alpha,
                double  *power)
{
  double difference, pooled, sigma0, sigma1, threshold;

  g_return_val_if_fail (rate1 >= 0.0 && rate1 <= 1.0, FALSE);
  g_return_val_if_fail (rate2 >= 0.0 && rate2 <= 1.0, FALSE);
  g_return_val_if_fail (level_is_valid (alpha), FALSE);
  g_return_val_if_fail (power != NULL, FALSE);

  difference = fabs (rate1 - rate2);
  if (difference == 0.0 || n1 == 0 || n2 == 0)
    return FALSE;

  pooled = ((double) n1 * rate1 + (double) n2 * rate2) / ((double) n1 + (double) n2);
  sigma0 = sqrt (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
  sigma1 = sqrt (rate1 * (1.0 - rate1) / n1 + rate2 * (1.0 - rate2) / n2);
  threshold = gsl_cdf_ugaussian_Qinv (alpha / 2.0) * sigma0;

  /* Rates of exactly 0 and 1: every sample shows the difference d = 1. */
  if (sigma1 == 0.0)
    *power = difference > threshold ? 1.0 : 0.0;
  else
    *power = gsl_cdf_ugaussian_P ((difference - threshold) / sigma1)
             + gsl_cdf_ugaussian_P ((-difference - threshold) / sigma1);
  return TRUE;
}

/* Pearson's chi-square test of independence (Agresti 2007, "An
 * Introduction to Categorical Data Analysis", 2nd ed., §2.4):
 *
 *   X² = Σ (n_ij − μ_ij)² / μ_ij,   μ_ij = n_i+ n_+j / n,
 *
 * with (r − 1)(c − 1) degrees of freedom and p = P(χ²_df ≥ X²).  A row or
 * column without any count has no expected counts to compare against and
 * says nothing about independence; it is left out, as if the category did
 * not exist (a line that made no calls).  Fewer than two non-empty rows or
 * columns leave nothing to test: FALSE. */
gboolean
cg_stats_chisq (const guint64 *counts,
                guint          rows,
                guint          columns,
                CgChisq       *result)
{
  g_autofree double *row_totals = NULL;
  g_autofree double *column_totals = NULL;
  double total = 0.0;
  guint used_rows = 0, used_columns = 0, n_cells;

  g_return_val_if_fail (counts != NULL || rows == 0 || columns == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  row_totals = g_new0 (double, rows);
  column_totals = g_new0 (double, columns);
  for (guint i = 0; i < rows; i++)
    for (guint j = 0; j < columns; j++)
      {
        double n = (double) counts[(gsize) i * columns + j];

        row_totals[i] += n;
        column_totals[j] += n;
        total += n;
      }
  for (guint i = 0; i < rows; i++)
    used_rows += row_totals[i] > 0.0;
  for (guint j = 0; j < columns; j++)
    used_columns += column_totals[j] > 0.0;
  if (used_rows < 2 || used_columns < 2)
    return FALSE;

  result->statistic = 0.0;
  result->min_expected = G_MAXDOUBLE;
  result->n_small_expected = 0;
  for (guint i = 0; i < rows; i++)
    for (guint j = 0; j < columns; j++)
      {
        double expected, deviation;

        if (row_totals[i] == 0.0 || column_totals[j] == 0.0)
          continue;
        expected = row_totals[i] * column_totals[j] / total;
        deviation = (double) counts[(gsize) i * columns + j] - expected;
        result->statistic += deviation * deviation / expected;
        result->min_expected = MIN (result->min_expected, expected);
        result->n_small_expected += expected < COCHRAN_SMALL_EXPECTED;
      }

  n_cells = used_rows * used_columns;
  result->df = (used_rows - 1) * (used_columns - 1);
  result->p_value = gsl_cdf_chisq_Q (result->statistic, result->df);
  result->sparse = result->n_small_expected > COCHRAN_MAX_SMALL_SHARE * n_cells
                   || result->min_expected < COCHRAN_MIN_EXPECTED;
  return TRUE;
}

/* The k × 2 case: group i made trials[i] calls of which successes[i]
 * connected; the columns are connected / not connected.  Equal rates in
 * all groups is the null hypothesis. */
gboolean
cg_stats_chisq_rates (const guint64 *successes,
                      const guint64 *trials,
                      guint          k,
                      CgChisq       *result)
{
  g_autofree guint64 *table = NULL;

  g_return_val_if_fail (k == 0 || (successes != NULL && trials != NULL), FALSE);

  table = g_new (guint64, (gsize) k * 2);
  for (guint i = 0; i < k; i++)
    {
      g_return_val_if_fail (successes[i] <= trials[i], FALSE);
      table[2 * i] = successes[i];
      table[2 * i + 1] = trials[i] - successes[i];
    }
  return cg_stats_chisq (table, k, 2, result);
}

typedef struct {
  double p;
  gsize  index;
} RankedP;

static int
compare_ranked_p (const void *a,
                  const void *b)
{
  const RankedP *ra = a, *rb = b;

  if (ra->p != rb->p)
    return ra->p < rb->p ? -1 : 1;
  /* qsort is not stable; ties keep their input order for reproducibility. */
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective
 * multiple test procedure", Scand J Statist 6:65–70), as adjusted p-values
 * (Wright 1992, Biometrics 48:1005–1013): with p(1) ≤ … ≤ p(m) sorted,
 *
 *   p̃(i) = min(1, max_{j ≤ i} (m − j + 1) p(j)).
 *
 * Rejecting where p̃ < α controls the family-wise error rate at α, so
 * pairwise comparisons among several lines can be read one by one. */
void
cg_stats_holm (const double *p_values,
               gsize         m,
               double       *adjusted)
{
  g_autofree RankedP *ranked = NULL;
  double running_max = 0.0;

  g_return_if_fail (m == 0 || (p_values != NULL && adjusted != NULL));

  if (m == 0)
    return;
  ranked = g_new (RankedP, m);
  for (gsize i = 0; i < m; i++)
    {
      g_return_if_fail (p_values[i] >= 0.0 && p_values[i] <= 1.0);
      ranked[i].p = p_values[i];
      ranked[i].index = i;
    }
  qsort (ranked, m, sizeof *ranked, compare_ranked_p);

  for (gsize i = 0; i < m; i++)
    {
      running_max = MAX (running_max, MIN (1.0, (double) (m - i) * ranked[i].p));
      adjusted[ranked[i].index] = running_max;
    }
}

/* Exact one-sided p-value of "this cell connects more often than the
 * overall rate": P(X ≥ x) for X ~ Binomial(n, rate).  GSL's Q is the
 * strict tail P(X > k), hence Q(x − 1).  When the overall rate includes
 * the cell itself the test is slightly conservative, which is the safe
 * side for advice on when to call.  With many cells (24 hours × 7 days)
 * the p-values should go through cg_stats_holm. */
double
cg_stats_binomial_upper_p (guint  x,
                           guint  n,
                           double rate)
{
  g_return_val_if_fail (rate >= 0.0 && rate <= 1.0, NAN);

  if (x == 0)
    return 1.0;
  if (x > n)
    return 0.0;
  return gsl_cdf_binomial_Q (x - 1, rate, n);
}

/* Welch's t-test for two means without assuming equal variances (Welch
 * 1947, Biometrika 34:28–35; df by Satterthwaite 1946, Biometrics Bull
 * 2:110–114):
 *
 *   t = (m1 − m2) / √(v1 + v2),   v_i = s_i² / n_i,
 *   df = (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)),
 *
 * two-sided p = 2 P(T_df ≥ |t|), and the interval of the difference
 * (m1 − m2) ± t* √(v1 + v2), t* the upper (1 − confidence)/2 quantile of
 * T_df.  Each group needs two answers for an SD; both SDs 0 leave t
 * undefined: FALSE. */
gboolean
cg_stats_welch (double   mean1,
                double   sd1,
                guint64  n1,
                double   mean2,
                double   sd2,
                guint64  n2,
                double   confidence,
                CgWelch *result)
{
  double v1, v2, se, t_quantile;

  g_return_val_if_fail (sd1 >= 0.0 && sd2 >= 0.0, FALSE);
  g_return_val_if_fail (level_is_valid (confidence), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (n1 < 2 || n2 < 2)
    return FALSE;
  v1 = sd1 * sd1 / n1;
  v2 = sd2 * sd2 / n2;
  se = sqrt (v1 + v2);
  if (se == 0.0)
    return FALSE;

  result->difference = mean1 - mean2;
  result->t = result->difference / se;
  result->df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
  result->p_value = 2.0 * gsl_cdf_tdist_Q (fabs (result->t), result->df);
  t_quantile = gsl_cdf_tdist_Qinv ((1.0 - confidence) / 2.0, result->df);
  result->lower = result->difference - t_quantile * se;
  result->upper = result->difference + t_quantile * se;
  return TRUE;
}

/* Student's t interval of a mean: m ± t* s/√n, t* the upper
 * (1 − confidence)/2 quantile of T_{n−1} (Student 1908, Biometrika
 * 6:1–25).  One answer has no SD: FALSE. */
gboolean
cg_stats_mean_ci (double      mean,
                  double      sd,
                  guint64     n,
                  double      confidence,
                  CgInterval *interval)
{
  double half_width;

  g_return_val_if_fail (sd >= 0.0, FALSE);
  g_return_val_if_fail (level_is_valid (confidence), FALSE);
  g_return_val_if_fail (interval != NULL, FALSE);

  if (n < 2)
    return FALSE;
  half_width = gsl_cdf_tdist_Qinv ((1.0 - confidence) / 2.0, (double) (n - 1))
               * sd / sqrt ((double) n);
  interval->estimate = mean;
  interval->lower = mean - half_width;
  interval->upper = mean + half_width;
  return TRUE;
}

typedef struct {
  double value;
  gboolean from_x;
} PooledValue;

static int
compare_pooled_value (const void *a,
                      const void *b)
{
  const PooledValue *va = a, *vb = b;

  return (va->value > vb->value) - (va->value < vb->value);
}

/* Mann–Whitney U test (Mann & Whitney 1947, Ann Math Statist 18:50–60),
 * here with the normal approximation corrected for ties and continuity
 * (e.g. Conover 1999, "Practical Nonparametric Statistics", 3rd ed., §5.1):
 *
 *   U = R_x − n_x (n_x + 1)/2,  R_x the sum of x's mid-ranks in the pooled sample,
 *   E U = n_x n_y / 2,
 *   Var U = n_x n_y / 12 · (N + 1 − Σ (t³ − t) / (N (N − 1))),  t = size of each tie,
 *   z = sign(U − E U) · max(0, |U − E U| − ½) / √Var U,   p = 2 Q(|z|).
 *
 * Survey answers are ordinal (1–5 stars), so ties are the rule and the
 * tie correction matters.  NAN marks a missing answer and is skipped.
 * An empty sample, or all answers equal (no variance), → FALSE. */
gboolean
cg_stats_mann_whitney (const double  *x,
                       gsize          n_x,
                       const double  *y,
                       gsize          n_y,
                       CgMannWhitney *result)
{
  g_autofree PooledValue *pooled = NULL;
  gsize n = 0, used_x = 0, used_y = 0;
  double rank_sum_x = 0.0, tie_sum = 0.0, mean_u, var_u, excess, total;

  g_return_val_if_fail (n_x == 0 || x != NULL, FALSE);
  g_return_val_if_fail (n_y == 0 || y != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  pooled = g_new (PooledValue, n_x + n_y);
  for (gsize i = 0; i < n_x; i++)
    if (!isnan (x[i]))
      pooled[n++] = (PooledValue) { x[i], TRUE };
  used_x = n;
  for (gsize i = 0; i < n_y; i++)
    if (!isnan (y[i]))
      pooled[n++] = (PooledValue) { y[i], FALSE };
  used_y = n - used_x;
  if (used_x == 0 || used_y == 0)
    return FALSE;

  qsort (pooled, n, sizeof *pooled, compare_pooled_value);
  for (gsize start = 0; start < n;)
    {
      gsize end = start + 1;
      double mid_rank, t;

      while (end < n && pooled[end].value == pooled[start].value)
        end++;
      /* Ranks start + 1 … end share their mean. */
      mid_rank = (start + 1 + end) / 2.0;
      t = (double) (end - start);
      tie_sum += t * t * t - t;
      for (gsize i = start; i < end; i++)
        if (pooled[i].from_x)
          rank_sum_x += mid_rank;
      start = end;
    }

  total = (double) n;
  mean_u = (double) used_x * used_y / 2.0;
  var_u = (double) used_x * used_y / 12.0 * (total + 1.0 - tie_sum / (total * (total - 1.0)));
  if (!(var_u > 0.0))
    return FALSE;

  result->u = rank_sum_x - (double) used_x * (used_x + 1) / 2.0;
  result->n_x = used_x;
  result->n_y = used_y;
  excess = MAX (0.0, fabs (result->u - mean_u) - 0.5);
  result->z = copysign (excess, result->u - mean_u) / sqrt (var_u);
  result->p_value = normal_two_sided_p (result->z);
  return TRUE;
}

/* Cronbach's alpha (Cronbach 1951, "Coefficient alpha and the internal
 * structure of tests", Psychometrika 16:297–334) for k items:
 *
 *   α = k/(k − 1) · (1 − Σ s_j² / s_T²),
 *
 * s_j² the variance of item j, s_T² the variance of respondents' totals,
 * both over the respondents who answered every item (listwise deletion,
 * as SPSS RELIABILITY does; NAN marks a missing answer).  "Alpha if item
 * deleted" is the same formula over the other k − 1 items; it is NAN where
 * undefined (k − 1 < 2 items, or no variance left).  Fewer than two items
 * or two complete respondents, or totals without variance (everyone gave
 * the same answers), → FALSE. */
gboolean
cg_stats_cronbach_alpha (const double *scores,
                         gsize         n_respondents,
                         gsize         n_items,
                         double       *alpha,
                         double       *alpha_if_deleted,
                         gsize        *n_complete)
{
  g_autofree double *complete = NULL;
  g_autofree double *item_variances = NULL;
  g_autofree double *totals = NULL;
  g_autofree double *rest = NULL;
  gsize n = 0, k = n_items;
  double item_variance_sum = 0.0, total_variance;

  g_return_val_if_fail (scores != NULL || n_respondents == 0 || n_items == 0, FALSE);
  g_return_val_if_fail (alpha != NULL, FALSE);

  if (n_complete != NULL)
    *n_complete = 0;
  if (alpha_if_deleted != NULL)
    for (gsize j = 0; j < k; j++)
      alpha_if_deleted[j] = NAN;
  if (k < 2)
    return FALSE;

  /* Complete rows, packed row-major so that a column is a stride-k vector. */
  complete = g_new (double, n_respondents * k);
  for (gsize i = 0; i < n_respondents; i++)
    {
      const double *row = scores + i * k;
      gboolean answered_all = TRUE;

      for (gsize j = 0; j < k && answered_all; j++)
        answered_all = !isnan (row[j]);
      if (!answered_all)
        continue;
      for (gsize j = 0; j < k; j++)
        complete[n * k + j] = row[j];
      n++;
    }
  if (n_complete != NULL)
    *n_complete = n;
  if (n < 2)
    return FALSE;

  item_variances = g_new (double, k);
  totals = g_new0 (double, n);
  for (gsize j = 0; j < k; j++)
    {
      item_variances[j] = gsl_stats_variance (complete + j, k, n);
      item_variance_sum += item_variances[j];
    }
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < k; j++)
      totals[i] += complete[i * k + j];
  total_variance = gsl_stats_variance (totals, 1, n);
  if (!(total_variance > 0.0))
    return FALSE;

  *alpha = (double) k / (k - 1) * (1.0 - item_variance_sum / total_variance);

  if (alpha_if_deleted != NULL && k > 2)
    {
      rest = g_new (double, n);
      for (gsize j = 0; j < k; j++)
        {
          double rest_variance;

          for (gsize i = 0; i < n; i++)
            rest[i] = totals[i] - complete[i * k + j];
          rest_variance = gsl_stats_variance (rest, 1, n);
          if (rest_variance > 0.0)
            alpha_if_deleted[j] = (double) (k - 1) / (k - 2)
                                  * (1.0 - (item_variance_sum - item_variances[j]) / rest_variance);
        }
    }
  return TRUE;
}
