/* test-scorecard.c — indicator scores, weighted totals, the stored
 * configuration and the scorecard of a hand-made log.
 *
 * Expected values are worked out by hand in the comments from the rows of
 * the log below and written here as the arithmetic that gives them, never
 * taken from the code under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cg-call-writer.h"
#include "cg-scorecard.h"
#include "cg-store.h"

#define EPS 1e-9

typedef struct {
  char    *dir;
  char    *path;
  CgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cg-scorecard-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_true (cg_store_set_setting (f->store, "time_zone", "Asia/Shanghai", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", "-journal", NULL }; *suffix; suffix++)
    {
      g_autofree char *p = g_strconcat (f->path, *suffix, NULL);
      g_remove (p);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
ts_of (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* ---- scores and totals ----------------------------------------------------------- */

static void
test_score_higher (void)
{
  /* min (value / target, 1) × 100 */
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_CONNECT_RATE, 0.15, 0.30), 50, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_CONNECT_RATE, 0.30, 0.30), 100, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_CONNECT_RATE, 0.60, 0.30), 100, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_ACD_SECONDS, 0, 90), 0, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_ACD_SECONDS, 60, 90), 200.0 / 3, EPS);
}

static void
test_score_lower (void)
{
  /* 100 up to the target, then a straight line to 0 at twice the target. */
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLAINT_RATE, 0, 1.0), 100, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLAINT_RATE, 0.5, 1.0), 100, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLAINT_RATE, 1.0, 1.0), 100, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLAINT_RATE, 1.5, 1.0), 50, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLIANCE_VIOLATIONS, 6, 5), 80, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLIANCE_VIOLATIONS, 10, 5), 0, EPS);
  g_assert_cmpfloat_with_epsilon (cg_indicator_score (CG_INDICATOR_COMPLIANCE_VIOLATIONS, 15, 5), 0, EPS);
}

/* Default weights 25/15/20/10/15/5/10; values chosen to score
 * 50, 100, 50, 50, 50, 50, 100 against the default targets. */
static const CgIndicatorValues all_values = {
  .has_value = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE },
  .value = { 0.15, 0.50, 0.01, 45, 0.40, 1.5, 5 },
};

static void
test_total_redistribution (void)
{
  CgScorecardConfig config;
  CgIndicatorValues values = all_values;
  double scores[CG_N_INDICATORS], weights[CG_N_INDICATORS], total, sum = 0;

  cg_scorecard_config_init_defaults (&config);

  /* All seven: (25·50 + 15·100 + 20·50 + 10·50 + 15·50 + 5·50 + 10·100) / 100. */
  g_assert_true (cg_scorecard_total (&config, &values, scores, weights, &total));
  g_assert_cmpfloat_with_epsilon (total, 6250.0 / 100, EPS);
  g_assert_cmpfloat_with_epsilon (scores[CG_INDICATOR_SATISFACTION], 50, EPS);
  g_assert_cmpfloat_with_epsilon (weights[CG_INDICATOR_CONNECT_RATE], 25, EPS);

  /* Without satisfaction its 15 is shared out: the other weights sum to
   * 85, and each grows by 100/85 (connect 25 → 29.41…). */
  values.has_value[CG_INDICATOR_SATISFACTION] = FALSE;
  g_assert_true (cg_scorecard_total (&config, &values, scores, weights, &total));
  g_assert_cmpfloat_with_epsilon (total, (6250.0 - 15 * 50) / 85, EPS);
  g_assert_cmpfloat_with_epsilon (weights[CG_INDICATOR_CONNECT_RATE], 2500.0 / 85, EPS);
  g_assert_cmpfloat_with_epsilon (weights[CG_INDICATOR_SATISFACTION], 0, EPS);
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    sum += weights[i];
  g_assert_cmpfloat_with_epsilon (sum, 100, EPS);

  /* All the weight on the missing indicator: no total. */
  memset (config.weight, 0, sizeof config.weight);
  config.weight[CG_INDICATOR_SATISFACTION] = 100;
  g_assert_false (cg_scorecard_total (&config, &values, NULL, NULL, &total));
}

