/* cg-fuzz.h — what the fuzz harnesses and their regression test share.
 *
 * The harnesses and tests/test-fuzz-regressions.c call the same functions,
 * so an input that once crashed a harness is replayed through the same
 * code in the normal suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cg-reader.h"

G_BEGIN_DECLS

/** cg_fuzz_read_path: opens @path as @format and reads every row, ignoring errors. */
void cg_fuzz_read_path  (const char    *path,
                         CgFileFormat   format);

/** cg_fuzz_write_bytes: writes @data to the per-process temporary file; returns its path. */
const char *cg_fuzz_write_bytes (const guint8 *data,
                                 gsize         size);

/** cg_fuzz_read_bytes: writes @data to a per-process temporary file and reads it as @format. */
void cg_fuzz_read_bytes (const guint8  *data,
                         gsize          size,
                         CgFileFormat   format);

/** cg_fuzz_read_bytes_xls_direct: as cg_fuzz_read_bytes, with FreeXL in this process. */
void cg_fuzz_read_bytes_xls_direct (const guint8 *data,
                                    gsize         size);

/** cg_fuzz_parse: runs every cell parser and the phone functions on each NUL-separated piece of @data. */
void cg_fuzz_parse      (const guint8  *data,
                         gsize          size);

/** cg_fuzz_xls_stream: decodes @data as the .xls child process's answer and reads every row. */
void cg_fuzz_xls_stream (const guint8  *data,
                         gsize          size);

/** cg_fuzz_survey: reads @data as a survey export (CSV) through the import
 * plan, and each line through the header and answer parsers (cg-fuzz-text.c). */
void cg_fuzz_survey      (const guint8  *data,
                          gsize          size);

/** cg_fuzz_survey_path: cg_fuzz_survey on the contents of @path. */
void cg_fuzz_survey_path (const char    *path);

/** cg_fuzz_themes: theme and sentiment matching of the text after the first
 * NUL of @data with the terms (lines) before it (cg-fuzz-text.c). */
void cg_fuzz_themes     (const guint8  *data,
                         gsize          size);

G_END_DECLS
