/* cg-overview-page.c — key figures and the connect-rate trend at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "cg-complaints.h"
#include "cg-connect-charts.h"
#include "cg-finance.h"
#include "cg-findings-list.h"
#include "cg-forecast-chart.h"
#include "cg-incidents.h"
#include "cg-kpi-tile.h"
#include "cg-satisfaction.h"
#include "cg-scenario-store.h"
#include "cg-scorecard-table.h"
#include "cg-format.h"
#include "cg-funnel.h"
#include "cg-aggregates.h"
#include "cg-overview-page.h"
#include "cg-page-util.h"
#include "cg-quality.h"
#include "cg-summary.h"

/* The KPI tiles, in the order of the flow box. */
enum { TILE_CONNECT, TILE_CONTACT, TILE_CONVERSION, TILE_CSAT, TILE_NPS, TILE_COMPLAINTS,
       TILE_ROI, TILE_INCIDENTS, N_TILES };
/* The page's query slots: the findings and the scorecard take seconds on
 * big databases, so they fill in after the rest. */
#define CG_OVERVIEW_MAX_FINDINGS 5
enum { SLOT_MAIN, SLOT_FINDINGS, SLOT_SCORECARD, SLOT_EXTRAS };

struct _CgOverviewPage
{
  CgPage       parent_instance;

  GtkListBox  *findings;
  GtkFlowBox  *tiles;
  GtkWidget   *tile_views[N_TILES];  /* cg-kpi-tile */
  GtkListBox  *figures;
  GtkListBox  *database;
  GtkBox      *trend_box;
  GtkLabel    *trend_title;
  CgTable     *trend;
  GtkWidget   *trend_chart;
  GtkBox      *forecast_box;
  GtkWidget   *forecast_chart;
  GtkLabel    *forecast_note;
  GtkBox      *satisfaction_box;
  GtkWidget   *satisfaction_chart;
  GtkBox      *scorecard_box;
  CgTable     *scorecard;
  guint        n_findings;  /* rows with a finding (tests) */
  gboolean     slow_pending;  /* findings and scorecard wait until the page shows */
};

G_DEFINE_FINAL_TYPE (CgOverviewPage, cg_overview_page, CG_TYPE_PAGE)

/* The tiles' figures of one period; NAN where there is none. */
typedef struct {
  double connect;
  double contact;
  double conversion;
  double csat;
  double nps;
  double complaints;  /* per 1,000 connected calls */
} Kpis;

typedef struct {
  CgDimension  granularity;
  CgSummary    summary;
  GPtrArray   *funnel;        /* CgFunnelRow *, the total */
  CgContact   *contact;
  GPtrArray   *trend;         /* CgConnectRow * by granularity */
  GPtrArray   *satisfaction;  /* CgSatisfactionRow * by granularity */
  Kpis         kpis;
  Kpis         previous;      /* the period of equal length before; all NAN without one */
} Overview;

static void
overview_free (Overview *o)
{
  g_clear_pointer (&o->funnel, g_ptr_array_unref);
  g_clear_pointer (&o->contact, cg_contact_free);
  g_clear_pointer (&o->trend, g_ptr_array_unref);
  g_clear_pointer (&o->satisfaction, g_ptr_array_unref);
  g_free (o);
}

static CgSatisfactionBy
satisfaction_by (CgDimension granularity)
{
  switch (granularity)
    {
    case CG_DIM_DAY:
      return CG_SAT_BY_DAY;
    case CG_DIM_WEEK:
      return CG_SAT_BY_WEEK;
    case CG_DIM_QUARTER:
      return CG_SAT_BY_QUARTER;
    case CG_DIM_MONTH:
    default:
      return CG_SAT_BY_MONTH;
    }
}

