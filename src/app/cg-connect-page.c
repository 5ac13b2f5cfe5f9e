/* cg-connect-page.c — connect rate: trend, slices, hours, outcomes,
 * number quality, best times and an A/B comparison.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-call-quality.h"
#include "cg-compliance.h"
#include "cg-connect-charts.h"
#include "cg-connect-page.h"
#include "cg-format.h"
#include "cg-incidents-section.h"
#include "cg-page-util.h"
#include "cg-quality.h"

/* The slices with a table of their own; the trend's dimension is the
 * filter's granularity and takes the first place. */
enum { SLICE_TREND, SLICE_LINE, SLICE_LIST, SLICE_AGENT, SLICE_OUTCOME, SLICE_HOUR_WEEKDAY, N_SLICES };
static const CgDimension slice_dims[N_SLICES] = {
  CG_DIM_MONTH, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_AGENT, CG_DIM_OUTCOME, CG_DIM_HOUR_WEEKDAY,
};
/* The A/B panel's dimensions, in the order of its drop-down. */
static const CgDimension ab_dims[] = { CG_DIM_LINE, CG_DIM_LIST, CG_DIM_AGENT };

struct _CgConnectPage
{
  CgPage         parent_instance;

  GtkBox        *trend_box;
  GtkLabel      *trend_title;
  GtkBox        *slices_box;
  GtkBox        *heatmap_box;
  GtkBox        *outcome_box;
  GtkBox        *quality_box;
  GtkBox        *best_box;
  GtkLabel      *best_note;
  GtkDropDown   *ab_dimension;
  GtkDropDown   *ab_group_a;
  GtkDropDown   *ab_group_b;
  GtkListBox    *ab_result;
  GtkLabel      *ab_verdict;

  CgTable       *tables[N_SLICES];
  GtkWidget     *charts[N_SLICES];              /* trend, rankings, outcome bars */
  GtkWidget     *heatmap_chart;
  CgTable       *heatmap;
  CgTable       *quality;
  CgTable       *best;
  GStrv          keys[G_N_ELEMENTS (ab_dims)];  /* of the A/B dimensions, as last loaded */
  CgDimension    granularity;
  gboolean       filling_ab;
  CgTable       *incidents;
  CgTable       *call_quality;
  GtkLabel      *incidents_note;
  GPtrArray     *trend_rows;                    /* CgConnectRow *, as last shown */
  CgIncidentReport *incident_report;            /* of the last refresh, NULL until it returns */                    /* drop-downs being refilled: no comparisons */
};

G_DEFINE_FINAL_TYPE (CgConnectPage, cg_connect_page, CG_TYPE_PAGE)

typedef struct {
  CgDimension  granularity;
  GPtrArray   *slices[N_SLICES];  /* CgConnectRow * */
  GPtrArray   *quality;           /* CgListQuality * */
  GArray      *best;              /* CgBestTime */
  double       overall_rate;
} Connect;

static void
connect_free (Connect *c)
{
  for (guint i = 0; i < N_SLICES; i++)
    g_clear_pointer (&c->slices[i], g_ptr_array_unref);
  g_clear_pointer (&c->quality, g_ptr_array_unref);
  g_clear_pointer (&c->best, g_array_unref);
  g_free (c);
}

/* Worker thread. */
static gpointer
query_connect (CgStore        *store,
               const CgFilter *filter,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  Connect *c = g_new0 (Connect, 1);
  g_autofree char *cap_text = cg_store_get_setting (store, "attempt_cap", CG_COMPLIANCE_DEFAULT_ATTEMPT_CAP);
  CgAttemptCap cap = { 3, 7 };

  c->granularity = GPOINTER_TO_INT (data);
  for (guint i = 0; i < N_SLICES; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (c->slices[i] = cg_analytics_connect (store, i == SLICE_TREND ? c->granularity : slice_dims[i],
                                                filter, error)) == NULL)
        {
          connect_free (c);
          return NULL;
        }
    }
  cg_attempt_cap_parse (cap_text, &cap, NULL);
  if ((c->quality = cg_quality_lists (store, CG_DIM_LIST, filter, cap.max_attempts, error)) == NULL ||
      (c->best = cg_analytics_best_times (store, filter, 30, &c->overall_rate, error)) == NULL)
    {
      connect_free (c);
      return NULL;
    }
  return c;
}

