/* test-chart.c — the chart module: ticks, formatting, every renderer,
 * hit-testing, odd inputs and the export files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "cg-axis.h"
#include "cg-chart.h"
#include "cg-test-util.h"

/* ---- ticks and formatting, against values worked out by hand ---- */

static void
test_nice_number (void)
{
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (0.0034, TRUE), 0.005, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (7.5, TRUE), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (1.4, TRUE), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (2.9, TRUE), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (1.2, FALSE), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (5, FALSE), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (cg_axis_nice_number (5.01, FALSE), 10, 1e-12);
}

static void
assert_ticks (double min, double max, guint max_ticks,
              double lo, double hi, double step, guint n)
{
  CgTicks t;

  cg_axis_ticks (min, max, max_ticks, &t);
  g_assert_cmpfloat_with_epsilon (t.lo, lo, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.hi, hi, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.step, step, 1e-12);
  g_assert_cmpuint (t.n, ==, n);
}

static void
test_ticks (void)
{
  /* range nice(0.87) = 1, step nice(1/5) = 0.2 */
  assert_ticks (0, 0.87, 6, 0, 1, 0.2, 6);
  /* range nice(94) = 100, step nice(25) = 20 (2.5 rounds to 2) */
  assert_ticks (3, 97, 5, 0, 100, 20, 6);
  /* range nice(6912) = 10000, step nice(2500) = 2000 */
  assert_ticks (-1234, 5678, 5, -2000, 6000, 2000, 5);
  /* a flat series at 5 opens to 4.5–5.5: step 0.2 from 4.4 to 5.6 */
  assert_ticks (5, 5, 5, 4.4, 5.6, 0.2, 7);
  /* all zero: 0–1 */
  assert_ticks (0, 0, 3, 0, 1, 0.5, 3);
}

static void
assert_format (CgUnit unit, double value, double step, const char *expected)
{
  g_autofree char *text = cg_format_value (unit, value, step);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (CG_UNIT_PERCENT, 0.4523, 0, "45.2 %");
  assert_format (CG_UNIT_PERCENT, 0.4, 0.1, "40 %");
  assert_format (CG_UNIT_PERCENT, 0.025, 0.005, "2.5 %");
  assert_format (CG_UNIT_CURRENCY, 1234567, 0, "¥1,234,567");
  assert_format (CG_UNIT_CURRENCY, -2500.7, 0, "-¥2,501");
  assert_format (CG_UNIT_CURRENCY, 12.5, 0, "¥12.50");
  assert_format (CG_UNIT_CURRENCY, 250000, 50000, "¥250,000");
  assert_format (CG_UNIT_DURATION, 45, 0, "45 s");
  assert_format (CG_UNIT_DURATION, 185, 0, "3:05");
  assert_format (CG_UNIT_DURATION, 3723, 0, "1:02:03");
  assert_format (CG_UNIT_COUNT, 1234567, 0, "1,234,567");
  assert_format (CG_UNIT_COUNT, 999, 0, "999");
  assert_format (CG_UNIT_PLAIN, 0.75, 0.25, "0.75");
  assert_format (CG_UNIT_PLAIN, NAN, 0, "—");
  {
    g_autofree char *a = cg_format_thousands (1234.5, 1);
    g_autofree char *b = cg_format_thousands (-0.04, 1);
    g_autofree char *c = cg_format_thousands (-1000000, 0);
    g_assert_cmpstr (a, ==, "1,234.5");
    g_assert_cmpstr (b, ==, "0.0");
    g_assert_cmpstr (c, ==, "-1,000,000");
  }
}

static void
assert_key (CgGrain grain, const char *key, const char *expected)
{
  g_autofree char *text = cg_format_time_key (grain, key);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_time_keys (void)
{
  assert_key (CG_GRAIN_DAY, "2026-09-03", "Sep 3");
  assert_key (CG_GRAIN_WEEK, "2026-W05", "2026 W05");
  assert_key (CG_GRAIN_MONTH, "2026-09", "2026-09");
  assert_key (CG_GRAIN_QUARTER, "2026-Q3", "2026 Q3");
  assert_key (CG_GRAIN_DAY, "2026-02-30", "2026-02-30");
  assert_key (CG_GRAIN_QUARTER, "later", "later");
  assert_key (CG_GRAIN_NONE, "线路 A", "线路 A");
}

/* ---- pixels ---- */

typedef struct {
  guint8 r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 v = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, v >> 24 };
}

