/* test-satisfaction.c — satisfaction figures against values worked out by hand.
 *
 * Each test imports a small survey written here, then checks the figures
 * against the arithmetic in its comments (t quantiles from tables:
 * t(0.975, 1) = 12.7062047, t(0.975, 3) = 3.18244631).
 * Times are Beijing time: 2026-09-01 12:00:00 +0800 is 1788235200.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_cdf.h>

#include "cg-test-util.h"
#include "cg-call-writer.h"
#include "cg-batch.h"
#include "cg-complaints.h"
#include "cg-demo.h"
#include "cg-satisfaction.h"
#include "cg-scorecard.h"
#include "cg-survey-import.h"

typedef CgTestStore Fixture;

static void
import_csv (Fixture    *f,
            const char *name,
            const char *csv)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(CgSurveyPlan) plan = NULL;
  g_autoptr(CgSurveyImportResult) result = NULL;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  g_assert_no_error (error);
  result = cg_survey_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->batch_id, >, 0);
}

static const CgSatisfactionRow *
find_row (GPtrArray  *rows,
          const char *key,
          const char *dimension)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->key, key) == 0 && g_strcmp0 (row->dimension, dimension) == 0)
        return row;
    }
  g_error ("no row %s/%s", key, dimension);
  return NULL;
}

static GPtrArray *
compute (Fixture          *f,
         CgSatisfactionBy  by)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = cg_satisfaction_compute (f->store, by, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

/* Three 问卷星 responses: staff 5/3/–, product 5/3/– (5分, ★★★, -2),
 * NPS 10/6/9. */
static const char wjx_csv[] =
  "序号,提交答卷时间,1、您的手机号码,2、您对销售人员的服务态度是否满意,3、您对产品质量的评价,4、您向朋友推荐我们的可能性有多大\n"
  "1,2026/09/03 12:00:00,13800138000,非常满意,5分,10\n"
  "2,2026/09/03 13:00:00,13900139000,一般,★★★☆☆,6\n"
  "3,2026/09/04 09:30:00,13700137000,(空),-2,9\n";

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const CgSatisfactionRow *all, *staff, *nps;

  import_csv (f, "wjx.csv", wjx_csv);
  rows = compute (f, CG_SAT_BY_TOTAL);
  g_assert_cmpuint (rows->len, ==, 4);  /* all, staff, product, nps */

  /* "all": response scores 5 (5, 5) and 3 (3, 3); the third answered only
   * NPS.  Mean 4, SD √2, interval 4 ± 12.7062047 × √2 / √2. */
  all = find_row (rows, "total", "all");
  g_assert_cmpint (all->responses, ==, 2);
  g_assert_cmpint (all->surveyed, ==, 3);
  g_assert_false (all->has_response_rate);  /* everyone answered something */
  assert_close (all->mean, 4);
  assert_close (all->sd, sqrt (2));
  g_assert_true (all->has_mean_ci);
  assert_close (all->mean_ci.lower, 4 - 12.7062047);
  assert_close (all->mean_ci.upper, 4 + 12.7062047);
  /* CSAT: answers 5, 5, 3, 3 → 2 of 4 in the top two boxes. */
  g_assert_true (all->has_csat);
  assert_close (all->csat.estimate, 0.5);
  /* NPS: 10 and 9 promoters, 6 a detractor: (2 − 1) / 3 = 33.3 points;
   * SE = √((2/3 + 1/3 − 1/9) / 3) = 0.5443311, ± 1.959964 × SE → upper capped at 100. */
  g_assert_true (all->has_nps);
  assert_close (all->nps.estimate, 100.0 / 3);
  g_assert_cmpfloat_with_epsilon (all->nps.lower, 100 * (1.0 / 3 - 1.959964 * 0.5443311), 1e-3);
  assert_close (all->nps.upper, 100);
  g_assert_cmpint (all->promoters, ==, 2);
  g_assert_cmpint (all->detractors, ==, 1);
  g_assert_cmpint (all->passives, ==, 0);
  /* Distribution of the rated answers on 1–5: two 3s, two 5s. */
  g_assert_cmpuint (all->distribution->len, ==, 5);
  g_assert_cmpint (g_array_index (all->distribution, gint64, 2), ==, 2);
  g_assert_cmpint (g_array_index (all->distribution, gint64, 4), ==, 2);
  g_assert_cmpint (g_array_index (all->distribution, gint64, 0), ==, 0);

  staff = find_row (rows, "total", "staff");
  g_assert_cmpint (staff->responses, ==, 2);
  assert_close (staff->mean, 4);
  assert_close (staff->csat.estimate, 0.5);
  g_assert_false (staff->has_nps);

  /* NPS row: mean of 10, 6, 9 = 25/3 on 0–10. */
  nps = find_row (rows, "total", "nps");
  g_assert_cmpint (nps->responses, ==, 3);
  assert_close (nps->mean, 25.0 / 3);
  g_assert_false (nps->has_csat);
  assert_close (nps->nps.estimate, 100.0 / 3);
  g_assert_cmpfloat (nps->scale_min, ==, 0);
  g_assert_cmpfloat (nps->scale_max, ==, 10);
  g_assert_cmpuint (nps->distribution->len, ==, 11);
  g_assert_cmpint (g_array_index (nps->distribution, gint64, 10), ==, 1);
}

