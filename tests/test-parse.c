/* test-parse.c — dates, durations, outcome words and amounts of call logs.
 *
 * Every expected epoch value was computed outside this code, with GNU date:
 *   date -u -d '2026-09-03 12:00:00 +0800' +%s   → 1788408000
 * and is noted next to the case that uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>

#include "cg-parse.h"

/* date -u -d '…' +%s */
#define SH_2026_09_03_1200    G_GINT64_CONSTANT (1788408000)   /* 2026-09-03 12:00:00 +0800 */
#define SH_2026_09_03_0905    G_GINT64_CONSTANT (1788397500)   /* 2026-09-03 09:05:00 +0800 */
#define SH_2026_09_03_090507  G_GINT64_CONSTANT (1788397507)   /* 2026-09-03 09:05:07 +0800 */
#define SH_2026_09_03_0000    G_GINT64_CONSTANT (1788364800)   /* 2026-09-03 00:00:00 +0800 */
#define SH_2026_09_03_235959  G_GINT64_CONSTANT (1788451199)   /* 2026-09-03 23:59:59 +0800 */
#define SH_2024_02_29_0000    G_GINT64_CONSTANT (1709136000)   /* 2024-02-29 00:00:00 +0800 */
#define SH_2026_12_31_235959  G_GINT64_CONSTANT (1798732799)   /* 2026-12-31 23:59:59 +0800 */
#define UTC_2026_09_03_1200   G_GINT64_CONSTANT (1788436800)   /* 2026-09-03 12:00:00 UTC */
#define UTC_2026_09_03_0905   G_GINT64_CONSTANT (1788426300)   /* 2026-09-03 09:05:00 UTC */
#define IN_2026_09_03_1200    G_GINT64_CONSTANT (1788417000)   /* 2026-09-03 12:00:00 +0530 */
#define SH_2026_01_01_1200    G_GINT64_CONSTANT (1767240000)   /* 2026-01-01 12:00:00 +0800 */
#define UTC_2026_01_01_1200   G_GINT64_CONSTANT (1767268800)   /* 2026-01-01 12:00:00 UTC */
#define UTC_1900_01_01        G_GINT64_CONSTANT (-2208988800)  /* 1900-01-01 UTC */
#define UTC_1900_01_01_1200   G_GINT64_CONSTANT (-2208945600)  /* 1900-01-01 12:00:00 UTC */
#define UTC_1900_02_28        G_GINT64_CONSTANT (-2203977600)  /* 1900-02-28 UTC */
#define UTC_1900_03_01        G_GINT64_CONSTANT (-2203891200)  /* 1900-03-01 UTC */
#define UTC_9999_12_31        G_GINT64_CONSTANT (253402214400) /* 9999-12-31 UTC */

#define SENTINEL G_GINT64_CONSTANT (-424242)

/* GLib on Windows knows Windows zone names, not IANA ones; this test's
 * Shanghai dates are all after 1991, when the zone has been a fixed +08:00. */
static GTimeZone *
shanghai_new (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  if (tz == NULL)
    tz = g_time_zone_new_offset (8 * 3600);
  return tz;
}

typedef struct
{
  const char *text;
  gint64      expected;
} DatetimeCase;

static void
check_datetimes (const DatetimeCase *cases,
                 gsize               n_cases,
                 GTimeZone          *tz)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gint64 ts = SENTINEL;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (cg_parse_datetime (cases[i].text, tz, &ts));
      g_assert_cmpint (ts, ==, cases[i].expected);
    }
}

static void
check_datetimes_fail (const char *const *texts,
                      gsize              n_texts,
                      GTimeZone         *tz)
{
  for (gsize i = 0; i < n_texts; i++)
    {
      gint64 ts = SENTINEL;

      g_test_message ("rejecting “%s”", texts[i]);
      g_assert_false (cg_parse_datetime (texts[i], tz, &ts));
      g_assert_cmpint (ts, ==, SENTINEL);
    }
}

