/* cg-findings-list.h — the ranked findings as rows that lead to their page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-findings.h"
#include "cg-view-filter.h"

G_BEGIN_DECLS

/** cg_finding_page_name: the window page that shows @entry ("connect", "cost"…). */
const char *cg_finding_page_name  (const CgFindingEntry *entry);

/** cg_findings_list_fill: replaces the rows of @box with at most @max_rows of
 * @findings; each row's button sets @filter to the finding's subject and
 * shows its page (the "win.page" action). */
void        cg_findings_list_fill (GtkListBox           *box,
                                   const CgFindings     *findings,
                                   guint                 max_rows,
                                   CgViewFilter         *filter);

G_END_DECLS
