/* cg-report-connect.c — the Connect rate sheet: by month (line chart), by
 * line, list and agent with 95 % intervals (bar charts), outcome shares per
 * line (stacked columns) and the hour × weekday table (colour scale).
 *
 * The workbook is in constant-memory mode: every section is written below
 * the previous one, rows strictly in order; charts sit to the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "cg-call.h"
#include "cg-report-private.h"

#define CHART_COL  8
#define CHART_ROWS 17u  /* a default-size chart covers about 15 rows */

static const char *
outcome_label (CgReport  *r,
               CgOutcome  outcome)
{
  static const char *const en[CG_N_OUTCOMES] = {
    "Other", "Connected", "No answer", "Busy", "Rejected", "Invalid number",
    "Unreachable", "Line failure", "Voicemail",
  };
  static const char *const zh[CG_N_OUTCOMES] = {
    "其他", "已接通", "无人接听", "忙线", "拒接", "空号/停机", "关机/不在服务区", "线路故障", "语音信箱",
  };

  return CG_T (r, en[outcome], zh[outcome]);
}

static const char *
dimension_title (CgReport    *r,
                 CgDimension  by)
{
  switch (by)
    {
    case CG_DIM_MONTH:
      return CG_T (r, "Month", "月份");
    case CG_DIM_LINE:
      return CG_T (r, "Line", "线路");
    case CG_DIM_LIST:
      return CG_T (r, "Number list", "号码来源");
    case CG_DIM_AGENT:
      return CG_T (r, "Agent", "坐席");
    default:
      return "";
    }
}

static void
add_chart (CgReport      *r,
           lxw_worksheet *ws,
           lxw_row_t      at,
           uint8_t        type,
           const char    *title,
           lxw_row_t      first,
           lxw_row_t      last,
           lxw_col_t      value_col)
{
  lxw_chart *chart = workbook_add_chart (r->wb, type);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  const char *sheet = g_ptr_array_index (r->info->sheets, r->info->sheets->len - 1);

  chart_series_set_categories (series, sheet, first, 0, last, 0);
  chart_series_set_values (series, sheet, first, value_col, last, value_col);
  chart_series_set_name (series, CG_T (r, "Connect rate", "接通率"));
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format (type == LXW_CHART_BAR ? chart->x_axis : chart->y_axis, "0%");
  worksheet_insert_chart (ws, at, CHART_COL, chart);
}

/* One table of connect rates by @by, its chart beside it; returns the
 * first free row below both. */
static lxw_row_t
write_connect_table (CgReport      *r,
                     lxw_worksheet *ws,
                     lxw_row_t      row,
                     CgDimension    by,
                     GError       **error)
{
  /* The sums have no agents; the Summary's pass over the calls has. */
  g_autoptr(GPtrArray) rows = by == CG_DIM_AGENT && r->slices != NULL
                              ? g_ptr_array_ref (r->slices->connect[by])
                              : cg_analytics_connect (r->store, by, &r->filter, error);
  const char *titles[] = {
    dimension_title (r, by), CG_T (r, "Calls", "呼叫数"), CG_T (r, "Connected", "接通数"),
    CG_T (r, "Connect rate", "接通率"), CG_T (r, "95% CI low", "95% 置信下限"),
    CG_T (r, "95% CI high", "95% 置信上限"), CG_T (r, "Average talk (s)", "平均通话（秒）"),
  };
  g_autofree char *lower = g_ascii_strdown (dimension_title (r, by), -1);
  g_autofree char *title = NULL;
  lxw_row_t start = row, first;

  if (rows == NULL)
    return 0;
  title = CG_TPRINTF (r, "Connect rate by %s", "按%s的接通率", r->zh ? dimension_title (r, by) : lower);
  worksheet_write_string (ws, row++, 0, title, r->title);
  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  first = row;
  for (guint i = 0; i < rows->len; i++, row++)
    {
      const CgConnectRow *c = g_ptr_array_index (rows, i);
      CgInterval rate;
      gboolean has_rate = cg_connect_row_rate (c, &rate);

      cg_report_write_text (ws, row, 0, c->key[0] ? c->key : CG_T (r, "(none)", "（无）"), NULL);
      worksheet_write_number (ws, row, 1, c->calls, r->integer);
      worksheet_write_number (ws, row, 2, c->connected, r->integer);
      cg_report_write_number (ws, row, 3, rate.estimate, has_rate, r->percent);
      cg_report_write_number (ws, row, 4, rate.lower, has_rate, r->percent);
      cg_report_write_number (ws, row, 5, rate.upper, has_rate, r->percent);
      cg_report_write_number (ws, row, 6, (double) c->talk_seconds / c->connected, c->connected > 0,
                              r->number);
    }
  if (rows->len == 0)
    worksheet_write_string (ws, row++, 0, CG_T (r, "No calls in this period.", "本期间没有呼叫。"), r->note);
  else
    add_chart (r, ws, start, by == CG_DIM_MONTH ? LXW_CHART_LINE : LXW_CHART_BAR, title, first, row - 1, 3);
  return MAX (row, start + (rows->len > 0 ? CHART_ROWS : 0u)) + 1;
}

