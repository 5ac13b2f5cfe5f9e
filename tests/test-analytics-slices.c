/* test-analytics-slices.c — the one-pass rows by total, line, list and
 * agent, and the whole local days the calls span.
 *
 * Expected values are worked out by hand from the seven calls below (see
 * the comments beside them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "cg-aggregates.h"
#include "cg-analytics-private.h"
#include "cg-analytics-slices.h"
#include "cg-purge.h"
#include "cg-store.h"
#include "cg-test-util.h"

typedef CgTestStore Fixture;

/* The period is [1000, 2000).  Number 7 bought before it (call 0), so
 * only number 8 is a new customer in it.  Outcome 1 is connected, 2 no
 * answer; disposition 1 is a sale. */
static const char calls_sql[] =
  "INSERT INTO calls (id, batch_id, natural_key, start_ts, outcome, disposition, talk_s,"
  "                   agent_id, line, list, phone_hash, sale_amount, mos, has_recording) VALUES"
  " (1, 1, 1,  500, 1, 1, 40, 'a1', 'L1', 'A', 7, 80,   NULL, NULL),"  /* before the period */
  " (2, 1, 2, 1000, 1, 1, 60, 'a1', 'L1', 'A', 7, 100,  4.0,  1),"     /* sale, not new */
  " (3, 1, 3, 1100, 1, 1,  3, 'a1', 'L1', 'B', 8, NULL, 3.0,  0),"     /* new customer, short */
  " (4, 1, 4, 1200, 2, 0,  0, 'a2', 'L2', 'A', 8, NULL, NULL, NULL),"
  " (5, 1, 5, 1300, 1, 1, 30, 'a2', 'L2', 'A', 8, 50.5, 3.4,  NULL),"  /* sale to 8 again */
  " (6, 1, 6, 1400, 2, 0,  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  " (7, 1, 7, 2000, 1, 1, 10, 'a1', 'L1', 'A', 9, 10,   NULL, NULL);"; /* after it */

static gconstpointer
row_of (GPtrArray  *rows,
        const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      /* Every row type starts with its key. */
      char **row = g_ptr_array_index (rows, i);
      if (g_str_equal (*row, key))
        return row;
    }
  g_assert_not_reached ();
}

