/* cg-import-common.h — what the importers of calls, surveys, feedback,
 * complaints and do-not-call lists share; core only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cg-phone.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* The database's keyed phone hasher, and in @keep_full_numbers (may be
 * NULL) whether the keep_full_numbers setting is on; NULL with @error when
 * the database has lost its key. */
CgPhoneHasher *cg_import_phone_hasher_new  (CgStore       *store,
                                            gboolean      *keep_full_numbers,
                                            GError       **error);

/* Binds the keyed hash of @digits at @index, the masked form at @index + 1
 * and, with @keep_full, the digits at @index + 2.  Binds nothing for empty
 * @digits: statements from cg_store_prepare() start with null bindings. */
void           cg_import_bind_phone        (sqlite3_stmt  *stmt,
                                            int            index,
                                            CgPhoneHasher *hasher,
                                            const char    *digits,
                                            gboolean       keep_full);

/* Binds a copy of @text, or null when it is NULL or empty. */
void           cg_import_bind_text_or_null (sqlite3_stmt  *stmt,
                                            int            index,
                                            const char    *text);

/* Steps a statement that returns no rows and resets it; @what names the
 * step in the error. */
gboolean       cg_import_step_done         (CgStore       *store,
                                            sqlite3_stmt  *stmt,
                                            const char    *what,
                                            GError       **error);

/* The SHA-256 of the file's bytes, in hex (how batches recognise a file
 * imported before). */
char          *cg_import_file_sha256       (const char    *path,
                                            GError       **error);

G_END_DECLS
