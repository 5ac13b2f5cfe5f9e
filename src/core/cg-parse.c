/* cg-parse.c — reading the times, durations and outcome words of call logs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-parse.h"

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

/* Spreadsheets and Chinese input methods put more than ASCII blanks around a
 * value: U+3000 (ideographic space), U+00A0, and the BOM a CSV file may leave
 * on its first cell. */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

/* Copies @text without the blanks around it; NULL for NULL or text that is
 * not UTF-8 (readers convert GB18030 before they get here). */
static char *
dup_trimmed (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  start = text;
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static void
skip_inner_blanks (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
scan_literal (const char **p,
              const char  *literal)
{
  if (!g_str_has_prefix (*p, literal))
    return FALSE;
  *p += strlen (literal);
  return TRUE;
}

/* Reads @min_digits to @max_digits ASCII digits.  A longer run fails rather
 * than stopping early, so "2026-123-1" is not month 12 followed by junk.
 * @max_digits stays ≤ 9 so the value fits an int. */
static gboolean
scan_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  const char *s = *p;
  int n_digits = 0;
  int v = 0;

  while (g_ascii_isdigit (s[n_digits]))
    {
      if (n_digits == max_digits)
        return FALSE;
      v = v * 10 + (s[n_digits] - '0');
      n_digits++;
    }
  if (n_digits < min_digits)
    return FALSE;

  *value = v;
  *p = s + n_digits;
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

/* TRUE for "digits" or "digits.digits", the only shapes we read as a plain
 * number: no sign, exponent, or locale separators. */
static gboolean
is_plain_number (const char *s,
                 gboolean   *has_point,
                 gsize      *n_int_digits)
{
  const char *p = s;

  while (g_ascii_isdigit (*p))
    p++;
  *n_int_digits = p - s;
  *has_point = FALSE;
  if (*n_int_digits == 0)
    return FALSE;
  if (*p == '.')
    {
      *has_point = TRUE;
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
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

  skip_inner_blanks (&s);
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

  if (!scan_number (&s, 1, 2, &wc->hour))
    return FALSE;

  if (*s == ':')
    {
      s++;
      if (!scan_number (&s, 2, 2, &wc->minute))
        return FALSE;
      if (*s == ':')
        {
          s++;
          if (!scan_number (&s, 2, 2, &wc->second))
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
          if (!scan_number (&s, 1, 2, &wc->minute) || !scan_literal (&s, "分"))
            return FALSE;
          if (g_ascii_isdigit (*s)
              && (!scan_number (&s, 1, 2, &wc->second) || !scan_literal (&s, "秒")))
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

  if (!scan_number (&p, 4, 4, &wc->year))
    return FALSE;

  if (scan_literal (&p, "年"))
    {
      chinese = TRUE;
      if (!scan_number (&p, 1, 2, &wc->month)
          || !scan_literal (&p, "月")
          || !scan_number (&p, 1, 2, &wc->day)
          || !(scan_literal (&p, "日") || scan_literal (&p, "号")))
        return FALSE;
    }
  else if (*p == '-' || *p == '/' || *p == '.')
    {
      char separator = *p++;

      if (!scan_number (&p, 1, 2, &wc->month) || *p != separator)
        return FALSE;
      p++;
      if (!scan_number (&p, 1, 2, &wc->day))
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
    skip_inner_blanks (&p);
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

  s = dup_trimmed (text);
  if (s == NULL || *s == '\0')
    return FALSE;

  if (is_plain_number (s, &has_point, &n_int_digits))
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

/* "95", "95.6": seconds, rounded half up.  A day fraction such as
 * "0.001099537" (Excel's 0:01:35) is read as seconds too, i.e. 0: text cannot
 * tell the two apart, so readers convert cells that carry a time or date
 * number format themselves (fraction × 86400) before calling us. */
static gboolean
parse_plain_seconds (const char *s,
                     gint64     *total)
{
  gboolean has_point;
  gsize n_int_digits;
  double value;

  if (!is_plain_number (s, &has_point, &n_int_digits))
    return FALSE;
  value = g_ascii_strtod (s, NULL);
  /* Also catches the infinity a few hundred digits make. */
  if (!(value < (double) G_MAXINT + 0.5))
    return FALSE;
  *total = (gint64) floor (value + 0.5);
  return TRUE;
}

/* "1:35" (m:ss), "0:01:35" and "01:01:35" (h:mm:ss), with an optional
 * fraction of a second rounded half up.  The leading field may pass 59
 * ("75:00" is 75 minutes); the others may not. */
static gboolean
parse_clock_duration (const char *s,
                      gint64     *total)
{
  const char *p = s;
  int fields[3];
  int n_fields = 1;

  if (!scan_number (&p, 1, 9, &fields[0]))
    return FALSE;
  while (*p == ':')
    {
      if (n_fields == 3)
        return FALSE;
      p++;
      if (!scan_number (&p, 2, 2, &fields[n_fields]) || fields[n_fields] > 59)
        return FALSE;
      n_fields++;
    }
  if (n_fields == 1)
    return FALSE;

  if (n_fields == 2)
    *total = (gint64) fields[0] * 60 + fields[1];
  else
    *total = (gint64) fields[0] * 3600 + (gint64) fields[1] * 60 + fields[2];

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (*p >= '5')
        (*total)++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Longest spelling first within a unit, so "min" is not read as "m" + "in". */
static const struct
{
  const char *name;
  int         seconds;
} duration_units[] = {
  { "小时", 3600 }, { "时", 3600 },
  { "hours", 3600 }, { "hour", 3600 }, { "hrs", 3600 }, { "hr", 3600 }, { "h", 3600 },
  { "分钟", 60 }, { "分", 60 },
  { "minutes", 60 }, { "minute", 60 }, { "mins", 60 }, { "min", 60 }, { "m", 60 },
  { "秒钟", 1 }, { "秒", 1 },
  { "seconds", 1 }, { "second", 1 }, { "secs", 1 }, { "sec", 1 }, { "s", 1 },
};

static int
scan_duration_unit (const char **p)
{
  for (gsize i = 0; i < G_N_ELEMENTS (duration_units); i++)
    {
      const char *name = duration_units[i].name;
      gsize len = strlen (name);

      if (g_ascii_strncasecmp (*p, name, len) != 0)
        continue;
      /* "2ms" is not two minutes and a stray "s". */
      if (g_ascii_isalpha (name[0]) && g_ascii_isalpha ((*p)[len]))
        continue;
      *p += len;
      return duration_units[i].seconds;
    }
  return 0;
}

/* "1小时2分3秒", "1时2分3秒", "2分", "35秒", "2m 5s", "1h2m": each unit at most
 * once, larger units first, as people write them. */
static gboolean
parse_unit_duration (const char *s,
                     gint64     *total)
{
  const char *p = s;
  int previous_unit = G_MAXINT;
  gint64 sum = 0;

  while (*p != '\0')
    {
      int value;
      int unit;

      if (!scan_number (&p, 1, 9, &value))
        return FALSE;
      skip_inner_blanks (&p);
      unit = scan_duration_unit (&p);
      if (unit == 0 || unit >= previous_unit)
        return FALSE;
      previous_unit = unit;
      sum += (gint64) value * unit;
      skip_inner_blanks (&p);
    }
  if (previous_unit == G_MAXINT)
    return FALSE;

  *total = sum;
  return TRUE;
}

gboolean
cg_parse_duration (const char *text,
                   int        *seconds)
{
  g_autofree char *s = NULL;
  gint64 total;

  g_return_val_if_fail (seconds != NULL, FALSE);

  s = dup_trimmed (text);
  if (s == NULL || *s == '\0')
    return FALSE;

  if (!parse_plain_seconds (s, &total)
      && !parse_clock_duration (s, &total)
      && !parse_unit_duration (s, &total))
    return FALSE;
  if (total > G_MAXINT)
    return FALSE;

  *seconds = (int) total;
  return TRUE;
}

/* Words are looked up in normal form: ASCII lower-cased, blanks trimmed, and
 * each run of spaces, '_' and '-' folded to one space, so Asterisk's
 * "NO ANSWER", FreeSWITCH's "NO_ANSWER" and a SaaS "No-Answer" meet.  Chinese
 * is compared as written. */
static char *
normalize_word (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c) || c == '_' || c == '-')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *word;   /* in normal form, see normalize_word() */
  int         value;
} WordEntry;

/* What each source means by its result word.
 *
 * Asterisk (and FreePBX, which stores Asterisk's CDR) writes a disposition:
 * ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.  FAILED means the channel
 * could not be set up (trunk down, bad dial string) and CONGESTION that all
 * circuits were busy: both are our line failures, not the customer's doing.
 * Some FreePBX reports export the dialplan's DIALSTATUS instead (ANSWER,
 * NOANSWER, CANCEL, CHANUNAVAIL); those are here too.
 *
 * FreeSWITCH writes a hangup cause (Q.850 names plus its own), which says how
 * the call *ended*, not whether it was answered: NORMAL_CLEARING ends most
 * answered calls and many unanswered ones alike.  So causes that do not prove
 * a failure map to no_answer, and the import layer upgrades an attempt to
 * connected when it has an answer time or billsec > 0.  The same upgrade
 * covers MEDIA_TIMEOUT, ALLOTTED_TIMEOUT or 挂断 ending a call that had been
 * answered.
 *
 * 停机 (service suspended) and "out of service" are the number's fault:
 * invalid_number; 关机 / 不在服务区 are the handset's: unreachable. */
static const WordEntry outcome_words[] = {
  /* Asterisk CDR dispositions */
  { "answered", CG_OUTCOME_CONNECTED },
  { "no answer", CG_OUTCOME_NO_ANSWER },     /* also FreeSWITCH NO_ANSWER */
  { "busy", CG_OUTCOME_BUSY },
  { "failed", CG_OUTCOME_LINE_FAILURE },
  { "congestion", CG_OUTCOME_LINE_FAILURE },

  /* Asterisk DIALSTATUS */
  { "answer", CG_OUTCOME_CONNECTED },
  { "noanswer", CG_OUTCOME_NO_ANSWER },
  { "cancel", CG_OUTCOME_NO_ANSWER },
  { "chanunavail", CG_OUTCOME_LINE_FAILURE },

  /* FreeSWITCH hangup causes */
  { "normal clearing", CG_OUTCOME_NO_ANSWER },
  { "originator cancel", CG_OUTCOME_NO_ANSWER },
  { "no user response", CG_OUTCOME_NO_ANSWER },
  { "allotted timeout", CG_OUTCOME_NO_ANSWER },
  { "progress timeout", CG_OUTCOME_NO_ANSWER },
  { "user busy", CG_OUTCOME_BUSY },
  { "call rejected", CG_OUTCOME_REJECTED },
  { "unallocated number", CG_OUTCOME_INVALID_NUMBER },
  { "number changed", CG_OUTCOME_INVALID_NUMBER },
  { "invalid number format", CG_OUTCOME_INVALID_NUMBER },
  { "subscriber absent", CG_OUTCOME_UNREACHABLE },
  { "destination out of order", CG_OUTCOME_UNREACHABLE },
  { "user not registered", CG_OUTCOME_UNREACHABLE },
  { "normal temporary failure", CG_OUTCOME_LINE_FAILURE },
  { "network out of order", CG_OUTCOME_LINE_FAILURE },
  { "recovery on timer expire", CG_OUTCOME_LINE_FAILURE },
  { "no route destination", CG_OUTCOME_LINE_FAILURE },
  { "gateway down", CG_OUTCOME_LINE_FAILURE },
  { "media timeout", CG_OUTCOME_LINE_FAILURE },
  { "switch congestion", CG_OUTCOME_LINE_FAILURE },
  { "normal circuit congestion", CG_OUTCOME_LINE_FAILURE },
  { "service unavailable", CG_OUTCOME_LINE_FAILURE },
  { "incompatible destination", CG_OUTCOME_LINE_FAILURE },
  { "exchange routing error", CG_OUTCOME_LINE_FAILURE },

  /* English words of SaaS exports */
  { "connected", CG_OUTCOME_CONNECTED },
  { "success", CG_OUTCOME_CONNECTED },
  { "successful", CG_OUTCOME_CONNECTED },
  { "unanswered", CG_OUTCOME_NO_ANSWER },
  { "not answered", CG_OUTCOME_NO_ANSWER },
  { "missed", CG_OUTCOME_NO_ANSWER },
  { "rejected", CG_OUTCOME_REJECTED },
  { "declined", CG_OUTCOME_REJECTED },
  { "refused", CG_OUTCOME_REJECTED },
  { "invalid number", CG_OUTCOME_INVALID_NUMBER },
  { "disconnected number", CG_OUTCOME_INVALID_NUMBER },
  { "number not in service", CG_OUTCOME_INVALID_NUMBER },
  { "out of service", CG_OUTCOME_INVALID_NUMBER },
  { "unreachable", CG_OUTCOME_UNREACHABLE },
  { "switched off", CG_OUTCOME_UNREACHABLE },
  { "powered off", CG_OUTCOME_UNREACHABLE },
  { "out of service area", CG_OUTCOME_UNREACHABLE },
  { "out of coverage", CG_OUTCOME_UNREACHABLE },
  { "line failure", CG_OUTCOME_LINE_FAILURE },
  { "network error", CG_OUTCOME_LINE_FAILURE },
  { "call failed", CG_OUTCOME_LINE_FAILURE },
  { "voicemail", CG_OUTCOME_VOICEMAIL },
  { "voice mail", CG_OUTCOME_VOICEMAIL },
  { "answering machine", CG_OUTCOME_VOICEMAIL },
  { "other", CG_OUTCOME_OTHER },

  /* Chinese words of SaaS exports */
  { "已接通", CG_OUTCOME_CONNECTED },
  { "接通", CG_OUTCOME_CONNECTED },
  { "成功", CG_OUTCOME_CONNECTED },
  { "已接听", CG_OUTCOME_CONNECTED },
  { "接听", CG_OUTCOME_CONNECTED },
  { "已接", CG_OUTCOME_CONNECTED },
  { "通话成功", CG_OUTCOME_CONNECTED },
  { "未接通", CG_OUTCOME_NO_ANSWER },
  { "无人接听", CG_OUTCOME_NO_ANSWER },
  { "无应答", CG_OUTCOME_NO_ANSWER },
  { "未接听", CG_OUTCOME_NO_ANSWER },
  { "未接", CG_OUTCOME_NO_ANSWER },
  { "振铃未接", CG_OUTCOME_NO_ANSWER },
  { "忙", CG_OUTCOME_BUSY },
  { "用户忙", CG_OUTCOME_BUSY },
  { "占线", CG_OUTCOME_BUSY },
  { "正忙", CG_OUTCOME_BUSY },
  { "用户正忙", CG_OUTCOME_BUSY },
  { "通话中", CG_OUTCOME_BUSY },
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
  { "失败", CG_OUTCOME_LINE_FAILURE },
  { "语音信箱", CG_OUTCOME_VOICEMAIL },
  { "留言", CG_OUTCOME_VOICEMAIL },
  { "秘书台", CG_OUTCOME_VOICEMAIL },
  { "其他", CG_OUTCOME_OTHER },
};

/* The agent's note on a connected call.  拒绝 here is the customer turning
 * the offer down (not_interested); as an outcome it is a rejected call.
 * 投诉 (a complaint) counts as a do-not-call request: managers must stop
 * dialling the number either way. */
static const WordEntry disposition_words[] = {
  { "成交", CG_DISPOSITION_SALE },
  { "成单", CG_DISPOSITION_SALE },
  { "已成交", CG_DISPOSITION_SALE },
  { "购买", CG_DISPOSITION_SALE },
  { "下单", CG_DISPOSITION_SALE },
  { "sale", CG_DISPOSITION_SALE },
  { "sold", CG_DISPOSITION_SALE },
  { "won", CG_DISPOSITION_SALE },

  { "有意向", CG_DISPOSITION_INTERESTED },
  { "意向", CG_DISPOSITION_INTERESTED },
  { "感兴趣", CG_DISPOSITION_INTERESTED },
  { "意向客户", CG_DISPOSITION_INTERESTED },
  { "interested", CG_DISPOSITION_INTERESTED },
  { "hot lead", CG_DISPOSITION_INTERESTED },

  { "回拨", CG_DISPOSITION_CALLBACK },
  { "预约", CG_DISPOSITION_CALLBACK },
  { "再联系", CG_DISPOSITION_CALLBACK },
  { "稍后联系", CG_DISPOSITION_CALLBACK },
  { "callback", CG_DISPOSITION_CALLBACK },
  { "call back", CG_DISPOSITION_CALLBACK },

  { "无意向", CG_DISPOSITION_NOT_INTERESTED },
  { "不感兴趣", CG_DISPOSITION_NOT_INTERESTED },
  { "拒绝", CG_DISPOSITION_NOT_INTERESTED },
  { "not interested", CG_DISPOSITION_NOT_INTERESTED },

  { "勿扰", CG_DISPOSITION_DNC_REQUEST },
  { "免打扰", CG_DISPOSITION_DNC_REQUEST },
  { "不要再打", CG_DISPOSITION_DNC_REQUEST },
  { "拒绝再联系", CG_DISPOSITION_DNC_REQUEST },
  { "投诉", CG_DISPOSITION_DNC_REQUEST },
  { "加入黑名单", CG_DISPOSITION_DNC_REQUEST },
  { "do not call", CG_DISPOSITION_DNC_REQUEST },
  { "dnc", CG_DISPOSITION_DNC_REQUEST },
};

static GHashTable *
word_index_new (const WordEntry *entries,
                gsize            n_entries)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n_entries; i++)
    {
      g_autofree char *normal = normalize_word (entries[i].word);

      /* A word not in normal form could never be found; a duplicate would
       * silently shadow the first meaning. */
      if (g_strcmp0 (normal, entries[i].word) != 0)
        g_critical ("Word table entry “%s” is not in normal form", entries[i].word);
      if (!g_hash_table_insert (index, (gpointer) entries[i].word, (gpointer) &entries[i]))
        g_critical ("Word table entry “%s” is listed twice", entries[i].word);
    }
  return index;
}

/* @index caches the table as a hash, built on first use and never changed
 * after, so lookups from import threads need no lock. */
static const WordEntry *
word_lookup (GHashTable      **index,
             const WordEntry  *entries,
             gsize             n_entries,
             const char       *text)
{
  g_autofree char *key = NULL;

  if (g_once_init_enter (index))
    g_once_init_leave (index, word_index_new (entries, n_entries));

  key = normalize_word (text);
  if (key == NULL || *key == '\0')
    return NULL;
  return g_hash_table_lookup (*index, key);
}

gboolean
cg_parse_outcome (const char *text,
                  CgOutcome  *outcome)
{
  static GHashTable *index = NULL;
  const WordEntry *entry;

  g_return_val_if_fail (outcome != NULL, FALSE);

  entry = word_lookup (&index, outcome_words, G_N_ELEMENTS (outcome_words), text);
  if (entry == NULL)
    return FALSE;
  *outcome = (CgOutcome) entry->value;
  return TRUE;
}

/* An empty cell is FALSE, not CG_DISPOSITION_NONE: the import layer knows
 * whether the column exists at all and decides what blank means there. */
gboolean
cg_parse_disposition (const char    *text,
                      CgDisposition *disposition)
{
  static GHashTable *index = NULL;
  const WordEntry *entry;

  g_return_val_if_fail (disposition != NULL, FALSE);

  entry = word_lookup (&index, disposition_words, G_N_ELEMENTS (disposition_words), text);
  if (entry == NULL)
    return FALSE;
  *disposition = (CgDisposition) entry->value;
  return TRUE;
}

/* Currency marks around an amount.  The yen/yuan sign comes in its
 * half-width (U+00A5) and full-width (U+FFE5) forms. */
static const char *const currency_prefixes[] = { "¥", "￥", "RMB", "CNY", "人民币" };
static const char *const currency_suffixes[] = { "元", "CNY", "RMB" };

static gboolean
scan_any (const char         **p,
          const char *const   *words,
          gsize                n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      gsize len = strlen (words[i]);

      if (g_ascii_strncasecmp (*p, words[i], len) == 0)
        {
          *p += len;
          return TRUE;
        }
    }
  return FALSE;
}

/* Digits with optional thousands commas in groups of three ("1,280",
 * "12,345,678") and an optional fraction; the digits go to @digits without
 * the commas.  "1,28" is a typo, not 128. */
static gboolean
scan_amount_digits (const char **p,
                    GString     *digits)
{
  const char *s = *p;
  gsize n_leading = 0;

  while (g_ascii_isdigit (*s))
    {
      g_string_append_c (digits, *s++);
      n_leading++;
    }
  if (n_leading == 0)
    return FALSE;

  if (*s == ',')
    {
      if (n_leading > 3)
        return FALSE;
      while (*s == ',')
        {
          s++;
          for (int i = 0; i < 3; i++)
            {
              if (!g_ascii_isdigit (*s))
                return FALSE;
              g_string_append_c (digits, *s++);
            }
        }
      if (g_ascii_isdigit (*s))
        return FALSE;
    }

  if (*s == '.')
    {
      g_string_append_c (digits, *s++);
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        g_string_append_c (digits, *s++);
    }

  *p = s;
  return TRUE;
}

/* A leading minus is kept: refunds are negative sales in some exports, and
 * whether that is allowed is the finance module's call. */
gboolean
cg_parse_amount (const char *text,
                 double     *amount)
{
  g_autofree char *s = NULL;
  g_autoptr(GString) digits = NULL;
  const char *p;
  gboolean has_currency;

  g_return_val_if_fail (amount != NULL, FALSE);

  s = dup_trimmed (text);
  if (s == NULL || *s == '\0')
    return FALSE;

  digits = g_string_new (NULL);
  p = s;
  if (*p == '-' || *p == '+')
    g_string_append_c (digits, *p++);
  has_currency = scan_any (&p, currency_prefixes, G_N_ELEMENTS (currency_prefixes));
  skip_inner_blanks (&p);
  /* "¥-1280" as well as "-¥1280". */
  if (has_currency && digits->len == 0 && (*p == '-' || *p == '+'))
    g_string_append_c (digits, *p++);

  if (!scan_amount_digits (&p, digits))
    return FALSE;

  skip_inner_blanks (&p);
  scan_any (&p, currency_suffixes, G_N_ELEMENTS (currency_suffixes));
  if (*p != '\0')
    return FALSE;

  *amount = g_ascii_strtod (digits->str, NULL);
  return TRUE;
}
