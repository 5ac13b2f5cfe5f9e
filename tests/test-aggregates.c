/* test-aggregates.c — the aggregate sums agree with the calls, always.
 *
 * The analytics answer most questions from agg_day and agg_hour; the same
 * questions asked of the calls themselves (CgFilter.raw, checked against
 * hand-worked logs in test-analytics.c) must give the same rows after
 * every change: demo data, import, re-import, batch delete, time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cg-analytics.h"
#include "cg-batch.h"
#include "cg-demo.h"
#include "cg-funnel.h"
#include "cg-import-calls.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

static const CgDimension dims[] = {
  CG_DIM_TOTAL, CG_DIM_DAY, CG_DIM_WEEK, CG_DIM_MONTH, CG_DIM_QUARTER, CG_DIM_LINE,
  CG_DIM_LIST, CG_DIM_OUTCOME, CG_DIM_HOUR, CG_DIM_WEEKDAY, CG_DIM_HOUR_WEEKDAY,
};

/* Every slice and filter, from the sums and from the calls. */
static void
assert_sums_match_calls (Fixture *f)
{
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GDateTime) sept = g_date_time_new (tz, 2026, 9, 1, 0, 0, 0);
  g_autoptr(GDateTime) oct = g_date_time_new (tz, 2026, 10, 15, 0, 0, 0);
  const CgFilter filters[] = {
    { 0 },
    { .line = "L01" },
    { .list = "网络留资" },
    { .from_ts = g_date_time_to_unix (sept), .to_ts = g_date_time_to_unix (oct) },
    { .from_ts = g_date_time_to_unix (sept), .line = "L03", .list = "展会名单" },
  };
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
      {
        g_autoptr(GError) error = NULL;
        CgFilter raw = filters[i];
        g_autoptr(GPtrArray) a = cg_analytics_connect (f->store, dims[d], &filters[i], &error);
        g_autoptr(GPtrArray) b = NULL;

        g_assert_no_error (error);
        raw.raw = TRUE;
        b = cg_analytics_connect (f->store, dims[d], &raw, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (a->len, ==, b->len);
        for (guint r = 0; r < a->len; r++)
          {
            const CgConnectRow *x = g_ptr_array_index (a, r);
            const CgConnectRow *y = g_ptr_array_index (b, r);

            g_assert_cmpstr (x->key, ==, y->key);
            g_assert_cmpint (x->calls, ==, y->calls);
            g_assert_cmpint (x->connected, ==, y->connected);
            g_assert_cmpint (x->talk_seconds, ==, y->talk_seconds);
            g_assert_cmpint (x->short_calls, ==, y->short_calls);
            checked++;
          }
      }
  g_assert_cmpuint (checked, >, 0);

  /* The funnel from the sums and from the calls. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    for (CgDimension by = CG_DIM_TOTAL; by <= CG_DIM_LIST; by = by == CG_DIM_TOTAL ? CG_DIM_LIST : CG_N_DIMS)
      {
        g_autoptr(GError) error = NULL;
        CgFilter raw = filters[i];
        g_autoptr(GPtrArray) a = cg_funnel_compute (f->store, by, &filters[i], &error);
        g_autoptr(GPtrArray) b = NULL;

        g_assert_no_error (error);
        raw.raw = TRUE;
        b = cg_funnel_compute (f->store, by, &raw, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (a->len, ==, b->len);
        for (guint r = 0; r < a->len; r++)
          {
            const CgFunnelRow *x = g_ptr_array_index (a, r);
            const CgFunnelRow *y = g_ptr_array_index (b, r);

            g_assert_cmpstr (x->key, ==, y->key);
            g_assert_cmpint (x->dialled, ==, y->dialled);
            g_assert_cmpint (x->connected, ==, y->connected);
            g_assert_cmpint (x->interested, ==, y->interested);
            g_assert_cmpint (x->sales, ==, y->sales);
            g_assert_cmpint (x->sales_with_amount, ==, y->sales_with_amount);
            g_assert_cmpint (x->new_customers, ==, y->new_customers);
            g_assert_cmpfloat_with_epsilon (x->revenue_cny, y->revenue_cny, 1e-6 * (1 + y->revenue_cny));
          }
      }

  /* And the sums hold every call, no more. */
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT coalesce (sum (calls), 0) FROM agg_day"), ==,
                   cg_test_sql_int (f->path, "SELECT count(*) FROM calls"));
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT coalesce (sum (calls), 0) FROM agg_hour"), ==,
                   cg_test_sql_int (f->path, "SELECT count(*) FROM calls"));
}