/* Outcome shares of each line's calls, as a stacked column chart. */
static lxw_row_t
write_outcomes (CgReport      *r,
                lxw_worksheet *ws,
                lxw_row_t      row,
                GError       **error)
{
  g_autoptr(GPtrArray) lines = cg_analytics_connect (r->store, CG_DIM_LINE, &r->filter, error);
  const char *sheet = g_ptr_array_index (r->info->sheets, r->info->sheets->len - 1);
  lxw_row_t start = row, first;
  lxw_chart *chart;

  if (lines == NULL)
    return 0;
  worksheet_write_string (ws, row++, 0, CG_T (r, "Outcomes by line", "按线路的呼叫结果"), r->title);
  worksheet_write_string (ws, row, 0, CG_T (r, "Line", "线路"), r->header);
  for (int o = 0; o < CG_N_OUTCOMES; o++)
    worksheet_write_string (ws, row, 1 + o, outcome_label (r, o), r->header);
  row++;
  first = row;
  for (guint i = 0; i < lines->len; i++)
    {
      const CgConnectRow *line = g_ptr_array_index (lines, i);
      CgFilter filter = r->filter;
      g_autoptr(GPtrArray) outcomes = NULL;

      if (line->key[0] == '\0' || line->calls == 0)
        continue;
      filter.line = line->key;
      if ((outcomes = cg_analytics_connect (r->store, CG_DIM_OUTCOME, &filter, error)) == NULL)
        return 0;
      cg_report_write_text (ws, row, 0, line->key, NULL);
      for (int o = 0; o < CG_N_OUTCOMES; o++)
        worksheet_write_number (ws, row, 1 + o, 0, r->percent);
      for (guint j = 0; j < outcomes->len; j++)
        {
          const CgConnectRow *c = g_ptr_array_index (outcomes, j);
          CgOutcome outcome;

          if (cg_outcome_from_string (c->key, &outcome))
            worksheet_write_number (ws, row, 1 + outcome, (double) c->calls / line->calls, r->percent);
        }
      row++;
    }
  if (row == first)
    return row + 1;
  chart = workbook_add_chart (r->wb, LXW_CHART_COLUMN_STACKED_PERCENT);
  for (int o = 0; o < CG_N_OUTCOMES; o++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, sheet, first, 0, row - 1, 0);
      chart_series_set_values (series, sheet, first, 1 + o, row - 1, 1 + o);
      chart_series_set_name_range (series, sheet, first - 1, 1 + o);
    }
  chart_title_set_name (chart, CG_T (r, "Outcome shares by line", "各线路呼叫结果占比"));
  worksheet_insert_chart (ws, start, CG_N_OUTCOMES + 2, chart);
  return MAX (row, start + CHART_ROWS) + 1;
}

/* Connect rate per weekday (rows) and hour (columns), red to green. */
static lxw_row_t
write_hour_weekday (CgReport      *r,
                    lxw_worksheet *ws,
                    lxw_row_t      row,
                    GError       **error)
{
  static const char *const en[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const zh[] = { "", "周一", "周二", "周三", "周四", "周五", "周六", "周日" };
  g_autoptr(GPtrArray) cells = cg_analytics_connect (r->store, CG_DIM_HOUR_WEEKDAY, &r->filter, error);
  double rate[8][24];
  gboolean has[8][24] = { { 0 } };
  lxw_conditional_format scale = { 0 };
  lxw_row_t first;

  if (cells == NULL)
    return 0;
  for (guint i = 0; i < cells->len; i++)
    {
      const CgConnectRow *c = g_ptr_array_index (cells, i);
      int weekday = 0, hour = 0;

      if (sscanf (c->key, "%d-%d", &weekday, &hour) == 2 && weekday >= 1 && weekday <= 7 &&
          hour >= 0 && hour < 24 && c->calls > 0)
        {
          rate[weekday][hour] = (double) c->connected / c->calls;
          has[weekday][hour] = TRUE;
        }
    }
  worksheet_write_string (ws, row++, 0, CG_T (r, "Connect rate by weekday and hour",
                                              "按星期和小时的接通率"), r->title);
  worksheet_write_string (ws, row, 0, CG_T (r, "Weekday", "星期"), r->header);
  for (int h = 0; h < 24; h++)
    {
      char label[8];

      g_snprintf (label, sizeof label, "%02d", h);
      worksheet_write_string (ws, row, 1 + h, label, r->header);
    }
  row++;
  first = row;
  for (int d = 1; d <= 7; d++, row++)
    {
      worksheet_write_string (ws, row, 0, CG_T (r, en[d], zh[d]), NULL);
      for (int h = 0; h < 24; h++)
        if (has[d][h])
          worksheet_write_number (ws, row, 1 + h, rate[d][h], r->percent);
    }
  scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
  scale.min_color = 0xF8696B;
  scale.mid_color = 0xFFEB84;
  scale.max_color = 0x63BE7B;
  worksheet_conditional_format_range (ws, first, 1, row - 1, 24, &scale);
  return row + 1;
}

gboolean
cg_report_connect (CgReport  *r,
                   GError   **error)
{
  static const CgDimension dims[] = { CG_DIM_MONTH, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_AGENT };
  lxw_worksheet *ws = cg_report_add_sheet (r, CG_T (r, "Connect rate", "接通率"));
  lxw_row_t row = 0;

  worksheet_set_column (ws, 0, 0, 16, NULL);
  worksheet_set_column (ws, 1, 6, 12, NULL);
  worksheet_set_column (ws, 7, 24, 8, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dims); i++)
    {
      if ((row = write_connect_table (r, ws, row, dims[i], error)) == 0 ||
          !cg_report_step (r, (i + 1) / 6.0, error))
        return FALSE;
    }
  if ((row = write_outcomes (r, ws, row, error)) == 0 ||
      !cg_report_step (r, 5 / 6.0, error) ||
      (row = write_hour_weekday (r, ws, row, error)) == 0)
    return FALSE;
  return cg_report_step (r, 1.0, error);
}
