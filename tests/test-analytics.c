/* test-analytics.c — local calendar fields, connect rates by slice, A/B
 * comparisons and best times to call.
 *
 * Expected values never come from the code under test:
 *  - cg_local_time is checked against GDateTime (its own calendar code) and
 *    against dates worked out by hand;
 *  - connect figures of a 15-call log are counted by hand in the tables
 *    below; those of a generated log are recounted here from the rows,
 *    read with plain SQLite, with the local day from GDateTime;
 *  - statistics are evaluated here from their closed forms: Wilson's
 *    interval, the pooled z-test with erfc(), Pearson's X² with
 *    p = exp(−X²/2) for two degrees of freedom, binomial tails summed with
 *    lgamma(), Holm's adjustment by sorting three values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cg-analytics.h"
#include "cg-call-writer.h"
#include "cg-demo.h"
#include "cg-local-time.h"
#include "cg-store.h"
#include "cg-test-util.h"

/* Upper 2.5 % and 20 % points of the standard normal (R: qnorm (0.975),
 * qnorm (0.8)). */
#define Z_975 1.959963984540054
#define Z_80  0.8416212335729143

typedef CgTestStore Fixture;

/* ---- cg_local_time ---------------------------------------------------------- */

static gboolean
local_time_matches (GTimeZone  *tz,
                    gint64      ts,
                    const char *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ts);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, tz);
  CgLocalTime t;

  cg_local_time (tz, ts, &t);
  if (t.year == g_date_time_get_year (dt) &&
      t.month == g_date_time_get_month (dt) &&
      t.day == g_date_time_get_day_of_month (dt) &&
      t.hour == g_date_time_get_hour (dt) &&
      t.weekday == g_date_time_get_day_of_week (dt) &&
      t.iso_year == g_date_time_get_week_numbering_year (dt) &&
      t.iso_week == g_date_time_get_week_of_year (dt))
    return TRUE;

  {
    g_autofree char *want = g_date_time_format (dt, "%Y-%m-%d %H h, weekday %u, %G-W%V");
    g_autofree char *got = g_strdup_printf ("%04d-%02d-%02d %02d h, weekday %d, %04d-W%02d",
                                            t.year, t.month, t.day, t.hour, t.weekday,
                                            t.iso_year, t.iso_week);
    g_autofree char *msg = g_strdup_printf ("%s, ts %" G_GINT64_FORMAT ": cg_local_time gives %s, GDateTime %s",
                                            zone, ts, got, want);
    g_test_message ("%s", msg);
  }
  return FALSE;
}

static const char *const zones[] = {
  "Asia/Shanghai", "UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
};

static void
test_local_time_random (void)
{
  /* 1990-01-01T00:00Z and 2040-01-01T00:00Z. */
  const gint64 lo = 631152000, hi = 2208988800;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260906);
  guint failures = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);

      if (tz == NULL)
        {
          g_test_skip_printf ("time zone %s is not installed", zones[z]);
          return;
        }
      for (guint i = 0; i < 20000; i++)
        {
          gint64 ts = lo + (gint64) (g_rand_double (rand) * (double) (hi - lo));
          failures += !local_time_matches (tz, ts, zones[z]);
        }
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Every offset of these zones is a multiple of 30 minutes, so every change
 * of offset happens on a UTC half hour: the half hours of a year and the
 * seconds before them meet every DST switch of that year head on.  1991 is
 * China's last DST year; 2026 has New York's and Lord Howe's half-hour
 * switches. */
static void
test_local_time_transitions (void)
{
  static const gint64 years[][2] = {
    { 662688000, 694224000 },    /* 1991-01-01T00:00Z … 1992-01-01 */
    { 1767225600, 1798761600 },  /* 2026-01-01T00:00Z … 2027-01-01 */
  };
  guint failures = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);

      if (tz == NULL)
        {
          g_test_skip_printf ("time zone %s is not installed", zones[z]);
          return;
        }
      for (guint y = 0; y < G_N_ELEMENTS (years); y++)
        for (gint64 ts = years[y][0]; ts < years[y][1]; ts += 1800)
          {
            failures += !local_time_matches (tz, ts - 1, zones[z]);
            failures += !local_time_matches (tz, ts, zones[z]);
          }
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Worked out by hand from the day counts: 2026-01-01 is a Thursday (so 2026
 * has 53 ISO weeks, week 1 starting Monday 2025-12-29), 2020-01-01 a
 * Wednesday (2020 has 53 weeks, as a leap year starting on Wednesday),
 * 1900-01-01 a Monday, 1970-01-01 a Thursday. */
static const struct {
  const char *zone;
  gint64      ts;
  const char *what;
  CgLocalTime want;
} local_cases[] = {
  /* 2026-12-31T00:00Z = 1798675200; +08:00 puts 23:59:59 local at
   * 1798675200 + 86399 − 28800. */
  { "Asia/Shanghai", 1798732799, "2026-12-31 23:59:59 +08 (Thursday)", { 2026, 12, 31, 23, 4, 2026, 53 } },
  { "Asia/Shanghai", 1798732800, "2027-01-01 00:00:00 +08 (Friday)", { 2027, 1, 1, 0, 5, 2026, 53 } },
  { "UTC", 1798761600 + 3 * 86400, "2027-01-04 (Monday)", { 2027, 1, 4, 0, 1, 2027, 1 } },
  /* 2020-12-31T00:00Z = 1609372800. */
  { "UTC", 1609372800 + 12 * 3600, "2020-12-31 12:00 (Thursday)", { 2020, 12, 31, 12, 4, 2020, 53 } },
  /* 2021-01-03T00:00Z = 1609632000. */
  { "UTC", 1609632000, "2021-01-03 00:00 (Sunday)", { 2021, 1, 3, 0, 7, 2020, 53 } },
  /* 23:30 EST on 2021-01-03 is 04:30Z on the 4th: still 2020-W53 in New York. */
  { "America/New_York", 1609632000 + 86400 + 16200, "2021-01-03 23:30 −05 (Sunday)", { 2021, 1, 3, 23, 7, 2020, 53 } },
  { "UTC", 1609632000 + 86400 + 16200, "2021-01-04 04:30 (Monday)", { 2021, 1, 4, 4, 1, 2021, 1 } },
  /* 2028-02-29T00:00Z = 1835395200; Lord Howe is on DST (+11) in February. */
  { "UTC", 1835395200 + 86399, "2028-02-29 23:59:59 (Tuesday)", { 2028, 2, 29, 23, 2, 2028, 9 } },
  { "Australia/Lord_Howe", 1835395200 - 11 * 3600, "2028-02-29 00:00 +11", { 2028, 2, 29, 0, 2, 2028, 9 } },
  { "UTC", 1835395200 + 86400, "2028-03-01 (Wednesday)", { 2028, 3, 1, 0, 3, 2028, 9 } },
  { "UTC", 0, "1970-01-01 00:00", { 1970, 1, 1, 0, 4, 1970, 1 } },
  { "UTC", -1, "1969-12-31 23:59:59 (Wednesday of 1970-W01)", { 1969, 12, 31, 23, 3, 1970, 1 } },
  { "Asia/Kolkata", -1, "1970-01-01 05:29:59 +05:30", { 1970, 1, 1, 5, 4, 1970, 1 } },
  { "Asia/Kolkata", -19800, "1970-01-01 00:00 +05:30", { 1970, 1, 1, 0, 4, 1970, 1 } },
  { "Asia/Kolkata", -19801, "1969-12-31 23:59:59 +05:30", { 1969, 12, 31, 23, 3, 1970, 1 } },
  /* 1900-01-01T00:00Z = −2208988800; 1900 is not a leap year, so day 59
   * (Thursday) is March 1st, in week 59 / 7 + 1 = 9. */
  { "UTC", -2208988800, "1900-01-01 (Monday)", { 1900, 1, 1, 0, 1, 1900, 1 } },
  { "UTC", -2208988800 + 59 * 86400 - 1, "1900-02-28 23:59:59", { 1900, 2, 28, 23, 3, 1900, 9 } },
  { "UTC", -2208988800 + 59 * 86400, "1900-03-01", { 1900, 3, 1, 0, 4, 1900, 9 } },
};

