/* cg-cost-page.c — the cost-benefit scenario editor with live results,
 * sensitivity, cash flows and the scenarios side by side.
 *
 * The stored scenarios are read in the worker; the one being edited is a
 * copy on the main thread, evaluated on every change (pure arithmetic,
 * no database) and written back through the worker on Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-chart-view.h"
#include "cg-cost-page.h"
#include "cg-finance.h"
#include "cg-forecast-chart.h"
#include "cg-page-util.h"
#include "cg-scenario-store.h"

struct _CgCostPage
{
  CgPage       parent_instance;

  GtkDropDown *scenario_choice;
  GtkListBox  *results;
  GtkListBox  *settings;
  GtkListBox  *items;
  GtkBox      *sensitivity_box;
  GtkBox      *cashflow_box;
  GtkBox      *compare_box;
  CgTable     *sensitivity;
  CgTable     *cashflow;
  CgTable     *compare;
  GtkWidget   *cashflow_chart;
  GtkWidget   *tornado_chart;
  GtkWidget   *forecast_chart;
  GtkLabel    *forecast_note;
  GtkWidget   *forecast_button;
  CgForecast  *forecast;   /* of revenue; NULL while loading or when the history is too short */

  GPtrArray   *stored;     /* CgScenario *, by name */
  CgScenario  *edited;     /* a copy of the chosen one, with the user's changes */
  double       npv;
  gboolean     loading;    /* widgets being filled: not an edit */
};

G_DEFINE_FINAL_TYPE (CgCostPage, cg_cost_page, CG_TYPE_PAGE)

/* Worker thread; @data, when set, is a scenario to save first. */
static gpointer
query_scenarios (CgStore        *store,
                 const CgFilter *filter,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  const CgScenario *to_save = data;
  g_auto(GStrv) names = NULL;
  GPtrArray *scenarios;

  if (to_save != NULL && !cg_store_save_scenario (store, to_save, TRUE, error))
    return NULL;
  names = cg_store_list_scenarios (store, error);
  if (names == NULL)
    return NULL;
  scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_scenario_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      CgScenario *s = cg_store_load_scenario (store, names[i], NULL);
      if (s != NULL)
        g_ptr_array_add (scenarios, s);
    }
  return scenarios;
}

static char *
months_text (gboolean reached,
             double   months)
{
  return reached ? g_strdup_printf (_("%.1f months"), months) : g_strdup (_("not within the horizon"));
}

/* ---- results ---------------------------------------------------------------- */

