/* cg-backup.c — backups of the database with SQLite's online backup API.
 *
 * A backup is read through a connection of its own, opened read-only on
 * the database file.  It therefore holds the last committed data even
 * when the store's connection is inside the transaction that is about to
 * change it (cg_store_delete_batch and the migrations back up after taking
 * the write lock), and in WAL mode it never waits for a writer.
 *
 * Backup files are created empty with mode 0600 before SQLite writes into
 * them: they hold the same personal information as the database.  They are
 * switched to rollback-journal mode, so that each is one self-contained
 * file that a read-only connection can open without creating -wal or -shm
 * files beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cg-backup.h"
#include "cg-store-private.h"

#ifndef O_BINARY
#define O_BINARY 0
#endif

#define BUSY_TIMEOUT_MS 5000

struct _CgBackup
{
  GObject         parent_instance;

  char           *path;
  GDateTime      *created_at;
  gint64          created_ms;  /* Unix time in milliseconds, as in the name */
  CgBackupReason  reason;
  gint64          size;
};

G_DEFINE_FINAL_TYPE (CgBackup, cg_backup, G_TYPE_OBJECT)

static void
cg_backup_finalize (GObject *object)
{
  CgBackup *self = CG_BACKUP (object);

  g_free (self->path);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (cg_backup_parent_class)->finalize (object);
}

static void
cg_backup_class_init (CgBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_backup_finalize;
}

static void
cg_backup_init (CgBackup *self)
{
}

const char *
cg_backup_get_path (CgBackup *self)
{
  g_return_val_if_fail (CG_IS_BACKUP (self), NULL);
  return self->path;
}

GDateTime *
cg_backup_get_created_at (CgBackup *self)
{
  g_return_val_if_fail (CG_IS_BACKUP (self), NULL);
  return self->created_at;
}

CgBackupReason
cg_backup_get_reason (CgBackup *self)
{
  g_return_val_if_fail (CG_IS_BACKUP (self), CG_BACKUP_REASON_MANUAL);
  return self->reason;
}

gint64
cg_backup_get_size (CgBackup *self)
{
  g_return_val_if_fail (CG_IS_BACKUP (self), 0);
  return self->size;
}

/* ---- reasons and names ------------------------------------------------- */

static const struct {
  CgBackupReason  reason;
  const char     *name;
  const char     *label;
} reasons[] = {
  { CG_BACKUP_REASON_MANUAL,           "manual",           N_("Made by hand") },
  { CG_BACKUP_REASON_BEFORE_DELETE,    "before-delete",    N_("Before deleting an import batch") },
  { CG_BACKUP_REASON_BEFORE_MIGRATION, "before-migration", N_("Before upgrading the database") },
  { CG_BACKUP_REASON_BEFORE_RESTORE,   "before-restore",   N_("Before restoring a backup") },
  { CG_BACKUP_REASON_BEFORE_PURGE,     "before-purge",     N_("Before deleting old call details") },
};

const char *
cg_backup_reason_to_string (CgBackupReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return reasons[i].name;
  g_return_val_if_reached (NULL);
}

const char *
cg_backup_reason_get_label (CgBackupReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return _(reasons[i].label);
  g_return_val_if_reached (NULL);
}

static gboolean
reason_from_string (const char     *name,
                    gsize           len,
                    CgBackupReason *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (strlen (reasons[i].name) == len && strncmp (reasons[i].name, name, len) == 0)
      {
        *reason = reasons[i].reason;
        return TRUE;
      }
  return FALSE;
}

char *
cg_backup_get_folder (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".backups", NULL);
}

#define NAME_PREFIX "backup-"
#define NAME_SUFFIX ".db"
/* "20261124T143501.123Z" */
#define STAMP_LEN 20

static GDateTime *
date_time_from_ms (gint64 ms)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (ms / 1000);

  return seconds != NULL ? g_date_time_add (seconds, (ms % 1000) * 1000) : NULL;
}

