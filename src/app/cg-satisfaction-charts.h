/* cg-satisfaction-charts.h — charts of satisfaction rows (CgSatisfactionRow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-chart.h"
#include "cg-satisfaction.h"

G_BEGIN_DECLS

/** cg_satisfaction_by_for_grain: the satisfaction slice of a filter granularity. */
CgSatisfactionBy cg_satisfaction_by_for_grain (CgDimension  granularity);

/** cg_satisfaction_radar_chart: mean score (1–5) of each rated dimension, from
 * CG_SAT_BY_TOTAL rows; one spoke per dimension with answers. */
CgChart *cg_satisfaction_radar_chart        (GPtrArray   *total_rows);
/** cg_satisfaction_trend_chart: the mean "all" score with its 95 % band over
 * the periods of @granularity. */
CgChart *cg_satisfaction_trend_chart        (CgDimension  granularity,
                                             GPtrArray   *rows);
/** cg_satisfaction_distribution_chart: answers per scale point of @row. */
CgChart *cg_satisfaction_distribution_chart (const CgSatisfactionRow *row);
/** cg_satisfaction_band_chart: mean "all" score by talk-duration band. */
CgChart *cg_satisfaction_band_chart         (GPtrArray   *band_rows);

G_END_DECLS
