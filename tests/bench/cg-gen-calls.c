/* cg-gen-calls.c — writes realistic call logs of any size for benchmarks.
 *
 *   cg-gen-calls [--rows N] [--seed N] [--format csv|xlsx] [--encoding utf-8|gb18030] OUT
 *
 * The rows look like a Chinese SaaS dialer export: call id, start time,
 * callee, talk seconds, outcome word, agent, line, list, segment, intent
 * and sale amount, with realistic shares of each outcome.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <xlsxwriter.h>

static const char *const header[] = {
  "呼叫ID", "呼叫时间", "被叫号码", "通话时长(秒)", "呼叫结果", "坐席工号",
  "坐席姓名", "线路", "号码来源", "客户分组", "意向", "成交金额",
};

static const char *const outcomes[] = { "已接通", "无人接听", "用户忙", "拒接", "空号", "关机", "线路故障" };
static const double outcome_share[] = { 0.30, 0.42, 0.08, 0.07, 0.06, 0.05, 0.02 };
static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴超", "徐丽", "孙涛" };
static const char *const lists[] = { "老客户回访", "展会名单", "购买名单A", "网络留资" };
static const char *const segments[] = { "个人", "企业", "老客户" };
static const char *const intents[] = { "", "有意向", "无意向", "回拨", "成交" };

typedef struct {
  char *fields[12];
  char  buf[12][48];
} Row;

static void
make_row (GRand  *rand,
          guint64 i,
          guint64 rows,
          Row    *row)
{
  /* Calls over 300 days of 2026 in time order, as dialers export them,
   * in working hours (09:00–20:00). */
  gint64 slot = (gint64) ((double) i / rows * 300 * 11 * 3600);
  gint64 day = slot / (11 * 3600);
  int hour = 9 + (int) (slot % (11 * 3600) / 3600);
  int minute = (int) (slot % 3600 / 60), second = (int) (slot % 60);
  g_autoptr(GDateTime) base = g_date_time_new_local (2026, 1, 1, hour, minute, second);
  g_autoptr(GDateTime) t = g_date_time_add_days (base, day);
  double u = g_rand_double (rand), acc = 0;
  guint o = 0;
  int agent = g_rand_int_range (rand, 0, 12);
  int intent = 0;

  for (o = 0; o < G_N_ELEMENTS (outcomes) - 1; o++)
    if (u < (acc += outcome_share[o]))
      break;
  if (o == 0)
    intent = g_rand_int_range (rand, 1, 5);

  g_snprintf (row->buf[0], 48, "C%010" G_GUINT64_FORMAT, i);
  g_snprintf (row->buf[1], 48, "%04d-%02d-%02d %02d:%02d:%02d", g_date_time_get_year (t),
              g_date_time_get_month (t), g_date_time_get_day_of_month (t), hour, minute, second);
  g_snprintf (row->buf[2], 48, "1%d%d%08d", g_rand_int_range (rand, 3, 10), g_rand_int_range (rand, 0, 10),
              g_rand_int_range (rand, 0, 100000000));
  g_snprintf (row->buf[3], 48, "%d", o == 0 ? g_rand_int_range (rand, 5, 600) : 0);
  g_snprintf (row->buf[4], 48, "%s", outcomes[o]);
  g_snprintf (row->buf[5], 48, "A%02d", agent + 1);
  g_snprintf (row->buf[6], 48, "%s", names[agent]);
  g_snprintf (row->buf[7], 48, "L%02d", g_rand_int_range (rand, 1, 4));
  g_snprintf (row->buf[8], 48, "%s", lists[g_rand_int_range (rand, 0, 4)]);
  g_snprintf (row->buf[9], 48, "%s", segments[g_rand_int_range (rand, 0, 3)]);
  g_snprintf (row->buf[10], 48, "%s", intents[intent]);
  if (intent == 4)
    g_snprintf (row->buf[11], 48, "%d", 500 + 100 * g_rand_int_range (rand, 0, 40));
  else
    row->buf[11][0] = '\0';
  for (int c = 0; c < 12; c++)
    row->fields[c] = row->buf[c];
}

static gboolean
write_csv (const char  *path,
           guint64      rows,
           guint32      seed,
           const char  *encoding,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) line = g_string_new (NULL);

  if (out == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 1 << 20);
  if (g_ascii_strcasecmp (encoding, "utf-8") != 0)
    {
      g_autoptr(GCharsetConverter) conv = g_charset_converter_new (encoding, "UTF-8", error);
      if (conv == NULL)
        return FALSE;
      stream = g_converter_output_stream_new (buffered, G_CONVERTER (conv));
    }
  else
    stream = g_object_ref (buffered);

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_string_append_printf (line, "%s%s", c ? "," : "", header[c]);
  g_string_append (line, "\r\n");
  for (guint64 i = 0; i < rows; i++)
    {
      Row row;
      make_row (rand, i, rows, &row);
      for (int c = 0; c < 12; c++)
        {
          if (c)
            g_string_append_c (line, ',');
          g_string_append (line, row.fields[c]);
        }
      g_string_append (line, "\r\n");
      if (line->len > (1 << 16))
        {
          if (!g_output_stream_write_all (stream, line->str, line->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (line, 0);
        }
    }
  return g_output_stream_write_all (stream, line->str, line->len, NULL, NULL, error) &&
         g_output_stream_close (stream, NULL, error);
}

static gboolean
write_xlsx (const char  *path,
            guint64      rows,
            guint32      seed,
            GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "通话记录");
  lxw_format *datetime = workbook_add_format (wb);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  format_set_num_format (datetime, "yyyy-mm-dd hh:mm:ss");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 0, c, header[c], NULL);
  for (guint64 i = 0; i < rows; i++)
    {
      Row row;
      lxw_datetime dt = { 0 };
      make_row (rand, i, rows, &row);
      sscanf (row.fields[1], "%d-%d-%d %d:%d:%lf", &dt.year, &dt.month, &dt.day, &dt.hour, &dt.min, &dt.sec);
      worksheet_write_string (ws, i + 1, 0, row.fields[0], NULL);
      worksheet_write_datetime (ws, i + 1, 1, &dt, datetime);
      /* Numbers as a spreadsheet user leaves them: phones and seconds as numbers. */
      worksheet_write_number (ws, i + 1, 2, g_ascii_strtod (row.fields[2], NULL), NULL);
      worksheet_write_number (ws, i + 1, 3, g_ascii_strtod (row.fields[3], NULL), NULL);
      for (int c = 4; c < 11; c++)
        worksheet_write_string (ws, i + 1, c, row.fields[c], NULL);
      if (row.fields[11][0])
        worksheet_write_number (ws, i + 1, 11, g_ascii_strtod (row.fields[11], NULL), NULL);
    }
  if (workbook_close (wb) != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 rows = 1000;
  int seed = 1;
  g_autofree char *format = NULL;
  g_autofree char *encoding = NULL;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT64, &rows, "Rows to write", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "csv or xlsx", "FORMAT" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, "CSV encoding: utf-8 or gb18030", "ENC" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("cg-gen-calls: %s\n", error ? error->message : "give one output file");
      return 1;
    }
  if (g_strcmp0 (format, "xlsx") == 0)
    ok = write_xlsx (argv[1], rows, seed, &error);
  else
    ok = write_csv (argv[1], rows, seed, encoding ? encoding : "utf-8", &error);
  if (!ok)
    {
      g_printerr ("cg-gen-calls: %s\n", error->message);
      return 1;
    }
  return 0;
}
