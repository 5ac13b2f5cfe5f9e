/* cg-batch.h — import batches: what was imported, when, and undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_BATCH (cg_batch_get_type ())
G_DECLARE_FINAL_TYPE (CgBatch, cg_batch, CG, BATCH, GObject)

gint64      cg_batch_get_id            (CgBatch *self);
const char *cg_batch_get_kind          (CgBatch *self);
const char *cg_batch_get_file_name     (CgBatch *self);
const char *cg_batch_get_sha256        (CgBatch *self);
gint64      cg_batch_get_created_at    (CgBatch *self);
const char *cg_batch_get_preset        (CgBatch *self);
const char *cg_batch_get_encoding      (CgBatch *self);
gint64      cg_batch_get_rows_read     (CgBatch *self);
gint64      cg_batch_get_rows_imported (CgBatch *self);
gint64      cg_batch_get_rows_skipped  (CgBatch *self);
gint64      cg_batch_get_duplicates    (CgBatch *self);

/** cg_store_list_batches: all batches, newest first (a GListStore of CgBatch). */
GListModel *cg_store_list_batches      (CgStore  *store,
                                        GError  **error);

/** cg_store_find_batch_by_sha256: id of a batch of @kind with that file hash, or 0. */
gint64      cg_store_find_batch_by_sha256 (CgStore    *store,
                                           const char *kind,
                                           const char *sha256);

/** cg_store_delete_batch: removes the batch and exactly the rows it imported. */
gboolean    cg_store_delete_batch      (CgStore  *store,
                                        gint64    batch_id,
                                        GError  **error);

G_END_DECLS
