/* test-reader-xls.c — the legacy .xls (BIFF8) reader.
 *
 * tests/fixtures/xls/README.txt says how the fixtures were made and what
 * they hold.  Expected date serials were worked out by hand: days from
 * 1899-12-30 plus the fraction of the day, e.g. 2026-09-03 12:00 is
 * 46268.5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cg-reader.h"
#include "cg-reader-xls-wire.h"

typedef struct
{
  CgCellType  type;
  const char *text;
  double      number;
} Expected;

#define E { CG_CELL_EMPTY, "", 0 }
#define T(text) { CG_CELL_TEXT, text, 0 }
#define N(value, text) { CG_CELL_NUMBER, text, value }
#define D(serial, text) { CG_CELL_DATE, text, serial }

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "xls", name, NULL);
}

static void
assert_row (CgReader       *reader,
            guint64         row_number,
            const Expected *expected,
            guint           n_expected)
{
  g_autoptr(GError) error = NULL;
  const CgCell *cells;
  guint n_cells;

  g_assert_true (cg_reader_next (reader, &cells, &n_cells, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cg_reader_get_row_number (reader), ==, row_number);
  g_assert_cmpuint (n_cells, ==, n_expected);
  for (guint i = 0; i < n_cells; i++)
    {
      g_test_message ("row %u, column %u", (guint) row_number, i + 1);
      g_assert_cmpint (cells[i].type, ==, expected[i].type);
      g_assert_cmpstr (cells[i].text, ==, expected[i].text);
      g_assert_cmpuint (cells[i].length, ==, strlen (expected[i].text));
      g_assert_cmpfloat_with_epsilon (cells[i].number, expected[i].number, 1e-9);
    }
}

static void
assert_end (CgReader *reader)
{
  g_autoptr(GError) error = NULL;
  const CgCell *cells;
  guint n_cells;

  g_assert_false (cg_reader_next (reader, &cells, &n_cells, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cg_reader_get_progress (reader), ==, 1.0);
}

static void
test_xls_first_sheet (void)
{
  g_autofree char *path = fixture_path ("calls.xls");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, NULL, &error);
  static const Expected header[] = {
    T ("坐席"), T ("客户电话"), T ("通话时长"), T ("呼叫时间"), T ("日期"), T ("时刻"), T ("备注"),
  };
  /* 09:30:15 is 34215 s of 86400; 2026-01-15 08:05 is 46037 + 29100 / 86400;
   * 2024-02-29 is 45351; 23:59:59 is 86399 / 86400. */
  static const Expected row2[] = {
    T ("张三"), N (13800138000.0, "13800138000"), N (125, "125"),
    D (46268.5, "2026-09-03 12:00:00"), D (46268, "2026-09-03"),
    D (34215.0 / 86400, "09:30:15"), T ("已接通"),
  };
  static const Expected row3[] = {
    T ("李四 (Li Si)"), N (13912345678.0, "13912345678"), N (12.5, "12.5"),
    D (46037 + 29100.0 / 86400, "2026-01-15 08:05:00"), D (45351, "2024-02-29"),
    D (86399.0 / 86400, "23:59:59"),
  };
  /* Row 4 is empty and skipped; gaps inside a row are empty cells. */
  static const Expected row5[] = {
    T ("王五"), E, N (0, "0"), E, E, E, T ("回拨, 稍后"),
  };

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (cg_reader_get_format (reader), ==, CG_FILE_FORMAT_XLS);
  g_assert_cmpstr (cg_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpstr (cg_reader_get_sheet_name (reader), ==, "通话记录");
  g_assert_cmpint (cg_reader_get_delimiter (reader), ==, 0);
  g_assert_cmpfloat (cg_reader_get_progress (reader), <, 1.0);

  assert_row (reader, 1, header, G_N_ELEMENTS (header));
  assert_row (reader, 2, row2, G_N_ELEMENTS (row2));
  assert_row (reader, 3, row3, G_N_ELEMENTS (row3));
  g_assert_cmpfloat (cg_reader_get_progress (reader), >, 0.0);
  g_assert_cmpfloat (cg_reader_get_progress (reader), <, 1.0);
  assert_row (reader, 5, row5, G_N_ELEMENTS (row5));
  assert_end (reader);
}

static void
test_xls_named_sheet (void)
{
  g_autofree char *path = fixture_path ("calls.xls");
  static const Expected header[] = { T ("坐席"), T ("通话数") };
  static const Expected row2[] = { T ("张三"), N (3, "3") };
  CgReaderOptions options = { .format = CG_FILE_FORMAT_XLS, .sheet = "汇总" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cg_reader_get_sheet_name (reader), ==, "汇总");
  assert_row (reader, 1, header, G_N_ELEMENTS (header));
  assert_row (reader, 2, row2, G_N_ELEMENTS (row2));
  assert_end (reader);
}

