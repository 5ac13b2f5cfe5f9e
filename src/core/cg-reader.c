/* cg-reader.c — picks the reader for a file by its content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-reader-private.h"

G_DEFINE_QUARK (cg-reader-error-quark, cg_reader_error)

static const char *const format_names[] = { "auto", "csv", "xlsx", "xls" };

const char *
cg_file_format_to_string (CgFileFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), "auto");
  return format_names[format];
}

gboolean
cg_file_format_from_string (const char   *name,
                            CgFileFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* Names lie (a .xls that is really HTML, a .csv saved as xlsx): look at
 * the first bytes.  Zip → XLSX; OLE compound file → XLS (an encrypted
 * XLSX is an OLE file too; the XLS reader says so); anything else is text. */
static CgFileFormat
sniff_format (const char  *path,
              GError     **error)
{
  static const guchar zip_magic[4] = { 'P', 'K', 3, 4 };
  static const guchar ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  guchar head[8];
  gsize n = 0;

  if (in == NULL)
    return CG_FILE_FORMAT_AUTO;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, error))
    return CG_FILE_FORMAT_AUTO;
  if (n == 0)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("The file is empty."));
      return CG_FILE_FORMAT_AUTO;
    }
  if (n >= 4 && memcmp (head, zip_magic, 4) == 0)
    return CG_FILE_FORMAT_XLSX;
  if (n >= 8 && memcmp (head, ole_magic, 8) == 0)
    return CG_FILE_FORMAT_XLS;
  return CG_FILE_FORMAT_CSV;
}

CgReader *
cg_reader_open (const char             *path,
                const CgReaderOptions  *options,
                GError                **error)
{
  CgReaderOptions defaults = { 0 };
  CgFileFormat format;
  CgReader *reader = NULL;

  if (options == NULL)
    options = &defaults;

  format = options->format;
  if (format == CG_FILE_FORMAT_AUTO)
    {
      format = sniff_format (path, error);
      if (format == CG_FILE_FORMAT_AUTO)
        return NULL;
    }

  switch (format)
    {
    case CG_FILE_FORMAT_CSV:
      reader = cg_reader_csv_open (path, options, error);
      break;
    case CG_FILE_FORMAT_XLSX:
      reader = cg_reader_xlsx_open (path, options, error);
      break;
    case CG_FILE_FORMAT_XLS:
      reader = cg_reader_xls_open (path, options, error);
      break;
    case CG_FILE_FORMAT_AUTO:
    default:
      g_assert_not_reached ();
    }
  if (reader != NULL)
    reader->format = format;
  return reader;
}

gboolean
cg_reader_next (CgReader      *reader,
                const CgCell **cells,
                guint         *n_cells,
                GError       **error)
{
  return reader->vtable->next (reader, cells, n_cells, error);
}

guint64
cg_reader_get_row_number (CgReader *reader)
{
  return reader->vtable->row_number (reader);
}

double
cg_reader_get_progress (CgReader *reader)
{
  return reader->vtable->progress (reader);
}

CgFileFormat
cg_reader_get_format (CgReader *reader)
{
  return reader->format;
}

const char *
cg_reader_get_encoding (CgReader *reader)
{
  return reader->vtable->encoding (reader);
}

const char *
cg_reader_get_sheet_name (CgReader *reader)
{
  return reader->vtable->sheet_name ? reader->vtable->sheet_name (reader) : NULL;
}

char
cg_reader_get_delimiter (CgReader *reader)
{
  return reader->vtable->delimiter ? reader->vtable->delimiter (reader) : 0;
}

void
cg_reader_free (CgReader *reader)
{
  if (reader != NULL)
    reader->vtable->free (reader);
}
