/* cg-connect-page.h — connect rate: trend, slices, hours, outcomes,
 * number quality, best times and an A/B comparison.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-page.h"
#include "cg-table.h"

G_BEGIN_DECLS

#define CG_TYPE_CONNECT_PAGE (cg_connect_page_get_type ())
G_DECLARE_FINAL_TYPE (CgConnectPage, cg_connect_page, CG, CONNECT_PAGE, CgPage)

/** cg_connect_page_get_table: the table of @by (a granularity stands for the trend; tests). */
CgTable    *cg_connect_page_get_table   (CgConnectPage *self,
                                         CgDimension    by);
/* Chooses the A/B panel's dimension (line, list or agent) and groups;
 * FALSE when a group is not among the page's keys. */
gboolean    cg_connect_page_compare     (CgConnectPage *self,
                                         CgDimension    by,
                                         const char    *group_a,
                                         const char    *group_b);
/** cg_connect_page_get_verdict: the A/B panel's verdict in words ("" before one). */
const char *cg_connect_page_get_verdict (CgConnectPage *self);

/** cg_connect_page_get_incidents: the table of the period's line incidents (tests). */
CgTable *cg_connect_page_get_incidents    (CgConnectPage *self);
/** cg_connect_page_get_call_quality: call quality by line (tests). */
CgTable *cg_connect_page_get_call_quality (CgConnectPage *self);

G_END_DECLS
