/* cg-import-presets.c — named column mappings the user saved.
 *
 * A preset is a JSON object in the settings table under
 * "import_preset/<name>":
 *   { "columns":  { "start": "呼叫时间", "phone": "3", … },
 *     "outcomes": { "未呼通": "no_answer", … } }
 * Columns are named by header text, or by 1-based number for files
 * without a header, exactly as --map takes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cg-import-presets.h"
#include "cg-import-private.h"

#define KEY_PREFIX "import_preset/"

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  CgPreset builtin;

  if (trimmed[0] == '\0' || cg_preset_from_string (name, &builtin))
    {
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                   _("“%s” cannot name a preset: give a name that is not empty and not one of auto, asterisk, freepbx, freeswitch, generic."),
                   name ? name : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_import_preset_save (CgStore       *store,
                       const char    *name,
                       CgImportPlan  *plan,
                       GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;
  GHashTableIter iter;
  gpointer word, outcome;

  if (!check_name (name, error))
    return FALSE;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_object (b);
  for (CgCallField f = 0; f < CG_N_FIELDS; f++)
    {
      int column = plan->columns[f];
      g_autofree char *number = NULL;

      if (column < 0)
        continue;
      json_builder_set_member_name (b, cg_call_field_to_string (f));
      if (plan->has_header)
        json_builder_add_string_value (b, cg_import_plan_get_column_name (plan, column));
      else
        {
          number = g_strdup_printf ("%d", column + 1);
          json_builder_add_string_value (b, number);
        }
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "outcomes");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, plan->outcome_words);
  while (g_hash_table_iter_next (&iter, &word, &outcome))
    {
      json_builder_set_member_name (b, word);
      json_builder_add_string_value (b, cg_outcome_to_string (GPOINTER_TO_INT (outcome)));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);
  key = g_strconcat (KEY_PREFIX, name, NULL);
  return cg_store_set_setting (store, key, json, error);
}

GStrv
cg_import_preset_list (CgStore *store)
{
  g_auto(GStrv) keys = cg_store_list_setting_keys (store, KEY_PREFIX);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    g_strv_builder_add (names, keys[i] + strlen (KEY_PREFIX));
  return g_strv_builder_end (names);
}

static GStrv
members_as_pairs (JsonObject *object)
{
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();
  g_autoptr(GList) members = object ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          g_autofree char *pair = g_strconcat (l->data, "=", json_node_get_string (value), NULL);
          g_strv_builder_add (pairs, pair);
        }
    }
  return g_strv_builder_end (pairs);
}

gboolean
cg_import_preset_load (CgStore     *store,
                       const char  *name,
                       GStrv       *map,
                       GStrv       *outcome_map,
                       GError     **error)
{
  g_autofree char *key = g_strconcat (KEY_PREFIX, name, NULL);
  g_autofree char *json = cg_store_get_setting (store, key, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (json == NULL)
    {
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                   _("There is no saved import preset “%s”."), name);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, json, -1, error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_clear_error (error);
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                   _("The saved import preset “%s” is damaged; save it again."), name);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  *map = members_as_pairs (json_object_get_object_member (root, "columns"));
  *outcome_map = members_as_pairs (json_object_get_object_member (root, "outcomes"));
  return TRUE;
}

gboolean
cg_import_preset_delete (CgStore     *store,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *key = g_strconcat (KEY_PREFIX, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!cg_store_delete_setting (store, key, &local_error))
    {
      if (g_error_matches (local_error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND))
        g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                     _("There is no saved import preset “%s”."), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