static void
test_datetime_formats (void)
{
  g_autoptr(GTimeZone) tz = shanghai_new ();
  static const DatetimeCase cases[] = {
    { "2026-09-03 12:00:00", SH_2026_09_03_1200 },
    { "2026-09-03 09:05:07", SH_2026_09_03_090507 },
    { "2026-09-03 09:05", SH_2026_09_03_0905 },
    { "2026-9-3 9:05", SH_2026_09_03_0905 },
    { "2026/9/3 9:05", SH_2026_09_03_0905 },
    { "2026/09/03 09:05:07", SH_2026_09_03_090507 },
    { "2026.9.3 9:05:07", SH_2026_09_03_090507 },
    { "2026-09-03  09:05:07", SH_2026_09_03_090507 },
    { "2026-09-03 23:59:59", SH_2026_09_03_235959 },
    { "2026-12-31 23:59:59", SH_2026_12_31_235959 },
    { "2024-02-29", SH_2024_02_29_0000 },          /* leap year */
    /* Fractions are dropped, like epoch milliseconds. */
    { "2026-09-03 09:05:07.123", SH_2026_09_03_090507 },
    { "2026-09-03 09:05:07.999999", SH_2026_09_03_090507 },
    { "2026-09-03 09:05:07,5", SH_2026_09_03_090507 },
    /* Date only: midnight in the business zone. */
    { "2026-09-03", SH_2026_09_03_0000 },
    { "2026/9/3", SH_2026_09_03_0000 },
    /* Chinese */
    { "2026年9月3日 09:05:00", SH_2026_09_03_0905 },
    { "2026年09月03日 09:05:07", SH_2026_09_03_090507 },
    { "2026年9月3日9时5分", SH_2026_09_03_0905 },
    { "2026年9月3日 9时5分7秒", SH_2026_09_03_090507 },
    { "2026年9月3日9点05分07秒", SH_2026_09_03_090507 },
    { "2026年9月3日", SH_2026_09_03_0000 },
    { "2026年9月3号", SH_2026_09_03_0000 },
    /* Blanks around: ASCII, U+3000 ideographic space, BOM. */
    { "  2026-09-03 12:00:00\t", SH_2026_09_03_1200 },
    { "\n2026-09-03 12:00:00\r\n", SH_2026_09_03_1200 },
    { "\xe3\x80\x80" "2026-09-03 12:00:00" "\xe3\x80\x80", SH_2026_09_03_1200 },
    { "\xef\xbb\xbf" "2026-09-03 12:00:00", SH_2026_09_03_1200 },
    /* ISO 8601: no zone means the business zone. */
    { "2026-09-03T12:00:00", SH_2026_09_03_1200 },
    { "2026-09-03T09:05", SH_2026_09_03_0905 },
    { "2026-09-03T12:00:00.250", SH_2026_09_03_1200 },
  };

  check_datetimes (cases, G_N_ELEMENTS (cases), tz);
}

static void
test_datetime_iso_zone (void)
{
  g_autoptr(GTimeZone) shanghai = shanghai_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const DatetimeCase cases[] = {
    { "2026-09-03T12:00:00Z", UTC_2026_09_03_1200 },
    { "2026-09-03T12:00:00z", UTC_2026_09_03_1200 },
    { "2026-09-03T12:00:00.123Z", UTC_2026_09_03_1200 },
    { "2026-09-03T12:00:00+08:00", SH_2026_09_03_1200 },
    { "2026-09-03T12:00:00+0800", SH_2026_09_03_1200 },
    { "2026-09-03T12:00:00+08", SH_2026_09_03_1200 },
    { "2026-09-03T04:00:00-08:00", UTC_2026_09_03_1200 },  /* date -d '… 04:00:00 -0800' */
    { "2026-09-03T12:00:00+05:30", IN_2026_09_03_1200 },
    { "2026-09-03T12:00:00+00:00", UTC_2026_09_03_1200 },
    { "2026-09-03 12:00:00 +0800", SH_2026_09_03_1200 },
    { "2026-09-03 12:00:00Z", UTC_2026_09_03_1200 },
  };

  /* A written zone wins over the one passed in. */
  check_datetimes (cases, G_N_ELEMENTS (cases), shanghai);
  check_datetimes (cases, G_N_ELEMENTS (cases), utc);
}

