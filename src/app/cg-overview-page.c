/* cg-overview-page.c — key figures and the connect-rate trend at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-connect-charts.h"
#include "cg-format.h"
#include "cg-funnel.h"
#include "cg-overview-page.h"
#include "cg-page-util.h"
#include "cg-quality.h"
#include "cg-summary.h"

struct _CgOverviewPage
{
  CgPage       parent_instance;

  GtkFlowBox  *tiles;
  GtkWidget   *tile_views[3];
  GtkListBox  *figures;
  GtkListBox  *database;
  GtkBox      *trend_box;
  GtkLabel    *trend_title;
  CgTable     *trend;
  GtkWidget   *trend_chart;
};

G_DEFINE_FINAL_TYPE (CgOverviewPage, cg_overview_page, CG_TYPE_PAGE)

typedef struct {
  CgDimension  granularity;
  CgSummary    summary;
  GPtrArray   *funnel;   /* CgFunnelRow *, the total */
  CgContact   *contact;
  GPtrArray   *trend;    /* CgConnectRow * by granularity */
} Overview;

static void
overview_free (Overview *o)
{
  g_clear_pointer (&o->funnel, g_ptr_array_unref);
  g_clear_pointer (&o->contact, cg_contact_free);
  g_clear_pointer (&o->trend, g_ptr_array_unref);
  g_free (o);
}

/* Worker thread. */
static gpointer
query_overview (CgStore        *store,
                const CgFilter *filter,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  Overview *o = g_new0 (Overview, 1);

  o->granularity = GPOINTER_TO_INT (data);
  if (!cg_summary_compute (store, &o->summary, error) ||
      (o->summary.calls > 0 &&
       ((o->funnel = cg_funnel_compute (store, CG_DIM_TOTAL, filter, error)) == NULL ||
        (o->contact = cg_quality_contact (store, filter, error)) == NULL ||
        (o->trend = cg_analytics_connect (store, o->granularity, filter, error)) == NULL)))
    {
      overview_free (o);
      return NULL;
    }
  return o;
}

static char *
format_day (gint64 ts)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (ts);
  /* Translators: a date as in 2026-09-03; strftime format. */
  return g_date_time_format (dt, _("%Y-%m-%d"));
}

static void
fill_figures (CgOverviewPage *self,
              const Overview *o)
{
  const CgFunnelRow *f = o->funnel->len > 0 ? g_ptr_array_index (o->funnel, 0) : NULL;
  CgInterval r;
  double average;

  cg_list_box_clear (self->figures);
  if (f != NULL)
    {
      g_autofree char *connect = NULL;
      g_autofree char *conversion = NULL;
      g_autofree char *dialled = cg_format_count (f->dialled);
      g_autofree char *sales = cg_format_count (f->sales);
      g_autofree char *customers = cg_format_count (f->new_customers);
      g_autofree char *revenue = cg_money_text (f->revenue_cny);
      g_autofree char *avg = cg_funnel_row_average_sale (f, &average) ? cg_money_text (average) : g_strdup ("—");

      connect = cg_rate_text (cg_funnel_row_rate (f, CG_FUNNEL_CONNECT, &r), &r);
      gtk_list_box_append (self->figures, cg_value_row (_("Dial attempts"), NULL, dialled));
      gtk_list_box_append (self->figures, cg_value_row (_("Connect rate"), _("Connected calls ÷ dial attempts"), connect));
      conversion = cg_rate_text (cg_funnel_row_rate (f, CG_FUNNEL_CONVERSION, &r), &r);
      gtk_list_box_append (self->figures, cg_value_row (_("Conversion"), _("Sales ÷ dial attempts"), conversion));
      gtk_list_box_append (self->figures, cg_value_row (_("Sales"), NULL, sales));
      gtk_list_box_append (self->figures, cg_value_row (_("Revenue"), NULL, revenue));
      gtk_list_box_append (self->figures,
                           cg_value_row (_("New customers"), _("Numbers with their first sale ever"), customers));
      gtk_list_box_append (self->figures, cg_value_row (_("Average sale"), NULL, avg));
    }
  if (o->contact != NULL)
    {
      g_autofree char *rate = cg_rate_text (cg_stats_wilson (o->contact->numbers_reached, o->contact->numbers,
                                                             CG_STATS_CONFIDENCE, &r), &r);
      gtk_list_box_append (self->figures,
                           cg_value_row (_("Contact rate"), _("Numbers reached ÷ numbers dialled"), rate));
    }
}

static void
fill_database (CgOverviewPage  *self,
               const CgSummary *s)
{
  g_autofree char *calls = cg_format_count (s->calls);
  g_autofree char *first = s->calls > 0 ? format_day (s->first_ts) : g_strdup ("—");
  g_autofree char *last = s->calls > 0 ? format_day (s->last_ts) : g_strdup ("—");
  g_autofree char *period = g_strdup_printf (_("%s to %s"), first, last);
  g_autofree char *n_lines = cg_format_count (s->lines);
  g_autofree char *n_agents = cg_format_count (s->agents);
  g_autofree char *n_lists = cg_format_count (s->lists);
  g_autofree char *teams = g_strdup_printf (_("Lines: %s · Agents: %s · Number lists: %s"), n_lines, n_agents, n_lists);
  g_autofree char *surveys = cg_format_count (s->survey_responses);
  g_autofree char *complaints = cg_format_count (s->complaints);

  cg_list_box_clear (self->database);
  gtk_list_box_append (self->database, cg_value_row (_("Dial attempts"), NULL, calls));
  gtk_list_box_append (self->database, cg_value_row (_("Period"), NULL, period));
  gtk_list_box_append (self->database, cg_value_row (_("Team"), NULL, teams));
  gtk_list_box_append (self->database, cg_value_row (_("Survey responses"), NULL, surveys));
  gtk_list_box_append (self->database, cg_value_row (_("Complaints"), NULL, complaints));
}