static char *
format_stamp (gint64 ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *seconds = g_date_time_format (dt, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%03dZ", seconds, (int) (ms % 1000));
}

static gboolean
all_digits (const char *s,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static int
digits_value (const char *s,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');
  return value;
}

/* Reads "backup-20261124T143501.123Z-before-delete.db"; FALSE for any other
 * name, which the folder's owner may have put there and we leave alone. */
static gboolean
parse_name (const char     *name,
            gint64         *ms,
            CgBackupReason *reason)
{
  const char *stamp, *slug;
  gsize len = strlen (name);
  g_autoptr(GDateTime) dt = NULL;

  if (!g_str_has_prefix (name, NAME_PREFIX) || !g_str_has_suffix (name, NAME_SUFFIX) ||
      len < strlen (NAME_PREFIX) + STAMP_LEN + 2 + strlen (NAME_SUFFIX))
    return FALSE;
  stamp = name + strlen (NAME_PREFIX);
  if (!all_digits (stamp, 8) || stamp[8] != 'T' || !all_digits (stamp + 9, 6) ||
      stamp[15] != '.' || !all_digits (stamp + 16, 3) || stamp[19] != 'Z' || stamp[20] != '-')
    return FALSE;
  slug = stamp + STAMP_LEN + 1;
  if (!reason_from_string (slug, name + len - strlen (NAME_SUFFIX) - slug, reason))
    return FALSE;

  dt = g_date_time_new_utc (digits_value (stamp, 4), digits_value (stamp + 4, 2), digits_value (stamp + 6, 2),
                            digits_value (stamp + 9, 2), digits_value (stamp + 11, 2), digits_value (stamp + 13, 2));
  if (dt == NULL)
    return FALSE;
  *ms = g_date_time_to_unix (dt) * 1000 + digits_value (stamp + 16, 3);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CgBackup *x = *(CgBackup *const *) a;
  const CgBackup *y = *(CgBackup *const *) b;

  if (x->created_ms != y->created_ms)
    return x->created_ms < y->created_ms ? 1 : -1;
  return -g_strcmp0 (x->path, y->path);
}

/* The backups of @db_path, newest first; an absent folder has none. */
static GPtrArray *
list_backups (const char  *db_path,
              GError     **error)
{
  g_autofree char *folder_path = cg_backup_get_folder (db_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&backups);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot read the backup folder %s: "), folder_path);
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      CgBackup *backup;
      CgBackupReason reason;
      gint64 ms;

      if (!g_file_enumerator_iterate (children, &info, NULL, NULL, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot read the backup folder %s: "), folder_path);
          return NULL;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !parse_name (g_file_info_get_name (info), &ms, &reason))
        continue;

      backup = g_object_new (CG_TYPE_BACKUP, NULL);
      backup->path = g_build_filename (folder_path, g_file_info_get_name (info), NULL);
      backup->created_ms = ms;
      backup->created_at = date_time_from_ms (ms);
      backup->reason = reason;
      backup->size = g_file_info_get_size (info);
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

GListModel *
cg_backup_list (const char  *db_path,
                GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  GListStore *list;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = list_backups (db_path, error);
  if (backups == NULL)
    return NULL;
  list = g_list_store_new (CG_TYPE_BACKUP);
  g_list_store_splice (list, 0, 0, backups->pdata, backups->len);
  return G_LIST_MODEL (list);
}

char *
cg_backup_get_newest_path (const char *db_path)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = list_backups (db_path, NULL);
  if (backups == NULL || backups->len == 0)
    return NULL;
  return g_strdup (CG_BACKUP (g_ptr_array_index (backups, 0))->path);
}

/* Keeps the CG_BACKUP_KEEP newest.  A file that cannot be removed now is
 * removed by a later rotation: a backup that was made is not a failure. */
static void
rotate (const char *db_path)
{
  g_autoptr(GPtrArray) backups = list_backups (db_path, NULL);

  for (guint i = CG_BACKUP_KEEP; backups != NULL && i < backups->len; i++)
    {
      const char *path = CG_BACKUP (g_ptr_array_index (backups, i))->path;

      if (g_remove (path) != 0)
        g_debug ("Cannot remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/* ---- copying ----------------------------------------------------------- */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_BINARY, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return g_close (fd, error);
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                   _("Cannot open %s: %s"), path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Copies every page of @src into @dest in one step: one read transaction on
 * the source, one write transaction on the destination, which either
 * commits whole or leaves the destination as it was.  Returns the SQLite
 * result code, with a description in @message. */
static int
copy_pages (sqlite3  *dest,
            sqlite3  *src,
            char    **message)
{
  sqlite3_backup *backup;
  int rc;

  /* The busy handler counts its waits from the last statement a
   * connection ran, and sqlite3_backup_step() does not restart the count:
   * after a busy failure the store's connection would give up at once.
   * Setting the timeout again restarts it. */
  sqlite3_busy_timeout (dest, BUSY_TIMEOUT_MS);
  sqlite3_busy_timeout (src, BUSY_TIMEOUT_MS);

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      *message = g_strdup (sqlite3_errmsg (dest));
      return sqlite3_errcode (dest);
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;
  /* Errors on the source side (a damaged page) are reported on the
   * destination connection after finish; BUSY and LOCKED are not. */
  *message = g_strdup (sqlite3_errcode (dest) != SQLITE_OK ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  return rc;
}

/* @busy_message: what to tell when another connection holds the lock. */
static void
set_copy_error (GError     **error,
                int          rc,
                const char  *message,
                const char  *busy_message,
                const char  *db_path,
                const char  *other_path)
{
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error_literal (error, CG_STORE_ERROR, CG_STORE_ERROR_BUSY, busy_message);
  else if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT,
                 _("Cannot copy %s: it is damaged (%s)."), other_path, message);
  else
    g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_IO,
                 _("Cannot copy between %s and %s: %s"), db_path, other_path, message);
}

static char *
restore_busy_message (const char *db_path)
{
  return g_strdup_printf (_("Cannot restore into the database %s now: another Callgauge window or command is writing to it. Try again when it has finished."),
                          db_path);
}

/* Backs up @db_path into @path, a new empty file. */
static gboolean
write_backup (const char  *db_path,
              const char  *path,
              GError     **error)
{
  g_autofree char *message = NULL;
  sqlite3 *src, *dest;
  int rc;

  src = open_connection (db_path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return FALSE;
  dest = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }

  rc = copy_pages (dest, src, &message);
  if (rc == SQLITE_OK &&
      sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      rc = sqlite3_errcode (dest);
      message = g_strdup (sqlite3_errmsg (dest));
    }
  sqlite3_close_v2 (dest);
  sqlite3_close_v2 (src);

  if (rc != SQLITE_OK)
    {
      g_autofree char *busy = g_strdup_printf (_("Cannot back up the database %s now: another Callgauge window or command holds a lock on it. Try again when it has finished."),
                                               db_path);
      set_copy_error (error, rc, message, busy, db_path, path);
      return FALSE;
    }
  return TRUE;
}

/* Makes a backup without rotating, so that a restore can back up the
 * current data before it reads a backup that rotation might remove. */
static char *
backup_to_new_file (CgStore         *store,
                    CgBackupReason   reason,
                    GError         **error)
{
  const char *db_path = cg_store_get_path (store);
  g_autofree char *folder = cg_backup_get_folder (db_path);
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *path = NULL;
  gint64 ms = g_get_real_time () / 1000;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the backup folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }

  /* Names must sort by time, even when the clock was set back or two
   * backups come within a millisecond. */
  existing = list_backups (db_path, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    ms = MAX (ms, CG_BACKUP (g_ptr_array_index (existing, 0))->created_ms + 1);

  for (;; ms++)
    {
      g_autofree char *stamp = format_stamp (ms);
      g_autofree char *name = g_strdup_printf (NAME_PREFIX "%s-%s" NAME_SUFFIX, stamp,
                                               cg_backup_reason_to_string (reason));
      g_autoptr(GError) local_error = NULL;

      g_free (path);
      path = g_build_filename (folder, name, NULL);
      if (create_private_file (path, &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (!write_backup (db_path, path, error))
    {
      /* A partial copy is not a backup. */
      g_remove (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
cg_backup_create (CgStore         *store,
                  CgBackupReason   reason,
                  GError         **error)
{
  char *path;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  path = backup_to_new_file (store, reason, error);
  if (path != NULL)
    rotate (cg_store_get_path (store));
  return path;
}

/* ---- restoring --------------------------------------------------------- */

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);

  return g_file_equal (fa, fb);
}

/* The checks a backup passes before anything is replaced by it. */
static gboolean
check_backup_file (const char  *db_path,
                   const char  *backup_path,
                   GError     **error)
{
  if (same_file (db_path, backup_path))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("%s is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }
  if (!g_file_test (backup_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("There is no file %s."), backup_path);
      return FALSE;
    }
  if (!cg_store_check_file (backup_path, NULL, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_backup_restore (CgStore     *store,
                   const char  *backup_path,
                   GError     **error)
{
  const char *db_path;
  g_autofree char *before = NULL;
  g_autofree char *message = NULL;
  sqlite3 *src;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  /* The copy is a transaction of its own. */
  g_return_val_if_fail (sqlite3_get_autocommit (cg_store_get_db (store)), FALSE);

  db_path = cg_store_get_path (store);
  if (!check_backup_file (db_path, backup_path, error))
    return FALSE;

  before = backup_to_new_file (store, CG_BACKUP_REASON_BEFORE_RESTORE, error);
  if (before == NULL)
    {
      g_prefix_error (error, _("Nothing was restored, because the current data could not be backed up first: "));
      return FALSE;
    }

  src = open_connection (backup_path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    {
      rotate (db_path);
      return FALSE;
    }
  rc = copy_pages (cg_store_get_db (store), src, &message);
  sqlite3_close_v2 (src);
  rotate (db_path);
  if (rc != SQLITE_OK)
    {
      g_autofree char *busy = restore_busy_message (db_path);
      set_copy_error (error, rc, message, busy, db_path, backup_path);
      return FALSE;
    }
  return cg_store_reload (store, error);
}

static gboolean
rename_file (const char  *from,
             const char  *to,
             GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot move %s to %s: %s"), from, to, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* What travels with a database file: a hot journal or a WAL belongs to the
 * damaged file and would be replayed into its replacement. */
static const char *const companions[] = { "", "-wal", "-journal" };

static void
move_back (const char *db_path,
           const char *kept,
           guint       n_moved)
{
  for (guint i = 0; i < n_moved; i++)
    {
      g_autofree char *from = g_strconcat (kept, companions[i], NULL);
      g_autofree char *to = g_strconcat (db_path, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_debug ("Cannot move %s back to %s: %s", from, to, g_strerror (errno));
    }
}

gboolean
cg_backup_restore_damaged (const char  *db_path,
                           const char  *backup_path,
                           char       **kept_path,
                           GError     **error)
{
  g_autoptr(GError) damage = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *message = NULL;
  g_autofree char *stamp = NULL;
  sqlite3 *src = NULL, *dest = NULL;
  guint n_moved = 0;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (cg_store_check_file (db_path, NULL, &damage))
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The database %s is not damaged; it was left unchanged."), db_path);
      return FALSE;
    }
  if (!g_error_matches (damage, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&damage));
      return FALSE;
    }
  if (!check_backup_file (db_path, backup_path, error))
    return FALSE;

  stamp = format_stamp (g_get_real_time () / 1000);
  kept = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  for (guint i = 2; g_file_test (kept, G_FILE_TEST_EXISTS); i++)
    {
      g_free (kept);
      kept = g_strdup_printf ("%s.damaged-%s-%u", db_path, stamp, i);
    }

  /* Move the damaged file and its companions aside, never delete them. */
  for (; n_moved < G_N_ELEMENTS (companions); n_moved++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[n_moved], NULL);
      g_autofree char *to = g_strconcat (kept, companions[n_moved], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !rename_file (from, to, error))
        {
          move_back (db_path, kept, n_moved);
          return FALSE;
        }
    }
  /* The shared-memory index describes the WAL that just moved away. */
  shm = g_strconcat (db_path, "-shm", NULL);
  if (g_file_test (shm, G_FILE_TEST_EXISTS) && g_remove (shm) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot remove %s: %s. Close every Callgauge window and command that uses the database, then try again."),
                   shm, g_strerror (saved));
      move_back (db_path, kept, n_moved);
      return FALSE;
    }

  if (!create_private_file (db_path, error))
    {
      move_back (db_path, kept, n_moved);
      return FALSE;
    }
  if ((dest = open_connection (db_path, SQLITE_OPEN_READWRITE, error)) == NULL ||
      (src = open_connection (backup_path, SQLITE_OPEN_READONLY, error)) == NULL)
    {
      sqlite3_close_v2 (dest);
      g_remove (db_path);
      move_back (db_path, kept, n_moved);
      return FALSE;
    }
  rc = copy_pages (dest, src, &message);
  sqlite3_close_v2 (src);
  sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    {
      g_autofree char *busy = restore_busy_message (db_path);
      set_copy_error (error, rc, message, busy, db_path, backup_path);
      g_remove (db_path);
      move_back (db_path, kept, n_moved);
      return FALSE;
    }

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

/* ---- migrations -------------------------------------------------------- */

gboolean
cg_backup_needed_before_migration (int from_version,
                                   int to_version)
{
  /* Version 0 is a database being created: there is nothing to lose. */
  return from_version > 0 && from_version < to_version;
}

gboolean
cg_backup_before_migration (CgStore  *store,
                            int       from_version,
                            int       to_version,
                            char    **path,
                            GError  **error)
{
  g_return_val_if_fail (CG_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  *path = NULL;
  if (!cg_backup_needed_before_migration (from_version, to_version))
    return TRUE;
  *path = cg_backup_create (store, CG_BACKUP_REASON_BEFORE_MIGRATION, error);
  return *path != NULL;
}
