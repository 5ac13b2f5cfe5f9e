/* cg-reader-xls-main.c — callgauge-xls-reader, the child process that runs
 * FreeXL (see cg-reader-xls-wire.h).
 *
 *   callgauge-xls-reader -- FILE [SHEET]
 *
 * Writes the rows of FILE's sheet to standard output in the wire format.
 * Messages are translated, as the parent passes them on to the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#ifdef G_OS_WIN32
#include <windows.h>
#include <gio/gwin32outputstream.h>
#else
#include <unistd.h>
#include <gio/gunixoutputstream.h>
#endif

#include "cg-reader-xls-wire.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CALLGAUGE_LOCALEDIR");
  g_autoptr(GOutputStream) raw = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3 || argc > 4 || g_strcmp0 (argv[1], "--") != 0)
    {
      g_printerr ("usage: %s -- FILE [SHEET]\n", argv[0]);
      return 2;
    }
#ifdef G_OS_WIN32
  raw = g_win32_output_stream_new (GetStdHandle (STD_OUTPUT_HANDLE), FALSE);
#else
  raw = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
#endif
  out = g_buffered_output_stream_new_sized (raw, 64 * 1024);
  if (!cg_reader_xls_write_wire (argv[2], argc == 4 ? argv[3] : NULL, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
