/* test-window.c — the real main window under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cg-application.h"
#include "cg-compliance-page.h"
#include "cg-connect-page.h"
#include "cg-cost-page.h"
#include "cg-export-dialog.h"
#include "cg-import-dialog.h"
#include "cg-overview-page.h"
#include "cg-preferences-window.h"
#include "cg-test-util.h"
#include "cg-ui-test-util.h"
#include "cg-window.h"


static const char *const page_names[] = {
  "overview", "connect", "satisfaction", "cost", "compliance", "data",
};

typedef CgUiFixture Fixture;







/* @key is a literal of the tests: no quoting needed. */
static char *
raw_setting (const char *path,
             const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM settings WHERE key = '%s'", key);

  return cg_test_sql_text (path, sql);
}

static gint64
raw_calls (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM calls", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Empty database: every page is reachable and shows its empty state. */
static void
test_pages_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_nonnull (cg_window_get_store (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      cg_window_set_visible_page (f->window, page_names[i]);
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpstr (cg_window_get_visible_page (f->window), ==, page_names[i]);
      g_assert_false (cg_window_page_has_data (f->window, page_names[i]));
    }
}

/* The "Load demo data" action fills the database in the background. */
static void
test_load_demo (Fixture       *f,
                gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_true (cg_window_is_busy (f->window));
  cg_ui_iterate_until (cg_ui_window_idle, f, 110);

  g_assert_cmpint (raw_calls (f->db), >, 50000);
  g_assert_true (cg_window_page_has_data (f->window, "overview"));
  g_assert_true (cg_window_page_has_data (f->window, "data"));
  g_assert_true (cg_window_page_has_data (f->window, "connect"));
  /* The demo brings its cost-benefit scenario. */
  g_assert_true (cg_window_page_has_data (f->window, "cost"));
  g_assert_true (cg_window_page_has_data (f->window, "compliance"));
  /* The do-not-call list as the rows hold it (the page shows up to 500). */
  g_assert_cmpuint (g_list_model_get_n_items (cg_table_get_model (cg_compliance_page_get_dnc (
                      CG_COMPLIANCE_PAGE (cg_window_get_page (f->window, "compliance"))))), ==,
                    (guint) MIN (500, cg_test_sql_int (f->db, "SELECT count(*) FROM dnc")));
  g_assert_cmpint (cg_test_sql_int (f->db, "SELECT count(*) FROM dnc"), >, 0);
  /* The demo brings survey results too. */
  g_assert_true (cg_window_page_has_data (f->window, "satisfaction"));
}

static CgImportDialog *the_dialog;

static gboolean
dialog_finished (Fixture *f)
{
  return g_strcmp0 (cg_import_dialog_get_state (the_dialog), "result") == 0;
}

/* Import of a small file through the dialog, end to end: the rows land in
 * the database and the pages refresh. */
static void
test_import_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "log.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  const char text[] =
    "呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号,线路\n"
    "2026-09-01 10:00:05,13800138000,95,已接通,A01,L01\n"
    "2026-09-01 10:03:00,13900139000,0,无人接听,A01,L01\n"
    "2026-09-01 10:05:00,13700137000,0,空号,A02,L02\n";

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  g_assert_false (cg_window_page_has_data (f->window, "data"));

  the_dialog = cg_import_dialog_present (f->window, file);
  g_assert_cmpstr (cg_import_dialog_get_state (the_dialog), ==, "setup");
  g_assert_true (cg_import_dialog_can_import (the_dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_dialog), "import.start", NULL));
  cg_ui_iterate_until (dialog_finished, f, 30);
  /* The pages refresh in the background. */
  cg_ui_iterate_until (cg_ui_window_idle, f, 30);

  g_assert_cmpint (cg_import_dialog_get_imported (the_dialog), ==, 3);
  g_assert_cmpint (raw_calls (f->db), ==, 3);
  g_assert_true (cg_window_page_has_data (f->window, "data"));
  g_assert_true (cg_window_page_has_data (f->window, "overview"));
  gtk_window_close (GTK_WINDOW (the_dialog));
  the_dialog = NULL;
}

/* A file that is not a call log: the dialog says why and offers no Import. */
static void
test_import_dialog_refuses (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "notes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  CgImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv, "名字,备注\n张三,你好\n", -1, NULL));
  dialog = cg_import_dialog_present (f->window, file);
  g_assert_cmpstr (cg_import_dialog_get_state (dialog), ==, "setup");
  g_assert_false (cg_import_dialog_can_import (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL) &&
                  g_strcmp0 (cg_import_dialog_get_state (dialog), "setup") != 0);
  g_assert_cmpint (raw_calls (f->db), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
}


static void
load_demo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_true (cg_window_is_busy (f->window));
  cg_ui_iterate_until (cg_ui_window_idle, f, 300);
}

