/* cg-compliance.c — compliance audit of the call logs (the rules are parsed
 * in cg-compliance-rules.c, do-not-call lists imported in cg-dnc-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics-private.h"
#include "cg-compliance.h"
#include "cg-local-time.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-compliance-error-quark, cg_compliance_error)

#define SECONDS_PER_DAY 86400
/* ---- audit ---------------------------------------------------------------- */

void
cg_compliance_call_free (CgComplianceCall *call)
{
  if (call == NULL)
    return;
  g_free (call->phone_masked);
  g_free (call->agent_id);
  g_free (call->line);
  g_free (call->list);
  g_free (call);
}

static void
complaint_count_free (CgComplaintCount *c)
{
  g_free (c->key);
  g_free (c);
}

void
cg_compliance_report_free (CgComplianceReport *r)
{
  if (r == NULL)
    return;
  g_clear_pointer (&r->outside_hours.calls, g_ptr_array_unref);
  g_clear_pointer (&r->dnc.calls, g_ptr_array_unref);
  g_clear_pointer (&r->attempt_cap.calls, g_ptr_array_unref);
  g_clear_pointer (&r->complaints_by_agent, g_ptr_array_unref);
  g_clear_pointer (&r->complaints_by_list, g_ptr_array_unref);
  g_clear_pointer (&r->complaints_by_month, g_ptr_array_unref);
  g_clear_pointer (&r->violations_by_key, g_hash_table_unref);
  g_clear_pointer (&r->complaints_by_key, g_hash_table_unref);
  g_free (r);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Adds @n to @key's count in @counts (key → gint64 *). */
static void
count_key (GHashTable *counts,
           char       *key,
           gint64      n)
{
  gint64 *count = g_hash_table_lookup (counts, key);

  if (count == NULL)
    {
      count = g_new0 (gint64, 1);
      g_hash_table_insert (counts, key, count);
    }
  else
    g_free (key);
  *count += n;
}

/* Counts an offending call; the statement's columns 0–4 are start_ts,
 * phone_masked, agent_id, line and list, column @key_column its slice. */
static void
finding_add (CgComplianceReport *r,
             CgFinding          *finding,
             sqlite3_stmt       *stmt,
             int                 key_column)
{
  CgComplianceCall *call;

  if (r->violations_by_key != NULL)
    count_key (r->violations_by_key, cg_dimension_key_column (r->by, stmt, key_column), 1);

  if (finding->count++ >= CG_COMPLIANCE_MAX_LISTED)
    return;
  call = g_new0 (CgComplianceCall, 1);
  call->start_ts = sqlite3_column_int64 (stmt, 0);
  call->phone_masked = column_text (stmt, 1);
  call->agent_id = column_text (stmt, 2);
  call->line = column_text (stmt, 3);
  call->list = column_text (stmt, 4);
  g_ptr_array_add (finding->calls, call);
}

#define CALL_COLUMNS "start_ts, phone_masked, agent_id, line, list"

static gboolean
is_outside_hours (GTimeZone            *tz,
                  const CgCallingHours *hours,
                  gint64                ts)
{
  gint64 local = ts + g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, ts));
  gint64 day = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
  gint64 second = local - day * SECONDS_PER_DAY;
  int weekday = (int) (((day % 7) + 7 + 3) % 7) + 1;  /* day 0, 1970-01-01, was a Thursday */

  return second < hours->open_minute[weekday] * 60 || second >= hours->close_minute[weekday] * 60;
}

