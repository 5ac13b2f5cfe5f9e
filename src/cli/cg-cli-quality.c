/* cg-cli-quality.c — `stats quality|lines|contact`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-format.h"
#include "cg-quality.h"

/* Shares over an empty denominator are null in JSON and "—" in tables,
 * never 0 or NaN. */
static void
add_share_json (JsonBuilder *b,
                const char  *member,
                gint64       part,
                gint64       whole)
{
  json_builder_set_member_name (b, member);
  if (whole > 0)
    json_builder_add_double_value (b, (double) part / whole);
  else
    json_builder_add_null_value (b);
}

static char *
share_text (gint64 part,
            gint64 whole)
{
  if (whole <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", 100.0 * part / whole);
}

/* "12.3 % (10.1–14.8)": the share with its Wilson 95 % interval. */
static char *
interval_text (gint64 part,
               gint64 whole)
{
  CgInterval r;

  if (!cg_stats_wilson (part, whole, CG_STATS_CONFIDENCE, &r))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %% (%.1f–%.1f)", 100 * r.estimate, 100 * r.lower, 100 * r.upper);
}

/* Rate, and the member @ci_member with its interval, null without trials. */
static void
add_rate_json (JsonBuilder *b,
               const char  *member,
               const char  *ci_member,
               gint64       part,
               gint64       whole)
{
  CgInterval r;
  gboolean has = cg_stats_wilson (part, whole, CG_STATS_CONFIDENCE, &r);

  cg_cli_add_interval_json (b, member, ci_member, has ? &r : NULL);
}

static void
add_by_json (JsonBuilder *b,
             CgDimension  by)
{
  json_builder_set_member_name (b, "by");
  json_builder_add_string_value (b, cg_dimension_to_string (by));
}

/* "key" always; the member the rows had before --by (@legacy_member, e.g.
 * "list") too when sliced the old way. */
static void
add_key_json (JsonBuilder *b,
              CgDimension  by,
              CgDimension  legacy_by,
              const char  *legacy_member,
              const char  *key)
{
  if (by == legacy_by)
    {
      json_builder_set_member_name (b, legacy_member);
      json_builder_add_string_value (b, key);
    }
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, key);
}

