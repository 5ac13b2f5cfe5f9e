/* test-import-calls.c — call logs from files into the store, end to end.
 *
 * Every test imports into a fresh database and reads what was stored back
 * with plain SQL on a connection of its own, so the checks see the rows,
 * not what the import code says about them.  Files are written at run time
 * (CSV from literals, GB18030 through g_convert, workbooks with
 * libxlsxwriter or libzip); the dialer logs are small hand-written files in
 * fixtures/calls/.
 *
 * Expected instants were worked out with date(1), e.g.
 *   date -d '2026-09-01 10:00:05 +0800' +%s  →  1788228005
 * Times written without a zone are Beijing time (Asia/Shanghai, UTC+8),
 * the store's default.  Useful anchors (all +0800):
 *   2026-09-01 00:00:00  1788192000      2026-09-01 10:00:00  1788228000
 *   2026-09-01 09:05:00  1788224700      2026-09-01 11:00:00  1788231600
 *   2026-09-01 11:30:00  1788233400      2026-09-01 12:00:00  1788235200
 * and 10:mm:ss on that day is 1788228000 + 60 × mm + ss.  Excel serial
 * 46266 is 2026-09-01 (days since 1899-12-30).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>
#include <zip.h>
#ifndef G_OS_WIN32
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#endif

#include "cg-test-util.h"
#include "cg-batch.h"
#include "cg-import-calls.h"

typedef CgTestStore Fixture;

/* ---------------------------------------------------------------------- */
/* Files                                                                  */

static char *
write_text (Fixture    *f,
            const char *name,
            const char *text)
{
  return cg_test_write_file (f->dir, name, text, -1);
}

static char *
write_gb18030 (Fixture    *f,
               const char *name,
               const char *utf8)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  /* Otherwise the file would not test detection at all. */
  g_assert_false (g_utf8_validate (gb, length, NULL));
  return cg_test_write_file (f->dir, name, gb, length);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "calls", name, NULL);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* The usual Chinese export: header and then rows "时间,号码,秒,结果". */
#define SIMPLE_HEADER "呼叫时间,被叫号码,通话时长,呼叫结果\n"

/* Rows i in [first, last): 2026-09-01 10:00 + i minutes, a distinct number,
 * talk i × 7 mod 50 seconds.  Returns the talk seconds they add up to. */
static gint64
append_rows (GString *s,
             guint    first,
             guint    last)
{
  gint64 talk_sum = 0;

  g_assert_cmpuint (last, <=, 20 * 24 * 60);  /* stays in September */
  for (guint i = first; i < last; i++)
    {
      guint minute = 10 * 60 + i;  /* of 2026-09-01 */
      int talk = i * 7 % 50;

      g_string_append_printf (s, "2026-09-%02u %02u:%02u:00,1380000%04u,%d,%s\n",
                              1 + minute / (24 * 60), minute / 60 % 24, minute % 60,
                              i, talk, talk > 0 ? "已接通" : "无人接听");
      talk_sum += talk;
    }
  return talk_sum;
}

/* The talk seconds of rows [first, last) as append_rows() writes them. */
static gint64
rows_talk_sum (guint first,
               guint last)
{
  g_autoptr(GString) scratch = g_string_new (NULL);

  return append_rows (scratch, first, last);
}

static char *
write_rows (Fixture    *f,
            const char *name,
            guint       first,
            guint       last,
            gint64     *talk_sum)
{
  g_autoptr(GString) s = g_string_new (SIMPLE_HEADER);
  gint64 sum = append_rows (s, first, last);

  if (talk_sum != NULL)
    *talk_sum = sum;
  return write_text (f, name, s->str);
}

/* ---------------------------------------------------------------------- */
/* Hand-made workbooks                                                    */

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;  /* 0: NUL-terminated */
} ZipEntry;

static char *
write_zip (Fixture        *f,
           const char     *name,
           const ZipEntry *entries,
           guint           n_entries)
{
  char *path = g_build_filename (f->dir, name, NULL);
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
  return path;
}

#define NS_MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define NS_REL  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A workbook of one sheet whose part is @sheet (@length bytes, 0: a string). */
static char *
write_one_sheet_zip (Fixture    *f,
                     const char *name,
                     const char *sheet,
                     gsize       length)
{
  static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";
  static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook " NS_MAIN " " NS_REL "><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  static const char workbook_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";
  ZipEntry entries[] = {
    { "_rels/.rels", root_rels, 0 },
    { "xl/workbook.xml", workbook, 0 },
    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
    { "xl/worksheets/sheet1.xml", sheet, length },
  };

  return write_zip (f, name, entries, G_N_ELEMENTS (entries));
}

/* 4 MiB of blanks deflate to a few KiB: a ratio far over the limit. */
#define BOMB_BYTES (4 * 1024 * 1024)

static char *
write_zip_bomb (Fixture    *f,
                const char *name)
{
  static const char head[] = "<worksheet " NS_MAIN "><sheetData>";
  static const char tail[] = "</sheetData></worksheet>";
  g_autofree char *sheet = g_malloc (BOMB_BYTES);

  memset (sheet, ' ', BOMB_BYTES);
  memcpy (sheet, head, strlen (head));
  memcpy (sheet + BOMB_BYTES - strlen (tail), tail, strlen (tail));
  return write_one_sheet_zip (f, name, sheet, BOMB_BYTES);
}

static char *
write_entity_xlsx (Fixture    *f,
                   const char *name)
{
  static const char sheet[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE worksheet [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
    "]>\n"
    "<worksheet " NS_MAIN "><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>呼叫时间</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t>呼叫结果</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&lol3;</t></is></c>"
    "<c r=\"B2\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>"
    "</sheetData></worksheet>";

  return write_one_sheet_zip (f, name, sheet, 0);
}

/* A valid workbook cut in half, as an interrupted download leaves it. */
static char *
write_truncated_xlsx (Fixture    *f,
                      const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  for (guint row = 0; row < 200; row++)
    {
      worksheet_write_string (sheet, row, 0, row == 0 ? "呼叫时间" : "2026-09-01 10:00:00", NULL);
      worksheet_write_string (sheet, row, 1, row == 0 ? "呼叫结果" : "已接通", NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, length / 2, NULL));
  return path;
}

static void
put_le16 (guint8  *p,
          guint16  value)
{
  p[0] = value & 0xFF;
  p[1] = value >> 8;
}

static void
put_le32 (guint8  *p,
          guint32  value)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (value >> (8 * i)) & 0xFF;
}

#define CFB_FREESECT   0xFFFFFFFFu
#define CFB_ENDOFCHAIN 0xFFFFFFFEu
#define CFB_FATSECT    0xFFFFFFFDu
#define CFB_NOSTREAM   0xFFFFFFFFu

/* What Excel saves for a password-protected .xlsx: an OLE compound file
 * (MS-CFB version 3, 512-byte sectors) with the streams "EncryptionInfo"
 * and "EncryptedPackage" and no "Workbook".  Sector 0 is the FAT, sector 1
 * the directory; the streams are empty. */
static char *
write_encrypted_ole (Fixture    *f,
                     const char *name)
{
  static const char *const entry_names[] = { "Root Entry", "EncryptionInfo", "EncryptedPackage" };
  guint8 data[3 * 512];
  guint8 *header = data;
  guint8 *fat = data + 512;
  guint8 *directory = data + 1024;

  memset (data, 0, sizeof data);
  memcpy (header, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  put_le16 (header + 24, 0x003E);           /* minor version */
  put_le16 (header + 26, 3);                /* major version */
  put_le16 (header + 28, 0xFFFE);           /* little-endian */
  put_le16 (header + 30, 9);                /* 512-byte sectors */
  put_le16 (header + 32, 6);                /* 64-byte mini sectors */
  put_le32 (header + 44, 1);                /* FAT sectors */
  put_le32 (header + 48, 1);                /* first directory sector */
  put_le32 (header + 56, 4096);             /* mini stream cutoff */
  put_le32 (header + 60, CFB_ENDOFCHAIN);   /* no mini FAT */
  put_le32 (header + 68, CFB_ENDOFCHAIN);   /* no DIFAT sectors */
  put_le32 (header + 76, 0);                /* the FAT is sector 0 */
  for (guint i = 1; i < 109; i++)
    put_le32 (header + 76 + 4 * i, CFB_FREESECT);

  put_le32 (fat, CFB_FATSECT);
  put_le32 (fat + 4, CFB_ENDOFCHAIN);
  for (guint i = 2; i < 128; i++)
    put_le32 (fat + 4 * i, CFB_FREESECT);

  for (guint i = 0; i < G_N_ELEMENTS (entry_names); i++)
    {
      guint8 *entry = directory + 128 * i;
      gsize length = strlen (entry_names[i]);

      for (gsize c = 0; c < length; c++)
        put_le16 (entry + 2 * c, entry_names[i][c]);
      put_le16 (entry + 64, 2 * (length + 1));
      entry[66] = i == 0 ? 5 : 2;            /* root storage, or stream */
      entry[67] = 1;                         /* black */
      put_le32 (entry + 68, CFB_NOSTREAM);   /* left sibling */
      put_le32 (entry + 72, i == 1 ? 2 : CFB_NOSTREAM);
      put_le32 (entry + 76, i == 0 ? 1 : CFB_NOSTREAM);  /* child */
      put_le32 (entry + 116, CFB_ENDOFCHAIN);  /* empty stream */
    }
  return cg_test_write_file (f->dir, name, (const char *) data, sizeof data);
}

/* ---------------------------------------------------------------------- */
/* Reading the database back, without the code under test                 */

static sqlite3 *
db_open (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static sqlite3_stmt *
db_prepare (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* The single integer @sql returns; ?1 is bound to @param. */
static gint64
sql_int_param (Fixture    *f,
               const char *sql,
               gint64      param)
{
  sqlite3 *db = db_open (f);
  sqlite3_stmt *stmt = db_prepare (db, sql);
  gint64 value;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), !=, SQLITE_NULL);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  return sql_int_param (f, sql, 0);
}

/* The single value @sql returns as text, NULL for NULL. */
static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = db_open (f);
  sqlite3_stmt *stmt = db_prepare (db, sql);
  char *value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* All rows of @sql, columns joined by '|' (NULL as "NULL"), each row ended
 * by '\n'. */
static char *
sql_dump (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = db_open (f);
  sqlite3_stmt *stmt = db_prepare (db, sql);
  GString *out = g_string_new (NULL);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

#define assert_sql(f, sql, expected) \
  G_STMT_START { \
    g_autofree char *dump_ = sql_dump ((f), (sql)); \
    g_assert_cmpstr (dump_, ==, (expected)); \
  } G_STMT_END

typedef struct
{
  gint64 calls;
  gint64 batches;
} Counts;

static Counts
count_rows (Fixture *f)
{
  Counts counts = {
    sql_int (f, "SELECT count(*) FROM calls"),
    sql_int (f, "SELECT count(*) FROM batches"),
  };
  return counts;
}

#define assert_counts(f, before) \
  G_STMT_START { \
    Counts after_ = count_rows (f); \
    g_assert_cmpint (after_.calls, ==, (before).calls); \
    g_assert_cmpint (after_.batches, ==, (before).batches); \
  } G_STMT_END

/* TRUE if @text has @number as a whole number ("row 5", "第5行", "Row
 * 3,000"): digit groups may be split by a comma or a (narrow) no-break
 * space. */
static gboolean
has_number (const char *text,
            guint64     number)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
  g_autoptr(GString) plain = g_string_new (NULL);
  gsize length = strlen (digits);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == ',' || c == 0x00A0 || c == 0x202F) && plain->len > 0 &&
          g_ascii_isdigit (plain->str[plain->len - 1]) && g_ascii_isdigit (*next))
        continue;
      g_string_append_len (plain, p, next - p);
    }
  for (const char *p = strstr (plain->str, digits); p != NULL; p = strstr (p + 1, digits))
    if ((p == plain->str || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[length]))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Importing                                                              */

