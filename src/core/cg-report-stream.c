/* cg-report-stream.c — the raw calls rows as compressed sheet XML, written
 * on a thread of their own while the rest of the report is computed, and
 * spliced into the workbook after libxlsxwriter has written it.
 * cg-report-stream.h says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-deflate-pipe.h"
#include "cg-report-stream.h"
#include "cg-store-private.h"
#include "cg-xlsx-splice.h"

/* Data rows per sheet: Excel's row limit less the header. */
#define ROWS_PER_SHEET  ((gint64) LXW_ROW_MAX - 1)
#define STEP_ROWS       4096
/* What each compressing thread takes at a time. */
#define CHUNK_BYTES     (1024 * 1024)
/* Excel's longest cell text; libxlsxwriter counts it in bytes. */
#define MAX_TEXT_BYTES  32767

/* The rows of one raw sheet: a deflate stream ending in a sync flush, so
 * that the end of the sheet's XML may follow it. */
typedef struct {
  GFile         *file;
  GFileIOStream *io;
  CgDeflatePipe *pipe;
  gint64         rows;
  guint          part;  /* xl/worksheets/sheet<part>.xml */
} RawSheet;

typedef struct {
  char  *data;
  gsize  len;
  gsize  cap;
} XmlBuf;

struct _CgRawStream
{
  /* Set before the thread starts, then only read. */
  CgStore      *reader;
  CgFilter      filter;
  GTimeZone    *tz;
  gboolean      zh;
  gboolean      full_numbers;
  int           datetime_xf;
  int           cny_xf;
  GCancellable *cancellable;
  GThread      *thread;

  /* Written by the thread; read by others only after it finished. */
  GPtrArray    *sheets;   /* RawSheet * */
  gint64        total;
  GError       *error;

  GMutex        mutex;
  GCond         cond;
  gint64        rows_done;  /* under the mutex */
  gboolean      finished;   /* under the mutex */
  gint          stop;       /* atomic */
};

static void
raw_sheet_free (RawSheet *sheet)
{
  g_clear_pointer (&sheet->pipe, cg_deflate_pipe_free);
  g_clear_object (&sheet->io);
  if (sheet->file != NULL)
    {
      g_file_delete (sheet->file, NULL, NULL);
      g_object_unref (sheet->file);
    }
  g_free (sheet);
}

/* ---- sheet XML ---- */

static inline char *
buf_reserve (XmlBuf *buf,
             gsize   n)
{
  if (buf->len + n > buf->cap)
    {
      buf->cap = MAX (buf->cap * 2, buf->len + n);
      buf->data = g_realloc (buf->data, buf->cap);
    }
  return buf->data + buf->len;
}

static inline void
buf_add (XmlBuf     *buf,
         const char *text,
         gsize       n)
{
  memcpy (buf_reserve (buf, n), text, n);
  buf->len += n;
}

#define BUF_ADD_LITERAL(buf, literal) buf_add ((buf), (literal), sizeof (literal) - 1)

static inline void
buf_add_uint (XmlBuf  *buf,
              guint64  value)
{
  char digits[24];
  int n = 0;

  do
    digits[sizeof digits - ++n] = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  buf_add (buf, digits + sizeof digits - n, n);
}

static inline void
buf_add_int (XmlBuf *buf,
             gint64  value)
{
  if (value < 0)
    {
      BUF_ADD_LITERAL (buf, "-");
      buf_add_uint (buf, (guint64) 0 - (guint64) value);
    }
  else
    buf_add_uint (buf, (guint64) value);
}

/* `<c r="F12"` — the cell's opening tag up to its attributes. */
static inline void
cell_open (XmlBuf *buf,
           int     col,
           gint64  row)
{
  char *p = buf_reserve (buf, 7);

  memcpy (p, "<c r=\"", 6);
  p[6] = (char) ('A' + col);
  buf->len += 7;
  buf_add_uint (buf, (guint64) row);
  BUF_ADD_LITERAL (buf, "\"");
}