static void
test_local_time_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (local_cases); i++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (local_cases[i].zone);
      const CgLocalTime *w = &local_cases[i].want;
      CgLocalTime t;

      if (tz == NULL)
        {
          g_test_skip_printf ("time zone %s is not installed", local_cases[i].zone);
          return;
        }
      g_test_message ("%s in %s", local_cases[i].what, local_cases[i].zone);
      cg_local_time (tz, local_cases[i].ts, &t);
      g_assert_cmpint (t.year, ==, w->year);
      g_assert_cmpint (t.month, ==, w->month);
      g_assert_cmpint (t.day, ==, w->day);
      g_assert_cmpint (t.hour, ==, w->hour);
      g_assert_cmpint (t.weekday, ==, w->weekday);
      g_assert_cmpint (t.iso_year, ==, w->iso_year);
      g_assert_cmpint (t.iso_week, ==, w->iso_week);
      g_assert_true (local_time_matches (tz, local_cases[i].ts, local_cases[i].zone));
    }
}

static void
test_dimension_names (void)
{
  CgDimension d = CG_DIM_TOTAL;

  g_assert_cmpstr (cg_dimension_to_string (CG_DIM_HOUR_WEEKDAY), ==, "hour-weekday");
  g_assert_true (cg_dimension_from_string ("hour-weekday", &d));
  g_assert_cmpint (d, ==, CG_DIM_HOUR_WEEKDAY);
  g_assert_true (cg_dimension_from_string ("outcome", &d));
  g_assert_cmpint (d, ==, CG_DIM_OUTCOME);
  g_assert_false (cg_dimension_from_string ("fortnight", &d));
  g_assert_false (cg_dimension_from_string (NULL, &d));
}

/* ---- a hand-made log -------------------------------------------------------- */

typedef struct {
  const char *start;
  const char *line;
  const char *agent;
  const char *list;
  const char *campaign;
  const char *segment;
  CgOutcome   outcome;
  int         talk_s;
} HandCall;

/* Business time zone Asia/Shanghai (+08:00, no DST since 1991).
 *
 *  #  local start          = UTC            line agent list camp seg outcome        talk
 *  1  09-06 23:30:00 Sun     09-06 15:30:00  L1   A1    LA   C1   S1  connected       120
 *  2  09-07 00:30:00 Mon     09-06 16:30:00  L1   A2    LA   C1   S1  no_answer         0
 *  3  09-07 09:15:00 Mon     09-07 01:15:00  L2   A1    LB   C1   S2  connected         3 short
 *  4  09-07 09:45:00 Mon     09-07 01:45:00  L2   A2    LB   C2   S2  busy              2 (not connected: no talk, not short)
 *  5  09-07 10:05:00 Mon     09-07 02:05:00  L1   A1    LA   C2   S1  connected         4 short
 *  6  09-07 10:20:00 Mon     09-07 02:20:00  L3   A3    LC   C2   S3  connected         5 (5 s is not short)
 *  7  09-08 23:59:59 Tue     09-08 15:59:59  L2   A3    LB   C1   S2  rejected          0
 *  8  09-09 00:00:00 Wed     09-08 16:00:00  L2   A1    LA   C1   S1  connected        60
 *  9  09-09 10:10:00 Wed     09-09 02:10:00  L1   A2    LC   C2   S3  invalid_number    0
 * 10  09-30 23:00:00 Wed     09-30 15:00:00  L3   A3    LC   C1   S3  connected       200
 * 11  10-01 00:30:00 Thu     09-30 16:30:00  L3   A1    LA   C1   S1  voicemail        25 (not connected)
 * 12  10-01 10:00:00 Thu     10-01 02:00:00  L1   A2    LB   C2   S2  connected        30
 * 13  06-15 09:30:00 Mon     06-15 01:30:00  L2   A3    LA   C1   S2  line_failure      0
 * 14  06-15 09:40:00 Mon     06-15 01:40:00  L2   A1    —    C2   —   no_answer         0
 * 15  10-01 10:30:00 Thu     10-01 02:30:00  —    A2    LB   C2   S2  connected        90
 *
 * All in 2026.  Connected: 1 3 5 6 8 10 12 15 = 8 of 15; their talk
 * 120+3+4+5+60+200+30+90 = 512 s; short (connected, < 5 s): 3 and 5.
 * ISO weeks: 2026-01-01 is a Thursday, so week 1 starts Monday 2025-12-29;
 * Monday 09-07 is day 250, (250 + 2) / 7 = 36 weeks later: W37, and Sunday
 * 09-06 ends W36; 09-28 (Monday) starts W40; 06-15 (Monday) is 12 weeks
 * before 09-07: W25. */
