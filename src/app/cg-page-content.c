/* cg-page-content.c — the figures the Connect rate and Cost-benefit pages show.
 *
 * Plain rows of numbers until the chart module draws them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-analytics.h"
#include "cg-compliance.h"
#include "cg-finance.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-format.h"
#include "cg-page-content.h"
#include "cg-scenario-store.h"

static void
clear (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
value_row (const char *title,
           const char *subtitle,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* One group: the connect rate of each key of @by, with its interval. */
static gboolean
add_connect_group (GtkBox      *box,
                   CgStore     *store,
                   CgDimension  by,
                   const char  *title,
                   const char  *description)
{
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, by, NULL, NULL);
  GtkWidget *group;

  if (rows == NULL || rows->len == 0)
    return FALSE;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *row = g_ptr_array_index (rows, i);
      g_autofree char *calls = cg_format_count (row->calls);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s call", "%s calls", (gulong) MIN (row->calls, 1000000)), calls);
      g_autofree char *value = NULL;
      CgInterval rate;

      if (cg_connect_row_rate (row, &rate))
        value = g_strdup_printf ("%.1f %%  (%.1f–%.1f)", 100 * rate.estimate, 100 * rate.lower, 100 * rate.upper);
      else
        value = g_strdup ("—");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (row->key[0] ? row->key : _("(none)"), subtitle, value));
    }
  gtk_box_append (box, group);
  return TRUE;
}

gboolean
cg_page_content_fill_connect (CgPage  *page,
                              CgStore *store)
{
  GtkBox *box = cg_page_get_content (page);
  gboolean any;

  clear (box);
  any = add_connect_group (box, store, CG_DIM_LINE, _("By Line"),
                           /* xgettext:no-c-format */
                           _("Connect rate with its 95 % interval: connected calls ÷ all dial attempts."));
  if (any)
    {
      add_connect_group (box, store, CG_DIM_LIST, _("By Number List"), NULL);
      add_connect_group (box, store, CG_DIM_MONTH, _("By Month"), NULL);
      add_connect_group (box, store, CG_DIM_HOUR, _("By Hour of Day"), NULL);
    }
  return any;
}

static void
add_scenario_group (GtkBox           *box,
                    const CgScenario *s)
{
  g_autoptr(GError) error = NULL;
  CgFinanceResult *r = cg_finance_evaluate (s, &error);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = g_strdup_printf (_("%d months from %04d-%02d, discount rate %.1f %% a year"),
                                                  s->horizon_months, s->start_year, s->start_month,
                                                  100 * s->discount_rate);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), s->name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (r == NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Cannot be evaluated"), error->message, ""));
  else
    {
      g_autofree char *npv_count = cg_format_count ((gint64) llround (r->npv));
      g_autofree char *npv = g_strdup_printf ("¥%s", npv_count);
      g_autofree char *roi = r->roi_defined ? g_strdup_printf ("%.1f %%", 100 * r->roi) : g_strdup ("—");
      g_autofree char *irr = r->irr_defined ? g_strdup_printf (_("%.1f %% a year"), 100 * r->irr_annual)
                                            : g_strdup (_("not defined"));
      g_autofree char *payback = r->payback_reached ? g_strdup_printf (_("%.1f months"), r->payback_months)
                                                    : g_strdup (_("not within the horizon"));
      g_autofree char *dpayback = r->discounted_payback_reached
                                  ? g_strdup_printf (_("%.1f months"), r->discounted_payback_months)
                                  : g_strdup (_("not within the horizon"));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Net present value"), NULL, npv));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Return on investment"), NULL, roi));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("Internal rate of return"),
                                            r->multiple_roots ? _("The cash flows change sign several times: read with care") : NULL,
                                            irr));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Payback"), NULL, payback));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Discounted payback"), NULL, dpayback));
      cg_finance_result_free (r);
    }
  gtk_box_append (box, group);
}

gboolean
cg_page_content_fill_cost (CgPage  *page,
                           CgStore *store)
{
  GtkBox *box = cg_page_get_content (page);
  g_auto(GStrv) names = cg_store_list_scenarios (store, NULL);

  clear (box);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(CgScenario) s = cg_store_load_scenario (store, names[i], NULL);
      if (s != NULL)
        add_scenario_group (box, s);
    }
  return names != NULL && names[0] != NULL;
}

