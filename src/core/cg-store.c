/* cg-store.c — the Callgauge database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cg-backup.h"
#include "cg-aggregates.h"
#include "cg-schema.h"
#include "cg-store-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _CgStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL literal (by address) → sqlite3_stmt * */
  int         schema_version;
  char       *tz_id;       /* the time_zone setting that tz was made from */
  GTimeZone  *tz;
};

G_DEFINE_FINAL_TYPE (CgStore, cg_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cg-store-error-quark, cg_store_error)

static void
cg_store_finalize (GObject *object)
{
  CgStore *self = CG_STORE (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->tz_id);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (cg_store_parent_class)->finalize (object);
}

static void
cg_store_class_init (CgStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_store_finalize;
}

static void
cg_store_init (CgStore *self)
{
  /* Keyed by the SQL literal's address: hashing a long statement's text
   * for every row of an import would cost more than binding it. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

char *
cg_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "callgauge", "callgauge.db", NULL);
}

/* A damaged database is never repaired or replaced behind the user's back:
 * the message says which backup to restore, and how. */
static void
set_corrupt_error (GError     **error,
                   const char  *path)
{
  g_autofree char *newest = cg_backup_get_newest_path (path);
  g_autofree char *default_path = NULL;
  g_autofree char *command = NULL;

  if (newest == NULL)
    {
      g_autofree char *folder = cg_backup_get_folder (path);
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged, and there is no backup of it in %s. Callgauge left the file unchanged: keep it, a data recovery tool may still rescue most of it."),
                   path, folder);
      return;
    }

  /* Quoted with double quotes, which both sh and cmd.exe understand. */
  default_path = cg_store_default_path ();
  if (g_strcmp0 (path, default_path) == 0)
    command = g_strdup_printf ("callgauge-cli backup restore \"%s\"", newest);
  else
    command = g_strdup_printf ("callgauge-cli --db \"%s\" backup restore \"%s\"", path, newest);
  g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
               _("The database %s is damaged. Callgauge left it unchanged. Restore the newest backup, %s, with: %s"),
               path, newest, command);
}

void
cg_store_set_sql_error (CgStore     *self,
                        GError     **error,
                        const char  *what)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_CORRUPT)
    set_corrupt_error (error, self->path);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY,
                 _("The database %s is busy: another Callgauge window or command is writing to it. Try again when it has finished."),
                 self->path);
  else if (code == SQLITE_NOTADB)
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                 _("%s is not a Callgauge database."), self->path);
  else if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY || code == SQLITE_CANTOPEN)
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                 _("Cannot write the database %s: %s"), self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_SQL,
                 "%s: %s", what, sqlite3_errmsg (self->db));
}

sqlite3 *
cg_store_get_db (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  return self->db;
}

const char *
cg_store_get_path (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  return self->path;
}

int
cg_store_get_schema_version (CgStore *self)
{
  g_return_val_if_fail (CG_IS_STORE (self), -1);
  return self->schema_version;
}

int
cg_store_get_latest_schema_version (void)
{
  guint n;
  const CgMigration *m = cg_schema_get_migrations (&n);
  return m[n - 1].version;
}

