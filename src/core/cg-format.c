/* cg-format.c — numbers as people read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-format.h"

#include <string.h>

char *
cg_format_count (gint64 n)
{
  char digits[32];
  GString *s = g_string_new (n < 0 ? "-" : "");
  guint64 v = n < 0 ? (guint64) (-(n + 1)) + 1 : (guint64) n;
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, v);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}