static inline void
cell_style (XmlBuf *buf,
            int     xf)
{
  if (xf > 0)
    {
      BUF_ADD_LITERAL (buf, " s=\"");
      buf_add_uint (buf, (guint) xf);
      BUF_ADD_LITERAL (buf, "\"");
    }
}

static inline gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

/* Text for an inline string: XML's three specials, and control characters
 * (not allowed in XML 1.0) and anything that reads as one in Excel's
 * _xHHHH_ notation escaped the way Excel writes them. */
static void
buf_add_escaped (XmlBuf     *buf,
                 const char *text,
                 gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) text[i];
      gsize start = i;

      /* The common case: a run of plain bytes. */
      while (i < n && (c = (unsigned char) text[i]) >= 0x20 && c != '&' && c != '<' && c != '>' && c != '_')
        i++;
      if (i > start)
        buf_add (buf, text + start, i - start);
      if (i == n)
        break;
      if (c == '&')
        BUF_ADD_LITERAL (buf, "&amp;");
      else if (c == '<')
        BUF_ADD_LITERAL (buf, "&lt;");
      else if (c == '>')
        BUF_ADD_LITERAL (buf, "&gt;");
      else if (c == '_')
        {
          if (i + 6 < n && text[i + 1] == 'x' && is_hex (text[i + 2]) && is_hex (text[i + 3]) &&
              is_hex (text[i + 4]) && is_hex (text[i + 5]) && text[i + 6] == '_')
            BUF_ADD_LITERAL (buf, "_x005F_");
          else
            BUF_ADD_LITERAL (buf, "_");
        }
      else if (c == '\t' || c == '\n')
        buf_add (buf, text + i, 1);
      else
        {
          static const char hex[] = "0123456789ABCDEF";
          char code[7] = { '_', 'x', '0', '0', hex[c >> 4], hex[c & 15], '_' };

          buf_add (buf, code, sizeof code);
        }
    }
}

/* A string cell, never a formula whatever the text starts with; an empty
 * or missing text is no cell at all, as in the rest of the report. */
static void
text_cell (XmlBuf     *buf,
           int         col,
           gint64      row,
           const char *text)
{
  g_autofree char *valid = NULL;
  gsize n;

  if (text == NULL || text[0] == '\0')
    return;
  n = strlen (text);
  if (!g_utf8_validate (text, n, NULL))
    {
      text = valid = g_utf8_make_valid (text, n);
      n = strlen (text);
    }
  if (n > MAX_TEXT_BYTES)
    n = g_utf8_find_prev_char (text, text + MAX_TEXT_BYTES + 1) - text;
  cell_open (buf, col, row);
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[n - 1]))
    BUF_ADD_LITERAL (buf, " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
  else
    BUF_ADD_LITERAL (buf, " t=\"inlineStr\"><is><t>");
  buf_add_escaped (buf, text, n);
  BUF_ADD_LITERAL (buf, "</t></is></c>");
}

static void
int_cell (XmlBuf *buf,
          int     col,
          gint64  row,
          gint64  value,
          int     xf)
{
  cell_open (buf, col, row);
  cell_style (buf, xf);
  BUF_ADD_LITERAL (buf, "><v>");
  buf_add_int (buf, value);
  BUF_ADD_LITERAL (buf, "</v></c>");
}

static void
double_cell (XmlBuf *buf,
             int     col,
             gint64  row,
             double  value,
             int     xf)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  if (value == trunc (value) && fabs (value) < 1e15)
    {
      int_cell (buf, col, row, (gint64) value, xf);
      return;
    }
  /* The shortest text that reads back as the same double. */
  g_ascii_dtostr (text, sizeof text, value);
  cell_open (buf, col, row);
  cell_style (buf, xf);
  BUF_ADD_LITERAL (buf, "><v>");
  buf_add (buf, text, strlen (text));
  BUF_ADD_LITERAL (buf, "</v></c>");
}

