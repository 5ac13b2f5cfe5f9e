/* cg-cli-purge.c — `purge [--older-than N] [--json]`: retention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-format.h"
#include "cg-purge.h"

static JsonNode *
result_to_json (const CgPurgeResult *result,
                guint                months)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) before = g_date_time_new_from_unix_utc (result->before_ts);
  g_autofree char *before_text = g_date_time_format_iso8601 (before);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "older_than_months");
  json_builder_add_int_value (b, months);
  json_builder_set_member_name (b, "before");
  json_builder_add_string_value (b, before_text);
  json_builder_set_member_name (b, "calls_deleted");
  json_builder_add_int_value (b, result->calls);
  json_builder_set_member_name (b, "survey_responses_anonymized");
  json_builder_add_int_value (b, result->survey_responses);
  json_builder_set_member_name (b, "complaints_anonymized");
  json_builder_add_int_value (b, result->complaints);
  json_builder_set_member_name (b, "backup");
  if (result->backup_path != NULL)
    json_builder_add_string_value (b, result->backup_path);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
cg_cli_purge (CgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  int months = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "older-than", 0, 0, G_OPTION_ARG_INT, &months,
      N_("Delete call details older than N months (default: the retention_months setting)"),
      "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgPurgeResult result = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *calls = NULL;
  CgStore *store;

  if (!cg_cli_parse ("purge", "",
                     _("Delete call details older than N months, keeping the daily and hourly "
                       "sums that trends use. The database is backed up first."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc != 1 || months < 0)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Usage: purge [--older-than N] [--json]"));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if (months == 0)
    months = cg_purge_get_retention_months (store);
  if (months == 0)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Say how many months to keep: purge --older-than N, or set "
                     "retention_months with “settings retention_months N”."));
      return FALSE;
    }
  if (!cg_purge_older_than (store, months, now, &result, error))
    return FALSE;

  if (json)
    {
      g_autoptr(JsonNode) node = result_to_json (&result, months);

      cg_cli_print_json (node);
    }
  else if (result.backup_path == NULL)
    g_print ("%s\n", _("Nothing is older than that; nothing was deleted."));
  else
    {
      g_autofree char *before = cg_cli_format_time (result.before_ts);

      calls = cg_format_count (result.calls);
      /* TRANSLATORS: %s are a count of calls, a date and time, a file path */
      g_print (_("Deleted the details of %s calls before %s; the trends keep their sums. "
                 "Backed up first to %s.\n"),
               calls, before, result.backup_path);
    }
  cg_purge_result_clear (&result);
  return TRUE;
}
