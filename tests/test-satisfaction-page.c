/* test-satisfaction-page.c — the Satisfaction page and the survey import
 * of the import dialog, in the real window under Xvfb.
 *
 * Expected values come from the database rows through SQLite itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-import-dialog.h"
#include "cg-satisfaction-page.h"
#include "cg-test-util.h"
#include "cg-ui-test-util.h"
#include "cg-window.h"


typedef CgUiFixture Fixture;







/* One number from the database, @text bound to ?1 when given. */
static gint64
raw_query (const char *path,
           const char *sql,
           const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Responses with an answer to a rated question (not NPS, effort or comment). */
#define RATED "q.dimension IN ('staff', 'product', 'communication', 'problem_solving', 'overall', 'other')"
#define HAS_RATED \
  "EXISTS (SELECT 1 FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id " \
  "        WHERE a.response_id = r.id AND a.value IS NOT NULL AND " RATED ")"
/* The response's agent, else the agent of the last connected call to its
 * number up to the response (outcome 1 = connected). */
#define AGENT_OF \
  "coalesce (r.agent_id, (SELECT c.agent_id FROM calls c WHERE c.phone_hash = r.phone_hash " \
  "  AND c.outcome = 1 AND c.start_ts <= r.submitted_ts ORDER BY c.start_ts DESC LIMIT 1))"

static gboolean
satisfaction_filled (Fixture *f)
{
  return !cg_window_is_busy (f->window) && cg_window_page_has_data (f->window, "satisfaction");
}

/* The demo data fills the page; its charts and counts match the rows. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  CgSatisfactionPage *page;
  CgViewFilter *filter = cg_window_get_filter (f->window);
  g_autofree char *agent = NULL;
  gint64 dimensions, months, responses, agent_responses;

  g_assert_false (cg_window_page_has_data (f->window, "satisfaction"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  cg_ui_iterate_until (cg_ui_window_idle, f, 200);
  cg_window_set_visible_page (f->window, "satisfaction");
  cg_ui_iterate_until (satisfaction_filled, f, 60);
  page = CG_SATISFACTION_PAGE (cg_window_get_page (f->window, "satisfaction"));

  dimensions = raw_query (f->db, "SELECT count (DISTINCT q.dimension) FROM survey_answers a "
                                 "JOIN survey_questions q ON q.id = a.question_id WHERE a.value IS NOT NULL AND " RATED, NULL);
  g_assert_cmpint (dimensions, >=, 3);
  g_assert_cmpuint (cg_chart_get_n_categories (cg_satisfaction_page_get_radar (page)), ==, dimensions);

  /* The filter bar starts at months; the demo's business time is UTC+8. */
  g_assert_cmpint (cg_view_filter_get_granularity (filter), ==, CG_DIM_MONTH);
  months = raw_query (f->db, "SELECT count (DISTINCT strftime ('%Y-%m', r.submitted_ts + 8 * 3600, 'unixepoch')) "
                             "FROM survey_responses r WHERE " HAS_RATED, NULL);
  g_assert_cmpint (months, >=, 2);
  g_assert_cmpuint (cg_chart_get_n_categories (cg_satisfaction_page_get_trend (page)), ==, months);

  responses = raw_query (f->db, "SELECT count (*) FROM survey_responses r WHERE " HAS_RATED, NULL);
  g_assert_cmpint (cg_satisfaction_page_get_responses (page), ==, responses);
  g_assert_cmpuint (g_list_model_get_n_items (cg_table_get_model (cg_satisfaction_page_get_agents (page))), >, 1);
  /* The demo brings feedback texts: the themes table fills. */
  g_assert_cmpuint (g_list_model_get_n_items (cg_table_get_model (
                      cg_feedback_section_get_table (cg_satisfaction_page_get_feedback (page)))), >, 0);

  agent = cg_test_sql_text (f->db, "SELECT agent_id FROM survey_responses WHERE agent_id IS NOT NULL "
                                   "GROUP BY agent_id ORDER BY count (*) DESC, agent_id LIMIT 1");
  g_assert_nonnull (agent);
  agent_responses = raw_query (f->db, "SELECT count (*) FROM survey_responses r WHERE " HAS_RATED
                                      " AND " AGENT_OF " = ?1", agent);
  g_assert_cmpint (agent_responses, >, 0);
  g_assert_cmpint (agent_responses, <, responses);
  cg_view_filter_set_agent (filter, agent);
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  g_assert_cmpint (cg_satisfaction_page_get_responses (page), ==, agent_responses);

  /* "Add to theme…" writes the user's term to the database. */
  g_signal_emit_by_name (cg_satisfaction_page_get_feedback (page), "add-term",
                         cg_themes_builtin_ids ()[0], "测试短语");
  cg_ui_iterate_until (cg_ui_window_idle, f, 60);
  g_assert_cmpint (raw_query (f->db, "SELECT count (*) FROM theme_terms WHERE term = '测试短语' AND removed = 0 "
                                     "AND theme = ?1", cg_themes_builtin_ids ()[0]), ==, 1);
}

