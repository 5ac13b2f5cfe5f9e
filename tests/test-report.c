/* test-report.c — the Excel report, read back by independent readers: the
 * project's XLSX reader for cell values, and libzip + libxml2 here for
 * sheet names, formulas and the raw split.  Expected figures come from
 * callgauge-cli's JSON (another code path) or from rows made by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "cg-demo.h"
#include "cg-reader.h"
#include "cg-scenario-store.h"
#include "cg-report.h"
#include "cg-test-util.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

typedef CgTestStore Fixture;

static void
load_demo (Fixture *f,
           guint    months)
{
  g_autoptr(GError) error = NULL;
  GDate end;
  CgDemoOptions options = { .seed = 11, .months = months, .end_date = &end };

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, G_DATE_SEPTEMBER, 2026);
  g_assert_cmpint (cg_demo_generate (f->store, &options, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- callgauge-cli ---- */

/* ---- the workbook through libzip and libxml2 ---- */

static char *
zip_part (const char *path,
          const char *part)
{
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);
  zip_stat_t st;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (zip);
  if (zip_stat (zip, part, 0, &st) != 0)
    {
      zip_close (zip);
      return NULL;
    }
  data = g_malloc (st.size + 1);
  file = zip_fopen (zip, part, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  data[st.size] = '\0';
  zip_fclose (file);
  zip_close (zip);
  return data;
}

/* Strings of the nodes @xpath selects in @xml (namespace prefix "m"). */
static GStrv
xpath_strings (const char *xml,
               const char *xpath)
{
  xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), "part.xml", NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  xmlXPathRegisterNs (ctx, BAD_CAST "m", BAD_CAST NS_MAIN);
  result = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *s = xmlNodeGetContent (result->nodesetval->nodeTab[i]);
      g_strv_builder_add (out, (const char *) s);
      xmlFree (s);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return g_strv_builder_end (out);
}

static GStrv
sheet_names (const char *path)
{
  g_autofree char *workbook = zip_part (path, "xl/workbook.xml");

  g_assert_nonnull (workbook);
  return xpath_strings (workbook, "/m:workbook/m:sheets/m:sheet/@name");
}

/* The part name of sheet @name, through the workbook's relationships. */
static char *
sheet_part (const char *path,
            const char *name)
{
  g_autofree char *workbook = zip_part (path, "xl/workbook.xml");
  g_autofree char *rels = zip_part (path, "xl/_rels/workbook.xml.rels");
  g_autofree char *q = g_strdup_printf ("/m:workbook/m:sheets/m:sheet[@name='%s']/@*[local-name()='id']", name);
  g_auto(GStrv) id = xpath_strings (workbook, q);
  g_autofree char *q2 = NULL;
  g_auto(GStrv) target = NULL;

  g_assert_cmpuint (g_strv_length (id), ==, 1);
  q2 = g_strdup_printf ("/*/*[@Id='%s']/@Target", id[0]);
  target = xpath_strings (rels, q2);
  g_assert_cmpuint (g_strv_length (target), ==, 1);
  return g_str_has_prefix (target[0], "/") ? g_strdup (target[0] + 1) : g_strconcat ("xl/", target[0], NULL);
}

static char *
sheet_xml (const char *path,
           const char *name)
{
  g_autofree char *part = sheet_part (path, name);

  return zip_part (path, part);
}

/* Streams sheet @name (it may be far larger than memory should hold):
 * its <row> elements, the first bytes, and the last call id ("C…") seen. */
