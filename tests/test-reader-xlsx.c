/* test-reader-xlsx.c — the streaming XLSX reader.
 *
 * Workbooks are made at run time with libxlsxwriter, an independent writer,
 * so the expected values below are what we asked it to write.  What it
 * cannot write (1904 dates, phonetic guides, DTDs, zip bombs …) is built
 * from XML strings with libzip.  Expected date serials were worked out by
 * hand: days from 1899-12-30, e.g. 2026-09-03 is 46268.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "cg-reader.h"

typedef struct
{
  CgCellType  type;
  char       *text;
  double      number;
} TestCell;

typedef struct
{
  guint64  row_number;
  GArray  *cells;   /* TestCell */
} TestRow;

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_cell_clear (TestCell *cell)
{
  g_free (cell->text);
}

static void
test_row_free (TestRow *row)
{
  g_array_unref (row->cells);
  g_free (row);
}

/* Reads every row of @path, copying the cells; NULL on error at open or
 * on any row. */
static GPtrArray *
read_all (const char  *path,
          const char  *sheet,
          char       **sheet_name,
          GError     **error)
{
  CgReaderOptions options = { .format = CG_FILE_FORMAT_AUTO, .sheet = sheet };
  g_autoptr(CgReader) reader = cg_reader_open (path, &options, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) test_row_free);
  const CgCell *cells;
  guint n_cells;
  double progress = 0;

  if (reader == NULL)
    return NULL;
  g_assert_cmpint (cg_reader_get_format (reader), ==, CG_FILE_FORMAT_XLSX);
  g_assert_cmpstr (cg_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (cg_reader_get_delimiter (reader), ==, 0);
  if (sheet_name != NULL)
    *sheet_name = g_strdup (cg_reader_get_sheet_name (reader));

  while (cg_reader_next (reader, &cells, &n_cells, error))
    {
      TestRow *row = g_new0 (TestRow, 1);

      row->row_number = cg_reader_get_row_number (reader);
      row->cells = g_array_new (FALSE, FALSE, sizeof (TestCell));
      g_array_set_clear_func (row->cells, (GDestroyNotify) test_cell_clear);
      for (guint i = 0; i < n_cells; i++)
        {
          TestCell cell = { cells[i].type, g_strdup (cells[i].text), cells[i].number };

          g_assert_nonnull (cells[i].text);
          g_assert_cmpuint (strlen (cells[i].text), ==, cells[i].length);
          g_assert_true (g_utf8_validate (cells[i].text, -1, NULL));
          g_array_append_val (row->cells, cell);
        }
      g_ptr_array_add (rows, row);

      g_assert_cmpfloat (cg_reader_get_progress (reader), >=, progress);
      progress = cg_reader_get_progress (reader);
      g_assert_cmpfloat (progress, <=, 1.0);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  g_assert_cmpfloat (cg_reader_get_progress (reader), ==, 1.0);
  return g_steal_pointer (&rows);
}

static const TestCell *
cell_at (GPtrArray *rows,
         guint      row,
         guint      column)
{
  TestRow *r;

  g_assert_cmpuint (row, <, rows->len);
  r = g_ptr_array_index (rows, row);
  g_assert_cmpuint (column, <, r->cells->len);
  return &g_array_index (r->cells, TestCell, column);
}

static guint
row_length (GPtrArray *rows,
            guint      row)
{
  return ((TestRow *) g_ptr_array_index (rows, row))->cells->len;
}

static guint64
row_number (GPtrArray *rows,
            guint      row)
{
  return ((TestRow *) g_ptr_array_index (rows, row))->row_number;
}

static void
assert_text (GPtrArray  *rows,
             guint       row,
             guint       column,
             const char *text)
{
  const TestCell *cell = cell_at (rows, row, column);

  g_assert_cmpint (cell->type, ==, CG_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, text);
}

static void
assert_empty (GPtrArray *rows,
              guint      row,
              guint      column)
{
  const TestCell *cell = cell_at (rows, row, column);

  g_assert_cmpint (cell->type, ==, CG_CELL_EMPTY);
  g_assert_cmpstr (cell->text, ==, "");
}

static void
assert_value (GPtrArray  *rows,
              guint       row,
              guint       column,
              CgCellType  type,
              double      number,
              const char *text)
{
  const TestCell *cell = cell_at (rows, row, column);

  g_assert_cmpint (cell->type, ==, type);
  g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9);
  g_assert_cmpstr (cell->text, ==, text);
}