/* ---- configuration ------------------------------------------------------------------ */

static void
test_config_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CgScorecardConfig c;
  const double targets[] = { 0.30, 0.50, 0.02, 90, 0.80, 1.0, 5 };
  const int weights[] = { 25, 15, 20, 10, 15, 5, 10 };

  g_assert_true (cg_scorecard_config_load (f->store, &c, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      g_assert_cmpfloat_with_epsilon (c.target[i], targets[i], EPS);
      g_assert_cmpint (c.weight[i], ==, weights[i]);
    }
  g_assert_cmpstr (cg_indicator_to_string (CG_INDICATOR_COMPLIANCE_VIOLATIONS), ==, "compliance_violations");
  g_assert_false (cg_indicator_higher_is_better (CG_INDICATOR_COMPLAINT_RATE));
  g_assert_true (cg_indicator_higher_is_better (CG_INDICATOR_ACD_SECONDS));
}

static void
test_config_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  CgScorecardConfig c, back;

  cg_scorecard_config_init_defaults (&c);

  /* 30 + 15 + 20 + 10 + 15 + 5 + 10 = 105. */
  c.weight[CG_INDICATOR_CONNECT_RATE] = 30;
  g_assert_false (cg_scorecard_config_save (f->store, &c, &error));
  g_assert_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "105"));
  g_clear_error (&error);

  /* Nothing was stored: the defaults remain. */
  g_assert_true (cg_scorecard_config_load (f->store, &back, &error));
  g_assert_cmpint (back.weight[CG_INDICATOR_CONNECT_RATE], ==, 25);

  c.weight[CG_INDICATOR_CONTACT_RATE] = 10;
  c.target[CG_INDICATOR_ACD_SECONDS] = -5;
  g_assert_false (cg_scorecard_config_save (f->store, &c, &error));
  g_assert_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID);
  g_clear_error (&error);

  c.target[CG_INDICATOR_ACD_SECONDS] = 0;
  g_assert_false (cg_scorecard_config_validate (&c, NULL));
  c.target[CG_INDICATOR_ACD_SECONDS] = 120;
  c.target[CG_INDICATOR_CONNECT_RATE] = 30;  /* a percentage where a share belongs */
  g_assert_false (cg_scorecard_config_validate (&c, NULL));
  c.target[CG_INDICATOR_CONNECT_RATE] = 0.35;
  c.weight[CG_INDICATOR_SATISFACTION] = -5;
  c.weight[CG_INDICATOR_COMPLAINT_RATE] = 25;  /* still sums to 100 */
  g_assert_false (cg_scorecard_config_validate (&c, NULL));
  c.weight[CG_INDICATOR_SATISFACTION] = 15;
  c.weight[CG_INDICATOR_COMPLAINT_RATE] = 5;

  /* 30 + 10 + 20 + 10 + 15 + 5 + 10 = 100. */
  g_assert_true (cg_scorecard_config_save (f->store, &c, &error));
  g_assert_no_error (error);
  g_assert_true (cg_scorecard_config_load (f->store, &back, &error));
  g_assert_cmpint (back.weight[CG_INDICATOR_CONNECT_RATE], ==, 30);
  g_assert_cmpint (back.weight[CG_INDICATOR_CONTACT_RATE], ==, 10);
  g_assert_cmpfloat_with_epsilon (back.target[CG_INDICATOR_ACD_SECONDS], 120, EPS);
  g_assert_cmpfloat_with_epsilon (back.target[CG_INDICATOR_CONNECT_RATE], 0.35, EPS);
  stored = cg_store_get_setting (f->store, "scorecard/connect_rate/weight", NULL);
  g_assert_cmpstr (stored, ==, "30");

  /* A stored value that is no number is reported, not read as 0. */
  g_assert_true (cg_store_set_setting (f->store, "scorecard/acd_seconds/target", "ninety", &error));
  g_assert_false (cg_scorecard_config_load (f->store, &back, &error));
  g_assert_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_SETTING);
}

/* ---- a hand-made log ------------------------------------------------------------------ */

