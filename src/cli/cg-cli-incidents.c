/* cg-cli-incidents.c — `incidents` and `stats call-quality`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-call-quality.h"
#include "cg-cli.h"
#include "cg-format.h"
#include "cg-incidents.h"

static char *
percent_text (double share)
{
  return isnan (share) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", 100 * share);
}

static void
incidents_json (const CgIncidentReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "incidents");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (report->incidents, i);

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "line", incident->line);
      cg_cli_json_add_string (b, "kind", cg_incident_kind_to_string (incident->kind));
      cg_cli_json_add_string (b, "start", incident->start);
      cg_cli_json_add_string (b, "end", incident->end);
      cg_cli_json_add_int (b, "calls", incident->calls);
      cg_cli_json_add_double (b, "observed_rate", incident->observed_rate);
      cg_cli_json_add_double (b, "expected_rate", incident->expected_rate);
      cg_cli_json_add_double (b, "lost_connects", incident->lost_connects);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "by_line");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->totals->len; i++)
    {
      const CgIncidentTotal *total = g_ptr_array_index (report->totals, i);

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "line", total->line);
      cg_cli_json_add_string (b, "month", total->month);
      cg_cli_json_add_int (b, "incidents", total->incidents);
      cg_cli_json_add_int (b, "hours", total->hours);
      cg_cli_json_add_double (b, "lost_connects", total->lost_connects);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  cg_cli_print_builder (b);
}

static void
incidents_table (const CgIncidentReport *report)
{
  g_autoptr(CgCliTable) table = NULL;

  if (report->incidents->len == 0)
    {
      g_print ("%s\n", _("No incidents in this period."));
      return;
    }
  table = cg_cli_table_new (7, _("Line"), _("Kind"), _("Start"), _("End"), _("Calls"),
                            _("Observed / expected"), _("Connects lost"));
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (report->incidents, i);
      g_autofree char *calls = cg_format_count (incident->calls);
      g_autofree char *observed = percent_text (incident->observed_rate);
      g_autofree char *expected = percent_text (incident->expected_rate);
      g_autofree char *rates = g_strdup_printf ("%s / %s", observed, expected);
      g_autofree char *lost = g_strdup_printf ("%.0f", incident->lost_connects);

      cg_cli_table_add_row (table, incident->line, cg_incident_kind_get_label (incident->kind),
                            incident->start, incident->end, calls, rates, lost);
    }
  cg_cli_table_print (table);
}

gboolean
cg_cli_incidents (CgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    { "line", 0, 0, G_OPTION_ARG_STRING, &o.line, N_("Only this line"), N_("LINE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Last day"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(CgIncidentReport) report = NULL;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("incidents", "",
                     _("Hours in which a line failed, stopped connecting or fell silent, against its own normal."),
                     entries, &argc, &argv, error))
    goto out;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (report = cg_incidents_detect (store, &filter, error)) == NULL)
    goto out;
  if (o.json)
    incidents_json (report);
  else
    incidents_table (report);
  ok = TRUE;
out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

static void
call_quality_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "key", row->key);
      cg_cli_json_add_int (b, "connected", row->connected);
      cg_cli_json_add_int (b, "with_mos", row->with_mos);
      cg_cli_json_add_double (b, "mos_mean", row->mos_mean);
      cg_cli_json_add_double (b, "low_mos_share", row->low_mos_share);
      cg_cli_json_add_double (b, "packet_loss_mean", row->packet_loss_mean);
      cg_cli_json_add_double (b, "jitter_mean", row->jitter_mean);
      cg_cli_json_add_double (b, "recording_coverage", row->recording_coverage);
      cg_cli_json_add_double (b, "short_call_share", row->short_call_share);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  cg_cli_print_builder (b);
}

static void
call_quality_table (GPtrArray *rows)
{
  g_autoptr(CgCliTable) table = NULL;

  if (rows->len == 0)
    {
      g_print ("%s\n", _("No calls in this period."));
      return;
    }
  table = cg_cli_table_new (8, _("Key"), _("Connected"), _("With MOS"), _("Mean MOS"), _("MOS < 3.5"),
                            _("Loss / jitter"), _("Recorded"), _("Short calls"));
  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *row = g_ptr_array_index (rows, i);
      g_autofree char *connected = cg_format_count (row->connected);
      g_autofree char *with_mos = cg_format_count (row->with_mos);
      g_autofree char *mos = isnan (row->mos_mean) ? g_strdup ("—") : g_strdup_printf ("%.2f", row->mos_mean);
      g_autofree char *low = percent_text (row->low_mos_share);
      g_autofree char *loss = isnan (row->packet_loss_mean) ? g_strdup ("—")
                              : g_strdup_printf ("%.2f %%", row->packet_loss_mean);
      g_autofree char *jitter = isnan (row->jitter_mean) ? g_strdup ("—")
                                : g_strdup_printf ("%.0f ms", row->jitter_mean);
      g_autofree char *network = g_strdup_printf ("%s / %s", loss, jitter);
      g_autofree char *recorded = percent_text (row->recording_coverage);
      g_autofree char *short_calls = percent_text (row->short_call_share);

      cg_cli_table_add_row (table, row->key, connected, with_mos, mos, low, network, recorded, short_calls);
    }
  cg_cli_table_print (table);
}

gboolean
cg_cli_stats_call_quality (CgCli   *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("line, agent, list or month (default line)"), N_("DIMENSION") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  CgDimension by = CG_DIM_LINE;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats call-quality", "",
                     _("Voice quality (MOS, packet loss, jitter), recording coverage and short calls."),
                     entries, &argc, &argv, error))
    goto out;
  if (o.by != NULL && (!cg_dimension_from_string (o.by, &by) ||
                       (by != CG_DIM_LINE && by != CG_DIM_AGENT && by != CG_DIM_LIST && by != CG_DIM_MONTH)))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--by is line, agent, list or month, not “%s”."), o.by);
      goto out;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_call_quality (store, by, &filter, error)) == NULL)
    goto out;
  if (o.json)
    call_quality_json (rows);
  else
    call_quality_table (rows);
  ok = TRUE;
out:
  cg_cli_filter_options_clear (&o);
  return ok;
}
