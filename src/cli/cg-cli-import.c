/* cg-cli-import.c — `import calls FILE…`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-format.h"
#include "cg-import-calls.h"
#include "cg-import-presets.h"

gboolean
cg_cli_import_files (CgStore             *store,
                     int                  argc,
                     char               **argv,
                     gboolean             json,
                     CgCliImportFileFunc  func,
                     gpointer             user_data,
                     GError             **error)
{
  g_autoptr(JsonArray) results = json_array_new ();
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) file_error = NULL;

      if (!func (store, argv[i], json ? results : NULL, user_data, &file_error))
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          if (argc == 2)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&file_error), "%s: ", base);
              return FALSE;
            }
          g_printerr ("callgauge-cli: %s: %s\n", base, file_error->message);
          ok = FALSE;
        }
    }

  if (json && json_array_get_length (results) > 0)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      /* One file: its summary object; several: an array of them. */
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

void
cg_cli_json_add_import_counts (JsonBuilder *b,
                               gint64       previous_batch_id,
                               gint64       rows_read,
                               gint64       rows_imported,
                               gint64       rows_skipped,
                               gint64       duplicates)
{
  cg_cli_json_add_id (b, "previous_batch_id", previous_batch_id);
  cg_cli_json_add_int (b, "rows_read", rows_read);
  cg_cli_json_add_int (b, "rows_imported", rows_imported);
  cg_cli_json_add_int (b, "rows_skipped", rows_skipped);
  cg_cli_json_add_int (b, "duplicates", duplicates);
}

void
cg_cli_print_import_counts (gint64 previous_batch_id,
                            gint64 rows_read,
                            gint64 rows_skipped,
                            gint64 duplicates)
{
  g_autofree char *read = cg_format_count (rows_read);
  g_autofree char *skipped = cg_format_count (rows_skipped);
  g_autofree char *dups = cg_format_count (duplicates);

  if (previous_batch_id != 0)
    {
      g_autofree char *previous = cg_format_count (previous_batch_id);
      g_print (_("  This file was imported before, as batch %s.\n"), previous);
    }
  g_print (_("  Rows read: %s, skipped: %s, duplicates: %s.\n"), read, skipped, dups);
}