sqlite3_stmt *
cg_store_prepare (CgStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (self, error, "prepare");
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
cg_store_exec (CgStore     *self,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (self, error, "exec");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_store_begin (CgStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  /* IMMEDIATE takes the write lock now, so a busy database is reported
   * before any work is done rather than at commit. */
  return cg_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cg_store_commit (CgStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  return cg_store_exec (self, "COMMIT", error);
}

void
cg_store_rollback (CgStore *self)
{
  g_return_if_fail (CG_IS_STORE (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* The first column of the first row of @sql; on failure the SQLite
 * result code in @rc (SQLITE_OK when the query worked). */
static gint64
query_int (sqlite3    *db,
           const char *sql,
           int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return 0;
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    {
      value = sqlite3_column_int64 (stmt, 0);
      *rc = SQLITE_OK;
    }
  else if (*rc == SQLITE_DONE)
    *rc = SQLITE_ERROR;
  sqlite3_finalize (stmt);
  return value;
}

/* Process-wide SQLite settings, before SQLite's first use.  Memory
 * statistics take a global mutex on every allocation, which an import of
 * millions of rows feels; nothing here reads them. */
static void
configure_sqlite_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

/* Reads the first bytes without SQLite so that a file which is not a
 * database is refused before SQLite could touch it. */
/* Whether @path is empty, or else an SQLite database, asked of SQLite
 * itself.  A plain open() and close() of the file here would drop every
 * POSIX lock this process holds on it — SQLite's own, for the connections
 * already open (the window's, a query worker's) — and another process
 * could then take the database for unused, checkpoint it and delete the
 * write-ahead log under those connections.  SQLite shares one descriptor
 * per file among its connections and so keeps the locks. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);
  sqlite3 *db = NULL;
  int rc;

  if (info == NULL)
    return FALSE;
  *is_empty = g_file_info_get_size (info) == 0;
  if (*is_empty)
    return TRUE;
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  if (rc == SQLITE_NOTADB)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                   _("%s is not a Callgauge database. It was left unchanged."), path);
      return FALSE;
    }
  /* Anything else (busy, damaged) is for the checks after opening. */
  return TRUE;
}

/* Creates a new, empty database file readable only by its owner. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return g_close (fd, error);
}

static gboolean
migrate (CgStore  *self,
         GError  **error)
{
  guint n;
  const CgMigration *migrations = cg_schema_get_migrations (&n);
  int latest = migrations[n - 1].version;
  g_autofree char *backup = NULL;
  gint64 version;
  int rc;

  if (self->schema_version >= latest)
    return TRUE;

  if (!cg_store_begin (self, error))
    return FALSE;

  /* Another program may have upgraded the file while we waited for the lock. */
  version = query_int (self->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      cg_store_set_sql_error (self, error, "user_version");
      cg_store_rollback (self);
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Callgauge (schema %d; this version knows %d). Update Callgauge to open it."),
                   self->path, (int) version, latest);
      cg_store_rollback (self);
      return FALSE;
    }
  self->schema_version = (int) version;
  if (self->schema_version == latest)
    {
      cg_store_rollback (self);
      return TRUE;
    }

  /* Made under the write lock, so the backup holds exactly the data the
   * migration starts from. */
  if (!cg_backup_before_migration (self, self->schema_version, latest, &backup, error))
    {
      g_prefix_error (error, _("The database was not upgraded, because it could not be backed up first: "));
      cg_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bump = NULL;

      if (migrations[i].version <= self->schema_version)
        continue;
      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                              CG_STORE_APPLICATION_ID, migrations[i].version);
      if (!cg_store_exec (self, migrations[i].sql, error) ||
          !cg_store_exec (self, bump, error))
        {
          g_prefix_error (error, _("Cannot upgrade the database to version %d: "), migrations[i].version);
          cg_store_rollback (self);
          return FALSE;
        }
    }

  /* Version 2 adds the aggregate tables and version 3 a column to them:
   * they are filled from the calls already there, in the same transaction,
   * once the whole schema is in place (the sums are written with all of
   * today's columns). */
  if (self->schema_version < 3 && !cg_aggregates_rebuild (self, error))
    {
      g_prefix_error (error, _("Cannot upgrade the database to version %d: "), latest);
      cg_store_rollback (self);
      return FALSE;
    }

  if (!cg_store_commit (self, error))
    {
      cg_store_rollback (self);
      return FALSE;
    }
  self->schema_version = latest;
  return TRUE;
}

/* Refuses databases that are not ours, or are from a newer Callgauge,
 * before anything is written to them.  With @allow_new, an SQLite file
 * without any table or mark (a database about to be created) passes as
 * version 0. */
static gboolean
check_ownership (sqlite3     *db,
                 const char  *path,
                 gboolean     allow_new,
                 int         *schema_version,
                 GError     **error)
{
  int rc_app, rc_version, rc_count;
  gint64 app_id = query_int (db, "PRAGMA application_id", &rc_app);
  gint64 version = query_int (db, "PRAGMA user_version", &rc_version);
  gint64 n_objects = query_int (db, "SELECT count(*) FROM sqlite_master", &rc_count);

  if (rc_app != SQLITE_OK || rc_version != SQLITE_OK || rc_count != SQLITE_OK)
    {
      if (rc_app == SQLITE_BUSY || rc_version == SQLITE_BUSY || rc_count == SQLITE_BUSY ||
          rc_app == SQLITE_LOCKED || rc_version == SQLITE_LOCKED || rc_count == SQLITE_LOCKED)
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY,
                     _("The database %s is busy: another Callgauge window or command is writing to it. Try again when it has finished."),
                     path);
      /* Our mark in the header, but the schema unreadable: damaged. */
      else if (rc_app == SQLITE_OK && app_id == CG_STORE_APPLICATION_ID &&
               (rc_version == SQLITE_CORRUPT || rc_count == SQLITE_CORRUPT))
        set_corrupt_error (error, path);
      else
        g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                     _("%s is not a Callgauge database, or it is damaged: %s"),
                     path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (app_id == CG_STORE_APPLICATION_ID)
    {
      if (version > cg_store_get_latest_schema_version ())
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_TOO_NEW,
                       _("%s was written by a newer version of Callgauge (schema %d; this version knows %d). Update Callgauge to open it."),
                       path, (int) version, cg_store_get_latest_schema_version ());
          return FALSE;
        }
      *schema_version = (int) version;
      return TRUE;
    }

  if (allow_new && app_id == 0 && version == 0 && n_objects == 0)
    {
      *schema_version = 0;
      return TRUE;
    }

  g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_FOREIGN,
               _("%s is an SQLite database of another program, not a Callgauge database. It was left unchanged."),
               path);
  return FALSE;
}

