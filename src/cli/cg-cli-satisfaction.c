/* cg-cli-satisfaction.c — `stats satisfaction|reliability|satisfaction-link|
 * complaints` and `compare-satisfaction`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-complaints.h"
#include "cg-format.h"
#include "cg-satisfaction.h"

/* ---- stats satisfaction -------------------------------------------------- */

static gboolean
parse_sat_by (const char       *text,
              CgSatisfactionBy *by,
              GError          **error)
{
  if (text == NULL)
    {
      *by = CG_SAT_BY_TOTAL;
      return TRUE;
    }
  if (!cg_satisfaction_by_from_string (text, by))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--by must be total, day, week, month, quarter, agent, channel, list, line, dimension or talk-band, not “%s”."),
                   text);
      return FALSE;
    }
  return TRUE;
}

static void
add_sat_row_json (JsonBuilder             *b,
                  const CgSatisfactionRow *row)
{
  json_builder_begin_object (b);
  cg_cli_json_add_string (b, "key", row->key);
  cg_cli_json_add_string (b, "dimension", row->dimension);
  cg_cli_json_add_int (b, "responses", row->responses);
  cg_cli_json_add_double_if (b, "mean", row->has_mean, row->mean);
  json_builder_set_member_name (b, "ci95");
  if (row->has_mean_ci)
    cg_cli_json_add_pair (b, NULL, row->mean_ci.lower, row->mean_ci.upper);
  else
    json_builder_add_null_value (b);
  cg_cli_json_add_double_if (b, "sd", row->has_mean, row->sd);
  cg_cli_add_interval_json (b, "csat", "csat_ci95", row->has_csat ? &row->csat : NULL);
  cg_cli_add_interval_json (b, "nps", "nps_ci95", row->has_nps ? &row->nps : NULL);
  cg_cli_json_add_double_if (b, "ces", row->has_ces, row->ces);
  cg_cli_json_add_pair (b, "scale", row->scale_min, row->scale_max);
  json_builder_set_member_name (b, "distribution");
  json_builder_begin_array (b);
  for (guint i = 0; row->distribution != NULL && i < row->distribution->len; i++)
    json_builder_add_int_value (b, g_array_index (row->distribution, gint64, i));
  json_builder_end_array (b);
  if (g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) == 0)
    {
      cg_cli_json_add_int (b, "surveyed", row->surveyed);
      cg_cli_json_add_double_if (b, "response_rate", row->has_response_rate, row->response_rate);
    }
  json_builder_end_object (b);
}

static char *
number_or_dash (gboolean has,
                int      decimals,
                double   value)
{
  return has ? g_strdup_printf ("%.*f", decimals, value) : g_strdup ("—");
}

static void
print_sat_rows (GPtrArray *rows)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (6, _("Key"), _("Dimension"), _("Responses"),
                                                  /* xgettext:no-c-format */
                                                  _("Mean (95 % CI)"), _("CSAT"), _("NPS"));

  for (guint i = 0; i < rows->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (rows, i);
      g_autofree char *n = cg_format_count (row->responses);
      g_autofree char *mean = row->has_mean_ci
        ? g_strdup_printf ("%.2f (%.2f–%.2f)", row->mean, row->mean_ci.lower, row->mean_ci.upper)
        : number_or_dash (row->has_mean, 2, row->mean);
      g_autofree char *csat = row->has_csat ? g_strdup_printf ("%.1f %%", 100 * row->csat.estimate) : g_strdup ("—");
      g_autofree char *nps = row->has_nps ? g_strdup_printf ("%+.0f", row->nps.estimate) : g_strdup ("—");
      CgSurveyDimension d;
      const char *label = cg_survey_dimension_from_string (row->dimension, &d) ? cg_survey_dimension_get_label (d)
                                                                                : _("All rated questions");

      cg_cli_table_add_row (table, row->key, label, n, mean, csat, nps);
    }
  cg_cli_table_print (table);
}

