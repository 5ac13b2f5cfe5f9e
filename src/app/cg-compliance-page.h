/* cg-compliance-page.h — the Compliance page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-page.h"
#include "cg-table.h"

G_BEGIN_DECLS

#define CG_TYPE_COMPLIANCE_PAGE (cg_compliance_page_get_type ())
G_DECLARE_FINAL_TYPE (CgCompliancePage, cg_compliance_page, CG, COMPLIANCE_PAGE, CgPage)

/** cg_compliance_page_get_dnc: the do-not-call list as shown (tests). */
CgTable *cg_compliance_page_get_dnc (CgCompliancePage *self);

G_END_DECLS
