/* cg-report-satisfaction.c — SEAM (satisfaction): the Satisfaction sheet.
 *
 * The survey engine (CSAT/NPS per dimension, period and agent, Cronbach's
 * alpha) is built on another branch.  Until it is merged this sheet only
 * counts the responses of the period: with none it says so plainly; with
 * some it says the figures are not computed yet.  Replace the body of
 * cg_report_satisfaction (and add_survey_kpis in cg-report-summary.c)
 * with the engine's figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-report-private.h"
#include "cg-store-private.h"

/* Responses submitted in the report's period (no time: counted in an
 * unbounded period only). */
static gboolean
count_responses (CgReport  *r,
                 gint64    *count,
                 GError   **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (r->store,
    "SELECT count(*) FROM survey_responses"
    " WHERE (?1 = 0 OR submitted_ts >= ?1) AND (?2 = 0 OR submitted_ts < ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->filter.from_ts);
  sqlite3_bind_int64 (stmt, 2, r->filter.to_ts);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cg_store_set_sql_error (r->store, error, "survey responses");
      sqlite3_reset (stmt);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cg_report_satisfaction (CgReport  *r,
                        GError   **error)
{
  lxw_worksheet *ws;
  gint64 responses = 0;

  if (!count_responses (r, &responses, error))
    return FALSE;
  ws = cg_report_add_sheet (r, CG_T (r, "Satisfaction", "满意度"));
  worksheet_set_column (ws, 0, 0, 60, NULL);
  worksheet_write_string (ws, 0, 0, CG_T (r, "Satisfaction", "满意度"), r->title);
  worksheet_write_string (ws, 1, 0, CG_T (r, "Survey responses in this period", "本期间问卷回复数"), r->header);
  worksheet_write_number (ws, 1, 1, responses, r->integer);
  if (responses == 0)
    worksheet_write_string (ws, 2, 0, CG_T (r, "No survey data in this period.", "本期间没有问卷数据。"), r->note);
  else
    worksheet_write_string (ws, 2, 0, CG_T (r, "Survey figures (CSAT, NPS, Cronbach's alpha) are not part of this version of the report.",
                                            "此版本报告尚不包含问卷指标（CSAT、NPS、克隆巴赫系数）。"), r->note);
  return cg_report_step (r, 1.0, error);
}