static JsonNode *
result_to_json (const CgImportResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (b);
  cg_cli_json_add_id (b, "batch_id", r->batch_id);
  cg_cli_json_add_string (b, "file", r->file);
  cg_cli_json_add_string (b, "format", r->format);
  cg_cli_json_add_string (b, "preset", r->preset);
  cg_cli_json_add_string (b, "encoding", r->encoding);
  cg_cli_json_add_string (b, "sha256", r->sha256);
  cg_cli_json_add_import_counts (b, r->previous_batch_id, r->rows_read, r->rows_imported,
                                 r->rows_skipped, r->duplicates);

  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->errors->len; i++)
    {
      const CgImportIssue *issue = g_ptr_array_index (r->errors, i);

      json_builder_begin_object (b);
      cg_cli_json_add_int (b, "row", issue->row);
      cg_cli_json_add_string (b, "column", issue->column);
      cg_cli_json_add_string (b, "message", issue->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cg_cli_json_add_int (b, "errors_total", r->n_errors);

  json_builder_set_member_name (b, "unknown_outcomes");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, r->unknown_outcomes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_begin_object (b);
      cg_cli_json_add_string (b, "text", key);
      cg_cli_json_add_int (b, "count", GPOINTER_TO_INT (value));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_result (const CgImportResult *r)
{
  GHashTableIter iter;
  gpointer key, value;

  g_autofree char *imported = cg_format_count (r->rows_imported);
  g_autofree char *batch = cg_format_count (r->batch_id);

  if (r->batch_id != 0)
    g_print (_("%s: imported as batch %s (%s, preset %s, %s). Calls imported: %s.\n"),
             r->file, batch, r->format, r->preset, r->encoding, imported);
  else
    g_print (_("%s: nothing new to import (%s, preset %s, %s).\n"), r->file, r->format, r->preset, r->encoding);
  cg_cli_print_import_counts (r->previous_batch_id, r->rows_read, r->rows_skipped, r->duplicates);
  for (guint i = 0; i < r->errors->len && i < 10; i++)
    {
      const CgImportIssue *issue = g_ptr_array_index (r->errors, i);
      g_autofree char *row = cg_format_count (issue->row);
      g_print (_("  Row %s, %s: %s\n"), row, issue->column ? issue->column : "-", issue->message);
    }
  if (r->n_errors > 10)
    {
      g_autofree char *more = cg_format_count (r->n_errors - 10);
      g_print (_("  … and %s more skipped rows (see --json).\n"), more);
    }
  g_hash_table_iter_init (&iter, r->unknown_outcomes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_print (ngettext ("  Unknown outcome “%s” on %d call, counted as “other”; map it with --outcome %s=no_answer (or another outcome).\n",
                       "  Unknown outcome “%s” on %d calls, counted as “other”; map it with --outcome %s=no_answer (or another outcome).\n",
                       GPOINTER_TO_INT (value)),
             (char *) key, GPOINTER_TO_INT (value), (char *) key);
}

/* A --preset that is not a built-in layout names a saved mapping: its
 * columns and outcome words come first, so --map and --outcome given on
 * the command line override them. */
static gboolean
load_saved_preset (CgStore     *store,
                   const char  *name,
                   GStrv       *map,
                   GStrv       *outcomes,
                   GError     **error)
{
  g_auto(GStrv) saved_map = NULL;
  g_auto(GStrv) saved_outcomes = NULL;
  g_autoptr(GStrvBuilder) all_map = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) all_outcomes = g_strv_builder_new ();

  if (!cg_import_preset_load (store, name, &saved_map, &saved_outcomes, error))
    return FALSE;
  g_strv_builder_addv (all_map, (const char **) saved_map);
  if (*map != NULL)
    g_strv_builder_addv (all_map, (const char **) *map);
  g_strv_builder_addv (all_outcomes, (const char **) saved_outcomes);
  if (*outcomes != NULL)
    g_strv_builder_addv (all_outcomes, (const char **) *outcomes);
  g_strfreev (*map);
  g_strfreev (*outcomes);
  *map = g_strv_builder_end (all_map);
  *outcomes = g_strv_builder_end (all_outcomes);
  return TRUE;
}

static gboolean
parse_import_options (CgImportOptions  *options,
                      const char       *format,
                      const char       *preset,
                      const char       *on_error,
                      GError          **error)
{
  if (format != NULL && !cg_file_format_from_string (format, &options->reader.format))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--format must be auto, csv, xlsx or xls, not “%s”."), format);
      return FALSE;
    }
  if (preset != NULL && !cg_preset_from_string (preset, &options->preset))
    options->preset = CG_PRESET_AUTO;  /* a saved preset, loaded with the store */
  if (on_error != NULL && strcmp (on_error, "skip") != 0 && strcmp (on_error, "abort") != 0)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--on-error must be skip or abort, not “%s”."), on_error);
      return FALSE;
    }
  options->abort_on_error = g_strcmp0 (on_error, "abort") == 0;
  return TRUE;
}

typedef struct {
  CgImportOptions  options;
  GTimeZone       *tz;
  const char      *save_preset;
} ImportCalls;

static gboolean
import_calls_file (CgStore     *store,
                   const char  *path,
                   JsonArray   *results,
                   gpointer     user_data,
                   GError     **error)
{
  ImportCalls *calls = user_data;
  g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, &calls->options, calls->tz, error);
  g_autoptr(CgImportResult) result = NULL;

  if (plan == NULL ||
      (calls->save_preset != NULL && !cg_import_preset_save (store, calls->save_preset, plan, error)) ||
      (result = cg_import_run (store, plan, NULL, NULL, NULL, error)) == NULL)
    return FALSE;
  if (results != NULL)
    json_array_add_element (results, result_to_json (result));
  else
    print_result (result);
  return TRUE;
}