static void
test_by_period_and_dimension (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) dims = NULL;
  g_autoptr(GPtrArray) filtered = NULL;
  g_autoptr(GError) error = NULL;
  CgFilter filter = { 0 };

  import_csv (f, "wjx.csv", wjx_csv);
  days = compute (f, CG_SAT_BY_DAY);
  assert_close (find_row (days, "2026-09-03", "all")->mean, 4);
  /* One response on the 4th, with only an NPS answer. */
  g_assert_cmpint (find_row (days, "2026-09-04", "all")->responses, ==, 0);
  g_assert_cmpint (find_row (days, "2026-09-04", "nps")->responses, ==, 1);
  dims = compute (f, CG_SAT_BY_DIMENSION);
  assert_close (find_row (dims, "product", "product")->mean, 4);
  g_assert_cmpint (find_row (dims, "nps", "nps")->responses, ==, 3);

  /* From 2026-09-03 13:00 on: the second and third response. */
  filter.from_ts = 1788408000 + 3600;
  filtered = cg_satisfaction_compute (f->store, CG_SAT_BY_WEEK, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_row (filtered, "2026-W36", "all")->responses, ==, 1);
  assert_close (find_row (filtered, "2026-W36", "all")->mean, 3);
  /* One respondent: a mean, no interval. */
  g_assert_false (find_row (filtered, "2026-W36", "all")->has_mean_ci);
  g_assert_true (find_row (filtered, "2026-W36", "all")->has_mean);
}

/* A callback sheet with a 1–10 overall question, a 1–5 word question and
 * 1–7 effort; one customer not reached. */
static const char callback_csv[] =
  "回访时间,客户电话,坐席工号,总体满意度（1-10分）,沟通频率是否合适,办理是否省力（1-7分）\n"
  "2026-09-05 10:00,13800138000,A01,9,满意,6\n"
  "2026-09-05 11:00,13900139000,A02,,,\n"
  "2026-09-05 12:00,13700137000,A01,4,不满意,2\n";