static const HandCall hand_log[] = {
  { "2026-09-06T23:30:00+08:00", "L1", "A1", "LA", "C1", "S1", CG_OUTCOME_CONNECTED, 120 },
  { "2026-09-07T00:30:00+08:00", "L1", "A2", "LA", "C1", "S1", CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-09-07T09:15:00+08:00", "L2", "A1", "LB", "C1", "S2", CG_OUTCOME_CONNECTED, 3 },
  { "2026-09-07T09:45:00+08:00", "L2", "A2", "LB", "C2", "S2", CG_OUTCOME_BUSY, 2 },
  { "2026-09-07T10:05:00+08:00", "L1", "A1", "LA", "C2", "S1", CG_OUTCOME_CONNECTED, 4 },
  { "2026-09-07T10:20:00+08:00", "L3", "A3", "LC", "C2", "S3", CG_OUTCOME_CONNECTED, 5 },
  { "2026-09-08T23:59:59+08:00", "L2", "A3", "LB", "C1", "S2", CG_OUTCOME_REJECTED, 0 },
  { "2026-09-09T00:00:00+08:00", "L2", "A1", "LA", "C1", "S1", CG_OUTCOME_CONNECTED, 60 },
  { "2026-09-09T10:10:00+08:00", "L1", "A2", "LC", "C2", "S3", CG_OUTCOME_INVALID_NUMBER, 0 },
  { "2026-09-30T23:00:00+08:00", "L3", "A3", "LC", "C1", "S3", CG_OUTCOME_CONNECTED, 200 },
  { "2026-10-01T00:30:00+08:00", "L3", "A1", "LA", "C1", "S1", CG_OUTCOME_VOICEMAIL, 25 },
  { "2026-10-01T10:00:00+08:00", "L1", "A2", "LB", "C2", "S2", CG_OUTCOME_CONNECTED, 30 },
  { "2026-06-15T09:30:00+08:00", "L2", "A3", "LA", "C1", "S2", CG_OUTCOME_LINE_FAILURE, 0 },
  { "2026-06-15T09:40:00+08:00", "L2", "A1", NULL, "C2", NULL, CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-10-01T10:30:00+08:00", NULL, "A2", "LB", "C2", "S2", CG_OUTCOME_CONNECTED, 90 },
};

static void
insert_hand_log (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "hand.csv", "test", "utf-8", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (hand_log); i++)
    {
      g_autofree char *uid = g_strdup_printf ("hand-%u", i + 1);
      g_autofree char *phone = g_strdup_printf ("1380013%04u", i + 1);
      CgCall c;

      cg_call_init (&c);
      c.call_uid = uid;
      c.phone = phone;
      c.start_ts = cg_test_ts (hand_log[i].start);
      c.line = hand_log[i].line;
      c.agent_id = hand_log[i].agent;
      c.list = hand_log[i].list;
      c.campaign = hand_log[i].campaign;
      c.segment = hand_log[i].segment;
      c.outcome = hand_log[i].outcome;
      c.talk_s = hand_log[i].talk_s;
      g_assert_cmpint (cg_test_add_call (w, &c), ==, CG_CALL_ADDED);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, G_N_ELEMENTS (hand_log), 0, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct {
  const char *key;
  gint64      calls;
  gint64      connected;
  gint64      talk_seconds;
  gint64      short_calls;
} Expected;

static void
assert_row (const CgConnectRow *row,
            const Expected     *want)
{
  g_test_message ("row %s", want->key);
  g_assert_cmpstr (row->key, ==, want->key);
  g_assert_cmpint (row->calls, ==, want->calls);
  g_assert_cmpint (row->connected, ==, want->connected);
  g_assert_cmpint (row->talk_seconds, ==, want->talk_seconds);
  g_assert_cmpint (row->short_calls, ==, want->short_calls);
}

/* The rows of @by must be @want, in that (ascending) order. */
static void
assert_connect (CgStore        *store,
                CgDimension     by,
                const CgFilter *filter,
                const Expected *want,
                guint           n_want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, by, filter, &error);

  g_test_message ("by %s", cg_dimension_to_string (by));
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    assert_row (g_ptr_array_index (rows, i), &want[i]);
}

#define ASSERT_CONNECT(store, by, filter, want) \
  assert_connect ((store), (by), (filter), (want), G_N_ELEMENTS (want))

static void
test_connect_slices (Fixture       *f,
                     gconstpointer  data)
{
  static const Expected total[] = { { "total", 15, 8, 512, 2 } };
  /* Line: L1 = 1 2 5 9 12 (conn 1 5 12: 120+4+30), L2 = 3 4 7 8 13 14
   * (conn 3 8: 3+60), L3 = 6 10 11 (conn 6 10: 5+200), none = 15. */
  static const Expected line[] = {
    { "", 1, 1, 90, 0 },
    { "L1", 5, 3, 154, 1 },
    { "L2", 6, 2, 63, 1 },
    { "L3", 3, 2, 205, 0 },
  };
  /* A1 = 1 3 5 8 11 14 (conn 1 3 5 8: 120+3+4+60), A2 = 2 4 9 12 15
   * (conn 12 15), A3 = 6 7 10 13 (conn 6 10). */
  static const Expected agent[] = {
    { "A1", 6, 4, 187, 2 },
    { "A2", 5, 2, 120, 0 },
    { "A3", 4, 2, 205, 0 },
  };
  /* LA = 1 2 5 8 11 13 (conn 1 5 8), LB = 3 4 7 12 15 (conn 3 12 15),
   * LC = 6 9 10 (conn 6 10), none = 14. */
  static const Expected list[] = {
    { "", 1, 0, 0, 0 },
    { "LA", 6, 3, 184, 1 },
    { "LB", 5, 3, 123, 1 },
    { "LC", 3, 2, 205, 0 },
  };
  /* C1 = 1 2 3 7 8 10 11 13 (conn 1 3 8 10), C2 = 4 5 6 9 12 14 15
   * (conn 5 6 12 15). */
  static const Expected campaign[] = {
    { "C1", 8, 4, 383, 1 },
    { "C2", 7, 4, 129, 1 },
  };
  /* S1 = 1 2 5 8 11 (conn 1 5 8), S2 = 3 4 7 12 13 15 (conn 3 12 15),
   * S3 = 6 9 10 (conn 6 10), none = 14. */
  static const Expected segment[] = {
    { "", 1, 0, 0, 0 },
    { "S1", 5, 3, 184, 1 },
    { "S2", 6, 3, 123, 1 },
    { "S3", 3, 2, 205, 0 },
  };
  /* Busy (4) and voicemail (11) carry talk seconds in the log, but only
   * connected calls count towards talk and short calls. */
  static const Expected outcome[] = {
    { "connected", 8, 8, 512, 2 },
    { "no_answer", 2, 0, 0, 0 },
    { "busy", 1, 0, 0, 0 },
    { "rejected", 1, 0, 0, 0 },
    { "invalid_number", 1, 0, 0, 0 },
    { "line_failure", 1, 0, 0, 0 },
    { "voicemail", 1, 0, 0, 0 },
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  insert_hand_log (f->store);
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, NULL, total);
  ASSERT_CONNECT (f->store, CG_DIM_LINE, NULL, line);
  ASSERT_CONNECT (f->store, CG_DIM_AGENT, NULL, agent);
  ASSERT_CONNECT (f->store, CG_DIM_LIST, NULL, list);
  ASSERT_CONNECT (f->store, CG_DIM_CAMPAIGN, NULL, campaign);
  ASSERT_CONNECT (f->store, CG_DIM_SEGMENT, NULL, segment);

  /* Outcome keys are ids; compared as a set, in whatever order the rows come. */
  rows = cg_analytics_connect (f->store, CG_DIM_OUTCOME, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (outcome));
  for (guint i = 0; i < G_N_ELEMENTS (outcome); i++)
    {
      const CgConnectRow *found = NULL;

      for (guint r = 0; r < rows->len; r++)
        if (g_strcmp0 (((CgConnectRow *) g_ptr_array_index (rows, r))->key, outcome[i].key) == 0)
          found = g_ptr_array_index (rows, r);
      g_assert_nonnull (found);
      assert_row (found, &outcome[i]);
    }
}

static void
test_connect_calendar (Fixture       *f,
                       gconstpointer  data)
{
  /* Days in Shanghai: 06-15 = 13 14; 09-06 = 1; 09-07 = 2–6 (conn 3 5 6:
   * 3+4+5); 09-08 = 7 (23:59:59); 09-09 = 8 (00:00:00) 9; 09-30 = 10;
   * 10-01 = 11 12 15 (conn 12 15). */
  static const Expected day[] = {
    { "2026-06-15", 2, 0, 0, 0 },
    { "2026-09-06", 1, 1, 120, 0 },
    { "2026-09-07", 5, 3, 12, 2 },
    { "2026-09-08", 1, 0, 0, 0 },
    { "2026-09-09", 2, 1, 60, 0 },
    { "2026-09-30", 1, 1, 200, 0 },
    { "2026-10-01", 3, 2, 120, 0 },
  };
  /* Sunday 23:30 (1) ends W36, Monday 00:30 (2) opens W37 with 3–9. */
  static const Expected week[] = {
    { "2026-W25", 2, 0, 0, 0 },
    { "2026-W36", 1, 1, 120, 0 },
    { "2026-W37", 8, 4, 72, 2 },
    { "2026-W40", 4, 3, 320, 0 },
  };
  /* 09-30 23:00 (10) is September and Q3, 10-01 00:30 (11) October and Q4. */
  static const Expected month[] = {
    { "2026-06", 2, 0, 0, 0 },
    { "2026-09", 10, 6, 392, 2 },
    { "2026-10", 3, 2, 120, 0 },
  };
  static const Expected quarter[] = {
    { "2026-Q2", 2, 0, 0, 0 },
    { "2026-Q3", 10, 6, 392, 2 },
    { "2026-Q4", 3, 2, 120, 0 },
  };
  /* 00 h = 2 8 11; 09 h = 3 4 13 14; 10 h = 5 6 9 12 15; 23 h = 1 7 10. */
  static const Expected hour[] = {
    { "00", 3, 1, 60, 0 },
    { "09", 4, 1, 3, 1 },
    { "10", 5, 4, 129, 1 },
    { "23", 3, 2, 320, 0 },
  };
  /* Mon = 2–6 13 14; Tue = 7; Wed = 8 9 10; Thu = 11 12 15; Sun = 1. */
  static const Expected weekday[] = {
    { "1", 7, 3, 12, 2 },
    { "2", 1, 0, 0, 0 },
    { "3", 3, 2, 260, 0 },
    { "4", 3, 2, 120, 0 },
    { "7", 1, 1, 120, 0 },
  };
  static const Expected hour_weekday[] = {
    { "1-00", 1, 0, 0, 0 },    /* 2 */
    { "1-09", 4, 1, 3, 1 },    /* 3 4 13 14 */
    { "1-10", 2, 2, 9, 1 },    /* 5 6 */
    { "2-23", 1, 0, 0, 0 },    /* 7 */
    { "3-00", 1, 1, 60, 0 },   /* 8 */
    { "3-10", 1, 0, 0, 0 },    /* 9 */
    { "3-23", 1, 1, 200, 0 },  /* 10 */
    { "4-00", 1, 0, 0, 0 },    /* 11 */
    { "4-10", 2, 2, 120, 0 },  /* 12 15 */
    { "7-23", 1, 1, 120, 0 },  /* 1 */
  };
  /* In UTC the calls around local midnight fall back a day: 1 and 2 on
   * Sunday 09-06 (W36), 7 and 8 on 09-08, 10 and 11 on 09-30 (September,
   * Q3). */
  static const Expected utc_day[] = {
    { "2026-06-15", 2, 0, 0, 0 },
    { "2026-09-06", 2, 1, 120, 0 },
    { "2026-09-07", 4, 3, 12, 2 },
    { "2026-09-08", 2, 1, 60, 0 },
    { "2026-09-09", 1, 0, 0, 0 },
    { "2026-09-30", 2, 1, 200, 0 },
    { "2026-10-01", 2, 2, 120, 0 },
  };
  static const Expected utc_week[] = {
    { "2026-W25", 2, 0, 0, 0 },
    { "2026-W36", 2, 1, 120, 0 },
    { "2026-W37", 7, 4, 72, 2 },
    { "2026-W40", 4, 3, 320, 0 },
  };
  static const Expected utc_month[] = {
    { "2026-06", 2, 0, 0, 0 },
    { "2026-09", 11, 6, 392, 2 },
    { "2026-10", 2, 2, 120, 0 },
  };
  static const Expected utc_quarter[] = {
    { "2026-Q2", 2, 0, 0, 0 },
    { "2026-Q3", 11, 6, 392, 2 },
    { "2026-Q4", 2, 2, 120, 0 },
  };
  /* 01 h = 3 4 13 14; 02 h = 5 6 9 12 15; 15 h = 1 7 10; 16 h = 2 8 11. */
  static const Expected utc_hour[] = {
    { "01", 4, 1, 3, 1 },
    { "02", 5, 4, 129, 1 },
    { "15", 3, 2, 320, 0 },
    { "16", 3, 1, 60, 0 },
  };
  /* Mon = 3–6 13 14; Tue = 7 8; Wed = 9 10 11; Thu = 12 15; Sun = 1 2. */
  static const Expected utc_weekday[] = {
    { "1", 6, 3, 12, 2 },
    { "2", 2, 1, 60, 0 },
    { "3", 3, 1, 200, 0 },
    { "4", 2, 2, 120, 0 },
    { "7", 2, 1, 120, 0 },
  };
  g_autoptr(GError) error = NULL;

  insert_hand_log (f->store);
  ASSERT_CONNECT (f->store, CG_DIM_DAY, NULL, day);
  ASSERT_CONNECT (f->store, CG_DIM_WEEK, NULL, week);
  ASSERT_CONNECT (f->store, CG_DIM_MONTH, NULL, month);
  ASSERT_CONNECT (f->store, CG_DIM_QUARTER, NULL, quarter);
  ASSERT_CONNECT (f->store, CG_DIM_HOUR, NULL, hour);
  ASSERT_CONNECT (f->store, CG_DIM_WEEKDAY, NULL, weekday);
  ASSERT_CONNECT (f->store, CG_DIM_HOUR_WEEKDAY, NULL, hour_weekday);

  /* Grouping follows the setting, not a zone fixed at first use. */
  g_assert_true (cg_store_set_setting (f->store, "time_zone", "UTC", &error));
  g_assert_no_error (error);
  ASSERT_CONNECT (f->store, CG_DIM_DAY, NULL, utc_day);
  ASSERT_CONNECT (f->store, CG_DIM_WEEK, NULL, utc_week);
  ASSERT_CONNECT (f->store, CG_DIM_MONTH, NULL, utc_month);
  ASSERT_CONNECT (f->store, CG_DIM_QUARTER, NULL, utc_quarter);
  ASSERT_CONNECT (f->store, CG_DIM_HOUR, NULL, utc_hour);
  ASSERT_CONNECT (f->store, CG_DIM_WEEKDAY, NULL, utc_weekday);

  g_assert_true (cg_store_set_setting (f->store, "time_zone", "Asia/Shanghai", &error));
  g_assert_no_error (error);
  ASSERT_CONNECT (f->store, CG_DIM_DAY, NULL, day);
}

static void
test_connect_filters (Fixture       *f,
                      gconstpointer  data)
{
  const gint64 ts2 = cg_test_ts (hand_log[1].start);
  const gint64 ts7 = cg_test_ts (hand_log[6].start);
  const gint64 ts8 = cg_test_ts (hand_log[7].start);
  /* [call 2, call 8): 2 3 4 5 6 7, conn 3 5 6. */
  static const Expected range[] = { { "total", 6, 3, 12, 2 } };
  static const Expected only8[] = { { "total", 1, 1, 60, 0 } };
  static const Expected only7[] = { { "total", 1, 0, 0, 0 } };
  /* From October: 11 12 15; before September: 13 14. */
  static const Expected october[] = { { "total", 3, 2, 120, 0 } };
  static const Expected june[] = { { "total", 2, 0, 0, 0 } };
  /* L1 by day: 09-06 = 1; 09-07 = 2 5; 09-09 = 9; 10-01 = 12. */
  static const Expected l1_day[] = {
    { "2026-09-06", 1, 1, 120, 0 },
    { "2026-09-07", 2, 1, 4, 1 },
    { "2026-09-09", 1, 0, 0, 0 },
    { "2026-10-01", 1, 1, 30, 0 },
  };
  static const Expected a2[] = { { "total", 5, 2, 120, 0 } };
  /* LB by agent: A1 = 3; A2 = 4 12 15; A3 = 7. */
  static const Expected lb_agent[] = {
    { "A1", 1, 1, 3, 1 },
    { "A2", 3, 2, 120, 0 },
    { "A3", 1, 0, 0, 0 },
  };
  /* L2 and A1: 3 8 14; within [call 2, call 8) only 3. */
  static const Expected l2_a1[] = { { "total", 3, 2, 63, 1 } };
  static const Expected l2_a1_range[] = { { "total", 1, 1, 3, 1 } };
  /* L3 and LA: 11 alone. */
  static const Expected l3_la[] = { { "total", 1, 0, 0, 0 } };
  CgFilter filter;

  insert_hand_log (f->store);

  filter = (CgFilter) { .from_ts = ts2, .to_ts = ts8 };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, range);
  filter = (CgFilter) { .from_ts = ts8, .to_ts = ts8 + 1 };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, only8);
  filter = (CgFilter) { .from_ts = ts7, .to_ts = ts8 };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, only7);
  filter = (CgFilter) { .from_ts = cg_test_ts ("2026-10-01T00:00:00+08:00") };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, october);
  filter = (CgFilter) { .to_ts = cg_test_ts ("2026-09-01T00:00:00+08:00") };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, june);

  filter = (CgFilter) { .line = "L1" };
  ASSERT_CONNECT (f->store, CG_DIM_DAY, &filter, l1_day);
  filter = (CgFilter) { .agent = "A2" };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, a2);
  filter = (CgFilter) { .list = "LB" };
  ASSERT_CONNECT (f->store, CG_DIM_AGENT, &filter, lb_agent);
  filter = (CgFilter) { .line = "L2", .agent = "A1" };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, l2_a1);
  filter = (CgFilter) { .from_ts = ts2, .to_ts = ts8, .line = "L2", .agent = "A1" };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, l2_a1_range);
  filter = (CgFilter) { .line = "L3", .list = "LA" };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, l3_la);
}

