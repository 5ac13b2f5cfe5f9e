/* cg-report.c — the Excel report: options, the workbook, the order of sheets,
 * atomic write and the threaded entry point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-aggregates.h"
#include "cg-local-time.h"
#include "cg-report-private.h"
#include "cg-report-stream.h"
#include "cg-scenario-store.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-report-error-quark, cg_report_error)

gboolean
cg_report_language_from_string (const char       *id,
                                CgReportLanguage *language)
{
  if (g_strcmp0 (id, "en") == 0)
    *language = CG_REPORT_LANGUAGE_EN;
  else if (g_strcmp0 (id, "zh_CN") == 0 || g_strcmp0 (id, "zh-CN") == 0 || g_strcmp0 (id, "zh") == 0)
    *language = CG_REPORT_LANGUAGE_ZH_CN;
  else
    return FALSE;
  return TRUE;
}

CgReportLanguage
cg_report_language_resolve (CgReportLanguage language)
{
  const char * const *names;

  if (language != CG_REPORT_LANGUAGE_DEFAULT)
    return language;
  /* The first name is the most specific one of LANGUAGE/LC_ALL/LC_MESSAGES/LANG. */
  names = g_get_language_names ();
  return names[0] != NULL && g_str_has_prefix (names[0], "zh") ? CG_REPORT_LANGUAGE_ZH_CN
                                                                : CG_REPORT_LANGUAGE_EN;
}

void
cg_report_info_free (CgReportInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->sheets, g_ptr_array_unref);
  g_free (info->scenario);
  g_free (info);
}

/* ---- helpers the sheets share ---- */

gboolean
cg_report_check_lxw (lxw_error   status,
                     GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, CG_REPORT_ERROR, CG_REPORT_ERROR_WRITE,
               _("Could not write the workbook: %s"), lxw_strerror (status));
  return FALSE;
}

lxw_worksheet *
cg_report_add_sheet (CgReport   *r,
                     const char *name)
{
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  g_autofree char *escaped = NULL;
  g_autofree char *header = NULL;
  g_auto(GStrv) parts = NULL;

  g_ptr_array_add (r->info->sheets, g_strdup (name));
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);  /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  /* '&' starts a code in Excel's header language. */
  parts = g_strsplit (r->period_text, "&", -1);
  escaped = g_strjoinv ("&&", parts);
  header = g_strdup_printf ("&L%s&C&A&R%s", CG_T (r, "Callgauge report", "Callgauge 报告"), escaped);
  worksheet_set_header (ws, header);
  worksheet_set_footer (ws, CG_T (r, "&LPrinted &D&RPage &P of &N", "&L打印于 &D&R第 &P 页，共 &N 页"));
  return ws;
}

void
cg_report_write_header (CgReport          *r,
                        lxw_worksheet     *ws,
                        lxw_row_t          row,
                        const char *const *titles,
                        guint              n_titles)
{
  for (guint i = 0; i < n_titles; i++)
    worksheet_write_string (ws, row, i, titles[i], r->header);
}

void
cg_report_write_text (lxw_worksheet *ws,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const char    *text,
                      lxw_format    *format)
{
  /* worksheet_write_string never makes a formula; an empty text is a
   * blank cell. */
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (ws, row, col, text, format);
}

void
cg_report_write_number (lxw_worksheet *ws,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        double         value,
                        gboolean       defined,
                        lxw_format    *format)
{
  if (defined && isfinite (value))
    worksheet_write_number (ws, row, col, value, format);
  else
    worksheet_write_string (ws, row, col, "—", format);
}

double
cg_report_excel_time (CgReport *r,
                      gint64    ts)
{
  int interval = g_time_zone_find_interval (r->tz, G_TIME_TYPE_UNIVERSAL, ts);
  gint64 local = ts + (interval >= 0 ? g_time_zone_get_offset (r->tz, interval) : 0);

  /* Excel's day 25569 is 1970-01-01. */
  return local / 86400.0 + 25569.0;
}

