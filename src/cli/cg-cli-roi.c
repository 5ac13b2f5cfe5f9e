/* cg-cli-roi.c — `roi NAME`: the figures of merit of a scenario.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-finance.h"
#include "cg-scenario-store.h"

static void
add_cashflows (JsonBuilder           *b,
               const CgScenario      *s,
               const CgFinanceResult *r)
{
  json_builder_set_member_name (b, "cashflows");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->months->len; i++)
    {
      const CgCashFlow *m = &g_array_index (r->months, CgCashFlow, i);
      int month0 = s->start_year * 12 + s->start_month - 1 + m->month;
      g_autofree char *label = g_strdup_printf ("%04d-%02d", month0 / 12, month0 % 12 + 1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "month");
      json_builder_add_int_value (b, m->month);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, label);
      cg_cli_json_add_double (b, "investment", m->investment);
      cg_cli_json_add_double (b, "cost", m->cost);
      cg_cli_json_add_double (b, "benefit", m->benefit);
      cg_cli_json_add_double (b, "net", m->net);
      cg_cli_json_add_double (b, "cumulative", m->cumulative);
      cg_cli_json_add_double (b, "discounted", m->discounted);
      cg_cli_json_add_double (b, "discounted_cumulative", m->discounted_cumulative);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_sensitivity (JsonBuilder *b,
                 GPtrArray   *sensitivity)
{
  json_builder_set_member_name (b, "sensitivity");
  json_builder_begin_array (b);
  for (guint i = 0; i < sensitivity->len; i++)
    {
      const CgSensitivity *s = g_ptr_array_index (sensitivity, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "input");
      json_builder_add_string_value (b, s->input == CG_FINANCE_INPUT_DISCOUNT_RATE ? "discount_rate"
                                        : s->input == CG_FINANCE_INPUT_FACTOR ? "factor" : "amount");
      json_builder_set_member_name (b, "item");
      if (s->item_name)
        json_builder_add_string_value (b, s->item_name);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "factor");
      if (s->factor_name)
        json_builder_add_string_value (b, s->factor_name);
      else
        json_builder_add_null_value (b);
      cg_cli_json_add_double (b, "base_value", s->base_value);
      cg_cli_json_add_double (b, "swing", s->swing);
      json_builder_set_member_name (b, "steps");
      json_builder_begin_array (b);
      for (int k = 0; k < CG_SENSITIVITY_N_STEPS; k++)
        {
          json_builder_begin_object (b);
          cg_cli_json_add_double (b, "change", s->change[k]);
          cg_cli_json_add_double (b, "value", s->value[k]);
          cg_cli_json_add_double (b, "npv", s->npv[k]);
          cg_cli_json_add_double (b, "payback_months", s->payback_months[k]);
          cg_cli_json_add_double (b, "discounted_payback_months", s->discounted_payback_months[k]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* Break-even values of the factors of benefit items: e.g. the connect
 * rate at which the NPV is 0. */
