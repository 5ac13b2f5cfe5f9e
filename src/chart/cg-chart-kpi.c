/* cg-chart-kpi.c — a KPI tile: name, figure, change against the previous
 * period and a sparkline of series 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

static void
draw_sparkline (CgDraw *d,
                double  x,
                double  y,
                double  w,
                double  h)
{
  CgChart *chart = d->chart;
  CgSeries *s = chart->series->len > 0 ? cg_chart_series (chart, 0) : NULL;
  CgColor color = cg_chart_series_color (chart, 0);
  double min = INFINITY, max = -INFINITY;
  guint n = s ? s->values->len : 0;
  gboolean open = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      if (isfinite (v))
        {
          min = MIN (min, v);
          max = MAX (max, v);
        }
    }
  if (!isfinite (min) || h < 4)
    return;
  d->ticks.lo = min == max ? min - 1 : min;
  d->ticks.hi = min == max ? max + 1 : max;
  cairo_new_path (d->cr);
  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      double px = n > 1 ? x + i * w / (n - 1) : x + w / 2;
      double py = y + h - (v - d->ticks.lo) / (d->ticks.hi - d->ticks.lo) * h;

      if (!isfinite (v))
        {
          open = FALSE;
          continue;
        }
      if (open)
        cairo_line_to (d->cr, px, py);
      else
        cairo_move_to (d->cr, px, py);
      open = TRUE;
      cg_draw_add_hit (d, CG_HIT_COLUMN, px, py, MAX (w / MAX (n, 1), 4), h, 0, i);
    }
  cg_color_set_source (d->cr, &color, 1);
  cairo_set_line_width (d->cr, 1.5);
  cairo_stroke (d->cr);
}

void
cg_render_kpi (CgDraw *d)
{
  CgChart *chart = d->chart;
  double value = chart->kpi_value, change = chart->kpi_change;
  double y = d->y, w, h;
  g_autofree char *figure = NULL;

  /* Without an explicit figure the tile shows the last value. */
  if (!isfinite (value) && chart->series->len > 0)
    for (guint i = cg_chart_series (chart, 0)->values->len; i-- > 0 && !isfinite (value);)
      value = cg_chart_get_value (chart, 0, i);
  figure = cg_format_value (chart->unit, value, 0);

  cg_draw_set_font (d, 1, FALSE);
  cg_color_set_source (d->cr, &chart->style.fg, 0.75);
  if (chart->title != NULL)
    {
      cg_draw_text_size (d, chart->title, &w, &h);
      cg_draw_text (d, chart->title, d->x, y, 0, 0, d->w);
      y += h + 2;
    }
  cg_draw_set_font (d, 2.2, TRUE);
  cg_draw_text_size (d, figure, &w, &h);
  cg_color_set_source (d->cr, &chart->style.fg, 1);
  cg_draw_text (d, figure, d->x, y, 0, 0, d->w);
  cg_draw_add_hit (d, CG_HIT_RECT, d->x, y, w, h, -1, -1);
  y += h;

  if (isfinite (change))
    {
      gboolean better = (change > 0) == chart->kpi_higher_is_better;
      CgColor color = change == 0 ? chart->style.fg
                      : cg_palette_series (better ? 2 : 4, chart->style.dark);
      g_autofree char *amount = cg_format_value (chart->unit, fabs (change), 0);
      /* An arrow as well as a colour: the colour alone says nothing to
       * readers who cannot tell the two apart. */
      const char *arrow = change > 0 ? "▲" : change < 0 ? "▼" : "＝";
      /* TRANSLATORS: change of a KPI against the previous period: arrow, amount */
      g_autofree char *text = g_strdup_printf (_("%s %s vs previous period"), arrow, amount);

      cg_draw_set_font (d, 0.9, FALSE);
      cg_draw_text_size (d, text, &w, &h);
      cg_color_set_source (d->cr, &color, 1);
      cg_draw_text (d, text, d->x, y, 0, 0, d->w);
      y += h + 4;
    }
  cg_draw_set_font (d, 1, FALSE);
  draw_sparkline (d, d->x, y + 2, d->w, d->y + d->h - y - 4);
}
