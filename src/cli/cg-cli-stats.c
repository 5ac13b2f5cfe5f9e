/* cg-cli-stats.c — `stats connect|outcomes`, `compare`, `best-times`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-analytics.h"
#include "cg-call.h"
#include "cg-cli.h"
#include "cg-format.h"

/* A connect-rate row; rate, interval and ACD are null for an empty slice
 * (never 0 or NaN). */
static void
add_row_json (JsonBuilder        *b,
              const CgConnectRow *row,
              gboolean            with_key)
{
  CgInterval rate;
  gboolean has_rate = cg_connect_row_rate (row, &rate);

  json_builder_begin_object (b);
  if (with_key)
    {
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, row->key);
    }
  json_builder_set_member_name (b, "calls");
  json_builder_add_int_value (b, row->calls);
  json_builder_set_member_name (b, "connected");
  json_builder_add_int_value (b, row->connected);
  cg_cli_add_interval_json (b, "rate", "ci95", has_rate ? &rate : NULL);
  json_builder_set_member_name (b, "talk_seconds");
  json_builder_add_int_value (b, row->talk_seconds);
  json_builder_set_member_name (b, "acd_seconds");
  if (row->connected > 0)
    json_builder_add_double_value (b, (double) row->talk_seconds / row->connected);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "short_calls");
  json_builder_add_int_value (b, row->short_calls);
  json_builder_end_object (b);
}

static char *
rate_text (const CgConnectRow *row)
{
  CgInterval r;

  if (!cg_connect_row_rate (row, &r))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %% (%.1f–%.1f)", 100 * r.estimate, 100 * r.lower, 100 * r.upper);
}

static void
print_rows (GPtrArray          *rows,
            const CgConnectRow *total,
            const char         *key_title)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (5, key_title, _("Calls"), _("Connected"),
                                                  /* xgettext:no-c-format */
                                                  _("Connect rate (95 % CI)"), _("ACD (s)"));

  for (guint i = 0; i <= rows->len; i++)
    {
      const CgConnectRow *row = i < rows->len ? g_ptr_array_index (rows, i) : total;
      g_autofree char *calls = cg_format_count (row->calls);
      g_autofree char *connected = cg_format_count (row->connected);
      g_autofree char *rate = rate_text (row);
      g_autofree char *acd = row->connected > 0 ? g_strdup_printf ("%.0f", (double) row->talk_seconds / row->connected)
                                                : g_strdup ("—");

      cg_cli_table_add_row (table, i < rows->len ? row->key : _("Total"), calls, connected, rate, acd);
    }
  cg_cli_table_print (table);
}

/* Outcomes slice by slice: "slices": [{key, calls, outcomes: [{outcome,
 * calls, share}]}], shares of the slice's calls, outcomes without calls
 * left out. */