gboolean
cg_report_step (CgReport *r,
                double    within,
                GError  **error)
{
  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (r->progress != NULL)
    r->progress (r->fraction_from + (r->fraction_to - r->fraction_from) * CLAMP (within, 0, 1),
                 NULL, r->progress_data);
  return TRUE;
}

/* ---- the workbook ---- */

static lxw_format *
add_format (lxw_workbook *wb,
            const char   *num_format,
            gboolean      bold)
{
  lxw_format *f = workbook_add_format (wb);

  if (num_format != NULL)
    format_set_num_format (f, num_format);
  if (bold)
    format_set_bold (f);
  return f;
}

static void
make_formats (CgReport *r)
{
  r->title = add_format (r->wb, NULL, TRUE);
  format_set_font_size (r->title, 16);
  r->header = add_format (r->wb, NULL, TRUE);
  format_set_bg_color (r->header, 0xDCE6F1);
  format_set_bottom (r->header, LXW_BORDER_THIN);
  format_set_text_wrap (r->header);
  r->text = add_format (r->wb, NULL, FALSE);
  r->wrap = add_format (r->wb, NULL, FALSE);
  format_set_text_wrap (r->wrap);
  format_set_align (r->wrap, LXW_ALIGN_VERTICAL_TOP);
  r->integer = add_format (r->wb, "#,##0", FALSE);
  r->number = add_format (r->wb, "#,##0.0", FALSE);
  r->percent = add_format (r->wb, "0.0%", FALSE);
  r->cny = add_format (r->wb, "[$¥-804]#,##0.00;-[$¥-804]#,##0.00", FALSE);
  r->datetime = add_format (r->wb, "yyyy-mm-dd hh:mm:ss", FALSE);
  r->input = add_format (r->wb, NULL, FALSE);
  format_set_bg_color (r->input, 0xFFF2CC);
  format_set_font_color (r->input, 0x1F4E79);
  r->note = add_format (r->wb, NULL, FALSE);
  format_set_italic (r->note);
  format_set_font_color (r->note, 0x595959);
}

static char *
local_date (GTimeZone *tz,
            gint64     ts)
{
  CgLocalTime lt;

  cg_local_time (tz, ts, &lt);
  return g_strdup_printf ("%04d-%02d-%02d", lt.year, lt.month, lt.day);
}

/* The period in words, and the period of equal length before it when both
 * ends are set (the KPI changes compare against it).  An open end is
 * where the calls begin or end, widened to whole local days: the same
 * calls, in bounds the day sums answer for (the findings need both ends). */
static gboolean
setup_period (CgReport               *r,
              const CgReportOptions  *options,
              GError                **error)
{
  gint64 from = options->from_ts, to = options->to_ts;
  gint64 first = 0, last = 0;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  r->filter.from_ts = from;
  r->filter.to_ts = to;
  if (from != 0 && to != 0)
    {
      r->previous.from_ts = from - (to - from);
      r->previous.to_ts = from;
      r->has_previous = TRUE;
    }
  else if (!cg_aggregates_call_span (r->store, &first, &last, error))
    return FALSE;
  else if (last <= first)
    {
      r->period_text = g_strdup (CG_T (r, "all data (none yet)", "全部数据（暂无）"));
      return TRUE;
    }
  /* 0 is a time here: the span may start at the epoch. */
  if (options->from_ts == 0)
    from = first;
  if (options->to_ts == 0)
    to = last;
  r->span.from_ts = from;
  r->span.to_ts = to;
  r->has_span = TRUE;
  from_text = local_date (r->tz, from);
  to_text = local_date (r->tz, to - 1);
  r->period_text = g_strdup_printf ("%s – %s", from_text, to_text);
  return TRUE;
}