static void
test_rescaled_and_rate (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const CgSatisfactionRow *all, *overall;

  import_csv (f, "callback.csv", callback_csv);
  rows = compute (f, CG_SAT_BY_CHANNEL);
  all = find_row (rows, "callback", "all");
  /* 9 on 1–10 is 1 + 4 × 8/9 = 4.5556 on 1–5, 4 is 1 + 4 × 3/9 = 2.3333;
   * scores (4.5556 + 4) / 2 and (2.3333 + 2) / 2, mean 3.2222. */
  g_assert_cmpint (all->responses, ==, 2);
  assert_close (all->mean, ((1 + 32.0 / 9 + 4) / 2 + (1 + 12.0 / 9 + 2) / 2) / 2);
  g_assert_cmpint (all->surveyed, ==, 3);
  g_assert_true (all->has_response_rate);
  assert_close (all->response_rate, 2.0 / 3);
  /* CES: (6 + 2) / 2 on 1–7. */
  g_assert_true (all->has_ces);
  assert_close (all->ces, 4);
  assert_close (all->csat.estimate, 0.5);
  overall = find_row (rows, "callback", "overall");
  assert_close (overall->mean, (1 + 32.0 / 9 + 1 + 12.0 / 9) / 2);
  assert_close (overall->csat.estimate, 0.5);
  g_assert_true (find_row (rows, "callback", "effort")->has_ces);
  g_assert_false (find_row (rows, "callback", "effort")->has_csat);
}

static void
test_reliability (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CgReliability) rel = NULL;
  g_autoptr(GError) error = NULL;

  /* Items (5,4,5) (3,3,4) (2,1,2) (4,4,3): item variances 5/3, 2, 5/3,
   * total variance 14: alpha = 3/2 × (1 − (16/3)/14) = 0.9285714.  Without
   * item 1: 2 × (1 − (11/3)/(19/3)) = 0.8421053; item 2: 2 × (1 − (10/3)/6)
   * = 0.8888889; item 3: 2 × (1 − (11/3)/7) = 0.9523810. */
  import_csv (f, "items.csv",
              "序号,1、销售人员专业程度,2、产品质量,3、总体满意度\n"
              "1,5,4,5\n2,3,3,4\n3,2,1,2\n4,4,4,3\n");
  rel = cg_satisfaction_reliability (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rel->n_items, ==, 3);
  g_assert_cmpuint (rel->n_complete, ==, 4);
  g_assert_true (rel->has_alpha);
  assert_close (rel->alpha, 0.9285714);
  assert_close (rel->alpha_if_deleted[0], 0.8421053);
  assert_close (rel->alpha_if_deleted[1], 0.8888889);
  assert_close (rel->alpha_if_deleted[2], 0.9523810);
  g_assert_cmpstr (rel->titles[0], ==, "销售人员专业程度");
}

static void
test_reliability_undefined (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CgReliability) rel = NULL;
  g_autoptr(GError) error = NULL;

  import_csv (f, "same.csv",
              "序号,1、销售人员专业程度,2、产品质量\n1,4,4\n2,4,4\n3,4,4\n");
  rel = cg_satisfaction_reliability (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rel->has_alpha);
  g_assert_nonnull (rel->undefined_reason);
  g_assert_nonnull (strstr (rel->undefined_reason, "undefined"));
  g_clear_pointer (&rel, cg_reliability_free);

  /* One item: undefined too, for another reason. */
  g_clear_object (&f->store);
  cg_test_store_tear_down (f, NULL);
  cg_test_store_set_up (f, NULL);
  import_csv (f, "one.csv", "序号,1、总体满意度\n1,4\n2,5\n");
  rel = cg_satisfaction_reliability (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rel->has_alpha);
  g_assert_cmpuint (rel->n_items, ==, 1);
}

