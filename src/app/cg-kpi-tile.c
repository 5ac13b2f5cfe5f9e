/* cg-kpi-tile.c — a compact key-figure tile: name, figure, change.
 *
 * Labels rather than a chart view: eight chart views at their minimum
 * size would not fit a 1400 × 900 window above the fold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-format.h"
#include "cg-kpi-tile.h"
#include "cg-page-util.h"

GtkWidget *
cg_kpi_tile_new (void)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *change = gtk_label_new (NULL);

  gtk_widget_add_css_class (tile, "card");
  gtk_widget_add_css_class (tile, "kpi-tile");
  for (GtkWidget *w = title; w != NULL; w = w == title ? value : w == value ? change : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
      gtk_box_append (GTK_BOX (tile), w);
    }
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  /* A short natural width lets the flow box put four tiles on a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (change), 16);
  gtk_label_set_wrap (GTK_LABEL (change), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (title, 10);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_margin_bottom (change, 10);
  gtk_widget_add_css_class (change, "caption");
  g_object_set_data (G_OBJECT (tile), "cg-title", title);
  g_object_set_data (G_OBJECT (tile), "cg-value", value);
  g_object_set_data (G_OBJECT (tile), "cg-change", change);
  return tile;
}

static char *
format_value (CgKpiFormat format,
              double      value)
{
  if (isnan (value))
    return g_strdup ("—");
  switch (format)
    {
    case CG_KPI_PERCENT:
      return cg_percent_text (value);
    case CG_KPI_POINTS:
      return value < 0 ? g_strdup_printf ("−%.0f", -value) : g_strdup_printf ("%.0f", value);
    case CG_KPI_COUNT:
      return cg_format_count ((gint64) llround (value));
    case CG_KPI_DECIMAL:
    default:
      return g_strdup_printf ("%.2f", value);
    }
}

static char *
format_change (CgKpiFormat format,
               double      change)
{
  const char *arrow = change > 0 ? "▲" : change < 0 ? "▼" : "＝";

  switch (format)
    {
    case CG_KPI_PERCENT:
      /* Translators: a change of a rate in percentage points, "▲ 1.2 pts vs previous period". */
      return g_strdup_printf (_("%s %.1f pts vs previous period"), arrow, 100 * fabs (change));
    case CG_KPI_POINTS:
      /* Translators: a change of NPS points, "▼ 3 vs previous period". */
      return g_strdup_printf (_("%s %.0f vs previous period"), arrow, fabs (change));
    case CG_KPI_COUNT:
    case CG_KPI_DECIMAL:
    default:
      return g_strdup_printf (_("%s %.2f vs previous period"), arrow, fabs (change));
    }
}

void
cg_kpi_tile_set (GtkWidget   *tile,
                 const char  *title,
                 CgKpiFormat  format,
                 double       value,
                 double       change,
                 gboolean     higher_is_better)
{
  GtkLabel *change_label = g_object_get_data (G_OBJECT (tile), "cg-change");
  g_autofree char *value_text = format_value (format, value);

  gtk_label_set_text (g_object_get_data (G_OBJECT (tile), "cg-title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (tile), "cg-value"), value_text);
  gtk_widget_remove_css_class (GTK_WIDGET (change_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (change_label), "error");
  if (isfinite (change))
    {
      g_autofree char *text = format_change (format, change);

      gtk_label_set_text (change_label, text);
      if (change != 0)
        gtk_widget_add_css_class (GTK_WIDGET (change_label),
                                  (change > 0) == higher_is_better ? "success" : "error");
    }
  else
    /* Keeps the tiles of a row the same height. */
    gtk_label_set_text (change_label, " ");
}

void
cg_kpi_tile_set_note (GtkWidget  *tile,
                      const char *note)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (tile), "cg-change");

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_text (GTK_LABEL (label), note);
}

const char *
cg_kpi_tile_get_value_text (GtkWidget *tile)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (tile), "cg-value"));
}
