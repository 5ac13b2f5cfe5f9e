/* test-window.c — the real main window under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-application.h"
#include "cg-import-dialog.h"
#include "cg-test-util.h"
#include "cg-window.h"

/* One application for the process: GApplication registers its id on the
 * session bus once. */
static CgApplication *the_app;

static const char *const page_names[] = {
  "overview", "connect", "satisfaction", "cost", "compliance", "data",
};

typedef struct {
  char           *dir;
  char           *db;
  CgApplication  *app;
  CgWindow       *window;
} Fixture;

static void
iterate_until (gboolean (*done) (Fixture *), Fixture *f, guint timeout_s)
{
  gint64 end = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!done (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (f));
}

static gboolean
window_mapped (Fixture *f)
{
  return f->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

static gboolean
window_idle (Fixture *f)
{
  return !cg_window_is_busy (f->window);
}

static gboolean
no_windows (Fixture *f)
{
  return gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("cg-window-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->app = g_object_ref (the_app);
  cg_application_set_db_path (f->app, f->db);
  g_application_activate (G_APPLICATION (f->app));
  f->window = CG_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_nonnull (f->window);
  iterate_until (window_mapped, f, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (gtk_application_get_windows (GTK_APPLICATION (f->app)) != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      iterate_until (no_windows, f, 20);
    }
  g_clear_object (&f->app);
  cg_test_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
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
  iterate_until (window_idle, f, 110);

  g_assert_cmpint (raw_calls (f->db), >, 50000);
  g_assert_true (cg_window_page_has_data (f->window, "overview"));
  g_assert_true (cg_window_page_has_data (f->window, "data"));
  g_assert_true (cg_window_page_has_data (f->window, "connect"));
  /* The demo brings its cost-benefit scenario. */
  g_assert_true (cg_window_page_has_data (f->window, "cost"));
  g_assert_true (cg_window_page_has_data (f->window, "compliance"));
  g_assert_false (cg_window_page_has_data (f->window, "satisfaction"));
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
  iterate_until (dialog_finished, f, 30);

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
  iterate_until (no_windows, f, 20);
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
  the_app = cg_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (the_app), NULL, NULL));

#define ADD(name, func) g_test_add ("/window/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (chinese)
    ADD ("chinese", test_chinese);
  else
    {
      ADD ("pages-empty", test_pages_empty);
      ADD ("load-demo", test_load_demo);
      ADD ("import-dialog", test_import_dialog);
      ADD ("import-dialog-refuses", test_import_dialog_refuses);
      ADD ("quit", test_quit);
    }
#undef ADD
  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
