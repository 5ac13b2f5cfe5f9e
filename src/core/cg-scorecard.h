/* cg-scorecard.h — the weighted scorecard: indicators against targets.
 *
 * Definitions (the README repeats them).  Each indicator is measured on the
 * calls of a slice (any slice of cg-analytics.h: a month, an agent, an
 * hour × weekday cell…, within the filter), by the module that owns it:
 *   connect_rate          = connected / dialled (higher is better);
 *   contact_rate          = numbers reached / numbers dialled, as in
 *                           cg-quality.h (higher is better);
 *   conversion            = sales / dialled, as in cg-funnel.h (higher);
 *   acd_seconds           = talk seconds of connected calls / connected
 *                           calls (higher is better, up to the target);
 *   satisfaction          = CSAT of the survey responses in the slice, 0–1,
 *                           as cg-satisfaction.h defines it (higher);
 *   complaint_rate        = complaints / connected calls × 1,000 (lower is
 *                           better).  A complaint falls in the slice of its
 *                           own time, agent and list; complaints carry no
 *                           line, campaign, segment or outcome, so the
 *                           indicator is not available by those or with a
 *                           line filter;
 *   compliance_violations = (calls outside hours + calls to do-not-call
 *                           numbers + attempts over the cap) / dialled ×
 *                           1,000, as cg-compliance.h finds them; a call
 *                           breaking two rules counts twice (lower).
 * An indicator has no value in a slice where its denominator is zero.
 *
 * Normalised score, 0–100, against the manager's target t:
 *   higher is better: min (value / t, 1) × 100 — capped, beating the
 *                     target earns nothing more;
 *   lower is better:  100 when value ≤ t, else max (0, 100 × (2 − value / t)):
 *                     falling linearly to 0 at twice the target.
 * Total = Σ weight × score / Σ weight over the indicators with a value in
 * the slice: the weights of missing indicators are shared out over the
 * others in proportion to their own weights.  No indicator: no total.
 *
 * Weights are whole numbers 0–100 summing to 100; targets are positive,
 * and at most 1 for the shares (connect, contact, conversion,
 * satisfaction).  They are stored in the settings table under the keys
 * "scorecard/<id>/target" and "scorecard/<id>/weight"; a key not set
 * holds its default (CG_SCORECARD_DEFAULT_* below).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_SCORECARD_ERROR (cg_scorecard_error_quark ())
typedef enum {
  CG_SCORECARD_ERROR_INVALID,  /* targets or weights that cannot be used */
  CG_SCORECARD_ERROR_SETTING,  /* a stored setting cannot be read */
} CgScorecardError;
GQuark cg_scorecard_error_quark (void);

typedef enum {
  CG_INDICATOR_CONNECT_RATE,
  CG_INDICATOR_CONTACT_RATE,
  CG_INDICATOR_CONVERSION,
  CG_INDICATOR_ACD_SECONDS,
  CG_INDICATOR_SATISFACTION,
  CG_INDICATOR_COMPLAINT_RATE,
  CG_INDICATOR_COMPLIANCE_VIOLATIONS,
  CG_N_INDICATORS
} CgIndicator;

/** cg_indicator_to_string: the indicator's id ("connect_rate" …). */
const char *cg_indicator_to_string    (CgIndicator  indicator);
gboolean    cg_indicator_from_string  (const char  *id,
                                       CgIndicator *indicator);
/** cg_indicator_higher_is_better: FALSE for complaints and violations. */
gboolean    cg_indicator_higher_is_better (CgIndicator indicator);

/** cg_indicator_score: the normalised 0–100 score of @value against @target (> 0). */
double      cg_indicator_score        (CgIndicator  indicator,
                                       double       value,
                                       double       target);

#define CG_SCORECARD_WEIGHT_SUM 100

typedef struct {
  double target[CG_N_INDICATORS];
  int    weight[CG_N_INDICATORS];
} CgScorecardConfig;

/** cg_scorecard_config_init_defaults: targets 0.30, 0.50, 0.02, 90 s, 0.80,
 * 1.0 and 5 per 1,000; weights 25/15/20/10/15/5/10. */
void        cg_scorecard_config_init_defaults (CgScorecardConfig       *config);
/** cg_scorecard_config_validate: checks targets and that the weights sum to 100. */
gboolean    cg_scorecard_config_validate      (const CgScorecardConfig *config,
                                               GError                 **error);
/** cg_scorecard_config_load: the stored targets and weights, defaults where unset. */
gboolean    cg_scorecard_config_load          (CgStore                 *store,
                                               CgScorecardConfig       *config,
                                               GError                 **error);
/** cg_scorecard_config_save: validates @config and stores all of it in one transaction. */
gboolean    cg_scorecard_config_save          (CgStore                 *store,
                                               const CgScorecardConfig *config,
                                               GError                 **error);

typedef struct {
  gboolean has_value[CG_N_INDICATORS];
  double   value[CG_N_INDICATORS];
} CgIndicatorValues;

/* Scores of @values and their weighted total as defined above.  @scores
 * (may be NULL) gets a score for every indicator with a value;
 * @effective_weights (may be NULL) the weight after sharing out, 0 for
 * those without.  FALSE, and no total, when no indicator with a weight
 * has a value. */
gboolean    cg_scorecard_total                (const CgScorecardConfig *config,
                                               const CgIndicatorValues *values,
                                               double                  *scores,
                                               double                  *effective_weights,
                                               double                  *total);

typedef struct {
  char              *key;
  gint64             from_ts;      /* the calls measured: [from_ts, to_ts), 0 = unbounded */
  gint64             to_ts;
  CgIndicatorValues  values;
  double             score[CG_N_INDICATORS];
  double             effective_weight[CG_N_INDICATORS];
  gboolean           has_total;
  double             total;
  /* Change against the previous period (value − previous value, in the
   * indicator's own unit; total in points): by day, week, month or
   * quarter the whole slice before (the previous month by month), else
   * the same key in the period of equal length just before the filter's
   * from, when it has both ends.  No change where either side has none. */
  gboolean           has_change[CG_N_INDICATORS];
  double             change[CG_N_INDICATORS];
  gboolean           has_total_change;
  double             total_change;
} CgScorecardRow;

void cg_scorecard_row_free (CgScorecardRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgScorecardRow, cg_scorecard_row_free)

typedef struct {
  CgDimension        by;
  CgScorecardConfig  config;
  gboolean           available[CG_N_INDICATORS];  /* can have a value at all here */
  GPtrArray         *rows;                        /* CgScorecardRow *, keys ascending */
} CgScorecard;

void cg_scorecard_free (CgScorecard *scorecard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgScorecard, cg_scorecard_free)

/* One row per key of @by (any slice) with calls in @filter, scored against
 * the stored configuration.  Calls without an agent (line, list, campaign,
 * segment) form no row of that dimension: a scorecard rates someone. */
CgScorecard *cg_scorecard_compute (CgStore        *store,
                                   CgDimension     by,
                                   const CgFilter *filter,
                                   GError        **error);

G_END_DECLS