/* UTC seconds as an Excel serial date in the business time zone: whole
 * days since 1899-12-30 and the second of the day to ten decimals (well
 * under Excel's millisecond), from integers so no rounding creeps in. */
static void
time_cell (XmlBuf    *buf,
           int        col,
           gint64     row,
           GTimeZone *tz,
           gint64     ts,
           int        xf)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, ts);
  gint64 local = ts + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
  gint64 days = local / 86400, second = local % 86400;

  if (second < 0)
    {
      second += 86400;
      days--;
    }
  cell_open (buf, col, row);
  cell_style (buf, xf);
  BUF_ADD_LITERAL (buf, "><v>");
  buf_add_int (buf, days + 25569);  /* Excel's day 25569 is 1970-01-01 */
  if (second != 0)
    {
      gint64 fraction = (second * G_GINT64_CONSTANT (10000000000) + 43200) / 86400;
      char digits[11];
      int n = 10;

      for (int i = 9; i >= 0; i--, fraction /= 10)
        digits[i] = (char) ('0' + fraction % 10);
      while (n > 1 && digits[n - 1] == '0')
        n--;
      BUF_ADD_LITERAL (buf, ".");
      buf_add (buf, digits, n);
    }
  BUF_ADD_LITERAL (buf, "</v></c>");
}

static const char *
outcome_label (gboolean zh,
               int      outcome)
{
  static const char *const en[CG_N_OUTCOMES] = {
    "other", "connected", "no answer", "busy", "rejected", "invalid number", "unreachable",
    "line failure", "voicemail",
  };
  static const char *const zh_labels[CG_N_OUTCOMES] = {
    "其他", "已接通", "无人接听", "忙线", "拒接", "空号/停机", "关机/不在服务区", "线路故障", "语音信箱",
  };

  if (outcome < 0 || outcome >= CG_N_OUTCOMES)
    outcome = CG_OUTCOME_OTHER;
  return zh ? zh_labels[outcome] : en[outcome];
}

static const char *
disposition_label (gboolean zh,
                   int      disposition)
{
  static const char *const en[CG_N_DISPOSITIONS] = {
    "", "sale", "interested", "callback", "not interested", "do-not-call request",
  };
  static const char *const zh_labels[CG_N_DISPOSITIONS] = {
    "", "成交", "有意向", "回拨", "无意向", "要求勿扰",
  };

  if (disposition < 0 || disposition >= CG_N_DISPOSITIONS)
    disposition = CG_DISPOSITION_NONE;
  return zh ? zh_labels[disposition] : en[disposition];
}

/* One call as a row; the columns follow add_raw_sheet() in cg-report-raw.c. */
static void
call_row (CgRawStream  *s,
          XmlBuf       *buf,
          gint64        row,
          sqlite3_stmt *stmt)
{
  const char *full = (const char *) sqlite3_column_text (stmt, 3);
  const char *number = s->full_numbers && full != NULL ? full : (const char *) sqlite3_column_text (stmt, 2);

  BUF_ADD_LITERAL (buf, "<row r=\"");
  buf_add_uint (buf, (guint64) row);
  BUF_ADD_LITERAL (buf, "\">");
  time_cell (buf, 0, row, s->tz, sqlite3_column_int64 (stmt, 0), s->datetime_xf);
  text_cell (buf, 1, row, (const char *) sqlite3_column_text (stmt, 1));
  text_cell (buf, 2, row, number);
  text_cell (buf, 3, row, outcome_label (s->zh, sqlite3_column_int (stmt, 4)));
  text_cell (buf, 4, row, (const char *) sqlite3_column_text (stmt, 5));
  int_cell (buf, 5, row, sqlite3_column_int64 (stmt, 6), 0);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    int_cell (buf, 6, row, sqlite3_column_int64 (stmt, 7), 0);
  /* Agent ID, agent, line, list, campaign, segment. */
  for (int c = 0; c < 6; c++)
    text_cell (buf, 7 + c, row, (const char *) sqlite3_column_text (stmt, 8 + c));
  text_cell (buf, 13, row, disposition_label (s->zh, sqlite3_column_int (stmt, 14)));
  if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
    double_cell (buf, 14, row, sqlite3_column_double (stmt, 15), s->cny_xf);
  BUF_ADD_LITERAL (buf, "</row>");
}