static CgImportResult *
import_with (Fixture                *f,
             const char             *path,
             const CgImportOptions  *options,
             GError                **error)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, options, tz, error);

  if (plan == NULL)
    return NULL;
  return cg_import_run (f->store, plan, NULL, NULL, NULL, error);
}

static CgImportResult *
import_ok (Fixture    *f,
           const char *path)
{
  CgImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  CgImportResult *result = import_with (f, path, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Imports @path expecting @domain/@code, and checks nothing changed. */
static void
assert_import_fails (Fixture               *f,
                     const char            *path,
                     const CgImportOptions *options,
                     GQuark                 domain,
                     int                    code)
{
  CgImportOptions defaults = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;
  Counts before = count_rows (f);

  result = import_with (f, path, options ? options : &defaults, &error);
  g_assert_null (result);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s: %s", path, error->message);
  assert_counts (f, before);
}

/* Two calls of 2026-08-31 so that "unchanged" has rows to keep. */
static Counts
preload (Fixture *f)
{
  g_autofree char *path = write_text (f, "preload.csv",
                                      SIMPLE_HEADER
                                      "2026-08-31 15:00:00,15000000001,61,已接通\n"
                                      "2026-08-31 15:01:00,15000000002,0,无人接听\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);
  Counts counts = count_rows (f);

  g_assert_cmpint (result->rows_imported, ==, 2);
  g_assert_cmpint (counts.calls, ==, 2);
  g_assert_cmpint (counts.batches, ==, 1);
  return counts;
}

static const CgImportIssue *
issue_at (CgImportResult *result,
          guint           index)
{
  g_assert_cmpuint (index, <, result->errors->len);
  return g_ptr_array_index (result->errors, index);
}

/* ---------------------------------------------------------------------- */
/* Generic files                                                          */

static void
test_generic_chinese (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_text (f, "外呼明细.csv",
    "呼叫时间,被叫号码,通话时长(秒),呼叫结果,坐席工号,线路,号码来源,客户分组,意向,成交金额\n"
    "2026-09-01 10:00:05,13800138000,95,已接通,A01,L1,名单A,新客户,成交,\"1,280.50\"\n"
    "2026-09-01 10:05:00,13900139000,0,无人接听,A02,L1,名单A,老客户,,\n"
    "2026-09-01 10:06:00,13700137000,0,空号,A01,L2,名单B,新客户,,\n"
    "2026-09-01 10:07:00,13600136000,0,关机,A02,L2,名单B,,,\n"
    "2026-09-01 10:08:00,13500135000,0,线路故障,A01,L1,名单A,,,\n"
    "2026-09-01 10:09:00,13400134000,0,用户忙,A02,L1,名单B,,,\n"
    "2026-09-01 10:10:00,13300133000,0,拒接,A01,L2,名单A,,,\n"
    "2026-09-01 10:11:00,13200132000,42,无人接听,A02,L2,名单B,老客户,有意向,\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);
  g_autofree char *sha = file_sha256 (path);
  g_autofree char *batch_row = NULL;

  g_assert_cmpint (result->batch_id, >, 0);
  g_assert_cmpstr (result->file, ==, "外呼明细.csv");
  g_assert_cmpstr (result->format, ==, "csv");
  g_assert_cmpstr (result->preset, ==, "generic");
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
  g_assert_cmpstr (result->sha256, ==, sha);
  g_assert_cmpint (result->previous_batch_id, ==, 0);
  g_assert_cmpint (result->rows_read, ==, 8);
  g_assert_cmpint (result->rows_imported, ==, 8);
  g_assert_cmpint (result->rows_skipped, ==, 0);
  g_assert_cmpint (result->duplicates, ==, 0);
  g_assert_cmpint (result->n_errors, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (result->unknown_outcomes), ==, 0);

  /* Outcomes: 已接通 1, 无人接听 2, 空号 5, 关机 6, 线路故障 7, 用户忙 3,
   * 拒接 4; the last row talked 42 s, so it is connected whatever its text.
   * Dispositions: 成交 1 (sale), 有意向 2 (interested). */
  assert_sql (f,
              "SELECT start_ts, talk_s, outcome, outcome_raw, agent_id, line, list, segment,"
              "       disposition, sale_amount, phone_masked, phone_kind, phone_full "
              "FROM calls ORDER BY id",
              "1788228005|95|1|已接通|A01|L1|名单A|新客户|1|1280.5|138****8000|1|NULL\n"
              "1788228300|0|2|无人接听|A02|L1|名单A|老客户|0|NULL|139****9000|1|NULL\n"
              "1788228360|0|5|空号|A01|L2|名单B|新客户|0|NULL|137****7000|1|NULL\n"
              "1788228420|0|6|关机|A02|L2|名单B|NULL|0|NULL|136****6000|1|NULL\n"
              "1788228480|0|7|线路故障|A01|L1|名单A|NULL|0|NULL|135****5000|1|NULL\n"
              "1788228540|0|3|用户忙|A02|L1|名单B|NULL|0|NULL|134****4000|1|NULL\n"
              "1788228600|0|4|拒接|A01|L2|名单A|NULL|0|NULL|133****3000|1|NULL\n"
              "1788228660|42|1|无人接听|A02|L2|名单B|老客户|2|NULL|132****2000|1|NULL\n");
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", result->batch_id), ==, 8);

  batch_row = g_strdup_printf ("%" G_GINT64_FORMAT "|calls|外呼明细.csv|%s|generic|UTF-8|8|8|0|0\n",
                               result->batch_id, sha);
  assert_sql (f,
              "SELECT id, kind, file_name, sha256, preset, encoding, rows_read, rows_imported,"
              "       rows_skipped, duplicates FROM batches",
              batch_row);
}

static void
test_generic_english (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_text (f, "calls.csv",
    "Call ID,Start Time,Answer Time,End Time,Phone,Billsec,Disposition,Agent,Agent Name,Trunk,List,Campaign\n"
    "c-1,2026-09-01 10:00:00,2026-09-01 10:00:12,2026-09-01 10:01:40,13800138000,88,ANSWERED,8001,Zhang San,trunk-a,spring,autumn-promo\n"
    "c-2,2026-09-01 10:02:00,,2026-09-01 10:02:30,13900139000,0,NO ANSWER,8001,Zhang San,trunk-a,spring,autumn-promo\n"
    "c-3,2026-09-01 10:03:00,,2026-09-01 10:03:20,13700137000,20,NORMAL_CLEARING,8002,Li Si,trunk-b,summer,\n"
    "c-4,2026-09-01 10:04:00,,2026-09-01 10:04:30,13600136000,0,NORMAL_CLEARING,8002,Li Si,trunk-b,summer,\n"
    "c-5,2026-09-01 10:05:00,2026-09-01 10:05:09,2026-09-01 10:05:10,13500135000,0,NO ANSWER,8003,Wang Wu,trunk-a,summer,\n"
    "c-6,2026-09-01 10:06:00,,2026-09-01 10:06:08,13400134000,0,BUSY,8003,Wang Wu,trunk-b,summer,\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpstr (result->preset, ==, "generic");
  g_assert_cmpint (result->rows_imported, ==, 6);

  /* NORMAL_CLEARING is connected with billsec > 0 (c-3) and no_answer with
   * 0 (c-4); an answer time makes c-5 connected although it says NO ANSWER.
   * Without a duration column, duration = end − start. */
  assert_sql (f,
              "SELECT call_uid, start_ts, answer_ts, end_ts, talk_s, duration_s, outcome, outcome_raw,"
              "       agent_id, agent_name, line, list, campaign FROM calls ORDER BY id",
              "c-1|1788228000|1788228012|1788228100|88|100|1|ANSWERED|8001|Zhang San|trunk-a|spring|autumn-promo\n"
              "c-2|1788228120|NULL|1788228150|0|30|2|NO ANSWER|8001|Zhang San|trunk-a|spring|autumn-promo\n"
              "c-3|1788228180|NULL|1788228200|20|20|1|NORMAL_CLEARING|8002|Li Si|trunk-b|summer|NULL\n"
              "c-4|1788228240|NULL|1788228270|0|30|2|NORMAL_CLEARING|8002|Li Si|trunk-b|summer|NULL\n"
              "c-5|1788228300|1788228309|1788228310|0|10|1|NO ANSWER|8003|Wang Wu|trunk-a|summer|NULL\n"
              "c-6|1788228360|NULL|1788228368|0|8|3|BUSY|8003|Wang Wu|trunk-b|summer|NULL\n");
}

/* Without a talk column, talk is end − answer. */
static void
test_generic_answer_end (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = write_text (f, "answer-end.csv",
    "开始时间,接通时间,结束时间,客户号码\n"
    "2026-09-01 10:00:00,2026-09-01 10:00:12,2026-09-01 10:01:40,13800138000\n"
    "2026-09-01 10:02:00,,2026-09-01 10:02:30,13900139000\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_imported, ==, 2);
  assert_sql (f, "SELECT talk_s, duration_s, outcome FROM calls ORDER BY id",
              "88|100|1\n"
              "0|30|2\n");
}

/* ---------------------------------------------------------------------- */
/* Times, durations and phone numbers                                     */

static void
test_times (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_text (f, "times.csv",
    SIMPLE_HEADER
    "2026-09-01 10:00:05,13800000001,95,已接通\n"
    "2026/9/1 9:05,13800000002,1:02:03,已接通\n"
    "2026年9月1日 11:30,13800000003,1分30秒,已接通\n"
    "2026-09-01T12:00:00+09:00,13800000004,0:01:35,已接通\n"
    "2026-09-01T02:00:05Z,13800000005,2分,已接通\n"
    "1788235200,13800000006,35秒,已接通\n"
    "46266.5,13800000007,0,未接通\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_imported, ==, 7);
  g_assert_cmpint (result->rows_skipped, ==, 0);
  /* 12:00+09:00 is 11:00 Beijing; 02:00:05Z is 10:00:05 Beijing; serial
   * 46266.5 is noon on 2026-09-01, Beijing wall clock. */
  assert_sql (f, "SELECT start_ts, talk_s, outcome FROM calls ORDER BY id",
              "1788228005|95|1\n"
              "1788224700|3723|1\n"
              "1788233400|90|1\n"
              "1788231600|95|1\n"
              "1788228005|120|1\n"
              "1788235200|35|1\n"
              "1788235200|0|2\n");
}

/* The business time zone is a setting; times without a zone follow it. */
static void
test_times_zone_setting (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = write_text (f, "utc.csv",
                                      SIMPLE_HEADER
                                      "2026-09-01 10:00:05,13800000001,95,已接通\n"
                                      "2026-09-01T10:00:05+08:00,13800000002,95,已接通\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;

  cg_store_set_setting (f->store, "time_zone", "UTC", &error);
  g_assert_no_error (error);
  result = import_ok (f, path);
  /* date -d '2026-09-01 10:00:05 UTC' +%s → 1788256805 */
  assert_sql (f, "SELECT start_ts FROM calls ORDER BY id",
              "1788256805\n"
              "1788228005\n");
}

static void
test_phones (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_text (f, "phones.csv",
    "呼叫时间,被叫号码,通话时长,呼叫结果,号码来源\n"
    "2026-09-01 10:00:00,138 0013 8000,0,无人接听,same\n"
    "2026-09-01 10:01:00,138-0013-8000,0,无人接听,same\n"
    "2026-09-01 10:02:00,+86 138 0013 8000,0,无人接听,same\n"
    "2026-09-01 10:03:00,008613800138000,0,无人接听,same\n"
    "2026-09-01 10:04:00,13800138000.0,0,无人接听,same\n"
    "2026-09-01 10:05:00,1.38001380E+10,0,无人接听,same\n"
    "2026-09-01 10:05:30,13800138000,0,无人接听,plain\n"
    "2026-09-01 10:06:00,1.38001E+10,0,无人接听,rounded\n"
    "2026-09-01 10:07:00,010-8888 6666,0,无人接听,area\n"
    "2026-09-01 10:08:00,4008123456,0,无人接听,400\n"
    "2026-09-01 10:09:00,95555,0,无人接听,short\n"
    "2026-09-01 10:10:00,8888 6666,0,无人接听,local\n"
    "2026-09-01 10:11:00,12345678901234,0,无人接听,long\n"
    "2026-09-01 10:12:00,unknown,0,无人接听,letters\n"
    "2026-09-01 10:13:00,,0,无人接听,blank\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_imported, ==, 15);
  /* Kinds: 0 none, 1 mobile, 2 landline, 3 service, 4 invalid, 5 damaged. */
  assert_sql (f, "SELECT list, phone_kind, phone_masked FROM calls ORDER BY id",
              "same|1|138****8000\n"
              "same|1|138****8000\n"
              "same|1|138****8000\n"
              "same|1|138****8000\n"
              "same|1|138****8000\n"
              "same|1|138****8000\n"
              "plain|1|138****8000\n"
              "rounded|5|138****0000\n"
              "area|2|010****6666\n"
              "400|3|400***3456\n"
              "short|3|95*55\n"
              "local|2|888*6666\n"
              "long|4|123*******1234\n"
              "letters|4|NULL\n"
              "blank|0|NULL\n");
  /* Six spellings of one number hash as the plain digits do. */
  g_assert_cmpint (sql_int (f, "SELECT count(DISTINCT phone_hash) FROM calls WHERE list IN ('same', 'plain')"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls WHERE list = 'same' AND phone_hash = "
                               "(SELECT phone_hash FROM calls WHERE list = 'plain')"), ==, 6);
  /* A number Excel rounded to six digits is not that number. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls WHERE list = 'rounded' AND phone_hash IN "
                               "(SELECT phone_hash FROM calls WHERE list = 'same')"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls WHERE phone_hash IS NULL"), ==, 2);
  /* Full numbers are not kept unless asked for. */
  g_assert_cmpint (sql_int (f, "SELECT count(phone_full) FROM calls"), ==, 0);
}

static void
test_phones_keep_full (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_text (f, "full.csv",
                                      SIMPLE_HEADER
                                      "2026-09-01 10:00:00,+86 138-0013-8000,0,无人接听\n"
                                      "2026-09-01 10:01:00,010-8888 6666,0,无人接听\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;

  cg_store_set_setting (f->store, "keep_full_numbers", "true", &error);
  g_assert_no_error (error);
  result = import_ok (f, path);
  assert_sql (f, "SELECT phone_full, phone_masked FROM calls ORDER BY id",
              "13800138000|138****8000\n"
              "01088886666|010****6666\n");
}

/* ---------------------------------------------------------------------- */
/* Dialer presets (fixtures/calls/)                                       */

static void
test_preset_asterisk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("asterisk-Master.csv");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpstr (result->preset, ==, "asterisk");
  g_assert_cmpstr (result->file, ==, "asterisk-Master.csv");
  g_assert_cmpint (result->rows_read, ==, 5);
  g_assert_cmpint (result->rows_imported, ==, 5);
  /* The line is the trunk of dstchannel; FAILED and CONGESTION are line
   * failures (7); accountcode is the campaign. */
  assert_sql (f,
              "SELECT call_uid, start_ts, answer_ts, end_ts, duration_s, talk_s, outcome, outcome_raw,"
              "       agent_id, line, phone_masked, phone_kind, campaign FROM calls ORDER BY id",
              "1788228000.1|1788228000|1788228012|1788228100|100|88|1|ANSWERED|8001|trunk-a|138****8000|1|NULL\n"
              "1788228120.3|1788228120|NULL|1788228150|30|0|2|NO ANSWER|8001|trunk-a|139****9000|1|NULL\n"
              "1788228180.5|1788228180|NULL|1788228188|8|0|3|BUSY|8002|trunk-b|137****7000|1|autumn\n"
              "1788228240.7|1788228240|NULL|1788228240|0|0|7|FAILED|8002|NULL|136****6000|1|autumn\n"
              "1788228300.9|1788228300|NULL|1788228303|3|0|7|CONGESTION|8003|trunk-c|021****6666|2|NULL\n");
  assert_sql (f, "SELECT preset, rows_read FROM batches", "asterisk|5\n");
}

static void
test_preset_freepbx (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("freepbx-cdr.csv");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpstr (result->preset, ==, "freepbx");
  g_assert_cmpint (result->rows_imported, ==, 3);
  /* cnum/cnam are the agent, outbound_cnum the line, uniqueid the call id. */
  assert_sql (f,
              "SELECT call_uid, start_ts, talk_s, duration_s, outcome, agent_id, agent_name, line,"
              "       phone_masked FROM calls ORDER BY id",
              "1788228000.1|1788228000|88|100|1|8001|Zhang San|02188886666|138****8000\n"
              "1788228120.3|1788228120|0|30|2|8001|Zhang San|02188886666|139****9000\n"
              "1788228180.5|1788228180|0|8|3|8002|Li Si|02188887777|137****7000\n");
}

static void
test_preset_freeswitch (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path ("freeswitch-Master.csv");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpstr (result->preset, ==, "freeswitch");
  g_assert_cmpint (result->rows_imported, ==, 5);
  /* NORMAL_CLEARING: connected with billsec 88, no_answer with 0;
   * USER_BUSY 3, UNALLOCATED_NUMBER 5, NO_ANSWER 2. */
  assert_sql (f,
              "SELECT call_uid, start_ts, answer_ts, end_ts, duration_s, talk_s, outcome, outcome_raw,"
              "       agent_name, agent_id, campaign, phone_masked FROM calls ORDER BY id",
              "5b8a3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b|1788228000|1788228012|1788228100|100|88|1|NORMAL_CLEARING|Zhang San|8001|autumn|138****8000\n"
              "6d2e8c41-7a55-4b0f-9c3e-2f1a0b9c8d7e|1788228120|NULL|1788228150|30|0|2|NORMAL_CLEARING|Zhang San|8001|autumn|139****9000\n"
              "7e3f9d52-8b66-4c1a-8d4f-3a2b1c0d9e8f|1788228180|NULL|1788228188|8|0|3|USER_BUSY|Li Si|8002|autumn|137****7000\n"
              "8f40ae63-9c77-4d2b-9e5a-4b3c2d1e0f90|1788228240|NULL|1788228242|2|0|5|UNALLOCATED_NUMBER|Li Si|8002|NULL|136****6000\n"
              "9a51bf74-ad88-4e3c-8f6b-5c4d3e2f1a01|1788228300|NULL|1788228330|30|0|2|NO_ANSWER|Wang Wu|8003|NULL|135****5000\n");
}

/* ---------------------------------------------------------------------- */
/* Encodings                                                              */

/* With CRLF line ends, as Windows exports write them. */
static const char chinese_calls[] =
  "呼叫时间,被叫号码,通话时长,呼叫结果,坐席姓名,号码来源\r\n"
  "2026-09-01 10:00:05,13800138000,95,已接通,张三,老客户名单\r\n"
  "2026-09-01 10:05:00,13900139000,0,无人接听,李四,新客户名单\r\n";

static void
test_encoding_gb18030 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_gb18030 (f, "gbk.csv", chinese_calls);
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpstr (result->encoding, ==, "GB18030");
  g_assert_cmpint (result->rows_imported, ==, 2);
  assert_sql (f, "SELECT start_ts, talk_s, outcome, outcome_raw, agent_name, list FROM calls ORDER BY id",
              "1788228005|95|1|已接通|张三|老客户名单\n"
              "1788228300|0|2|无人接听|李四|新客户名单\n");
  assert_sql (f, "SELECT encoding FROM batches", "GB18030\n");
}

/* English header and over 64 KiB of ASCII rows before the first Chinese
 * word: the encoding is only known late in the file. */
static void
test_encoding_gb18030_late (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new ("start time,phone,billsec,disposition,list\n");
  g_autofree char *path = NULL;
  g_autoptr(CgImportResult) result = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (s, "%u,1390000%04u,0,NO ANSWER,spring\n", 1788228000 + i, i);
  g_assert_cmpuint (s->len, >, 100 * 1024);
  g_string_append (s, "1788240000,13800138000,60,已接通,老客户名单\n");
  path = write_gb18030 (f, "late.csv", s->str);
  result = import_ok (f, path);

  g_assert_cmpint (result->rows_imported, ==, 3001);
  assert_sql (f, "SELECT outcome, outcome_raw, list FROM calls WHERE talk_s > 0",
              "1|已接通|老客户名单\n");
  /* The encoding named is the one the reader settled on after the
   * ASCII head, not the one it guessed from the first 64 KiB. */
  g_assert_cmpstr (result->encoding, ==, "GB18030");
  assert_sql (f, "SELECT encoding FROM batches", "GB18030\n");
}

static void
test_encoding_utf8_bom (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", chinese_calls, NULL);
  g_autofree char *path = write_text (f, "bom.csv", text);
  /* Mapping by exact header text only works if the BOM is not part of it. */
  const char *const map[] = { "start=呼叫时间", NULL };
  CgImportOptions options = { .map = map };
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, &options, tz, &error);
  g_autoptr(CgImportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cg_import_plan_get_column_name (plan, 0), ==, "呼叫时间");
  g_assert_cmpint (cg_import_plan_get_column (plan, CG_FIELD_START), ==, 0);
  result = cg_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
  assert_sql (f, "SELECT start_ts, outcome_raw, agent_name FROM calls ORDER BY id",
              "1788228005|已接通|张三\n"
              "1788228300|无人接听|李四\n");
}

/* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated. */
static void
test_encoding_utf16 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *tabs = g_strdelimit (g_strdup (chinese_calls), ",", '\t');
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *utf16 = g_convert (tabs, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autofree char *with_bom = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CgImportResult) result = NULL;

  g_assert_no_error (error);
  with_bom = g_malloc (length + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, length);
  path = cg_test_write_file (f->dir, "unicode.txt", with_bom, length + 2);
  result = import_ok (f, path);

  g_assert_cmpstr (result->encoding, ==, "UTF-16LE");
  assert_sql (f, "SELECT start_ts, talk_s, outcome_raw, agent_name, list FROM calls ORDER BY id",
              "1788228005|95|已接通|张三|老客户名单\n"
              "1788228300|0|无人接听|李四|新客户名单\n");
}

static void
test_encoding_forced (Fixture       *f,
                      gconstpointer  data)
{
  /* The UTF-8 bytes of 你好 (E4 BD A0 E5 A5 BD) read as GB18030 are 浣犲ソ. */
  g_autofree char *as_utf8 = write_text (f, "auto.csv",
                                         "start time,phone,billsec,disposition,list\n"
                                         "2026-09-01 10:00:05,13800138000,95,ANSWERED,你好\n");
  g_autofree char *as_gb = write_text (f, "forced.csv",
                                       "start time,phone,billsec,disposition,list\n"
                                       "2026-09-01 10:00:05,13900139000,95,ANSWERED,你好\n");
  g_autofree char *gb_file = write_gb18030 (f, "gb.csv", chinese_calls);
  CgImportOptions options = { .reader.encoding = "GB18030" };
  CgImportOptions utf8 = { .reader.encoding = "UTF-8" };
  g_autoptr(CgImportResult) first = import_ok (f, as_utf8);
  g_autoptr(CgImportResult) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first->encoding, ==, "UTF-8");
  second = import_with (f, as_gb, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->encoding, ==, "GB18030");
  assert_sql (f, "SELECT list FROM calls ORDER BY id",
              "你好\n"
              "浣犲ソ\n");

  /* Forcing UTF-8 on a GB18030 file is an encoding error, not mojibake. */
  assert_import_fails (f, gb_file, &utf8, CG_READER_ERROR, CG_READER_ERROR_ENCODING);
}

/* ---------------------------------------------------------------------- */
/* Workbooks                                                              */

static char *
write_calls_workbook (Fixture    *f,
                      const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (workbook, "说明");
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "明细");
  lxw_format *datetime = workbook_add_format (workbook);
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *clock = workbook_add_format (workbook);
  lxw_datetime start1 = { 2026, 9, 1, 10, 0, 5 };
  lxw_datetime start4 = { 2026, 9, 1, 0, 0, 0 };
  lxw_datetime talk2 = { 0, 0, 0, 0, 1, 35 };
  static const char *const header[] = { "呼叫时间", "被叫号码", "通话时长", "呼叫结果", "坐席", "成交金额" };

  format_set_num_format (datetime, "yyyy-mm-dd hh:mm:ss");
  format_set_num_format (date, "yyyy-mm-dd");
  format_set_num_format (clock, "h:mm:ss");

  worksheet_write_string (notes, 0, 0, "本表为外呼明细，数据见“明细”页", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    worksheet_write_string (sheet, 0, i, header[i], NULL);
  /* A date-time cell; the number as a number; seconds as a number. */
  worksheet_write_datetime (sheet, 1, 0, &start1, datetime);
  worksheet_write_number (sheet, 1, 1, 13800138000, NULL);
  worksheet_write_number (sheet, 1, 2, 95, NULL);
  worksheet_write_string (sheet, 1, 3, "已接通", NULL);
  worksheet_write_string (sheet, 1, 4, "A01", NULL);
  worksheet_write_number (sheet, 1, 5, 1280.5, NULL);
  /* Text everywhere, talk as a time-of-day cell (0:01:35). */
  worksheet_write_string (sheet, 2, 0, "2026/9/1 9:05", NULL);
  worksheet_write_string (sheet, 2, 1, "13900139000", NULL);
  worksheet_write_datetime (sheet, 2, 2, &talk2, clock);
  worksheet_write_string (sheet, 2, 3, "已接通", NULL);
  worksheet_write_string (sheet, 2, 4, "A02", NULL);
  /* A serial without a date format, as pasted values leave it. */
  worksheet_write_number (sheet, 3, 0, 46266.5, NULL);
  worksheet_write_number (sheet, 3, 1, 13700137000, NULL);
  worksheet_write_string (sheet, 3, 2, "1分30秒", NULL);
  worksheet_write_string (sheet, 3, 3, "已接通", NULL);
  worksheet_write_string (sheet, 3, 4, "A03", NULL);
  /* A date cell without a time: midnight. */
  worksheet_write_datetime (sheet, 4, 0, &start4, date);
  worksheet_write_number (sheet, 4, 1, 13600136000, NULL);
  worksheet_write_number (sheet, 4, 2, 0, NULL);
  worksheet_write_string (sheet, 4, 3, "无人接听", NULL);
  worksheet_write_string (sheet, 4, 4, "A04", NULL);
  /* Row 6 left empty; row 7 has no date. */
  worksheet_write_string (sheet, 6, 0, "明天上午", NULL);
  worksheet_write_number (sheet, 6, 1, 13500135000, NULL);
  worksheet_write_string (sheet, 6, 3, "无人接听", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_values (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_calls_workbook (f, "calls.xlsx");
  CgImportOptions options = { .reader.sheet = "明细" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = import_with (f, path, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result->format, ==, "xlsx");
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
  g_assert_cmpstr (result->preset, ==, "generic");
  g_assert_cmpint (result->rows_read, ==, 5);
  g_assert_cmpint (result->rows_imported, ==, 4);
  g_assert_cmpint (result->rows_skipped, ==, 1);
  /* The row as Excel numbers it. */
  g_assert_cmpuint (issue_at (result, 0)->row, ==, 7);
  g_assert_cmpstr (issue_at (result, 0)->column, ==, "呼叫时间");
  assert_sql (f,
              "SELECT start_ts, talk_s, outcome, agent_id, phone_masked, phone_kind, sale_amount "
              "FROM calls ORDER BY id",
              "1788228005|95|1|A01|138****8000|1|1280.5\n"
              "1788224700|95|1|A02|139****9000|1|NULL\n"
              "1788235200|90|1|A03|137****7000|1|NULL\n"
              "1788192000|0|2|A04|136****6000|1|NULL\n");
  /* A number stored as a number hashes as its digits typed in a CSV. */
  {
    g_autofree char *csv = write_text (f, "same-number.csv",
                                       SIMPLE_HEADER "2026-09-02 10:00:00,13800138000,0,无人接听\n");
    g_autoptr(CgImportResult) typed = import_ok (f, csv);

    g_assert_cmpint (typed->rows_imported, ==, 1);
    g_assert_cmpint (sql_int (f, "SELECT count(DISTINCT phone_hash) FROM calls WHERE phone_masked = '138****8000'"), ==, 1);
    g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls WHERE phone_masked = '138****8000'"), ==, 2);
  }
}

static void
test_xlsx_sheet (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_calls_workbook (f, "sheets.xlsx");
  CgImportOptions missing = { .reader.sheet = "汇总" };
  Counts before = preload (f);

  /* The first sheet is the notes, which is no call log. */
  assert_import_fails (f, path, NULL, CG_IMPORT_ERROR, CG_IMPORT_ERROR_NOT_CALL_LOG);
  assert_import_fails (f, path, &missing, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET);
  assert_counts (f, before);
}

/* ---------------------------------------------------------------------- */
/* Bad input                                                              */

static char *
write_junk (Fixture    *f,
            const char *name)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260901);
  guint8 data[4096];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  /* Not a zip or OLE signature, and a NUL early on as binaries have. */
  data[0] = 0x7F;
  data[1] = 'E';
  data[2] = 'L';
  data[3] = 'F';
  data[4] = 0;
  return cg_test_write_file (f->dir, name, (const char *) data, sizeof data);
}

/* 5,000 good rows, then a NUL byte: the file turns out not to be text
 * after the first rows are already written. */
static char *
write_late_nul (Fixture    *f,
                const char *name)
{
  static const char bad_line[] = "2026-09-05 10:00:00,1390000\0000,0,空号\n";
  g_autoptr(GString) s = g_string_new (SIMPLE_HEADER);

  append_rows (s, 0, 5000);
  g_string_append_len (s, bad_line, sizeof bad_line - 1);
  return cg_test_write_file (f->dir, name, s->str, s->len);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  Counts before = preload (f);
  struct {
    char   *path;
    GQuark  domain;
    int     code;
  } cases[] = {
    { write_text (f, "empty.csv", ""), CG_READER_ERROR, CG_READER_ERROR_EMPTY },
    { write_junk (f, "junk.csv"), CG_READER_ERROR, CG_READER_ERROR_FORMAT },
    { write_truncated_xlsx (f, "truncated.xlsx"), CG_READER_ERROR, CG_READER_ERROR_FORMAT },
    { write_encrypted_ole (f, "encrypted.xlsx"), CG_READER_ERROR, CG_READER_ERROR_ENCRYPTED },
    { write_zip_bomb (f, "bomb.xlsx"), CG_READER_ERROR, CG_READER_ERROR_LIMIT },
    { write_entity_xlsx (f, "entities.xlsx"), CG_READER_ERROR, CG_READER_ERROR_UNSAFE },
    { write_late_nul (f, "late-nul.csv"), CG_READER_ERROR, CG_READER_ERROR_FORMAT },
    { write_text (f, "notes.csv", "今天的外呼,很顺利\n明天继续,加油\n"),
      CG_IMPORT_ERROR, CG_IMPORT_ERROR_NOT_CALL_LOG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_import_fails (f, cases[i].path, NULL, cases[i].domain, cases[i].code);
      g_free (cases[i].path);
    }
  assert_counts (f, before);
}

/* A header and no rows is no error: a result with nothing in it, and no
 * empty batch left behind. */
static void
test_bad_header_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_text (f, "header.csv", SIMPLE_HEADER);
  Counts before = preload (f);
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->batch_id, ==, 0);
  g_assert_cmpint (result->rows_read, ==, 0);
  g_assert_cmpint (result->rows_imported, ==, 0);
  g_assert_cmpint (result->n_errors, ==, 0);
  assert_counts (f, before);
}

static void
test_bad_missing_columns (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_text (f, "agents.csv",
                                      "坐席,被叫号码,备注\n"
                                      "A01,13800138000,回访\n");
  CgImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;
  Counts before = preload (f);

  result = import_with (f, path, &options, &error);
  g_assert_null (result);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING);
  /* The message lists the columns the file does have. */
  g_assert_nonnull (strstr (error->message, "坐席"));
  g_assert_nonnull (strstr (error->message, "被叫号码"));
  g_assert_nonnull (strstr (error->message, "备注"));
  assert_counts (f, before);
}

static void
test_bad_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_text (f, "dates.csv",
                                      SIMPLE_HEADER
                                      "1990-05-01 10:00:00,13800000001,0,无人接听\n"
                                      "2026-09-01 10:00:05,13800000002,95,已接通\n"
                                      "2099-01-01 10:00:00,13800000003,0,无人接听\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_read, ==, 3);
  g_assert_cmpint (result->rows_imported, ==, 1);
  g_assert_cmpint (result->rows_skipped, ==, 2);
  g_assert_cmpint (result->n_errors, ==, 2);
  g_assert_cmpuint (issue_at (result, 0)->row, ==, 2);
  g_assert_cmpstr (issue_at (result, 0)->column, ==, "呼叫时间");
  g_assert_cmpuint (issue_at (result, 1)->row, ==, 4);
  g_assert_cmpstr (issue_at (result, 1)->column, ==, "呼叫时间");
  assert_sql (f, "SELECT start_ts FROM calls", "1788228005\n");
}

/* ---------------------------------------------------------------------- */
/* Bad rows                                                               */

/* Line 4 is blank; line 5 has a bad duration, line 6 a bad date. */
static const char rows_with_errors[] =
  "呼叫时间,被叫号码,通话时长(秒),呼叫结果\n"
  "2026-09-01 10:00:05,13800138000,95,已接通\n"
  "2026-09-01 10:01:00,13900139000,0,无人接听\n"
  "\n"
  "2026-09-01 10:02:00,13700137000,abc,已接通\n"
  "2026-13-01 10:03:00,13600136000,0,空号\n"
  "2026-09-01 10:04:00,13500135000,12,已接通\n";

static void
test_rows_abort (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_text (f, "abort.csv", rows_with_errors);
  CgImportOptions options = { .abort_on_error = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;
  Counts before = preload (f);

  result = import_with (f, path, &options, &error);
  g_assert_null (result);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_BAD_ROW);
  g_test_message ("%s", error->message);
  /* Names the row as a text editor counts it, the column, and the value. */
  g_assert_true (has_number (error->message, 5));
  g_assert_nonnull (strstr (error->message, "通话时长(秒)"));
  g_assert_nonnull (strstr (error->message, "abc"));
  assert_counts (f, before);
}

static void
test_rows_skip (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_text (f, "skip.csv", rows_with_errors);
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_read, ==, 5);
  g_assert_cmpint (result->rows_imported, ==, 3);
  g_assert_cmpint (result->rows_skipped, ==, 2);
  g_assert_cmpint (result->n_errors, ==, 2);
  g_assert_cmpuint (result->errors->len, ==, 2);
  g_assert_cmpuint (issue_at (result, 0)->row, ==, 5);
  g_assert_cmpstr (issue_at (result, 0)->column, ==, "通话时长(秒)");
  g_assert_cmpstr (issue_at (result, 0)->message, !=, "");
  g_assert_cmpuint (issue_at (result, 1)->row, ==, 6);
  g_assert_cmpstr (issue_at (result, 1)->column, ==, "呼叫时间");
  /* 95 + 0 + 12 */
  assert_sql (f, "SELECT count(*), sum(talk_s) FROM calls", "3|107\n");
  assert_sql (f, "SELECT rows_read, rows_imported, rows_skipped FROM batches", "5|3|2\n");
}

static void
test_rows_error_cap (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (SIMPLE_HEADER);
  g_autofree char *path = NULL;
  g_autoptr(CgImportResult) result = NULL;

  /* Lines 2–151 bad, 152–161 good. */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (s, "not a date,1380000%04u,0,空号\n", i);
  append_rows (s, 0, 10);
  path = write_text (f, "many-errors.csv", s->str);
  result = import_ok (f, path);

  g_assert_cmpint (result->rows_read, ==, 160);
  g_assert_cmpint (result->rows_imported, ==, 10);
  g_assert_cmpint (result->rows_skipped, ==, 150);
  g_assert_cmpint (result->n_errors, ==, 150);
  g_assert_cmpuint (result->errors->len, ==, CG_IMPORT_MAX_ERRORS);
  g_assert_cmpuint (issue_at (result, 0)->row, ==, 2);
  g_assert_cmpuint (issue_at (result, CG_IMPORT_MAX_ERRORS - 1)->row, ==, CG_IMPORT_MAX_ERRORS + 1);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 10);
}

/* Bad rows thousands of lines in, past the first blocks of work. */
static void
test_rows_large (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (SIMPLE_HEADER);
  g_autofree char *path = NULL;
  CgImportOptions abort = { .abort_on_error = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) aborted = NULL;
  g_autoptr(CgImportResult) result = NULL;
  Counts before = preload (f);

  append_rows (s, 0, 2998);        /* lines 2–2999 */
  g_string_append (s, "2026-09-01 25:00:00,13900000001,0,无人接听\n");   /* line 3000 */
  append_rows (s, 2998, 4998);     /* lines 3001–5000 */
  g_string_append (s, "2026-09-01 10:00:00,13900000002,-5,已接通\n");    /* line 5001 */
  append_rows (s, 4998, 6000);     /* lines 5002–6003 */
  path = write_text (f, "large.csv", s->str);

  aborted = import_with (f, path, &abort, &error);
  g_assert_null (aborted);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_BAD_ROW);
  g_assert_true (has_number (error->message, 3000));
  assert_counts (f, before);

  result = import_ok (f, path);
  g_assert_cmpint (result->rows_read, ==, 6002);
  g_assert_cmpint (result->rows_imported, ==, 6000);
  g_assert_cmpint (result->rows_skipped, ==, 2);
  g_assert_cmpuint (result->errors->len, ==, 2);
  g_assert_cmpuint (issue_at (result, 0)->row, ==, 3000);
  g_assert_cmpstr (issue_at (result, 0)->column, ==, "呼叫时间");
  g_assert_cmpuint (issue_at (result, 1)->row, ==, 5001);
  g_assert_cmpstr (issue_at (result, 1)->column, ==, "通话时长");
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", result->batch_id), ==, 6000);
  g_assert_cmpint (sql_int_param (f, "SELECT sum(talk_s) FROM calls WHERE batch_id = ?1", result->batch_id), ==,
                   rows_talk_sum (0, 6000));
}

/* ---------------------------------------------------------------------- */
/* Cancelling and crashing                                                */

typedef struct
{
  GCancellable *cancellable;
  guint         n_calls;
  gint64        rows;
  double        fraction;
} CancelData;

static void
cancel_on_progress (double   fraction,
                    gint64   rows,
                    gpointer user_data)
{
  CancelData *cancel = user_data;

  cancel->n_calls++;
  cancel->rows = rows;
  cancel->fraction = fraction;
  g_cancellable_cancel (cancel->cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_rows (f, "ten-thousand.csv", 0, 10000, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  CgImportOptions options = { 0 };
  CancelData cancel = { cancellable, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportPlan) plan = NULL;
  g_autoptr(CgImportResult) result = NULL;
  Counts before = preload (f);

  plan = cg_import_plan_new (path, &options, tz, &error);
  g_assert_no_error (error);
  result = cg_import_run (f->store, plan, cancel_on_progress, &cancel, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Cancelled at the first report, part-way: no report after it. */
  g_assert_cmpuint (cancel.n_calls, ==, 1);
  g_assert_cmpint (cancel.rows, >, 0);
  g_assert_cmpint (cancel.rows, <, 10000);
  g_assert_cmpfloat (cancel.fraction, >, 0.0);
  g_assert_cmpfloat (cancel.fraction, <, 1.0);
  assert_counts (f, before);

  /* Cancelled before it starts: a small file is not imported either. */
  g_clear_error (&error);
  {
    g_autofree char *small = write_rows (f, "small.csv", 0, 5, NULL);
    g_autoptr(CgImportPlan) small_plan = cg_import_plan_new (small, &options, tz, &error);
    g_autoptr(CgImportResult) small_result = NULL;

    g_assert_no_error (error);
    small_result = cg_import_run (f->store, small_plan, NULL, NULL, cancellable, &error);
    g_assert_null (small_result);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    assert_counts (f, before);
  }
}

#ifndef G_OS_WIN32
/* TRUE while another connection holds the write lock, that is while an
 * import is inside its transaction (the writer takes it with BEGIN
 * IMMEDIATE before the first row and keeps it until the commit). */
static gboolean
write_locked (sqlite3 *probe)
{
  int rc = sqlite3_exec (probe, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    {
      g_assert_cmpint (sqlite3_exec (probe, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
      return FALSE;
    }
  g_assert_cmpint (rc, ==, SQLITE_BUSY);
  return TRUE;
}

/* callgauge-cli killed with SIGKILL in the middle of a 300,000-row import
 * leaves the database as it was, and undamaged. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  g_autofree char *big = g_build_filename (f->dir, "big.csv", NULL);
  g_autofree char *after_path = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(CgImportResult) result = NULL;
  g_autofree char *integrity = NULL;
  sqlite3 *probe;
  Counts before;
  GPid pid = 0;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set; run under meson test");
      return;
    }
  before = preload (f);

  s = g_string_sized_new (300000 * 40);
  g_string_append (s, SIMPLE_HEADER);
  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (s, "%u,139%08u,%u,%s\n", 1788228000 + i, i,
                            i % 3 ? 0 : 30 + i % 90, i % 3 ? "无人接听" : "已接通");
  g_file_set_contents (big, s->str, s->len, &error);
  g_assert_no_error (error);

  probe = db_open (f);
  {
    const char *argv[] = { cli, "--db", f->path, "import", "calls", big, NULL };

    g_spawn_async (NULL, (char **) argv, NULL,
                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                   NULL, NULL, &pid, &error);
    g_assert_no_error (error);
  }

  /* Wait for the import's transaction, give it 30 ms of inserting, and
   * kill it while it still holds the lock. */
  timer = g_timer_new ();
  while (!write_locked (probe))
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("callgauge-cli ended (status %d) before its import began", status);
      if (g_timer_elapsed (timer, NULL) > 60)
        g_error ("callgauge-cli has not begun importing after 60 s");
      g_usleep (5000);
    }
  g_usleep (30 * 1000);
  if (!write_locked (probe))
    g_error ("callgauge-cli imported 300,000 rows in 30 ms; make this file bigger");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_test_message ("killed callgauge-cli %.2f s after it started", g_timer_elapsed (timer, NULL));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  sqlite3_close (probe);

  integrity = sql_text (f, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  assert_counts (f, before);

  /* The lock died with it: the next import goes through. */
  after_path = write_rows (f, "after.csv", 0, 3, NULL);
  result = import_ok (f, after_path);
  g_assert_cmpint (result->rows_imported, ==, 3);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, before.calls + 3);
}
#endif

/* ---------------------------------------------------------------------- */
/* Duplicates and batches                                                 */

static void
test_dedup_reimport (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_rows (f, "again.csv", 0, 12, NULL);
  g_autoptr(CgImportResult) first = import_ok (f, path);
  g_autoptr(CgImportResult) second = import_ok (f, path);

  g_assert_cmpint (first->batch_id, >, 0);
  g_assert_cmpint (first->rows_imported, ==, 12);
  g_assert_cmpint (second->batch_id, ==, 0);
  g_assert_cmpint (second->rows_read, ==, 12);
  g_assert_cmpint (second->rows_imported, ==, 0);
  g_assert_cmpint (second->duplicates, ==, 12);
  g_assert_cmpint (second->previous_batch_id, ==, first->batch_id);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 12);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM batches"), ==, 1);
}

/* Two exports of overlapping periods, without call ids. */
static void
test_dedup_overlap (Fixture       *f,
                    gconstpointer  data)
{
  gint64 talk_a;
  g_autofree char *a = write_rows (f, "monday.csv", 0, 10, &talk_a);
  g_autofree char *b = write_rows (f, "monday-again.csv", 5, 15, NULL);
  g_autoptr(CgImportResult) first = import_ok (f, a);
  g_autoptr(CgImportResult) second = import_ok (f, b);

  g_assert_cmpint (second->batch_id, >, first->batch_id);
  g_assert_cmpint (second->previous_batch_id, ==, 0);
  g_assert_cmpint (second->rows_read, ==, 10);
  g_assert_cmpint (second->rows_imported, ==, 5);
  g_assert_cmpint (second->duplicates, ==, 5);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 15);
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", first->batch_id), ==, 10);
  g_assert_cmpint (sql_int_param (f, "SELECT sum(talk_s) FROM calls WHERE batch_id = ?1", first->batch_id), ==, talk_a);
  /* The second batch holds exactly the rows the first did not have. */
  g_assert_cmpint (sql_int_param (f, "SELECT sum(talk_s) FROM calls WHERE batch_id = ?1", second->batch_id), ==,
                   rows_talk_sum (10, 15));
  g_assert_cmpint (sql_int_param (f, "SELECT min(start_ts) FROM calls WHERE batch_id = ?1", second->batch_id), ==,
                   1788228600);  /* 10:10:00 */
}

static void
test_dedup_call_id (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_text (f, "ids.csv",
                                      "通话ID,呼叫时间,被叫号码,通话时长,呼叫结果\n"
                                      "X1,2026-09-01 10:00:00,13800000001,30,已接通\n"
                                      "X2,2026-09-01 10:01:00,13800000002,0,无人接听\n"
                                      "X1,2026-09-01 10:00:00,13800000003,45,已接通\n"
                                      "X3,2026-09-01 10:03:00,13800000004,0,空号\n");
  g_autoptr(CgImportResult) result = import_ok (f, path);

  g_assert_cmpint (result->rows_read, ==, 4);
  g_assert_cmpint (result->rows_imported, ==, 3);
  g_assert_cmpint (result->duplicates, ==, 1);
  /* The first row with the id is kept, whatever else the second says. */
  assert_sql (f, "SELECT call_uid, start_ts, talk_s FROM calls ORDER BY id",
              "X1|1788228000|30\n"
              "X2|1788228060|0\n"
              "X3|1788228180|0\n");
}

static void
test_batch_delete (Fixture       *f,
                   gconstpointer  data)
{
  gint64 talk_a, talk_b, talk_c;
  g_autofree char *a = write_rows (f, "a.csv", 0, 10, &talk_a);
  g_autofree char *b = write_rows (f, "b.csv", 20, 27, &talk_b);
  g_autofree char *c = write_rows (f, "c.csv", 40, 44, &talk_c);
  g_autoptr(CgImportResult) ra = import_ok (f, a);
  g_autoptr(CgImportResult) rb = import_ok (f, b);
  g_autoptr(CgImportResult) rc = import_ok (f, c);
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 21);

  /* The middle batch: its neighbours on both sides must stay whole. */
  g_assert_true (cg_store_delete_batch (f->store, rb->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 14);
  g_assert_cmpint (sql_int (f, "SELECT sum(talk_s) FROM calls"), ==, talk_a + talk_c);
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", ra->batch_id), ==, 10);
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", rb->batch_id), ==, 0);
  g_assert_cmpint (sql_int_param (f, "SELECT count(*) FROM calls WHERE batch_id = ?1", rc->batch_id), ==, 4);
  g_assert_cmpint (sql_int_param (f, "SELECT sum(talk_s) FROM calls WHERE batch_id = ?1", rc->batch_id), ==, talk_c);
  left = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT "\n", ra->batch_id, rc->batch_id);
  assert_sql (f, "SELECT id FROM batches ORDER BY id", left);

  /* Gone is gone. */
  g_assert_false (cg_store_delete_batch (f->store, rb->batch_id, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 14);

  /* The deleted rows can be imported again. */
  {
    g_autoptr(CgImportResult) again = import_ok (f, b);

    g_assert_cmpint (again->rows_imported, ==, 7);
    g_assert_cmpint (again->previous_batch_id, ==, 0);
    g_assert_cmpint (sql_int_param (f, "SELECT sum(talk_s) FROM calls WHERE batch_id = ?1", again->batch_id), ==, talk_b);
  }
}

/* ---------------------------------------------------------------------- */
/* Mapping overrides                                                      */

static const char unusual_headers[] =
  "拨打日期,客户电话,秒数,结果\n"
  "2026-09-01 10:00:05,13800138000,95,已接通\n"
  "2026-09-01 10:05:00,13900139000,0,无人接听\n";

static void
test_map_columns (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_text (f, "unusual.csv", unusual_headers);
  const char *const map[] = { "start=拨打日期", "talk=3", NULL };
  CgImportOptions options = { .map = map };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportResult) result = NULL;

  /* 拨打日期 is no start-time synonym: without a mapping there is no start. */
  assert_import_fails (f, path, NULL, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING);

  result = import_with (f, path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->rows_imported, ==, 2);
  assert_sql (f, "SELECT start_ts, talk_s, outcome, phone_masked FROM calls ORDER BY id",
              "1788228005|95|1|138****8000\n"
              "1788228300|0|2|139****9000\n");
}

static void
test_map_bad (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_text (f, "unusual.csv", unusual_headers);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  static const struct {
    const char *map;
    const char *named;  /* what the message must name, if anything */
  } cases[] = {
    { "begin=拨打日期", "begin=拨打日期" },   /* no such field */
    { "start=开始", "开始" },                 /* no such column */
    { "start", NULL },                        /* no '=' */
    { "talk=9", "talk" },                     /* the file has 4 columns */
    { "talk=0", "talk" },                     /* columns count from 1 */
  };
  Counts before = count_rows (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const map[] = { cases[i].map, NULL };
      CgImportOptions options = { .map = map };
      g_autoptr(GError) error = NULL;
      g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, &options, tz, &error);

      g_assert_null (plan);
      g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING);
      if (cases[i].named != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].named));
    }
  assert_counts (f, before);
}

