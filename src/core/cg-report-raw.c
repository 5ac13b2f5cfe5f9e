/* cg-report-raw.c — the raw data sheets: every call of the period (its
 * rows written by cg-report-stream.c) and every survey response, split
 * across sheets past Excel's 1,048,576 rows.  Numbers are masked unless the
 * keep_full_numbers setting is on; text from imported files is always
 * written as a string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-report-private.h"
#include "cg-report-stream.h"
#include "cg-store-private.h"

enum {
  COL_TIME, COL_UID, COL_NUMBER, COL_OUTCOME, COL_OUTCOME_RAW, COL_TALK, COL_RING, COL_AGENT,
  COL_AGENT_NAME, COL_LINE, COL_LIST, COL_CAMPAIGN, COL_SEGMENT, COL_DISPOSITION, COL_SALE, N_COLS
};

static lxw_worksheet *
add_raw_sheet (CgReport  *r,
               guint      index)
{
  const char *titles[N_COLS] = {
    CG_T (r, "Time", "呼叫时间"), CG_T (r, "Call ID", "呼叫ID"),
    r->full_numbers ? CG_T (r, "Number", "号码") : CG_T (r, "Number (masked)", "号码（已脱敏）"),
    CG_T (r, "Outcome", "呼叫结果"), CG_T (r, "Outcome (as imported)", "呼叫结果（原文）"),
    CG_T (r, "Talk (s)", "通话时长（秒）"), CG_T (r, "Ring (s)", "振铃时长（秒）"),
    CG_T (r, "Agent ID", "坐席工号"), CG_T (r, "Agent", "坐席姓名"), CG_T (r, "Line", "线路"),
    CG_T (r, "List", "号码来源"), CG_T (r, "Campaign", "活动"), CG_T (r, "Segment", "客户分组"),
    CG_T (r, "Disposition", "意向"), CG_T (r, "Sale (CNY)", "成交金额（元）"),
  };
  g_autofree char *name = index == 0 ? g_strdup (CG_T (r, "Raw calls", "原始呼叫"))
                                     : g_strdup_printf ("%s %u", CG_T (r, "Raw calls", "原始呼叫"), index + 1);
  lxw_worksheet *ws = cg_report_add_sheet (r, name);

  worksheet_set_column (ws, COL_TIME, COL_TIME, 19, NULL);
  worksheet_set_column (ws, COL_UID, COL_SALE, 13, NULL);
  cg_report_write_header (r, ws, 0, titles, N_COLS);
  worksheet_freeze_panes (ws, 1, 0);
  r->info->raw_sheets++;
  return ws;
}

static void
finish_raw_sheet (lxw_worksheet *ws,
                  gint64         rows)
{
  if (ws != NULL && rows > 0)
    worksheet_autofilter (ws, 0, 0, rows, N_COLS - 1);
}

/* The sheets for the rows cg-report-stream.c has written: the header row
 * here, the rows spliced in after the workbook is closed. */
static gboolean
write_calls (CgReport  *r,
             GError   **error)
{
  CgRawStream *stream = r->raw_stream;
  lxw_worksheet *ws;
  guint n_sheets;

  if (!cg_raw_stream_wait (stream, r, error))
    return FALSE;
  n_sheets = cg_raw_stream_get_n_sheets (stream);
  for (guint i = 0; i < n_sheets; i++)
    {
      gint64 rows = cg_raw_stream_get_rows (stream, i);

      ws = add_raw_sheet (r, i);
      finish_raw_sheet (ws, rows);
      /* Worksheets are numbered in the order they were added, from 1. */
      cg_raw_stream_set_part (stream, i, ws->index + 1);
    }
  if (n_sheets == 0)
    {
      ws = add_raw_sheet (r, 0);
      worksheet_write_string (ws, 1, 0, CG_T (r, "No calls in this period.", "本期间没有呼叫。"), r->note);
    }
  r->info->raw_rows = cg_raw_stream_get_total (stream);
  return TRUE;
}

/* Survey responses of the period, when there are any. */
static gboolean
write_responses (CgReport  *r,
                 GError   **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (r->store,
    "SELECT submitted_ts, channel, agent_id, phone_masked, phone_full FROM survey_responses"
    " WHERE (?1 = 0 OR submitted_ts >= ?1) AND (?2 = 0 OR submitted_ts < ?2) ORDER BY id", error);
  const char *titles[] = {
    CG_T (r, "Submitted", "提交时间"), CG_T (r, "Channel", "渠道"), CG_T (r, "Agent ID", "坐席工号"),
    r->full_numbers ? CG_T (r, "Number", "号码") : CG_T (r, "Number (masked)", "号码（已脱敏）"),
  };
  lxw_worksheet *ws = NULL;
  lxw_row_t row = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->filter.from_ts);
  sqlite3_bind_int64 (stmt, 2, r->filter.to_ts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && row < LXW_ROW_MAX - 1)
    {
      const char *full = (const char *) sqlite3_column_text (stmt, 4);

      if (ws == NULL)
        {
          ws = cg_report_add_sheet (r, CG_T (r, "Raw survey responses", "原始问卷回复"));
          worksheet_set_column (ws, 0, 0, 19, NULL);
          worksheet_set_column (ws, 1, 3, 16, NULL);
          cg_report_write_header (r, ws, 0, titles, G_N_ELEMENTS (titles));
          worksheet_freeze_panes (ws, 1, 0);
        }
      row++;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        worksheet_write_number (ws, row, 0, cg_report_excel_time (r, sqlite3_column_int64 (stmt, 0)),
                                r->datetime);
      cg_report_write_text (ws, row, 1, (const char *) sqlite3_column_text (stmt, 1), NULL);
      cg_report_write_text (ws, row, 2, (const char *) sqlite3_column_text (stmt, 2), NULL);
      cg_report_write_text (ws, row, 3, r->full_numbers && full != NULL ? full
                                        : (const char *) sqlite3_column_text (stmt, 3), NULL);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (r->store, error, "survey responses");
      return FALSE;
    }
  if (ws != NULL)
    worksheet_autofilter (ws, 0, 0, row, G_N_ELEMENTS (titles) - 1);
  return TRUE;
}

gboolean
cg_report_raw (CgReport  *r,
               GError   **error)
{
  return write_calls (r, error) && write_responses (r, error) && cg_report_step (r, 1.0, error);
}
