/* cg-xlsx-splice.h — rows put into worksheets of a finished workbook.
 *
 * libxlsxwriter writes a sheet's XML as it goes and compresses it in the
 * thread that writes the rest.  Rows made elsewhere (cg-report-stream.c,
 * already deflated by a CgDeflatePipe) go into a worksheet that holds only
 * its header: the sheet's XML is cut before </sheetData>, its start and
 * end are deflated on their own, and start, rows and end are stored as one
 * zip entry.  A deflate stream may be joined at a sync flush, so libzip
 * copies the rows as they are, never compressing them twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-deflate-pipe.h"

G_BEGIN_DECLS

typedef struct {
  guint          part;      /* xl/worksheets/sheet<part>.xml */
  gint64         last_row;  /* the sheet's last row, 1-based, for its dimension */
  GFile         *rows;      /* the rows' <row> elements as the pipe wrote them */
  CgDeflatePipe *pipe;      /* finished: sizes and CRC of @rows */
} CgXlsxSplice;

/* Puts each of @sheets into the workbook at @path, replacing it. */
gboolean cg_xlsx_splice (const char          *path,
                         const CgXlsxSplice  *sheets,
                         guint                n_sheets,
                         GError             **error);

G_END_DECLS