static gboolean
pixel_is (Pixel p, const CgColor *c, int tolerance)
{
  return abs (p.r - (int) lround (c->red * 255)) <= tolerance
         && abs (p.g - (int) lround (c->green * 255)) <= tolerance
         && abs (p.b - (int) lround (c->blue * 255)) <= tolerance;
}

static guint
count_pixels (cairo_surface_t *surface, const CgColor *color, int tolerance, gboolean equal)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += pixel_is (pixel_at (surface, x, y), color, tolerance) == equal;
  return n;
}

static cairo_surface_t *
render (CgChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cg_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static const char *const months[] = {
  "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
  "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
};

/* One chart of each kind with plausible data. */
static CgChart *
sample_chart (CgChartKind kind)
{
  CgChart *chart = cg_chart_new (kind);
  double a[12], b[12], lo[12], hi[12];

  for (guint i = 0; i < 12; i++)
    {
      a[i] = 0.4 + 0.05 * sin (i);
      b[i] = 0.3 + 0.04 * cos (i);
      lo[i] = a[i] - 0.03;
      hi[i] = a[i] + 0.03;
    }
  cg_chart_set_title (chart, "接通率 Connect rate");
  cg_chart_set_time_axis (chart, CG_GRAIN_MONTH, months, 12);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  switch (kind)
    {
    case CG_CHART_CASHFLOW:
      for (guint i = 0; i < 12; i++)
        a[i] = -50000 + 9000.0 * i;
      cg_chart_set_unit (chart, CG_UNIT_CURRENCY);
      cg_chart_add_series (chart, "累计现金流", a, 12);
      break;
    case CG_CHART_TORNADO:
      {
        const char *inputs[] = { "Rate", "Agents", "Price" };
        double low[] = { 80000, 95000, 99000 }, high[] = { 130000, 110000, 104000 };

        cg_chart_set_categories (chart, inputs, 3);
        cg_chart_set_unit (chart, CG_UNIT_CURRENCY);
        cg_chart_set_baseline (chart, 100000);
        cg_chart_add_series (chart, "Low", low, 3);
        cg_chart_add_series (chart, "High", high, 3);
      }
      break;
    case CG_CHART_HEATMAP:
      {
        const char *days[] = { "周一", "周二", "周三" };
        g_auto (GStrv) hours = g_new0 (char *, 13);

        for (guint h = 0; h < 12; h++)
          hours[h] = g_strdup_printf ("%02u", h + 8);
        cg_chart_set_categories (chart, (const char *const *) hours, 12);
        for (guint d = 0; d < 3; d++)
          {
            double row[12];
            for (guint h = 0; h < 12; h++)
              row[h] = 0.2 + 0.05 * d + 0.02 * h;
            cg_chart_add_series (chart, days[d], row, 12);
          }
      }
      break;
    case CG_CHART_FUNNEL:
      {
        const char *stages[] = { "Dialled", "Connected", "Talked", "Sold" };
        double counts[] = { 1000, 420, 200, 31 };

        cg_chart_set_categories (chart, stages, 4);
        cg_chart_set_unit (chart, CG_UNIT_COUNT);
        cg_chart_add_series (chart, "Calls", counts, 4);
      }
      break;
    case CG_CHART_RADAR:
      {
        const char *dims[] = { "Attitude", "Skill", "Speed", "Outcome", "Overall" };
        double s1[] = { 4.2, 3.9, 3.5, 4.0, 4.1 }, s2[] = { 3.8, 4.1, 3.9, 3.6, 3.9 };

        cg_chart_set_categories (chart, dims, 5);
        cg_chart_set_unit (chart, CG_UNIT_PLAIN);
        cg_chart_set_value_range (chart, 0, 5);
        cg_chart_add_series (chart, "Q1", s1, 5);
        cg_chart_add_series (chart, "Q2", s2, 5);
      }
      break;
    case CG_CHART_HISTOGRAM:
      {
        const char *bins[] = { "0–30 s", "30–60 s", "1–2 min", "2–5 min", "5+ min" };
        double counts[] = { 120, 340, 280, 90, 15 };

        cg_chart_set_categories (chart, bins, 5);
        cg_chart_set_unit (chart, CG_UNIT_COUNT);
        cg_chart_add_series (chart, "Calls", counts, 5);
      }
      break;
    case CG_CHART_HBAR:
      {
        const char *agents[] = { "张伟", "王芳", "李娜", "刘洋" };
        double v[] = { 0.52, 0.47, 0.41, 0.33 }, l[] = { 0.48, 0.43, 0.36, 0.29 }, u[] = { 0.56, 0.51, 0.46, 0.37 };

        cg_chart_set_categories (chart, agents, 4);
        cg_chart_add_series (chart, "Connect rate", v, 4);
        cg_chart_series_set_band (chart, 0, l, u, 4);
      }
      break;
    case CG_CHART_KPI:
      cg_chart_add_series (chart, "Connect rate", a, 12);
      cg_chart_set_kpi (chart, a[11], a[11] - a[10], TRUE);
      break;
    default:
      cg_chart_add_series (chart, "Line A", a, 12);
      cg_chart_add_series (chart, "Line B", b, 12);
      cg_chart_series_set_band (chart, 0, lo, hi, 12);
      cg_chart_set_target (chart, 0.45, "Target");
      cg_chart_add_span (chart, 3, 4, "Line outage");
      break;
    }
  return chart;
}

static void
test_renderers (void)
{
  for (CgChartKind kind = CG_CHART_LINE; kind <= CG_CHART_KPI; kind++)
    {
      g_autoptr (CgChart) chart = sample_chart (kind);
      cairo_surface_t *surface = render (chart, 480, 320);
      const CgChartStyle *style = cg_chart_get_style (chart);
      guint painted = count_pixels (surface, &style->bg, 2, FALSE);

      g_test_message ("kind %d: %u pixels differ from the background", kind, painted);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 480);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 320);
      /* Text, axes and marks: well over 1 % of the picture. */
      g_assert_cmpuint (painted, >, 480 * 320 / 100);
      /* But not a flood: at least a third stays background. */
      g_assert_cmpuint (painted, <, 480 * 320 * 2 / 3);
      cairo_surface_destroy (surface);
    }
}

