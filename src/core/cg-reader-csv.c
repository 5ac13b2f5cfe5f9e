/* cg-reader-csv.c — streaming reader for CSV and TSV call logs.
 *
 * The file is read in chunks of CHUNK_BYTES, turned into UTF-8 by a
 * CgDecoder and fed to libcsv, whose callbacks copy each finished row into
 * a queue (cg-reader-csv-rows.c); cg_reader_next() hands the queued rows
 * out one by one and reads the next chunk when the queue runs dry.  Memory
 * is a chunk's worth of rows plus the row that straddles the chunk's end,
 * whatever the file size.  The delimiter, and whether the file is text at
 * all, are guessed from its first bytes (cg-csv-sniff.c).
 *
 * What the reader does to values, and nothing more:
 *  - blank records are skipped: empty lines, and lines whose cells hold
 *    nothing but spaces and tabs (Excel leaves ",,,," rows at the end);
 *  - a cell written as ="…" (Excel's escape that Chinese exports use to
 *    keep the leading zero of a phone number, ="013812345678") becomes what
 *    is inside the quotes;
 *  - an Excel "sep=;" first line sets the delimiter and is not a row.
 * Spaces around values are kept: the mapping layer decides what they mean.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "cg-csv-sniff.h"
#include "cg-encoding.h"
#include "cg-reader-csv-private.h"

#define CHUNK_BYTES (64 * 1024)

/* The record the parser is inside: if no cell of it is finished yet, it
 * starts on the current line. */
static guint64
current_record_line (CgCsvReader *self)
{
  return self->n_cells > self->row_first_cell ? self->row_line : self->line;
}

/* libcsv trims spaces around unquoted values unless told that nothing is a
 * space; values must reach the mapping layer as written. */
static int
no_space (unsigned char c)
{
  return 0;
}

static void
choose_delimiter (CgCsvReader *self,
                  const char  *text,
                  gsize        length,
                  gboolean     whole)
{
  /* Excel honours a first line "sep=;" and some exports write one. */
  if (length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0
      && (length == 5 || text[5] == '\r' || text[5] == '\n')
      && text[4] != '\0' && strchr (",;\t", text[4]) != NULL)
    {
      self->delimiter = text[4];
      self->skip_sep_line = TRUE;
    }
  else
    self->delimiter = cg_csv_sniff_delimiter (text, length, whole);

  csv_set_delim (&self->parser, (unsigned char) self->delimiter);
  self->delimiter_known = TRUE;
}

static void
take_callback_error (CgCsvReader *self)
{
  if (self->callback_error != NULL && self->pending_error == NULL)
    self->pending_error = g_steal_pointer (&self->callback_error);
  g_clear_error (&self->callback_error);
}

static void
parse_text (CgCsvReader *self,
            const char  *text,
            gsize        length,
            gboolean     whole)
{
  if (!self->delimiter_known)
    choose_delimiter (self, text, length, whole);

  /* Only a quoted cell can hold a line break; most chunks have none. */
  self->scan_line_breaks = self->parser.quoted || memchr (text, '"', length) != NULL;

  if (csv_parse (&self->parser, text, length,
                 cg_csv_reader_on_cell, cg_csv_reader_on_record, self) != length)
    {
      g_autofree char *row = cg_csv_format_row (current_record_line (self));

      if (self->pending_error == NULL)
        g_set_error (&self->pending_error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                     _("Row %s could not be read (%s). Check that row of the file."),
                     row, csv_strerror (csv_error (&self->parser)));
    }
  take_callback_error (self);

  /* libcsv gathers a cell before handing it over: stop a runaway quoted
   * cell here rather than when it finally ends. */
  if (self->pending_error == NULL && self->parser.entry_pos > CG_READER_MAX_CELL_BYTES)
    self->pending_error = cg_csv_cell_limit_error (current_record_line (self));
}

static void
finish_parse (CgCsvReader *self)
{
  guint64 line = current_record_line (self);
  int options = csv_get_opts (&self->parser);

  self->parse_done = TRUE;

  /* Strict only here, so that a quote opened and never closed is reported
   * instead of the rest of the file silently becoming one cell. */
  csv_set_opts (&self->parser, options | CSV_STRICT | CSV_STRICT_FINI);
  if (csv_fini (&self->parser, cg_csv_reader_on_cell, cg_csv_reader_on_record, self) != 0)
    {
      g_autofree char *row = cg_csv_format_row (line);

      take_callback_error (self);
      if (self->pending_error == NULL)
        g_set_error (&self->pending_error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                     _("Row %s opens a quoted value (\") that is never closed. "
                       "Fix or remove the stray quote and import the file again."),
                     row);
    }
  csv_set_opts (&self->parser, options);
  take_callback_error (self);
}

