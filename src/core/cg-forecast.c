/* cg-forecast.c — monthly forecasts of calls, connects, sales and revenue.
 *
 * The methods are described in cg-forecast.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multifit.h>

#include "cg-aggregates.h"
#include "cg-call.h"
#include "cg-forecast.h"
#include "cg-local-time.h"

G_DEFINE_QUARK (cg-forecast-error-quark, cg_forecast_error)

static const char *const metric_ids[CG_N_FORECAST_METRICS] = {
  "calls", "connected", "connect_rate", "sales", "revenue",
};

/* Upper quantiles of the two-sided 80 % and 95 % intervals. */
static const double interval_levels[2] = { 0.90, 0.975 };

const char *
cg_forecast_metric_to_string (CgForecastMetric metric)
{
  g_return_val_if_fail (metric < CG_N_FORECAST_METRICS, NULL);
  return metric_ids[metric];
}

gboolean
cg_forecast_metric_from_string (const char       *id,
                                CgForecastMetric *metric)
{
  for (guint i = 0; i < CG_N_FORECAST_METRICS; i++)
    if (g_strcmp0 (id, metric_ids[i]) == 0)
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_forecast_method_to_string (CgForecastMethod method)
{
  return method == CG_FORECAST_SEASONAL ? "seasonal_regression" : "damped_trend";
}

void
cg_forecast_free (CgForecast *forecast)
{
  if (forecast == NULL)
    return;
  g_array_unref (forecast->history);
  g_array_unref (forecast->forecast);
  g_free (forecast);
}

/* Month @offset months after @year-@month. */
static void
month_add (int  year,
           int  month,
           int  offset,
           int *out_year,
           int *out_month)
{
  int index = year * 12 + (month - 1) + offset;

  *out_year = index / 12;
  *out_month = index % 12 + 1;
}

/* ---- damped trend ---------------------------------------------------------------- */

typedef struct {
  double alpha, beta, phi;  /* beta is the trend's own gain (α·β in Hyndman's notation) */
  double level, trend;
  double sse;
} Holt;

static void
holt_run (const double *y,
          guint         n,
          Holt         *m)
{
  m->level = y[0];
  m->trend = y[1] - y[0];
  m->sse = 0;
  for (guint t = 1; t < n; t++)
    {
      double e = y[t] - (m->level + m->phi * m->trend);

      m->sse += e * e;
      m->level = m->level + m->phi * m->trend + m->alpha * e;
      m->trend = m->phi * m->trend + m->beta * e;
    }
}

/* The parameters with least one-step squared error on a coarse grid: a
 * few hundred passes over a few dozen months. */
static void
holt_fit (const double *y,
          guint         n,
          Holt         *best)
{
  static const double betas[] = { 0.0, 0.05, 0.1, 0.2, 0.3 };
  static const double phis[] = { 0.8, 0.85, 0.9, 0.95, 0.98 };

  best->sse = INFINITY;
  for (int a = 1; a <= 19; a++)
    for (guint b = 0; b < G_N_ELEMENTS (betas); b++)
      for (guint p = 0; p < G_N_ELEMENTS (phis); p++)
        {
          Holt m = { a * 0.05, a * 0.05 * betas[b], phis[p], 0, 0, 0 };

          holt_run (y, n, &m);
          if (m.sse < best->sse)
            *best = m;
        }
}

static void
holt_forecast (const double    *y,
               guint            n,
               guint            horizon,
               CgForecastPoint *out)
{
  Holt m = { 0 };
  double sigma2, phi_sum = 0, var_sum = 0;

  holt_fit (y, n, &m);
  /* Three parameters were fitted to n − 1 one-step errors. */
  sigma2 = m.sse / MAX ((int) n - 4, 1);
  for (guint h = 1; h <= horizon; h++)
    {
      double phi_h = pow (m.phi, h);
      double se;

      phi_sum += phi_h;
      out[h - 1].value = m.level + phi_sum * m.trend;
      se = sqrt (sigma2 * (1 + var_sum));
      for (guint k = 0; k < 2; k++)
        {
          double z = gsl_cdf_ugaussian_Pinv (interval_levels[k]);
          double *lo = k == 0 ? &out[h - 1].lo80 : &out[h - 1].lo95;
          double *hi = k == 0 ? &out[h - 1].hi80 : &out[h - 1].hi95;

          *lo = out[h - 1].value - z * se;
          *hi = out[h - 1].value + z * se;
        }
      /* c_h for the next step's variance. */
      {
        double c = m.alpha + m.beta * m.phi * (1 - phi_h) / (1 - m.phi);
        var_sum += c * c;
      }
    }
}

/* ---- trend + month of year ------------------------------------------------------- */

#define N_REGRESSORS 13  /* intercept, trend, 11 month dummies */

static void
regressors (guint            t,
            int              first_month,
            gsl_vector_view *row)
{
  int month = (first_month - 1 + (int) t) % 12;  /* 0 = January */

  gsl_vector_set_zero (&row->vector);
  gsl_vector_set (&row->vector, 0, 1.0);
  gsl_vector_set (&row->vector, 1, t);
  if (month > 0)
    gsl_vector_set (&row->vector, 1 + month, 1.0);
}

static void
seasonal_forecast (const double    *y,
                   guint            n,
                   int              first_month,
                   gboolean         use_log,
                   guint            horizon,
                   CgForecastPoint *out)
{
  gsl_matrix *x = gsl_matrix_alloc (n, N_REGRESSORS);
  gsl_vector *v = gsl_vector_alloc (n);
  gsl_vector *c = gsl_vector_alloc (N_REGRESSORS);
  gsl_matrix *cov = gsl_matrix_alloc (N_REGRESSORS, N_REGRESSORS);
  gsl_vector *x0 = gsl_vector_alloc (N_REGRESSORS);
  gsl_vector *cov_x0 = gsl_vector_alloc (N_REGRESSORS);
  gsl_multifit_linear_workspace *work = gsl_multifit_linear_alloc (n, N_REGRESSORS);
  double chisq, s2;
  int dof = (int) n - N_REGRESSORS;

  for (guint t = 0; t < n; t++)
    {
      gsl_vector_view row = gsl_matrix_row (x, t);

      regressors (t, first_month, &row);
      gsl_vector_set (v, t, use_log ? log (y[t]) : y[t]);
    }
  gsl_multifit_linear (x, v, c, cov, &chisq, work);
  s2 = chisq / dof;

  for (guint h = 1; h <= horizon; h++)
    {
      gsl_vector_view row = gsl_vector_subvector (x0, 0, N_REGRESSORS);
      double mean, var, se;

      regressors (n - 1 + h, first_month, &row);
      gsl_blas_ddot (x0, c, &mean);
      gsl_blas_dgemv (CblasNoTrans, 1.0, cov, x0, 0.0, cov_x0);
      gsl_blas_ddot (x0, cov_x0, &var);
      se = sqrt (s2 + var);
      out[h - 1].value = use_log ? exp (mean) : mean;
      for (guint k = 0; k < 2; k++)
        {
          double q = gsl_cdf_tdist_Pinv (interval_levels[k], dof);
          double lo = mean - q * se, hi = mean + q * se;

          *(k == 0 ? &out[h - 1].lo80 : &out[h - 1].lo95) = use_log ? exp (lo) : lo;
          *(k == 0 ? &out[h - 1].hi80 : &out[h - 1].hi95) = use_log ? exp (hi) : hi;
        }
    }

  gsl_multifit_linear_free (work);
  gsl_vector_free (cov_x0);
  gsl_vector_free (x0);
  gsl_matrix_free (cov);
  gsl_vector_free (c);
  gsl_vector_free (v);
  gsl_matrix_free (x);
}

/* ---- one series ------------------------------------------------------------------ */

static gboolean
all_positive (const double *y,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    if (!(y[i] > 0))
      return FALSE;
  return TRUE;
}

/* Fills @out with @horizon points after @y by the method its length calls
 * for; returns the method. */
static CgForecastMethod
forecast_points (const double    *y,
                 guint            n,
                 int              first_month,
                 gboolean         is_rate,
                 guint            horizon,
                 CgForecastPoint *out)
{
  CgForecastMethod method;

  if (n >= CG_FORECAST_SEASONAL_MONTHS)
    {
      method = CG_FORECAST_SEASONAL;
      seasonal_forecast (y, n, first_month, !is_rate && all_positive (y, n), horizon, out);
    }
  else
    {
      method = CG_FORECAST_DAMPED_TREND;
      holt_forecast (y, n, horizon, out);
    }
  for (guint h = 0; h < horizon; h++)
    {
      double *v[] = { &out[h].value, &out[h].lo80, &out[h].hi80, &out[h].lo95, &out[h].hi95 };

      for (guint k = 0; k < G_N_ELEMENTS (v); k++)
        *v[k] = is_rate ? CLAMP (*v[k], 0.0, 1.0) : MAX (*v[k], 0.0);
    }
  return method;
}

static double
backtest (const double *y,
          guint         n,
          int           first_month,
          gboolean      is_rate)
{
  CgForecastPoint held[CG_FORECAST_BACKTEST_MONTHS];
  guint fit = n - CG_FORECAST_BACKTEST_MONTHS;
  double sum = 0;
  guint counted = 0;

  forecast_points (y, fit, first_month, is_rate, CG_FORECAST_BACKTEST_MONTHS, held);
  for (guint h = 0; h < CG_FORECAST_BACKTEST_MONTHS; h++)
    if (y[fit + h] != 0)
      {
        sum += fabs (y[fit + h] - held[h].value) / fabs (y[fit + h]);
        counted++;
      }
  return counted > 0 ? 100 * sum / counted : NAN;
}

CgForecast *
cg_forecast_series (const double  *values,
                    guint          n,
                    int            year,
                    int            month,
                    gboolean       is_rate,
                    guint          horizon,
                    GError       **error)
{
  CgForecast *forecast;

  if (horizon < 1 || horizon > CG_FORECAST_MAX_HORIZON)
    {
      g_set_error (error, CG_FORECAST_ERROR, CG_FORECAST_ERROR_INVALID,
                   _("The forecast horizon is 1 to %d months, not %u."), CG_FORECAST_MAX_HORIZON, horizon);
      return NULL;
    }
  if (n < CG_FORECAST_MIN_MONTHS)
    {
      g_set_error (error, CG_FORECAST_ERROR, CG_FORECAST_ERROR_TOO_SHORT,
                   _("The history is too short for a forecast: %u complete months, at least %d are needed."),
                   n, CG_FORECAST_MIN_MONTHS);
      return NULL;
    }

  forecast = g_new0 (CgForecast, 1);
  forecast->history = g_array_sized_new (FALSE, TRUE, sizeof (CgForecastPoint), n);
  forecast->forecast = g_array_sized_new (FALSE, TRUE, sizeof (CgForecastPoint), horizon);
  for (guint i = 0; i < n; i++)
    {
      CgForecastPoint p = { 0, 0, values[i], NAN, NAN, NAN, NAN };

      month_add (year, month, i, &p.year, &p.month);
      g_array_append_val (forecast->history, p);
    }
  g_array_set_size (forecast->forecast, horizon);
  forecast->method = forecast_points (values, n, month, is_rate, horizon,
                                      (CgForecastPoint *) forecast->forecast->data);
  for (guint h = 0; h < horizon; h++)
    {
      CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, h);
      month_add (year, month, n + h, &p->year, &p->month);
    }

  /* Six months leave three to fit the damped trend on: enough for a
   * level and a trend, which is all a backtest of it asks. */
  forecast->backtest_months = CG_FORECAST_BACKTEST_MONTHS;
  forecast->mape = backtest (values, n, month, is_rate);
  return forecast;
}

