/* cg-satisfaction-page.h — the Satisfaction page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-page.h"

G_BEGIN_DECLS

#define CG_TYPE_SATISFACTION_PAGE (cg_satisfaction_page_get_type ())
G_DECLARE_FINAL_TYPE (CgSatisfactionPage, cg_satisfaction_page, CG, SATISFACTION_PAGE, CgPage)

G_END_DECLS
