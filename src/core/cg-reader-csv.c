/* cg-reader-csv.c — streaming reader for CSV and TSV call logs.
 *
 * The file is read in chunks of CHUNK_BYTES, turned into UTF-8 by a
 * CgDecoder and fed to libcsv, whose callbacks copy each finished row into
 * a queue; cg_reader_next() hands the queued rows out one by one and reads
 * the next chunk when the queue runs dry.  Memory is a chunk's worth of
 * rows plus the row that straddles the chunk's end, whatever the file size.
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

#include "cg-encoding.h"
#include "cg-reader-private.h"

#define CHUNK_BYTES (64 * 1024)

/* Decoding and delimiter sniffing look at the start of the file only. */
#define BINARY_SNIFF_BYTES    1024
#define DELIMITER_SNIFF_BYTES (16 * 1024)
#define DELIMITER_SNIFF_ROWS  50

/* 4096 columns of 1 MiB would be 4 GiB: a row has a bound of its own. */
#define MAX_ROW_BYTES (32 * 1024 * 1024)

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

static char *
format_row (guint64 line)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, line);
}

/* The record the parser is inside: if no cell of it is finished yet, it
 * starts on the current line. */
static guint64
current_record_line (CgCsvReader *self)
{
  return self->n_cells > self->row_first_cell ? self->row_line : self->line;
}

static GError *
cell_limit_error (guint64 line)
{
  g_autofree char *row = format_row (line);

  return g_error_new (CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                      _("Row %s has a cell larger than %d MiB. The file is probably not a call log, "
                        "or a quote (\") is missing in that row."),
                      row, CG_READER_MAX_CELL_BYTES / (1024 * 1024));
}

static GError *
column_limit_error (guint64 line)
{
  g_autofree char *row = format_row (line);

  return g_error_new (CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                      _("Row %s has more than %d columns. Check that the file is a call log "
                        "and that its columns are separated by commas, tabs or semicolons."),
                      row, CG_READER_MAX_COLUMNS);
}

static GError *
row_limit_error (guint64 line)
{
  g_autofree char *row = format_row (line);

  return g_error_new (CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                      _("Row %s is larger than %d MiB. Check that row: a quote (\") may be missing."),
                      row, MAX_ROW_BYTES / (1024 * 1024));
}

static void
reserve_text (CgCsvReader *self,
              gsize        extra)
{
  if (G_UNLIKELY (self->text_length + extra > self->text_size))
    {
      self->text_size = MAX (self->text_length + extra, self->text_size * 2);
      self->text = g_realloc (self->text, self->text_size);
    }
}

static void
reserve_cell (CgCsvReader *self)
{
  if (G_UNLIKELY (self->n_cells == self->cells_size))
    {
      self->cells_size = MAX (64, self->cells_size * 2);
      self->cells = g_renew (CgCell, self->cells, self->cells_size);
      self->offsets = g_renew (gsize, self->offsets, self->cells_size);
    }
}

/* Whether @text has a byte below 0x0E, as \n and \r are.  Eight bytes at a
 * time: cells are looked at while parsing, so this is on the hot path. */
static gboolean
has_control_byte (const guchar *text,
                  gsize         length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if ((word - 0x0E * ones) & ~word & highs)
        return TRUE;
    }
  for (; i < length; i++)
    if (text[i] < 0x0E)
      return TRUE;
  return FALSE;
}

/* Line breaks inside a quoted cell: LF, CRLF and a lone CR count once. */
static guint
count_line_breaks (const guchar *text,
                   gsize         length)
{
  guint n = 0;

  if (G_LIKELY (!has_control_byte (text, length)))
    return 0;
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
      n++;
  return n;
}

static gboolean
is_blank (const guchar *text,
          gsize         length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t')
      return FALSE;
  return TRUE;
}

