/* cg-xlsx-splice.c — rows put into worksheets of a finished workbook
 * (cg-xlsx-splice.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <zip.h>
#include <zlib.h>

#include "cg-xlsx-part.h"
#include "cg-xlsx-splice.h"

/* One raw sheet's part as the zip entry libzip copies without touching:
 * the compressed start of libxlsxwriter's XML, the rows, its compressed
 * end. */
typedef struct {
  GBytes        *head;
  GFile         *rows;
  GBytes        *tail;
  guint64        size;
  guint64        comp_size;
  guint32        crc;
  GInputStream  *input;
  int            phase;   /* 0 head, 1 rows, 2 tail, 3 done */
  gsize          offset;
  zip_error_t    error;
} SpliceSource;

static void
splice_source_free (SpliceSource *src)
{
  g_bytes_unref (src->head);
  g_bytes_unref (src->tail);
  g_clear_object (&src->rows);
  g_clear_object (&src->input);
  zip_error_fini (&src->error);
  g_free (src);
}

static gsize
read_bytes (GBytes *bytes,
            gsize  *offset,
            guchar *out,
            gsize   len)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  gsize n = MIN (len, size - *offset);

  memcpy (out, data + *offset, n);
  *offset += n;
  return n;
}

static zip_int64_t
splice_read (SpliceSource *src,
             guchar       *out,
             gsize         len)
{
  gsize done = 0;

  while (done < len && src->phase < 3)
    {
      gssize n;

      if (src->phase == 1)
        {
          n = g_input_stream_read (src->input, out + done, len - done, NULL, NULL);
          if (n < 0)
            {
              zip_error_set (&src->error, ZIP_ER_READ, 0);
              return -1;
            }
        }
      else
        n = (gssize) read_bytes (src->phase == 0 ? src->head : src->tail, &src->offset, out + done, len - done);
      if (n == 0)
        {
          src->phase++;
          src->offset = 0;
        }
      done += (gsize) n;
    }
  return (zip_int64_t) done;
}

