/* test-store.c — opening, creating, migrating and refusing databases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "cg-batch.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cg-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "test.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) e = NULL;

  /* Remove what the tests made: the database files, then the folders. */
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", "-journal", NULL }; *suffix; suffix++)
    {
      g_autofree char *p = g_strconcat (f->path, *suffix, NULL);
      g_remove (p);
    }
  g_rmdir (sub);
  e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  if (e != NULL)
    {
      GFileInfo *info;
      while ((info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
        {
          g_autofree char *p = g_build_filename (f->dir, g_file_info_get_name (info), NULL);
          g_remove (p);
          g_object_unref (info);
        }
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (f->path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (cg_store_get_path (store), ==, f->path);
  g_assert_cmpint (cg_store_get_schema_version (store), ==, cg_store_get_latest_schema_version ());
  g_assert_cmpint (cg_store_count_calls (store), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
#ifndef G_OS_WIN32
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
#endif
  g_assert_cmpint (cg_test_sql_int (f->path, "PRAGMA application_id"), ==, CG_STORE_APPLICATION_ID);
  g_assert_cmpint (cg_test_sql_int (f->path, "PRAGMA user_version"), ==, cg_store_get_latest_schema_version ());
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'calls'"), ==, 1);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (f->path, &error);
  g_autofree char *value = NULL;
  g_autofree char *key1 = NULL;
  g_autofree char *key2 = NULL;

  g_assert_no_error (error);
  g_assert_true (cg_store_set_setting (store, "time_zone", "Asia/Urumqi", &error));
  g_assert_no_error (error);
  key1 = cg_store_get_setting (store, "phone_hash_key", NULL);
  g_clear_object (&store);

  store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
  value = cg_store_get_setting (store, "time_zone", "Asia/Shanghai");
  g_assert_cmpstr (value, ==, "Asia/Urumqi");
  key2 = cg_store_get_setting (store, "phone_hash_key", NULL);
  g_assert_cmpstr (key1, ==, key2);
  g_assert_cmpuint (strlen (key1), ==, 64);
  g_clear_pointer (&value, g_free);
  value = cg_store_get_setting (store, "no_such_key", "fallback");
  g_assert_cmpstr (value, ==, "fallback");
}

/* An existing empty SQLite file at user_version 0 is migrated. */
static void
test_migrate_from_zero (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 0; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_store_get_schema_version (store), ==, cg_store_get_latest_schema_version ());
  g_clear_object (&store);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM sqlite_master WHERE name IN ('batches','calls','survey_responses','complaints','dnc','scenarios','settings')"), ==, 7);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  gsize before_len, after_len;
  g_autofree char *before = read_file (path, &before_len);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = cg_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = read_file (path, &after_len);
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (f->path, CG_STORE_ERROR_FOREIGN);
}

static void
test_refuse_other_application_id (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  /* An empty database that another program has claimed. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (f->path, CG_STORE_ERROR_FOREIGN);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; CREATE TABLE future (x);",
                                          CG_STORE_APPLICATION_ID, cg_store_get_latest_schema_version () + 1);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (f->path, CG_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_not_database (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  const char text[] = "呼叫时间,被叫号码\n2026-09-01 10:00:00,13800138000\n";

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  assert_refused_unchanged (f->path, CG_STORE_ERROR_NOT_DATABASE);

  /* Looks like SQLite for the first bytes, then garbage. */
  {
    char junk[4096];
    memcpy (junk, "SQLite format 3", 16);
    for (guint i = 16; i < sizeof junk; i++)
      junk[i] = (char) (i * 7);
    g_assert_true (g_file_set_contents (f->path, junk, sizeof junk, NULL));
    assert_refused_unchanged (f->path, CG_STORE_ERROR_NOT_DATABASE);
  }
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (f->path, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (cg_store_begin (store, &error));
  g_assert_true (cg_store_set_setting (store, "k", "rolled back", &error));
  cg_store_rollback (store);
  value = cg_store_get_setting (store, "k", "none");
  g_assert_cmpstr (value, ==, "none");
  g_clear_pointer (&value, g_free);

  g_assert_true (cg_store_begin (store, &error));
  g_assert_true (cg_store_set_setting (store, "k", "kept", &error));
  g_assert_true (cg_store_commit (store, &error));
  g_assert_no_error (error);
  value = cg_store_get_setting (store, "k", "none");
  g_assert_cmpstr (value, ==, "kept");
}

/* A second connection that holds the write lock makes the first one
 * report "busy" rather than hang forever. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) a = cg_store_open (f->path, &error);
  g_autoptr(CgStore) b = cg_store_open (f->path, &error);
  sqlite3 *raw = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (cg_store_begin (a, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY);
  sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_clear_error (&error);
  g_assert_true (cg_store_begin (b, &error));
  g_assert_no_error (error);
  cg_store_rollback (b);
}

static void
test_default_path (void)
{
  g_autofree char *path = cg_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "callgauge", "callgauge.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/default-path", test_default_path);
#define ADD(name, func) g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("reopen", test_reopen);
  ADD ("migrate-from-zero", test_migrate_from_zero);
  ADD ("refuse-foreign", test_refuse_foreign);
  ADD ("refuse-other-application-id", test_refuse_other_application_id);
  ADD ("refuse-newer", test_refuse_newer);
  ADD ("refuse-not-database", test_refuse_not_database);
  ADD ("transactions", test_transactions);
  ADD ("busy", test_busy);
#undef ADD

  return g_test_run ();
}
