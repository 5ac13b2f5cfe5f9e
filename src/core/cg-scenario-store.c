/* cg-scenario-store.c — scenarios as JSON, kept in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "cg-scenario-store.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-scenario-error-quark, cg_scenario_error)

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
item_to_json (JsonBuilder          *b,
              const CgScenarioItem *item)
{
  json_builder_begin_object (b);
  add_string (b, "name", item->name);
  add_string (b, "kind", cg_item_kind_to_string (item->kind));
  add_string (b, "category", item->category);
  if (item->factors->len == 0)
    {
      add_double (b, "amount", item->amount);
      add_string (b, "source", cg_source_to_string (item->source));
    }
  else
    {
      json_builder_set_member_name (b, "factors");
      json_builder_begin_array (b);
      for (guint i = 0; i < item->factors->len; i++)
        {
          const CgFactor *f = g_ptr_array_index (item->factors, i);
          json_builder_begin_object (b);
          add_string (b, "name", f->name);
          add_double (b, "value", f->value);
          add_string (b, "source", cg_source_to_string (f->source));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  add_int (b, "month", item->month);
  if (item->end_month >= 0)
    add_int (b, "end_month", item->end_month);
  if (item->annual_growth != 0)
    add_double (b, "annual_growth", item->annual_growth);
  json_builder_end_object (b);
}

JsonNode *
cg_scenario_to_json (const CgScenario *scenario)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *start = g_strdup_printf ("%04d-%02d", scenario->start_year, scenario->start_month);

  json_builder_begin_object (b);
  add_string (b, "name", scenario->name);
  add_string (b, "start", start);
  add_int (b, "horizon_months", scenario->horizon_months);
  add_double (b, "discount_rate", scenario->discount_rate);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < scenario->items->len; i++)
    item_to_json (b, g_ptr_array_index (scenario->items, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cg_scenario_to_data (const CgScenario *scenario)
{
  g_autoptr(JsonNode) node = cg_scenario_to_json (scenario);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* ---- reading: every field checked, every problem named ------------------- */

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *what)
{
  g_set_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_INVALID,
               _("The scenario is not valid: %s %s."), where, what);
  return FALSE;
}

static gboolean
get_number (JsonObject  *o,
            const char  *member,
            gboolean     required,
            double      *value,
            const char  *where,
            GError     **error)
{
  JsonNode *n = json_object_get_member (o, member);
  g_autofree char *what = NULL;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (!required)
        return TRUE;
      what = g_strdup_printf (_("needs “%s”"), member);
      return invalid (error, where, what);
    }
  if (!JSON_NODE_HOLDS_VALUE (n) ||
      (json_node_get_value_type (n) != G_TYPE_DOUBLE && json_node_get_value_type (n) != G_TYPE_INT64))
    {
      what = g_strdup_printf (_("has “%s” that is not a number"), member);
      return invalid (error, where, what);
    }
  *value = json_node_get_double (n);
  return TRUE;
}

static const char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
item_from_json (CgScenario  *scenario,
                JsonNode    *node,
                guint        index,
                GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("item %u"), index + 1);
  JsonObject *o;
  const char *name, *kind_id, *source_id;
  CgItemKind kind;
  CgScenarioItem *item;
  double amount = 0, month, end_month = -1, growth = 0;
  JsonArray *factors;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("is not an object"));
  o = json_node_get_object (node);
  name = get_string (o, "name");
  kind_id = get_string (o, "kind");
  if (name == NULL || name[0] == '\0')
    return invalid (error, where, _("needs a “name”"));
  if (kind_id == NULL || !cg_item_kind_from_string (kind_id, &kind))
    return invalid (error, where, _("needs a “kind”: investment, cost or benefit"));

  factors = json_object_has_member (o, "factors") ? json_object_get_array_member (o, "factors") : NULL;
  if (factors == NULL && !get_number (o, "amount", TRUE, &amount, where, error))
    return FALSE;
  item = cg_scenario_add_item (scenario, name, kind, get_string (o, "category"), amount);
  month = item->month;
  if (!get_number (o, "month", FALSE, &month, where, error) ||
      !get_number (o, "end_month", FALSE, &end_month, where, error) ||
      !get_number (o, "annual_growth", FALSE, &growth, where, error))
    return FALSE;
  if (month < 0 || month != floor (month) || (end_month >= 0 && end_month < month))
    return invalid (error, where, _("has months that are not whole, or end before they start"));
  item->month = (int) month;
  item->end_month = (int) end_month;
  item->annual_growth = growth;
  source_id = get_string (o, "source");
  if (source_id != NULL && !cg_source_from_string (source_id, &item->source))
    return invalid (error, where, _("has a “source” other than assumption, actual or forecast"));

  for (guint i = 0; factors != NULL && i < json_array_get_length (factors); i++)
    {
      JsonNode *fn = json_array_get_element (factors, i);
      JsonObject *fo;
      const char *fname, *fsource;
      double value;
      CgSource source = CG_SOURCE_ASSUMPTION;

      if (!JSON_NODE_HOLDS_OBJECT (fn))
        return invalid (error, where, _("has a factor that is not an object"));
      fo = json_node_get_object (fn);
      fname = get_string (fo, "name");
      fsource = get_string (fo, "source");
      if (fname == NULL || !get_number (fo, "value", TRUE, &value, where, error))
        return fname == NULL ? invalid (error, where, _("has a factor without a “name”")) : FALSE;
      if (fsource != NULL && !cg_source_from_string (fsource, &source))
        return invalid (error, where, _("has a factor whose “source” is not assumption, actual or forecast"));
      cg_scenario_item_add_factor (item, fname, value, source);
    }
  return TRUE;
}

