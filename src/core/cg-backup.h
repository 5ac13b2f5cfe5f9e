/* cg-backup.h — automatic and manual backups of the database, and restoring them.
 *
 * Backups live in a folder beside the database, "<database>.backups/"
 * (for the default database: callgauge.db.backups/), one complete SQLite
 * file each, named
 *
 *     backup-20261124T143501.123Z-before-delete.db
 *
 * — "backup-", the moment it was made in UTC (ISO 8601 basic format, with
 * milliseconds), its reason, ".db".  Names therefore sort by time, and each
 * new name sorts after every existing one even if the clock went back.
 * The folder holds the CG_BACKUP_KEEP newest backups: making one deletes
 * the oldest beyond that.  Files whose names do not follow the pattern are
 * never listed nor deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "cg-store.h"

G_BEGIN_DECLS

/* How many backups the folder keeps. */
#define CG_BACKUP_KEEP 5

/* Why a backup was made; the names are part of the file names. */
typedef enum {
  CG_BACKUP_REASON_MANUAL,            /* "manual" */
  CG_BACKUP_REASON_BEFORE_DELETE,     /* "before-delete": cg_store_delete_batch */
  CG_BACKUP_REASON_BEFORE_MIGRATION,  /* "before-migration": cg_store_open upgrading the schema */
  CG_BACKUP_REASON_BEFORE_RESTORE,    /* "before-restore": the data a restore replaced */
  CG_BACKUP_REASON_BEFORE_PURGE,      /* "before-purge": cg_purge_older_than */
} CgBackupReason;

#define CG_TYPE_BACKUP (cg_backup_get_type ())
G_DECLARE_FINAL_TYPE (CgBackup, cg_backup, CG, BACKUP, GObject)

const char     *cg_backup_get_path        (CgBackup *self);
/** cg_backup_get_created_at: when the backup was made (UTC, millisecond precision). */
GDateTime      *cg_backup_get_created_at  (CgBackup *self);
CgBackupReason  cg_backup_get_reason      (CgBackup *self);
/** cg_backup_get_size: the file's size in bytes. */
gint64          cg_backup_get_size        (CgBackup *self);

/** cg_backup_reason_to_string: the stable name, as in file names and JSON ("before-delete"). */
const char     *cg_backup_reason_to_string (CgBackupReason reason);
/** cg_backup_reason_get_label: a translated description for people. */
const char     *cg_backup_reason_get_label (CgBackupReason reason);

/** cg_backup_get_folder: the folder of @db_path's backups (newly allocated). */
char           *cg_backup_get_folder      (const char     *db_path);

/** cg_backup_create: backs up @store's committed data now; returns the new file's path. */
char           *cg_backup_create          (CgStore        *store,
                                           CgBackupReason  reason,
                                           GError        **error);

/** cg_backup_list: the backups of @db_path, newest first (a GListStore of CgBackup). */
GListModel     *cg_backup_list            (const char     *db_path,
                                           GError        **error);

/** cg_backup_get_newest_path: the newest backup of @db_path, or NULL when there is none. */
char           *cg_backup_get_newest_path (const char     *db_path);

/* Replaces all data in the open @store by the backup at @backup_path, for
 * every connection to the database.  The file must pass the checks
 * cg_store_open makes (a Callgauge database, not newer, not damaged); the
 * data it replaces is backed up first (reason before-restore); a backup of
 * an older schema is upgraded.  On failure the database is unchanged. */
gboolean        cg_backup_restore         (CgStore        *store,
                                           const char     *backup_path,
                                           GError        **error);

/* For a database that cg_store_open refuses as damaged: moves it (and its
 * -wal file) aside to "<database>.damaged-<UTC time>", whose path goes to
 * @kept_path, and puts the backup in its place.  Refuses a database that
 * is not damaged.  On failure everything is as it was. */
gboolean        cg_backup_restore_damaged (const char     *db_path,
                                           const char     *backup_path,
                                           char          **kept_path,
                                           GError        **error);

/** cg_backup_needed_before_migration: whether upgrading from @from_version must back up first. */
gboolean        cg_backup_needed_before_migration (int from_version,
                                                   int to_version);

/* The step cg_store_open takes before upgrading from @from_version to
 * @to_version: a backup when one is needed (its path in @path), nothing
 * otherwise (*@path is NULL). */
gboolean        cg_backup_before_migration (CgStore       *store,
                                            int            from_version,
                                            int            to_version,
                                            char         **path,
                                            GError       **error);

G_END_DECLS
