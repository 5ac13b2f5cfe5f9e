/* test-forecast.c — forecasts of series with known trend and seasonality,
 * their intervals' coverage, and the history read from the store.
 *
 * Expected values never come from the code under test: series are
 * generated here from a known formula (the truth), coverage is counted
 * over many simulated series, and the store's monthly counts are those
 * the generator wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "cg-call-writer.h"
#include "cg-forecast.h"
#include "cg-store.h"
#include "cg-test-util.h"

/* A standard normal draw (Box–Muller). */
static double
normal (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0), v = g_rand_double (rand);
  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

/* 1000 calls growing 1 % a month, ±20 % by month of year (peak in
 * spring), starting January. */
static double
truth (int t)
{
  return 1000 * pow (1.01, t) * (1 + 0.2 * sin (2 * G_PI * (t % 12) / 12));
}

static void
test_seasonal_accuracy (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgForecast) forecast = NULL;
  double y[36];

  for (int t = 0; t < 36; t++)
    y[t] = truth (t) * exp (0.02 * normal (rand));
  forecast = cg_forecast_series (y, 36, 2023, 1, FALSE, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (forecast->method, ==, CG_FORECAST_SEASONAL);
  g_assert_cmpuint (forecast->forecast->len, ==, 12);
  for (int h = 0; h < 12; h++)
    {
      const CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, h);

      g_assert_cmpint (p->year, ==, 2026);
      g_assert_cmpint (p->month, ==, h + 1);
      g_assert_cmpfloat (fabs (p->value - truth (36 + h)) / truth (36 + h), <, 0.04);
      g_assert_cmpfloat (p->lo95, <, p->lo80);
      g_assert_cmpfloat (p->lo80, <, p->value);
      g_assert_cmpfloat (p->value, <, p->hi80);
      g_assert_cmpfloat (p->hi80, <, p->hi95);
    }
  g_assert_cmpuint (forecast->backtest_months, ==, 3);
  g_assert_cmpfloat (forecast->mape, <, 5.0);
}

/* Over many series the intervals hold the realised value about as often
 * as they claim: 80 % and 95 % within a few points. */
static void
test_seasonal_coverage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  guint in80 = 0, in95 = 0, n = 0;

  for (int s = 0; s < 300; s++)
    {
      g_autoptr(CgForecast) forecast = NULL;
      double y[48];

      for (int t = 0; t < 48; t++)
        y[t] = truth (t) * exp (0.05 * normal (rand));
      forecast = cg_forecast_series (y, 36, 2023, 1, FALSE, 12, NULL);
      g_assert_nonnull (forecast);
      for (int h = 0; h < 12; h++)
        {
          const CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, h);

          in80 += y[36 + h] >= p->lo80 && y[36 + h] <= p->hi80;
          in95 += y[36 + h] >= p->lo95 && y[36 + h] <= p->hi95;
          n++;
        }
    }
  g_test_message ("coverage: 80 %% → %.3f, 95 %% → %.3f", (double) in80 / n, (double) in95 / n);
  g_assert_cmpfloat (fabs ((double) in80 / n - 0.80), <, 0.04);
  g_assert_cmpfloat (fabs ((double) in95 / n - 0.95), <, 0.03);
}

/* Under two years: damped trend.  A local level with noise (the model's
 * own process, α = 0.3) and one-month-ahead intervals. */
