/* test-compliance.c — sales funnel, compliance audit and do-not-call lists.
 *
 * Every expected count is worked out by hand from the tiny logs below (the
 * comments next to each call say why it counts); Wilson intervals are
 * evaluated here from their closed form.  Times are written with their
 * +08:00 offset, the business zone of the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cg-batch.h"
#include "cg-call-writer.h"
#include "cg-compliance.h"
#include "cg-dnc.h"
#include "cg-funnel.h"
#include "cg-store.h"
#include "cg-test-util.h"

#define Z_975 1.959963984540054  /* R: qnorm (0.975) */

typedef CgTestStore Fixture;

typedef struct {
  const char    *start;
  const char    *phone;
  const char    *agent;
  const char    *list;
  CgOutcome      outcome;
  CgDisposition  disposition;
  double         amount;
} HandCall;

static void
write_calls (CgStore        *store,
             const HandCall *calls,
             guint           n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "hand.csv", "test", "utf-8", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      CgCall c;

      cg_call_init (&c);
      c.start_ts = cg_test_ts (calls[i].start);
      c.phone = calls[i].phone;
      c.agent_id = calls[i].agent ? calls[i].agent : "a1";
      c.list = calls[i].list ? calls[i].list : "L1";
      c.line = "L01";
      c.outcome = calls[i].outcome;
      c.disposition = calls[i].disposition;
      c.sale_amount = calls[i].amount;
      c.talk_s = c.outcome == CG_OUTCOME_CONNECTED ? 60 : 0;
      g_assert_cmpint (cg_test_add_call (w, &c), ==, CG_CALL_ADDED);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, n, 0, &error), >, 0);
  g_assert_no_error (error);
}

