/* cg-store.h — the Callgauge database: open, migrate, transactions, settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_STORE_ERROR (cg_store_error_quark ())

typedef enum {
  CG_STORE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database at all */
  CG_STORE_ERROR_FOREIGN,       /* an SQLite database that another program owns */
  CG_STORE_ERROR_TOO_NEW,       /* written by a newer Callgauge */
  CG_STORE_ERROR_IO,
  CG_STORE_ERROR_BUSY,          /* another program holds the write lock */
  CG_STORE_ERROR_SQL,
  CG_STORE_ERROR_NOT_FOUND,
  CG_STORE_ERROR_INVALID,
  CG_STORE_ERROR_CORRUPT,       /* damaged: PRAGMA quick_check failed; the file is left unchanged */
} CgStoreError;

/* PRAGMA application_id of every Callgauge database: "CGDB" in ASCII. */
#define CG_STORE_APPLICATION_ID 0x43474442

#define CG_TYPE_STORE (cg_store_get_type ())
G_DECLARE_FINAL_TYPE (CgStore, cg_store, CG, STORE, GObject)

GQuark       cg_store_error_quark        (void);

/** cg_store_default_path: $XDG_DATA_HOME/callgauge/callgauge.db (newly allocated). */
char        *cg_store_default_path       (void);

/** cg_store_open: opens or creates @path, refusing foreign, newer or damaged files untouched. */
CgStore     *cg_store_open               (const char  *path,
                                          GError     **error);
/* cg_store_open without PRAGMA quick_check (it reads the whole file: a
 * third of a second per million calls), for a further connection of a
 * process that has opened @path with cg_store_open already — the app's
 * query worker. */
CgStore     *cg_store_open_unchecked     (const char  *path,
                                          GError     **error);

/* Checks, without changing it, that @path is an intact Callgauge database
 * this version can open: the header, application_id and user_version
 * checks of cg_store_open and PRAGMA quick_check.  An empty SQLite
 * database is refused (CG_STORE_ERROR_FOREIGN).  @schema_version may be NULL. */
gboolean     cg_store_check_file         (const char  *path,
                                          int         *schema_version,
                                          GError     **error);

/* Re-reads the schema version after the file's content was replaced (by a
 * restore) and upgrades it when it is older. */
gboolean     cg_store_reload             (CgStore     *self,
                                          GError     **error);

const char  *cg_store_get_path           (CgStore     *self);
int          cg_store_get_schema_version (CgStore     *self);
int          cg_store_get_latest_schema_version (void);

/** cg_store_begin: starts a write transaction (BEGIN IMMEDIATE). */
gboolean     cg_store_begin              (CgStore     *self,
                                          GError     **error);
gboolean     cg_store_commit             (CgStore     *self,
                                          GError     **error);
/** cg_store_rollback: abandons the open transaction; safe to call when none is open. */
void         cg_store_rollback           (CgStore     *self);

/** cg_store_get_setting: the stored value of @key, or @fallback when unset. */
char        *cg_store_get_setting        (CgStore     *self,
                                          const char  *key,
                                          const char  *fallback);
gboolean     cg_store_set_setting        (CgStore     *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);

/* Turns keeping full phone numbers on or off.  Turning it off also erases
 * every full number already stored, in one transaction: only hashes and
 * masks remain. */
gboolean     cg_store_set_keep_full_numbers (CgStore   *self,
                                             gboolean   keep,
                                             GError   **error);

/** cg_store_list_setting_keys: keys that start with @prefix, sorted. */
GStrv        cg_store_list_setting_keys  (CgStore     *self,
                                          const char  *prefix);
gboolean     cg_store_delete_setting     (CgStore     *self,
                                          const char  *key,
                                          GError     **error);

/* Sets the business time zone (an IANA name such as Asia/Shanghai) and
 * regroups the aggregate sums by it, in one transaction. */
gboolean     cg_store_set_time_zone      (CgStore     *self,
                                          const char  *identifier,
                                          GError     **error);

/** cg_store_get_time_zone: the business time zone all grouping uses (default Asia/Shanghai). */
GTimeZone   *cg_store_get_time_zone      (CgStore     *self);

/** cg_store_count_calls: number of calls in the database. */
gint64       cg_store_count_calls        (CgStore     *self);

G_END_DECLS
