/* test-cli.c — callgauge-cli as a user runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cg-test-util.h"

static char *
temp_db (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-cli-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  cg_test_remove_tree (dir);
}

static void
test_help (void)
{
  CgTestRun r = cg_test_run_cli ("--help", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "callgauge-cli"));
  g_assert_nonnull (strstr (r.out, "--db"));
  g_assert_nonnull (strstr (r.out, "batches"));
  g_assert_nonnull (strstr (r.out, "demo"));
  cg_test_run_clear (&r);
}

static void
test_version (void)
{
  CgTestRun r = cg_test_run_cli ("--version", NULL);
  g_autoptr(GRegex) re = g_regex_new ("^callgauge-cli [0-9]+\\.[0-9]+\\.[0-9]+\\n$", 0, 0, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match (re, r.out, 0, NULL));
  cg_test_run_clear (&r);
}

static void
assert_one_line_error (CgTestRun        *r,
                       const char *needle)
{
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "callgauge-cli: "));
  g_assert_nonnull (strstr (r->err, needle));
  /* One line, no crash report, nothing on stdout. */
  g_assert_cmpint (strchr (r->err, '\n') - r->err, ==, (long) strlen (r->err) - 1);
  g_assert_cmpstr (r->out, ==, "");
}

static void
test_bad_usage (void)
{
  g_autofree char *db = temp_db ("bad.db");
  CgTestRun r = cg_test_run_cli ("--db", db, "frobnicate", NULL);
  assert_one_line_error (&r, "frobnicate");
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--no-such-option", NULL);
  assert_one_line_error (&r, "--no-such-option");
  cg_test_run_clear (&r);

  r = cg_test_run_cli (NULL, NULL);
  assert_one_line_error (&r, "--help");
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "batches", "--bogus", NULL);
  assert_one_line_error (&r, "--bogus");
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "batch-delete", "abc", NULL);
  assert_one_line_error (&r, "abc");
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "batch-delete", "999", NULL);
  assert_one_line_error (&r, "999");
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "demo", "--end", "2026-13-45", NULL);
  assert_one_line_error (&r, "2026-13-45");
  cg_test_run_clear (&r);
  remove_db (db);
}

static void
test_not_a_database (void)
{
  g_autofree char *db = temp_db ("notes.txt");
  CgTestRun r;

  g_assert_true (g_file_set_contents (db, "hello", -1, NULL));
  r = cg_test_run_cli ("--db", db, "batches", NULL);
  assert_one_line_error (&r, db);
  cg_test_run_clear (&r);
  remove_db (db);
}

static void
test_demo_batches_json (void)
{
  g_autofree char *db = temp_db ("demo.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *batch;
  JsonArray *batches;
  CgTestRun r = cg_test_run_cli ("--db", db, "demo", "--seed", "7", "--months", "1", "--end", "2026-09-30", NULL);

  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "batches", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  batches = json_object_get_array_member (root, "batches");
  g_assert_cmpuint (json_array_get_length (batches), ==, 1);
  batch = json_array_get_object_element (batches, 0);
  g_assert_cmpstr (json_object_get_string_member (batch, "kind"), ==, "demo");
  /* The batch's own count against the rows actually in the table. */
  g_assert_cmpint (json_object_get_int_member (batch, "rows_imported"), ==,
                   cg_test_sql_int (db, "SELECT count(*) FROM calls"));
  g_assert_cmpint (json_object_get_int_member (batch, "rows_imported"), >, 5000);
  /* All demo calls fall in 2026-08-31 … 2026-09-30, Beijing time (bounds from `date -d`). */
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM calls WHERE start_ts < 1788105600 OR start_ts >= 1790784000"), ==, 0);
  /* Privacy: no full numbers stored by default, masks look like 138****8000. */
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM calls WHERE phone_full IS NOT NULL"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM calls WHERE phone_kind = 1 AND phone_masked NOT GLOB '1[3-9][0-9]****[0-9][0-9][0-9][0-9]'"), ==, 0);
  cg_test_run_clear (&r);

  /* The same seed again: every row is a duplicate, nothing is added. */
  r = cg_test_run_cli ("--db", db, "demo", "--seed", "7", "--months", "1", "--end", "2026-09-30", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT sum(rows_imported) FROM batches"), ==,
                   cg_test_sql_int (db, "SELECT count(*) FROM calls"));
  g_assert_cmpint (cg_test_sql_int (db, "SELECT rows_imported FROM batches WHERE id = 2"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT duplicates FROM batches WHERE id = 2"), ==,
                   cg_test_sql_int (db, "SELECT count(*) FROM calls"));
  cg_test_run_clear (&r);

  /* Text output names the batch. */
  r = cg_test_run_cli ("--db", db, "batches", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "demo"));
  cg_test_run_clear (&r);

  /* Undo: deleting batch 1 removes exactly its calls. */
  r = cg_test_run_cli ("--db", db, "batch-delete", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM calls"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM batches"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (db, "SELECT count(*) FROM dnc WHERE batch_id = 1"), ==, 0);
  cg_test_run_clear (&r);
  remove_db (db);
}

