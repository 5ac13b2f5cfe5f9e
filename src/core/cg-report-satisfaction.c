/* cg-report-satisfaction.c — the Satisfaction sheet.
 *
 * The figures are cg-satisfaction.h's, over the responses submitted in the
 * report's period: per dimension (mean with its 95 % interval, CSAT, NPS,
 * CES), the "all" row by month with a native line chart of CSAT, by agent,
 * and Cronbach's alpha of the questionnaire with "alpha if item deleted".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-report-private.h"
#include "cg-satisfaction.h"

/* Dimension names in the report's language, not the UI's. */
static const char *
dimension_label (CgReport   *r,
                 const char *id)
{
  static const struct { const char *id, *en, *zh; } labels[] = {
    { CG_SATISFACTION_ALL, "All rated questions", "全部评分题" },
    { "staff", "Staff quality", "员工素质" },
    { "product", "Product / service quality", "产品/服务质量" },
    { "communication", "Communication manner and frequency", "沟通方式与频率" },
    { "problem_solving", "Problem solving", "问题解决" },
    { "overall", "Overall satisfaction", "总体满意度" },
    { "nps", "Likelihood to recommend (0–10)", "推荐意愿（0–10）" },
    { "effort", "Customer effort (CES)", "客户费力度（CES）" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (id, labels[i].id) == 0)
      return CG_T (r, labels[i].en, labels[i].zh);
  return id;
}

/* One row: key, responses, mean, CI, CSAT, NPS, CES from column 0. */
static void
write_row (CgReport                *r,
           lxw_worksheet           *ws,
           lxw_row_t                row,
           const char              *key,
           const CgSatisfactionRow *s)
{
  cg_report_write_text (ws, row, 0, key, r->text);
  worksheet_write_number (ws, row, 1, s->responses, r->integer);
  cg_report_write_number (ws, row, 2, s->mean, s->has_mean, r->number);
  cg_report_write_number (ws, row, 3, s->mean_ci.lower, s->has_mean_ci, r->number);
  cg_report_write_number (ws, row, 4, s->mean_ci.upper, s->has_mean_ci, r->number);
  cg_report_write_number (ws, row, 5, s->csat.estimate, s->has_csat, r->percent);
  cg_report_write_number (ws, row, 6, s->nps.estimate, s->has_nps, r->number);
  cg_report_write_number (ws, row, 7, s->ces, s->has_ces, r->number);
}

static void
write_table_header (CgReport      *r,
                    lxw_worksheet *ws,
                    lxw_row_t      row,
                    const char    *first)
{
  const char *titles[] = {
    first, CG_T (r, "Responses", "回复数"), CG_T (r, "Mean", "均值"),
    CG_T (r, "95% CI low", "95% 置信下限"), CG_T (r, "95% CI high", "95% 置信上限"),
    CG_T (r, "CSAT", "满意率（CSAT）"), CG_T (r, "NPS", "净推荐值（NPS）"),
    CG_T (r, "CES", "费力度（CES）"),
  };

  cg_report_write_header (r, ws, row, titles, G_N_ELEMENTS (titles));
}

/* The rows of @by (only @dimension's when set); returns the next free row. */
static lxw_row_t
write_table (CgReport          *r,
             lxw_worksheet     *ws,
             lxw_row_t          row,
             CgSatisfactionBy   by,
             const char        *title,
             const char        *first_column,
             gboolean           chart,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = cg_satisfaction_compute (r->store, by, &r->filter, error);
  lxw_row_t first;

  if (rows == NULL)
    return 0;
  worksheet_write_string (ws, row++, 0, title, r->header);
  write_table_header (r, ws, row++, first_column);
  first = row;
  for (guint i = 0; i < rows->len; i++)
    {
      const CgSatisfactionRow *s = g_ptr_array_index (rows, i);

      if (by == CG_SAT_BY_DIMENSION)
        write_row (r, ws, row++, dimension_label (r, s->key), s);
      else if (g_strcmp0 (s->dimension, CG_SATISFACTION_ALL) == 0)
        write_row (r, ws, row++, s->key, s);
    }
  if (chart && row - first >= 2)
    {
      lxw_chart *c = workbook_add_chart (r->wb, LXW_CHART_LINE);
      lxw_chart_series *series = chart_add_series (c, NULL, NULL);
      const char *sheet = g_ptr_array_index (r->info->sheets, r->info->sheets->len - 1);

      chart_series_set_categories (series, sheet, first, 0, row - 1, 0);
      chart_series_set_values (series, sheet, first, 5, row - 1, 5);
      chart_series_set_name (series, CG_T (r, "CSAT", "满意率（CSAT）"));
      chart_title_set_name (c, CG_T (r, "CSAT by month", "各月满意率（CSAT）"));
      chart_legend_set_position (c, LXW_CHART_LEGEND_NONE);
      chart_axis_set_num_format (c->y_axis, "0%");
      worksheet_insert_chart (ws, first - 2, 9, c);
      row = MAX (row, first + 14);
    }
  return row + 1;
}

static lxw_row_t
write_reliability (CgReport       *r,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   GError        **error)
{
  g_autoptr(CgReliability) rel = cg_satisfaction_reliability (r->store, &r->filter, error);
  const char *titles[] = { CG_T (r, "Question", "题目"), CG_T (r, "Alpha if deleted", "删除该题后的 α") };

  if (rel == NULL)
    return 0;
  worksheet_write_string (ws, row++, 0, CG_T (r, "Reliability of the questionnaire (Cronbach's alpha)",
                                              "问卷信度（克隆巴赫 α 系数）"), r->header);
  if (!rel->has_alpha)
    {
      /* The reason is in the UI's language: the engine translates it. */
      cg_report_write_text (ws, row++, 0, rel->undefined_reason, r->note);
      return row + 1;
    }
  worksheet_write_string (ws, row, 0, "α", r->text);
  worksheet_write_number (ws, row++, 1, rel->alpha, r->number);
  worksheet_write_string (ws, row++, 0,
                          rel->alpha >= 0.8 ? CG_T (r, "Good: the questions measure consistently (α ≥ 0.8).",
                                                    "良好：各题测量一致（α ≥ 0.8）。")
                          : rel->alpha >= 0.7 ? CG_T (r, "Acceptable (0.7 ≤ α < 0.8).", "可以接受（0.7 ≤ α < 0.8）。")
                          : CG_T (r, "Questionable (α < 0.7): review the questions before comparing scores.",
                                  "存疑（α < 0.7）：比较得分前请先检查题目。"),
                          r->note);
  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < rel->n_items; i++, row++)
    {
      cg_report_write_text (ws, row, 0, rel->titles[i], r->text);
      cg_report_write_number (ws, row, 1, rel->alpha_if_deleted[i],
                              rel->alpha_if_deleted[i] == rel->alpha_if_deleted[i], r->number);
    }
  return row + 1;
}

