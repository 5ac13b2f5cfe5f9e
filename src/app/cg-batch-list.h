/* cg-batch-list.h — the table of import batches on the Data page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_BATCH_LIST (cg_batch_list_get_type ())
G_DECLARE_FINAL_TYPE (CgBatchList, cg_batch_list, CG, BATCH_LIST, GtkWidget)

CgBatchList *cg_batch_list_new        (void);
/** cg_batch_list_set_model: shows @batches (a GListModel of CgBatch). */
void         cg_batch_list_set_model  (CgBatchList *self,
                                       GListModel  *batches);
/** cg_batch_list_set_hidden: hides a batch whose deletion can still be undone. */
void         cg_batch_list_set_hidden (CgBatchList *self,
                                       gint64       batch_id,
                                       gboolean     hidden);
guint        cg_batch_list_get_n_visible (CgBatchList *self);

G_END_DECLS
