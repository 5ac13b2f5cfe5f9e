/* cg-parse-datetime.c — the date-times of call logs: wall clocks as people
 * and dialers write them, epoch numbers, and Excel serials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-parse.h"
#include "cg-parse-private.h"

/* Excel's 1900 date system ends at 9999-12-31, serial 2958465; anything from
 * the next day on is not a date Excel can hold. */
#define EXCEL_SERIAL_END 2958466.0

/* Excel believes 1900 was a leap year (a bug kept from Lotus 1-2-3), so
 * serial 60 is 1900-02-29, a day that never was.  Serials before it count
 * from 1899-12-31, serials after it from 1899-12-30. */
#define EXCEL_FICTITIOUS_DAY 60

#define SECONDS_PER_DAY 86400

/* A date and time as read, before a time zone makes it an instant. */
typedef struct
{
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  int      second;
  gboolean has_zone;
  int      zone_seconds;  /* east of UTC */
} WallClock;

static gboolean
scan_literal (const char **p,
              const char  *literal)
{
  if (!g_str_has_prefix (*p, literal))
    return FALSE;
  *p += strlen (literal);
  return TRUE;
}

/* Exactly two digits, whatever follows: the basic zone form "+0800" runs
 * hours and minutes together. */
static gboolean
scan_two_digits (const char **p,
                 int         *value)
{
  const char *s = *p;

  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return FALSE;
  *value = (s[0] - '0') * 10 + (s[1] - '0');
  *p = s + 2;
  return TRUE;
}

/* Zone after a time: "Z", "+08:00", "+0800", "+08", optionally after a space
 * as some exports write "2026-09-03 12:00:00 +0800". */
static gboolean
scan_zone (const char **p,
           WallClock   *wc)
{
  const char *s = *p;
  int sign;
  int hours;
  int minutes = 0;

  cg_parse_skip_inner_blanks (&s);
  if (*s == '\0')
    {
      *p = s;
      return TRUE;
    }

  if (*s == 'Z' || *s == 'z')
    {
      s++;
      wc->has_zone = TRUE;
      wc->zone_seconds = 0;
      *p = s;
      return TRUE;
    }

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;
  if (!scan_two_digits (&s, &hours))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!scan_two_digits (&s, &minutes))
        return FALSE;
    }
  else if (g_ascii_isdigit (*s) && !scan_two_digits (&s, &minutes))
    {
      return FALSE;
    }
  if (hours > 23 || minutes > 59)
    return FALSE;

  wc->has_zone = TRUE;
  wc->zone_seconds = sign * (hours * 3600 + minutes * 60);
  *p = s;
  return TRUE;
}

/* Time after the date: "9:05", "09:05:07", "09:05:07.123" (fraction dropped,
 * as epoch milliseconds are), "9时5分", "9点5分7秒". */
static gboolean
scan_time (const char **p,
           WallClock   *wc)
{
  const char *s = *p;

  if (!cg_parse_scan_number (&s, 1, 2, &wc->hour))
    return FALSE;

  if (*s == ':')
    {
      s++;
      if (!cg_parse_scan_number (&s, 2, 2, &wc->minute))
        return FALSE;
      if (*s == ':')
        {
          s++;
          if (!cg_parse_scan_number (&s, 2, 2, &wc->second))
            return FALSE;
          if (*s == '.' || *s == ',')
            {
              s++;
              if (!g_ascii_isdigit (*s))
                return FALSE;
              while (g_ascii_isdigit (*s))
                s++;
            }
        }
    }
  else if (scan_literal (&s, "时") || scan_literal (&s, "点"))
    {
      if (g_ascii_isdigit (*s))
        {
          if (!cg_parse_scan_number (&s, 1, 2, &wc->minute) || !scan_literal (&s, "分"))
            return FALSE;
          if (g_ascii_isdigit (*s)
              && (!cg_parse_scan_number (&s, 1, 2, &wc->second) || !scan_literal (&s, "秒")))
            return FALSE;
        }
    }
  else
    {
      return FALSE;
    }

  *p = s;
  return TRUE;
}

/* One scanner for every layout, so "2026/9/3", "2026-09-03T09:05Z" and
 * "2026年9月3日9时5分" get the same strictness.  GLib's ISO 8601 parser would
 * cover only the 'T' form and accepts week and ordinal dates no call log
 * writes. */
static gboolean
scan_wall_clock (const char *s,
                 WallClock  *wc)
{
  const char *p = s;
  gboolean chinese = FALSE;

  memset (wc, 0, sizeof *wc);

  if (!cg_parse_scan_number (&p, 4, 4, &wc->year))
    return FALSE;

  if (scan_literal (&p, "年"))
    {
      chinese = TRUE;
      if (!cg_parse_scan_number (&p, 1, 2, &wc->month)
          || !scan_literal (&p, "月")
          || !cg_parse_scan_number (&p, 1, 2, &wc->day)
          || !(scan_literal (&p, "日") || scan_literal (&p, "号")))
        return FALSE;
    }
  else if (*p == '-' || *p == '/' || *p == '.')
    {
      char separator = *p++;

      if (!cg_parse_scan_number (&p, 1, 2, &wc->month) || *p != separator)
        return FALSE;
      p++;
      if (!cg_parse_scan_number (&p, 1, 2, &wc->day))
        return FALSE;
    }
  else
    {
      return FALSE;
    }

  /* A date alone means midnight. */
  if (*p == '\0')
    return TRUE;

  if (*p == 'T' || *p == 't')
    p++;
  else if (*p == ' ' || *p == '\t')
    cg_parse_skip_inner_blanks (&p);
  else if (!chinese)
    return FALSE;  /* "2026年9月3日9时5分" needs no separator; others do */

  return scan_time (&p, wc) && scan_zone (&p, wc) && *p == '\0';
}

