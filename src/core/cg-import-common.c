/* cg-import-common.c — what the importers share: phone hashing, binding,
 * stepping, file checksums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cg-import-common.h"
#include "cg-store-private.h"

CgPhoneHasher *
cg_import_phone_hasher_new (CgStore   *store,
                            gboolean  *keep_full_numbers,
                            GError   **error)
{
  g_autofree char *key = cg_store_get_setting (store, "phone_hash_key", NULL);

  if (key == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The database has lost its phone hash key and cannot take new data."));
      return NULL;
    }
  if (keep_full_numbers != NULL)
    {
      g_autofree char *keep = cg_store_get_setting (store, "keep_full_numbers", "false");
      *keep_full_numbers = g_strcmp0 (keep, "true") == 0;
    }
  return cg_phone_hasher_new (key);
}

void
cg_import_bind_phone (sqlite3_stmt  *stmt,
                      int            index,
                      CgPhoneHasher *hasher,
                      const char    *digits,
                      gboolean       keep_full)
{
  char masked[CG_PHONE_MAX_DIGITS + 1];

  if (digits[0] == '\0')
    return;
  cg_phone_mask (digits, masked);
  sqlite3_bind_int64 (stmt, index, cg_phone_hasher_hash (hasher, digits));
  sqlite3_bind_text (stmt, index + 1, masked, -1, SQLITE_TRANSIENT);
  if (keep_full)
    sqlite3_bind_text (stmt, index + 2, digits, -1, SQLITE_TRANSIENT);
}

void
cg_import_bind_text_or_null (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
cg_import_step_done (CgStore      *store,
                     sqlite3_stmt *stmt,
                     const char   *what,
                     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, what);
      return FALSE;
    }
  return TRUE;
}

char *
cg_import_file_sha256 (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buf = g_malloc (1 << 16);
  gssize n;

  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, 1 << 16, NULL, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}
