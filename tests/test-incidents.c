/* test-incidents.c — line incidents found at the hours they were injected,
 * and (almost) none on stable lines.
 *
 * Expected values never come from the code under test: the logs are
 * generated here with outages at known local hours, and the expected
 * boundaries are those hours, worked out with GDateTime.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cg-aggregates.h"
#include "cg-batch.h"
#include "cg-call-writer.h"
#include "cg-schema.h"
#include "cg-incidents.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

typedef struct {
  const char     *line;
  CgIncidentKind  kind;
  int             day;    /* days after the first (a Monday) */
  int             hour;   /* first local hour */
  int             hours;
} Outage;

static const char *const lines[] = { "L1", "L2", "L3" };
/* Working hours: 09–12 and 14–18, Monday to Saturday. */
static const int work_hours[] = { 9, 10, 11, 14, 15, 16, 17 };

static const Outage *
outage_at (const Outage *outages,
           guint         n,
           const char   *line,
           int           day,
           int           hour)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (outages[i].line, line) && outages[i].day == day &&
        hour >= outages[i].hour && hour < outages[i].hour + outages[i].hours)
      return &outages[i];
  return NULL;
}

static GDateTime *
local_hour (int day,
            int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) monday = g_date_time_new (tz, 2026, 1, 5, 0, 0, 0);
  g_autoptr(GDateTime) d = g_date_time_add_days (monday, day);

  return g_date_time_add_hours (d, hour);
}

/* @n_days of calls from Monday 2026-01-05 on three lines: 15–29 calls per
 * line and working hour, connect rate 30 % (35 % at 10 and 15 h), 1 %
 * line failures; during an outage 80 % line failures, 2 % connects and
 * no failure codes, or no calls at all. */