/* Marks that are drawn opaque in the first series colour. */
static void
test_series_colour (void)
{
  const CgChartKind kinds[] = { CG_CHART_LINE, CG_CHART_BAR, CG_CHART_STACKED_BAR,
                                CG_CHART_FUNNEL, CG_CHART_RADAR, CG_CHART_HISTOGRAM, CG_CHART_KPI };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (CgChart) chart = sample_chart (kinds[i]);
      CgColor blue = cg_palette_series (0, FALSE);
      cairo_surface_t *surface = render (chart, 480, 320);

      g_assert_cmpuint (count_pixels (surface, &blue, 3, TRUE), >, 20);
      cairo_surface_destroy (surface);
    }
}

static void
test_dark_style (void)
{
  g_autoptr (CgChart) chart = sample_chart (CG_CHART_LINE);
  CgChartStyle style;
  CgColor dark_blue = cg_palette_series (0, TRUE);
  cairo_surface_t *surface;

  cg_chart_style_init (&style, TRUE);
  cg_chart_set_style (chart, &style);
  surface = render (chart, 480, 320);
  /* background dark: the corner pixel */
  g_assert_cmpint (pixel_at (surface, 0, 0).r, <, 64);
  g_assert_cmpuint (count_pixels (surface, &dark_blue, 3, TRUE), >, 20);
  cairo_surface_destroy (surface);
}

/* ---- hit-testing: find the bars in the picture, then ask ---- */

