/* cg-chart-radar.c — one spoke per category (e.g. satisfaction
 * dimensions), one polygon per series, from the centre (minimum) out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

static void
spoke_point (CgDraw *d,
             double  cx,
             double  cy,
             double  radius,
             guint   i,
             guint   n,
             double  fraction,
             double *x,
             double *y)
{
  /* The first spoke points up; spokes go clockwise. */
  double angle = -G_PI / 2 + 2 * G_PI * i / n;

  *x = cx + cos (angle) * radius * fraction;
  *y = cy + sin (angle) * radius * fraction;
}

void
cg_render_radar (CgDraw *d)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len;
  double min, max, cx, cy, radius, w, h;

  if (n < 3 || chart->series->len == 0)
    {
      cg_draw_empty (d);
      return;
    }
  cg_draw_value_range (d, FALSE, TRUE, &min, &max);
  cg_axis_ticks (min, max, 5, &d->ticks);
  if (isfinite (chart->range_min))
    d->ticks.lo = chart->range_min;
  if (isfinite (chart->range_max))
    d->ticks.hi = chart->range_max;

  cg_draw_set_font (d, 0.9, FALSE);
  cg_draw_text_size (d, "国", &w, &h);
  cx = d->x + d->w / 2;
  cy = d->y + d->h / 2;
  /* Side labels need room beside the rings: about a fifth of the width
   * each side, more than the 90 px of old when the chart is wide. */
  radius = MAX (MIN (d->w / 2 - MAX (90, MIN (d->w * 0.2, 170)), d->h / 2 - h - 4), 10);

  /* Rings at the ticks, spokes and their labels. */
  cairo_set_line_width (d->cr, 1);
  cg_color_set_source (d->cr, &chart->style.grid, 1);
  for (guint t = 1; t < d->ticks.n; t++)
    {
      double f = (t * d->ticks.step) / (d->ticks.hi - d->ticks.lo);

      if (f > 1 + 1e-9)
        break;
      cairo_new_path (d->cr);
      for (guint i = 0; i <= n; i++)
        {
          double x, y;
          spoke_point (d, cx, cy, radius, i % n, n, f, &x, &y);
          cairo_line_to (d->cr, x, y);
        }
      cairo_close_path (d->cr);
      cairo_stroke (d->cr);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      double x, y, angle = -G_PI / 2 + 2 * G_PI * i / n;

      cg_color_set_source (d->cr, &chart->style.grid, 1);
      cairo_new_path (d->cr);
      cairo_move_to (d->cr, cx, cy);
      spoke_point (d, cx, cy, radius, i, n, 1, &x, &y);
      cairo_line_to (d->cr, x, y);
      cairo_stroke (d->cr);
      spoke_point (d, cx, cy, radius + 6, i, n, 1, &x, &y);
      cg_color_set_source (d->cr, &chart->style.fg, 0.9);
      /* As wide as the space between the spoke's end and the chart's edge
       * (top and bottom labels are centred: the whole width is theirs). */
      cg_draw_text (d, label, x, y, 0.5 - 0.5 * cos (angle), 0.5 - 0.5 * sin (angle),
                    fabs (cos (angle)) < 0.2 ? d->w * 0.6
                                             : MAX (d->w / 2 - fabs (cos (angle)) * (radius + 6) - 4, 40));
    }

  for (guint k = 0; k < chart->series->len; k++)
    {
      CgSeries *s = cg_chart_series (chart, k);
      CgColor color = cg_chart_series_color (chart, k);
      double span = d->ticks.hi - d->ticks.lo;

      cairo_new_path (d->cr);
      for (guint i = 0; i < n; i++)
        {
          double v = cg_series_value (s, i), x, y;
          double f = isfinite (v) && span > 0 ? CLAMP ((v - d->ticks.lo) / span, 0, 1) : 0;

          spoke_point (d, cx, cy, radius, i, n, f, &x, &y);
          cairo_line_to (d->cr, x, y);
          if (isfinite (v))
            cg_draw_add_hit (d, CG_HIT_POINT, x, y, 10, 10, k, i);
        }
      cairo_close_path (d->cr);
      cg_color_set_source (d->cr, &color, 0.25);
      cairo_fill_preserve (d->cr);
      cg_color_set_source (d->cr, &color, 1);
      cairo_set_line_width (d->cr, 2);
      cairo_stroke (d->cr);
    }
  cg_draw_set_font (d, 1, FALSE);
}
