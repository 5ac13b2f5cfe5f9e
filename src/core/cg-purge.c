/* cg-purge.c — retention: old call details go, the sums the trends read
 * stay.
 *
 * What goes and what stays, and why:
 *  - calls rows before the cutoff are deleted.  Their sums are already in
 *    agg_day and agg_hour (cg-aggregates.h), which stay untouched, so every
 *    trend by day, week, month or hour reads the same afterwards; questions
 *    that need the rows (by agent, campaign, compliance) only cover what is
 *    left.
 *  - survey responses and complaints keep their scores, dates, categories
 *    and agents (satisfaction and complaint trends are computed from them,
 *    there are no sums to fall back on) but lose the person: the phone
 *    hash, masked and full number, and a complaint's free text.
 *  - do-not-call entries stay: a request not to be called must be honoured
 *    for as long as the list is used, and holds only a hash and a mask.
 *
 * Later changes must not disturb the sums of purged calls:
 *  - deleting a batch subtracts the batch's calls that are still there
 *    (cg_aggregates_subtract_batch reads the rows), never the purged ones,
 *    whose sums stay as history: nothing is subtracted twice or wrongly;
 *  - re-importing old calls into the closed period would add them again:
 *    the trigger calls_closed_period (cg-schema.c, migration 5) skips them
 *    and the import counts them as duplicates;
 *  - a new business time zone regroups the sums from the rows
 *    (cg_aggregates_rebuild), which would drop the purged calls' sums:
 *    cg_store_set_setting refuses it once anything was purged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-backup.h"
#include "cg-purge.h"
#include "cg-store-private.h"

void
cg_purge_result_clear (CgPurgeResult *result)
{
  g_clear_pointer (&result->backup_path, g_free);
}

gint64
cg_purge_get_closed_before (CgStore *store)
{
  sqlite3_stmt *stmt;
  gint64 before = 0;

  stmt = cg_store_prepare (store, "SELECT coalesce(max(before_ts), 0) FROM purges", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    before = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return before;
}

guint
cg_purge_get_retention_months (CgStore *store)
{
  g_autofree char *text = cg_store_get_setting (store, CG_PURGE_SETTING, "0");
  guint64 months = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, CG_PURGE_MAX_MONTHS, &months, NULL))
    return 0;
  return (guint) months;
}

/* Local midnight @months months before @now, as UTC seconds.  A day of 31
 * in a shorter month becomes the month's last day (GLib's rule). */
static gint64
cutoff_ts (CgStore   *store,
           guint      months,
           GDateTime *now)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
  g_autoptr(GDateTime) back = g_date_time_add_months (local, -(int) months);
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_time_get_year (back),
                                                   g_date_time_get_month (back),
                                                   g_date_time_get_day_of_month (back), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* Runs @sql, which has ?1 for the cutoff, adding the rows changed to @n. */
static gboolean
run_with_cutoff (CgStore     *store,
                 const char  *sql,
                 gint64       before_ts,
                 gint64      *n,
                 GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before_ts);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "purge");
      return FALSE;
    }
  if (n != NULL)
    *n += sqlite3_changes (cg_store_get_db (store));
  return TRUE;
}

static gint64
count_with_cutoff (CgStore    *store,
                   const char *sql,
                   gint64      before_ts)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, before_ts);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

#define SURVEY_PERSONAL "(phone_hash IS NOT NULL OR phone_masked IS NOT NULL OR phone_full IS NOT NULL)"
#define COMPLAINT_PERSONAL \
  "(phone_hash IS NOT NULL OR phone_masked IS NOT NULL OR phone_full IS NOT NULL OR text IS NOT NULL)"

static gboolean
purge_in_transaction (CgStore        *store,
                      CgPurgeResult  *result,
                      GError        **error)
{
  gint64 before_ts = result->before_ts;
  sqlite3_stmt *stmt;
  int rc;

  if (!run_with_cutoff (store, "DELETE FROM calls WHERE start_ts < ?1", before_ts,
                        &result->calls, error) ||
      !run_with_cutoff (store,
                        "UPDATE survey_responses SET phone_hash = NULL, phone_masked = NULL, "
                        "phone_full = NULL WHERE submitted_ts < ?1 AND " SURVEY_PERSONAL,
                        before_ts, &result->survey_responses, error) ||
      !run_with_cutoff (store,
                        "UPDATE complaints SET phone_hash = NULL, phone_masked = NULL, "
                        "phone_full = NULL, text = NULL WHERE ts < ?1 AND " COMPLAINT_PERSONAL,
                        before_ts, &result->complaints, error))
    return FALSE;

  stmt = cg_store_prepare (store,
                           "INSERT INTO purges (before_ts, purged_at, calls, survey_responses, "
                           "complaints) VALUES (max(?1, coalesce((SELECT max(before_ts) FROM "
                           "purges), 0)), ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before_ts);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 3, result->calls);
  sqlite3_bind_int64 (stmt, 4, result->survey_responses);
  sqlite3_bind_int64 (stmt, 5, result->complaints);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "purge");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_purge_older_than (CgStore        *store,
                     guint           months,
                     GDateTime      *now,
                     CgPurgeResult  *result,
                     GError        **error)
{
  gint64 before_ts;
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (months < 1 || months > CG_PURGE_MAX_MONTHS)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("Keep between 1 and %d months of call details."), CG_PURGE_MAX_MONTHS);
      return FALSE;
    }
  before_ts = cutoff_ts (store, months, now);
  result->before_ts = before_ts;

  if (count_with_cutoff (store, "SELECT count(*) FROM calls WHERE start_ts < ?1", before_ts) == 0 &&
      count_with_cutoff (store, "SELECT count(*) FROM survey_responses WHERE submitted_ts < ?1 AND "
                         SURVEY_PERSONAL, before_ts) == 0 &&
      count_with_cutoff (store, "SELECT count(*) FROM complaints WHERE ts < ?1 AND "
                         COMPLAINT_PERSONAL, before_ts) == 0)
    return TRUE;

  result->backup_path = cg_backup_create (store, CG_BACKUP_REASON_BEFORE_PURGE, error);
  if (result->backup_path == NULL)
    {
      g_prefix_error (error, _("Nothing was deleted, because the database could not be backed "
                               "up first: "));
      return FALSE;
    }

  /* Deleted and overwritten values are zeroed in the file, not just
   * unlinked from it; it stays on for the connection (see
   * cg_store_set_keep_full_numbers). */
  if (!cg_store_exec (store, "PRAGMA secure_delete = ON", error))
    return FALSE;
  ok = cg_store_begin (store, error) && purge_in_transaction (store, result, error) &&
       cg_store_commit (store, error);
  if (!ok)
    {
      cg_store_rollback (store);
      result->calls = result->survey_responses = result->complaints = 0;
    }
  /* Old page images stay in the -wal file until it is rewritten: truncate
   * it.  Another connection reading may keep it; then it goes later. */
  if (ok)
    cg_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  return ok;
}
