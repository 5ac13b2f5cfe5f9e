/* cg-cli-survey.c — `import surveys FILE…` and `import complaints FILE`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-complaints.h"
#include "cg-format.h"
#include "cg-survey-import.h"

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_id_or_null (JsonBuilder *b,
                const char  *name,
                gint64       id)
{
  json_builder_set_member_name (b, name);
  if (id != 0)
    json_builder_add_int_value (b, id);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_pair (JsonBuilder *b,
          const char  *name,
          double       a,
          double       z)
{
  if (name != NULL)  /* NULL: an array element, or the name is already set */
    json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  json_builder_add_double_value (b, a);
  json_builder_add_double_value (b, z);
  json_builder_end_array (b);
}

/* ---- import surveys ------------------------------------------------------ */

static JsonNode *
survey_result_to_json (const CgSurveyImportResult *r,
                       CgSurveyPlan               *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char *const roles[] = { "submitted", "respondent", "phone", "agent", "channel" };

  json_builder_begin_object (b);
  add_id_or_null (b, "batch_id", r->batch_id);
  add_string (b, "file", r->file);
  add_string (b, "kind", "surveys");
  add_string (b, "encoding", r->encoding);
  add_string (b, "sha256", r->sha256);
  add_id_or_null (b, "previous_batch_id", r->previous_batch_id);
  add_int (b, "rows_read", r->rows_read);
  add_int (b, "rows_imported", r->rows_imported);
  add_int (b, "rows_skipped", r->rows_skipped);
  add_int (b, "duplicates", r->duplicates);
  add_int (b, "answers", r->answers);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      int column = cg_survey_plan_get_role_column (plan, roles[i]);
      json_builder_set_member_name (b, roles[i]);
      if (column >= 0)
        json_builder_add_int_value (b, column + 1);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < cg_survey_plan_get_n_questions (plan); i++)
    {
      const CgSurveyQuestion *q = cg_survey_plan_get_question (plan, i);

      json_builder_begin_object (b);
      add_int (b, "column", q->column + 1);
      add_string (b, "title", q->title);
      add_string (b, "dimension", cg_survey_dimension_to_string (q->dimension));
      json_builder_set_member_name (b, "scale");
      if (q->dimension == CG_SURVEY_DIM_COMMENT)
        json_builder_add_null_value (b);
      else
        add_pair (b, NULL, q->scale_min, q->scale_max);
      add_int (b, "answers", q->n_answers);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_survey_result (const CgSurveyImportResult *r,
                     CgSurveyPlan               *plan)
{
  g_autofree char *batch = cg_format_count (r->batch_id);
  g_autofree char *imported = cg_format_count (r->rows_imported);
  g_autofree char *duplicates = cg_format_count (r->duplicates);
  g_autofree char *skipped = cg_format_count (r->rows_skipped);
  g_autoptr(CgCliTable) table = cg_cli_table_new (3, _("Question"), _("Dimension"), _("Scale"));

  if (r->batch_id != 0)
    g_print (_("%s: imported as batch %s. Responses imported: %s.\n"), r->file, batch, imported);
  else
    g_print (_("%s: nothing new to import.\n"), r->file);
  g_print (_("  Duplicates: %s, rows without answers or phone: %s.\n"), duplicates, skipped);
  for (guint i = 0; i < cg_survey_plan_get_n_questions (plan); i++)
    {
      const CgSurveyQuestion *q = cg_survey_plan_get_question (plan, i);
      g_autofree char *scale = q->dimension == CG_SURVEY_DIM_COMMENT ? g_strdup ("—")
                               : g_strdup_printf ("%g–%g", q->scale_min, q->scale_max);
      cg_cli_table_add_row (table, q->title, cg_survey_dimension_get_label (q->dimension), scale);
    }
  cg_cli_table_print (table);
}

gboolean
cg_cli_import_surveys (CgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *preset = NULL;
  g_autofree char *save_preset = NULL;
  g_auto(GStrv) map = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map, N_("Set a question’s dimension: staff, product, communication, problem_solving, overall, nps, effort, comment or other"), N_("QUESTION=DIMENSION") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("Apply a saved question → dimension mapping"), N_("NAME") },
    { "save-preset", 0, 0, G_OPTION_ARG_STRING, &save_preset, N_("Save this file’s question → dimension mapping"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Text encoding of CSV files: auto, utf-8 or gb18030"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Worksheet to read (default: the first visible one)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(GTimeZone) tz = NULL;
  CgReaderOptions options = { 0 };
  CgStore *store;
  gboolean ok = TRUE;

  if (!cg_cli_parse ("import surveys", _("FILE…"),
                     _("Import survey exports (问卷星 and similar, callback sheets; CSV, XLSX, XLS)."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("import surveys needs at least one file."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  options.encoding = encoding;
  options.sheet = sheet;
  tz = cg_store_get_time_zone (store);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) file_error = NULL;
      g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (argv[i], &options, NULL, tz, &file_error);
      g_autoptr(CgSurveyImportResult) result = NULL;

      /* The preset first, so --map on the command line overrides it. */
      if (plan != NULL && ((preset != NULL && !cg_survey_preset_apply (store, preset, plan, &file_error)) ||
                           !cg_survey_plan_apply_map (plan, (const char *const *) map, &file_error) ||
                           (save_preset != NULL && !cg_survey_preset_save (store, save_preset, plan, &file_error))))
        g_clear_pointer (&plan, cg_survey_plan_free);
      if (plan != NULL)
        result = cg_survey_import_run (store, plan, NULL, NULL, NULL, &file_error);
      if (result == NULL)
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          if (argc == 2)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&file_error), "%s: ", base);
              return FALSE;
            }
          g_printerr ("callgauge-cli: %s: %s\n", base, file_error->message);
          ok = FALSE;
          continue;
        }
      if (json)
        json_array_add_element (results, survey_result_to_json (result, plan));
      else
        print_survey_result (result, plan);
    }
  if (json && json_array_get_length (results) > 0)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      if (argc == 2)
        cg_cli_print_json (json_array_get_element (results, 0));
      else
        {
          json_node_set_array (root, results);
          cg_cli_print_json (root);
        }
    }
  if (!ok)
    g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("some files could not be imported (see above); the others were."));
  return ok;
}

