/* cg-dnc.c — the do-not-call list as it stands (see cg-dnc.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-dnc.h"
#include "cg-store-private.h"

void
cg_dnc_entry_free (CgDncEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->phone_masked);
  g_free (entry->source);
  g_free (entry);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
count_numbers (CgStore  *store,
               gint64   *numbers,
               gint64   *from_calls,
               GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT count(DISTINCT phone_hash),"
    "       count(DISTINCT CASE WHEN source = 'call' THEN phone_hash END) FROM dnc", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *numbers = sqlite3_column_int64 (stmt, 0);
      *from_calls = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "do-not-call list");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
cg_dnc_list (CgStore  *store,
             guint     limit,
             gint64   *numbers,
             gint64   *from_calls,
             GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_dnc_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (!count_numbers (store, numbers, from_calls, error) ||
      (stmt = cg_store_prepare (store,
                                "SELECT phone_masked, source, added_ts, coalesce (batch_id, 0) FROM dnc"
                                " ORDER BY added_ts DESC, id DESC LIMIT ?1", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgDncEntry *entry = g_new0 (CgDncEntry, 1);

      entry->phone_masked = column_strdup (stmt, 0);
      entry->source = column_strdup (stmt, 1);
      entry->added_ts = sqlite3_column_int64 (stmt, 2);
      entry->batch_id = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "do-not-call list");
      return NULL;
    }
  return g_steal_pointer (&entries);
}
