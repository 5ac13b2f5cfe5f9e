/* cg-quality.c — number-list quality, line stability, contact and attempts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-phone.h"
#include "cg-quality.h"
#include "cg-store-private.h"

/* Prepares @sql (built from constants only) and binds @filter to ?1…?5. */
static sqlite3_stmt *
prepare_filtered (CgStore        *store,
                  const char     *sql,
                  const CgFilter *filter,
                  const char     *what,
                  GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  cg_filter_bind (stmt, filter);
  return stmt;
}

/* Finalizes @stmt after its last step @rc; FALSE with @error set unless the
 * statement ran to the end. */
static gboolean
finish (CgStore      *store,
        sqlite3_stmt *stmt,
        int           rc,
        const char   *what,
        GError      **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    cg_store_set_sql_error (store, error, what);
  sqlite3_finalize (stmt);
  return ok;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text ? text : "");
}

/* ---- number lists ------------------------------------------------------------ */

void
cg_list_quality_free (CgListQuality *row)
{
  if (row == NULL)
    return;
  g_free (row->list);
  g_free (row);
}

GPtrArray *
cg_quality_lists (CgStore        *store,
                  const CgFilter *filter,
                  guint           max_attempts,
                  GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_list_quality_free);
  g_autofree char *sql = NULL;
  CgFilter all = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    filter = &all;

  /* f: the calls of the filter on every list, so that overlaps with lists
   * the filter does not show still count; n: one row per (list, number);
   * shared: numbers on more than one list. */
  sql = g_strdup_printf ("WITH f AS ("
                         "  SELECT coalesce (list, '') AS k, phone_hash, phone_kind, outcome"
                         "    FROM calls WHERE" CG_FILTER_SQL_NO_LIST "),"
                         " n AS ("
                         "  SELECT k, phone_hash, count(*) AS c, max(phone_kind IN (%d, %d)) AS bad"
                         "    FROM f WHERE phone_hash IS NOT NULL GROUP BY k, phone_hash),"
                         " shared AS ("
                         "  SELECT phone_hash FROM n GROUP BY phone_hash HAVING count(*) > 1),"
                         " per AS ("
                         "  SELECT k, count(*) AS numbers, sum(bad) AS bad,"
                         "         sum(shared.phone_hash IS NOT NULL) AS dup, sum(c > ?6) AS over"
                         "    FROM n LEFT JOIN shared USING (phone_hash) GROUP BY k),"
                         " c AS ("
                         "  SELECT k, count(*) AS calls, sum(outcome = %d) AS invalid FROM f GROUP BY k)"
                         " SELECT c.k, c.calls, c.invalid, coalesce (per.numbers, 0), coalesce (per.bad, 0),"
                         "        coalesce (per.dup, 0), coalesce (per.over, 0)"
                         "   FROM c LEFT JOIN per USING (k)"
                         "  WHERE ?5 IS NULL OR c.k = ?5"
                         "  ORDER BY c.k",
                         CG_PHONE_INVALID, CG_PHONE_DAMAGED, CG_OUTCOME_INVALID_NUMBER);
  if ((stmt = prepare_filtered (store, sql, filter, "number list quality", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 6, max_attempts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgListQuality *row = g_new0 (CgListQuality, 1);

      row->list = column_text (stmt, 0);
      row->calls = sqlite3_column_int64 (stmt, 1);
      row->invalid_number_calls = sqlite3_column_int64 (stmt, 2);
      row->numbers = sqlite3_column_int64 (stmt, 3);
      row->invalid_format_numbers = sqlite3_column_int64 (stmt, 4);
      row->duplicate_numbers = sqlite3_column_int64 (stmt, 5);
      row->over_attempted_numbers = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  if (!finish (store, stmt, rc, "number list quality", error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* ---- lines ------------------------------------------------------------------- */

void
cg_line_stability_free (CgLineStability *row)
{
  if (row == NULL)
    return;
  g_free (row->line);
  if (row->weeks != NULL)
    {
      for (guint i = 0; i < row->weeks->len; i++)
        g_free (g_array_index (row->weeks, CgLineWeek, i).week);
      g_array_unref (row->weeks);
    }
  g_free (row);
}

GPtrArray *
cg_quality_lines (CgStore        *store,
                  const CgFilter *filter,
                  GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_line_stability_free);
  g_autofree char *sql = NULL;
  CgLineStability *row = NULL;
  CgFilter all = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;

  /* One row per (line, week); a line's totals are the sums of its weeks. */
  sql = g_strdup_printf ("SELECT coalesce (line, '') AS k, cg_local (start_ts, 1) AS w, count(*),"
                         "       sum(outcome = %d), sum(outcome = %d), sum(outcome = %d AND talk_s < %d)"
                         "  FROM calls WHERE" CG_FILTER_SQL
                         " GROUP BY k, w ORDER BY k, w",
                         CG_OUTCOME_CONNECTED, CG_OUTCOME_LINE_FAILURE,
                         CG_OUTCOME_CONNECTED, CG_SHORT_CALL_SECONDS);
  if ((stmt = prepare_filtered (store, sql, filter, "line stability", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      CgLineWeek week;

      if (row == NULL || g_strcmp0 (row->line, line ? line : "") != 0)
        {
          row = g_new0 (CgLineStability, 1);
          row->line = column_text (stmt, 0);
          row->weeks = g_array_new (FALSE, FALSE, sizeof (CgLineWeek));
          g_ptr_array_add (rows, row);
        }
      week.week = column_text (stmt, 1);
      week.calls = sqlite3_column_int64 (stmt, 2);
      week.line_failures = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (row->weeks, week);
      row->calls += week.calls;
      row->connected += sqlite3_column_int64 (stmt, 3);
      row->line_failures += week.line_failures;
      row->short_calls += sqlite3_column_int64 (stmt, 5);
    }
  if (!finish (store, stmt, rc, "line stability", error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* ---- contact and attempts ------------------------------------------------------ */

static void
cg_agent_hours_free (CgAgentHours *row)
{
  g_free (row->agent);
  g_free (row);
}

void
cg_contact_free (CgContact *contact)
{
  if (contact == NULL)
    return;
  g_clear_pointer (&contact->agents, g_ptr_array_unref);
  g_free (contact);
}

CgContact *
cg_quality_contact (CgStore        *store,
                    const CgFilter *filter,
                    GError        **error)
{
  g_autoptr(CgContact) contact = g_new0 (CgContact, 1);
  g_autofree char *numbers_sql = NULL;
  g_autofree char *attempts_sql = NULL;
  CgFilter all = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;
  contact->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_agent_hours_free);

  /* Per number: reached or not; the row with a NULL hash holds the calls
   * without a number. */
  numbers_sql = g_strdup_printf ("SELECT phone_hash IS NULL, count(*), max(outcome = %d)"
                                 "  FROM calls WHERE" CG_FILTER_SQL
                                 " GROUP BY phone_hash",
                                 CG_OUTCOME_CONNECTED);
  if ((stmt = prepare_filtered (store, numbers_sql, filter, "contact rate", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 calls = sqlite3_column_int64 (stmt, 1);

      contact->calls += calls;
      if (sqlite3_column_int (stmt, 0))
        contact->calls_without_number += calls;
      else
        {
          contact->numbers++;
          contact->numbers_reached += sqlite3_column_int (stmt, 2);
        }
    }
  if (!finish (store, stmt, rc, "contact rate", error))
    return NULL;

  attempts_sql = g_strdup_printf ("SELECT min (n, %d), count(*), sum(outcome = %d) FROM ("
                                  "  SELECT outcome, row_number() OVER (PARTITION BY phone_hash ORDER BY start_ts, id) AS n"
                                  "    FROM calls WHERE" CG_FILTER_SQL
                                  "     AND phone_hash IS NOT NULL)"
                                  " GROUP BY 1",
                                  CG_CONTACT_N_ATTEMPTS, CG_OUTCOME_CONNECTED);
  if ((stmt = prepare_filtered (store, attempts_sql, filter, "connect rate by attempt", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int attempt = sqlite3_column_int (stmt, 0);

      if (attempt < 1 || attempt > CG_CONTACT_N_ATTEMPTS)
        continue;
      contact->attempt_calls[attempt - 1] = sqlite3_column_int64 (stmt, 1);
      contact->attempt_connected[attempt - 1] = sqlite3_column_int64 (stmt, 2);
    }
  if (!finish (store, stmt, rc, "connect rate by attempt", error))
    return NULL;

  /* Day and hour together: 09:00 on two days are two agent-hours. */
  stmt = prepare_filtered (store,
                           "SELECT agent_id, count(*),"
                           "       count(DISTINCT cg_local (start_ts, 0) || ' ' || cg_local (start_ts, 4))"
                           "  FROM calls WHERE" CG_FILTER_SQL
                           "   AND agent_id IS NOT NULL"
                           " GROUP BY agent_id ORDER BY agent_id",
                           filter, "calls per agent-hour", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgAgentHours *row = g_new0 (CgAgentHours, 1);

      row->agent = column_text (stmt, 0);
      row->calls = sqlite3_column_int64 (stmt, 1);
      row->hours = sqlite3_column_int64 (stmt, 2);
      contact->agent_calls += row->calls;
      contact->agent_hours += row->hours;
      g_ptr_array_add (contact->agents, row);
    }
  if (!finish (store, stmt, rc, "calls per agent-hour", error))
    return NULL;
  return g_steal_pointer (&contact);
}
