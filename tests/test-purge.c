/* test-purge.c — retention: purge keeps the trends, removes the details;
 * and the keep-full-numbers switch erases numbers from the file's bytes.
 *
 * Expected values come from plain SQLite reads made before the purge, or
 * from dates worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cg-analytics.h"
#include "cg-backup.h"
#include "cg-batch.h"
#include "cg-call-writer.h"
#include "cg-purge.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

/* 2026-01-01 00:00 +08:00, and "now", 2026-07-10 12:00 +08:00. */
#define T0   G_GINT64_CONSTANT (1767196800)
#define NOW  G_GINT64_CONSTANT (1783656000)
/* Three months before NOW, at local midnight: 2026-04-10 00:00 +08:00. */
#define CUTOFF G_GINT64_CONSTANT (1775750400)

/* @n calls @step seconds apart from @first_ts, one batch; numbers carry
 * @tag so that batches differ.  Returns the batch id. */
static gint64
add_calls (CgStore *store,
           guint    n,
           gint64   first_ts,
           gint64   step,
           guint    tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) writer = cg_call_writer_new (store, "calls", "t.csv", NULL, "UTF-8",
                                                       &error);
  gint64 batch;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *phone = g_strdup_printf ("139%02u%06u", tag % 100, i);
      CgCall call;

      cg_call_init (&call);
      call.start_ts = first_ts + step * (gint64) i;
      call.talk_s = (int) (i % 70);
      call.outcome = i % 3 == 0 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
      call.phone = phone;
      call.agent_id = "A01";
      call.line = i % 2 ? "L01" : "L02";
      cg_test_add_call (writer, &call);
    }
  batch = cg_call_writer_commit (writer, NULL, "UTF-8", n, 0, &error);
  g_assert_no_error (error);
  return batch;
}

/* "key calls connected talk short" per month, from the sums. */
static char *
trend_by (CgStore     *store,
          CgDimension  by)
{
  CgFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, by, &filter, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      CgConnectRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                              G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", row->key, row->calls,
                              row->connected, row->talk_seconds, row->short_calls);
    }
  return g_string_free (text, FALSE);
}

static gboolean
purge (Fixture        *f,
       guint           months,
       CgPurgeResult  *result,
       GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);

  return cg_purge_older_than (f->store, months, now, result, error);
}

/* 6 hours apart from 1 January: 760 calls up to 2026-07-09. */
#define N_CALLS 760

static void
test_trends_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *months_before = NULL, *months_after = NULL;
  g_autofree char *days_before = NULL, *days_after = NULL;
  g_autofree char *hours_before = NULL, *hours_after = NULL;
  CgPurgeResult result;
  gint64 old_calls, recent_calls;

  add_calls (f->store, N_CALLS, T0, 6 * 3600, 1);
  /* A survey response and a complaint on each side of the cutoff. */
  cg_test_sql_exec (f->path,
            "INSERT INTO survey_responses (batch_id, natural_key, submitted_ts, phone_hash, "
            "  phone_masked, phone_full) VALUES "
            "(1, 1, 1775750399, 11, '139****0001', '13900000001'),"
            "(1, 2, 1775750400, 12, '139****0002', '13900000002');"
            "INSERT INTO complaints (batch_id, natural_key, ts, phone_hash, phone_masked, text, "
            "  category) VALUES "
            "(1, 1, 1775750399, 11, '139****0001', '态度差', 'rude'),"
            "(1, 2, 1775750400, 12, '139****0002', '太频繁', 'frequency');");
  old_calls = cg_test_sql_int (f->path, "SELECT count(*) FROM calls WHERE start_ts < 1775750400");
  recent_calls = cg_test_sql_int (f->path, "SELECT count(*) FROM calls WHERE start_ts >= 1775750400");
  /* 1 January to 10 April is 99 days of 4 calls. */
  g_assert_cmpint (old_calls, ==, 99 * 4);
  months_before = trend_by (f->store, CG_DIM_MONTH);
  days_before = trend_by (f->store, CG_DIM_DAY);
  hours_before = trend_by (f->store, CG_DIM_HOUR);

  g_assert_true (purge (f, 3, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.before_ts, ==, CUTOFF);
  g_assert_cmpint (result.calls, ==, old_calls);
  g_assert_cmpint (result.survey_responses, ==, 1);
  g_assert_cmpint (result.complaints, ==, 1);
  g_assert_nonnull (result.backup_path);
  g_assert_true (g_file_test (result.backup_path, G_FILE_TEST_IS_REGULAR));
  /* The backup holds what was purged. */
  g_assert_cmpint (cg_test_sql_int (result.backup_path, "SELECT count(*) FROM calls"), ==, N_CALLS);
  cg_purge_result_clear (&result);

  /* The details are gone, the recent ones untouched … */
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls WHERE start_ts < 1775750400"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls"), ==, recent_calls);
  /* Older survey responses and complaints stay, without the person. */
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM survey_responses"), ==, 2);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM survey_responses WHERE phone_hash IS NULL "
                           "AND phone_masked IS NULL AND phone_full IS NULL"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT natural_key FROM survey_responses WHERE phone_hash IS NULL"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM complaints WHERE category IS NOT NULL"), ==, 2);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT natural_key FROM complaints WHERE text IS NULL AND "
                           "phone_hash IS NULL AND phone_masked IS NULL"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM complaints WHERE text IS NOT NULL"), ==, 1);
  /* … and every trend reads the same. */
  months_after = trend_by (f->store, CG_DIM_MONTH);
  days_after = trend_by (f->store, CG_DIM_DAY);
  hours_after = trend_by (f->store, CG_DIM_HOUR);
  g_assert_cmpstr (months_after, ==, months_before);
  g_assert_cmpstr (days_after, ==, days_before);
  g_assert_cmpstr (hours_after, ==, hours_before);

  /* Purging again with the same cutoff finds nothing and backs nothing up. */
  g_assert_true (purge (f, 3, &result, &error));
  g_assert_cmpint (result.calls, ==, 0);
  g_assert_null (result.backup_path);
}

