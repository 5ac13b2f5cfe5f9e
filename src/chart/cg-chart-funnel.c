/* cg-chart-funnel.c — stages of a funnel (dialled → connected → talked →
 * sold), each as wide as its count, with the share of the first stage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <math.h>

void
cg_render_funnel (CgDraw *d)
{
  CgChart *chart = d->chart;
  guint n = chart->categories->len;
  CgSeries *s = chart->series->len > 0 ? cg_chart_series (chart, 0) : NULL;
  CgColor color = cg_chart_series_color (chart, 0);
  double first = NAN, max = 0, label_w, slot, cx;

  if (n == 0 || s == NULL)
    {
      cg_draw_empty (d);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      if (isfinite (v))
        {
          max = MAX (max, v);
          if (!isfinite (first))
            first = v;
        }
    }
  /* Stage names on the left, the funnel in the middle, figures on the right. */
  label_w = MIN (d->w / 4, 160);
  slot = d->h / n;
  cx = d->x + label_w + (d->w - 2 * label_w) / 2;

  for (guint i = 0; i < n; i++)
    {
      double v = cg_series_value (s, i);
      double half = max > 0 && isfinite (v) ? (d->w - 2 * label_w - 16) / 2 * v / max : 0;
      double y = d->y + i * slot, h = MAX (slot - 4, 1);
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      g_autofree char *value = cg_format_value (chart->unit, v, 0);
      g_autofree char *text = NULL;

      if (isfinite (v) && first > 0 && i > 0)
        text = g_strdup_printf ("%s  (%.1f %%)", value, 100 * v / first);
      else
        text = g_strdup (value);
      cairo_rectangle (d->cr, cx - MAX (half, 0.5), y, 2 * MAX (half, 0.5), h);
      cg_color_set_source (d->cr, &color, 1 - 0.5 * i / MAX (n, 1));
      cairo_fill (d->cr);
      cg_draw_add_hit (d, CG_HIT_RECT, d->x, y, d->w, slot, 0, i);

      cg_color_set_source (d->cr, &chart->style.fg, 0.9);
      cg_draw_set_font (d, 0.95, FALSE);
      cg_draw_text (d, label, d->x + label_w - 4, y + h / 2, 1, 0.5, label_w - 4);
      cg_draw_text (d, text, d->x + d->w - label_w + 4, y + h / 2, 0, 0.5, label_w - 4);
    }
  cg_draw_set_font (d, 1, FALSE);
}