static CgComplianceReport *
audit (Fixture        *f,
       const CgFilter *filter)
{
  g_autoptr(GError) error = NULL;
  CgComplianceReport *r = cg_compliance_audit (f->store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static const CgComplianceCall *
listed (const CgFinding *finding,
        guint            i)
{
  g_assert_cmpuint (i, <, finding->calls->len);
  return g_ptr_array_index (finding->calls, i);
}

/* ---- settings ---------------------------------------------------------------- */

static void
test_settings_parse (void)
{
  g_autoptr(GError) error = NULL;
  CgCallingHours h;
  CgAttemptCap cap;
  g_autofree char *text = NULL;
  g_autofree char *wrapped = NULL;

  g_assert_true (cg_calling_hours_parse ("mon-fri 09:00-20:00; sat 10:00-18:30", &h, &error));
  g_assert_no_error (error);
  for (int d = 1; d <= 5; d++)
    {
      g_assert_cmpint (h.open_minute[d], ==, 9 * 60);
      g_assert_cmpint (h.close_minute[d], ==, 20 * 60);
    }
  g_assert_cmpint (h.open_minute[6], ==, 600);
  g_assert_cmpint (h.close_minute[6], ==, 1110);
  g_assert_cmpint (h.open_minute[7], ==, h.close_minute[7]);  /* Sunday not named: closed */
  text = cg_calling_hours_to_string (&h);
  g_assert_cmpstr (text, ==, "mon-fri 09:00-20:00; sat 10:00-18:30; sun off");

  /* A range may wrap past Sunday; a later clause overrides. */
  g_assert_true (cg_calling_hours_parse ("fri-mon 08:00-24:00;sun off", &h, &error));
  wrapped = cg_calling_hours_to_string (&h);
  g_assert_cmpstr (wrapped, ==, "mon 08:00-24:00; tue-thu off; fri-sat 08:00-24:00; sun off");

  g_assert_true (cg_attempt_cap_parse (" 3/7 ", &cap, &error));
  g_assert_cmpuint (cap.max_attempts, ==, 3);
  g_assert_cmpuint (cap.days, ==, 7);

  for (const char *const *bad = (const char *const[]) { "", "9-20", "mon 20:00-09:00", "mon 09:00-24:01",
                                                        "xyz 09:00-10:00", "mon 9:00-20:00", "mon-tue-wed 09:00-10:00",
                                                        "mon 09:00-20:00 extra", NULL };
       *bad; bad++)
    {
      g_autoptr(GError) e = NULL;
      g_assert_false (cg_calling_hours_parse (*bad, &h, &e));
      g_assert_error (e, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING);
      g_assert_nonnull (strstr (e->message, "calling_hours"));
    }
  for (const char *const *bad = (const char *const[]) { "3", "0/7", "3/0", "3/x", "-1/7", "3/7/1", "1001/7", "3/367", NULL };
       *bad; bad++)
    {
      g_autoptr(GError) e = NULL;
      g_assert_false (cg_attempt_cap_parse (*bad, &cap, &e));
      g_assert_error (e, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING);
      g_assert_nonnull (strstr (e->message, "attempt_cap"));
    }
}

static void
test_settings_bad_stored (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgComplianceReport) r = NULL;

  g_assert_true (cg_store_set_setting (f->store, "calling_hours", "9-20", &error));
  r = cg_compliance_audit (f->store, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING);
  g_assert_nonnull (strstr (error->message, "9-20"));
  g_clear_error (&error);

  g_assert_true (cg_store_set_setting (f->store, "calling_hours", "mon-sun 09:00-20:00", &error));
  g_assert_true (cg_store_set_setting (f->store, "attempt_cap", "three/7", &error));
  r = cg_compliance_audit (f->store, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_SETTING);
}

/* ---- empty database ------------------------------------------------------------ */

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CgComplianceReport) r = audit (f, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const CgFunnelRow *row;
  CgInterval rate;
  double average;

  g_assert_cmpint (r->outside_hours.count, ==, 0);
  g_assert_cmpuint (r->outside_hours.calls->len, ==, 0);
  g_assert_cmpint (r->dnc.count, ==, 0);
  g_assert_cmpint (r->attempt_cap.count, ==, 0);
  g_assert_cmpint (r->cap_numbers, ==, 0);
  g_assert_cmpuint (r->complaints_by_agent->len, ==, 0);
  g_assert_cmpuint (r->complaints_by_list->len, ==, 0);
  g_assert_cmpuint (r->complaints_by_month->len, ==, 0);
  /* The defaults. */
  g_assert_cmpint (r->hours.open_minute[7], ==, 9 * 60);
  g_assert_cmpint (r->hours.close_minute[1], ==, 20 * 60);
  g_assert_cmpuint (r->cap.max_attempts, ==, 3);
  g_assert_cmpuint (r->cap.days, ==, 7);

  rows = cg_funnel_compute (f->store, CG_DIM_TOTAL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->key, ==, "total");
  g_assert_cmpint (row->dialled, ==, 0);
  g_assert_cmpint (row->sales, ==, 0);
  for (CgFunnelRate k = 0; k < CG_FUNNEL_N_RATES; k++)
    g_assert_false (cg_funnel_row_rate (row, k, &rate));
  g_assert_false (cg_funnel_row_average_sale (row, &average));
}

/* ---- calling hours ---------------------------------------------------------------- */

