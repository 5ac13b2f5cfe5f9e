/* cg-cli-scenario.c — `scenario new|list|show|delete|import|export`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-actuals.h"
#include "cg-cli.h"
#include "cg-forecast.h"
#include "cg-scenario-store.h"

/* "2026-09-30" → the start of that day in the business time zone. */
gboolean
cg_cli_parse_day (CgStore     *store,
                  const char  *text,
                  gboolean     end_of_day,
                  gint64      *ts,
                  GError     **error)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy (d, m, y) ||
      (day = g_date_time_new (tz, y, m, d, 0, 0, 0)) == NULL)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("“%s” is not a date like 2026-09-30."), text ? text : "");
      return FALSE;
    }
  if (end_of_day)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
      *ts = g_date_time_to_unix (next);
    }
  else
    *ts = g_date_time_to_unix (day);
  return TRUE;
}

static gboolean
scenario_new (CgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  gboolean from_data = FALSE;
  gboolean forecast_growth = FALSE;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *start = NULL;
  int horizon = 36;
  double rate = 0.08;
  GOptionEntry entries[] = {
    { "from-data", 0, 0, G_OPTION_ARG_NONE, &from_data, N_("Fill telecom cost, calls, connect rate, conversion and sale amount from the calls"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the data period (default: 90 days before the last call)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the data period (default: the day of the last call)"), N_("YYYY-MM-DD") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Month 0 of the cash flows (default: this month)"), N_("YYYY-MM") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Months to look ahead (default 36)"), N_("N") },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, N_("Annual discount rate (default 0.08)"), N_("R") },
    { "forecast-growth", 0, 0, G_OPTION_ARG_NONE, &forecast_growth, N_("Add the revenue growth the 12-month revenue forecast expects (marked as a forecast)"), NULL },
    { NULL }
  };
  g_autoptr(CgScenario) scenario = NULL;
  CgStore *store;

  if (!cg_cli_parse ("scenario new", _("NAME"), _("Create a cost-benefit scenario."), entries, &argc, &argv, error))
    return FALSE;
  if (argc != 2 || argv[1][0] == '\0')
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("scenario new needs one NAME."));
      return FALSE;
    }
  if (horizon < 1 || horizon > 600 || rate <= -1 || rate > 10)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--horizon must be 1–600 months and --rate a yearly rate such as 0.08."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;

  if (from_data)
    {
      g_autoptr(CgActuals) actuals = NULL;
      gint64 from_ts, to_ts;

      if (!cg_cli_data_period (store, from, to, &from_ts, &to_ts, error) ||
          (actuals = cg_actuals_compute (store, from_ts, to_ts, error)) == NULL)
        return FALSE;
      scenario = cg_actuals_make_scenario (actuals, argv[1]);
    }
  else
    scenario = cg_scenario_new (argv[1]);

  if (start != NULL)
    {
      int y, m;
      if (sscanf (start, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12 || y < 2000 || y > 2200)
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("“%s” is not a month like 2026-01."), start);
          return FALSE;
        }
      scenario->start_year = y;
      scenario->start_month = m;
    }
  scenario->horizon_months = horizon;
  scenario->discount_rate = rate;
  if (forecast_growth)
    {
      g_autoptr(CgForecast) revenue = cg_forecast_compute (store, CG_FORECAST_REVENUE, CG_FORECAST_MAX_HORIZON, error);

      if (revenue == NULL)
        return FALSE;
      if (cg_forecast_add_to_scenario (revenue, scenario) == NULL)
        g_print ("%s\n", _("The revenue forecast does not grow: no growth benefit added."));
    }
  if (!cg_store_save_scenario (store, scenario, FALSE, error))
    return FALSE;
  g_print (_("Created scenario “%s”. Edit it with “scenario export”, then “scenario import --replace”.\n"), argv[1]);
  return TRUE;
}

static gboolean
scenario_list (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) names = NULL;
  CgStore *store;

  if (!cg_cli_parse ("scenario list", "", _("List cost-benefit scenarios."), entries, &argc, &argv, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      (names = cg_store_list_scenarios (store, error)) == NULL)
    return FALSE;
  cg_cli_print_names ("scenarios", (const char * const *) names, json,
                      _("No scenarios yet. Create one with “scenario new NAME --from-data”."));
  return TRUE;
}

/* show, export and delete take one NAME; export an optional FILE. */
static gboolean
scenario_named (CgCli       *cli,
                const char  *verb,
                int          argc,
                char       **argv,
                GError     **error)
{
  g_autoptr(CgScenario) scenario = NULL;
  g_autofree char *json = NULL;
  CgStore *store;
  g_autofree char *command = g_strconcat ("scenario ", verb, NULL);

  if (!cg_cli_parse (command, g_str_equal (verb, "export") ? _("NAME [FILE]") : _("NAME"),
                     NULL, NULL, &argc, &argv, error))
    return FALSE;
  if (argc < 2 || argc > (g_str_equal (verb, "export") ? 3 : 2))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("scenario %s needs a scenario NAME."), verb);
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if (g_str_equal (verb, "delete"))
    {
      if (!cg_store_delete_scenario (store, argv[1], error))
        return FALSE;
      g_print (_("Deleted scenario “%s”.\n"), argv[1]);
      return TRUE;
    }
  if ((scenario = cg_store_load_scenario (store, argv[1], error)) == NULL)
    return FALSE;
  json = cg_scenario_to_data (scenario);
  if (argc == 3)
    return g_file_set_contents (argv[2], json, -1, error);
  fputs (json, stdout);
  fputc ('\n', stdout);
  return TRUE;
}

static gboolean
scenario_import (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace a scenario of the same name"), NULL },
    { NULL }
  };
  g_autofree char *json = NULL;
  g_autoptr(CgScenario) scenario = NULL;
  CgStore *store;

  if (!cg_cli_parse ("scenario import", _("FILE.json"), _("Read a scenario from a JSON file."), entries, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("scenario import needs one FILE.json."));
      return FALSE;
    }
  if (!g_file_get_contents (argv[1], &json, NULL, error) ||
      (scenario = cg_scenario_from_data (json, error)) == NULL ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_store_save_scenario (store, scenario, replace, error))
    return FALSE;
  g_print (_("Imported scenario “%s”.\n"), scenario->name);
  return TRUE;
}

static gboolean
scenario_show (CgCli *cli, int argc, char **argv, GError **error)
{
  return scenario_named (cli, "show", argc, argv, error);
}

static gboolean
scenario_export (CgCli *cli, int argc, char **argv, GError **error)
{
  return scenario_named (cli, "export", argc, argv, error);
}

static gboolean
scenario_delete (CgCli *cli, int argc, char **argv, GError **error)
{
  return scenario_named (cli, "delete", argc, argv, error);
}

gboolean
cg_cli_scenario (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  static const CgCliCommand verbs[] = {
    { "new", NULL, scenario_new },
    { "list", NULL, scenario_list },
    { "show", NULL, scenario_show },
    { "export", NULL, scenario_export },
    { "import", NULL, scenario_import },
    { "delete", NULL, scenario_delete },
  };

  return cg_cli_dispatch (cli, argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("Use: scenario new|list|show|delete|import|export …"), error);
}