static zip_int64_t
splice_callback (void             *userdata,
                 void             *data,
                 zip_uint64_t      len,
                 zip_source_cmd_t  cmd)
{
  SpliceSource *src = userdata;

  switch (cmd)
    {
    case ZIP_SOURCE_OPEN:
      g_clear_object (&src->input);
      src->input = G_INPUT_STREAM (g_file_read (src->rows, NULL, NULL));
      if (src->input == NULL)
        {
          zip_error_set (&src->error, ZIP_ER_OPEN, 0);
          return -1;
        }
      src->phase = 0;
      src->offset = 0;
      return 0;
    case ZIP_SOURCE_READ:
      return splice_read (src, data, MIN (len, G_MAXSSIZE));
    case ZIP_SOURCE_CLOSE:
      g_clear_object (&src->input);
      return 0;
    case ZIP_SOURCE_STAT:
      {
        zip_stat_t *st = data;

        zip_stat_init (st);
        /* Already deflated: libzip copies the data as it is. */
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                    ZIP_STAT_ENCRYPTION_METHOD;
        st->size = src->size;
        st->comp_size = src->comp_size;
        st->comp_method = ZIP_CM_DEFLATE;
        st->encryption_method = ZIP_EM_NONE;
        st->crc = src->crc;
        return sizeof *st;
      }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data (&src->error, data, len);
    case ZIP_SOURCE_FREE:
      splice_source_free (src);
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap (ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                             ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set (&src->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
    }
}

/* @text deflated on its own, ending in a sync flush or, when @last, the
 * final block. */
static GBytes *
deflate_text (const char *text,
              gsize       n,
              gboolean    last)
{
  z_stream z = { 0 };
  uLong bound;
  guchar *out;
  gsize len;

  deflateInit2 (&z, 1, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  bound = deflateBound (&z, n) + 16;
  out = g_malloc (bound);
  z.next_in = (Bytef *) text;
  z.avail_in = (uInt) n;
  z.next_out = out;
  z.avail_out = (uInt) bound;
  deflate (&z, last ? Z_FINISH : Z_SYNC_FLUSH);
  len = bound - z.avail_out;
  deflateEnd (&z);
  return g_bytes_new_take (out, len);
}

static gboolean
read_entry (zip_t       *zip,
            zip_uint64_t index,
            GString     *xml)
{
  zip_stat_t st;
  zip_file_t *file;
  zip_int64_t n;

  if (zip_stat_index (zip, index, 0, &st) != 0 || (file = zip_fopen_index (zip, index, 0)) == NULL)
    return FALSE;
  g_string_set_size (xml, st.size);
  n = zip_fread (file, xml->str, st.size);
  zip_fclose (file);
  return n == (zip_int64_t) st.size;
}

/* `A1:O1` becomes `A1:O<last row>` so that readers size the sheet right. */
static void
fix_dimension (GString *xml,
               gint64   last_row)
{
  const char *at = strstr (xml->str, "<dimension ref=\"");
  const char *end = at ? strchr (at + 16, '"') : NULL;
  const char *colon = at ? memchr (at + 16, ':', end - (at + 16)) : NULL;
  gsize from;

  if (colon == NULL)
    return;
  from = colon + 1 - xml->str;
  while (g_ascii_isalpha (xml->str[from]))
    from++;
  g_string_erase (xml, from, end - xml->str - from);
  g_string_insert (xml, from, "");
  {
    g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, last_row);
    g_string_insert (xml, from, digits);
  }
}

static gboolean
splice_sheet (zip_t              *zip,
              const CgXlsxSplice *sheet,
              GError            **error)
{
  g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet->part);
  g_autoptr(GString) xml = g_string_new (NULL);
  zip_int64_t index = zip_name_locate (zip, name, 0);
  const char *end;
  SpliceSource *src;
  zip_source_t *source;
  gsize head;

  if (index < 0 || !read_entry (zip, index, xml) ||
      (fix_dimension (xml, sheet->last_row), end = strstr (xml->str, "</sheetData>")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the workbook: the sheet “%s” is not where it should be."), name);
      return FALSE;
    }
  head = end - xml->str;
  src = g_new0 (SpliceSource, 1);
  zip_error_init (&src->error);
  src->head = deflate_text (xml->str, head, FALSE);
  src->tail = deflate_text (end, xml->len - head, TRUE);
  src->rows = g_object_ref (sheet->rows);
  src->size = head + cg_deflate_pipe_get_size (sheet->pipe) + (xml->len - head);
  src->comp_size = g_bytes_get_size (src->head) + cg_deflate_pipe_get_compressed_size (sheet->pipe) +
                   g_bytes_get_size (src->tail);
  src->crc = crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) xml->str, (uInt) head);
  src->crc = cg_deflate_pipe_append_crc (sheet->pipe, src->crc);
  src->crc = crc32_combine (src->crc, crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) end, (uInt) (xml->len - head)),
                            (z_off_t) (xml->len - head));

  source = zip_source_function (zip, splice_callback, src);
  if (source == NULL)
    {
      splice_source_free (src);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
                   zip_strerror (zip));
      return FALSE;
    }
  if (zip_file_replace (zip, index, source, 0) != 0)
    {
      zip_source_free (source);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
                   zip_strerror (zip));
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_xlsx_splice (const char          *path,
                const CgXlsxSplice  *sheets,
                guint                n_sheets,
                GError             **error)
{
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *zip;

  if (n_sheets == 0)
    return TRUE;
  zip_error_init (&zip_error);
  source = cg_xlsx_path_source (path, &zip_error);
  zip = source != NULL ? zip_open_from_source (source, 0, &zip_error) : NULL;
  if (zip == NULL)
    {
      if (source != NULL)
        zip_source_free (source);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
                   zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return FALSE;
    }
  zip_error_fini (&zip_error);
  for (guint i = 0; i < n_sheets; i++)
    if (!splice_sheet (zip, &sheets[i], error))
      {
        zip_discard (zip);
        return FALSE;
      }
  if (zip_close (zip) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
                   zip_strerror (zip));
      zip_discard (zip);
      return FALSE;
    }
  return TRUE;
}
