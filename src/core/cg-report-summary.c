/* cg-report-summary.c — the Summary sheet: period, KPIs against the
 * previous period with green/red arrows, and the main findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-analytics-private.h"
#include "cg-funnel.h"
#include "cg-report-private.h"
#include "cg-satisfaction.h"
#include "cg-store-private.h"

typedef enum {
  UNIT_SHARE,    /* 0…1, shown as %; changes in percentage points */
  UNIT_SECONDS,
  UNIT_COUNT,
  UNIT_CNY,
  UNIT_MONTHS,
  UNIT_SCORE,
} KpiUnit;

typedef struct {
  const char *en;
  const char *zh;
  KpiUnit     unit;
  gboolean    higher_is_better;
  gboolean    per_period;   /* FALSE: from the scenario, the same in every period */
} KpiInfo;

static const KpiInfo kpi_info[CG_N_KPIS] = {
  [CG_KPI_CONNECT_RATE] = { "Connect rate", "接通率", UNIT_SHARE, TRUE, TRUE },
  [CG_KPI_CONTACT_RATE] = { "Contact rate", "触达率", UNIT_SHARE, TRUE, TRUE },
  [CG_KPI_CONVERSION]   = { "Conversion (sales / dials)", "转化率（成交/拨打）", UNIT_SHARE, TRUE, TRUE },
  [CG_KPI_ACD]          = { "Average talk time (s)", "平均通话时长（秒）", UNIT_SECONDS, TRUE, TRUE },
  [CG_KPI_CSAT]         = { "CSAT", "客户满意度 CSAT", UNIT_SHARE, TRUE, TRUE },
  [CG_KPI_NPS]          = { "NPS", "净推荐值 NPS", UNIT_SCORE, TRUE, TRUE },
  [CG_KPI_COMPLAINTS]   = { "Complaints", "投诉数", UNIT_COUNT, FALSE, TRUE },
  [CG_KPI_VIOLATIONS]   = { "Compliance violations", "合规违规数", UNIT_COUNT, FALSE, TRUE },
  [CG_KPI_ROI]          = { "ROI (scenario)", "投资回报率（方案）", UNIT_SHARE, TRUE, FALSE },
  [CG_KPI_NPV]          = { "NPV (scenario)", "净现值（方案）", UNIT_CNY, TRUE, FALSE },
  [CG_KPI_PAYBACK]      = { "Payback (months)", "回收期（月）", UNIT_MONTHS, FALSE, FALSE },
};

static void
set_kpi (CgKpiValues *k,
         CgKpi        kpi,
         double       value,
         gboolean     defined)
{
  k->has[kpi] = defined && isfinite (value);
  k->value[kpi] = k->has[kpi] ? value : NAN;
}

/* CSAT and NPS of all rated questions in @filter (cg-satisfaction.h);
 * undefined without survey answers. */
static gboolean
add_survey_kpis (CgReport        *r,
                 const CgFilter  *filter,
                 CgKpiValues     *k,
                 GError         **error)
{
  g_autoptr(GPtrArray) rows = cg_satisfaction_compute (r->store, CG_SAT_BY_TOTAL, filter, error);

  if (rows == NULL)
    return FALSE;
  set_kpi (k, CG_KPI_CSAT, NAN, FALSE);
  set_kpi (k, CG_KPI_NPS, NAN, FALSE);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgSatisfactionRow *s = g_ptr_array_index (rows, i);

      if (g_strcmp0 (s->dimension, CG_SATISFACTION_ALL) != 0)
        continue;
      set_kpi (k, CG_KPI_CSAT, s->csat.estimate, s->has_csat);
      set_kpi (k, CG_KPI_NPS, s->nps.estimate, s->has_nps);
    }
  return TRUE;
}

/* Connect rate and conversion as the CLI gives them (from the day sums
 * where they answer, which keep purged calls); contact rate as
 * cg-quality.h defines it, numbers with a connected call / numbers
 * dialled, calls without a number left out: the slices' total. */
