/* test-scenario.c — scenario files, the scenarios table, and actuals from calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cg-actuals.h"
#include "cg-call-writer.h"
#include "cg-scenario-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static const char example[] =
  "{ \"name\": \"外呼系统A\", \"start\": \"2026-01\", \"horizon_months\": 24, \"discount_rate\": 0.1,"
  "  \"items\": ["
  "    { \"name\": \"服务器\", \"kind\": \"investment\", \"category\": \"hardware\", \"amount\": 60000, \"month\": 0 },"
  "    { \"name\": \"坐席人工\", \"kind\": \"cost\", \"category\": \"labour\","
  "      \"factors\": [ { \"name\": \"seats\", \"value\": 12, \"source\": \"actual\" },"
  "                     { \"name\": \"monthly_cost\", \"value\": 6500 } ], \"annual_growth\": 0.05 },"
  "    { \"name\": \"毛利\", \"kind\": \"benefit\", \"category\": \"revenue\", \"amount\": 90000,"
  "      \"month\": 2, \"end_month\": 20, \"source\": \"forecast\" } ] }";

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScenario) s = cg_scenario_from_data (example, &error);
  g_autoptr(CgScenario) again = NULL;
  g_autofree char *json = NULL;
  CgScenarioItem *labour, *benefit;

  g_assert_no_error (error);
  g_assert_cmpstr (s->name, ==, "外呼系统A");
  g_assert_cmpint (s->start_year, ==, 2026);
  g_assert_cmpint (s->start_month, ==, 1);
  g_assert_cmpint (s->horizon_months, ==, 24);
  g_assert_cmpfloat (s->discount_rate, ==, 0.1);
  g_assert_cmpuint (s->items->len, ==, 3);
  labour = g_ptr_array_index (s->items, 1);
  g_assert_cmpint (labour->kind, ==, CG_ITEM_COST);
  g_assert_cmpint (labour->month, ==, 1);  /* monthly items start in month 1 by default */
  g_assert_cmpfloat (cg_scenario_item_get_amount (labour), ==, 12 * 6500.0);
  g_assert_cmpint (((CgFactor *) g_ptr_array_index (labour->factors, 0))->source, ==, CG_SOURCE_ACTUAL);
  g_assert_cmpint (((CgFactor *) g_ptr_array_index (labour->factors, 1))->source, ==, CG_SOURCE_ASSUMPTION);
  g_assert_cmpfloat (labour->annual_growth, ==, 0.05);
  benefit = g_ptr_array_index (s->items, 2);
  g_assert_cmpint (benefit->month, ==, 2);
  g_assert_cmpint (benefit->end_month, ==, 20);
  g_assert_cmpint (benefit->source, ==, CG_SOURCE_FORECAST);

  json = cg_scenario_to_data (s);
  again = cg_scenario_from_data (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->items->len, ==, 3);
  g_assert_cmpfloat (cg_scenario_item_get_amount (g_ptr_array_index (again->items, 1)), ==, 78000.0);
  g_assert_cmpint (((CgScenarioItem *) g_ptr_array_index (again->items, 2))->end_month, ==, 20);
}

static void
test_json_invalid (void)
{
  static const struct { const char *json; const char *needle; } cases[] = {
    { "not json", "JSON" },
    { "[1, 2]", "object" },
    { "{ \"start\": \"2026-01\" }", "name" },
    { "{ \"name\": \"x\", \"start\": \"2026-13\" }", "start" },
    { "{ \"name\": \"x\", \"horizon_months\": 0 }", "horizon_months" },
    { "{ \"name\": \"x\", \"discount_rate\": \"8%\" }", "discount_rate" },
    { "{ \"name\": \"x\", \"items\": [ { \"name\": \"a\", \"kind\": \"gift\", \"amount\": 1 } ] }", "kind" },
    { "{ \"name\": \"x\", \"items\": [ { \"name\": \"a\", \"kind\": \"cost\" } ] }", "amount" },
    { "{ \"name\": \"x\", \"items\": [ { \"name\": \"a\", \"kind\": \"cost\", \"amount\": 1, \"month\": 5, \"end_month\": 2 } ] }", "month" },
    { "{ \"name\": \"x\", \"items\": [ { \"name\": \"a\", \"kind\": \"cost\", \"factors\": [ { \"value\": 2 } ] } ] }", "name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CgScenario) s = cg_scenario_from_data (cases[i].json, &error);

      g_assert_null (s);
      g_assert_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_INVALID);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention %s", i, error->message, cases[i].needle);
    }
}

static void
test_store_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScenario) s = cg_scenario_from_data (example, &error);
  g_autoptr(CgScenario) loaded = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (cg_store_save_scenario (f->store, s, FALSE, &error));
  g_assert_false (cg_store_save_scenario (f->store, s, FALSE, &error));
  g_assert_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_EXISTS);
  g_clear_error (&error);

  s->horizon_months = 48;
  g_assert_true (cg_store_save_scenario (f->store, s, TRUE, &error));
  loaded = cg_store_load_scenario (f->store, "外呼系统A", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->horizon_months, ==, 48);

  names = cg_store_list_scenarios (f->store, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_true (cg_store_delete_scenario (f->store, "外呼系统A", &error));
  g_assert_false (cg_store_delete_scenario (f->store, "外呼系统A", &error));
  g_assert_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cg_store_load_scenario (f->store, "外呼系统A", &error));
  g_assert_error (error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_NOT_FOUND);
}