static void
test_hit_bars (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_BAR);
  const char *cats[] = { "甲", "乙" };
  double values[] = { 1, 2 };
  CgColor blue = cg_palette_series (0, FALSE);
  cairo_surface_t *surface;
  int row = -1, runs[2][2] = { { -1, -1 }, { -1, -1 } }, n_runs = 0;
  CgChartHit hit;

  cg_chart_set_categories (chart, cats, 2);
  cg_chart_set_unit (chart, CG_UNIT_COUNT);
  cg_chart_add_series (chart, "Calls", values, 2);
  surface = render (chart, 400, 300);

  /* The lowest row with bar colour: both bars start at zero. */
  for (int y = 299; y >= 0 && row < 0; y--)
    for (int x = 0; x < 400; x++)
      if (pixel_is (pixel_at (surface, x, y), &blue, 2))
        {
          row = y - 2;
          break;
        }
  g_assert_cmpint (row, >, 0);
  for (int x = 0; x < 400; x++)
    {
      gboolean in = pixel_is (pixel_at (surface, x, row), &blue, 2);
      if (in && (n_runs == 0 || runs[n_runs - 1][1] != x - 1))
        {
          g_assert_cmpint (n_runs, <, 2);
          runs[n_runs][0] = x;
          n_runs++;
        }
      if (in)
        runs[n_runs - 1][1] = x;
    }
  g_assert_cmpint (n_runs, ==, 2);
  cairo_surface_destroy (surface);

  for (int i = 0; i < 2; i++)
    {
      double x = (runs[i][0] + runs[i][1]) / 2.0;

      g_assert_true (cg_chart_hit_test (chart, 400, 300, x, row, &hit));
      g_assert_cmpint (hit.series, ==, 0);
      g_assert_cmpint (hit.index, ==, i);
      g_assert_cmpstr (hit.label, ==, cats[i]);
      g_assert_cmpstr (hit.value_text, ==, i == 0 ? "1" : "2");
      cg_chart_hit_clear (&hit);
    }
  /* Between the bars, and in the corner: nothing. */
  g_assert_false (cg_chart_hit_test (chart, 400, 300, (runs[0][1] + runs[1][0]) / 2.0, row, &hit));
  g_assert_false (cg_chart_hit_test (chart, 400, 300, 1, 1, &hit));
}

/* The first row with a run of @color over 200 px wide, and where it starts. */
static void
find_flat_line (cairo_surface_t *surface, const CgColor *color, int *top, int *left)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  *top = *left = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int run = 0;

        while (x + run < w && pixel_is (pixel_at (surface, x + run, y), color, 2))
          run++;
        if (run > 200)
          {
            *top = y;
            *left = x;
            return;
          }
        x += run;
      }
}

/* A line chart: the pointer picks the period by x and the series by y; the
 * band appears in the value text. */
