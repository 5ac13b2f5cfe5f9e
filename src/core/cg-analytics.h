/* cg-analytics.h — connect-rate figures by slice, A/B comparisons, best times.
 *
 * Definitions (the README repeats them):
 *   connect rate   = connected calls / all dial attempts in the slice; its
 *                    95 % interval is Wilson's score interval;
 *   ACD            = talk seconds of connected calls / connected calls;
 *   short call     = a connected call with under 5 s of talk.
 * Days, weeks (ISO 8601, starting on Monday), months, quarters, hours and
 * weekdays are those of the business time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-call.h"
#include "cg-stats.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_ANALYTICS_ERROR (cg_analytics_error_quark ())
typedef enum {
  CG_ANALYTICS_ERROR_NO_DATA,   /* a group asked for has no calls */
  CG_ANALYTICS_ERROR_INVALID,   /* e.g. fewer than two groups to compare */
} CgAnalyticsError;
GQuark cg_analytics_error_quark (void);

typedef enum {
  CG_DIM_TOTAL,
  CG_DIM_DAY,
  CG_DIM_WEEK,
  CG_DIM_MONTH,
  CG_DIM_QUARTER,
  CG_DIM_LINE,
  CG_DIM_AGENT,
  CG_DIM_LIST,
  CG_DIM_CAMPAIGN,
  CG_DIM_SEGMENT,
  CG_DIM_HOUR,
  CG_DIM_WEEKDAY,
  CG_DIM_HOUR_WEEKDAY,  /* keys "1-09": weekday (1 = Monday) and hour */
  CG_DIM_OUTCOME,       /* keys are outcome ids such as "no_answer" */
  CG_N_DIMS
} CgDimension;

/** cg_dimension_to_string: the id the CLI takes after --by ("hour-weekday"). */
const char *cg_dimension_to_string   (CgDimension  dimension);
gboolean    cg_dimension_from_string (const char  *id,
                                      CgDimension *dimension);

/* Which calls count: started in [from_ts, to_ts) (0 = unbounded) and, when
 * set, on that line, by that agent, from that number list. */
typedef struct {
  gint64      from_ts;
  gint64      to_ts;
  const char *line;
  const char *agent;
  const char *list;
  gboolean    raw;   /* read the calls even where the aggregate sums would do (checks, tests) */
} CgFilter;

typedef struct {
  char   *key;
  gint64  calls;
  gint64  connected;
  gint64  talk_seconds;  /* of connected calls */
  gint64  short_calls;   /* connected with under 5 s of talk */
} CgConnectRow;

void        cg_connect_row_free      (CgConnectRow *row);

/** cg_analytics_connect: one row per key of @by, keys ascending (outcomes
 * in the order of CgOutcome: connected first). */
GPtrArray  *cg_analytics_connect     (CgStore        *store,
                                      CgDimension     by,
                                      const CgFilter *filter,
                                      GError        **error);

/* Rate and interval of a row; FALSE (no rate) for a slice without calls. */
gboolean    cg_connect_row_rate      (const CgConnectRow *row,
                                      CgInterval         *rate);

typedef struct {
  char   *key;
  gint64  calls;
  gint64  outcome_calls[CG_N_OUTCOMES];  /* by CgOutcome */
} CgOutcomeRow;

void        cg_outcome_row_free      (CgOutcomeRow *row);

/** cg_analytics_outcomes: calls per outcome in each key of @by, keys
 * ascending: why calls did not connect, slice by slice. */
GPtrArray  *cg_analytics_outcomes    (CgStore        *store,
                                      CgDimension     by,
                                      const CgFilter *filter,
                                      GError        **error);

typedef struct {
  CgDimension             by;
  GPtrArray              *groups;        /* CgConnectRow *, in the order asked */
  /* Two groups: */
  CgProportionComparison  pair;
  gboolean                has_needed;
  double                  needed_per_group;  /* calls per group to tell the observed rates apart */
  /* More groups: */
  CgChisq                 chisq;
  gboolean                has_chisq;
  double                 *pairwise_p;    /* k·(k−1)/2 Holm-adjusted p-values, i < j in order */
  char                   *verdict;       /* in words, translated */
} CgComparison;

void          cg_comparison_free     (CgComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgComparison, cg_comparison_free)

/** cg_analytics_compare: A/B (or A/B/C…) comparison of the groups @keys of
 * dimension @by within @filter. */
CgComparison *cg_analytics_compare   (CgStore           *store,
                                      CgDimension        by,
                                      const char *const *keys,
                                      const CgFilter    *filter,
                                      GError           **error);

typedef struct {
  int     weekday;      /* 1 = Monday … 7 = Sunday */
  int     hour;         /* 0–23 */
  gint64  calls;
  gint64  connected;
  double  rate;
  double  p_value;      /* Holm-adjusted, one-sided: above the overall rate */
} CgBestTime;

/* Hour × weekday cells whose connect rate is significantly (5 %, Holm over
 * all cells with at least @min_calls calls) above the overall rate of the
 * filter, best first.  @overall_rate receives that overall rate. */
GArray       *cg_analytics_best_times (CgStore        *store,
                                       const CgFilter *filter,
                                       guint           min_calls,
                                       double         *overall_rate,
                                       GError        **error);

G_END_DECLS