static gint64
total_calls (GPtrArray *rows)
{
  gint64 n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((CgConnectRow *) g_ptr_array_index (rows, i))->calls;
  return n;
}

/* Hours down, weekdays across: each cell the connect rate of that hour. */
static void
fill_heatmap (CgConnectPage *self,
              GPtrArray     *rows)
{
  g_autoptr(GPtrArray) table_rows = g_ptr_array_new_with_free_func (g_object_unref);
  CgTableRow *by_hour[24] = { NULL };

  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *r = g_ptr_array_index (rows, i);
      int weekday = 0, hour = 0;
      CgInterval rate;
      g_autofree char *text = NULL;

      if (sscanf (r->key, "%d-%d", &weekday, &hour) != 2 || weekday < 1 || weekday > 7 || hour < 0 || hour > 23)
        continue;
      if (by_hour[hour] == NULL)
        {
          g_autofree char *label = g_strdup_printf ("%02d:00", hour);

          by_hour[hour] = cg_table_row_new (NULL, 8);
          cg_table_row_set_number (by_hour[hour], 0, label, hour);
          for (int d = 1; d <= 7; d++)
            cg_table_row_set_text (by_hour[hour], d, "—");
        }
      if (!cg_connect_row_rate (r, &rate))
        continue;
      text = cg_percent_text (rate.estimate);
      cg_table_row_set_number (by_hour[hour], weekday, text, rate.estimate);
    }
  for (int h = 0; h < 24; h++)
    if (by_hour[h] != NULL)
      g_ptr_array_add (table_rows, by_hour[h]);
  cg_table_set_rows (self->heatmap, table_rows);
}

static void
fill_quality (CgConnectPage *self,
              GPtrArray     *rows)
{
  g_autoptr(GPtrArray) table_rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const CgListQuality *q = g_ptr_array_index (rows, i);
      CgTableRow *row = cg_table_row_new (q->key, 6);
      g_autofree char *list = cg_key_label (CG_DIM_LIST, q->key);
      g_autofree char *numbers = cg_format_count (q->numbers);
      double invalid_format = q->numbers > 0 ? (double) q->invalid_format_numbers / q->numbers : NAN;
      double invalid_number = q->calls > 0 ? (double) q->invalid_number_calls / q->calls : NAN;
      double duplicates = q->numbers > 0 ? (double) q->duplicate_numbers / q->numbers : NAN;
      double over = q->numbers > 0 ? (double) q->over_attempted_numbers / q->numbers : NAN;
      g_autofree char *t1 = cg_percent_text (invalid_format);
      g_autofree char *t2 = cg_percent_text (invalid_number);
      g_autofree char *t3 = cg_percent_text (duplicates);
      g_autofree char *t4 = cg_percent_text (over);

      cg_table_row_set_text (row, 0, list);
      cg_table_row_set_number (row, 1, numbers, q->numbers);
      cg_table_row_set_number (row, 2, t1, invalid_format);
      cg_table_row_set_number (row, 3, t2, invalid_number);
      cg_table_row_set_number (row, 4, t3, duplicates);
      cg_table_row_set_number (row, 5, t4, over);
      g_ptr_array_add (table_rows, row);
    }
  cg_table_set_rows (self->quality, table_rows);
}

static void
fill_best (CgConnectPage *self,
           GArray        *best,
           double         overall)
{
  g_autoptr(GPtrArray) table_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *overall_text = cg_percent_text (overall);
  g_autofree char *note = NULL;

  for (guint i = 0; i < best->len; i++)
    {
      const CgBestTime *b = &g_array_index (best, CgBestTime, i);
      CgTableRow *row = cg_table_row_new (NULL, 5);
      g_autofree char *weekday_key = g_strdup_printf ("%d", b->weekday);
      g_autofree char *weekday = cg_key_label (CG_DIM_WEEKDAY, weekday_key);
      g_autofree char *hour = g_strdup_printf ("%02d:00–%02d:59", b->hour, b->hour);
      g_autofree char *calls = cg_format_count (b->calls);
      g_autofree char *rate = cg_percent_text (b->rate);
      g_autofree char *p = g_strdup_printf ("%.4f", b->p_value);

      cg_table_row_set_number (row, 0, weekday, b->weekday);
      cg_table_row_set_number (row, 1, hour, b->hour);
      cg_table_row_set_number (row, 2, calls, b->calls);
      cg_table_row_set_number (row, 3, rate, b->rate);
      cg_table_row_set_number (row, 4, p, b->p_value);
      g_ptr_array_add (table_rows, row);
    }
  cg_table_set_rows (self->best, table_rows);
  if (best->len == 0)
    note = g_strdup_printf (_("No hour of the week is significantly better than the overall connect rate of %s."), overall_text);
  else
    note = g_strdup_printf (_("Hours of the week whose connect rate is significantly above the overall %s (Holm-adjusted, one-sided, 5 %% level; cells with at least 30 calls)."),
                            overall_text);
  gtk_label_set_text (self->best_note, note);
}

