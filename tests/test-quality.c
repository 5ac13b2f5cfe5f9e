/* test-quality.c — number-list quality, line stability, contact and attempts.
 *
 * Expected values never come from the code under test:
 *  - every figure of the 16-call log below is counted by hand in the
 *    comments next to it;
 *  - the contact rate and the connect rate by attempt of a generated log
 *    are recounted here from the rows, read with plain SQLite and sorted
 *    per number in C;
 *  - the Wilson interval the CLI prints is evaluated here from its closed
 *    form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "cg-call-writer.h"
#include "cg-demo.h"
#include "cg-quality.h"
#include "cg-store.h"
#include "cg-test-util.h"

/* Upper 2.5 % point of the standard normal (R: qnorm (0.975)). */
#define Z_975 1.959963984540054

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

  f->dir = g_dir_make_tmp ("cg-quality-XXXXXX", &error);
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
  cg_test_remove_tree (f->dir);
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

/* ---- a hand-made log -------------------------------------------------------- */

typedef struct {
  const char *start;
  const char *line;
  const char *agent;
  const char *list;
  const char *phone;
  CgOutcome   outcome;
  int         talk_s;
} HandCall;

/* All in 2026, business time zone Asia/Shanghai.  ISO weeks: Monday 09-07
 * starts W37, Monday 09-14 starts W38.
 *
 *  #  local start        line agent list phone         outcome        talk  number
 *  1  09-07 09:10 Mon    L1   A1    LA   13800000001   no_answer         0  P1 attempt 1
 *  2  09-07 09:20        L1   A1    LA   13800000001   busy              0  P1 attempt 2
 *  3  09-07 09:40        L2   A1    LA   13800000001   connected        30  P1 attempt 3
 *  4  09-07 10:05        L1   A2    LA   13800000001   no_answer         0  P1 attempt 4
 *  5  09-08 09:00 Tue    L2   A2    LA   13800000001   connected         3  P1 attempt 5 (short)
 *  6  09-07 09:15        L1   A2    LA   1234          invalid_number    0  PI (kind invalid)
 *  7  09-07 09:50        L2   A1    LA   1.38001E+10   invalid_number    0  PD (kind damaged)
 *  8  09-08 10:30        L1   A1    LA   13800000005   connected        60  P5 attempt 1
 *  9  09-14 09:10 Mon    L1   A1    LB   13800000005   no_answer         0  P5 attempt 2
 * 10  09-14 09:30        L1   A2    LB   13800000002   line_failure      0  P2 attempt 1
 * 11  09-14 09:45        L2   A2    LB   13800000002   connected         4  P2 attempt 2 (short)
 * 12  09-14 10:10        L1   A1    LB   13800000002   line_failure      0  P2 attempt 3
 * 13  09-15 11:00 Tue    L1   A2    LB   —             connected       120  no number
 * 14  09-15 11:20        L2   —     LB   13800000006   no_answer         0  P6 attempt 1
 * 15  09-07 09:30        L1   A1    —    13800000007   connected        10  P7 attempt 1
 * 16  09-15 11:40        L2   A2    LC   —             no_answer         0  no number
 *
 * "1234" has four digits, which no Chinese number has: kind invalid (not
 * "12345", which looks like a 5-digit service number such as 10086).
 * "1.38001E+10" writes 6 digits of an 11-digit number: kind damaged. */