gboolean
cg_cli_import_complaints (CgCli   *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Text encoding of CSV files: auto, utf-8 or gb18030"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Worksheet to read (default: the first visible one)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(CgComplaintsImportResult) r = NULL;
  CgReaderOptions options = { 0 };
  CgStore *store;

  if (!cg_cli_parse ("import complaints", _("FILE"),
                     _("Import complaints: date, phone, agent, category, text."), entries, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("import complaints needs one file."));
      return FALSE;
    }
  options.encoding = encoding;
  options.sheet = sheet;
  if ((store = cg_cli_get_store (cli, error)) == NULL ||
      (r = cg_complaints_import (store, argv[1], &options, error)) == NULL)
    return FALSE;
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      add_id_or_null (b, "batch_id", r->batch_id);
      add_string (b, "file", r->file);
      add_string (b, "kind", "complaints");
      add_string (b, "sha256", r->sha256);
      add_id_or_null (b, "previous_batch_id", r->previous_batch_id);
      add_int (b, "rows_read", r->rows_read);
      add_int (b, "rows_imported", r->rows_imported);
      add_int (b, "rows_skipped", r->rows_skipped);
      add_int (b, "duplicates", r->duplicates);
      add_int (b, "matched_to_calls", r->matched);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cg_cli_print_json (root);
    }
  else
    {
      g_autofree char *batch = cg_format_count (r->batch_id);
      g_autofree char *imported = cg_format_count (r->rows_imported);
      g_autofree char *duplicates = cg_format_count (r->duplicates);

      if (r->batch_id != 0)
        g_print (_("%s: imported as batch %s. Complaints imported: %s, duplicates: %s.\n"), r->file, batch, imported, duplicates);
      else
        g_print (_("%s: nothing new to import.\n"), r->file);
    }
  return TRUE;
}