gboolean
cg_cli_stats_satisfaction (CgCli   *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  CgCliFilterOptions o = { 0 };
  g_autofree char *dimension = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("Slice by total, day, week, month, quarter, agent, channel, list, line, dimension or talk-band"), N_("SLICE") },
    { "dimension", 0, 0, G_OPTION_ARG_STRING, &dimension, N_("Only this dimension (all, staff, product, …)"), N_("DIMENSION") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rows = NULL;
  CgSatisfactionBy by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats satisfaction", "",
                     /* xgettext:no-c-format */
                     _("Satisfaction from the surveys: mean with 95 % interval, CSAT, NPS and CES per dimension."),
                     entries, &argc, &argv, error))
    goto out;
  if (!parse_sat_by (o.by, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rows = cg_satisfaction_compute (store, by, &filter, error)) == NULL)
    goto out;
  if (dimension != NULL)
    for (guint i = rows->len; i-- > 0;)
      if (g_strcmp0 (((CgSatisfactionRow *) g_ptr_array_index (rows, i))->dimension, dimension) != 0)
        g_ptr_array_remove_index (rows, i);

  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "by", cg_satisfaction_by_to_string (by));
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        add_sat_row_json (b, g_ptr_array_index (rows, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (rows->len == 0)
    g_print ("%s\n", _("No survey responses. Import some with “import surveys FILE”."));
  else
    print_sat_rows (rows);
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_stats_reliability (CgCli   *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(CgReliability) rel = NULL;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats reliability", "",
                     _("Does the questionnaire measure consistently? Cronbach’s alpha, and alpha if each question were left out."),
                     entries, &argc, &argv, error))
    goto out;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rel = cg_satisfaction_reliability (store, &filter, error)) == NULL)
    goto out;
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_add_filter_json (b, &o);
      cg_cli_json_add_double_if (b, "alpha", rel->has_alpha, rel->alpha);
      cg_cli_json_add_int (b, "items", rel->n_items);
      cg_cli_json_add_int (b, "respondents", rel->n_complete);
      cg_cli_json_add_string (b, "undefined_reason", rel->undefined_reason);
      json_builder_set_member_name (b, "alpha_if_deleted");
      json_builder_begin_array (b);
      for (guint i = 0; i < rel->n_items; i++)
        {
          json_builder_begin_object (b);
          cg_cli_json_add_string (b, "question", rel->titles[i]);
          cg_cli_json_add_double (b, "alpha", rel->alpha_if_deleted[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else if (!rel->has_alpha)
    g_print ("%s\n", rel->undefined_reason);
  else
    {
      g_autoptr(CgCliTable) table = cg_cli_table_new (2, _("Question"), _("Alpha if deleted"));
      g_autofree char *n = cg_format_count (rel->n_complete);

      g_print (_("Cronbach’s alpha: %.3f (%u questions, %s respondents who answered all of them).\n"),
               rel->alpha, rel->n_items, n);
      for (guint i = 0; i < rel->n_items; i++)
        {
          g_autofree char *a = number_or_dash (isfinite (rel->alpha_if_deleted[i]), 3, rel->alpha_if_deleted[i]);
          cg_cli_table_add_row (table, rel->titles[i], a);
        }
      cg_cli_table_print (table);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_stats_satisfaction_link (CgCli   *cli,
                                int      argc,
                                char   **argv,
                                GError **error)
{
  CgCliFilterOptions o = { 0 };
  int max_calls = 3;
  GOptionEntry entries[] = {
    { "max-calls", 0, 0, G_OPTION_ARG_INT, &max_calls, N_("Customers called more than this often are over-contacted (default 3)"), N_("N") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  CgSatisfactionLink link;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats satisfaction-link", "",
                     _("Satisfaction and the calls: talk duration correlation and over-contacted customers."),
                     entries, &argc, &argv, error))
    goto out;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      !cg_satisfaction_link (store, &filter, MAX (max_calls, 0), &link, error))
    goto out;
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_add_filter_json (b, &o);
      cg_cli_json_add_int (b, "responses", link.responses);
      cg_cli_json_add_int (b, "linked", link.linked);
      cg_cli_json_add_double_if (b, "talk_pearson_r", link.has_correlation, link.pearson_r);
      cg_cli_json_add_double_if (b, "talk_pearson_p", link.has_correlation, link.pearson_p);
      cg_cli_json_add_double_if (b, "talk_spearman_rho", link.has_correlation, link.spearman_rho);
      cg_cli_json_add_int (b, "max_calls", link.max_calls);
      cg_cli_json_add_int (b, "over_contacted", link.over_contacted);
      cg_cli_json_add_double_if (b, "over_contacted_share", link.responses > 0, link.over_contacted_share);
      cg_cli_json_add_double_if (b, "over_contacted_mean", link.has_over_mean, link.over_mean);
      cg_cli_json_add_double_if (b, "other_mean", link.has_other_mean, link.other_mean);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autofree char *n = cg_format_count (link.responses);
      g_autofree char *linked = cg_format_count (link.linked);

      g_print (_("Responses with a phone: %s, matched to a call: %s.\n"), n, linked);
      if (link.has_correlation)
        g_print (_("Talk duration vs satisfaction: Pearson r = %.3f (p = %.3g), Spearman ρ = %.3f.\n"),
                 link.pearson_r, link.pearson_p, link.spearman_rho);
      g_print (_("Called more than %u times: %.1f %% of surveyed customers.\n"), link.max_calls,
               100 * link.over_contacted_share);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_stats_complaints (CgCli   *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("agent (default) or list"), N_("SLICE") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(GPtrArray) rates = NULL;
  CgDimension by = CG_DIM_AGENT;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("stats complaints", "", _("Complaints per 1,000 connected calls, by agent or list."),
                     entries, &argc, &argv, error))
    goto out;
  if (o.by != NULL && !g_str_equal (o.by, "agent"))
    {
      if (!g_str_equal (o.by, "list"))
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--by must be agent or list, not “%s”."), o.by);
          goto out;
        }
      by = CG_DIM_LIST;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (rates = cg_complaints_rates (store, by, &filter, error)) == NULL)
    goto out;
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "by", cg_dimension_to_string (by));
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < rates->len; i++)
        {
          const CgComplaintRate *r = g_ptr_array_index (rates, i);
          json_builder_begin_object (b);
          cg_cli_json_add_string (b, "key", r->key);
          cg_cli_json_add_int (b, "complaints", r->complaints);
          cg_cli_json_add_int (b, "connected", r->connected);
          cg_cli_json_add_double_if (b, "per_1000_connected", r->has_rate, r->per_1000);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autoptr(CgCliTable) table = cg_cli_table_new (4, _("Key"), _("Complaints"), _("Connected"), _("Per 1,000"));
      for (guint i = 0; i < rates->len; i++)
        {
          const CgComplaintRate *r = g_ptr_array_index (rates, i);
          g_autofree char *c = cg_format_count (r->complaints);
          g_autofree char *n = cg_format_count (r->connected);
          g_autofree char *rate = number_or_dash (r->has_rate, 2, r->per_1000);
          cg_cli_table_add_row (table, r->key, c, n, rate);
        }
      cg_cli_table_print (table);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

/* ---- compare-satisfaction --------------------------------------------------- */

gboolean
cg_cli_compare_satisfaction (CgCli   *cli,
                             int      argc,
                             char   **argv,
                             GError **error)
{
  CgCliFilterOptions o = { 0 };
  g_autofree char *dimension = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("What the groups are: agent, channel, month, list, line …"), N_("SLICE") },
    { "dimension", 0, 0, G_OPTION_ARG_STRING, &dimension, N_("Compare this dimension (default: all rated questions)"), N_("DIMENSION") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(CgSatisfactionComparison) c = NULL;
  CgSatisfactionBy by;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("compare-satisfaction", _("GROUP GROUP"),
                     _("Is one agent, channel or period really rated better? Welch’s t-test and Mann–Whitney U."),
                     entries, &argc, &argv, error))
    goto out;
  if (o.by == NULL || argc != 3)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("compare-satisfaction needs --by and two groups, e.g. “compare-satisfaction --by agent A01 A02”."));
      goto out;
    }
  if (!parse_sat_by (o.by, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (c = cg_satisfaction_compare (store, by, argv[1], argv[2], dimension, &filter, error)) == NULL)
    goto out;
  if (o.json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "by", cg_satisfaction_by_to_string (by));
      cg_cli_json_add_string (b, "dimension", c->dimension);
      cg_cli_add_filter_json (b, &o);
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint g = 0; g < 2; g++)
        {
          json_builder_begin_object (b);
          cg_cli_json_add_string (b, "key", c->keys[g]);
          cg_cli_json_add_int (b, "responses", c->n[g]);
          cg_cli_json_add_double (b, "mean", c->mean[g]);
          cg_cli_json_add_double (b, "sd", c->sd[g]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      cg_cli_json_add_double (b, "difference", c->mean[0] - c->mean[1]);
      json_builder_set_member_name (b, "welch");
      if (c->has_welch)
        {
          json_builder_begin_object (b);
          cg_cli_json_add_double (b, "t", c->welch.t);
          cg_cli_json_add_double (b, "df", c->welch.df);
          cg_cli_json_add_double (b, "p_value", c->welch.p_value);
          cg_cli_json_add_pair (b, "difference_ci95", c->welch.lower, c->welch.upper);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "mann_whitney");
      if (c->has_mann_whitney)
        {
          json_builder_begin_object (b);
          cg_cli_json_add_double (b, "u", c->mann_whitney.u);
          cg_cli_json_add_double (b, "z", c->mann_whitney.z);
          cg_cli_json_add_double (b, "p_value", c->mann_whitney.p_value);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "significant");
      json_builder_add_boolean_value (b, c->has_welch && c->welch.p_value < 0.05);
      cg_cli_json_add_string (b, "verdict", c->verdict);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      for (guint g = 0; g < 2; g++)
        {
          g_autofree char *n = cg_format_count (c->n[g]);
          g_print (_("%s: mean %.2f (SD %.2f, %s responses)\n"), c->keys[g], c->mean[g], c->sd[g], n);
        }
      if (c->has_mann_whitney)
        g_print (_("Mann–Whitney U = %.1f, p = %.3g\n"), c->mann_whitney.u, c->mann_whitney.p_value);
      g_print ("%s\n", c->verdict);
    }
  ok = TRUE;

out:
  cg_cli_filter_options_clear (&o);
  return ok;
}
