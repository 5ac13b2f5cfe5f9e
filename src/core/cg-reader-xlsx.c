/* cg-reader-xlsx.c — streaming reader for Excel 2007+ workbooks (.xlsx).
 *
 * An XLSX file is a zip of XML parts.  cg-xlsx-workbook.c reads what must
 * be known before the first row — which part holds the chosen sheet, the
 * shared strings, the cell styles that tell dates from numbers — and
 * cg-xlsx-part.c opens every part with the checks an untrusted archive
 * needs.  Here the sheet is streamed through libxml2's xmlTextReader, one
 * row per call, reusing the same buffers for every row; cell and row sizes
 * are bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-reader-private.h"
#include "cg-reader-sheet.h"
#include "cg-xlsx-part.h"
#include "cg-xlsx-workbook.h"

#define XLSX_MAX_ROW           G_MAXUINT32
#define XLSX_NO_OFFSET         G_MAXSIZE
/* 1904-system serial + 1462 = 1900-system serial (1904-01-01 is 1462). */
#define XLSX_1904_OFFSET       1462.0

typedef enum {
  XLSX_TYPE_NUMBER,     /* t="n" or none */
  XLSX_TYPE_SHARED,     /* t="s": index into the shared strings */
  XLSX_TYPE_INLINE,     /* t="inlineStr": text in <is> */
  XLSX_TYPE_STRING,     /* t="str": a formula's text result */
  XLSX_TYPE_BOOL,       /* t="b" */
  XLSX_TYPE_ERROR,      /* t="e": "#N/A", "#DIV/0!" … */
  XLSX_TYPE_ISO_DATE,   /* t="d": ISO 8601 text (Strict OOXML) */
} XlsxType;

typedef struct
{
  CgReader         parent;

  CgXlsxWorkbook  *book;
  CgXlsxPart      *sheet;
  gboolean         done;
  gboolean         any_row;       /* one was returned, or the sheet was found empty */
  guint            peeked_cells;  /* the first row, read at open: its length, or 0 */
  guint64          row_number;    /* of the row last returned */

  /* The row being read; reused from row to row. */
  guint64          pending_row;
  GArray          *cells;         /* CgCell */
  GArray          *text_starts;   /* gsize into row_text, XLSX_NO_OFFSET if text is set */
  GString         *row_text;

  /* The cell being read. */
  gboolean         in_cell;
  gboolean         in_inline;
  gboolean         in_phonetic;
  gboolean         capture;       /* inside <v>, or <t> of an inline string */
  guint            cell_column;
  XlsxType         cell_type;
  guint            cell_style;
  GString         *value;
} CgReaderXlsx;

/* ---------------------------------------------------------------------- */
/* Rows                                                                   */

static const CgCell xlsx_empty_cell = { CG_CELL_EMPTY, "", 0, 0 };

/* "AB12" → 27; FALSE unless letters and then digits. */
static gboolean
xlsx_parse_column (const char *ref,
                   guint      *column)
{
  guint c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && p - ref < 4; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  return TRUE;
}

static gboolean
xlsx_cell_start (CgReaderXlsx  *self,
                 GError       **error)
{
  CgXlsxPart *part = self->sheet;
  guint column = self->cells->len;
  guint64 style = 0;
  CgXlsxAttr attr = { 0 };

  self->cell_type = XLSX_TYPE_NUMBER;
  while (cg_xlsx_part_next_attribute (part, &attr))
    {
      const char *value = attr.value;

      if (attr.prefixed || attr.name[0] == '\0' || attr.name[1] != '\0')
        continue;
      switch (attr.name[0])
        {
        case 'r':
          if (!xlsx_parse_column (value, &column))
            {
              g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                           _("The workbook is damaged: a cell on row %u of sheet “%s” has the "
                             "broken reference “%s”. Open the file in Excel or LibreOffice and "
                             "save it again."),
                           (guint) self->pending_row, self->book->sheet_name, value);
              return FALSE;
            }
          break;
        case 's':
          if (!cg_xlsx_parse_uint (value, G_MAXUINT32, &style))
            style = 0;
          break;
        case 't':
          if (strcmp (value, "s") == 0)
            self->cell_type = XLSX_TYPE_SHARED;
          else if (strcmp (value, "str") == 0)
            self->cell_type = XLSX_TYPE_STRING;
          else if (strcmp (value, "inlineStr") == 0)
            self->cell_type = XLSX_TYPE_INLINE;
          else if (strcmp (value, "b") == 0)
            self->cell_type = XLSX_TYPE_BOOL;
          else if (strcmp (value, "e") == 0)
            self->cell_type = XLSX_TYPE_ERROR;
          else if (strcmp (value, "d") == 0)
            self->cell_type = XLSX_TYPE_ISO_DATE;
          break;
        default:
          break;
        }
    }

  if (column >= CG_READER_MAX_COLUMNS)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("Row %u of sheet “%s” has cells beyond column %u; at most %u columns can "
                     "be imported. Delete the unused columns in Excel, or move the data to "
                     "the left."),
                   (guint) self->pending_row, self->book->sheet_name, CG_READER_MAX_COLUMNS,
                   CG_READER_MAX_COLUMNS);
      return FALSE;
    }
  if (column < self->cells->len)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook is damaged: the cells of row %u of sheet “%s” are out of "
                     "order. Open the file in Excel or LibreOffice and save it again."),
                   (guint) self->pending_row, self->book->sheet_name);
      return FALSE;
    }
  self->cell_column = column;
  self->cell_style = style;
  self->in_cell = TRUE;
  g_string_truncate (self->value, 0);
  return TRUE;
}

