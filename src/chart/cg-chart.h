/* cg-chart.h — a chart model that draws itself onto any cairo_t.
 *
 * A chart is a grid of values: series (rows) × categories (columns).
 * Every kind reads that grid its own way:
 *
 *   LINE, AREA, BAR, STACKED_BAR  one line or bar group per series over
 *                                 the categories (or time keys)
 *   HBAR                          series 0 ranked items; categories are the
 *                                 items, bands are the CI whiskers
 *   HEATMAP                       one row per series (e.g. weekdays), one
 *                                 column per category (e.g. hours)
 *   FUNNEL                        series 0, one stage per category
 *   CASHFLOW                      series 0 = cumulative cash per period; the
 *                                 break-even point is found (or set with
 *                                 cg_chart_set_marker)
 *   TORNADO                       series 0 = result at the low input,
 *                                 series 1 = at the high input, around
 *                                 cg_chart_set_baseline; one bar per category
 *   RADAR                         one polygon per series, one spoke per
 *                                 category
 *   HISTOGRAM                     series 0 = counts per bin (category = bin)
 *   KPI                           a tile: title, cg_chart_set_kpi value and
 *                                 change, series 0 as a sparkline
 *
 * Missing values are NAN.  All text goes through Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cg-palette.h"

G_BEGIN_DECLS

typedef enum {
  CG_CHART_LINE,
  CG_CHART_AREA,
  CG_CHART_BAR,
  CG_CHART_STACKED_BAR,
  CG_CHART_HBAR,
  CG_CHART_HEATMAP,
  CG_CHART_FUNNEL,
  CG_CHART_CASHFLOW,
  CG_CHART_TORNADO,
  CG_CHART_RADAR,
  CG_CHART_HISTOGRAM,
  CG_CHART_KPI,
} CgChartKind;

/* How values read: PERCENT values are fractions (0.452 → "45.2 %"),
 * CURRENCY values are yuan, DURATION values are seconds. */
typedef enum {
  CG_UNIT_PLAIN,
  CG_UNIT_COUNT,
  CG_UNIT_PERCENT,
  CG_UNIT_CURRENCY,
  CG_UNIT_DURATION,
} CgUnit;

/* Category keys of a time axis, as the analytics module writes them:
 * "2026-09-03", "2026-W36", "2026-09", "2026-Q3". */
typedef enum {
  CG_GRAIN_NONE,
  CG_GRAIN_DAY,
  CG_GRAIN_WEEK,
  CG_GRAIN_MONTH,
  CG_GRAIN_QUARTER,
} CgGrain;

typedef enum {
  CG_EXPORT_PNG,
  CG_EXPORT_SVG,
  CG_EXPORT_PDF,
} CgExportFormat;

/* The colours and font the widget takes from its theme (or the defaults
 * of cg_chart_style_init for exports). */
typedef struct {
  CgColor   fg;
  CgColor   bg;
  CgColor   grid;
  gboolean  dark;
  gboolean  fill_background;  /* paint bg first (exports); the widget doesn't */
  char      font[64];         /* Pango font description, "Sans 9" */
} CgChartStyle;

/* What lies under the pointer.  series/index are -1 when not meaningful. */
typedef struct {
  int   series;
  int   index;
  char *label;       /* "2026-09 · Line A" */
  char *value_text;  /* "45.2 % (41.0 %–49.3 %)" */
} CgChartHit;

#define CG_CHART_ERROR (cg_chart_error_quark ())
GQuark cg_chart_error_quark (void);

typedef struct _CgChart CgChart;

#define CG_TYPE_CHART (cg_chart_get_type ())
GType        cg_chart_get_type       (void) G_GNUC_CONST;

/** cg_chart_new: an empty chart of @kind (reference counted). */
CgChart     *cg_chart_new            (CgChartKind        kind);
CgChart     *cg_chart_ref            (CgChart           *chart);
void         cg_chart_unref          (CgChart           *chart);

CgChartKind  cg_chart_get_kind       (CgChart           *chart);
void         cg_chart_set_title      (CgChart           *chart,
                                      const char        *title);
const char  *cg_chart_get_title      (CgChart           *chart);
void         cg_chart_set_unit       (CgChart           *chart,
                                      CgUnit             unit);
CgUnit       cg_chart_get_unit       (CgChart           *chart);
/** cg_chart_set_axis_titles: optional titles of the category and value axes. */
void         cg_chart_set_axis_titles (CgChart          *chart,
                                       const char       *category_title,
                                       const char       *value_title);

/** cg_chart_set_categories: plain labels (agents, lines, stages, hours). */
void         cg_chart_set_categories (CgChart           *chart,
                                      const char *const *labels,
                                      guint              n_labels);
/** cg_chart_set_time_axis: period keys of @grain; labels are formatted. */
void         cg_chart_set_time_axis  (CgChart           *chart,
                                      CgGrain            grain,
                                      const char *const *keys,
                                      guint              n_keys);
/** cg_chart_add_category: appends one category (plain label or time key). */
void         cg_chart_add_category   (CgChart           *chart,
                                      const char        *label);
guint        cg_chart_get_n_categories (CgChart         *chart);
/** cg_chart_get_category_label: the label as displayed (formatted time key). */
char        *cg_chart_get_category_label (CgChart       *chart,
                                          guint          index);