static void
test_compare_ties (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CgSatisfactionComparison) c = NULL;
  g_autoptr(GError) error = NULL;

  /* Questionnaire 3, 4, 4, 5 against callback 2, 3, 3, 4.  U (pairs where
   * the first is higher, ties counted half) = 2 + 3.5 + 3.5 + 4 = 13.
   * Welch: means 4 and 3, both SDs √(2/3); SE = √(1/3), t = √3, df = 6. */
  import_csv (f, "groups.csv",
              "序号,渠道,1、总体满意度\n"
              "1,问卷,3\n2,问卷,4\n3,问卷,4\n4,问卷,5\n"
              "5,电话回访,2\n6,电话回访,3\n7,电话回访,3\n8,电话回访,4\n");
  c = cg_satisfaction_compare (f->store, CG_SAT_BY_CHANNEL, "questionnaire", "callback", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->n[0], ==, 4);
  g_assert_cmpint (c->n[1], ==, 4);
  assert_close (c->mean[0], 4);
  assert_close (c->mean[1], 3);
  g_assert_true (c->has_welch);
  assert_close (c->welch.t, sqrt (3));
  assert_close (c->welch.df, 6);
  assert_close (c->welch.p_value, 2 * gsl_cdf_tdist_Q (sqrt (3), 6));
  g_assert_true (c->has_mann_whitney);
  assert_close (c->mann_whitney.u, 13);
  g_assert_nonnull (c->verdict);

  g_clear_pointer (&c, cg_satisfaction_comparison_free);
  c = cg_satisfaction_compare (f->store, CG_SAT_BY_CHANNEL, "questionnaire", "email", NULL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_NO_DATA);
}

/* ---- link to calls ------------------------------------------------------------ */

static void
add_call (CgCallWriter *writer,
          gint64        start,
          const char   *phone,
          const char   *agent,
          const char   *line,
          const char   *list,
          CgOutcome     outcome,
          int           talk)
{
  g_autoptr(GError) error = NULL;
  CgCall call;

  cg_call_init (&call);
  call.start_ts = start;
  call.phone = phone;
  call.agent_id = agent;
  call.line = line;
  call.list = list;
  call.outcome = outcome;
  call.talk_s = outcome == CG_OUTCOME_CONNECTED ? talk : 0;
  cg_test_add_call (writer, &call);
}

/* Calls on 2026-09-01 (12:00 = 1788235200) before the surveys of 09-03. */
static void
add_calls (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CgCallWriter *writer = cg_call_writer_new (f->store, "calls", "calls.csv", "generic", "UTF-8", &error);
  gint64 t = 1788235200;

  g_assert_no_error (error);
  /* 13800138000: four attempts, connected twice (A01 on L01, then A02 on L02). */
  add_call (writer, t, "13800138000", "A01", "L01", "老客户", CG_OUTCOME_NO_ANSWER, 0);
  add_call (writer, t + 60, "13800138000", "A01", "L01", "老客户", CG_OUTCOME_CONNECTED, 240);
  add_call (writer, t + 120, "13800138000", "A02", "L02", "老客户", CG_OUTCOME_BUSY, 0);
  add_call (writer, t + 180, "13800138000", "A02", "L02", "展会", CG_OUTCOME_CONNECTED, 30);
  /* 13900139000: one connected call by A03. */
  add_call (writer, t + 240, "13900139000", "A03", "L01", "展会", CG_OUTCOME_CONNECTED, 100);
  /* A call after the survey does not count. */
  add_call (writer, t + 5 * 86400, "13900139000", "A03", "L03", "展会", CG_OUTCOME_CONNECTED, 50);
  g_assert_cmpint (cg_call_writer_commit (writer, NULL, NULL, 6, 0, &error), >, 0);
  g_assert_no_error (error);
  cg_call_writer_free (writer);
}

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) bands = NULL;
  g_autoptr(GError) error = NULL;
  CgSatisfactionLink link;

  add_calls (f);
  import_csv (f, "wjx.csv", wjx_csv);
  /* Response 1 (138…, score 5) matches A02's call on L02 (the last
   * connected one), talk 30 s; response 2 (139…, score 3) A03 on L01,
   * 100 s; response 3 (137…) matches nothing. */
  lines = compute (f, CG_SAT_BY_LINE);
  assert_close (find_row (lines, "L02", "all")->mean, 5);
  assert_close (find_row (lines, "L01", "all")->mean, 3);
  g_assert_cmpuint (lines->len, ==, 2 * 4);  /* each line: all, staff, product, nps */
  agents = compute (f, CG_SAT_BY_AGENT);
  assert_close (find_row (agents, "A02", "all")->mean, 5);
  assert_close (find_row (agents, "A03", "all")->mean, 3);
  bands = compute (f, CG_SAT_BY_TALK_BAND);
  assert_close (find_row (bands, "0-60", "all")->mean, 5);
  assert_close (find_row (bands, "60-180", "all")->mean, 3);

  /* Over-contact: 138… was dialled 4 times before answering, 139… once. */
  g_assert_true (cg_satisfaction_link (f->store, NULL, 3, &link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link.responses, ==, 2);
  g_assert_cmpint (link.linked, ==, 2);
  g_assert_cmpint (link.over_contacted, ==, 1);
  assert_close (link.over_contacted_share, 0.5);
  assert_close (link.over_mean, 5);
  assert_close (link.other_mean, 3);
  g_assert_false (link.has_correlation);  /* two points are not enough */
}