static gboolean
wall_clock_to_unix (const WallClock *wc,
                    GTimeZone       *tz,
                    gint64          *unix_seconds)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) dt = NULL;

  /* GDateTime checks ranges as well, but says nothing about why; spell out
   * what a valid wall clock is.  A leap second (:60) is not one. */
  if (wc->year < 1 || wc->year > 9999
      || wc->month < 1 || wc->month > 12
      || wc->day < 1
      || wc->day > g_date_get_days_in_month ((GDateMonth) wc->month, (GDateYear) wc->year)
      || wc->hour < 0 || wc->hour > 23
      || wc->minute < 0 || wc->minute > 59
      || wc->second < 0 || wc->second > 59)
    return FALSE;

  if (wc->has_zone)
    zone = g_time_zone_new_offset (wc->zone_seconds);
  else if (tz != NULL)
    zone = g_time_zone_ref (tz);
  else
    zone = g_time_zone_new_utc ();

  dt = g_date_time_new (zone, wc->year, wc->month, wc->day,
                        wc->hour, wc->minute, wc->second);
  if (dt == NULL)
    return FALSE;

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

/* The number rules, in order: an integer of 9–10 digits is epoch seconds
 * (1973–2286), of 12–13 digits epoch milliseconds, rounded down; any other
 * plain number in Excel's date range is a serial that was exported as text.
 * The digit counts keep these apart: the largest serial has 7 digits.  An
 * integer of 8 or 11 digits is none of them: "20260903" is rejected, not
 * guessed to be a compact date.  A NULL @tz reads wall clocks as UTC. */
gboolean
cg_parse_datetime (const char *text,
                   GTimeZone  *tz,
                   gint64     *unix_seconds)
{
  g_autofree char *s = NULL;
  gboolean has_point;
  gsize n_int_digits;
  WallClock wc;

  g_return_val_if_fail (unix_seconds != NULL, FALSE);

  s = cg_parse_dup_trimmed (text);
  if (s == NULL || *s == '\0')
    return FALSE;

  if (cg_parse_is_plain_number (s, &has_point, &n_int_digits))
    {
      double serial;

      if (!has_point && (n_int_digits == 9 || n_int_digits == 10))
        {
          *unix_seconds = g_ascii_strtoll (s, NULL, 10);
          return TRUE;
        }
      if (!has_point && (n_int_digits == 12 || n_int_digits == 13))
        {
          /* Non-negative, so integer division rounds down. */
          *unix_seconds = g_ascii_strtoll (s, NULL, 10) / 1000;
          return TRUE;
        }

      serial = g_ascii_strtod (s, NULL);
      if (serial < 1.0 || serial >= EXCEL_SERIAL_END)
        return FALSE;
      return cg_parse_excel_serial (serial, tz, unix_seconds);
    }

  if (!scan_wall_clock (s, &wc))
    return FALSE;
  return wall_clock_to_unix (&wc, tz, unix_seconds);
}

/* Serial 60, Excel's 1900-02-29, names no real day: FALSE rather than a guess
 * that would collide with serial 59 or 61.  No call log dates from 1900, so
 * only a wrong column lands there. */
gboolean
cg_parse_excel_serial (double     serial,
                       GTimeZone *tz,
                       gint64    *unix_seconds)
{
  WallClock wc = { 0, };
  GDate date;
  double whole;
  gint64 day;
  gint64 second_of_day;

  g_return_val_if_fail (unix_seconds != NULL, FALSE);

  if (!isfinite (serial) || serial < 1.0 || serial >= EXCEL_SERIAL_END)
    return FALSE;

  whole = floor (serial);
  day = (gint64) whole;
  second_of_day = (gint64) floor ((serial - whole) * SECONDS_PER_DAY + 0.5);
  /* 0.99999999 is a second that rounds into the next day. */
  if (second_of_day >= SECONDS_PER_DAY)
    {
      day++;
      second_of_day -= SECONDS_PER_DAY;
    }
  if (day == EXCEL_FICTITIOUS_DAY)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) (day < EXCEL_FICTITIOUS_DAY ? day + 1 : day));

  wc.year = g_date_get_year (&date);
  wc.month = g_date_get_month (&date);
  wc.day = g_date_get_day (&date);
  wc.hour = (int) (second_of_day / 3600);
  wc.minute = (int) (second_of_day / 60 % 60);
  wc.second = (int) (second_of_day % 60);

  /* The last second of 9999-12-31 may round into year 10000: rejected here. */
  return wall_clock_to_unix (&wc, tz, unix_seconds);
}
