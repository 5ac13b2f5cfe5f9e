/* test-call-quality.c — quality columns imported and summed by slice.
 *
 * Expected values are worked out by hand from the seven rows of
 * fixtures/calls/saas-quality.csv (in the comments) and the three of
 * fixtures/calls/freepbx-cdr.csv.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "cg-call-fields.h"
#include "cg-call-quality.h"
#include "cg-import-calls.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static void
import (Fixture    *f,
        const char *name,
        int         recording_column)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "calls", name, NULL);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GError) error = NULL;
  CgImportOptions options = { 0 };
  g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, &options, tz, &error);
  CgImportResult *result;

  g_assert_no_error (error);
  g_assert_cmpint (cg_import_plan_get_column (plan, CG_FIELD_RECORDING), ==, recording_column);
  result = cg_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  cg_import_result_free (result);
}

static const CgCallQualityRow *
row_of (GPtrArray  *rows,
        const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->key, key))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_headers (void)
{
  static const struct { const char *header; CgCallField field; } cases[] = {
    { "MOS", CG_FIELD_MOS }, { "语音质量", CG_FIELD_MOS }, { "通话质量(MOS)", CG_FIELD_MOS },
    { "Packet Loss", CG_FIELD_PACKET_LOSS }, { "丢包率（%）", CG_FIELD_PACKET_LOSS },
    { "Jitter", CG_FIELD_JITTER }, { "抖动(ms)", CG_FIELD_JITTER },
    { "recordingfile", CG_FIELD_RECORDING }, { "录音文件", CG_FIELD_RECORDING },
    { "Recording File", CG_FIELD_RECORDING },
    { "成交金额", CG_FIELD_SALE_AMOUNT }, { "订单金额", CG_FIELD_SALE_AMOUNT },
    { "Sale Amount", CG_FIELD_SALE_AMOUNT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cg_call_field_match_header (cases[i].header), ==, cases[i].field);
}

static void
test_by_line (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const CgCallQualityRow *l1, *l2;

  import (f, "saas-quality.csv", 10);
  rows = cg_call_quality (f->store, CG_DIM_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* L1: rows 1, 2, 3, 7; connected 1, 2, 7; MOS 4.2, 3.1, 4.0; loss 0.5,
   * 2.0, 0; jitter 12, 40, 8; all three connected recorded; row 2 is 3 s. */
  l1 = row_of (rows, "L1");
  g_assert_cmpint (l1->calls, ==, 4);
  g_assert_cmpint (l1->connected, ==, 3);
  g_assert_cmpint (l1->with_mos, ==, 3);
  g_assert_cmpfloat_with_epsilon (l1->mos_mean, 11.3 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1->low_mos_share, 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1->packet_loss_mean, 2.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1->jitter_mean, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1->recording_coverage, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (l1->short_call_share, 1.0 / 3, 1e-9);

  /* L2: rows 4, 5, 6; connected 4, 5; MOS 3.4 and "-" (not measured);
   * loss 1.5 and "N/A"; jitter 30; row 5 recorded, row 4 not. */
  l2 = row_of (rows, "L2");
  g_assert_cmpint (l2->calls, ==, 3);
  g_assert_cmpint (l2->connected, ==, 2);
  g_assert_cmpint (l2->with_mos, ==, 1);
  g_assert_cmpfloat_with_epsilon (l2->mos_mean, 3.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (l2->low_mos_share, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (l2->packet_loss_mean, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (l2->jitter_mean, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (l2->recording_coverage, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (l2->short_call_share, 0.0, 1e-9);
}

static void
test_absent_is_null (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const CgCallQualityRow *row;

  /* FreePBX: recordingfile (column 23) but no MOS, loss or jitter; one
   * answered call, with a recording. */
  import (f, "freepbx-cdr.csv", 22);
  rows = cg_call_quality (f->store, CG_DIM_MONTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->key, ==, "2026-09");
  g_assert_cmpint (row->connected, ==, 1);
  g_assert_cmpint (row->with_mos, ==, 0);
  g_assert_true (isnan (row->mos_mean));
  g_assert_true (isnan (row->low_mos_share));
  g_assert_true (isnan (row->packet_loss_mean));
  g_assert_true (isnan (row->jitter_mean));
  g_assert_cmpfloat_with_epsilon (row->recording_coverage, 1.0, 1e-9);

  g_assert_null (cg_call_quality (f->store, CG_DIM_HOUR, NULL, &error));
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID);
}

/* `stats call-quality --json`: the fields the issue names, nulls for what
 * the log lacks. */
static void
test_cli_json (Fixture       *f,
               gconstpointer  data)
{
  static const char *const fields[] = {
    "key", "connected", "with_mos", "mos_mean", "low_mos_share", "recording_coverage", "short_call_share",
  };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *rows;

  import (f, "freepbx-cdr.csv", 22);
  node = cg_test_run_cli_json ("--db", f->path, "stats", "call-quality", "--by", "agent",
                               "--from", "2026-09-01", "--to", "2026-09-01", "--json", NULL);
  rows = json_object_get_array_member (json_node_get_object (node), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);  /* agents 8001 and 8002 */
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        g_assert_true (json_object_has_member (row, fields[k]));
      g_assert_true (json_object_get_null_member (row, "mos_mean"));
      g_assert_true (json_object_get_null_member (row, "low_mos_share"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/call-quality/headers", test_headers);
  g_test_add ("/call-quality/by-line", Fixture, NULL, cg_test_store_set_up_beijing, test_by_line, cg_test_store_tear_down);
  g_test_add ("/call-quality/absent-is-null", Fixture, NULL, cg_test_store_set_up_beijing, test_absent_is_null, cg_test_store_tear_down);
  g_test_add ("/call-quality/cli-json", Fixture, NULL, cg_test_store_set_up_beijing, test_cli_json, cg_test_store_tear_down);
  return g_test_run ();
}