static void
scan_sheet (const char *path,
            const char *name,
            gint64     *rows,
            char      **head,
            char      **last_uid)
{
  g_autofree char *part = sheet_part (path, name);
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);
  zip_file_t *file = zip_fopen (zip, part, 0);
  enum { KEEP = 32, CHUNK = 1 << 20 };
  g_autofree char *buf = g_malloc (KEEP + CHUNK + 1);
  gsize kept = 0;
  zip_int64_t n;

  g_assert_nonnull (file);
  *rows = 0;
  *head = NULL;
  *last_uid = NULL;
  while ((n = zip_fread (file, buf + kept, CHUNK)) > 0)
    {
      gsize len = kept + n;
      const char *p = buf;

      buf[len] = '\0';
      if (*head == NULL)
        *head = g_strndup (buf, MIN (len, 1024));
      /* A match wholly inside the kept tail was counted last round. */
      /* With lengths: ASan's strstr measures the whole haystack each call. */
      while ((p = g_strstr_len (p, len - (p - buf), "<row ")) != NULL)
        {
          if ((gsize) (p - buf) + 5 > kept)
            (*rows)++;
          p += 5;
        }
      p = g_strrstr_len (buf, len, ">C");
      if (p != NULL && strchr (p + 1, '<') != NULL)
        {
          g_free (*last_uid);
          *last_uid = g_strndup (p + 1, strcspn (p + 1, "<"));
        }
      kept = MIN (len, (gsize) KEEP);
      memmove (buf, buf + len - kept, kept);
    }
  zip_fclose (file);
  zip_close (zip);
}

/* ---- cell values through cg-reader ---- */

/* The row of sheet @sheet whose first cell is @label, as texts and numbers. */
static gboolean
find_row (const char *path,
          const char *sheet,
          const char *label,
          GStrv      *texts,
          double     *numbers,
          guint       n_numbers)
{
  g_autoptr(GError) error = NULL;
  CgReaderOptions options = { .format = CG_FILE_FORMAT_XLSX, .sheet = sheet };
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);
  const CgCell *cells;
  guint n;

  g_assert_no_error (error);
  while (cg_reader_next (reader, &cells, &n, &error))
    {
      g_autoptr(GStrvBuilder) b = NULL;

      if (n == 0 || g_strcmp0 (cells[0].text, label) != 0)
        continue;
      b = g_strv_builder_new ();
      for (guint i = 0; i < n; i++)
        {
          g_strv_builder_add (b, cells[i].text);
          if (i < n_numbers)
            numbers[i] = cells[i].type == CG_CELL_NUMBER ? cells[i].number : NAN;
        }
      if (texts != NULL)
        *texts = g_strv_builder_end (b);
      return TRUE;
    }
  g_assert_no_error (error);
  return FALSE;
}

static gboolean
sheet_has_text (const char *path,
                const char *sheet,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  CgReaderOptions options = { .format = CG_FILE_FORMAT_XLSX, .sheet = sheet };
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);
  const CgCell *cells;
  guint n;

  g_assert_no_error (error);
  while (cg_reader_next (reader, &cells, &n, &error))
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (cells[i].text, text) == 0)
        return TRUE;
  g_assert_no_error (error);
  return FALSE;
}

static double
json_double (JsonNode   *root,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) r = json_path_query (path, root, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (r)), ==, 1);
  return json_array_get_double_element (json_node_get_array (r), 0);
}

