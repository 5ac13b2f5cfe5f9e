/* cg-reader.h — streaming, row-at-a-time readers for CSV, XLSX and XLS.
 *
 * Every reader hands out one row at a time and keeps memory constant in the
 * file's size (an XLSX's shared strings excepted).  Text is always UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-limits.h"

G_BEGIN_DECLS

#define CG_READER_ERROR (cg_reader_error_quark ())

typedef enum {
  CG_READER_ERROR_FORMAT,     /* not a file of the expected kind, or damaged */
  CG_READER_ERROR_ENCODING,   /* bytes that are not text in the (detected or forced) encoding */
  CG_READER_ERROR_LIMIT,      /* over a safety limit: zip bomb, cell or row too large */
  CG_READER_ERROR_UNSAFE,     /* XML with a DTD or entities */
  CG_READER_ERROR_ENCRYPTED,  /* password-protected workbook */
  CG_READER_ERROR_NO_SHEET,   /* the named sheet is not in the workbook */
  CG_READER_ERROR_EMPTY,      /* no rows at all */
} CgReaderError;

GQuark cg_reader_error_quark (void);

typedef enum {
  CG_FILE_FORMAT_AUTO,
  CG_FILE_FORMAT_CSV,
  CG_FILE_FORMAT_XLSX,
  CG_FILE_FORMAT_XLS,
} CgFileFormat;

typedef enum {
  CG_CELL_EMPTY,
  CG_CELL_TEXT,
  CG_CELL_NUMBER,
  CG_CELL_DATE,   /* number is an Excel serial in the 1900 date system */
  CG_CELL_BOOL,   /* number is 0 or 1 */
} CgCellType;

/* One cell.  @text is NUL-terminated UTF-8 for every type ("" when empty;
 * for numbers the shortest text that reads back to the same double). */
typedef struct {
  CgCellType  type;
  const char *text;
  gsize       length;
  double      number;
} CgCell;

/* Safety limits on untrusted input (cg-limits.h); each over-run is a
 * CG_READER_ERROR_LIMIT.  The old names stay for callers. */
#define CG_READER_MAX_CELL_BYTES   CG_LIMIT_CELL_BYTES
#define CG_READER_MAX_COLUMNS      CG_LIMIT_COLUMNS
#define CG_READER_MAX_PART_BYTES   CG_LIMIT_XLSX_PART_BYTES
#define CG_READER_MAX_ZIP_RATIO    CG_LIMIT_XLSX_ZIP_RATIO

typedef struct {
  CgFileFormat  format;    /* AUTO: sniffed from the content, not the name */
  const char   *encoding;  /* CSV only: NULL or "auto" detects; else e.g. "UTF-8", "GB18030" */
  const char   *sheet;     /* XLSX/XLS: NULL means the first visible sheet */
} CgReaderOptions;

typedef struct _CgReader CgReader;

CgReader     *cg_reader_open            (const char             *path,
                                         const CgReaderOptions  *options,
                                         GError                **error);

/* Next row: TRUE with @cells valid until the next call or free; FALSE at the
 * end (error unset) or on failure (error set).  Trailing empty cells may be
 * left out, so rows can be shorter than the header. */
gboolean      cg_reader_next            (CgReader               *reader,
                                         const CgCell          **cells,
                                         guint                  *n_cells,
                                         GError                **error);

/* 1-based row (CSV: the record's first line) of the row last returned, as a
 * person would find it in the file. */
guint64       cg_reader_get_row_number  (CgReader               *reader);
/* Share of the input consumed, 0…1, for progress bars. */
double        cg_reader_get_progress    (CgReader               *reader);
CgFileFormat  cg_reader_get_format      (CgReader               *reader);
/* CSV: "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030"; workbooks: "UTF-8". */
const char   *cg_reader_get_encoding    (CgReader               *reader);
/* Workbooks: the name of the sheet being read; CSV: NULL. */
const char   *cg_reader_get_sheet_name  (CgReader               *reader);
/* CSV: the delimiter found (',', '\t' or ';'); workbooks: 0. */
char          cg_reader_get_delimiter   (CgReader               *reader);

void          cg_reader_free            (CgReader               *reader);

const char   *cg_file_format_to_string  (CgFileFormat            format);
gboolean      cg_file_format_from_string (const char            *name,
                                          CgFileFormat          *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgReader, cg_reader_free)

G_END_DECLS
