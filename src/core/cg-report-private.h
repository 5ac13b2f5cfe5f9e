/* cg-report-private.h — what the sheets of the Excel report share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "cg-analytics.h"
#include "cg-analytics-slices.h"
#include "cg-compliance.h"
#include "cg-finance.h"
#include "cg-report.h"
#include "cg-scenario.h"

G_BEGIN_DECLS

/* Report labels are chosen by the report's language, not the UI's: an
 * English UI may export a Chinese report.  Both texts sit side by side. */
#define CG_T(r, en_text, zh_text) ((r)->zh ? (zh_text) : (en_text))
/* Two literal formats, so -Wformat-nonliteral still checks them. */
#define CG_TPRINTF(r, en_format, zh_format, ...) \
  ((r)->zh ? g_strdup_printf (zh_format, __VA_ARGS__) : g_strdup_printf (en_format, __VA_ARGS__))

/* Key performance indicators of one period.  has_* FALSE: not defined
 * (no calls, no survey data …). */
typedef enum {
  CG_KPI_CONNECT_RATE,
  CG_KPI_CONTACT_RATE,
  CG_KPI_CONVERSION,
  CG_KPI_ACD,
  CG_KPI_CSAT,
  CG_KPI_NPS,
  CG_KPI_COMPLAINTS,
  CG_KPI_VIOLATIONS,
  CG_KPI_ROI,
  CG_KPI_NPV,
  CG_KPI_PAYBACK,
  CG_N_KPIS
} CgKpi;

typedef struct {
  gboolean has[CG_N_KPIS];
  double   value[CG_N_KPIS];
  gint64   calls;
  gint64   connected;
} CgKpiValues;

typedef struct {
  CgStore              *store;
  GTimeZone            *tz;
  lxw_workbook         *wb;
  gboolean              zh;
  CgFilter              filter;       /* the period */
  CgFilter              previous;     /* the period of equal length before it */
  gboolean              has_previous;
  CgFilter              span;         /* the period with both ends (see setup_period) */
  gboolean              has_span;     /* FALSE: an open end and no calls */
  char                 *period_text;  /* "2026-07-01 – 2026-09-30" */
  const CgScenario     *scenario;     /* NULL: none stored */
  gboolean              full_numbers;
  CgReportInfo         *info;
  GCancellable         *cancellable;
  CgReportProgressFunc  progress;
  gpointer              progress_data;
  double                fraction_from;  /* the stage's share of the whole */
  double                fraction_to;

  lxw_format *title;
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *integer;
  lxw_format *number;
  lxw_format *percent;
  lxw_format *cny;
  lxw_format *datetime;
  lxw_format *input;     /* cells an executive may change */
  lxw_format *note;

  CgKpiValues current;
  CgKpiValues before;
  CgComplianceReport *audit;     /* of the period, shared by Summary and Compliance */
  CgCallSlices       *slices;    /* of the period and the previous one (cg-analytics-slices.h), */
  CgCallSlices       *previous_slices;  /* shared by the KPIs, the findings and the sheets */
  CgFinanceResult    *finance;   /* of the scenario, NULL without one */
  char               *finance_problem;  /* why a stored scenario cannot be evaluated */
  struct _CgRawStream *raw_stream;      /* the raw calls rows, NULL without them */
} CgReport;

/* A new sheet named @name with print setup, header and footer. */
lxw_worksheet *cg_report_add_sheet      (CgReport    *r,
                                         const char  *name);
/* Bold header cells in row @row from column 0, a frozen pane below them. */
void           cg_report_write_header   (CgReport      *r,
                                         lxw_worksheet *ws,
                                         lxw_row_t      row,
                                         const char *const *titles,
                                         guint          n_titles);
/* Text that may come from an imported file: always a string cell, never a
 * formula, whatever it starts with. */
void           cg_report_write_text     (lxw_worksheet *ws,
                                         lxw_row_t      row,
                                         lxw_col_t      col,
                                         const char    *text,
                                         lxw_format    *format);
/* A number, or an empty cell when it is not defined (NAN / !defined). */
void           cg_report_write_number   (lxw_worksheet *ws,
                                         lxw_row_t      row,
                                         lxw_col_t      col,
                                         double         value,
                                         gboolean       defined,
                                         lxw_format    *format);
/* UTC seconds as an Excel date-time in the business time zone. */
double         cg_report_excel_time     (CgReport      *r,
                                         gint64         ts);
/* Reports progress within the current stage (0…1); FALSE when cancelled. */
gboolean       cg_report_step           (CgReport      *r,
                                         double         within,
                                         GError       **error);
gboolean       cg_report_check_lxw      (lxw_error      status,
                                         GError       **error);

/* The KPIs of @filter's period from its @slices; @audit receives its
 * compliance audit when not NULL. */
gboolean       cg_report_kpis_compute   (CgReport            *r,
                                         const CgFilter      *filter,
                                         const CgCallSlices  *slices,
                                         CgKpiValues         *kpis,
                                         CgComplianceReport **audit,
                                         GError             **error);

gboolean cg_report_summary      (CgReport *r, GError **error);
gboolean cg_report_connect      (CgReport *r, GError **error);
gboolean cg_report_satisfaction (CgReport *r, GError **error);
gboolean cg_report_finance      (CgReport *r, GError **error);
gboolean cg_report_compliance   (CgReport *r, GError **error);
gboolean cg_report_raw          (CgReport *r, GError **error);

/* SEAM (findings): the Summary's "main findings" as sentences in the
 * report's language.  A placeholder computed from analytics until the
 * findings engine lands; replace this one function. */
GPtrArray *cg_report_findings   (CgReport *r, GError **error);

G_END_DECLS