static gboolean
load_scenario (CgReport               *r,
               const CgReportOptions  *options,
               CgScenario            **scenario,
               GError                **error)
{
  g_auto(GStrv) names = NULL;
  const char *name = options->scenario;

  *scenario = NULL;
  if (name == NULL)
    {
      if ((names = cg_store_list_scenarios (r->store, error)) == NULL)
        return FALSE;
      name = names[0];
    }
  if (name == NULL)
    return TRUE;
  if ((*scenario = cg_store_load_scenario (r->store, name, error)) == NULL)
    return FALSE;
  r->info->scenario = g_strdup (name);
  return TRUE;
}

static void
set_properties (CgReport *r)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *comments = g_strdup_printf ("%s: %s", CG_T (r, "Period", "期间"), r->period_text);

  props.title = (char *) CG_T (r, "Outbound calling report", "电销运营报告");
  props.subject = (char *) CG_T (r, "Connect rate, satisfaction, cost-benefit and compliance",
                                 "接通率、满意度、成本收益与合规");
  props.author = (char *) "Callgauge";
  props.company = (char *) "";
  props.category = (char *) CG_T (r, "Report", "报告");
  props.keywords = (char *) CG_T (r, "connect rate, ROI, compliance", "接通率, 投资回报, 合规");
  props.comments = comments;
  props.created = time (NULL);
  workbook_set_properties (r->wb, &props);
}

typedef gboolean (*CgReportSheetFunc) (CgReport *r, GError **error);

typedef struct {
  CgReportSheetFunc  write;
  const char        *stage;  /* translatable */
  double             weight; /* share of the time it takes (raw rows dominate) */
} CgReportStage;

static gboolean
write_sheets (CgReport  *r,
              gboolean   raw,
              GError   **error)
{
  static const CgReportStage stages[] = {
    { cg_report_summary,      N_("Computing the key figures"), 0.10 },
    { cg_report_connect,      N_("Writing the connect-rate sheet"), 0.10 },
    { cg_report_satisfaction, N_("Writing the satisfaction sheet"), 0.02 },
    { cg_report_finance,      N_("Writing the cost-benefit sheet"), 0.03 },
    { cg_report_compliance,   N_("Auditing compliance"), 0.10 },
    { cg_report_raw,          N_("Writing the raw calls"), 0.55 },
  };
  double total = 0, done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (raw || stages[i].write != cg_report_raw)
      total += stages[i].weight;
  total += 0.10;  /* compressing the workbook at close */

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      if (!raw && stages[i].write == cg_report_raw)
        continue;
      r->fraction_from = done / total;
      r->fraction_to = (done + stages[i].weight) / total;
      if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
        return FALSE;
      if (r->progress != NULL)
        r->progress (r->fraction_from, _(stages[i].stage), r->progress_data);
      if (!stages[i].write (r, error))
        return FALSE;
      done += stages[i].weight;
    }
  r->fraction_from = r->fraction_to = done / total;
  if (r->progress != NULL)
    r->progress (done / total, _("Compressing the workbook"), r->progress_data);
  return TRUE;
}

/* A name beside @path that no one else uses, so the rename at the end stays
 * on one file system. */
static char *
make_temp_path (const char  *path,
                GError     **error)
{
  g_autofree char *templ = g_strconcat (path, ".XXXXXX.part", NULL);
  int fd = g_mkstemp_full (templ, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create a file beside “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&templ);
}

static gboolean
replace_file (const char  *temp_path,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (temp_path);
  g_autoptr(GFile) to = g_file_new_for_path (path);

  /* A move within one directory is a rename (atomic where the OS has it). */
  return g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static void
report_clear (CgReport *r)
{
  g_clear_pointer (&r->raw_stream, cg_raw_stream_free);
  g_clear_pointer (&r->tz, g_time_zone_unref);
  g_clear_pointer (&r->period_text, g_free);
  g_clear_pointer (&r->audit, cg_compliance_report_free);
  g_clear_pointer (&r->slices, cg_call_slices_free);
  g_clear_pointer (&r->previous_slices, cg_call_slices_free);
  g_clear_pointer (&r->finance, cg_finance_result_free);
  g_clear_pointer (&r->finance_problem, g_free);
}

/* SQLite's sorter may hold as much memory as the page cache; the report's
 * group-bys over a million calls would then take well over 100 MB.  A
 * smaller cache for the export's duration keeps the peak low at little
 * cost in time (the sorts spill to temporary files). */
#define REPORT_CACHE_KIB 16384

static gint64
set_cache_size (CgStore *store,
                gint64   kib)
{
  sqlite3 *db = cg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 old = 0;
  g_autofree char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    old = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, kib);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  return old;
}

