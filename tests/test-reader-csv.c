/* test-reader-csv.c — the streaming CSV/TSV reader.
 *
 * Fixtures are written at run time from byte strings (GB18030 and UTF-16
 * made with g_convert() from UTF-8 literals), so none are binary files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cg-reader.h"

static char *tmp_dir;

/* Writes @length bytes (-1: a C string) to a new file in the test's
 * temporary directory and returns its path. */
static char *
write_fixture (const char *name,
               const char *data,
               gssize      length)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
to_encoding (const char *utf8,
             const char *encoding,
             const char *bom,
             gsize       bom_length,
             gsize      *length)
{
  g_autoptr(GError) error = NULL;
  gsize converted_length = 0;
  g_autofree char *converted = g_convert (utf8, -1, encoding, "UTF-8", NULL, &converted_length, &error);
  char *out;

  g_assert_no_error (error);
  out = g_malloc (bom_length + converted_length + 1);
  memcpy (out, bom, bom_length);
  memcpy (out + bom_length, converted, converted_length);
  out[bom_length + converted_length] = '\0';
  *length = bom_length + converted_length;
  return out;
}

typedef struct {
  GPtrArray *rows;         /* of GStrv */
  GArray    *row_numbers;  /* of guint64 */
  char      *encoding;
  char       delimiter;
  GError    *error;        /* from cg_reader_next */
} Result;

