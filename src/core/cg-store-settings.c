/* cg-store-settings.c — the settings table: keys and values the app and
 * `callgauge-cli settings` share, and the two settings that change stored
 * data (the business time zone regroups the sums; keep_full_numbers off
 * erases the full numbers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-aggregates.h"
#include "cg-purge.h"
#include "cg-store-private.h"

char *
cg_store_get_setting (CgStore    *self,
                      const char *key,
                      const char *fallback)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CG_IS_STORE (self), NULL);

  stmt = cg_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (fallback);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value != NULL ? value : g_strdup (fallback);
}

gboolean
cg_store_set_setting (CgStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean regroup, own;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);

  /* The aggregate sums are grouped by local day: a new business time zone
   * regroups them, in the same transaction as the setting. */
  regroup = g_str_equal (key, "time_zone") && cg_store_get_schema_version (self) >= 2;
  /* Purged calls live on only in the sums, which cannot be regrouped
   * (cg-purge.c). */
  if (regroup && cg_purge_get_closed_before (self) > 0)
    {
      g_autofree char *current = cg_store_get_setting (self, "time_zone", "Asia/Shanghai");

      if (g_strcmp0 (current, value) != 0)
        {
          g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                       _("The business time zone cannot change any more: call details were "
                         "deleted for retention, and their daily sums cannot be regrouped into "
                         "another time zone."));
          return FALSE;
        }
    }
  own = regroup && sqlite3_get_autocommit (cg_store_get_db (self));
  if (own && !cg_store_begin (self, error))
    return FALSE;

  stmt = cg_store_prepare (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (self, error, "set setting");
      goto fail;
    }
  if (regroup && !cg_aggregates_rebuild (self, error))
    goto fail;
  if (own && !cg_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  if (own)
    cg_store_rollback (self);
  return FALSE;
}

GStrv
cg_store_list_setting_keys (CgStore    *self,
                            const char *prefix)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  /* substr() rather than LIKE: prefixes may hold % or _. */
  sqlite3_stmt *stmt = cg_store_prepare (self,
                                         "SELECT key FROM settings WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key",
                                         NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (keys, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (keys);
}

gboolean
cg_store_delete_setting (CgStore     *self,
                         const char  *key,
                         GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (self, error, "delete setting");
      return FALSE;
    }
  if (sqlite3_changes (cg_store_get_db (self)) == 0)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND, _("There is no setting “%s”."), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean erase_full_numbers (CgStore *self, gboolean keep, GError **error);

gboolean
cg_store_set_keep_full_numbers (CgStore   *self,
                                gboolean   keep,
                                GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);

  /* Erasing must reach the bytes: with secure_delete, SQLite zeroes the
   * overwritten and freed space instead of leaving it in the file (Debian
   * builds SQLite with it on by default, other builds may not; it stays on
   * for this connection), and the checkpoint below empties the -wal file,
   * which still holds the old pages. */
  if (!keep && !cg_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  ok = erase_full_numbers (self, keep, error);
  if (!keep && ok)
    cg_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  return ok;
}

static gboolean
erase_full_numbers (CgStore   *self,
                    gboolean   keep,
                    GError   **error)
{
  if (!cg_store_begin (self, error))
    return FALSE;
  if (!cg_store_set_setting (self, "keep_full_numbers", keep ? "true" : "false", error) ||
      (!keep && (!cg_store_exec (self, "UPDATE calls SET phone_full = NULL WHERE phone_full IS NOT NULL", error) ||
                 !cg_store_exec (self, "UPDATE survey_responses SET phone_full = NULL WHERE phone_full IS NOT NULL", error) ||
                 !cg_store_exec (self, "UPDATE complaints SET phone_full = NULL WHERE phone_full IS NOT NULL", error) ||
                 !cg_store_exec (self, "UPDATE feedback SET phone_full = NULL WHERE phone_full IS NOT NULL", error))))
    {
      cg_store_rollback (self);
      return FALSE;
    }
  return cg_store_commit (self, error);
}

gboolean
cg_store_set_time_zone (CgStore     *self,
                        const char  *identifier,
                        GError     **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (identifier);

  g_return_val_if_fail (CG_IS_STORE (self), FALSE);
  if (tz == NULL)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("“%s” is not a time zone; use a name such as Asia/Shanghai."), identifier);
      return FALSE;
    }
  return cg_store_set_setting (self, "time_zone", identifier, error);
}