static void
set_decode_error (CgCsvReader    *self,
                  CgDecodeStatus  status)
{
  g_autofree char *row = cg_csv_format_row (current_record_line (self));
  CgEncoding encoding = cg_decoder_get_encoding (self->decoder);

  if (self->pending_error != NULL)
    return;

  if (status == CG_DECODE_NUL)
    g_set_error (&self->pending_error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                 _("Row %s contains a NUL byte, which text never does. The file is damaged or "
                   "not a text/CSV file: export the call log again."),
                 row);
  else
    g_set_error (&self->pending_error, CG_READER_ERROR, CG_READER_ERROR_ENCODING,
                 _("Row %s is not valid %s text. If the file was saved in another encoding, "
                   "choose it with --encoding (for example --encoding %s)."),
                 row, cg_encoding_to_string (encoding),
                 encoding == CG_ENCODING_GB18030 ? "UTF-8" : "GB18030");
}

/* Decodes and parses what is in the raw buffer, reading a chunk first if
 * it has all been used.  Problems, in the file or reading it, become the
 * pending error, raised after the rows before them. */
static void
read_chunk (CgCsvReader *self)
{
  const char *text;
  gsize text_length;
  gsize used;
  CgDecodeStatus status;

  if (!self->chunk_pending && !self->input_done)
    {
      gsize left = self->raw_end - self->raw_start;
      gsize n = 0;

      g_assert (left <= CG_DECODER_MAX_UNUSED);
      memmove (self->raw, self->raw + self->raw_start, left);
      self->raw_start = 0;
      self->raw_end = left;
      if (!g_input_stream_read_all (self->input, self->raw + left, CHUNK_BYTES, &n, NULL,
                                    &self->pending_error))
        {
          g_prefix_error (&self->pending_error, _("Could not read “%s”: "), self->display_name);
          return;
        }
      self->raw_end += n;
      self->input_done = n < CHUNK_BYTES;
    }
  self->chunk_pending = FALSE;

  status = cg_decoder_convert (self->decoder, (const char *) self->raw + self->raw_start,
                               self->raw_end - self->raw_start, self->input_done,
                               &text, &text_length, &used);
  self->raw_start += used;
  self->bytes_decoded += used;
  parse_text (self, text, text_length, self->input_done && status == CG_DECODE_OK);

  if (status == CG_DECODE_INVALID || status == CG_DECODE_NUL)
    set_decode_error (self, status);
  else if (self->input_done && self->pending_error == NULL)
    finish_parse (self);
}

/* Parses until a row is queued, the file ends (TRUE with an empty queue)
 * or a problem comes up (FALSE). */
static gboolean
fill_queue (CgCsvReader  *self,
            GError      **error)
{
  cg_csv_reader_compact_queue (self);
  self->fill_start_bytes = self->bytes_decoded;

  while (self->n_rows == 0)
    {
      if (self->pending_error != NULL)
        {
          /* Kept, so every later call fails the same way. */
          g_propagate_error (error, g_error_copy (self->pending_error));
          return FALSE;
        }
      if (self->parse_done)
        return TRUE;
      read_chunk (self);
    }
  return TRUE;
}

static gboolean
csv_reader_next (CgReader      *reader,
          const CgCell **cells,
          guint         *n_cells,
          GError       **error)
{
  CgCsvReader *self = (CgCsvReader *) reader;
  CsvRow *row;

  *cells = NULL;
  *n_cells = 0;

  if (self->next_row == self->n_rows)
    {
      if (!fill_queue (self, error))
        return FALSE;
      if (self->n_rows == 0)
        return FALSE;
    }

  row = &self->rows[self->next_row++];
  for (gsize i = row->first_cell; i < row->first_cell + row->n_cells; i++)
    self->cells[i].text = self->text + self->offsets[i];
  *cells = &self->cells[row->first_cell];
  *n_cells = row->n_cells;
  self->returned_line = row->line;
  return TRUE;
}

static guint64
csv_reader_row_number (CgReader *reader)
{
  return ((CgCsvReader *) reader)->returned_line;
}

static double
csv_reader_progress (CgReader *reader)
{
  CgCsvReader *self = (CgCsvReader *) reader;
  double consumed;

  if (self->parse_done && self->next_row == self->n_rows)
    return 1.0;
  if (self->file_size == 0)
    return 0.0;

  /* The rows of the last chunks were parsed together: spread those bytes
   * over the rows as they are handed out. */
  consumed = self->fill_start_bytes;
  if (self->n_rows > 0)
    consumed += (double) (self->bytes_decoded - self->fill_start_bytes) * self->next_row / self->n_rows;
  return CLAMP (consumed / self->file_size, 0.0, 1.0);
}