static void
test_outside_hours (Fixture       *f,
                    gconstpointer  data)
{
  /* 2026-03-02 is a Monday, 2026-03-07 a Saturday, 2026-03-08 a Sunday.
   * Different numbers, so the attempt cap stays out of it. */
  static const HandCall calls[] = {
    { "2026-03-02T08:59:00+08:00", "13800000001", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* before 09:00 */
    { "2026-03-02T09:00:00+08:00", "13800000002", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* opening minute: allowed */
    { "2026-03-02T19:59:59+08:00", "13800000003", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* last second: allowed */
    { "2026-03-02T20:00:00+08:00", "13800000004", "a2", "L2", CG_OUTCOME_NO_ANSWER, 0, NAN },  /* closing time: outside */
    { "2026-03-07T09:30:00+08:00", "13800000005", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* Sat */
    { "2026-03-08T12:00:00+08:00", "13800000006", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* Sun */
  };
  g_autoptr(CgComplianceReport) r = NULL;
  g_autoptr(CgComplianceReport) weekly = NULL;
  g_autoptr(CgComplianceReport) agent = NULL;
  g_autoptr(GError) error = NULL;
  CgFilter only_a2 = { .agent = "a2" };

  write_calls (f->store, calls, G_N_ELEMENTS (calls));

  /* Default: every day 09:00–20:00. */
  r = audit (f, NULL);
  g_assert_cmpint (r->outside_hours.count, ==, 2);
  g_assert_cmpint (listed (&r->outside_hours, 0)->start_ts, ==, cg_test_ts ("2026-03-02T08:59:00+08:00"));
  g_assert_cmpstr (listed (&r->outside_hours, 0)->phone_masked, ==, "138****0001");
  g_assert_cmpint (listed (&r->outside_hours, 1)->start_ts, ==, cg_test_ts ("2026-03-02T20:00:00+08:00"));
  g_assert_cmpstr (listed (&r->outside_hours, 1)->agent_id, ==, "a2");
  g_assert_cmpstr (listed (&r->outside_hours, 1)->line, ==, "L01");
  g_assert_cmpstr (listed (&r->outside_hours, 1)->list, ==, "L2");

  /* Weekdays 09–20, Saturday 10–18, Sunday not named: 08:59, 20:00,
   * Saturday 09:30 and Sunday 12:00. */
  g_assert_true (cg_store_set_setting (f->store, "calling_hours", "mon-fri 09:00-20:00; sat 10:00-18:00", &error));
  weekly = audit (f, NULL);
  g_assert_cmpint (weekly->outside_hours.count, ==, 4);

  /* Agent a2 made the 19:59:59 and 20:00 calls: one is outside. */
  agent = audit (f, &only_a2);
  g_assert_cmpint (agent->outside_hours.count, ==, 1);
}

/* ---- do-not-call --------------------------------------------------------------------- */

static void
test_dnc_calls (Fixture       *f,
                gconstpointer  data)
{
  static const HandCall calls[] = {
    { "2026-03-01T10:00:00+08:00", "13900000001", "a1", NULL, CG_OUTCOME_CONNECTED, 0, NAN },  /* before the request */
    { "2026-03-02T10:00:00+08:00", "139-0000-0001", "a1", NULL, CG_OUTCOME_CONNECTED, CG_DISPOSITION_DNC_REQUEST, NAN },  /* the request */
    { "2026-03-03T10:00:00+08:00", "+86 139 0000 0001", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* after: violation */
    { "2026-03-03T11:00:00+08:00", "13900000002", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* never asked */
  };
  g_autoptr(CgComplianceReport) r = NULL;

  write_calls (f->store, calls, G_N_ELEMENTS (calls));
  r = audit (f, NULL);
  g_assert_cmpint (r->dnc.count, ==, 1);
  g_assert_cmpint (listed (&r->dnc, 0)->start_ts, ==, cg_test_ts ("2026-03-03T10:00:00+08:00"));
  g_assert_cmpstr (listed (&r->dnc, 0)->phone_masked, ==, "139****0001");
  g_assert_cmpstr (listed (&r->dnc, 0)->agent_id, ==, "a2");
  g_assert_cmpint (r->outside_hours.count, ==, 0);
  g_assert_cmpint (r->attempt_cap.count, ==, 0);  /* three attempts: at the cap, not over it */
}

/* ---- attempt cap --------------------------------------------------------------------- */

static void
test_attempt_cap (Fixture       *f,
                  gconstpointer  data)
{
  static const HandCall calls[] = {
    /* C: 4 attempts within 6 days: the 4th is over the cap. */
    { "2026-03-02T10:00:00+08:00", "13700000001", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-04T10:00:00+08:00", "13700000001", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-06T10:00:00+08:00", "13700000001", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-08T10:00:00+08:00", "13700000001", "a2", NULL, CG_OUTCOME_CONNECTED, 0, NAN },
    /* D: 4 attempts over 8 days: the 4th is 8 days after the 1st. */
    { "2026-03-02T10:00:00+08:00", "13700000002", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-04T10:00:00+08:00", "13700000002", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-06T10:00:00+08:00", "13700000002", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-10T10:00:00+08:00", "13700000002", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    /* E: the 4th exactly 7 × 24 h after the 1st: the window has closed. */
    { "2026-03-02T10:00:00+08:00", "13700000003", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-03T10:00:00+08:00", "13700000003", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-04T10:00:00+08:00", "13700000003", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-09T10:00:00+08:00", "13700000003", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    /* F: 5 attempts on 5 days: the 4th and 5th. */
    { "2026-03-02T11:00:00+08:00", "13700000004", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-03T11:00:00+08:00", "13700000004", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-04T11:00:00+08:00", "13700000004", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-05T11:00:00+08:00", "13700000004", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
    { "2026-03-06T11:00:00+08:00", "13700000004", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },
  };
  g_autoptr(CgComplianceReport) r = NULL;
  g_autoptr(CgComplianceReport) late = NULL;
  g_autoptr(CgComplianceReport) strict = NULL;
  g_autoptr(CgComplianceReport) a2 = NULL;
  g_autoptr(GError) error = NULL;
  CgFilter from_8th = { .from_ts = cg_test_ts ("2026-03-08T00:00:00+08:00") };
  CgFilter only_a2 = { .agent = "a2" };
  gint64 c4 = cg_test_ts ("2026-03-08T10:00:00+08:00");
  gint64 f4 = cg_test_ts ("2026-03-05T11:00:00+08:00");
  gint64 f5 = cg_test_ts ("2026-03-06T11:00:00+08:00");
  gboolean seen_c4 = FALSE, seen_f4 = FALSE, seen_f5 = FALSE;

  write_calls (f->store, calls, G_N_ELEMENTS (calls));
  r = audit (f, NULL);
  g_assert_cmpint (r->attempt_cap.count, ==, 3);
  g_assert_cmpint (r->cap_numbers, ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      gint64 ts = listed (&r->attempt_cap, i)->start_ts;
      seen_c4 |= ts == c4 && g_str_equal (listed (&r->attempt_cap, i)->phone_masked, "137****0001");
      seen_f4 |= ts == f4;
      seen_f5 |= ts == f5;
    }
  g_assert_true (seen_c4 && seen_f4 && seen_f5);

  /* From the 8th on, only C's 4th call is in the period; its earlier
   * attempts still count. */
  late = audit (f, &from_8th);
  g_assert_cmpint (late->attempt_cap.count, ==, 1);
  g_assert_cmpint (listed (&late->attempt_cap, 0)->start_ts, ==, c4);

  /* Agent a2 made C's 3rd and 4th calls; attempts by a1 count towards the cap. */
  a2 = audit (f, &only_a2);
  g_assert_cmpint (a2->attempt_cap.count, ==, 1);
  g_assert_cmpint (a2->cap_numbers, ==, 1);

  /* Cap 4 in 7 days: only F's 5th call (C and D have 4, E's window closed). */
  g_assert_true (cg_store_set_setting (f->store, "attempt_cap", "4/7", &error));
  strict = audit (f, NULL);
  g_assert_cmpint (strict->attempt_cap.count, ==, 1);
  g_assert_cmpint (listed (&strict->attempt_cap, 0)->start_ts, ==, f5);
}

/* ---- complaints ---------------------------------------------------------------------- */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
assert_counts (GPtrArray  *counts,
               const char *expected)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      const CgComplaintCount *c = g_ptr_array_index (counts, i);
      g_string_append_printf (s, "%s%s=%" G_GINT64_FORMAT, i ? " " : "", c->key, c->complaints);
    }
  g_assert_cmpstr (s->str, ==, expected);
  g_string_free (s, TRUE);
}

static void
test_complaints (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CgComplianceReport) r = NULL;
  g_autoptr(CgComplianceReport) a1 = NULL;
  g_autofree char *sql = NULL;
  CgFilter only_a1 = { .agent = "a1" };
  sqlite3 *db;

  /* 2026-02-28T16:30Z is already 1 March in Shanghai. */
  sql = g_strdup_printf ("INSERT INTO batches (id, kind, file_name, created_at) VALUES (99, 'complaints', 'c.csv', 0);"
                         "INSERT INTO complaints (batch_id, natural_key, ts, agent_id, list) VALUES"
                         " (99, 1, %" G_GINT64_FORMAT ", 'a1', 'L1'),"
                         " (99, 2, %" G_GINT64_FORMAT ", 'a1', 'L2'),"
                         " (99, 3, %" G_GINT64_FORMAT ", 'a2', 'L1'),"
                         " (99, 4, %" G_GINT64_FORMAT ", NULL, NULL);",
                         cg_test_ts ("2026-02-28T23:30:00+08:00"), cg_test_ts ("2026-02-28T16:30:00Z"),
                         cg_test_ts ("2026-03-15T12:00:00+08:00"), cg_test_ts ("2026-04-01T00:00:00+08:00"));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  exec_sql (db, sql);
  sqlite3_close (db);

  r = audit (f, NULL);
  assert_counts (r->complaints_by_agent, "=1 a1=2 a2=1");
  assert_counts (r->complaints_by_list, "=1 L1=2 L2=1");
  assert_counts (r->complaints_by_month, "2026-02=1 2026-03=2 2026-04=1");

  a1 = audit (f, &only_a1);
  assert_counts (a1->complaints_by_agent, "a1=2");
  assert_counts (a1->complaints_by_month, "2026-02=1 2026-03=1");
}

/* ---- do-not-call list import --------------------------------------------------------- */

/* The list as it stands: distinct numbers, the ones asked on a call,
 * newest first, cut at the limit.  Rows written by hand, counted by hand. */
static void
test_dnc_list (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 numbers = -1, from_calls = -1;
  const CgDncEntry *e;

  entries = cg_dnc_list (f->store, 10, &numbers, &from_calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpint (numbers, ==, 0);

  /* Number 1 both imported and asked on a call; 2 imported; 3 asked. */
  cg_test_sql_exec (f->path,
                    "INSERT INTO dnc (batch_id, phone_hash, phone_masked, added_ts, source) VALUES"
                    " (NULL, 1, '138****0001', 100, 'import'),"
                    " (NULL, 2, '138****0002', 300, 'import'),"
                    " (NULL, 1, '138****0001', 200, 'call'),"
                    " (NULL, 3, '138****0003', 400, 'call');");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = cg_dnc_list (f->store, 3, &numbers, &from_calls, &error);
  g_assert_no_error (error);
  g_assert_cmpint (numbers, ==, 3);
  g_assert_cmpint (from_calls, ==, 2);
  g_assert_cmpuint (entries->len, ==, 3);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->phone_masked, ==, "138****0003");
  g_assert_cmpstr (e->source, ==, "call");
  g_assert_cmpint (e->added_ts, ==, 400);
  g_assert_cmpint (((CgDncEntry *) g_ptr_array_index (entries, 2))->added_ts, ==, 200);
}

static void
test_import_dnc (Fixture       *f,
                 gconstpointer  data)
{
  static const HandCall calls[] = {
    { "2026-03-01T10:00:00+08:00", "138-0013-8000", "a1", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },  /* before 3-02: fine */
    { "2026-03-05T10:00:00+08:00", "13800138000", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },    /* after: violation */
    { "2026-03-05T10:00:00+08:00", "13600000000", "a2", NULL, CG_OUTCOME_NO_ANSWER, 0, NAN },    /* not listed */
  };
  g_autofree char *csv = cg_test_write_file (f->dir, "dnc.csv",
                                             "手机号,加入日期,备注\n"
                                             "13800138000,2026-03-02,a\n"
                                             "139 0013 9000,,b\n"
                                             ",2026-03-01,no number\n"
                                             "13800138000,2026-03-03,again\n", -1);
  g_autofree char *no_phone = cg_test_write_file (f->dir, "bad.csv", "name,date\nZhang,2026-03-01\n", -1);
  g_autofree char *bad_date = cg_test_write_file (f->dir, "date.csv", "phone,date\n13800138000,yesterday\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgComplianceReport) before = NULL;
  g_autoptr(CgComplianceReport) after = NULL;
  g_autoptr(CgComplianceReport) undone = NULL;
  CgDncImportResult result;
  gint64 t0 = g_get_real_time () / G_USEC_PER_SEC;
  gint64 t1;

  write_calls (f->store, calls, G_N_ELEMENTS (calls));
  before = audit (f, NULL);
  g_assert_cmpint (before->dnc.count, ==, 0);

  g_assert_true (cg_compliance_import_dnc (f->store, csv, NULL, &result, &error));
  g_assert_no_error (error);
  t1 = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (result.batch_id, >, 0);
  g_assert_cmpint (result.rows_read, ==, 4);
  g_assert_cmpint (result.rows_imported, ==, 2);
  g_assert_cmpint (result.rows_skipped, ==, 1);
  g_assert_cmpint (result.duplicates, ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM dnc WHERE phone_masked = '138****8000' AND source = 'import'"
                                  " AND added_ts = 1772380800"), ==, 1);  /* 2026-03-02T00:00+08:00 */
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM dnc WHERE phone_masked = '139****9000'"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT added_ts FROM dnc WHERE phone_masked = '139****9000'"), >=, t0);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT added_ts FROM dnc WHERE phone_masked = '139****9000'"), <=, t1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM batches WHERE kind = 'dnc' AND rows_imported = 2"), ==, 1);
  g_assert_cmpint (cg_test_ts ("2026-03-02T00:00:00+08:00"), ==, 1772380800);

  /* The list's number matches the calls' number written another way. */
  after = audit (f, NULL);
  g_assert_cmpint (after->dnc.count, ==, 1);
  g_assert_cmpint (listed (&after->dnc, 0)->start_ts, ==, cg_test_ts ("2026-03-05T10:00:00+08:00"));
  g_assert_cmpstr (listed (&after->dnc, 0)->phone_masked, ==, "138****8000");

  /* Refused files leave nothing behind. */
  g_assert_false (cg_compliance_import_dnc (f->store, no_phone, NULL, &result, &error));
  g_assert_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_FILE);
  g_clear_error (&error);
  g_assert_false (cg_compliance_import_dnc (f->store, bad_date, NULL, &result, &error));
  g_assert_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "yesterday"));
  g_clear_error (&error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM batches WHERE kind = 'dnc'"), ==, 1);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM dnc"), ==, 2);

  /* Deleting the batch undoes the import. */
  g_assert_true (cg_store_delete_batch (f->store, result.batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM dnc"), ==, 0);
  undone = audit (f, NULL);
  g_assert_cmpint (undone->dnc.count, ==, 0);
}

/* ---- funnel --------------------------------------------------------------------------- */

static const HandCall funnel_calls[] = {
  /* Before the period: P1's first sale. */
  { "2026-03-01T10:00:00+08:00", "13500000001", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, 100 },
  /* In the period (2026-03-02 … 03-08), agent a1, list L1: */
  { "2026-03-02T10:00:00+08:00", "13500000001", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, 200 },   /* P1 again: not new */
  { "2026-03-02T11:00:00+08:00", "13500000002", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, 300 },   /* P2: new */
  { "2026-03-03T11:00:00+08:00", "13500000002", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, NAN },   /* P2 again, no amount */
  { "2026-03-03T12:00:00+08:00", "13500000003", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_INTERESTED, NAN },
  { "2026-03-03T13:00:00+08:00", "13500000004", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_CALLBACK, NAN },
  { "2026-03-03T14:00:00+08:00", "13500000005", "a1", "L1", CG_OUTCOME_CONNECTED, CG_DISPOSITION_NOT_INTERESTED, NAN },
  { "2026-03-03T15:00:00+08:00", "13500000006", "a1", "L1", CG_OUTCOME_NO_ANSWER, 0, NAN },
  { "2026-03-03T16:00:00+08:00", "13500000007", "a1", "L1", CG_OUTCOME_BUSY, CG_DISPOSITION_SALE, 999 },       /* not connected: dialled only */
  /* Agent a2, list L2: */
  { "2026-03-04T10:00:00+08:00", "13500000008", "a2", "L2", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, 500 },   /* P8: new */
  { "2026-03-04T11:00:00+08:00", "13500000009", "a2", "L2", CG_OUTCOME_BUSY, 0, NAN },
  /* After the period. */
  { "2026-03-09T10:00:00+08:00", "13500000010", "a2", "L2", CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE, 50 },
};

static void
assert_wilson (const CgFunnelRow *row,
               CgFunnelRate       which,
               double             x,
               double             n)
{
  double p = x / n, z2 = Z_975 * Z_975;
  double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  double half = Z_975 / (1 + z2 / n) * sqrt (p * (1 - p) / n + z2 / (4 * n * n));
  CgInterval rate;

  g_assert_true (cg_funnel_row_rate (row, which, &rate));
  g_assert_cmpfloat_with_epsilon (rate.estimate, p, 1e-12);
  g_assert_cmpfloat_with_epsilon (rate.lower, centre - half, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate.upper, centre + half, 1e-9);
}

static void
test_funnel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) total = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) all_time = NULL;
  g_autoptr(GPtrArray) by_day = NULL;
  CgFilter week = { .from_ts = cg_test_ts ("2026-03-02T00:00:00+08:00"), .to_ts = cg_test_ts ("2026-03-09T00:00:00+08:00") };
  const CgFunnelRow *row;
  double average;

  write_calls (f->store, funnel_calls, G_N_ELEMENTS (funnel_calls));

  total = cg_funnel_compute (f->store, CG_DIM_TOTAL, &week, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total->len, ==, 1);
  row = g_ptr_array_index (total, 0);
  g_assert_cmpint (row->dialled, ==, 10);
  g_assert_cmpint (row->connected, ==, 7);
  g_assert_cmpint (row->interested, ==, 6);  /* 3 sales of a1, P3, P4, P8's sale */
  g_assert_cmpint (row->sales, ==, 4);
  g_assert_cmpint (row->new_customers, ==, 2);  /* P2, P8 */
  g_assert_cmpfloat_with_epsilon (row->revenue_cny, 1000, 1e-9);
  g_assert_true (cg_funnel_row_average_sale (row, &average));
  g_assert_cmpfloat_with_epsilon (average, 1000.0 / 3, 1e-9);
  assert_wilson (row, CG_FUNNEL_CONNECT, 7, 10);
  assert_wilson (row, CG_FUNNEL_INTEREST, 6, 7);
  assert_wilson (row, CG_FUNNEL_CLOSE, 4, 6);
  assert_wilson (row, CG_FUNNEL_CONVERSION, 4, 10);

  agents = cg_funnel_compute (f->store, CG_DIM_AGENT, &week, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, ==, 2);
  row = g_ptr_array_index (agents, 0);
  g_assert_cmpstr (row->key, ==, "a1");
  g_assert_cmpint (row->dialled, ==, 8);
  g_assert_cmpint (row->connected, ==, 6);
  g_assert_cmpint (row->interested, ==, 5);
  g_assert_cmpint (row->sales, ==, 3);
  g_assert_cmpint (row->new_customers, ==, 1);
  g_assert_true (cg_funnel_row_average_sale (row, &average));
  g_assert_cmpfloat_with_epsilon (average, 250, 1e-9);
  row = g_ptr_array_index (agents, 1);
  g_assert_cmpstr (row->key, ==, "a2");
  g_assert_cmpint (row->dialled, ==, 2);
  g_assert_cmpint (row->sales, ==, 1);
  g_assert_cmpint (row->new_customers, ==, 1);
  assert_wilson (row, CG_FUNNEL_CLOSE, 1, 1);

  /* Without a start every customer is new: P1, P2, P8, P10. */
  all_time = cg_funnel_compute (f->store, CG_DIM_TOTAL, NULL, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (all_time, 0);
  g_assert_cmpint (row->dialled, ==, 12);
  g_assert_cmpint (row->sales, ==, 6);
  g_assert_cmpint (row->new_customers, ==, 4);

  /* By day: the days of the week, which add up to its total above. */
  by_day = cg_funnel_compute (f->store, CG_DIM_DAY, &week, &error);
  g_assert_no_error (error);
  {
    gint64 dialled = 0, sales = 0;

    for (guint i = 0; i < by_day->len; i++)
      {
        row = g_ptr_array_index (by_day, i);
        g_assert_true (g_str_has_prefix (row->key, "2026-03-0"));
        g_assert_cmpstr (row->key, <, "2026-03-09");
        dialled += row->dialled;
        sales += row->sales;
      }
    g_assert_cmpint (dialled, ==, 10);
    g_assert_cmpint (sales, ==, 4);
  }
}

