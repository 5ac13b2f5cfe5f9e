/* cg-csv-out.h — fields of a CSV file as spreadsheets read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180: quoted when it holds a comma, quote or line break.  Text that
 * starts with = + - @ (or a tab or CR) gets a leading apostrophe, so a
 * spreadsheet shows it and never runs it as a formula.  NULL: empty. */
void cg_csv_append_text   (GString    *out,
                           const char *text);
/* The shortest text that reads back as the same double; empty when
 * @value is not finite. */
void cg_csv_append_number (GString    *out,
                           double      value);

G_END_DECLS