/* ---- charts ------------------------------------------------------------------ */

static void
fill_charts (CgConnectPage *self,
             Connect       *c)
{
  for (guint i = 0; i < N_SLICES; i++)
    {
      g_autoptr(CgChart) chart = NULL;

      if (self->charts[i] == NULL)
        continue;
      if (i == SLICE_TREND)
        continue;
      else if (i == SLICE_OUTCOME)
        chart = cg_outcome_chart (c->slices[i]);
      else
        chart = cg_ranking_chart (slice_dims[i], c->slices[i]);
      cg_chart_view_set_chart (CG_CHART_VIEW (self->charts[i]), chart);
    }
  {
    g_autoptr(CgChart) chart = cg_heatmap_chart (c->slices[SLICE_HOUR_WEEKDAY]);
    cg_chart_view_set_chart (CG_CHART_VIEW (self->heatmap_chart), chart);
  }
}

/* The trend with the incidents of the period shaded, once both are in. */
static void
fill_trend_chart (CgConnectPage *self)
{
  g_autoptr(CgChart) chart = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (self->trend_rows == NULL)
    return;
  chart = cg_trend_chart (self->granularity, self->trend_rows);
  for (guint i = 0; i < self->trend_rows->len; i++)
    g_ptr_array_add (keys, ((CgConnectRow *) g_ptr_array_index (self->trend_rows, i))->key);
  if (self->incident_report != NULL)
    cg_incidents_add_spans (chart, self->granularity, (const char *const *) keys->pdata, keys->len,
                            self->incident_report);
  cg_chart_view_set_chart (CG_CHART_VIEW (self->charts[SLICE_TREND]), chart);
}

/* Clicking a period of the trend narrows the filter's dates to it. */
static void
on_trend_item (CgChartView   *view,
               int            series,
               int            index,
               CgConnectPage *self)
{
  CgViewFilter *filter = cg_page_get_view_filter (CG_PAGE (self));
  GDate first, last;

  if (filter == NULL || self->trend_rows == NULL || index < 0 || (guint) index >= self->trend_rows->len)
    return;
  if (cg_period_key_days (self->granularity,
                          ((CgConnectRow *) g_ptr_array_index (self->trend_rows, index))->key, &first, &last))
    cg_view_filter_set_days (filter, &first, &last);
}

/* Clicking a line's, list's or agent's bar filters every page to it. */
static void
on_chart_item (CgChartView   *view,
               int            series,
               int            index,
               CgConnectPage *self)
{
  CgViewFilter *filter = cg_page_get_view_filter (CG_PAGE (self));

  for (guint i = SLICE_LINE; i <= SLICE_AGENT; i++)
    {
      GStrv keys = self->keys[i - SLICE_LINE];

      if (self->charts[i] == GTK_WIDGET (view) && filter != NULL && index >= 0 &&
          keys != NULL && (guint) index < g_strv_length (keys))
        cg_view_filter_set_dimension (filter, slice_dims[i], keys[index]);
    }
}

/* ---- A/B panel ------------------------------------------------------------ */

static guint
ab_index (CgConnectPage *self)
{
  guint i = gtk_drop_down_get_selected (self->ab_dimension);
  return i < G_N_ELEMENTS (ab_dims) ? i : 0;
}

static void
set_string_model (GtkDropDown *drop_down,
                  GStrv        keys,
                  CgDimension  by)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *label = cg_key_label (by, keys[i]);
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
}

static void compare_groups (CgConnectPage *self);

