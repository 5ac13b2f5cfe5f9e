/* cg-axis.c — axis ticks and value formatting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-axis.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double
cg_axis_nice_number (double   x,
                     gboolean round)
{
  double exponent, fraction, nice;

  if (!(x > 0) || !isfinite (x))
    return 1;
  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);
  if (round)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

void
cg_axis_ticks (double   min,
               double   max,
               guint    max_ticks,
               CgTicks *ticks)
{
  double range, step;

  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  /* A flat series still needs an axis: open it around the value. */
  if (max - min < 1e-12)
    {
      double pad = fabs (min) > 0 ? fabs (min) * 0.1 : 1;
      min -= min == 0 ? 0 : pad;
      max += pad;
    }
  max_ticks = MAX (max_ticks, 2);
  range = cg_axis_nice_number (max - min, FALSE);
  step = cg_axis_nice_number (range / (max_ticks - 1), TRUE);
  ticks->step = step;
  ticks->lo = floor (min / step + 1e-9) * step;
  ticks->hi = ceil (max / step - 1e-9) * step;
  ticks->n = (guint) llround ((ticks->hi - ticks->lo) / step) + 1;
}

char *
cg_format_thousands (double value,
                     int    decimals)
{
  g_autofree char *plain = NULL;
  GString *s;
  const char *digits, *dot;
  gsize int_len;

  if (!isfinite (value))
    return g_strdup ("—");
  plain = g_strdup_printf ("%.*f", MAX (decimals, 0), fabs (value));
  /* "-0" after rounding reads oddly */
  s = g_string_new (value < 0 && strspn (plain, "0.") != strlen (plain) ? "-" : "");
  digits = plain;
  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  if (dot)
    g_string_append (s, dot);
  return g_string_free (s, FALSE);
}

char *
cg_format_duration (double seconds)
{
  gint64 s;
  const char *sign = seconds < 0 ? "-" : "";

  if (!isfinite (seconds))
    return g_strdup ("—");
  s = llround (fabs (seconds));
  if (s < 60)
    /* TRANSLATORS: a duration in seconds, "45 s" */
    return g_strdup_printf (_("%s%d s"), sign, (int) s);
  if (s < 3600)
    return g_strdup_printf ("%s%d:%02d", sign, (int) (s / 60), (int) (s % 60));
  return g_strdup_printf ("%s%d:%02d:%02d", sign, (int) (s / 3600), (int) (s / 60 % 60), (int) (s % 60));
}

/* Decimals a tick step needs: 0.25 needs 2, 5 needs 0. */
static int
decimals_for_step (double step)
{
  int decimals = 0;

  if (!(step > 0) || !isfinite (step))
    return -1;
  while (decimals < 6)
    {
      double scaled = step * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * scaled)
        break;
      decimals++;
    }
  return decimals;
}

char *
cg_format_value (CgUnit unit,
                 double value,
                 double step)
{
  int decimals;

  if (!isfinite (value))
    return g_strdup ("—");
  switch (unit)
    {
    case CG_UNIT_PERCENT:
      decimals = decimals_for_step (step * 100);
      return g_strdup_printf ("%.*f %%", decimals < 0 ? 1 : decimals, 100 * value);
    case CG_UNIT_CURRENCY:
      {
        g_autofree char *n = NULL;

        decimals = decimals_for_step (step);
        n = cg_format_thousands (fabs (value), decimals < 0 ? (fabs (value) < 100 ? 2 : 0) : decimals);
        return g_strdup_printf ("%s¥%s", value < 0 && strcmp (n, "0") != 0 ? "-" : "", n);
      }
    case CG_UNIT_DURATION:
      return cg_format_duration (value);
    case CG_UNIT_COUNT:
      decimals = decimals_for_step (step);
      return cg_format_thousands (value, decimals < 0 ? 0 : decimals);
    case CG_UNIT_PLAIN:
    default:
      decimals = decimals_for_step (step);
      if (decimals < 0)
        decimals = fabs (value) >= 100 || value == floor (value) ? 0 : 2;
      return cg_format_thousands (value, decimals);
    }
}

char *
cg_format_time_key (CgGrain     grain,
                    const char *key)
{
  int year, month, day, n;

  if (key == NULL)
    return g_strdup ("");
  switch (grain)
    {
    case CG_GRAIN_DAY:
      if (sscanf (key, "%4d-%2d-%2d", &year, &month, &day) == 3)
        {
          g_autoptr (GDateTime) dt = NULL;

          if (g_date_valid_dmy (day, month, year))
            dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
          if (dt != NULL)
            /* TRANSLATORS: a day on a chart axis, strftime format ("Sep 3"; zh "9月3日") */
            /* xgettext:no-c-format */
            return g_date_time_format (dt, _("%b %-d"));
        }
      break;
    case CG_GRAIN_WEEK:
      if (sscanf (key, "%4d-W%2d", &year, &n) == 2)
        /* TRANSLATORS: an ISO week on a chart axis: year, week ("2026 W36"; zh "2026年第36周") */
        return g_strdup_printf (_("%d W%02d"), year, n);
      break;
    case CG_GRAIN_MONTH:
      if (sscanf (key, "%4d-%2d", &year, &month) == 2 && month >= 1 && month <= 12)
        /* TRANSLATORS: a month on a chart axis: year, month ("2026-09"; zh "2026年9月") */
        return g_strdup_printf (_("%d-%02d"), year, month);
      break;
    case CG_GRAIN_QUARTER:
      if (sscanf (key, "%4d-Q%1d", &year, &n) == 2 && n >= 1 && n <= 4)
        /* TRANSLATORS: a quarter on a chart axis: year, quarter ("2026 Q3"; zh "2026年第3季度") */
        return g_strdup_printf (_("%d Q%d"), year, n);
      break;
    case CG_GRAIN_NONE:
    default:
      break;
    }
  return g_strdup (key);
}
