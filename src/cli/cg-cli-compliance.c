/* cg-cli-compliance.c — `stats funnel`, `compliance` and `compliance import-dnc`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-compliance.h"
#include "cg-format.h"
#include "cg-funnel.h"

/* Offending calls shown per kind without --json, which lists them all (up
 * to CG_COMPLIANCE_MAX_LISTED). */
#define SHOWN_CALLS 20

/* ---- stats funnel ----------------------------------------------------------- */

static void
add_funnel_row_json (JsonBuilder       *b,
                     const CgFunnelRow *row)
{
  double average;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, row->key);
  json_builder_set_member_name (b, "dialled");
  json_builder_add_int_value (b, row->dialled);
  json_builder_set_member_name (b, "connected");
  json_builder_add_int_value (b, row->connected);
  json_builder_set_member_name (b, "interested");
  json_builder_add_int_value (b, row->interested);
  json_builder_set_member_name (b, "sales");
  json_builder_add_int_value (b, row->sales);
  for (CgFunnelRate r = 0; r < CG_FUNNEL_N_RATES; r++)
    {
      g_autofree char *ci_name = g_strconcat (cg_funnel_rate_to_string (r), "_ci95", NULL);
      CgInterval rate;
      gboolean has_rate = cg_funnel_row_rate (row, r, &rate);

      cg_cli_add_interval_json (b, cg_funnel_rate_to_string (r), ci_name, has_rate ? &rate : NULL);
    }
  json_builder_set_member_name (b, "new_customers");
  json_builder_add_int_value (b, row->new_customers);
  json_builder_set_member_name (b, "revenue");
  json_builder_add_double_value (b, row->revenue_cny);
  json_builder_set_member_name (b, "average_sale");
  if (cg_funnel_row_average_sale (row, &average))
    json_builder_add_double_value (b, average);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static char *
funnel_rate_text (const CgFunnelRow *row,
                  CgFunnelRate       r)
{
  CgInterval rate;

  if (!cg_funnel_row_rate (row, r, &rate))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %% (%.1f–%.1f)", 100 * rate.estimate, 100 * rate.lower, 100 * rate.upper);
}

