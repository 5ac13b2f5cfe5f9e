/* cg-chart.c — the chart model, drawing dispatch and hit-testing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cg-chart-error-quark, cg_chart_error)
G_DEFINE_BOXED_TYPE (CgChart, cg_chart, cg_chart_ref, cg_chart_unref)

static void
series_free (gpointer data)
{
  CgSeries *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_clear_pointer (&s->lower, g_array_unref);
  g_clear_pointer (&s->upper, g_array_unref);
  g_free (s);
}

static void
span_clear (gpointer data)
{
  g_free (((CgSpan *) data)->label);
}

CgChart *
cg_chart_new (CgChartKind kind)
{
  CgChart *chart = g_atomic_rc_box_new0 (CgChart);

  chart->kind = kind;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->spans = g_array_new (FALSE, TRUE, sizeof (CgSpan));
  g_array_set_clear_func (chart->spans, span_clear);
  chart->hits = g_array_new (FALSE, TRUE, sizeof (CgHitRegion));
  chart->target = NAN;
  chart->range_min = NAN;
  chart->range_max = NAN;
  chart->baseline = 0;
  chart->kpi_value = NAN;
  chart->kpi_change = NAN;
  chart->kpi_higher_is_better = TRUE;
  chart->show_legend = TRUE;
  cg_chart_style_init (&chart->style, FALSE);
  return chart;
}

static void
chart_clear (gpointer data)
{
  CgChart *chart = data;

  g_free (chart->title);
  g_free (chart->category_title);
  g_free (chart->value_title);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_free (chart->target_label);
  g_array_unref (chart->spans);
  g_free (chart->marker_label);
  g_array_unref (chart->hits);
}

CgChart *
cg_chart_ref (CgChart *chart)
{
  return g_atomic_rc_box_acquire (chart);
}

void
cg_chart_unref (CgChart *chart)
{
  g_atomic_rc_box_release_full (chart, chart_clear);
}

CgChartKind
cg_chart_get_kind (CgChart *chart)
{
  return chart->kind;
}

void
cg_chart_set_title (CgChart    *chart,
                    const char *title)
{
  g_free (chart->title);
  chart->title = g_strdup (title);
}

const char *
cg_chart_get_title (CgChart *chart)
{
  return chart->title;
}

void
cg_chart_set_unit (CgChart *chart,
                   CgUnit   unit)
{
  chart->unit = unit;
}

CgUnit
cg_chart_get_unit (CgChart *chart)
{
  return chart->unit;
}

void
cg_chart_set_axis_titles (CgChart    *chart,
                          const char *category_title,
                          const char *value_title)
{
  g_free (chart->category_title);
  g_free (chart->value_title);
  chart->category_title = g_strdup (category_title);
  chart->value_title = g_strdup (value_title);
}

/* Series keep one value per category: pad them when categories grow. */
static void
pad_series (CgChart *chart)
{
  double missing = NAN;

  for (guint i = 0; i < chart->series->len; i++)
    {
      CgSeries *s = g_ptr_array_index (chart->series, i);

      while (s->values->len < chart->categories->len)
        g_array_append_val (s->values, missing);
      if (s->lower != NULL)
        while (s->lower->len < chart->categories->len)
          {
            g_array_append_val (s->lower, missing);
            g_array_append_val (s->upper, missing);
          }
    }
}

void
cg_chart_add_category (CgChart    *chart,
                       const char *label)
{
  g_ptr_array_add (chart->categories, g_strdup (label ? label : ""));
  pad_series (chart);
}

void
cg_chart_set_categories (CgChart           *chart,
                         const char *const *labels,
                         guint              n_labels)
{
  g_ptr_array_set_size (chart->categories, 0);
  chart->grain = CG_GRAIN_NONE;
  for (guint i = 0; i < n_labels; i++)
    cg_chart_add_category (chart, labels[i]);
}

void
cg_chart_set_time_axis (CgChart           *chart,
                        CgGrain            grain,
                        const char *const *keys,
                        guint              n_keys)
{
  cg_chart_set_categories (chart, keys, n_keys);
  chart->grain = grain;
}

guint
cg_chart_get_n_categories (CgChart *chart)
{
  return chart->categories->len;
}

