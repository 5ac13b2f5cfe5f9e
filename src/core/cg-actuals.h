/* cg-actuals.h — what the call log says about costs and benefits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-scenario.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *line;
  gint64  calls;
  gint64  billable_minutes;   /* as the carrier bills: see cg_actuals_compute */
  double  rate_per_minute;    /* CNY, from the settings */
  double  telecom_cost;       /* CNY over the period */
} CgLineActuals;

typedef struct {
  gint64     from_ts;          /* period, UTC epoch seconds, [from, to) */
  gint64     to_ts;
  double     months;           /* length of the period in months (days / 30.4375) */
  gint64     calls;
  gint64     connected;
  gint64     sales;            /* calls whose disposition is a sale */
  gint64     sales_with_amount;
  double     revenue;          /* sum of sale amounts */
  gint64     agents;
  gint64     agent_hours;      /* hours in which an agent made at least one call */
  gboolean   per_second_billing;
  double     telecom_cost;
  GPtrArray *lines;            /* CgLineActuals * */
} CgActuals;

void       cg_actuals_free    (CgActuals *actuals);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgActuals, cg_actuals_free)

/* Sums the calls that started in [@from_ts, @to_ts).  Telecom cost is
 * billable minutes × the line's per-minute rate (setting
 * "line_rate/<line>", else "line_rate_default", else 0): each connected
 * call is billed by the whole minute, rounded up, as carriers do, unless
 * the setting "billing" is "per_second". */
CgActuals *cg_actuals_compute (CgStore   *store,
                               gint64     from_ts,
                               gint64     to_ts,
                               GError   **error);

/* A scenario whose operating costs and revenue come from @actuals (marked
 * as actuals, per month) and whose investments and unit costs are
 * editable assumptions. */
CgScenario *cg_actuals_make_scenario (const CgActuals *actuals,
                                      const char      *name);

G_END_DECLS