/* Two agents, two months, one line L1 and one list LA; numbers n1…n11 are
 * 13800000001…13800000011.  Business hours are the default 09:00–20:00,
 * so call 4 (21:00) is the only violation; no number gets a third attempt
 * and there is no do-not-call list.
 *
 *  #  local time      agent number outcome     talk  sale
 *  1  03-02 10:00     A1    n1     connected   120   yes
 *  2  03-02 11:00     A1    n2     no_answer     0
 *  3  03-03 10:00     A1    n2     connected    60
 *  4  03-03 21:00     A1    n3     no_answer     0         outside hours
 *  5  03-04 10:00     A2    n4     connected    30
 *  6  03-04 10:30     A2    n5     busy          0
 *  7  03-05 10:00     A2    n6     no_answer     0
 *  8  03-05 10:30     A2    n7     no_answer     0
 *  9  04-01 10:00     A1    n8     connected    90   yes
 * 10  04-01 10:30     A1    n9     connected    90
 * 11  04-02 10:00     A2    n10    connected    45
 * 12  04-02 10:30     A2    n11    no_answer     0
 *
 * Complaints: A1 on 03-10, A2 on 04-05 (list LA).
 *
 * Targets set for the test so that few scores are 0 or 100: connect 0.5,
 * contact 0.5, conversion 0.2, ACD 90 s, satisfaction 0.8, complaints 250
 * per 1,000 connected, violations 100 per 1,000 calls; default weights.
 * Satisfaction has no value anywhere, so the weights sum to 85. */
typedef struct {
  const char *start;
  const char *agent;
  const char *phone;
  CgOutcome   outcome;
  int         talk_s;
  gboolean    sale;
} HandCall;

static const HandCall hand_log[] = {
  { "2026-03-02T10:00:00+08:00", "A1", "13800000001", CG_OUTCOME_CONNECTED, 120, TRUE },
  { "2026-03-02T11:00:00+08:00", "A1", "13800000002", CG_OUTCOME_NO_ANSWER, 0, FALSE },
  { "2026-03-03T10:00:00+08:00", "A1", "13800000002", CG_OUTCOME_CONNECTED, 60, FALSE },
  { "2026-03-03T21:00:00+08:00", "A1", "13800000003", CG_OUTCOME_NO_ANSWER, 0, FALSE },
  { "2026-03-04T10:00:00+08:00", "A2", "13800000004", CG_OUTCOME_CONNECTED, 30, FALSE },
  { "2026-03-04T10:30:00+08:00", "A2", "13800000005", CG_OUTCOME_BUSY, 0, FALSE },
  { "2026-03-05T10:00:00+08:00", "A2", "13800000006", CG_OUTCOME_NO_ANSWER, 0, FALSE },
  { "2026-03-05T10:30:00+08:00", "A2", "13800000007", CG_OUTCOME_NO_ANSWER, 0, FALSE },
  { "2026-04-01T10:00:00+08:00", "A1", "13800000008", CG_OUTCOME_CONNECTED, 90, TRUE },
  { "2026-04-01T10:30:00+08:00", "A1", "13800000009", CG_OUTCOME_CONNECTED, 90, FALSE },
  { "2026-04-02T10:00:00+08:00", "A2", "13800000010", CG_OUTCOME_CONNECTED, 45, FALSE },
  { "2026-04-02T10:30:00+08:00", "A2", "13800000011", CG_OUTCOME_NO_ANSWER, 0, FALSE },
};

