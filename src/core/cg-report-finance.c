/* cg-report-finance.c — the Cost-benefit sheet.
 *
 * The scenario's inputs are cells (yellow); the monthly cash flows and the
 * NPV, IRR, ROI and payback are Excel formulas on those cells, so an
 * executive can change an input and watch the results move.  Beside each
 * result stands the app's own value (cg-finance.c) for checking; the
 * formulas carry it as their cached result too.  The formulas follow the
 * conventions of cg-finance.h: flows at the end of month m, growth
 * compounded monthly from the item's first month, monthly rate
 * (1 + a)^(1/12) − 1, payback at the last crossing, interpolated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cg-report-private.h"

/* Columns of the cash-flow table. */
enum {
  COL_MONTH, COL_DATE, COL_INVESTMENT, COL_COST, COL_BENEFIT, COL_NET, COL_CUMULATIVE,
  COL_FACTOR, COL_DISCOUNTED, COL_DISCOUNTED_CUMULATIVE, COL_CROSSING, COL_APP_NET,
  COL_APP_CUMULATIVE, N_COLS
};

static const char *
kind_label (CgReport   *r,
            CgItemKind  kind)
{
  switch (kind)
    {
    case CG_ITEM_INVESTMENT:
      return CG_T (r, "investment", "投资");
    case CG_ITEM_COST:
      return CG_T (r, "cost", "成本");
    case CG_ITEM_BENEFIT:
    default:
      return CG_T (r, "benefit", "收益");
    }
}

typedef struct {
  int first;  /* Excel rows, 1-based */
  int last;
} Rows;

/* Cost or benefit of month A{row}: every item of @kind that flows then,
 * grown from its first month. */
static char *
flow_formula (CgReport   *r,
              CgItemKind  kind,
              Rows        items,
              int         row)
{
  int a = items.first, b = items.last;

  return g_strdup_printf ("=SUMPRODUCT(($B$%d:$B$%d=\"%s\")*($D$%d:$D$%d<=$A%d)"
                          "*((($E$%d:$E$%d<0)+($E$%d:$E$%d>=$A%d))>0)"
                          "*$C$%d:$C$%d*(1+$F$%d:$F$%d)^(($A%d-$D$%d:$D$%d)/12))",
                          a, b, kind_label (r, kind), a, b, row,
                          a, b, a, b, row,
                          a, b, a, b, row, a, b);
}

