/* cg-call-quality.c — voice quality, recordings and short calls by slice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics-private.h"
#include "cg-call-quality.h"
#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-store-private.h"

void
cg_call_quality_row_free (CgCallQualityRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

static const char *
key_sql (CgDimension by)
{
  switch (by)
    {
    case CG_DIM_LINE:  return "coalesce (line, '')";
    case CG_DIM_AGENT: return "coalesce (agent_id, '')";
    case CG_DIM_LIST:  return "coalesce (list, '')";
    case CG_DIM_MONTH: return "cg_local (start_ts, 2)";
    default:           return NULL;
    }
}

static double
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static double
column_mean (sqlite3_stmt *stmt,
             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static CgCallQualityRow *
read_row (sqlite3_stmt *stmt)
{
  CgCallQualityRow *row = g_new0 (CgCallQualityRow, 1);
  const char *key = (const char *) sqlite3_column_text (stmt, 0);
  gint64 low;

  row->key = g_strdup (key ? key : "");
  row->calls = sqlite3_column_int64 (stmt, 1);
  row->connected = sqlite3_column_int64 (stmt, 2);
  row->with_mos = sqlite3_column_int64 (stmt, 3);
  row->mos_mean = column_mean (stmt, 4);
  low = sqlite3_column_int64 (stmt, 5);
  row->low_mos_share = share (low, row->with_mos);
  row->with_packet_loss = sqlite3_column_int64 (stmt, 6);
  row->packet_loss_mean = column_mean (stmt, 7);
  row->with_jitter = sqlite3_column_int64 (stmt, 8);
  row->jitter_mean = column_mean (stmt, 9);
  row->recordings_known = sqlite3_column_int64 (stmt, 10);
  row->recordings = sqlite3_column_int64 (stmt, 11);
  row->recording_coverage = share (row->recordings, row->recordings_known);
  row->short_calls = sqlite3_column_int64 (stmt, 12);
  row->short_call_share = share (row->short_calls, row->connected);
  return row;
}

GPtrArray *
cg_call_quality (CgStore        *store,
                 CgDimension     by,
                 const CgFilter *filter,
                 GError        **error)
{
  static const CgFilter everything = { 0 };
  const char *key = key_sql (by);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (key == NULL)
    {
      g_set_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID,
                   _("Call quality is by line, agent, list or month."));
      return NULL;
    }
  if (filter == NULL)
    filter = &everything;
  if (by == CG_DIM_MONTH && !cg_local_time_register (store, error))
    return NULL;

  /* count() and avg() skip NULLs: absent values stay out of the means. */
  sql = g_strdup_printf ("SELECT %s AS k, count(*), sum(outcome = %d),"
                         "       count(mos), avg(mos), sum(mos < ?6),"
                         "       count(packet_loss_pct), avg(packet_loss_pct),"
                         "       count(jitter_ms), avg(jitter_ms),"
                         "       sum(outcome = %d AND has_recording IS NOT NULL),"
                         "       sum(outcome = %d AND has_recording = 1),"
                         "       sum(outcome = %d AND talk_s < %d)"
                         "  FROM calls WHERE" CG_FILTER_SQL
                         " GROUP BY k ORDER BY k",
                         key, CG_OUTCOME_CONNECTED, CG_OUTCOME_CONNECTED,
                         CG_OUTCOME_CONNECTED, CG_OUTCOME_CONNECTED, CG_SHORT_CALL_SECONDS);
  stmt = cg_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  cg_filter_bind (stmt, filter);
  sqlite3_bind_double (stmt, 6, CG_LOW_MOS);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_call_quality_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "call quality");
      return NULL;
    }
  return g_steal_pointer (&rows);
}