static CgReportInfo *
export (Fixture               *f,
        const char            *name,
        const CgReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  CgReportInfo *info = cg_report_export (f->store, path, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* Calls and connected calls started in [@from, @to), counted from the rows. */
static void
count_rows (const char *db_path,
            gint64      from,
            gint64      to,
            gint64     *calls,
            gint64     *connected)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), coalesce(sum(outcome = 1), 0) FROM calls"
                                           " WHERE start_ts >= ?1 AND start_ts < ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *calls = sqlite3_column_int64 (stmt, 0);
  *connected = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
shanghai (int year,
          int month,
          int day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) t = g_date_time_new (tz, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (t);
}

/* ---- tests ---- */

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) connect = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) roi = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) formulas = NULL;
  g_auto(GStrv) row = NULL;
  g_autofree char *finance = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cli.xlsx", NULL);
  const char *expected[] = { "Summary", "Connect rate", "Satisfaction", "Cost-benefit", "Compliance", NULL };
  g_autofree char *scenario = NULL;
  gint64 calls, connected;
  double v[4];
  gboolean has_npv = FALSE, has_irr = FALSE, has_sumproduct = FALSE;

  load_demo (f, 4);  /* two months and the two before them */
  g_clear_object (&f->store);
  report = cg_test_run_cli_json ("--db", f->path, "export", "report", path, "--from", "2026-08-01", "--to", "2026-09-30",
                         "--lang", "en", "--json", NULL);
  connect = cg_test_run_cli_json ("--db", f->path, "stats", "connect", "--from", "2026-08-01", "--to", "2026-09-30",
                          "--json", NULL);
  scenario = g_strdup (json_object_get_string_member (json_node_get_object (report), "scenario"));
  g_assert_nonnull (scenario);
  roi = cg_test_run_cli_json ("--db", f->path, "roi", scenario, "--json", NULL);

  names = sheet_names (path);
  g_assert_cmpstrv (names, expected);

  /* Summary: calls and connect rate as the CLI and the rows say. */
  count_rows (f->path, shanghai (2026, 8, 1), shanghai (2026, 10, 1), &calls, &connected);
  g_assert_cmpint (calls, >, 1000);
  g_assert_cmpint (json_double (connect, "$.total.calls"), ==, calls);
  g_assert_true (find_row (path, "Summary", "Calls", NULL, v, 2));
  g_assert_cmpfloat (v[1], ==, calls);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "calls"), ==, calls);
  g_assert_true (find_row (path, "Summary", "Connect rate", NULL, v, 4));
  g_assert_cmpfloat_with_epsilon (v[1], (double) connected / calls, 1e-12);
  g_assert_cmpfloat_with_epsilon (v[1], json_double (connect, "$.total.rate"), 1e-12);
  /* The previous period (June and July) is in the demo too. */
  g_assert_true (isfinite (v[2]));
  g_assert_cmpfloat_with_epsilon (v[3], v[1] - v[2], 1e-12);

  /* Satisfaction: CSAT and NPS as `stats satisfaction --json` says. */
  {
    g_autoptr(JsonNode) sat = cg_test_run_cli_json ("--db", f->path, "stats", "satisfaction", "--by", "total",
                                            "--from", "2026-08-01", "--to", "2026-09-30", "--json", NULL);
    JsonObject *all = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (sat), "rows"), 0);  /* "all" comes first */
    double csat = json_object_get_double_member (all, "csat");
    double nps = json_object_get_double_member (all, "nps");
    double s[8];

    g_assert_true (find_row (path, "Summary", "CSAT", NULL, v, 2));
    g_assert_cmpfloat_with_epsilon (v[1], csat, 1e-12);
    g_assert_cmpstr (json_object_get_string_member (all, "dimension"), ==, "all");
    g_assert_true (find_row (path, "Satisfaction", "All rated questions", NULL, s, 8));
    g_assert_cmpfloat_with_epsilon (s[5], csat, 1e-12);
    g_assert_cmpfloat_with_epsilon (s[6], nps, 1e-9);
  }

  /* Cost-benefit: app values as `roi --json`, live formulas beside them. */
  g_assert_true (find_row (path, "Cost-benefit", "NPV (CNY)", NULL, v, 3));
  g_assert_cmpfloat_with_epsilon (v[2], json_double (roi, "$.npv"), 1e-6);
  g_assert_cmpfloat_with_epsilon (v[1], json_double (roi, "$.npv"), 1e-6);  /* the formula's cached result */
  g_assert_true (find_row (path, "Cost-benefit", "Payback (months)", NULL, v, 3));
  g_assert_cmpfloat_with_epsilon (v[2], json_double (roi, "$.payback_months"), 1e-9);
  g_assert_true (find_row (path, "Cost-benefit", "36", &row, NULL, 0));

  /* The cash flows as CSV: one line per month of `roi --json`, same nets. */
  {
    g_autofree char *csv_path = g_build_filename (f->dir, "cashflow.csv", NULL);
    g_autofree char *csv = NULL;
    g_autoptr(JsonNode) done = cg_test_run_cli_json ("--db", f->path, "export", "csv", "cashflow", csv_path,
                                             "--scenario", scenario, "--json", NULL);
    JsonArray *months = json_object_get_array_member (json_node_get_object (roi), "cashflows");
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (done), "rows"), ==,
                     json_array_get_length (months));
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    lines = g_strsplit (csv, "\r\n", -1);
    g_assert_true (g_str_has_suffix (lines[0], "month,date,investment,cost,benefit,net,cumulative,"
                                               "discount_factor,discounted,discounted_cumulative"));
    for (guint i = 0; i < json_array_get_length (months); i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i + 1], ",", -1);
        JsonObject *m = json_array_get_object_element (months, i);

        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fields[5], NULL),
                                        json_object_get_double_member (m, "net"), 1e-6);
      }
  }

  finance = sheet_xml (path, "Cost-benefit");
  formulas = xpath_strings (finance, "//m:c/m:f");
  for (guint i = 0; formulas[i] != NULL; i++)
    {
      has_npv |= g_str_has_prefix (formulas[i], "F") && strstr (formulas[i], "+NPV($B$") != NULL;
      has_irr |= strstr (formulas[i], "IRR(") != NULL;
      has_sumproduct |= g_str_has_prefix (formulas[i], "SUMPRODUCT(");
    }
  g_assert_true (has_npv);
  g_assert_true (has_irr);
  g_assert_true (has_sumproduct);
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  CgReportOptions options = { .language = CG_REPORT_LANGUAGE_ZH_CN };
  g_autoptr(CgReportInfo) info = NULL;
  g_autofree char *path = g_build_filename (f->dir, "zh.xlsx", NULL);
  g_auto(GStrv) names = NULL;
  const char *expected[] = { "摘要", "接通率", "满意度", "成本收益", "合规", NULL };

  load_demo (f, 1);
  info = export (f, "zh.xlsx", &options);
  names = sheet_names (path);
  g_assert_cmpstrv (names, expected);
  g_assert_true (sheet_has_text (path, "摘要", "主要发现"));
  /* The demo has surveys: figures by dimension and the reliability. */
  g_assert_true (sheet_has_text (path, "满意度", "按维度"));
  g_assert_true (sheet_has_text (path, "满意度", "全部评分题"));
  g_assert_true (sheet_has_text (path, "满意度", "问卷信度（克隆巴赫 α 系数）"));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  CgReportOptions options = { .language = CG_REPORT_LANGUAGE_EN, .raw = TRUE };
  g_autoptr(CgReportInfo) info = export (f, "empty.xlsx", &options);
  g_autofree char *path = g_build_filename (f->dir, "empty.xlsx", NULL);
  g_auto(GStrv) names = sheet_names (path);
  const char *expected[] = { "Summary", "Connect rate", "Satisfaction", "Cost-benefit", "Compliance", "Raw calls", NULL };

  g_assert_cmpstrv (names, expected);
  g_assert_true (sheet_has_text (path, "Summary", "There is no call data in this period."));
  g_assert_true (sheet_has_text (path, "Raw calls", "No calls in this period."));
  g_assert_true (sheet_has_text (path, "Satisfaction", "No survey data in this period."));
  g_assert_cmpint (info->raw_rows, ==, 0);
}

