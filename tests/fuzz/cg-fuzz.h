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

G_END_DECLS