static void
fill_ab_groups (CgConnectPage *self)
{
  guint i = ab_index (self);
  GStrv keys = self->keys[i];
  guint n = keys ? g_strv_length (keys) : 0;
  g_autofree char *a = NULL, *b = NULL;
  guint old_a = gtk_drop_down_get_selected (self->ab_group_a);
  guint old_b = gtk_drop_down_get_selected (self->ab_group_b);

  self->filling_ab = TRUE;
  set_string_model (self->ab_group_a, keys, ab_dims[i]);
  set_string_model (self->ab_group_b, keys, ab_dims[i]);
  /* Keep the user's choice across refreshes when it still exists. */
  gtk_drop_down_set_selected (self->ab_group_a, old_a < n ? old_a : 0);
  gtk_drop_down_set_selected (self->ab_group_b, old_b < n && old_b != old_a ? old_b : MIN (1, n - 1));
  self->filling_ab = FALSE;
  compare_groups (self);
}

typedef struct {
  CgDimension by;
  char       *keys[3];
} CompareArgs;

static void
compare_args_free (CompareArgs *args)
{
  g_free (args->keys[0]);
  g_free (args->keys[1]);
  g_free (args);
}

static gpointer
query_compare (CgStore        *store,
               const CgFilter *filter,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  CompareArgs *args = data;
  return cg_analytics_compare (store, args->by, (const char *const *) args->keys, filter, error);
}

static void
add_group_row (GtkListBox         *box,
               CgDimension         by,
               const CgConnectRow *row)
{
  g_autofree char *label = cg_key_label (by, row->key);
  g_autofree char *calls = cg_format_count (row->calls);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%s call", "%s calls", (gulong) MIN (row->calls, 1000000)), calls);
  CgInterval rate;
  g_autofree char *value = cg_rate_text (cg_connect_row_rate (row, &rate), &rate);

  gtk_list_box_append (box, cg_value_row (label, subtitle, value));
}

static void
compare_done (CgPage       *page,
              gpointer      result,
              const GError *error)
{
  CgConnectPage *self = CG_CONNECT_PAGE (page);
  CgComparison *c = result;
  g_autofree char *difference = NULL;
  g_autofree char *p = NULL;

  cg_list_box_clear (self->ab_result);
  if (error != NULL)
    {
      gtk_label_set_text (self->ab_verdict, error->message);
      return;
    }
  for (guint i = 0; i < c->groups->len; i++)
    add_group_row (self->ab_result, c->by, g_ptr_array_index (c->groups, i));
  difference = g_strdup_printf ("%+.1f %s  (%+.1f … %+.1f)", 100 * c->pair.difference, _("points"),
                                100 * c->pair.lower, 100 * c->pair.upper);
  /* xgettext:no-c-format */
  gtk_list_box_append (self->ab_result, cg_value_row (_("Difference"), _("A − B, with its 95 % interval"), difference));
  p = g_strdup_printf ("%.4f", c->pair.p_value);
  gtk_list_box_append (self->ab_result, cg_value_row (_("p-value"), _("Two-sided test of equal rates"), p));
  gtk_label_set_text (self->ab_verdict, c->verdict ? c->verdict : "");
}

static void
compare_groups (CgConnectPage *self)
{
  guint i = ab_index (self);
  guint a = gtk_drop_down_get_selected (self->ab_group_a);
  guint b = gtk_drop_down_get_selected (self->ab_group_b);
  guint n = self->keys[i] ? g_strv_length (self->keys[i]) : 0;
  CompareArgs *args;

  if (self->filling_ab || cg_page_get_runner (CG_PAGE (self)) == NULL)
    return;
  if (a >= n || b >= n || a == b)
    {
      cg_list_box_clear (self->ab_result);
      gtk_label_set_text (self->ab_verdict, _("Pick two different groups to compare."));
      return;
    }
  args = g_new0 (CompareArgs, 1);
  args->by = ab_dims[i];
  args->keys[0] = g_strdup (self->keys[i][a]);
  args->keys[1] = g_strdup (self->keys[i][b]);
  cg_page_query (CG_PAGE (self), 1, query_compare, args, (GDestroyNotify) compare_args_free,
                 (GDestroyNotify) cg_comparison_free, compare_done);
}

static void
on_ab_dimension (GtkDropDown   *drop_down,
                 GParamSpec    *pspec,
                 CgConnectPage *self)
{
  fill_ab_groups (self);
}

static void
on_ab_group (GtkDropDown   *drop_down,
             GParamSpec    *pspec,
             CgConnectPage *self)
{
  compare_groups (self);
}

static GStrv
keys_of (GPtrArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, ((CgConnectRow *) g_ptr_array_index (rows, i))->key);
  return g_strv_builder_end (builder);
}

/* ---- refresh --------------------------------------------------------------- */