static void
test_injection (Fixture       *f,
                gconstpointer  data)
{
  static const char *const evil[] = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(1)" };
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "calls.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "evil.xlsx", NULL);
  g_autofree char *out = g_build_filename (f->dir, "lines.csv", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GString) text = g_string_new ("呼叫ID,呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号,坐席姓名,线路,号码来源\n");
  g_auto(GStrv) formulas = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
    {
      g_auto(GStrv) parts = g_strsplit (evil[i], "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      g_string_append_printf (text, "C%u,2026-09-0%u 10:00:00,1380013800%u,30,已接通,A%u,\"%s\",\"%s\",\"%s\"\n",
                              i, i + 1, i, i, escaped, escaped, escaped);
    }
  g_file_set_contents (csv, text->str, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  result = cg_test_run_cli_json ("--db", f->path, "import", "calls", csv, "--json", NULL);
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "export", "report", xlsx, "--raw", "--lang", "en", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "raw_rows"), ==, 4);

  raw = sheet_xml (xlsx, "Raw calls");
  formulas = xpath_strings (raw, "//m:f");
  g_assert_cmpuint (g_strv_length (formulas), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (evil); i++)
    g_assert_true (sheet_has_text (xlsx, "Raw calls", evil[i]));

  /* CSV: the same texts with an apostrophe in front. */
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "export", "csv", "connect", out, "--by", "line", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "rows"), ==, 4);
  g_file_get_contents (out, &exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, "\xEF\xBB\xBFkey,calls,"));
  g_assert_nonnull (strstr (exported, "\r\n'+1+1,1,1,1,"));
  g_assert_nonnull (strstr (exported, "\r\n'@SUM(1),"));
  g_assert_nonnull (strstr (exported, "\r\n\"'=HYPERLINK(\"\"http://x\"\")\",1,"));
}

