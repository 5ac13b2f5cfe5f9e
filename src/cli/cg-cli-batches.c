/* cg-cli-batches.c — `batches`, `batch-delete` and `demo`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cg-batch.h"
#include "cg-cli.h"
#include "cg-demo.h"
#include "cg-format.h"

static JsonNode *
batches_to_json (GListModel *batches)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "batches");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(CgBatch) batch = g_list_model_get_item (batches, i);
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (cg_batch_get_created_at (batch));
      g_autofree char *created_iso = g_date_time_format_iso8601 (created);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, cg_batch_get_id (batch));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, cg_batch_get_kind (batch));
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, cg_batch_get_file_name (batch));
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, cg_batch_get_sha256 (batch));
      json_builder_set_member_name (b, "created_at");
      json_builder_add_string_value (b, created_iso);
      json_builder_set_member_name (b, "preset");
      json_builder_add_string_value (b, cg_batch_get_preset (batch));
      json_builder_set_member_name (b, "encoding");
      json_builder_add_string_value (b, cg_batch_get_encoding (batch));
      json_builder_set_member_name (b, "rows_read");
      json_builder_add_int_value (b, cg_batch_get_rows_read (batch));
      json_builder_set_member_name (b, "rows_imported");
      json_builder_add_int_value (b, cg_batch_get_rows_imported (batch));
      json_builder_set_member_name (b, "rows_skipped");
      json_builder_add_int_value (b, cg_batch_get_rows_skipped (batch));
      json_builder_set_member_name (b, "duplicates");
      json_builder_add_int_value (b, cg_batch_get_duplicates (batch));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
cg_cli_batches (CgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(CgCliTable) table = NULL;
  CgStore *store;

  if (!cg_cli_parse ("batches", "", _("List import batches, newest first."), entries, &argc, &argv, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if ((batches = cg_store_list_batches (store, error)) == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonNode) node = batches_to_json (batches);
      cg_cli_print_json (node);
      return TRUE;
    }

  table = cg_cli_table_new (6, _("ID"), _("Kind"), _("File"), _("Imported"), _("Rows"), _("Duplicates"));
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(CgBatch) batch = g_list_model_get_item (batches, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cg_batch_get_id (batch));
      g_autofree char *when = cg_cli_format_time (cg_batch_get_created_at (batch));
      g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, cg_batch_get_rows_imported (batch));
      g_autofree char *dups = g_strdup_printf ("%" G_GINT64_FORMAT, cg_batch_get_duplicates (batch));

      cg_cli_table_add_row (table, id, cg_batch_get_kind (batch), cg_batch_get_file_name (batch),
                            when, rows, dups);
    }
  if (g_list_model_get_n_items (batches) == 0)
    g_print ("%s\n", _("No data imported yet. Import a call log with “callgauge-cli import calls FILE”, or load the demo data with “callgauge-cli demo”."));
  else
    cg_cli_table_print (table);
  return TRUE;
}

gboolean
cg_cli_batch_delete (CgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  CgStore *store;
  gint64 id;
  char *end = NULL;

  if (!cg_cli_parse ("batch-delete", _("ID"), _("Delete an import batch and exactly the rows it imported."),
                     NULL, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("batch-delete needs one batch ID (see “callgauge-cli batches”)."));
      return FALSE;
    }
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("“%s” is not a batch ID."), argv[1]);
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if (!cg_store_delete_batch (store, id, error))
    return FALSE;
  g_print (_("Deleted batch %s.\n"), argv[1]);
  return TRUE;
}

gboolean
cg_cli_demo (CgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  int seed = 1;
  int months = 6;
  g_autofree char *end = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (same seed, same data)"), N_("N") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("Months of history (default 6)"), N_("N") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the data (default today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  CgDemoOptions options = { 0 };
  GDate end_date;
  CgStore *store;
  gint64 batch;

  if (!cg_cli_parse ("demo", "", _("Fill the database with realistic demo data."), entries, &argc, &argv, error))
    return FALSE;
  if (months < 1 || months > 60)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("--months must be between 1 and 60."));
      return FALSE;
    }
  if (end != NULL)
    {
      g_date_clear (&end_date, 1);
      g_date_set_parse (&end_date, end);
      if (!g_date_valid (&end_date) || strlen (end) != 10)
        {
          g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("“%s” is not a date like 2026-09-30."), end);
          return FALSE;
        }
      options.end_date = &end_date;
    }
  options.seed = (guint32) seed;
  options.months = months;

  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  batch = cg_demo_generate (store, &options, NULL, NULL, NULL, error);
  if (batch == 0)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "batch_id");
      json_builder_add_int_value (b, batch);
      json_builder_set_member_name (b, "calls");
      json_builder_add_int_value (b, cg_store_count_calls (store));
      json_builder_end_object (b);
      cg_cli_print_builder (b);
    }
  else
    {
      g_autofree char *id = cg_format_count (batch);
      g_autofree char *calls = cg_format_count (cg_store_count_calls (store));
      g_print (_("Demo data loaded as batch %s. Calls in the database: %s.\n"), id, calls);
    }
  return TRUE;
}
