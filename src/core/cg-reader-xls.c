/* cg-reader-xls.c — reader for legacy Excel 97–2003 workbooks (.xls, BIFF8).
 *
 * This is the child's side: FreeXL runs only in callgauge-xls-reader
 * (cg-reader-xls-main.c), and the parent reads the rows it streams back
 * (cg-reader-xls-child.c).
 *
 * FreeXL parses the whole workbook at open and keeps the cells in memory;
 * an .xls holds at most 65,536 rows, so that is bounded.  We walk the
 * chosen sheet row by row and hand out FreeXL's own strings where we can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <freexl.h>

#include "cg-reader-private.h"
#include "cg-reader-sheet.h"
#include "cg-reader-xls-wire.h"

#define XLS_NO_OFFSET G_MAXSIZE

typedef struct
{
  CgReader     parent;

  const void  *handle;
  char        *sheet_name;
  guint        n_rows;
  guint        n_columns;
  guint        next_row;          /* 0-based */
  guint64      row_number;        /* 1-based, of the row last returned */
  gboolean     any_row;
  gboolean     failed;
  guint        peeked_cells;      /* the first row, read at open: its length, or 0 */

  /* The row being handed out; reused from row to row. */
  GArray      *cells;             /* CgCell */
  GArray      *text_starts;       /* gsize into row_text, XLS_NO_OFFSET if text is set */
  GString     *row_text;
} CgReaderXls;

static void
xls_add_cell (CgReaderXls *self,
              CgCellType   type,
              const char  *text,
              double       number)
{
  CgCell cell = { type, text, strlen (text), number };
  gsize start = XLS_NO_OFFSET;

  g_array_append_val (self->cells, cell);
  g_array_append_val (self->text_starts, start);
}

static void
xls_add_number (CgReaderXls *self,
                double       number)
{
  char buf[CG_SHEET_NUMBER_BUF_SIZE];
  gsize length = cg_sheet_format_number (number, buf);
  CgCell cell = { CG_CELL_NUMBER, NULL, length, number };
  gsize start = self->row_text->len;

  g_string_append_len (self->row_text, buf, length + 1);
  g_array_append_val (self->cells, cell);
  g_array_append_val (self->text_starts, start);
}

static gboolean
xls_read_row (CgReaderXls  *self,
              guint         row,
              GError      **error)
{
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->text_starts, 0);
  g_string_truncate (self->row_text, 0);

  for (guint column = 0; column < self->n_columns; column++)
    {
      FreeXL_CellValue value;
      double serial;
      int ret;

      ret = freexl_get_cell_value (self->handle, row, column, &value);
      if (ret != FREEXL_OK)
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                       _("The workbook is damaged: row %u of sheet “%s” cannot be read "
                         "(FreeXL error %d). Open the file in Excel or LibreOffice and save it "
                         "again, preferably as .xlsx."),
                       row + 1, self->sheet_name, ret);
          return FALSE;
        }

      switch (value.type)
        {
        case FREEXL_CELL_INT:
          xls_add_number (self, value.value.int_value);
          break;
        case FREEXL_CELL_DOUBLE:
          if (isfinite (value.value.double_value))
            xls_add_number (self, value.value.double_value);
          else
            xls_add_cell (self, CG_CELL_EMPTY, "", 0);
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          if (value.value.text_value == NULL || value.value.text_value[0] == '\0')
            xls_add_cell (self, CG_CELL_EMPTY, "", 0);
          else
            xls_add_cell (self, CG_CELL_TEXT, value.value.text_value, 0);
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          /* FreeXL turned the serial into text in the workbook's own date
           * system; going back from the text gives the 1900-system serial
           * even for 1904-system workbooks. */
          if (value.value.text_value == NULL)
            xls_add_cell (self, CG_CELL_EMPTY, "", 0);
          else if (cg_sheet_serial_from_text (value.value.text_value, &serial))
            xls_add_cell (self, CG_CELL_DATE, value.value.text_value, serial);
          else
            xls_add_cell (self, CG_CELL_TEXT, value.value.text_value, 0);
          break;
        case FREEXL_CELL_NULL:
        default:
          xls_add_cell (self, CG_CELL_EMPTY, "", 0);
          break;
        }
    }
  return TRUE;
}