/* Row @row (0: the header) of sheet @name, as the project's XLSX reader
 * gives it: texts, and numbers as "%.10g". */
static GStrv
sheet_row (const char *path,
           const char *name,
           guint       row)
{
  g_autoptr(GError) error = NULL;
  CgReaderOptions options = { .format = CG_FILE_FORMAT_XLSX, .sheet = name };
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  const CgCell *cells;
  guint n;

  g_assert_no_error (error);
  for (guint r = 0; r <= row; r++)
    {
      g_assert_true (cg_reader_next (reader, &cells, &n, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n; i++)
    if (cells[i].type == CG_CELL_NUMBER)
      {
        g_autofree char *number = g_strdup_printf ("%.10g", cells[i].number);
        g_strv_builder_add (out, number);
      }
    else
      g_strv_builder_add (out, cells[i].text != NULL ? cells[i].text : "");
  return g_strv_builder_end (out);
}

/* Every column of the raw calls sheet holds the field its header names,
 * and text that XML or Excel would read differently comes back as it was
 * imported. */
static void
test_raw_values (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "calls.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "raw.xlsx", NULL);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "呼叫ID,呼叫时间,被叫号码,通话时长(秒),振铃时长,呼叫结果,坐席工号,坐席姓名,线路,号码来源,活动,客户分组,意向,成交金额\n"
    "R1,2026-09-01 10:00:30,13912345678,75,12,已接通,A7,\"  王 & 李 \",L<2>,名单_x0041_,秋季,VIP,成交,1234.5\n"
    "R2,2026-09-01 23:59:59,13912345679,0,,无人接听,A8,赵,L1,名单B,,,,\n";
  const char *expected_r1[] = {
    NULL, "R1", "139****5678", "connected", "已接通", "75", "12", "A7", "  王 & 李 ", "L<2>",
    "名单_x0041_", "秋季", "VIP", "sale", "1234.5",
  };
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) r1 = NULL;
  g_auto(GStrv) r2 = NULL;
  g_file_set_contents (csv, text, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  result = cg_test_run_cli_json ("--db", f->path, "import", "calls", csv, "--json", NULL);
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "export", "report", xlsx, "--raw", "--lang", "en", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "raw_rows"), ==, 2);

  header = sheet_row (xlsx, "Raw calls", 0);
  g_assert_cmpuint (g_strv_length (header), ==, 15);
  g_assert_cmpstr (header[12], ==, "Segment");
  g_assert_cmpstr (header[14], ==, "Sale (CNY)");
  r1 = sheet_row (xlsx, "Raw calls", 1);
  g_assert_cmpuint (g_strv_length (r1), ==, G_N_ELEMENTS (expected_r1));
  for (guint i = 1; i < G_N_ELEMENTS (expected_r1); i++)
    g_assert_cmpstr (r1[i], ==, expected_r1[i]);
  /* The reader shows a date-time cell as its text: the serial day and
   * second survived, in the business time zone as imported. */
  g_assert_cmpstr (r1[0], ==, "2026-09-01 10:00:30");
  /* Empty fields are empty cells; the second's time just before midnight. */
  r2 = sheet_row (xlsx, "Raw calls", 2);
  g_assert_cmpstr (r2[1], ==, "R2");
  g_assert_cmpuint (g_strv_length (r2), ==, 11);  /* nothing after the list */
  g_assert_cmpstr (r2[6], ==, "");
  g_assert_cmpstr (r2[10], ==, "名单B");
  g_assert_cmpstr (r2[0], ==, "2026-09-01 23:59:59");
}

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "calls.csv", NULL);
  g_autofree char *masked = g_build_filename (f->dir, "masked.xlsx", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full.xlsx", NULL);
  g_autoptr(JsonNode) result = NULL;
  const char *text = "呼叫ID,呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号\n"
                     "N1,2026-09-01 10:00:00,13912345678,30,已接通,A1\n";

  g_file_set_contents (csv, text, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "import", "calls", csv, "--json", NULL);

  /* Masked by default, and the workbook says so. */
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "export", "report", masked, "--raw", "--lang", "en", "--json", NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (result), "full_numbers"));
  g_assert_true (sheet_has_text (masked, "Raw calls", "Number (masked)"));
  g_assert_true (sheet_has_text (masked, "Summary", "masked"));
  g_assert_false (sheet_has_text (masked, "Raw calls", "13912345678"));

  /* Kept in full only when the setting is on (then for new imports). */
  f->store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cg_store_set_keep_full_numbers (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_file_set_contents (csv, "呼叫ID,呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号\n"
                            "N2,2026-09-02 10:00:00,13812345679,0,无人接听,A1\n", -1, &error);
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "import", "calls", csv, "--json", NULL);
  g_clear_pointer (&result, json_node_unref);
  result = cg_test_run_cli_json ("--db", f->path, "export", "report", full, "--raw", "--lang", "en", "--json", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (result), "full_numbers"));
  g_assert_true (sheet_has_text (full, "Raw calls", "Number"));
  g_assert_true (sheet_has_text (full, "Raw calls", "13812345679"));
  g_assert_false (sheet_has_text (full, "Raw calls", "13912345678"));
}