static void
rebuild_sums (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cg_store_begin (f->store, &error));
  g_assert_true (cg_aggregates_rebuild (f->store, &error));
  g_assert_true (cg_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static CgCallSlices *
compute (Fixture        *f,
         const CgFilter *filter)
{
  g_autoptr(GError) error = NULL;
  CgCallSlices *slices = cg_call_slices_compute (f->store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (slices);
  return slices;
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  CgFilter period = { .from_ts = 1000, .to_ts = 2000 };
  g_autoptr(CgCallSlices) s = NULL;
  const CgConnectRow *c;
  const CgFunnelRow *fu;
  const CgCallQualityRow *q;
  const CgContact *k;

  cg_test_sql_exec (f->path, calls_sql);
  rebuild_sums (f);
  s = compute (f, &period);

  /* Calls 2–6: three connected with 60 + 3 + 30 s of talk, one under 5 s. */
  g_assert_cmpuint (s->connect[CG_DIM_TOTAL]->len, ==, 1);
  c = g_ptr_array_index (s->connect[CG_DIM_TOTAL], 0);
  g_assert_cmpstr (c->key, ==, "total");
  g_assert_cmpint (c->calls, ==, 5);
  g_assert_cmpint (c->connected, ==, 3);
  g_assert_cmpint (c->talk_seconds, ==, 93);
  g_assert_cmpint (c->short_calls, ==, 1);

  /* Lines in key order, the calls without one first. */
  g_assert_cmpuint (s->connect[CG_DIM_LINE]->len, ==, 3);
  g_assert_cmpstr (((CgConnectRow *) g_ptr_array_index (s->connect[CG_DIM_LINE], 0))->key, ==, "");
  g_assert_cmpstr (((CgConnectRow *) g_ptr_array_index (s->connect[CG_DIM_LINE], 2))->key, ==, "L2");
  c = row_of (s->connect[CG_DIM_LINE], "L1");
  g_assert_cmpint (c->calls, ==, 2);
  g_assert_cmpint (c->connected, ==, 2);
  g_assert_cmpint (c->talk_seconds, ==, 63);
  c = row_of (s->connect[CG_DIM_AGENT], "a2");
  g_assert_cmpint (c->calls, ==, 2);
  g_assert_cmpint (c->connected, ==, 1);
  g_assert_cmpint (c->talk_seconds, ==, 30);

  /* Funnel: three sales, two with an amount (100 + 50.5); number 8 is
   * the one new customer, once overall though it bought twice. */
  fu = g_ptr_array_index (s->funnel[CG_DIM_TOTAL], 0);
  g_assert_cmpint (fu->dialled, ==, 5);
  g_assert_cmpint (fu->connected, ==, 3);
  g_assert_cmpint (fu->interested, ==, 3);
  g_assert_cmpint (fu->sales, ==, 3);
  g_assert_cmpint (fu->sales_with_amount, ==, 2);
  g_assert_cmpfloat_with_epsilon (fu->revenue_cny, 150.5, 1e-9);
  g_assert_cmpint (fu->new_customers, ==, 1);
  /* 8 bought in both lists and from both agents: new in each. */
  fu = row_of (s->funnel[CG_DIM_LIST], "A");
  g_assert_cmpint (fu->dialled, ==, 3);
  g_assert_cmpint (fu->sales, ==, 2);
  g_assert_cmpint (fu->new_customers, ==, 1);
  fu = row_of (s->funnel[CG_DIM_LIST], "B");
  g_assert_cmpint (fu->sales, ==, 1);
  g_assert_cmpint (fu->sales_with_amount, ==, 0);
  g_assert_cmpint (fu->new_customers, ==, 1);
  fu = row_of (s->funnel[CG_DIM_AGENT], "a1");
  g_assert_cmpint (fu->sales, ==, 2);
  g_assert_cmpint (fu->new_customers, ==, 1);
  fu = row_of (s->funnel[CG_DIM_AGENT], "");
  g_assert_cmpint (fu->dialled, ==, 1);
  g_assert_cmpint (fu->new_customers, ==, 0);

  /* Quality on L1: MOS 4.0 and 3.0, one under 3.5; both connected calls
   * know their recording, one has it.  L2: MOS 3.4; no recording known. */
  g_assert_null (s->quality[CG_DIM_TOTAL]);
  q = row_of (s->quality[CG_DIM_LINE], "L1");
  g_assert_cmpint (q->with_mos, ==, 2);
  g_assert_cmpfloat_with_epsilon (q->mos_mean, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (q->low_mos_share, 0.5, 1e-9);
  g_assert_cmpint (q->recordings_known, ==, 2);
  g_assert_cmpint (q->recordings, ==, 1);
  g_assert_cmpint (q->short_calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (q->short_call_share, 0.5, 1e-9);
  q = row_of (s->quality[CG_DIM_LINE], "L2");
  g_assert_cmpint (q->calls, ==, 2);
  g_assert_cmpint (q->connected, ==, 1);
  g_assert_cmpfloat_with_epsilon (q->low_mos_share, 1.0, 1e-9);
  g_assert_cmpint (q->recordings_known, ==, 0);
  g_assert_true (isnan (q->recording_coverage));
  g_assert_true (isnan (q->packet_loss_mean));

  /* Contact: numbers 7 and 8, both reached; call 6 has no number.  On
   * L2 number 8 was reached at its second call; in list B once. */
  k = g_ptr_array_index (s->contact[CG_DIM_TOTAL], 0);
  g_assert_cmpint (k->calls, ==, 5);
  g_assert_cmpint (k->calls_without_number, ==, 1);
  g_assert_cmpint (k->numbers, ==, 2);
  g_assert_cmpint (k->numbers_reached, ==, 2);
  k = row_of (s->contact[CG_DIM_LINE], "L1");
  g_assert_cmpint (k->numbers, ==, 2);
  g_assert_cmpint (k->numbers_reached, ==, 2);
  k = row_of (s->contact[CG_DIM_LINE], "L2");
  g_assert_cmpint (k->numbers, ==, 1);
  g_assert_cmpint (k->numbers_reached, ==, 1);
  k = row_of (s->contact[CG_DIM_LIST], "A");
  g_assert_cmpint (k->numbers, ==, 2);
  g_assert_cmpint (k->numbers_reached, ==, 2);
  k = row_of (s->contact[CG_DIM_LINE], "");
  g_assert_cmpint (k->calls_without_number, ==, 1);
  g_assert_cmpint (k->numbers, ==, 0);
  g_assert_null (s->contact[CG_DIM_AGENT]);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  CgFilter everything = { 0 };
  CgFilter line = { .from_ts = 1000, .to_ts = 2000, .line = "L2" };
  CgFilter empty = { .from_ts = 5000, .to_ts = 6000 };
  /* 1970-01-01 in the store's zone (Beijing), whole days the sums answer. */
  CgFilter first_day = { .from_ts = -8 * 3600, .to_ts = 16 * 3600 };
  CgFilter next_day = { .from_ts = 16 * 3600, .to_ts = 40 * 3600 };
  g_autoptr(CgCallSlices) all = NULL;
  g_autoptr(CgCallSlices) day = NULL;
  g_autoptr(CgCallSlices) after = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallSlices) l2 = NULL;
  g_autoptr(CgCallSlices) none = NULL;
  const CgFunnelRow *fu;
  const CgContact *k;

  cg_test_sql_exec (f->path, calls_sql);
  rebuild_sums (f);

  /* All calls: no sale before them, so 7, 8 and 9 are new; 7 is reached
   * at calls 1 and 2, and number 9 at call 7. */
  all = compute (f, &everything);
  fu = g_ptr_array_index (all->funnel[CG_DIM_TOTAL], 0);
  g_assert_cmpint (fu->dialled, ==, 7);
  g_assert_cmpint (fu->sales, ==, 5);
  g_assert_cmpint (fu->new_customers, ==, 3);
  k = g_ptr_array_index (all->contact[CG_DIM_TOTAL], 0);
  g_assert_cmpint (k->numbers, ==, 3);
  g_assert_cmpint (k->numbers_reached, ==, 3);

  /* Line L2 in the period: calls 4 and 5, number 8 once. */
  l2 = compute (f, &line);
  fu = g_ptr_array_index (l2->funnel[CG_DIM_TOTAL], 0);
  g_assert_cmpint (fu->dialled, ==, 2);
  g_assert_cmpint (fu->new_customers, ==, 1);
  g_assert_cmpuint (l2->connect[CG_DIM_LINE]->len, ==, 1);

  /* No calls: the totals are rows of zeros, the slices empty. */
  none = compute (f, &empty);
  g_assert_cmpuint (none->connect[CG_DIM_TOTAL]->len, ==, 1);
  g_assert_cmpint (((CgConnectRow *) g_ptr_array_index (none->connect[CG_DIM_TOTAL], 0))->calls, ==, 0);
  g_assert_cmpint (((CgContact *) g_ptr_array_index (none->contact[CG_DIM_TOTAL], 0))->numbers, ==, 0);
  g_assert_cmpuint (none->connect[CG_DIM_AGENT]->len, ==, 0);
  g_assert_cmpuint (none->quality[CG_DIM_LINE]->len, ==, 0);

  /* Whole days: all seven calls fall on the first; the next has none
   * (the sums tell, without reading the calls). */
  day = compute (f, &first_day);
  g_assert_cmpint (((CgConnectRow *) g_ptr_array_index (day->connect[CG_DIM_TOTAL], 0))->calls, ==, 7);
  g_assert_cmpint (((CgContact *) g_ptr_array_index (day->contact[CG_DIM_TOTAL], 0))->numbers, ==, 3);
  /* The funnel's stages from the sums alone: list A has calls 1, 2, 4, 5
   * and 7, sales at 1, 2, 5 and 7; new customers are not counted. */
  stages = cg_funnel_stages_from_sums (f->store, CG_DIM_LIST, &first_day, &error);
  g_assert_no_error (error);
  fu = row_of (stages, "A");
  g_assert_cmpint (fu->dialled, ==, 5);
  g_assert_cmpint (fu->connected, ==, 4);
  g_assert_cmpint (fu->sales, ==, 4);
  g_assert_cmpint (fu->sales_with_amount, ==, 4);
  g_assert_cmpfloat_with_epsilon (fu->revenue_cny, 240.5, 1e-9);
  g_assert_cmpint (fu->new_customers, ==, 0);

  after = compute (f, &next_day);
  g_assert_cmpint (((CgConnectRow *) g_ptr_array_index (after->connect[CG_DIM_TOTAL], 0))->calls, ==, 0);
  g_assert_cmpuint (after->connect[CG_DIM_LINE]->len, ==, 0);
}

/* The span runs from the local midnight before the first call to the one
 * after the last, in the business time zone. */
static void
test_span (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 from = -1, to = -1;

  g_assert_true (cg_aggregates_call_span (f->store, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 0);

  cg_test_sql_exec (f->path,
    "INSERT INTO calls (batch_id, natural_key, start_ts, outcome) VALUES"
    " (1, 1, 1772670600, 1),"   /* 2026-03-05 08:30 +08 */
    " (1, 2, 1772899199, 2);"); /* 2026-03-07 23:59:59 +08 */
  rebuild_sums (f);
  g_assert_true (cg_aggregates_call_span (f->store, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, cg_test_ts ("2026-03-05T00:00:00+08:00"));
  g_assert_cmpint (to, ==, cg_test_ts ("2026-03-08T00:00:00+08:00"));
}

/* After a purge the sums keep the purged calls' days; the span is of the
 * calls that are left. */
static void
test_span_purged (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 3, 20, 12, 0, 0);
  CgPurgeResult result = { 0 };
  gint64 from = -1, to = -1;

  cg_test_sql_exec (f->path,
    "INSERT INTO calls (batch_id, natural_key, start_ts, outcome) VALUES"
    " (1, 1, 1768011000, 1),"   /* 2026-01-10 10:10 +08 */
    " (1, 2, 1772670600, 2);"); /* 2026-03-05 08:30 +08 */
  rebuild_sums (f);
  /* One month back from 2026-03-20: the January call goes. */
  g_assert_true (cg_purge_older_than (f->store, 1, now, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.calls, ==, 1);
  cg_purge_result_clear (&result);
  g_assert_true (cg_aggregates_call_span (f->store, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, cg_test_ts ("2026-03-05T00:00:00+08:00"));
  g_assert_cmpint (to, ==, cg_test_ts ("2026-03-06T00:00:00+08:00"));
}

/* Where a daylight-saving change skips midnight the day starts at the
 * first time that exists: São Paulo went from 00:00 to 01:00 on
 * 2018-11-04. */
static void
test_span_dst (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Sao_Paulo");
  gint64 from = -1, to = -1;

  if (tz == NULL)
    {
      g_test_skip ("no time zone data for America/Sao_Paulo");
      return;
    }
  g_assert_true (cg_store_set_setting (f->store, "time_zone", "America/Sao_Paulo", &error));
  g_assert_no_error (error);
  cg_test_sql_exec (f->path,
    "INSERT INTO calls (batch_id, natural_key, start_ts, outcome) VALUES"
    " (1, 1, 1541340000, 1);"); /* 2018-11-04 12:00 -02 */
  rebuild_sums (f);
  g_assert_true (cg_aggregates_call_span (f->store, &from, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (from, ==, cg_test_ts ("2018-11-04T01:00:00-02:00"));
  g_assert_cmpint (to, ==, cg_test_ts ("2018-11-05T00:00:00-02:00"));
}

/* The in-place sort: keys in order, every element kept with its payload,
 * whatever the mix of duplicates. */
static void
test_sort (void)
{
  typedef struct { gint64 key; guint64 payload; } Pair;
  static const guint sizes[] = { 0, 1, 2, 17, 1000, 100000 };
  static const gint64 spreads[] = { 1, 3, 1000, G_MAXINT64 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint k = 0; k < G_N_ELEMENTS (spreads); k++)
      {
        guint n = sizes[s];
        g_autofree Pair *pairs = g_new (Pair, n + 1);
        g_autofree gint64 *keys = g_new (gint64, n + 1);
        guint64 payload_sum = 0, key_sum = 0, payload_after = 0, key_after = 0;
        GRand *rand = g_rand_new_with_seed (s * 10 + k);

        for (guint i = 0; i < n; i++)
          {
            guint64 r = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

            pairs[i].key = spreads[k] == G_MAXINT64 ? (gint64) r : (gint64) (r % (guint64) spreads[k]) - 1;
            /* The payload ties each element to its key. */
            pairs[i].payload = (guint64) pairs[i].key * 3 + 1;
            keys[i] = pairs[i].key;
            payload_sum += pairs[i].payload;
            key_sum += (guint64) keys[i];
          }
        g_rand_free (rand);
        cg_sort_by_int64 (pairs, n, sizeof (Pair));
        cg_sort_by_int64 (keys, n, sizeof (gint64));
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              {
                g_assert_cmpint (pairs[i - 1].key, <=, pairs[i].key);
                g_assert_cmpint (keys[i - 1], <=, keys[i]);
              }
            g_assert_cmpuint (pairs[i].payload, ==, (guint64) pairs[i].key * 3 + 1);
            g_assert_cmpint (keys[i], ==, pairs[i].key);
            payload_after += pairs[i].payload;
            key_after += (guint64) keys[i];
          }
        g_assert_cmpuint (payload_after, ==, payload_sum);
        g_assert_cmpuint (key_after, ==, key_sum);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analytics-slices/sort", test_sort);
  g_test_add ("/analytics-slices/rows", Fixture, NULL, cg_test_store_set_up_beijing, test_rows, cg_test_store_tear_down);
  g_test_add ("/analytics-slices/filters", Fixture, NULL, cg_test_store_set_up_beijing, test_filters, cg_test_store_tear_down);
  g_test_add ("/analytics-slices/span", Fixture, NULL, cg_test_store_set_up_beijing, test_span, cg_test_store_tear_down);
  g_test_add ("/analytics-slices/span-purged", Fixture, NULL, cg_test_store_set_up_beijing, test_span_purged, cg_test_store_tear_down);
  g_test_add ("/analytics-slices/span-dst", Fixture, NULL, cg_test_store_set_up, test_span_dst, cg_test_store_tear_down);
  return g_test_run ();
}