static void
insert_hand_log (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "hand.csv", "test", "utf-8", &error);
  g_autofree char *sql = NULL;
  CgScorecardConfig config;
  sqlite3 *db;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (hand_log); i++)
    {
      g_autofree char *uid = g_strdup_printf ("hand-%u", i + 1);
      CgCallAddResult result;
      CgCall c;

      cg_call_init (&c);
      c.call_uid = uid;
      c.phone = hand_log[i].phone;
      c.start_ts = ts_of (hand_log[i].start);
      c.line = "L1";
      c.agent_id = hand_log[i].agent;
      c.list = "LA";
      c.outcome = hand_log[i].outcome;
      c.talk_s = hand_log[i].talk_s;
      c.disposition = hand_log[i].sale ? CG_DISPOSITION_SALE : CG_DISPOSITION_NONE;
      g_assert_true (cg_call_writer_add (w, &c, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, CG_CALL_ADDED);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, G_N_ELEMENTS (hand_log), 0, &error), >, 0);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO batches (id, kind, file_name, created_at) VALUES (99, 'complaints', 'c.csv', 0);"
                         "INSERT INTO complaints (batch_id, natural_key, ts, agent_id, list) VALUES"
                         " (99, 1, %" G_GINT64_FORMAT ", 'A1', 'LA'),"
                         " (99, 2, %" G_GINT64_FORMAT ", 'A2', 'LA');",
                         ts_of ("2026-03-10T12:00:00+08:00"), ts_of ("2026-04-05T12:00:00+08:00"));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  cg_scorecard_config_init_defaults (&config);
  config.target[CG_INDICATOR_CONNECT_RATE] = 0.5;
  config.target[CG_INDICATOR_CONVERSION] = 0.2;
  config.target[CG_INDICATOR_COMPLAINT_RATE] = 250;
  config.target[CG_INDICATOR_COMPLIANCE_VIOLATIONS] = 100;
  g_assert_true (cg_scorecard_config_save (f->store, &config, &error));
  g_assert_no_error (error);
}

/* Expected value and score of each indicator; value < 0: none. */
typedef struct {
  double value[CG_N_INDICATORS];
  double score[CG_N_INDICATORS];
  double total;
} Want;

#define NONE (-1.0)