static guint
n_rows (CgTable *table)
{
  return g_list_model_get_n_items (cg_table_get_model (table));
}

static gint64
sum_calls (CgTable *table)
{
  GListModel *model = cg_table_get_model (table);
  gint64 sum = 0;

  /* Column 1 of the connect table holds the calls. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CgTableRow) row = g_list_model_get_item (model, i);
      sum += (gint64) cg_table_row_get_value (row, 1);
    }
  return sum;
}

static void check_ab_panel (Fixture *f);

/* The demo data on every page; the filter bar's period and granularity
 * change what the tables hold, checked against the raw rows. */
static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  CgViewFilter *filter = cg_window_get_filter (f->window);
  CgOverviewPage *overview = CG_OVERVIEW_PAGE (cg_window_get_page (f->window, "overview"));
  CgConnectPage *connect = CG_CONNECT_PAGE (cg_window_get_page (f->window, "connect"));
  CgTable *trend = cg_overview_page_get_trend (overview);
  gint64 calls, last_ts, months, month_calls;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) month_start = NULL;
  g_autofree char *sql = NULL;
  guint by_month;

  load_demo (f);
  calls = raw_calls (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      cg_window_set_visible_page (f->window, page_names[i]);
      cg_ui_iterate_until (cg_ui_window_idle, f, 60);
      g_assert_cmpstr (cg_window_get_visible_page (f->window), ==, page_names[i]);
      g_assert_true (cg_window_page_has_data (f->window, page_names[i]));
    }

  /* All time, by month: one row per month of the business time zone. */
  months = cg_test_sql_int (f->db, "SELECT count(DISTINCT strftime('%Y-%m', start_ts + 8 * 3600, 'unixepoch')) FROM calls");
  by_month = n_rows (trend);
  g_assert_cmpint (by_month, ==, months);
  g_assert_cmpint (sum_calls (trend), ==, calls);
  g_assert_cmpint (sum_calls (cg_connect_page_get_table (connect, CG_DIM_LINE)), ==, calls);

  /* By week: more rows, ISO week keys, the same calls. */
  cg_view_filter_set_granularity (filter, CG_DIM_WEEK);
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  g_assert_cmpuint (n_rows (trend), >, by_month);
  g_assert_cmpint (sum_calls (trend), ==, calls);
  {
    g_autoptr(CgTableRow) first = g_list_model_get_item (cg_table_get_model (trend), 0);
    g_assert_true (g_regex_match_simple ("^\\d{4}-W\\d{2}$", cg_table_row_get_id (first), 0, 0));
  }

  /* This month, with "today" the day of the last call: one month row,
   * holding the calls from that month's first day on. */
  last_ts = cg_test_sql_int (f->db, "SELECT max(start_ts) FROM calls");
  last = g_date_time_new_from_unix_utc (last_ts);
  last = g_date_time_to_timezone (g_steal_pointer (&last), tz);
  cg_view_filter_set_today (filter, last);
  cg_view_filter_set_granularity (filter, CG_DIM_MONTH);
  cg_view_filter_set_preset (filter, "this-month");
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  month_start = g_date_time_new (tz, g_date_time_get_year (last), g_date_time_get_month (last), 1, 0, 0, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM calls WHERE start_ts >= %" G_GINT64_FORMAT, g_date_time_to_unix (month_start));
  month_calls = cg_test_sql_int (f->db, sql);
  g_assert_cmpuint (n_rows (trend), ==, 1);
  g_assert_cmpint (sum_calls (trend), ==, month_calls);
  g_assert_cmpint (month_calls, <, calls);

  /* Double-clicking a line filters to it: the line table keeps one row. */
  cg_view_filter_set_preset (filter, "all");
  cg_view_filter_set_line (filter, "L02");
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  g_assert_cmpuint (n_rows (cg_connect_page_get_table (connect, CG_DIM_LINE)), ==, 1);
  g_assert_cmpint (sum_calls (trend), ==, cg_test_sql_int (f->db, "SELECT count(*) FROM calls WHERE line = 'L02'"));
  cg_view_filter_set_line (filter, NULL);
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);

  /* The trend chart saves as PNG, SVG and PDF. */
  {
    static const struct { const char *name; const char *magic; } files[] = {
      { "trend.png", "\x89PNG" }, { "trend.svg", "<?xml" }, { "trend.pdf", "%PDF" },
    };
    CgChartView *view = cg_overview_page_get_trend_chart (overview);

    g_assert_nonnull (cg_chart_view_get_chart (view));
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_true (cg_chart_view_save (view, file, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        g_assert_true (g_str_has_prefix (contents, files[i].magic));
      }
  }

  /* The cost page evaluated the demo scenario. */
  g_assert_false (isnan (cg_cost_page_get_npv (CG_COST_PAGE (cg_window_get_page (f->window, "cost")))));
  check_ab_panel (f);
}