/* A date typo or an Excel serial 0 gives a call before 1970: a negative
 * time, which "0 = unbounded" must still include. */
static void
test_connect_before_1970 (Fixture       *f,
                          gconstpointer  data)
{
  static const HandCall calls[] = {
    /* Shanghai kept local mean time, +08:05:43, until 1901: 12:05:43 local. */
    { "1899-12-30T04:00:00Z", "L1", "A1", NULL, NULL, NULL, CG_OUTCOME_CONNECTED, 10 },
    { "1969-12-31T15:59:59Z", "L1", "A1", NULL, NULL, NULL, CG_OUTCOME_BUSY, 0 },
    { "2026-09-07T01:00:00Z", "L1", "A1", NULL, NULL, NULL, CG_OUTCOME_NO_ANSWER, 0 },
  };
  static const Expected total[] = { { "total", 3, 1, 10, 0 } };
  static const Expected day[] = {
    { "1899-12-30", 1, 1, 10, 0 },
    { "1969-12-31", 1, 0, 0, 0 },  /* 23:59:59 +08 */
    { "2026-09-07", 1, 0, 0, 0 },
  };
  static const Expected before_1900[] = { { "total", 1, 1, 10, 0 } };
  static const Expected from_1900[] = { { "total", 2, 0, 0, 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "old.csv", "test", "utf-8", &error);
  CgFilter filter;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autofree char *uid = g_strdup_printf ("old-%u", i);
      CgCall c;

      cg_call_init (&c);
      c.call_uid = uid;
      c.start_ts = cg_test_ts (calls[i].start);
      c.line = calls[i].line;
      c.agent_id = calls[i].agent;
      c.outcome = calls[i].outcome;
      c.talk_s = calls[i].talk_s;
      cg_test_add_call (w, &c);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, G_N_ELEMENTS (calls), 0, &error), >, 0);
  g_assert_no_error (error);

  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, NULL, total);
  ASSERT_CONNECT (f->store, CG_DIM_DAY, NULL, day);
  filter = (CgFilter) { .to_ts = cg_test_ts ("1900-01-01T00:00:00Z") };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, before_1900);
  filter = (CgFilter) { .from_ts = cg_test_ts ("1900-01-01T00:00:00Z") };
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, &filter, from_1900);
}