static void
assert_row (const CgScorecardRow *row,
            const char           *key,
            const Want           *want)
{
  g_assert_cmpstr (row->key, ==, key);
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      g_test_message ("%s: %s", key, cg_indicator_to_string (i));
      if (want->value[i] < 0)
        {
          g_assert_false (row->values.has_value[i]);
          continue;
        }
      g_assert_true (row->values.has_value[i]);
      g_assert_cmpfloat_with_epsilon (row->values.value[i], want->value[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (row->score[i], want->score[i], 1e-9);
    }
  g_assert_true (row->has_total);
  g_assert_cmpfloat_with_epsilon (row->total, want->total, 1e-9);
}

static void
test_by_month (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScorecard) card = NULL;
  const CgScorecardRow *march, *april;
  /* March, calls 1–8: 3 of 8 connected (0.375 → 75); numbers n1…n7, of
   * which n1, n2, n4 reached (3/7 → 600/7); 1 sale of 8 (0.125 → 62.5);
   * ACD (120 + 60 + 30) / 3 = 70 s (→ 700/9); 1 complaint per 3 connected
   * = 1000/3 per 1,000, 4/3 of the target (→ 100 × (2 − 4/3) = 200/3);
   * 1 violation in 8 calls = 125 per 1,000, 1.25 × the target (→ 75). */
  const Want want_march = {
    { 0.375, 3.0 / 7, 0.125, 70, NONE, 1000.0 / 3, 125 },
    { 75, 600.0 / 7, 62.5, 700.0 / 9, NONE, 200.0 / 3, 75 },
    (25 * 75 + 15 * 600.0 / 7 + 20 * 62.5 + 10 * 700.0 / 9 + 5 * 200.0 / 3 + 10 * 75) / 85,
  };
  /* April, calls 9–12: 3 of 4 connected (0.75 → 100, capped); n8…n11,
   * 3 reached (0.75 → 100); 1 sale of 4 (0.25 → 100); ACD (90 + 90 + 45)
   * / 3 = 75 s (→ 250/3); 1 complaint per 3 connected (→ 200/3); no
   * violation (→ 100). */
  const Want want_april = {
    { 0.75, 0.75, 0.25, 75, NONE, 1000.0 / 3, 0 },
    { 100, 100, 100, 250.0 / 3, NONE, 200.0 / 3, 100 },
    (25 * 100 + 15 * 100 + 20 * 100 + 10 * 250.0 / 3 + 5 * 200.0 / 3 + 10 * 100) / 85,
  };

  insert_hand_log (f);
  card = cg_scorecard_compute (f->store, CG_DIM_MONTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  /* Available since surveys are analysed; this log has none, so no row has a value. */
  g_assert_true (card->available[CG_INDICATOR_SATISFACTION]);
  g_assert_true (card->available[CG_INDICATOR_COMPLAINT_RATE]);
  g_assert_cmpuint (card->rows->len, ==, 2);
  march = g_ptr_array_index (card->rows, 0);
  april = g_ptr_array_index (card->rows, 1);
  assert_row (march, "2026-03", &want_march);
  assert_row (april, "2026-04", &want_april);

  /* February has no calls: March has nothing to change from. */
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    g_assert_false (march->has_change[i]);
  g_assert_false (march->has_total_change);

  /* April − March, in each indicator's own unit. */
  g_assert_true (april->has_change[CG_INDICATOR_CONNECT_RATE]);
  g_assert_cmpfloat_with_epsilon (april->change[CG_INDICATOR_CONNECT_RATE], 0.75 - 0.375, EPS);
  g_assert_cmpfloat_with_epsilon (april->change[CG_INDICATOR_CONTACT_RATE], 0.75 - 3.0 / 7, EPS);
  g_assert_cmpfloat_with_epsilon (april->change[CG_INDICATOR_ACD_SECONDS], 75 - 70, EPS);
  g_assert_cmpfloat_with_epsilon (april->change[CG_INDICATOR_COMPLAINT_RATE], 0, EPS);
  g_assert_cmpfloat_with_epsilon (april->change[CG_INDICATOR_COMPLIANCE_VIOLATIONS], 0 - 125, EPS);
  g_assert_false (april->has_change[CG_INDICATOR_SATISFACTION]);
  g_assert_true (april->has_total_change);
  g_assert_cmpfloat_with_epsilon (april->total_change, want_april.total - want_march.total, EPS);
}

static void
test_by_agent (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScorecard) card = NULL;
  g_autoptr(CgScorecard) april = NULL;
  const CgScorecardRow *a1;
  CgFilter april_only = { 0 };
  /* A1, calls 1–4, 9, 10: 4 of 6 connected (→ 100); n1, n2, n3, n8, n9,
   * 4 reached (0.8 → 100); 2 sales of 6 (→ 100); ACD (120 + 60 + 90 + 90)
   * / 4 = 90 s (→ 100); 1 complaint per 4 connected = 250 per 1,000, at
   * the target (→ 100); 1 violation in 6 calls = 1000/6, 5/3 of the
   * target (→ 100 × (2 − 5/3) = 100/3). */
  const Want want_a1 = {
    { 4.0 / 6, 0.8, 2.0 / 6, 90, NONE, 250, 1000.0 / 6 },
    { 100, 100, 100, 100, NONE, 100, 100.0 / 3 },
    (25 * 100 + 15 * 100 + 20 * 100 + 10 * 100 + 5 * 100 + 10 * 100.0 / 3) / 85,
  };
  /* A2, calls 5–8, 11, 12: 2 of 6 connected (1/3 → 200/3); six numbers,
   * n4 and n10 reached (1/3 → 200/3); no sale (→ 0); ACD (30 + 45) / 2 =
   * 37.5 s (→ 125/3); 1 complaint per 2 connected = 500, twice the target
   * (→ 0); no violation (→ 100). */
  const Want want_a2 = {
    { 1.0 / 3, 1.0 / 3, 0, 37.5, NONE, 500, 0 },
    { 200.0 / 3, 200.0 / 3, 0, 125.0 / 3, NONE, 0, 100 },
    (25 * 200.0 / 3 + 15 * 200.0 / 3 + 20 * 0 + 10 * 125.0 / 3 + 5 * 0 + 10 * 100) / 85,
  };

  insert_hand_log (f);
  card = cg_scorecard_compute (f->store, CG_DIM_AGENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (card->rows->len, ==, 2);
  assert_row (g_ptr_array_index (card->rows, 0), "A1", &want_a1);
  assert_row (g_ptr_array_index (card->rows, 1), "A2", &want_a2);
  /* Without both ends of a period there is no previous one. */
  g_assert_false (((CgScorecardRow *) g_ptr_array_index (card->rows, 0))->has_total_change);

  /* April (30 days) against the 30 days before: 2 to 31 March, which hold
   * all of March's calls.  A1 in April: 2 of 2 connected, 2 numbers both
   * reached, 1 sale of 2, ACD 90, no complaint, no violation: all 100.
   * A1 in March: 2 of 4 connected (0.5 → 100), n1–n3 with 2 reached
   * (→ 100), 1 sale of 4 (0.25 → 100), ACD (120 + 60) / 2 = 90 (→ 100),
   * 1 complaint per 2 connected = 500 (→ 0), 1 violation in 4 calls = 250
   * (→ 0): total (25 + 15 + 20 + 10) × 100 / 85 = 7000/85. */
  april_only.from_ts = ts_of ("2026-04-01T00:00:00+08:00");
  april_only.to_ts = ts_of ("2026-05-01T00:00:00+08:00");
  april = cg_scorecard_compute (f->store, CG_DIM_AGENT, &april_only, &error);
  g_assert_no_error (error);
  a1 = g_ptr_array_index (april->rows, 0);
  g_assert_cmpstr (a1->key, ==, "A1");
  g_assert_cmpfloat_with_epsilon (a1->total, 100, EPS);
  g_assert_true (a1->has_change[CG_INDICATOR_CONNECT_RATE]);
  g_assert_cmpfloat_with_epsilon (a1->change[CG_INDICATOR_CONNECT_RATE], 1.0 - 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (a1->change[CG_INDICATOR_COMPLAINT_RATE], 0 - 500, EPS);
  g_assert_true (a1->has_total_change);
  g_assert_cmpfloat_with_epsilon (a1->total_change, 100 - 7000.0 / 85, EPS);
}

static void
test_by_line (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScorecard) card = NULL;
  /* All twelve calls on L1: 6 connected (0.5 → 100); 11 numbers, 6
   * reached (6/11 → 100); 2 sales of 12 (1/6 → 250/3); ACD 435/6 = 72.5 s
   * (→ 725/9); complaints have no line (no value, their 5 shared out too:
   * the weights sum to 80); 1 violation in 12 = 1000/12 ≤ 100 (→ 100). */
  const Want want = {
    { 0.5, 6.0 / 11, 1.0 / 6, 72.5, NONE, NONE, 1000.0 / 12 },
    { 100, 100, 250.0 / 3, 725.0 / 9, NONE, NONE, 100 },
    (25 * 100 + 15 * 100 + 20 * 250.0 / 3 + 10 * 725.0 / 9 + 10 * 100) / 80,
  };

  insert_hand_log (f);
  card = cg_scorecard_compute (f->store, CG_DIM_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (card->available[CG_INDICATOR_COMPLAINT_RATE]);
  g_assert_cmpuint (card->rows->len, ==, 1);
  assert_row (g_ptr_array_index (card->rows, 0), "L1", &want);

  /* Complaints carry no campaign either. */
  g_clear_pointer (&card, cg_scorecard_free);
  card = cg_scorecard_compute (f->store, CG_DIM_CAMPAIGN, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (card->available[CG_INDICATOR_COMPLAINT_RATE]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/score/higher", test_score_higher);
  g_test_add_func ("/scorecard/score/lower", test_score_lower);
  g_test_add_func ("/scorecard/total/redistribution", test_total_redistribution);
  g_test_add ("/scorecard/config/defaults", Fixture, NULL, fixture_set_up, test_config_defaults, fixture_tear_down);
  g_test_add ("/scorecard/config/validation", Fixture, NULL, fixture_set_up, test_config_validation, fixture_tear_down);
  g_test_add ("/scorecard/by-month", Fixture, NULL, fixture_set_up, test_by_month, fixture_tear_down);
  g_test_add ("/scorecard/by-agent", Fixture, NULL, fixture_set_up, test_by_agent, fixture_tear_down);
  g_test_add ("/scorecard/by-line", Fixture, NULL, fixture_set_up, test_by_line, fixture_tear_down);

  return g_test_run ();
}