gboolean
cg_report_kpis_compute (CgReport            *r,
                        const CgFilter      *filter,
                        const CgCallSlices  *slices,
                        CgKpiValues         *k,
                        CgComplianceReport **audit_out,
                        GError             **error)
{
  g_autoptr(GPtrArray) connect = NULL;
  g_autoptr(GPtrArray) funnel = NULL;
  g_autoptr(CgComplianceReport) audit = NULL;
  const CgContact *contact = g_ptr_array_index (slices->contact[CG_DIM_TOTAL], 0);
  const CgConnectRow *total;
  const CgFunnelRow *sales;
  gint64 complaints = 0, numbers = contact->numbers, reached = contact->numbers_reached;

  memset (k, 0, sizeof *k);
  if ((connect = cg_analytics_connect (r->store, CG_DIM_TOTAL, filter, error)) == NULL ||
      (funnel = cg_funnel_compute (r->store, CG_DIM_TOTAL, filter, error)) == NULL ||
      (audit = cg_compliance_audit (r->store, filter, error)) == NULL)
    return FALSE;
  total = g_ptr_array_index (connect, 0);
  sales = g_ptr_array_index (funnel, 0);

  k->calls = total->calls;
  k->connected = total->connected;
  set_kpi (k, CG_KPI_CONNECT_RATE, (double) total->connected / total->calls, total->calls > 0);
  set_kpi (k, CG_KPI_CONTACT_RATE, (double) reached / numbers, numbers > 0);
  set_kpi (k, CG_KPI_CONVERSION, (double) sales->sales / sales->dialled, sales->dialled > 0);
  set_kpi (k, CG_KPI_ACD, (double) total->talk_seconds / total->connected, total->connected > 0);
  if (!add_survey_kpis (r, filter, k, error))
    return FALSE;
  for (guint i = 0; i < audit->complaints_by_month->len; i++)
    complaints += ((CgComplaintCount *) g_ptr_array_index (audit->complaints_by_month, i))->complaints;
  set_kpi (k, CG_KPI_COMPLAINTS, complaints, TRUE);
  set_kpi (k, CG_KPI_VIOLATIONS,
           audit->outside_hours.count + audit->dnc.count + audit->attempt_cap.count, TRUE);
  if (r->finance != NULL)
    {
      set_kpi (k, CG_KPI_ROI, r->finance->roi, r->finance->roi_defined);
      set_kpi (k, CG_KPI_NPV, r->finance->npv, TRUE);
      set_kpi (k, CG_KPI_PAYBACK, r->finance->payback_months, r->finance->payback_reached);
    }
  if (audit_out != NULL)
    *audit_out = g_steal_pointer (&audit);
  return TRUE;
}

static lxw_format *
unit_format (CgReport *r,
             KpiUnit   unit)
{
  switch (unit)
    {
    case UNIT_SHARE:
      return r->percent;
    case UNIT_COUNT:
      return r->integer;
    case UNIT_CNY:
      return r->cny;
    case UNIT_SECONDS:
    case UNIT_MONTHS:
    case UNIT_SCORE:
    default:
      return r->number;
    }
}

/* A conditional format for the change column: an arrow and a colour, green
 * when the change is good news. */
static void
add_arrow_rule (CgReport      *r,
                lxw_worksheet *ws,
                lxw_row_t      row,
                lxw_col_t      col,
                KpiUnit        unit,
                gboolean       up,
                gboolean       good)
{
  lxw_conditional_format cf = { 0 };
  lxw_format *f = workbook_add_format (r->wb);
  const char *body = unit == UNIT_SHARE ? "0.0%" : unit == UNIT_COUNT ? "#,##0" : "0.0";
  g_autofree char *num = g_strdup_printf ("\"▲ \"%s;\"▼ \"%s;%s", body, body, body);

  format_set_num_format (f, num);
  format_set_font_color (f, good ? 0x00B050 : 0xC00000);
  format_set_bold (f);
  cf.type = LXW_CONDITIONAL_TYPE_CELL;
  cf.criteria = up ? LXW_CONDITIONAL_CRITERIA_GREATER_THAN : LXW_CONDITIONAL_CRITERIA_LESS_THAN;
  cf.value = 0;
  cf.format = f;
  worksheet_conditional_format_cell (ws, row, col, &cf);
}

