/* cg-reader-csv-rows.c — turning libcsv's callbacks into the CSV reader's
 * queue of rows: cells are copied as they finish, blank records dropped,
 * physical lines counted, and runaway cells, rows and column counts stopped
 * at their limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-reader-csv-private.h"

/* 4096 columns of 1 MiB would be 4 GiB: a row has a bound of its own. */
#define MAX_ROW_BYTES CG_LIMIT_ROW_BYTES

char *
cg_csv_format_row (guint64 line)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, line);
}

GError *
cg_csv_cell_limit_error (guint64 line)
{
  g_autofree char *row = cg_csv_format_row (line);

  return g_error_new (CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                      _("Row %s has a cell larger than %d MiB. The file is probably not a call log, "
                        "or a quote (\") is missing in that row."),
                      row, CG_READER_MAX_CELL_BYTES / (1024 * 1024));
}

static GError *
column_limit_error (guint64 line)
{
  g_autofree char *row = cg_csv_format_row (line);

  return g_error_new (CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                      _("Row %s has more than %d columns. Check that the file is a call log "
                        "and that its columns are separated by commas, tabs or semicolons."),
                      row, CG_READER_MAX_COLUMNS);
}

static GError *
row_limit_error (guint64 line)
{
  g_autofree char *row = cg_csv_format_row (line);

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
void
cg_csv_reader_on_cell (void   *data,
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
      self->callback_error = cg_csv_cell_limit_error (self->row_line);
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
void
cg_csv_reader_on_record (int   terminator,
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

/* Moves the record still being parsed to the front of the emptied queue. */
void
cg_csv_reader_compact_queue (CgCsvReader *self)
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