static void
fill_results (CgCostPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFinanceResult) r = cg_finance_evaluate (self->edited, &error);
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);

  cg_list_box_clear (self->results);
  self->npv = NAN;
  if (r == NULL)
    {
      gtk_list_box_append (self->results, cg_value_row (_("Cannot be evaluated"), error->message, ""));
      cg_table_set_rows (self->cashflow, NULL);
      cg_chart_view_set_chart (CG_CHART_VIEW (self->cashflow_chart), NULL);
      return;
    }
  self->npv = r->npv;
  {
    g_autofree char *npv = cg_money_text (r->npv);
    g_autofree char *roi = r->roi_defined ? cg_percent_text (r->roi) : g_strdup ("—");
    g_autofree char *irr = r->irr_defined ? g_strdup_printf (_("%.1f %% a year"), 100 * r->irr_annual)
                                          : g_strdup (_("not defined"));
    g_autofree char *payback = months_text (r->payback_reached, r->payback_months);
    g_autofree char *dpayback = months_text (r->discounted_payback_reached, r->discounted_payback_months);
    g_autofree char *invest = cg_money_text (r->total_investment);
    g_autofree char *cost = cg_money_text (r->total_cost);
    g_autofree char *benefit = cg_money_text (r->total_benefit);

    gtk_list_box_append (self->results, cg_value_row (_("Net present value"), NULL, npv));
    gtk_list_box_append (self->results, cg_value_row (_("Return on investment"), NULL, roi));
    gtk_list_box_append (self->results,
                         cg_value_row (_("Internal rate of return"),
                                       r->multiple_roots ? _("The cash flows change sign several times: read with care") : NULL,
                                       irr));
    gtk_list_box_append (self->results, cg_value_row (_("Payback"), NULL, payback));
    gtk_list_box_append (self->results, cg_value_row (_("Discounted payback"), NULL, dpayback));
    gtk_list_box_append (self->results, cg_value_row (_("Investment"), NULL, invest));
    gtk_list_box_append (self->results, cg_value_row (_("Operating costs"), NULL, cost));
    gtk_list_box_append (self->results, cg_value_row (_("Benefits"), NULL, benefit));
  }

  for (guint m = 0; m < r->months->len; m++)
    {
      const CgCashFlow *f = &g_array_index (r->months, CgCashFlow, m);
      CgTableRow *row = cg_table_row_new (NULL, 6);
      g_autofree char *month = g_strdup_printf ("%d", f->month);
      g_autofree char *t1 = cg_money_text (f->investment);
      g_autofree char *t2 = cg_money_text (f->cost);
      g_autofree char *t3 = cg_money_text (f->benefit);
      g_autofree char *t4 = cg_money_text (f->net);
      g_autofree char *t5 = cg_money_text (f->cumulative);

      cg_table_row_set_number (row, 0, month, f->month);
      cg_table_row_set_number (row, 1, t1, f->investment);
      cg_table_row_set_number (row, 2, t2, f->cost);
      cg_table_row_set_number (row, 3, t3, f->benefit);
      cg_table_row_set_number (row, 4, t4, f->net);
      cg_table_row_set_number (row, 5, t5, f->cumulative);
      g_ptr_array_add (flows, row);
    }
  cg_table_set_rows (self->cashflow, flows);
  {
    g_autoptr(CgChart) chart = cg_chart_new (CG_CHART_CASHFLOW);
    g_autofree double *cumulative = g_new (double, r->months->len + 1);

    cg_chart_set_title (chart, _("Cumulative cash flow"));
    cg_chart_set_unit (chart, CG_UNIT_CURRENCY);
    cg_chart_set_axis_titles (chart, _("Month"), NULL);
    for (guint m = 0; m < r->months->len; m++)
      {
        g_autofree char *label = g_strdup_printf ("%u", m);
        cg_chart_add_category (chart, label);
        cumulative[m] = g_array_index (r->months, CgCashFlow, m).cumulative;
      }
    cg_chart_add_series (chart, _("Cumulative"), cumulative, r->months->len);
    cg_chart_view_set_chart (CG_CHART_VIEW (self->cashflow_chart), chart);
  }
}

