/* cg-connect-charts.c — charts of connect-rate rows (CgConnectRow).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "cg-connect-charts.h"
#include "cg-page-util.h"

static CgGrain
grain_of (CgDimension by)
{
  switch (by)
    {
    case CG_DIM_DAY:
      return CG_GRAIN_DAY;
    case CG_DIM_WEEK:
      return CG_GRAIN_WEEK;
    case CG_DIM_MONTH:
      return CG_GRAIN_MONTH;
    case CG_DIM_QUARTER:
      return CG_GRAIN_QUARTER;
    default:
      return CG_GRAIN_NONE;
    }
}

/* Values, interval ends and keys of @rows, in their order. */
static void
connect_series (GPtrArray  *rows,
                double    **rate,
                double    **lower,
                double    **upper,
                GPtrArray **keys)
{
  *rate = g_new (double, rows->len + 1);
  *lower = g_new (double, rows->len + 1);
  *upper = g_new (double, rows->len + 1);
  *keys = g_ptr_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *r = g_ptr_array_index (rows, i);
      CgInterval ci = { NAN, NAN, NAN };

      cg_connect_row_rate (r, &ci);
      (*rate)[i] = ci.estimate;
      (*lower)[i] = ci.lower;
      (*upper)[i] = ci.upper;
      g_ptr_array_add (*keys, r->key);
    }
}

CgChart *
cg_trend_chart (CgDimension  by,
                GPtrArray   *rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_LINE);
  g_autofree double *rate = NULL, *lower = NULL, *upper = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  guint series;

  connect_series (rows, &rate, &lower, &upper, &keys);
  cg_chart_set_title (chart, _("Connect rate"));
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_set_time_axis (chart, grain_of (by), (const char *const *) keys->pdata, keys->len);
  series = cg_chart_add_series (chart, _("Connect rate"), rate, rows->len);
  cg_chart_series_set_band (chart, series, lower, upper, rows->len);
  return chart;
}

CgChart *
cg_ranking_chart (CgDimension  by,
                  GPtrArray   *rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_HBAR);
  g_autofree double *rate = NULL, *lower = NULL, *upper = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  guint series;

  connect_series (rows, &rate, &lower, &upper, &keys);
  cg_chart_set_title (chart, cg_dimension_label (by));
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *label = cg_key_label (by, g_ptr_array_index (keys, i));
      cg_chart_add_category (chart, label);
    }
  series = cg_chart_add_series (chart, _("Connect rate"), rate, rows->len);
  cg_chart_series_set_band (chart, series, lower, upper, rows->len);
  return chart;
}

CgChart *
cg_heatmap_chart (GPtrArray *rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_HEATMAP);
  double values[7][24];

  for (int d = 0; d < 7; d++)
    for (int h = 0; h < 24; h++)
      values[d][h] = NAN;
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *r = g_ptr_array_index (rows, i);
      int weekday = 0, hour = 0;
      CgInterval rate;

      if (sscanf (r->key, "%d-%d", &weekday, &hour) == 2 && weekday >= 1 && weekday <= 7 &&
          hour >= 0 && hour <= 23 && cg_connect_row_rate (r, &rate))
        values[weekday - 1][hour] = rate.estimate;
    }
  cg_chart_set_title (chart, _("Connect rate by hour and weekday"));
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  for (int h = 0; h < 24; h++)
    {
      g_autofree char *label = g_strdup_printf ("%02d", h);
      cg_chart_add_category (chart, label);
    }
  for (int d = 0; d < 7; d++)
    {
      g_autofree char *key = g_strdup_printf ("%d", d + 1);
      g_autofree char *name = cg_key_label (CG_DIM_WEEKDAY, key);
      cg_chart_add_series (chart, name, values[d], 24);
    }
  return chart;
}

CgChart *
cg_outcome_chart (GPtrArray *rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_BAR);
  g_autofree double *calls = g_new (double, rows->len + 1);

  cg_chart_set_title (chart, _("Dial attempts by outcome"));
  cg_chart_set_unit (chart, CG_UNIT_COUNT);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *r = g_ptr_array_index (rows, i);
      g_autofree char *label = cg_key_label (CG_DIM_OUTCOME, r->key);

      cg_chart_add_category (chart, label);
      calls[i] = r->calls;
    }
  cg_chart_add_series (chart, _("Calls"), calls, rows->len);
  return chart;
}