/** cg_chart_add_series: copies @n_values values (NAN = missing; fewer than
 * the categories are padded with NAN); returns the series index. */
guint        cg_chart_add_series     (CgChart           *chart,
                                      const char        *name,
                                      const double      *values,
                                      guint              n_values);
/** cg_chart_set_histogram: bins @samples (NAN ignored) into at most about
 * @max_bins bins of a nice width, labelled "lo–hi" in @sample_unit; adds
 * series @name with the counts and sets the chart's unit to COUNT. */
void         cg_chart_set_histogram  (CgChart           *chart,
                                      const char        *name,
                                      const double      *samples,
                                      guint              n_samples,
                                      CgUnit             sample_unit,
                                      guint              max_bins);
/** cg_chart_series_set_band: a lower/upper band (CI) of the same length. */
void         cg_chart_series_set_band (CgChart          *chart,
                                       guint             series,
                                       const double     *lower,
                                       const double     *upper,
                                       guint             n_values);
/** cg_chart_series_set_color: overrides the palette colour. */
void         cg_chart_series_set_color (CgChart         *chart,
                                        guint            series,
                                        const CgColor   *color);
guint        cg_chart_get_n_series   (CgChart           *chart);
const char  *cg_chart_get_series_name (CgChart          *chart,
                                       guint             series);
/** cg_chart_set_value: sets one value (e.g. a heat-map cell) of an existing
 * series and category. */
void         cg_chart_set_value      (CgChart           *chart,
                                      guint              series,
                                      guint              index,
                                      double             value);
/** cg_chart_get_value: NAN when missing or out of range. */
double       cg_chart_get_value      (CgChart           *chart,
                                      guint              series,
                                      guint              index);

/** cg_chart_set_target: a dashed horizontal target line. */
void         cg_chart_set_target     (CgChart           *chart,
                                      double             value,
                                      const char        *label);
/** cg_chart_add_span: a shaded span from category @from to @to (fractional
 * indexes, inclusive), e.g. an incident. */
void         cg_chart_add_span       (CgChart           *chart,
                                      double             from,
                                      double             to,
                                      const char        *label);
/** cg_chart_set_marker: a marked point at category @index (fractional) and
 * @value, e.g. break-even. */
void         cg_chart_set_marker     (CgChart           *chart,
                                      double             index,
                                      double             value,
                                      const char        *label);
/** cg_chart_set_value_range: fixes the value axis (e.g. 0–1 for a rate);
 * NAN for either end lets the data decide. */
void         cg_chart_set_value_range (CgChart          *chart,
                                       double            min,
                                       double            max);
/** cg_chart_set_baseline: the base value of a tornado. */
void         cg_chart_set_baseline   (CgChart           *chart,
                                      double             baseline);
/** cg_chart_set_kpi: the figure of a KPI tile and its change against the
 * previous period (in the chart's unit; NAN hides it).  @higher_is_better
 * colours the change. */
void         cg_chart_set_kpi        (CgChart           *chart,
                                      double             value,
                                      double             change,
                                      gboolean           higher_is_better);
/** cg_chart_set_show_legend: the legend shows for two or more series unless
 * turned off. */
void         cg_chart_set_show_legend (CgChart          *chart,
                                       gboolean          show);

/** cg_chart_style_init: default light or dark style. */
void         cg_chart_style_init     (CgChartStyle      *style,
                                      gboolean           dark);
void         cg_chart_set_style      (CgChart           *chart,
                                      const CgChartStyle *style);
const CgChartStyle *cg_chart_get_style (CgChart         *chart);

/** cg_chart_draw: draws the chart into (0, 0, @width, @height) of @cr. */
void         cg_chart_draw           (CgChart           *chart,
                                      cairo_t           *cr,
                                      int                width,
                                      int                height);

/** cg_chart_hit_test: the item under (@x, @y) of a chart drawn at
 * @width × @height; FALSE when there is none.  Free with cg_chart_hit_clear. */
gboolean     cg_chart_hit_test       (CgChart           *chart,
                                      int                width,
                                      int                height,
                                      double             x,
                                      double             y,
                                      CgChartHit        *hit);
void         cg_chart_hit_clear      (CgChartHit        *hit);

/** cg_chart_export: draws into a PNG, SVG or PDF file of @width × @height. */
gboolean     cg_chart_export         (CgChart           *chart,
                                      const char        *path,
                                      CgExportFormat     format,
                                      int                width,
                                      int                height,
                                      GError           **error);
/** cg_chart_export_format_for_path: from the extension; PNG by default. */
CgExportFormat cg_chart_export_format_for_path (const char *path);

/** cg_chart_describe: a plain-language description for assistive
 * technologies ("Line chart, Connect rate: …"). */
char        *cg_chart_describe       (CgChart           *chart);
/** cg_chart_to_rows: the data as a table; row 0 is the header, every row a
 * NULL-terminated string vector.  @formatted writes values as displayed
 * ("45.2 %"), otherwise as plain numbers for spreadsheets. */
GPtrArray   *cg_chart_to_rows        (CgChart           *chart,
                                      gboolean           formatted);
/** cg_chart_to_csv: cg_chart_to_rows (chart, FALSE) as RFC 4180 CSV. */
char        *cg_chart_to_csv         (CgChart           *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgChart, cg_chart_unref)

G_END_DECLS