static void
test_hit_line (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_LINE);
  double a[] = { 0.2, 0.2, 0.2 }, b[] = { 0.8, 0.8, 0.8 };
  double lo[] = { 0.1, 0.1, 0.1 }, hi[] = { 0.3, 0.3, 0.3 };
  CgColor orange = cg_palette_series (1, FALSE), blue = cg_palette_series (0, FALSE);
  cairo_surface_t *surface;
  int top = -1, left = -1, a_top = -1, a_left = -1;
  CgChartHit hit;

  cg_chart_set_time_axis (chart, CG_GRAIN_QUARTER, (const char *const[]) { "2026-Q1", "2026-Q2", "2026-Q3" }, 3);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_add_series (chart, "A", a, 3);
  cg_chart_add_series (chart, "B", b, 3);
  cg_chart_series_set_band (chart, 0, lo, hi, 3);
  surface = render (chart, 500, 300);
  /* Both series are flat lines: find their rows and left ends. */
  find_flat_line (surface, &orange, &top, &left);
  find_flat_line (surface, &blue, &a_top, &a_left);
  cairo_surface_destroy (surface);
  g_assert_cmpint (top, >, 0);
  g_assert_cmpint (a_top, >, top);
  g_assert_cmpint (a_left, ==, left);

  g_assert_true (cg_chart_hit_test (chart, 500, 300, left + 3, top + 3, &hit));
  g_assert_cmpint (hit.series, ==, 1);
  g_assert_cmpint (hit.index, ==, 0);
  g_assert_cmpstr (hit.label, ==, "2026 Q1 · B");
  g_assert_cmpstr (hit.value_text, ==, "80.0 %");
  cg_chart_hit_clear (&hit);
  /* Far below B, near A: A, with its interval. */
  g_assert_true (cg_chart_hit_test (chart, 500, 300, left + 3, a_top + 8, &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpstr (hit.value_text, ==, "20.0 % (10.0 %–30.0 %)");
  cg_chart_hit_clear (&hit);
}

/* A heat map filled cell by cell: the brightest cell (viridis yellow) is
 * the one set highest, and the hit-test finds it there. */
static void
test_hit_heatmap (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_HEATMAP);
  CgColor yellow = { 0.992, 0.906, 0.145 };
  cairo_surface_t *surface;
  double sx = 0, sy = 0, n = 0;
  CgChartHit hit;

  cg_chart_set_categories (chart, (const char *const[]) { "09", "10", "11" }, 3);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_add_series (chart, "周一", NULL, 0);
  cg_chart_add_series (chart, "周二", NULL, 0);
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 3; c++)
      cg_chart_set_value (chart, r, c, 0.1 * (r + c));
  cg_chart_set_value (chart, 1, 1, 0.9);
  surface = render (chart, 400, 240);
  for (int y = 0; y < 240; y++)
    for (int x = 0; x < 400; x++)
      /* cells are wide; the colour scale beside them is a 10 px strip */
      if (x >= 15 && x + 15 < 400 && pixel_is (pixel_at (surface, x, y), &yellow, 3)
          && (pixel_is (pixel_at (surface, x - 15, y), &yellow, 3)
              || pixel_is (pixel_at (surface, x + 15, y), &yellow, 3)))
        {
          sx += x;
          sy += y;
          n++;
        }
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (n, >, 100);
  g_assert_true (cg_chart_hit_test (chart, 400, 240, sx / n, sy / n, &hit));
  g_assert_cmpint (hit.series, ==, 1);
  g_assert_cmpint (hit.index, ==, 1);
  g_assert_cmpstr (hit.label, ==, "10 · 周二");
  g_assert_cmpstr (hit.value_text, ==, "90.0 %");
  cg_chart_hit_clear (&hit);
}

/* ---- odd inputs ---- */

static void
test_empty_and_single (void)
{
  for (CgChartKind kind = CG_CHART_LINE; kind <= CG_CHART_KPI; kind++)
    {
      g_autoptr (CgChart) empty = cg_chart_new (kind);
      g_autoptr (CgChart) single = cg_chart_new (kind);
      g_autoptr (CgChart) missing = cg_chart_new (kind);
      double one = 0.5, none[] = { NAN, NAN, NAN };
      cairo_surface_t *surface;
      CgChartHit hit;
      g_autofree char *description = cg_chart_describe (empty);
      g_autofree char *csv = cg_chart_to_csv (empty);

      surface = render (empty, 300, 200);
      cairo_surface_destroy (surface);
      g_assert_false (cg_chart_hit_test (empty, 300, 200, 150, 100, &hit));
      g_assert_nonnull (strstr (description, "No data"));
      g_assert_cmpstr (csv, ==, "Category\r\n");

      cg_chart_add_category (single, "2026-09");
      cg_chart_add_series (single, "Only", &one, 1);
      surface = render (single, 300, 200);
      cairo_surface_destroy (surface);

      cg_chart_add_series (missing, "Missing", none, 3);
      surface = render (missing, 300, 200);
      cairo_surface_destroy (surface);
      /* and far too small to draw anything */
      surface = render (single, 3, 3);
      cairo_surface_destroy (surface);
    }
}

/* A lone value of a line chart still shows as a point. */
static void
test_single_point_visible (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_LINE);
  double one = 0.5;
  CgColor blue = cg_palette_series (0, FALSE);
  cairo_surface_t *surface;

  cg_chart_add_category (chart, "only");
  cg_chart_add_series (chart, "Only", &one, 1);
  surface = render (chart, 300, 200);
  g_assert_cmpuint (count_pixels (surface, &blue, 3, TRUE), >=, 9);
  cairo_surface_destroy (surface);
}