static void
write_month (CgReport         *r,
             lxw_worksheet    *ws,
             lxw_row_t         row,
             const CgCashFlow *m,
             Rows              items,
             int               rate_row)
{
  int x = row + 1;  /* this row in Excel's numbering */
  int month0 = r->scenario->start_year * 12 + r->scenario->start_month - 1 + m->month;
  char date[16];
  g_autofree char *investment = NULL;
  g_autofree char *cost = flow_formula (r, CG_ITEM_COST, items, x);
  g_autofree char *benefit = flow_formula (r, CG_ITEM_BENEFIT, items, x);
  g_autofree char *net = g_strdup_printf ("=E%d-D%d-C%d", x, x, x);
  g_autofree char *cumulative = m->month == 0 ? g_strdup_printf ("=F%d", x)
                                              : g_strdup_printf ("=G%d+F%d", x - 1, x);
  g_autofree char *factor = g_strdup_printf ("=1/(1+$B$%d)^A%d", rate_row, x);
  g_autofree char *discounted = g_strdup_printf ("=F%d*H%d", x, x);
  g_autofree char *discounted_cumulative = m->month == 0 ? g_strdup_printf ("=I%d", x)
                                                         : g_strdup_printf ("=J%d+I%d", x - 1, x);

  investment = g_strdup_printf ("=SUMIFS($C$%d:$C$%d,$B$%d:$B$%d,\"%s\",$D$%d:$D$%d,$A%d)",
                                items.first, items.last, items.first, items.last,
                                kind_label (r, CG_ITEM_INVESTMENT), items.first, items.last, x);
  g_snprintf (date, sizeof date, "%04d-%02d", month0 / 12, month0 % 12 + 1);
  worksheet_write_number (ws, row, COL_MONTH, m->month, NULL);
  worksheet_write_string (ws, row, COL_DATE, date, NULL);
  worksheet_write_formula_num (ws, row, COL_INVESTMENT, investment, r->cny, m->investment);
  worksheet_write_formula_num (ws, row, COL_COST, cost, r->cny, m->cost);
  worksheet_write_formula_num (ws, row, COL_BENEFIT, benefit, r->cny, m->benefit);
  worksheet_write_formula_num (ws, row, COL_NET, net, r->cny, m->net);
  worksheet_write_formula_num (ws, row, COL_CUMULATIVE, cumulative, r->cny, m->cumulative);
  worksheet_write_formula_num (ws, row, COL_FACTOR, factor, NULL, m->discount_factor);
  worksheet_write_formula_num (ws, row, COL_DISCOUNTED, discounted, r->cny, m->discounted);
  worksheet_write_formula_num (ws, row, COL_DISCOUNTED_CUMULATIVE, discounted_cumulative, r->cny,
                               m->discounted_cumulative);
  if (m->month > 0)
    {
      /* Where the cumulative turns non-negative inside this month; the
       * payback is the last such crossing. */
      g_autofree char *crossing = g_strdup_printf ("=IF(AND(G%d<0,G%d>=0),A%d+(-G%d)/F%d,\"\")",
                                                   x - 1, x, x - 1, x - 1, x);
      worksheet_write_formula_str (ws, row, COL_CROSSING, crossing, r->number, "");
    }
  worksheet_write_number (ws, row, COL_APP_NET, m->net, r->cny);
  worksheet_write_number (ws, row, COL_APP_CUMULATIVE, m->cumulative, r->cny);
}

static lxw_row_t
write_inputs (CgReport      *r,
              lxw_worksheet *ws,
              lxw_row_t      row,
              Rows          *items)
{
  const char *titles[] = {
    CG_T (r, "Item", "项目"), CG_T (r, "Kind", "类型"), CG_T (r, "Amount (CNY, first month)", "金额（元，首月）"),
    CG_T (r, "First month", "起始月"), CG_T (r, "Last month (−1: to the horizon)", "结束月（−1：至期末）"),
    CG_T (r, "Annual growth", "年增长率"),
  };
  const CgScenario *s = r->scenario;

  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  items->first = row + 1;
  for (guint i = 0; i < s->items->len; i++, row++)
    {
      const CgScenarioItem *item = g_ptr_array_index (s->items, i);

      cg_report_write_text (ws, row, 0, item->name, NULL);
      worksheet_write_string (ws, row, 1, kind_label (r, item->kind), NULL);
      worksheet_write_number (ws, row, 2, cg_scenario_item_get_amount (item), r->input);
      worksheet_write_number (ws, row, 3, item->month, r->input);
      worksheet_write_number (ws, row, 4, item->kind == CG_ITEM_INVESTMENT ? item->month : item->end_month,
                              r->input);
      worksheet_write_number (ws, row, 5, item->annual_growth, r->input);
    }
  items->last = MAX ((int) row, items->first);
  return row + 1;
}

/* NPV, IRR, ROI and payback as formulas over the cash-flow rows
 * [@first, @last] (Excel numbering), the app's values beside them. */
