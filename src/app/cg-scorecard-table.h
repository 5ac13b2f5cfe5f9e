/* cg-scorecard-table.h — the scorecard as a sortable table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-scorecard.h"
#include "cg-table.h"

G_BEGIN_DECLS

CgTable *cg_scorecard_table_new  (void);
/** cg_scorecard_table_fill: one row per key of @card; "—" where a value is missing. */
void     cg_scorecard_table_fill (CgTable           *table,
                                  const CgScorecard *card);

G_END_DECLS
