/* cg-kpi-tile.h — a compact key-figure tile: name, figure, change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CG_KPI_PERCENT,  /* a share 0–1, shown as "45.2 %", changes in points */
  CG_KPI_POINTS,   /* NPS-like points, "−31" */
  CG_KPI_DECIMAL,  /* "1.63" */
  CG_KPI_COUNT,    /* "1,234" */
} CgKpiFormat;

/** cg_kpi_tile_new: an empty tile. */
GtkWidget  *cg_kpi_tile_new        (void);
/** cg_kpi_tile_set: shows @value (NAN: "—") and its @change against the
 * previous period (NAN hides it), coloured by @higher_is_better. */
void        cg_kpi_tile_set        (GtkWidget   *tile,
                                    const char  *title,
                                    CgKpiFormat  format,
                                    double       value,
                                    double       change,
                                    gboolean     higher_is_better);
/** cg_kpi_tile_set_note: a plain line in place of the change. */
void        cg_kpi_tile_set_note   (GtkWidget   *tile,
                                    const char  *note);
/** cg_kpi_tile_get_value_text: the figure as shown (tests). */
const char *cg_kpi_tile_get_value_text (GtkWidget *tile);

G_END_DECLS