static void
add_outcome_slices_json (JsonBuilder *b,
                         GPtrArray   *slices)
{
  json_builder_set_member_name (b, "slices");
  json_builder_begin_array (b);
  for (guint i = 0; i < slices->len; i++)
    {
      const CgOutcomeRow *slice = g_ptr_array_index (slices, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, slice->key);
      json_builder_set_member_name (b, "calls");
      json_builder_add_int_value (b, slice->calls);
      json_builder_set_member_name (b, "outcomes");
      json_builder_begin_array (b);
      for (CgOutcome o = 0; o < CG_N_OUTCOMES; o++)
        {
          if (slice->outcome_calls[o] == 0)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "outcome");
          json_builder_add_string_value (b, cg_outcome_to_string (o));
          json_builder_set_member_name (b, "calls");
          json_builder_add_int_value (b, slice->outcome_calls[o]);
          json_builder_set_member_name (b, "share");
          json_builder_add_double_value (b, (double) slice->outcome_calls[o] / slice->calls);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_outcome_slices (GPtrArray  *slices,
                      const char *key_title)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (4, key_title, _("Outcome"), _("Calls"), _("Share"));

  for (guint i = 0; i < slices->len; i++)
    {
      const CgOutcomeRow *slice = g_ptr_array_index (slices, i);

      for (CgOutcome o = 0; o < CG_N_OUTCOMES; o++)
        {
          g_autofree char *calls = NULL;
          g_autofree char *share = NULL;

          if (slice->outcome_calls[o] == 0)
            continue;
          calls = cg_format_count (slice->outcome_calls[o]);
          share = g_strdup_printf ("%.1f %%", 100.0 * slice->outcome_calls[o] / slice->calls);
          cg_cli_table_add_row (table, slice->key, cg_outcome_get_label (o), calls, share);
        }
    }
  g_print ("\n");
  cg_cli_table_print (table);
}

static gboolean
stats_connect (CgCli   *cli,
               int      argc,
               char   **argv,
               gboolean outcomes,
               GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    CG_CLI_BY_ENTRY (o),
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) slices = NULL;  /* stats outcomes --by another slice */
  CgDimension by, slice_by = CG_DIM_OUTCOME;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse (outcomes ? "stats outcomes" : "stats connect", "",
                     outcomes ? _("Why calls did not connect: calls per outcome.")
                              /* xgettext:no-c-format */
                              : _("Connect rate by slice, with 95 % intervals."),
                     entries, &argc, &argv, error))
    goto out;
  if ((outcomes && !cg_cli_parse_by (o.by, CG_DIM_OUTCOME, &slice_by, error)) ||
      !cg_cli_parse_by (outcomes ? "outcome" : o.by, CG_DIM_TOTAL, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_analytics_connect (store, by, &filter, error)) == NULL ||
      (totals = cg_analytics_connect (store, CG_DIM_TOTAL, &filter, error)) == NULL)
    goto out;
  if (slice_by != CG_DIM_OUTCOME && slice_by != CG_DIM_TOTAL &&
      (slices = cg_analytics_outcomes (store, slice_by, &filter, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      const CgConnectRow *total = g_ptr_array_index (totals, 0);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "by");
      json_builder_add_string_value (b, cg_dimension_to_string (outcomes ? slice_by : by));
      cg_cli_add_filter_json (b, &o);
      if (slices != NULL)
        add_outcome_slices_json (b, slices);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        {
          const CgConnectRow *row = g_ptr_array_index (rows, i);
          if (!outcomes)
            add_row_json (b, row, TRUE);
          else
            {
              /* Share of all attempts, and of those that did not connect. */
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "outcome");
              json_builder_add_string_value (b, row->key);
              json_builder_set_member_name (b, "calls");
              json_builder_add_int_value (b, row->calls);
              json_builder_set_member_name (b, "share");
              json_builder_add_double_value (b, (double) row->calls / total->calls);
              json_builder_set_member_name (b, "share_of_not_connected");
              if (g_str_equal (row->key, "connected") || total->calls == total->connected)
                json_builder_add_null_value (b);
              else
                json_builder_add_double_value (b, (double) row->calls / (total->calls - total->connected));
              json_builder_end_object (b);
            }
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "total");
      add_row_json (b, total, FALSE);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (outcomes)
    {
      const CgConnectRow *total = g_ptr_array_index (totals, 0);
      g_autoptr(CgCliTable) table = cg_cli_table_new (3, _("Outcome"), _("Calls"), _("Share"));

      for (guint i = 0; i < rows->len; i++)
        {
          const CgConnectRow *row = g_ptr_array_index (rows, i);
          CgOutcome outcome = CG_OUTCOME_OTHER;
          g_autofree char *calls = cg_format_count (row->calls);
          g_autofree char *share = g_strdup_printf ("%.1f %%", 100.0 * row->calls / total->calls);

          cg_outcome_from_string (row->key, &outcome);
          cg_cli_table_add_row (table, cg_outcome_get_label (outcome), calls, share);
        }
      cg_cli_table_print (table);
      if (slices != NULL)
        print_outcome_slices (slices, cg_dimension_to_string (slice_by));
    }
  else
    print_rows (rows, g_ptr_array_index (totals, 0), cg_dimension_to_string (by));
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

static gboolean
stats_connect_rate (CgCli *cli, int argc, char **argv, GError **error)
{
  return stats_connect (cli, argc, argv, FALSE, error);
}

static gboolean
stats_outcomes (CgCli *cli, int argc, char **argv, GError **error)
{
  return stats_connect (cli, argc, argv, TRUE, error);
}

gboolean
cg_cli_stats (CgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  static const CgCliCommand verbs[] = {
    { "connect", NULL, stats_connect_rate },
    { "outcomes", NULL, stats_outcomes },
    { "funnel", NULL, cg_cli_stats_funnel },
    { "quality", NULL, cg_cli_stats_quality },
    { "lines", NULL, cg_cli_stats_lines },
    { "contact", NULL, cg_cli_stats_contact },
    { "satisfaction", NULL, cg_cli_stats_satisfaction },
    { "reliability", NULL, cg_cli_stats_reliability },
    { "satisfaction-link", NULL, cg_cli_stats_satisfaction_link },
    { "complaints", NULL, cg_cli_stats_complaints },
    { "call-quality", NULL, cg_cli_stats_call_quality },
    { "themes", NULL, cg_cli_stats_themes },
  };

  return cg_cli_dispatch (cli, argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("Use: stats connect|outcomes|quality|lines|contact|funnel|call-quality|satisfaction|reliability|satisfaction-link|complaints|themes [OPTIONS…] (see “stats VERB --help”)"), error);
}

gboolean
cg_cli_compare (CgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("What the groups are: line, list, agent, hour, weekday, month …"), N_("DIMENSION") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(CgComparison) c = NULL;
  CgDimension by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("compare", _("GROUP GROUP…"), _("Is one line, list, agent or time slot really better? A/B test of connect rates."),
                     entries, &argc, &argv, error))
    goto out;
  if (o.by == NULL)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("compare needs --by, e.g. “compare --by line L01 L02”."));
      goto out;
    }
  if (!cg_cli_parse_by (o.by, CG_DIM_TOTAL, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (c = cg_analytics_compare (store, by, (const char *const *) argv + 1, &filter, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "by");
      json_builder_add_string_value (b, cg_dimension_to_string (by));
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint i = 0; i < c->groups->len; i++)
        add_row_json (b, g_ptr_array_index (c->groups, i), TRUE);
      json_builder_end_array (b);
      if (c->groups->len == 2)
        {
          json_builder_set_member_name (b, "difference");
          json_builder_add_double_value (b, c->pair.difference);
          json_builder_set_member_name (b, "difference_ci95");
          json_builder_begin_array (b);
          json_builder_add_double_value (b, c->pair.lower);
          json_builder_add_double_value (b, c->pair.upper);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "z");
          json_builder_add_double_value (b, c->pair.z);
          json_builder_set_member_name (b, "p_value");
          json_builder_add_double_value (b, c->pair.p_value);
          json_builder_set_member_name (b, "significant");
          json_builder_add_boolean_value (b, c->pair.significant);
          json_builder_set_member_name (b, "calls_needed_per_group");
          if (c->has_needed)
            json_builder_add_int_value (b, (gint64) c->needed_per_group);
          else
            json_builder_add_null_value (b);
        }
      else
        {
          guint m = 0;

          json_builder_set_member_name (b, "chi_square");
          if (c->has_chisq)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "statistic");
              json_builder_add_double_value (b, c->chisq.statistic);
              json_builder_set_member_name (b, "df");
              json_builder_add_int_value (b, c->chisq.df);
              json_builder_set_member_name (b, "p_value");
              json_builder_add_double_value (b, c->chisq.p_value);
              json_builder_set_member_name (b, "sparse");
              json_builder_add_boolean_value (b, c->chisq.sparse);
              json_builder_end_object (b);
            }
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "pairs");
          json_builder_begin_array (b);
          for (guint i = 0; i < c->groups->len; i++)
            for (guint j = i + 1; j < c->groups->len; j++, m++)
              {
                json_builder_begin_object (b);
                json_builder_set_member_name (b, "a");
                json_builder_add_string_value (b, ((CgConnectRow *) g_ptr_array_index (c->groups, i))->key);
                json_builder_set_member_name (b, "b");
                json_builder_add_string_value (b, ((CgConnectRow *) g_ptr_array_index (c->groups, j))->key);
                json_builder_set_member_name (b, "p_holm");
                json_builder_add_double_value (b, c->pairwise_p[m]);
                json_builder_set_member_name (b, "significant");
                json_builder_add_boolean_value (b, c->pairwise_p[m] < CG_STATS_ALPHA);
                json_builder_end_object (b);
              }
          json_builder_end_array (b);
        }
      json_builder_set_member_name (b, "verdict");
      json_builder_add_string_value (b, c->verdict);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      CgConnectRow all = { (char *) _("Total"), 0, 0, 0, 0 };

      for (guint i = 0; i < c->groups->len; i++)
        {
          const CgConnectRow *g = g_ptr_array_index (c->groups, i);
          all.calls += g->calls;
          all.connected += g->connected;
          all.talk_seconds += g->talk_seconds;
        }
      print_rows (c->groups, &all, cg_dimension_to_string (by));
      g_print ("\n%s\n", c->verdict);
      if (c->groups->len > 2)
        {
          guint m = 0;

          for (guint i = 0; i < c->groups->len; i++)
            for (guint j = i + 1; j < c->groups->len; j++, m++)
              g_print (_("  %s vs %s: p = %.3g (Holm) — %s\n"),
                       ((CgConnectRow *) g_ptr_array_index (c->groups, i))->key,
                       ((CgConnectRow *) g_ptr_array_index (c->groups, j))->key,
                       c->pairwise_p[m],
                       c->pairwise_p[m] < CG_STATS_ALPHA ? _("different") : _("cannot be told apart"));
        }
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_best_times (CgCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  CgCliFilterOptions o = { 0 };
  int min_calls = 30;
  GOptionEntry entries[] = {
    { "min-calls", 0, 0, G_OPTION_ARG_INT, &min_calls, N_("Leave out hours with fewer calls (default 30)"), N_("N") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  static const char *const weekdays[] = { NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                          N_("Friday"), N_("Saturday"), N_("Sunday") };
  g_autoptr(GArray) best = NULL;
  CgFilter filter;
  CgStore *store;
  double overall = NAN;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("best-times", "", _("Hours of the week whose connect rate is significantly above the overall rate."),
                     entries, &argc, &argv, error))
    goto out;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (best = cg_analytics_best_times (store, &filter, MAX (min_calls, 1), &overall, error)) == NULL)
    goto out;

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "overall_rate");
      if (isnan (overall))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, overall);
      json_builder_set_member_name (b, "best_times");
      json_builder_begin_array (b);
      for (guint i = 0; i < best->len; i++)
        {
          const CgBestTime *t = &g_array_index (best, CgBestTime, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "weekday");
          json_builder_add_int_value (b, t->weekday);
          json_builder_set_member_name (b, "hour");
          json_builder_add_int_value (b, t->hour);
          json_builder_set_member_name (b, "calls");
          json_builder_add_int_value (b, t->calls);
          json_builder_set_member_name (b, "connected");
          json_builder_add_int_value (b, t->connected);
          json_builder_set_member_name (b, "rate");
          json_builder_add_double_value (b, t->rate);
          json_builder_set_member_name (b, "p_holm");
          json_builder_add_double_value (b, t->p_value);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (best->len == 0)
    g_print ("%s\n", _("No hour of the week connects significantly better than the rest."));
  else
    {
      g_autoptr(CgCliTable) table = cg_cli_table_new (4, _("Weekday"), _("Hour"), _("Connect rate"), _("Calls"));

      g_print (_("Overall connect rate: %.1f %%. Significantly better hours (Holm-corrected, 5 %%):\n"), 100 * overall);
      for (guint i = 0; i < best->len; i++)
        {
          const CgBestTime *t = &g_array_index (best, CgBestTime, i);
          g_autofree char *hour = g_strdup_printf ("%02d:00–%02d:59", t->hour, t->hour);
          g_autofree char *rate = g_strdup_printf ("%.1f %%", 100 * t->rate);
          g_autofree char *calls = cg_format_count (t->calls);
          cg_cli_table_add_row (table, _(weekdays[t->weekday]), hour, rate, calls);
        }
      cg_cli_table_print (table);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}