/* ---------------------------------------------------------------------- */
/* Hand-made workbooks                                                    */

typedef struct
{
  const char *name;
  const char *data;   /* NUL-terminated, or @length bytes */
  gsize       length;
} ZipEntry;

static void
write_zip (const char     *path,
           const ZipEntry *entries,
           guint           n_entries)
{
  int zip_error = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);

  g_assert_nonnull (zip);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize length = entries[i].length ? entries[i].length : strlen (entries[i].data);
      zip_source_t *source = zip_source_buffer (zip, entries[i].data, length, 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, entries[i].name, source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
}

#define NS_MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define NS_REL  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char content_types_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" "
  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "</Types>";

static const char root_rels_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static const char workbook_rels_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
  "</Relationships>";

/* Styles: 0 general, 1 built-in date (14), 2 a custom date-time format. */
static const char styles_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<styleSheet " NS_MAIN ">"
  "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\\ h:mm\"/></numFmts>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
  "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
  "<xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs>"
  "</styleSheet>";

/* A workbook of one sheet "Sheet1" from its parts' XML; @workbook_pr are
 * attributes of <workbookPr>, @sheet_data the content of <sheetData>. */
static char *
write_handmade (const char *name,
                const char *workbook_pr,
                const char *shared_strings,
                const char *sheet_data)
{
  char *path = tmp_path (name);
  g_autofree char *workbook = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook " NS_MAIN " " NS_REL "><workbookPr %s/>"
    "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    workbook_pr ? workbook_pr : "");
  g_autofree char *sheet = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet " NS_MAIN " " NS_REL "><sheetData>%s</sheetData></worksheet>",
    sheet_data);
  ZipEntry entries[] = {
    { "[Content_Types].xml", content_types_xml, 0 },
    { "_rels/.rels", root_rels_xml, 0 },
    { "xl/workbook.xml", workbook, 0 },
    { "xl/_rels/workbook.xml.rels", workbook_rels_xml, 0 },
    { "xl/styles.xml", styles_xml, 0 },
    { "xl/worksheets/sheet1.xml", sheet, 0 },
    { "xl/sharedStrings.xml", shared_strings, 0 },
  };

  write_zip (path, entries, G_N_ELEMENTS (entries) - (shared_strings == NULL));
  return path;
}

static void
assert_read_fails (const char    *path,
                   const char    *sheet,
                   int            code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (path, sheet, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CG_READER_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s", error->message);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_xlsx_values (void)
{
  g_autofree char *path = tmp_path ("values.xlsx");
  g_autofree char *sheet_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "通话记录");
  lxw_format *datetime = workbook_add_format (workbook);
  lxw_format *date = workbook_add_format (workbook);
  lxw_datetime call1 = { 2026, 9, 3, 12, 0, 0 };
  lxw_datetime call2 = { 2026, 1, 15, 0, 0, 0 };

  format_set_num_format (datetime, "yyyy-mm-dd hh:mm:ss");
  format_set_num_format_index (date, 14);

  worksheet_write_string (sheet, 0, 0, "坐席", NULL);
  worksheet_write_string (sheet, 0, 1, "客户电话", NULL);
  worksheet_write_string (sheet, 0, 2, "通话时长", NULL);
  worksheet_write_string (sheet, 0, 3, "是否接通", NULL);
  worksheet_write_string (sheet, 0, 4, "呼叫时间", NULL);
  worksheet_write_string (sheet, 0, 5, "备注", NULL);

  worksheet_write_string (sheet, 1, 0, "张三", NULL);
  worksheet_write_number (sheet, 1, 1, 13800138000, NULL);
  worksheet_write_number (sheet, 1, 2, 125, NULL);
  worksheet_write_boolean (sheet, 1, 3, 1, NULL);
  worksheet_write_datetime (sheet, 1, 4, &call1, datetime);
  worksheet_write_formula_str (sheet, 1, 5, "=\"未\"&\"接\"", NULL, "未接");

  worksheet_write_string (sheet, 2, 0, "李四 & <Li Si>", NULL);
  worksheet_write_number (sheet, 2, 1, -7.25, NULL);
  worksheet_write_number (sheet, 2, 2, 0.1, NULL);
  worksheet_write_boolean (sheet, 2, 3, 0, NULL);
  worksheet_write_datetime (sheet, 2, 4, &call2, date);
  worksheet_write_string (sheet, 2, 5, "张三", NULL);   /* shared with A2 */
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, &sheet_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet_name, ==, "通话记录");
  g_assert_cmpuint (rows->len, ==, 3);

  assert_text (rows, 0, 0, "坐席");
  assert_text (rows, 0, 4, "呼叫时间");
  g_assert_cmpuint (row_number (rows, 0), ==, 1);

  assert_text (rows, 1, 0, "张三");
  assert_value (rows, 1, 1, CG_CELL_NUMBER, 13800138000.0, "13800138000");
  assert_value (rows, 1, 2, CG_CELL_NUMBER, 125, "125");
  assert_value (rows, 1, 3, CG_CELL_BOOL, 1, "TRUE");
  assert_value (rows, 1, 4, CG_CELL_DATE, 46268.5, "2026-09-03 12:00:00");
  assert_text (rows, 1, 5, "未接");
  g_assert_cmpuint (row_number (rows, 1), ==, 2);

  assert_text (rows, 2, 0, "李四 & <Li Si>");
  assert_value (rows, 2, 1, CG_CELL_NUMBER, -7.25, "-7.25");
  assert_value (rows, 2, 2, CG_CELL_NUMBER, 0.1, "0.1");
  assert_value (rows, 2, 3, CG_CELL_BOOL, 0, "FALSE");
  assert_value (rows, 2, 4, CG_CELL_DATE, 46037, "2026-01-15");
  assert_text (rows, 2, 5, "张三");
}

