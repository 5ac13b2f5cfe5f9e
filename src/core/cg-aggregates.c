/* cg-aggregates.c — per-day and per-hour sums of calls, kept with the calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-aggregates.h"
#include "cg-local-time.h"
#include "cg-purge.h"
#include "cg-store-private.h"

typedef struct {
  gint64      day;
  int         hour;         /* agg_hour only */
  const char *line;         /* interned in the aggregator */
  const char *list;
  int         outcome;      /* agg_day only */
  int         disposition;  /* agg_day only */
} Key;

typedef struct {
  Key     key;
  gint64  calls;
  gint64  connected;
  gint64  talk_s;
  gint64  short_calls;
  gint64  line_failures;  /* agg_hour only */
  double  revenue;
  gint64  sales_with_amount;
} Sum;

struct _CgAggregator
{
  GTimeZone  *tz;
  GHashTable *days;     /* Key → Sum (the key is the Sum's own) */
  GHashTable *hours;
  GHashTable *strings;  /* interned lines and lists */
  const char *last_line, *last_line_interned;
  const char *last_list, *last_list_interned;
};

/* Interned strings compare by address, so keys hash and compare fast. */
static guint
key_hash (gconstpointer p)
{
  const Key *k = p;
  guint h = (guint) k->day * 31u + (guint) k->hour;

  h = h * 31u + g_direct_hash (k->line);
  h = h * 31u + g_direct_hash (k->list);
  return h * 31u + (guint) (k->outcome * 8 + k->disposition);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;
  return x->day == y->day && x->hour == y->hour && x->line == y->line && x->list == y->list &&
         x->outcome == y->outcome && x->disposition == y->disposition;
}

CgAggregator *
cg_aggregator_new (GTimeZone *tz)
{
  CgAggregator *agg = g_new0 (CgAggregator, 1);

  agg->tz = g_time_zone_ref (tz);
  agg->days = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
  agg->hours = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
  agg->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return agg;
}

GTimeZone *
cg_aggregator_get_time_zone (CgAggregator *agg)
{
  return agg->tz;
}

void
cg_aggregator_free (CgAggregator *agg)
{
  if (agg == NULL)
    return;
  g_time_zone_unref (agg->tz);
  g_hash_table_unref (agg->days);
  g_hash_table_unref (agg->hours);
  g_hash_table_unref (agg->strings);
  g_free (agg);
}

static const char *
intern (CgAggregator *agg,
        const char   *s)
{
  char *interned = g_hash_table_lookup (agg->strings, s);

  if (interned == NULL)
    {
      interned = g_strdup (s);
      g_hash_table_add (agg->strings, interned);
    }
  return interned;
}

static Sum *
lookup (GHashTable *table,
        const Key  *key)
{
  Sum *sum = g_hash_table_lookup (table, key);

  if (sum == NULL)
    {
      sum = g_new0 (Sum, 1);
      sum->key = *key;
      g_hash_table_add (table, sum);
    }
  return sum;
}

void
cg_aggregator_add (CgAggregator *agg,
                   const CgCall *call)
{
  gint64 day;
  int hour;

  cg_local_day (agg->tz, call->start_ts, &day, &hour);
  cg_aggregator_add_at (agg, call, day, hour);
}