/* libcsv: a cell is finished. */
static void
on_cell (void   *data,
         size_t  length,
         void   *user_data)
{
  CgCsvReader *self = user_data;
  const guchar *text = data;
  CgCell *cell;

  if (G_UNLIKELY (self->callback_error != NULL))
    return;

  if (self->n_cells == self->row_first_cell)
    self->row_line = self->line;
  if (self->scan_line_breaks)
    self->line += count_line_breaks (text, length);

  if (G_UNLIKELY (length > CG_READER_MAX_CELL_BYTES))
    {
      self->callback_error = cell_limit_error (self->row_line);
      return;
    }
  if (G_UNLIKELY (self->n_cells - self->row_first_cell >= CG_READER_MAX_COLUMNS))
    {
      self->callback_error = column_limit_error (self->row_line);
      return;
    }
  self->row_bytes += length + 1;
  if (G_UNLIKELY (self->row_bytes > MAX_ROW_BYTES))
    {
      self->callback_error = row_limit_error (self->row_line);
      return;
    }

  /* Excel's ="0123": the value is the string literal. */
  if (length >= 3
      && G_UNLIKELY (text[0] == '=')
      && text[1] == '"'
      && text[length - 1] == '"'
      && memchr (text + 2, '"', length - 3) == NULL)
    {
      text += 2;
      length -= 3;
    }

  if (!self->row_has_value && !is_blank (text, length))
    self->row_has_value = TRUE;

  reserve_text (self, length + 1);
  reserve_cell (self);
  memcpy (self->text + self->text_length, text, length);
  self->text[self->text_length + length] = '\0';

  self->offsets[self->n_cells] = self->text_length;
  cell = &self->cells[self->n_cells++];
  cell->type = length > 0 ? CG_CELL_TEXT : CG_CELL_EMPTY;
  cell->text = NULL;
  cell->length = length;
  cell->number = 0;
  self->text_length += length + 1;
}

static void
drop_record (CgCsvReader *self)
{
  if (self->n_cells > self->row_first_cell)
    self->text_length = self->offsets[self->row_first_cell];
  self->n_cells = self->row_first_cell;
}

/* libcsv: a record ended with @terminator (CR, LF, or -1 at the end of the
 * file).  With CSV_REPALL_NL it is also called, with no cells, for every
 * line break outside a record: blank lines and the LF of a CRLF. */
static void
on_record (int   terminator,
           void *user_data)
{
  CgCsvReader *self = user_data;
  gboolean empty = self->n_cells == self->row_first_cell;

  if (G_UNLIKELY (self->callback_error != NULL))
    return;

  if (empty && terminator == '\n' && self->last_terminator == '\r')
    {
      self->last_terminator = 0;
      return;
    }
  if (terminator >= 0)
    self->line++;
  self->last_terminator = terminator;
  if (empty)
    return;

  self->records_seen++;
  if (!self->row_has_value || (self->skip_sep_line && self->records_seen == 1))
    drop_record (self);
  else
    {
      CsvRow *row;

      if (G_UNLIKELY (self->n_rows == self->rows_size))
        {
          self->rows_size = MAX (64, self->rows_size * 2);
          self->rows = g_renew (CsvRow, self->rows, self->rows_size);
        }
      row = &self->rows[self->n_rows++];
      row->first_cell = self->row_first_cell;
      row->n_cells = self->n_cells - self->row_first_cell;
      row->line = self->row_line;
    }
  self->row_first_cell = self->n_cells;
  self->row_has_value = FALSE;
  self->row_bytes = 0;
}

/* libcsv trims spaces around unquoted values unless told that nothing is a
 * space; values must reach the mapping layer as written. */
static int
no_space (unsigned char c)
{
  return 0;
}

/* Fields per record for @delimiter over @text, quotes respected; a record
 * cut by the end of @text is left out unless @whole. */
static void
count_fields (const char *text,
              gsize       length,
              gboolean    whole,
              char        delimiter,
              guint      *header_fields,
              guint      *agreeing,
              guint      *records)
{
  gboolean in_quotes = FALSE;
  gboolean in_record = FALSE;
  guint fields = 1;

  *header_fields = 0;
  *agreeing = 0;
  *records = 0;

  for (gsize i = 0; i <= length && *records < DELIMITER_SNIFF_ROWS; i++)
    {
      gboolean at_end = i == length;
      char c = at_end ? '\n' : text[i];

      if (at_end && !whole)
        break;
      if (c == '"')
        in_quotes = !in_quotes;
      if (in_quotes && !at_end)
        continue;
      if (c == '\n' || c == '\r')
        {
          if (in_record)
            {
              if (++*records == 1)
                *header_fields = fields;
              if (fields == *header_fields)
                ++*agreeing;
            }
          fields = 1;
          in_record = FALSE;
          continue;
        }
      in_record = TRUE;
      if (c == delimiter)
        fields++;
    }
}

