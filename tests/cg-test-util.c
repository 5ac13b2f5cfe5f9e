/* cg-test-util.c — what several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-test-util.h"

#include <math.h>
#include <glib/gstdio.h>
#ifdef CG_TEST_WITH_CORE
#include <sqlite3.h>
#endif

void
cg_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          cg_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

char *
cg_test_write_file (const char *dir,
                    const char *name,
                    const char *data,
                    gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

gint64
cg_test_ts (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

#ifdef CG_TEST_WITH_CORE

/* ---- the store fixture ---- */

void
cg_test_store_set_up (CgTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cg-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

void
cg_test_store_set_up_beijing (CgTestStore   *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cg_test_store_set_up (f, data);
  g_assert_true (cg_store_set_setting (f->store, "time_zone", "Asia/Shanghai", &error));
  g_assert_no_error (error);
}

void
cg_test_store_tear_down (CgTestStore   *f,
                         gconstpointer  data)
{
  g_clear_object (&f->store);
  /* Deleting a batch leaves a backup beside the database. */
  cg_test_remove_tree (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* ---- calls ---- */

CgCallAddResult
cg_test_add_call (CgCallWriter *writer,
                  const CgCall *call)
{
  g_autoptr(GError) error = NULL;
  CgCallAddResult result = CG_CALL_ADDED;

  g_assert_true (cg_call_writer_add (writer, call, &result, &error));
  g_assert_no_error (error);
  return result;
}

/* ---- plain SQLite ---- */

/* The first column of the first row, or NULL when there is none. */
static sqlite3_value *
sql_first_value (const char *db_path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_value *value = NULL;

  int rc;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The store under test may hold a lock a moment longer. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("%s: %s (%d)", sql, sqlite3_errmsg (db), sqlite3_extended_errcode (db));
  if (rc == SQLITE_ROW)
    value = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

gint64
cg_test_sql_int (const char *db_path,
                 const char *sql)
{
  sqlite3_value *value = sql_first_value (db_path, sql);
  gint64 n = value != NULL ? sqlite3_value_int64 (value) : -1;

  sqlite3_value_free (value);
  return n;
}

double
cg_test_sql_double (const char *db_path,
                    const char *sql)
{
  sqlite3_value *value = sql_first_value (db_path, sql);
  double x = NAN;

  if (value != NULL && sqlite3_value_type (value) != SQLITE_NULL)
    x = sqlite3_value_double (value);
  sqlite3_value_free (value);
  return x;
}

char *
cg_test_sql_text (const char *db_path,
                  const char *sql)
{
  sqlite3_value *value = sql_first_value (db_path, sql);
  char *text = value != NULL ? g_strdup ((const char *) sqlite3_value_text (value)) : NULL;

  sqlite3_value_free (value);
  return text;
}

void
cg_test_sql_exec (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  /* The store may hold a write lock a moment longer. */
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* ---- callgauge-cli ---- */

void
cg_test_run_clear (CgTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

CgTestRun
cg_test_run_cli_v (char      **envp,
                   const char *db,
                   const char *first,
                   va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  CgTestRun run = { 0 };
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    run.status = error->domain == G_SPAWN_EXIT_ERROR ? error->code : -1;
  return run;
}

CgTestRun
cg_test_run_cli (const char *first,
                 ...)
{
  CgTestRun run;
  va_list args;

  va_start (args, first);
  run = cg_test_run_cli_v (NULL, NULL, first, args);
  va_end (args);
  return run;
}

JsonNode *
cg_test_run_cli_json_v (const char *db,
                        const char *first,
                        va_list     args)
{
  g_auto(CgTestRun) run = cg_test_run_cli_v (NULL, db, first, args);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (run.status != 0)
    g_error ("callgauge-cli failed: %s", run.err);
  node = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return node;
}

JsonNode *
cg_test_run_cli_json (const char *first,
                      ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first);
  node = cg_test_run_cli_json_v (NULL, first, args);
  va_end (args);
  return node;
}

#endif
