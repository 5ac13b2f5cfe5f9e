/* cg-reader-sheet.h — cell helpers the workbook readers (XLSX, XLS) share.
 *
 * Header-only so that each reader stays one file that meson picks up on its
 * own; every function is small and static inline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* Longest text cg_sheet_format_number() or cg_sheet_serial_to_text() write,
 * NUL included. */
#define CG_SHEET_NUMBER_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

/* Excel serials run from 1900-01-01 (1) to 9999-12-31 (2958465). */
#define CG_SHEET_MAX_SERIAL 2958466.0

/* Serial of 1970-01-01: Excel's 1900 system counts from 1899-12-30 once
 * past its fictitious 1900-02-29 (serial 60). */
#define CG_SHEET_SERIAL_UNIX_EPOCH 25569

/* Writes the shortest text that reads back to @value (15, 16 or 17
 * significant digits, "%g" style, '.' as decimal point whatever the locale)
 * and returns its length.  @value must be finite. */
static inline gsize
cg_sheet_format_number (double value,
                        char   buf[CG_SHEET_NUMBER_BUF_SIZE])
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, CG_SHEET_NUMBER_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return strlen (buf);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static inline gint64
cg_sheet_days_from_civil (gint64 year,
                          guint  month,
                          guint  day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static inline void
cg_sheet_civil_from_days (gint64  days,
                          gint64 *year,
                          guint  *month,
                          guint  *day)
{
  gint64 era, doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

/* Appends @value as exactly @width decimal digits. */
static inline char *
cg_sheet_put_digits (char  *out,
                     guint  value,
                     guint  width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = '0' + value % 10;
      value /= 10;
    }
  return out + width;
}

/* Writes an Excel 1900-system serial as FreeXL does: "YYYY-MM-DD" when
 * @with_time is FALSE, "YYYY-MM-DD HH:MM:SS" when TRUE, and "HH:MM:SS" for
 * a time of day (serial below 1), rounded to the second.  Returns FALSE,
 * writing nothing, when @serial is no date Excel can show. */
static inline gboolean
cg_sheet_serial_to_text (double   serial,
                         gboolean with_time,
                         char     buf[CG_SHEET_NUMBER_BUF_SIZE])
{
  gint64 total_seconds, days, year;
  guint seconds, month, day;
  char *out = buf;

  if (!(serial >= 0 && serial < CG_SHEET_MAX_SERIAL))
    return FALSE;
  total_seconds = (gint64) floor (serial * 86400.0 + 0.5);
  days = total_seconds / 86400;
  seconds = total_seconds % 86400;

  if (days > 0)
    {
      /* Excel counts 1900 as a leap year: serial 60 is 1900-02-29, a day
       * that never was, and serials before it are one day off. */
      if (days == 60)
        year = 1900, month = 2, day = 29;
      else
        cg_sheet_civil_from_days (days - CG_SHEET_SERIAL_UNIX_EPOCH + (days < 60),
                                  &year, &month, &day);
      out = cg_sheet_put_digits (out, year, 4);
      *out++ = '-';
      out = cg_sheet_put_digits (out, month, 2);
      *out++ = '-';
      out = cg_sheet_put_digits (out, day, 2);
      if (with_time)
        *out++ = ' ';
    }
  if (days == 0 || with_time)
    {
      out = cg_sheet_put_digits (out, seconds / 3600, 2);
      *out++ = ':';
      out = cg_sheet_put_digits (out, seconds / 60 % 60, 2);
      *out++ = ':';
      out = cg_sheet_put_digits (out, seconds % 60, 2);
    }
  *out = '\0';
  return TRUE;
}

/* Reads exactly @width digits. */
static inline gboolean
cg_sheet_get_digits (const char **p,
                     guint        width,
                     guint       *value)
{
  *value = 0;
  for (guint i = 0; i < width; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += width;
  return TRUE;
}

/* Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" (or with 'T', optional
 * fraction of a second and 'Z'), or "HH:MM:SS" — FreeXL's date texts and
 * ISO 8601 cells in XLSX — into an Excel 1900-system serial. */
static inline gboolean
cg_sheet_serial_from_text (const char *text,
                           double     *serial)
{
  const char *p = text;
  guint year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0;
  double fraction = 0;
  double days = 0;
  gboolean has_date = FALSE;

  if (cg_sheet_get_digits (&p, 4, &year) && *p == '-')
    {
      p++;
      if (!cg_sheet_get_digits (&p, 2, &month) || *p++ != '-' ||
          !cg_sheet_get_digits (&p, 2, &day))
        return FALSE;
      if (year == 1900 && month == 2 && day == 29)
        days = 60;
      else if (year >= 1900 && year <= 9999 && g_date_valid_dmy (day, month, year))
        {
          gint64 unix_days = cg_sheet_days_from_civil (year, month, day);

          days = unix_days + CG_SHEET_SERIAL_UNIX_EPOCH;
          if (days <= 60)
            days -= 1;
        }
      else
        return FALSE;
      has_date = TRUE;
      if (*p == '\0')
        {
          *serial = days;
          return TRUE;
        }
      if (*p != ' ' && *p != 'T')
        return FALSE;
      p++;
    }
  else
    p = text;

  /* FreeXL rounds a time of 23:59:59.5 up to "24:00:00". */
  if (!cg_sheet_get_digits (&p, 2, &hours) || *p++ != ':' ||
      !cg_sheet_get_digits (&p, 2, &minutes) || *p++ != ':' ||
      !cg_sheet_get_digits (&p, 2, &seconds) ||
      hours > 24 || minutes > 59 || seconds > 59)
    return FALSE;
  if (*p == '.')
    {
      double scale = 0.1;

      for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
        fraction += (*p - '0') * scale;
    }
  if (has_date && *p == 'Z')
    p++;
  if (*p != '\0')
    return FALSE;

  *serial = days + (hours * 3600 + minutes * 60 + seconds + fraction) / 86400.0;
  return TRUE;
}

G_END_DECLS