/* More offending calls than are listed: all are counted (by key too),
 * the first CG_COMPLIANCE_MAX_LISTED by time are listed, in time order
 * though the ids run the other way. */
static void
test_many_offences (Fixture       *f,
                    gconstpointer  data)
{
  gint64 base = cg_test_ts ("2026-03-02T03:00:00+08:00");
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1004)"
    " INSERT INTO calls (batch_id, natural_key, start_ts, outcome, agent_id, phone_hash, phone_masked)"
    " SELECT 1, i + 1, %" G_GINT64_FORMAT " - i, 2, CASE WHEN i %% 2 = 1 THEN 'a1' ELSE 'a2' END,"
    "        1000 + i, 'x' || i FROM n", base);
  g_autoptr(CgComplianceReport) r = NULL;
  g_autoptr(CgComplianceReport) by_agent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 *a1, *a2;

  cg_test_sql_exec (f->path, sql);
  r = audit (f, NULL);
  g_assert_cmpint (r->outside_hours.count, ==, 1005);
  g_assert_cmpuint (r->outside_hours.calls->len, ==, CG_COMPLIANCE_MAX_LISTED);
  g_assert_cmpint (listed (&r->outside_hours, 0)->start_ts, ==, base - 1004);
  g_assert_cmpstr (listed (&r->outside_hours, 0)->phone_masked, ==, "x1004");
  g_assert_cmpint (listed (&r->outside_hours, 999)->start_ts, ==, base - 5);
  g_assert_cmpint (r->attempt_cap.count, ==, 0);

  /* i odd (502 calls) by a1, even (503) by a2. */
  by_agent = cg_compliance_audit_by (f->store, CG_DIM_AGENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_agent->outside_hours.count, ==, 1005);
  a1 = g_hash_table_lookup (by_agent->violations_by_key, "a1");
  a2 = g_hash_table_lookup (by_agent->violations_by_key, "a2");
  g_assert_nonnull (a1);
  g_assert_nonnull (a2);
  g_assert_cmpint (*a1, ==, 502);
  g_assert_cmpint (*a2, ==, 503);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compliance/settings/parse", test_settings_parse);
  g_test_add ("/compliance/settings/bad-stored", Fixture, NULL, cg_test_store_set_up_beijing, test_settings_bad_stored, cg_test_store_tear_down);
  g_test_add ("/compliance/empty", Fixture, NULL, cg_test_store_set_up_beijing, test_empty, cg_test_store_tear_down);
  g_test_add ("/compliance/outside-hours", Fixture, NULL, cg_test_store_set_up_beijing, test_outside_hours, cg_test_store_tear_down);
  g_test_add ("/compliance/dnc-calls", Fixture, NULL, cg_test_store_set_up_beijing, test_dnc_calls, cg_test_store_tear_down);
  g_test_add ("/compliance/attempt-cap", Fixture, NULL, cg_test_store_set_up_beijing, test_attempt_cap, cg_test_store_tear_down);
  g_test_add ("/compliance/many-offences", Fixture, NULL, cg_test_store_set_up_beijing, test_many_offences, cg_test_store_tear_down);
  g_test_add ("/compliance/complaints", Fixture, NULL, cg_test_store_set_up_beijing, test_complaints, cg_test_store_tear_down);
  g_test_add ("/compliance/dnc-list", Fixture, NULL, cg_test_store_set_up_beijing, test_dnc_list, cg_test_store_tear_down);
  g_test_add ("/compliance/import-dnc", Fixture, NULL, cg_test_store_set_up_beijing, test_import_dnc, cg_test_store_tear_down);
  g_test_add ("/funnel/counts", Fixture, NULL, cg_test_store_set_up_beijing, test_funnel, cg_test_store_tear_down);

  return g_test_run ();
}