/* Adds one call at @start with @talk seconds; talk > 0 means connected. */
static void
add_call (CgCallWriter *w,
          gint64        start,
          const char   *line,
          int           talk,
          CgDisposition disposition,
          double        amount)
{
  CgCall call;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_strdup_printf ("%s-%" G_GINT64_FORMAT, line, start);

  cg_call_init (&call);
  call.call_uid = uid;
  call.start_ts = start;
  call.line = line;
  call.agent_id = talk % 2 ? "A01" : "A02";
  call.phone = "13800138000";
  call.talk_s = talk;
  call.outcome = talk > 0 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
  call.disposition = disposition;
  call.sale_amount = amount;
  cg_test_add_call (w, &call);
}

/* Billing by the started minute: 61 s is 2 minutes, 30 s is 1, 120 s is 2.
 * Worked by hand: L01 has 61 + 30 + 120 s → 2 + 1 + 2 = 5 minutes at
 * 0.10 = 0.50; L02 has 59 s → 1 minute at the default 0.20 = 0.20. */
static void
test_actuals (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "t.csv", "generic", "UTF-8", &error);
  g_autoptr(CgActuals) a = NULL;
  g_autoptr(CgActuals) b = NULL;
  g_autoptr(CgScenario) s = NULL;
  const gint64 t0 = 1788228000;  /* 2026-09-01 10:00:00 +08:00 (date -d) */

  g_assert_no_error (error);
  add_call (w, t0, "L01", 61, CG_DISPOSITION_SALE, 1200);
  add_call (w, t0 + 100, "L01", 30, CG_DISPOSITION_NOT_INTERESTED, NAN);
  add_call (w, t0 + 200, "L01", 120, CG_DISPOSITION_SALE, 800);
  add_call (w, t0 + 300, "L01", 0, CG_DISPOSITION_NONE, NAN);
  add_call (w, t0 + 400, "L02", 59, CG_DISPOSITION_SALE, NAN);
  add_call (w, t0 + 40 * 86400, "L02", 300, CG_DISPOSITION_SALE, 5000);  /* outside the period */
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, 6, 0, &error), >, 0);
  g_assert_true (cg_store_set_setting (f->store, "line_rate/L01", "0.10", &error));
  g_assert_true (cg_store_set_setting (f->store, "line_rate_default", "0.20", &error));

  a = cg_actuals_compute (f->store, t0, t0 + 30 * 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->calls, ==, 5);
  g_assert_cmpint (a->connected, ==, 4);
  g_assert_cmpint (a->sales, ==, 3);
  g_assert_cmpint (a->sales_with_amount, ==, 2);
  g_assert_cmpfloat_with_epsilon (a->revenue, 2000.0, 1e-9);
  g_assert_cmpuint (a->lines->len, ==, 2);
  g_assert_cmpint (((CgLineActuals *) g_ptr_array_index (a->lines, 0))->billable_minutes, ==, 5);
  g_assert_cmpint (((CgLineActuals *) g_ptr_array_index (a->lines, 1))->billable_minutes, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->telecom_cost, 0.50 + 0.20, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->months, 30 / 30.4375, 1e-9);

  /* Per-second billing: (61 + 30 + 120) / 60 × 0.10 + 59 / 60 × 0.20. */
  g_assert_true (cg_store_set_setting (f->store, "billing", "per_second", &error));
  b = cg_actuals_compute (f->store, t0, t0 + 30 * 86400, &error);
  g_assert_cmpfloat_with_epsilon (b->telecom_cost, 211 / 60.0 * 0.10 + 59 / 60.0 * 0.20, 1e-9);

  /* The scenario made from it carries the actuals, marked as such:
   * revenue per month = sales × average sale = 3 × 1000 / months. */
  s = cg_actuals_make_scenario (a, "from data");
  for (guint i = 0; i < s->items->len; i++)
    {
      CgScenarioItem *item = g_ptr_array_index (s->items, i);

      if (g_str_equal (item->category, "revenue"))
        {
          double expected = 3 * 1000.0 / a->months * 0.3;
          g_assert_cmpfloat_with_epsilon (cg_scenario_item_get_amount (item), expected, 1e-6);
          g_assert_cmpint (((CgFactor *) g_ptr_array_index (item->factors, 0))->source, ==, CG_SOURCE_ACTUAL);
        }
      else if (g_str_equal (item->category, "telecom"))
        {
          g_assert_cmpint (item->source, ==, CG_SOURCE_ACTUAL);
          g_assert_cmpfloat_with_epsilon (item->amount, 0.70 / a->months, 1e-9);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/json-round-trip", test_json_round_trip);
  g_test_add_func ("/scenario/json-invalid", test_json_invalid);
  g_test_add ("/scenario/store", Fixture, NULL, cg_test_store_set_up, test_store_crud, cg_test_store_tear_down);
  g_test_add ("/scenario/actuals", Fixture, NULL, cg_test_store_set_up, test_actuals, cg_test_store_tear_down);
  return g_test_run ();
}