static void
test_datetime_time_zone (void)
{
  g_autoptr(GTimeZone) shanghai = shanghai_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 in_shanghai = 0;
  gint64 in_utc = 0;

  g_assert_true (cg_parse_datetime ("2026-09-03 12:00:00", shanghai, &in_shanghai));
  g_assert_true (cg_parse_datetime ("2026-09-03 12:00:00", utc, &in_utc));
  g_assert_cmpint (in_shanghai, ==, SH_2026_09_03_1200);
  g_assert_cmpint (in_utc, ==, UTC_2026_09_03_1200);
  /* Shanghai is 8 h ahead: the same wall clock happens 28800 s earlier. */
  g_assert_cmpint (in_utc - in_shanghai, ==, 28800);

  g_assert_true (cg_parse_datetime ("2026/9/3 9:05", utc, &in_utc));
  g_assert_cmpint (in_utc, ==, UTC_2026_09_03_0905);

  /* No zone at all reads as UTC. */
  g_assert_true (cg_parse_datetime ("2026-09-03 12:00:00", NULL, &in_utc));
  g_assert_cmpint (in_utc, ==, UTC_2026_09_03_1200);

  /* Epoch numbers are instants: the zone does not move them. */
  g_assert_true (cg_parse_datetime ("1788408000", shanghai, &in_shanghai));
  g_assert_true (cg_parse_datetime ("1788408000", utc, &in_utc));
  g_assert_cmpint (in_shanghai, ==, 1788408000);
  g_assert_cmpint (in_utc, ==, 1788408000);
}

static void
test_datetime_epoch (void)
{
  g_autoptr(GTimeZone) tz = shanghai_new ();
  static const DatetimeCase cases[] = {
    { "1788408000", 1788408000 },
    { "178840800", 178840800 },            /* 9 digits: 1975 */
    { "100000000", 100000000 },
    { "9999999999", G_GINT64_CONSTANT (9999999999) },
    { "1788408000000", 1788408000 },       /* milliseconds */
    { "1788408000123", 1788408000 },
    { "1788408000999", 1788408000 },       /* rounded down, not to nearest */
    { "178840800500", 178840800 },         /* 12 digits */
    { " 1788408000 ", 1788408000 },
  };
  static const char *const bad[] = {
    "20260903",          /* 8 digits: not a compact date, not a serial */
    "17884080001",       /* 11 digits */
    "17884080001234",    /* 14 digits */
    "-1788408000",
    "+1788408000",
    "1788408000.5",      /* too large for a serial, and epochs are integers */
    "1.788408e9",
    "0x6A9D2F40",
  };

  check_datetimes (cases, G_N_ELEMENTS (cases), tz);
  check_datetimes_fail (bad, G_N_ELEMENTS (bad), tz);
}

static void
test_datetime_serial_text (void)
{
  g_autoptr(GTimeZone) shanghai = shanghai_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const DatetimeCase shanghai_cases[] = {
    { "46023.5", SH_2026_01_01_1200 },
    { "46023.50", SH_2026_01_01_1200 },
  };
  static const DatetimeCase utc_cases[] = {
    { "46023.5", UTC_2026_01_01_1200 },
    { "25569", 0 },
    { "1", UTC_1900_01_01 },
    { "1.5", UTC_1900_01_01_1200 },
    { "2958465", UTC_9999_12_31 },
  };
  static const char *const bad[] = {
    "0", "0.5", "0.999", "60", "2958466", "2958466.5", "3000000",
    "46023.", ".5", "46023,5",
  };

  check_datetimes (shanghai_cases, G_N_ELEMENTS (shanghai_cases), shanghai);
  check_datetimes (utc_cases, G_N_ELEMENTS (utc_cases), utc);
  check_datetimes_fail (bad, G_N_ELEMENTS (bad), utc);
}