static void
load_demo (Fixture *f,
           guint    seed)
{
  g_autoptr(GError) error = NULL;
  GDate end;
  CgDemoOptions options = { .seed = seed, .months = 3, .end_date = &end };

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, 11, 2026);
  g_assert_cmpint (cg_demo_generate (f->store, &options, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  load_demo (f, 11);
  assert_sums_match_calls (f);
}

/* The business time zone regroups the sums. */
static void
test_time_zone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  load_demo (f, 12);
  g_assert_true (cg_store_set_time_zone (f->store, "America/New_York", &error));
  g_assert_no_error (error);
  assert_sums_match_calls (f);
  g_assert_false (cg_store_set_time_zone (f->store, "Nowhere/Atlantis", &error));
  g_assert_error (error, CG_STORE_ERROR, CG_STORE_ERROR_INVALID);
}

static char *
write_log (Fixture    *f,
           const char *name,
           guint       first,
           guint       n)
{
  g_autoptr(GString) s = g_string_new ("呼叫ID,呼叫时间,被叫号码,通话时长(秒),呼叫结果,线路,号码来源\n");
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  static const char *const outcomes[] = { "已接通", "无人接听", "空号", "线路故障" };

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (s, "C%u,2026-09-%02u %02u:%02u:00,1390000%04u,%u,%s,L0%u,名单%u\n",
                            i, 1 + i % 28, 8 + i % 12, i % 60, i, i % 4 == 0 ? i % 300 : 0,
                            outcomes[i % 4], 1 + i % 3, i % 2);
  g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  return g_steal_pointer (&path);
}

static gint64
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  CgImportOptions options = { 0 };
  g_autoptr(CgImportPlan) plan = cg_import_plan_new (path, &options, tz, &error);
  g_autoptr(CgImportResult) result = NULL;

  g_assert_no_error (error);
  result = cg_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return result->batch_id;
}

/* Import, a re-import that adds only the new half, and deletes. */
static void
test_import_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = write_log (f, "a.csv", 0, 400);
  g_autofree char *b = write_log (f, "b.csv", 200, 400);  /* overlaps a by 200 calls */
  g_autoptr(GError) error = NULL;
  gint64 batch_a, batch_b;

  batch_a = import (f, a);
  assert_sums_match_calls (f);
  g_assert_cmpint (import (f, a), ==, 0);  /* nothing new */
  assert_sums_match_calls (f);
  batch_b = import (f, b);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls"), ==, 600);
  assert_sums_match_calls (f);

  /* Batch b holds only the 200 calls a did not have. */
  g_assert_true (cg_store_delete_batch (f->store, batch_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM calls"), ==, 200);
  assert_sums_match_calls (f);

  g_assert_true (cg_store_delete_batch (f->store, batch_b, &error));
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM agg_day"), ==, 0);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM agg_hour"), ==, 0);
}

/* A failed import leaves the sums as they were. */
static void
test_abort (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a = write_log (f, "a.csv", 0, 100);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  CgImportOptions options = { .abort_on_error = TRUE };
  g_autoptr(CgImportPlan) plan = NULL;
  g_autoptr(CgImportResult) result = NULL;
  gint64 before;

  import (f, a);
  before = cg_test_sql_int (f->path, "SELECT sum (calls) FROM agg_day");
  g_assert_true (g_file_set_contents (bad,
                                      "呼叫时间,被叫号码,通话时长(秒),呼叫结果\n"
                                      "2026-10-01 10:00:00,13800138000,20,已接通\n"
                                      "2026-13-01 10:00:00,13800138001,20,已接通\n", -1, NULL));
  plan = cg_import_plan_new (bad, &options, tz, &error);
  g_assert_no_error (error);
  result = cg_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_BAD_ROW);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT sum (calls) FROM agg_day"), ==, before);
  assert_sums_match_calls (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/aggregates/" name, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)
  ADD ("demo", test_demo);
  ADD ("time-zone", test_time_zone);
  ADD ("import-delete", test_import_delete);
  ADD ("abort", test_abort);
#undef ADD
  return g_test_run ();
}