static gboolean
xls_next (CgReader      *reader,
          const CgCell **cells,
          guint         *n_cells,
          GError       **error)
{
  CgReaderXls *self = (CgReaderXls *) reader;

  if (self->peeked_cells > 0)
    {
      *cells = (const CgCell *) self->cells->data;
      *n_cells = self->peeked_cells;
      self->peeked_cells = 0;
      return TRUE;
    }
  if (self->failed)
    return FALSE;
  while (self->next_row < self->n_rows)
    {
      guint row = self->next_row++;
      CgCell *data;
      guint n;

      if (!xls_read_row (self, row, error))
        {
          self->failed = TRUE;
          return FALSE;
        }
      data = (CgCell *) self->cells->data;
      n = self->cells->len;
      while (n > 0 && data[n - 1].type == CG_CELL_EMPTY)
        n--;
      if (n == 0)
        continue;

      /* row_text may have moved while it grew: point into it only now. */
      for (guint i = 0; i < n; i++)
        {
          gsize start = g_array_index (self->text_starts, gsize, i);

          if (start != XLS_NO_OFFSET)
            data[i].text = self->row_text->str + start;
        }
      *cells = data;
      *n_cells = n;
      self->row_number = row + 1;
      self->any_row = TRUE;
      return TRUE;
    }

  if (!self->any_row)
    {
      /* Said once; later calls just report the end. */
      self->any_row = TRUE;
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY,
                   _("The sheet “%s” is empty. Choose the sheet that holds the call log."),
                   self->sheet_name);
    }
  return FALSE;
}

static guint64
xls_row_number (CgReader *reader)
{
  return ((CgReaderXls *) reader)->row_number;
}

static double
xls_progress (CgReader *reader)
{
  CgReaderXls *self = (CgReaderXls *) reader;

  return self->n_rows == 0 ? 1.0 : (double) self->next_row / self->n_rows;
}

static const char *
xls_encoding (CgReader *reader)
{
  return "UTF-8";
}

static const char *
xls_sheet_name (CgReader *reader)
{
  return ((CgReaderXls *) reader)->sheet_name;
}

static void
xls_free (CgReader *reader)
{
  CgReaderXls *self = (CgReaderXls *) reader;

  if (self->handle != NULL)
    freexl_close (self->handle);
  g_free (self->sheet_name);
  g_array_unref (self->cells);
  g_array_unref (self->text_starts);
  g_string_free (self->row_text, TRUE);
  g_free (self);
}

static const CgReaderVTable xls_vtable = {
  .next = xls_next,
  .row_number = xls_row_number,
  .progress = xls_progress,
  .encoding = xls_encoding,
  .sheet_name = xls_sheet_name,
  .delimiter = NULL,
  .free = xls_free,
};

/* An encrypted .xlsx (and .docx …) is an OLE file too, holding the streams
 * "EncryptionInfo" and "EncryptedPackage" instead of a "Workbook".  Their
 * names sit in the OLE directory in UTF-16LE; looking for them is enough to
 * word the error well, and only runs once the file has failed to open. */
static gboolean
xls_has_encrypted_package (const char *path)
{
  static const char name[] = "EncryptedPackage";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  guchar needle[2 * (sizeof name - 1)];
  g_autofree guchar *buffer = NULL;
  const gsize chunk = 64 * 1024;
  gsize kept = 0;

  if (in == NULL)
    return FALSE;
  for (gsize i = 0; i < sizeof name - 1; i++)
    {
      needle[2 * i] = name[i];
      needle[2 * i + 1] = 0;
    }
  buffer = g_malloc (chunk + sizeof needle);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer + kept, chunk, NULL, NULL);
      gsize total;

      if (n <= 0)
        return FALSE;
      total = kept + n;
      for (gsize i = 0; i + sizeof needle <= total; i++)
        if (buffer[i] == needle[0] && memcmp (buffer + i, needle, sizeof needle) == 0)
          return TRUE;
      /* Keep a tail in case the name straddles two chunks. */
      kept = MIN (total, sizeof needle - 1);
      memmove (buffer, buffer + total - kept, kept);
    }
}

static void
xls_set_encrypted_error (const char  *path,
                         GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_ENCRYPTED,
               _("The workbook “%s” is protected with a password. Open it in Excel, remove "
                 "the password, save it and import it again."),
               display);
}

static void
xls_set_open_error (const char  *path,
                    int          code,
                    GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  switch (code)
    {
    case FREEXL_FILE_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open “%s”. Check that the file exists and that you may read "
                     "it."),
                   display);
      break;
    case FREEXL_INSUFFICIENT_MEMORY:
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("There is not enough memory to open the workbook “%s”. Close other "
                     "programs, or save the sheet as CSV and import that."),
                   display);
      break;
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      if (xls_has_encrypted_package (path))
        xls_set_encrypted_error (path, error);
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                     _("“%s” is an Office document but not an Excel workbook. Open it in "
                       "the program that made it and save the table as .xlsx or CSV."),
                     display);
      break;
    default:
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("“%s” is not a workbook this program can read, or it is damaged (FreeXL "
                     "error %d). Open it in Excel or LibreOffice and save it as .xlsx."),
                   display, code);
      break;
    }
}

/* FreeXL reads the records of a password-protected workbook without
 * decrypting them; it may fail on the garbage or succeed with it. */