/* ---- the writer thread ---- */

static RawSheet *
sheet_start (CgRawStream  *s,
             GError      **error)
{
  RawSheet *sheet = g_new0 (RawSheet, 1);

  g_ptr_array_add (s->sheets, sheet);
  sheet->file = g_file_new_tmp ("callgauge-rows-XXXXXX.part", &sheet->io, error);
  if (sheet->file == NULL)
    return NULL;
  /* Level 1: four times zlib's default speed for a sheet a fifth larger. */
  sheet->pipe = cg_deflate_pipe_new (g_io_stream_get_output_stream (G_IO_STREAM (sheet->io)), 1,
                                     s->cancellable, error);
  return sheet->pipe != NULL ? sheet : NULL;
}

static gboolean
sheet_finish (RawSheet  *sheet,
              XmlBuf    *buf,
              GError   **error)
{
  gboolean ok = cg_deflate_pipe_write (sheet->pipe, g_steal_pointer (&buf->data), buf->len, error) &&
                cg_deflate_pipe_finish (sheet->pipe, error) &&
                g_io_stream_close (G_IO_STREAM (sheet->io), NULL, error);

  *buf = (XmlBuf) { 0 };
  g_clear_object (&sheet->io);
  return ok;
}

static gboolean
stream_calls (CgRawStream  *s,
              GError      **error)
{
  sqlite3_stmt *stmt;
  XmlBuf buf = { 0 };
  RawSheet *sheet = NULL;
  gboolean ok = TRUE;
  int rc;

  /* By rowid: calls are stored in import order, which is time order for
   * dialer exports, and no sort of a million rows is needed. */
  stmt = cg_store_prepare (s->reader,
    "SELECT start_ts, call_uid, phone_masked, phone_full, outcome, outcome_raw, talk_s, ring_s,"
    " agent_id, agent_name, line, list, campaign, segment, disposition, sale_amount"
    " FROM calls WHERE" CG_FILTER_SQL " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  cg_filter_bind (stmt, &s->filter);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sheet == NULL || sheet->rows == ROWS_PER_SHEET)
        {
          if ((sheet != NULL && !sheet_finish (sheet, &buf, error)) ||
              (sheet = sheet_start (s, error)) == NULL)
            {
              ok = FALSE;
              break;
            }
        }
      /* Row 1 is the header libxlsxwriter writes. */
      call_row (s, &buf, ++sheet->rows + 1, stmt);
      if (buf.len >= CHUNK_BYTES)
        {
          ok = cg_deflate_pipe_write (sheet->pipe, g_steal_pointer (&buf.data), buf.len, error);
          buf = (XmlBuf) { 0 };
        }
      if (++s->total % STEP_ROWS == 0)
        {
          g_mutex_lock (&s->mutex);
          s->rows_done = s->total;
          g_mutex_unlock (&s->mutex);
          if (g_atomic_int_get (&s->stop) || g_cancellable_set_error_if_cancelled (s->cancellable, error))
            ok = FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (s->reader, error, "calls");
      ok = FALSE;
    }
  if (ok && sheet != NULL)
    ok = sheet_finish (sheet, &buf, error);
  g_free (buf.data);
  return ok;
}

static gpointer
stream_thread (gpointer data)
{
  CgRawStream *s = data;
  GError *error = NULL;

  if (!stream_calls (s, &error) && error == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
  g_mutex_lock (&s->mutex);
  s->error = error;
  s->rows_done = s->total;
  s->finished = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->mutex);
  return NULL;
}

CgRawStream *
cg_raw_stream_start (CgReport  *r,
                     GError   **error)
{
  g_autoptr(CgRawStream) s = g_new0 (CgRawStream, 1);

  g_mutex_init (&s->mutex);
  g_cond_init (&s->cond);
  s->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_sheet_free);
  s->cancellable = r->cancellable != NULL ? g_object_ref (r->cancellable) : g_cancellable_new ();
  if ((s->reader = cg_store_open_reader (r->store, error)) == NULL)
    return NULL;
  s->filter = r->filter;
  s->tz = g_time_zone_ref (r->tz);
  s->zh = r->zh;
  s->full_numbers = r->full_numbers;
  /* Fixed now, on this thread: libxlsxwriter numbers formats as they are
   * first used, and the styles part it writes keeps these numbers. */
  s->datetime_xf = lxw_format_get_xf_index (r->datetime);
  s->cny_xf = lxw_format_get_xf_index (r->cny);
  s->thread = g_thread_try_new ("cg-raw-rows", stream_thread, s, error);
  if (s->thread == NULL)
    return NULL;
  return g_steal_pointer (&s);
}

