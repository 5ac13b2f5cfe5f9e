/* cg-satisfaction.h — satisfaction figures from the imported surveys.
 *
 * Definitions (the README repeats them).  The unit is the response:
 *   a response's score in a dimension = the mean of its answers to that
 *   dimension's questions; rated (satisfaction) dimensions are first put
 *   on 1–5 (v' = 1 + 4 (v − min) / (max − min), identity on 1–5), NPS
 *   stays on 0–10 and effort on its own scale;
 *   "all" = the mean of a response's answers to every rated question
 *   (NPS, effort and comments left out), with NPS and CES of the same
 *   responses beside it;
 *   mean      = mean of the scores, 95 % interval Student t (n − 1 df);
 *   CSAT      = share of the answers (to the row's rated questions) that
 *               are ≥ 4 on 1–5, i.e. in the top two boxes of a 5-point
 *               question; 95 % interval Wilson over the answers;
 *   NPS       = 100 × (share of 9–10 − share of 0–6) on the 0–10
 *               question; 95 % interval normal, with variance
 *               (p₊ + p₋ − (p₊ − p₋)²) / n;
 *   CES       = mean score of the effort questions;
 *   distribution = counts of the answers rounded to whole points of the
 *               row's scale;
 *   surveyed  = responses stored (with or without answers); response rate
 *               = responses with an answer / surveyed, known only when
 *               the files list customers who did not answer.
 * Responses are matched to calls by the phone hash: the last connected
 * call to that number up to the response's time, by the response's agent
 * when it names one (else by anyone).  Line, list, talk-duration band and
 * the agent of responses without one come from that call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-stats.h"
#include "cg-store.h"
#include "cg-survey.h"

G_BEGIN_DECLS

typedef enum {
  CG_SAT_BY_TOTAL,
  CG_SAT_BY_DAY,
  CG_SAT_BY_WEEK,
  CG_SAT_BY_MONTH,
  CG_SAT_BY_QUARTER,
  CG_SAT_BY_AGENT,
  CG_SAT_BY_CHANNEL,
  CG_SAT_BY_LIST,
  CG_SAT_BY_LINE,
  CG_SAT_BY_DIMENSION,
  CG_SAT_BY_TALK_BAND,   /* keys "0-60", "60-180", "180-300", "300-600", "600+" (seconds) */
  CG_SAT_N_BY
} CgSatisfactionBy;

/** cg_satisfaction_by_to_string: the id --by takes ("talk-band" …). */
const char *cg_satisfaction_by_to_string   (CgSatisfactionBy  by);
gboolean    cg_satisfaction_by_from_string (const char       *id,
                                            CgSatisfactionBy *by);

/* The "dimension" of a row that sums up all rated questions. */
#define CG_SATISFACTION_ALL "all"

typedef struct {
  char       *key;          /* the slice; for CG_SAT_BY_DIMENSION the dimension id */
  char       *dimension;    /* "all" or a CgSurveyDimension id */
  gint64      responses;    /* responses with a score here */
  gint64      surveyed;     /* "all" rows: responses stored, answered or not */
  gboolean    has_response_rate;
  double      response_rate;
  double      scale_min;    /* the scale of mean and distribution */
  double      scale_max;
  gboolean    has_mean;     /* at least one response */
  double      mean;
  double      sd;           /* sample SD, 0 for one response */
  gboolean    has_mean_ci;  /* at least two responses */
  CgInterval  mean_ci;
  gboolean    has_csat;     /* rated dimensions and "all" */
  CgInterval  csat;
  gboolean    has_nps;      /* "nps" rows, and "all" rows with NPS answers */
  CgInterval  nps;          /* points, −100…100 */
  gint64      promoters;
  gint64      passives;
  gint64      detractors;
  gboolean    has_ces;      /* "effort" rows, and "all" rows with effort answers */
  double      ces;
  GArray     *distribution; /* gint64 counts of scale_min, scale_min + 1 … scale_max */
} CgSatisfactionRow;