static gboolean
xls_is_obfuscated (const void *handle)
{
  unsigned int info = FREEXL_UNKNOWN;

  return freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
         info == FREEXL_BIFF_OBFUSCATED;
}

/* Picks the sheet by name (case-insensitively, as Excel does), or the
 * first one: FreeXL does not tell hidden sheets. */
static gboolean
xls_choose_sheet (CgReaderXls  *self,
                  const char   *wanted,
                  GError      **error)
{
  g_autofree char *wanted_folded = wanted ? g_utf8_casefold (wanted, -1) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  unsigned int count = 0;

  if (freexl_get_info (self->handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook has no worksheet to import. Open it in Excel and check that "
                     "it holds a sheet with the call log."));
      return FALSE;
    }

  for (unsigned int i = 0; i < count && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;
      g_autofree char *folded = NULL;

      if (freexl_get_worksheet_name (self->handle, i, &name) != FREEXL_OK || name == NULL)
        continue;
      folded = g_utf8_casefold (name, -1);
      if (wanted == NULL || strcmp (name, wanted) == 0 || strcmp (folded, wanted_folded) == 0)
        {
          if (freexl_select_active_worksheet (self->handle, i) != FREEXL_OK)
            break;
          self->sheet_name = g_strdup (name);
          return TRUE;
        }
      /* TRANSLATORS: a sheet name in a list of sheets */
      g_string_append_printf (list, list->len == 0 ? _("“%s”") : _(", “%s”"), name);
    }

  if (wanted != NULL)
    g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET,
                 _("The workbook has no sheet named “%s”. Its sheets are %s: choose one of "
                   "these."),
                 wanted, list->str);
  else
    g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                 _("The workbook’s sheets cannot be read. Open it in Excel or LibreOffice and "
                   "save it as .xlsx."));
  return FALSE;
}

/* Runs FreeXL in this process: only callgauge-xls-reader calls this (see
 * cg-reader-xls-wire.h for why). */
CgReader *
cg_reader_xls_open_direct (const char             *path,
                    const CgReaderOptions  *options,
                    GError                **error)
{
  g_autoptr(CgReader) reader = NULL;
  CgReaderXls *self;
  const void *handle = NULL;
  unsigned short n_columns = 0;
  unsigned int n_rows = 0;
  int ret;

  g_return_val_if_fail (path != NULL, NULL);

#ifdef G_OS_WIN32
  /* FreeXL opens with fopen(), which takes the ANSI code page on Windows;
   * this gives a name it can take (the short 8.3 name if need be). */
  g_autofree char *native_path = g_win32_locale_filename_from_utf8 (path);
#else
  const char *native_path = path;
#endif

  ret = freexl_open (native_path, &handle);
  if (ret != FREEXL_OK)
    {
      gboolean encrypted = FALSE;

      /* freexl_open() frees the handle on most failures, not all. */
      if (handle != NULL)
        freexl_close (handle);
      handle = NULL;
      /* The undecrypted records of a password-protected workbook often trip
       * FreeXL up; its quicker metadata pass may still see the password. */
      if (ret != FREEXL_FILE_NOT_FOUND && ret != FREEXL_BIFF_WORKBOOK_NOT_FOUND &&
          freexl_open_info (native_path, &handle) == FREEXL_OK)
        encrypted = xls_is_obfuscated (handle);
      if (handle != NULL)
        freexl_close (handle);
      if (encrypted)
        xls_set_encrypted_error (path, error);
      else
        xls_set_open_error (path, ret, error);
      return NULL;
    }

  self = g_new0 (CgReaderXls, 1);
  self->parent.vtable = &xls_vtable;
  self->parent.format = CG_FILE_FORMAT_XLS;
  self->handle = handle;
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (CgCell), 32);
  self->text_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  self->row_text = g_string_sized_new (256);
  reader = (CgReader *) self;

  if (xls_is_obfuscated (handle))
    {
      xls_set_encrypted_error (path, error);
      return NULL;
    }

  if (!xls_choose_sheet (self, options ? options->sheet : NULL, error))
    return NULL;
  ret = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  if (ret != FREEXL_OK)
    {
      xls_set_open_error (path, ret, error);
      return NULL;
    }
  /* Despite FreeXL's documentation these are counts, not last indexes.
   * BIFF8 has at most 256 columns, far under CG_READER_MAX_COLUMNS. */
  self->n_rows = n_rows;
  self->n_columns = n_columns;

  /* As the CSV reader does, find the first row now: an empty sheet is
   * best reported while the user is still choosing the file and sheet. */
  {
    const CgCell *cells;

    if (!xls_next (reader, &cells, &self->peeked_cells, error))
      return NULL;
  }
  return g_steal_pointer (&reader);
}