/* Wilson's score interval at 95 % in closed form. */
static void
wilson (gint64  x,
        gint64  n,
        double *lower,
        double *upper)
{
  double p = (double) x / n, z2 = Z_975 * Z_975;
  double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  double half = Z_975 / (1 + z2 / n) * sqrt (p * (1 - p) / n + z2 / (4.0 * n * n));

  *lower = centre - half;
  *upper = centre + half;
}

static void
assert_wilson (const CgConnectRow *row)
{
  CgInterval rate;
  double lower, upper;

  g_assert_true (cg_connect_row_rate (row, &rate));
  wilson (row->connected, row->calls, &lower, &upper);
  g_assert_cmpfloat_with_epsilon (rate.estimate, (double) row->connected / row->calls, 1e-15);
  g_assert_cmpfloat_with_epsilon (rate.lower, lower, 1e-12);
  g_assert_cmpfloat_with_epsilon (rate.upper, upper, 1e-12);
}

static void
test_connect_empty (Fixture       *f,
                    gconstpointer  data)
{
  static const Expected none[] = { { "total", 0, 0, 0, 0 } };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  CgFilter filter = { .agent = "A9" };
  CgInterval rate;

  /* An empty database first, then a filter nothing matches. */
  ASSERT_CONNECT (f->store, CG_DIM_TOTAL, NULL, none);
  insert_hand_log (f->store);
  rows = cg_analytics_connect (f->store, CG_DIM_TOTAL, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (g_ptr_array_index (rows, 0), &none[0]);
  g_assert_false (cg_connect_row_rate (g_ptr_array_index (rows, 0), &rate));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = cg_analytics_connect (f->store, CG_DIM_LINE, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter = (CgFilter) { .from_ts = cg_test_ts ("2030-01-01T00:00:00Z") };
  rows = cg_analytics_connect (f->store, CG_DIM_DAY, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The whole log: 8 of 15. */
  rows = cg_analytics_connect (f->store, CG_DIM_TOTAL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_wilson (g_ptr_array_index (rows, 0));
}

/* ---- a generated log, recounted from its rows --------------------------------- */

typedef struct {
  gint64 calls;
  gint64 connected;
  gint64 talk_seconds;
  gint64 short_calls;
} Counts;

typedef enum {
  KEY_DAY,
  KEY_WEEK,
  KEY_HOUR_WEEKDAY,
  KEY_LINE,
  N_KEYS
} KeyKind;

static const struct {
  CgDimension  by;
  const char  *format;  /* for GDateTime; NULL for the line */
} key_kinds[N_KEYS] = {
  [KEY_DAY] = { CG_DIM_DAY, "%Y-%m-%d" },
  [KEY_WEEK] = { CG_DIM_WEEK, "%G-W%V" },
  [KEY_HOUR_WEEKDAY] = { CG_DIM_HOUR_WEEKDAY, "%u-%H" },
  [KEY_LINE] = { CG_DIM_LINE, NULL },
};

static void
count_into (GHashTable *table,
            const char *key,
            int         outcome,
            gint64      talk_s)
{
  Counts *c = g_hash_table_lookup (table, key);

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (table, g_strdup (key), c);
    }
  c->calls++;
  if (outcome == CG_OUTCOME_CONNECTED)
    {
      c->connected++;
      c->talk_seconds += talk_s;
      c->short_calls += talk_s < 5;
    }
}

static gint64
recount (const char  *path,
         GTimeZone   *tz,
         GHashTable **tables)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT start_ts, outcome, talk_s, line FROM calls",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ts = sqlite3_column_int64 (stmt, 0);
      int outcome = sqlite3_column_int (stmt, 1);
      gint64 talk_s = sqlite3_column_int64 (stmt, 2);
      const char *line = (const char *) sqlite3_column_text (stmt, 3);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ts);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

      for (guint k = 0; k < N_KEYS; k++)
        {
          g_autofree char *key = key_kinds[k].format
                                 ? g_date_time_format (local, key_kinds[k].format)
                                 : g_strdup (line ? line : "");
          count_into (tables[k], key, outcome, talk_s);
        }
      n++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_connect_demo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  GDate end;
  CgDemoOptions options = { .seed = 5, .months = 2, .end_date = &end };
  GHashTable *tables[N_KEYS];
  gint64 n;

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_MARCH, 2026);
  g_assert_cmpint (cg_demo_generate (f->store, &options, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  for (guint k = 0; k < N_KEYS; k++)
    tables[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = recount (f->path, tz, tables);
  g_assert_cmpint (n, >, 10000);
  g_assert_cmpint (n, ==, cg_store_count_calls (f->store));

  for (guint k = 0; k < N_KEYS; k++)
    {
      g_autoptr(GPtrArray) rows = cg_analytics_connect (f->store, key_kinds[k].by, NULL, &error);
      gint64 sum = 0;

      g_test_message ("by %s", cg_dimension_to_string (key_kinds[k].by));
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, g_hash_table_size (tables[k]));
      g_assert_cmpuint (rows->len, >, 1);
      for (guint i = 0; i < rows->len; i++)
        {
          const CgConnectRow *row = g_ptr_array_index (rows, i);
          const Counts *want = g_hash_table_lookup (tables[k], row->key);

          g_test_message ("row %s", row->key);
          g_assert_nonnull (want);
          if (i > 0)
            g_assert_cmpstr (((CgConnectRow *) g_ptr_array_index (rows, i - 1))->key, <, row->key);
          g_assert_cmpint (row->calls, ==, want->calls);
          g_assert_cmpint (row->connected, ==, want->connected);
          g_assert_cmpint (row->talk_seconds, ==, want->talk_seconds);
          g_assert_cmpint (row->short_calls, ==, want->short_calls);
          sum += row->calls;
        }
      g_assert_cmpint (sum, ==, n);

      if (k == KEY_LINE)
        for (guint i = 0; i < rows->len; i++)
          assert_wilson (g_ptr_array_index (rows, i));
    }

  for (guint k = 0; k < N_KEYS; k++)
    g_hash_table_unref (tables[k]);
}

/* ---- comparisons ------------------------------------------------------------ */

/* Adds @calls calls on @line, the first @connected of them connected, one
 * a minute from *@clock on. */
static void
add_block (CgCallWriter *w,
           const char   *line,
           guint         calls,
           guint         connected,
           gint64       *clock)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < calls; i++)
    {
      g_autofree char *uid = g_strdup_printf ("%s-%" G_GINT64_FORMAT, line, *clock);
      CgCall c;

      cg_call_init (&c);
      c.call_uid = uid;
      c.start_ts = *clock;
      c.line = line;
      c.agent_id = "A1";
      c.outcome = i < connected ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
      c.talk_s = i < connected ? 30 : 0;
      g_assert_cmpint (cg_test_add_call (w, &c), ==, CG_CALL_ADDED);
      *clock += 60;
    }
}