gboolean
cg_cli_stats_funnel (CgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    CG_CLI_BY_ENTRY (o),
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  CgDimension by = CG_DIM_TOTAL;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats funnel", "",
                     /* xgettext:no-c-format */
                     _("Sales funnel: dialled, connected, interested (interested, callback or sale), sale; conversion between stages with 95 % intervals."),
                     entries, &argc, &argv, error))
    goto out;
  if (!cg_cli_parse_by (o.by, CG_DIM_TOTAL, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_funnel_compute (store, by, &filter, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "by");
      json_builder_add_string_value (b, cg_dimension_to_string (by));
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        add_funnel_row_json (b, g_ptr_array_index (rows, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autoptr(CgCliTable) table = cg_cli_table_new (12, cg_dimension_to_string (by), _("Dialled"), _("Connected"),
                                                      _("Interested"), _("Sales"), _("Connect rate"),
                                                      _("Interest rate"), _("Close rate"), _("Conversion"),
                                                      _("New customers"), _("Revenue"), _("Average sale"));

      for (guint i = 0; i < rows->len; i++)
        {
          const CgFunnelRow *row = g_ptr_array_index (rows, i);
          g_autofree char *dialled = cg_format_count (row->dialled);
          g_autofree char *connected = cg_format_count (row->connected);
          g_autofree char *interested = cg_format_count (row->interested);
          g_autofree char *sales = cg_format_count (row->sales);
          g_autofree char *connect = funnel_rate_text (row, CG_FUNNEL_CONNECT);
          g_autofree char *interest = funnel_rate_text (row, CG_FUNNEL_INTEREST);
          g_autofree char *close = funnel_rate_text (row, CG_FUNNEL_CLOSE);
          g_autofree char *conversion = funnel_rate_text (row, CG_FUNNEL_CONVERSION);
          g_autofree char *customers = cg_format_count (row->new_customers);
          g_autofree char *revenue = g_strdup_printf ("%.2f", row->revenue_cny);
          double average;
          g_autofree char *average_text = cg_funnel_row_average_sale (row, &average)
                                          ? g_strdup_printf ("%.2f", average) : g_strdup ("—");

          cg_cli_table_add_row (table, row->key, dialled, connected, interested, sales, connect, interest,
                                close, conversion, customers, revenue, average_text);
        }
      cg_cli_table_print (table);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

/* ---- compliance -------------------------------------------------------------- */

/* ISO 8601 with the business zone's offset: 2026-03-02T08:59:00+08:00. */
static char *
format_local (GTimeZone *tz,
              gint64     ts)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ts);
  g_autoptr(GDateTime) dt = utc ? g_date_time_to_timezone (utc, tz) : NULL;

  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") : g_strdup_printf ("%" G_GINT64_FORMAT, ts);
}

static void
add_calls_json (JsonBuilder     *b,
                GTimeZone       *tz,
                const CgFinding *finding)
{
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, finding->count);
  json_builder_set_member_name (b, "calls");
  json_builder_begin_array (b);
  for (guint i = 0; i < finding->calls->len; i++)
    {
      const CgComplianceCall *c = g_ptr_array_index (finding->calls, i);
      g_autofree char *start = format_local (tz, c->start_ts);

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "start", start);
      cg_cli_json_add_string (b, "phone_masked", c->phone_masked);
      cg_cli_json_add_string (b, "agent", c->agent_id);
      cg_cli_json_add_string (b, "line", c->line);
      cg_cli_json_add_string (b, "list", c->list);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_complaints_json (JsonBuilder *b,
                     const char  *member,
                     GPtrArray   *counts)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < counts->len; i++)
    {
      const CgComplaintCount *c = g_ptr_array_index (counts, i);
      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "key", c->key);
      json_builder_set_member_name (b, "complaints");
      json_builder_add_int_value (b, c->complaints);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_calls (GTimeZone       *tz,
             const char      *title,
             const CgFinding *finding)
{
  g_autofree char *count = cg_format_count (finding->count);
  g_autoptr(CgCliTable) table = NULL;

  g_print ("%s: %s\n", title, count);
  if (finding->count == 0)
    return;
  table = cg_cli_table_new (5, _("Start"), _("Number"), _("Agent"), _("Line"), _("List"));
  for (guint i = 0; i < MIN (finding->calls->len, SHOWN_CALLS); i++)
    {
      const CgComplianceCall *c = g_ptr_array_index (finding->calls, i);
      g_autofree char *start = format_local (tz, c->start_ts);

      cg_cli_table_add_row (table, start, c->phone_masked ? c->phone_masked : "",
                            c->agent_id ? c->agent_id : "", c->line ? c->line : "", c->list ? c->list : "");
    }
  cg_cli_table_print (table);
  if (finding->count > SHOWN_CALLS)
    g_print (_("(the first %d; --json lists up to %d)\n"), SHOWN_CALLS, CG_COMPLIANCE_MAX_LISTED);
  g_print ("\n");
}

static void
print_complaints (const char *title,
                  GPtrArray  *counts)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (2, title, _("Complaints"));

  for (guint i = 0; i < counts->len; i++)
    {
      const CgComplaintCount *c = g_ptr_array_index (counts, i);
      g_autofree char *n = cg_format_count (c->complaints);
      cg_cli_table_add_row (table, c->key, n);
    }
  cg_cli_table_print (table);
}

