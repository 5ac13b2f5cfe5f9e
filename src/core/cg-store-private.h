/* cg-store-private.h — for core modules that own tables; never included by app or cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "cg-store.h"

G_BEGIN_DECLS

sqlite3      *cg_store_get_db        (CgStore     *self);

/* A second, read-only connection to the same database, for a worker thread
 * (a connection belongs to one thread at a time).  No integrity check or
 * migration: @self has done them. */
CgStore      *cg_store_open_reader   (CgStore     *self,
                                      GError     **error);

/* A prepared statement for @sql, cached for the store's lifetime and reset
 * with its bindings cleared.  @sql must be a string literal (it is the key). */
sqlite3_stmt *cg_store_prepare       (CgStore     *self,
                                      const char  *sql,
                                      GError     **error);

gboolean      cg_store_exec          (CgStore     *self,
                                      const char  *sql,
                                      GError     **error);

/* Sets @error from the connection's last SQLite error, prefixed by @what. */
void          cg_store_set_sql_error (CgStore     *self,
                                      GError     **error,
                                      const char  *what);

G_END_DECLS
