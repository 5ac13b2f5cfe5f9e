/* cg-batch.c — import batches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cg-backup.h"
#include "cg-aggregates.h"
#include "cg-batch.h"
#include "cg-format.h"
#include "cg-store-private.h"

struct _CgBatch
{
  GObject  parent_instance;

  gint64   id;
  char    *kind;
  char    *file_name;
  char    *sha256;
  gint64   created_at;
  char    *preset;
  char    *encoding;
  gint64   rows_read;
  gint64   rows_imported;
  gint64   rows_skipped;
  gint64   duplicates;
};

G_DEFINE_FINAL_TYPE (CgBatch, cg_batch, G_TYPE_OBJECT)

static void
cg_batch_finalize (GObject *object)
{
  CgBatch *self = CG_BATCH (object);

  g_free (self->kind);
  g_free (self->file_name);
  g_free (self->sha256);
  g_free (self->preset);
  g_free (self->encoding);

  G_OBJECT_CLASS (cg_batch_parent_class)->finalize (object);
}

static void
cg_batch_class_init (CgBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_batch_finalize;
}

static void
cg_batch_init (CgBatch *self)
{
}

gint64 cg_batch_get_id (CgBatch *self) { return self->id; }
const char *cg_batch_get_kind (CgBatch *self) { return self->kind; }
const char *cg_batch_get_file_name (CgBatch *self) { return self->file_name; }
const char *cg_batch_get_sha256 (CgBatch *self) { return self->sha256; }
gint64 cg_batch_get_created_at (CgBatch *self) { return self->created_at; }
const char *cg_batch_get_preset (CgBatch *self) { return self->preset; }
const char *cg_batch_get_encoding (CgBatch *self) { return self->encoding; }
gint64 cg_batch_get_rows_read (CgBatch *self) { return self->rows_read; }
gint64 cg_batch_get_rows_imported (CgBatch *self) { return self->rows_imported; }
gint64 cg_batch_get_rows_skipped (CgBatch *self) { return self->rows_skipped; }
gint64 cg_batch_get_duplicates (CgBatch *self) { return self->duplicates; }

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GListModel *
cg_store_list_batches (CgStore  *store,
                       GError  **error)
{
  g_autoptr(GListStore) batches = g_list_store_new (CG_TYPE_BATCH);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT id, kind, file_name, sha256, created_at, preset, encoding,"
                           "       rows_read, rows_imported, rows_skipped, duplicates "
                           "FROM batches ORDER BY id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CgBatch) batch = g_object_new (CG_TYPE_BATCH, NULL);

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->kind = column_strdup (stmt, 1);
      batch->file_name = column_strdup (stmt, 2);
      batch->sha256 = column_strdup (stmt, 3);
      batch->created_at = sqlite3_column_int64 (stmt, 4);
      batch->preset = column_strdup (stmt, 5);
      batch->encoding = column_strdup (stmt, 6);
      batch->rows_read = sqlite3_column_int64 (stmt, 7);
      batch->rows_imported = sqlite3_column_int64 (stmt, 8);
      batch->rows_skipped = sqlite3_column_int64 (stmt, 9);
      batch->duplicates = sqlite3_column_int64 (stmt, 10);
      g_list_store_append (batches, batch);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "list batches");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&batches));
}

gint64
cg_store_find_batch_by_sha256 (CgStore    *store,
                               const char *kind,
                               const char *sha256)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = cg_store_prepare (store,
                           "SELECT id FROM batches WHERE sha256 = ?1 AND kind = ?2 LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
cg_store_delete_batch (CgStore  *store,
                       gint64    batch_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *backup = NULL;
  gint64 first = 0, last = -1;
  gboolean found = FALSE;

  if (!cg_store_begin (store, error))
    return FALSE;

  stmt = cg_store_prepare (store, "SELECT first_row_id, last_row_id FROM batches WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      first = sqlite3_column_int64 (stmt, 0);
      last = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *id = cg_format_count (batch_id);
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND,
                   _("There is no import batch %s."), id);
      goto fail;
    }

  /* Deleting is final: back up first, under the write lock, so that the
   * backup holds exactly the data the delete starts from.  No backup, no
   * delete. */
  backup = cg_backup_create (store, CG_BACKUP_REASON_BEFORE_DELETE, error);
  if (backup == NULL)
    {
      g_prefix_error (error, _("The batch was not deleted, because the database could not be backed up first: "));
      goto fail;
    }

  /* The sums lose exactly the calls that go. */
  if (!cg_aggregates_subtract_batch (store, batch_id, first, last, error))
    goto fail;

  /* A batch's calls occupy the id range it recorded; the batch_id test
   * keeps the delete exact even if that ever stopped being true. */
  stmt = cg_store_prepare (store, "DELETE FROM calls WHERE id BETWEEN ?1 AND ?2 AND batch_id = ?3", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, batch_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "delete calls");
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  /* Other tables cascade through their batch_id foreign keys. */
  stmt = cg_store_prepare (store, "DELETE FROM batches WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "delete batch");
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  return cg_store_commit (store, error);

fail:
  cg_store_rollback (store);
  return FALSE;
}