static gboolean
compliance_audit (CgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(CgComplianceReport) r = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *cap = NULL;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("compliance", _("[import-dnc FILE]"),
                     _("Calls outside calling hours, to do-not-call numbers, over the attempt cap, and complaints. Settings: calling_hours, attempt_cap."),
                     entries, &argc, &argv, error))
    goto out;
  if (argc > 1)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Use: compliance [--from …] [--json] | compliance import-dnc FILE"));
      goto out;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (r = cg_compliance_audit (store, &filter, error)) == NULL)
    goto out;
  tz = cg_store_get_time_zone (store);
  hours = cg_calling_hours_to_string (&r->hours);
  cap = g_strdup_printf ("%u/%u", r->cap.max_attempts, r->cap.days);

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "settings");
      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "calling_hours", hours);
      cg_cli_json_add_string (b, "attempt_cap", cap);
      json_builder_set_member_name (b, "max_attempts");
      json_builder_add_int_value (b, r->cap.max_attempts);
      json_builder_set_member_name (b, "window_days");
      json_builder_add_int_value (b, r->cap.days);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "outside_hours");
      json_builder_begin_object (b);
      add_calls_json (b, tz, &r->outside_hours);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "dnc");
      json_builder_begin_object (b);
      add_calls_json (b, tz, &r->dnc);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "attempt_cap");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "numbers");
      json_builder_add_int_value (b, r->cap_numbers);
      add_calls_json (b, tz, &r->attempt_cap);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "complaints");
      json_builder_begin_object (b);
      add_complaints_json (b, "by_agent", r->complaints_by_agent);
      add_complaints_json (b, "by_list", r->complaints_by_list);
      add_complaints_json (b, "by_month", r->complaints_by_month);
      json_builder_end_object (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autofree char *numbers = cg_format_count (r->cap_numbers);

      g_print (_("Calling hours: %s. Attempt cap: %u attempts per number within %u days.\n\n"),
               hours, r->cap.max_attempts, r->cap.days);
      print_calls (tz, _("Calls outside calling hours"), &r->outside_hours);
      print_calls (tz, _("Calls to do-not-call numbers"), &r->dnc);
      g_print (_("Numbers over the attempt cap: %s\n"), numbers);
      print_calls (tz, _("Attempts over the cap"), &r->attempt_cap);
      if (r->complaints_by_agent->len == 0)
        g_print ("%s\n", _("No complaints."));
      else
        {
          print_complaints (_("Agent"), r->complaints_by_agent);
          g_print ("\n");
          print_complaints (_("List"), r->complaints_by_list);
          g_print ("\n");
          print_complaints (_("Month"), r->complaints_by_month);
        }
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

static gboolean
compliance_import_dnc (CgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("CSV encoding (default: detect)"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Workbook sheet (default: the first)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgReaderOptions options = { CG_FILE_FORMAT_AUTO, NULL, NULL };
  CgDncImportResult result;
  CgStore *store;

  if (!cg_cli_parse ("compliance import-dnc", _("FILE"),
                     _("Import a do-not-call list (CSV, XLSX or XLS) with a column 号码, 手机号, 电话 or phone and optionally 加入日期 or date."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Name one file: compliance import-dnc FILE"));
      return FALSE;
    }
  options.encoding = encoding;
  options.sheet = sheet;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_compliance_import_dnc (store, argv[1], &options, &result, error))
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "file", argv[1]);
      json_builder_set_member_name (b, "batch_id");
      json_builder_add_int_value (b, result.batch_id);
      json_builder_set_member_name (b, "rows_read");
      json_builder_add_int_value (b, result.rows_read);
      json_builder_set_member_name (b, "rows_imported");
      json_builder_add_int_value (b, result.rows_imported);
      json_builder_set_member_name (b, "rows_skipped");
      json_builder_add_int_value (b, result.rows_skipped);
      json_builder_set_member_name (b, "duplicates");
      json_builder_add_int_value (b, result.duplicates);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autofree char *imported = cg_format_count (result.rows_imported);
      g_autofree char *read = cg_format_count (result.rows_read);
      g_autofree char *skipped = cg_format_count (result.rows_skipped);
      g_autofree char *duplicates = cg_format_count (result.duplicates);
      g_autofree char *batch = g_strdup_printf ("%" G_GINT64_FORMAT, result.batch_id);

      g_print (_("Imported %s do-not-call numbers as batch %s (%s rows read, %s without a usable number, %s listed twice).\n"),
               imported, batch, read, skipped, duplicates);
      g_print (_("Undo with: callgauge-cli batch-delete %s\n"), batch);
    }
  return TRUE;
}

gboolean
cg_cli_compliance (CgCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  if (argc >= 2 && g_str_equal (argv[1], "import-dnc"))
    return compliance_import_dnc (cli, argc - 1, argv + 1, error);
  return compliance_audit (cli, argc, argv, error);
}