/* Same seed, same data: the generator draws nothing from the clock. */
static void
test_demo_deterministic (void)
{
  g_autofree char *a = temp_db ("a.db");
  g_autofree char *b = temp_db ("b.db");
  const char *sum = "SELECT sum(start_ts % 1000003 * (outcome + 1) + talk_s) + count(*) FROM calls";
  CgTestRun r1 = cg_test_run_cli ("--db", a, "demo", "--seed", "3", "--months", "1", "--end", "2026-06-30", NULL);
  CgTestRun r2 = cg_test_run_cli ("--db", b, "demo", "--seed", "3", "--months", "1", "--end", "2026-06-30", NULL);

  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpint (cg_test_sql_int (a, sum), ==, cg_test_sql_int (b, sum));
  g_assert_cmpint (cg_test_sql_int (a, "SELECT count(DISTINCT line) FROM calls"), ==, 3);
  g_assert_cmpint (cg_test_sql_int (a, "SELECT count(DISTINCT list) FROM calls"), ==, 4);
  g_assert_cmpint (cg_test_sql_int (a, "SELECT count(DISTINCT agent_id) FROM calls"), ==, 12);
  /* Invalid numbers exist and are classified as such. */
  g_assert_cmpint (cg_test_sql_int (a, "SELECT count(*) FROM calls WHERE phone_kind = 4"), >, 0);
  cg_test_run_clear (&r1);
  cg_test_run_clear (&r2);
  remove_db (a);
  remove_db (b);
}

/* Scenario files through the CLI, and roi on flows whose NPV and IRR
 * are Excel's: NPV(10 %, 300, 400, 500) − 1000 = −21.036814 and
 * IRR(−1000, 300, 400, 500) = 8.89634 % (both checked with python3).
 * An annual rate of 1.1^12 − 1 makes the monthly rate exactly 10 %. */
static void
test_scenario_roi (void)
{
  g_autofree char *db = temp_db ("roi.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *file = g_build_filename (dir, "s.json", NULL);
  g_autofree char *exported = g_build_filename (dir, "out.json", NULL);
  g_autofree char *json = g_strdup_printf (
    "{ \"name\": \"excel\", \"start\": \"2026-01\", \"horizon_months\": 3, \"discount_rate\": %.17g,"
    "  \"items\": ["
    "   { \"name\": \"system\", \"kind\": \"investment\", \"amount\": 1000, \"month\": 0 },"
    "   { \"name\": \"m1\", \"kind\": \"benefit\", \"amount\": 300, \"month\": 1, \"end_month\": 1 },"
    "   { \"name\": \"m2\", \"kind\": \"benefit\", \"amount\": 400, \"month\": 2, \"end_month\": 2 },"
    "   { \"name\": \"m3\", \"kind\": \"benefit\", \"amount\": 500, \"month\": 3, \"end_month\": 3 } ] }",
    pow (1.1, 12) - 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *flows;
  CgTestRun r;

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  r = cg_test_run_cli ("--db", db, "scenario", "import", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "scenario", "import", file, NULL);
  assert_one_line_error (&r, "excel");  /* exists: needs --replace */
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "roi", "excel", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "npv"), -21.036814, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "irr_monthly"), 0.0889633947, 1e-8);
  /* Cumulative −1000, −700, −300, +200: it turns positive inside month 3,
   * 300 of its 500: 2 + 300/500 = 2.6 months. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "payback_months"), 2.6, 1e-9);
  /* Discounted cumulative ends at −21.04: not within the horizon. */
  g_assert_true (json_node_is_null (json_object_get_member (root, "discounted_payback_months")));
  flows = json_object_get_array_member (root, "cashflows");
  g_assert_cmpuint (json_array_get_length (flows), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (flows, 3), "date"), ==, "2026-04");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sensitivity")), ==, 5);
  cg_test_run_clear (&r);

  r = cg_test_run_cli ("--db", db, "scenario", "export", "excel", exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (exported, G_FILE_TEST_EXISTS));
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "scenario", "delete", "excel", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "roi", "excel", NULL);
  assert_one_line_error (&r, "excel");
  cg_test_run_clear (&r);
  g_remove (file);
  g_remove (exported);
  remove_db (db);
}

/* Settings are checked before they are stored. */
static void
test_settings (void)
{
  g_autofree char *db = temp_db ("settings.db");
  CgTestRun r = cg_test_run_cli ("--db", db, "settings", "line_rate/L01", "0.12", NULL);

  g_assert_cmpint (r.status, ==, 0);
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "settings", "line_rate/L01", NULL);
  g_assert_cmpstr (r.out, ==, "0.12\n");
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "settings", "line_rate/L01", "cheap", NULL);
  assert_one_line_error (&r, "cheap");
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "settings", "time_zone", "Mars/Olympus", NULL);
  assert_one_line_error (&r, "Mars/Olympus");
  cg_test_run_clear (&r);
  r = cg_test_run_cli ("--db", db, "settings", "colour", "blue", NULL);
  assert_one_line_error (&r, "colour");
  cg_test_run_clear (&r);
  remove_db (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "", TRUE);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cli/demo-batches-json", test_demo_batches_json);
  g_test_add_func ("/cli/demo-deterministic", test_demo_deterministic);
  g_test_add_func ("/cli/scenario-roi", test_scenario_roi);
  g_test_add_func ("/cli/settings", test_settings);

  return g_test_run ();
}
