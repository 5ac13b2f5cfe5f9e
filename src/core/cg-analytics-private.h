/* cg-analytics-private.h — what analyses share inside core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cg-analytics.h"

G_BEGIN_DECLS

/* A CgFilter in SQL over calls: ?1 and ?2 the period [from, to), ?3 the
 * line, ?4 the agent, ?5 the list (NULL: any), bound by cg_filter_bind.
 * Some questions (duplicates across lists) leave the list out. */
#define CG_FILTER_SQL_NO_LIST \
  " start_ts >= ?1 AND start_ts < ?2" \
  " AND (?3 IS NULL OR line = ?3) AND (?4 IS NULL OR agent_id = ?4)"
#define CG_FILTER_SQL CG_FILTER_SQL_NO_LIST " AND (?5 IS NULL OR list = ?5)"

/* Binds @filter to ?1–?5; 0 is unbounded on either side (a bad import can
 * hold times before 1970, which must still count). */
void     cg_filter_bind          (sqlite3_stmt   *stmt,
                                  const CgFilter *filter);

/* Whether the aggregate sums can answer for @filter (no agent, whole local
 * days, not asked for raw); then @from_day and @to_day receive the bounds
 * as local day numbers, [from, to). */
gboolean cg_analytics_day_bounds (CgStore        *store,
                                  const CgFilter *filter,
                                  gint64         *from_day,
                                  gint64         *to_day);

G_END_DECLS
