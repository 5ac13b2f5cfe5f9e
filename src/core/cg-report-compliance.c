/* cg-report-compliance.c — the Compliance sheet: how many calls broke each
 * rule, complaints by month, and the offending calls with masked numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-report-private.h"

typedef struct {
  const char      *en;
  const char      *zh;
  const CgFinding *finding;
} Rule;

static lxw_row_t
write_counts (CgReport      *r,
              lxw_worksheet *ws,
              lxw_row_t      row,
              const Rule    *rules,
              guint          n_rules)
{
  const CgComplianceReport *a = r->audit;
  g_autofree char *hours = cg_calling_hours_to_string (&a->hours);
  g_autofree char *cap = g_strdup_printf ("%u / %u", a->cap.max_attempts, a->cap.days);

  worksheet_write_string (ws, row, 0, CG_T (r, "Calling hours", "允许呼叫时段"), r->header);
  worksheet_write_string (ws, row++, 1, hours, NULL);
  worksheet_write_string (ws, row, 0, CG_T (r, "Attempt cap (attempts / days)", "呼叫频次上限（次/天）"), r->header);
  worksheet_write_string (ws, row++, 1, cap, NULL);
  for (guint i = 0; i < n_rules; i++, row++)
    {
      worksheet_write_string (ws, row, 0, CG_T (r, rules[i].en, rules[i].zh), r->header);
      worksheet_write_number (ws, row, 1, rules[i].finding->count, r->integer);
    }
  worksheet_write_string (ws, row, 0, CG_T (r, "Numbers over the cap", "超频号码数"), r->header);
  worksheet_write_number (ws, row++, 1, a->cap_numbers, r->integer);
  return row + 1;
}

static lxw_row_t
write_complaints (CgReport      *r,
                  lxw_worksheet *ws,
                  lxw_row_t      row)
{
  const char *titles[] = { CG_T (r, "Month", "月份"), CG_T (r, "Complaints", "投诉数") };
  GPtrArray *months = r->audit->complaints_by_month;

  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < months->len; i++, row++)
    {
      const CgComplaintCount *c = g_ptr_array_index (months, i);

      cg_report_write_text (ws, row, 0, c->key, NULL);
      worksheet_write_number (ws, row, 1, c->complaints, r->integer);
    }
  if (months->len == 0)
    worksheet_write_string (ws, row++, 0, CG_T (r, "No complaints in this period.", "本期间没有投诉。"), r->note);
  return row + 1;
}

gboolean
cg_report_compliance (CgReport  *r,
                      GError   **error)
{
  const Rule rules[] = {
    { "Outside calling hours", "非允许时段呼叫", &r->audit->outside_hours },
    { "Do-not-call numbers", "呼叫免打扰号码", &r->audit->dnc },
    { "Over the attempt cap", "超过呼叫频次", &r->audit->attempt_cap },
  };
  const char *titles[] = {
    CG_T (r, "Rule", "规则"), CG_T (r, "Time", "时间"), CG_T (r, "Number (masked)", "号码（已脱敏）"),
    CG_T (r, "Agent", "坐席"), CG_T (r, "Line", "线路"), CG_T (r, "List", "号码来源"),
  };
  lxw_worksheet *ws = cg_report_add_sheet (r, CG_T (r, "Compliance", "合规"));
  lxw_row_t row = 0, header;
  gboolean listed_all = TRUE;

  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 1, 20, NULL);
  worksheet_set_column (ws, 2, 5, 16, NULL);
  worksheet_write_string (ws, row++, 0, CG_T (r, "Compliance", "合规"), r->title);
  row = write_counts (r, ws, row, rules, G_N_ELEMENTS (rules));
  row = write_complaints (r, ws, row);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    listed_all = listed_all && rules[i].finding->count == (gint64) rules[i].finding->calls->len;
  worksheet_write_string (ws, row++, 0, listed_all ? CG_T (r, "Violations", "违规明细")
                                                   : CG_T (r, "Violations (the first 1,000 of each rule)",
                                                           "违规明细（每条规则前 1,000 条）"), r->title);
  header = row;
  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    for (guint j = 0; j < rules[i].finding->calls->len; j++, row++)
      {
        const CgComplianceCall *c = g_ptr_array_index (rules[i].finding->calls, j);

        worksheet_write_string (ws, row, 0, CG_T (r, rules[i].en, rules[i].zh), NULL);
        worksheet_write_number (ws, row, 1, cg_report_excel_time (r, c->start_ts), r->datetime);
        cg_report_write_text (ws, row, 2, c->phone_masked, NULL);
        cg_report_write_text (ws, row, 3, c->agent_id, NULL);
        cg_report_write_text (ws, row, 4, c->line, NULL);
        cg_report_write_text (ws, row, 5, c->list, NULL);
      }
  if (row == header + 1)
    worksheet_write_string (ws, row++, 0, CG_T (r, "No violations in this period.", "本期间没有违规。"), r->note);
  else
    worksheet_autofilter (ws, header, 0, row - 1, G_N_ELEMENTS (titles) - 1);
  worksheet_freeze_panes (ws, header + 1, 0);
  return cg_report_step (r, 1.0, error);
}
