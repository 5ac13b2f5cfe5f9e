/* test-backup.c — backups, rotation, restore, damaged databases and two writers.
 *
 * Row counts are read back with plain SQLite, independently of CgStore;
 * expected counts come from what each test wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cg-backup.h"
#include "cg-batch.h"
#include "cg-call-writer.h"
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

  f->dir = g_dir_make_tmp ("cg-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  remove_tree (dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- helpers that do not use the code under test ----------------------- */

static gint64
raw_calls (const char *path)
{
  return cg_test_sql_int (path, "SELECT count(*) FROM calls");
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* File names in @folder, sorted. */
static GPtrArray *
folder_names (const char *folder)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_dir_close (dir);
    }
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* Writes @n calls as one batch, with start times from @first_ts a minute
 * apart and numbers that differ from any other batch's (@tag). */
static gint64
add_calls (CgStore *store,
           guint    n,
           gint64   first_ts,
           guint    tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) writer = cg_call_writer_new (store, "calls", "test.csv", NULL, "UTF-8", &error);
  gint64 batch;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *phone = g_strdup_printf ("138%02u%06u", tag % 100, i);
      CgCall call;

      cg_call_init (&call);
      call.start_ts = first_ts + 60 * (gint64) i;
      call.talk_s = (int) (i % 90);
      call.outcome = i % 3 == 0 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
      call.phone = phone;
      call.agent_id = "A01";
      call.line = "L01";
      g_assert_cmpint (cg_test_add_call (writer, &call), ==, CG_CALL_ADDED);
    }
  batch = cg_call_writer_commit (writer, NULL, "UTF-8", n, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  return batch;
}

/* 2026-09-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1788220800)

static CgStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CgStore *store = cg_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static GListModel *
list_backups (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = cg_backup_list (db_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static CgBackupReason
reason_at (GListModel *list,
           guint       i)
{
  g_autoptr(CgBackup) backup = g_list_model_get_item (list, i);
  return cg_backup_get_reason (backup);
}

static char *
path_at (GListModel *list,
         guint       i)
{
  g_autoptr(CgBackup) backup = g_list_model_get_item (list, i);
  return g_strdup (cg_backup_get_path (backup));
}

/* ---- tests --------------------------------------------------------------- */

/* Back up, delete a batch, restore: the rows come back, for every
 * connection. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autoptr(CgStore) other = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *check = NULL;
  gint64 second;

  add_calls (store, 30, T0, 1);
  second = add_calls (store, 20, T0 + 86400, 2);
  g_assert_cmpint (raw_calls (f->path), ==, 50);

  backup = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpint (raw_calls (backup), ==, 50);
  g_assert_cmpint (cg_test_sql_int (backup, "SELECT count(*) FROM batches"), ==, 2);
  g_assert_cmpint (cg_test_sql_int (backup, "PRAGMA application_id"), ==, CG_STORE_APPLICATION_ID);

  g_assert_true (cg_store_delete_batch (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_calls (f->path), ==, 30);

  /* A second connection, open across the restore, must see it too. */
  other = open_store (f->path);
  g_assert_cmpint (cg_store_count_calls (other), ==, 30);

  g_assert_true (cg_backup_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_calls (f->path), ==, 50);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM batches"), ==, 2);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls WHERE batch_id = 2"), ==, 20);
  g_assert_cmpint (cg_store_count_calls (store), ==, 50);
  g_assert_cmpint (cg_store_count_calls (other), ==, 50);
  check = cg_test_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* The store keeps working after the restore. */
  add_calls (store, 5, T0 + 2 * 86400, 3);
  g_assert_cmpint (raw_calls (f->path), ==, 55);

  /* Newest first: the data the restore replaced (30 calls), the data the
   * delete started from (50), the manual backup (50). */
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpint (reason_at (list, 0), ==, CG_BACKUP_REASON_BEFORE_RESTORE);
  g_assert_cmpint (reason_at (list, 1), ==, CG_BACKUP_REASON_BEFORE_DELETE);
  g_assert_cmpint (reason_at (list, 2), ==, CG_BACKUP_REASON_MANUAL);
  {
    g_autofree char *before_restore = path_at (list, 0);
    g_autofree char *manual = path_at (list, 2);

    g_assert_cmpint (raw_calls (before_restore), ==, 30);
    g_assert_cmpstr (manual, ==, backup);
  }
}

/* Seven backups leave the five newest; names sort by time; files of
 * other names in the folder are left alone. */
