/* cg-cli-settings.c — `settings [KEY [VALUE]]`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"
#include "cg-compliance.h"

typedef gboolean (*CheckFunc) (const char *value);

static gboolean
check_time_zone (const char *value)
{
  GTimeZone *tz = g_time_zone_new_identifier (value);

  if (tz == NULL)
    return FALSE;
  g_time_zone_unref (tz);
  return TRUE;
}

static gboolean
check_bool (const char *value)
{
  return g_str_equal (value, "true") || g_str_equal (value, "false");
}

static gboolean
check_billing (const char *value)
{
  return g_str_equal (value, "per_minute") || g_str_equal (value, "per_second");
}

static gboolean
check_rate (const char *value)
{
  char *end;
  double rate = g_ascii_strtod (value, &end);
  return end != value && *end == '\0' && rate >= 0 && rate < 1000;
}

static gboolean
check_calling_hours (const char *value)
{
  CgCallingHours hours;
  return cg_calling_hours_parse (value, &hours, NULL);
}

static gboolean
check_attempt_cap (const char *value)
{
  CgAttemptCap cap;
  return cg_attempt_cap_parse (value, &cap, NULL);
}

static gboolean
check_retention (const char *value)
{
  return g_ascii_string_to_unsigned (value, 10, 0, 1200, NULL, NULL);
}

static const struct {
  const char *key;        /* a trailing '/' takes a name after it */
  const char *fallback;
  const char *help;
  CheckFunc   check;
} known[] = {
  { "time_zone", "Asia/Shanghai", N_("Business time zone for all grouping, e.g. Asia/Shanghai"), check_time_zone },
  { "keep_full_numbers", "false", N_("Keep full phone numbers (true) or only hashes and masks (false)"), check_bool },
  { "billing", "per_minute", N_("How carriers bill talk time: per_minute (rounded up) or per_second"), check_billing },
  { "line_rate_default", "0", N_("Telecom price per minute (CNY) for lines without their own rate"), check_rate },
  { "line_rate/", NULL, N_("Telecom price per minute (CNY) of one line: line_rate/L01"), check_rate },
  { "calling_hours", "mon-sun 09:00-20:00", N_("When calls are allowed, e.g. mon-fri 09:00-20:00; sat 10:00-18:00; sun off"), check_calling_hours },
  { "retention_months", "0", N_("Months of call details to keep; purge deletes older ones (0 keeps all)"), check_retention },
  { "attempt_cap", "3/7", N_("At most N attempts per number within D days: N/D"), check_attempt_cap },
};

static int
find_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (known[i].key, "/") ? g_str_has_prefix (key, known[i].key) && key[strlen (known[i].key)] != '\0'
                                             : g_str_equal (key, known[i].key))
      return i;
  return -1;
}

gboolean
cg_cli_settings (CgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  CgStore *store;
  int k;

  if (!cg_cli_parse ("settings", _("[KEY [VALUE]]"), _("Show or change settings."), NULL, &argc, &argv, error))
    return FALSE;
  if ((store = cg_cli_get_store (cli, error)) == NULL)
    return FALSE;

  if (argc == 1)
    {
      g_auto(GStrv) rates = cg_store_list_setting_keys (store, "line_rate/");

      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        if (known[i].fallback != NULL)
          {
            g_autofree char *value = cg_store_get_setting (store, known[i].key, known[i].fallback);
            g_print ("%-20s %-16s %s\n", known[i].key, value, _(known[i].help));
          }
      for (guint i = 0; rates[i] != NULL; i++)
        {
          g_autofree char *value = cg_store_get_setting (store, rates[i], "");
          g_print ("%-20s %s\n", rates[i], value);
        }
      return TRUE;
    }

  k = find_key (argv[1]);
  if (k < 0 || argc > 3)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("“%s” is not a setting; run “settings” to see them."), argv[1]);
      return FALSE;
    }
  if (argc == 2)
    {
      g_autofree char *value = cg_store_get_setting (store, argv[1], known[k].fallback ? known[k].fallback : "");
      g_print ("%s\n", value);
      return TRUE;
    }
  if (!known[k].check (argv[2]))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("“%s” is not a valid value for %s: %s."), argv[2], argv[1], _(known[k].help));
      return FALSE;
    }
  if (g_str_equal (argv[1], "time_zone"))
    return cg_store_set_time_zone (store, argv[2], error);
  if (g_str_equal (argv[1], "keep_full_numbers"))
    return cg_store_set_keep_full_numbers (store, g_str_equal (argv[2], "true"), error);
  return cg_store_set_setting (store, argv[1], argv[2], error);
}