/* Worker thread: the figures of the tiles for @filter. */
static gboolean
compute_kpis (CgStore        *store,
              const CgFilter *filter,
              Kpis           *k,
              GError        **error)
{
  g_autoptr(GPtrArray) funnel = NULL;
  g_autoptr(CgContact) contact = NULL;
  g_autoptr(GPtrArray) sat = NULL;
  g_autoptr(GPtrArray) complaints = NULL;
  CgInterval r;
  gint64 n_complaints = 0, connected = 0;

  *k = (Kpis) { NAN, NAN, NAN, NAN, NAN, NAN };
  if ((funnel = cg_funnel_compute (store, CG_DIM_TOTAL, filter, error)) == NULL ||
      (contact = cg_quality_contact (store, filter, error)) == NULL ||
      (sat = cg_satisfaction_compute (store, CG_SAT_BY_TOTAL, filter, error)) == NULL ||
      (complaints = cg_complaints_rates (store, CG_DIM_AGENT, filter, error)) == NULL)
    return FALSE;
  if (funnel->len > 0)
    {
      const CgFunnelRow *f = g_ptr_array_index (funnel, 0);
      if (cg_funnel_row_rate (f, CG_FUNNEL_CONNECT, &r))
        k->connect = r.estimate;
      if (cg_funnel_row_rate (f, CG_FUNNEL_CONVERSION, &r))
        k->conversion = r.estimate;
    }
  if (cg_stats_wilson (contact->numbers_reached, contact->numbers, CG_STATS_CONFIDENCE, &r))
    k->contact = r.estimate;
  for (guint i = 0; i < sat->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (sat, i);
      if (g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) != 0)
        continue;
      if (row->has_csat)
        k->csat = row->csat.estimate;
      if (row->has_nps)
        k->nps = row->nps.estimate;
    }
  /* Every complaint and connected call has one agent key (or none), so
   * the agents' sums are the period's. */
  for (guint i = 0; i < complaints->len; i++)
    {
      const CgComplaintRate *c = g_ptr_array_index (complaints, i);
      n_complaints += c->complaints;
      connected += c->connected;
    }
  if (connected > 0)
    k->complaints = 1000.0 * n_complaints / connected;
  return TRUE;
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
  o->previous = (Kpis) { NAN, NAN, NAN, NAN, NAN, NAN };
  if (!cg_summary_compute (store, &o->summary, error) ||
      (o->summary.calls > 0 &&
       ((o->funnel = cg_funnel_compute (store, CG_DIM_TOTAL, filter, error)) == NULL ||
        (o->contact = cg_quality_contact (store, filter, error)) == NULL ||
        (o->trend = cg_analytics_connect (store, o->granularity, filter, error)) == NULL ||
        (o->satisfaction = cg_satisfaction_compute (store, satisfaction_by (o->granularity),
                                                    filter, error)) == NULL ||
        !compute_kpis (store, filter, &o->kpis, error))))
    {
      overview_free (o);
      return NULL;
    }
  if (o->summary.calls > 0 && filter->from_ts > 0 && filter->to_ts > filter->from_ts)
    {
      CgFilter previous = *filter;

      previous.to_ts = filter->from_ts;
      previous.from_ts = filter->from_ts - (filter->to_ts - filter->from_ts);
      if (!compute_kpis (store, &previous, &o->previous, error))
        {
          overview_free (o);
          return NULL;
        }
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

static void
fill_tiles (CgOverviewPage *self,
            const Overview *o)
{
  const Kpis *k = &o->kpis, *p = &o->previous;
  double connect_change = k->connect - p->connect;

  /* Without a bounded period the change is the last period's rate
   * against the one before it. */
  if (isnan (p->connect) && o->trend->len >= 2)
    {
      CgInterval a, b;
      if (cg_connect_row_rate (g_ptr_array_index (o->trend, o->trend->len - 1), &a) &&
          cg_connect_row_rate (g_ptr_array_index (o->trend, o->trend->len - 2), &b))
        connect_change = a.estimate - b.estimate;
    }
  cg_kpi_tile_set (self->tile_views[TILE_CONNECT], _("Connect rate"), CG_KPI_PERCENT, k->connect, connect_change, TRUE);
  cg_kpi_tile_set (self->tile_views[TILE_CONTACT], _("Contact rate"), CG_KPI_PERCENT,
                   k->contact, k->contact - p->contact, TRUE);
  cg_kpi_tile_set (self->tile_views[TILE_CONVERSION], _("Conversion"), CG_KPI_PERCENT,
                   k->conversion, k->conversion - p->conversion, TRUE);
  cg_kpi_tile_set (self->tile_views[TILE_CSAT], _("CSAT"), CG_KPI_PERCENT, k->csat, k->csat - p->csat, TRUE);
  cg_kpi_tile_set (self->tile_views[TILE_NPS], _("NPS"), CG_KPI_POINTS, k->nps, k->nps - p->nps, TRUE);
  cg_kpi_tile_set (self->tile_views[TILE_COMPLAINTS], _("Complaints per 1,000 connected calls"), CG_KPI_DECIMAL,
                   k->complaints, k->complaints - p->complaints, FALSE);
}

/* CSAT of "all" by period, with its interval. */
static CgChart *
satisfaction_chart (const Overview *o)
{
  CgChart *chart = cg_chart_new (CG_CHART_LINE);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) csat = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lower = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) upper = g_array_new (FALSE, FALSE, sizeof (double));
  CgGrain grain = o->granularity == CG_DIM_DAY ? CG_GRAIN_DAY
                : o->granularity == CG_DIM_WEEK ? CG_GRAIN_WEEK
                : o->granularity == CG_DIM_QUARTER ? CG_GRAIN_QUARTER : CG_GRAIN_MONTH;
  guint series;

  for (guint i = 0; i < o->satisfaction->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (o->satisfaction, i);
      double value, lo, hi;

      if (g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) != 0)
        continue;
      value = row->has_csat ? row->csat.estimate : NAN;
      lo = row->has_csat ? row->csat.lower : NAN;
      hi = row->has_csat ? row->csat.upper : NAN;
      g_ptr_array_add (keys, row->key);
      g_array_append_val (csat, value);
      g_array_append_val (lower, lo);
      g_array_append_val (upper, hi);
    }
  cg_chart_set_title (chart, _("CSAT"));
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_set_time_axis (chart, grain, (const char *const *) keys->pdata, keys->len);
  series = cg_chart_add_series (chart, _("CSAT"), (double *) csat->data, csat->len);
  cg_chart_series_set_band (chart, series, (double *) lower->data, (double *) upper->data, csat->len);
  return chart;
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
  {
    g_autoptr(CgChart) chart = satisfaction_chart (o);
    cg_chart_view_set_chart (CG_CHART_VIEW (self->satisfaction_chart), chart);
  }
}

