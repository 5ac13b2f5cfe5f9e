/* cg-summary.c — what the database holds, at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-store-private.h"
#include "cg-summary.h"

gboolean
cg_summary_compute (CgStore    *store,
                    CgSummary  *summary,
                    GError    **error)
{
  /* Connected = outcome 1 (CG_OUTCOME_CONNECTED).  The figures of the
   * calls come from one pass over them (no index serves min and max). */
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT c.*,"
    "       (SELECT count(*) FROM survey_responses),"
    "       (SELECT count(*) FROM complaints),"
    "       (SELECT count(*) FROM scenarios),"
    "       (SELECT count(*) FROM batches)"
    "  FROM (SELECT count(*), coalesce (sum (outcome = 1), 0), coalesce (min (start_ts), 0),"
    "               coalesce (max (start_ts), 0), count (DISTINCT line), count (DISTINCT agent_id),"
    "               count (DISTINCT list)"
    "          FROM calls) AS c",
    error);
  gint64 *fields[] = {
    &summary->calls, &summary->connected, &summary->first_ts, &summary->last_ts,
    &summary->lines, &summary->agents, &summary->lists, &summary->survey_responses,
    &summary->complaints, &summary->scenarios, &summary->batches,
  };
  int rc;

  memset (summary, 0, sizeof *summary);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      *fields[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "summary");
      return FALSE;
    }
  return TRUE;
}