static void
on_progress (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_nonnull (stage);
  g_assert_cmpfloat (fraction, >=, last[0]);
  last[0] = fraction;
  last[1]++;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_and_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CgReportInfo) info = NULL;
  g_autofree char *path = g_build_filename (f->dir, "async.xlsx", NULL);
  g_autofree char *stale = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  CgReportOptions options = { .language = CG_REPORT_LANGUAGE_EN };
  double progress[2] = { 0, 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint files = 0;

  load_demo (f, 1);
  cg_report_export_async (f->store, path, &options, NULL, on_progress, progress, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = cg_report_export_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->calls, >, 1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Pending progress calls run before the result does. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (progress[0], ==, 1.0);
  g_assert_cmpfloat (progress[1], >, 5);

  /* Cancelled: an error, and neither the file nor a temporary one. */
  options.raw = TRUE;
  g_cancellable_cancel (cancellable);
  g_clear_pointer (&info, cg_report_info_free);
  info = cg_report_export (f->store, stale, &options, cancellable, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".part"));
      files++;
    }
  g_assert_cmpuint (files, >=, 2);
}

/* Raw rows straight into the calls table: the report reads them there. */
static void
fill_calls (const char *db_path,
            gint64      n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)"
    " INSERT INTO calls (batch_id, natural_key, call_uid, start_ts, talk_s, outcome, agent_id, line, phone_masked)"
    " SELECT 1, i, 'C' || i, 1788200000 + i, i % 300, 1 + i % 3, 'A' || (i % 12), 'L01', '138****' || substr('0000' || (i % 10000), -4)"
    " FROM n", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, n);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  const gint64 n = 1048577;
  CgReportOptions options = { .language = CG_REPORT_LANGUAGE_EN, .raw = TRUE };
  g_autoptr(CgReportInfo) info = NULL;
  g_autofree char *path = g_build_filename (f->dir, "big.xlsx", NULL);
  g_auto(GStrv) names = NULL;
  g_autofree char *head = NULL;
  g_autofree char *last_uid = NULL;
  gint64 rows;

  if (!g_test_slow ())
    {
      g_test_skip ("a million rows: run with -m slow (the report-split test)");
      return;
    }
  g_clear_object (&f->store);
  fill_calls (f->path, n);
  f->store = cg_store_open (f->path, NULL);
  info = export (f, "big.xlsx", &options);
  g_assert_cmpint (info->raw_rows, ==, n);
  g_assert_cmpuint (info->raw_sheets, ==, 2);

  names = sheet_names (path);
  g_assert_cmpuint (g_strv_length (names), ==, 7);
  g_assert_cmpstr (names[5], ==, "Raw calls");
  g_assert_cmpstr (names[6], ==, "Raw calls 2");
  /* The second sheet: the header and the last two calls. */
  scan_sheet (path, "Raw calls 2", &rows, &head, &last_uid);
  g_assert_cmpint (rows, ==, 3);
  g_assert_cmpstr (last_uid, ==, "C1048577");
  g_clear_pointer (&head, g_free);
  g_clear_pointer (&last_uid, g_free);
  /* The first is full: 1,048,576 rows, the last one call 1,048,575. */
  scan_sheet (path, "Raw calls", &rows, &head, &last_uid);
  g_assert_cmpint (rows, ==, 1048576);
  g_assert_nonnull (strstr (head, "<dimension ref=\"A1:O1048576\"/>"));
  g_assert_cmpstr (last_uid, ==, "C1048575");
}

