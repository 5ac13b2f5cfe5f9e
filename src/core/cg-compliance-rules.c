/* cg-compliance-rules.c — the compliance rules as settings: calling hours
 * ("mon-fri 09:00-20:00; sat 10:00-18:00; sun off") and the attempt cap
 * ("3/7": at most 3 attempts per number within 7 days).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-compliance.h"

#define MAX_CAP_ATTEMPTS 1000
#define MAX_CAP_DAYS 366

static const char *const day_names[8] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int
parse_day (const char *text)
{
  for (int d = 1; d <= 7; d++)
    if (g_ascii_strcasecmp (text, day_names[d]) == 0)
      return d;
  return 0;
}

/* "HH:MM", 00:00 … 24:00, as minutes after midnight; -1 if unreadable. */
static int
parse_clock (const char *text)
{
  int h, m;
  char end;

  if (strlen (text) != 5 || sscanf (text, "%2d:%2d%c", &h, &m, &end) != 2 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[3]))
    return -1;
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0))
    return -1;
  return h * 60 + m;
}

static gboolean
bad_hours (const char  *text,
           const char  *why,
           GError     **error)
{
  g_set_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING,
               _("The calling_hours setting “%s” cannot be read: %s. Write it like “mon-fri 09:00-20:00; sat 10:00-18:00; sun off”."),
               text, why);
  return FALSE;
}

gboolean
cg_calling_hours_parse (const char      *text,
                        CgCallingHours  *hours,
                        GError         **error)
{
  g_auto(GStrv) clauses = NULL;
  CgCallingHours h = { { 0 }, { 0 } };
  guint n_clauses = 0;

  g_return_val_if_fail (hours != NULL, FALSE);
  if (text == NULL)
    return bad_hours ("", _("it is empty"), error);
  clauses = g_strsplit (text, ";", -1);
  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_auto(GStrv) days = NULL;
      g_autofree char *clause = g_strstrip (g_strdup (clauses[i]));
      int first, last, open = 0, close = 0;

      if (clause[0] == '\0')
        continue;
      words = g_strsplit_set (clause, " \t", -1);
      /* Drop empty words left by repeated spaces. */
      {
        guint n = 0;
        for (guint w = 0; words[w] != NULL; w++)
          if (words[w][0] != '\0')
            words[n++] = words[w];
          else
            g_free (words[w]);
        words[n] = NULL;
        if (n != 2)
          return bad_hours (text, _("each part needs days and hours, such as “mon-fri 09:00-20:00”"), error);
      }
      days = g_strsplit (words[0], "-", 3);
      first = parse_day (days[0]);
      last = days[1] != NULL ? parse_day (days[1]) : first;
      if (first == 0 || last == 0 || (days[1] != NULL && days[2] != NULL))
        return bad_hours (text, _("days are mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri"), error);
      if (g_ascii_strcasecmp (words[1], "off") != 0)
        {
          g_auto(GStrv) clock = g_strsplit (words[1], "-", 3);

          if (g_strv_length (clock) != 2 || (open = parse_clock (clock[0])) < 0 || (close = parse_clock (clock[1])) < 0)
            return bad_hours (text, _("hours are written HH:MM-HH:MM, such as 09:00-20:00"), error);
          if (open >= close)
            return bad_hours (text, _("the closing time must be after the opening time"), error);
        }
      for (int d = first;; d = d % 7 + 1)
        {
          h.open_minute[d] = open;
          h.close_minute[d] = close;
          if (d == last)
            break;
        }
      n_clauses++;
    }
  if (n_clauses == 0)
    return bad_hours (text, _("it is empty"), error);
  *hours = h;
  return TRUE;
}

char *
cg_calling_hours_to_string (const CgCallingHours *hours)
{
  GString *s = g_string_new (NULL);

  for (int d = 1; d <= 7;)
    {
      int e = d;

      while (e < 7 && hours->open_minute[e + 1] == hours->open_minute[d] &&
             hours->close_minute[e + 1] == hours->close_minute[d])
        e++;
      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append (s, day_names[d]);
      if (e != d)
        g_string_append_printf (s, "-%s", day_names[e]);
      if (hours->open_minute[d] == hours->close_minute[d])
        g_string_append (s, " off");
      else
        g_string_append_printf (s, " %02d:%02d-%02d:%02d",
                                hours->open_minute[d] / 60, hours->open_minute[d] % 60,
                                hours->close_minute[d] / 60, hours->close_minute[d] % 60);
      d = e + 1;
    }
  return g_string_free (s, FALSE);
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint      *value)
{
  char *end;
  guint64 v;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  errno = 0;
  v = g_ascii_strtoull (text, &end, 10);
  if (errno != 0 || *end != '\0' || v < 1 || v > max)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

gboolean
cg_attempt_cap_parse (const char    *text,
                      CgAttemptCap  *cap,
                      GError       **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *slash = strchr (copy, '/');
  CgAttemptCap c;

  if (slash != NULL)
    *slash = '\0';
  if (slash == NULL ||
      !parse_count (g_strstrip (copy), MAX_CAP_ATTEMPTS, &c.max_attempts) ||
      !parse_count (g_strstrip (slash + 1), MAX_CAP_DAYS, &c.days))
    {
      g_set_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING,
                   _("The attempt_cap setting “%s” cannot be read. Write attempts/days, e.g. “3/7” for at most 3 attempts per number within 7 days (1–%d attempts, 1–%d days)."),
                   text ? text : "", MAX_CAP_ATTEMPTS, MAX_CAP_DAYS);
      return FALSE;
    }
  *cap = c;
  return TRUE;
}
