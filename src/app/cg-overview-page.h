/* cg-overview-page.h — key figures and the connect-rate trend at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart-view.h"
#include "cg-page.h"
#include "cg-table.h"

G_BEGIN_DECLS

#define CG_TYPE_OVERVIEW_PAGE (cg_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CgOverviewPage, cg_overview_page, CG, OVERVIEW_PAGE, CgPage)

/** cg_overview_page_get_trend: the connect-rate trend table (tests). */
CgTable *cg_overview_page_get_trend (CgOverviewPage *self);

/** cg_overview_page_get_trend_chart: the connect-rate trend chart (tests). */
CgChartView *cg_overview_page_get_trend_chart (CgOverviewPage *self);

/** cg_overview_page_get_forecast_chart: the connect-rate forecast chart (tests). */
CgChartView *cg_overview_page_get_forecast_chart (CgOverviewPage *self);

/** cg_overview_page_get_findings: the findings list and how many findings it shows (tests). */
GtkListBox *cg_overview_page_get_findings (CgOverviewPage *self,
                                           guint          *n_findings);

/** cg_overview_page_get_scorecard: the scorecard table by agent (tests). */
CgTable *cg_overview_page_get_scorecard (CgOverviewPage *self);

G_END_DECLS
