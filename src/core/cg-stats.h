/* cg-stats.h — the statistics behind connect rates, A/B comparisons and surveys.
 *
 * Plain functions on counts and summary values; no store, no GObject.  Each
 * function returns FALSE when its result is undefined for the data given
 * (no calls, no variance, equal rates…), so callers can show "not
 * determinable" instead of a number.  Invalid parameters (a confidence
 * level outside (0, 1), more successes than trials) are programmer errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The levels managers see unless they choose otherwise. */
#define CG_STATS_CONFIDENCE 0.95
#define CG_STATS_ALPHA      0.05
#define CG_STATS_POWER      0.80

/* A point estimate with a two-sided confidence interval around it. */
typedef struct {
  double estimate;
  double lower;
  double upper;
} CgInterval;

/** cg_stats_wilson: Wilson score interval of the rate @successes / @trials;
 * FALSE without trials. */
gboolean  cg_stats_wilson              (guint64        successes,
                                        guint64        trials,
                                        double         confidence,
                                        CgInterval    *interval);

typedef struct {
  double   rate1;
  double   rate2;
  double   difference;  /* rate1 − rate2 */
  double   lower;       /* Newcombe hybrid score interval of the difference,
                         * at level 1 − alpha */
  double   upper;
  double   z;           /* pooled two-proportion z; > 0 when rate1 > rate2 */
  double   p_value;     /* two-sided */
  gboolean significant; /* p_value < alpha */
} CgProportionComparison;

/** cg_stats_compare_proportions: A/B comparison of the rates x1/n1 and x2/n2,
 * interval at level 1 − @alpha; FALSE when a group is empty. */
gboolean  cg_stats_compare_proportions (guint64        x1,
                                        guint64        n1,
                                        guint64        x2,
                                        guint64        n2,
                                        double         alpha,
                                        CgProportionComparison *result);

typedef struct {
  double calls_per_group;     /* Fleiss, without continuity correction, rounded up */
  double calls_per_group_cc;  /* with the Fleiss–Tytun–Ury continuity correction */
} CgSampleSize;

/** cg_stats_sample_size: calls per group for the two-sided test at @alpha to
 * detect @rate1 vs @rate2 with @power; FALSE (not determinable) for equal rates. */
gboolean  cg_stats_sample_size         (double         rate1,
                                        double         rate2,
                                        double         alpha,
                                        double         power,
                                        CgSampleSize  *size);

/** cg_stats_power: power of the two-sided z-test at @alpha for true rates
 * @rate1, @rate2 with @n1, @n2 calls; FALSE for equal rates or an empty group. */
gboolean  cg_stats_power               (double         rate1,
                                        double         rate2,
                                        guint64        n1,
                                        guint64        n2,
                                        double         alpha,
                                        double        *power);

typedef struct {
  double   statistic;      /* Pearson's X², without continuity correction */
  guint    df;             /* (rows − 1)(columns − 1) over non-empty rows and columns */
  double   p_value;
  double   min_expected;
  guint    n_small_expected; /* cells with an expected count below 5 */
  gboolean sparse;         /* Cochran's rule broken (over 20 % of expected counts
                            * below 5, or any below 1): the p-value is unreliable */
} CgChisq;

/** cg_stats_chisq: chi-square test of independence on the row-major
 * @rows × @columns table @counts; empty rows and columns are left out;
 * FALSE when fewer than two rows or columns remain. */
gboolean  cg_stats_chisq               (const guint64 *counts,
                                        guint          rows,
                                        guint          columns,
                                        CgChisq       *result);

/** cg_stats_chisq_rates: chi-square test that @k groups (@successes[i] of
 * @trials[i]) share one rate: the k × 2 table connected / not connected. */
gboolean  cg_stats_chisq_rates         (const guint64 *successes,
                                        const guint64 *trials,
                                        guint          k,
                                        CgChisq       *result);

/** cg_stats_holm: Holm–Bonferroni adjusted p-values (monotone, at most 1) in
 * input order; @adjusted may be @p_values. */
void      cg_stats_holm                (const double  *p_values,
                                        gsize          m,
                                        double        *adjusted);

/** cg_stats_binomial_upper_p: exact one-sided p-value P(X ≥ @x) for
 * X ~ Binomial(@n, @rate): is a cell's rate above the overall @rate? */
double    cg_stats_binomial_upper_p    (guint          x,
                                        guint          n,
                                        double         rate);

typedef struct {
  double difference;  /* mean1 − mean2 */
  double lower;       /* t-based interval of the difference */
  double upper;
  double t;
  double df;          /* Welch–Satterthwaite, not an integer in general */
  double p_value;     /* two-sided */
} CgWelch;

/** cg_stats_welch: Welch's unequal-variance t-test from two groups' means,
 * sample SDs and sizes; FALSE when a group has fewer than 2 values or both
 * SDs are 0. */
gboolean  cg_stats_welch               (double         mean1,
                                        double         sd1,
                                        guint64        n1,
                                        double         mean2,
                                        double         sd2,
                                        guint64        n2,
                                        double         confidence,
                                        CgWelch       *result);

/** cg_stats_mean_ci: Student t interval of a mean from its sample SD and size;
 * FALSE for fewer than 2 values. */
gboolean  cg_stats_mean_ci             (double         mean,
                                        double         sd,
                                        guint64        n,
                                        double         confidence,
                                        CgInterval    *interval);

typedef struct {
  double u;        /* pairs (x, y) with x > y, plus half the tied pairs */
  double z;        /* > 0 when x tends to be larger */
  double p_value;  /* two-sided, normal approximation */
  gsize  n_x;      /* values used: NAN (no answer) is skipped */
  gsize  n_y;
} CgMannWhitney;

/** cg_stats_mann_whitney: Mann–Whitney U test of @x against @y, NAN skipped;
 * FALSE when a sample is empty or all values are equal. */
gboolean  cg_stats_mann_whitney        (const double  *x,
                                        gsize          n_x,
                                        const double  *y,
                                        gsize          n_y,
                                        CgMannWhitney *result);

/** cg_stats_cronbach_alpha: internal consistency of the items of a survey.
 * @scores is row-major, one row per respondent, NAN for a missing answer;
 * only complete rows count (*@n_complete, optional).  @alpha_if_deleted
 * (optional) receives @n_items values, NAN where undefined.  FALSE when
 * undefined: fewer than 2 items or complete rows, or no variance. */
gboolean  cg_stats_cronbach_alpha      (const double  *scores,
                                        gsize          n_respondents,
                                        gsize          n_items,
                                        double        *alpha,
                                        double        *alpha_if_deleted,
                                        gsize         *n_complete);

G_END_DECLS
