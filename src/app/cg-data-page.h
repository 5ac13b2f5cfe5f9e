/* cg-data-page.h — the Data page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-batch-list.h"
#include "cg-page.h"

G_BEGIN_DECLS

#define CG_TYPE_DATA_PAGE (cg_data_page_get_type ())
G_DECLARE_FINAL_TYPE (CgDataPage, cg_data_page, CG, DATA_PAGE, CgPage)

/** cg_data_page_get_batch_list: the batches table (the window hides batches pending deletion). */
CgBatchList *cg_data_page_get_batch_list (CgDataPage *self);

G_END_DECLS