static void
add_offending_calls (GtkWidget       *group,
                     const CgFinding *finding,
                     GTimeZone       *tz)
{
  /* The first few, masked: the CLI's compliance --json lists them all. */
  for (guint i = 0; i < finding->calls->len && i < 5; i++)
    {
      const CgComplianceCall *call = g_ptr_array_index (finding->calls, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (call->start_ts);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *who = g_strdup_printf ("%s · %s · %s", call->agent_id ? call->agent_id : "—",
                                              call->line ? call->line : "—", call->list ? call->list : "—");

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (call->phone_masked ? call->phone_masked : "—", who, when));
    }
}

static GtkWidget *
finding_group (const char      *title,
               const char      *description,
               const CgFinding *finding,
               GTimeZone       *tz)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *count = cg_format_count (finding->count);
  g_autofree char *heading = g_strdup_printf ("%s: %s", title, count);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  add_offending_calls (group, finding, tz);
  return group;
}

gboolean
cg_page_content_fill_compliance (CgPage  *page,
                                 CgStore *store)
{
  GtkBox *box = cg_page_get_content (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgComplianceReport) report = NULL;
  g_autoptr(GPtrArray) total = cg_analytics_connect (store, CG_DIM_TOTAL, NULL, NULL);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autofree char *hours = NULL;
  g_autofree char *cap = NULL;
  GtkWidget *rules;

  clear (box);
  if (total == NULL || ((CgConnectRow *) g_ptr_array_index (total, 0))->calls == 0)
    return FALSE;
  report = cg_compliance_audit (store, NULL, &error);
  if (report == NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("The audit cannot run"), error->message, ""));
      gtk_box_append (box, group);
      return TRUE;
    }

  hours = cg_calling_hours_to_string (&report->hours);
  cap = g_strdup_printf (_("at most %u attempts per number within %u days"), report->cap.max_attempts, report->cap.days);
  rules = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rules), _("Rules"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rules),
                                         _("Change them with “callgauge-cli settings calling_hours …” and “… attempt_cap N/D”."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rules), value_row (_("Allowed calling hours"), NULL, hours));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rules), value_row (_("Attempt cap"), NULL, cap));
  gtk_box_append (box, rules);

  gtk_box_append (box, finding_group (_("Calls outside the allowed hours"),
                                      _("Started before the opening or at or after the closing time of their weekday."),
                                      &report->outside_hours, tz));
  gtk_box_append (box, finding_group (_("Calls to numbers that refused"),
                                      _("Calls to a number after it was put on the do-not-call list or asked not to be called."),
                                      &report->dnc, tz));
  gtk_box_append (box, finding_group (_("Attempts over the cap"),
                                      _("Attempts beyond the cap within the window, per number."),
                                      &report->attempt_cap, tz));
  return TRUE;
}

static char *
interval_text (gboolean          defined,
               const CgInterval *r)
{
  if (!defined)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%  (%.1f–%.1f)", 100 * r->estimate, 100 * r->lower, 100 * r->upper);
}

GtkWidget *
cg_page_content_key_figures (CgStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GPtrArray) funnel = cg_funnel_compute (store, CG_DIM_TOTAL, NULL, NULL);
  g_autoptr(CgContact) contact = cg_quality_contact (store, NULL, NULL);
  const CgFunnelRow *f = funnel != NULL && funnel->len > 0 ? g_ptr_array_index (funnel, 0) : NULL;
  CgInterval r;
  double average;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Key Figures"));
  /* xgettext:no-c-format */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Over all calls, with 95 % intervals."));
  if (f != NULL)
    {
      g_autofree char *connect = interval_text (cg_funnel_row_rate (f, CG_FUNNEL_CONNECT, &r), &r);
      g_autofree char *conversion = interval_text (cg_funnel_row_rate (f, CG_FUNNEL_CONVERSION, &r), &r);
      g_autofree char *sales = cg_format_count (f->sales);
      g_autofree char *customers = cg_format_count (f->new_customers);
      g_autofree char *avg = cg_funnel_row_average_sale (f, &average) ? g_strdup_printf ("¥%.0f", average) : g_strdup ("—");

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("Connect rate"), _("Connected calls ÷ dial attempts"), connect));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("Conversion"), _("Sales ÷ dial attempts"), conversion));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Sales"), NULL, sales));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("New customers"), _("Numbers with their first sale ever"), customers));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Average sale"), NULL, avg));
    }
  if (contact != NULL)
    {
      g_autofree char *rate = interval_text (cg_stats_wilson (contact->numbers_reached, contact->numbers,
                                                              CG_STATS_CONFIDENCE, &r), &r);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 value_row (_("Contact rate"), _("Numbers reached ÷ numbers dialled"), rate));
    }
  return group;
}