static const HandCall hand_log[] = {
  { "2026-09-07T09:10:00+08:00", "L1", "A1", "LA", "13800000001", CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-09-07T09:20:00+08:00", "L1", "A1", "LA", "13800000001", CG_OUTCOME_BUSY, 0 },
  { "2026-09-07T09:40:00+08:00", "L2", "A1", "LA", "13800000001", CG_OUTCOME_CONNECTED, 30 },
  { "2026-09-07T10:05:00+08:00", "L1", "A2", "LA", "13800000001", CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-09-08T09:00:00+08:00", "L2", "A2", "LA", "13800000001", CG_OUTCOME_CONNECTED, 3 },
  { "2026-09-07T09:15:00+08:00", "L1", "A2", "LA", "1234", CG_OUTCOME_INVALID_NUMBER, 0 },
  { "2026-09-07T09:50:00+08:00", "L2", "A1", "LA", "1.38001E+10", CG_OUTCOME_INVALID_NUMBER, 0 },
  { "2026-09-08T10:30:00+08:00", "L1", "A1", "LA", "13800000005", CG_OUTCOME_CONNECTED, 60 },
  { "2026-09-14T09:10:00+08:00", "L1", "A1", "LB", "13800000005", CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-09-14T09:30:00+08:00", "L1", "A2", "LB", "13800000002", CG_OUTCOME_LINE_FAILURE, 0 },
  { "2026-09-14T09:45:00+08:00", "L2", "A2", "LB", "13800000002", CG_OUTCOME_CONNECTED, 4 },
  { "2026-09-14T10:10:00+08:00", "L1", "A1", "LB", "13800000002", CG_OUTCOME_LINE_FAILURE, 0 },
  { "2026-09-15T11:00:00+08:00", "L1", "A2", "LB", NULL, CG_OUTCOME_CONNECTED, 120 },
  { "2026-09-15T11:20:00+08:00", "L2", NULL, "LB", "13800000006", CG_OUTCOME_NO_ANSWER, 0 },
  { "2026-09-07T09:30:00+08:00", "L1", "A1", NULL, "13800000007", CG_OUTCOME_CONNECTED, 10 },
  { "2026-09-15T11:40:00+08:00", "L2", "A2", "LC", NULL, CG_OUTCOME_NO_ANSWER, 0 },
};

static void
insert_hand_log (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "hand.csv", "test", "utf-8", &error);

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
      c.line = hand_log[i].line;
      c.agent_id = hand_log[i].agent;
      c.list = hand_log[i].list;
      c.outcome = hand_log[i].outcome;
      c.talk_s = hand_log[i].talk_s;
      g_assert_true (cg_call_writer_add (w, &c, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, CG_CALL_ADDED);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, G_N_ELEMENTS (hand_log), 0, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- number lists ------------------------------------------------------------ */

typedef struct {
  const char *list;
  gint64      calls, invalid_number_calls, numbers, invalid_format_numbers,
              duplicate_numbers, over_attempted_numbers;
} WantList;

static void
assert_lists (GPtrArray      *rows,
              const WantList *want,
              guint           n_want)
{
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    {
      const CgListQuality *row = g_ptr_array_index (rows, i);

      g_test_message ("list %s", want[i].list);
      g_assert_cmpstr (row->key, ==, want[i].list);
      g_assert_cmpint (row->calls, ==, want[i].calls);
      g_assert_cmpint (row->invalid_number_calls, ==, want[i].invalid_number_calls);
      g_assert_cmpint (row->numbers, ==, want[i].numbers);
      g_assert_cmpint (row->invalid_format_numbers, ==, want[i].invalid_format_numbers);
      g_assert_cmpint (row->duplicate_numbers, ==, want[i].duplicate_numbers);
      g_assert_cmpint (row->over_attempted_numbers, ==, want[i].over_attempted_numbers);
    }
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  /* ""  call 15: P7, on no other list.
   * LA  calls 1–8; invalid_number 6, 7; numbers P1 PI PD P5; invalid
   *     format PI, PD; P5 is also on LB; P1 has 5 calls (> 3).
   * LB  calls 9–14; numbers P5 P2 P6 (13 has none); P5 also on LA; P2 has
   *     3 calls, not more than 3.
   * LC  call 16, without a number. */
  static const WantList want[] = {
    { "", 1, 0, 1, 0, 0, 0 },
    { "LA", 8, 2, 4, 2, 1, 1 },
    { "LB", 6, 0, 3, 0, 1, 0 },
    { "LC", 1, 0, 0, 0, 0, 0 },
  };
  /* More than 2: P1 on LA (5 calls) and P2 on LB (3 calls). */
  static const WantList want_2[] = {
    { "", 1, 0, 1, 0, 0, 0 },
    { "LA", 8, 2, 4, 2, 1, 1 },
    { "LB", 6, 0, 3, 0, 1, 1 },
    { "LC", 1, 0, 0, 0, 0, 0 },
  };
  /* More than 1: still P1 and P2 only.  P5 has two calls, but one on each
   * list: attempts are counted per list. */
  static const WantList want_1[] = {
    { "", 1, 0, 1, 0, 0, 0 },
    { "LA", 8, 2, 4, 2, 1, 1 },
    { "LB", 6, 0, 3, 0, 1, 1 },
    { "LC", 1, 0, 0, 0, 0, 0 },
  };

  insert_hand_log (f->store);
  rows = cg_quality_lists (f->store, CG_DIM_LIST, NULL, 3, &error);
  g_assert_no_error (error);
  assert_lists (rows, want, G_N_ELEMENTS (want));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = cg_quality_lists (f->store, CG_DIM_LIST, NULL, 2, &error);
  g_assert_no_error (error);
  assert_lists (rows, want_2, G_N_ELEMENTS (want_2));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = cg_quality_lists (f->store, CG_DIM_LIST, NULL, 1, &error);
  g_assert_no_error (error);
  assert_lists (rows, want_1, G_N_ELEMENTS (want_1));
}

static void
test_lists_filtered (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  /* --list LB: only LB's row, but P5 on LA still makes it a duplicate. */
  static const WantList want_lb[] = { { "LB", 6, 0, 3, 0, 1, 0 } };
  /* --line L2: calls 3 5 7 | 11 14 | 16.  LA: P1 (2 calls), PD; call 7
   * invalid_number.  LB: P2, P6.  P5 has no call on L2: no duplicates. */
  static const WantList want_l2[] = {
    { "LA", 3, 1, 2, 1, 0, 0 },
    { "LB", 2, 0, 2, 0, 0, 0 },
    { "LC", 1, 0, 0, 0, 0, 0 },
  };
  /* Week 38 only (09-14 to 09-20): calls 9–14, 16; P5's call 8 on LA is
   * outside, so P5 is no duplicate. */
  static const WantList want_w38[] = {
    { "LB", 6, 0, 3, 0, 0, 0 },
    { "LC", 1, 0, 0, 0, 0, 0 },
  };
  CgFilter filter = { .list = "LB" };

  insert_hand_log (f->store);
  rows = cg_quality_lists (f->store, CG_DIM_LIST, &filter, 3, &error);
  g_assert_no_error (error);
  assert_lists (rows, want_lb, G_N_ELEMENTS (want_lb));
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter = (CgFilter) { .line = "L2" };
  rows = cg_quality_lists (f->store, CG_DIM_LIST, &filter, 3, &error);
  g_assert_no_error (error);
  assert_lists (rows, want_l2, G_N_ELEMENTS (want_l2));
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter = (CgFilter) { .from_ts = ts_of ("2026-09-14T00:00:00+08:00"), .to_ts = ts_of ("2026-09-21T00:00:00+08:00") };
  rows = cg_quality_lists (f->store, CG_DIM_LIST, &filter, 3, &error);
  g_assert_no_error (error);
  assert_lists (rows, want_w38, G_N_ELEMENTS (want_w38));
}

/* ---- lines ------------------------------------------------------------------- */

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const CgLineStability *l1, *l2;
  CgFilter filter = { .list = "LA" };

  insert_hand_log (f->store);
  rows = cg_quality_lines (f->store, CG_DIM_LINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* L1: calls 1 2 4 6 8 9 10 12 13 15; connected 8 13 15 (60, 120, 10 s:
   * none short); line failures 10 12.  W37: 1 2 4 6 8 15, no failure;
   * W38: 9 10 12 13, failures 10 12. */
  l1 = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (l1->key, ==, "L1");
  g_assert_cmpint (l1->calls, ==, 10);
  g_assert_cmpint (l1->connected, ==, 3);
  g_assert_cmpint (l1->line_failures, ==, 2);
  g_assert_cmpint (l1->short_calls, ==, 0);
  g_assert_cmpuint (l1->weeks->len, ==, 2);
  g_assert_cmpstr (g_array_index (l1->weeks, CgLineWeek, 0).week, ==, "2026-W37");
  g_assert_cmpint (g_array_index (l1->weeks, CgLineWeek, 0).calls, ==, 6);
  g_assert_cmpint (g_array_index (l1->weeks, CgLineWeek, 0).line_failures, ==, 0);
  g_assert_cmpstr (g_array_index (l1->weeks, CgLineWeek, 1).week, ==, "2026-W38");
  g_assert_cmpint (g_array_index (l1->weeks, CgLineWeek, 1).calls, ==, 4);
  g_assert_cmpint (g_array_index (l1->weeks, CgLineWeek, 1).line_failures, ==, 2);

  /* L2: calls 3 5 7 11 14 16; connected 3 (30 s), 5 (3 s), 11 (4 s): two
   * short; no failure.  W37: 3 5 7; W38: 11 14 16. */
  l2 = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (l2->key, ==, "L2");
  g_assert_cmpint (l2->calls, ==, 6);
  g_assert_cmpint (l2->connected, ==, 3);
  g_assert_cmpint (l2->line_failures, ==, 0);
  g_assert_cmpint (l2->short_calls, ==, 2);
  g_assert_cmpuint (l2->weeks->len, ==, 2);
  g_assert_cmpint (g_array_index (l2->weeks, CgLineWeek, 0).calls, ==, 3);
  g_assert_cmpint (g_array_index (l2->weeks, CgLineWeek, 1).calls, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* --list LA: L1 has 1 2 4 6 8 (connected 8), all in W37; L2 has 3 5 7
   * (connected 3, 5; 5 is short). */
  rows = cg_quality_lines (f->store, CG_DIM_LINE, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  l1 = g_ptr_array_index (rows, 0);
  g_assert_cmpint (l1->calls, ==, 5);
  g_assert_cmpint (l1->connected, ==, 1);
  g_assert_cmpint (l1->line_failures, ==, 0);
  g_assert_cmpuint (l1->weeks->len, ==, 1);
  l2 = g_ptr_array_index (rows, 1);
  g_assert_cmpint (l2->calls, ==, 3);
  g_assert_cmpint (l2->connected, ==, 2);
  g_assert_cmpint (l2->short_calls, ==, 1);
}

/* ---- contact and attempts ----------------------------------------------------- */

static void
assert_agent (const CgContact *c,
              guint            i,
              const char      *agent,
              gint64           calls,
              gint64           hours)
{
  const CgAgentHours *a = g_ptr_array_index (c->agents, i);

  g_assert_cmpstr (a->agent, ==, agent);
  g_assert_cmpint (a->calls, ==, calls);
  g_assert_cmpint (a->hours, ==, hours);
}

static void
test_contact (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgContact) c = NULL;
  CgFilter filter = { .list = "LA" };

  insert_hand_log (f->store);
  c = cg_quality_contact (f->store, NULL, &error);
  g_assert_no_error (error);

  /* Numbers P1 PI PD P5 P2 P6 P7; reached P1 (3, 5), P5 (8), P2 (11),
   * P7 (15).  Calls 13 and 16 have no number. */
  g_assert_cmpint (c->calls, ==, 16);
  g_assert_cmpint (c->calls_without_number, ==, 2);
  g_assert_cmpint (c->numbers, ==, 7);
  g_assert_cmpint (c->numbers_reached, ==, 4);

  /* Attempt 1: 1 6 7 8 10 14 15, connected 8 15.  Attempt 2: 2 9 11,
   * connected 11.  Attempt 3: 3 12, connected 3.  4 and later: 4 5,
   * connected 5.  7 + 3 + 2 + 2 = 14 = 16 − 2 without a number. */
  g_assert_cmpint (c->attempt_calls[0], ==, 7);
  g_assert_cmpint (c->attempt_connected[0], ==, 2);
  g_assert_cmpint (c->attempt_calls[1], ==, 3);
  g_assert_cmpint (c->attempt_connected[1], ==, 1);
  g_assert_cmpint (c->attempt_calls[2], ==, 2);
  g_assert_cmpint (c->attempt_connected[2], ==, 1);
  g_assert_cmpint (c->attempt_calls[3], ==, 2);
  g_assert_cmpint (c->attempt_connected[3], ==, 1);

  /* A1: 1 2 3 7 15 (09-07 09h), 8 (09-08 10h), 9 (09-14 09h), 12 (09-14
   * 10h): 8 calls in 4 hours.  A2: 6 (09-07 09h), 4 (09-07 10h), 5 (09-08
   * 09h), 10 11 (09-14 09h), 13 16 (09-15 11h): 7 calls in 5 hours.  Call
   * 14 has no agent.  09-07 09h counts once for each agent: 9 agent-hours,
   * though only 7 distinct hours had calls. */
  g_assert_cmpuint (c->agents->len, ==, 2);
  assert_agent (c, 0, "A1", 8, 4);
  assert_agent (c, 1, "A2", 7, 5);
  g_assert_cmpint (c->agent_calls, ==, 15);
  g_assert_cmpint (c->agent_hours, ==, 9);
  g_clear_pointer (&c, cg_contact_free);

  /* --list LA: numbers P1 PI PD P5, reached P1 P5.  Attempt 1: 1 6 7 8
   * (connected 8); 2: call 2; 3: call 3 (connected); 4+: 4 5 (5
   * connected).  A1: 1 2 3 7 (09-07 09h), 8 (09-08 10h); A2: 4 (09-07
   * 10h), 5 (09-08 09h), 6 (09-07 09h). */
  c = cg_quality_contact (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->calls, ==, 8);
  g_assert_cmpint (c->calls_without_number, ==, 0);
  g_assert_cmpint (c->numbers, ==, 4);
  g_assert_cmpint (c->numbers_reached, ==, 2);
  g_assert_cmpint (c->attempt_calls[0], ==, 4);
  g_assert_cmpint (c->attempt_connected[0], ==, 1);
  g_assert_cmpint (c->attempt_calls[1], ==, 1);
  g_assert_cmpint (c->attempt_connected[1], ==, 0);
  g_assert_cmpint (c->attempt_calls[2], ==, 1);
  g_assert_cmpint (c->attempt_connected[2], ==, 1);
  g_assert_cmpint (c->attempt_calls[3], ==, 2);
  g_assert_cmpint (c->attempt_connected[3], ==, 1);
  g_assert_cmpuint (c->agents->len, ==, 2);
  assert_agent (c, 0, "A1", 5, 2);
  assert_agent (c, 1, "A2", 3, 3);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(CgContact) c = NULL;
  /* A day in 2000: no call of the log. */
  CgFilter filter = { .from_ts = ts_of ("2000-01-01T00:00:00+08:00"), .to_ts = ts_of ("2000-01-02T00:00:00+08:00") };

  insert_hand_log (f->store);
  lists = cg_quality_lists (f->store, CG_DIM_LIST, &filter, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 0);
  lines = cg_quality_lines (f->store, CG_DIM_LINE, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 0);
  c = cg_quality_contact (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->calls, ==, 0);
  g_assert_cmpint (c->numbers, ==, 0);
  g_assert_cmpint (c->numbers_reached, ==, 0);
  for (guint i = 0; i < CG_CONTACT_N_ATTEMPTS; i++)
    g_assert_cmpint (c->attempt_calls[i], ==, 0);
  g_assert_cmpuint (c->agents->len, ==, 0);
  g_assert_cmpint (c->agent_hours, ==, 0);
}

/* ---- a generated log ---------------------------------------------------------- */

typedef struct {
  gint64 hash;
  gint64 start_ts;
  gint64 id;
  int    outcome;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  if (x->start_ts != y->start_ts)
    return x->start_ts < y->start_ts ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static void
test_contact_demo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(CgContact) c = NULL;
  GDate end;
  CgDemoOptions options = { .seed = 9, .months = 1, .end_date = &end };
  gint64 numbers = 0, reached = 0, without = 0;
  gint64 calls[CG_CONTACT_N_ATTEMPTS] = { 0 }, connected[CG_CONTACT_N_ATTEMPTS] = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, G_DATE_NOVEMBER, 2026);
  g_assert_cmpint (cg_demo_generate (f->store, &options, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, phone_hash, start_ts, outcome FROM calls",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row r = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 3) };

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        without++;
      else
        g_array_append_val (rows, r);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (rows->len, >, 5000);

  /* Per number in time order: the first row of a run of equal hashes is
   * attempt 1; a number is reached when any of its rows connected. */
  g_array_sort (rows, compare_rows);
  for (guint i = 0, attempt = 0; i < rows->len; i++)
    {
      const Row *r = &g_array_index (rows, Row, i);
      gboolean first = i == 0 || g_array_index (rows, Row, i - 1).hash != r->hash;
      guint group;

      attempt = first ? 1 : attempt + 1;
      group = MIN (attempt, CG_CONTACT_N_ATTEMPTS) - 1;
      calls[group]++;
      connected[group] += r->outcome == CG_OUTCOME_CONNECTED;
      if (first)
        numbers++;
      /* Count a number once: at its first connected row. */
      if (r->outcome == CG_OUTCOME_CONNECTED)
        {
          gboolean earlier = FALSE;
          for (guint j = i; j > 0 && g_array_index (rows, Row, j - 1).hash == r->hash && !earlier; j--)
            earlier = g_array_index (rows, Row, j - 1).outcome == CG_OUTCOME_CONNECTED;
          reached += !earlier;
        }
    }

  c = cg_quality_contact (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->calls_without_number, ==, without);
  g_assert_cmpint (c->numbers, ==, numbers);
  g_assert_cmpint (c->numbers_reached, ==, reached);
  g_assert_cmpint (reached, >, 0);
  g_assert_cmpint (reached, <, numbers);
  for (guint i = 0; i < CG_CONTACT_N_ATTEMPTS; i++)
    {
      g_test_message ("attempt group %u", i + 1);
      g_assert_cmpint (c->attempt_calls[i], ==, calls[i]);
      g_assert_cmpint (c->attempt_connected[i], ==, connected[i]);
    }
  /* The demo redials numbers, so the first attempt is not all there is. */
  g_assert_cmpint (calls[0], <, (gint64) rows->len);
  g_assert_cmpint (calls[0], ==, numbers);
}

/* ---- the CLI's JSON ------------------------------------------------------------ */

static JsonObject *
run_cli_json (Fixture    *f,
              JsonParser *parser,
              const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("CALLGAUGE_CLI")));
  g_ptr_array_add (argv, g_strdup_printf ("--db=%s", f->path));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_json (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *row;
  JsonArray *rows, *ci, *weeks;
  /* Wilson for 2 line failures in 10 calls (L1), from its closed form. */
  double n = 10, p = 0.2, z2 = Z_975 * Z_975;
  double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  double half = Z_975 / (1 + z2 / n) * sqrt (p * (1 - p) / n + z2 / (4 * n * n));

  if (g_getenv ("CALLGAUGE_CLI") == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set");
      return;
    }
  insert_hand_log (f->store);

  /* LC has calls but no number: its per-number shares are null. */
  root = run_cli_json (f, parser, (const char *const[]) { "stats", "quality", "--json", NULL });
  g_assert_cmpint (json_object_get_int_member (root, "max_attempts"), ==, 3);
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "list"), ==, "LA");
  g_assert_cmpfloat (json_object_get_double_member (row, "invalid_format_share"), ==, 0.5);  /* 2 / 4 */
  g_assert_cmpfloat (json_object_get_double_member (row, "invalid_number_share"), ==, 0.25); /* 2 / 8 */
  g_assert_cmpfloat (json_object_get_double_member (row, "over_attempted_share"), ==, 0.25); /* 1 / 4 */
  row = json_array_get_object_element (rows, 3);
  g_assert_cmpstr (json_object_get_string_member (row, "list"), ==, "LC");
  g_assert_true (json_object_get_null_member (row, "invalid_format_share"));
  g_assert_true (json_object_get_null_member (row, "over_attempted_share"));
  g_assert_cmpfloat (json_object_get_double_member (row, "invalid_number_share"), ==, 0.0);

  root = run_cli_json (f, parser, (const char *const[]) { "stats", "lines", "--json", NULL });
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpfloat (json_object_get_double_member (row, "line_failure_share"), ==, 0.2);
  ci = json_object_get_array_member (row, "line_failure_ci95");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (ci, 0), centre - half, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (ci, 1), centre + half, 1e-12);
  g_assert_cmpfloat (json_object_get_double_member (row, "short_call_share"), ==, 0.0);  /* 0 / 3 */
  g_assert_cmpfloat (json_object_get_double_member (row, "rate"), ==, 0.3);              /* 3 / 10 */
  weeks = json_object_get_array_member (row, "weeks");
  g_assert_cmpuint (json_array_get_length (weeks), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (weeks, 1), "line_failure_share"), ==, 0.5);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "short_call_share"), 2.0 / 3, 1e-15);

  /* Nothing in the period: zero counts, null rates. */
  root = run_cli_json (f, parser, (const char *const[]) { "stats", "contact", "--json", "--from", "2000-01-01", "--to", "2000-01-01", NULL });
  g_assert_cmpint (json_object_get_int_member (root, "numbers"), ==, 0);
  g_assert_true (json_object_get_null_member (root, "contact_rate"));
  g_assert_true (json_object_get_null_member (root, "calls_per_agent_hour"));
  rows = json_object_get_array_member (root, "attempts");
  g_assert_cmpuint (json_array_get_length (rows), ==, CG_CONTACT_N_ATTEMPTS);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 0), "rate"));

  /* 15 calls with an agent in 9 agent-hours. */
  root = run_cli_json (f, parser, (const char *const[]) { "stats", "contact", "--json", NULL });
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "calls_per_agent_hour"), 15.0 / 9, 1e-15);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "contact_rate"), 4.0 / 7, 1e-15);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "attempts"), 3), "attempt"), ==, "4+");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/quality/lists", test_lists);
  ADD ("/quality/lists/filtered", test_lists_filtered);
  ADD ("/quality/lines", test_lines);
  ADD ("/quality/contact", test_contact);
  ADD ("/quality/empty", test_empty);
  ADD ("/quality/contact/demo", test_contact_demo);
  ADD ("/quality/cli/json", test_cli_json);

  return g_test_run ();
}