static void
result_free (Result *result)
{
  g_ptr_array_unref (result->rows);
  g_array_unref (result->row_numbers);
  g_free (result->encoding);
  g_clear_error (&result->error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Opens @path (failing the test if that fails) and reads every row. */
static Result *
read_rows (const char *path,
           const char *encoding)
{
  CgReaderOptions options = { CG_FILE_FORMAT_AUTO, encoding, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);
  Result *result = g_new0 (Result, 1);
  const CgCell *cells;
  guint n_cells;
  double last_progress = 0;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (cg_reader_get_format (reader), ==, CG_FILE_FORMAT_CSV);
  g_assert_null (cg_reader_get_sheet_name (reader));

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  result->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  while (cg_reader_next (reader, &cells, &n_cells, &result->error))
    {
      char **row = g_new0 (char *, n_cells + 1);
      guint64 number = cg_reader_get_row_number (reader);
      double progress = cg_reader_get_progress (reader);

      for (guint i = 0; i < n_cells; i++)
        {
          g_assert_cmpuint (strlen (cells[i].text), ==, cells[i].length);
          g_assert_cmpint (cells[i].type, ==, cells[i].length > 0 ? CG_CELL_TEXT : CG_CELL_EMPTY);
          g_assert_true (g_utf8_validate (cells[i].text, cells[i].length, NULL));
          row[i] = g_strdup (cells[i].text);
        }
      g_ptr_array_add (result->rows, row);
      g_array_append_val (result->row_numbers, number);
      g_assert_cmpfloat (progress, >=, last_progress);
      g_assert_cmpfloat (progress, <=, 1.0);
      last_progress = progress;
    }
  if (result->error == NULL)
    g_assert_cmpfloat (cg_reader_get_progress (reader), ==, 1.0);
  result->encoding = g_strdup (cg_reader_get_encoding (reader));
  result->delimiter = cg_reader_get_delimiter (reader);
  return result;
}

/* Checks row @index against @expected, a NULL-terminated list of cells. */
static void
assert_row (Result      *result,
            guint        index,
            guint64      row_number,
            const char  *const *expected)
{
  char **row;

  g_assert_cmpuint (index, <, result->rows->len);
  row = g_ptr_array_index (result->rows, index);
  g_assert_cmpstrv (row, expected);
  g_assert_cmpuint (g_array_index (result->row_numbers, guint64, index), ==, row_number);
}

#define ROW(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
assert_open_fails (const char   *path,
                   CgFileFormat  format,
                   const char   *encoding,
                   int           code,
                   const char   *in_message)
{
  CgReaderOptions options = { format, encoding, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);

  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” not in “%s”", in_message, error->message);
}

static void
test_csv_comma (void)
{
  g_autofree char *path = write_fixture ("comma.csv", "a,b,c\n1,2,3\n4,5,6\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ',');
  g_assert_cmpstr (r->encoding, ==, "UTF-8");
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, 1, ROW ("a", "b", "c"));
  assert_row (r, 1, 2, ROW ("1", "2", "3"));
  assert_row (r, 2, 3, ROW ("4", "5", "6"));
}

static void
test_csv_tab (void)
{
  /* Commas in the values, consistent tabs between them. */
  g_autofree char *path = write_fixture ("tab.tsv",
                                         "name\tnote\tphone\n"
                                         "Zhang, San\tcall back, Monday\t13800000000\n"
                                         "Li Si\tno answer\t13900000000\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, '\t');
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, 1, ROW ("name", "note", "phone"));
  assert_row (r, 1, 2, ROW ("Zhang, San", "call back, Monday", "13800000000"));
  assert_row (r, 2, 3, ROW ("Li Si", "no answer", "13900000000"));
}

static void
test_csv_semicolon (void)
{
  /* Decimal commas, as European Excel writes them. */
  g_autofree char *path = write_fixture ("semicolon.csv",
                                         "坐席;金额\n张三;1,5\n李四;22,50\n王五;3\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ';');
  g_assert_cmpuint (r->rows->len, ==, 4);
  assert_row (r, 0, 1, ROW ("坐席", "金额"));
  assert_row (r, 1, 2, ROW ("张三", "1,5"));
  assert_row (r, 2, 3, ROW ("李四", "22,50"));
  assert_row (r, 3, 4, ROW ("王五", "3"));
}

static void
test_csv_sniff_quoted_delimiters (void)
{
  /* The commas are all inside quotes: the delimiter is the semicolon. */
  g_autofree char *path = write_fixture ("quoted-delims.csv",
                                         "\"a,b\";c\n\"d,e,f\";g\n\"h\";\"i,j\"\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ';');
  assert_row (r, 0, 1, ROW ("a,b", "c"));
  assert_row (r, 1, 2, ROW ("d,e,f", "g"));
  assert_row (r, 2, 3, ROW ("h", "i,j"));
}

static void
test_csv_sep_line (void)
{
  g_autofree char *path = write_fixture ("sep.csv", "sep=;\r\na;b,c\r\n1;2\r\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ';');
  g_assert_cmpuint (r->rows->len, ==, 2);
  assert_row (r, 0, 2, ROW ("a", "b,c"));
  assert_row (r, 1, 3, ROW ("1", "2"));
}

static void
test_csv_single_column (void)
{
  g_autofree char *path = write_fixture ("one-column.csv", "phone\n13800000000\n13900000000\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ',');
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 2, 3, ROW ("13900000000"));
}

static void
test_csv_quotes (void)
{
  g_autofree char *path = write_fixture ("quotes.csv",
                                         "id,note,phone\r\n"
                                         "1,\"line one\r\nline two\",138\r\n"
                                         "2,\"a,b \"\"quoted\"\"\",139\r\n"
                                         "3,\"x\ny\nz\",140\r\n"
                                         "4,plain,141\r\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 5);
  assert_row (r, 0, 1, ROW ("id", "note", "phone"));
  assert_row (r, 1, 2, ROW ("1", "line one\r\nline two", "138"));
  assert_row (r, 2, 4, ROW ("2", "a,b \"quoted\"", "139"));
  assert_row (r, 3, 5, ROW ("3", "x\ny\nz", "140"));
  assert_row (r, 4, 8, ROW ("4", "plain", "141"));
}

static void
test_csv_row_numbers (void)
{
  /* Lines: 1 header, 2 blank, 3–5 a record with two breaks in a quoted
   * cell, 6 and 7 blank, 8 a record, 9 spaces only, 10 a record. */
  g_autofree char *path = write_fixture ("row-numbers.csv",
                                         "h1,h2\n"
                                         "\n"
                                         "1,\"a\nb\nc\"\n"
                                         "\n"
                                         "\r\n"
                                         "2,x\n"
                                         "   \n"
                                         "3,y", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 4);
  assert_row (r, 0, 1, ROW ("h1", "h2"));
  assert_row (r, 1, 3, ROW ("1", "a\nb\nc"));
  assert_row (r, 2, 8, ROW ("2", "x"));
  assert_row (r, 3, 10, ROW ("3", "y"));
}

static void
test_csv_crlf (void)
{
  g_autofree char *path = write_fixture ("crlf.csv", "a,b\r\n1,2\r\n\r\n3,4\r\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, 1, ROW ("a", "b"));
  assert_row (r, 1, 2, ROW ("1", "2"));
  assert_row (r, 2, 4, ROW ("3", "4"));
}

static void
test_csv_old_mac_line_ends (void)
{
  g_autofree char *path = write_fixture ("cr.csv", "a,b\r1,2\r\r3,4\r", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 1, 2, ROW ("1", "2"));
  assert_row (r, 2, 4, ROW ("3", "4"));
}

static void
test_csv_no_final_newline (void)
{
  g_autofree char *path = write_fixture ("no-newline.csv", "a,b\n1,\"2\"", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 2);
  assert_row (r, 1, 2, ROW ("1", "2"));
}

static void
test_csv_blank_lines (void)
{
  /* Blank lines, and rows of empty cells as Excel leaves at the end. */
  g_autofree char *path = write_fixture ("blank.csv", "\n\na,b,c\n\n1,2,3\n,,\n\t, ,\n\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 2);
  assert_row (r, 0, 3, ROW ("a", "b", "c"));
  assert_row (r, 1, 5, ROW ("1", "2", "3"));
}

static void
test_csv_values_untouched (void)
{
  /* Spaces are kept; an empty cell is CG_CELL_EMPTY (checked in
   * read_rows); ="…" is unwrapped, other formulas are not. */
  g_autofree char *path = write_fixture ("values.csv",
                                         "phone,name,note\n"
                                         "=\"013812345678\", Zhang ,\n"
                                         "\"=\"\"0755123456\"\"\",\"  \",=SUM(A1)\n"
                                         "=\"\",=\"a\"b\",x\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_no_error (r->error);
  g_assert_cmpuint (r->rows->len, ==, 4);
  assert_row (r, 1, 2, ROW ("013812345678", " Zhang ", ""));
  assert_row (r, 2, 3, ROW ("0755123456", "  ", "=SUM(A1)"));
  assert_row (r, 3, 4, ROW ("", "=\"a\"b\"", "x"));
}

#define CHINESE_CSV "被叫号码,呼叫时间,通话时长(秒)\r\n" \
                    "13800138000,2024-03-01 09:00:00,35\r\n" \
                    "13900139000,2024-03-01 09:05:00,0\r\n"

static void
assert_chinese_rows (Result *r)
{
  g_assert_no_error (r->error);
  g_assert_cmpint (r->delimiter, ==, ',');
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, 1, ROW ("被叫号码", "呼叫时间", "通话时长(秒)"));
  assert_row (r, 1, 2, ROW ("13800138000", "2024-03-01 09:00:00", "35"));
  assert_row (r, 2, 3, ROW ("13900139000", "2024-03-01 09:05:00", "0"));
}

static void
test_csv_utf8_bom (void)
{
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", CHINESE_CSV, NULL);
  g_autofree char *path_bom = write_fixture ("bom.csv", with_bom, -1);
  g_autofree char *path_plain = write_fixture ("no-bom.csv", CHINESE_CSV, -1);
  g_autoptr(Result) r_bom = read_rows (path_bom, NULL);
  g_autoptr(Result) r_plain = read_rows (path_plain, NULL);

  g_assert_cmpstr (r_bom->encoding, ==, "UTF-8");
  assert_chinese_rows (r_bom);
  g_assert_cmpstr (r_plain->encoding, ==, "UTF-8");
  assert_chinese_rows (r_plain);
}

static void
test_csv_utf16 (void)
{
  static const struct {
    const char *iconv_name;
    const char *bom;
    gsize       bom_length;
    const char *expected;
  } cases[] = {
    { "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
    { "UTF-16LE", "", 0, "UTF-16LE" },   /* no BOM: told by its zero bytes */
    { "UTF-16BE", "", 0, "UTF-16BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *data = to_encoding (CHINESE_CSV, cases[i].iconv_name,
                                           cases[i].bom, cases[i].bom_length, &length);
      g_autofree char *name = g_strdup_printf ("utf16-%u.csv", i);
      g_autofree char *path = write_fixture (name, data, length);
      g_autoptr(Result) r = read_rows (path, NULL);

      g_assert_cmpstr (r->encoding, ==, cases[i].expected);
      assert_chinese_rows (r);
    }
}

static void
test_csv_gb18030 (void)
{
  gsize length;
  g_autofree char *data = to_encoding (CHINESE_CSV, "GB18030", "", 0, &length);
  g_autofree char *path = write_fixture ("gb18030.csv", data, length);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_cmpstr (r->encoding, ==, "GB18030");
  assert_chinese_rows (r);
}

/* Rows "i,138…i,ascii" for i in [from, to), then @tail. */
static GString *
numbered_rows (guint       from,
               guint       to,
               const char *tail)
{
  GString *s = g_string_new ("id,phone,note\n");

  for (guint i = from; i < to; i++)
    g_string_append_printf (s, "%u,138%08u,ascii note %u\n", i, i, i);
  g_string_append (s, tail);
  return s;
}

static void
test_csv_gb18030_after_ascii (void)
{
  /* English header and more than a chunk of ASCII before the first
   * Chinese: the reader has to switch to GB18030 on the way. */
  g_autoptr(GString) utf8 = numbered_rows (0, 3000, "3000,13900000000,张三 已接通\n");
  gsize length;
  g_autofree char *data = to_encoding (utf8->str, "GB18030", "", 0, &length);
  g_autofree char *path = write_fixture ("gb18030-late.csv", data, length);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_cmpuint (length, >, 64 * 1024);
  g_assert_no_error (r->error);
  g_assert_cmpstr (r->encoding, ==, "GB18030");
  g_assert_cmpuint (r->rows->len, ==, 3002);
  assert_row (r, 1, 2, ROW ("0", "13800000000", "ascii note 0"));
  assert_row (r, 3001, 3002, ROW ("3000", "13900000000", "张三 已接通"));
}

static void
test_csv_gb18030_at_sample_edge (void)
{
  /* The first GB18030 byte is the last of the 64 KiB the encoding is
   * detected from, or of the next chunk: alone, it would pass for the
   * start of a UTF-8 character. */
  const gsize edges[] = { 64 * 1024 - 1, 64 * 1024 - 20, 2 * 64 * 1024 - 1 };

  for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
    {
      g_autoptr(GString) data = g_string_new ("id,note\n");
      g_autoptr(Result) r = NULL;
      g_autofree char *name = g_strdup_printf ("gb18030-edge-%u.csv", e);
      g_autofree char *path = NULL;
      g_autofree char *chinese = NULL;
      g_autofree char *padding = NULL;
      gsize chinese_length;
      guint n_rows = 0;

      while (data->len + 64 < edges[e])
        g_string_append_printf (data, "%u,ascii\n", n_rows++);
      g_string_append_printf (data, "%u,", n_rows);
      padding = g_strnfill (edges[e] - data->len, 'y');
      g_string_append (data, padding);
      g_assert_cmpuint (data->len, ==, edges[e]);
      chinese = to_encoding ("张三已接通\nend,row\n", "GB18030", "", 0, &chinese_length);
      g_string_append_len (data, chinese, chinese_length);
      path = write_fixture (name, data->str, data->len);

      r = read_rows (path, NULL);
      g_assert_no_error (r->error);
      g_assert_cmpstr (r->encoding, ==, "GB18030");
      g_assert_cmpuint (r->rows->len, ==, n_rows + 3);
      {
        g_autofree char *id = g_strdup_printf ("%u", n_rows);
        g_autofree char *note = g_strconcat (padding, "张三已接通", NULL);

        assert_row (r, n_rows + 1, n_rows + 2, ROW (id, note));
        assert_row (r, n_rows + 2, n_rows + 3, ROW ("end", "row"));
      }
    }
}

static void
test_csv_forced_encoding (void)
{
  gsize length;
  g_autofree char *gb = to_encoding (CHINESE_CSV, "GB18030", "", 0, &length);
  g_autofree char *gb_path = write_fixture ("forced-gb.csv", gb, length);
  g_autofree char *utf8_path = write_fixture ("forced-utf8.csv", CHINESE_CSV, -1);
  const char *gb_names[] = { "GBK", "gb18030", "GB2312", "cp936" };

  for (guint i = 0; i < G_N_ELEMENTS (gb_names); i++)
    {
      g_autoptr(Result) r = read_rows (gb_path, gb_names[i]);

      g_assert_cmpstr (r->encoding, ==, "GB18030");
      assert_chinese_rows (r);
    }

  {
    g_autoptr(Result) r = read_rows (utf8_path, "utf-8");

    g_assert_cmpstr (r->encoding, ==, "UTF-8");
    assert_chinese_rows (r);
  }
  {
    g_autoptr(Result) r = read_rows (utf8_path, "auto");

    g_assert_cmpstr (r->encoding, ==, "UTF-8");
  }

  /* GB18030 bytes forced as UTF-8: the header row is not UTF-8. */
  assert_open_fails (gb_path, CG_FILE_FORMAT_AUTO, "UTF-8", CG_READER_ERROR_ENCODING, "Row 1 ");
  assert_open_fails (utf8_path, CG_FILE_FORMAT_AUTO, "latin-9", CG_READER_ERROR_ENCODING, "latin-9");
}

static void
test_csv_forced_utf16 (void)
{
  gsize length;
  g_autofree char *le = to_encoding (CHINESE_CSV, "UTF-16LE", "\xFF\xFE", 2, &length);
  g_autofree char *path = write_fixture ("forced-utf16.csv", le, length);
  g_autoptr(Result) r = read_rows (path, "utf-16");

  g_assert_cmpstr (r->encoding, ==, "UTF-16LE");
  assert_chinese_rows (r);
}

static void
assert_next_fails (Result     *r,
                   int         code,
                   const char *in_message)
{
  g_assert_error (r->error, CG_READER_ERROR, code);
  if (strstr (r->error->message, in_message) == NULL)
    g_error ("“%s” not in “%s”", in_message, r->error->message);
}

static void
test_csv_invalid_later (void)
{
  /* A damaged byte on line 5 of a UTF-8 file. */
  g_autofree char *path = write_fixture ("invalid-utf8.csv",
                                         "坐席,结果\n张三,已接通\n李四,未接通\n王五,忙线\n"
                                         "赵六,\xFF\xFE\n钱七,空号\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_cmpstr (r->encoding, ==, "UTF-8");
  g_assert_cmpuint (r->rows->len, ==, 4);
  assert_row (r, 3, 4, ROW ("王五", "忙线"));
  assert_next_fails (r, CG_READER_ERROR_ENCODING, "Row 5 ");
  g_assert_nonnull (strstr (r->error->message, "--encoding"));
}

static void
test_csv_invalid_gb18030_later (void)
{
  /* Far beyond the first chunk, in GB18030: 0xFF is no GB18030 byte. */
  g_autoptr(GString) utf8 = numbered_rows (0, 4000, "");
  g_autoptr(GString) data = NULL;
  gsize length;
  g_autofree char *head = to_encoding ("坐席,结果\n", "GB18030", "", 0, &length);
  g_autofree char *path = NULL;

  data = g_string_new_len (head, length);
  g_string_append (data, utf8->str + strlen ("id,phone,note\n"));
  g_string_append (data, "4000,\xFF,x\n4001,1,y\n");
  path = write_fixture ("invalid-gb.csv", data->str, data->len);

  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_cmpstr (r->encoding, ==, "GB18030");
    g_assert_cmpuint (r->rows->len, ==, 4001);
    assert_row (r, 4000, 4001, ROW ("3999", "13800003999", "ascii note 3999"));
    assert_next_fails (r, CG_READER_ERROR_ENCODING, "Row 4002 ");
  }
}

static void
test_csv_nul_later (void)
{
  /* Past the first KiB, where binary files are told apart. */
  g_autoptr(GString) s = numbered_rows (0, 100, "");
  g_autofree char *path = NULL;

  g_string_append_len (s, "100,1\0002,x\n", 11);
  path = write_fixture ("nul.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_cmpuint (r->rows->len, ==, 101);
    assert_next_fails (r, CG_READER_ERROR_FORMAT, "Row 102 ");
  }
}

static void
test_csv_empty (void)
{
  g_autofree char *empty = write_fixture ("empty.csv", "", 0);
  g_autofree char *blank = write_fixture ("blank-only.csv", "  \r\n\n\t\n", -1);
  g_autofree char *bom_only = write_fixture ("bom-only.csv", "\xEF\xBB\xBF\r\n", -1);

  assert_open_fails (empty, CG_FILE_FORMAT_AUTO, NULL, CG_READER_ERROR_EMPTY, NULL);
  assert_open_fails (empty, CG_FILE_FORMAT_CSV, NULL, CG_READER_ERROR_EMPTY, NULL);
  assert_open_fails (blank, CG_FILE_FORMAT_CSV, NULL, CG_READER_ERROR_EMPTY, NULL);
  assert_open_fails (bom_only, CG_FILE_FORMAT_AUTO, NULL, CG_READER_ERROR_EMPTY, NULL);
}

static void
test_csv_header_only (void)
{
  const char *contents[] = { "被叫号码,呼叫时间\r\n", "被叫号码,呼叫时间" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *name = g_strdup_printf ("header-%u.csv", i);
      g_autofree char *path = write_fixture (name, contents[i], -1);
      g_autoptr(Result) r = read_rows (path, NULL);

      g_assert_no_error (r->error);
      g_assert_cmpuint (r->rows->len, ==, 1);
      assert_row (r, 0, 1, ROW ("被叫号码", "呼叫时间"));
    }
}

static void
test_csv_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11,\x12\x13\n";
  g_autofree char *png_path = write_fixture ("image.csv", png, sizeof png - 1);
  g_autofree char *controls_path = write_fixture ("controls.csv", controls, sizeof controls - 1);

  assert_open_fails (png_path, CG_FILE_FORMAT_AUTO, NULL, CG_READER_ERROR_FORMAT, "not a text/CSV file");
  assert_open_fails (controls_path, CG_FILE_FORMAT_CSV, NULL, CG_READER_ERROR_FORMAT, "not a text/CSV file");
}

static void
test_csv_unclosed_quote (void)
{
  g_autofree char *path = write_fixture ("unclosed.csv", "a,b\n1,\"oops\n2,3\n", -1);
  g_autoptr(Result) r = read_rows (path, NULL);

  g_assert_cmpuint (r->rows->len, ==, 1);
  assert_next_fails (r, CG_READER_ERROR_FORMAT, "Row 2 ");
}

static void
test_csv_cell_limit (void)
{
  g_autoptr(GString) s = g_string_new ("a,b\n1,2\n3,");
  g_autofree char *path = NULL;
  g_autofree char *quoted_path = NULL;

  /* One byte over the limit, unquoted. */
  for (gsize i = 0; i <= CG_READER_MAX_CELL_BYTES; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\n4,5\n");
  path = write_fixture ("long-cell.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_cmpuint (r->rows->len, ==, 2);
    assert_next_fails (r, CG_READER_ERROR_LIMIT, "Row 3 ");
  }

  /* A quote that never closes swallows the rest: stopped at the limit,
   * not at the end of the file. */
  g_string_assign (s, "a,b\n1,2\n3,\"");
  for (guint i = 0; i < 3 * CG_READER_MAX_CELL_BYTES / 16; i++)
    g_string_append (s, "4,5,6,7,8,9,10\n");
  quoted_path = write_fixture ("runaway-quote.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (quoted_path, NULL);

    g_assert_cmpuint (r->rows->len, ==, 2);
    assert_next_fails (r, CG_READER_ERROR_LIMIT, "Row 3 ");
  }
}

/* Cells each under the cell limit that together pass CG_LIMIT_ROW_BYTES. */
static void
test_csv_row_limit (void)
{
  const gsize cell = CG_LIMIT_CELL_BYTES - 1024;
  const guint n_cells = CG_LIMIT_ROW_BYTES / cell + 1;
  g_autoptr(GString) s = g_string_sized_new ((gsize) n_cells * (cell + 1) + 64);
  g_autofree char *path = NULL;

  g_string_append (s, "a,b\n1,2\n");
  for (guint i = 0; i < n_cells; i++)
    {
      gsize at = s->len;

      g_string_set_size (s, at + cell);
      memset (s->str + at, 'x', cell);
      g_string_append_c (s, i + 1 < n_cells ? ',' : '\n');
    }
  path = write_fixture ("long-row.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_cmpuint (r->rows->len, ==, 2);
    /* The row's limit, not a cell's (tests run in the C locale). */
    assert_next_fails (r, CG_READER_ERROR_LIMIT, "Row 3 is larger than 32 MiB");
  }
}

static void
test_csv_column_limit (void)
{
  g_autoptr(GString) s = g_string_new ("a,b\n1,2\n");
  g_autofree char *path = NULL;
  g_autofree char *at_limit_path = NULL;

  /* Exactly the limit is fine. */
  for (guint i = 1; i < CG_READER_MAX_COLUMNS; i++)
    g_string_append (s, "x,");
  g_string_append (s, "x\n");
  at_limit_path = write_fixture ("columns-at-limit.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (at_limit_path, NULL);
    char **row;

    g_assert_no_error (r->error);
    g_assert_cmpuint (r->rows->len, ==, 3);
    row = g_ptr_array_index (r->rows, 2);
    g_assert_cmpuint (g_strv_length (row), ==, CG_READER_MAX_COLUMNS);
  }

  g_string_truncate (s, s->len - 1);
  g_string_append (s, ",x\n5,6\n");
  path = write_fixture ("columns.csv", s->str, s->len);
  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_cmpuint (r->rows->len, ==, 2);
    assert_next_fails (r, CG_READER_ERROR_LIMIT, "Row 3 ");
  }
}

static void
test_csv_many_rows (void)
{
  /* Well over one 64 KiB chunk, CRLF, with a multi-line quoted note on
   * every 97th row so row numbers drift from record numbers, and a
   * Chinese name on every row so chunks end inside characters. */
  const guint n_records = 5000;
  g_autoptr(GString) s = g_string_new ("\xEF\xBB\xBF" "序号,被叫号码,坐席,备注\r\n");
  g_autoptr(GArray) expected_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *path = NULL;
  guint64 line = 2;

  for (guint i = 0; i < n_records; i++)
    {
      g_array_append_val (expected_lines, line);
      if (i % 97 == 0)
        {
          g_string_append_printf (s, "%u,138%08u,坐席%u,\"第一行\r\n第二行 \"\"%u\"\"\r\n第三行\"\r\n",
                                  i, i, i % 10, i);
          line += 3;
        }
      else
        {
          g_string_append_printf (s, "%u,138%08u,坐席%u,普通\r\n", i, i, i % 10);
          line += 1;
        }
    }
  path = write_fixture ("many.csv", s->str, s->len);
  g_assert_cmpuint (s->len, >, 2 * 64 * 1024);

  {
    g_autoptr(Result) r = read_rows (path, NULL);

    g_assert_no_error (r->error);
    g_assert_cmpuint (r->rows->len, ==, n_records + 1);
    assert_row (r, 0, 1, ROW ("序号", "被叫号码", "坐席", "备注"));
    for (guint i = 0; i < n_records; i++)
      {
        char **row = g_ptr_array_index (r->rows, i + 1);
        g_autofree char *id = g_strdup_printf ("%u", i);
        g_autofree char *phone = g_strdup_printf ("138%08u", i);
        g_autofree char *agent = g_strdup_printf ("坐席%u", i % 10);
        g_autofree char *note = i % 97 == 0
          ? g_strdup_printf ("第一行\r\n第二行 \"%u\"\r\n第三行", i)
          : g_strdup ("普通");

        g_assert_cmpuint (g_strv_length (row), ==, 4);
        g_assert_cmpstr (row[0], ==, id);
        g_assert_cmpstr (row[1], ==, phone);
        g_assert_cmpstr (row[2], ==, agent);
        g_assert_cmpstr (row[3], ==, note);
        g_assert_cmpuint (g_array_index (r->row_numbers, guint64, i + 1), ==,
                          g_array_index (expected_lines, guint64, i));
      }
  }
}

static void
test_csv_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "does-not-exist.csv", NULL);
  CgReaderOptions options = { CG_FILE_FORMAT_CSV, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, &error);

  g_assert_null (reader);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-reader-csv-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/reader/csv/comma", test_csv_comma);
  g_test_add_func ("/reader/csv/tab", test_csv_tab);
  g_test_add_func ("/reader/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/reader/csv/sniff-quoted-delimiters", test_csv_sniff_quoted_delimiters);
  g_test_add_func ("/reader/csv/sep-line", test_csv_sep_line);
  g_test_add_func ("/reader/csv/single-column", test_csv_single_column);
  g_test_add_func ("/reader/csv/quotes", test_csv_quotes);
  g_test_add_func ("/reader/csv/row-numbers", test_csv_row_numbers);
  g_test_add_func ("/reader/csv/crlf", test_csv_crlf);
  g_test_add_func ("/reader/csv/old-mac-line-ends", test_csv_old_mac_line_ends);
  g_test_add_func ("/reader/csv/no-final-newline", test_csv_no_final_newline);
  g_test_add_func ("/reader/csv/blank-lines", test_csv_blank_lines);
  g_test_add_func ("/reader/csv/values-untouched", test_csv_values_untouched);
  g_test_add_func ("/reader/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/reader/csv/utf16", test_csv_utf16);
  g_test_add_func ("/reader/csv/gb18030", test_csv_gb18030);
  g_test_add_func ("/reader/csv/gb18030-after-ascii", test_csv_gb18030_after_ascii);
  g_test_add_func ("/reader/csv/gb18030-at-sample-edge", test_csv_gb18030_at_sample_edge);
  g_test_add_func ("/reader/csv/forced-encoding", test_csv_forced_encoding);
  g_test_add_func ("/reader/csv/forced-utf16", test_csv_forced_utf16);
  g_test_add_func ("/reader/csv/invalid-later", test_csv_invalid_later);
  g_test_add_func ("/reader/csv/invalid-gb18030-later", test_csv_invalid_gb18030_later);
  g_test_add_func ("/reader/csv/nul-later", test_csv_nul_later);
  g_test_add_func ("/reader/csv/empty", test_csv_empty);
  g_test_add_func ("/reader/csv/header-only", test_csv_header_only);
  g_test_add_func ("/reader/csv/binary", test_csv_binary);
  g_test_add_func ("/reader/csv/unclosed-quote", test_csv_unclosed_quote);
  g_test_add_func ("/reader/csv/cell-limit", test_csv_cell_limit);
  g_test_add_func ("/reader/csv/column-limit", test_csv_column_limit);
  g_test_add_func ("/reader/csv/row-limit", test_csv_row_limit);
  g_test_add_func ("/reader/csv/many-rows", test_csv_many_rows);
  g_test_add_func ("/reader/csv/missing-file", test_csv_missing_file);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