/* Very long Chinese labels: ellipsised, never drawn outside the chart. */
static void
test_long_chinese_labels (void)
{
  g_autoptr (GString) long_label = g_string_new (NULL);
  const char *labels[3];
  double values[] = { 3, 1, 2 };

  for (int i = 0; i < 60; i++)
    g_string_append (long_label, "华东区第一外呼中心");
  labels[0] = long_label->str;
  labels[1] = "短";
  labels[2] = long_label->str;

  for (CgChartKind kind = CG_CHART_LINE; kind <= CG_CHART_KPI; kind++)
    {
      g_autoptr (CgChart) chart = cg_chart_new (kind);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
      cairo_t *cr = cairo_create (surface);
      guint outside = 0;
      CgChartHit hit;

      cg_chart_set_title (chart, long_label->str);
      cg_chart_set_categories (chart, labels, 3);
      cg_chart_add_series (chart, long_label->str, values, 3);
      cg_chart_add_series (chart, "第二", values, 3);
      cg_chart_draw (chart, cr, 300, 200);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < 400; y++)
        for (int x = 0; x < 600; x++)
          if ((x >= 300 || y >= 200) && pixel_at (surface, x, y).a != 0)
            outside++;
      g_assert_cmpuint (outside, ==, 0);
      cairo_surface_destroy (surface);

      /* The tooltip keeps the whole label. */
      if (kind == CG_CHART_HBAR)
        {
          g_assert_true (cg_chart_hit_test (chart, 300, 200, 279, 60, &hit));
          g_assert_cmpint (hit.index, ==, 0);
          g_assert_true (g_str_has_prefix (hit.label, long_label->str));
          cg_chart_hit_clear (&hit);
        }
    }
}

/* Bins of a nice width: 1, 2, 2, 3, 7, 9.5 into about 5 bins → ticks 0–10
 * by 2 (range nice(8.5) = 10, width nice(10/5) = 2). */
static void
test_histogram (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_HISTOGRAM);
  double samples[] = { 1, 2, 2, NAN, 3, 7, 9.5 };
  double expected[] = { 1, 3, 0, 1, 1 };
  const char *labels[] = { "0–2", "2–4", "4–6", "6–8", "8–10" };

  cg_chart_set_histogram (chart, "Calls", samples, G_N_ELEMENTS (samples), CG_UNIT_PLAIN, 5);
  g_assert_cmpint (cg_chart_get_unit (chart), ==, CG_UNIT_COUNT);
  g_assert_cmpuint (cg_chart_get_n_categories (chart), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label = cg_chart_get_category_label (chart, i);
      g_assert_cmpstr (label, ==, labels[i]);
      g_assert_cmpfloat (cg_chart_get_value (chart, 0, i), ==, expected[i]);
    }
  /* durations: 30 s bins */
  cg_chart_set_histogram (chart, "Talk", (double[]) { 5, 40, 80 }, 3, CG_UNIT_DURATION, 4);
  {
    g_autofree char *first = cg_chart_get_category_label (chart, 0);
    g_assert_cmpstr (first, ==, "0 s–20 s");
  }
  /* no samples: one empty series, no bins */
  cg_chart_set_histogram (chart, "None", NULL, 0, CG_UNIT_PLAIN, 5);
  g_assert_cmpuint (cg_chart_get_n_categories (chart), ==, 0);
}

/* ---- CSV and description ---- */

static void
test_csv (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_LINE);
  double v[] = { 0.5, NAN }, lo[] = { 0.4, NAN }, hi[] = { 0.6, NAN }, w[] = { 1200, 3 };
  g_autofree char *csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  cg_chart_set_time_axis (chart, CG_GRAIN_MONTH, (const char *const[]) { "2026-01", "2026-02" }, 2);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_add_series (chart, "A", v, 2);
  cg_chart_series_set_band (chart, 0, lo, hi, 2);
  cg_chart_add_series (chart, "x,\"y\"", w, 2);
  csv = cg_chart_to_csv (chart);
  g_assert_cmpstr (csv, ==,
                   "Period,A,A (lower),A (upper),\"x,\"\"y\"\"\"\r\n"
                   "2026-01,0.5,0.4,0.6,1200\r\n"
                   "2026-02,,,,3\r\n");
  rows = cg_chart_to_rows (chart, TRUE);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "50.0 %");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[4], ==, "120000.0 %");
}