static void
fill_sensitivity (CgCostPage *self)
{
  g_autoptr(GPtrArray) inputs = cg_finance_sensitivity (self->edited, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; inputs != NULL && i < inputs->len; i++)
    {
      const CgSensitivity *s = g_ptr_array_index (inputs, i);
      CgTableRow *row = cg_table_row_new (NULL, 4);
      g_autofree char *name = s->input == CG_FINANCE_INPUT_DISCOUNT_RATE ? g_strdup (_("Discount rate"))
                              : s->factor_name ? g_strdup_printf ("%s · %s", s->item_name, s->factor_name)
                              : g_strdup (s->item_name);
      g_autofree char *low = cg_money_text (s->npv[0]);
      g_autofree char *high = cg_money_text (s->npv[CG_SENSITIVITY_N_STEPS - 1]);
      g_autofree char *swing = cg_money_text (s->swing);

      cg_table_row_set_text (row, 0, name);
      cg_table_row_set_number (row, 1, low, s->npv[0]);
      cg_table_row_set_number (row, 2, high, s->npv[CG_SENSITIVITY_N_STEPS - 1]);
      cg_table_row_set_number (row, 3, swing, s->swing);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (self->sensitivity, rows);
  {
    g_autoptr(CgChart) chart = cg_chart_new (CG_CHART_TORNADO);
    guint n = inputs ? MIN (inputs->len, 10) : 0;
    g_autofree double *low = g_new (double, n + 1);
    g_autofree double *high = g_new (double, n + 1);

    /* xgettext:no-c-format */
    cg_chart_set_title (chart, _("NPV when one input moves ±20 %"));
    cg_chart_set_unit (chart, CG_UNIT_CURRENCY);
    for (guint i = 0; i < n; i++)
      {
        const CgSensitivity *s = g_ptr_array_index (inputs, i);
        CgTableRow *row = g_ptr_array_index (rows, i);

        cg_chart_add_category (chart, cg_table_row_get_text (row, 0));
        low[i] = s->npv[0];
        high[i] = s->npv[CG_SENSITIVITY_N_STEPS - 1];
        cg_chart_set_baseline (chart, s->base_npv);
      }
    /* xgettext:no-c-format */
    cg_chart_add_series (chart, _("Input −20 %"), low, n);
    /* xgettext:no-c-format */
    cg_chart_add_series (chart, _("Input +20 %"), high, n);
    cg_chart_view_set_chart (CG_CHART_VIEW (self->tornado_chart), chart);
  }
}

static void
fill_compare (CgCostPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->stored != NULL && i < self->stored->len; i++)
    {
      const CgScenario *s = g_ptr_array_index (self->stored, i);
      g_autoptr(CgFinanceResult) r = cg_finance_evaluate (s, NULL);
      CgTableRow *row = cg_table_row_new (s->name, 6);
      g_autofree char *horizon = g_strdup_printf ("%d", s->horizon_months);
      g_autofree char *npv = r ? cg_money_text (r->npv) : g_strdup ("—");
      g_autofree char *roi = r && r->roi_defined ? cg_percent_text (r->roi) : g_strdup ("—");
      g_autofree char *irr = r && r->irr_defined ? cg_percent_text (r->irr_annual) : g_strdup ("—");
      g_autofree char *payback = r ? months_text (r->payback_reached, r->payback_months) : g_strdup ("—");

      cg_table_row_set_text (row, 0, s->name);
      cg_table_row_set_number (row, 1, horizon, s->horizon_months);
      cg_table_row_set_number (row, 2, npv, r ? r->npv : NAN);
      cg_table_row_set_number (row, 3, roi, r && r->roi_defined ? r->roi : NAN);
      cg_table_row_set_number (row, 4, irr, r && r->irr_defined ? r->irr_annual : NAN);
      cg_table_row_set_number (row, 5, payback, r && r->payback_reached ? r->payback_months : INFINITY);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (self->compare, rows);
}

static void
recompute (CgCostPage *self)
{
  fill_results (self);
  fill_sensitivity (self);
}

/* ---- the editor ----------------------------------------------------------------- */

static void
on_value_changed (GtkSpinButton *spin,
                  CgCostPage    *self)
{
  double *target = g_object_get_data (G_OBJECT (spin), "cg-target");
  double scale = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "cg-percent")) ? 0.01 : 1.0;
  int *int_target = g_object_get_data (G_OBJECT (spin), "cg-int-target");

  if (self->loading)
    return;
  if (target != NULL)
    *target = gtk_spin_button_get_value (spin) * scale;
  if (int_target != NULL)
    *int_target = gtk_spin_button_get_value_as_int (spin);
  recompute (self);
}

static GtkWidget *
spin_row (CgCostPage *self,
          const char *title,
          const char *subtitle,
          double      value,
          double      lower,
          double      upper,
          double      step,
          int         digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, title);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (row), "cg-spin", spin);
  return row;
}

static const char *
kind_label (CgItemKind kind)
{
  switch (kind)
    {
    case CG_ITEM_INVESTMENT:
      return _("Investment, one-off");
    case CG_ITEM_COST:
      return _("Cost per month");
    case CG_ITEM_BENEFIT:
    default:
      return _("Benefit per month");
    }
}

