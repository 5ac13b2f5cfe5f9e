/* cg-report-raw.c — the raw data sheets: every call of the period (and
 * every survey response), streamed row by row in constant memory and split
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
#include "cg-store-private.h"

/* Data rows per sheet: Excel's row limit less the header. */
#define ROWS_PER_SHEET ((gint64) LXW_ROW_MAX - 1)
#define STEP_ROWS      8192

enum {
  COL_TIME, COL_UID, COL_NUMBER, COL_OUTCOME, COL_OUTCOME_RAW, COL_TALK, COL_RING, COL_AGENT,
  COL_AGENT_NAME, COL_LINE, COL_LIST, COL_CAMPAIGN, COL_SEGMENT, COL_DISPOSITION, COL_SALE, N_COLS
};

static const char *
outcome_label (CgReport *r,
               int       outcome)
{
  static const char *const en[CG_N_OUTCOMES] = {
    "other", "connected", "no answer", "busy", "rejected", "invalid number", "unreachable",
    "line failure", "voicemail",
  };
  static const char *const zh[CG_N_OUTCOMES] = {
    "其他", "已接通", "无人接听", "忙线", "拒接", "空号/停机", "关机/不在服务区", "线路故障", "语音信箱",
  };

  if (outcome < 0 || outcome >= CG_N_OUTCOMES)
    outcome = CG_OUTCOME_OTHER;
  return CG_T (r, en[outcome], zh[outcome]);
}

static const char *
disposition_label (CgReport *r,
                   int       disposition)
{
  static const char *const en[CG_N_DISPOSITIONS] = {
    "", "sale", "interested", "callback", "not interested", "do-not-call request",
  };
  static const char *const zh[CG_N_DISPOSITIONS] = {
    "", "成交", "有意向", "回拨", "无意向", "要求勿扰",
  };

  if (disposition < 0 || disposition >= CG_N_DISPOSITIONS)
    disposition = CG_DISPOSITION_NONE;
  return CG_T (r, en[disposition], zh[disposition]);
}

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

static void
write_call (CgReport      *r,
            lxw_worksheet *ws,
            lxw_row_t      row,
            sqlite3_stmt  *stmt)
{
  const char *full = (const char *) sqlite3_column_text (stmt, 3);
  const char *number = r->full_numbers && full != NULL ? full : (const char *) sqlite3_column_text (stmt, 2);

  worksheet_write_number (ws, row, COL_TIME, cg_report_excel_time (r, sqlite3_column_int64 (stmt, 0)),
                          r->datetime);
  cg_report_write_text (ws, row, COL_UID, (const char *) sqlite3_column_text (stmt, 1), NULL);
  cg_report_write_text (ws, row, COL_NUMBER, number, NULL);
  worksheet_write_string (ws, row, COL_OUTCOME, outcome_label (r, sqlite3_column_int (stmt, 4)), NULL);
  cg_report_write_text (ws, row, COL_OUTCOME_RAW, (const char *) sqlite3_column_text (stmt, 5), NULL);
  worksheet_write_number (ws, row, COL_TALK, sqlite3_column_int64 (stmt, 6), NULL);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    worksheet_write_number (ws, row, COL_RING, sqlite3_column_int64 (stmt, 7), NULL);
  for (int c = 0; c < 5; c++)
    cg_report_write_text (ws, row, COL_AGENT + c, (const char *) sqlite3_column_text (stmt, 8 + c), NULL);
  cg_report_write_text (ws, row, COL_DISPOSITION, disposition_label (r, sqlite3_column_int (stmt, 13)), NULL);
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    worksheet_write_number (ws, row, COL_SALE, sqlite3_column_double (stmt, 14), r->cny);
}

static gboolean
write_calls (CgReport  *r,
             GError   **error)
{
  /* By rowid: calls are stored in import order, which is time order for
   * dialer exports, and no sort of a million rows is needed. */
  sqlite3_stmt *stmt = cg_store_prepare (r->store,
    "SELECT start_ts, call_uid, phone_masked, phone_full, outcome, outcome_raw, talk_s, ring_s,"
    " agent_id, agent_name, line, list, campaign, segment, disposition, sale_amount"
    " FROM calls WHERE" CG_FILTER_SQL " ORDER BY id", error);
  lxw_worksheet *ws = NULL;
  gint64 written = 0, on_sheet = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  cg_filter_bind (stmt, &r->filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (ws == NULL || on_sheet == ROWS_PER_SHEET)
        {
          finish_raw_sheet (ws, on_sheet);
          ws = add_raw_sheet (r, r->info->raw_sheets);
          on_sheet = 0;
        }
      write_call (r, ws, ++on_sheet, stmt);
      if (++written % STEP_ROWS == 0 &&
          !cg_report_step (r, (double) written / MAX (r->current.calls, 1), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (r->store, error, "calls");
      return FALSE;
    }
  if (ws == NULL)
    {
      ws = add_raw_sheet (r, 0);
      worksheet_write_string (ws, 1, 0, CG_T (r, "No calls in this period.", "本期间没有呼叫。"), r->note);
    }
  finish_raw_sheet (ws, on_sheet);
  r->info->raw_rows = written;
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