static void
insert_compare_log (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "ab.csv", "test", "utf-8", &error);
  gint64 clock = cg_test_ts ("2026-03-02T09:00:00+08:00");

  g_assert_no_error (error);
  add_block (w, "L1", 200, 60, &clock);  /* 30 % */
  add_block (w, "L2", 200, 40, &clock);  /* 20 % */
  add_block (w, "L3", 100, 22, &clock);  /* 22 % */
  add_block (w, "L4", 100, 20, &clock);  /* 20 % */
  add_block (w, "L5", 100, 20, &clock);  /* 20 % */
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, 700, 0, &error), >, 0);
  g_assert_no_error (error);
}

/* Pooled two-proportion z and its two-sided p = erfc (|z| / √2). */
static double
pooled_z (double  x1,
          double  n1,
          double  x2,
          double  n2,
          double *p_value)
{
  double pooled = (x1 + x2) / (n1 + n2);
  double z = (x1 / n1 - x2 / n2) / sqrt (pooled * (1 - pooled) * (1 / n1 + 1 / n2));

  *p_value = erfc (fabs (z) / G_SQRT2);
  return z;
}

static void
assert_close (double got,
              double want,
              double relative)
{
  g_assert_cmpfloat (fabs (got - want), <=, relative * fabs (want));
}

static void
test_compare_two (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgComparison) c = NULL;
  double p, z, l1, u1, l2, u2, pm, root, needed;

  insert_compare_log (f->store);

  /* 60/200 vs 40/200: p̄ = 100/400, z = 0.1 / √(0.25 · 0.75 · 0.01) ≈ 2.309,
   * p ≈ 0.021: significant. */
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L1", "L2", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->groups->len, ==, 2);
  g_assert_cmpstr (((CgConnectRow *) g_ptr_array_index (c->groups, 0))->key, ==, "L1");
  g_assert_cmpint (((CgConnectRow *) g_ptr_array_index (c->groups, 0))->calls, ==, 200);
  g_assert_cmpint (((CgConnectRow *) g_ptr_array_index (c->groups, 1))->connected, ==, 40);
  z = pooled_z (60, 200, 40, 200, &p);
  g_assert_cmpfloat_with_epsilon (z, 2.309401076758503, 1e-12);
  assert_close (c->pair.z, z, 1e-12);
  assert_close (c->pair.p_value, p, 1e-9);
  g_assert_cmpfloat (p, <, 0.05);
  g_assert_true (c->pair.significant);
  g_assert_cmpfloat_with_epsilon (c->pair.difference, 0.1, 1e-15);
  /* Newcombe: d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²). */
  wilson (60, 200, &l1, &u1);
  wilson (40, 200, &l2, &u2);
  g_assert_cmpfloat_with_epsilon (c->pair.lower, 0.1 - sqrt ((0.3 - l1) * (0.3 - l1) + (u2 - 0.2) * (u2 - 0.2)), 1e-12);
  g_assert_cmpfloat_with_epsilon (c->pair.upper, 0.1 + sqrt ((u1 - 0.3) * (u1 - 0.3) + (0.2 - l2) * (0.2 - l2)), 1e-12);
  g_assert_cmpfloat (c->pair.lower, >, 0);
  g_assert_nonnull (strstr (c->verdict, "L1"));
  g_assert_nonnull (strstr (c->verdict, "L2"));
  g_clear_pointer (&c, cg_comparison_free);

  /* 22/100 vs 20/100: z ≈ 0.347, p ≈ 0.73.  Calls needed (Fleiss):
   * (z.975 √(2 · 0.21 · 0.79) + z.8 √(0.22 · 0.78 + 0.2 · 0.8))² / 0.02²
   * ≈ 6509.5, rounded up to 6510. */
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L3", "L4", NULL }, NULL, &error);
  g_assert_no_error (error);
  z = pooled_z (22, 100, 20, 100, &p);
  assert_close (c->pair.z, z, 1e-12);
  assert_close (c->pair.p_value, p, 1e-9);
  g_assert_cmpfloat (p, >, 0.7);
  g_assert_false (c->pair.significant);
  g_assert_cmpfloat (c->pair.lower, <, 0);
  g_assert_cmpfloat (c->pair.upper, >, 0);
  g_assert_true (c->has_needed);
  pm = 0.21;
  root = Z_975 * sqrt (2 * pm * (1 - pm)) + Z_80 * sqrt (0.22 * 0.78 + 0.2 * 0.8);
  needed = ceil (root * root / (0.02 * 0.02));
  g_assert_cmpfloat (needed, ==, 6510);
  g_assert_cmpfloat (c->needed_per_group, ==, needed);
  g_assert_nonnull (strstr (c->verdict, "L3"));
  g_assert_nonnull (strstr (c->verdict, "L4"));
  g_clear_pointer (&c, cg_comparison_free);

  /* 20/100 vs 20/100: nothing to tell apart, no sample size. */
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L4", "L5", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (c->pair.z, ==, 0);
  g_assert_cmpfloat (c->pair.p_value, ==, 1);
  g_assert_false (c->pair.significant);
  g_assert_false (c->has_needed);
  g_assert_nonnull (strstr (c->verdict, "L4"));
  g_assert_nonnull (strstr (c->verdict, "L5"));
  g_clear_pointer (&c, cg_comparison_free);

  /* Reversed order: the groups come back as asked, z changes sign. */
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L2", "L1", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CgConnectRow *) g_ptr_array_index (c->groups, 0))->key, ==, "L2");
  assert_close (c->pair.z, -2.309401076758503, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->pair.difference, -0.1, 1e-15);
}

