/* cg-chart-line.c — lines and areas over categories or time, with a
 * confidence band, a target line and shaded spans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

/* Dense series (points closer than DENSE_STEP pixels) are drawn as one
 * box per pixel column, from the lowest to the highest value the line or
 * band reaches in it.  At that density this is what the eye sees anyway,
 * and cairo fills pixel-aligned boxes far faster than it rasterises a
 * 1,000-vertex zigzag polygon (tests/bench/cg-bench-chart.c). */
#define DENSE_STEP 2.5

static gboolean
is_dense (CgDraw *d)
{
  guint n = d->chart->categories->len;

  return n > 1 && d->w / (n - 1) < DENSE_STEP;
}

/* Columns between consecutive points: [x(i), x(i+1)) rounded to pixels,
 * spanning @top(i..i+1) to @bottom(i..i+1) plus @pad. */
static void
add_column_boxes (CgDraw *d,
                  GArray *top,
                  GArray *bottom,
                  double  pad)
{
  guint n = top->len;

  for (guint i = 0; i + 1 < n; i++)
    {
      double t0 = g_array_index (top, double, i), t1 = g_array_index (top, double, i + 1);
      double b0 = g_array_index (bottom, double, i), b1 = g_array_index (bottom, double, i + 1);
      double x0 = round (cg_draw_category_x (d, i, FALSE));
      double x1 = round (cg_draw_category_x (d, i + 1, FALSE));
      double y0, y1;

      if (!(isfinite (t0) && isfinite (t1) && isfinite (b0) && isfinite (b1)))
        continue;
      if (x1 <= x0)
        x1 = x0 + 1;
      y0 = floor (MIN (cg_draw_value_y (d, MAX (t0, t1)), cg_draw_value_y (d, MAX (b0, b1))) - pad);
      y1 = ceil (MAX (cg_draw_value_y (d, MIN (t0, t1)), cg_draw_value_y (d, MIN (b0, b1))) + pad);
      cairo_rectangle (d->cr, x0, y0, x1 - x0, MAX (y1 - y0, 1));
    }
}

/* The band is one closed path: upper edge forwards, lower edge back.  A
 * missing value breaks it into pieces. */
static void
draw_band (CgDraw   *d,
           CgSeries *s,
           CgColor  *color)
{
  guint n = s->values->len, i = 0;

  /* Text leaves a current point behind; the band must not start there. */
  cairo_new_path (d->cr);
  if (is_dense (d))
    {
      add_column_boxes (d, s->upper, s->lower, 0);
      cg_color_set_source (d->cr, color, d->chart->style.dark ? 0.3 : 0.2);
      cairo_fill (d->cr);
      return;
    }
  while (i < n)
    {
      guint start, end;

      while (i < n && !(isfinite (g_array_index (s->lower, double, i))
                        && isfinite (g_array_index (s->upper, double, i))))
        i++;
      start = i;
      while (i < n && isfinite (g_array_index (s->lower, double, i))
             && isfinite (g_array_index (s->upper, double, i)))
        i++;
      end = i;
      if (end <= start)
        continue;
      for (guint k = start; k < end; k++)
        cairo_line_to (d->cr, cg_draw_category_x (d, k, FALSE),
                       cg_draw_value_y (d, g_array_index (s->upper, double, k)));
      for (guint k = end; k-- > start;)
        cairo_line_to (d->cr, cg_draw_category_x (d, k, FALSE),
                       cg_draw_value_y (d, g_array_index (s->lower, double, k)));
      cairo_close_path (d->cr);
      cg_color_set_source (d->cr, color, d->chart->style.dark ? 0.3 : 0.2);
      cairo_fill (d->cr);
    }
}

/* The area under a series, down to the axis, broken at missing values. */
static void
fill_area (CgDraw   *d,
           CgSeries *s,
           CgColor  *color)
{
  guint n = s->values->len;
  double base_y = cg_draw_value_y (d, CLAMP (0, d->ticks.lo, d->ticks.hi));
  gboolean open = FALSE;
  double first_x = 0, last_x = 0;

  cairo_new_path (d->cr);
  for (guint i = 0; i <= n; i++)
    {
      double v = i < n ? g_array_index (s->values, double, i) : NAN;
      double x = cg_draw_category_x (d, i, FALSE);

      if (isfinite (v))
        {
          if (!open)
            first_x = x;
          cairo_line_to (d->cr, x, cg_draw_value_y (d, v));
          open = TRUE;
          last_x = x;
        }
      else if (open)
        {
          cairo_line_to (d->cr, last_x, base_y);
          cairo_line_to (d->cr, first_x, base_y);
          cairo_close_path (d->cr);
          cairo_new_sub_path (d->cr);
          open = FALSE;
        }
    }
  cg_color_set_source (d->cr, color, 0.35);
  cairo_fill (d->cr);
}