static void
fill_editor (CgCostPage *self)
{
  GtkWidget *row;

  self->loading = TRUE;
  cg_list_box_clear (self->settings);
  cg_list_box_clear (self->items);

  row = spin_row (self, _("Horizon"), _("Months the cash flows run"), self->edited->horizon_months,
                  1, CG_FINANCE_MAX_HORIZON, 1, 0);
  g_object_set_data (g_object_get_data (G_OBJECT (row), "cg-spin"), "cg-int-target", &self->edited->horizon_months);
  gtk_list_box_append (self->settings, row);
  row = spin_row (self, _("Discount rate"), _("Per year, in percent: what the money would earn elsewhere"),
                  100 * self->edited->discount_rate, -50, 100, 0.5, 1);
  g_object_set_data (g_object_get_data (G_OBJECT (row), "cg-spin"), "cg-target", &self->edited->discount_rate);
  g_object_set_data (g_object_get_data (G_OBJECT (row), "cg-spin"), "cg-percent", GINT_TO_POINTER (1));
  gtk_list_box_append (self->settings, row);

  for (guint i = 0; i < self->edited->items->len; i++)
    {
      CgScenarioItem *item = g_ptr_array_index (self->edited->items, i);

      if (item->factors == NULL || item->factors->len == 0)
        {
          g_autofree char *subtitle = item->source == CG_SOURCE_FORECAST
            /* Translators: an item of a scenario, as in "Benefit · forecast". */
            ? g_strdup_printf (_("%s · forecast"), kind_label (item->kind))
            : g_strdup (kind_label (item->kind));

          row = spin_row (self, item->name, subtitle, item->amount, 0, 1e10, 100, 0);
          g_object_set_data (g_object_get_data (G_OBJECT (row), "cg-spin"), "cg-target", &item->amount);
          gtk_list_box_append (self->items, row);
          continue;
        }
      for (guint f = 0; f < item->factors->len; f++)
        {
          CgFactor *factor = g_ptr_array_index (item->factors, f);
          g_autofree char *title = g_strdup_printf ("%s · %s", item->name, factor->name);

          row = spin_row (self, title, kind_label (item->kind), factor->value, 0, 1e10,
                          factor->value < 1 ? 0.001 : 1, factor->value < 1 ? 4 : 2);
          g_object_set_data (g_object_get_data (G_OBJECT (row), "cg-spin"), "cg-target", &factor->value);
          gtk_list_box_append (self->items, row);
        }
    }
  self->loading = FALSE;
  recompute (self);
}

static void
choose_scenario (CgCostPage *self,
                 guint       index)
{
  g_clear_pointer (&self->edited, cg_scenario_free);
  if (self->stored == NULL || index >= self->stored->len)
    return;
  self->edited = cg_scenario_copy (g_ptr_array_index (self->stored, index));
  fill_editor (self);
}

static void
on_scenario_chosen (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    CgCostPage  *self)
{
  if (!self->loading)
    choose_scenario (self, gtk_drop_down_get_selected (drop_down));
}

static void
scenarios_done (CgPage       *page,
                gpointer      result,
                const GError *error)
{
  CgCostPage *self = CG_COST_PAGE (page);
  GPtrArray *scenarios = result;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = self->edited ? g_strdup (self->edited->name) : NULL;
  guint chosen = 0;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  self->stored = g_ptr_array_ref (scenarios);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const CgScenario *s = g_ptr_array_index (scenarios, i);

      gtk_string_list_append (names, s->name);
      if (g_strcmp0 (s->name, current) == 0)
        chosen = i;
    }
  cg_page_set_has_data (page, scenarios->len > 0);
  self->loading = TRUE;
  gtk_drop_down_set_model (self->scenario_choice, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scenario_choice, chosen);
  self->loading = FALSE;
  fill_compare (self);
  choose_scenario (self, chosen);
}