/* The delimiter that splits the sample into the same number (> 1) of
 * fields on the most records; more fields, then the order below, break
 * ties.  A file with one column gets a comma. */
static char
sniff_delimiter (const char *text,
                 gsize       length,
                 gboolean    whole)
{
  static const char candidates[] = { ',', '\t', ';' };
  char best = ',';
  guint best_fields = 1;
  guint best_agreeing = 0;
  guint best_records = 1;

  if (length > DELIMITER_SNIFF_BYTES)
    {
      length = DELIMITER_SNIFF_BYTES;
      whole = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint fields, agreeing, records;

      count_fields (text, length, whole, candidates[i], &fields, &agreeing, &records);
      /* A record longer than the sample: judge by what there is. */
      if (records == 0)
        count_fields (text, length, TRUE, candidates[i], &fields, &agreeing, &records);
      if (fields <= 1)
        continue;
      if ((guint64) agreeing * best_records > (guint64) best_agreeing * records
          || ((guint64) agreeing * best_records == (guint64) best_agreeing * records
              && fields > best_fields))
        {
          best = candidates[i];
          best_fields = fields;
          best_agreeing = agreeing;
          best_records = records;
        }
    }
  return best;
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
    self->delimiter = sniff_delimiter (text, length, whole);

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

  if (csv_parse (&self->parser, text, length, on_cell, on_record, self) != length)
    {
      g_autofree char *row = format_row (current_record_line (self));

      if (self->pending_error == NULL)
        g_set_error (&self->pending_error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                     _("Row %s could not be read (%s). Check that row of the file."),
                     row, csv_strerror (csv_error (&self->parser)));
    }
  take_callback_error (self);

  /* libcsv gathers a cell before handing it over: stop a runaway quoted
   * cell here rather than when it finally ends. */
  if (self->pending_error == NULL && self->parser.entry_pos > CG_READER_MAX_CELL_BYTES)
    self->pending_error = cell_limit_error (current_record_line (self));
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
  if (csv_fini (&self->parser, on_cell, on_record, self) != 0)
    {
      g_autofree char *row = format_row (line);

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
  g_autofree char *row = format_row (current_record_line (self));
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

/* Moves the record still being parsed to the front of the emptied queue. */
static void
compact_queue (CgCsvReader *self)
{
  gsize keep = self->n_cells - self->row_first_cell;

  if (keep > 0)
    {
      gsize text_from = self->offsets[self->row_first_cell];

      memmove (self->text, self->text + text_from, self->text_length - text_from);
      self->text_length -= text_from;
      memmove (self->cells, self->cells + self->row_first_cell, keep * sizeof (CgCell));
      for (gsize i = 0; i < keep; i++)
        self->offsets[i] = self->offsets[self->row_first_cell + i] - text_from;
    }
  else
    self->text_length = 0;
  self->n_cells = keep;
  self->row_first_cell = 0;
  self->n_rows = 0;
  self->next_row = 0;
}

/* Parses until a row is queued, the file ends (TRUE with an empty queue)
 * or a problem comes up (FALSE). */
static gboolean
fill_queue (CgCsvReader  *self,
            GError      **error)
{
  compact_queue (self);
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

/* NUL bytes, or many control characters, at the start: not text. */
static gboolean
looks_binary (const guchar *data,
              gsize         length)
{
  gsize controls = 0;

  length = MIN (length, BINARY_SNIFF_BYTES);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == 0)
        return TRUE;
      if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
          && data[i] != '\f' && data[i] != '\v' && data[i] != 0x1A)
        controls++;
    }
  return controls * 20 > length;
}

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
      && looks_binary (self->raw + bom_length, n - bom_length))
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
