/* cg-cli-export.c — `export report OUT.xlsx` and `export csv TABLE OUT.csv`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-export-csv.h"
#include "cg-format.h"
#include "cg-report.h"

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_report_json (const CgReportInfo *info,
                   const char         *from,
                   const char         *to,
                   gboolean            raw)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  add_string_or_null (b, "path", info->path);
  add_string_or_null (b, "from", from);
  add_string_or_null (b, "to", to);
  add_string_or_null (b, "language", info->language == CG_REPORT_LANGUAGE_ZH_CN ? "zh_CN" : "en");
  add_string_or_null (b, "scenario", info->scenario);
  json_builder_set_member_name (b, "calls");
  json_builder_add_int_value (b, info->calls);
  json_builder_set_member_name (b, "raw");
  json_builder_add_boolean_value (b, raw);
  json_builder_set_member_name (b, "raw_rows");
  json_builder_add_int_value (b, info->raw_rows);
  json_builder_set_member_name (b, "raw_sheets");
  json_builder_add_int_value (b, info->raw_sheets);
  json_builder_set_member_name (b, "full_numbers");
  json_builder_add_boolean_value (b, info->full_numbers);
  json_builder_set_member_name (b, "sheets");
  json_builder_begin_array (b);
  for (guint i = 0; i < info->sheets->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (info->sheets, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cg_cli_print_json (root);
}

static gboolean
export_report (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *lang = NULL;
  gboolean raw = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), N_("YYYY-MM-DD") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario, N_("Cost-benefit scenario (default: the first stored)"), N_("NAME") },
    { "raw", 0, 0, G_OPTION_ARG_NONE, &raw, N_("Add the raw calls and survey responses"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the workbook: zh_CN or en (default: the app’s)"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgReportOptions options = { 0 };
  g_autoptr(CgReportInfo) info = NULL;
  CgStore *store;

  if (!cg_cli_parse ("export report", "OUT.xlsx",
                     _("The Excel report: summary, connect rate, satisfaction, cost-benefit, compliance."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error_literal (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Usage: export report OUT.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--scenario NAME] [--raw] [--lang zh_CN|en]"));
      return FALSE;
    }
  if (lang != NULL && !cg_report_language_from_string (lang, &options.language))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--lang must be zh_CN or en, not “%s”."), lang);
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      (from != NULL && !cg_cli_parse_day (store, from, FALSE, &options.from_ts, error)) ||
      (to != NULL && !cg_cli_parse_day (store, to, TRUE, &options.to_ts, error)))
    return FALSE;
  options.scenario = scenario;
  options.raw = raw;
  if ((info = cg_report_export (store, argv[1], &options, NULL, NULL, NULL, error)) == NULL)
    return FALSE;

  if (json)
    print_report_json (info, from, to, raw);
  else
    {
      g_autofree char *calls = cg_format_count (info->calls);
      g_autofree char *rows = cg_format_count (info->raw_rows);

      g_print (_("Wrote %s: %u sheets, %s calls in the period.\n"), info->path, info->sheets->len, calls);
      if (raw)
        g_print (_("Raw calls: %s rows on %u sheets, %s.\n"), rows, info->raw_sheets,
                 info->full_numbers ? _("full numbers (keep-full-numbers is on)") : _("numbers masked"));
    }
  return TRUE;
}

static gboolean
export_csv (CgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  CgCliFilterOptions o = { 0 };
  g_autofree char *scenario = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("Slice the connect, funnel or scorecard table"), N_("DIMENSION") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario, N_("Scenario of the cashflow table"), N_("NAME") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  CgExportCsvOptions options = { 0 };
  g_autofree char *tables = g_strjoinv (", ", (char **) cg_export_csv_tables ());
  g_autofree char *summary = g_strdup_printf (_("A figure table as CSV; TABLE is one of %s."), tables);
  CgFilter filter;
  CgStore *store;
  gint64 rows = 0;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("export csv", "TABLE OUT.csv", summary, entries, &argc, &argv, error))
    goto out;
  if (argc != 3)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Usage: export csv TABLE OUT.csv [--by DIMENSION] [--from …] [--to …]; TABLE is one of %s."),
                   tables);
      goto out;
    }
  options.by = CG_N_DIMS;
  if (o.by != NULL && !cg_dimension_from_string (o.by, &options.by))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Unknown dimension “%s”."), o.by);
      goto out;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error))
    goto out;
  options.table = argv[1];
  options.filter = &filter;
  options.scenario = scenario;
  if (!cg_export_csv (store, &options, argv[2], &rows, error))
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      add_string_or_null (b, "table", argv[1]);
      add_string_or_null (b, "by", o.by);
      add_string_or_null (b, "path", argv[2]);
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, rows);
      cg_cli_add_filter_json (b, &o);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cg_cli_print_json (root);
    }
  else
    {
      g_autofree char *count = cg_format_count (rows);
      g_print (_("Wrote %s: %s rows.\n"), argv[2], count);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_export (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  static const CgCliCommand verbs[] = {
    { "report", NULL, export_report },
    { "csv", NULL, export_csv },
  };

  return cg_cli_dispatch (cli, argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("Usage: export report OUT.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--scenario NAME] [--raw] [--lang zh_CN|en] [--json]\n"
                            "       export csv TABLE OUT.csv [--by DIMENSION] [--from …] [--to …] [--line …] [--agent …] [--list …] [--scenario NAME] [--json]"),
                          error);
}
