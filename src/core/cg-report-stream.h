/* cg-report-stream.h — the raw calls sheets, written beside the workbook.
 *
 * A million raw rows cost far more than everything else in the report, and
 * libxlsxwriter 1.1.4 compresses them in the thread that writes the other
 * sheets, at zlib's default level.  The stream writes the rows' sheet XML
 * on its own thread and its own database connection, while the analysis
 * sheets are computed, deflating them at level 1 into a temporary file.
 * After libxlsxwriter has written the workbook with header-only raw
 * sheets, cg_raw_stream_splice() puts the rows into those sheets: a
 * deflate stream may be cut and joined at flush points, so the stored
 * rows are copied as they are, never compressed twice.
 *
 * Private to the report's own files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-report-private.h"

G_BEGIN_DECLS

typedef struct _CgRawStream CgRawStream;

/* Starts writing the calls of @r's period (labels in @r's language). */
CgRawStream *cg_raw_stream_start       (CgReport     *r,
                                        GError      **error);
/* Waits for the rows, reporting progress through @r; FALSE on an error or
 * when @r's cancellable is cancelled. */
gboolean     cg_raw_stream_wait        (CgRawStream  *stream,
                                        CgReport     *r,
                                        GError      **error);
/* After a successful wait: the sheets the rows fill, and the rows of each
 * (the header row not counted). */
guint        cg_raw_stream_get_n_sheets (CgRawStream *stream);
gint64       cg_raw_stream_get_rows    (CgRawStream  *stream,
                                        guint         sheet);
gint64       cg_raw_stream_get_total   (CgRawStream  *stream);
/* The workbook's worksheet number (1 for xl/worksheets/sheet1.xml) that
 * holds the rows of @sheet; its XML must end the header row with
 * </sheetData>. */
void         cg_raw_stream_set_part    (CgRawStream  *stream,
                                        guint         sheet,
                                        guint         worksheet_number);
/* Puts the rows into the workbook at @path. */
gboolean     cg_raw_stream_splice      (CgRawStream  *stream,
                                        const char   *path,
                                        GError      **error);
/* Stops the writer if it still runs and removes its temporary files. */
void         cg_raw_stream_free        (CgRawStream  *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgRawStream, cg_raw_stream_free)

G_END_DECLS