static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "test.db.backups", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *newest = NULL;
  gint64 previous_ms = G_MAXINT64;

  g_assert_cmpint (CG_BACKUP_KEEP, ==, 5);
  g_assert_true (g_mkdir_with_parents (folder, 0700) == 0);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  for (guint i = 0; i < 7; i++)
    {
      char *path;

      add_calls (store, 1, T0 + 3600 * i, 10 + i);
      path = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, folder));
      g_ptr_array_add (made, path);
    }

  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(CgBackup) backup = g_list_model_get_item (list, i);
      GDateTime *at = cg_backup_get_created_at (backup);
      gint64 ms = g_date_time_to_unix (at) * 1000 + g_date_time_get_microsecond (at) / 1000;
      GStatBuf st;

      /* Newest first: the seventh, sixth, … third made. */
      g_assert_cmpstr (cg_backup_get_path (backup), ==, g_ptr_array_index (made, 6 - i));
      g_assert_cmpint (ms, <, previous_ms);
      previous_ms = ms;
      /* The backup made after the k-th call holds k calls. */
      g_assert_cmpint (raw_calls (cg_backup_get_path (backup)), ==, 7 - i);
      g_assert_cmpint (g_stat (cg_backup_get_path (backup), &st), ==, 0);
      g_assert_cmpint (cg_backup_get_size (backup), ==, st.st_size);
    }
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (made, 1), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));

  /* On disk: five backups whose names sort as they were made, and notes. */
  names = folder_names (folder);
  g_assert_cmpuint (names->len, ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (made, 2 + i));
      g_assert_cmpstr (g_ptr_array_index (names, i), ==, base);
    }
  g_assert_cmpstr (g_ptr_array_index (names, 5), ==, "notes.txt");

  newest = cg_backup_get_newest_path (f->path);
  g_assert_cmpstr (newest, ==, g_ptr_array_index (made, 6));
}

/* The name of a backup: "backup-YYYYMMDDTHHMMSS.mmmZ-REASON.db", in UTC. */
static void
test_name (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *path = cg_backup_create (store, CG_BACKUP_REASON_BEFORE_DELETE, &error);
  gint64 after = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GListModel) list = list_backups (f->path);
  g_autoptr(CgBackup) backup = g_list_model_get_item (list, 0);
  g_autoptr(GDateTime) expected = NULL;
  int y, mo, d, h, mi, s, ms;
  char reason[32];

  g_assert_no_error (error);
  g_assert_cmpint (sscanf (base, "backup-%4d%2d%2dT%2d%2d%2d.%3dZ-%31[a-z-].db", &y, &mo, &d, &h, &mi, &s, &ms, reason), ==, 8);
  g_assert_cmpstr (reason, ==, "before-delete");
  g_assert_true (g_str_has_suffix (base, "-before-delete.db"));
  expected = g_date_time_new_utc (y, mo, d, h, mi, s);
  g_assert_cmpint (g_date_time_to_unix (expected), >=, before);
  g_assert_cmpint (g_date_time_to_unix (expected), <=, after);
  g_assert_cmpint (g_date_time_to_unix (cg_backup_get_created_at (backup)), ==, g_date_time_to_unix (expected));
  g_assert_cmpint (g_date_time_get_microsecond (cg_backup_get_created_at (backup)), ==, ms * 1000);
  g_assert_cmpstr (cg_backup_reason_to_string (CG_BACKUP_REASON_BEFORE_DELETE), ==, "before-delete");
}

/* Deleting a batch backs up the data it starts from; deleting a batch that
 * does not exist makes no backup. */
