/* cg-analytics-private.h — what analyses share inside core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cg-aggregates.h"
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

/* Every analysis slices the calls the same way, from one table in
 * cg-analytics.c, so a metric by hour × weekday means the same hours
 * everywhere. */

/* The SQL expression of @by's key over calls: built from constants only,
 * so it may be pasted into SQL; it needs cg_local_time_register.  For
 * CG_DIM_OUTCOME it is the outcome's number: read keys with
 * cg_dimension_key_column. */
const char *cg_dimension_key_sql    (CgDimension     by);
/* The key in @column of @stmt as rows of @by name it ("no_answer"). */
char       *cg_dimension_key_column (CgDimension     by,
                                     sqlite3_stmt   *stmt,
                                     int             column);
/* strcmp for keys of @by, except that outcomes go in CgOutcome's order. */
int         cg_dimension_key_compare (CgDimension    by,
                                      const char    *a,
                                      const char    *b);

/* Whether the per-day sums (agg_day) carry @by's key: total, calendar
 * slices, line, list and outcome; not agent, campaign, segment or hours. */
gboolean    cg_dimension_in_day_sums (CgDimension    by);

/* Keys of CgDaySum rows; remembers the last day, as sums come day by day. */
typedef struct {
  CgDimension by;
  gint64      day;
  char        buf[32];
} CgDaySumKeyer;

void        cg_day_sum_keyer_init   (CgDaySumKeyer  *keyer,
                                     CgDimension     by);
/* The key of @d for a dimension cg_dimension_in_day_sums accepts. */
const char *cg_day_sum_key          (CgDaySumKeyer  *keyer,
                                     const CgDaySum *d);
/* Whether a sum of local day @day, @line and @list is in @filter, whose
 * bounds cg_analytics_day_bounds gave as [from_day, to_day). */
gboolean    cg_day_sum_passes       (const CgFilter *filter,
                                     gint64          day,
                                     gint64          from_day,
                                     gint64          to_day,
                                     const char     *line,
                                     const char     *list);

/* Sorts @n elements of @size bytes (a multiple of 8, at most 32) in place
 * by the gint64 each starts with.  qsort and g_qsort_with_data copy the
 * whole array to sort it, which for a million calls' keys costs as much
 * memory again. */
void        cg_sort_by_int64        (gpointer        base,
                                     gsize           n,
                                     gsize           size);

G_END_DECLS