static void
test_map_outcomes (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_text (f, "words.csv",
                                      SIMPLE_HEADER
                                      "2026-09-01 10:00:00,13800000001,0,未呼通\n"
                                      "2026-09-01 10:01:00,13800000002,0,未呼通\n"
                                      "2026-09-01 10:02:00,13800000003,0,未呼通\n"
                                      "2026-09-01 10:03:00,13800000004,60,已接通\n"
                                      "2026-09-01 10:04:00,13800000005,0,客户秒挂\n"
                                      "2026-09-01 10:05:00,13800000006,0,客户秒挂\n"
                                      "2026-09-01 10:06:00,13800000007,0,火星信号\n");
  const char *const words[] = { "未呼通=no_answer", NULL };
  const char *const bad_words[] = { "未呼通=lost", NULL };
  CgImportOptions options = { .outcome_map = words };
  CgImportOptions bad = { .outcome_map = bad_words };
  CgImportOptions plain = { 0 };
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportPlan) unmapped = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autoptr(CgImportResult) result = NULL;

  /* Unmapped, 未呼通 is a word the plan cannot place. */
  unmapped = cg_import_plan_new (path, &plain, tz, &error);
  g_assert_no_error (error);
  unknown = cg_import_plan_get_unknown_outcomes (unmapped);
  g_assert_true (g_strv_contains ((const char *const *) unknown, "未呼通"));

  assert_import_fails (f, path, &bad, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING);

  result = import_with (f, path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->rows_imported, ==, 7);
  assert_sql (f, "SELECT outcome, outcome_raw FROM calls ORDER BY id",
              "2|未呼通\n"
              "2|未呼通\n"
              "2|未呼通\n"
              "1|已接通\n"
              "0|客户秒挂\n"
              "0|客户秒挂\n"
              "0|火星信号\n");
  g_assert_cmpuint (g_hash_table_size (result->unknown_outcomes), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (result->unknown_outcomes, "客户秒挂")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (result->unknown_outcomes, "火星信号")), ==, 1);
  g_assert_false (g_hash_table_contains (result->unknown_outcomes, "未呼通"));
}