static void
test_compare_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgComparison *c;
  CgFilter march_3 = { .from_ts = cg_test_ts ("2026-03-03T00:00:00+08:00") };

  insert_compare_log (f->store);

  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L1", "L9", NULL }, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_NO_DATA);
  g_clear_error (&error);

  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L1", NULL }, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID);
  g_clear_error (&error);

  c = cg_analytics_compare (f->store, CG_DIM_LINE, NULL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID);
  g_clear_error (&error);

  /* The log covers 2026-03-02 09:00 to 20:39 (+08): nothing on the 3rd. */
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L1", "L2", NULL }, &march_3, &error);
  g_assert_null (c);
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_NO_DATA);
}

static void
test_compare_many (Fixture       *f,
                   gconstpointer  data)
{
  static const double x[] = { 60, 40, 20 }, n[] = { 200, 200, 100 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgComparison) c = NULL;
  double rate = (60.0 + 40 + 20) / (200 + 200 + 100), chisq = 0;
  double raw[3], holm[3];
  guint order[3] = { 0, 1, 2 };
  double running = 0;

  insert_compare_log (f->store);
  c = cg_analytics_compare (f->store, CG_DIM_LINE, (const char *const[]) { "L1", "L2", "L4", NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->groups->len, ==, 3);
  g_assert_true (c->has_chisq);

  /* Pearson's X² on the 3 × 2 table, expected counts n_i · 120/500 and
   * n_i · 380/500: 144/48 + 144/152 + 64/48 + 64/152 + 16/24 + 16/76
   * ≈ 6.579, and for 2 degrees of freedom P(X² > x) = exp (−x/2) ≈ 0.037. */
  for (guint i = 0; i < 3; i++)
    {
      double e1 = n[i] * rate, e0 = n[i] * (1 - rate);
      chisq += (x[i] - e1) * (x[i] - e1) / e1 + ((n[i] - x[i]) - e0) * ((n[i] - x[i]) - e0) / e0;
    }
  g_assert_cmpfloat_with_epsilon (chisq, 144.0 / 48 + 144.0 / 152 + 64.0 / 48 + 64.0 / 152 + 16.0 / 24 + 16.0 / 76, 1e-12);
  assert_close (c->chisq.statistic, chisq, 1e-12);
  g_assert_cmpuint (c->chisq.df, ==, 2);
  assert_close (c->chisq.p_value, exp (-chisq / 2), 1e-9);
  g_assert_cmpfloat (c->chisq.p_value, <, 0.05);
  g_assert_nonnull (c->verdict);

  /* Pairs in order (L1, L2), (L1, L4), (L2, L4): raw p ≈ 0.0209, 0.0648,
   * 1; Holm multiplies the sorted values by 3, 2, 1 and keeps them
   * non-decreasing: ≈ 0.0628, 0.1297, 1. */
  pooled_z (x[0], n[0], x[1], n[1], &raw[0]);
  pooled_z (x[0], n[0], x[2], n[2], &raw[1]);
  pooled_z (x[1], n[1], x[2], n[2], &raw[2]);  /* 40/200 and 20/100: z = 0, p = 1 */
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      if (raw[order[j]] < raw[order[i]])
        {
          guint t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
  for (guint i = 0; i < 3; i++)
    {
      running = MAX (running, MIN (1.0, (3 - i) * raw[order[i]]));
      holm[order[i]] = running;
    }
  g_assert_cmpfloat_with_epsilon (holm[0], 3 * 0.020921335337794066, 1e-9);
  g_assert_cmpfloat_with_epsilon (holm[1], 2 * 0.06483815699206652, 1e-9);
  for (guint i = 0; i < 3; i++)
    {
      assert_close (c->pairwise_p[i], holm[i], 1e-9);
      g_assert_cmpfloat (c->pairwise_p[i], >=, raw[i]);
      g_assert_cmpfloat (c->pairwise_p[i], <=, 1.0);
    }
  /* Monotone: the adjusted values keep the order of the raw ones. */
  g_assert_cmpfloat (c->pairwise_p[order[0]], <=, c->pairwise_p[order[1]]);
  g_assert_cmpfloat (c->pairwise_p[order[1]], <=, c->pairwise_p[order[2]]);
}

/* ---- best times ------------------------------------------------------------- */

/* P(X ≥ x) for X ~ Binomial(n, p), summed term by term. */
static double
binomial_upper (int    x,
                int    n,
                double p)
{
  double sum = 0;

  for (int k = x; k <= n; k++)
    sum += exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma (n - k + 1.0)
                + k * log (p) + (n - k) * log1p (-p));
  return sum;
}

typedef struct {
  const char *hour_start;  /* local, +08:00 */
  guint       calls;
  guint       connected;
} Cell;

static void
insert_cells (CgStore    *store,
              const Cell *cells,
              guint       n_cells)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "cells.csv", "test", "utf-8", &error);
  gint64 rows = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < n_cells; i++)
    {
      /* 30 s apart: up to 120 calls stay inside the hour. */
      for (guint j = 0; j < cells[i].calls; j++)
        {
          g_autofree char *uid = g_strdup_printf ("cell-%u-%u", i, j);
          CgCall c;

          g_assert_cmpuint (cells[i].calls, <=, 120);
          cg_call_init (&c);
          c.call_uid = uid;
          c.start_ts = cg_test_ts (cells[i].hour_start) + 30 * j;
          c.line = "L1";
          c.agent_id = "A1";
          c.outcome = j < cells[i].connected ? CG_OUTCOME_CONNECTED : CG_OUTCOME_BUSY;
          c.talk_s = j < cells[i].connected ? 45 : 0;
          cg_test_add_call (w, &c);
          rows++;
        }
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, rows, 0, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_best_times (Fixture       *f,
                 gconstpointer  data)
{
  /* 2026-03-02 is a Monday. */
  static const Cell cells[] = {
    { "2026-03-02T09:00:00+08:00", 100, 20 },  /* Mon 09 */
    { "2026-03-02T10:00:00+08:00", 100, 20 },  /* Mon 10 */
    { "2026-03-03T10:00:00+08:00", 100, 80 },  /* Tue 10: clearly better */
    { "2026-03-04T14:00:00+08:00", 100, 20 },  /* Wed 14 */
    { "2026-03-05T15:00:00+08:00", 100, 55 },  /* Thu 15: better, less so */
    { "2026-03-06T11:00:00+08:00", 100, 20 },  /* Fri 11 */
    { "2026-03-07T09:00:00+08:00", 100, 45 },  /* Sat 09: above, not significantly */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) best = NULL;
  double overall = 0, p_tue, p_thu, p_sat;
  const CgBestTime *t;

  insert_cells (f->store, cells, G_N_ELEMENTS (cells));
  best = cg_analytics_best_times (f->store, NULL, 30, &overall, &error);
  g_assert_no_error (error);
  g_assert_nonnull (best);

  /* Overall 260 of 700.  Seven cells tested; the four at 20 % have p ≈ 1,
   * so Holm multiplies Tuesday's p by 7, Thursday's by 6 and Saturday's
   * (≈ 0.065 raw) by 5, which leaves Saturday out. */
  g_assert_cmpfloat_with_epsilon (overall, 260.0 / 700, 1e-15);
  p_tue = binomial_upper (80, 100, 260.0 / 700);
  p_thu = binomial_upper (55, 100, 260.0 / 700);
  p_sat = binomial_upper (45, 100, 260.0 / 700);
  g_assert_cmpfloat (p_tue, <, p_thu);
  g_assert_cmpfloat (p_thu, <, p_sat);
  g_assert_cmpfloat (6 * p_thu, <, 0.05);
  g_assert_cmpfloat (5 * p_sat, >, 0.05);
  g_assert_cmpfloat (5 * p_sat, <, 0.5);
  g_assert_cmpuint (best->len, ==, 2);

  t = &g_array_index (best, CgBestTime, 0);
  g_assert_cmpint (t->weekday, ==, 2);
  g_assert_cmpint (t->hour, ==, 10);
  g_assert_cmpint (t->calls, ==, 100);
  g_assert_cmpint (t->connected, ==, 80);
  g_assert_cmpfloat_with_epsilon (t->rate, 0.8, 1e-15);
  assert_close (t->p_value, 7 * p_tue, 1e-6);

  t = &g_array_index (best, CgBestTime, 1);
  g_assert_cmpint (t->weekday, ==, 4);
  g_assert_cmpint (t->hour, ==, 15);
  g_assert_cmpint (t->connected, ==, 55);
  g_assert_cmpfloat_with_epsilon (t->rate, 0.55, 1e-15);
  assert_close (t->p_value, MAX (7 * p_tue, 6 * p_thu), 1e-6);
}

static void
test_best_times_none (Fixture       *f,
                      gconstpointer  data)
{
  static const Cell cells[] = {
    { "2026-03-02T09:00:00+08:00", 100, 30 },
    { "2026-03-03T10:00:00+08:00", 100, 30 },
    { "2026-03-04T14:00:00+08:00", 100, 30 },
    { "2026-03-05T15:00:00+08:00", 100, 30 },
    { "2026-03-06T11:00:00+08:00", 100, 30 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) best = NULL;
  CgFilter after = { .from_ts = cg_test_ts ("2026-04-01T00:00:00+08:00") };
  double overall = 0;

  /* Nothing at all: no rate, no cells. */
  best = cg_analytics_best_times (f->store, NULL, 1, &overall, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (best->len, ==, 0);
  g_assert_true (isnan (overall));
  g_clear_pointer (&best, g_array_unref);

  /* 30 % everywhere: P(X ≥ 30) for Binomial(100, 0.3) is above ½. */
  insert_cells (f->store, cells, G_N_ELEMENTS (cells));
  g_assert_cmpfloat (binomial_upper (30, 100, 0.3), >, 0.5);
  best = cg_analytics_best_times (f->store, NULL, 1, &overall, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (best->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (overall, 0.3, 1e-15);
  g_clear_pointer (&best, g_array_unref);

  best = cg_analytics_best_times (f->store, &after, 1, &overall, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (best->len, ==, 0);
  g_assert_true (isnan (overall));
}

static void
test_best_times_min_calls (Fixture       *f,
                           gconstpointer  data)
{
  static const Cell cells[] = {
    { "2026-03-02T09:00:00+08:00", 100, 20 },
    { "2026-03-03T10:00:00+08:00", 100, 20 },
    { "2026-03-04T14:00:00+08:00", 10, 10 },   /* Wed 14: 10 of 10 */
    { "2026-03-05T15:00:00+08:00", 100, 20 },
    { "2026-03-06T11:00:00+08:00", 100, 20 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) best = NULL;
  double overall = 0, rate = 90.0 / 410;
  const CgBestTime *t;

  insert_cells (f->store, cells, G_N_ELEMENTS (cells));

  /* With 10 calls the small cell is tested: p = rate¹⁰ ≈ 2.6e-7, times 5. */
  best = cg_analytics_best_times (f->store, NULL, 10, &overall, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (overall, rate, 1e-15);
  g_assert_cmpuint (best->len, ==, 1);
  t = &g_array_index (best, CgBestTime, 0);
  g_assert_cmpint (t->weekday, ==, 3);
  g_assert_cmpint (t->hour, ==, 14);
  g_assert_cmpint (t->calls, ==, 10);
  assert_close (t->p_value, 5 * pow (rate, 10), 1e-9);
  g_clear_pointer (&best, g_array_unref);

  /* With 11 it is left out; the overall rate still counts its calls. */
  best = cg_analytics_best_times (f->store, NULL, 11, &overall, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (overall, rate, 1e-15);
  g_assert_cmpuint (best->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, cg_test_store_set_up_beijing, (func), cg_test_store_tear_down)

  g_test_add_func ("/analytics/local-time/random", test_local_time_random);
  g_test_add_func ("/analytics/local-time/transitions", test_local_time_transitions);
  g_test_add_func ("/analytics/local-time/cases", test_local_time_cases);
  g_test_add_func ("/analytics/dimension-names", test_dimension_names);
  ADD ("/analytics/connect/slices", test_connect_slices);
  ADD ("/analytics/connect/calendar", test_connect_calendar);
  ADD ("/analytics/connect/filters", test_connect_filters);
  ADD ("/analytics/connect/empty", test_connect_empty);
  ADD ("/analytics/connect/before-1970", test_connect_before_1970);
  ADD ("/analytics/connect/demo", test_connect_demo);
  ADD ("/analytics/compare/two", test_compare_two);
  ADD ("/analytics/compare/errors", test_compare_errors);
  ADD ("/analytics/compare/many", test_compare_many);
  ADD ("/analytics/best-times/clear-winner", test_best_times);
  ADD ("/analytics/best-times/none", test_best_times_none);
  ADD ("/analytics/best-times/min-calls", test_best_times_min_calls);

  return g_test_run ();
}
