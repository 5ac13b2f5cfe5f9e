/* cg-aggregates.h — per-day and per-hour sums of calls, kept with the calls.
 *
 * The pages ask the same few questions of millions of calls (by month, by
 * line, by hour of the week…).  Two small tables answer them without
 * reading the calls: agg_day (local day, line, list, outcome, disposition)
 * and agg_hour (local day, hour, line, list).  They are maintained in the
 * same transaction as every import and batch delete, and rebuilt when the
 * business time zone changes.  Questions by agent, campaign or segment,
 * or with bounds that are not whole local days, read the calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-call.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct _CgAggregator CgAggregator;

/* Sums calls in memory (a few thousand keys for millions of calls) until
 * cg_aggregator_flush adds them to, or subtracts them from, the tables. */
CgAggregator *cg_aggregator_new    (GTimeZone     *tz);
void          cg_aggregator_add    (CgAggregator  *agg,
                                    const CgCall  *call);
/* The same with the call's local day and hour already known. */
void          cg_aggregator_add_at (CgAggregator  *agg,
                                    const CgCall  *call,
                                    gint64         day,
                                    int            hour);
/** cg_aggregator_get_time_zone: the zone days and hours are local to. */
GTimeZone    *cg_aggregator_get_time_zone (CgAggregator *agg);
gboolean      cg_aggregator_flush  (CgAggregator  *agg,
                                    CgStore       *store,
                                    int            sign,
                                    GError       **error);
void          cg_aggregator_free   (CgAggregator  *agg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgAggregator, cg_aggregator_free)

/* Takes the calls with ids in [@first_id, @last_id] of @batch_id out of the
 * sums; call inside the transaction that deletes them. */
gboolean      cg_aggregates_subtract_batch (CgStore  *store,
                                            gint64    batch_id,
                                            gint64    first_id,
                                            gint64    last_id,
                                            GError  **error);

/* Recomputes both tables from all calls, in the caller's transaction. */
gboolean      cg_aggregates_rebuild (CgStore  *store,
                                     GError  **error);

G_END_DECLS

G_BEGIN_DECLS

/* An in-memory copy of both tables, for answering many questions in a row
 * (a page refresh) without SQL.  Strings are owned by the snapshot. */
typedef struct {
  gint64      day;
  const char *line;
  const char *list;
  int         outcome;
  int         disposition;
  gint64      calls;
  gint64      talk_s;
  gint64      short_calls;
  double      revenue;
  gint64      sales_with_amount;
} CgDaySum;

typedef struct {
  gint64      day;
  int         hour;
  const char *line;
  const char *list;
  gint64      calls;
  gint64      connected;
  gint64      talk_s;
  gint64      short_calls;
  gint64      line_failures;
} CgHourSum;

typedef struct {
  GArray *days;   /* CgDaySum */
  GArray *hours;  /* CgHourSum */
} CgSumsSnapshot;

/* The store's snapshot of the sums, loaded again when this or another
 * connection changed the database since; owned by @store. */
const CgSumsSnapshot *cg_aggregates_snapshot (CgStore  *store,
                                              GError  **error);

/* The whole local days the calls span, from the sums: [@from_ts, @to_ts)
 * runs from the local midnight that starts the first day with a call (or
 * the purge's cutoff, after one) to the one that ends the last.  The same
 * calls as all data, but bounds the sums can answer for.  Both 0 without
 * calls. */
gboolean cg_aggregates_call_span (CgStore  *store,
                                  gint64   *from_ts,
                                  gint64   *to_ts,
                                  GError  **error);

G_END_DECLS