static lxw_row_t
write_results (CgReport      *r,
               lxw_worksheet *ws,
               lxw_row_t      row,
               int            rate_row,
               int            first,
               int            last)
{
  const CgFinanceResult *f = r->finance;
  const char *titles[] = { CG_T (r, "Result", "结果"), CG_T (r, "Excel formula", "Excel 公式"),
                           CG_T (r, "App value", "软件计算值") };
  g_autofree char *npv = g_strdup_printf ("=F%d+NPV($B$%d,F%d:F%d)", first, rate_row, first + 1, last);
  g_autofree char *irr = g_strdup_printf ("=IFERROR((1+IRR(F%d:F%d))^12-1,\"—\")", first, last);
  g_autofree char *roi = g_strdup_printf ("=IF(SUM(C%d:D%d)=0,\"—\",(SUM(E%d:E%d)-SUM(C%d:D%d))/SUM(C%d:D%d))",
                                          first, last, first, last, first, last, first, last);
  g_autofree char *payback = g_strdup_printf ("=IF(G%d<0,\"—\",IF(MIN(G%d:G%d)>=0,0,MAX(K%d:K%d)))",
                                              last, first, last, first, last);

  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  worksheet_write_string (ws, row, 0, CG_T (r, "NPV (CNY)", "净现值（元）"), NULL);
  worksheet_write_formula_num (ws, row, 1, npv, r->cny, f->npv);
  worksheet_write_number (ws, row++, 2, f->npv, r->cny);
  worksheet_write_string (ws, row, 0, CG_T (r, "IRR (annual)", "内部收益率（年）"), NULL);
  if (f->irr_defined)
    worksheet_write_formula_num (ws, row, 1, irr, r->percent, f->irr_annual);
  else
    worksheet_write_formula_str (ws, row, 1, irr, r->percent, "—");
  cg_report_write_number (ws, row++, 2, f->irr_annual, f->irr_defined, r->percent);
  worksheet_write_string (ws, row, 0, CG_T (r, "ROI", "投资回报率"), NULL);
  if (f->roi_defined)
    worksheet_write_formula_num (ws, row, 1, roi, r->percent, f->roi);
  else
    worksheet_write_formula_str (ws, row, 1, roi, r->percent, "—");
  cg_report_write_number (ws, row++, 2, f->roi, f->roi_defined, r->percent);
  worksheet_write_string (ws, row, 0, CG_T (r, "Payback (months)", "回收期（月）"), NULL);
  if (f->payback_reached)
    worksheet_write_formula_num (ws, row, 1, payback, r->number, f->payback_months);
  else
    worksheet_write_formula_str (ws, row, 1, payback, r->number, "—");
  cg_report_write_number (ws, row++, 2, f->payback_months, f->payback_reached, r->number);
  return row + 1;
}

static void
add_cash_flow_chart (CgReport      *r,
                     lxw_worksheet *ws,
                     lxw_row_t      at,
                     lxw_row_t      first,
                     lxw_row_t      last)
{
  const char *sheet = g_ptr_array_index (r->info->sheets, r->info->sheets->len - 1);
  /* libxlsxwriter 1.1.4 cannot combine chart types: both series as columns. */
  lxw_chart *columns = workbook_add_chart (r->wb, LXW_CHART_COLUMN);
  lxw_chart_series *net = chart_add_series (columns, NULL, NULL);
  lxw_chart_series *cumulative = chart_add_series (columns, NULL, NULL);

  chart_series_set_categories (net, sheet, first, COL_DATE, last, COL_DATE);
  chart_series_set_values (net, sheet, first, COL_NET, last, COL_NET);
  chart_series_set_name (net, CG_T (r, "Net cash flow", "净现金流"));
  chart_series_set_categories (cumulative, sheet, first, COL_DATE, last, COL_DATE);
  chart_series_set_values (cumulative, sheet, first, COL_CUMULATIVE, last, COL_CUMULATIVE);
  chart_series_set_name (cumulative, CG_T (r, "Cumulative", "累计现金流"));
  chart_title_set_name (columns, CG_T (r, "Monthly cash flow", "月度现金流"));
  chart_axis_set_num_format (columns->y_axis, "#,##0");
  worksheet_insert_chart_opt (ws, at, N_COLS + 1, columns, &(lxw_chart_options) { .x_scale = 1.6, .y_scale = 1.2 });
}

