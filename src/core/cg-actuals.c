/* cg-actuals.c — what the call log says about costs and benefits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-actuals.h"
#include "cg-call.h"
#include "cg-store-private.h"

/* Average month length of the Gregorian calendar, in days. */
#define DAYS_PER_MONTH 30.4375

void
cg_actuals_free (CgActuals *actuals)
{
  if (actuals == NULL)
    return;
  g_clear_pointer (&actuals->lines, g_ptr_array_unref);
  g_free (actuals);
}

static void
line_actuals_free (CgLineActuals *line)
{
  g_free (line->line);
  g_free (line);
}

static double
line_rate (CgStore    *store,
           const char *line)
{
  g_autofree char *key = g_strconcat ("line_rate/", line ? line : "", NULL);
  g_autofree char *fallback = cg_store_get_setting (store, "line_rate_default", "0");
  g_autofree char *value = cg_store_get_setting (store, key, fallback);

  return g_ascii_strtod (value, NULL);
}

static gboolean
compute_totals (CgStore   *store,
                CgActuals *a,
                GError   **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT count(*), sum(outcome = ?3), sum(disposition = ?4),"
    "       sum(disposition = ?4 AND sale_amount IS NOT NULL), coalesce (sum(sale_amount), 0),"
    "       count(DISTINCT agent_id),"
    "       (SELECT count(*) FROM (SELECT DISTINCT agent_id, start_ts / 3600 FROM calls"
    "                              WHERE start_ts >= ?1 AND start_ts < ?2 AND agent_id IS NOT NULL))"
    "  FROM calls WHERE start_ts >= ?1 AND start_ts < ?2",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->from_ts);
  sqlite3_bind_int64 (stmt, 2, a->to_ts);
  sqlite3_bind_int (stmt, 3, CG_OUTCOME_CONNECTED);
  sqlite3_bind_int (stmt, 4, CG_DISPOSITION_SALE);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      a->calls = sqlite3_column_int64 (stmt, 0);
      a->connected = sqlite3_column_int64 (stmt, 1);
      a->sales = sqlite3_column_int64 (stmt, 2);
      a->sales_with_amount = sqlite3_column_int64 (stmt, 3);
      a->revenue = sqlite3_column_double (stmt, 4);
      a->agents = sqlite3_column_int64 (stmt, 5);
      a->agent_hours = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "actuals");
      return FALSE;
    }
  return TRUE;
}

static gboolean
compute_lines (CgStore   *store,
               CgActuals *a,
               GError   **error)
{
  /* Billed time is talk time of connected calls: (talk_s + 59) / 60 is
   * the whole minutes a carrier charges. */
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT line, count(*),"
    "       sum(CASE WHEN outcome = ?3 AND talk_s > 0 THEN (talk_s + 59) / 60 ELSE 0 END),"
    "       sum(CASE WHEN outcome = ?3 THEN talk_s ELSE 0 END)"
    "  FROM calls WHERE start_ts >= ?1 AND start_ts < ?2 GROUP BY line ORDER BY line",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->from_ts);
  sqlite3_bind_int64 (stmt, 2, a->to_ts);
  sqlite3_bind_int (stmt, 3, CG_OUTCOME_CONNECTED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgLineActuals *line = g_new0 (CgLineActuals, 1);
      gint64 talk_seconds = sqlite3_column_int64 (stmt, 3);
      double minutes;

      line->line = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      line->calls = sqlite3_column_int64 (stmt, 1);
      line->billable_minutes = a->per_second_billing ? (talk_seconds + 59) / 60 : sqlite3_column_int64 (stmt, 2);
      minutes = a->per_second_billing ? talk_seconds / 60.0 : (double) line->billable_minutes;
      line->rate_per_minute = line_rate (store, line->line);
      line->telecom_cost = minutes * line->rate_per_minute;
      a->telecom_cost += line->telecom_cost;
      g_ptr_array_add (a->lines, line);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "actuals by line");
      return FALSE;
    }
  return TRUE;
}

CgActuals *
cg_actuals_compute (CgStore  *store,
                    gint64    from_ts,
                    gint64    to_ts,
                    GError  **error)
{
  g_autoptr(CgActuals) a = g_new0 (CgActuals, 1);
  g_autofree char *billing = cg_store_get_setting (store, "billing", "per_minute");

  if (to_ts <= from_ts)
    {
      g_set_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID,
                   _("The period ends before it starts."));
      return NULL;
    }
  a->from_ts = from_ts;
  a->to_ts = to_ts;
  a->months = (to_ts - from_ts) / 86400.0 / DAYS_PER_MONTH;
  a->per_second_billing = g_strcmp0 (billing, "per_second") == 0;
  a->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_actuals_free);
  if (!compute_totals (store, a, error) || !compute_lines (store, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

CgScenario *
cg_actuals_make_scenario (const CgActuals *a,
                          const char      *name)
{
  CgScenario *s = cg_scenario_new (name);
  CgScenarioItem *item;
  double months = MAX (a->months, 1e-9);
  double connect_rate = a->calls > 0 ? (double) a->connected / a->calls : 0;
  double conversion = a->connected > 0 ? (double) a->sales / a->connected : 0;
  double average_sale = a->sales_with_amount > 0 ? a->revenue / a->sales_with_amount : 0;

  /* Investments are what the manager knows and the log does not: start
   * from zero so nothing is invented. */
  cg_scenario_add_item (s, _("Servers, switches and handsets"), CG_ITEM_INVESTMENT, "hardware", 0);
  cg_scenario_add_item (s, _("Software licences"), CG_ITEM_INVESTMENT, "software", 0);
  cg_scenario_add_item (s, _("Staff training"), CG_ITEM_INVESTMENT, "training", 0);
  cg_scenario_add_item (s, _("Maintenance"), CG_ITEM_COST, "maintenance", 0);

  item = cg_scenario_add_item (s, _("Telecom fees"), CG_ITEM_COST, "telecom", a->telecom_cost / months);
  item->source = CG_SOURCE_ACTUAL;

  item = cg_scenario_add_item (s, _("Agent labour"), CG_ITEM_COST, "labour", 0);
  cg_scenario_item_add_factor (item, "seats", a->agents, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (item, "monthly_cost", 6000, CG_SOURCE_ASSUMPTION);

  item = cg_scenario_add_item (s, _("Gross profit from sales"), CG_ITEM_BENEFIT, "revenue", 0);
  cg_scenario_item_add_factor (item, "calls_per_month", a->calls / months, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (item, "connect_rate", connect_rate, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (item, "conversion", conversion, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (item, "average_sale", average_sale, CG_SOURCE_ACTUAL);
  cg_scenario_item_add_factor (item, "gross_margin", 0.3, CG_SOURCE_ASSUMPTION);
  return s;
}