static void
test_describe (void)
{
  g_autoptr (CgChart) chart = cg_chart_new (CG_CHART_LINE);
  double v[] = { 0.40, 0.312, 0.45, 0.441 };
  g_autofree char *text = NULL;

  cg_chart_set_title (chart, "Connect rate");
  cg_chart_set_time_axis (chart, CG_GRAIN_MONTH, months, 4);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_add_series (chart, "All lines", v, 4);
  cg_chart_set_target (chart, 0.42, NULL);
  text = cg_chart_describe (chart);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==,
                   "Line chart: Connect rate. 4 points from 2026-01 to 2026-04."
                   " All lines: lowest 31.2 % (2026-02), highest 45.0 % (2026-03), last 44.1 % (2026-04)."
                   " Target 42.0 %.");
}

/* ---- export files ---- */

static void
test_export (void)
{
  g_autoptr (CgChart) chart = sample_chart (CG_CHART_LINE);
  g_autofree char *dir = g_dir_make_tmp ("cg-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no", "such", "folder", "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *surface;

  g_assert_cmpint (cg_chart_export_format_for_path (svg), ==, CG_EXPORT_SVG);
  g_assert_cmpint (cg_chart_export_format_for_path ("A.PDF"), ==, CG_EXPORT_PDF);
  g_assert_cmpint (cg_chart_export_format_for_path ("a.png"), ==, CG_EXPORT_PNG);

  g_assert_true (cg_chart_export (chart, png, CG_EXPORT_PNG, 640, 400, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  /* an opaque white background, then the chart on it */
  g_assert_cmpint (pixel_at (surface, 0, 0).a, ==, 255);
  g_assert_cmpuint (count_pixels (surface, &(CgColor) { 1, 1, 1 }, 2, FALSE), >, 640 * 4);
  cairo_surface_destroy (surface);

  g_assert_true (cg_chart_export (chart, svg, CG_EXPORT_SVG, 640, 400, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"640\""));
  g_clear_pointer (&contents, g_free);

  /* Cairo 1.16 leaks 768 bytes when it subsets a CJK font into a PDF,
   * which LeakSanitizer would blame on us: the PDF gets a Latin title. */
  cg_chart_set_title (chart, "Connect rate");
  g_assert_true (cg_chart_export (chart, pdf, CG_EXPORT_PDF, 640, 400, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%EOF"));
  g_assert_cmpuint (length, >, 1000);

  for (CgExportFormat f = CG_EXPORT_PNG; f <= CG_EXPORT_PDF; f++)
    {
      g_assert_false (cg_chart_export (chart, bad, f, 640, 400, &error));
      g_assert_error (error, CG_CHART_ERROR, 0);
      g_clear_error (&error);
    }
  cg_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/axis/nice-number", test_nice_number);
  g_test_add_func ("/chart/axis/ticks", test_ticks);
  g_test_add_func ("/chart/axis/format", test_format);
  g_test_add_func ("/chart/axis/time-keys", test_time_keys);
  g_test_add_func ("/chart/render/every-kind", test_renderers);
  g_test_add_func ("/chart/render/series-colour", test_series_colour);
  g_test_add_func ("/chart/render/dark", test_dark_style);
  g_test_add_func ("/chart/hit/bars", test_hit_bars);
  g_test_add_func ("/chart/hit/line", test_hit_line);
  g_test_add_func ("/chart/hit/heatmap", test_hit_heatmap);
  g_test_add_func ("/chart/odd/empty-and-single", test_empty_and_single);
  g_test_add_func ("/chart/odd/single-point-visible", test_single_point_visible);
  g_test_add_func ("/chart/odd/long-chinese-labels", test_long_chinese_labels);
  g_test_add_func ("/chart/data/histogram", test_histogram);
  g_test_add_func ("/chart/data/csv", test_csv);
  g_test_add_func ("/chart/data/describe", test_describe);
  g_test_add_func ("/chart/export/files", test_export);
  ret = g_test_run ();

  /* Fontconfig and cairo keep font caches for the life of the process;
   * drop them so LeakSanitizer reports only what the charts leak. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
