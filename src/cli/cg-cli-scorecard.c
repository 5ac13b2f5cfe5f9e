/* cg-cli-scorecard.c — `scorecard`, `scorecard config|set|weights|reset`.
 *
 * Targets and weights change in two ways, both checked as a whole by
 * cg_scorecard_config_save: `scorecard set ID --target T --weight W` for
 * one indicator (a weight change alone is refused unless the sum stays
 * 100), and `scorecard weights ID=W,ID=W…` for several weights at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-scorecard.h"

static const char *
indicator_title (CgIndicator indicator)
{
  switch (indicator)
    {
    case CG_INDICATOR_CONNECT_RATE:          return _("Connect rate");
    case CG_INDICATOR_CONTACT_RATE:          return _("Contact rate");
    case CG_INDICATOR_CONVERSION:            return _("Conversion");
    case CG_INDICATOR_ACD_SECONDS:           return _("ACD (s)");
    case CG_INDICATOR_SATISFACTION:          return _("Satisfaction");
    case CG_INDICATOR_COMPLAINT_RATE:        return _("Complaints per 1,000 connected");
    case CG_INDICATOR_COMPLIANCE_VIOLATIONS: return _("Violations per 1,000 calls");
    case CG_N_INDICATORS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_share (CgIndicator indicator)
{
  return indicator == CG_INDICATOR_CONNECT_RATE || indicator == CG_INDICATOR_CONTACT_RATE ||
         indicator == CG_INDICATOR_CONVERSION || indicator == CG_INDICATOR_SATISFACTION;
}

/* Shares as percentages, the others in their own unit; changes of shares
 * in percentage points. */
static char *
format_value (CgIndicator indicator,
              double      value,
              gboolean    change)
{
  const char *sign = change && value >= 0 ? "+" : "";

  if (is_share (indicator))
    return g_strdup_printf (change ? "%s%.2f pp" : "%s%.2f %%", sign, 100 * value);
  return g_strdup_printf ("%s%.1f", sign, value);
}

/* ---- scorecard config / set / weights / reset ----------------------------------- */

static gboolean
print_config (CgStore  *store,
              gboolean  json,
              GError  **error)
{
  CgScorecardConfig config;

  if (!cg_scorecard_config_load (store, &config, error))
    return FALSE;
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "indicators");
      json_builder_begin_array (b);
      for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, cg_indicator_to_string (i));
          json_builder_set_member_name (b, "target");
          json_builder_add_double_value (b, config.target[i]);
          json_builder_set_member_name (b, "weight");
          json_builder_add_int_value (b, config.weight[i]);
          json_builder_set_member_name (b, "direction");
          json_builder_add_string_value (b, cg_indicator_higher_is_better (i) ? "higher" : "lower");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autoptr(CgCliTable) table = cg_cli_table_new (5, _("Indicator"), _("ID"), _("Target"),
                                                      _("Weight"), _("Better"));

      for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
        {
          g_autofree char *target = format_value (i, config.target[i], FALSE);
          g_autofree char *weight = g_strdup_printf ("%d", config.weight[i]);

          cg_cli_table_add_row (table, indicator_title (i), cg_indicator_to_string (i), target, weight,
                                cg_indicator_higher_is_better (i) ? _("higher") : _("lower"));
        }
      cg_cli_table_print (table);
    }
  return TRUE;
}

static gboolean
scorecard_config (CgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgStore *store;

  if (!cg_cli_parse ("scorecard config", "",
                     _("The scorecard's targets and weights (the weights sum to 100)."),
                     entries, &argc, &argv, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  return print_config (store, json, error);
}

static gboolean
parse_indicator (const char  *id,
                 CgIndicator *indicator,
                 GError     **error)
{
  if (id != NULL && cg_indicator_from_string (id, indicator))
    return TRUE;
  g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
               _("“%s” is not an indicator; the indicators are connect_rate, contact_rate, conversion, acd_seconds, satisfaction, complaint_rate and compliance_violations."),
               id != NULL ? id : "");
  return FALSE;
}

static gboolean
parse_weight (const char  *text,
              int         *weight,
              GError     **error)
{
  gint64 w;

  if (!g_ascii_string_to_signed (text, 10, 0, 100, &w, NULL))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("A weight is a whole number from 0 to 100, not “%s”."), text);
      return FALSE;
    }
  *weight = (int) w;
  return TRUE;
}