static void
connect_done (CgPage       *page,
              gpointer      result,
              const GError *error)
{
  CgConnectPage *self = CG_CONNECT_PAGE (page);
  Connect *c = result;
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_page_set_has_data (page, total_calls (c->slices[SLICE_TREND]) > 0);
  self->granularity = c->granularity;
  title = g_strdup_printf (_("Connect Rate by %s"), cg_dimension_label (c->granularity));
  gtk_label_set_text (self->trend_title, title);
  for (guint i = 0; i < N_SLICES; i++)
    if (self->tables[i] != NULL)
      cg_connect_table_fill (self->tables[i], i == SLICE_TREND ? c->granularity : slice_dims[i], c->slices[i]);
  g_clear_pointer (&self->trend_rows, g_ptr_array_unref);
  self->trend_rows = g_ptr_array_ref (c->slices[SLICE_TREND]);
  fill_trend_chart (self);
  fill_charts (self, c);
  fill_heatmap (self, c->slices[SLICE_HOUR_WEEKDAY]);
  fill_quality (self, c->quality);
  fill_best (self, c->best, c->overall_rate);

  g_strfreev (self->keys[0]);
  g_strfreev (self->keys[1]);
  g_strfreev (self->keys[2]);
  self->keys[0] = keys_of (c->slices[SLICE_LINE]);
  self->keys[1] = keys_of (c->slices[SLICE_LIST]);
  self->keys[2] = keys_of (c->slices[SLICE_AGENT]);
  fill_ab_groups (self);
}

/* Incidents and call quality: slot 2, so the charts above fill first. */
typedef struct {
  CgIncidentReport *incidents;
  GPtrArray        *quality;  /* CgCallQualityRow * by line */
} Incidents;

static void
incidents_free (Incidents *x)
{
  g_clear_pointer (&x->incidents, cg_incident_report_free);
  g_clear_pointer (&x->quality, g_ptr_array_unref);
  g_free (x);
}

static gpointer
query_incidents (CgStore        *store,
                 const CgFilter *filter,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  Incidents *x = g_new0 (Incidents, 1);

  if ((x->incidents = cg_incidents_detect (store, filter, error)) == NULL ||
      (x->quality = cg_call_quality (store, CG_DIM_LINE, filter, error)) == NULL)
    {
      incidents_free (x);
      return NULL;
    }
  return x;
}

static void
incidents_done (CgPage       *page,
                gpointer      result,
                const GError *error)
{
  CgConnectPage *self = CG_CONNECT_PAGE (page);
  Incidents *x = result;
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_incidents_table_fill (self->incidents, x->incidents);
  cg_call_quality_table_fill (self->call_quality, x->quality);
  count = cg_format_count (x->incidents->incidents->len);
  note = g_strdup_printf (ngettext ("%s incident in the period: hours in which a line failed, connected "
                                    "nothing or fell silent against its own normal. Shaded on the trend above.",
                                    "%s incidents in the period: hours in which a line failed, connected "
                                    "nothing or fell silent against its own normal. Shaded on the trend above.",
                                    (gulong) MIN (x->incidents->incidents->len, 1000000)), count);
  gtk_label_set_text (self->incidents_note, note);
  g_clear_pointer (&self->incident_report, cg_incident_report_free);
  self->incident_report = g_steal_pointer (&x->incidents);
  fill_trend_chart (self);
}

static void
cg_connect_page_refresh (CgPage         *page,
                         const CgFilter *filter)
{
  CgConnectPage *self = CG_CONNECT_PAGE (page);
  CgDimension granularity = cg_view_filter_get_granularity (cg_page_get_view_filter (page));

  /* Old incidents must not shade a new trend. */
  g_clear_pointer (&self->incident_report, cg_incident_report_free);
  cg_page_query (page, 0, query_connect, GINT_TO_POINTER (granularity), NULL,
                 (GDestroyNotify) connect_free, connect_done);
  cg_page_query (page, 2, query_incidents, NULL, NULL, (GDestroyNotify) incidents_free, incidents_done);
}

CgTable *
cg_connect_page_get_incidents (CgConnectPage *self)
{
  g_return_val_if_fail (CG_IS_CONNECT_PAGE (self), NULL);
  return self->incidents;
}

CgTable *
cg_connect_page_get_call_quality (CgConnectPage *self)
{
  g_return_val_if_fail (CG_IS_CONNECT_PAGE (self), NULL);
  return self->call_quality;
}