void
cg_aggregator_add_at (CgAggregator *agg,
                      const CgCall *call,
                      gint64        day,
                      int           hour)
{
  /* Missing lines and lists are '' as in the analytics' keys; calls come
   * in runs of the same line and list, so the last ones are remembered. */
  const char *line = call->line ? call->line : "";
  const char *list = call->list ? call->list : "";
  gboolean connected = call->outcome == CG_OUTCOME_CONNECTED;
  int talk = MAX (call->talk_s, 0);
  gboolean is_short = connected && talk < CG_SHORT_CALL_SECONDS;
  Key key = { 0 };
  Sum *d, *h;

  if (agg->last_line == NULL || strcmp (line, agg->last_line_interned) != 0)
    agg->last_line_interned = intern (agg, line);
  agg->last_line = agg->last_line_interned;
  if (agg->last_list == NULL || strcmp (list, agg->last_list_interned) != 0)
    agg->last_list_interned = intern (agg, list);
  agg->last_list = agg->last_list_interned;

  key.day = day;
  key.line = agg->last_line_interned;
  key.list = agg->last_list_interned;
  key.outcome = call->outcome;
  key.disposition = call->disposition;
  d = lookup (agg->days, &key);
  d->calls++;
  d->talk_s += talk;
  d->short_calls += is_short;
  if (!isnan (call->sale_amount))
    {
      d->revenue += call->sale_amount;
      d->sales_with_amount++;
    }

  key.hour = hour;
  key.outcome = 0;
  key.disposition = 0;
  h = lookup (agg->hours, &key);
  h->calls++;
  h->connected += connected;
  h->talk_s += connected ? talk : 0;
  h->short_calls += is_short;
  h->line_failures += call->outcome == CG_OUTCOME_LINE_FAILURE;
}

static gboolean
step_done (CgStore      *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "aggregates");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_aggregator_flush (CgAggregator  *agg,
                     CgStore       *store,
                     int            sign,
                     GError       **error)
{
  sqlite3_stmt *day_stmt = cg_store_prepare (store,
    "INSERT INTO agg_day (day, line, list, outcome, disposition, calls, talk_s, short_calls, revenue, sales_with_amount)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (day, line, list, outcome, disposition) DO UPDATE SET"
    "   calls = calls + excluded.calls, talk_s = talk_s + excluded.talk_s,"
    "   short_calls = short_calls + excluded.short_calls, revenue = revenue + excluded.revenue,"
    "   sales_with_amount = sales_with_amount + excluded.sales_with_amount",
    error);
  sqlite3_stmt *hour_stmt = day_stmt == NULL ? NULL : cg_store_prepare (store,
    "INSERT INTO agg_hour (day, hour, line, list, calls, connected, talk_s, short_calls, line_failures)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (day, hour, line, list) DO UPDATE SET"
    "   calls = calls + excluded.calls, connected = connected + excluded.connected,"
    "   talk_s = talk_s + excluded.talk_s, short_calls = short_calls + excluded.short_calls,"
    "   line_failures = line_failures + excluded.line_failures",
    error);
  GHashTableIter iter;
  Sum *s;

  if (day_stmt == NULL || hour_stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, agg->days);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
    {
      sqlite3_bind_int64 (day_stmt, 1, s->key.day);
      sqlite3_bind_text (day_stmt, 2, s->key.line, -1, SQLITE_STATIC);
      sqlite3_bind_text (day_stmt, 3, s->key.list, -1, SQLITE_STATIC);
      sqlite3_bind_int (day_stmt, 4, s->key.outcome);
      sqlite3_bind_int (day_stmt, 5, s->key.disposition);
      sqlite3_bind_int64 (day_stmt, 6, sign * s->calls);
      sqlite3_bind_int64 (day_stmt, 7, sign * s->talk_s);
      sqlite3_bind_int64 (day_stmt, 8, sign * s->short_calls);
      sqlite3_bind_double (day_stmt, 9, sign * s->revenue);
      sqlite3_bind_int64 (day_stmt, 10, sign * s->sales_with_amount);
      if (!step_done (store, day_stmt, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, agg->hours);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &s))
    {
      sqlite3_bind_int64 (hour_stmt, 1, s->key.day);
      sqlite3_bind_int (hour_stmt, 2, s->key.hour);
      sqlite3_bind_text (hour_stmt, 3, s->key.line, -1, SQLITE_STATIC);
      sqlite3_bind_text (hour_stmt, 4, s->key.list, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (hour_stmt, 5, sign * s->calls);
      sqlite3_bind_int64 (hour_stmt, 6, sign * s->connected);
      sqlite3_bind_int64 (hour_stmt, 7, sign * s->talk_s);
      sqlite3_bind_int64 (hour_stmt, 8, sign * s->short_calls);
      sqlite3_bind_int64 (hour_stmt, 9, sign * s->line_failures);
      if (!step_done (store, hour_stmt, error))
        return FALSE;
    }
  g_hash_table_remove_all (agg->days);
  g_hash_table_remove_all (agg->hours);

  /* Sums that a delete brought to zero are keys without calls: drop them. */
  if (sign < 0)
    return cg_store_exec (store, "DELETE FROM agg_day WHERE calls <= 0", error) &&
           cg_store_exec (store, "DELETE FROM agg_hour WHERE calls <= 0", error);
  return TRUE;
}

/* Feeds the calls that @stmt selects (start_ts, line, list, outcome,
 * disposition, talk_s, sale_amount) to @agg. */
static gboolean
aggregate_rows (CgStore       *store,
                CgAggregator  *agg,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgCall call;

      cg_call_init (&call);
      call.start_ts = sqlite3_column_int64 (stmt, 0);
      call.line = (const char *) sqlite3_column_text (stmt, 1);
      call.list = (const char *) sqlite3_column_text (stmt, 2);
      call.outcome = sqlite3_column_int (stmt, 3);
      call.disposition = sqlite3_column_int (stmt, 4);
      call.talk_s = sqlite3_column_int (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        call.sale_amount = sqlite3_column_double (stmt, 6);
      cg_aggregator_add (agg, &call);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "aggregates");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_aggregates_subtract_batch (CgStore  *store,
                              gint64    batch_id,
                              gint64    first_id,
                              gint64    last_id,
                              GError  **error)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(CgAggregator) agg = cg_aggregator_new (tz);
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT start_ts, line, list, outcome, disposition, talk_s, sale_amount FROM calls"
    " WHERE id BETWEEN ?1 AND ?2 AND batch_id = ?3",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int64 (stmt, 2, last_id);
  sqlite3_bind_int64 (stmt, 3, batch_id);
  return aggregate_rows (store, agg, stmt, error) && cg_aggregator_flush (agg, store, -1, error);
}

gboolean
cg_aggregates_rebuild (CgStore  *store,
                       GError  **error)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(CgAggregator) agg = cg_aggregator_new (tz);
  sqlite3_stmt *stmt;

  if (!cg_store_exec (store, "DELETE FROM agg_day; DELETE FROM agg_hour;", error))
    return FALSE;
  stmt = cg_store_prepare (store,
                           "SELECT start_ts, line, list, outcome, disposition, talk_s, sale_amount FROM calls",
                           error);
  return stmt != NULL && aggregate_rows (store, agg, stmt, error) &&
         cg_aggregator_flush (agg, store, +1, error);
}