static const char *
csv_reader_encoding (CgReader *reader)
{
  return cg_encoding_to_string (cg_decoder_get_encoding (((CgCsvReader *) reader)->decoder));
}

static char
csv_reader_delimiter (CgReader *reader)
{
  return ((CgCsvReader *) reader)->delimiter;
}

static void
csv_reader_free (CgReader *reader)
{
  CgCsvReader *self = (CgCsvReader *) reader;

  g_clear_object (&self->input);
  g_free (self->display_name);
  g_clear_pointer (&self->decoder, cg_decoder_free);
  csv_free (&self->parser);
  g_free (self->raw);
  g_free (self->text);
  g_free (self->cells);
  g_free (self->offsets);
  g_free (self->rows);
  g_clear_error (&self->callback_error);
  g_clear_error (&self->pending_error);
  g_free (self);
}

static const CgReaderVTable csv_vtable = {
  .next = csv_reader_next,
  .row_number = csv_reader_row_number,
  .progress = csv_reader_progress,
  .encoding = csv_reader_encoding,
  .sheet_name = NULL,
  .delimiter = csv_reader_delimiter,
  .free = csv_reader_free,
};

CgReader *
cg_reader_csv_open (const char             *path,
                    const CgReaderOptions  *options,
                    GError                **error)
{
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  const char *display_name;
  CgCsvReader *self;
  CgEncoding requested = CG_ENCODING_AUTO;
  CgEncoding encoding;
  gsize bom_length;
  gboolean ascii_only;
  gsize n = 0;
  GError *local_error = NULL;

  if (options != NULL && options->encoding != NULL
      && !cg_encoding_from_name (options->encoding, &requested))
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_ENCODING,
                   _("Unknown encoding “%s”. Use auto, UTF-8, GB18030 (also for GBK and GB2312), "
                     "UTF-16, UTF-16LE or UTF-16BE."),
                   options->encoding);
      return NULL;
    }

  self = g_new0 (CgCsvReader, 1);
  self->parent.vtable = &csv_vtable;
  self->parent.format = CG_FILE_FORMAT_CSV;
  reader = (CgReader *) self;
  self->display_name = g_filename_display_name (path);
  display_name = self->display_name;
  self->line = 1;
  csv_init (&self->parser, CSV_REPALL_NL);
  csv_set_space_func (&self->parser, no_space);
  /* libcsv grows its cell buffer by this much at a time. */
  csv_set_blk_size (&self->parser, 16 * 1024);

  self->input = (GInputStream *) g_file_read (file, NULL, &local_error);
  if (self->input == NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("Could not open “%s”: "), display_name);
      return NULL;
    }
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (self->input),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    self->file_size = g_file_info_get_size (info);

  self->raw = g_malloc (CG_DECODER_MAX_UNUSED + CHUNK_BYTES);
  if (!g_input_stream_read_all (self->input, self->raw, CHUNK_BYTES, &n, NULL, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, _("Could not read “%s”: "), display_name);
      return NULL;
    }
  self->raw_end = n;
  self->input_done = n < CHUNK_BYTES;
  self->chunk_pending = TRUE;
  if (n == 0)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY,
                   _("“%s” is empty. Check that the export finished and choose the file again."),
                   display_name);
      return NULL;
    }

  encoding = cg_encoding_detect (self->raw, n, self->input_done, requested,
                                 &bom_length, &ascii_only);
  if ((encoding == CG_ENCODING_UTF8 || encoding == CG_ENCODING_GB18030)
      && cg_csv_looks_binary (self->raw + bom_length, n - bom_length))
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("“%s” is not a text/CSV file. Export the call log as CSV or as an Excel "
                     "workbook and import that."),
                   display_name);
      return NULL;
    }
  self->raw_start = bom_length;
  self->bytes_decoded = bom_length;

  self->decoder = cg_decoder_new (encoding,
                                  requested == CG_ENCODING_AUTO && ascii_only && !self->input_done,
                                  &local_error);
  if (self->decoder == NULL)
    {
      g_set_error_literal (error, CG_READER_ERROR, CG_READER_ERROR_ENCODING, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  if (!fill_queue (self, error))
    return NULL;
  if (self->n_rows == 0)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY,
                   _("“%s” has no rows: it holds only blank lines. Check that the export finished "
                     "and choose the file again."),
                   display_name);
      return NULL;
    }
  return g_steal_pointer (&reader);
}