static void
add_break_even (JsonBuilder      *b,
                const CgScenario *s)
{
  json_builder_set_member_name (b, "break_even");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (s->items, i);

      for (guint j = 0; j < item->factors->len; j++)
        {
          const CgFactor *f = g_ptr_array_index (item->factors, j);
          double value;
          gboolean found = cg_finance_break_even (s, i, f->name, &value, NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "item");
          json_builder_add_string_value (b, item->name);
          json_builder_set_member_name (b, "factor");
          json_builder_add_string_value (b, f->name);
          cg_cli_json_add_double (b, "current", f->value);
          cg_cli_json_add_double_if (b, "value", found, value);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static JsonNode *
roi_to_json (const CgScenario      *s,
             const CgFinanceResult *r,
             GPtrArray             *sensitivity)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scenario");
  json_builder_add_string_value (b, s->name);
  cg_cli_json_add_double (b, "discount_rate", s->discount_rate);
  cg_cli_json_add_double (b, "monthly_rate", r->monthly_rate);
  json_builder_set_member_name (b, "horizon_months");
  json_builder_add_int_value (b, s->horizon_months);
  cg_cli_json_add_double (b, "npv", r->npv);
  cg_cli_json_add_double_if (b, "irr_monthly", r->irr_defined, r->irr_monthly);
  cg_cli_json_add_double_if (b, "irr_annual", r->irr_defined, r->irr_annual);
  json_builder_set_member_name (b, "irr_multiple_roots");
  json_builder_add_boolean_value (b, r->multiple_roots);
  cg_cli_json_add_double_if (b, "roi", r->roi_defined, r->roi);
  cg_cli_json_add_double_if (b, "payback_months", r->payback_reached, r->payback_months);
  cg_cli_json_add_double_if (b, "discounted_payback_months", r->discounted_payback_reached, r->discounted_payback_months);
  json_builder_set_member_name (b, "break_even_month");
  if (r->break_even_month >= 0)
    json_builder_add_int_value (b, r->break_even_month);
  else
    json_builder_add_null_value (b);
  cg_cli_json_add_double (b, "total_investment", r->total_investment);
  cg_cli_json_add_double (b, "total_cost", r->total_cost);
  cg_cli_json_add_double (b, "total_benefit", r->total_benefit);
  add_cashflows (b, s, r);
  add_sensitivity (b, sensitivity);
  add_break_even (b, s);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
months_text (double months,
             gboolean reached)
{
  return reached ? g_strdup_printf (_("%.1f months"), months) : g_strdup (_("not within the horizon"));
}

static const char *
source_label (CgSource source)
{
  switch (source)
    {
    case CG_SOURCE_ACTUAL:   return _("actual");
    case CG_SOURCE_FORECAST: return _("forecast");
    case CG_SOURCE_ASSUMPTION:
    default:                 return _("assumption");
    }
}

/* Every input with where it comes from: facts and guesses apart. */
static void
print_inputs (const CgScenario *s)
{
  for (guint i = 0; i < s->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (s->items, i);

      if (item->factors->len == 0)
        g_print ("    %-28s %-10s ¥%.2f [%s]\n", item->name, cg_item_kind_to_string (item->kind),
                 item->amount, source_label (item->source));
      else
        {
          g_print ("    %-28s %-10s ¥%.2f =\n", item->name, cg_item_kind_to_string (item->kind),
                   cg_scenario_item_get_amount (item));
          for (guint j = 0; j < item->factors->len; j++)
            {
              const CgFactor *f = g_ptr_array_index (item->factors, j);
              g_print ("      %s %-24s %g [%s]\n", j ? "×" : " ", f->name, f->value, source_label (f->source));
            }
        }
    }
}

static void
print_roi (const CgScenario      *s,
           const CgFinanceResult *r,
           GPtrArray             *sensitivity)
{
  g_autofree char *payback = months_text (r->payback_months, r->payback_reached);
  g_autofree char *dpayback = months_text (r->discounted_payback_months, r->discounted_payback_reached);

  g_print (_("Scenario “%s”: %d months from %04d-%02d, discount rate %.1f %% a year\n"),
           s->name, s->horizon_months, s->start_year, s->start_month, 100 * s->discount_rate);
  g_print ("%s\n", _("  Inputs (per month for costs and benefits):"));
  print_inputs (s);
  g_print (_("  NPV: ¥%.2f\n"), r->npv);
  if (r->roi_defined)
    g_print (_("  ROI: %.1f %%\n"), 100 * r->roi);
  if (r->irr_defined)
    g_print (_("  IRR: %.2f %% a month, %.1f %% a year%s\n"), 100 * r->irr_monthly, 100 * r->irr_annual,
             r->multiple_roots ? _(" (the cash flows change sign several times: more than one IRR)") : "");
  else
    g_print ("%s\n", _("  IRR: not defined (the cash flows never change sign)"));
  g_print (_("  Payback: %s; discounted payback: %s\n"), payback, dpayback);
  if (sensitivity->len > 0)
    {
      g_print ("%s\n", _("  Most sensitive inputs (NPV at −20 % … +20 %):"));
      for (guint i = 0; i < sensitivity->len && i < 5; i++)
        {
          const CgSensitivity *x = g_ptr_array_index (sensitivity, i);
          g_print ("    %s%s%s: ¥%.0f … ¥%.0f\n",
                   x->item_name ? x->item_name : _("discount rate"),
                   x->factor_name ? " · " : "", x->factor_name ? x->factor_name : "",
                   x->npv[0], x->npv[CG_SENSITIVITY_N_STEPS - 1]);
        }
    }
}

gboolean
cg_cli_roi (CgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(JsonArray) all = json_array_new ();
  CgStore *store;

  if (!cg_cli_parse ("roi", _("NAME…"), _("NPV, IRR, ROI, payback and sensitivity of scenarios; several names compare them."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("roi needs a scenario NAME (see “scenario list”)."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(CgScenario) scenario = NULL;
      g_autoptr(GPtrArray) sensitivity = NULL;
      CgFinanceResult *result;

      if ((scenario = cg_store_load_scenario (store, argv[i], error)) == NULL ||
          (result = cg_finance_evaluate (scenario, error)) == NULL)
        return FALSE;
      sensitivity = cg_finance_sensitivity (scenario, error);
      if (sensitivity != NULL && json)
        json_array_add_element (all, roi_to_json (scenario, result, sensitivity));
      else if (sensitivity != NULL)
        {
          if (i > 1)
            g_print ("\n");
          print_roi (scenario, result, sensitivity);
        }
      cg_finance_result_free (result);
      if (sensitivity == NULL)
        return FALSE;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      /* One scenario: its object; several: an array, for comparing. */
      if (argc == 2)
        cg_cli_print_json (json_array_get_element (all, 0));
      else
        {
          json_node_set_array (root, all);
          cg_cli_print_json (root);
        }
    }
  return TRUE;
}
