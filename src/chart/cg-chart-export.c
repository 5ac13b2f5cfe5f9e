/* cg-chart-export.c — the chart as a file (PNG, SVG, PDF), as a table
 * (CSV) and in words (for screen readers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-chart-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

CgExportFormat
cg_chart_export_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".svg"))
    return CG_EXPORT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return CG_EXPORT_PDF;
  return CG_EXPORT_PNG;
}

typedef struct {
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Files are written through GIO: its errors say what went wrong, and the
 * file is replaced only once it is complete. */
gboolean
cg_chart_export (CgChart         *chart,
                 const char      *path,
                 CgExportFormat   format,
                 int              width,
                 int              height,
                 GError         **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GCancellable) discard = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  CgChartStyle saved = chart->style;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &sink.error);
  if (out == NULL)
    goto failed;
  sink.stream = G_OUTPUT_STREAM (out);

  if (format == CG_EXPORT_SVG)
    surface = cairo_svg_surface_create_for_stream (sink_write, &sink, width, height);
  else if (format == CG_EXPORT_PDF)
    surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* Files are read away from the window: always with a background. */
  chart->style.fill_background = TRUE;
  cr = cairo_create (surface);
  cg_chart_draw (chart, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  chart->style = saved;
  /* The layout was for the file, not the widget. */
  chart->drawn_width = chart->drawn_height = 0;

  if (format == CG_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && sink.error == NULL
      && g_output_stream_close (sink.stream, NULL, &sink.error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the half-written file. */
  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (sink.stream, discard, NULL);
  if (sink.error == NULL)
    g_set_error_literal (&sink.error, CG_CHART_ERROR, 0, cairo_status_to_string (status));

failed:
  {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, CG_CHART_ERROR, 0,
                 /* TRANSLATORS: file name, then the reason */
                 _("Could not save the chart as “%s”: %s. Choose another folder or name."),
                 name, sink.error->message);
    g_clear_error (&sink.error);
  }
  return FALSE;
}

static const char *
kind_name (CgChartKind kind)
{
  static const char *const names[] = {
    [CG_CHART_LINE] = N_("Line chart"),
    [CG_CHART_AREA] = N_("Area chart"),
    [CG_CHART_BAR] = N_("Bar chart"),
    [CG_CHART_STACKED_BAR] = N_("Stacked bar chart"),
    [CG_CHART_HBAR] = N_("Ranking chart"),
    [CG_CHART_HEATMAP] = N_("Heat map"),
    [CG_CHART_FUNNEL] = N_("Funnel"),
    [CG_CHART_CASHFLOW] = N_("Cumulative cash-flow chart"),
    [CG_CHART_TORNADO] = N_("Tornado chart"),
    [CG_CHART_RADAR] = N_("Radar chart"),
    [CG_CHART_HISTOGRAM] = N_("Histogram"),
    [CG_CHART_KPI] = N_("Key figure"),
  };
  return _(names[kind]);
}

/* "Connect rate from 31.2 % (2026-03) to 45.0 % (2026-09), last 44.1 %." */
static void
describe_series (CgChart *chart,
                 guint    k,
                 GString *out)
{
  CgSeries *s = cg_chart_series (chart, k);
  guint lo = G_MAXUINT, hi = G_MAXUINT, last = G_MAXUINT;

  for (guint i = 0; i < s->values->len; i++)
    {
      double v = cg_series_value (s, i);

      if (!isfinite (v))
        continue;
      if (lo == G_MAXUINT || v < cg_series_value (s, lo))
        lo = i;
      if (hi == G_MAXUINT || v > cg_series_value (s, hi))
        hi = i;
      last = i;
    }
  if (last == G_MAXUINT)
    {
      /* TRANSLATORS: a series (by name) that has no values */
      g_string_append_printf (out, _(" %s: no values."), s->name);
      return;
    }
  {
    g_autofree char *lo_v = cg_format_value (chart->unit, cg_series_value (s, lo), 0);
    g_autofree char *hi_v = cg_format_value (chart->unit, cg_series_value (s, hi), 0);
    g_autofree char *last_v = cg_format_value (chart->unit, cg_series_value (s, last), 0);
    g_autofree char *lo_c = cg_chart_get_category_label (chart, lo);
    g_autofree char *hi_c = cg_chart_get_category_label (chart, hi);
    g_autofree char *last_c = cg_chart_get_category_label (chart, last);

    /* TRANSLATORS: series name, lowest value and where, highest value and
     * where, last value and where */
    g_string_append_printf (out, _(" %s: lowest %s (%s), highest %s (%s), last %s (%s)."),
                            s->name, lo_v, lo_c, hi_v, hi_c, last_v, last_c);
  }
}

char *
cg_chart_describe (CgChart *chart)
{
  GString *out = g_string_new (NULL);
  guint n = chart->categories->len;

  if (chart->title != NULL && *chart->title)
    /* TRANSLATORS: the start of a chart's description: kind, title */
    g_string_printf (out, _("%s: %s."), kind_name (chart->kind), chart->title);
  else
    /* TRANSLATORS: the start of a chart's description without a title */
    g_string_printf (out, _("%s."), kind_name (chart->kind));

  if (chart->kind == CG_CHART_KPI && isfinite (chart->kpi_value))
    {
      g_autofree char *v = cg_format_value (chart->unit, chart->kpi_value, 0);
      /* TRANSLATORS: one more sentence of a chart's description */
      g_string_append_printf (out, _(" %s."), v);
      if (isfinite (chart->kpi_change))
        {
          g_autofree char *c = cg_format_value (chart->unit, chart->kpi_change, 0);
          /* TRANSLATORS: change of a key figure against the previous period */
          g_string_append_printf (out, _(" Change against the previous period: %s."), c);
        }
      return g_string_free (out, FALSE);
    }
  if (n == 0 || chart->series->len == 0)
    {
      g_string_append_printf (out, " %s", _("No data."));
      return g_string_free (out, FALSE);
    }
  {
    g_autofree char *first = cg_chart_get_category_label (chart, 0);
    g_autofree char *last = cg_chart_get_category_label (chart, n - 1);
    g_autofree char *count = g_strdup_printf ("%u", n);

    /* TRANSLATORS: number of categories (periods or items), first, last */
    g_string_append_printf (out, _(" %s points from %s to %s."), count, first, last);
  }
  for (guint k = 0; k < chart->series->len; k++)
    describe_series (chart, k, out);
  if (isfinite (chart->target))
    {
      g_autofree char *t = cg_format_value (chart->unit, chart->target, 0);
      g_string_append_printf (out, _(" Target %s."), t);
    }
  for (guint i = 0; i < chart->spans->len; i++)
    {
      CgSpan *span = &g_array_index (chart->spans, CgSpan, i);
      if (span->label != NULL)
        g_string_append_printf (out, _(" %s."), span->label);
    }
  if (chart->has_marker && chart->marker_label != NULL)
    g_string_append_printf (out, _(" %s."), chart->marker_label);
  return g_string_free (out, FALSE);
}

/* g_strv_builder_take is newer than GLib 2.74. */
static void
builder_take (GStrvBuilder *builder,
              char         *value)
{
  g_strv_builder_add (builder, value);
  g_free (value);
}

static char *
cell (CgChart *chart,
      double   v,
      gboolean formatted)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    return g_strdup ("");
  if (formatted)
    return cg_format_value (chart->unit, v, 0);
  /* %.10g: no binary noise (0.30000000000000004) in the spreadsheet */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

GPtrArray *
cg_chart_to_rows (CgChart  *chart,
                  gboolean  formatted)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GStrvBuilder) header = g_strv_builder_new ();

  g_strv_builder_add (header, chart->category_title ? chart->category_title
                              : chart->grain != CG_GRAIN_NONE ? _("Period") : _("Category"));
  for (guint k = 0; k < chart->series->len; k++)
    {
      CgSeries *s = cg_chart_series (chart, k);
      const char *name = *s->name ? s->name : chart->title ? chart->title : _("Value");

      g_strv_builder_add (header, name);
      if (s->lower != NULL)
        {
          g_autofree char *lo = g_strdup_printf (_("%s (lower)"), name);
          g_autofree char *hi = g_strdup_printf (_("%s (upper)"), name);
          g_strv_builder_add (header, lo);
          g_strv_builder_add (header, hi);
        }
    }
  g_ptr_array_add (rows, g_strv_builder_end (header));

  for (guint i = 0; i < chart->categories->len; i++)
    {
      g_autoptr (GStrvBuilder) row = g_strv_builder_new ();

      /* Spreadsheets want the period key (sortable), people the label. */
      if (formatted)
        builder_take (row, cg_chart_get_category_label (chart, i));
      else
        g_strv_builder_add (row, g_ptr_array_index (chart->categories, i));
      for (guint k = 0; k < chart->series->len; k++)
        {
          CgSeries *s = cg_chart_series (chart, k);

          builder_take (row, cell (chart, cg_series_value (s, i), formatted));
          if (s->lower != NULL)
            {
              builder_take (row, cell (chart, g_array_index (s->lower, double, i), formatted));
              builder_take (row, cell (chart, g_array_index (s->upper, double, i), formatted));
            }
        }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  return rows;
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
cg_chart_to_csv (CgChart *chart)
{
  g_autoptr (GPtrArray) rows = cg_chart_to_rows (chart, FALSE);
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, row[c]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