/* Double-clicking a line, list or agent filters every page to it. */
static void
on_slice_activated (CgTable       *table,
                    const char    *key,
                    CgConnectPage *self)
{
  CgViewFilter *filter = cg_page_get_view_filter (CG_PAGE (self));

  for (guint i = 0; i < N_SLICES; i++)
    if (self->tables[i] == table && filter != NULL)
      cg_view_filter_set_dimension (filter, slice_dims[i], key);
}

static void
cg_connect_page_finalize (GObject *object)
{
  CgConnectPage *self = CG_CONNECT_PAGE (object);

  for (guint i = 0; i < G_N_ELEMENTS (ab_dims); i++)
    g_strfreev (self->keys[i]);
  g_clear_pointer (&self->trend_rows, g_ptr_array_unref);
  g_clear_pointer (&self->incident_report, cg_incident_report_free);
  G_OBJECT_CLASS (cg_connect_page_parent_class)->finalize (object);
}

static void
cg_connect_page_class_init (CgConnectPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_connect_page_finalize;
  CG_PAGE_CLASS (klass)->refresh = cg_connect_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, trend_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, trend_title);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, slices_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, heatmap_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, quality_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, best_box);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, best_note);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, ab_dimension);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, ab_group_a);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, ab_group_b);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, ab_result);
  gtk_widget_class_bind_template_child (widget_class, CgConnectPage, ab_verdict);
}

static GtkWidget *
section (const char *title,
         GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static void
cg_connect_page_init (CgConnectPage *self)
{
  static const char *const slice_titles[N_SLICES] = {
    NULL, N_("By Line"), N_("By Number List"), N_("By Agent"), NULL, NULL,
  };
  CgColumn heat_columns[8] = {
    { N_("Hour"), CG_COLUMN_NUMBER, N_("Connect rate by hour of day and weekday") },
    { N_("Mon"), CG_COLUMN_NUMBER, NULL }, { N_("Tue"), CG_COLUMN_NUMBER, NULL },
    { N_("Wed"), CG_COLUMN_NUMBER, NULL }, { N_("Thu"), CG_COLUMN_NUMBER, NULL },
    { N_("Fri"), CG_COLUMN_NUMBER, NULL }, { N_("Sat"), CG_COLUMN_NUMBER, NULL },
    { N_("Sun"), CG_COLUMN_NUMBER, NULL },
  };
  CgColumn quality_columns[6] = {
    { N_("Number list"), CG_COLUMN_TEXT, NULL },
    { N_("Numbers"), CG_COLUMN_NUMBER, NULL },
    { N_("Invalid format"), CG_COLUMN_NUMBER, NULL },
    { N_("Invalid numbers"), CG_COLUMN_NUMBER, NULL },
    { N_("Also on other lists"), CG_COLUMN_NUMBER, NULL },
    { N_("Over-attempted"), CG_COLUMN_NUMBER, NULL },
  };
  CgColumn best_columns[5] = {
    { N_("Weekday"), CG_COLUMN_NUMBER, NULL },
    { N_("Hour"), CG_COLUMN_NUMBER, NULL },
    { N_("Calls"), CG_COLUMN_NUMBER, NULL },
    { N_("Connect rate"), CG_COLUMN_NUMBER, NULL },
    { N_("p-value"), CG_COLUMN_NUMBER, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->granularity = CG_DIM_MONTH;
  self->tables[SLICE_TREND] = cg_connect_table_new (_("Period"));
  self->charts[SLICE_TREND] = cg_chart_view_new_sized (260);
  gtk_box_append (self->trend_box, self->charts[SLICE_TREND]);
  gtk_box_append (self->trend_box, GTK_WIDGET (self->tables[SLICE_TREND]));
  gtk_widget_set_tooltip_text (self->charts[SLICE_TREND], _("Click a period to filter every page to it"));
  g_signal_connect (self->charts[SLICE_TREND], "item-activated", G_CALLBACK (on_trend_item), self);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->trend_box));
    GtkWidget *quality_section;
    GtkWidget *incidents_section;

    self->incidents_note = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->incidents_note, 0);
    gtk_label_set_wrap (self->incidents_note, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->incidents_note), "dim-label");
    self->incidents = cg_incidents_table_new ();
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->incidents_note));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->incidents));
    incidents_section = section (_("Line Incidents"), box);
    self->call_quality = cg_call_quality_table_new ();
    quality_section = section (_("Call Quality by Line"), GTK_WIDGET (self->call_quality));
    gtk_box_insert_child_after (GTK_BOX (parent), incidents_section, GTK_WIDGET (self->trend_box));
    gtk_box_insert_child_after (GTK_BOX (parent), quality_section, incidents_section);
  }
  for (guint i = SLICE_LINE; i <= SLICE_AGENT; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      self->tables[i] = cg_connect_table_new (cg_dimension_label (slice_dims[i]));
      self->charts[i] = cg_chart_view_new_sized (220);
      g_signal_connect (self->tables[i], "row-activated", G_CALLBACK (on_slice_activated), self);
      g_signal_connect (self->charts[i], "item-activated", G_CALLBACK (on_chart_item), self);
      gtk_box_append (GTK_BOX (box), self->charts[i]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tables[i]));
      gtk_box_append (self->slices_box, section (_(slice_titles[i]), box));
    }
  self->tables[SLICE_OUTCOME] = cg_connect_table_new (_("Outcome"));
  self->charts[SLICE_OUTCOME] = cg_chart_view_new_sized (240);
  gtk_box_append (self->outcome_box, self->charts[SLICE_OUTCOME]);
  gtk_box_append (self->outcome_box, GTK_WIDGET (self->tables[SLICE_OUTCOME]));
  self->heatmap = cg_table_new (heat_columns, G_N_ELEMENTS (heat_columns));
  self->heatmap_chart = cg_chart_view_new_sized (300);
  gtk_box_append (self->heatmap_box, self->heatmap_chart);
  gtk_box_append (self->heatmap_box, GTK_WIDGET (self->heatmap));
  self->quality = cg_table_new (quality_columns, G_N_ELEMENTS (quality_columns));
  gtk_box_append (self->quality_box, GTK_WIDGET (self->quality));
  self->best = cg_table_new (best_columns, G_N_ELEMENTS (best_columns));
  gtk_box_append (self->best_box, GTK_WIDGET (self->best));

  g_signal_connect (self->ab_dimension, "notify::selected", G_CALLBACK (on_ab_dimension), self);
  g_signal_connect (self->ab_group_a, "notify::selected", G_CALLBACK (on_ab_group), self);
  g_signal_connect (self->ab_group_b, "notify::selected", G_CALLBACK (on_ab_group), self);
}