gboolean
cg_report_finance (CgReport  *r,
                   GError   **error)
{
  lxw_worksheet *ws = cg_report_add_sheet (r, CG_T (r, "Cost-benefit", "成本收益"));
  const char *titles[] = {
    CG_T (r, "Month", "月"), CG_T (r, "Date", "日期"), CG_T (r, "Investment", "投资"),
    CG_T (r, "Cost", "成本"), CG_T (r, "Benefit", "收益"), CG_T (r, "Net", "净现金流"),
    CG_T (r, "Cumulative", "累计"), CG_T (r, "Discount factor", "折现系数"),
    CG_T (r, "Discounted", "折现值"), CG_T (r, "Discounted cumulative", "累计折现值"),
    CG_T (r, "Payback crossing", "回收点"), CG_T (r, "App: net", "软件：净现金流"),
    CG_T (r, "App: cumulative", "软件：累计"),
  };
  g_autofree char *title = NULL;
  g_autofree char *monthly = NULL;
  lxw_row_t row = 0, first;
  int rate_row, n;
  Rows items;

  worksheet_set_column (ws, 0, 0, 26, NULL);
  worksheet_set_column (ws, 1, N_COLS - 1, 15, NULL);
  if (r->scenario == NULL || r->finance == NULL)
    {
      worksheet_write_string (ws, 0, 0, CG_T (r, "Cost-benefit", "成本收益"), r->title);
      if (r->finance_problem != NULL)
        cg_report_write_text (ws, 1, 0, r->finance_problem, r->note);
      else
        worksheet_write_string (ws, 1, 0, CG_T (r, "No cost-benefit scenario is stored: create one on the Cost-benefit page or with “callgauge-cli scenario new”.",
                                                "尚未保存成本收益方案：请在“成本收益”页面或用 “callgauge-cli scenario new” 创建。"), r->note);
      return cg_report_step (r, 1.0, error);
    }

  title = CG_TPRINTF (r, "Cost-benefit: %s", "成本收益：%s", r->scenario->name);
  worksheet_write_string (ws, row++, 0, title, r->title);
  worksheet_write_string (ws, row++, 0, CG_T (r, "Yellow cells are inputs: change them and every formula follows. The app's own values stand beside the formulas for checking.",
                                              "黄色单元格为输入项：修改后所有公式随之更新。公式旁为软件计算值，供核对。"), r->note);
  row++;
  worksheet_write_string (ws, row, 0, CG_T (r, "Annual discount rate", "年折现率"), r->header);
  worksheet_write_number (ws, row++, 1, r->scenario->discount_rate, r->input);
  rate_row = row + 1;  /* the monthly rate, in Excel numbering */
  monthly = g_strdup_printf ("=(1+B%d)^(1/12)-1", row);
  worksheet_write_string (ws, row, 0, CG_T (r, "Monthly rate", "月折现率"), r->header);
  worksheet_write_formula_num (ws, row++, 1, monthly, NULL, r->finance->monthly_rate);
  row++;
  row = write_inputs (r, ws, row, &items);
  if (!cg_report_step (r, 0.3, error))
    return FALSE;

  /* The results come before the table they sum: header, four results and
   * a blank row, then the table's title and header. */
  n = r->finance->months->len;
  first = row + 6 + 2;
  row = write_results (r, ws, row, rate_row, first + 1, first + n);
  worksheet_write_string (ws, row++, 0, CG_T (r, "Monthly cash flow", "月度现金流"), r->title);
  cg_report_write_header (r, ws, row++, titles, G_N_ELEMENTS (titles));
  g_assert (row == first);
  add_cash_flow_chart (r, ws, first - 2, first, first + n - 1);
  for (int i = 0; i < n; i++, row++)
    write_month (r, ws, row, &g_array_index (r->finance->months, CgCashFlow, i), items, rate_row);
  return cg_report_step (r, 1.0, error);
}
