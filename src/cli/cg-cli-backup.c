/* cg-cli-backup.c — `backup list|create|restore`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-backup.h"
#include "cg-cli.h"

static char *
database_path (CgCli *cli)
{
  return cli->db_path != NULL ? g_strdup (cli->db_path) : cg_store_default_path ();
}

static JsonNode *
backups_to_json (GListModel *backups)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "backups");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(CgBackup) backup = g_list_model_get_item (backups, i);
      g_autofree char *created = g_date_time_format_iso8601 (cg_backup_get_created_at (backup));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, cg_backup_get_path (backup));
      json_builder_set_member_name (b, "created_at");
      json_builder_add_string_value (b, created);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, cg_backup_reason_to_string (cg_backup_get_reason (backup)));
      json_builder_set_member_name (b, "bytes");
      json_builder_add_int_value (b, cg_backup_get_size (backup));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Works without opening the database, so that the backups of a damaged
 * one can be listed. */
static gboolean
backup_list (CgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autofree char *db_path = database_path (cli);
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(CgCliTable) table = NULL;

  if (!cg_cli_parse ("backup list", "", _("List the backups of the database, newest first."), entries, &argc, &argv, error))
    return FALSE;
  if (argc != 1)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("backup list takes no arguments."));
      return FALSE;
    }
  if ((backups = cg_backup_list (db_path, error)) == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonNode) node = backups_to_json (backups);
      cg_cli_print_json (node);
      return TRUE;
    }

  if (g_list_model_get_n_items (backups) == 0)
    {
      g_print (_("There are no backups of %s yet. One is made before every batch delete and every database upgrade, and by “callgauge-cli backup create”.\n"),
               db_path);
      return TRUE;
    }
  table = cg_cli_table_new (4, _("Made"), _("Reason"), _("Size"), _("File"));
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(CgBackup) backup = g_list_model_get_item (backups, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (cg_backup_get_created_at (backup));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (cg_backup_get_size (backup));

      cg_cli_table_add_row (table, when, cg_backup_reason_get_label (cg_backup_get_reason (backup)),
                            size, cg_backup_get_path (backup));
    }
  cg_cli_table_print (table);
  return TRUE;
}

static gboolean
backup_create (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *path = NULL;
  CgStore *store;

  if (!cg_cli_parse ("backup create", "", _("Back up the database now."), NULL, &argc, &argv, error))
    return FALSE;
  if (argc != 1)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, _("backup create takes no arguments."));
      return FALSE;
    }
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;
  if ((path = cg_backup_create (store, CG_BACKUP_REASON_MANUAL, error)) == NULL)
    return FALSE;
  g_print (_("Backed up to %s.\n"), path);
  return TRUE;
}

static gboolean
backup_restore (CgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autofree char *db_path = database_path (cli);
  g_autofree char *kept = NULL;
  CgStore *store;

  if (!cg_cli_parse ("backup restore", _("FILE"),
                     _("Replace all data in the database by a backup. The data it replaces is backed up first."),
                     NULL, &argc, &argv, error))
    return FALSE;
  if (argc != 2)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("backup restore needs one backup file (see “callgauge-cli backup list”)."));
      return FALSE;
    }

  store = cg_cli_get_store (cli, &open_error);
  if (store != NULL)
    {
      if (!cg_backup_restore (store, argv[1], error))
        return FALSE;
      g_print (_("Restored %s from %s. The data it replaced was backed up first (see “callgauge-cli backup list”).\n"),
               db_path, argv[1]);
      return TRUE;
    }

  /* The one way to replace a damaged database: asked for by name. */
  if (!g_error_matches (open_error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      return FALSE;
    }
  if (!cg_backup_restore_damaged (db_path, argv[1], &kept, error))
    return FALSE;
  g_print (_("Restored %s from %s. The damaged database was kept as %s.\n"), db_path, argv[1], kept);
  return TRUE;
}

gboolean
cg_cli_backup (CgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  static const CgCliCommand verbs[] = {
    { "list", NULL, backup_list },
    { "create", NULL, backup_create },
    { "restore", NULL, backup_restore },
  };

  return cg_cli_dispatch (cli, argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("Use: backup list [--json] | backup create | backup restore FILE"), error);
}