static void
test_datetime_invalid (void)
{
  g_autoptr(GTimeZone) tz = shanghai_new ();
  static const char *const bad[] = {
    "",
    "   ",
    "abc",
    "2026-13-01",
    "2026-00-10",
    "2026-09-00",
    "2026-09-32",
    "2026-09-31",            /* September has 30 days */
    "2026-02-29",            /* 2026 is not a leap year */
    "2026-02-30",
    "2100-02-29",            /* century, not leap */
    "0000-01-01",
    "2026-09-03 24:00:00",
    "2026-09-03 24:00",
    "2026-09-03 12:60:00",
    "2026-09-03 12:00:60",   /* leap seconds are not written by dialers */
    "2026-09-03 12",
    "2026-09-03 12:5",
    "2026-09-03 12:00:5",
    "2026-09-03 12:00:00.",
    "2026-09-03 123:00:00",
    "2026-09-03T",
    "2026-09/03",
    "2026/09-03",
    "2026-123-1",
    "26-09-03",
    "2026-09-03 12:00:00 junk",
    "2026-09-03 12:00:00+25:00",
    "2026-09-03 12:00:00+08:60",
    "2026-09-03 12:00:00+8",
    "2026-09-03 12:00:00+080",
    "2026-09-03Z",
    "2026-09-0312:00:00",
    "2026年13月1日",
    "2026年2月30日",
    "2026年9月3日 25时",
    "2026年9月3日9时5",
    "2026年9月3",
    "９月３日",
    "\xff\xfe",              /* not UTF-8 */
  };
  gint64 ts = SENTINEL;

  /* Control: a trailing blank is trimmed, not an error. */
  g_assert_true (cg_parse_datetime ("2026-09-03 ", tz, &ts));
  g_assert_cmpint (ts, ==, SH_2026_09_03_0000);

  check_datetimes_fail (bad, G_N_ELEMENTS (bad), tz);

  ts = SENTINEL;
  g_assert_false (cg_parse_datetime (NULL, tz, &ts));
  g_assert_cmpint (ts, ==, SENTINEL);
}

static void
test_excel_serial (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) shanghai = shanghai_new ();
  static const struct
  {
    double serial;
    gint64 expected;
  } cases[] = {
    { 1.0, UTC_1900_01_01 },
    { 1.5, UTC_1900_01_01_1200 },
    { 59.0, UTC_1900_02_28 },       /* last real day before the fictitious one */
    { 61.0, UTC_1900_03_01 },       /* first day counted from 1899-12-30 */
    { 25569.0, 0 },                 /* 1970-01-01 */
    { 46023.5, UTC_2026_01_01_1200 },
    { 2958465.0, UTC_9999_12_31 },
    /* Rounded to the nearest second: 0.4 s and 0.6 s after midnight. */
    { 25569.0 + 0.4 / 86400.0, 0 },
    { 25569.0 + 0.6 / 86400.0, 1 },
    /* 12:00:00 minus a few microseconds, as Excel's binary floats store it */
    { 25569.0 + 0.499999999, 43200 },
    /* A hair before midnight rounds into the next day. */
    { 25569.999999999, 86400 },
    /* 09:05:07 = 32707 s = 0.378553240740… d */
    { 25569.0 + 32707.0 / 86400.0, 32707 },
  };
  static const double bad[] = {
    0.0, 0.5, -1.0, 60.0, 60.5, 59.9999999999, 2958466.0, 2958465.9999999999, 1e12,
  };
  gint64 ts;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ts = SENTINEL;
      g_test_message ("serial %.10f", cases[i].serial);
      g_assert_true (cg_parse_excel_serial (cases[i].serial, utc, &ts));
      g_assert_cmpint (ts, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ts = SENTINEL;
      g_test_message ("serial %.10f", bad[i]);
      g_assert_false (cg_parse_excel_serial (bad[i], utc, &ts));
      g_assert_cmpint (ts, ==, SENTINEL);
    }

  ts = SENTINEL;
  g_assert_false (cg_parse_excel_serial (NAN, utc, &ts));
  g_assert_false (cg_parse_excel_serial (INFINITY, utc, &ts));
  g_assert_false (cg_parse_excel_serial (-INFINITY, utc, &ts));
  g_assert_cmpint (ts, ==, SENTINEL);

  /* The wall clock is read in the zone passed. */
  g_assert_true (cg_parse_excel_serial (46023.5, shanghai, &ts));
  g_assert_cmpint (ts, ==, SH_2026_01_01_1200);
  g_assert_cmpint (UTC_2026_01_01_1200 - ts, ==, 28800);
}