/* After a purge: deleting the batch takes out only its remaining calls,
 * re-importing old calls adds nothing, the time zone stays. */
static void
test_after_purge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *months_before = NULL, *months_after = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  CgPurgeResult result;
  gint64 batch, later;
  g_auto(GStrv) lines = NULL;

  batch = add_calls (f->store, N_CALLS, T0, 6 * 3600, 1);
  months_before = trend_by (f->store, CG_DIM_MONTH);
  g_assert_true (purge (f, 3, &result, &error));
  cg_purge_result_clear (&result);

  /* The same old calls again: all skipped as duplicates. */
  later = add_calls (f->store, 40, T0, 6 * 3600, 2);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls WHERE start_ts < 1775750400"), ==, 0);
  months_after = trend_by (f->store, CG_DIM_MONTH);
  g_assert_cmpstr (months_after, ==, months_before);
  g_clear_pointer (&months_after, g_free);
  if (later > 0)
    {
      g_assert_true (cg_store_delete_batch (f->store, later, &error));
      g_assert_no_error (error);
    }

  /* Deleting the purged batch: January to March stay as they were (all
   * purged), April keeps only its purged days 1–9, later months go. */
  g_assert_true (cg_store_delete_batch (f->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM agg_day WHERE calls < 0"), ==, 0);
  lines = g_strsplit (months_before, "\n", -1);
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (expected, "%s\n", lines[i]);
  /* April 1–9: 36 calls, call numbers 360–395 (i % 3 == 0 connected,
   * talk i % 70, short = connected with talk under 5 s). */
  {
    gint64 connected = 0, talk = 0, shorts = 0;

    for (guint i = 360; i < 396; i++)
      if (i % 3 == 0)
        {
          connected++;
          talk += i % 70;
          shorts += i % 70 < 5;
        }
    g_string_append_printf (expected, "2026-04 36 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                            G_GINT64_FORMAT "\n", connected, talk, shorts);
  }
  months_after = trend_by (f->store, CG_DIM_MONTH);
  g_assert_cmpstr (months_after, ==, expected->str);

  /* Regrouping the sums by another zone would lose the purged ones. */
  g_assert_false (cg_store_set_time_zone (f->store, "Europe/Berlin", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cg_store_set_time_zone (f->store, "Asia/Shanghai", &error));
  g_assert_no_error (error);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgPurgeResult result;

  g_assert_false (purge (f, 0, &result, &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
}

/* Whether @needle occurs in the database file or its -wal. */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (!g_file_get_contents (name, &bytes, &length, NULL))
        continue;
      for (gsize at = 0; at + strlen (needle) <= length; at++)
        if (memcmp (bytes + at, needle, strlen (needle)) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Turning keep_full_numbers off leaves no full number in the file's
 * bytes, while the store is still open (the -wal included). */
static void
test_full_numbers_erased (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_store_set_keep_full_numbers (f->store, TRUE, &error));
  g_assert_no_error (error);
  add_calls (f->store, 300, T0, 600, 7);
  /* Numbers 13907000000 … 13907000299. */
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(phone_full) FROM calls"), ==, 300);
  /* Closing the last connection checkpoints: the numbers are in the main
   * file now, where an update leaves the old bytes unless told not to. */
  g_clear_object (&f->store);
  g_assert_true (file_holds (f->path, "13907000123"));
  f->store = cg_store_open (f->path, &error);
  g_assert_no_error (error);

  g_assert_true (cg_store_set_keep_full_numbers (f->store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(phone_full) FROM calls"), ==, 0);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("13907%06u", i);

      g_assert_false (file_holds (f->path, number));
    }
  /* The masked forms stay. */
  g_assert_true (file_holds (f->path, "139****0123"));
}

/* `purge --older-than 1 --json` on calls two years old: all go, and the
 * JSON says so with the documented fields. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("CALLGAUGE_CLI");
  gint64 two_years_ago = g_get_real_time () / G_USEC_PER_SEC - 730 * 86400;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *o;

  if (cli == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set; run under meson test");
      return;
    }
  add_calls (f->store, 50, two_years_ago, 3600, 3);
  g_clear_object (&f->store);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, cli, "--db", f->path, "purge",
                           "--older-than", "1", "--json", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (o, "older_than_months"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "calls_deleted"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (o, "survey_responses_anonymized"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "complaints_anonymized"), ==, 0);
  g_assert_true (g_file_test (json_object_get_string_member (o, "backup"), G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (json_object_get_string_member (o, "before"));
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT sum(calls) FROM agg_day"), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)
  ADD ("/purge/trends-kept", test_trends_kept);
  ADD ("/purge/after-purge", test_after_purge);
  ADD ("/purge/invalid", test_invalid);
  ADD ("/purge/cli", test_cli);
  ADD ("/privacy/full-numbers-erased", test_full_numbers_erased);
#undef ADD

  return g_test_run ();
}
