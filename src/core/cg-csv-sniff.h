/* cg-csv-sniff.h — what the first bytes of a CSV file say about the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The delimiter of the sample @text (',', '\t' or ';'); @whole when the
 * sample is the whole file, so its last record is complete. */
char      cg_csv_sniff_delimiter (const char   *text,
                                  gsize         length,
                                  gboolean      whole);

/* Whether the start of @data is not text: a NUL byte, or many controls. */
gboolean  cg_csv_looks_binary    (const guchar *data,
                                  gsize         length);

G_END_DECLS