/* ---- the snapshot ---------------------------------------------------------- */

typedef struct {
  CgSumsSnapshot  public;
  GStringChunk   *strings;
  gint64          data_version;   /* other connections' commits */
  gint64          total_changes;  /* this connection's */
} Snapshot;

static void
snapshot_free (Snapshot *s)
{
  g_array_unref (s->public.days);
  g_array_unref (s->public.hours);
  g_string_chunk_free (s->strings);
  g_free (s);
}

static gint64
data_version (CgStore *store)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "PRAGMA data_version", NULL);
  gint64 v = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

static gboolean
load_snapshot (CgStore   *store,
               Snapshot  *s,
               GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT day, line, list, outcome, disposition, calls, talk_s, short_calls,"
                           "       revenue, sales_with_amount FROM agg_day",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgDaySum d;

      d.day = sqlite3_column_int64 (stmt, 0);
      d.line = g_string_chunk_insert_const (s->strings, (const char *) sqlite3_column_text (stmt, 1));
      d.list = g_string_chunk_insert_const (s->strings, (const char *) sqlite3_column_text (stmt, 2));
      d.outcome = sqlite3_column_int (stmt, 3);
      d.disposition = sqlite3_column_int (stmt, 4);
      d.calls = sqlite3_column_int64 (stmt, 5);
      d.talk_s = sqlite3_column_int64 (stmt, 6);
      d.short_calls = sqlite3_column_int64 (stmt, 7);
      d.revenue = sqlite3_column_double (stmt, 8);
      d.sales_with_amount = sqlite3_column_int64 (stmt, 9);
      g_array_append_val (s->public.days, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "aggregates");
      return FALSE;
    }

  stmt = cg_store_prepare (store,
                           "SELECT day, hour, line, list, calls, connected, talk_s, short_calls, line_failures"
                           " FROM agg_hour",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgHourSum h;

      h.day = sqlite3_column_int64 (stmt, 0);
      h.hour = sqlite3_column_int (stmt, 1);
      h.line = g_string_chunk_insert_const (s->strings, (const char *) sqlite3_column_text (stmt, 2));
      h.list = g_string_chunk_insert_const (s->strings, (const char *) sqlite3_column_text (stmt, 3));
      h.calls = sqlite3_column_int64 (stmt, 4);
      h.connected = sqlite3_column_int64 (stmt, 5);
      h.talk_s = sqlite3_column_int64 (stmt, 6);
      h.short_calls = sqlite3_column_int64 (stmt, 7);
      h.line_failures = sqlite3_column_int64 (stmt, 8);
      g_array_append_val (s->public.hours, h);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "aggregates");
      return FALSE;
    }
  return TRUE;
}