/* The A/B panel on two demo lines: its verdict names the better one with
 * the rates computed here from the rows. */
static void
check_ab_panel (Fixture *f)
{
  CgConnectPage *connect = CG_CONNECT_PAGE (cg_window_get_page (f->window, "connect"));
  gint64 n1, x1, n3, x3;
  g_autofree char *r1 = NULL;
  g_autofree char *r3 = NULL;
  g_autofree char *expected = NULL;
  const char *verdict;

  n1 = cg_test_sql_int (f->db, "SELECT count(*) FROM calls WHERE line = 'L01'");
  x1 = cg_test_sql_int (f->db, "SELECT count(*) FROM calls WHERE line = 'L01' AND outcome = 1");
  n3 = cg_test_sql_int (f->db, "SELECT count(*) FROM calls WHERE line = 'L03'");
  x3 = cg_test_sql_int (f->db, "SELECT count(*) FROM calls WHERE line = 'L03' AND outcome = 1");
  /* The demo makes L01 connect clearly better than L03. */
  g_assert_cmpfloat ((double) x1 / n1 - (double) x3 / n3, >, 0.03);
  r1 = g_strdup_printf ("%.1f %%", 100.0 * x1 / n1);
  r3 = g_strdup_printf ("%.1f %%", 100.0 * x3 / n3);

  g_assert_true (cg_connect_page_compare (connect, CG_DIM_LINE, "L01", "L03"));
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  verdict = cg_connect_page_get_verdict (connect);
  expected = g_strdup_printf ("L01 connects better than L03: %s vs %s", r1, r3);
  g_assert_true (g_str_has_prefix (verdict, expected));
  g_assert_false (cg_connect_page_compare (connect, CG_DIM_LINE, "L01", "no-such-line"));
}

static void
count_changed (CgPreferencesWindow *prefs,
               guint               *changes)
{
  (*changes)++;
}

/* Retention from Preferences: the setting is checked and stored, and
 * "Delete Now" deletes older calls on a worker thread while the daily
 * sums, which every trend reads, stay as they were.  The calls come from
 * callgauge-cli while the window has the database open, as a user may do. */
static void
check_retention (Fixture             *f,
                 CgPreferencesWindow *prefs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *months = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "calls.csv", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -3);
  g_autofree char *recent_text = g_date_time_format (recent, "%Y-%m-%d 10:00:00");
  g_autofree char *text = g_strdup_printf ("呼叫ID,呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号\n"
                                           "P1,2025-01-06 10:00:00,13900000001,30,已接通,A1\n"
                                           "P2,2025-01-07 11:00:00,13900000002,0,无人接听,A1\n"
                                           "P3,%s,13900000003,45,已接通,A2\n", recent_text);
  g_autoptr(JsonNode) imported = NULL;
  gint64 summed, end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint changes = 0;

  /* Two calls long past, one of this week. */
  g_file_set_contents (csv, text, -1, &error);
  g_assert_no_error (error);
  imported = cg_test_run_cli_json ("--db", f->db, "import", "calls", csv, "--json", NULL);
  g_assert_cmpint (cg_test_sql_int (f->db, "SELECT count(*) FROM calls"), ==, 3);
  summed = cg_test_sql_int (f->db, "SELECT sum(calls) FROM agg_day");

  g_assert_false (cg_preferences_window_apply (prefs, "retention_months", "1201", &error));
  g_clear_error (&error);
  g_assert_false (cg_preferences_window_apply (prefs, "retention_months", "six", &error));
  g_clear_error (&error);
  g_assert_true (cg_preferences_window_apply (prefs, "retention_months", "2", &error));
  g_assert_no_error (error);
  months = raw_setting (f->db, "retention_months");
  g_assert_cmpstr (months, ==, "2");

  g_signal_connect (prefs, "changed", G_CALLBACK (count_changed), &changes);
  cg_preferences_window_purge (prefs);
  while (changes == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpint (cg_test_sql_int (f->db, "SELECT count(*) FROM calls"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->db, "SELECT sum(calls) FROM agg_day"), ==, summed);
}

