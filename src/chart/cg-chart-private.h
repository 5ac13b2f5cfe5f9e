/* cg-chart-private.h — what the model shares with its renderers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "cg-axis.h"
#include "cg-chart.h"

G_BEGIN_DECLS

typedef struct {
  char     *name;
  GArray   *values;  /* double, one per category */
  GArray   *lower;   /* NULL or double */
  GArray   *upper;
  gboolean  has_color;
  CgColor   color;
} CgSeries;

typedef struct {
  double  from, to;
  char   *label;
} CgSpan;

/* Regions the renderers register while drawing, for hit-testing. */
typedef enum {
  CG_HIT_RECT,
  CG_HIT_POINT,   /* hits within a radius; the nearest wins */
  CG_HIT_COLUMN,  /* a vertical strip: the nearest point in x, then in y */
} CgHitShape;

typedef struct {
  CgHitShape shape;
  double     x, y, w, h;
  int        series, index;
  double     clip_x, clip_y, clip_w, clip_h;  /* COLUMN: the plot it lies in */
} CgHitRegion;

struct _CgChart {
  CgChartKind   kind;
  char         *title;
  char         *category_title;
  char         *value_title;
  CgUnit        unit;
  CgGrain       grain;
  GPtrArray    *categories;  /* char *, keys for time axes */
  GPtrArray    *series;      /* CgSeries * */
  double        target;
  char         *target_label;
  GArray       *spans;       /* CgSpan */
  gboolean      has_marker;
  double        marker_index, marker_value;
  char         *marker_label;
  double        range_min, range_max;
  double        baseline;
  double        kpi_value, kpi_change;
  gboolean      kpi_higher_is_better;
  gboolean      show_legend;
  CgChartStyle  style;

  /* Filled by the last draw, for hit-testing at that size. */
  GArray       *hits;
  int           drawn_width, drawn_height;
};

/* One draw: the cairo context, a reusable layout and the plot area. */
typedef struct {
  CgChart       *chart;
  cairo_t       *cr;
  PangoLayout   *layout;
  int            width, height;
  double         x, y, w, h;   /* what is left for the plot */
  CgTicks        ticks;        /* value axis */
} CgDraw;

typedef void (*CgRenderFunc) (CgDraw *d);

void      cg_render_line       (CgDraw *d);
void      cg_render_bar        (CgDraw *d);
void      cg_render_hbar       (CgDraw *d);
void      cg_render_heatmap    (CgDraw *d);
void      cg_render_funnel     (CgDraw *d);
void      cg_render_cashflow   (CgDraw *d);
void      cg_render_tornado    (CgDraw *d);
void      cg_render_radar      (CgDraw *d);
void      cg_render_histogram  (CgDraw *d);
void      cg_render_kpi        (CgDraw *d);

/* Shared drawing helpers (cg-chart-frame.c). */
CgSeries *cg_chart_series      (CgChart    *chart,
                                guint       index);
CgColor   cg_chart_series_color (CgChart   *chart,
                                 guint      index);
double    cg_series_value      (CgSeries   *series,
                                guint       index);
void      cg_draw_set_font     (CgDraw     *d,
                                double      scale,
                                gboolean    bold);
void      cg_draw_text_size    (CgDraw     *d,
                                const char *text,
                                double     *width,
                                double     *height);
/* Draws @text with (x, y) at the given fraction of its box (0 = left/top,
 * 0.5 = centre, 1 = right/bottom), ellipsised to @max_width (0 = none). */
void      cg_draw_text         (CgDraw     *d,
                                const char *text,
                                double      x,
                                double      y,
                                double      xalign,
                                double      yalign,
                                double      max_width);
void      cg_draw_title        (CgDraw     *d);
void      cg_draw_legend       (CgDraw     *d);
/* Value range of all series (and bands, target), or the fixed range. */
void      cg_draw_value_range  (CgDraw     *d,
                                gboolean    stacked,
                                gboolean    include_zero,
                                double     *min,
                                double     *max);
/* Vertical value axis on the left with grid lines; shrinks the plot. */
void      cg_draw_value_axis   (CgDraw     *d,
                                double      min,
                                double      max);
/* Category labels under the plot, thinned to fit; shrinks the plot first
 * when @reserve. */
void      cg_draw_reserve_category_axis (CgDraw *d);
void      cg_draw_category_axis (CgDraw    *d,
                                 gboolean   centred);
double    cg_draw_value_y      (CgDraw     *d,
                                double      value);
/* x of category @index: centred in its slot or on the edges. */
double    cg_draw_category_x   (CgDraw     *d,
                                double      index,
                                gboolean    centred);
/* Horizontal value axis along the bottom, item labels on the left
 * (cg-chart-hbar.c, shared with the tornado). */
void      cg_draw_hvalue_axis  (CgDraw     *d,
                                double      min,
                                double      max);
double    cg_draw_value_x      (CgDraw     *d,
                                double      value);
void      cg_draw_target       (CgDraw     *d);
void      cg_draw_spans        (CgDraw     *d,
                                gboolean    centred);
void      cg_draw_empty        (CgDraw     *d);
void      cg_draw_add_hit      (CgDraw     *d,
                                CgHitShape  shape,
                                double      x,
                                double      y,
                                double      w,
                                double      h,
                                int         series,
                                int         index);

G_END_DECLS
