/* test-cli-feedback.c — `import feedback`, `stats themes`, `themes`, `findings` as a user runs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cg-test-util.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs callgauge-cli on @db with @args (NULL-terminated), in @language. */
static Run
run_cli (const char *language,
         const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  Run r = { 0 };
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CALLGAUGE_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (ap, db);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LANG", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  r.status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : WEXITSTATUS (wait_status);
  return r;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
theme_row (JsonObject *root,
           const char *theme)
{
  JsonArray *rows = json_object_get_array_member (root, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      if (g_str_equal (json_object_get_string_member (row, "theme"), theme))
        return row;
    }
  return NULL;
}

static void
test_feedback_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-cli-feedback-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "test.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "反馈.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *row;
  Run r;

  g_assert_true (g_file_set_contents (csv,
                                      "日期,来源,留言,星级\n"
                                      "2026-10-01 09:00,微博,又打来了，烦死了,1\n"
                                      "2026-10-02 09:00,电话回访,态度很好,5\n"
                                      "2026-10-03 09:00,大众点评,我的号码13812345678是哪来的号码,\n",
                                      -1, NULL));

  r = run_cli ("en", db, "import", "feedback", csv, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_object (parser, r.out);
  g_assert_cmpint (json_object_get_int_member (root, "rows_imported"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "rating_scale"), ==, 5);
  run_clear (&r);
  r = run_cli ("en", db, "import", "feedback", csv, "--json", NULL);
  root = parse_object (parser, r.out);
  g_assert_true (json_object_get_null_member (root, "batch_id"));
  g_assert_cmpint (json_object_get_int_member (root, "duplicates"), ==, 3);
  run_clear (&r);

  r = run_cli ("en", db, "stats", "themes", "--source", "feedback", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_object (parser, r.out);
  g_assert_cmpint (json_object_get_int_member (root, "texts"), ==, 3);
  row = theme_row (root, "contact_frequency");
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "label"), ==, "Contact frequency");
  g_assert_cmpint (json_object_get_int_member (row, "mentions"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "share"), 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "negative_share"), 1.0, 1e-12);
  row = theme_row (root, "privacy");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (row, "examples"), 0), ==,
                   "我的号码138****5678是哪来的号码");
  run_clear (&r);

  /* Chinese labels under a Chinese locale. */
  r = run_cli ("zh_CN", db, "stats", "themes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "联系频率"));
  run_clear (&r);

  r = run_cli ("en", db, "themes", "add-term", "callback_time", "回电", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = run_cli ("en", db, "themes", "list", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"callback_time\""));
  run_clear (&r);
  r = run_cli ("en", db, "themes", "remove-term", "callback_time", "nothing", NULL);
  g_assert_cmpint (r.status, ==, 1);
  run_clear (&r);

  /* No calls in the period: a period and no findings, not an error. */
  r = run_cli ("en", db, "findings", "--from", "2026-10-01", "--to", "2026-10-31", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_object (parser, r.out);
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "period"), "from"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 0);
  run_clear (&r);

  cg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/feedback", test_feedback_cli);
  return g_test_run ();
}