static void
generate (CgStore      *store,
          guint32       seed,
          int           n_days,
          const Outage *outages,
          guint         n_outages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) writer = cg_call_writer_new (store, "test", "generated", NULL, "utf-8", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) first = local_hour (0, 0);
  gint64 base = g_date_time_to_unix (first);
  guint serial = 0;

  g_assert_no_error (error);
  for (int day = 0; day < n_days; day++)
    {
      if (day % 7 == 6)
        continue;  /* Sunday */
      for (guint h = 0; h < G_N_ELEMENTS (work_hours); h++)
        for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
          {
            int hour = work_hours[h];
            const Outage *o = outage_at (outages, n_outages, lines[l], day, hour);
            int n = g_rand_int_range (rand, 15, 30);
            double p_connect = hour == 10 || hour == 15 ? 0.35 : 0.30;
            double p_fail = 0.01;

            if (o != NULL && o->kind == CG_INCIDENT_SILENCE)
              continue;
            if (o != NULL && o->kind == CG_INCIDENT_LINE_FAILURE)
              p_fail = 0.8;
            if (o != NULL && o->kind == CG_INCIDENT_NO_CONNECT)
              p_connect = 0.02, p_fail = 0;
            for (int i = 0; i < n; i++)
              {
                char uid[32], phone[16];
                CgCall call;

                cg_call_init (&call);
                g_snprintf (uid, sizeof uid, "t%u", ++serial);
                g_snprintf (phone, sizeof phone, "139%08u", serial);
                call.call_uid = uid;
                call.phone = phone;
                call.line = lines[l];
                call.start_ts = base + day * 86400 + hour * 3600 + i * 3600 / n;
                if (g_rand_double (rand) < p_fail)
                  call.outcome = CG_OUTCOME_LINE_FAILURE;
                else if (g_rand_double (rand) < p_connect)
                  call.outcome = CG_OUTCOME_CONNECTED, call.talk_s = 60;
                else
                  call.outcome = CG_OUTCOME_NO_ANSWER;
                cg_test_add_call (writer, &call);
              }
          }
    }
  g_assert_cmpint (cg_call_writer_commit (writer, NULL, NULL, serial, 0, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_injected (Fixture       *f,
               gconstpointer  data)
{
  static const Outage outages[] = {
    { "L1", CG_INCIDENT_LINE_FAILURE, 30, 10, 2 },  /* Wednesday 10–12 h */
    { "L2", CG_INCIDENT_NO_CONNECT,   40, 14, 3 },  /* Saturday 14–17 h */
    { "L3", CG_INCIDENT_SILENCE,      50, 9, 2 },   /* Tuesday 9–11 h */
    { "L1", CG_INCIDENT_NO_CONNECT,   58, 15, 2 },  /* Wednesday 15–17 h */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgIncidentReport) report = NULL;
  CgFilter filter = { 0 };
  guint found = 0;

  generate (f->store, 11, 70, outages, G_N_ELEMENTS (outages));
  report = cg_incidents_detect (f->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (report->incidents, i);
      g_test_message ("incident: %s %s %s–%s, %d calls", incident->line,
                      cg_incident_kind_to_string (incident->kind), incident->start, incident->end,
                      (int) incident->calls);
    }

  for (guint o = 0; o < G_N_ELEMENTS (outages); o++)
    {
      g_autoptr(GDateTime) start = local_hour (outages[o].day, outages[o].hour);
      g_autoptr(GDateTime) end = local_hour (outages[o].day, outages[o].hour + outages[o].hours);

      for (guint i = 0; i < report->incidents->len; i++)
        {
          const CgIncident *incident = g_ptr_array_index (report->incidents, i);

          if (g_str_equal (incident->line, outages[o].line) && incident->kind == outages[o].kind &&
              llabs (incident->start_ts - g_date_time_to_unix (start)) <= 3600 &&
              llabs (incident->end_ts - g_date_time_to_unix (end)) <= 3600)
            {
              g_autofree char *iso = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:z");

              found++;
              if (incident->start_ts == g_date_time_to_unix (start))
                g_assert_cmpstr (incident->start, ==, iso);
              if (incident->kind == CG_INCIDENT_LINE_FAILURE)
                g_assert_cmpfloat (incident->observed_rate, >, 0.5);
              if (incident->kind != CG_INCIDENT_SILENCE)
                g_assert_cmpfloat (incident->expected_rate, >, incident->kind == CG_INCIDENT_NO_CONNECT ? 0.2 : 0.0);
              else
                g_assert_true (isnan (incident->observed_rate));
              g_assert_cmpfloat (incident->lost_connects, >, 3.0);
              break;
            }
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (outages));
  /* Besides the four, at most one false alarm per line. */
  g_assert_cmpuint (report->incidents->len, <=, G_N_ELEMENTS (outages) + G_N_ELEMENTS (lines));

  /* Monthly totals add up to the incidents. */
  {
    guint incidents = 0, hours = 0, want_hours = 0;

    for (guint i = 0; i < report->totals->len; i++)
      {
        const CgIncidentTotal *t = g_ptr_array_index (report->totals, i);
        incidents += t->incidents;
        hours += t->hours;
      }
    for (guint i = 0; i < report->incidents->len; i++)
      want_hours += ((const CgIncident *) g_ptr_array_index (report->incidents, i))->hours;
    g_assert_cmpuint (incidents, ==, report->incidents->len);
    g_assert_cmpuint (hours, ==, want_hours);
  }

  /* --line and --from/--to choose among the same incidents. */
  {
    g_autoptr(CgIncidentReport) only = NULL;
    g_autoptr(GDateTime) from = local_hour (50, 0);
    g_autoptr(GDateTime) to = local_hour (51, 0);

    filter.line = "L3";
    filter.from_ts = g_date_time_to_unix (from);
    filter.to_ts = g_date_time_to_unix (to);
    only = cg_incidents_detect (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (only->incidents->len, ==, 1);
    g_assert_cmpint (((CgIncident *) g_ptr_array_index (only->incidents, 0))->kind, ==, CG_INCIDENT_SILENCE);
  }
}

/* Two quarters (26 weeks) of stable lines: at most one false incident per
 * line and quarter. */
static void
test_stable (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgIncidentReport) report = NULL;
  g_autoptr(GDateTime) half = local_hour (91, 0);
  guint per_line_quarter[G_N_ELEMENTS (lines)][2] = { { 0 } };

  generate (f->store, 23, 182, NULL, 0);
  report = cg_incidents_detect (f->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (report->incidents, i);

      g_test_message ("false alarm: %s %s %s", incident->line,
                      cg_incident_kind_to_string (incident->kind), incident->start);
      for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
        if (g_str_equal (incident->line, lines[l]))
          per_line_quarter[l][incident->start_ts >= g_date_time_to_unix (half)]++;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      g_assert_cmpuint (per_line_quarter[l][0], <=, 1);
      g_assert_cmpuint (per_line_quarter[l][1], <=, 1);
    }
}

/* Deleting the batch takes its line failures out of the hourly sums. */
static void
test_sums_follow_batches (Fixture       *f,
                          gconstpointer  data)
{
  static const Outage outages[] = { { "L1", CG_INCIDENT_LINE_FAILURE, 2, 9, 1 } };
  g_autoptr(GError) error = NULL;
  const CgSumsSnapshot *snap;
  gint64 failures = 0;

  generate (f->store, 5, 7, outages, 1);
  snap = cg_aggregates_snapshot (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snap->hours->len; i++)
    failures += g_array_index (snap->hours, CgHourSum, i).line_failures;
  /* The sums against the rows, counted with plain SQLite. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM calls WHERE outcome = 7", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (failures, ==, sqlite3_column_int64 (stmt, 0));
    g_assert_cmpint (failures, >, 5);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_true (cg_store_delete_batch (f->store, 1, &error));
  g_assert_no_error (error);
  snap = cg_aggregates_snapshot (f->store, &error);
  g_assert_cmpuint (snap->hours->len, ==, 0);
}

/* A version-2 database (the schema before quality columns) gains them and
 * its hourly sums gain the line failures on opening. */
static void
test_migrate_from_2 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "v2.db", NULL);
  g_autofree char *ids = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2;",
                                          CG_STORE_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  const CgSumsSnapshot *snap;
  const CgMigration *migrations;
  guint n;
  sqlite3 *db = NULL;
  gint64 failures = 0, calls = 0;

  migrations = cg_schema_get_migrations (&n);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n && migrations[i].version <= 2; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* Three calls at 10:00 Beijing time on one line, two of them failed. */
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO batches (id, kind, file_name, created_at, first_row_id, last_row_id) VALUES (1, 'calls', 'old.csv', 0, 1, 3);"
    "INSERT INTO calls (id, batch_id, natural_key, start_ts, outcome, line) VALUES"
    " (1, 1, 11, 1788228000, 7, 'L1'), (2, 1, 12, 1788228060, 7, 'L1'), (3, 1, 13, 1788228120, 1, 'L1');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, ids, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cg_store_open (path, &error);
  g_assert_no_error (error);
  snap = cg_aggregates_snapshot (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snap->hours->len; i++)
    {
      const CgHourSum *h = &g_array_index (snap->hours, CgHourSum, i);
      g_assert_cmpint (h->hour, ==, 10);
      failures += h->line_failures;
      calls += h->calls;
    }
  g_assert_cmpint (calls, ==, 3);
  g_assert_cmpint (failures, ==, 2);
  g_clear_object (&store);
}

/* `incidents --json`: the members the issue names. */
static void
test_cli_json (Fixture       *f,
               gconstpointer  data)
{
  static const Outage outages[] = { { "L2", CG_INCIDENT_LINE_FAILURE, 22, 14, 2 } };
  static const char *const fields[] = {
    "line", "kind", "start", "end", "calls", "observed_rate", "expected_rate", "lost_connects",
  };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *incident, *total;

  generate (f->store, 3, 42, outages, 1);
  g_clear_object (&f->store);
  node = cg_test_run_cli_json ("--db", f->path, "incidents", "--line", "L2",
                               "--from", "2026-01-27", "--to", "2026-01-27", "--json", NULL);
  root = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "incidents")), ==, 1);
  incident = json_array_get_object_element (json_object_get_array_member (root, "incidents"), 0);
  for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
    g_assert_true (json_object_has_member (incident, fields[k]));
  /* Day 22 is Tuesday 2026-01-27; 14–16 h Beijing time. */
  g_assert_cmpstr (json_object_get_string_member (incident, "start"), ==, "2026-01-27T14:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (incident, "end"), ==, "2026-01-27T16:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (incident, "kind"), ==, "line_failure");
  total = json_array_get_object_element (json_object_get_array_member (root, "by_line"), 0);
  g_assert_cmpstr (json_object_get_string_member (total, "line"), ==, "L2");
  g_assert_cmpstr (json_object_get_string_member (total, "month"), ==, "2026-01");
  g_assert_cmpint (json_object_get_int_member (total, "incidents"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (total, "hours"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/incidents/injected", Fixture, NULL, cg_test_store_set_up_beijing, test_injected, cg_test_store_tear_down);
  g_test_add ("/incidents/stable", Fixture, NULL, cg_test_store_set_up_beijing, test_stable, cg_test_store_tear_down);
  g_test_add ("/incidents/sums-follow-batches", Fixture, NULL, cg_test_store_set_up_beijing, test_sums_follow_batches,
              cg_test_store_tear_down);
  g_test_add ("/incidents/migrate-from-2", Fixture, NULL, cg_test_store_set_up_beijing, test_migrate_from_2, cg_test_store_tear_down);
  g_test_add ("/incidents/cli-json", Fixture, NULL, cg_test_store_set_up_beijing, test_cli_json, cg_test_store_tear_down);
  return g_test_run ();
}
