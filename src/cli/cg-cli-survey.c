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

/* ---- import surveys ------------------------------------------------------ */

static JsonNode *
survey_result_to_json (const CgSurveyImportResult *r,
                       CgSurveyPlan               *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char *const roles[] = { "submitted", "respondent", "phone", "agent", "channel" };

  json_builder_begin_object (b);
  cg_cli_json_add_id (b, "batch_id", r->batch_id);
  cg_cli_json_add_string (b, "file", r->file);
  cg_cli_json_add_string (b, "kind", "surveys");
  cg_cli_json_add_string (b, "encoding", r->encoding);
  cg_cli_json_add_string (b, "sha256", r->sha256);
  cg_cli_json_add_import_counts (b, r->previous_batch_id, r->rows_read, r->rows_imported,
                                 r->rows_skipped, r->duplicates);
  cg_cli_json_add_int (b, "answers", r->answers);
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
      cg_cli_json_add_int (b, "column", q->column + 1);
      cg_cli_json_add_string (b, "title", q->title);
      cg_cli_json_add_string (b, "dimension", cg_survey_dimension_to_string (q->dimension));
      json_builder_set_member_name (b, "scale");
      if (q->dimension == CG_SURVEY_DIM_COMMENT)
        json_builder_add_null_value (b);
      else
        cg_cli_json_add_pair (b, NULL, q->scale_min, q->scale_max);
      cg_cli_json_add_int (b, "answers", q->n_answers);
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

typedef struct {
  CgReaderOptions  options;
  GTimeZone       *tz;
  const char      *preset;
  const char      *save_preset;
  GStrv            map;
} ImportSurveys;

static gboolean
import_surveys_file (CgStore     *store,
                     const char  *path,
                     JsonArray   *results,
                     gpointer     user_data,
                     GError     **error)
{
  ImportSurveys *surveys = user_data;
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, &surveys->options, NULL, surveys->tz, error);
  g_autoptr(CgSurveyImportResult) result = NULL;

  /* The preset first, so --map on the command line overrides it. */
  if (plan == NULL ||
      (surveys->preset != NULL && !cg_survey_preset_apply (store, surveys->preset, plan, error)) ||
      !cg_survey_plan_apply_map (plan, (const char *const *) surveys->map, error) ||
      (surveys->save_preset != NULL && !cg_survey_preset_save (store, surveys->save_preset, plan, error)) ||
      (result = cg_survey_import_run (store, plan, NULL, NULL, NULL, error)) == NULL)
    return FALSE;
  if (results != NULL)
    json_array_add_element (results, survey_result_to_json (result, plan));
  else
    print_survey_result (result, plan);
  return TRUE;
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
  g_autoptr(GTimeZone) tz = NULL;
  ImportSurveys surveys = { 0 };
  CgStore *store;

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
  tz = cg_store_get_time_zone (store);
  surveys.options.encoding = encoding;
  surveys.options.sheet = sheet;
  surveys.tz = tz;
  surveys.preset = preset;
  surveys.save_preset = save_preset;
  surveys.map = map;
  return cg_cli_import_files (store, argc, argv, json, import_surveys_file, &surveys, error);
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

      json_builder_begin_object (b);
      cg_cli_json_add_id (b, "batch_id", r->batch_id);
      cg_cli_json_add_string (b, "file", r->file);
      cg_cli_json_add_string (b, "kind", "complaints");
      cg_cli_json_add_string (b, "sha256", r->sha256);
      cg_cli_json_add_import_counts (b, r->previous_batch_id, r->rows_read, r->rows_imported,
                                     r->rows_skipped, r->duplicates);
      cg_cli_json_add_int (b, "matched_to_calls", r->matched);
      json_builder_end_object (b);
      cg_cli_print_builder (b);
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