/* PRAGMA quick_check: every page of every table and index readable and
 * well formed, in time linear in the file's size (integrity_check would
 * also cross-check indexes against tables, which costs far more). */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        result = (const char *) sqlite3_column_text (stmt, 0);
    }

  if (rc == SQLITE_ROW && g_strcmp0 (result, "ok") == 0)
    {
      sqlite3_finalize (stmt);
      return TRUE;
    }

  if (rc == SQLITE_ROW || rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    {
      g_debug ("quick_check of %s: %s", path, result ? result : sqlite3_errmsg (db));
      set_corrupt_error (error, path);
    }
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY,
                 _("The database %s is busy: another Callgauge window or command is writing to it. Try again when it has finished."),
                 path);
  else
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                 _("Cannot read the database %s: %s"), path, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

gboolean
cg_store_check_file (const char  *path,
                     int         *schema_version,
                     GError     **error)
{
  sqlite3 *db = NULL;
  gboolean is_empty = TRUE;
  gboolean ok;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  configure_sqlite_once ();

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                   _("%s is a folder, not a Callgauge database."), path);
      return FALSE;
    }
  if (!check_header (path, &is_empty, error))
    return FALSE;
  if (is_empty)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                   _("%s is empty, not a Callgauge database."), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                   _("Cannot open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  ok = check_ownership (db, path, FALSE, &version, error) &&
       check_integrity (db, path, error);
  sqlite3_close_v2 (db);
  if (ok && schema_version != NULL)
    *schema_version = version;
  return ok;
}

gboolean
cg_store_reload (CgStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (self), FALSE);

  /* Cached statements were compiled against the old schema. */
  g_hash_table_remove_all (self->statements);
  return check_ownership (self->db, self->path, TRUE, &self->schema_version, error) &&
         migrate (self, error);
}

static CgStore *
open_store (const char  *path,
            gboolean     check,
            GError     **error);

CgStore *
cg_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, TRUE, error);
}

CgStore *
cg_store_open_unchecked (const char  *path,
                         GError     **error)
{
  return open_store (path, FALSE, error);
}

static CgStore *
open_store (const char  *path,
            gboolean     check,
            GError     **error)
{
  g_autoptr(CgStore) self = NULL;
  gboolean is_empty = TRUE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  configure_sqlite_once ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_DATABASE,
                       _("%s is a folder, not a Callgauge database."), path);
          return NULL;
        }
      if (!check_header (path, &is_empty, error))
        return NULL;
    }
  else if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (CG_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                   _("Cannot open the database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 0);

  if (!check_ownership (self->db, path, TRUE, &self->schema_version, error))
    return NULL;
  /* A damaged database is refused before anything is written to it, so
   * that what is left of it stays as it is for a restore or a rescue. */
  if (check && !is_empty && !check_integrity (self->db, path, error))
    return NULL;

  /* Only now that the file is known to be ours may anything be written.
   * A new database gets 16 KiB pages: call rows are wide and imports
   * large, and bigger pages mean fewer splits and a shallower index.  The
   * page size can only be chosen before the first table and WAL mode. */
  if ((self->schema_version == 0 && !cg_store_exec (self, "PRAGMA page_size = 16384", error)) ||
      !cg_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !cg_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* Imports insert into indexes in random key order: a page cache of
       * 64 MiB keeps those indexes in memory for millions of calls. */
      !cg_store_exec (self, "PRAGMA cache_size = -65536", error) ||
      !cg_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

CgStore *
cg_store_open_reader (CgStore  *self,
                      GError  **error)
{
  g_autoptr(CgStore) reader = NULL;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  reader = g_object_new (CG_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->schema_version = self->schema_version;
  rc = sqlite3_open_v2 (self->path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                   _("Cannot open the database %s: %s"), self->path,
                   reader->db ? sqlite3_errmsg (reader->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (reader->db, 0);
  /* A reader streams through the rows once: a small cache is enough. */
  if (!cg_store_exec (reader, "PRAGMA cache_size = -4096", error))
    return NULL;
  return g_steal_pointer (&reader);
}

gint64
cg_store_count_calls (CgStore *self)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (CG_IS_STORE (self), 0);
  stmt = cg_store_prepare (self, "SELECT count(*) FROM calls", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

GTimeZone *
cg_store_get_time_zone (CgStore *self)
{
  g_autofree char *id = NULL;
  GTimeZone *tz;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);
  /* The setting is read every time (another program may change it); the
   * zone, whose tzfile GLib parses, is made only when it did change. */
  id = cg_store_get_setting (self, "time_zone", "Asia/Shanghai");
  if (self->tz != NULL && g_strcmp0 (id, self->tz_id) == 0)
    return g_time_zone_ref (self->tz);
  tz = g_time_zone_new_identifier (id);
  /* Windows builds of GLib may not know IANA names: China has used UTC+8
   * all year since 1991, which is what a telemarketing log needs. */
  if (tz == NULL)
    tz = g_time_zone_new_offset (8 * 3600);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->tz_id);
  self->tz = g_time_zone_ref (tz);
  self->tz_id = g_steal_pointer (&id);
  return tz;
}