static void
test_xlsx_number_text (void)
{
  g_autofree char *path = tmp_path ("numbers.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  /* value written, and the shortest text that reads back to it */
  static const struct { double value; const char *text; } numbers[] = {
    { 13800138000.0, "13800138000" },
    { 400123456789012.0, "400123456789012" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 1e-7, "1e-07" },
    { 1e20, "1e+20" },
    { 2.5, "2.5" },
    { -0.5, "-0.5" },
    { 0, "0" },
    { 1234.5678, "1234.5678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    worksheet_write_number (sheet, i, 0, numbers[i].value, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const TestCell *cell = cell_at (rows, i, 0);

      g_assert_cmpint (cell->type, ==, CG_CELL_NUMBER);
      g_assert_true (cell->number == numbers[i].value);
      g_assert_cmpstr (cell->text, ==, numbers[i].text);
    }
}

static void
test_xlsx_gaps (void)
{
  g_autofree char *path = tmp_path ("gaps.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *bold = workbook_add_format (workbook);

  format_set_bold (bold);
  worksheet_write_string (sheet, 0, 0, "a", NULL);
  worksheet_write_string (sheet, 0, 2, "c", NULL);
  worksheet_write_blank (sheet, 0, 6, bold);          /* trailing formatted blank */
  worksheet_write_number (sheet, 3, 0, 4, NULL);      /* rows 2 and 3 missing */
  worksheet_write_string (sheet, 3, 4, "e", NULL);
  worksheet_write_blank (sheet, 5, 1, bold);          /* a row of blanks only */
  worksheet_write_string (sheet, 7, 3, "d8", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  g_assert_cmpuint (row_number (rows, 0), ==, 1);
  g_assert_cmpuint (row_length (rows, 0), ==, 3);
  assert_text (rows, 0, 0, "a");
  assert_empty (rows, 0, 1);
  assert_text (rows, 0, 2, "c");

  g_assert_cmpuint (row_number (rows, 1), ==, 4);
  g_assert_cmpuint (row_length (rows, 1), ==, 5);
  assert_value (rows, 1, 0, CG_CELL_NUMBER, 4, "4");
  assert_empty (rows, 1, 1);
  assert_empty (rows, 1, 3);
  assert_text (rows, 1, 4, "e");

  g_assert_cmpuint (row_number (rows, 2), ==, 8);
  g_assert_cmpuint (row_length (rows, 2), ==, 4);
  assert_text (rows, 2, 3, "d8");
}

static char *
write_three_sheets (const char *name,
                    gboolean    hide_first)
{
  char *path = tmp_path (name);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *first = workbook_add_worksheet (workbook, "隐藏");
  lxw_worksheet *second = workbook_add_worksheet (workbook, "明细");
  lxw_worksheet *third = workbook_add_worksheet (workbook, "Summary");

  worksheet_write_string (first, 0, 0, "first", NULL);
  worksheet_write_string (second, 0, 0, "second", NULL);
  worksheet_write_string (third, 0, 0, "third", NULL);
  if (hide_first)
    {
      worksheet_activate (second);
      worksheet_hide (first);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_sheets (void)
{
  g_autofree char *visible = write_three_sheets ("visible.xlsx", FALSE);
  g_autofree char *hidden = write_three_sheets ("hidden.xlsx", TRUE);
  static const struct { gboolean hidden; const char *wanted, *sheet, *text; } cases[] = {
    { FALSE, NULL, "隐藏", "first" },
    { TRUE, NULL, "明细", "second" },       /* the hidden first sheet is passed over */
    { TRUE, "隐藏", "隐藏", "first" },      /* …unless asked for by name */
    { TRUE, "Summary", "Summary", "third" },
    { TRUE, "summary", "Summary", "third" }, /* Excel's names ignore case */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sheet_name = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_all (cases[i].hidden ? hidden : visible,
                                            cases[i].wanted, &sheet_name, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sheet_name, ==, cases[i].sheet);
      g_assert_cmpuint (rows->len, ==, 1);
      assert_text (rows, 0, 0, cases[i].text);
    }
}

static void
test_xlsx_missing_sheet (void)
{
  g_autofree char *path = write_three_sheets ("missing.xlsx", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_all (path, "呼叫记录", NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET);
  /* The message names what is there, so the user can pick. */
  g_assert_nonnull (strstr (error->message, "呼叫记录"));
  g_assert_nonnull (strstr (error->message, "隐藏"));
  g_assert_nonnull (strstr (error->message, "明细"));
  g_assert_nonnull (strstr (error->message, "Summary"));
}

static void
test_xlsx_rich_and_phonetic (void)
{
  g_autofree char *path = tmp_path ("rich.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *red = workbook_add_format (workbook);
  lxw_rich_string_tuple part1 = { NULL, "客户" };
  lxw_rich_string_tuple part2 = { red, "很满意" };
  lxw_rich_string_tuple part3 = { NULL, " (VIP)" };
  lxw_rich_string_tuple *rich[] = { &part1, &part2, &part3, NULL };
  /* Phonetic guides are written by Japanese Excel; libxlsxwriter cannot. */
  g_autofree char *handmade = NULL;
  static const char shared[] =
    "<sst " NS_MAIN " count=\"2\" uniqueCount=\"2\">"
    "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>"
    "<phoneticPr fontId=\"1\"/></si>"
    "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Line 1_x000D_</t></r>"
    "<r><t>\nLine_x005F_x0041_ 2</t></r></si>"
    "</sst>";

  format_set_font_color (red, LXW_COLOR_RED);
  worksheet_write_rich_string (sheet, 0, 0, rich, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_text (rows, 0, 0, "客户很满意 (VIP)");
  g_clear_pointer (&rows, g_ptr_array_unref);

  handmade = write_handmade ("phonetic.xlsx", NULL, shared,
                             "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                             "<c r=\"B1\" t=\"s\"><v>1</v></c></row>");
  rows = read_all (handmade, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_text (rows, 0, 0, "東京");
  /* _x000D_ is a carriage return; _x005F_ escapes the underscore of a
   * literal "_x0041_". */
  assert_text (rows, 0, 1, "Line 1\r\nLine_x0041_ 2");
}

static void
test_xlsx_inline_strings (void)
{
  g_autofree char *path = tmp_path ("constant-memory.xlsx");
  g_autofree char *handmade = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  /* In constant-memory mode libxlsxwriter writes inline strings. */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmp_dir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autofree char *sheet_xml = NULL;

  worksheet_write_string (sheet, 0, 0, "王五", NULL);
  worksheet_write_number (sheet, 0, 1, 13912345678, NULL);
  worksheet_write_string (sheet, 1, 2, "未接通", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  /* Make sure the file really holds inline strings, or the test proves
   * nothing. */
  {
    int zip_error = 0;
    zip_t *zip = zip_open (path, ZIP_RDONLY, &zip_error);
    zip_file_t *file = zip_fopen (zip, "xl/worksheets/sheet1.xml", 0);
    char buffer[8192];
    zip_int64_t n = zip_fread (file, buffer, sizeof buffer - 1);

    g_assert_cmpint (n, >, 0);
    buffer[n] = '\0';
    g_assert_nonnull (strstr (buffer, "inlineStr"));
    zip_fclose (file);
    zip_discard (zip);
  }

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_text (rows, 0, 0, "王五");
  assert_value (rows, 0, 1, CG_CELL_NUMBER, 13912345678, "13912345678");
  assert_empty (rows, 1, 0);
  assert_text (rows, 1, 2, "未接通");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Rich inline text with a phonetic guide, a formula's text, an error,
   * booleans, an ISO date cell, and cells without references. */
  sheet_xml = g_strdup (
    "<row r=\"2\">"
    "<c r=\"A2\" t=\"inlineStr\"><is><r><t>赵</t></r><r><rPr><i/></rPr><t>六</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>zhao</t></rPh></is></c>"
    "<c r=\"B2\" t=\"str\"><f>A2&amp;\"!\"</f><v>赵六!</v></c>"
    "<c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
    "<c r=\"D2\" t=\"b\"><v>1</v></c>"
    "<c r=\"E2\" t=\"d\"><v>2026-09-03T12:00:00</v></c>"
    "<c><v>6</v></c>"
    "<c t=\"inlineStr\"><is><t><![CDATA[a<b]]></t></is></c>"
    "</row>"
    "<row><c r=\"B3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  </t></is></c></row>");
  handmade = write_handmade ("inline.xlsx", NULL, NULL, sheet_xml);
  rows = read_all (handmade, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (row_number (rows, 0), ==, 2);
  assert_text (rows, 0, 0, "赵六");
  assert_text (rows, 0, 1, "赵六!");
  assert_text (rows, 0, 2, "#DIV/0!");
  assert_value (rows, 0, 3, CG_CELL_BOOL, 1, "TRUE");
  assert_value (rows, 0, 4, CG_CELL_DATE, 46268.5, "2026-09-03T12:00:00");
  assert_value (rows, 0, 5, CG_CELL_NUMBER, 6, "6");
  assert_text (rows, 0, 6, "a<b");
  /* A row without r follows the previous one. */
  g_assert_cmpuint (row_number (rows, 1), ==, 3);
  assert_text (rows, 1, 1, "  ");
}

static void
test_xlsx_date_formats (void)
{
  g_autofree char *path = tmp_path ("date-formats.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  /* format, value written, expected type, serial and text */
  static const struct {
    const char *format;
    double value;
    CgCellType type;
    const char *text;
  } cases[] = {
    { "yyyy\"年\"m\"月\"d\"日\"", 46268, CG_CELL_DATE, "2026-09-03" },
    { "hh:mm:ss", 0.75, CG_CELL_DATE, "18:00:00" },
    { "[h]:mm:ss", 0.5, CG_CELL_DATE, "12:00:00" },
    { "m/d/yy h:mm", 45351.25, CG_CELL_DATE, "2024-02-29 06:00:00" },
    { "[$-804]yyyy/m/d", 61, CG_CELL_DATE, "1900-03-01" },
    { "0.00", 46268, CG_CELL_NUMBER, "46268" },
    { "\"day\"0", 3, CG_CELL_NUMBER, "3" },          /* d only inside quotes */
    { "[Red]0;[Blue]-0", 5, CG_CELL_NUMBER, "5" },  /* letters only in brackets */
    { "0\\d", 7, CG_CELL_NUMBER, "7" },             /* an escaped d */
    { "General", 8, CG_CELL_NUMBER, "8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      lxw_format *format = workbook_add_format (workbook);

      format_set_num_format (format, cases[i].format);
      worksheet_write_number (sheet, i, 0, cases[i].value, format);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("format %s", cases[i].format);
      assert_value (rows, i, 0, cases[i].type, cases[i].value, cases[i].text);
    }
}

static void
test_xlsx_date1904 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path =
    write_handmade ("date1904.xlsx", "date1904=\"1\"", NULL,
                    "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c>"
                    "<c r=\"B1\" s=\"1\"><v>44000</v></c>"
                    "<c r=\"C1\" s=\"2\"><v>44000.5</v></c>"
                    "<c r=\"D1\"><v>44000</v></c></row>");

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  /* 1904-01-01 is 1462 in the 1900 system; 1904-system 44000 is
   * 1904-01-01 + 44000 days = 2024-06-19 = 1900-system 45462. */
  assert_value (rows, 0, 0, CG_CELL_DATE, 1462, "1904-01-01");
  assert_value (rows, 0, 1, CG_CELL_DATE, 45462, "2024-06-19");
  assert_value (rows, 0, 2, CG_CELL_DATE, 45462.5, "2024-06-19 12:00:00");
  /* Plain numbers are not shifted. */
  assert_value (rows, 0, 3, CG_CELL_NUMBER, 44000, "44000");
}

static void
test_xlsx_unsafe (void)
{
  static const char billion_laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<worksheet " NS_MAIN " a=\"&lol9;\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
    "<is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
  static const char external[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<worksheet " NS_MAIN "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
    "<is><t>&secret;</t></is></c></row></sheetData></worksheet>";
  static const char *const sheets[] = { billion_laughs, external };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *name = g_strdup_printf ("unsafe-%u.xlsx", i);
      g_autofree char *path = tmp_path (name);
      g_autofree char *workbook = g_strdup_printf (
        "<workbook " NS_MAIN " " NS_REL "><sheets>"
        "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      ZipEntry entries[] = {
        { "_rels/.rels", root_rels_xml, 0 },
        { "xl/workbook.xml", workbook, 0 },
        { "xl/_rels/workbook.xml.rels", workbook_rels_xml, 0 },
        { "xl/worksheets/sheet1.xml", sheets[i], 0 },
      };

      write_zip (path, entries, G_N_ELEMENTS (entries));
      assert_read_fails (path, NULL, CG_READER_ERROR_UNSAFE);
    }

  /* A DTD in the workbook part is refused as well. */
  {
    g_autofree char *path = tmp_path ("unsafe-workbook.xlsx");
    static const char workbook[] =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE workbook [ <!ENTITY n \"Sheet1\"> ]>\n"
      "<workbook " NS_MAIN " " NS_REL "><sheets>"
      "<sheet name=\"&n;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    ZipEntry entries[] = {
      { "_rels/.rels", root_rels_xml, 0 },
      { "xl/workbook.xml", workbook, 0 },
      { "xl/_rels/workbook.xml.rels", workbook_rels_xml, 0 },
      { "xl/worksheets/sheet1.xml", "<worksheet/>", 0 },
    };

    write_zip (path, entries, G_N_ELEMENTS (entries));
    assert_read_fails (path, NULL, CG_READER_ERROR_UNSAFE);
  }
}

/* 16 MiB of blanks deflate to some 16 KiB: a ratio near 1000. */
#define BOMB_BYTES (16 * 1024 * 1024)

static char *
bomb_sheet (gsize *length)
{
  static const char head[] = "<worksheet " NS_MAIN "><sheetData>";
  static const char tail[] = "</sheetData></worksheet>";
  char *sheet = g_malloc (BOMB_BYTES);

  memset (sheet, ' ', BOMB_BYTES);
  memcpy (sheet, head, strlen (head));
  memcpy (sheet + BOMB_BYTES - strlen (tail), tail, strlen (tail));
  *length = BOMB_BYTES;
  return sheet;
}

static char *
write_bomb (const char *name)
{
  char *path = tmp_path (name);
  gsize length;
  g_autofree char *sheet = bomb_sheet (&length);
  g_autofree char *workbook = g_strdup_printf (
    "<workbook " NS_MAIN " " NS_REL "><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  ZipEntry entries[] = {
    { "_rels/.rels", root_rels_xml, 0 },
    { "xl/workbook.xml", workbook, 0 },
    { "xl/_rels/workbook.xml.rels", workbook_rels_xml, 0 },
    { "xl/worksheets/sheet1.xml", sheet, length },
  };

  write_zip (path, entries, G_N_ELEMENTS (entries));
  return path;
}

static guint32
read_le32 (const guchar *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static void
write_le32 (guchar  *p,
            guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = value >> (8 * i);
}

static void
test_xlsx_zip_bomb (void)
{
  g_autofree char *path = write_bomb ("bomb.xlsx");
  g_autofree char *liar = tmp_path ("bomb-lying.xlsx");
  g_autofree guchar *data = NULL;
  static const char part[] = "xl/worksheets/sheet1.xml";
  gsize length;
  guint patched = 0;

  /* The zip directory tells the ratio. */
  assert_read_fails (path, NULL, CG_READER_ERROR_LIMIT);

  /* The same part claiming to unpack to 1,000 bytes, in the local header
   * and the central directory: only counting what inflates catches it. */
  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  for (gsize i = 0; i + 46 + strlen (part) <= length; i++)
    {
      if (memcmp (data + i, "PK\3\4", 4) == 0 && read_le32 (data + i + 18) < 1000000 &&
          memcmp (data + i + 30, part, strlen (part)) == 0)
        {
          write_le32 (data + i + 22, 1000);
          patched++;
        }
      else if (memcmp (data + i, "PK\1\2", 4) == 0 &&
               memcmp (data + i + 46, part, strlen (part)) == 0)
        {
          write_le32 (data + i + 24, 1000);
          patched++;
        }
    }
  g_assert_cmpuint (patched, ==, 2);
  g_assert_true (g_file_set_contents (liar, (char *) data, length, NULL));
  assert_read_fails (liar, NULL, CG_READER_ERROR_LIMIT);
}

/* A part whose directory entry says it unpacks to 3 GiB, over
 * CG_LIMIT_XLSX_PART_BYTES: refused before anything is inflated. */
static void
test_xlsx_part_size (void)
{
  g_autofree char *path = write_handmade ("huge-part.xlsx", NULL, NULL,
                                          "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autofree guchar *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = NULL;
  static const char part[] = "xl/worksheets/sheet1.xml";
  gsize length;
  guint patched = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  for (gsize i = 0; i + 46 + strlen (part) <= length; i++)
    if (memcmp (data + i, "PK\1\2", 4) == 0 && memcmp (data + i + 46, part, strlen (part)) == 0)
      {
        write_le32 (data + i + 24, 0xC0000000u);
        patched++;
      }
  g_assert_cmpuint (patched, ==, 1);
  g_assert_true (g_file_set_contents (path, (char *) data, length, NULL));

  reader = cg_reader_open (path, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "larger than"));
}

static void
test_xlsx_damaged (void)
{
  g_autofree char *good = write_three_sheets ("good.xlsx", FALSE);
  g_autofree char *truncated = tmp_path ("truncated.xlsx");
  g_autofree char *not_workbook = tmp_path ("not-workbook.xlsx");
  g_autofree char *bad_xml = NULL;
  g_autofree char *data = NULL;
  gsize length;
  ZipEntry entries[] = {
    { "word/document.xml", "<document/>", 0 },
    { "hello.txt", "你好", 0 },
  };

  /* A download cut off half way: the zip directory at the end is gone. */
  g_assert_true (g_file_get_contents (good, &data, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, data, length / 2, NULL));
  assert_read_fails (truncated, NULL, CG_READER_ERROR_FORMAT);

  write_zip (not_workbook, entries, G_N_ELEMENTS (entries));
  assert_read_fails (not_workbook, NULL, CG_READER_ERROR_FORMAT);

  bad_xml = write_handmade ("bad-xml.xlsx", NULL, NULL,
                            "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c>");
  assert_read_fails (bad_xml, NULL, CG_READER_ERROR_FORMAT);
}

static void
test_xlsx_limits (void)
{
  g_autofree char *wide = tmp_path ("wide.xlsx");
  g_autofree char *long_cell = NULL;
  g_autofree char *deep = NULL;
  g_autoptr(GString) xml = g_string_new ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
  g_autoptr(GString) nested = g_string_new ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autoptr(GRand) rand = NULL;
  lxw_workbook *workbook = workbook_new (wide);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  worksheet_write_string (sheet, 0, 0, "ok", NULL);
  worksheet_write_string (sheet, 1, 5000, "too far right", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  assert_read_fails (wide, NULL, CG_READER_ERROR_LIMIT);

  /* Varied CJK characters (3 bytes of UTF-8 each), so that the part does
   * not deflate like a zip bomb. */
  rand = g_rand_new_with_seed (42);
  for (guint i = 0; i < 1100 * 1024 / 3; i++)
    g_string_append_unichar (xml, 0x4E00 + g_rand_int_range (rand, 0, 8000));
  g_string_append (xml, "</t></is></c></row>");
  long_cell = write_handmade ("long-cell.xlsx", NULL, NULL, xml->str);
  assert_read_fails (long_cell, NULL, CG_READER_ERROR_LIMIT);

  for (guint i = 0; i < 200; i++)
    g_string_prepend (nested, "<x>");
  for (guint i = 0; i < 200; i++)
    g_string_append (nested, "</x>");
  deep = write_handmade ("deep.xlsx", NULL, NULL, nested->str);
  assert_read_fails (deep, NULL, CG_READER_ERROR_LIMIT);
}

static void
test_xlsx_empty_sheet (void)
{
  g_autofree char *path = write_handmade ("empty.xlsx", NULL, NULL,
                                          "<row r=\"1\"/><row r=\"2\"><c r=\"A2\" s=\"1\"/></row>");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgReader) reader = cg_reader_open (path, NULL, &error);

  /* Said at open, as for an empty CSV file, while the user still chooses. */
  g_assert_null (reader);
  g_assert_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Sheet1"));
}

#define LARGE_ROWS 20000

static void
test_xlsx_large (void)
{
  g_autofree char *path = tmp_path ("large.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "calls");
  lxw_format *datetime = workbook_add_format (workbook);
  static const char *const agents[] = { "张三", "李四", "王五", "赵六" };

  format_set_num_format (datetime, "yyyy-mm-dd hh:mm");
  worksheet_write_string (sheet, 0, 0, "坐席", NULL);
  worksheet_write_string (sheet, 0, 1, "电话", NULL);
  worksheet_write_string (sheet, 0, 2, "时长", NULL);
  worksheet_write_string (sheet, 0, 3, "时间", NULL);
  for (guint i = 1; i <= LARGE_ROWS; i++)
    {
      worksheet_write_string (sheet, i, 0, agents[i % 4], NULL);
      worksheet_write_number (sheet, i, 1, 13800000000.0 + i, NULL);
      worksheet_write_number (sheet, i, 2, i % 600, NULL);
      /* one call a minute from 2026-01-01 00:00 (serial 46023) */
      worksheet_write_number (sheet, i, 3, 46023 + i / 1440.0, datetime);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = read_all (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, LARGE_ROWS + 1);
  for (guint i = 1; i <= LARGE_ROWS; i += 997)
    {
      g_autofree char *phone = g_strdup_printf ("%" G_GUINT64_FORMAT, 13800000000 + i);
      g_autofree char *seconds = g_strdup_printf ("%u", i % 600);

      g_assert_cmpuint (row_number (rows, i), ==, i + 1);
      assert_text (rows, i, 0, agents[i % 4]);
      assert_value (rows, i, 1, CG_CELL_NUMBER, 13800000000.0 + i, phone);
      assert_value (rows, i, 2, CG_CELL_NUMBER, i % 600, seconds);
      g_assert_cmpint (cell_at (rows, i, 3)->type, ==, CG_CELL_DATE);
      g_assert_cmpfloat_with_epsilon (cell_at (rows, i, 3)->number, 46023 + i / 1440.0, 1e-9);
    }
  /* Row 20001 (i = 20000): 20000 minutes after 2026-01-01 00:00 is
   * 13 days 21:20, so 2026-01-14 21:20. */
  assert_value (rows, LARGE_ROWS, 3, CG_CELL_DATE, 46023 + LARGE_ROWS / 1440.0,
                "2026-01-14 21:20:00");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("cg-test-xlsx-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/reader/xlsx/values", test_xlsx_values);
  g_test_add_func ("/reader/xlsx/number-text", test_xlsx_number_text);
  g_test_add_func ("/reader/xlsx/gaps", test_xlsx_gaps);
  g_test_add_func ("/reader/xlsx/sheets", test_xlsx_sheets);
  g_test_add_func ("/reader/xlsx/missing-sheet", test_xlsx_missing_sheet);
  g_test_add_func ("/reader/xlsx/rich-and-phonetic", test_xlsx_rich_and_phonetic);
  g_test_add_func ("/reader/xlsx/inline-strings", test_xlsx_inline_strings);
  g_test_add_func ("/reader/xlsx/date-formats", test_xlsx_date_formats);
  g_test_add_func ("/reader/xlsx/date1904", test_xlsx_date1904);
  g_test_add_func ("/reader/xlsx/unsafe", test_xlsx_unsafe);
  g_test_add_func ("/reader/xlsx/zip-bomb", test_xlsx_zip_bomb);
  g_test_add_func ("/reader/xlsx/part-size", test_xlsx_part_size);
  g_test_add_func ("/reader/xlsx/damaged", test_xlsx_damaged);
  g_test_add_func ("/reader/xlsx/limits", test_xlsx_limits);
  g_test_add_func ("/reader/xlsx/empty-sheet", test_xlsx_empty_sheet);
  g_test_add_func ("/reader/xlsx/large", test_xlsx_large);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
