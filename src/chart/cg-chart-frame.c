/* cg-chart-frame.c — what every chart kind shares: text, title, legend,
 * axes, target line, shaded spans and hit regions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

CgSeries *
cg_chart_series (CgChart *chart,
                 guint    index)
{
  return g_ptr_array_index (chart->series, index);
}

CgColor
cg_chart_series_color (CgChart *chart,
                       guint    index)
{
  CgSeries *s = index < chart->series->len ? cg_chart_series (chart, index) : NULL;

  if (s != NULL && s->has_color)
    return s->color;
  return cg_palette_series (index, chart->style.dark);
}

double
cg_series_value (CgSeries *series,
                 guint     index)
{
  return index < series->values->len ? g_array_index (series->values, double, index) : NAN;
}

void
cg_draw_set_font (CgDraw   *d,
                  double    scale,
                  gboolean  bold)
{
  PangoFontDescription *font = pango_font_description_from_string (d->chart->style.font);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 9 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * scale));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (d->layout, font);
  pango_font_description_free (font);
}

void
cg_draw_text_size (CgDraw     *d,
                   const char *text,
                   double     *width,
                   double     *height)
{
  int w, h;

  pango_layout_set_width (d->layout, -1);
  pango_layout_set_text (d->layout, text, -1);
  pango_layout_get_pixel_size (d->layout, &w, &h);
  *width = w;
  *height = h;
}

void
cg_draw_text (CgDraw     *d,
              const char *text,
              double      x,
              double      y,
              double      xalign,
              double      yalign,
              double      max_width)
{
  int w, h;

  pango_layout_set_text (d->layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (d->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (d->layout, -1);
      pango_layout_set_ellipsize (d->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_get_pixel_size (d->layout, &w, &h);
  cairo_move_to (d->cr, round (x - xalign * w), round (y - yalign * h));
  pango_cairo_show_layout (d->cr, d->layout);
  cairo_new_path (d->cr);
}

void
cg_draw_title (CgDraw *d)
{
  double w, h;

  if (d->chart->title == NULL || *d->chart->title == '\0')
    return;
  cg_draw_set_font (d, 1.15, TRUE);
  cg_draw_text_size (d, d->chart->title, &w, &h);
  cg_color_set_source (d->cr, &d->chart->style.fg, 1);
  cg_draw_text (d, d->chart->title, d->x, d->y, 0, 0, d->w);
  d->y += h + 4;
  d->h -= h + 4;
  cg_draw_set_font (d, 1, FALSE);
}

/* One row of swatches and names, wrapping when the names do not fit. */
void
cg_draw_legend (CgDraw *d)
{
  CgChart *chart = d->chart;
  double x = d->x, y = d->y, row_h = 0;
  double max_item = MAX (d->w / 2, 60);

  if (!chart->show_legend || chart->series->len < 2
      || chart->kind == CG_CHART_HEATMAP || chart->kind == CG_CHART_FUNNEL
      || chart->kind == CG_CHART_HBAR || chart->kind == CG_CHART_HISTOGRAM
      || chart->kind == CG_CHART_CASHFLOW)
    return;

  cg_draw_set_font (d, 0.95, FALSE);
  for (guint i = 0; i < chart->series->len; i++)
    {
      CgSeries *s = cg_chart_series (chart, i);
      CgColor color = cg_chart_series_color (chart, i);
      double w, h;

      cg_draw_text_size (d, s->name, &w, &h);
      w = MIN (w, max_item);
      if (x > d->x && x + 16 + w > d->x + d->w)
        {
          x = d->x;
          y += row_h + 2;
        }
      row_h = MAX (row_h, h);
      cg_color_set_source (d->cr, &color, 1);
      cairo_rectangle (d->cr, x, y + h / 2 - 5, 10, 10);
      cairo_fill (d->cr);
      cg_color_set_source (d->cr, &chart->style.fg, 1);
      cg_draw_text (d, s->name, x + 14, y, 0, 0, max_item);
      cg_draw_add_hit (d, CG_HIT_RECT, x, y, w + 14, h, i, -1);
      x += 14 + w + 14;
    }
  d->h -= y + row_h + 6 - d->y;
  d->y = y + row_h + 6;
  cg_draw_set_font (d, 1, FALSE);
}