static gboolean
import_calls (CgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *format = NULL;
  g_autofree char *preset = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *on_error = NULL;
  g_autofree char *save_preset = NULL;
  g_auto(GStrv) map = NULL;
  g_auto(GStrv) outcomes = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("File format: auto, csv, xlsx or xls"), N_("FORMAT") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("Layout: auto, asterisk, freepbx, freeswitch, generic, or the name of a saved preset"), N_("PRESET") },
    { "save-preset", 0, 0, G_OPTION_ARG_STRING, &save_preset, N_("Save this file’s column mapping and outcome words as a preset"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Text encoding of CSV files: auto, utf-8 or gb18030"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Worksheet to read (default: the first visible one)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map, N_("Read a field from a column, e.g. start=呼叫时间 or phone=3"), N_("FIELD=COLUMN") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING_ARRAY, &outcomes, N_("Treat an outcome word as a known outcome, e.g. 未呼通=no_answer"), N_("WORD=OUTCOME") },
    { "on-error", 0, 0, G_OPTION_ARG_STRING, &on_error, N_("skip (default): import good rows and list bad ones; abort: import nothing if a row is bad"), N_("MODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  ImportCalls calls = { 0 };
  CgImportOptions *options = &calls.options;
  g_autoptr(GTimeZone) tz = NULL;
  CgStore *store;

  if (!cg_cli_parse ("import calls", _("FILE…"), _("Import call logs (CSV, XLSX, XLS) from dialers, PBXs and SaaS exports."),
                     entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("import calls needs at least one file."));
      return FALSE;
    }
  if (!parse_import_options (options, format, preset, on_error, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if (preset != NULL && !cg_preset_from_string (preset, &options->preset))
    {
      if (!load_saved_preset (store, preset, &map, &outcomes, error))
        return FALSE;
      options->preset_name = preset;
    }
  options->reader.encoding = encoding;
  options->reader.sheet = sheet;
  options->map = (const char *const *) map;
  options->outcome_map = (const char *const *) outcomes;
  tz = cg_store_get_time_zone (store);

  calls.tz = tz;
  calls.save_preset = save_preset;
  return cg_cli_import_files (store, argc, argv, json, import_calls_file, &calls, error);
}

gboolean
cg_cli_import (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  if (argc < 2 || g_str_has_prefix (argv[1], "-"))
    {
      if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
        {
          g_print ("%s\n", _("Usage: callgauge-cli import calls FILE… [OPTIONS]"));
          g_print ("%s\n", _("Run “callgauge-cli import calls --help” for the options."));
          return TRUE;
        }
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("import needs what to import: “import calls FILE…”."));
      return FALSE;
    }
  if (strcmp (argv[1], "calls") == 0)
    return import_calls (cli, argc - 1, argv + 1, error);
  if (strcmp (argv[1], "surveys") == 0)
    return cg_cli_import_surveys (cli, argc - 1, argv + 1, error);
  if (strcmp (argv[1], "complaints") == 0)
    return cg_cli_import_complaints (cli, argc - 1, argv + 1, error);
  if (strcmp (argv[1], "feedback") == 0)
    return cg_cli_import_feedback (cli, argc - 1, argv + 1, error);
  g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("cannot import “%s”; try “import calls FILE…”."), argv[1]);
  return FALSE;
}

gboolean
cg_cli_presets (CgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_auto(GStrv) names = NULL;
  CgStore *store;

  if (!cg_cli_parse ("presets", _("[delete NAME]"), _("List saved import presets, or delete one."),
                     entries, &argc, &argv, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;

  if (argc >= 2)
    {
      if (strcmp (argv[1], "delete") != 0 || argc != 3)
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("Use “presets” to list and “presets delete NAME” to delete."));
          return FALSE;
        }
      return cg_import_preset_delete (store, argv[2], error);
    }

  names = cg_import_preset_list (store);
  cg_cli_print_names ("presets", (const char * const *) names, json,
                      _("No saved import presets. Save one with “import calls FILE --save-preset NAME”."));
  return TRUE;
}