gboolean
cg_report_satisfaction (CgReport  *r,
                        GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  lxw_worksheet *ws;
  gint64 responses = 0;
  double csat;
  lxw_row_t row = 3;

  if (!cg_satisfaction_csat (r->store, &r->filter, &csat, &responses, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      responses = 0;  /* no rated answer in the period */
    }
  ws = cg_report_add_sheet (r, CG_T (r, "Satisfaction", "满意度"));
  worksheet_set_column (ws, 0, 0, 34, NULL);
  worksheet_set_column (ws, 1, 7, 14, NULL);
  worksheet_write_string (ws, 0, 0, CG_T (r, "Satisfaction", "满意度"), r->title);
  cg_report_write_text (ws, 1, 0, r->period_text, r->text);
  if (responses == 0)
    {
      worksheet_write_string (ws, 2, 0, CG_T (r, "No survey data in this period.", "本期间没有问卷数据。"), r->note);
      return cg_report_step (r, 1.0, error);
    }
  worksheet_write_string (ws, 2, 0, CG_T (r, "CSAT = share of answers in the top two boxes (4–5 of 5); NPS = % 9–10 − % 0–6.",
                                          "满意率 = 前两档（5 分制的 4–5 分）答案占比；NPS = 9–10 分占比 − 0–6 分占比。"),
                          r->note);
  worksheet_freeze_panes (ws, 3, 0);
  if ((row = write_table (r, ws, row + 1, CG_SAT_BY_DIMENSION, CG_T (r, "By dimension", "按维度"),
                          CG_T (r, "Dimension", "维度"), FALSE, error)) == 0 ||
      !cg_report_step (r, 0.3, error) ||
      (row = write_table (r, ws, row, CG_SAT_BY_MONTH, CG_T (r, "By month", "按月份"),
                          CG_T (r, "Month", "月份"), TRUE, error)) == 0 ||
      !cg_report_step (r, 0.6, error) ||
      (row = write_table (r, ws, row, CG_SAT_BY_AGENT, CG_T (r, "By agent", "按坐席"),
                          CG_T (r, "Agent", "坐席"), FALSE, error)) == 0 ||
      !cg_report_step (r, 0.8, error) ||
      write_reliability (r, ws, row, error) == 0)
    return FALSE;
  return cg_report_step (r, 1.0, error);
}