/* Adds a cell whose text is copied into the row buffer. */
static void
xlsx_add_cell_copy (CgReaderXlsx *self,
                    CgCellType    type,
                    const char   *text,
                    gsize         length,
                    double        number)
{
  CgCell cell = { type, NULL, length, number };
  gsize start = self->row_text->len;

  g_string_append_len (self->row_text, text, length);
  g_string_append_c (self->row_text, '\0');
  g_array_append_val (self->cells, cell);
  g_array_append_val (self->text_starts, start);
}

static void
xlsx_add_cell (CgReaderXlsx *self,
               const CgCell *cell)
{
  gsize start = XLSX_NO_OFFSET;

  g_array_append_vals (self->cells, cell, 1);
  g_array_append_val (self->text_starts, start);
}

/* Parses a <v> number.  Integers of up to 15 digits — phone numbers, call
 * seconds, counts — are exact in a double and already written the way
 * cg_sheet_format_number() would: they skip strtod and reformatting. */
static gboolean
xlsx_parse_number (const char *text,
                   gsize       length,
                   double     *number,
                   gboolean   *canonical)
{
  const char *p = text, *end = text + length;
  gboolean negative = *p == '-';
  gint64 v = 0;
  char *parse_end;

  if (negative)
    p++;
  if (end - p >= 1 && end - p <= 15 && (*p != '0' || end - p == 1))
    {
      for (; p < end && g_ascii_isdigit (*p); p++)
        v = v * 10 + (*p - '0');
      if (p == end)
        {
          *number = negative ? -(double) v : (double) v;
          *canonical = TRUE;
          return TRUE;
        }
    }
  *canonical = FALSE;
  *number = g_ascii_strtod (text, &parse_end);
  return length > 0 && parse_end == end && isfinite (*number);
}

static gboolean
xlsx_cell_end (CgReaderXlsx  *self,
               GError       **error)
{
  GString *value = self->value;
  char buf[CG_SHEET_NUMBER_BUF_SIZE];
  CgXlsxKind kind;
  double number;
  gboolean canonical;
  const char *text;
  guint64 index;
  gsize length;

  self->in_cell = self->in_inline = self->in_phonetic = self->capture = FALSE;
  while (self->cells->len < self->cell_column)
    xlsx_add_cell (self, &xlsx_empty_cell);

  if (value->len == 0)
    {
      xlsx_add_cell (self, &xlsx_empty_cell);
      return TRUE;
    }

  switch (self->cell_type)
    {
    case XLSX_TYPE_SHARED:
      if (!cg_xlsx_parse_uint (value->str, G_MAXUINT32, &index) ||
          !cg_xlsx_workbook_shared_string (self->book, index, &text, &length))
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                       _("The workbook is damaged: a cell on row %u of sheet “%s” refers to a "
                         "shared text that does not exist. Open the file in Excel or "
                         "LibreOffice and save it again."),
                       (guint) self->pending_row, self->book->sheet_name);
          return FALSE;
        }
      else
        {
          CgCell cell = { CG_CELL_TEXT, text, length, 0 };

          if (cell.length == 0)
            cell = xlsx_empty_cell;
          xlsx_add_cell (self, &cell);
        }
      return TRUE;

    case XLSX_TYPE_INLINE:
    case XLSX_TYPE_STRING:
      length = cg_xlsx_unescape (value->str, value->len);
      if (length == 0)
        xlsx_add_cell (self, &xlsx_empty_cell);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, length, 0);
      return TRUE;

    case XLSX_TYPE_BOOL:
      if (strcmp (value->str, "1") == 0 || strcmp (value->str, "true") == 0)
        xlsx_add_cell_copy (self, CG_CELL_BOOL, "TRUE", 4, 1);
      else if (strcmp (value->str, "0") == 0 || strcmp (value->str, "false") == 0)
        xlsx_add_cell_copy (self, CG_CELL_BOOL, "FALSE", 5, 0);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_ISO_DATE:
      if (cg_sheet_serial_from_text (value->str, &number))
        xlsx_add_cell_copy (self, CG_CELL_DATE, value->str, value->len, number);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_ERROR:
      xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_NUMBER:
    default:
      break;
    }

  if (!xlsx_parse_number (value->str, value->len, &number, &canonical))
    {
      /* Not a number after all: show what is there rather than lose it. */
      xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;
    }
  kind = cg_xlsx_workbook_style_kind (self->book, self->cell_style);
  if (kind != CG_XLSX_KIND_NUMBER)
    {
      double serial = self->book->date1904 ? number + XLSX_1904_OFFSET : number;

      if (cg_sheet_serial_to_text (serial, kind != CG_XLSX_KIND_DATE, buf))
        {
          xlsx_add_cell_copy (self, CG_CELL_DATE, buf, strlen (buf), serial);
          return TRUE;
        }
    }
  if (canonical)
    xlsx_add_cell_copy (self, CG_CELL_NUMBER, value->str, value->len, number);
  else
    {
      length = cg_sheet_format_number (number, buf);
      xlsx_add_cell_copy (self, CG_CELL_NUMBER, buf, length, number);
    }
  return TRUE;
}

