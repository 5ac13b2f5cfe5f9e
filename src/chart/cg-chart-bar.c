/* cg-chart-bar.c — grouped and stacked vertical bars, and the histogram
 * (one series of touching bars).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

static void
draw_bar (CgDraw        *d,
          double         x,
          double         w,
          double         from,
          double         to,
          const CgColor *color,
          int            series,
          int            index)
{
  double y0 = cg_draw_value_y (d, from), y1 = cg_draw_value_y (d, to);
  double top = MIN (y0, y1), h = fabs (y1 - y0);

  cairo_rectangle (d->cr, x, top, w, MAX (h, 1));
  cg_color_set_source (d->cr, color, 1);
  cairo_fill (d->cr);
  cg_draw_add_hit (d, CG_HIT_RECT, x, top - 2, w, MAX (h, 1) + 4, series, index);
}

/* @gap: the share of a slot left empty between groups. */
static void
render_bars (CgDraw *d,
             gboolean stacked,
             double   gap)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len, m = chart->series->len;
  double min, max, slot, group_w, bar_w;

  cg_draw_value_range (d, stacked, TRUE, &min, &max);
  cg_draw_value_axis (d, min, max);
  if (n == 0 || m == 0)
    {
      cg_draw_empty (d);
      return;
    }
  cg_draw_spans (d, TRUE);
  slot = d->w / n;
  group_w = slot * (1 - gap);
  bar_w = stacked ? group_w : group_w / m;

  for (guint i = 0; i < n; i++)
    {
      double x0 = d->x + i * slot + (slot - group_w) / 2;
      double pos = 0, neg = 0;

      for (guint k = 0; k < m; k++)
        {
          CgSeries *s = cg_chart_series (chart, k);
          CgColor color = cg_chart_series_color (chart, k);
          double v = cg_series_value (s, i);

          if (!isfinite (v))
            continue;
          if (stacked)
            {
              double *base = v >= 0 ? &pos : &neg;

              draw_bar (d, x0, bar_w, *base, *base + v, &color, k, i);
              *base += v;
            }
          else
            draw_bar (d, x0 + k * bar_w, MAX (bar_w - (m > 1 ? 1 : 0), 1), 0, v, &color, k, i);
        }
    }
  cg_draw_target (d);
  cg_draw_category_axis (d, TRUE);
}

void
cg_render_bar (CgDraw *d)
{
  render_bars (d, d->chart->kind == CG_CHART_STACKED_BAR, 0.25);
}

void
cg_render_histogram (CgDraw *d)
{
  render_bars (d, FALSE, 0.04);
}
