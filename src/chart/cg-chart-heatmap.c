/* cg-chart-heatmap.c — a grid of cells (e.g. weekday × hour connect
 * rate): one row per series, one column per category.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

/* Viridis at five stops: ordered in lightness and readable with the
 * common colour-vision deficiencies, unlike red-to-green. */
static const CgColor viridis[] = {
  { 0.267, 0.005, 0.329 },
  { 0.231, 0.322, 0.545 },
  { 0.129, 0.569, 0.549 },
  { 0.369, 0.788, 0.384 },
  { 0.992, 0.906, 0.145 },
};

static CgColor
scale_color (double t)
{
  double pos = CLAMP (t, 0, 1) * (G_N_ELEMENTS (viridis) - 1);
  guint i = MIN ((guint) pos, G_N_ELEMENTS (viridis) - 2);
  double f = pos - i;
  const CgColor *a = &viridis[i], *b = &viridis[i + 1];

  return (CgColor) { a->red + f * (b->red - a->red),
                     a->green + f * (b->green - a->green),
                     a->blue + f * (b->blue - a->blue) };
}

static void
draw_scale (CgDraw *d,
            double  x,
            double  min,
            double  max)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, d->y + d->h, 0, d->y);
  g_autofree char *lo = cg_format_value (d->chart->unit, min, 0);
  g_autofree char *hi = cg_format_value (d->chart->unit, max, 0);

  for (guint i = 0; i < G_N_ELEMENTS (viridis); i++)
    cairo_pattern_add_color_stop_rgb (gradient, (double) i / (G_N_ELEMENTS (viridis) - 1),
                                      viridis[i].red, viridis[i].green, viridis[i].blue);
  cairo_rectangle (d->cr, x, d->y, 10, d->h);
  cairo_set_source (d->cr, gradient);
  cairo_fill (d->cr);
  cairo_pattern_destroy (gradient);
  cg_draw_set_font (d, 0.85, FALSE);
  cg_color_set_source (d->cr, &d->chart->style.fg, 0.8);
  cg_draw_text (d, hi, x + 14, d->y, 0, 0, 0);
  cg_draw_text (d, lo, x + 14, d->y + d->h, 0, 1, 0);
  cg_draw_set_font (d, 1, FALSE);
}

void
cg_render_heatmap (CgDraw *d)
{
  CgChart *chart = d->chart;
  guint rows = chart->series->len, cols = chart->categories->len;
  double min = INFINITY, max = -INFINITY, label_w = 0, scale_w, cell_w, cell_h, w, h;

  if (rows == 0 || cols == 0)
    {
      cg_draw_empty (d);
      return;
    }
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      {
        double v = cg_chart_get_value (chart, r, c);
        if (isfinite (v))
          {
            min = MIN (min, v);
            max = MAX (max, v);
          }
      }
  if (isfinite (chart->range_min))
    min = chart->range_min;
  if (isfinite (chart->range_max))
    max = chart->range_max;
  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;

  cg_draw_set_font (d, 0.9, FALSE);
  for (guint r = 0; r < rows; r++)
    {
      cg_draw_text_size (d, cg_chart_series (chart, r)->name, &w, &h);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, d->w / 4);
  {
    g_autofree char *hi = cg_format_value (chart->unit, max, 0);
    cg_draw_text_size (d, hi, &scale_w, &h);
    scale_w += 24;
  }
  d->x += label_w + 6;
  d->w -= label_w + 6 + scale_w;
  cg_draw_reserve_category_axis (d);
  cell_w = d->w / cols;
  cell_h = d->h / rows;

  for (guint r = 0; r < rows; r++)
    {
      cg_color_set_source (d->cr, &chart->style.fg, 0.9);
      cg_draw_set_font (d, 0.9, FALSE);
      cg_draw_text (d, cg_chart_series (chart, r)->name, d->x - 6, d->y + (r + 0.5) * cell_h, 1, 0.5, label_w);
      for (guint c = 0; c < cols; c++)
        {
          double v = cg_chart_get_value (chart, r, c);
          double x = d->x + c * cell_w, y = d->y + r * cell_h;
          CgColor color;

          cairo_rectangle (d->cr, x, y, MAX (cell_w - 1, 1), MAX (cell_h - 1, 1));
          if (!isfinite (v))
            {
              cg_color_set_source (d->cr, &chart->style.grid, 0.5);
              cairo_fill (d->cr);
              continue;
            }
          color = scale_color (max > min ? (v - min) / (max - min) : 0.5);
          cg_color_set_source (d->cr, &color, 1);
          cairo_fill (d->cr);
          cg_draw_add_hit (d, CG_HIT_RECT, x, y, cell_w, cell_h, r, c);
        }
    }
  draw_scale (d, d->x + d->w + 8, min, max);
  cg_draw_category_axis (d, TRUE);
}