static void
test_link_by_agent (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = NULL;

  add_calls (f);
  /* A callback sheet naming A01: the match is A01's call on 老客户, not the later one. */
  import_csv (f, "callback.csv",
              "回访时间,客户电话,坐席工号,总体满意度\n2026-09-03 10:00,13800138000,A01,2\n");
  lists = compute (f, CG_SAT_BY_LIST);
  g_assert_cmpuint (lists->len, ==, 2);  /* 老客户: all, overall */
  assert_close (find_row (lists, "老客户", "overall")->mean, 2);
}

static void
test_complaints (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "complaints.csv", NULL);
  g_autoptr(CgComplaintsImportResult) r = NULL;
  g_autoptr(CgComplaintsImportResult) again = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;

  add_calls (f);
  g_file_set_contents (path,
                       "投诉时间,号码,坐席,投诉类型,投诉内容\n"
                       "2026-09-02 10:00,13800138000,,频繁打扰,一天打了四次\n"
                       "2026-09-02 11:00,13900139000,A03,服务态度,态度不好\n"
                       "2026-09-02 12:00,,A03,其他,\n", -1, &error);
  g_assert_no_error (error);
  r = cg_complaints_import (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->rows_imported, ==, 3);
  g_assert_cmpint (r->matched, ==, 2);  /* the first takes A02 and 展会 from the call; the second its list */
  again = cg_complaints_import (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->batch_id, ==, 0);
  g_assert_cmpint (again->duplicates, ==, 3);

  /* Connected calls: A01 1, A02 1, A03 2; complaints A02 1, A03 2. */
  rates = cg_complaints_rates (f->store, CG_DIM_AGENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 3);
  g_assert_cmpstr (((CgComplaintRate *) rates->pdata[1])->key, ==, "A02");
  assert_close (((CgComplaintRate *) rates->pdata[1])->per_1000, 1000);
  g_assert_cmpstr (((CgComplaintRate *) rates->pdata[2])->key, ==, "A03");
  assert_close (((CgComplaintRate *) rates->pdata[2])->per_1000, 1000);
  g_assert_cmpint (((CgComplaintRate *) rates->pdata[0])->complaints, ==, 0);
  g_clear_pointer (&rates, g_ptr_array_unref);
  /* By list: 展会 has 3 connected calls and 2 complaints; 老客户 1 and 0. */
  rates = cg_complaints_rates (f->store, CG_DIM_LIST, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CgComplaintRate *) rates->pdata[0])->key, ==, "展会");
  assert_close (((CgComplaintRate *) rates->pdata[0])->per_1000, 2000.0 / 3);

  /* Undo: the batch takes its complaints with it. */
  g_assert_true (cg_store_delete_batch (f->store, r->batch_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = cg_complaints_rates (f->store, CG_DIM_AGENT, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rates->len; i++)
    g_assert_cmpint (((CgComplaintRate *) rates->pdata[i])->complaints, ==, 0);
  /* …and leaves the calls alone. */
  g_assert_cmpint (((CgComplaintRate *) rates->pdata[2])->connected, ==, 2);
}

static gint64
demo_into (Fixture *f,
           GDate   *end)
{
  g_autoptr(GError) error = NULL;
  CgDemoOptions options = { 7, 1, end };
  gint64 batch = cg_demo_generate (f->store, &options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  return batch;
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDate) end = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2026);
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  CgSatisfactionLink link;
  gint64 batch = demo_into (f, end);
  const CgSatisfactionRow *best, *worst;

  agents = compute (f, CG_SAT_BY_AGENT);
  /* The demo rates A01 well above A12, and every response matches a call. */
  best = find_row (agents, "A01", "all");
  worst = find_row (agents, "A12", "all");
  g_assert_cmpint (best->responses, >=, 5);
  g_assert_cmpfloat (best->mean, >, worst->mean);
  g_assert_true (cg_satisfaction_link (f->store, NULL, 3, &link, &error));
  g_assert_cmpint (link.linked, ==, link.responses);
  g_assert_cmpint (link.responses, >, 0);

  /* Same seed, same dates: the same figures in a second database. */
  g_clear_object (&f->store);
  cg_test_store_tear_down (f, NULL);
  cg_test_store_set_up (f, NULL);
  batch = demo_into (f, end);
  again = compute (f, CG_SAT_BY_AGENT);
  g_assert_cmpuint (again->len, ==, agents->len);
  for (guint i = 0; i < agents->len; i++)
    {
      const CgSatisfactionRow *a = g_ptr_array_index (agents, i), *b = g_ptr_array_index (again, i);
      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpint (a->responses, ==, b->responses);
      g_assert_cmpfloat (a->mean, ==, b->mean);
    }

  /* Deleting the demo removes its surveys too. */
  g_assert_true (cg_store_delete_batch (f->store, batch, &error));
  g_assert_no_error (error);
  after = compute (f, CG_SAT_BY_TOTAL);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_scorecard (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CgScorecard) card = NULL;
  g_autoptr(GError) error = NULL;

  add_calls (f);
  import_csv (f, "wjx.csv", wjx_csv);
  card = cg_scorecard_compute (f->store, CG_DIM_AGENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (card->available[CG_INDICATOR_SATISFACTION]);
  for (guint i = 0; i < card->rows->len; i++)
    {
      const CgScorecardRow *row = g_ptr_array_index (card->rows, i);

      /* A02's customer answered 5 and 5: CSAT 1; A03's 3 and 3: 0; A01 none. */
      if (g_str_equal (row->key, "A02") || g_str_equal (row->key, "A03"))
        {
          g_assert_true (row->values.has_value[CG_INDICATOR_SATISFACTION]);
          assert_close (row->values.value[CG_INDICATOR_SATISFACTION], g_str_equal (row->key, "A02") ? 1 : 0);
        }
      else
        g_assert_false (row->values.has_value[CG_INDICATOR_SATISFACTION]);
    }
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/satisfaction/metrics", test_metrics);
  ADD ("/satisfaction/by-period-and-dimension", test_by_period_and_dimension);
  ADD ("/satisfaction/rescaled-and-response-rate", test_rescaled_and_rate);
  ADD ("/satisfaction/reliability", test_reliability);
  ADD ("/satisfaction/reliability/undefined", test_reliability_undefined);
  ADD ("/satisfaction/compare/ties", test_compare_ties);
  ADD ("/satisfaction/link", test_link);
  ADD ("/satisfaction/link/by-agent", test_link_by_agent);
  ADD ("/satisfaction/complaints", test_complaints);
  ADD ("/satisfaction/scorecard", test_scorecard);
  ADD ("/satisfaction/demo", test_demo);
  return g_test_run ();
}
