/* cg-satisfaction-charts.c — charts of satisfaction rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-satisfaction-charts.h"

CgSatisfactionBy
cg_satisfaction_by_for_grain (CgDimension granularity)
{
  switch (granularity)
    {
    case CG_DIM_DAY:
      return CG_SAT_BY_DAY;
    case CG_DIM_WEEK:
      return CG_SAT_BY_WEEK;
    case CG_DIM_QUARTER:
      return CG_SAT_BY_QUARTER;
    default:
      return CG_SAT_BY_MONTH;
    }
}

static CgGrain
grain_for (CgDimension granularity)
{
  switch (granularity)
    {
    case CG_DIM_DAY:
      return CG_GRAIN_DAY;
    case CG_DIM_WEEK:
      return CG_GRAIN_WEEK;
    case CG_DIM_QUARTER:
      return CG_GRAIN_QUARTER;
    default:
      return CG_GRAIN_MONTH;
    }
}

CgChart *
cg_satisfaction_radar_chart (GPtrArray *total_rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_RADAR);
  g_autoptr(GArray) means = g_array_new (FALSE, FALSE, sizeof (double));

  cg_chart_set_title (chart, _("Satisfaction by Dimension"));
  cg_chart_set_unit (chart, CG_UNIT_PLAIN);
  /* Every rated dimension is on 1–5, so the spokes compare. */
  cg_chart_set_value_range (chart, 1, 5);
  for (guint i = 0; total_rows != NULL && i < total_rows->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (total_rows, i);
      CgSurveyDimension dim;

      if (!cg_survey_dimension_from_string (row->dimension, &dim) ||
          !cg_survey_dimension_is_satisfaction (dim) || !row->has_mean)
        continue;
      cg_chart_add_category (chart, cg_survey_dimension_get_label (dim));
      g_array_append_val (means, row->mean);
    }
  if (means->len > 0)
    cg_chart_add_series (chart, _("Mean score (1–5)"), (double *) (gpointer) means->data, means->len);
  return chart;
}

CgChart *
cg_satisfaction_trend_chart (CgDimension  granularity,
                             GPtrArray   *rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_LINE);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) mean = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lower = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) upper = g_array_new (FALSE, FALSE, sizeof (double));
  guint series;

  cg_chart_set_title (chart, _("Satisfaction Over Time"));
  cg_chart_set_unit (chart, CG_UNIT_PLAIN);
  cg_chart_set_value_range (chart, 1, 5);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (rows, i);
      double m = row->has_mean ? row->mean : NAN;
      double lo = row->has_mean_ci ? row->mean_ci.lower : NAN;
      double hi = row->has_mean_ci ? row->mean_ci.upper : NAN;

      if (g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) != 0)
        continue;
      g_ptr_array_add (keys, row->key);
      g_array_append_val (mean, m);
      g_array_append_val (lower, lo);
      g_array_append_val (upper, hi);
    }
  cg_chart_set_time_axis (chart, grain_for (granularity), (const char *const *) keys->pdata, keys->len);
  if (keys->len == 0)
    return chart;
  series = cg_chart_add_series (chart, _("Mean score (1–5)"), (double *) (gpointer) mean->data, mean->len);
  cg_chart_series_set_band (chart, series, (double *) (gpointer) lower->data,
                            (double *) (gpointer) upper->data, keys->len);
  return chart;
}

CgChart *
cg_satisfaction_distribution_chart (const CgSatisfactionRow *row)
{
  CgChart *chart = cg_chart_new (CG_CHART_BAR);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));

  cg_chart_set_title (chart, _("Answers per Scale Point"));
  cg_chart_set_unit (chart, CG_UNIT_COUNT);
  cg_chart_set_show_legend (chart, FALSE);
  if (row == NULL || row->distribution == NULL)
    return chart;
  for (guint i = 0; i < row->distribution->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%g", row->scale_min + i);
      double n = (double) g_array_index (row->distribution, gint64, i);

      cg_chart_add_category (chart, label);
      g_array_append_val (counts, n);
    }
  cg_chart_add_series (chart, _("Answers"), (double *) (gpointer) counts->data, counts->len);
  return chart;
}

/* Band keys in seconds as the engine writes them, with what people read. */
static const struct { const char *key; const char *label; } bands[] = {
  { "0-60", N_("Under 1 min") },
  { "60-180", N_("1–3 min") },
  { "180-300", N_("3–5 min") },
  { "300-600", N_("5–10 min") },
  { "600+", N_("10 min and more") },
};

CgChart *
cg_satisfaction_band_chart (GPtrArray *band_rows)
{
  CgChart *chart = cg_chart_new (CG_CHART_BAR);
  double mean[G_N_ELEMENTS (bands)];
  double lower[G_N_ELEMENTS (bands)];
  double upper[G_N_ELEMENTS (bands)];
  guint series;

  cg_chart_set_title (chart, _("Satisfaction by Talk Duration"));
  cg_chart_set_unit (chart, CG_UNIT_PLAIN);
  cg_chart_set_axis_titles (chart, _("Talk duration of the matched call"), _("Mean score (1–5)"));
  cg_chart_set_value_range (chart, 1, 5);
  cg_chart_set_show_legend (chart, FALSE);
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      mean[b] = lower[b] = upper[b] = NAN;
      cg_chart_add_category (chart, _(bands[b].label));
      for (guint i = 0; band_rows != NULL && i < band_rows->len; i++)
        {
          const CgSatisfactionRow *row = g_ptr_array_index (band_rows, i);

          if (g_strcmp0 (row->key, bands[b].key) != 0 ||
              g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) != 0)
            continue;
          mean[b] = row->has_mean ? row->mean : NAN;
          lower[b] = row->has_mean_ci ? row->mean_ci.lower : NAN;
          upper[b] = row->has_mean_ci ? row->mean_ci.upper : NAN;
        }
    }
  series = cg_chart_add_series (chart, _("Mean score (1–5)"), mean, G_N_ELEMENTS (bands));
  cg_chart_series_set_band (chart, series, lower, upper, G_N_ELEMENTS (bands));
  return chart;
}