static gboolean
scorecard_set (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *target_text = NULL;
  g_autofree char *weight_text = NULL;
  GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_text, N_("Target value (shares between 0 and 1)"), N_("T") },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &weight_text, N_("Weight, a whole number; all weights sum to 100"), N_("W") },
    { NULL }
  };
  CgScorecardConfig config;
  CgIndicator indicator;
  CgStore *store;

  if (!cg_cli_parse ("scorecard set", "INDICATOR",
                     _("Change the target or weight of one indicator."),
                     entries, &argc, &argv, error) ||
      !parse_indicator (argc == 2 ? argv[1] : NULL, &indicator, error))
    return FALSE;
  if (target_text == NULL && weight_text == NULL)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Give --target, --weight or both."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_scorecard_config_load (store, &config, error))
    return FALSE;
  if (target_text != NULL)
    {
      char *end;

      config.target[indicator] = g_ascii_strtod (target_text, &end);
      if (end == target_text || *end != '\0')
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                       _("A target is a number, not “%s”."), target_text);
          return FALSE;
        }
    }
  if (weight_text != NULL && !parse_weight (weight_text, &config.weight[indicator], error))
    return FALSE;
  if (!cg_scorecard_config_save (store, &config, error))
    return FALSE;
  return print_config (store, FALSE, error);
}

static gboolean
scorecard_weights (CgCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) pairs = NULL;
  CgScorecardConfig config;
  CgStore *store;

  if (!cg_cli_parse ("scorecard weights", "ID=W,ID=W…",
                     _("Change several weights at once; indicators not named keep theirs. The weights must sum to 100."),
                     NULL, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Write the weights as one argument: scorecard weights connect_rate=30,conversion=15"));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_scorecard_config_load (store, &config, error))
    return FALSE;
  pairs = g_strsplit (argv[1], ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (g_strstrip (pairs[i]), "=", 2);
      CgIndicator indicator;

      if (g_strv_length (kv) != 2)
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                       _("“%s” is not ID=WEIGHT."), pairs[i]);
          return FALSE;
        }
      if (!parse_indicator (g_strstrip (kv[0]), &indicator, error) ||
          !parse_weight (g_strstrip (kv[1]), &config.weight[indicator], error))
        return FALSE;
    }
  if (!cg_scorecard_config_save (store, &config, error))
    return FALSE;
  return print_config (store, FALSE, error);
}