static void
test_duration (void)
{
  static const struct
  {
    const char *text;
    int         expected;
  } cases[] = {
    { "95", 95 },
    { "0", 0 },
    { "95.0", 95 },
    { "95.4", 95 },
    { "95.5", 96 },
    { "95.6", 96 },
    { " 95 ", 95 },
    /* A day fraction is not recognised: text cannot tell it from seconds. */
    { "0.001099537", 0 },
    { "1:35", 95 },
    { "01:35", 95 },
    { "75:00", 4500 },
    { "0:01:35", 95 },
    { "01:01:35", 3695 },
    { "00:00:00", 0 },
    { "100:00:00", 360000 },
    { "0:01:35.4", 95 },
    { "0:01:35.6", 96 },
    { "1分35秒", 95 },
    { "1分钟35秒", 95 },
    { "35秒", 35 },
    { "2分", 120 },
    { "1小时2分3秒", 3723 },
    { "1时2分3秒", 3723 },
    { "1小时", 3600 },
    { "1小时3秒", 3603 },
    { "1 分 35 秒", 95 },
    { "2m 5s", 125 },
    { "2M5S", 125 },
    { "1h2m", 3720 },
    { "1h 2m 3s", 3723 },
    { "2 min 5 sec", 125 },
    { "1 hour 2 minutes 3 seconds", 3723 },
    { "90s", 90 },
    { "2147483647", G_MAXINT },
  };
  static const char *const bad[] = {
    "", "   ", "-5", "-0:01", "+5", "abc", "1.2.3", "1e3", "95.", ".5",
    "1:5", "1:60", "1:35:", ":35", "1::35", "0:01:35:00", "0:60:00", "1:35.",
    "1分35", "35秒2分", "1分1分", "2ms", "5 x", "1h2", "秒", "2147483648",
    "99999999:00:00", "1,000",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int seconds = -1;

      g_test_message ("duration “%s”", cases[i].text);
      g_assert_true (cg_parse_duration (cases[i].text, &seconds));
      g_assert_cmpint (seconds, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int seconds = -7;

      g_test_message ("duration “%s”", bad[i]);
      g_assert_false (cg_parse_duration (bad[i], &seconds));
      g_assert_cmpint (seconds, ==, -7);
    }
  g_assert_false (cg_parse_duration (NULL, &(int) { 0 }));
}

typedef struct
{
  const char *text;
  int         expected;
} WordCase;

static void
test_outcome (void)
{
  static const WordCase cases[] = {
    /* Asterisk / FreePBX CDR dispositions */
    { "ANSWERED", CG_OUTCOME_CONNECTED },
    { "NO ANSWER", CG_OUTCOME_NO_ANSWER },
    { "BUSY", CG_OUTCOME_BUSY },
    { "FAILED", CG_OUTCOME_LINE_FAILURE },
    { "CONGESTION", CG_OUTCOME_LINE_FAILURE },
    /* Asterisk DIALSTATUS */
    { "ANSWER", CG_OUTCOME_CONNECTED },
    { "NOANSWER", CG_OUTCOME_NO_ANSWER },
    { "CANCEL", CG_OUTCOME_NO_ANSWER },
    { "CHANUNAVAIL", CG_OUTCOME_LINE_FAILURE },
    /* FreeSWITCH hangup causes; unanswered-looking ones are upgraded to
     * connected by the import layer when the call has an answer time. */
    { "NORMAL_CLEARING", CG_OUTCOME_NO_ANSWER },
    { "ORIGINATOR_CANCEL", CG_OUTCOME_NO_ANSWER },
    { "NO_ANSWER", CG_OUTCOME_NO_ANSWER },
    { "NO_USER_RESPONSE", CG_OUTCOME_NO_ANSWER },
    { "ALLOTTED_TIMEOUT", CG_OUTCOME_NO_ANSWER },
    { "PROGRESS_TIMEOUT", CG_OUTCOME_NO_ANSWER },
    { "USER_BUSY", CG_OUTCOME_BUSY },
    { "CALL_REJECTED", CG_OUTCOME_REJECTED },
    { "UNALLOCATED_NUMBER", CG_OUTCOME_INVALID_NUMBER },
    { "NUMBER_CHANGED", CG_OUTCOME_INVALID_NUMBER },
    { "INVALID_NUMBER_FORMAT", CG_OUTCOME_INVALID_NUMBER },
    { "SUBSCRIBER_ABSENT", CG_OUTCOME_UNREACHABLE },
    { "DESTINATION_OUT_OF_ORDER", CG_OUTCOME_UNREACHABLE },
    { "USER_NOT_REGISTERED", CG_OUTCOME_UNREACHABLE },
    { "NORMAL_TEMPORARY_FAILURE", CG_OUTCOME_LINE_FAILURE },
    { "NETWORK_OUT_OF_ORDER", CG_OUTCOME_LINE_FAILURE },
    { "RECOVERY_ON_TIMER_EXPIRE", CG_OUTCOME_LINE_FAILURE },
    { "NO_ROUTE_DESTINATION", CG_OUTCOME_LINE_FAILURE },
    { "GATEWAY_DOWN", CG_OUTCOME_LINE_FAILURE },
    { "MEDIA_TIMEOUT", CG_OUTCOME_LINE_FAILURE },
    { "SWITCH_CONGESTION", CG_OUTCOME_LINE_FAILURE },
    { "NORMAL_CIRCUIT_CONGESTION", CG_OUTCOME_LINE_FAILURE },
    { "SERVICE_UNAVAILABLE", CG_OUTCOME_LINE_FAILURE },
    /* English */
    { "answered", CG_OUTCOME_CONNECTED },
    { "connected", CG_OUTCOME_CONNECTED },
    { "Success", CG_OUTCOME_CONNECTED },
    { "no answer", CG_OUTCOME_NO_ANSWER },
    { "unanswered", CG_OUTCOME_NO_ANSWER },
    { "busy", CG_OUTCOME_BUSY },
    { "rejected", CG_OUTCOME_REJECTED },
    { "declined", CG_OUTCOME_REJECTED },
    { "invalid number", CG_OUTCOME_INVALID_NUMBER },
    { "disconnected number", CG_OUTCOME_INVALID_NUMBER },
    { "out of service", CG_OUTCOME_INVALID_NUMBER },
    { "unreachable", CG_OUTCOME_UNREACHABLE },
    { "switched off", CG_OUTCOME_UNREACHABLE },
    { "failed", CG_OUTCOME_LINE_FAILURE },
    { "line failure", CG_OUTCOME_LINE_FAILURE },
    { "network error", CG_OUTCOME_LINE_FAILURE },
    { "voicemail", CG_OUTCOME_VOICEMAIL },
    { "Voice Mail", CG_OUTCOME_VOICEMAIL },
    { "answering machine", CG_OUTCOME_VOICEMAIL },
    { "other", CG_OUTCOME_OTHER },
    /* Chinese */
    { "已接通", CG_OUTCOME_CONNECTED },
    { "接通", CG_OUTCOME_CONNECTED },
    { "成功", CG_OUTCOME_CONNECTED },
    { "已接听", CG_OUTCOME_CONNECTED },
    { "通话成功", CG_OUTCOME_CONNECTED },
    { "未接通", CG_OUTCOME_NO_ANSWER },
    { "无人接听", CG_OUTCOME_NO_ANSWER },
    { "无应答", CG_OUTCOME_NO_ANSWER },
    { "未接听", CG_OUTCOME_NO_ANSWER },
    { "振铃未接", CG_OUTCOME_NO_ANSWER },
    { "忙", CG_OUTCOME_BUSY },
    { "用户忙", CG_OUTCOME_BUSY },
    { "占线", CG_OUTCOME_BUSY },
    { "正忙", CG_OUTCOME_BUSY },
    { "拒接", CG_OUTCOME_REJECTED },
    { "拒绝", CG_OUTCOME_REJECTED },
    { "用户拒接", CG_OUTCOME_REJECTED },
    { "挂断", CG_OUTCOME_REJECTED },
    { "空号", CG_OUTCOME_INVALID_NUMBER },
    { "停机", CG_OUTCOME_INVALID_NUMBER },
    { "号码不存在", CG_OUTCOME_INVALID_NUMBER },
    { "无效号码", CG_OUTCOME_INVALID_NUMBER },
    { "号码错误", CG_OUTCOME_INVALID_NUMBER },
    { "关机", CG_OUTCOME_UNREACHABLE },
    { "不在服务区", CG_OUTCOME_UNREACHABLE },
    { "无法接通", CG_OUTCOME_UNREACHABLE },
    { "暂时无法接通", CG_OUTCOME_UNREACHABLE },
    { "线路故障", CG_OUTCOME_LINE_FAILURE },
    { "线路忙", CG_OUTCOME_LINE_FAILURE },
    { "网络忙", CG_OUTCOME_LINE_FAILURE },
    { "呼叫失败", CG_OUTCOME_LINE_FAILURE },
    { "外呼失败", CG_OUTCOME_LINE_FAILURE },
    { "中继故障", CG_OUTCOME_LINE_FAILURE },
    { "语音信箱", CG_OUTCOME_VOICEMAIL },
    { "留言", CG_OUTCOME_VOICEMAIL },
    { "秘书台", CG_OUTCOME_VOICEMAIL },
    /* Case, blanks and separators */
    { "  No Answer ", CG_OUTCOME_NO_ANSWER },
    { "no_answer", CG_OUTCOME_NO_ANSWER },
    { "No-Answer", CG_OUTCOME_NO_ANSWER },
    { "NO   ANSWER", CG_OUTCOME_NO_ANSWER },
    { "Normal_Clearing", CG_OUTCOME_NO_ANSWER },
    { "normal clearing", CG_OUTCOME_NO_ANSWER },
    { "\t answered\n", CG_OUTCOME_CONNECTED },
    { " BUSY", CG_OUTCOME_BUSY },
    { "\xe3\x80\x80" "已接通" "\xe3\x80\x80", CG_OUTCOME_CONNECTED },
    { " 空号 ", CG_OUTCOME_INVALID_NUMBER },
    { "VoiceMail", CG_OUTCOME_VOICEMAIL },
  };
  static const char *const bad[] = {
    "", "   ", "_", "-", "foo", "answered!", "no answers", "NORMAL CLEARINGS",
    "已接通了", "接", "\xff",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CgOutcome outcome = CG_N_OUTCOMES;

      g_test_message ("outcome “%s”", cases[i].text);
      g_assert_true (cg_parse_outcome (cases[i].text, &outcome));
      g_assert_cmpint (outcome, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CgOutcome outcome = CG_N_OUTCOMES;

      g_test_message ("outcome “%s”", bad[i]);
      g_assert_false (cg_parse_outcome (bad[i], &outcome));
      g_assert_cmpint (outcome, ==, CG_N_OUTCOMES);
    }
  {
    CgOutcome outcome = CG_N_OUTCOMES;

    g_assert_false (cg_parse_outcome (NULL, &outcome));
    g_assert_cmpint (outcome, ==, CG_N_OUTCOMES);
  }
}

/* Lookups from several threads at once meet the lazily built table. */
static gpointer
outcome_thread (gpointer data)
{
  for (int i = 0; i < 1000; i++)
    {
      CgOutcome outcome = CG_OUTCOME_OTHER;

      if (!cg_parse_outcome ("USER_BUSY", &outcome) || outcome != CG_OUTCOME_BUSY)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_outcome_threads (void)
{
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("outcome", outcome_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static void
test_disposition (void)
{
  static const WordCase cases[] = {
    { "成交", CG_DISPOSITION_SALE },
    { "成单", CG_DISPOSITION_SALE },
    { "已成交", CG_DISPOSITION_SALE },
    { "购买", CG_DISPOSITION_SALE },
    { "下单", CG_DISPOSITION_SALE },
    { "sale", CG_DISPOSITION_SALE },
    { "Sold", CG_DISPOSITION_SALE },
    { "WON", CG_DISPOSITION_SALE },
    { "有意向", CG_DISPOSITION_INTERESTED },
    { "意向", CG_DISPOSITION_INTERESTED },
    { "感兴趣", CG_DISPOSITION_INTERESTED },
    { "意向客户", CG_DISPOSITION_INTERESTED },
    { "interested", CG_DISPOSITION_INTERESTED },
    { "Hot Lead", CG_DISPOSITION_INTERESTED },
    { "hot_lead", CG_DISPOSITION_INTERESTED },
    { "回拨", CG_DISPOSITION_CALLBACK },
    { "预约", CG_DISPOSITION_CALLBACK },
    { "再联系", CG_DISPOSITION_CALLBACK },
    { "稍后联系", CG_DISPOSITION_CALLBACK },
    { "callback", CG_DISPOSITION_CALLBACK },
    { "Call Back", CG_DISPOSITION_CALLBACK },
    { "call-back", CG_DISPOSITION_CALLBACK },
    { "无意向", CG_DISPOSITION_NOT_INTERESTED },
    { "不感兴趣", CG_DISPOSITION_NOT_INTERESTED },
    { "拒绝", CG_DISPOSITION_NOT_INTERESTED },
    { "Not Interested", CG_DISPOSITION_NOT_INTERESTED },
    { "勿扰", CG_DISPOSITION_DNC_REQUEST },
    { "免打扰", CG_DISPOSITION_DNC_REQUEST },
    { "不要再打", CG_DISPOSITION_DNC_REQUEST },
    { "拒绝再联系", CG_DISPOSITION_DNC_REQUEST },
    { "投诉", CG_DISPOSITION_DNC_REQUEST },
    { "加入黑名单", CG_DISPOSITION_DNC_REQUEST },
    { "do not call", CG_DISPOSITION_DNC_REQUEST },
    { "Do-Not-Call", CG_DISPOSITION_DNC_REQUEST },
    { "DNC", CG_DISPOSITION_DNC_REQUEST },
    { " 成交 ", CG_DISPOSITION_SALE },
  };
  /* Empty is FALSE, not NONE: the import layer decides what blank means. */
  static const char *const bad[] = { "", "  ", "foo", "成", "ANSWERED", "已接通", "\xc3" };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CgDisposition disposition = CG_N_DISPOSITIONS;

      g_test_message ("disposition “%s”", cases[i].text);
      g_assert_true (cg_parse_disposition (cases[i].text, &disposition));
      g_assert_cmpint (disposition, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CgDisposition disposition = CG_N_DISPOSITIONS;

      g_test_message ("disposition “%s”", bad[i]);
      g_assert_false (cg_parse_disposition (bad[i], &disposition));
      g_assert_cmpint (disposition, ==, CG_N_DISPOSITIONS);
    }
  g_assert_false (cg_parse_disposition (NULL, &(CgDisposition) { 0 }));
}

static void
test_amount (void)
{
  static const struct
  {
    const char *text;
    double      expected;
  } cases[] = {
    { "1280", 1280.0 },
    { "0", 0.0 },
    { "1,280.50", 1280.5 },
    { "12,345,678", 12345678.0 },
    { "¥1,280", 1280.0 },
    { "￥1280", 1280.0 },
    { "¥ 1280", 1280.0 },
    { "1280元", 1280.0 },
    { "1280 元", 1280.0 },
    { "1280.00 CNY", 1280.0 },
    { "CNY 1280", 1280.0 },
    { "RMB1,280.25", 1280.25 },
    { "人民币1280元", 1280.0 },
    { "  1280.5  ", 1280.5 },
    { "-1280", -1280.0 },
    { "-¥1,280", -1280.0 },
    { "¥-1280", -1280.0 },
    { "0.125", 0.125 },
    /* CG_LIMIT_AMOUNT_CNY, a trillion, is still an amount. */
    { "1000000000000", 1e12 },
  };
  static const char *const bad[] = {
    "", "  ", "-", "¥", "元", "abc", "1,28", "1,2800", "12345,678", "1280.",
    ".5", "1280 USD", "1280元元", "1.2.3", "1 280", "1e3", "--5", "¥¥5", "12a",
    /* Out of range: just over a trillion, and 400 digits (infinite). */
    "1000000000001", "-1000000000001",
    "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double amount = -1.0;

      g_test_message ("amount “%s”", cases[i].text);
      g_assert_true (cg_parse_amount (cases[i].text, &amount));
      g_assert_cmpfloat (amount, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double amount = -1.0;

      g_test_message ("amount “%s”", bad[i]);
      g_assert_false (cg_parse_amount (bad[i], &amount));
      g_assert_cmpfloat (amount, ==, -1.0);
    }
  g_assert_false (cg_parse_amount (NULL, &(double) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  /* Test messages show Chinese cases when the locale is UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/datetime/formats", test_datetime_formats);
  g_test_add_func ("/parse/datetime/iso-zone", test_datetime_iso_zone);
  g_test_add_func ("/parse/datetime/time-zone", test_datetime_time_zone);
  g_test_add_func ("/parse/datetime/epoch", test_datetime_epoch);
  g_test_add_func ("/parse/datetime/serial-text", test_datetime_serial_text);
  g_test_add_func ("/parse/datetime/invalid", test_datetime_invalid);
  g_test_add_func ("/parse/excel-serial", test_excel_serial);
  g_test_add_func ("/parse/duration", test_duration);
  g_test_add_func ("/parse/outcome/words", test_outcome);
  g_test_add_func ("/parse/outcome/threads", test_outcome_threads);
  g_test_add_func ("/parse/disposition", test_disposition);
  g_test_add_func ("/parse/amount", test_amount);

  return g_test_run ();
}