gboolean
cg_cli_stats_quality (CgCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  CgCliFilterOptions o = { 0 };
  int max_attempts = 3;
  GOptionEntry entries[] = {
    { "max-attempts", 0, 0, G_OPTION_ARG_INT, &max_attempts, N_("Count numbers dialled more than N times (default 3)"), N_("N") },
    CG_CLI_BY_ENTRY (o),
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  CgDimension by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats quality", "", _("Number quality per number list: invalid, duplicate and over-dialled numbers."),
                     entries, &argc, &argv, error))
    goto out;
  if (max_attempts < 1)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--max-attempts must be 1 or more, not %d."), max_attempts);
      goto out;
    }
  if (!cg_cli_parse_by (o.by, CG_DIM_LIST, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_quality_lists (store, by, &filter, max_attempts, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_by_json (b, by);
      cg_cli_add_filter_json (b, &o);
      cg_cli_json_add_int (b, "max_attempts", max_attempts);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        {
          const CgListQuality *row = g_ptr_array_index (rows, i);

          json_builder_begin_object (b);
          add_key_json (b, by, CG_DIM_LIST, "list", row->key);
          cg_cli_json_add_int (b, "calls", row->calls);
          cg_cli_json_add_int (b, "numbers", row->numbers);
          add_share_json (b, "invalid_format_share", row->invalid_format_numbers, row->numbers);
          add_share_json (b, "invalid_number_share", row->invalid_number_calls, row->calls);
          cg_cli_json_add_int (b, "duplicate_numbers", row->duplicate_numbers);
          cg_cli_json_add_int (b, "over_attempted_numbers", row->over_attempted_numbers);
          add_share_json (b, "over_attempted_share", row->over_attempted_numbers, row->numbers);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (rows->len == 0)
    g_print ("%s\n", _("No calls in this period."));
  else
    {
      g_autofree char *over_title = g_strdup_printf (_("Dialled > %d times"), max_attempts);
      g_autoptr(CgCliTable) table = cg_cli_table_new (7, by == CG_DIM_LIST ? _("List") : cg_dimension_to_string (by),
                                                      _("Calls"), _("Numbers"), _("Invalid format"),
                                                      _("Invalid number"), _("On other lists"), over_title);

      for (guint i = 0; i < rows->len; i++)
        {
          const CgListQuality *row = g_ptr_array_index (rows, i);
          g_autofree char *calls = cg_format_count (row->calls);
          g_autofree char *numbers = cg_format_count (row->numbers);
          g_autofree char *invalid_format = share_text (row->invalid_format_numbers, row->numbers);
          g_autofree char *invalid_number = share_text (row->invalid_number_calls, row->calls);
          g_autofree char *duplicates = cg_format_count (row->duplicate_numbers);
          g_autofree char *over_count = cg_format_count (row->over_attempted_numbers);
          g_autofree char *over_share = share_text (row->over_attempted_numbers, row->numbers);
          g_autofree char *over = g_strdup_printf ("%s (%s)", over_count, over_share);

          cg_cli_table_add_row (table, row->key, calls, numbers, invalid_format, invalid_number, duplicates, over);
        }
      cg_cli_table_print (table);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_stats_lines (CgCli   *cli,
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
  CgDimension by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats lines", "", _("Line stability: line failures, short calls and connect rate per line, week by week."),
                     entries, &argc, &argv, error))
    goto out;
  if (!cg_cli_parse_by (o.by, CG_DIM_LINE, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_quality_lines (store, by, &filter, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_by_json (b, by);
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        {
          const CgLineStability *row = g_ptr_array_index (rows, i);

          json_builder_begin_object (b);
          add_key_json (b, by, CG_DIM_LINE, "line", row->key);
          cg_cli_json_add_int (b, "calls", row->calls);
          cg_cli_json_add_int (b, "connected", row->connected);
          cg_cli_json_add_int (b, "line_failures", row->line_failures);
          add_rate_json (b, "line_failure_share", "line_failure_ci95", row->line_failures, row->calls);
          cg_cli_json_add_int (b, "short_calls", row->short_calls);
          add_share_json (b, "short_call_share", row->short_calls, row->connected);
          add_share_json (b, "rate", row->connected, row->calls);
          json_builder_set_member_name (b, "weeks");
          json_builder_begin_array (b);
          for (guint w = 0; w < row->weeks->len; w++)
            {
              const CgLineWeek *week = &g_array_index (row->weeks, CgLineWeek, w);

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "week");
              json_builder_add_string_value (b, week->week);
              cg_cli_json_add_int (b, "calls", week->calls);
              add_share_json (b, "line_failure_share", week->line_failures, week->calls);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (rows->len == 0)
    g_print ("%s\n", _("No calls in this period."));
  else
    {
      const char *key_title = by == CG_DIM_LINE ? _("Line") : cg_dimension_to_string (by);
      g_autoptr(CgCliTable) table = cg_cli_table_new (5, key_title, _("Calls"),
                                                      /* xgettext:no-c-format */
                                                      _("Line failures (95 % CI)"),
                                                      _("Short calls"), _("Connect rate"));
      g_autoptr(CgCliTable) weeks = cg_cli_table_new (4, key_title, _("Week"), _("Calls"), _("Line failures"));

      for (guint i = 0; i < rows->len; i++)
        {
          const CgLineStability *row = g_ptr_array_index (rows, i);
          g_autofree char *calls = cg_format_count (row->calls);
          g_autofree char *failures = interval_text (row->line_failures, row->calls);
          g_autofree char *short_calls = share_text (row->short_calls, row->connected);
          g_autofree char *rate = share_text (row->connected, row->calls);

          cg_cli_table_add_row (table, row->key, calls, failures, short_calls, rate);
          for (guint w = 0; w < row->weeks->len; w++)
            {
              const CgLineWeek *week = &g_array_index (row->weeks, CgLineWeek, w);
              g_autofree char *week_calls = cg_format_count (week->calls);
              g_autofree char *week_share = share_text (week->line_failures, week->calls);

              cg_cli_table_add_row (weeks, row->key, week->week, week_calls, week_share);
            }
        }
      cg_cli_table_print (table);
      g_print ("\n");
      cg_cli_table_print (weeks);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

static const char *const attempt_keys[CG_CONTACT_N_ATTEMPTS] = { "1", "2", "3", "4+" };

/* The figures of one contact row (the total or a slice). */
static void
add_contact_json (JsonBuilder     *b,
                  const CgContact *c)
{
  cg_cli_json_add_int (b, "calls", c->calls);
  cg_cli_json_add_int (b, "calls_without_number", c->calls_without_number);
  cg_cli_json_add_int (b, "numbers", c->numbers);
  cg_cli_json_add_int (b, "numbers_reached", c->numbers_reached);
  add_rate_json (b, "contact_rate", "contact_rate_ci95", c->numbers_reached, c->numbers);
  json_builder_set_member_name (b, "attempts");
  json_builder_begin_array (b);
  for (guint i = 0; i < CG_CONTACT_N_ATTEMPTS; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "attempt");
      json_builder_add_string_value (b, attempt_keys[i]);
      cg_cli_json_add_int (b, "calls", c->attempt_calls[i]);
      cg_cli_json_add_int (b, "connected", c->attempt_connected[i]);
      add_rate_json (b, "rate", "ci95", c->attempt_connected[i], c->attempt_calls[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cg_cli_json_add_int (b, "agent_calls", c->agent_calls);
  cg_cli_json_add_int (b, "agent_hours", c->agent_hours);
  add_share_json (b, "calls_per_agent_hour", c->agent_calls, c->agent_hours);
}

/* One line per slice: contact rate, first against repeat attempts, pace. */
static void
print_contact_slices (GPtrArray  *slices,
                      const char *key_title)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (6, key_title, _("Calls"), _("Contact rate"),
                                                  _("First attempt"), _("Repeat attempts"), _("Calls per hour"));

  for (guint i = 0; i < slices->len; i++)
    {
      const CgContact *row = g_ptr_array_index (slices, i);
      gint64 repeat_calls = 0, repeat_connected = 0;
      g_autofree char *calls = cg_format_count (row->calls);
      g_autofree char *contact = interval_text (row->numbers_reached, row->numbers);
      g_autofree char *first = interval_text (row->attempt_connected[0], row->attempt_calls[0]);
      g_autofree char *repeat = NULL;
      g_autofree char *per_hour = row->agent_hours > 0 ? g_strdup_printf ("%.1f", (double) row->agent_calls / row->agent_hours)
                                                       : g_strdup ("—");

      for (guint a = 1; a < CG_CONTACT_N_ATTEMPTS; a++)
        {
          repeat_calls += row->attempt_calls[a];
          repeat_connected += row->attempt_connected[a];
        }
      repeat = interval_text (repeat_connected, repeat_calls);
      cg_cli_table_add_row (table, row->key, calls, contact, first, repeat, per_hour);
    }
  g_print ("\n");
  cg_cli_table_print (table);
}

gboolean
cg_cli_stats_contact (CgCli   *cli,
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
  g_autoptr(CgContact) c = NULL;
  g_autoptr(GPtrArray) slices = NULL;
  CgDimension by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats contact", "", _("Contact rate per number, connect rate by attempt and calls per agent-hour."),
                     entries, &argc, &argv, error))
    goto out;
  if (!cg_cli_parse_by (o.by, CG_DIM_TOTAL, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (c = cg_quality_contact_sliced (store, &filter, by, by != CG_DIM_TOTAL ? &slices : NULL, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_by_json (b, by);
      cg_cli_add_filter_json (b, &o);
      add_contact_json (b, c);
      json_builder_set_member_name (b, "agents");
      json_builder_begin_array (b);
      for (guint i = 0; i < c->agents->len; i++)
        {
          const CgAgentHours *a = g_ptr_array_index (c->agents, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "agent");
          json_builder_add_string_value (b, a->agent);
          cg_cli_json_add_int (b, "calls", a->calls);
          cg_cli_json_add_int (b, "hours", a->hours);
          add_share_json (b, "calls_per_hour", a->calls, a->hours);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      if (slices != NULL)
        {
          json_builder_set_member_name (b, "rows");
          json_builder_begin_array (b);
          for (guint i = 0; i < slices->len; i++)
            {
              const CgContact *row = g_ptr_array_index (slices, i);

              json_builder_begin_object (b);
              add_key_json (b, by, CG_N_DIMS, NULL, row->key);
              add_contact_json (b, row);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autoptr(CgCliTable) attempts = cg_cli_table_new (4, _("Attempt"), _("Calls"), _("Connected"),
                                                         /* xgettext:no-c-format */
                                                         _("Connect rate (95 % CI)"));
      g_autoptr(CgCliTable) agents = cg_cli_table_new (4, _("Agent"), _("Calls"), _("Agent-hours"), _("Calls per hour"));
      g_autofree char *numbers = cg_format_count (c->numbers);
      g_autofree char *reached = cg_format_count (c->numbers_reached);
      g_autofree char *contact = interval_text (c->numbers_reached, c->numbers);

      g_print (_("Contact rate: %s of %s numbers reached, %s.\n"), reached, numbers, contact);
      if (c->calls_without_number > 0)
        {
          g_autofree char *without = cg_format_count (c->calls_without_number);
          g_print (_("%s calls without a phone number are left out of the per-number figures.\n"), without);
        }
      g_print ("\n");
      for (guint i = 0; i < CG_CONTACT_N_ATTEMPTS; i++)
        {
          g_autofree char *calls = cg_format_count (c->attempt_calls[i]);
          g_autofree char *connected = cg_format_count (c->attempt_connected[i]);
          g_autofree char *rate = interval_text (c->attempt_connected[i], c->attempt_calls[i]);

          cg_cli_table_add_row (attempts, attempt_keys[i], calls, connected, rate);
        }
      cg_cli_table_print (attempts);
      g_print ("\n");
      for (guint i = 0; i <= c->agents->len; i++)
        {
          const CgAgentHours *a = i < c->agents->len ? g_ptr_array_index (c->agents, i) : NULL;
          gint64 calls = a ? a->calls : c->agent_calls;
          gint64 hours = a ? a->hours : c->agent_hours;
          g_autofree char *calls_text = cg_format_count (calls);
          g_autofree char *hours_text = cg_format_count (hours);
          g_autofree char *per_hour = hours > 0 ? g_strdup_printf ("%.1f", (double) calls / hours) : g_strdup ("—");

          cg_cli_table_add_row (agents, a ? a->agent : _("Total"), calls_text, hours_text, per_hour);
        }
      cg_cli_table_print (agents);
      if (slices != NULL)
        print_contact_slices (slices, cg_dimension_to_string (by));
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}