static void
write_kpi_table (CgReport      *r,
                 lxw_worksheet *ws,
                 lxw_row_t      first)
{
  const char *titles[] = {
    CG_T (r, "Indicator", "指标"), CG_T (r, "This period", "本期"),
    CG_T (r, "Previous period", "上期"), CG_T (r, "Change", "变化"),
  };

  cg_report_write_header (r, ws, first, titles, G_N_ELEMENTS (titles));
  for (int i = 0; i < CG_N_KPIS; i++)
    {
      const KpiInfo *info = &kpi_info[i];
      lxw_row_t row = first + 1 + i;
      lxw_format *f = unit_format (r, info->unit);
      gboolean has_change = info->per_period && r->has_previous && r->current.has[i] && r->before.has[i];

      worksheet_write_string (ws, row, 0, CG_T (r, info->en, info->zh), NULL);
      cg_report_write_number (ws, row, 1, r->current.value[i], r->current.has[i], f);
      if (info->per_period && r->has_previous)
        cg_report_write_number (ws, row, 2, r->before.value[i], r->before.has[i], f);
      else
        worksheet_write_string (ws, row, 2, "—", NULL);
      cg_report_write_number (ws, row, 3, r->current.value[i] - r->before.value[i], has_change, f);
      if (has_change)
        {
          add_arrow_rule (r, ws, row, 3, info->unit, TRUE, info->higher_is_better);
          add_arrow_rule (r, ws, row, 3, info->unit, FALSE, !info->higher_is_better);
        }
    }
}

static void
write_heading (CgReport      *r,
               lxw_worksheet *ws)
{
  g_autofree char *previous = NULL;
  g_autofree char *calls = NULL;

  worksheet_write_string (ws, 0, 0, CG_T (r, "Outbound calling report", "电销运营报告"), r->title);
  worksheet_write_string (ws, 1, 0, CG_T (r, "Period", "期间"), r->header);
  worksheet_write_string (ws, 1, 1, r->period_text, NULL);
  worksheet_write_string (ws, 2, 0, CG_T (r, "Calls", "呼叫数"), r->header);
  worksheet_write_number (ws, 2, 1, r->current.calls, r->integer);
  worksheet_write_string (ws, 3, 0, CG_T (r, "Compared with", "对比期间"), r->header);
  worksheet_write_string (ws, 3, 1, r->has_previous ? CG_T (r, "the period of equal length before", "之前等长的期间")
                                                    : CG_T (r, "no previous period (set both --from and --to)",
                                                            "无对比期间（需同时指定起止日期）"), NULL);
  worksheet_write_string (ws, 4, 0, CG_T (r, "Phone numbers", "电话号码"), r->header);
  worksheet_write_string (ws, 4, 1, r->full_numbers ? CG_T (r, "full numbers (the keep-full-numbers setting is on)",
                                                            "完整号码（已开启保留完整号码设置）")
                                                    : CG_T (r, "masked", "已脱敏"), NULL);
  if (r->current.calls == 0)
    worksheet_write_string (ws, 5, 0, CG_T (r, "There is no call data in this period.",
                                            "本期间没有呼叫数据。"), r->note);
}

gboolean
cg_report_summary (CgReport  *r,
                   GError   **error)
{
  lxw_worksheet *ws;
  g_autoptr(GPtrArray) findings = NULL;
  lxw_row_t row;

  /* One pass over the calls of each period gives the KPIs, the findings
   * and the Connect sheet's agents their rows. */
  if ((r->slices = cg_call_slices_compute (r->store, &r->filter, error)) == NULL ||
      !cg_report_kpis_compute (r, &r->filter, r->slices, &r->current, &r->audit, error) ||
      !cg_report_step (r, 0.4, error))
    return FALSE;
  if (r->has_previous &&
      ((r->previous_slices = cg_call_slices_compute (r->store, &r->previous, error)) == NULL ||
       !cg_report_kpis_compute (r, &r->previous, r->previous_slices, &r->before, NULL, error)))
    return FALSE;
  r->info->calls = r->current.calls;
  if (!cg_report_step (r, 0.7, error) ||
      (findings = cg_report_findings (r, error)) == NULL)
    return FALSE;

  ws = cg_report_add_sheet (r, CG_T (r, "Summary", "摘要"));
  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 3, 18, NULL);
  write_heading (r, ws);
  write_kpi_table (r, ws, 7);
  row = 7 + CG_N_KPIS + 2;
  worksheet_write_string (ws, row++, 0, CG_T (r, "Main findings", "主要发现"), r->title);
  if (findings->len == 0)
    worksheet_write_string (ws, row++, 0, CG_T (r, "Nothing stands out in this period.",
                                                "本期间没有突出的变化。"), r->note);
  for (guint i = 0; i < findings->len; i++)
    {
      worksheet_merge_range (ws, row, 0, row, 5, "", r->wrap);
      worksheet_write_string (ws, row, 0, g_ptr_array_index (findings, i), r->wrap);
      worksheet_set_row (ws, row, 30, NULL);
      row++;
    }
  return cg_report_step (r, 1.0, error);
}