char *
cg_chart_get_category_label (CgChart *chart,
                             guint    index)
{
  g_return_val_if_fail (index < chart->categories->len, NULL);
  return cg_format_time_key (chart->grain, g_ptr_array_index (chart->categories, index));
}

static GArray *
values_new (const double *values,
            guint         n_values,
            guint         length)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (double), MAX (n_values, length));
  double missing = NAN;

  if (n_values > 0)
    g_array_append_vals (a, values, n_values);
  while (a->len < length)
    g_array_append_val (a, missing);
  return a;
}

guint
cg_chart_add_series (CgChart      *chart,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  CgSeries *s = g_new0 (CgSeries, 1);
  double missing = NAN;

  s->name = g_strdup (name ? name : "");
  s->values = values_new (values, n_values, chart->categories->len);
  g_ptr_array_add (chart->series, s);
  /* A series longer than the categories brings unnamed categories. */
  while (chart->categories->len < s->values->len)
    g_ptr_array_add (chart->categories, g_strdup_printf ("%u", chart->categories->len + 1));
  for (guint i = 0; i < chart->series->len; i++)
    {
      CgSeries *o = g_ptr_array_index (chart->series, i);
      while (o->values->len < chart->categories->len)
        g_array_append_val (o->values, missing);
    }
  return chart->series->len - 1;
}

void
cg_chart_set_histogram (CgChart      *chart,
                        const char   *name,
                        const double *samples,
                        guint         n_samples,
                        CgUnit        sample_unit,
                        guint         max_bins)
{
  double min = INFINITY, max = -INFINITY;
  g_autofree double *counts = NULL;
  CgTicks ticks;
  guint n_bins;

  g_ptr_array_set_size (chart->categories, 0);
  g_ptr_array_set_size (chart->series, 0);
  chart->grain = CG_GRAIN_NONE;
  chart->unit = CG_UNIT_COUNT;
  for (guint i = 0; i < n_samples; i++)
    if (isfinite (samples[i]))
      {
        min = MIN (min, samples[i]);
        max = MAX (max, samples[i]);
      }
  if (!isfinite (min))
    {
      cg_chart_add_series (chart, name, NULL, 0);
      return;
    }
  /* Bin edges are axis ticks: widths of 1, 2 or 5 × 10ⁿ, as people bin. */
  cg_axis_ticks (min, max, MAX (max_bins, 1) + 1, &ticks);
  n_bins = MAX (ticks.n, 2) - 1;
  counts = g_new0 (double, n_bins);
  for (guint i = 0; i < n_samples; i++)
    if (isfinite (samples[i]))
      {
        /* The last bin includes its upper edge. */
        guint bin = (guint) MIN (floor ((samples[i] - ticks.lo) / ticks.step + 1e-9), n_bins - 1);
        counts[bin]++;
      }
  for (guint b = 0; b < n_bins; b++)
    {
      g_autofree char *lo = cg_format_value (sample_unit, ticks.lo + b * ticks.step, ticks.step);
      g_autofree char *hi = cg_format_value (sample_unit, ticks.lo + (b + 1) * ticks.step, ticks.step);
      g_autofree char *label = g_strdup_printf ("%s–%s", lo, hi);

      cg_chart_add_category (chart, label);
    }
  cg_chart_add_series (chart, name, counts, n_bins);
}

void
cg_chart_series_set_band (CgChart      *chart,
                          guint         series,
                          const double *lower,
                          const double *upper,
                          guint         n_values)
{
  CgSeries *s;

  g_return_if_fail (series < chart->series->len);
  s = g_ptr_array_index (chart->series, series);
  g_clear_pointer (&s->lower, g_array_unref);
  g_clear_pointer (&s->upper, g_array_unref);
  n_values = MIN (n_values, s->values->len);
  s->lower = values_new (lower, n_values, s->values->len);
  s->upper = values_new (upper, n_values, s->values->len);
}

void
cg_chart_series_set_color (CgChart       *chart,
                           guint          series,
                           const CgColor *color)
{
  CgSeries *s;

  g_return_if_fail (series < chart->series->len);
  s = g_ptr_array_index (chart->series, series);
  s->has_color = color != NULL;
  if (color != NULL)
    s->color = *color;
}

guint
cg_chart_get_n_series (CgChart *chart)
{
  return chart->series->len;
}

const char *
cg_chart_get_series_name (CgChart *chart,
                          guint    series)
{
  g_return_val_if_fail (series < chart->series->len, NULL);
  return cg_chart_series (chart, series)->name;
}

