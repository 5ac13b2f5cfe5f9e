/* cg-forecast-chart.c — a monthly forecast as a line chart with its bands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-forecast-chart.h"

CgChart *
cg_forecast_chart (const CgForecast *forecast,
                   const char       *title,
                   CgUnit            unit)
{
  CgChart *chart = cg_chart_new (CG_CHART_LINE);
  guint n_history = forecast->history->len;
  guint n = n_history + forecast->forecast->len;
  g_autofree double *actual = g_new (double, n + 1);
  g_autofree double *predicted = g_new (double, n + 1);
  g_autofree double *lower = g_new (double, n + 1);
  g_autofree double *upper = g_new (double, n + 1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint series;

  for (guint i = 0; i < n; i++)
    {
      gboolean future = i >= n_history;
      const CgForecastPoint *p = future
        ? &g_array_index (forecast->forecast, CgForecastPoint, i - n_history)
        : &g_array_index (forecast->history, CgForecastPoint, i);

      g_ptr_array_add (keys, g_strdup_printf ("%04d-%02d", p->year, p->month));
      actual[i] = future ? NAN : p->value;
      /* The forecast line starts at the last actual month so the two join. */
      predicted[i] = future || i + 1 == n_history ? p->value : NAN;
      lower[i] = future ? p->lo95 : predicted[i];
      upper[i] = future ? p->hi95 : predicted[i];
    }
  cg_chart_set_title (chart, title);
  cg_chart_set_unit (chart, unit);
  cg_chart_set_time_axis (chart, CG_GRAIN_MONTH, (const char *const *) keys->pdata, keys->len);
  cg_chart_add_series (chart, _("Actual"), actual, n);
  series = cg_chart_add_series (chart, _("Forecast"), predicted, n);
  cg_chart_series_set_band (chart, series, lower, upper, n);
  return chart;
}

char *
cg_forecast_note (const CgForecast *forecast)
{
  const char *method = forecast->method == CG_FORECAST_SEASONAL
    ? _("seasonal regression")
    : _("damped trend");

  if (isnan (forecast->mape))
    /* Translators: %s is a forecast method such as "damped trend". */
    return g_strdup_printf (_("Method: %s; the band is the 95 %% prediction interval."), method);
  /* Translators: %s is a forecast method, %.1f the mean absolute
   * percentage error of the last months held back. */
  return g_strdup_printf (_("Method: %s; error on the last months held back: %.1f %%; the band is the 95 %% prediction interval."),
                          method, forecast->mape);
}