static void
test_damped (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint in80 = 0, in95 = 0, n = 0;

  for (int s = 0; s < 400; s++)
    {
      g_autoptr(CgForecast) forecast = NULL;
      double y[19], level = 500;
      const CgForecastPoint *p;

      for (int t = 0; t < 19; t++)
        {
          double e = 20 * normal (rand);
          y[t] = level + e;
          level += 0.3 * e;
        }
      forecast = cg_forecast_series (y, 18, 2025, 3, FALSE, 1, NULL);
      g_assert_nonnull (forecast);
      g_assert_cmpint (forecast->method, ==, CG_FORECAST_DAMPED_TREND);
      p = &g_array_index (forecast->forecast, CgForecastPoint, 0);
      g_assert_cmpint (p->year, ==, 2026);
      g_assert_cmpint (p->month, ==, 9);
      in80 += y[18] >= p->lo80 && y[18] <= p->hi80;
      in95 += y[18] >= p->lo95 && y[18] <= p->hi95;
      n++;
    }
  g_test_message ("damped coverage: 80 %% → %.3f, 95 %% → %.3f", (double) in80 / n, (double) in95 / n);
  g_assert_cmpfloat (fabs ((double) in80 / n - 0.80), <, 0.07);
  g_assert_cmpfloat (fabs ((double) in95 / n - 0.95), <, 0.05);

  /* A straight line is continued (the damping bends it only a little over a quarter). */
  {
    double line[12];
    g_autoptr(CgForecast) forecast = NULL;

    for (int t = 0; t < 12; t++)
      line[t] = 500 + 10 * t;
    forecast = cg_forecast_series (line, 12, 2025, 1, FALSE, 3, NULL);
    for (int h = 0; h < 3; h++)
      g_assert_cmpfloat (fabs (g_array_index (forecast->forecast, CgForecastPoint, h).value - (620 + 10 * h)), <, 0.03 * 620);
  }
}

