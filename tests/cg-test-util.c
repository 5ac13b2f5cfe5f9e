/* cg-test-util.c — what several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-test-util.h"

#include <glib/gstdio.h>

void
cg_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          cg_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}