static void
test_before_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *backup = NULL;
  gint64 batch;

  batch = add_calls (store, 12, T0, 1);
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  g_assert_false (cg_store_delete_batch (store, batch + 100, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&list);
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  g_assert_true (cg_store_delete_batch (store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_calls (f->path), ==, 0);
  g_clear_object (&list);
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (reason_at (list, 0), ==, CG_BACKUP_REASON_BEFORE_DELETE);
  backup = path_at (list, 0);
  g_assert_cmpint (raw_calls (backup), ==, 12);
  g_assert_cmpint (cg_test_sql_int (backup, "SELECT count(*) FROM batches"), ==, 1);
}

/* Upgrading a database that holds data backs it up first; creating a new
 * one (version 0) or opening a current one does not. */
static void
test_before_migration (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *path = NULL;
  int latest = cg_store_get_latest_schema_version ();

  g_assert_false (cg_backup_needed_before_migration (0, 1));
  g_assert_false (cg_backup_needed_before_migration (0, 5));
  g_assert_false (cg_backup_needed_before_migration (1, 1));
  g_assert_false (cg_backup_needed_before_migration (3, 2));
  g_assert_true (cg_backup_needed_before_migration (1, 2));
  g_assert_true (cg_backup_needed_before_migration (2, 7));

  /* Creating and reopening: no backup. */
  store = open_store (f->path);
  add_calls (store, 8, T0, 1);
  g_clear_object (&store);
  store = open_store (f->path);
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* The step cg_store_open takes before an upgrade from this version to
   * the next. */
  g_assert_true (cg_backup_before_migration (store, latest, latest, &path, &error));
  g_assert_no_error (error);
  g_assert_null (path);
  g_assert_true (cg_backup_before_migration (store, 0, latest, &path, &error));
  g_assert_null (path);
  g_assert_true (cg_backup_before_migration (store, latest, latest + 1, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpint (cg_test_sql_int (path, "PRAGMA user_version"), ==, latest);
  g_assert_cmpint (raw_calls (path), ==, 8);
  g_clear_object (&list);
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (reason_at (list, 0), ==, CG_BACKUP_REASON_BEFORE_MIGRATION);
}

/* Backups hold personal information: owner only, like the database. */
static void
test_file_mode (Fixture       *f,
                gconstpointer  data)
{
#ifdef G_OS_WIN32
  g_test_skip ("File modes are POSIX");
#else
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autofree char *folder = g_build_filename (f->dir, "test.db.backups", NULL);
  g_autofree char *path = NULL;
  GStatBuf st;
  mode_t saved_umask;

  /* Whatever the umask, the mode is the database's. */
  add_calls (store, 3, T0, 1);
  saved_umask = umask (0);
  path = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
  umask (saved_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
#endif
}

/* Each backup is one self-contained file in rollback-journal mode, which
 * a read-only connection opens without creating -wal or -shm files. */
static void
test_self_contained (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autofree char *folder = g_build_filename (f->dir, "test.db.backups", NULL);
  g_autofree char *path = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gsize len;

  add_calls (store, 3, T0, 1);
  path = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  /* Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL;
   * the database itself is in WAL mode. */
  header = read_bytes (path, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  g_clear_pointer (&header, g_free);
  header = read_bytes (f->path, &len);
  g_assert_cmpint (header[18], ==, 2);

  g_assert_cmpint (raw_calls (path), ==, 3);
  names = folder_names (folder);
  g_assert_cmpuint (names->len, ==, 1);
}

/* Overwrites the fourth page of a copy of a real database with 0xFF. */
static void
damage_fourth_page (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len, page_size;

  bytes = read_bytes (path, &len);
  /* Header bytes 16–17: the page size, big-endian; 1 means 65536. */
  page_size = ((guchar) bytes[16] << 8) | (guchar) bytes[17];
  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (len, >=, page_size * 6);
  memset (bytes + page_size * 3, 0xFF, page_size);
  g_assert_true (g_file_set_contents (path, bytes, len, NULL));
}

static void
copy_file (const char *from,
           const char *to)
{
  gsize len;
  g_autofree char *bytes = read_bytes (from, &len);

  g_assert_true (g_file_set_contents (to, bytes, len, NULL));
}

/* A damaged database is refused with CG_STORE_ERROR_CORRUPT, left byte for
 * byte as it was, and the message names the newest backup and the command
 * that restores it.  Restoring it keeps the damaged file aside. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *lonely = g_build_filename (f->dir, "lonely.db", NULL);
  g_autofree char *wal = g_strconcat (damaged, "-wal", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_bytes = NULL;
  gsize before_len, after_len, kept_len;

  add_calls (store, 2000, T0, 1);
  g_clear_object (&store);  /* the last connection checkpoints the WAL */
  copy_file (f->path, damaged);
  copy_file (f->path, lonely);

  store = open_store (damaged);
  backup = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  damage_fourth_page (damaged);
  damage_fourth_page (lonely);
  before = read_bytes (damaged, &before_len);

  store = cg_store_open (damaged, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, damaged));
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_nonnull (strstr (error->message, "callgauge-cli"));
  g_assert_nonnull (strstr (error->message, "backup restore"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  after = read_bytes (damaged, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The same checks on a file, without opening it for writing. */
  g_assert_false (cg_store_check_file (damaged, NULL, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Without a backup, the message says so. */
  store = cg_store_open (lonely, &error);
  g_assert_null (store);
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT);
  g_assert_null (strstr (error->message, "backup restore"));
  g_clear_error (&error);

  /* A damaged file is not a backup to restore either. */
  store = open_store (f->path);
  g_assert_false (cg_backup_restore (store, lonely, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (raw_calls (f->path), ==, 2000);
  g_clear_object (&store);

  /* A further connection of a process that checked the file already skips
   * the check, which is what makes it quick. */
  store = cg_store_open_unchecked (lonely, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  /* Restoring: the damaged file moves aside, unchanged. */
  g_assert_true (cg_backup_restore_damaged (damaged, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, damaged));
  kept_bytes = read_bytes (kept, &kept_len);
  g_assert_cmpmem (before, before_len, kept_bytes, kept_len);
  store = open_store (damaged);
  g_assert_cmpint (cg_store_count_calls (store), ==, 2000);
  g_clear_object (&store);
  g_assert_cmpint (raw_calls (damaged), ==, 2000);
}

/* restore_damaged is only for a damaged database. */
static void
test_restore_damaged_refuses_intact (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;

  add_calls (store, 4, T0, 1);
  backup = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  add_calls (store, 6, T0 + 86400, 2);
  g_clear_object (&store);

  g_assert_false (cg_backup_restore_damaged (f->path, backup, &kept, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_assert_null (kept);
  g_assert_cmpint (raw_calls (f->path), ==, 10);
}

/* What cg_store_open refuses, restore refuses, and changes nothing. */
static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = open_store (f->path);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, "contacts.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *newer_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; CREATE TABLE calls (x);",
                                                CG_STORE_APPLICATION_ID, cg_store_get_latest_schema_version () + 1);
  sqlite3 *db = NULL;
  const struct {
    const char *path;
    int         code;
  } cases[] = {
    { foreign, CG_STORE_ERROR_FOREIGN },
    { newer, CG_STORE_ERROR_TOO_NEW },
    { empty, CG_STORE_ERROR_FOREIGN },
    { text, CG_STORE_ERROR_NOT_DATABASE },
    { missing, CG_STORE_ERROR_NOT_FOUND },
    { f->path, CG_STORE_ERROR_INVALID },
  };

  add_calls (store, 7, T0, 1);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE calls (name TEXT); INSERT INTO calls VALUES ('x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, newer_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (empty, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (text, "呼叫时间,被叫号码\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (cg_backup_restore (store, cases[i].path, &error));
      g_assert_error (error, CG_STORE_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_cmpint (raw_calls (f->path), ==, 7);
      g_assert_cmpint (cg_store_count_calls (store), ==, 7);
    }
  /* Nothing was replaced, so nothing was backed up. */
  list = list_backups (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* Two connections writing in turn: every write lands, the file stays
 * sound. */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) a = open_store (f->path);
  g_autoptr(CgStore) b = open_store (f->path);
  g_autofree char *check = NULL;
  g_autofree char *value = NULL;

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *key = g_strdup_printf ("round.%u", round);

      add_calls (round % 2 ? a : b, 10, T0 + 86400 * round, round);
      g_assert_true (cg_store_set_setting (round % 2 ? b : a, key, "done", &error));
      g_assert_no_error (error);
      g_assert_cmpint (cg_store_count_calls (a), ==, 10 * (round + 1));
      g_assert_cmpint (cg_store_count_calls (b), ==, 10 * (round + 1));
    }
  g_assert_cmpint (raw_calls (f->path), ==, 200);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM batches"), ==, 20);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM settings WHERE key LIKE 'round.%'"), ==, 20);
  value = cg_store_get_setting (a, "round.19", NULL);
  g_assert_cmpstr (value, ==, "done");
  check = cg_test_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* While one connection holds the write lock: a delete or a restore through
 * the other fails with CG_STORE_ERROR_BUSY after the busy timeout instead
 * of hanging; a backup still works and holds only committed data. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) a = open_store (f->path);
  g_autoptr(CgStore) b = open_store (f->path);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *during = NULL;
  CgCallWriter *writer;
  CgCall call;
  gint64 batch, started, elapsed_ms;

  batch = add_calls (a, 9, T0, 1);
  backup = cg_backup_create (b, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);

  /* a: BEGIN IMMEDIATE, one uncommitted call. */
  writer = cg_call_writer_new (a, "calls", "slow.csv", NULL, "UTF-8", &error);
  g_assert_no_error (error);
  cg_call_init (&call);
  call.start_ts = T0 + 86400;
  call.outcome = CG_OUTCOME_CONNECTED;
  call.phone = "13912345678";
  cg_test_add_call (writer, &call);

  started = g_get_monotonic_time ();
  g_assert_false (cg_store_delete_batch (b, batch, &error));
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY);
  g_assert_cmpint (elapsed_ms, >=, 4000);
  g_assert_cmpint (elapsed_ms, <, 30000);
  g_clear_error (&error);
  g_assert_cmpint (raw_calls (f->path), ==, 9);

  started = g_get_monotonic_time ();
  g_assert_false (cg_backup_restore (b, backup, &error));
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY);
  g_assert_cmpint (elapsed_ms, >=, 4000);
  g_assert_cmpint (elapsed_ms, <, 30000);
  g_clear_error (&error);

  during = cg_backup_create (b, CG_BACKUP_REASON_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_calls (during), ==, 9);

  g_assert_cmpint (cg_call_writer_commit (writer, NULL, "UTF-8", 1, 0, &error), >, 0);
  g_assert_no_error (error);
  cg_call_writer_free (writer);
  g_assert_cmpint (raw_calls (f->path), ==, 10);

  /* The delete that failed made no backup; the restore that failed left
   * its before-restore backup of the (unchanged) data. */
  list = list_backups (f->path);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_assert_cmpint (reason_at (list, i), !=, CG_BACKUP_REASON_BEFORE_DELETE);
}

/* ---- the command line ---------------------------------------------------- */

static gboolean
have_cli (void)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CALLGAUGE_CLI does not name the built callgauge-cli");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(CgStore) store = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *foreign = g_build_filename (f->dir, "contacts.db", NULL);
  JsonArray *backups;
  JsonObject *entry;
  GStatBuf st;
  sqlite3 *db = NULL;
  CgTestRun r;

  if (!have_cli ())
    return;

  store = open_store (f->path);
  add_calls (store, 15, T0, 1);
  g_clear_object (&store);

  r = cg_test_run_cli ("--db", f->path, "backup", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "backups")), ==, 0);
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", f->path, "backup", "create", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", f->path, "backup", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  backups = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "backups");
  g_assert_cmpuint (json_array_get_length (backups), ==, 1);
  entry = json_array_get_object_element (backups, 0);
  backup = g_strdup (json_object_get_string_member (entry, "path"));
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "manual");
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (json_object_get_int_member (entry, "bytes"), ==, st.st_size);
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (entry, "created_at"), NULL);
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    g_assert_nonnull (at);
    g_assert_cmpint (g_date_time_to_unix (at), <=, now);
    g_assert_cmpint (g_date_time_to_unix (at), >, now - 120);
  }
  g_assert_cmpint (raw_calls (backup), ==, 15);
  cg_test_run_clear (&r);

  /* Delete the batch, then bring it back. */
  r = cg_test_run_cli ("--db", f->path, "batch-delete", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);
  g_assert_cmpint (raw_calls (f->path), ==, 0);
  r = cg_test_run_cli ("--db", f->path, "backup", "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);
  g_assert_cmpint (raw_calls (f->path), ==, 15);

  /* Errors: exit 1, one line. */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  r = cg_test_run_cli ("--db", f->path, "backup", "restore", foreign, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "callgauge-cli: "));
  g_assert_nonnull (strstr (r.err, foreign));
  g_assert_cmpint (strchr (r.err, '\n') - r.err, ==, (int) strlen (r.err) - 1);
  cg_test_run_clear (&r);
  g_assert_cmpint (raw_calls (f->path), ==, 15);

  r = cg_test_run_cli ("--db", f->path, "backup", "restore", NULL);
  g_assert_cmpint (r.status, ==, 1);
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", f->path, "backup", "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 1);
  cg_test_run_clear (&r);

  /* A damaged database: listed backups, and restore by name. */
  damage_fourth_page (f->path);
  r = cg_test_run_cli ("--db", f->path, "batches", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "backup restore"));
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", f->path, "backup", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, backup));
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", f->path, "backup", "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ".damaged-"));
  cg_test_run_clear (&r);
  g_assert_cmpint (raw_calls (f->path), ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("rotation", test_rotation);
  ADD ("name", test_name);
  ADD ("before-delete", test_before_delete);
  ADD ("before-migration", test_before_migration);
  ADD ("file-mode", test_file_mode);
  ADD ("self-contained", test_self_contained);
  ADD ("damaged", test_damaged);
  ADD ("restore-damaged-refuses-intact", test_restore_damaged_refuses_intact);
  ADD ("restore-refuses", test_restore_refuses);
  ADD ("two-writers", test_two_writers);
  ADD ("busy", test_busy);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}