static CgImportDialog *the_dialog;

static gboolean
dialog_finished (Fixture *f)
{
  return g_strcmp0 (cg_import_dialog_get_state (the_dialog), "result") == 0;
}

/* A 问卷星 export: detected as survey results, its questions shown with
 * their dimensions, and imported. */
static void
test_import_survey (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "问卷.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  const char text[] =
    "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,总分,1、您对坐席服务态度的满意度,2、您对产品质量的满意度,3、您向朋友推荐我们的可能性有多大(0-10分),4、您的其他建议\n"
    "1,2026/9/1 10:05:00,50秒,手机提交,直接访问,1.2.3.4(北京),0,5,4,9,很好\n"
    "2,2026/9/1 11:20:00,70秒,手机提交,直接访问,1.2.3.5(上海),0,3,2,4,打电话太频繁\n"
    "3,2026/9/2 09:00:00,41秒,微信,直接访问,1.2.3.6(广州),0,4,(空),7,(空)\n";
  GPtrArray *rows;

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  the_dialog = cg_import_dialog_present (f->window, file);
  g_assert_cmpstr (cg_import_dialog_get_state (the_dialog), ==, "setup");
  g_assert_cmpint (cg_import_dialog_get_kind (the_dialog), ==, CG_IMPORT_AS_SURVEYS);

  /* Four questions, each a row showing its guessed dimension. */
  rows = cg_import_dialog_get_mapping_rows (the_dialog);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, 0)), ==, CG_SURVEY_DIM_STAFF);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, 1)), ==, CG_SURVEY_DIM_PRODUCT);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, 2)), ==, CG_SURVEY_DIM_NPS);
  g_assert_cmpuint (adw_combo_row_get_selected (g_ptr_array_index (rows, 3)), ==, CG_SURVEY_DIM_COMMENT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (g_ptr_array_index (rows, 0))));

  g_assert_true (cg_import_dialog_can_import (the_dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (the_dialog), "import.start", NULL));
  cg_ui_iterate_until (dialog_finished, f, 30);
  cg_ui_iterate_until (cg_ui_window_idle, f, 30);

  g_assert_cmpint (raw_query (f->db, "SELECT count (*) FROM survey_responses", NULL), ==, 3);
  g_assert_cmpint (cg_import_dialog_get_imported (the_dialog), ==, 3);
  g_assert_cmpint (raw_query (f->db, "SELECT count (*) FROM survey_questions WHERE dimension = 'nps'", NULL), ==, 1);
  g_assert_true (cg_window_page_has_data (f->window, "satisfaction"));
  gtk_window_close (GTK_WINDOW (the_dialog));
  the_dialog = NULL;
}

/* The user can change what the dialog imports a file as. */
static void
test_import_kind_switch (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "feedback.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  CgImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv, "日期,渠道,内容\n2026-09-01,微博,服务很好\n2026-09-02,电话回访,电话太多了\n", -1, NULL));
  dialog = cg_import_dialog_present (f->window, file);
  g_assert_cmpint (cg_import_dialog_get_kind (dialog), ==, CG_IMPORT_AS_FEEDBACK);
  g_assert_true (cg_import_dialog_can_import (dialog));
  cg_import_dialog_set_kind (dialog, CG_IMPORT_AS_CALLS);
  g_assert_cmpint (cg_import_dialog_get_kind (dialog), ==, CG_IMPORT_AS_CALLS);
  g_assert_false (cg_import_dialog_can_import (dialog));
  cg_import_dialog_set_kind (dialog, CG_IMPORT_AS_FEEDBACK);
  g_assert_true (cg_import_dialog_can_import (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CALLGAUGE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  cg_ui_test_app = cg_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (cg_ui_test_app), NULL, NULL));

#define ADD(name, func) g_test_add ("/satisfaction-page/" name, Fixture, NULL, cg_ui_fixture_set_up, func, cg_ui_fixture_tear_down)
  ADD ("import-survey", test_import_survey);
  ADD ("import-kind-switch", test_import_kind_switch);
  ADD ("demo", test_demo);
#undef ADD
  status = g_test_run ();
  g_clear_object (&cg_ui_test_app);
  return status;
}