static void
test_xls_missing_sheet (void)
{
  g_autofree char *path = fixture_path ("calls.xls");
  CgReaderOptions options = { .sheet = "Sheet9" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);

  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET);
  /* The message names what is there, so the user can pick. */
  g_assert_nonnull (strstr (error->message, "Sheet9"));
  g_assert_nonnull (strstr (error->message, "通话记录"));
  g_assert_nonnull (strstr (error->message, "汇总"));
}

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, NULL, &error);

  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
test_xls_encrypted (void)
{
  g_autofree char *package = fixture_path ("encrypted-package.xlsx");
  g_autofree char *calls = fixture_path ("calls.xls");
  g_autofree char *tmp_dir = g_dir_make_tmp ("cg-test-xls-XXXXXX", NULL);
  g_autofree char *password = g_build_filename (tmp_dir, "password.xls", NULL);
  g_autofree char *data = NULL;
  /* WRITEACCESS record (0x005C) of 112 bytes, as LibreOffice writes it. */
  static const char write_access[] = { 0x5C, 0x00, 0x70, 0x00 };
  gsize length;
  char *record = NULL;

  /* An encrypted .xlsx is an OLE file holding an "EncryptedPackage". */
  assert_open_fails (package, CG_READER_ERROR_ENCRYPTED);

  /* A FILEPASS record (0x002F) marks a password-protected .xls.  Turning
   * calls.xls's WRITEACCESS record into one, same length, gives a workbook
   * that says it is encrypted. */
  g_assert_true (g_file_get_contents (calls, &data, &length, NULL));
  for (gsize i = 0; record == NULL && i + sizeof write_access <= length; i++)
    if (memcmp (data + i, write_access, sizeof write_access) == 0)
      record = data + i;
  g_assert_nonnull (record);
  record[0] = 0x2F;
  g_assert_true (g_file_set_contents (password, data, length, NULL));
  assert_open_fails (password, CG_READER_ERROR_ENCRYPTED);

  g_remove (password);
  g_rmdir (tmp_dir);
}

static void
test_xls_junk (void)
{
  g_autofree char *tmp_dir = g_dir_make_tmp ("cg-test-xls-XXXXXX", NULL);
  g_autofree char *junk = g_build_filename (tmp_dir, "junk.xls", NULL);
  g_autofree char *short_ole = g_build_filename (tmp_dir, "short.xls", NULL);
  static const guchar ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guchar data[4096];

  /* The OLE signature followed by noise. */
  memcpy (data, ole_magic, sizeof ole_magic);
  for (gsize i = sizeof ole_magic; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (junk, (char *) data, sizeof data, NULL));
  assert_open_fails (junk, CG_READER_ERROR_FORMAT);

  /* The signature alone. */
  g_assert_true (g_file_set_contents (short_ole, (char *) ole_magic, sizeof ole_magic, NULL));
  assert_open_fails (short_ole, CG_READER_ERROR_FORMAT);

  g_remove (junk);
  g_remove (short_ole);
  g_rmdir (tmp_dir);
}

/* FreeXL 1.0.6 reads past a stack buffer on one of these and leaks on the
 * other; run in the child process, each must come back as a plain error
 * while this (sanitized) process stays clean. */
static void
test_xls_known_crashes (void)
{
  static const char *const names[] = {
    "freexl-1.0.6-iconv-stack-overread.xls",
    "freexl-1.0.6-open-leak.xls",
  };
  /* The first stops the child; the second opens to an empty sheet. */
  static const int expected[] = { CG_READER_ERROR_FORMAT, CG_READER_ERROR_EMPTY };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "known-crashes",
                                                     "reader-xls", names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CgReader) reader = NULL;
      const CgCell *cells;
      guint n_cells;

      g_test_message ("%s", names[i]);
      reader = cg_reader_open (path, NULL, &error);
      while (reader != NULL && cg_reader_next (reader, &cells, &n_cells, &error))
        ;
      g_assert_error (error, CG_READER_ERROR, expected[i]);
      g_test_message ("%s", error->message);
    }
}

/* What the child writes, cut short or tampered with, is a damaged
 * workbook to the parent; a well-formed answer reads back exactly. */
