/* test-concurrency.c — two processes importing into one database at once.
 *
 * Two callgauge-cli imports run side by side on the same file.  SQLite
 * serialises the writers; each import either lands whole or fails with the
 * clear "busy" message after the busy timeout; neither hangs, and the file
 * stays sound.  The expected row counts are the files' own row counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cg-store.h"
#include "cg-test-util.h"

#define ROWS 20000

static char *
write_calls (const char *dir,
             const char *name,
             guint       tag)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) csv = g_string_new ("呼叫时间,被叫号码,通话时长,呼叫结果,坐席\n");

  for (guint i = 0; i < ROWS; i++)
    g_string_append_printf (csv, "2026-03-%02u %02u:%02u:%02u,13%u%08u,%u,%s,A%02u\n",
                            1 + i / 1440 % 28, i / 60 % 24, i % 60, tag, tag, i, i % 90,
                            i % 3 == 0 ? "已接通" : "未接通", i % 7);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

static void
test_two_imports (void)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  g_autofree char *dir = g_dir_make_tmp ("cg-concurrency-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "calls.db", NULL);
  g_autofree char *a = write_calls (dir, "a.csv", 5);
  g_autofree char *b = write_calls (dir, "b.csv", 6);
  const char *files[] = { a, b };
  GSubprocess *procs[2];
  gint64 expected = 0;
  gint64 started = g_get_monotonic_time ();

  if (cli == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set; run under meson test");
      return;
    }
  /* Create the database first, so that both see the same schema. */
  {
    const char *argv[] = { cli, "--db", db, "batches", NULL };
    g_autoptr(GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);

    g_assert_true (g_subprocess_wait_check (p, NULL, NULL));
  }

  for (guint i = 0; i < 2; i++)
    {
      const char *argv[] = { cli, "--db", db, "import", "calls", files[i], NULL };
      g_autoptr(GError) error = NULL;

      procs[i] = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                    G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (procs[i], NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (procs[i]));
      if (g_subprocess_get_exit_status (procs[i]) == 0)
        expected += ROWS;
      else
        {
          /* The only acceptable failure is the busy database, said so. */
          g_test_message ("import %u: %s", i, err);
          g_assert_cmpint (g_subprocess_get_exit_status (procs[i]), ==, 1);
          g_assert_nonnull (strstr (err, "busy"));
        }
      g_object_unref (procs[i]);
    }
  /* Neither hung: the loser gave up after the 5 s busy timeout, not
   * after meson's test timeout. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 60 * G_USEC_PER_SEC);

  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM calls"), ==, expected);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT sum(calls) FROM agg_day"), ==, expected);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM batches"), ==, expected / ROWS);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                   ==, 0);

  for (guint i = 0; i < 2; i++)
    g_remove (files[i]);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_autofree char *backups = g_strconcat (db, ".backups", NULL);

    g_remove (db);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (backups);
  }
  g_rmdir (dir);
}

/* A second store opened and closed in this process while a first stays
 * open (the app's query worker does that), then an import by another
 * process: the first store's locks must hold, else that process takes the
 * database for unused, deletes the write-ahead log under the first store,
 * and what the first store writes next is lost. */
static void
test_locks_survive_second_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-concurrency-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "calls.db", NULL);
  g_autofree char *csv = write_calls (dir, "a.csv", 1);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) first = cg_store_open (db, &error);
  g_autoptr(JsonNode) result = NULL;

  g_assert_no_error (error);
  g_assert_true (cg_store_set_setting (first, "attempt_cap", "4/10", &error));
  g_clear_object (&(CgStore *) { cg_store_open (db, &error) });
  g_assert_no_error (error);
  g_assert_true (cg_store_check_file (db, NULL, &error));
  g_assert_no_error (error);

  result = cg_test_run_cli_json ("--db", db, "import", "calls", csv, "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "rows_imported"), ==, ROWS);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (cg_store_set_setting (first, "attempt_cap", "5/10", &error));
  g_assert_no_error (error);
  value = cg_test_sql_text (db, "SELECT value FROM settings WHERE key = 'attempt_cap'");
  g_assert_cmpstr (value, ==, "5/10");
  g_clear_object (&first);
  cg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/concurrency/two-imports", test_two_imports);
  g_test_add_func ("/concurrency/locks-survive-second-open", test_locks_survive_second_open);
  return g_test_run ();
}