static gboolean
xlsx_row_start (CgReaderXlsx  *self,
                GError       **error)
{
  CgXlsxPart *part = self->sheet;
  guint64 row = self->pending_row + 1;

  CgXlsxAttr attr = { 0 };

  while (cg_xlsx_part_next_attribute (part, &attr))
    if (!attr.prefixed && strcmp (attr.name, "r") == 0 &&
        (!cg_xlsx_parse_uint (attr.value, XLSX_MAX_ROW, &row) || row == 0))
      {
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                     _("The workbook is damaged: a row of sheet “%s” has the number “%s”. "
                       "Open the file in Excel or LibreOffice and save it again."),
                     self->book->sheet_name, attr.value);
        xmlTextReaderMoveToElement (part->xml);
        return FALSE;
      }
  self->pending_row = row;
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->text_starts, 0);
  g_string_truncate (self->row_text, 0);
  return TRUE;
}

/* Hands out the row if it has any non-empty cell. */
static gboolean
xlsx_row_end (CgReaderXlsx  *self,
              const CgCell **cells,
              guint         *n_cells)
{
  CgCell *data = (CgCell *) self->cells->data;
  guint n = self->cells->len;

  while (n > 0 && data[n - 1].type == CG_CELL_EMPTY)
    n--;
  if (n == 0)
    return FALSE;
  /* row_text may have moved while it grew: point into it only now. */
  for (guint i = 0; i < n; i++)
    {
      gsize start = g_array_index (self->text_starts, gsize, i);

      if (start != XLSX_NO_OFFSET)
        data[i].text = self->row_text->str + start;
    }
  *cells = data;
  *n_cells = n;
  self->row_number = self->pending_row;
  self->any_row = TRUE;
  return TRUE;
}

static gboolean
xlsx_finish (CgReaderXlsx  *self,
             GError       **error)
{
  if (!self->any_row)
    {
      /* Said once; later calls just report the end. */
      self->any_row = TRUE;
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY,
                   _("The sheet “%s” is empty. Choose the sheet that holds the call log."),
                   self->book->sheet_name);
    }
  return FALSE;
}

static gboolean
xlsx_next (CgReader      *reader,
           const CgCell **cells,
           guint         *n_cells,
           GError       **error)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;
  CgXlsxPart *part = self->sheet;
  int type;

  if (self->peeked_cells > 0)
    {
      *cells = (const CgCell *) self->cells->data;
      *n_cells = self->peeked_cells;
      self->peeked_cells = 0;
      return TRUE;
    }
  if (self->done)
    return xlsx_finish (self, error);

  while ((type = cg_xlsx_part_next (part, error)) > 0)
    {
      const char *name;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          name = cg_xlsx_part_node_name (part);
          if (strcmp (name, "c") == 0)
            {
              gboolean empty = cg_xlsx_part_is_empty (part);

              if (!xlsx_cell_start (self, error) || (empty && !xlsx_cell_end (self, error)))
                goto failed;
            }
          else if (strcmp (name, "v") == 0)
            self->capture = self->in_cell && !cg_xlsx_part_is_empty (part);
          else if (strcmp (name, "t") == 0)
            self->capture = self->in_inline && !self->in_phonetic && !cg_xlsx_part_is_empty (part);
          else if (strcmp (name, "row") == 0)
            {
              gboolean empty = cg_xlsx_part_is_empty (part);

              if (!xlsx_row_start (self, error))
                goto failed;
              if (empty && xlsx_row_end (self, cells, n_cells))
                return TRUE;
            }
          else if (strcmp (name, "is") == 0)
            self->in_inline = self->in_cell && !cg_xlsx_part_is_empty (part);
          else if (strcmp (name, "rPh") == 0)
            self->in_phonetic = !cg_xlsx_part_is_empty (part);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          name = cg_xlsx_part_node_name (part);
          if (strcmp (name, "c") == 0)
            {
              if (!xlsx_cell_end (self, error))
                goto failed;
            }
          else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
            self->capture = FALSE;
          else if (strcmp (name, "row") == 0)
            {
              if (xlsx_row_end (self, cells, n_cells))
                return TRUE;
            }
          else if (strcmp (name, "is") == 0)
            self->in_inline = FALSE;
          else if (strcmp (name, "rPh") == 0)
            self->in_phonetic = FALSE;
          else if (strcmp (name, "sheetData") == 0)
            {
              self->done = TRUE;
              return xlsx_finish (self, error);
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (self->capture && !cg_xlsx_part_append_text (part, self->value, 0, error))
            goto failed;
          break;

        default:
          break;
        }
    }
  if (type == 0)
    {
      self->done = TRUE;
      return xlsx_finish (self, error);
    }

