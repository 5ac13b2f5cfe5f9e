/* cg-chart-hbar.c — horizontal bars for rankings, with CI whiskers; and
 * the horizontal value axis the tornado shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

double
cg_draw_value_x (CgDraw *d,
                 double  value)
{
  double span = d->ticks.hi - d->ticks.lo;

  if (!(span > 0))
    return d->x + d->w / 2;
  return d->x + (value - d->ticks.lo) / span * d->w;
}

/* Item labels take up to a third of the width on the left; the value axis
 * runs along the bottom with vertical grid lines. */
void
cg_draw_hvalue_axis (CgDraw *d,
                     double  min,
                     double  max)
{
  CgChart *chart = d->chart;
  double label_w = 0, h = 0, w;
  guint n = chart->categories->len;

  cg_draw_set_font (d, 0.9, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      double lh;

      cg_draw_text_size (d, label, &w, &lh);
      label_w = MAX (label_w, w);
      h = MAX (h, lh);
    }
  label_w = MIN (label_w, d->w / 3);
  d->x += label_w + 8;
  d->w -= label_w + 8;
  cg_draw_text_size (d, "0", &w, &h);
  d->h -= h + 6;

  cg_axis_ticks (min, max, CLAMP ((guint) (d->w / 90), 2, 8), &d->ticks);
  cairo_set_line_width (d->cr, 1);
  for (guint i = 0; i < d->ticks.n; i++)
    {
      double v = d->ticks.lo + i * d->ticks.step;
      double x = round (cg_draw_value_x (d, v)) + 0.5;
      g_autofree char *text = cg_format_value (chart->unit, v, d->ticks.step);

      cg_color_set_source (d->cr, &chart->style.grid, 1);
      cairo_move_to (d->cr, x, d->y);
      cairo_line_to (d->cr, x, d->y + d->h);
      cairo_stroke (d->cr);
      cg_color_set_source (d->cr, &chart->style.fg, 0.75);
      cg_draw_text (d, text, x, d->y + d->h + 4, i == 0 ? 0 : i + 1 == d->ticks.n ? 1 : 0.5, 0, 0);
    }

  cg_color_set_source (d->cr, &chart->style.fg, 0.9);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      double y = d->y + (i + 0.5) * d->h / n;

      if (d->h / n >= h * 0.9 || i % (guint) ceil (h / MAX (d->h / n, 1)) == 0)
        cg_draw_text (d, label, d->x - 8, y, 1, 0.5, label_w);
    }
  cg_draw_set_font (d, 1, FALSE);
}

void
cg_render_hbar (CgDraw *d)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len;
  CgSeries *s = chart->series->len > 0 ? cg_chart_series (chart, 0) : NULL;
  CgColor color = cg_chart_series_color (chart, 0);
  double min, max, slot, bar_h;

  if (n == 0 || s == NULL)
    {
      cg_draw_empty (d);
      return;
    }
  cg_draw_value_range (d, FALSE, TRUE, &min, &max);
  cg_draw_hvalue_axis (d, min, max);
  slot = d->h / n;
  bar_h = MAX (slot * 0.7, 1);

  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      double y = d->y + i * slot + (slot - bar_h) / 2;
      double x0 = cg_draw_value_x (d, 0), x1;

      if (!isfinite (v))
        continue;
      x1 = cg_draw_value_x (d, v);
      cairo_rectangle (d->cr, MIN (x0, x1), y, MAX (fabs (x1 - x0), 1), bar_h);
      cg_color_set_source (d->cr, &color, 0.85);
      cairo_fill (d->cr);
      cg_draw_add_hit (d, CG_HIT_RECT, d->x, d->y + i * slot, d->w, slot, 0, i);

      if (s->lower != NULL && isfinite (g_array_index (s->lower, double, i))
          && isfinite (g_array_index (s->upper, double, i)))
        {
          double lx = cg_draw_value_x (d, g_array_index (s->lower, double, i));
          double ux = cg_draw_value_x (d, g_array_index (s->upper, double, i));
          double cy = y + bar_h / 2, cap = MIN (bar_h / 2, 5);

          cg_color_set_source (d->cr, &chart->style.fg, 0.9);
          cairo_set_line_width (d->cr, 1.5);
          cairo_move_to (d->cr, lx, cy);
          cairo_line_to (d->cr, ux, cy);
          cairo_move_to (d->cr, lx, cy - cap);
          cairo_line_to (d->cr, lx, cy + cap);
          cairo_move_to (d->cr, ux, cy - cap);
          cairo_line_to (d->cr, ux, cy + cap);
          cairo_stroke (d->cr);
        }
    }
  if (isfinite (chart->target) && chart->target >= d->ticks.lo && chart->target <= d->ticks.hi)
    {
      double x = round (cg_draw_value_x (d, chart->target)) + 0.5, dashes[] = { 6, 4 };

      cairo_save (d->cr);
      cairo_set_dash (d->cr, dashes, 2, 0);
      cg_color_set_source (d->cr, &chart->style.fg, 0.8);
      cairo_move_to (d->cr, x, d->y);
      cairo_line_to (d->cr, x, d->y + d->h);
      cairo_stroke (d->cr);
      cairo_restore (d->cr);
    }
}