CgTable *
cg_connect_page_get_table (CgConnectPage *self,
                           CgDimension    by)
{
  g_return_val_if_fail (CG_IS_CONNECT_PAGE (self), NULL);
  if (by == CG_DIM_DAY || by == CG_DIM_WEEK || by == CG_DIM_MONTH || by == CG_DIM_QUARTER)
    return self->tables[SLICE_TREND];
  for (guint i = SLICE_LINE; i < N_SLICES; i++)
    if (slice_dims[i] == by)
      return self->tables[i];
  return NULL;
}

gboolean
cg_connect_page_compare (CgConnectPage *self,
                         CgDimension    by,
                         const char    *group_a,
                         const char    *group_b)
{
  guint d = G_N_ELEMENTS (ab_dims);
  GStrv keys;
  guint a = G_MAXUINT, b = G_MAXUINT;

  g_return_val_if_fail (CG_IS_CONNECT_PAGE (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (ab_dims); i++)
    if (ab_dims[i] == by)
      d = i;
  if (d == G_N_ELEMENTS (ab_dims))
    return FALSE;
  keys = self->keys[d];
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (g_strcmp0 (keys[i], group_a) == 0)
        a = i;
      if (g_strcmp0 (keys[i], group_b) == 0)
        b = i;
    }
  if (a == G_MAXUINT || b == G_MAXUINT)
    return FALSE;
  self->filling_ab = TRUE;
  gtk_drop_down_set_selected (self->ab_dimension, d);
  self->filling_ab = FALSE;
  fill_ab_groups (self);
  self->filling_ab = TRUE;
  gtk_drop_down_set_selected (self->ab_group_a, a);
  gtk_drop_down_set_selected (self->ab_group_b, b);
  self->filling_ab = FALSE;
  gtk_label_set_text (self->ab_verdict, "");
  compare_groups (self);
  return TRUE;
}

const char *
cg_connect_page_get_verdict (CgConnectPage *self)
{
  g_return_val_if_fail (CG_IS_CONNECT_PAGE (self), NULL);
  return gtk_label_get_text (self->ab_verdict);
}
