/* main.c — starts Callgauge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <gsl/gsl_errno.h>
#include <glib/gi18n.h>

#include "cg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgApplication) app = NULL;
  const char *localedir = g_getenv ("CALLGAUGE_LOCALEDIR");

  /* GSL aborts the process on an internal error by default; core checks
   * its results instead. */
  gsl_set_error_handler_off ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