/* The formula results LibreOffice computed equal the app's values, and the
 * payback crossing (cached as empty text) was computed. */
static void
check_recalculated (const char *dir)
{
  g_autofree char *csv_path = g_build_filename (dir, "pdf-成本收益.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  const char *labels[] = { "净现值（元）", "投资回报率", "回收期（月）" };
  guint checked = 0, crossings = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        if (g_strv_length (fields) >= 3 && g_str_equal (fields[0], labels[l]))
          {
            double formula = g_ascii_strtod (fields[1], NULL), app = g_ascii_strtod (fields[2], NULL);

            g_assert_cmpfloat_with_epsilon (formula, app, 1e-6 * MAX (1, fabs (app)));
            if (l == 1)
              g_assert_cmpfloat_with_epsilon (formula, 80.0, 1e-9);  /* "80%" */
            if (l == 2)
              g_assert_cmpfloat_with_epsilon (formula, 13 + 3000.0 / 9000, 1e-9);
            checked++;
          }
      /* Column K of the cash-flow rows (month, date "YYYY-MM", …). */
      if (g_strv_length (fields) >= 11 && g_ascii_isdigit (fields[0][0]) && strlen (fields[1]) == 7 &&
          fields[1][4] == '-' && fields[10][0] != '\0')
        crossings++;
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (labels));
  g_assert_cmpuint (crossings, >=, 1);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = g_build_filename (f->dir, "pdf.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "pdf.pdf", NULL);
  g_autofree char *profile = g_build_filename (f->dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *head = NULL;
  g_autoptr(CgReportInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CgReportOptions options = { .language = CG_REPORT_LANGUAGE_ZH_CN };
  g_autoptr(CgScenario) scenario = NULL;
  const char *argv[] = { soffice, env, "--headless", "--convert-to", "pdf", "--outdir", f->dir, path, NULL };
  int status = 0;
  gsize length = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  load_demo (f, 1);
  /* By hand: the cumulative is 9,000 m − 120,000: −3,000 after month 13,
   * +6,000 after month 14, so payback = 13 + 3,000 / 9,000 months; ROI over
   * 24 months = (216,000 − 120,000) / 120,000 = 0.8. */
  scenario = cg_scenario_from_data ("{\"name\": \"By hand\", \"start\": \"2026-01\", \"horizon_months\": 24,"
                                    " \"discount_rate\": 0.1, \"items\": ["
                                    " {\"name\": \"=系统\", \"kind\": \"investment\", \"amount\": 120000, \"month\": 0},"
                                    " {\"name\": \"毛利\", \"kind\": \"benefit\", \"amount\": 9000}]}", &error);
  g_assert_no_error (error);
  g_assert_true (cg_store_save_scenario (f->store, scenario, FALSE, &error));
  g_assert_no_error (error);
  options.scenario = "By hand";
  info = export (f, "pdf.xlsx", &options);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_file_get_contents (pdf, &head, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  /* LibreOffice recalculates the formulas on load: the Cost-benefit sheet
   * (the fourth) as CSV gives their results beside the app's values. */
  argv[4] = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  check_recalculated (f->dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)
  ADD ("/report/values", test_values);
  ADD ("/report/chinese", test_chinese);
  ADD ("/report/empty", test_empty);
  ADD ("/report/injection", test_injection);
  ADD ("/report/raw-values", test_raw_values);
  ADD ("/report/numbers", test_numbers);
  ADD ("/report/async-and-cancel", test_async_and_cancel);
  ADD ("/report/pdf", test_pdf);
  ADD ("/report/split", test_split);
#undef ADD
  return g_test_run ();
}
