/* cg-limits.h — every safety limit on untrusted input, in one place.
 *
 * Call logs come from files nobody checked.  Each limit is far above what a
 * real export holds and low enough that a crafted file cannot exhaust
 * memory or time; going over one is a CG_READER_ERROR_LIMIT (or, for a
 * single value, a row the import reports and skips), never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* One cell, as UTF-8 (CSV, XLSX, XLS). */
#define CG_LIMIT_CELL_BYTES        (1024 * 1024)
/* Cells in one row; a call log has a few dozen columns. */
#define CG_LIMIT_COLUMNS           4096
/* One CSV record, all its cells together. */
#define CG_LIMIT_ROW_BYTES         (32 * 1024 * 1024)

/* One XLSX part (sheet, shared strings …) once inflated. */
#define CG_LIMIT_XLSX_PART_BYTES   ((gint64) 2 * 1024 * 1024 * 1024)
/* Inflated : deflated size of a part: a zip bomb reaches thousands. */
#define CG_LIMIT_XLSX_ZIP_RATIO    200
/* Small parts compress well whatever they hold; the ratio only says
 * "bomb" once a part is big enough to hurt. */
#define CG_LIMIT_XLSX_RATIO_MIN_BYTES (1024 * 1024)
/* All shared strings of a workbook, kept in memory. */
#define CG_LIMIT_XLSX_SHARED_BYTES ((guint64) 512 * 1024 * 1024)
/* XML nesting: a sheet nests six levels deep (worksheet/sheetData/row/c/
 * is/r/t); extension lists go a few further.  libxml2 alone allows 256. */
#define CG_LIMIT_XML_DEPTH         48
/* DTDs and entities are never allowed (no limit to tune): see
 * cg-xlsx-part.c, which parses with XML_PARSE_NONET and without
 * XML_PARSE_NOENT or XML_PARSE_DTDLOAD and rejects any DOCTYPE. */

/* The .xls child process (cg-reader-xls-wire.h) is stopped when it writes
 * nothing for this long: FreeXL parses the whole workbook at open, which
 * takes a few seconds for the largest real .xls (65,536 rows). */
#define CG_LIMIT_XLS_SILENCE_SECONDS 60

/* Numbers in cells: an amount beyond a trillion yuan is a typing or export
 * error (a phone number in the wrong column), not a sale.  Durations must
 * fit an int of seconds (cg_parse_duration). */
#define CG_LIMIT_AMOUNT_CNY        1e12
/* Call dates: before 2000 or more than a year ahead of now is flagged on
 * the row (cg-import-calls.c counts it among the import's errors). */
#define CG_LIMIT_EARLIEST_CALL     G_GINT64_CONSTANT (946684800)  /* 2000-01-01T00:00:00Z */
#define CG_LIMIT_FUTURE_SECONDS    (366 * 24 * 3600)
