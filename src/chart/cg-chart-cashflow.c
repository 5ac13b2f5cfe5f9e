/* cg-chart-cashflow.c — cumulative cash over the periods of a scenario,
 * below zero in one colour and above in another, with break-even marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Break-even: where the cumulative cash first crosses from below zero to
 * zero or above, interpolated linearly between the two periods. */
static gboolean
find_break_even (CgSeries *s,
                 double   *index)
{
  for (guint i = 1; i < s->values->len; i++)
    {
      double a = cg_series_value (s, i - 1), b = cg_series_value (s, i);

      if (isfinite (a) && isfinite (b) && a < 0 && b >= 0)
        {
          *index = i - 1 + (-a) / (b - a);
          return TRUE;
        }
    }
  return FALSE;
}

static void
fill_side (CgDraw        *d,
           CgSeries      *s,
           gboolean       above,
           const CgColor *color)
{
  double zero = cg_draw_value_y (d, 0);
  guint n = s->values->len;

  cairo_save (d->cr);
  cairo_rectangle (d->cr, d->x, above ? d->y : zero, d->w, above ? zero - d->y : d->y + d->h - zero);
  cairo_clip (d->cr);
  cairo_move_to (d->cr, cg_draw_category_x (d, 0, FALSE), zero);
  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      cairo_line_to (d->cr, cg_draw_category_x (d, i, FALSE), cg_draw_value_y (d, isfinite (v) ? v : 0));
    }
  cairo_line_to (d->cr, cg_draw_category_x (d, n - 1, FALSE), zero);
  cairo_close_path (d->cr);
  cg_color_set_source (d->cr, color, 0.35);
  cairo_fill (d->cr);
  cairo_restore (d->cr);
}

static void
draw_marker (CgDraw     *d,
             double      index,
             double      value,
             const char *label)
{
  double x = cg_draw_category_x (d, index, FALSE);
  double y = cg_draw_value_y (d, value);
  gboolean right = x > d->x + d->w * 0.7;

  cairo_arc (d->cr, x, y, 5, 0, 2 * G_PI);
  cg_color_set_source (d->cr, &d->chart->style.bg, 1);
  cairo_fill_preserve (d->cr);
  cg_color_set_source (d->cr, &d->chart->style.fg, 1);
  cairo_set_line_width (d->cr, 2);
  cairo_stroke (d->cr);
  if (label != NULL)
    cg_draw_text (d, label, x + (right ? -8 : 8), y - 6, right ? 1 : 0, 1, d->w / 3);
}

void
cg_render_cashflow (CgDraw *d)
{
  CgChart *chart = d->chart;
  CgSeries *s = chart->series->len > 0 ? cg_chart_series (chart, 0) : NULL;
  CgColor gain = cg_palette_series (2, chart->style.dark);
  CgColor loss = cg_palette_series (4, chart->style.dark);
  guint n = chart->categories->len;
  double min, max, index, step;

  cg_draw_value_range (d, FALSE, TRUE, &min, &max);
  cg_draw_value_axis (d, min, max);
  if (n == 0 || s == NULL)
    {
      cg_draw_empty (d);
      return;
    }
  fill_side (d, s, TRUE, &gain);
  fill_side (d, s, FALSE, &loss);

  cairo_set_line_width (d->cr, 1);
  cg_color_set_source (d->cr, &chart->style.fg, 0.6);
  cairo_move_to (d->cr, d->x, round (cg_draw_value_y (d, 0)) + 0.5);
  cairo_line_to (d->cr, d->x + d->w, round (cg_draw_value_y (d, 0)) + 0.5);
  cairo_stroke (d->cr);

  step = n > 1 ? d->w / (n - 1) : d->w;
  cairo_new_path (d->cr);
  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);

      if (!isfinite (v))
        continue;
      cairo_line_to (d->cr, cg_draw_category_x (d, i, FALSE), cg_draw_value_y (d, v));
      cg_draw_add_hit (d, CG_HIT_COLUMN, cg_draw_category_x (d, i, FALSE), cg_draw_value_y (d, v),
                       MAX (step, 8), d->h, 0, i);
    }
  cg_color_set_source (d->cr, &chart->style.fg, 0.9);
  cairo_set_line_width (d->cr, 2);
  cairo_stroke (d->cr);

  if (chart->has_marker)
    draw_marker (d, chart->marker_index, chart->marker_value, chart->marker_label);
  else if (find_break_even (s, &index))
    {
      g_autofree char *when = cg_chart_get_category_label (chart, (guint) ceil (index));
      /* TRANSLATORS: the marked point of a cash-flow chart, with its period */
      g_autofree char *label = g_strdup_printf (_("Break-even %s"), when);

      draw_marker (d, index, 0, label);
    }
  cg_draw_category_axis (d, FALSE);
}