void
cg_chart_set_value (CgChart *chart,
                    guint    series,
                    guint    index,
                    double   value)
{
  CgSeries *s;

  g_return_if_fail (series < chart->series->len);
  s = cg_chart_series (chart, series);
  g_return_if_fail (index < s->values->len);
  g_array_index (s->values, double, index) = value;
}

double
cg_chart_get_value (CgChart *chart,
                    guint    series,
                    guint    index)
{
  if (series >= chart->series->len)
    return NAN;
  return cg_series_value (cg_chart_series (chart, series), index);
}

void
cg_chart_set_target (CgChart    *chart,
                     double      value,
                     const char *label)
{
  chart->target = value;
  g_free (chart->target_label);
  chart->target_label = g_strdup (label);
}

void
cg_chart_add_span (CgChart    *chart,
                   double      from,
                   double      to,
                   const char *label)
{
  CgSpan span = { MIN (from, to), MAX (from, to), g_strdup (label) };

  g_array_append_val (chart->spans, span);
}

void
cg_chart_set_marker (CgChart    *chart,
                     double      index,
                     double      value,
                     const char *label)
{
  chart->has_marker = TRUE;
  chart->marker_index = index;
  chart->marker_value = value;
  g_free (chart->marker_label);
  chart->marker_label = g_strdup (label);
}

void
cg_chart_set_value_range (CgChart *chart,
                          double   min,
                          double   max)
{
  chart->range_min = min;
  chart->range_max = max;
}

void
cg_chart_set_baseline (CgChart *chart,
                       double   baseline)
{
  chart->baseline = baseline;
}

void
cg_chart_set_kpi (CgChart  *chart,
                  double    value,
                  double    change,
                  gboolean  higher_is_better)
{
  chart->kpi_value = value;
  chart->kpi_change = change;
  chart->kpi_higher_is_better = higher_is_better;
}

void
cg_chart_set_show_legend (CgChart  *chart,
                          gboolean  show)
{
  chart->show_legend = show;
}

void
cg_chart_style_init (CgChartStyle *style,
                     gboolean      dark)
{
  memset (style, 0, sizeof *style);
  style->dark = dark;
  style->fg = cg_palette_foreground (dark);
  style->grid = cg_palette_grid (dark);
  style->bg = dark ? (CgColor) { 0.14, 0.14, 0.15 } : (CgColor) { 1, 1, 1 };
  style->fill_background = TRUE;
  g_strlcpy (style->font, "Sans 9", sizeof style->font);
}

void
cg_chart_set_style (CgChart            *chart,
                    const CgChartStyle *style)
{
  chart->style = *style;
  chart->drawn_width = chart->drawn_height = 0;
}

const CgChartStyle *
cg_chart_get_style (CgChart *chart)
{
  return &chart->style;
}

static const CgRenderFunc renderers[] = {
  [CG_CHART_LINE] = cg_render_line,
  [CG_CHART_AREA] = cg_render_line,
  [CG_CHART_BAR] = cg_render_bar,
  [CG_CHART_STACKED_BAR] = cg_render_bar,
  [CG_CHART_HBAR] = cg_render_hbar,
  [CG_CHART_HEATMAP] = cg_render_heatmap,
  [CG_CHART_FUNNEL] = cg_render_funnel,
  [CG_CHART_CASHFLOW] = cg_render_cashflow,
  [CG_CHART_TORNADO] = cg_render_tornado,
  [CG_CHART_RADAR] = cg_render_radar,
  [CG_CHART_HISTOGRAM] = cg_render_histogram,
  [CG_CHART_KPI] = cg_render_kpi,
};

void
cg_chart_draw (CgChart *chart,
               cairo_t *cr,
               int      width,
               int      height)
{
  CgDraw d = { chart, cr, NULL, width, height, 0, 0, width, height };
  PangoFontDescription *font;

  g_return_if_fail (chart != NULL && cr != NULL);
  g_array_set_size (chart->hits, 0);
  chart->drawn_width = width;
  chart->drawn_height = height;
  if (width < 8 || height < 8)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (chart->style.fill_background)
    {
      cg_color_set_source (cr, &chart->style.bg, 1);
      cairo_paint (cr);
    }
  d.layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (chart->style.font);
  pango_layout_set_font_description (d.layout, font);
  pango_font_description_free (font);

  /* Room around the plot so labels at the edges are not cut. */
  d.x += 8;
  d.y += 6;
  d.w -= 16;
  d.h -= 12;
  if (chart->kind != CG_CHART_KPI)
    {
      cg_draw_title (&d);
      cg_draw_legend (&d);
    }
  renderers[chart->kind] (&d);

  g_object_unref (d.layout);
  cairo_restore (cr);
}