void
cg_draw_value_range (CgDraw   *d,
                     gboolean  stacked,
                     gboolean  include_zero,
                     double   *min,
                     double   *max)
{
  CgChart *chart = d->chart;
  double lo = include_zero ? 0 : INFINITY, hi = include_zero ? 0 : -INFINITY;

  for (guint i = 0; i < chart->categories->len; i++)
    {
      double pos = 0, neg = 0;

      for (guint k = 0; k < chart->series->len; k++)
        {
          CgSeries *s = cg_chart_series (chart, k);
          double v = cg_series_value (s, i);

          if (!isfinite (v))
            continue;
          if (stacked)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
              continue;
            }
          lo = MIN (lo, v);
          hi = MAX (hi, v);
          if (s->lower != NULL)
            {
              double l = g_array_index (s->lower, double, i);
              double u = g_array_index (s->upper, double, i);
              if (isfinite (l))
                lo = MIN (lo, l);
              if (isfinite (u))
                hi = MAX (hi, u);
            }
        }
      if (stacked)
        {
          lo = MIN (lo, neg);
          hi = MAX (hi, pos);
        }
    }
  if (isfinite (chart->target))
    {
      lo = MIN (lo, chart->target);
      hi = MAX (hi, chart->target);
    }
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (isfinite (chart->range_min))
    lo = chart->range_min;
  if (isfinite (chart->range_max))
    hi = chart->range_max;
  *min = lo;
  *max = hi;
}

void
cg_draw_value_axis (CgDraw *d,
                    double  min,
                    double  max)
{
  CgChart *chart = d->chart;
  double label_w = 0, label_h = 0;
  guint max_ticks = CLAMP ((guint) (d->h / 40), 2, 8);
  g_autofree char **labels = NULL;

  cg_axis_ticks (min, max, max_ticks, &d->ticks);
  /* A fixed range is kept as given even when it is not "nice". */
  if (isfinite (chart->range_min))
    d->ticks.lo = chart->range_min;
  if (isfinite (chart->range_max))
    d->ticks.hi = chart->range_max;
  d->ticks.n = (guint) floor ((d->ticks.hi - d->ticks.lo) / d->ticks.step + 1e-9) + 1;

  labels = g_new0 (char *, d->ticks.n + 1);
  cg_draw_set_font (d, 0.9, FALSE);
  for (guint i = 0; i < d->ticks.n; i++)
    {
      double w, h;

      labels[i] = cg_format_value (chart->unit, d->ticks.lo + i * d->ticks.step, d->ticks.step);
      cg_draw_text_size (d, labels[i], &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
    }
  if (chart->value_title != NULL)
    {
      double w, h;

      cg_draw_text_size (d, chart->value_title, &w, &h);
      cg_color_set_source (d->cr, &chart->style.fg, 0.8);
      cg_draw_text (d, chart->value_title, d->x, d->y, 0, 0, d->w);
      d->y += h + 2;
      d->h -= h + 2;
    }
  /* Half a label above the top tick so it is not cut. */
  d->y += label_h / 2;
  d->h -= label_h / 2;
  d->x += label_w + 6;
  d->w -= label_w + 6;
  cg_draw_reserve_category_axis (d);

  cairo_set_line_width (d->cr, 1);
  for (guint i = 0; i < d->ticks.n; i++)
    {
      double v = d->ticks.lo + i * d->ticks.step;
      double y = round (cg_draw_value_y (d, v)) + 0.5;

      cg_color_set_source (d->cr, &chart->style.grid, 1);
      cairo_move_to (d->cr, d->x, y);
      cairo_line_to (d->cr, d->x + d->w, y);
      cairo_stroke (d->cr);
      cg_color_set_source (d->cr, &chart->style.fg, 0.75);
      cg_draw_text (d, labels[i], d->x - 6, y, 1, 0.5, 0);
      g_free (labels[i]);
    }
  cg_draw_set_font (d, 1, FALSE);
}

void
cg_draw_reserve_category_axis (CgDraw *d)
{
  double w, h;

  cg_draw_set_font (d, 0.9, FALSE);
  cg_draw_text_size (d, "2026 Q3 国", &w, &h);
  d->h -= h + 6;
  if (d->chart->category_title != NULL)
    d->h -= h + 2;
}

double
cg_draw_value_y (CgDraw *d,
                 double  value)
{
  double span = d->ticks.hi - d->ticks.lo;

  if (!(span > 0))
    return d->y + d->h / 2;
  return d->y + d->h - (value - d->ticks.lo) / span * d->h;
}

double
cg_draw_category_x (CgDraw  *d,
                    double   index,
                    gboolean centred)
{
  guint n = d->chart->categories->len;

  if (centred)
    return d->x + (index + 0.5) * d->w / MAX (n, 1);
  if (n < 2)
    return d->x + d->w / 2;
  return d->x + index * d->w / (n - 1);
}

/* Labels every k-th category, k chosen so the widest label fits. */
void
cg_draw_category_axis (CgDraw   *d,
                       gboolean  centred)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len, step = 1;
  double widest = 0, h = 0, slot;
  double y = d->y + d->h + 4;

  if (n == 0)
    return;
  cg_draw_set_font (d, 0.9, FALSE);
  /* Measure a sample: the first, last and middle labels. */
  for (guint i = 0; i < n; i += MAX (n / 8, 1))
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      double w, lh;

      cg_draw_text_size (d, label, &w, &lh);
      widest = MAX (widest, w);
      h = MAX (h, lh);
    }
  widest = MIN (widest, 140);
  slot = d->w / MAX (centred ? n : MAX (n - 1, 1), 1);
  while (slot * step < widest + 8 && step < n)
    step++;

  cg_color_set_source (d->cr, &chart->style.fg, 0.75);
  for (guint i = 0; i < n; i += step)
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      double x = cg_draw_category_x (d, i, centred);
      double max_w = MIN (MAX (slot * step - 4, 20), 140);
      double w, lh;

      /* Centred under its point, but kept inside the chart: the first and
       * last labels of an edge-to-edge axis would stick out. */
      cg_draw_text_size (d, label, &w, &lh);
      w = MIN (w, max_w);
      x = CLAMP (x - w / 2, 2, MAX (d->width - 2 - w, 2));
      cg_draw_text (d, label, x, y, 0, 0, max_w);
    }
  if (chart->category_title != NULL)
    cg_draw_text (d, chart->category_title, d->x + d->w / 2, y + h + 2, 0.5, 0, d->w);
  cg_draw_set_font (d, 1, FALSE);
}

