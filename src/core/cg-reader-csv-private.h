/* cg-reader-csv-private.h — the state of the CSV reader, shared by the
 * chunk pipeline (cg-reader-csv.c) and the libcsv callbacks that queue its
 * rows (cg-reader-csv-rows.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <csv.h>

#include "cg-encoding.h"
#include "cg-reader-private.h"

G_BEGIN_DECLS

typedef struct {
  gsize   first_cell;
  guint   n_cells;
  guint64 line;
} CsvRow;

typedef struct {
  CgReader           parent;

  char              *display_name;
  GInputStream      *input;
  guint64            file_size;      /* 0 when unknown */
  guint64            bytes_decoded;  /* of the file, BOM included */
  gboolean           input_done;     /* the stream has given its last byte */
  gboolean           parse_done;     /* libcsv has been flushed */

  /* Raw bytes: what the decoder left over from the previous chunk, then
   * the chunk.  [raw_start, raw_end) is not yet decoded; chunk_pending
   * when that is a whole chunk (the first, read by open). */
  guchar            *raw;
  gsize              raw_start;
  gsize              raw_end;
  gboolean           chunk_pending;

  CgDecoder         *decoder;
  struct csv_parser  parser;
  char               delimiter;
  gboolean           delimiter_known;
  gboolean           skip_sep_line;
  gboolean           scan_line_breaks;

  /* Physical lines, so rows can be named as people see them. */
  guint64            line;            /* the line the parser is on */
  guint64            row_line;        /* where the record being parsed starts */
  int                last_terminator;
  guint64            records_seen;

  /* The queue: cell text, cells and rows.  Cells refer to text by offset
   * until handed out, because the text buffer moves when it grows. */
  char              *text;
  gsize              text_length;
  gsize              text_size;
  CgCell            *cells;
  gsize             *offsets;
  gsize              n_cells;
  gsize              cells_size;
  CsvRow            *rows;
  gsize              n_rows;
  gsize              rows_size;
  gsize              next_row;

  /* The record being parsed: cells from row_first_cell to n_cells. */
  gsize              row_first_cell;
  gboolean           row_has_value;
  gsize              row_bytes;

  guint64            returned_line;
  guint64            fill_start_bytes;  /* bytes_decoded before the queued rows */

  GError            *callback_error;  /* set inside libcsv callbacks */
  GError            *pending_error;   /* raised once the rows before it are out */
} CgCsvReader;

/* The row number @line as the error messages print it. */
char    *cg_csv_format_row           (guint64      line);

/* The error for a cell larger than CG_READER_MAX_CELL_BYTES on @line. */
GError  *cg_csv_cell_limit_error     (guint64      line);

/* libcsv's callbacks; @user_data is the CgCsvReader. */
void     cg_csv_reader_on_cell       (void        *data,
                                      size_t       length,
                                      void        *user_data);
void     cg_csv_reader_on_record     (int          terminator,
                                      void        *user_data);

/* Empties the queue of handed-out rows, keeping the record being parsed. */
void     cg_csv_reader_compact_queue (CgCsvReader *self);

G_END_DECLS