/* Findings: their own slot, as they take seconds on big databases. */
static gpointer
query_findings (CgStore        *store,
                const CgFilter *filter,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  gint64 from = filter->from_ts, to = filter->to_ts;

  /* "All time" reads as the 90 days up to the end of the last call's day,
   * as in the CLI (whole days, from the sums: quick on any size). */
  if (to <= 0 || from <= 0)
    {
      gint64 first_day_ts, end_of_last_day;

      if (!cg_aggregates_call_span (store, &first_day_ts, &end_of_last_day, error))
        return NULL;
      to = to > 0 ? to : end_of_last_day;
      from = from > 0 ? from : to - 90 * 86400;
    }
  return cg_findings_compute (store, from, to, error);
}

static void
findings_done (CgPage       *page,
               gpointer      result,
               const GError *error)
{
  CgOverviewPage *self = CG_OVERVIEW_PAGE (page);
  CgFindings *findings = result;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  self->n_findings = MIN (findings->entries->len, CG_OVERVIEW_MAX_FINDINGS);
  cg_findings_list_fill (self->findings, findings, CG_OVERVIEW_MAX_FINDINGS, cg_page_get_view_filter (page));
}

static gpointer
query_scorecard (CgStore        *store,
                 const CgFilter *filter,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return cg_scorecard_compute (store, CG_DIM_AGENT, filter, error);
}