void        cg_satisfaction_row_free       (CgSatisfactionRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSatisfactionRow, cg_satisfaction_row_free)

/* One row per key of @by and per dimension with answers ("all" first,
 * then dimensions in the order of CgSurveyDimension; comments have no
 * row), keys ascending.  @filter: responses submitted in [from, to); by
 * the agent (the response's, else the matched call's); on the line and
 * from the list of the matched call.  An empty database gives no rows. */
GPtrArray  *cg_satisfaction_compute        (CgStore          *store,
                                            CgSatisfactionBy  by,
                                            const CgFilter   *filter,
                                            GError          **error);

/* CSAT of "all" for @filter: the scorecard's satisfaction indicator.
 * FALSE with no error when no response has a rated answer. */
gboolean    cg_satisfaction_csat           (CgStore          *store,
                                            const CgFilter   *filter,
                                            double           *csat,
                                            gint64           *responses,
                                            GError          **error);

typedef struct {
  guint     n_items;
  GStrv     titles;            /* the items: rated questions, by title */
  gsize     n_complete;        /* respondents who answered every item */
  gboolean  has_alpha;
  double    alpha;
  double   *alpha_if_deleted;  /* n_items values, NAN where undefined */
  char     *undefined_reason;  /* translated, when !has_alpha */
} CgReliability;

void           cg_reliability_free         (CgReliability *reliability);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgReliability, cg_reliability_free)

/* Cronbach's alpha of the rated questions (on 1–5) that at least half of
 * the responses in @filter answered, over the responses that answered all
 * of them, with "alpha if item deleted". */
CgReliability *cg_satisfaction_reliability (CgStore          *store,
                                            const CgFilter   *filter,
                                            GError          **error);

typedef struct {
  CgSatisfactionBy  by;
  char             *dimension;  /* "all" or a dimension id */
  char             *keys[2];
  gint64            n[2];
  double            mean[2];
  double            sd[2];
  gboolean          has_welch;
  CgWelch           welch;      /* mean[0] − mean[1] */
  gboolean          has_mann_whitney;
  CgMannWhitney     mann_whitney;
  char             *verdict;    /* in words, translated */
} CgSatisfactionComparison;

void cg_satisfaction_comparison_free (CgSatisfactionComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSatisfactionComparison, cg_satisfaction_comparison_free)

/* Welch's t-test and Mann–Whitney U of the scores in @dimension ("all"
 * when NULL) of two groups of @by (agents, channels, months …). */
CgSatisfactionComparison *cg_satisfaction_compare (CgStore          *store,
                                                   CgSatisfactionBy  by,
                                                   const char       *key_a,
                                                   const char       *key_b,
                                                   const char       *dimension,
                                                   const CgFilter   *filter,
                                                   GError          **error);

typedef struct {
  gint64    responses;          /* responses with a rated answer and a phone */
  gint64    linked;             /* of which matched to a call */
  /* Talk seconds of the matched call against the "all" score. */
  gboolean  has_correlation;
  double    pearson_r;
  double    pearson_p;          /* two-sided, t with n − 2 df */
  double    spearman_rho;
  /* Attempts to the customer's number up to the response, over @max_calls. */
  guint     max_calls;
  gint64    over_contacted;
  double    over_contacted_share;  /* of linked */
  gboolean  has_over_mean;
  double    over_mean;          /* mean "all" score of over-contacted customers */
  gboolean  has_other_mean;
  double    other_mean;         /* …and of the others */
} CgSatisfactionLink;

/* How satisfaction relates to the calls: duration correlation and
 * over-contact (customers called more than @max_calls times). */
gboolean    cg_satisfaction_link           (CgStore            *store,
                                            const CgFilter     *filter,
                                            guint               max_calls,
                                            CgSatisfactionLink *link,
                                            GError            **error);

G_END_DECLS
