/* cg-cli-forecast.c — `forecast`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-forecast.h"

static void
add_month (JsonBuilder           *b,
           const CgForecastPoint *p)
{
  g_autofree char *month = g_strdup_printf ("%04d-%02d", p->year, p->month);

  json_builder_set_member_name (b, "month");
  json_builder_add_string_value (b, month);
}

static void
forecast_json (const CgForecast *forecast)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "metric");
  json_builder_add_string_value (b, cg_forecast_metric_to_string (forecast->metric));
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, cg_forecast_method_to_string (forecast->method));
  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; i < forecast->history->len; i++)
    {
      const CgForecastPoint *p = &g_array_index (forecast->history, CgForecastPoint, i);

      json_builder_begin_object (b);
      add_month (b, p);
      cg_cli_json_add_double (b, "value", p->value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "forecast");
  json_builder_begin_array (b);
  for (guint i = 0; i < forecast->forecast->len; i++)
    {
      const CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, i);

      json_builder_begin_object (b);
      add_month (b, p);
      cg_cli_json_add_double (b, "value", p->value);
      cg_cli_json_add_double (b, "lo80", p->lo80);
      cg_cli_json_add_double (b, "hi80", p->hi80);
      cg_cli_json_add_double (b, "lo95", p->lo95);
      cg_cli_json_add_double (b, "hi95", p->hi95);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "backtest");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "months");
  json_builder_add_int_value (b, forecast->backtest_months);
  cg_cli_json_add_double (b, "mape", forecast->mape);
  json_builder_end_object (b);
  json_builder_end_object (b);
  cg_cli_print_builder (b);
}

static char *
number_text (double   value,
             gboolean rate)
{
  return rate ? g_strdup_printf ("%.3f", value) : g_strdup_printf ("%.0f", value);
}

static void
forecast_text (const CgForecast *forecast)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (4, _("Month"), _("Forecast"),
                                                  /* xgettext:no-c-format */
                                                  _("80 % interval"),
                                                  /* xgettext:no-c-format */
                                                  _("95 % interval"));
  gboolean rate = forecast->metric == CG_FORECAST_CONNECT_RATE;

  g_print (_("Method: %s.\n"), forecast->method == CG_FORECAST_SEASONAL
                                 ? _("trend and month-of-year regression")
                                 : _("damped trend (under 24 months of history)"));
  if (!isnan (forecast->mape))
    g_print (_("Backtest on the last %u months: MAPE %.1f %%.\n"), forecast->backtest_months, forecast->mape);
  for (guint i = 0; i < forecast->forecast->len; i++)
    {
      const CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", p->year, p->month);
      g_autofree char *value = number_text (p->value, rate);
      g_autofree char *lo80 = number_text (p->lo80, rate);
      g_autofree char *hi80 = number_text (p->hi80, rate);
      g_autofree char *lo95 = number_text (p->lo95, rate);
      g_autofree char *hi95 = number_text (p->hi95, rate);
      g_autofree char *i80 = g_strdup_printf ("%s–%s", lo80, hi80);
      g_autofree char *i95 = g_strdup_printf ("%s–%s", lo95, hi95);

      cg_cli_table_add_row (table, month, value, i80, i95);
    }
  cg_cli_table_print (table);
}

gboolean
cg_cli_forecast (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *metric_id = NULL;
  int horizon = 6;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_id, N_("calls, connected, connect_rate, sales or revenue"), N_("METRIC") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Months ahead, 1–12 (default 6)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(CgForecast) forecast = NULL;
  CgForecastMetric metric;
  CgStore *store;

  if (!cg_cli_parse ("forecast", "", _("Monthly forecast with 80 and 95 per cent prediction intervals."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (metric_id == NULL || !cg_forecast_metric_from_string (metric_id, &metric))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--metric is calls, connected, connect_rate, sales or revenue."));
      return FALSE;
    }
  if (horizon < 1 || horizon > CG_FORECAST_MAX_HORIZON)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--horizon is 1 to 12 months, not %d."), horizon);
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      (forecast = cg_forecast_compute (store, metric, horizon, error)) == NULL)
    return FALSE;
  if (json)
    forecast_json (forecast);
  else
    forecast_text (forecast);
  return TRUE;
}