static gboolean
scorecard_reset (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  CgScorecardConfig config;
  CgStore *store;

  if (!cg_cli_parse ("scorecard reset", "", _("Restore the default targets and weights."),
                     NULL, &argc, &argv, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  cg_scorecard_config_init_defaults (&config);
  if (!cg_scorecard_config_save (store, &config, error))
    return FALSE;
  return print_config (store, FALSE, error);
}

/* ---- scorecard --by … --------------------------------------------------------------- */

static void
print_json (const CgScorecard  *card,
            CgCliFilterOptions *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "by");
  json_builder_add_string_value (b, cg_dimension_to_string (card->by));
  cg_cli_add_filter_json (b, o);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, cg_indicator_to_string (i));
      json_builder_set_member_name (b, "target");
      json_builder_add_double_value (b, card->config.target[i]);
      json_builder_set_member_name (b, "weight");
      json_builder_add_int_value (b, card->config.weight[i]);
      json_builder_set_member_name (b, "direction");
      json_builder_add_string_value (b, cg_indicator_higher_is_better (i) ? "higher" : "lower");
      json_builder_set_member_name (b, "available");
      json_builder_add_boolean_value (b, card->available[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < card->rows->len; r++)
    {
      const CgScorecardRow *row = g_ptr_array_index (card->rows, r);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, row->key);
      cg_cli_json_add_double_if (b, "total", row->has_total, row->total);
      json_builder_set_member_name (b, "indicators");
      json_builder_begin_object (b);
      for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
        {
          gboolean has = row->values.has_value[i];

          json_builder_set_member_name (b, cg_indicator_to_string (i));
          json_builder_begin_object (b);
          cg_cli_json_add_double_if (b, "value", has, row->values.value[i]);
          cg_cli_json_add_double_if (b, "score", has, row->score[i]);
          /* After sharing out the weights of indicators without a value. */
          cg_cli_json_add_double_if (b, "effective_weight", has, row->effective_weight[i]);
          cg_cli_json_add_double_if (b, "change", row->has_change[i], row->change[i]);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      cg_cli_json_add_double_if (b, "total_change", row->has_total_change, row->total_change);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cg_cli_print_json (root);
}

static void
print_text (const CgScorecard *card)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (3 + CG_N_INDICATORS, _("Key"),
                                                  indicator_title (0), indicator_title (1),
                                                  indicator_title (2), indicator_title (3),
                                                  indicator_title (4), indicator_title (5),
                                                  indicator_title (6), _("Total"), _("Change"));
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint r = 0; r < card->rows->len; r++)
    {
      const CgScorecardRow *row = g_ptr_array_index (card->rows, r);
      char *cells[CG_N_INDICATORS];
      g_autofree char *total = row->has_total ? g_strdup_printf ("%.1f", row->total) : g_strdup ("—");
      g_autofree char *change = row->has_total_change ? g_strdup_printf ("%+.1f", row->total_change)
                                                      : g_strdup ("—");

      /* Each cell: the value, then its score out of 100. */
      for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
        {
          g_autofree char *value = row->values.has_value[i] ? format_value (i, row->values.value[i], FALSE) : NULL;
          cells[i] = value != NULL ? g_strdup_printf ("%s → %.0f", value, row->score[i]) : g_strdup ("—");
        }
      cg_cli_table_add_row (table, row->key, cells[0], cells[1], cells[2], cells[3], cells[4],
                            cells[5], cells[6], total, change);
      for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
        g_free (cells[i]);
    }
  cg_cli_table_print (table);

  for (CgIndicator i = 0; i < CG_N_INDICATORS; i++)
    if (!card->available[i] && card->config.weight[i] > 0)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", indicator_title (i));
  if (missing->len > 0)
    {
      g_print ("\n");
      g_print (_("Not available here (their weight goes to the other indicators in proportion to their weights): %s."),
               missing->str);
      g_print ("\n");
    }
  g_print ("\n%s\n", _("Each cell shows the value → its score out of 100 against the target (see “scorecard config”). A slice where an indicator cannot be computed shares its weight out the same way. Change: total points against the previous period."));
}

static gboolean
scorecard_report (CgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  CgCliFilterOptions o = { 0 };
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, N_("One row per month (the default), agent, line, list or any other slice: total, day, week, quarter, campaign, segment, hour, weekday, hour-weekday, outcome"), N_("DIMENSION") },
    CG_CLI_FILTER_ENTRIES (o),
    { NULL }
  };
  g_autoptr(CgScorecard) card = NULL;
  CgDimension by = CG_DIM_MONTH;
  CgFilter filter;
  CgStore *store;
  gboolean ok = FALSE;

  if (!cg_cli_parse ("scorecard", "",
                     _("Weighted scorecard per month, agent, line, list or any slice, against the targets of “scorecard config”. Also: scorecard config|set|weights|reset."),
                     entries, &argc, &argv, error))
    goto out;
  if (argc > 1)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("Unknown scorecard command “%s”: use config, set, weights or reset."), argv[1]);
      goto out;
    }
  if (!cg_cli_parse_by (o.by, CG_DIM_MONTH, &by, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_make_filter (store, &o, &filter, error) ||
      (card = cg_scorecard_compute (store, by, &filter, error)) == NULL)
    goto out;

  if (o.json)
    print_json (card, &o);
  else
    print_text (card);
  ok = TRUE;
out:
  cg_cli_filter_options_clear (&o);
  return ok;
}

gboolean
cg_cli_scorecard (CgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  static const struct {
    const char   *name;
    CgCliRunFunc  run;
  } verbs[] = {
    { "config", scorecard_config },
    { "set", scorecard_set },
    { "weights", scorecard_weights },
    { "reset", scorecard_reset },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      return verbs[i].run (cli, argc - 1, argv + 1, error);
  return scorecard_report (cli, argc, argv, error);
}
