/* cg-cli-feedback.c — `import feedback`, `stats themes`, `themes`, `findings`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-feedback-import.h"
#include "cg-findings.h"
#include "cg-format.h"
#include "cg-theme-report.h"
#include "cg-themes.h"

static char *
format_share (double share)
{
  return isfinite (share) ? g_strdup_printf ("%.1f %%", 100.0 * share) : g_strdup ("—");
}

/* ---- import feedback ---------------------------------------------------------- */

static JsonNode *
import_result_to_json (const CgFeedbackImportResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  cg_cli_json_add_id (b, "batch_id", r->batch_id);
  cg_cli_json_add_string (b, "file", r->file);
  cg_cli_json_add_string (b, "format", r->format);
  cg_cli_json_add_string (b, "encoding", r->encoding);
  cg_cli_json_add_string (b, "sha256", r->sha256);
  cg_cli_json_add_import_counts (b, r->previous_batch_id, r->rows_read, r->rows_imported,
                                 r->rows_skipped, r->duplicates);
  cg_cli_json_add_id (b, "rating_scale", r->rating_scale);
  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  for (guint i = 0; r->errors && r->errors[i]; i++)
    json_builder_add_string_value (b, r->errors[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_import_result (const CgFeedbackImportResult *r)
{
  g_autofree char *batch = cg_format_count (r->batch_id);
  g_autofree char *imported = cg_format_count (r->rows_imported);

  if (r->batch_id != 0)
    g_print (_("%s: imported as batch %s (%s, %s). Texts imported: %s.\n"), r->file, batch, r->format, r->encoding, imported);
  else
    g_print (_("%s: nothing new to import (%s, %s).\n"), r->file, r->format, r->encoding);
  cg_cli_print_import_counts (r->previous_batch_id, r->rows_read, r->rows_skipped, r->duplicates);
  for (guint i = 0; r->errors && r->errors[i] && i < 10; i++)
    g_print ("  %s\n", r->errors[i]);
}

typedef struct {
  CgReaderOptions  options;
  GStrv            map;
} ImportFeedback;

static gboolean
import_feedback_file (CgStore     *store,
                      const char  *path,
                      JsonArray   *results,
                      gpointer     user_data,
                      GError     **error)
{
  ImportFeedback *feedback = user_data;
  g_autoptr(CgFeedbackPlan) plan = cg_feedback_plan_new (path, &feedback->options, (const char *const *) feedback->map, error);
  g_autoptr(CgFeedbackImportResult) result = NULL;

  if (plan == NULL || (result = cg_feedback_import_run (store, plan, NULL, error)) == NULL)
    return FALSE;
  if (results != NULL)
    json_array_add_element (results, import_result_to_json (result));
  else
    print_import_result (result);
  return TRUE;
}

gboolean
cg_cli_import_feedback (CgCli   *cli,
                        int      argc,
                        char   **argv,
                        GError **error)
{
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  g_auto(GStrv) map = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("File format: auto, csv, xlsx or xls"), N_("FORMAT") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Text encoding of CSV files: auto, utf-8 or gb18030"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Worksheet to read (default: the first visible one)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map, N_("Read a field (date, channel, text, rating, phone, agent) from a column, e.g. text=客户留言"), N_("FIELD=COLUMN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  ImportFeedback feedback = { 0 };
  CgReaderOptions *options = &feedback.options;
  CgStore *store;

  if (!cg_cli_parse ("import feedback", _("FILE…"), _("Import customer feedback texts (CSV, XLSX, XLS): date, channel, text, rating, phone, agent."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("import feedback needs at least one file."));
      return FALSE;
    }
  if (format != NULL && !cg_file_format_from_string (format, &options->format))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--format must be auto, csv, xlsx or xls, not “%s”."), format);
      return FALSE;
    }
  options->encoding = encoding;
  options->sheet = sheet;
  feedback.map = map;
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  return cg_cli_import_files (store, argc, argv, json, import_feedback_file, &feedback, error);
}

/* ---- stats themes ------------------------------------------------------------- */

static void
theme_row_json (JsonBuilder      *b,
                const CgThemeRow *row,
                gboolean          with_key)
{
  json_builder_begin_object (b);
  if (with_key)
    cg_cli_json_add_string (b, "key", row->key);
  cg_cli_json_add_string (b, "theme", row->theme);
  cg_cli_json_add_string (b, "label", row->label);
  cg_cli_json_add_int (b, "texts", row->texts);
  cg_cli_json_add_int (b, "mentions", row->mentions);
  cg_cli_json_add_double (b, "share", row->share);
  cg_cli_json_add_double (b, "negative_share", row->negative_share);
  cg_cli_json_add_double (b, "previous_share", row->has_previous ? row->previous_share : NAN);
  cg_cli_json_add_double (b, "change", row->has_previous ? row->change : NAN);
  cg_cli_json_add_double (b, "p_value", row->p_value);
  json_builder_set_member_name (b, "examples");
  json_builder_begin_array (b);
  for (guint e = 0; row->examples[e]; e++)
    json_builder_add_string_value (b, row->examples[e]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_theme_report (const CgThemeReport *report,
                    CgThemeBy            by)
{
  g_autoptr(CgCliTable) table = cg_cli_table_new (6, by == CG_THEME_BY_TOTAL ? "" : cg_theme_by_to_string (by),
                                                  _("Theme"), _("Mentions"), _("Share"), _("Negative"), _("Change"));
  g_autofree char *texts = cg_format_count (report->texts);

  g_print (_("Texts: %s\n"), texts);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const CgThemeRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char *mentions = cg_format_count (row->mentions);
      g_autofree char *share = format_share (row->share);
      g_autofree char *negative = format_share (row->negative_share);
      g_autofree char *change = row->has_previous ? g_strdup_printf ("%+.1f pp", 100.0 * row->change) : g_strdup ("—");

      cg_cli_table_add_row (table, row->key, row->label, mentions, share, negative, change);
    }
  cg_cli_table_print (table);
  for (guint i = 0; i < report->rows->len; i++)
    {
      const CgThemeRow *row = g_ptr_array_index (report->rows, i);
      for (guint e = 0; row->examples[e] && by == CG_THEME_BY_TOTAL; e++)
        g_print ("  %s: %s\n", row->label, row->examples[e]);
    }
  if (report->unassigned->len > 0)
    {
      g_print ("%s\n", _("Frequent words no theme covers (add them with “themes add-term THEME WORD”):"));
      for (guint i = 0; i < report->unassigned->len; i++)
        {
          const CgTermCount *term = g_ptr_array_index (report->unassigned, i);
          g_autofree char *n = cg_format_count (term->texts);
          g_print ("  %s (%s)\n", term->term, n);
        }
    }
}

gboolean
cg_cli_stats_themes (CgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autofree char *source_id = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_id, N_("Texts to read: feedback, surveys, complaints or all (default)"), N_("SOURCE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_id, N_("Slice by total, month, channel, agent or list"), N_("DIMENSION") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgTextSource source = CG_TEXT_SOURCE_ALL;
  CgThemeBy by = CG_THEME_BY_TOTAL;
  g_autoptr(CgThemeReport) report = NULL;
  gint64 from_ts, to_ts;
  CgStore *store;

  if (!cg_cli_parse ("stats themes", "", _("What customers talk about: theme mentions, shares and negative shares."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (source_id != NULL && !cg_text_source_from_string (source_id, &source))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--source must be feedback, surveys, complaints or all, not “%s”."), source_id);
      return FALSE;
    }
  if (by_id != NULL && !cg_theme_by_from_string (by_id, &by))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--by must be total, month, channel, agent or list, not “%s”."), by_id);
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_parse_period (store, from, to, &from_ts, &to_ts, error) ||
      (report = cg_theme_report_compute (store, source, by, from_ts, to_ts, error)) == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "by", cg_theme_by_to_string (by));
      cg_cli_json_add_int (b, "texts", report->texts);
      cg_cli_json_add_int (b, "negative_texts", report->negative_texts);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->rows->len; i++)
        theme_row_json (b, g_ptr_array_index (report->rows, i), by != CG_THEME_BY_TOTAL);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "unassigned");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->unassigned->len; i++)
        {
          const CgTermCount *term = g_ptr_array_index (report->unassigned, i);
          json_builder_begin_object (b);
          cg_cli_json_add_string (b, "term", term->term);
          cg_cli_json_add_int (b, "texts", term->texts);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    print_theme_report (report, by);
  return TRUE;
}

/* ---- themes list|add-term|remove-term ----------------------------------------- */

static gboolean
themes_list (CgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) themes = NULL;
  CgStore *store;

  if (!cg_cli_parse ("themes list", "", _("Themes and the words and phrases that find them."), entries, &argc, &argv, error) ||
      (store = cg_cli_get_store (cli, error)) == NULL ||
      (themes = cg_themes_list (store, error)) == NULL)
    return FALSE;
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "themes");
      json_builder_begin_array (b);
      for (guint i = 0; i < themes->len; i++)
        {
          const CgTheme *theme = g_ptr_array_index (themes, i);
          const struct { const char *name; GStrv terms; } lists[] = {
            { "terms", theme->terms }, { "added", theme->added }, { "removed", theme->removed },
          };

          json_builder_begin_object (b);
          cg_cli_json_add_string (b, "theme", theme->id);
          cg_cli_json_add_string (b, "label", theme->label);
          json_builder_set_member_name (b, "builtin");
          json_builder_add_boolean_value (b, theme->builtin);
          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            {
              json_builder_set_member_name (b, lists[l].name);
              json_builder_begin_array (b);
              for (guint t = 0; lists[l].terms[t]; t++)
                json_builder_add_string_value (b, lists[l].terms[t]);
              json_builder_end_array (b);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
      return TRUE;
    }
  for (guint i = 0; i < themes->len; i++)
    {
      const CgTheme *theme = g_ptr_array_index (themes, i);
      g_autofree char *terms = g_strjoinv ("、", theme->terms);

      g_print ("%s (%s): %s\n", theme->label, theme->id, terms);
    }
  return TRUE;
}

static gboolean
themes_edit (CgCli    *cli,
             int       argc,
             char    **argv,
             gboolean  add,
             GError  **error)
{
  GOptionEntry entries[] = { { NULL } };
  CgStore *store;

  if (!cg_cli_parse (add ? "themes add-term" : "themes remove-term", _("THEME TERM"),
                     add ? _("Add a word or phrase to a theme (a new theme id makes a theme of your own).")
                         : _("Remove a word or phrase from a theme."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc != 3)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Give a theme id and a term, e.g. “themes add-term contact_frequency 一天三个电话”."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  return add ? cg_themes_add_term (store, argv[1], argv[2], error)
             : cg_themes_remove_term (store, argv[1], argv[2], error);
}

static gboolean
themes_add_term (CgCli *cli, int argc, char **argv, GError **error)
{
  return themes_edit (cli, argc, argv, TRUE, error);
}

static gboolean
themes_remove_term (CgCli *cli, int argc, char **argv, GError **error)
{
  return themes_edit (cli, argc, argv, FALSE, error);
}

gboolean
cg_cli_themes (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  static const CgCliCommand verbs[] = {
    { "list", NULL, themes_list },
    { "add-term", NULL, themes_add_term },
    { "remove-term", NULL, themes_remove_term },
  };

  return cg_cli_dispatch (cli, argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("Use: themes list|add-term THEME TERM|remove-term THEME TERM"), error);
}

/* ---- findings ------------------------------------------------------------------ */

gboolean
cg_cli_findings (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (default: 90 days before --to)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (default: the day of the last call)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(CgFindings) findings = NULL;
  gint64 from_ts, to_ts;
  CgStore *store;

  if (!cg_cli_parse ("findings", "", _("What the period’s data means: ranked findings with the test behind each."),
                     entries, &argc, &argv, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      !cg_cli_data_period (store, from, to, &from_ts, &to_ts, error))
    return FALSE;
  if (to_ts <= from_ts)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--from must be before --to."));
      return FALSE;
    }
  if ((findings = cg_findings_compute (store, from_ts, to_ts, error)) == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *f = cg_cli_format_time (findings->from_ts);
      g_autofree char *t = cg_cli_format_time (findings->to_ts);
      g_autofree char *pf = cg_cli_format_time (findings->previous_from_ts);
      g_autofree char *pt = cg_cli_format_time (findings->previous_to_ts);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "period");
      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "from", f);
      cg_cli_json_add_string (b, "to", t);
      cg_cli_json_add_string (b, "previous_from", pf);
      cg_cli_json_add_string (b, "previous_to", pt);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint i = 0; i < findings->entries->len; i++)
        {
          const CgFindingEntry *e = g_ptr_array_index (findings->entries, i);

          json_builder_begin_object (b);
          cg_cli_json_add_int (b, "rank", i + 1);
          cg_cli_json_add_string (b, "kind", cg_finding_kind_to_string (e->kind));
          cg_cli_json_add_string (b, "subject", e->subject);
          cg_cli_json_add_string (b, "metric", e->metric);
          cg_cli_json_add_string (b, "text", e->text);
          cg_cli_json_add_double (b, "p_value", e->p_value);
          cg_cli_json_add_double (b, "value", e->value);
          cg_cli_json_add_double (b, "previous_value", e->previous_value);
          cg_cli_json_add_double (b, "impact", e->impact);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
      return TRUE;
    }
  if (findings->entries->len == 0)
    g_print ("%s\n", _("Nothing in this period passes a test or a threshold: no findings."));
  for (guint i = 0; i < findings->entries->len; i++)
    {
      const CgFindingEntry *e = g_ptr_array_index (findings->entries, i);
      g_print ("%u. %s\n", i + 1, e->text);
    }
  return TRUE;
}