/* Preferences store through the core, and refuse what the core refuses. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *bad = NULL;
  CgPreferencesWindow *prefs;
  GList *windows;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  windows = gtk_window_list_toplevels ();
  prefs = NULL;
  for (GList *l = windows; l != NULL; l = l->next)
    if (CG_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_list_free (windows);
  g_assert_nonnull (prefs);

  g_assert_true (cg_preferences_window_apply (prefs, "attempt_cap", "4/10", &error));
  g_assert_no_error (error);
  g_assert_true (cg_preferences_window_apply (prefs, "line_rate/L01", "0.12", &error));
  g_assert_false (cg_preferences_window_apply (prefs, "calling_hours", "mon-fri 25:00-26:00", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cg_preferences_window_apply (prefs, "time_zone", "Mars/Olympus", &error));
  g_clear_error (&error);

  cap = raw_setting (f->db, "attempt_cap");
  rate = raw_setting (f->db, "line_rate/L01");
  bad = raw_setting (f->db, "calling_hours");
  g_assert_cmpstr (cap, ==, "4/10");
  g_assert_cmpstr (rate, ==, "0.12");
  g_assert_null (bad);
  check_retention (f, prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  cg_ui_iterate_until (cg_ui_window_idle, f, 30);
}

/* Under zh_CN every page title is translated. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  static const char *const zh[] = { "概览", "接通率", "满意度", "成本效益", "合规", "数据" };
  GtkWidget *stack_widget;
  AdwViewStack *stack = NULL;

  /* Find the view stack by walking from the overview page up. */
  cg_window_set_visible_page (f->window, "overview");
  for (stack_widget = GTK_WIDGET (f->window); stack_widget != NULL; )
    {
      GtkWidget *next = gtk_widget_get_first_child (stack_widget);
      if (ADW_IS_VIEW_STACK (stack_widget))
        {
          stack = ADW_VIEW_STACK (stack_widget);
          break;
        }
      /* depth-first search */
      if (next == NULL)
        {
          while (stack_widget != NULL && gtk_widget_get_next_sibling (stack_widget) == NULL)
            stack_widget = gtk_widget_get_parent (stack_widget);
          if (stack_widget != NULL)
            stack_widget = gtk_widget_get_next_sibling (stack_widget);
        }
      else
        stack_widget = next;
    }
  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, page_names[i]);
      AdwViewStackPage *page = adw_view_stack_get_page (stack, child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, zh[i]);
    }
}

/* Quit closes the window cleanly. */
static void
test_quit (Fixture       *f,
           gconstpointer  data)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  cg_ui_iterate_until (cg_ui_no_windows, f, 20);
}

/* ---- overview findings, incidents, forecast and export ------------------------ */

/* The CLI's JSON for @args (NULL-terminated, after --db), parsed. */
static JsonNode *
cli_json (Fixture           *f,
          const char *const *args)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (cli == NULL)
    return NULL;
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return json_from_string (out, &error);
}

static gboolean
overview_findings_filled (Fixture *f)
{
  CgOverviewPage *overview = CG_OVERVIEW_PAGE (cg_window_get_page (f->window, "overview"));
  guint n = 0;

  cg_overview_page_get_findings (overview, &n);
  return n > 0 || !cg_window_is_busy (f->window);
}

/* The overview opens with the period's findings, ranked as the CLI ranks
 * them, and the connect-rate forecast with its band. */
static void
test_overview_findings (Fixture       *f,
                        gconstpointer  data)
{
  CgOverviewPage *overview = CG_OVERVIEW_PAGE (cg_window_get_page (f->window, "overview"));
  g_autoptr(JsonNode) findings = NULL;
  g_autoptr(JsonNode) forecast = NULL;
  g_autofree char *expected = NULL;
  GtkListBox *list;
  GtkWidget *first;
  guint n = 0, with_band = 0, band_column = 0;
  JsonArray *entries;
  g_autoptr(GPtrArray) rows = NULL;
  const char *const *header;

  load_demo (f);
  cg_window_set_visible_page (f->window, "overview");
  cg_ui_iterate_until (overview_findings_filled, f, 300);
  cg_ui_iterate_until (cg_ui_window_idle, f, 300);
  list = cg_overview_page_get_findings (overview, &n);
  g_assert_cmpuint (n, >, 0);

  findings = cli_json (f, (const char *const[]) { "findings", "--json", NULL });
  if (findings == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI not set");
      return;
    }
  entries = json_object_get_array_member (json_node_get_object (findings), "findings");
  g_assert_cmpuint (n, ==, MIN (json_array_get_length (entries), 5));
  expected = g_markup_escape_text (json_object_get_string_member (json_array_get_object_element (entries, 0), "text"), -1);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (ADW_IS_PREFERENCES_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, expected);

  /* The forecast: a band column, filled for the forecast months and the
   * last actual month it starts from. */
  forecast = cli_json (f, (const char *const[]) { "forecast", "--metric", "connect_rate", "--horizon", "6", "--json", NULL });
  rows = cg_chart_to_rows (cg_chart_view_get_chart (cg_overview_page_get_forecast_chart (overview)), FALSE);
  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_has_suffix (header[i], "(lower)"))
      band_column = i;
  g_assert_cmpuint (band_column, >, 0);
  for (guint r = 1; r < rows->len; r++)
    {
      const char *const *row = g_ptr_array_index (rows, r);
      if (row[band_column] != NULL && row[band_column][0] != '\0')
        with_band++;
    }
  g_assert_cmpuint (with_band, ==,
                    json_array_get_length (json_object_get_array_member (json_node_get_object (forecast), "forecast")) + 1);
}

