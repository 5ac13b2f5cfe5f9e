/* cg-parse-private.h — the text scanners that the parsers of cg-parse.h
 * share, so dates, durations, amounts and words trim and count alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @c is a blank around a value, Unicode spaces and the BOM included. */
gboolean  cg_parse_is_blank          (gunichar     c);

/* A copy of @text without the blanks around it; NULL unless UTF-8. */
char     *cg_parse_dup_trimmed       (const char  *text);

/* Moves @p past ASCII spaces and tabs. */
void      cg_parse_skip_inner_blanks (const char **p);

/* Reads @min_digits to @max_digits (≤ 9) ASCII digits at @p into @value. */
gboolean  cg_parse_scan_number       (const char **p,
                                      int          min_digits,
                                      int          max_digits,
                                      int         *value);

/* Whether @s is "digits" or "digits.digits" and nothing else. */
gboolean  cg_parse_is_plain_number   (const char  *s,
                                      gboolean    *has_point,
                                      gsize       *n_int_digits);

G_END_DECLS
