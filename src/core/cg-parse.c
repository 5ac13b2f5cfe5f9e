/* cg-parse.c — the text scanners every parser shares, and the durations and
 * amounts of call logs.  Dates and times are read in cg-parse-datetime.c,
 * outcome and disposition words in cg-parse-words.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-limits.h"
#include "cg-parse.h"
#include "cg-parse-private.h"

/* Spreadsheets and Chinese input methods put more than ASCII blanks around a
 * value: U+3000 (ideographic space), U+00A0, and the BOM a CSV file may leave
 * on its first cell. */
gboolean
cg_parse_is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

/* Copies @text without the blanks around it; NULL for NULL or text that is
 * not UTF-8 (readers convert GB18030 before they get here). */
char *
cg_parse_dup_trimmed (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  start = text;
  while (*start != '\0' && cg_parse_is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!cg_parse_is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

void
cg_parse_skip_inner_blanks (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/* Reads @min_digits to @max_digits ASCII digits.  A longer run fails rather
 * than stopping early, so "2026-123-1" is not month 12 followed by junk.
 * @max_digits stays ≤ 9 so the value fits an int. */
gboolean
cg_parse_scan_number (const char **p,
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

/* TRUE for "digits" or "digits.digits", the only shapes we read as a plain
 * number: no sign, exponent, or locale separators. */
gboolean
cg_parse_is_plain_number (const char *s,
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

  if (!cg_parse_is_plain_number (s, &has_point, &n_int_digits))
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

  if (!cg_parse_scan_number (&p, 1, 9, &fields[0]))
    return FALSE;
  while (*p == ':')
    {
      if (n_fields == 3)
        return FALSE;
      p++;
      if (!cg_parse_scan_number (&p, 2, 2, &fields[n_fields]) || fields[n_fields] > 59)
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

      if (!cg_parse_scan_number (&p, 1, 9, &value))
        return FALSE;
      cg_parse_skip_inner_blanks (&p);
      unit = scan_duration_unit (&p);
      if (unit == 0 || unit >= previous_unit)
        return FALSE;
      previous_unit = unit;
      sum += (gint64) value * unit;
      cg_parse_skip_inner_blanks (&p);
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

  s = cg_parse_dup_trimmed (text);
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
  double value;

  g_return_val_if_fail (amount != NULL, FALSE);

  s = cg_parse_dup_trimmed (text);
  if (s == NULL || *s == '\0')
    return FALSE;

  digits = g_string_new (NULL);
  p = s;
  if (*p == '-' || *p == '+')
    g_string_append_c (digits, *p++);
  has_currency = scan_any (&p, currency_prefixes, G_N_ELEMENTS (currency_prefixes));
  cg_parse_skip_inner_blanks (&p);
  /* "¥-1280" as well as "-¥1280". */
  if (has_currency && digits->len == 0 && (*p == '-' || *p == '+'))
    g_string_append_c (digits, *p++);

  if (!scan_amount_digits (&p, digits))
    return FALSE;

  cg_parse_skip_inner_blanks (&p);
  scan_any (&p, currency_suffixes, G_N_ELEMENTS (currency_suffixes));
  if (*p != '\0')
    return FALSE;

  /* Out of range (a run of digits typed into the wrong column) is no
   * amount: the import reports the row. */
  value = g_ascii_strtod (digits->str, NULL);
  if (!isfinite (value) || fabs (value) > CG_LIMIT_AMOUNT_CNY)
    return FALSE;
  *amount = value;
  return TRUE;
}
