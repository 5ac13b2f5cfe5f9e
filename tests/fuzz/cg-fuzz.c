/* cg-fuzz.c — shared bodies of the fuzz harnesses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cg-fuzz.h"
#include "cg-parse.h"
#include "cg-phone.h"
#include "cg-reader-xls-wire.h"

static gboolean direct_xls;

void
cg_fuzz_read_path (const char   *path,
                   CgFileFormat  format)
{
  CgReaderOptions options = { .format = format };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = NULL;
  const CgCell *cells;
  guint n_cells;

  if (direct_xls)
    reader = cg_reader_xls_open_direct (path, &options, &error);
  else
    reader = cg_reader_open (path, &options, &error);
  if (reader == NULL)
    return;

  while (cg_reader_next (reader, &cells, &n_cells, &error))
    {
      /* Touch every cell so a bad pointer or length shows up under ASan. */
      for (guint i = 0; i < n_cells; i++)
        g_assert (strlen (cells[i].text) == cells[i].length);
    }
  cg_reader_get_row_number (reader);
  cg_reader_get_progress (reader);
}

/* The readers open paths, so the input goes through one temporary file per
 * process, truncated and rewritten for every run; it is left behind on exit
 * (libFuzzer has no teardown hook), in $TMPDIR. */
const char *
cg_fuzz_write_bytes (const guint8 *data,
                     gsize         size)
{
  static char *path;
  static int fd = -1;
  gsize done = 0;

  if (fd < 0)
    {
      g_autoptr(GError) error = NULL;

      fd = g_file_open_tmp ("cg-fuzz-XXXXXX", &path, &error);
      g_assert_no_error (error);
    }

  g_assert (ftruncate (fd, 0) == 0);
  while (done < size)
    {
      ssize_t n = pwrite (fd, data + done, size - done, done);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert (n > 0);
      done += n;
    }
  return path;
}

void
cg_fuzz_read_bytes (const guint8 *data,
                    gsize         size,
                    CgFileFormat  format)
{
  cg_fuzz_read_path (cg_fuzz_write_bytes (data, size), format);
}

void
cg_fuzz_read_bytes_xls_direct (const guint8 *data,
                               gsize         size)
{
  direct_xls = TRUE;
  cg_fuzz_read_bytes (data, size, CG_FILE_FORMAT_XLS);
}

static void
parse_piece (const char *piece,
             gsize       length)
{
  static GTimeZone *tz;
  g_autofree char *text = g_utf8_make_valid (piece, length);
  char digits[CG_PHONE_MAX_DIGITS + 1];
  char masked[CG_PHONE_MAX_DIGITS + 1];
  gint64 unix_seconds;
  int seconds;
  CgOutcome outcome;
  CgDisposition disposition;
  double amount;

  /* Call logs mostly come from China; a zone with history exercises more
   * of the local-time code than UTC. */
  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Asia/Shanghai");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  cg_parse_datetime (text, tz, &unix_seconds);
  cg_parse_duration (text, &seconds);
  cg_parse_outcome (text, &outcome);
  cg_parse_disposition (text, &disposition);
  cg_parse_amount (text, &amount);

  cg_phone_normalize (text, digits);
  cg_phone_mask (digits, masked);
  cg_phone_mask (text, masked);
}

void
cg_fuzz_parse (const guint8 *data,
               gsize         size)
{
  const char *start = (const char *) data;
  const char *end = start + size;

  /* Readers hand parsers NUL-terminated UTF-8 cells: one piece per cell. */
  while (start <= end)
    {
      const char *nul = memchr (start, '\0', end - start);
      const char *stop = nul != NULL ? nul : end;

      parse_piece (start, stop - start);
      start = stop + 1;
    }
}

void
cg_fuzz_xls_stream (const guint8 *data,
                    gsize         size)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = NULL;
  const CgCell *cells;
  guint n_cells;

  reader = cg_reader_xls_open_stream (in, NULL, 0, "fuzz.xls", &error);
  if (reader == NULL)
    return;
  while (cg_reader_next (reader, &cells, &n_cells, &error))
    for (guint i = 0; i < n_cells; i++)
      g_assert (strlen (cells[i].text) == cells[i].length);
  cg_reader_get_sheet_name (reader);
  cg_reader_get_progress (reader);
}