static gboolean
connect_incidents_filled (Fixture *f)
{
  return !cg_window_is_busy (f->window);
}

/* The Connect page lists the period's incidents as the CLI finds them. */
static void
test_connect_incidents (Fixture       *f,
                        gconstpointer  data)
{
  CgConnectPage *connect = CG_CONNECT_PAGE (cg_window_get_page (f->window, "connect"));
  g_autoptr(JsonNode) incidents = NULL;
  JsonArray *list;

  load_demo (f);
  cg_window_set_visible_page (f->window, "connect");
  cg_ui_iterate_until (connect_incidents_filled, f, 300);
  incidents = cli_json (f, (const char *const[]) { "incidents", "--json", NULL });
  if (incidents == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI not set");
      return;
    }
  list = json_object_get_array_member (json_node_get_object (incidents), "incidents");
  g_assert_cmpuint (json_array_get_length (list), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cg_table_get_model (cg_connect_page_get_incidents (connect))), ==,
                    json_array_get_length (list));
  g_assert_cmpuint (g_list_model_get_n_items (cg_table_get_model (cg_connect_page_get_call_quality (connect))), ==,
                    (guint) cg_test_sql_int (f->db, "SELECT count(DISTINCT coalesce(line, '')) FROM calls"));
}

static CgExportDialog *the_export;

static gboolean
export_finished (Fixture *f)
{
  return cg_export_dialog_get_info (the_export) != NULL || cg_export_dialog_get_error (the_export) != NULL;
}

/* The export dialog's path writes an .xlsx: a zip holding xl/workbook.xml. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean found = FALSE;

  load_demo (f);
  the_export = cg_export_dialog_new (GTK_WINDOW (f->window), cg_window_get_store (f->window),
                                     cg_window_get_filter (f->window));
  gtk_window_present (GTK_WINDOW (the_export));
  cg_export_dialog_export_to (the_export, path);
  cg_ui_iterate_until (export_finished, f, 300);
  g_assert_null (cg_export_dialog_get_error (the_export));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  /* Zip entry names are stored uncompressed; the data has NUL bytes, so
   * no string search. */
  for (gsize i = 0; i + 15 <= length && !found; i++)
    found = memcmp (contents + i, "xl/workbook.xml", 15) == 0;
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (the_export));
  the_export = NULL;
}

int
main (int   argc,
      char *argv[])
{
  gboolean chinese = g_strcmp0 (g_getenv ("CG_TEST_CHINESE"), "1") == 0;
  int status;

  if (chinese)
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      setlocale (LC_ALL, "zh_CN.UTF-8");
    }
  else
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CALLGAUGE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  cg_ui_test_app = cg_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (cg_ui_test_app), NULL, NULL));

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, cg_ui_fixture_set_up, func, cg_ui_fixture_tear_down)
  if (chinese)
    ADD ("chinese", test_chinese);
  else
    {
      ADD ("pages-empty", test_pages_empty);
      ADD ("load-demo", test_load_demo);
      ADD ("import-dialog", test_import_dialog);
      ADD ("import-dialog-refuses", test_import_dialog_refuses);
      ADD ("dashboard", test_dashboard);
      ADD ("preferences", test_preferences);
      ADD ("quit", test_quit);
      ADD ("overview-findings", test_overview_findings);
      ADD ("connect-incidents", test_connect_incidents);
      ADD ("export-dialog", test_export_dialog);
    }
#undef ADD
  status = g_test_run ();
  g_clear_object (&cg_ui_test_app);
  return status;
}
