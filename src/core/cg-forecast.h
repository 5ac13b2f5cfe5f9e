/* cg-forecast.h — monthly forecasts of calls, connects, sales and revenue.
 *
 * Method (the README repeats it).  The history is the complete months of
 * the database (a first or last month the data covers only partly is left
 * out), in the business time zone.
 *   - 24 months or more: trend + month-of-year regression, fitted by least
 *     squares (GSL multifit) on log values when all are positive, so the
 *     seasonality is multiplicative:  log y_t = a + b·t + s_month(t) + e_t.
 *     Prediction intervals are the regression's: t quantile × √(s² +
 *     x₀ᵀ Cov x₀), taken back through exp().
 *   - 6 to 23 months: Holt's linear trend with damping (ETS(A,Ad,N)),
 *     smoothing parameters chosen by least one-step squared error on a
 *     grid; intervals from the model's h-step variance
 *     σ²(1 + Σ_{j<h} (α + αβφ(1−φʲ)/(1−φ))²) with normal quantiles.
 *   - under 6 months: no forecast, CG_FORECAST_ERROR_TOO_SHORT.
 * Connect rates are modelled on their own scale and kept within [0, 1];
 * counts and revenue are kept at 0 or above.
 * Backtest: the same procedure on the history without its last three
 * months, forecasting those; MAPE = mean |actual − forecast| / actual × 100
 * over months with a non-zero actual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-scenario.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_FORECAST_ERROR (cg_forecast_error_quark ())
typedef enum {
  CG_FORECAST_ERROR_TOO_SHORT,  /* under CG_FORECAST_MIN_MONTHS of history */
  CG_FORECAST_ERROR_INVALID,    /* a horizon outside 1–12 */
} CgForecastError;
GQuark cg_forecast_error_quark (void);

#define CG_FORECAST_MIN_MONTHS      6
#define CG_FORECAST_SEASONAL_MONTHS 24
#define CG_FORECAST_MAX_HORIZON     12
#define CG_FORECAST_BACKTEST_MONTHS 3

typedef enum {
  CG_FORECAST_CALLS,
  CG_FORECAST_CONNECTED,
  CG_FORECAST_CONNECT_RATE,
  CG_FORECAST_SALES,
  CG_FORECAST_REVENUE,
  CG_N_FORECAST_METRICS
} CgForecastMetric;

typedef enum {
  CG_FORECAST_SEASONAL,       /* "seasonal_regression" */
  CG_FORECAST_DAMPED_TREND,   /* "damped_trend" */
} CgForecastMethod;

const char *cg_forecast_metric_to_string   (CgForecastMetric  metric);
gboolean    cg_forecast_metric_from_string (const char       *id,
                                            CgForecastMetric *metric);
const char *cg_forecast_method_to_string   (CgForecastMethod  method);

typedef struct {
  int    year;
  int    month;   /* 1–12 */
  double value;
  double lo80, hi80, lo95, hi95;  /* NAN in the history */
} CgForecastPoint;

typedef struct {
  CgForecastMetric  metric;
  CgForecastMethod  method;
  GArray           *history;          /* CgForecastPoint, oldest first */
  GArray           *forecast;         /* CgForecastPoint, the next months */
  guint             backtest_months;  /* CG_FORECAST_BACKTEST_MONTHS */
  double            mape;             /* per cent; NAN when all held-back months are 0 */
} CgForecast;

void        cg_forecast_free   (CgForecast *forecast);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgForecast, cg_forecast_free)

/** cg_forecast_series: forecasts @horizon months after the @n monthly
 * @values, the first of which is @year-@month; @is_rate keeps the values
 * within [0, 1]. */
CgForecast *cg_forecast_series  (const double      *values,
                                 guint              n,
                                 int                year,
                                 int                month,
                                 gboolean           is_rate,
                                 guint              horizon,
                                 GError           **error);

/** cg_forecast_compute: the forecast of @metric from the complete months
 * in @store. */
CgForecast *cg_forecast_compute (CgStore           *store,
                                 CgForecastMetric   metric,
                                 guint              horizon,
                                 GError           **error);

/** cg_forecast_add_to_scenario: adds to @scenario a benefit "revenue
 * growth" marked CG_SOURCE_FORECAST: the forecast's mean monthly revenue
 * minus the mean of the last 12 (or fewer) months of history, flowing
 * over the forecast's months; NULL (nothing added) when the forecast does
 * not grow.  @revenue must be a CG_FORECAST_REVENUE forecast. */
CgScenarioItem *cg_forecast_add_to_scenario (const CgForecast *revenue,
                                             CgScenario       *scenario);

G_END_DECLS
