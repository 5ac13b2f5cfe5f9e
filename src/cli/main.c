/* main.c — callgauge-cli: the Callgauge core from the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-cli.h"

static const CgCliCommand commands[] = {
  { "backup",       N_("Back up the database, list backups, restore one: backup list|create|restore FILE"), cg_cli_backup },
  { "batches",      N_("List import batches"), cg_cli_batches },
  { "batch-delete", N_("Delete an import batch and its rows"), cg_cli_batch_delete },
  { "demo",         N_("Load realistic demo data"), cg_cli_demo },
  { "import",       N_("Import data: import calls|surveys|complaints|feedback FILE…"), cg_cli_import },
  { "presets",      N_("List or delete saved import presets"), cg_cli_presets },
  { "scenario",     N_("Cost-benefit scenarios: new, list, show, delete, import, export"), cg_cli_scenario },
  { "stats",        N_("Figures: stats connect|outcomes|quality|lines|contact|funnel|call-quality|satisfaction|reliability|satisfaction-link|complaints|themes"), cg_cli_stats },
  { "compare",      N_("A/B test: compare --by line L01 L02"), cg_cli_compare },
  { "compare-satisfaction", N_("Satisfaction of two groups: compare-satisfaction --by agent A01 A02"), cg_cli_compare_satisfaction },
  { "best-times",   N_("Hours of the week that connect significantly better"), cg_cli_best_times },
  { "compliance",   N_("Calls outside hours, to do-not-call numbers, over the attempt cap; import-dnc FILE"), cg_cli_compliance },
  { "scorecard",    N_("Weighted scorecard by any slice (month, agent, line, list…); config, set, weights, reset"), cg_cli_scorecard },
  { "roi",          N_("NPV, IRR, ROI, payback and sensitivity of a scenario"), cg_cli_roi },
  { "purge",        N_("Delete call details older than N months, keep the trends: purge --older-than N"), cg_cli_purge },
  { "settings",     N_("Show or change settings (time zone, line rates, privacy)"), cg_cli_settings },
  { "incidents",    N_("Hours in which a line failed, stopped connecting or fell silent"), cg_cli_incidents },
  { "forecast",     N_("Monthly forecast of calls, connects, sales or revenue with intervals"), cg_cli_forecast },
  { "themes",       N_("Feedback themes and their words: themes list|add-term|remove-term"), cg_cli_themes },
  { "findings",     N_("What the period’s data means: ranked findings in sentences"), cg_cli_findings },
  { "export",       N_("The Excel report, or a figure table as CSV: export report OUT.xlsx | export csv TABLE OUT.csv"), cg_cli_export },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: callgauge-cli [--db PATH] COMMAND [OPTIONS…]"));
  g_print ("%s\n\n", _("Connect rate, satisfaction and cost-benefit of outbound call teams."));
  g_print ("%s\n", _("Options:"));
  g_print ("  --db PATH    %s\n", _("Use this database instead of the default one"));
  g_print ("  --version    %s\n", _("Show the version"));
  g_print ("  -h, --help   %s\n\n", _("Show this help"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-21s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “callgauge-cli COMMAND --help” for a command’s options."));
}

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("CALLGAUGE_LOCALEDIR");

  /* GSL aborts the process on an internal error by default; core checks
   * its results instead. */
  gsl_set_error_handler_off ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
fail (const char *message)
{
  g_printerr ("callgauge-cli: %s\n", message);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  CgCli cli = { 0 };
  g_autoptr(GError) error = NULL;
  int i = 1;
  int status = 0;

  setup_locale ();
  g_set_prgname ("callgauge-cli");

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          return 0;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("callgauge-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        cli.db_path = g_strdup (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--db="))
        cli.db_path = g_strdup (argv[i] + 5);
      else
        {
          g_autofree char *msg = g_strdup_printf (_("unknown option “%s”; see “callgauge-cli --help”"), argv[i]);
          g_free (cli.db_path);
          return fail (msg);
        }
    }

  if (i >= argc)
    {
      g_free (cli.db_path);
      return fail (_("no command given; see “callgauge-cli --help”"));
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (argv[i], commands[c].name) == 0)
      {
        if (!commands[c].run (&cli, argc - i, argv + i, &error))
          status = fail (error->message);
        goto out;
      }

  {
    g_autofree char *msg = g_strdup_printf (_("unknown command “%s”; see “callgauge-cli --help”"), argv[i]);
    status = fail (msg);
  }

out:
  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}
