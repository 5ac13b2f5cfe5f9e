/* cg-incidents.h — hours in which a line misbehaved against its own normal.
 *
 * Method (the README repeats it).  Every hour of every line is compared
 * with that line's reference: the same hour of day on the same weekday in
 * the six weeks before and after (a quarter centred on the hour, the hour
 * itself excluded); with fewer than 30 reference calls, the same hour on
 * every day of the three weeks around it; with fewer still the hour is not
 * judged.  Reference rates are pooled over the reference hours after
 * dropping the highest and lowest hour (so one earlier outage does not
 * move the expectation), with half a call of prior ((x + ½) / (n + 1)) so
 * a line that never failed still has a non-zero failure rate.
 *
 * An hour is suspect when it shows a kind's minimum effect:
 *   line_failure  the failure share at least 20 points above and twice
 *                 the expected one;
 *   no_connect    among calls without a failure code, the connect rate at
 *                 most half the expected one and 15 points below it (a
 *                 carrier that drops calls silently: they just ring out);
 *   silence       no calls on a line that carried calls in at least 75 %
 *                 of its reference hours, while other lines carry calls.
 * Each run of adjacent suspect hours of one line and kind is then tested
 * once, its calls pooled, with a one-sided test against the expectation:
 * binomial (failures ≥ observed, or connects ≤ observed, at the
 * calls-weighted expected rate), or for silence Poisson P(no call) =
 * e^−Σλ, λ = the line's mean calls in the reference hours scaled by how
 * busy the other lines are now.  A run is an incident when p < 10⁻⁴.  A
 * line works about 800 hours a quarter and there are at most as many runs
 * as hours, so by Bonferroni's bound a stable line raises at most about
 * 0.1–0.3 false incidents per quarter (the minimum effect makes it fewer).

 * lost_connects = expected connects − observed connects, the expected ones
 * from the line's reference connect rate over all calls (silence: from the
 * expected calls).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* p-value under which an hour is flagged. */
#define CG_INCIDENT_ALPHA 1e-4

typedef enum {
  CG_INCIDENT_LINE_FAILURE,
  CG_INCIDENT_NO_CONNECT,
  CG_INCIDENT_SILENCE,
  CG_N_INCIDENT_KINDS
} CgIncidentKind;

/** cg_incident_kind_to_string: "line_failure", "no_connect" or "silence". */
const char *cg_incident_kind_to_string (CgIncidentKind kind);
/** cg_incident_kind_get_label: translated name for people. */
const char *cg_incident_kind_get_label (CgIncidentKind kind);

typedef struct {
  char           *line;
  CgIncidentKind  kind;
  gint64          start_ts;       /* UTC seconds, start of the first hour */
  gint64          end_ts;         /* end of the last hour (exclusive) */
  char           *start;          /* ISO 8601 with the business offset */
  char           *end;
  int             hours;
  gint64          calls;
  double          observed_rate;  /* failure share, connect rate; NAN for silence */
  double          expected_rate;  /* the same from the reference; silence: connect rate */
  double          lost_connects;
  double          p_value;        /* the run's one-sided test (binomial; silence: Poisson) */
} CgIncident;

/* Totals of one line in one month (of the incidents' start). */
typedef struct {
  char   *line;
  char   *month;        /* "YYYY-MM" */
  guint   incidents;
  guint   hours;
  double  lost_connects;
} CgIncidentTotal;

typedef struct {
  GPtrArray *incidents;  /* CgIncident, by start, then line */
  GPtrArray *totals;     /* CgIncidentTotal, by line, then month */
} CgIncidentReport;

void              cg_incident_report_free (CgIncidentReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgIncidentReport, cg_incident_report_free)

/** cg_incidents_detect: incidents starting in the filter's time range on
 * its line (agent and list are ignored: incidents are about lines), judged
 * against the whole history in @store. */
CgIncidentReport *cg_incidents_detect     (CgStore         *store,
                                           const CgFilter  *filter,
                                           GError         **error);

G_END_DECLS