/* The tooltip text of an item: "period · series" and "value (lower–upper)";
 * a whole series (a legend entry) or the KPI figure when @index is -1. */
static void
fill_hit (CgChart    *chart,
          int         series,
          int         index,
          CgChartHit *hit)
{
  CgSeries *s = series >= 0 && (guint) series < chart->series->len ? cg_chart_series (chart, series) : NULL;
  g_autofree char *category = NULL;
  g_autofree char *text = NULL;

  hit->series = series;
  hit->index = index;
  if (index < 0 || (guint) index >= chart->categories->len)
    {
      hit->label = g_strdup (s ? s->name : chart->title ? chart->title : "");
      hit->value_text = s ? g_strdup ("") : cg_format_value (chart->unit, chart->kpi_value, 0);
      return;
    }
  category = cg_chart_get_category_label (chart, index);
  text = cg_format_value (chart->unit, s ? cg_series_value (s, index) : NAN, 0);
  if (s != NULL && *s->name && chart->series->len > 1)
    hit->label = g_strdup_printf ("%s · %s", category, s->name);
  else
    hit->label = g_steal_pointer (&category);

  if (s != NULL && s->lower != NULL && isfinite (cg_series_value (s, index)))
    {
      double lo = g_array_index (s->lower, double, index);
      double hi = g_array_index (s->upper, double, index);
      g_autofree char *lo_text = cg_format_value (chart->unit, lo, 0);
      g_autofree char *hi_text = cg_format_value (chart->unit, hi, 0);

      if (isfinite (lo) && isfinite (hi))
        hit->value_text = g_strdup_printf ("%s (%s–%s)", text, lo_text, hi_text);
    }
  if (hit->value_text == NULL)
    hit->value_text = g_steal_pointer (&text);
}

/* Hit-testing reuses the regions of the last draw at this size; at another
 * size it lays the chart out again on a scratch surface. */
gboolean
cg_chart_hit_test (CgChart    *chart,
                   int         width,
                   int         height,
                   double      x,
                   double      y,
                   CgChartHit *hit)
{
  const CgHitRegion *best = NULL;
  double best_d = G_MAXDOUBLE;

  g_return_val_if_fail (hit != NULL, FALSE);
  memset (hit, 0, sizeof *hit);
  hit->series = hit->index = -1;
  if (chart->drawn_width != width || chart->drawn_height != height)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);

      cg_chart_draw (chart, cr, width, height);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  for (guint i = 0; i < chart->hits->len; i++)
    {
      const CgHitRegion *r = &g_array_index (chart->hits, CgHitRegion, i);
      double dist;

      switch (r->shape)
        {
        case CG_HIT_RECT:
          if (x >= r->x && x <= r->x + r->w && y >= r->y && y <= r->y + r->h)
            dist = 0;
          else
            continue;
          break;
        case CG_HIT_POINT:
          dist = hypot (x - r->x, y - r->y);
          if (dist > MAX (r->w, 6))
            continue;
          break;
        case CG_HIT_COLUMN:
          /* Inside the strip around the point, the nearest point in y. */
          if (fabs (x - r->x) > r->w / 2
              || x < r->clip_x || x > r->clip_x + r->clip_w
              || y < r->clip_y || y > r->clip_y + r->clip_h)
            continue;
          dist = fabs (y - r->y) + fabs (x - r->x) / 1000;
          break;
        default:
          continue;
        }
      if (dist < best_d)
        {
          best_d = dist;
          best = r;
        }
    }
  if (best == NULL)
    return FALSE;

  fill_hit (chart, best->series, best->index, hit);
  return TRUE;
}

void
cg_chart_hit_clear (CgChartHit *hit)
{
  g_clear_pointer (&hit->label, g_free);
  g_clear_pointer (&hit->value_text, g_free);
  hit->series = hit->index = -1;
}