/* Prepares @sql_format with the key of @r's slice for its %s. */
static sqlite3_stmt *
prepare_keyed (CgStore                  *store,
               const CgComplianceReport *r,
               const char               *sql_format,
               const char               *what,
               GError                  **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The formats are the constants below, the key from the fixed table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  sql = g_strdup_printf (sql_format, cg_dimension_key_sql (r->by));
#pragma GCC diagnostic pop
  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* An offending call: where it sorts and which row it is. */
typedef struct {
  gint64 hash;   /* the attempt cap's order only */
  gint64 ts;
  gint64 id;
} Offence;

static int
compare_offences (gconstpointer a,
                  gconstpointer b)
{
  const Offence *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  if (x->ts != y->ts)
    return x->ts < y->ts ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Adds the calls @offences (in their order) to @finding: the listed ones
 * and, for an audit by key, every one's key are read by id.  Reading the
 * few offending rows afterwards spares sorting every call's row. */
static gboolean
add_offences (CgStore            *store,
              CgComplianceReport *r,
              CgFinding          *finding,
              GArray             *offences,
              GError            **error)
{
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < offences->len; i++)
    {
      int rc;

      if (r->violations_by_key == NULL && finding->count >= CG_COMPLIANCE_MAX_LISTED)
        {
          finding->count += offences->len - i;
          break;
        }
      if (stmt == NULL &&
          (stmt = prepare_keyed (store, r, "SELECT " CALL_COLUMNS ", %s FROM calls WHERE id = ?1",
                                 "compliance calls", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (offences, Offence, i).id);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        finding_add (r, finding, stmt, 5);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          cg_store_set_sql_error (store, error, "compliance calls");
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The number of attempts before the period that count towards the cap of
 * its first calls. */
static gint64
cap_window_start (const CgComplianceReport *r,
                  const CgFilter           *filter)
{
  return filter->from_ts != 0 ? filter->from_ts - (gint64) r->cap.days * SECONDS_PER_DAY : G_MININT64;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One unsorted pass over the calls of the period and the cap's window
 * before it: the calls of @filter outside the calling hours, in time
 * order, into @outside, and the numbers with more calls than the cap
 * allows, ascending, into @over — only they can break it, and most
 * numbers are dialled a few times, so the cap's walk sorts a few calls
 * instead of all. */
static gboolean
scan_calls (CgStore                  *store,
            const CgFilter           *filter,
            const CgComplianceReport *r,
            GArray                   *outside,
            GArray                   *over,
            GError                  **error)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Column 3 says whether a call is in the filter. */
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT start_ts, id, phone_hash, (" CG_FILTER_SQL ") FROM calls"
    " WHERE start_ts >= ?6 AND start_ts < ?2", error);
  gint64 *h;
  int rc;

  if (stmt == NULL)
    return FALSE;
  cg_filter_bind (stmt, filter);
  sqlite3_bind_int64 (stmt, 6, cap_window_start (r, filter));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Offence o = { 0, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (sqlite3_column_int (stmt, 3) && is_outside_hours (tz, &r->hours, o.ts))
        g_array_append_val (outside, o);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          gint64 hash = sqlite3_column_int64 (stmt, 2);
          g_array_append_val (hashes, hash);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "compliance audit");
      return FALSE;
    }
  g_array_sort (outside, compare_offences);
  cg_sort_by_int64 (hashes->data, hashes->len, sizeof (gint64));
  h = (gint64 *) (gpointer) hashes->data;
  for (guint i = 0; i < hashes->len;)
    {
      guint j = i + 1;

      while (j < hashes->len && h[j] == h[i])
        j++;
      if (j - i > r->cap.max_attempts)
        g_array_append_val (over, h[i]);
      i = j;
    }
  return TRUE;
}

static gboolean
audit_dnc (CgStore            *store,
           const CgFilter     *filter,
           CgComplianceReport *r,
           GError            **error)
{
  sqlite3_stmt *any = cg_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM dnc)", error);
  sqlite3_stmt *stmt;
  gboolean listed;
  int rc;

  if (any == NULL)
    return FALSE;
  /* Without a list there is nothing to look up for each call. */
  rc = sqlite3_step (any);
  listed = rc == SQLITE_ROW && sqlite3_column_int (any, 0);
  sqlite3_reset (any);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "do-not-call list");
      return FALSE;
    }
  if (!listed)
    return TRUE;
  /* dnc's unique index starts with phone_hash: one lookup per call. */
  stmt = prepare_keyed (store, r,
                        "SELECT " CALL_COLUMNS ", %s FROM calls AS c"
                        " WHERE " CG_FILTER_SQL " AND phone_hash IS NOT NULL"
                        "   AND EXISTS (SELECT 1 FROM dnc AS d"
                        "                WHERE d.phone_hash = c.phone_hash AND d.added_ts < c.start_ts)"
                        " ORDER BY start_ts, id", "calls to do-not-call numbers", error);
  if (stmt == NULL)
    return FALSE;
  cg_filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    finding_add (r, &r->dnc, stmt, 5);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "calls to do-not-call numbers");
      return FALSE;
    }
  return TRUE;
}

