/* test-deflate-pipe.c — the parallel deflate stream, inflated by zlib as
 * one stream and checked byte for byte, and its CRC against zlib's crc32()
 * of the whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <zlib.h>

#include "cg-deflate-pipe.h"

/* Sheet-like text with long repeats (the window matters), and random
 * bytes (deflate stores them), so both block kinds cross chunk ends. */
static GByteArray *
make_data (gsize n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GByteArray *data = g_byte_array_sized_new (n);

  while (data->len < n)
    {
      char row[160];
      int len;

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          len = g_rand_int_range (rand, 1, sizeof row);
          for (int i = 0; i < len; i++)
            row[i] = (char) g_rand_int_range (rand, 0, 256);
        }
      else
        len = g_snprintf (row, sizeof row, "<row r=\"%u\"><c r=\"A%u\"><v>%d</v></c></row>",
                          data->len, data->len, g_rand_int_range (rand, 0, 500));
      g_byte_array_append (data, (const guint8 *) row, MIN ((gsize) len, n - data->len));
    }
  return data;
}

/* Inflates @z, which must end with a final block, as one raw stream. */
static GByteArray *
inflate_all (const guint8 *z,
             gsize         len)
{
  GByteArray *out = g_byte_array_new ();
  z_stream s = { 0 };
  guint8 buf[65536];
  int rc;

  g_assert_cmpint (inflateInit2 (&s, -MAX_WBITS), ==, Z_OK);
  s.next_in = (Bytef *) z;
  s.avail_in = (uInt) len;
  do
    {
      s.next_out = buf;
      s.avail_out = sizeof buf;
      rc = inflate (&s, Z_NO_FLUSH);
      g_assert_true (rc == Z_OK || rc == Z_STREAM_END);
      g_byte_array_append (out, buf, sizeof buf - s.avail_out);
    }
  while (rc != Z_STREAM_END);
  g_assert_cmpuint (s.avail_in, ==, 0);
  inflateEnd (&s);
  return out;
}

static void
check_round_trip (const gsize *sizes,
                  guint        n_sizes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CgDeflatePipe) pipe = cg_deflate_pipe_new (out, 1, NULL, &error);
  gsize total = 0, offset = 0;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GByteArray) stream = g_byte_array_new ();
  g_autoptr(GByteArray) back = NULL;
  /* An empty final block: what the splice puts after the rows. */
  static const guint8 final_block[] = { 0x03, 0x00 };

  g_assert_no_error (error);
  for (guint i = 0; i < n_sizes; i++)
    total += sizes[i];
  data = make_data (total);
  for (guint i = 0; i < n_sizes; i++)
    {
      g_assert_true (cg_deflate_pipe_write (pipe, g_memdup2 (data->data + offset, sizes[i]), sizes[i], &error));
      g_assert_no_error (error);
      offset += sizes[i];
    }
  g_assert_true (cg_deflate_pipe_finish (pipe, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  g_assert_cmpuint (cg_deflate_pipe_get_size (pipe), ==, total);
  g_assert_cmpuint (cg_deflate_pipe_get_compressed_size (pipe), ==,
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_byte_array_append (stream, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_byte_array_append (stream, final_block, sizeof final_block);
  back = inflate_all (stream->data, stream->len);
  g_assert_cmpuint (back->len, ==, total);
  g_assert_cmpmem (back->data, back->len, data->data, total);

  /* The CRC of a prefix and then the pipe's data, as zlib reckons it. */
  {
    static const char prefix[] = "<sheetData>";
    guint32 whole = crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) prefix, sizeof prefix - 1);
    guint32 joined = cg_deflate_pipe_append_crc (pipe, whole);

    whole = crc32 (whole, data->data, (uInt) total);
    g_assert_cmphex (joined, ==, whole);
  }
}

static void
test_chunks (void)
{
  /* Small chunks (shorter than the 32 KiB window), large ones, and more
   * than the pipe keeps in flight. */
  const gsize sizes[] = { 10, 100000, 5, 40000, 1 << 20, 3, 70000, 1 << 20, 1 << 20, 1 << 20,
                          1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20, 12345 };

  check_round_trip (sizes, G_N_ELEMENTS (sizes));
}

static void
test_single (void)
{
  const gsize sizes[] = { 1 };

  check_round_trip (sizes, G_N_ELEMENTS (sizes));
}

/* Freed before the end, with chunks still in flight: nothing leaks or
 * hangs (ASan and the test's timeout tell). */
static void
test_abandon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  CgDeflatePipe *pipe = cg_deflate_pipe_new (out, 6, NULL, &error);
  g_autoptr(GByteArray) data = make_data (1 << 20);

  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    g_assert_true (cg_deflate_pipe_write (pipe, g_memdup2 (data->data, data->len), data->len, &error));
  cg_deflate_pipe_free (pipe);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deflate-pipe/chunks", test_chunks);
  g_test_add_func ("/deflate-pipe/single", test_single);
  g_test_add_func ("/deflate-pipe/abandon", test_abandon);
  return g_test_run ();
}
