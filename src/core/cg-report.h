/* cg-report.h — the Excel report for executives (libxlsxwriter).
 *
 * One workbook: Summary (KPIs against the previous period, main findings),
 * Connect rate, Satisfaction, Cost-benefit (live formulas beside the app's
 * own values), Compliance and, on request, the raw calls.  Sheet names and
 * labels are Chinese or English.  The file is written under a temporary
 * name beside the target and renamed on success: a failed or cancelled
 * export leaves no partial file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-store.h"

G_BEGIN_DECLS

#define CG_REPORT_ERROR (cg_report_error_quark ())
typedef enum {
  CG_REPORT_ERROR_WRITE,     /* libxlsxwriter or the file system failed */
  CG_REPORT_ERROR_INVALID,   /* options that cannot be used (e.g. an unknown scenario) */
} CgReportError;
GQuark cg_report_error_quark (void);

typedef enum {
  CG_REPORT_LANGUAGE_DEFAULT,  /* the language the process runs in (zh* → Chinese) */
  CG_REPORT_LANGUAGE_EN,
  CG_REPORT_LANGUAGE_ZH_CN,
} CgReportLanguage;

/** cg_report_language_from_string: "en" or "zh_CN" (also "zh", "zh-CN"). */
gboolean          cg_report_language_from_string (const char       *id,
                                                  CgReportLanguage *language);
/** cg_report_language_resolve: DEFAULT turned into EN or ZH_CN. */
CgReportLanguage  cg_report_language_resolve     (CgReportLanguage  language);

typedef struct {
  gint64            from_ts;    /* calls started in [from_ts, to_ts); 0 = unbounded */
  gint64            to_ts;
  const char       *scenario;   /* NULL: the first stored scenario, by name */
  gboolean          raw;        /* add the raw call (and survey response) sheets */
  CgReportLanguage  language;
} CgReportOptions;

/* Progress of an export: @fraction done (0…1, never decreasing) and what it
 * is doing now, in the UI language.  With cg_report_export it is called in
 * the calling thread and @stage is NULL while the stage stays the same;
 * with cg_report_export_async it is called in the caller's main context
 * and @stage is always set.  The last call is (1.0, "Done") on success. */
typedef void (*CgReportProgressFunc) (double       fraction,
                                      const char  *stage,
                                      gpointer     user_data);

/* What was written. */
typedef struct {
  char      *path;
  GPtrArray *sheets;        /* char *, sheet names in order */
  gint64     calls;         /* calls in the period */
  gint64     raw_rows;      /* rows on the raw calls sheets (0 without raw) */
  guint      raw_sheets;
  gboolean   full_numbers;  /* raw sheets hold full numbers (keep_full_numbers on) */
  char      *scenario;      /* the scenario used, NULL for none */
  CgReportLanguage language;
} CgReportInfo;

void          cg_report_info_free   (CgReportInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgReportInfo, cg_report_info_free)

/** cg_report_export: writes the report to @path (replacing it) synchronously;
 * NULL with @error on failure or cancellation (G_IO_ERROR_CANCELLED). */
CgReportInfo *cg_report_export        (CgStore                *store,
                                       const char             *path,
                                       const CgReportOptions  *options,
                                       GCancellable           *cancellable,
                                       CgReportProgressFunc    progress,
                                       gpointer                progress_data,
                                       GError                **error);

/* The same in a GTask worker thread with its own connection to @store's
 * database (WAL: the UI keeps reading meanwhile).  @progress is called in
 * the thread-default main context of the caller, at most about a hundred
 * times; @progress_data must stay valid until @callback runs. */
void          cg_report_export_async  (CgStore                *store,
                                       const char             *path,
                                       const CgReportOptions  *options,
                                       GCancellable           *cancellable,
                                       CgReportProgressFunc    progress,
                                       gpointer                progress_data,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
CgReportInfo *cg_report_export_finish (GAsyncResult           *result,
                                       GError                **error);

G_END_DECLS