/* ---- revenue forecast ----------------------------------------------------- */

/* Worker thread: a forecast, or a GError saying why there is none. */
static gpointer
query_forecast (CgStore        *store,
                const CgFilter *filter,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  return cg_forecast_compute (store, CG_FORECAST_REVENUE, CG_FORECAST_MAX_HORIZON, error);
}

static void
forecast_done (CgPage       *page,
               gpointer      result,
               const GError *error)
{
  CgCostPage *self = CG_COST_PAGE (page);
  CgForecast *forecast = result;

  g_clear_pointer (&self->forecast, cg_forecast_free);
  gtk_widget_set_visible (self->forecast_chart, forecast != NULL);
  gtk_widget_set_sensitive (self->forecast_button, forecast != NULL);
  if (forecast == NULL)
    {
      /* Too short a history is a statement, not a failure. */
      gtk_label_set_text (self->forecast_note, error ? error->message : "");
      return;
    }
  {
    g_autoptr(CgChart) chart = cg_forecast_chart (forecast, _("Revenue"), CG_UNIT_CURRENCY);
    g_autofree char *note = cg_forecast_note (forecast);

    cg_chart_view_set_chart (CG_CHART_VIEW (self->forecast_chart), chart);
    gtk_label_set_text (self->forecast_note, note);
  }
  /* The page frees @result after this call: keep a copy of our own. */
  self->forecast = g_new0 (CgForecast, 1);
  *self->forecast = *forecast;
  self->forecast->history = g_array_ref (forecast->history);
  self->forecast->forecast = g_array_ref (forecast->forecast);
}

static void
use_forecast_clicked (CgCostPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  const char *message;

  if (self->forecast == NULL || self->edited == NULL)
    return;
  if (cg_forecast_add_to_scenario (self->forecast, self->edited) == NULL)
    message = _("The revenue forecast does not grow: nothing was added.");
  else
    {
      message = _("Forecast revenue growth added to the scenario; save to keep it.");
      fill_editor (self);
    }
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
cg_cost_page_refresh (CgPage         *page,
                      const CgFilter *filter)
{
  /* Scenarios do not depend on the filter: they are the manager's plans. */
  cg_page_query (page, 0, query_scenarios, NULL, NULL, (GDestroyNotify) g_ptr_array_unref, scenarios_done);
  cg_page_query (page, 1, query_forecast, NULL, NULL, (GDestroyNotify) cg_forecast_free, forecast_done);
}

static void
save_done (CgPage       *page,
           gpointer      result,
           const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY);

  scenarios_done (page, result, error);
  if (error == NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Scenario saved")));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgCostPage *self = CG_COST_PAGE (widget);

  if (self->edited == NULL || cg_page_get_runner (CG_PAGE (self)) == NULL)
    return;
  cg_page_query (CG_PAGE (self), 0, query_scenarios, cg_scenario_copy (self->edited),
                 (GDestroyNotify) cg_scenario_free, (GDestroyNotify) g_ptr_array_unref, save_done);
}

static void
cg_cost_page_finalize (GObject *object)
{
  CgCostPage *self = CG_COST_PAGE (object);

  g_clear_pointer (&self->stored, g_ptr_array_unref);
  g_clear_pointer (&self->edited, cg_scenario_free);
  g_clear_pointer (&self->forecast, cg_forecast_free);
  G_OBJECT_CLASS (cg_cost_page_parent_class)->finalize (object);
}

static void
cg_cost_page_class_init (CgCostPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_cost_page_finalize;
  CG_PAGE_CLASS (klass)->refresh = cg_cost_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-cost-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, scenario_choice);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, results);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, settings);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, items);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, sensitivity_box);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, cashflow_box);
  gtk_widget_class_bind_template_child (widget_class, CgCostPage, compare_box);
  gtk_widget_class_install_action (widget_class, "cost.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "cost.save", NULL);
}

