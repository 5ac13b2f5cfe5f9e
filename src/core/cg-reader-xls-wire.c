/* cg-reader-xls-wire.c — the child's side of the .xls reader: runs the
 * FreeXL reader (cg-reader-xls.c) and writes its rows in the wire format
 * of cg-reader-xls-wire.h.  Only callgauge-xls-reader calls this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-limits.h"
#include "cg-reader-xls-wire.h"

static guint64
double_bits (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits;
}

static gboolean
write_u32 (GDataOutputStream  *out,
           guint32             value,
           GError            **error)
{
  return g_data_output_stream_put_uint32 (out, value, NULL, error);
}

static gboolean
write_text (GDataOutputStream  *out,
            const char         *text,
            gsize               length,
            GError            **error)
{
  length = MIN (length, CG_LIMIT_CELL_BYTES);
  return write_u32 (out, length, error) &&
         g_output_stream_write_all (G_OUTPUT_STREAM (out), text, length, NULL, NULL, error);
}

static gboolean
write_error (GDataOutputStream  *out,
             const GError       *failure,
             GError            **error)
{
  gboolean reader = failure->domain == CG_READER_ERROR;

  return g_data_output_stream_put_byte (out, 'E', NULL, error) &&
         write_u32 (out, reader ? CG_XLS_WIRE_DOMAIN_READER : CG_XLS_WIRE_DOMAIN_IO, error) &&
         write_u32 (out, reader ? (guint32) failure->code : 0, error) &&
         write_text (out, failure->message, strlen (failure->message), error);
}

static gboolean
write_row (GDataOutputStream  *out,
           CgReader           *reader,
           const CgCell       *cells,
           guint               n_cells,
           GError            **error)
{
  if (!g_data_output_stream_put_byte (out, 'R', NULL, error) ||
      !g_data_output_stream_put_uint64 (out, cg_reader_get_row_number (reader), NULL, error) ||
      !g_data_output_stream_put_uint64 (out, double_bits (cg_reader_get_progress (reader)), NULL,
                                        error) ||
      !write_u32 (out, n_cells, error))
    return FALSE;
  for (guint i = 0; i < n_cells; i++)
    if (!g_data_output_stream_put_byte (out, cells[i].type, NULL, error) ||
        !g_data_output_stream_put_uint64 (out, double_bits (cells[i].number), NULL, error) ||
        !write_text (out, cells[i].text, cells[i].length, error))
      return FALSE;
  return TRUE;
}

gboolean
cg_reader_xls_write_wire (const char     *path,
                          const char     *sheet,
                          GOutputStream  *stream,
                          GError        **error)
{
  CgReaderOptions options = { .format = CG_FILE_FORMAT_XLS, .sheet = sheet };
  g_autoptr(GDataOutputStream) out = g_data_output_stream_new (stream);
  g_autoptr(GError) failure = NULL;
  g_autoptr(CgReader) reader = NULL;
  const CgCell *cells;
  guint n_cells;

  g_data_output_stream_set_byte_order (out, G_DATA_STREAM_BYTE_ORDER_LITTLE_ENDIAN);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), CG_XLS_WIRE_MAGIC,
                                  CG_XLS_WIRE_MAGIC_LEN, NULL, NULL, error))
    return FALSE;

  reader = cg_reader_xls_open_direct (path, &options, &failure);
  if (reader == NULL)
    return write_error (out, failure, error) && g_output_stream_flush (stream, NULL, error);
  {
    const char *name = cg_reader_get_sheet_name (reader);

    if (!g_data_output_stream_put_byte (out, 'S', NULL, error) ||
        !write_text (out, name, strlen (name), error))
      return FALSE;
  }
  while (cg_reader_next (reader, &cells, &n_cells, &failure))
    if (!write_row (out, reader, cells, n_cells, error))
      return FALSE;
  if (failure != NULL)
    return write_error (out, failure, error) && g_output_stream_flush (stream, NULL, error);
  return g_data_output_stream_put_byte (out, 'Z', NULL, error) &&
         g_output_stream_flush (stream, NULL, error);
}