/* A call of a number that may break the cap. */
typedef struct {
  Offence  o;
  gboolean in_filter;
} Attempt;

static int
compare_attempts (gconstpointer a,
                  gconstpointer b)
{
  return compare_offences (&((const Attempt *) a)->o, &((const Attempt *) b)->o);
}

/* The calls of @over's numbers in order, each one that makes more than
 * the cap's attempts within its days. */
static gboolean
audit_attempts (CgStore            *store,
                const CgFilter     *filter,
                CgComplianceReport *r,
                GArray             *over,
                GError            **error)
{
  guint n = r->cap.max_attempts;
  gint64 window = (gint64) r->cap.days * SECONDS_PER_DAY;
  g_autoptr(GArray) attempts = NULL;
  g_autoptr(GArray) offences = NULL;
  g_autofree gint64 *recent = g_new (gint64, n);  /* ring of the last n start times of this number */
  gint64 phone = 0, seen = 0, last_counted_phone = 0;
  gboolean counted_any = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (over->len == 0)
    return TRUE;
  /* Column 3 says whether a call is in the filter. */
  stmt = cg_store_prepare (store,
    "SELECT phone_hash, start_ts, id, (" CG_FILTER_SQL ") FROM calls"
    " WHERE phone_hash IS NOT NULL AND start_ts >= ?6 AND start_ts < ?2", error);
  if (stmt == NULL)
    return FALSE;
  cg_filter_bind (stmt, filter);
  sqlite3_bind_int64 (stmt, 6, cap_window_start (r, filter));
  attempts = g_array_new (FALSE, FALSE, sizeof (Attempt));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Attempt a;

      a.o.hash = sqlite3_column_int64 (stmt, 0);
      if (bsearch (&a.o.hash, over->data, over->len, sizeof (gint64), compare_gint64) == NULL)
        continue;
      a.o.ts = sqlite3_column_int64 (stmt, 1);
      a.o.id = sqlite3_column_int64 (stmt, 2);
      a.in_filter = sqlite3_column_int (stmt, 3);
      g_array_append_val (attempts, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "attempt cap");
      return FALSE;
    }
  g_array_sort (attempts, compare_attempts);
  offences = g_array_new (FALSE, FALSE, sizeof (Offence));
  for (guint i = 0; i < attempts->len; i++)
    {
      const Attempt *a = &g_array_index (attempts, Attempt, i);
      const Offence *o = &a->o;

      if (seen == 0 || o->hash != phone)
        {
          phone = o->hash;
          seen = 0;
        }
      /* recent[seen % n] is the attempt n before this one. */
      if (seen >= n && o->ts - recent[seen % n] < window && a->in_filter)
        {
          g_array_append_vals (offences, o, 1);
          if (!counted_any || last_counted_phone != o->hash)
            r->cap_numbers++;
          counted_any = TRUE;
          last_counted_phone = o->hash;
        }
      recent[seen % n] = o->ts;
      seen++;
    }
  return add_offences (store, r, &r->attempt_cap, offences, error);
}

static const char *const complaint_keys[] = {
  "coalesce (agent_id, '')",
  "coalesce (list, '')",
  "cg_local (ts, 2)",
};