static void
cg_cost_page_init (CgCostPage *self)
{
  CgColumn sensitivity_columns[4] = {
    { N_("Input"), CG_COLUMN_TEXT, NULL },
    /* xgettext:no-c-format */
    { N_("NPV at −20 %"), CG_COLUMN_NUMBER, NULL },
    /* xgettext:no-c-format */
    { N_("NPV at +20 %"), CG_COLUMN_NUMBER, NULL },
    { N_("Swing"), CG_COLUMN_NUMBER, NULL },
  };
  CgColumn cashflow_columns[6] = {
    { N_("Month"), CG_COLUMN_NUMBER, NULL },
    { N_("Investment"), CG_COLUMN_NUMBER, NULL },
    { N_("Costs"), CG_COLUMN_NUMBER, NULL },
    { N_("Benefits"), CG_COLUMN_NUMBER, NULL },
    { N_("Net"), CG_COLUMN_NUMBER, NULL },
    { N_("Cumulative"), CG_COLUMN_NUMBER, NULL },
  };
  CgColumn compare_columns[6] = {
    { N_("Scenario"), CG_COLUMN_TEXT, NULL },
    { N_("Months"), CG_COLUMN_NUMBER, NULL },
    { N_("NPV"), CG_COLUMN_NUMBER, NULL },
    { N_("ROI"), CG_COLUMN_NUMBER, NULL },
    { N_("IRR a year"), CG_COLUMN_NUMBER, NULL },
    { N_("Payback"), CG_COLUMN_NUMBER, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->npv = NAN;
  self->sensitivity = cg_table_new (sensitivity_columns, G_N_ELEMENTS (sensitivity_columns));
  self->tornado_chart = cg_chart_view_new_sized (280);
  gtk_box_append (self->sensitivity_box, self->tornado_chart);
  gtk_box_append (self->sensitivity_box, GTK_WIDGET (self->sensitivity));
  self->cashflow = cg_table_new (cashflow_columns, G_N_ELEMENTS (cashflow_columns));
  self->cashflow_chart = cg_chart_view_new_sized (280);
  gtk_box_append (self->cashflow_box, self->cashflow_chart);
  gtk_box_append (self->cashflow_box, GTK_WIDGET (self->cashflow));
  self->compare = cg_table_new (compare_columns, G_N_ELEMENTS (compare_columns));
  gtk_box_append (self->compare_box, GTK_WIDGET (self->compare));
  g_signal_connect (self->scenario_choice, "notify::selected", G_CALLBACK (on_scenario_chosen), self);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *title = gtk_label_new (_("Revenue Forecast"));

    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_widget_add_css_class (title, "heading");
    self->forecast_note = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->forecast_note, 0);
    gtk_label_set_wrap (self->forecast_note, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->forecast_note), "dim-label");
    self->forecast_chart = cg_chart_view_new_sized (260);
    self->forecast_button = gtk_button_new_with_mnemonic (_("_Use Forecast Revenue Growth"));
    gtk_widget_set_halign (self->forecast_button, GTK_ALIGN_START);
    gtk_widget_set_sensitive (self->forecast_button, FALSE);
    gtk_widget_set_tooltip_text (self->forecast_button,
                                 _("Add the forecast's growth over recent revenue to this scenario as a benefit, "
                                   "marked as a forecast"));
    g_signal_connect_swapped (self->forecast_button, "clicked", G_CALLBACK (use_forecast_clicked), self);
    gtk_box_append (GTK_BOX (box), title);
    gtk_box_append (GTK_BOX (box), self->forecast_chart);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->forecast_note));
    gtk_box_append (GTK_BOX (box), self->forecast_button);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->cashflow_box))), box,
                                GTK_WIDGET (self->cashflow_box));
  }
}

double
cg_cost_page_get_npv (CgCostPage *self)
{
  g_return_val_if_fail (CG_IS_COST_PAGE (self), NAN);
  return self->npv;
}