CgReportInfo *
cg_report_export (CgStore                *store,
                  const char             *path,
                  const CgReportOptions  *options,
                  GCancellable           *cancellable,
                  CgReportProgressFunc    progress,
                  gpointer                progress_data,
                  GError                **error)
{
  g_autoptr(CgReportInfo) info = g_new0 (CgReportInfo, 1);
  g_autoptr(CgScenario) scenario = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *keep = NULL;
  lxw_workbook_options wb_options = { 0 };
  CgReport r = { 0 };
  gboolean ok = FALSE;
  lxw_error status;
  gint64 old_cache;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL && options != NULL, NULL);

  info->path = g_strdup (path);
  info->sheets = g_ptr_array_new_with_free_func (g_free);
  info->language = cg_report_language_resolve (options->language);
  r.store = store;
  r.info = info;
  r.zh = info->language == CG_REPORT_LANGUAGE_ZH_CN;
  r.tz = cg_store_get_time_zone (store);
  r.cancellable = cancellable;
  r.progress = progress;
  r.progress_data = progress_data;
  keep = cg_store_get_setting (store, "keep_full_numbers", "false");
  r.full_numbers = info->full_numbers = g_strcmp0 (keep, "true") == 0;
  old_cache = set_cache_size (store, -REPORT_CACHE_KIB);

  if (!setup_period (&r, options, error) ||
      !load_scenario (&r, options, &scenario, error) ||
      (temp_path = make_temp_path (path, error)) == NULL)
    goto out;
  r.scenario = scenario;
  if (scenario != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* A stored scenario that cannot be evaluated should not stop the
       * rest of the report: the sheet says why. */
      if ((r.finance = cg_finance_evaluate (scenario, &local_error)) == NULL)
        r.finance_problem = g_strdup (local_error->message);
    }

  /* Constant memory: each row goes to a temporary file as soon as the next
   * one starts, so a million raw rows cost no more memory than ten. */
  wb_options.constant_memory = LXW_TRUE;
  wb_options.tmpdir = (char *) g_get_tmp_dir ();
  /* Only where a part may pass 4 GB: ZIP64 makes old Excel versions warn. */
  wb_options.use_zip64 = options->raw && cg_store_count_calls (store) > 5000000;
  r.wb = workbook_new_opt (temp_path, &wb_options);
  if (r.wb == NULL)
    {
      g_set_error (error, CG_REPORT_ERROR, CG_REPORT_ERROR_WRITE,
                   _("Could not start the workbook “%s”."), path);
      goto out;
    }
  make_formats (&r);
  set_properties (&r);
  /* The raw rows stream on their own thread while the sheets before them
   * are computed here. */
  if (options->raw && (r.raw_stream = cg_raw_stream_start (&r, error)) == NULL)
    {
      lxw_workbook_free (r.wb);
      goto out;
    }

  if (!write_sheets (&r, options->raw, error))
    {
      lxw_workbook_free (r.wb);
      goto out;
    }
  status = workbook_close (r.wb);
  if (!cg_report_check_lxw (status, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (r.raw_stream != NULL && !cg_raw_stream_splice (r.raw_stream, temp_path, error)) ||
      !replace_file (temp_path, path, error))
    goto out;
  if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  ok = TRUE;

out:
  if (!ok && temp_path != NULL)
    g_unlink (temp_path);
  if (old_cache != 0)
    set_cache_size (store, old_cache);
  report_clear (&r);
  return ok ? g_steal_pointer (&info) : NULL;
}