void
cg_draw_target (CgDraw *d)
{
  CgChart *chart = d->chart;
  double y, dashes[] = { 6, 4 };

  if (!isfinite (chart->target) || chart->target < d->ticks.lo || chart->target > d->ticks.hi)
    return;
  y = round (cg_draw_value_y (d, chart->target)) + 0.5;
  cairo_save (d->cr);
  cg_color_set_source (d->cr, &chart->style.fg, 0.8);
  cairo_set_dash (d->cr, dashes, 2, 0);
  cairo_set_line_width (d->cr, 1.5);
  cairo_move_to (d->cr, d->x, y);
  cairo_line_to (d->cr, d->x + d->w, y);
  cairo_stroke (d->cr);
  cairo_restore (d->cr);
  if (chart->target_label != NULL)
    {
      cg_draw_set_font (d, 0.85, FALSE);
      cg_color_set_source (d->cr, &chart->style.fg, 0.9);
      cg_draw_text (d, chart->target_label, d->x + d->w - 2, y - 2, 1, 1, d->w / 2);
      cg_draw_set_font (d, 1, FALSE);
    }
}

void
cg_draw_spans (CgDraw   *d,
               gboolean  centred)
{
  CgChart *chart = d->chart;
  double half = centred ? 0.5 : 0;

  for (guint i = 0; i < chart->spans->len; i++)
    {
      CgSpan *span = &g_array_index (chart->spans, CgSpan, i);
      double x0 = cg_draw_category_x (d, span->from - half, centred);
      double x1 = cg_draw_category_x (d, span->to + half, centred);

      if (!centred && x1 - x0 < 4)
        {
          x0 -= 2;
          x1 += 2;
        }
      x0 = CLAMP (x0, d->x, d->x + d->w);
      x1 = CLAMP (x1, d->x, d->x + d->w);
      cairo_set_source_rgba (d->cr, 0.835, 0.369, 0.0, chart->style.dark ? 0.22 : 0.13);
      cairo_rectangle (d->cr, x0, d->y, x1 - x0, d->h);
      cairo_fill (d->cr);
      if (span->label != NULL)
        {
          cg_draw_set_font (d, 0.85, FALSE);
          cg_color_set_source (d->cr, &chart->style.fg, 0.8);
          cg_draw_text (d, span->label, x0 + 2, d->y + 2, 0, 0, MAX (x1 - x0 - 4, 90));
          cg_draw_set_font (d, 1, FALSE);
        }
    }
}

void
cg_draw_empty (CgDraw *d)
{
  cg_color_set_source (d->cr, &d->chart->style.fg, 0.6);
  cg_draw_text (d, _("No data"), d->x + d->w / 2, d->y + d->h / 2, 0.5, 0.5, d->w);
}

void
cg_draw_add_hit (CgDraw     *d,
                 CgHitShape  shape,
                 double      x,
                 double      y,
                 double      w,
                 double      h,
                 int         series,
                 int         index)
{
  /* A little slack around the plot: points on its edge are easy to miss. */
  CgHitRegion r = { shape, x, y, w, h, series, index, d->x - 6, d->y - 6, d->w + 12, d->h + 12 };

  g_array_append_val (d->chart->hits, r);
}