static void
test_xls_wire (void)
{
  static const guchar good[] = {
    'C', 'G', 'X', 'L', 'S', '1', '\n',
    'S', 2, 0, 0, 0, 'S', '1',
    'R', 7, 0, 0, 0, 0, 0, 0, 0,   /* row 7 */
         0, 0, 0, 0, 0, 0, 0xE0, 0x3F,   /* progress 0.5 */
         1, 0, 0, 0,               /* one cell */
         CG_CELL_NUMBER, 0, 0, 0, 0, 0, 0, 0x45, 0x40, 2, 0, 0, 0, '4', '2',
    'Z',
  };
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (good, sizeof good, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_xls_open_stream (in, NULL, 0, "x.xls", &error);
  const CgCell *cells;
  guint n_cells;
  /* Cut after the first cell's type; then a column count over the limit. */
  gsize cuts[] = { 3, 10, 36, sizeof good - 1 };
  guchar too_wide[sizeof good];

  g_assert_no_error (error);
  g_assert_cmpstr (cg_reader_get_sheet_name (reader), ==, "S1");
  g_assert_true (cg_reader_next (reader, &cells, &n_cells, &error));
  g_assert_cmpuint (n_cells, ==, 1);
  g_assert_cmpint (cells[0].type, ==, CG_CELL_NUMBER);
  g_assert_cmpfloat (cells[0].number, ==, 42.0);
  g_assert_cmpstr (cells[0].text, ==, "42");
  g_assert_cmpuint (cg_reader_get_row_number (reader), ==, 7);
  g_assert_cmpfloat (cg_reader_get_progress (reader), ==, 0.5);
  g_assert_false (cg_reader_next (reader, &cells, &n_cells, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reader, cg_reader_free);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GInputStream) cut = g_memory_input_stream_new_from_data (good, cuts[i], NULL);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(CgReader) cut_reader = cg_reader_xls_open_stream (cut, NULL, 0, "x.xls",
                                                                  &cut_error);

      while (cut_reader != NULL && cg_reader_next (cut_reader, &cells, &n_cells, &cut_error))
        ;
      g_assert_error (cut_error, CG_READER_ERROR, CG_READER_ERROR_FORMAT);
    }

  memcpy (too_wide, good, sizeof good);
  too_wide[30] = 0xFF;  /* n_cells = 255 + 0xFF << 16 … over CG_LIMIT_COLUMNS */
  too_wide[32] = 0x01;
  {
    g_autoptr(GInputStream) wide = g_memory_input_stream_new_from_data (too_wide, sizeof good,
                                                                        NULL);
    g_autoptr(CgReader) wide_reader = cg_reader_xls_open_stream (wide, NULL, 0, "x.xls", &error);

    g_assert_no_error (error);
    g_assert_false (cg_reader_next (wide_reader, &cells, &n_cells, &error));
    g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT);
  }
}

/* Without its helper program the .xls reader says so instead of failing
 * obscurely. */
static void
test_xls_no_helper (void)
{
  g_autofree char *calls = fixture_path ("calls.xls");
  g_autofree char *saved = g_strdup (g_getenv (CG_XLS_READER_ENV));
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = NULL;

  g_setenv (CG_XLS_READER_ENV, "/nonexistent/callgauge-xls-reader", TRUE);
  reader = cg_reader_open (calls, NULL, &error);
  g_setenv (CG_XLS_READER_ENV, saved, TRUE);
  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "callgauge-xls-reader"));
}

/* A child that says nothing (FreeXL looping) is stopped after the silence
 * limit, with an error that says so; the open does not hang. */
static void
test_xls_silent_child (void)
{
#ifdef G_OS_WIN32
  g_test_skip ("needs a shell script as the child");
#else
  g_autofree char *calls = fixture_path ("calls.xls");
  g_autofree char *saved = g_strdup (g_getenv (CG_XLS_READER_ENV));
  g_autofree char *tmp_dir = g_dir_make_tmp ("cg-test-xls-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (tmp_dir, "silent", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = NULL;
  gint64 started;

  g_assert_true (g_file_set_contents (script, "#!/bin/sh\nexec sleep 60\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv (CG_XLS_READER_ENV, script, TRUE);
  g_setenv ("CALLGAUGE_XLS_READER_SILENCE", "1", TRUE);
  started = g_get_monotonic_time ();
  reader = cg_reader_open (calls, NULL, &error);
  g_setenv (CG_XLS_READER_ENV, saved, TRUE);
  g_unsetenv ("CALLGAUGE_XLS_READER_SILENCE");

  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 20 * G_USEC_PER_SEC);
  g_remove (script);
  g_rmdir (tmp_dir);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/xls/first-sheet", test_xls_first_sheet);
  g_test_add_func ("/reader/xls/named-sheet", test_xls_named_sheet);
  g_test_add_func ("/reader/xls/missing-sheet", test_xls_missing_sheet);
  g_test_add_func ("/reader/xls/encrypted", test_xls_encrypted);
  g_test_add_func ("/reader/xls/junk", test_xls_junk);
  g_test_add_func ("/reader/xls/known-crashes", test_xls_known_crashes);
  g_test_add_func ("/reader/xls/wire", test_xls_wire);
  g_test_add_func ("/reader/xls/no-helper", test_xls_no_helper);
  g_test_add_func ("/reader/xls/silent-child", test_xls_silent_child);

  return g_test_run ();
}