/* One KPI tile: the figure, its change since the period before (NAN: none)
 * and, for the connect rate, the trend as a sparkline. */
static void
set_tile (GtkWidget  *view,
          const char *title,
          CgUnit      unit,
          double      value,
          double      change,
          GPtrArray  *trend)
{
  g_autoptr(CgChart) chart = cg_chart_new (CG_CHART_KPI);

  cg_chart_set_title (chart, title);
  cg_chart_set_unit (chart, unit);
  cg_chart_set_kpi (chart, value, change, TRUE);
  if (trend != NULL)
    {
      g_autofree double *rates = g_new (double, trend->len + 1);

      for (guint i = 0; i < trend->len; i++)
        {
          CgInterval r = { NAN, NAN, NAN };
          cg_connect_row_rate (g_ptr_array_index (trend, i), &r);
          rates[i] = r.estimate;
        }
      /* No categories: a sparkline needs none, and each would be a
       * column of the tile's data table, widening the tile. */
      cg_chart_add_series (chart, title, rates, trend->len);
    }
  cg_chart_view_set_chart (CG_CHART_VIEW (view), chart);
}

static void
fill_tiles (CgOverviewPage *self,
            const Overview *o)
{
  const CgFunnelRow *f = o->funnel->len > 0 ? g_ptr_array_index (o->funnel, 0) : NULL;
  CgInterval r = { NAN, NAN, NAN };
  double change = NAN;

  /* The change is the last period's rate against the one before it. */
  if (o->trend->len >= 2)
    {
      CgInterval a, b;
      if (cg_connect_row_rate (g_ptr_array_index (o->trend, o->trend->len - 1), &a) &&
          cg_connect_row_rate (g_ptr_array_index (o->trend, o->trend->len - 2), &b))
        change = a.estimate - b.estimate;
    }
  if (f == NULL || !cg_funnel_row_rate (f, CG_FUNNEL_CONNECT, &r))
    r.estimate = NAN;
  set_tile (self->tile_views[0], _("Connect rate"), CG_UNIT_PERCENT, r.estimate, change, o->trend);
  if (f == NULL || !cg_funnel_row_rate (f, CG_FUNNEL_CONVERSION, &r))
    r.estimate = NAN;
  set_tile (self->tile_views[1], _("Conversion"), CG_UNIT_PERCENT, r.estimate, NAN, NULL);
  if (o->contact == NULL || !cg_stats_wilson (o->contact->numbers_reached, o->contact->numbers, CG_STATS_CONFIDENCE, &r))
    r.estimate = NAN;
  set_tile (self->tile_views[2], _("Contact rate"), CG_UNIT_PERCENT, r.estimate, NAN, NULL);
}

static void
overview_done (CgPage       *page,
               gpointer      result,
               const GError *error)
{
  CgOverviewPage *self = CG_OVERVIEW_PAGE (page);
  Overview *o = result;
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_page_set_has_data (page, o->summary.calls > 0);
  fill_database (self, &o->summary);
  if (o->summary.calls == 0)
    return;
  fill_figures (self, o);
  fill_tiles (self, o);
  title = g_strdup_printf (_("Connect Rate by %s"), cg_dimension_label (o->granularity));
  gtk_label_set_text (self->trend_title, title);
  cg_connect_table_fill (self->trend, o->granularity, o->trend);
  {
    g_autoptr(CgChart) chart = cg_trend_chart (o->granularity, o->trend);
    cg_chart_view_set_chart (CG_CHART_VIEW (self->trend_chart), chart);
  }
}

static void
cg_overview_page_refresh (CgPage         *page,
                          const CgFilter *filter)
{
  CgDimension granularity = cg_view_filter_get_granularity (cg_page_get_view_filter (page));

  cg_page_query (page, 0, query_overview, GINT_TO_POINTER (granularity), NULL,
                 (GDestroyNotify) overview_free, overview_done);
}

static void
cg_overview_page_class_init (CgOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CG_PAGE_CLASS (klass)->refresh = cg_overview_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, database);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, trend_box);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, trend_title);
}

static void
cg_overview_page_init (CgOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->tile_views); i++)
    {
      self->tile_views[i] = cg_chart_view_new_sized (120);
      /* A flow box: each chart view is at least 320 pixels wide, so only
       * three fit the clamp's width side by side. */
      gtk_flow_box_append (self->tiles, self->tile_views[i]);
    }
  self->trend = cg_connect_table_new (_("Period"));
  self->trend_chart = cg_chart_view_new_sized (260);
  gtk_box_append (self->trend_box, self->trend_chart);
  gtk_box_append (self->trend_box, GTK_WIDGET (self->trend));
}

CgTable *
cg_overview_page_get_trend (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return self->trend;
}

CgChartView *
cg_overview_page_get_trend_chart (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return CG_CHART_VIEW (self->trend_chart);
}