static void
scorecard_done (CgPage       *page,
                gpointer      result,
                const GError *error)
{
  CgOverviewPage *self = CG_OVERVIEW_PAGE (page);

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_scorecard_table_fill (self->scorecard, result);
}

/* The forecast, the period's incidents and the active scenario. */
typedef struct {
  CgForecast      *forecast;  /* NULL when the history is too short */
  char            *forecast_error;
  guint            incidents;
  char            *scenario;
  CgFinanceResult *finance;
} Extras;

static void
extras_free (Extras *x)
{
  g_clear_pointer (&x->forecast, cg_forecast_free);
  g_clear_pointer (&x->forecast_error, g_free);
  g_clear_pointer (&x->scenario, g_free);
  g_clear_pointer (&x->finance, cg_finance_result_free);
  g_free (x);
}

/* The scenario the user made active, else the first saved. */
static char *
active_scenario (CgStore *store)
{
  g_autofree char *name = cg_store_get_setting (store, "active_scenario", NULL);
  g_auto(GStrv) names = NULL;

  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);
  names = cg_store_list_scenarios (store, NULL);
  return names != NULL && names[0] != NULL ? g_strdup (names[0]) : NULL;
}

static gpointer
query_extras (CgStore        *store,
              const CgFilter *filter,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  Extras *x = g_new0 (Extras, 1);
  g_autoptr(CgIncidentReport) incidents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CgScenario) scenario = NULL;

  if ((incidents = cg_incidents_detect (store, filter, error)) == NULL)
    {
      extras_free (x);
      return NULL;
    }
  x->incidents = incidents->incidents->len;
  /* A short history is a statement on the page, not a failure. */
  x->forecast = cg_forecast_compute (store, CG_FORECAST_CONNECT_RATE, 6, &local_error);
  if (x->forecast == NULL)
    x->forecast_error = g_strdup (local_error->message);
  x->scenario = active_scenario (store);
  if (x->scenario != NULL && (scenario = cg_store_load_scenario (store, x->scenario, NULL)) != NULL)
    x->finance = cg_finance_evaluate (scenario, NULL);
  return x;
}

static void
extras_done (CgPage       *page,
             gpointer      result,
             const GError *error)
{
  CgOverviewPage *self = CG_OVERVIEW_PAGE (page);
  Extras *x = result;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_kpi_tile_set (self->tile_views[TILE_INCIDENTS], _("Line incidents"), CG_KPI_COUNT, x->incidents, NAN, FALSE);
  {
    g_autofree char *title = NULL;

    if (x->finance != NULL && x->finance->payback_reached)
      {
        g_autofree char *months = g_strdup_printf ("%.1f", x->finance->payback_months);
        /* Translators: %s is a number of months. */
        title = g_strdup_printf (_("ROI · payback in %s months"), months);
      }
    else if (x->finance != NULL)
      title = g_strdup (_("ROI · no payback in the horizon"));
    else
      title = g_strdup (_("ROI (no scenario yet)"));
    cg_kpi_tile_set (self->tile_views[TILE_ROI], title, CG_KPI_PERCENT,
                     x->finance != NULL && x->finance->roi_defined ? x->finance->roi : NAN, NAN, TRUE);
    if (x->scenario != NULL)
      {
        /* Translators: %s is the name of a cost-benefit scenario. */
        g_autofree char *note = g_strdup_printf (_("Active scenario: %s"), x->scenario);
        cg_kpi_tile_set_note (self->tile_views[TILE_ROI], note);
      }
  }
  gtk_widget_set_visible (self->forecast_chart, x->forecast != NULL);
  if (x->forecast != NULL)
    {
      g_autoptr(CgChart) chart = cg_forecast_chart (x->forecast, _("Connect rate forecast"), CG_UNIT_PERCENT);
      g_autofree char *note = cg_forecast_note (x->forecast);

      cg_chart_view_set_chart (CG_CHART_VIEW (self->forecast_chart), chart);
      gtk_label_set_text (self->forecast_note, note);
    }
  else
    gtk_label_set_text (self->forecast_note, x->forecast_error);
}