static void
test_too_short (void)
{
  const double y[5] = { 1, 2, 3, 4, 5 };
  const double rate[8] = { 0.3, 0.31, 0.29, 0.3, 0.32, 0.3, 0.31, 0.99 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgForecast) forecast = NULL;

  g_assert_null (cg_forecast_series (y, 5, 2026, 1, FALSE, 3, &error));
  g_assert_error (error, CG_FORECAST_ERROR, CG_FORECAST_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_null (cg_forecast_series (rate, 8, 2026, 1, TRUE, 13, &error));
  g_assert_error (error, CG_FORECAST_ERROR, CG_FORECAST_ERROR_INVALID);
  g_clear_error (&error);

  /* Rates stay rates. */
  forecast = cg_forecast_series (rate, 8, 2026, 1, TRUE, 12, &error);
  g_assert_no_error (error);
  for (guint h = 0; h < forecast->forecast->len; h++)
    {
      const CgForecastPoint *p = &g_array_index (forecast->forecast, CgForecastPoint, h);
      g_assert_cmpfloat (p->lo95, >=, 0.0);
      g_assert_cmpfloat (p->hi95, <=, 1.0);
    }
}

/* ---- from the store --------------------------------------------------------------- */

typedef CgTestStore Fixture;

/* Calls from 2025-12-15 (a partial month) to 2026-08-20 (another): month
 * k of 2026 (1–7) has 100 + 10 k calls on its 10th, every fifth
 * connected with a sale of 1000. */
static void
generate_months (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) writer = cg_call_writer_new (store, "test", "months", NULL, "utf-8", &error);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  guint serial = 0;

  g_assert_no_error (error);
  for (int k = 0; k <= 8; k++)
    {
      g_autoptr(GDateTime) day = k == 0 ? g_date_time_new (tz, 2025, 12, 15, 10, 0, 0)
                                 : g_date_time_new (tz, 2026, k, k == 8 ? 20 : 10, 10, 0, 0);
      int n = k == 0 || k == 8 ? 50 : 100 + 10 * k;

      for (int i = 0; i < n; i++)
        {
          char uid[16], phone[16];
          CgCall call;

          cg_call_init (&call);
          g_snprintf (uid, sizeof uid, "m%u", ++serial);
          g_snprintf (phone, sizeof phone, "137%08u", serial);
          call.call_uid = uid;
          call.phone = phone;
          call.start_ts = g_date_time_to_unix (day) + i * 60;
          call.outcome = i % 5 == 0 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
          if (i % 5 == 0)
            {
              call.talk_s = 100;
              call.disposition = CG_DISPOSITION_SALE;
              call.sale_amount = 1000;
            }
          cg_test_add_call (writer, &call);
        }
    }
  g_assert_cmpint (cg_call_writer_commit (writer, NULL, NULL, serial, 0, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_store_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgForecast) calls = NULL;
  g_autoptr(CgForecast) revenue = NULL;
  g_autoptr(CgScenario) scenario = cg_scenario_new ("forecast");
  CgScenarioItem *item;
  double last = 0, ahead = 0;

  generate_months (f->store);
  calls = cg_forecast_compute (f->store, CG_FORECAST_CALLS, 4, &error);
  g_assert_no_error (error);
  /* December and August are partial: January to July remain. */
  g_assert_cmpuint (calls->history->len, ==, 7);
  for (int k = 1; k <= 7; k++)
    {
      const CgForecastPoint *p = &g_array_index (calls->history, CgForecastPoint, k - 1);
      g_assert_cmpint (p->year, ==, 2026);
      g_assert_cmpint (p->month, ==, k);
      g_assert_cmpfloat (p->value, ==, 100 + 10 * k);
    }
  g_assert_cmpint (calls->method, ==, CG_FORECAST_DAMPED_TREND);
  g_assert_cmpint (g_array_index (calls->forecast, CgForecastPoint, 0).month, ==, 8);

  revenue = cg_forecast_compute (f->store, CG_FORECAST_REVENUE, 6, &error);
  g_assert_no_error (error);
  /* Every fifth call a sale of 1000: 22, 24, … 34 sales. */
  g_assert_cmpfloat (g_array_index (revenue->history, CgForecastPoint, 0).value, ==, 22 * 1000);

  item = cg_forecast_add_to_scenario (revenue, scenario);
  g_assert_nonnull (item);
  g_assert_cmpint (item->source, ==, CG_SOURCE_FORECAST);
  g_assert_cmpint (item->kind, ==, CG_ITEM_BENEFIT);
  for (int k = 1; k <= 7; k++)
    last += (100 + 10 * k) / 5 * 1000.0 / 7;
  for (guint h = 0; h < revenue->forecast->len; h++)
    ahead += g_array_index (revenue->forecast, CgForecastPoint, h).value / revenue->forecast->len;
  g_assert_cmpfloat_with_epsilon (item->amount, ahead - last, 1e-6);
}

static void
test_cli_json (Fixture       *f,
               gconstpointer  data)
{
  static const char *const point_fields[] = { "month", "value", "lo80", "hi80", "lo95", "hi95" };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *backtest;
  JsonArray *history, *forecast;

  generate_months (f->store);
  node = cg_test_run_cli_json ("--db", f->path, "forecast", "--metric", "connect_rate",
                               "--horizon", "3", "--json", NULL);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "metric"), ==, "connect_rate");
  g_assert_cmpstr (json_object_get_string_member (root, "method"), ==, "damped_trend");
  history = json_object_get_array_member (root, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "month"), ==, "2026-01");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (history, 0), "value"), ==, 0.2);
  forecast = json_object_get_array_member (root, "forecast");
  g_assert_cmpuint (json_array_get_length (forecast), ==, 3);
  for (guint k = 0; k < G_N_ELEMENTS (point_fields); k++)
    g_assert_true (json_object_has_member (json_array_get_object_element (forecast, 2), point_fields[k]));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (forecast, 2), "month"), ==, "2026-10");
  backtest = json_object_get_object_member (root, "backtest");
  g_assert_cmpint (json_object_get_int_member (backtest, "months"), ==, 3);
  g_assert_true (json_object_has_member (backtest, "mape"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forecast/seasonal-accuracy", test_seasonal_accuracy);
  g_test_add_func ("/forecast/seasonal-coverage", test_seasonal_coverage);
  g_test_add_func ("/forecast/damped", test_damped);
  g_test_add_func ("/forecast/too-short", test_too_short);
  g_test_add ("/forecast/store-history", Fixture, NULL, cg_test_store_set_up_beijing, test_store_history, cg_test_store_tear_down);
  g_test_add ("/forecast/cli-json", Fixture, NULL, cg_test_store_set_up_beijing, test_cli_json, cg_test_store_tear_down);
  return g_test_run ();
}