const CgSumsSnapshot *
cg_aggregates_snapshot (CgStore  *store,
                        GError  **error)
{
  Snapshot *s = g_object_get_data (G_OBJECT (store), "cg-sums-snapshot");
  sqlite3 *db = cg_store_get_db (store);
  gint64 version = data_version (store);
  gint64 changes = sqlite3_total_changes64 (db);

  if (s != NULL && s->data_version == version && s->total_changes == changes)
    return &s->public;

  s = g_new0 (Snapshot, 1);
  s->public.days = g_array_new (FALSE, FALSE, sizeof (CgDaySum));
  s->public.hours = g_array_new (FALSE, FALSE, sizeof (CgHourSum));
  s->strings = g_string_chunk_new (4096);
  s->data_version = version;
  s->total_changes = changes;
  if (!load_snapshot (store, s, error))
    {
      snapshot_free (s);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (store), "cg-sums-snapshot", s, (GDestroyNotify) snapshot_free);
  return &s->public;
}

/* The first second of local day @day.  Midnight may fall in a daylight
 * saving change: GLib then picks a time of that day that exists, not
 * necessarily the first one, so step back while the second before is
 * still the same day (offsets are whole quarter hours). */
static gint64
local_day_start (GTimeZone *tz,
                 gint64     day)
{
  g_autoptr(GDateTime) dt = NULL;
  CgLocalTime t;
  gint64 ts, previous_day;

  cg_local_day_fields (day, &t);
  dt = g_date_time_new (tz, t.year, t.month, t.day, 0, 0, 0);
  ts = dt != NULL ? g_date_time_to_unix (dt) : day * 86400;
  for (;;)
    {
      cg_local_day (tz, ts - 1, &previous_day, NULL);
      if (previous_day < day)
        return ts;
      ts -= 900;
    }
}

gboolean
cg_aggregates_call_span (CgStore  *store,
                         gint64   *from_ts,
                         gint64   *to_ts,
                         GError  **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  gint64 first = G_MAXINT64, last = G_MININT64, cutoff = G_MININT64;
  gint64 closed = cg_purge_get_closed_before (store);

  *from_ts = *to_ts = 0;
  if (snap == NULL)
    return FALSE;
  /* The sums keep purged calls (cg-purge.c); the span is of the calls
   * that are left, which all start after the purge's cutoff. */
  if (closed != 0)
    cg_local_day (tz, closed, &cutoff, NULL);
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);

      if (d->calls <= 0 || d->day < cutoff)
        continue;
      first = MIN (first, d->day);
      last = MAX (last, d->day);
    }
  if (first > last)
    return TRUE;
  *from_ts = local_day_start (tz, first);
  *to_ts = local_day_start (tz, last + 1);
  return TRUE;
}