failed:
  self->done = TRUE;
  self->any_row = TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* The CgReader vtable, and opening                                      */

static guint64
xlsx_row_number (CgReader *reader)
{
  return ((CgReaderXlsx *) reader)->row_number;
}

static double
xlsx_progress (CgReader *reader)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;

  if (self->done || self->sheet->size == 0)
    return 1.0;
  return MIN (1.0, (double) self->sheet->consumed / (double) self->sheet->size);
}

static const char *
xlsx_encoding (CgReader *reader)
{
  return "UTF-8";
}

static const char *
xlsx_sheet_name (CgReader *reader)
{
  return ((CgReaderXlsx *) reader)->book->sheet_name;
}

static void
xlsx_free (CgReader *reader)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;

  /* The sheet reads from the workbook's zip: free it first. */
  g_clear_pointer (&self->sheet, cg_xlsx_part_free);
  g_clear_pointer (&self->book, cg_xlsx_workbook_free);
  g_array_unref (self->cells);
  g_array_unref (self->text_starts);
  g_string_free (self->row_text, TRUE);
  g_string_free (self->value, TRUE);
  g_free (self);
}

static const CgReaderVTable xlsx_vtable = {
  .next = xlsx_next,
  .row_number = xlsx_row_number,
  .progress = xlsx_progress,
  .encoding = xlsx_encoding,
  .sheet_name = xlsx_sheet_name,
  .delimiter = NULL,
  .free = xlsx_free,
};

/* Reads the sheet up to its <sheetData>, so that a damaged or unsafe sheet
 * fails at open rather than on the first row. */
static gboolean
xlsx_open_sheet (CgReaderXlsx  *self,
                 const char    *part_name,
                 GError       **error)
{
  int type;

  self->sheet = cg_xlsx_part_open (self->book->zip, part_name, error);
  if (self->sheet == NULL)
    return FALSE;
  while ((type = cg_xlsx_part_next (self->sheet, error)) > 0)
    if (type == XML_READER_TYPE_ELEMENT &&
        strcmp (cg_xlsx_part_node_name (self->sheet), "sheetData") == 0)
      {
        self->done = cg_xlsx_part_is_empty (self->sheet);
        return TRUE;
      }
  self->done = TRUE;
  return type == 0;
}

CgReader *
cg_reader_xlsx_open (const char             *path,
                     const CgReaderOptions  *options,
                     GError                **error)
{
  static gsize xml_initialised = 0;
  g_autoptr(CgReader) reader = NULL;
  CgReaderXlsx *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* libxml2 wants its first initialisation done once, before any thread
   * parses; imports run in worker threads. */
  if (g_once_init_enter (&xml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialised, 1);
    }

  self = g_new0 (CgReaderXlsx, 1);
  self->parent.vtable = &xlsx_vtable;
  self->parent.format = CG_FILE_FORMAT_XLSX;
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (CgCell), 32);
  self->text_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  self->row_text = g_string_sized_new (1024);
  self->value = g_string_sized_new (256);
  reader = (CgReader *) self;

  self->book = cg_xlsx_workbook_open (path, options ? options->sheet : NULL, error);
  if (self->book == NULL)
    return NULL;
  if (!xlsx_open_sheet (self, self->book->sheet_part, error))
    return NULL;

  /* As the CSV reader does, find the first row now: an empty sheet is
   * best reported while the user is still choosing the file and sheet. */
  {
    const CgCell *cells;

    if (!xlsx_next (reader, &cells, &self->peeked_cells, error))
      return NULL;
  }
  return g_steal_pointer (&reader);
}
