/* cg-reader-xls-wire.h — how the .xls child process answers its parent.
 *
 * FreeXL 1.0.6 (Debian 12) reads past a stack buffer and leaks memory on
 * some malformed workbooks (tests/fuzz/known-crashes/reader-xls).  Rather
 * than guess every input that trips it, Callgauge never runs FreeXL in its
 * own process: callgauge-xls-reader opens the workbook and streams the rows
 * back on its standard output, and the parent decodes them, checking every
 * length against the reader limits.  A crash, a leak or garbage stays in
 * the child.  Validating the OLE/BIFF structure before calling FreeXL was
 * the alternative; it would need to know FreeXL's bugs, the child does not.
 *
 * All integers little-endian; doubles as their IEEE 754 bits in a guint64:
 *
 *   "CGXLS1\n"
 *   'S' u32 length, sheet name           the workbook opened
 *   'R' u64 row number, u64 progress bits, u32 n_cells,
 *       n_cells × (u8 CgCellType, u64 number bits, u32 length, text)
 *   'E' u32 domain (CG_XLS_WIRE_DOMAIN_*), u32 code, u32 length, message
 *   'Z'                                  no more rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-reader.h"

G_BEGIN_DECLS

#define CG_XLS_WIRE_MAGIC       "CGXLS1\n"
#define CG_XLS_WIRE_MAGIC_LEN   7

enum {
  CG_XLS_WIRE_DOMAIN_READER = 0,
  CG_XLS_WIRE_DOMAIN_IO     = 1,
};

/* The child program, and how the parent finds it; see cg-reader-xls-child.c. */
#define CG_XLS_READER_PROGRAM   "callgauge-xls-reader"
#define CG_XLS_READER_ENV       "CALLGAUGE_XLS_READER"

/* The in-process FreeXL reader: only the child program calls this. */
CgReader *cg_reader_xls_open_direct (const char             *path,
                                     const CgReaderOptions  *options,
                                     GError                **error);

/* The decoding side over any stream: the .xls reader uses the child's
 * standard output; the fuzz harness feeds it arbitrary bytes.  Takes a
 * reference on @stream; @subprocess may be NULL.  A child silent for
 * @silence_seconds (0: no limit) is stopped. */
CgReader *cg_reader_xls_open_stream (GInputStream           *stream,
                                     GSubprocess            *subprocess,
                                     guint                   silence_seconds,
                                     const char             *path,
                                     GError                **error);

/* Writes the child's whole answer for @path to @out (the child's main). */
gboolean  cg_reader_xls_write_wire  (const char             *path,
                                     const char             *sheet,
                                     GOutputStream          *out,
                                     GError                **error);

G_END_DECLS