static GPtrArray *
count_complaints (CgStore        *store,
                  guint           key,
                  const CgFilter *filter,
                  GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) complaint_count_free);
  /* Built from the fixed table above; values are bound. */
  g_autofree char *sql = g_strdup_printf ("SELECT %s AS k, count(*) FROM complaints"
                                          " WHERE ts >= ?1 AND ts < ?2"
                                          "   AND (?4 IS NULL OR agent_id = ?4) AND (?5 IS NULL OR list = ?5)"
                                          " GROUP BY k ORDER BY k", complaint_keys[key]);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "complaints");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, filter->from_ts != 0 ? filter->from_ts : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts != 0 ? filter->to_ts : G_MAXINT64);
  if (filter->agent)
    sqlite3_bind_text (stmt, 4, filter->agent, -1, SQLITE_STATIC);
  if (filter->list)
    sqlite3_bind_text (stmt, 5, filter->list, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgComplaintCount *c = g_new0 (CgComplaintCount, 1);
      c->key = column_text (stmt, 0);
      c->complaints = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (rows, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "complaints");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
cg_compliance_complaints_have_key (CgDimension by)
{
  return by != CG_DIM_LINE && by != CG_DIM_CAMPAIGN && by != CG_DIM_SEGMENT && by != CG_DIM_OUTCOME;
}

/* Complaints per key of @by: their own time, agent and list stand for a
 * call's, so the key's SQL is the calls' one with ts for start_ts. */
static GHashTable *
count_complaints_by_key (CgStore        *store,
                         CgDimension     by,
                         const CgFilter *filter,
                         GError        **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) parts = g_strsplit (cg_dimension_key_sql (by), "start_ts", -1);
  g_autofree char *key_sql = g_strjoinv ("ts", parts);
  g_autofree char *sql = g_strdup_printf ("SELECT %s AS k, count(*) FROM complaints"
                                          " WHERE ts >= ?1 AND ts < ?2"
                                          "   AND (?4 IS NULL OR agent_id = ?4) AND (?5 IS NULL OR list = ?5)"
                                          " GROUP BY k", key_sql);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "complaints");
      sqlite3_finalize (stmt);
      return NULL;
    }
  cg_filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count_key (counts, cg_dimension_key_column (by, stmt, 0), sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "complaints");
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static CgComplianceReport *
audit (CgStore        *store,
       CgDimension     by,
       gboolean        by_key,
       const CgFilter *filter,
       GError        **error)
{
  g_autoptr(CgComplianceReport) r = g_new0 (CgComplianceReport, 1);
  g_autofree char *hours = cg_store_get_setting (store, "calling_hours", CG_COMPLIANCE_DEFAULT_CALLING_HOURS);
  g_autofree char *cap = cg_store_get_setting (store, "attempt_cap", CG_COMPLIANCE_DEFAULT_ATTEMPT_CAP);
  g_autoptr(GArray) outside = g_array_new (FALSE, FALSE, sizeof (Offence));
  g_autoptr(GArray) over = g_array_new (FALSE, FALSE, sizeof (gint64));
  CgFilter all = { 0 };

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  r->by = by;
  r->outside_hours.calls = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_compliance_call_free);
  r->dnc.calls = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_compliance_call_free);
  r->attempt_cap.calls = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_compliance_call_free);
  if (by_key)
    r->violations_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!cg_calling_hours_parse (hours, &r->hours, error) ||
      !cg_attempt_cap_parse (cap, &r->cap, error) ||
      !cg_local_time_register (store, error) ||
      !scan_calls (store, filter, r, outside, over, error) ||
      !add_offences (store, r, &r->outside_hours, outside, error) ||
      !audit_dnc (store, filter, r, error) ||
      !audit_attempts (store, filter, r, over, error) ||
      (r->complaints_by_agent = count_complaints (store, 0, filter, error)) == NULL ||
      (r->complaints_by_list = count_complaints (store, 1, filter, error)) == NULL ||
      (r->complaints_by_month = count_complaints (store, 2, filter, error)) == NULL)
    return NULL;
  if (by_key && cg_compliance_complaints_have_key (by) &&
      (r->complaints_by_key = count_complaints_by_key (store, by, filter, error)) == NULL)
    return NULL;
  return g_steal_pointer (&r);
}

CgComplianceReport *
cg_compliance_audit (CgStore        *store,
                     const CgFilter *filter,
                     GError        **error)
{
  return audit (store, CG_DIM_TOTAL, FALSE, filter, error);
}

CgComplianceReport *
cg_compliance_audit_by (CgStore        *store,
                        CgDimension     by,
                        const CgFilter *filter,
                        GError        **error)
{
  return audit (store, by, TRUE, filter, error);
}