/* ---------------------------------------------------------------------- */
/* The command line                                                       */

typedef struct
{
  int   status;  /* exit status; -1 for a crash */
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs callgauge-cli --db <fixture db> with the NULL-terminated arguments;
 * FALSE (test skipped) outside meson test. */
static gboolean
run_cli (Fixture    *f,
         CliRun     *run,
         const char *first,
         ...)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set; run under meson test");
      return FALSE;
    }
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    run->status = -1;
  return TRUE;
}

static void
assert_one_line_error (const CliRun *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "callgauge-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, (long) strlen (run->err) - 1);
}

static void
test_cli_json (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_text (f, "cli.csv",
                                      SIMPLE_HEADER
                                      "2026-09-01 10:00:05,13800138000,95,已接通\n"
                                      "2026-09-01 10:01:00,13900139000,0,无人接听\n"
                                      "yesterday,13700137000,0,空号\n");
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *issue;
  JsonArray *errors;
  static const char *const int_members[] = { "batch_id", "rows_read", "rows_imported", "rows_skipped", "duplicates" };

  if (!run_cli (f, &run, "import", "calls", path, "--json", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (int_members); i++)
    {
      JsonNode *node = json_object_get_member (root, int_members[i]);

      g_assert_nonnull (node);
      g_assert_cmpuint (json_node_get_value_type (node), ==, G_TYPE_INT64);
    }
  g_assert_cmpint (json_object_get_int_member (root, "batch_id"), ==, sql_int (f, "SELECT max(id) FROM batches"));
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, "cli.csv");
  g_assert_cmpstr (json_object_get_string_member (root, "preset"), ==, "generic");
  g_assert_cmpstr (json_object_get_string_member (root, "encoding"), ==, "UTF-8");
  g_assert_cmpint (json_object_get_int_member (root, "rows_read"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (root, "rows_imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "rows_skipped"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "duplicates"), ==, 0);

  errors = json_object_get_array_member (root, "errors");
  g_assert_nonnull (errors);
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  issue = json_array_get_object_element (errors, 0);
  g_assert_cmpint (json_object_get_int_member (issue, "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (issue, "column"), ==, "呼叫时间");
  g_assert_cmpstr (json_object_get_string_member (issue, "message"), !=, "");

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM calls"), ==, 2);
}

static void
test_cli_abort (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_text (f, "abort.csv", rows_with_errors);
  g_auto(CliRun) run = { 0 };
  Counts before = preload (f);

  if (!run_cli (f, &run, "import", "calls", path, "--on-error", "abort", NULL))
    return;
  g_test_message ("%s", run.err);
  assert_one_line_error (&run);
  g_assert_true (has_number (run.err, 5));
  g_assert_nonnull (strstr (run.err, "通话时长(秒)"));
  g_assert_cmpstr (run.out, ==, "");
  assert_counts (f, before);
}

static void
test_cli_bad_preset (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("asterisk-Master.csv");
  g_auto(CliRun) run = { 0 };
  Counts before = count_rows (f);

  if (!run_cli (f, &run, "import", "calls", path, "--preset", "elastix", NULL))
    return;
  assert_one_line_error (&run);
  g_assert_nonnull (strstr (run.err, "elastix"));
  assert_counts (f, before);
}

/* --map and --outcome reach the import, repeated. */
static void
test_cli_map (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = write_text (f, "unusual.csv",
                                      "拨打日期,客户电话,秒数,结果\n"
                                      "2026-09-01 10:00:05,13800138000,95,已接通\n"
                                      "2026-09-01 10:05:00,13900139000,0,未呼通\n");
  g_auto(CliRun) run = { 0 };

  if (!run_cli (f, &run, "import", "calls", path, "--map", "start=拨打日期", "--map", "talk=3",
                "--outcome", "未呼通=busy", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  assert_sql (f, "SELECT start_ts, talk_s, outcome FROM calls ORDER BY id",
              "1788228005|95|1\n"
              "1788228300|0|3\n");
}

/* ---------------------------------------------------------------------- */

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)

/* A do-not-call request travels with the batch that recorded it: undoing
 * one import removes its request, another batch's request for the same
 * number stays. */
static void
test_dnc_requests_per_batch (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *a = write_text (f, "a.csv",
                                   "呼叫时间,被叫号码,通话时长(秒),呼叫结果,意向\n"
                                   "2026-09-01 10:00:00,13800138000,40,已接通,勿扰\n");
  g_autofree char *b = write_text (f, "b.csv",
                                   "呼叫时间,被叫号码,通话时长(秒),呼叫结果,意向\n"
                                   "2026-09-08 10:00:00,13800138000,30,已接通,勿扰\n");
  g_autoptr(CgImportResult) ra = import_ok (f, a);
  g_autoptr(CgImportResult) rb = import_ok (f, b);
  g_autoptr(GError) error = NULL;

  assert_sql (f, "SELECT count(*), count(DISTINCT phone_hash) FROM dnc WHERE source = 'call'", "2|1\n");
  g_assert_true (cg_store_delete_batch (f->store, ra->batch_id, &error));
  g_assert_no_error (error);
  /* 2026-09-08 10:00:00 +08:00 = 1788832800 (date -d) */
  assert_sql (f, "SELECT count(*), min(added_ts), min(phone_masked) FROM dnc", "1|1788832800|138****8000\n");
  g_assert_cmpint (rb->batch_id, !=, ra->batch_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/import-calls/generic/chinese", test_generic_chinese);
  ADD ("/import-calls/generic/english", test_generic_english);
  ADD ("/import-calls/generic/answer-end", test_generic_answer_end);
  ADD ("/import-calls/times", test_times);
  ADD ("/import-calls/dnc-requests-per-batch", test_dnc_requests_per_batch);
  ADD ("/import-calls/times/zone-setting", test_times_zone_setting);
  ADD ("/import-calls/phones", test_phones);
  ADD ("/import-calls/phones/keep-full", test_phones_keep_full);
  ADD ("/import-calls/preset/asterisk", test_preset_asterisk);
  ADD ("/import-calls/preset/freepbx", test_preset_freepbx);
  ADD ("/import-calls/preset/freeswitch", test_preset_freeswitch);
  ADD ("/import-calls/encoding/gb18030", test_encoding_gb18030);
  ADD ("/import-calls/encoding/gb18030-late", test_encoding_gb18030_late);
  ADD ("/import-calls/encoding/utf8-bom", test_encoding_utf8_bom);
  ADD ("/import-calls/encoding/utf16", test_encoding_utf16);
  ADD ("/import-calls/encoding/forced", test_encoding_forced);
  ADD ("/import-calls/xlsx/values", test_xlsx_values);
  ADD ("/import-calls/xlsx/sheet", test_xlsx_sheet);
  ADD ("/import-calls/bad/files", test_bad_files);
  ADD ("/import-calls/bad/header-only", test_bad_header_only);
  ADD ("/import-calls/bad/missing-columns", test_bad_missing_columns);
  ADD ("/import-calls/bad/dates", test_bad_dates);
  ADD ("/import-calls/rows/abort", test_rows_abort);
  ADD ("/import-calls/rows/skip", test_rows_skip);
  ADD ("/import-calls/rows/error-cap", test_rows_error_cap);
  ADD ("/import-calls/rows/large", test_rows_large);
  ADD ("/import-calls/cancel", test_cancel);
#ifndef G_OS_WIN32
  ADD ("/import-calls/killed", test_killed);
#endif
  ADD ("/import-calls/dedup/reimport", test_dedup_reimport);
  ADD ("/import-calls/dedup/overlap", test_dedup_overlap);
  ADD ("/import-calls/dedup/call-id", test_dedup_call_id);
  ADD ("/import-calls/batch-delete", test_batch_delete);
  ADD ("/import-calls/map/columns", test_map_columns);
  ADD ("/import-calls/map/bad", test_map_bad);
  ADD ("/import-calls/map/outcomes", test_map_outcomes);
  ADD ("/import-calls/cli/json", test_cli_json);
  ADD ("/import-calls/cli/abort", test_cli_abort);
  ADD ("/import-calls/cli/bad-preset", test_cli_bad_preset);
  ADD ("/import-calls/cli/map", test_cli_map);

  return g_test_run ();
}