gboolean
cg_raw_stream_wait (CgRawStream  *s,
                    CgReport     *r,
                    GError      **error)
{
  gint64 expected = MAX (r->current.calls, 1);

  g_mutex_lock (&s->mutex);
  while (!s->finished)
    {
      gint64 done;

      g_cond_wait_until (&s->cond, &s->mutex, g_get_monotonic_time () + G_TIME_SPAN_MILLISECOND * 100);
      done = s->rows_done;
      g_mutex_unlock (&s->mutex);
      if (!cg_report_step (r, (double) done / expected, error))
        {
          g_atomic_int_set (&s->stop, 1);
          return FALSE;
        }
      g_mutex_lock (&s->mutex);
    }
  g_mutex_unlock (&s->mutex);
  g_thread_join (g_steal_pointer (&s->thread));
  if (s->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&s->error));
      return FALSE;
    }
  return TRUE;
}

guint
cg_raw_stream_get_n_sheets (CgRawStream *s)
{
  return s->sheets->len;
}

gint64
cg_raw_stream_get_rows (CgRawStream *s,
                        guint        sheet)
{
  g_return_val_if_fail (sheet < s->sheets->len, 0);
  return ((RawSheet *) g_ptr_array_index (s->sheets, sheet))->rows;
}

gint64
cg_raw_stream_get_total (CgRawStream *s)
{
  return s->total;
}

void
cg_raw_stream_set_part (CgRawStream *s,
                        guint        sheet,
                        guint        worksheet_number)
{
  g_return_if_fail (sheet < s->sheets->len);
  ((RawSheet *) g_ptr_array_index (s->sheets, sheet))->part = worksheet_number;
}

void
cg_raw_stream_free (CgRawStream *s)
{
  if (s == NULL)
    return;
  if (s->thread != NULL)
    {
      g_atomic_int_set (&s->stop, 1);
      g_thread_join (s->thread);
    }
  g_clear_error (&s->error);
  g_ptr_array_unref (s->sheets);
  g_clear_object (&s->reader);
  g_clear_object (&s->cancellable);
  g_clear_pointer (&s->tz, g_time_zone_unref);
  g_mutex_clear (&s->mutex);
  g_cond_clear (&s->cond);
  g_free (s);
}

gboolean
cg_raw_stream_splice (CgRawStream  *s,
                      const char   *path,
                      GError      **error)
{
  g_autofree CgXlsxSplice *splices = g_new0 (CgXlsxSplice, s->sheets->len + 1);

  for (guint i = 0; i < s->sheets->len; i++)
    {
      const RawSheet *sheet = g_ptr_array_index (s->sheets, i);

      splices[i] = (CgXlsxSplice) { sheet->part, sheet->rows + 1, sheet->file, sheet->pipe };
    }
  return cg_xlsx_splice (path, splices, s->sheets->len, error);
}
