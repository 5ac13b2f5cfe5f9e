/* cg-cost-page.h — the Cost page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-page.h"

G_BEGIN_DECLS

#define CG_TYPE_COST_PAGE (cg_cost_page_get_type ())
G_DECLARE_FINAL_TYPE (CgCostPage, cg_cost_page, CG, COST_PAGE, CgPage)

/** cg_cost_page_get_npv: the NPV of the scenario being edited; NAN without one (tests). */
double cg_cost_page_get_npv (CgCostPage *self);

G_END_DECLS