CgScenario *
cg_scenario_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(CgScenario) scenario = NULL;
  JsonObject *o;
  JsonArray *items;
  const char *name, *start;
  double horizon = 36, rate = 0.08;
  int year, month;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("the file"), _("is not a JSON object"));
      return NULL;
    }
  o = json_node_get_object (node);
  name = get_string (o, "name");
  if (name == NULL || name[0] == '\0')
    {
      invalid (error, _("the scenario"), _("needs a “name”"));
      return NULL;
    }
  scenario = cg_scenario_new (name);
  start = get_string (o, "start");
  if (start != NULL)
    {
      if (sscanf (start, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12 || year < 2000 || year > 2200)
        {
          invalid (error, _("the scenario"), _("has a “start” that is not a month like 2026-01"));
          return NULL;
        }
      scenario->start_year = year;
      scenario->start_month = month;
    }
  if (!get_number (o, "horizon_months", FALSE, &horizon, _("the scenario"), error) ||
      !get_number (o, "discount_rate", FALSE, &rate, _("the scenario"), error))
    return NULL;
  if (horizon < 1 || horizon > 600 || horizon != floor (horizon))
    {
      invalid (error, _("the scenario"), _("needs “horizon_months” between 1 and 600"));
      return NULL;
    }
  if (rate <= -1 || rate > 10)
    {
      invalid (error, _("the scenario"), _("needs a “discount_rate” such as 0.08 for 8 %"));
      return NULL;
    }
  scenario->horizon_months = (int) horizon;
  scenario->discount_rate = rate;

  items = json_object_has_member (o, "items") ? json_object_get_array_member (o, "items") : NULL;
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (!item_from_json (scenario, json_array_get_element (items, i), i, error))
      return NULL;
  return g_steal_pointer (&scenario);
}

CgScenario *
cg_scenario_from_data (const char  *json,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  if (!json_parser_load_from_data (parser, json, -1, &parse_error))
    {
      g_set_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_INVALID,
                   _("The scenario is not valid JSON: %s"), parse_error->message);
      return NULL;
    }
  return cg_scenario_from_json (json_parser_get_root (parser), error);
}

/* ---- the scenarios table ---------------------------------------------------- */

gboolean
cg_store_save_scenario (CgStore           *store,
                        const CgScenario  *scenario,
                        gboolean           replace,
                        GError           **error)
{
  g_autofree char *json = cg_scenario_to_data (scenario);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           replace
                           ? "INSERT INTO scenarios (name, json, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) "
                             "ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at"
                           : "INSERT INTO scenarios (name, json, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scenario->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_EXISTS,
                   _("There is already a scenario named “%s”."), scenario->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "save scenario");
      return FALSE;
    }
  return TRUE;
}

CgScenario *
cg_store_load_scenario (CgStore     *store,
                        const char  *name,
                        GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT json FROM scenarios WHERE name = ?1", error);
  g_autofree char *json = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (json == NULL)
    {
      g_set_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_NOT_FOUND,
                   _("There is no scenario named “%s”."), name);
      return NULL;
    }
  return cg_scenario_from_data (json, error);
}

GStrv
cg_store_list_scenarios (CgStore  *store,
                         GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT name FROM scenarios ORDER BY name", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}

gboolean
cg_store_delete_scenario (CgStore     *store,
                          const char  *name,
                          GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "DELETE FROM scenarios WHERE name = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "delete scenario");
      return FALSE;
    }
  if (sqlite3_changes (cg_store_get_db (store)) == 0)
    {
      g_set_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_NOT_FOUND,
                   _("There is no scenario named “%s”."), name);
      return FALSE;
    }
  return TRUE;
}
