/* cg-forecast-chart.h — a monthly forecast as a line chart with its bands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-forecast.h"

G_BEGIN_DECLS

/** cg_forecast_chart: the history, then the forecast with its 95 % band, by month. */
CgChart *cg_forecast_chart (const CgForecast *forecast,
                            const char       *title,
                            CgUnit            unit);

/** cg_forecast_note: a one-line statement of the method and its back-test error. */
char    *cg_forecast_note  (const CgForecast *forecast);

G_END_DECLS
