/* cg-format.h — numbers as people read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "1,234,567": counts in messages.  Translatable strings take these with
 * %s, because xgettext cannot see through G_GINT64_FORMAT. */
char *cg_format_count (gint64 n);

G_END_DECLS