static void
query_slow (CgOverviewPage *self)
{
  CgPage *page = CG_PAGE (self);

  self->slow_pending = FALSE;
  cg_page_query (page, SLOT_FINDINGS, query_findings, NULL, NULL, (GDestroyNotify) cg_findings_free, findings_done);
  cg_page_query (page, SLOT_SCORECARD, query_scorecard, NULL, NULL, (GDestroyNotify) cg_scorecard_free,
                 scorecard_done);
}

static void
on_map (CgOverviewPage *self)
{
  if (self->slow_pending && cg_page_get_runner (CG_PAGE (self)) != NULL)
    query_slow (self);
}

static void
cg_overview_page_refresh (CgPage         *page,
                          const CgFilter *filter)
{
  CgOverviewPage *self = CG_OVERVIEW_PAGE (page);
  CgDimension granularity = cg_view_filter_get_granularity (cg_page_get_view_filter (page));

  cg_page_query (page, SLOT_MAIN, query_overview, GINT_TO_POINTER (granularity), NULL,
                 (GDestroyNotify) overview_free, overview_done);
  cg_page_query (page, SLOT_EXTRAS, query_extras, NULL, NULL, (GDestroyNotify) extras_free, extras_done);
  /* Findings and the scorecard take seconds: a hidden page reads them
   * when it is shown, so filter changes elsewhere stay quick. */
  self->slow_pending = !gtk_widget_get_mapped (GTK_WIDGET (page));
  if (!self->slow_pending)
    query_slow (self);
}

static void
cg_overview_page_class_init (CgOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CG_PAGE_CLASS (klass)->refresh = cg_overview_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, findings);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, forecast_box);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, forecast_note);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, satisfaction_box);
  gtk_widget_class_bind_template_child (widget_class, CgOverviewPage, scorecard_box);
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
      self->tile_views[i] = cg_kpi_tile_new ();
      /* Four a line in the clamp's width: two rows for eight tiles. */
      gtk_widget_set_size_request (self->tile_views[i], 200, -1);
      gtk_flow_box_append (self->tiles, self->tile_views[i]);
    }
  gtk_list_box_append (self->findings, cg_value_row (_("Looking for findings…"), NULL, ""));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  self->trend = cg_connect_table_new (_("Period"));
  self->trend_chart = cg_chart_view_new_sized (260);
  gtk_box_append (self->trend_box, self->trend_chart);
  gtk_box_append (self->trend_box, GTK_WIDGET (self->trend));
  self->forecast_chart = cg_chart_view_new_sized (240);
  gtk_box_insert_child_after (self->forecast_box, self->forecast_chart,
                              gtk_widget_get_first_child (GTK_WIDGET (self->forecast_box)));
  self->satisfaction_chart = cg_chart_view_new_sized (220);
  gtk_box_append (self->satisfaction_box, self->satisfaction_chart);
  self->scorecard = cg_scorecard_table_new ();
  gtk_box_append (self->scorecard_box, GTK_WIDGET (self->scorecard));
}

CgTable *
cg_overview_page_get_trend (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return self->trend;
}

CgChartView *
cg_overview_page_get_forecast_chart (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return CG_CHART_VIEW (self->forecast_chart);
}

GtkListBox *
cg_overview_page_get_findings (CgOverviewPage *self,
                               guint          *n_findings)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  if (n_findings != NULL)
    *n_findings = self->n_findings;
  return self->findings;
}

CgTable *
cg_overview_page_get_scorecard (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return self->scorecard;
}

CgChartView *
cg_overview_page_get_trend_chart (CgOverviewPage *self)
{
  g_return_val_if_fail (CG_IS_OVERVIEW_PAGE (self), NULL);
  return CG_CHART_VIEW (self->trend_chart);
}