/* ---- the history in the store ---------------------------------------------------- */

typedef struct {
  double calls, connected, sales, revenue;
} MonthSums;

static double
metric_value (const MonthSums  *m,
              CgForecastMetric  metric)
{
  switch (metric)
    {
    case CG_FORECAST_CALLS:        return m->calls;
    case CG_FORECAST_CONNECTED:    return m->connected;
    case CG_FORECAST_CONNECT_RATE: return m->calls > 0 ? m->connected / m->calls : 0;
    case CG_FORECAST_SALES:        return m->sales;
    case CG_FORECAST_REVENUE:      return m->revenue;
    case CG_N_FORECAST_METRICS:
    default:                       return NAN;
    }
}

CgForecast *
cg_forecast_compute (CgStore           *store,
                     CgForecastMetric   metric,
                     guint              horizon,
                     GError           **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  gint64 first_day = G_MAXINT64, last_day = G_MININT64;
  CgLocalTime first, last;
  g_autofree MonthSums *months = NULL;
  g_autofree double *values = NULL;
  int first_index, n_months, skip_first, skip_last, n;

  g_return_val_if_fail (metric < CG_N_FORECAST_METRICS, NULL);
  if (snap == NULL)
    return NULL;
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);
      first_day = MIN (first_day, d->day);
      last_day = MAX (last_day, d->day);
    }
  if (snap->days->len == 0)
    return cg_forecast_series (NULL, 0, 1970, 1, FALSE, horizon, error);

  cg_local_day_fields (first_day, &first);
  cg_local_day_fields (last_day, &last);
  first_index = first.year * 12 + first.month - 1;
  n_months = last.year * 12 + last.month - first_index;
  months = g_new0 (MonthSums, n_months);
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);
      CgLocalTime lt;
      MonthSums *m;

      cg_local_day_fields (d->day, &lt);
      m = &months[lt.year * 12 + lt.month - 1 - first_index];
      m->calls += d->calls;
      m->connected += d->outcome == CG_OUTCOME_CONNECTED ? d->calls : 0;
      m->sales += d->disposition == CG_DISPOSITION_SALE ? d->calls : 0;
      m->revenue += d->revenue;
    }

  /* A month the data covers only partly would read as a collapse; a few
   * days' slack allows for logs that start after a weekend. */
  skip_first = first.day > 3;
  skip_last = g_date_get_days_in_month (last.month, last.year) - last.day > 2;
  n = MAX (n_months - skip_first - skip_last, 0);
  values = g_new0 (double, MAX (n, 1));
  for (int i = 0; i < n; i++)
    values[i] = metric_value (&months[i + skip_first], metric);
  {
    int year, month;
    CgForecast *forecast;

    month_add (first.year, first.month, skip_first, &year, &month);
    forecast = cg_forecast_series (values, n, year, month, metric == CG_FORECAST_CONNECT_RATE,
                                   horizon, error);
    if (forecast != NULL)
      forecast->metric = metric;
    return forecast;
  }
}

CgScenarioItem *
cg_forecast_add_to_scenario (const CgForecast *revenue,
                             CgScenario       *scenario)
{
  guint n_hist = MIN (revenue->history->len, 12);
  double past = 0, ahead = 0;
  CgScenarioItem *item;

  g_return_val_if_fail (revenue->metric == CG_FORECAST_REVENUE, NULL);
  if (n_hist == 0 || revenue->forecast->len == 0)
    return NULL;
  for (guint i = revenue->history->len - n_hist; i < revenue->history->len; i++)
    past += g_array_index (revenue->history, CgForecastPoint, i).value;
  for (guint i = 0; i < revenue->forecast->len; i++)
    ahead += g_array_index (revenue->forecast, CgForecastPoint, i).value;
  past /= n_hist;
  ahead /= revenue->forecast->len;
  if (ahead <= past)
    return NULL;

  item = cg_scenario_add_item (scenario, _("Revenue growth (forecast)"), CG_ITEM_BENEFIT, "revenue",
                               ahead - past);
  item->source = CG_SOURCE_FORECAST;
  item->month = 1;
  item->end_month = revenue->forecast->len;
  return item;
}
