/* cg-chart-view.h — a widget that shows a CgChart: tooltips, click to
 * filter, save as PNG/SVG/PDF, copy as CSV, and its data as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-chart.h"

G_BEGIN_DECLS

#define CG_TYPE_CHART_VIEW (cg_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CgChartView, cg_chart_view, CG, CHART_VIEW, GtkWidget)

/* Signals:
 *   "item-activated" (CgChartView *view, int series, int index, gpointer):
 *     the user clicked a point, bar or cell — pages filter to it; index is
 *     -1 for a legend entry (the whole series); series is -1 for a row
 *     activated in the data table (all series of that category).
 * Properties: "chart" (CgChart, boxed), "show-table" (gboolean).
 * Actions (in its menu and right-click menu): chart.save "png"|"svg"|"pdf",
 * chart.copy-csv, chart.show-table. */

/** cg_chart_view_new: a view showing @chart (may be NULL; a ref is taken). */
GtkWidget  *cg_chart_view_new            (CgChart      *chart);

/** cg_chart_view_set_chart: shows @chart (a ref is taken); pages build a new
 * chart when their data changes and set it here. */
void        cg_chart_view_set_chart      (CgChartView  *self,
                                          CgChart      *chart);
CgChart    *cg_chart_view_get_chart      (CgChartView  *self);

/** cg_chart_view_set_show_table: shows the data as a table instead. */
void        cg_chart_view_set_show_table (CgChartView  *self,
                                          gboolean      show_table);
gboolean    cg_chart_view_get_show_table (CgChartView  *self);

/** cg_chart_view_save: writes the chart at its current size (at least
 * 800 × 500) to @file; the format comes from the extension (.png, .svg,
 * .pdf).  What "Save as…" calls. */
gboolean    cg_chart_view_save           (CgChartView  *self,
                                          GFile        *file,
                                          GError      **error);

/** cg_chart_view_copy_csv: puts the data as CSV on the clipboard. */
void        cg_chart_view_copy_csv       (CgChartView  *self);

G_END_DECLS
