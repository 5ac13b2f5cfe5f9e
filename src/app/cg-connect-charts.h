/* cg-connect-charts.h — charts of connect-rate rows (CgConnectRow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-chart.h"

G_BEGIN_DECLS

/** cg_trend_chart: the connect rate with its 95 % band over the periods of @by (a granularity). */
CgChart *cg_trend_chart   (CgDimension  by,
                           GPtrArray   *rows);
/** cg_ranking_chart: horizontal bars with interval whiskers over the keys of @by (line, list, agent). */
CgChart *cg_ranking_chart (CgDimension  by,
                           GPtrArray   *rows);
/** cg_heatmap_chart: hour × weekday connect rates from CG_DIM_HOUR_WEEKDAY rows. */
CgChart *cg_heatmap_chart (GPtrArray   *rows);
/** cg_outcome_chart: dial attempts per outcome from CG_DIM_OUTCOME rows. */
CgChart *cg_outcome_chart (GPtrArray   *rows);

G_END_DECLS