/* Segments per stroke.  Cairo rasterises a stroke as one polygon; a long
 * zigzag line makes every scanline cross hundreds of edges.  Stroking it in
 * short runs, joined by round caps, draws the same line several times
 * faster (see tests/bench/cg-bench-chart.c). */
#define RUN_LENGTH 16

/* The line, broken at missing values. */
static void
stroke_line (CgDraw   *d,
             CgSeries *s,
             CgColor  *color)
{
  guint n = s->values->len, run = 0;
  gboolean open = FALSE;

  cg_color_set_source (d->cr, color, 1);
  if (is_dense (d))
    {
      cairo_new_path (d->cr);
      add_column_boxes (d, s->values, s->values, 1);
      cairo_fill (d->cr);
      return;
    }
  cairo_set_line_width (d->cr, 2);
  cairo_set_line_join (d->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (d->cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (d->cr);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (s->values, double, i);
      double x, y;

      if (!isfinite (v))
        {
          open = FALSE;
          continue;
        }
      x = cg_draw_category_x (d, i, FALSE);
      y = cg_draw_value_y (d, v);
      if (!open)
        cairo_move_to (d->cr, x, y);
      else
        cairo_line_to (d->cr, x, y);
      open = TRUE;
      if (++run == RUN_LENGTH)
        {
          cairo_stroke (d->cr);
          cairo_move_to (d->cr, x, y);
          run = 0;
        }
    }
  cairo_stroke (d->cr);
  cairo_set_line_cap (d->cr, CAIRO_LINE_CAP_BUTT);
}

/* Points show when they are few enough to tell apart, and always for a
 * lone value that no line can show. */
static void
draw_points (CgDraw   *d,
             CgSeries *s,
             CgColor  *color)
{
  guint n = s->values->len;
  gboolean few = d->w / MAX (n, 1) >= 12;

  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (s->values, double, i);
      gboolean lone = isfinite (v)
                      && (i == 0 || !isfinite (g_array_index (s->values, double, i - 1)))
                      && (i + 1 == n || !isfinite (g_array_index (s->values, double, i + 1)));

      if (!isfinite (v) || !(few || lone))
        continue;
      cairo_new_sub_path (d->cr);
      cairo_arc (d->cr, cg_draw_category_x (d, i, FALSE), cg_draw_value_y (d, v), 3, 0, 2 * G_PI);
    }
  cg_color_set_source (d->cr, color, 1);
  cairo_fill (d->cr);
}

static void
draw_marker (CgDraw *d)
{
  CgChart *chart = d->chart;
  double x, y;

  if (!chart->has_marker || !isfinite (chart->marker_value))
    return;
  x = cg_draw_category_x (d, chart->marker_index, FALSE);
  y = cg_draw_value_y (d, chart->marker_value);
  cairo_arc (d->cr, x, y, 5, 0, 2 * G_PI);
  cg_color_set_source (d->cr, &chart->style.bg, 1);
  cairo_fill_preserve (d->cr);
  cg_color_set_source (d->cr, &chart->style.fg, 1);
  cairo_set_line_width (d->cr, 2);
  cairo_stroke (d->cr);
  if (chart->marker_label != NULL)
    cg_draw_text (d, chart->marker_label, x + 7, y - 4, x > d->x + d->w * 0.7 ? 1.1 : 0, 1, d->w / 3);
}

void
cg_render_line (CgDraw *d)
{
  CgChart *chart = d->chart;
  gboolean area = chart->kind == CG_CHART_AREA;
  guint n = chart->categories->len;
  double min, max, step;

  cg_draw_value_range (d, FALSE, area, &min, &max);
  cg_draw_value_axis (d, min, max);
  if (n == 0 || chart->series->len == 0)
    {
      cg_draw_empty (d);
      return;
    }
  cg_draw_spans (d, FALSE);
  for (guint k = 0; k < chart->series->len; k++)
    {
      CgSeries *s = cg_chart_series (chart, k);
      CgColor color = cg_chart_series_color (chart, k);

      if (s->lower != NULL)
        draw_band (d, s, &color);
    }
  cg_draw_target (d);
  step = n > 1 ? d->w / (n - 1) : d->w;
  for (guint k = 0; k < chart->series->len; k++)
    {
      CgSeries *s = cg_chart_series (chart, k);
      CgColor color = cg_chart_series_color (chart, k);

      if (area)
        fill_area (d, s, &color);
      stroke_line (d, s, &color);
      draw_points (d, s, &color);
      /* A strip per point: the pointer picks the category by x, then the
       * nearest series by y. */
      for (guint i = 0; i < n; i++)
        {
          double v = cg_series_value (s, i);

          if (isfinite (v))
            cg_draw_add_hit (d, CG_HIT_COLUMN, cg_draw_category_x (d, i, FALSE),
                             cg_draw_value_y (d, v), MAX (step, 8), d->h, k, i);
        }
    }
  draw_marker (d);
  cg_draw_category_axis (d, FALSE);
}
