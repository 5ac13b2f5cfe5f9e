/* cg-chart-tornado.c — sensitivity: for each input, the result at its low
 * and its high value as bars from the base result.  The caller orders the
 * inputs (widest swing first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

void
cg_render_tornado (CgDraw *d)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len, m = MIN (chart->series->len, 2);
  double min = chart->baseline, max = chart->baseline, slot, bar_h, base_x;

  if (n == 0 || m == 0)
    {
      cg_draw_empty (d);
      return;
    }
  for (guint k = 0; k < m; k++)
    for (guint i = 0; i < n; i++)
      {
        double v = cg_chart_get_value (chart, k, i);
        if (isfinite (v))
          {
            min = MIN (min, v);
            max = MAX (max, v);
          }
      }
  cg_draw_hvalue_axis (d, min, max);
  slot = d->h / n;
  bar_h = MAX (slot * 0.7, 1);
  base_x = cg_draw_value_x (d, chart->baseline);

  for (guint i = 0; i < n; i++)
    {
      double y = d->y + i * slot + (slot - bar_h) / 2;

      for (guint k = 0; k < m; k++)
        {
          double v = cg_chart_get_value (chart, k, i), x;
          CgColor color = cg_chart_series_color (chart, k);

          if (!isfinite (v))
            continue;
          x = cg_draw_value_x (d, v);
          cairo_rectangle (d->cr, MIN (x, base_x), y, MAX (fabs (x - base_x), 1), bar_h);
          cg_color_set_source (d->cr, &color, 0.9);
          cairo_fill (d->cr);
          cg_draw_add_hit (d, CG_HIT_RECT, MIN (x, base_x), d->y + i * slot,
                           MAX (fabs (x - base_x), 2), slot, k, i);
        }
    }
  cairo_set_line_width (d->cr, 1.5);
  cg_color_set_source (d->cr, &chart->style.fg, 0.9);
  cairo_move_to (d->cr, round (base_x) + 0.5, d->y);
  cairo_line_to (d->cr, round (base_x) + 0.5, d->y + d->h);
  cairo_stroke (d->cr);
}
