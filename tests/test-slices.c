/* test-slices.c — every metric by every slice, against a recount.
 *
 * A pseudo-random log of a few hundred calls around the turn of 2026/27
 * (2026 has an ISO week 53; 2027-W01 starts on Monday 4 January) in the
 * business time zone Asia/Shanghai, with calls just before and after
 * local midnight on Sunday night, which fall on another UTC day.  Each
 * call's local date and hour are chosen here first and turned into a
 * time stamp, so the test knows every key without asking the code under
 * test: weeks by GDate's ISO 8601 week and the year of that week's
 * Thursday, weekdays by GDate.  The expected figures are then plain
 * loops over the calls.
 *
 * Week goes through the aggregate sums and, with raw set, through the
 * calls; campaign, segment, agent and hour × weekday read the calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "cg-analytics.h"
#include "cg-call-writer.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-scorecard.h"
#include "cg-store.h"
#include "cg-test-util.h"

#define N_CALLS 700
#define MAX_ATTEMPTS 2

typedef struct {
  char    *dir;
  char    *path;
  CgStore *store;
} Fixture;

typedef struct {
  gint64         ts;
  GDate          date;      /* local */
  int            hour;      /* local */
  const char    *line;
  const char    *agent;     /* NULL: none */
  const char    *list;
  const char    *campaign;
  const char    *segment;
  char           phone[16]; /* "" : no number */
  gboolean       invalid;   /* a phone of kind invalid */
  CgOutcome      outcome;
  int            talk_s;
  CgDisposition  disposition;
  double         amount;
} Call;

static Call calls[N_CALLS];

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cg-slices-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = cg_store_open (f->path, &error);
  g_assert_no_error (error);
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

static const char *
pick (GRand             *rand,
      const char *const *names,
      guint              n)
{
  return names[g_rand_int_range (rand, 0, n)];
}

/* Calls in time order, 5 to 44 minutes apart (ids follow time, so the
 * attempt rank "by time, then id" is the index order), from Monday
 * 2026-12-21 07:00 local for about three weeks; the hours run 07–20 so
 * that some fall outside the default calling hours, and every night has
 * calls at 23:50 and 00:10. */
static void
generate (void)
{
  static const char *const lines[] = { "L1", "L2", "L3" };
  static const char *const agents[] = { "A1", "A2", "A3", NULL };
  static const char *const lists[] = { "LA", "LB", "LC", NULL };
  static const char *const campaigns[] = { "C1", "C2", NULL };
  static const char *const segments[] = { "S1", "S2", "S3" };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) t = g_date_time_new (tz, 2026, 12, 21, 7, 0, 0);
  GRand *rand = g_rand_new_with_seed (20261221);

  for (guint i = 0; i < N_CALLS; i++)
    {
      Call *c = &calls[i];
      GDateTime *next;
      int minutes = g_rand_int_range (rand, 5, 45);
      int number = g_rand_int_range (rand, 0, 45);

      next = g_date_time_add_minutes (t, minutes);
      /* Past 21:00 the next call is at 23:50, then 00:10, then 07:00. */
      if (g_date_time_get_hour (next) >= 21 && g_date_time_get_hour (t) < 21)
        {
          g_date_time_unref (next);
          next = g_date_time_new (tz, g_date_time_get_year (t), g_date_time_get_month (t),
                                  g_date_time_get_day_of_month (t), 23, 50, 0);
        }
      else if (g_date_time_get_hour (t) == 23)
        {
          g_date_time_unref (next);
          next = g_date_time_add_minutes (t, 20);
        }
      else if (g_date_time_get_hour (t) == 0)
        {
          g_date_time_unref (next);
          next = g_date_time_add_hours (t, 7);
          g_date_time_unref (t);
          t = next;
          next = g_date_time_add_minutes (t, -10);
        }
      g_date_time_unref (t);
      t = next;

      c->ts = g_date_time_to_unix (t);
      g_date_clear (&c->date, 1);
      g_date_set_dmy (&c->date, g_date_time_get_day_of_month (t), g_date_time_get_month (t), g_date_time_get_year (t));
      c->hour = g_date_time_get_hour (t);
      c->line = pick (rand, lines, G_N_ELEMENTS (lines));
      c->agent = pick (rand, agents, G_N_ELEMENTS (agents));
      c->list = pick (rand, lists, G_N_ELEMENTS (lists));
      c->campaign = pick (rand, campaigns, G_N_ELEMENTS (campaigns));
      c->segment = pick (rand, segments, G_N_ELEMENTS (segments));
      if (number == 0)
        c->phone[0] = '\0';
      else if (number == 1)
        {
          g_strlcpy (c->phone, "1234", sizeof c->phone);  /* four digits: kind invalid */
          c->invalid = TRUE;
        }
      else
        g_snprintf (c->phone, sizeof c->phone, "138000000%02d", number);
      c->outcome = g_rand_int_range (rand, 0, CG_N_OUTCOMES);
      if (g_rand_int_range (rand, 0, 3) == 0)
        c->outcome = CG_OUTCOME_CONNECTED;
      c->amount = NAN;
      if (c->outcome == CG_OUTCOME_CONNECTED)
        {
          c->talk_s = g_rand_int_range (rand, 0, 200);
          c->disposition = g_rand_int_range (rand, CG_DISPOSITION_NONE, CG_DISPOSITION_DNC_REQUEST);
          if (c->disposition == CG_DISPOSITION_SALE && g_rand_boolean (rand))
            c->amount = g_rand_int_range (rand, 100, 1000);
        }
    }
  g_rand_free (rand);
}

static void
insert (CgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (store, "calls", "slices.csv", "test", "utf-8", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_CALLS; i++)
    {
      g_autofree char *uid = g_strdup_printf ("s-%u", i);
      CgCallAddResult result;
      CgCall c;

      cg_call_init (&c);
      c.call_uid = uid;
      c.start_ts = calls[i].ts;
      c.phone = calls[i].phone[0] ? calls[i].phone : NULL;
      c.line = calls[i].line;
      c.agent_id = calls[i].agent;
      c.list = calls[i].list;
      c.campaign = calls[i].campaign;
      c.segment = calls[i].segment;
      c.outcome = calls[i].outcome;
      c.talk_s = calls[i].talk_s;
      c.disposition = calls[i].disposition;
      c.sale_amount = calls[i].amount;
      g_assert_true (cg_call_writer_add (w, &c, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, CG_CALL_ADDED);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, N_CALLS, 0, &error), >, 0);
  g_assert_no_error (error);
}

/* ---- keys, by hand ------------------------------------------------------------- */

static int
weekday (const GDate *date)
{
  return g_date_get_weekday (date);  /* G_DATE_MONDAY = 1 … G_DATE_SUNDAY = 7 */
}

/* ISO 8601: the week belongs to the year of its Thursday. */
static char *
iso_week (const GDate *date)
{
  GDate thursday = *date;

  if (weekday (date) <= 4)
    g_date_add_days (&thursday, 4 - weekday (date));
  else
    g_date_subtract_days (&thursday, weekday (date) - 4);
  return g_strdup_printf ("%04d-W%02u", g_date_get_year (&thursday), g_date_get_iso8601_week_of_year (date));
}

static char *
key_of (const Call  *c,
        CgDimension  by)
{
  switch ((int) by)
    {
    case CG_DIM_WEEK:
      return iso_week (&c->date);
    case CG_DIM_AGENT:
      return g_strdup (c->agent ? c->agent : "");
    case CG_DIM_LIST:
      return g_strdup (c->list ? c->list : "");
    case CG_DIM_CAMPAIGN:
      return g_strdup (c->campaign ? c->campaign : "");
    case CG_DIM_SEGMENT:
      return g_strdup (c->segment);
    case CG_DIM_HOUR_WEEKDAY:
      return g_strdup_printf ("%d-%02d", weekday (&c->date), c->hour);
    default:
      g_assert_not_reached ();
    }
}

/* ---- expected figures per key ----------------------------------------------------- */

typedef struct {
  gint64      calls, connected, talk, short_calls, interested, sales, sales_with_amount;
  double      revenue;
  gint64      invalid_number_calls, line_failures, without_number, agent_calls;
  gint64      attempt_calls[CG_CONTACT_N_ATTEMPTS], attempt_connected[CG_CONTACT_N_ATTEMPTS];
  gint64      outside_hours, over_cap;
  GHashTable *numbers;      /* phone → calls in the slice */
  GHashTable *reached;      /* phones */
  GHashTable *bad;          /* phones of kind invalid */
  GHashTable *buyers;       /* phones with a sale */
  GHashTable *agent_hours;  /* "agent date hour" */
  GHashTable *weeks;        /* week → gint64[2]: calls, line failures */
} Expect;

static void
expect_free (Expect *e)
{
  g_hash_table_unref (e->numbers);
  g_hash_table_unref (e->reached);
  g_hash_table_unref (e->bad);
  g_hash_table_unref (e->buyers);
  g_hash_table_unref (e->agent_hours);
  g_hash_table_unref (e->weeks);
  g_free (e);
}

static Expect *
expect_for (GHashTable *table,
            const char *key)
{
  Expect *e = g_hash_table_lookup (table, key);

  if (e == NULL)
    {
      e = g_new0 (Expect, 1);
      e->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      e->reached = g_hash_table_new (g_str_hash, g_str_equal);
      e->bad = g_hash_table_new (g_str_hash, g_str_equal);
      e->buyers = g_hash_table_new (g_str_hash, g_str_equal);
      e->agent_hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      e->weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (table, g_strdup (key), e);
    }
  return e;
}

static void
count_number (GHashTable *numbers,
              const char *phone)
{
  gint64 *n = g_hash_table_lookup (numbers, phone);

  if (n == NULL)
    g_hash_table_insert (numbers, (gpointer) phone, (n = g_new0 (gint64, 1)));
  (*n)++;
}

/* The number of lists (NULL is the list "") each phone was dialled from. */
static GHashTable *
lists_per_phone (void)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *count = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < N_CALLS; i++)
    {
      char *pair;

      if (calls[i].phone[0] == '\0')
        continue;
      pair = g_strdup_printf ("%s|%s", calls[i].phone, calls[i].list ? calls[i].list : "");
      if (g_hash_table_add (pairs, pair))
        count_number (count, calls[i].phone);
    }
  return count;
}

static GHashTable *
expect_by (CgDimension by)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) expect_free);
  g_autoptr(GHashTable) attempts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < N_CALLS; i++)
    {
      const Call *c = &calls[i];
      g_autofree char *key = key_of (c, by);
      g_autofree char *week = iso_week (&c->date);
      Expect *e = expect_for (table, key);
      gboolean connected = c->outcome == CG_OUTCOME_CONNECTED;
      gint64 *w = g_hash_table_lookup (e->weeks, week);

      e->calls++;
      e->connected += connected;
      e->talk += connected ? c->talk_s : 0;
      e->short_calls += connected && c->talk_s < 5;
      e->interested += connected && (c->disposition == CG_DISPOSITION_SALE || c->disposition == CG_DISPOSITION_INTERESTED ||
                                     c->disposition == CG_DISPOSITION_CALLBACK);
      e->sales += connected && c->disposition == CG_DISPOSITION_SALE;
      if (connected && c->disposition == CG_DISPOSITION_SALE && !isnan (c->amount))
        {
          e->sales_with_amount++;
          e->revenue += c->amount;
        }
      e->invalid_number_calls += c->outcome == CG_OUTCOME_INVALID_NUMBER;
      e->line_failures += c->outcome == CG_OUTCOME_LINE_FAILURE;
      e->outside_hours += c->hour < 9 || c->hour >= 20;
      if (w == NULL)
        g_hash_table_insert (e->weeks, g_strdup (week), (w = g_new0 (gint64, 2)));
      w[0]++;
      w[1] += c->outcome == CG_OUTCOME_LINE_FAILURE;
      if (c->agent != NULL)
        {
          e->agent_calls++;
          g_hash_table_add (e->agent_hours, g_strdup_printf ("%s %u %d", c->agent, g_date_get_julian (&c->date), c->hour));
        }
      if (c->phone[0] == '\0')
        {
          e->without_number++;
          continue;
        }
      {
        gint64 *n = g_hash_table_lookup (attempts, c->phone);
        guint group;
        guint earlier = 0;

        if (n == NULL)
          g_hash_table_insert (attempts, (gpointer) c->phone, (n = g_new0 (gint64, 1)));
        ++*n;
        group = MIN (*n, CG_CONTACT_N_ATTEMPTS) - 1;
        e->attempt_calls[group]++;
        e->attempt_connected[group] += connected;
        /* Attempt cap 3 in 7 days: three earlier attempts within 7 × 24 h. */
        for (guint j = 0; j < i; j++)
          earlier += strcmp (calls[j].phone, c->phone) == 0 && c->ts - calls[j].ts < 7 * 86400;
        e->over_cap += earlier >= 3;
      }
      count_number (e->numbers, c->phone);
      if (connected)
        g_hash_table_add (e->reached, (gpointer) c->phone);
      if (c->invalid)
        g_hash_table_add (e->bad, (gpointer) c->phone);
      if (connected && c->disposition == CG_DISPOSITION_SALE)
        g_hash_table_add (e->buyers, (gpointer) c->phone);
    }
  return table;
}

/* ---- checks ----------------------------------------------------------------------- */

static const CgDimension tested[] = {
  CG_DIM_WEEK, CG_DIM_CAMPAIGN, CG_DIM_SEGMENT, CG_DIM_HOUR_WEEKDAY, CG_DIM_AGENT, CG_DIM_LIST,
};

static void
check_funnel (CgStore    *store,
              CgDimension by,
              GHashTable *want,
              gboolean    raw)
{
  g_autoptr(GError) error = NULL;
  CgFilter filter = { .raw = raw };
  g_autoptr(GPtrArray) rows = cg_funnel_compute (store, by, &filter, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (want));
  for (guint i = 0; i < rows->len; i++)
    {
      const CgFunnelRow *row = g_ptr_array_index (rows, i);
      const Expect *e = g_hash_table_lookup (want, row->key);

      g_test_message ("funnel by %s: %s", cg_dimension_to_string (by), row->key);
      g_assert_nonnull (e);
      if (i > 0)
        g_assert_cmpstr (((CgFunnelRow *) g_ptr_array_index (rows, i - 1))->key, <, row->key);
      g_assert_cmpint (row->dialled, ==, e->calls);
      g_assert_cmpint (row->connected, ==, e->connected);
      g_assert_cmpint (row->interested, ==, e->interested);
      g_assert_cmpint (row->sales, ==, e->sales);
      g_assert_cmpint (row->sales_with_amount, ==, e->sales_with_amount);
      g_assert_cmpfloat_with_epsilon (row->revenue_cny, e->revenue, 1e-6);
      /* Without a start, every buyer is new. */
      g_assert_cmpint (row->new_customers, ==, g_hash_table_size (e->buyers));
    }
}

static void
check_quality (CgStore    *store,
               CgDimension by,
               GHashTable *want,
               GHashTable *lists)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = cg_quality_lists (store, by, NULL, MAX_ATTEMPTS, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (want));
  for (guint i = 0; i < rows->len; i++)
    {
      const CgListQuality *row = g_ptr_array_index (rows, i);
      const Expect *e = g_hash_table_lookup (want, row->key);
      gint64 duplicates = 0, over = 0;
      GHashTableIter iter;
      gpointer phone, n;

      g_test_message ("quality by %s: %s", cg_dimension_to_string (by), row->key);
      g_assert_nonnull (e);
      g_hash_table_iter_init (&iter, e->numbers);
      while (g_hash_table_iter_next (&iter, &phone, &n))
        {
          duplicates += *(gint64 *) g_hash_table_lookup (lists, phone) > 1;
          over += *(gint64 *) n > MAX_ATTEMPTS;
        }
      g_assert_cmpint (row->calls, ==, e->calls);
      g_assert_cmpint (row->invalid_number_calls, ==, e->invalid_number_calls);
      g_assert_cmpint (row->numbers, ==, g_hash_table_size (e->numbers));
      g_assert_cmpint (row->invalid_format_numbers, ==, g_hash_table_size (e->bad));
      g_assert_cmpint (row->duplicate_numbers, ==, duplicates);
      g_assert_cmpint (row->over_attempted_numbers, ==, over);
    }
}

static void
check_lines (CgStore    *store,
             CgDimension by,
             GHashTable *want,
             gboolean    raw)
{
  g_autoptr(GError) error = NULL;
  CgFilter filter = { .raw = raw };
  g_autoptr(GPtrArray) rows = cg_quality_lines (store, by, &filter, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (want));
  for (guint i = 0; i < rows->len; i++)
    {
      const CgLineStability *row = g_ptr_array_index (rows, i);
      const Expect *e = g_hash_table_lookup (want, row->key);

      g_test_message ("lines by %s: %s", cg_dimension_to_string (by), row->key);
      g_assert_nonnull (e);
      g_assert_cmpint (row->calls, ==, e->calls);
      g_assert_cmpint (row->connected, ==, e->connected);
      g_assert_cmpint (row->line_failures, ==, e->line_failures);
      g_assert_cmpint (row->short_calls, ==, e->short_calls);
      g_assert_cmpuint (row->weeks->len, ==, g_hash_table_size (e->weeks));
      for (guint w = 0; w < row->weeks->len; w++)
        {
          const CgLineWeek *week = &g_array_index (row->weeks, CgLineWeek, w);
          const gint64 *counts = g_hash_table_lookup (e->weeks, week->week);

          g_assert_nonnull (counts);
          g_assert_cmpint (week->calls, ==, counts[0]);
          g_assert_cmpint (week->line_failures, ==, counts[1]);
        }
    }
}

static void
check_contact (CgStore    *store,
               CgDimension by,
               GHashTable *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = cg_quality_contact_by (store, by, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (want));
  for (guint i = 0; i < rows->len; i++)
    {
      const CgContact *row = g_ptr_array_index (rows, i);
      const Expect *e = g_hash_table_lookup (want, row->key);

      g_test_message ("contact by %s: %s", cg_dimension_to_string (by), row->key);
      g_assert_nonnull (e);
      g_assert_cmpint (row->calls, ==, e->calls);
      g_assert_cmpint (row->calls_without_number, ==, e->without_number);
      g_assert_cmpint (row->numbers, ==, g_hash_table_size (e->numbers));
      g_assert_cmpint (row->numbers_reached, ==, g_hash_table_size (e->reached));
      for (guint a = 0; a < CG_CONTACT_N_ATTEMPTS; a++)
        {
          g_assert_cmpint (row->attempt_calls[a], ==, e->attempt_calls[a]);
          g_assert_cmpint (row->attempt_connected[a], ==, e->attempt_connected[a]);
        }
      g_assert_cmpint (row->agent_calls, ==, e->agent_calls);
      g_assert_cmpint (row->agent_hours, ==, g_hash_table_size (e->agent_hours));
    }
}

static void
check_outcomes (CgStore    *store,
                CgDimension by,
                gboolean    raw)
{
  g_autoptr(GError) error = NULL;
  CgFilter filter = { .raw = raw };
  g_autoptr(GPtrArray) rows = cg_analytics_outcomes (store, by, &filter, &error);
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_keys;

  g_assert_no_error (error);
  for (guint i = 0; i < N_CALLS; i++)
    {
      char *key = key_of (&calls[i], by);
      gint64 *counts = g_hash_table_lookup (want, key);

      if (counts == NULL)
        g_hash_table_insert (want, key, (counts = g_new0 (gint64, CG_N_OUTCOMES)));
      else
        g_free (key);
      counts[calls[i].outcome]++;
    }
  n_keys = g_hash_table_size (want);
  g_assert_cmpuint (rows->len, ==, n_keys);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgOutcomeRow *row = g_ptr_array_index (rows, i);
      const gint64 *counts = g_hash_table_lookup (want, row->key);
      gint64 calls_in_key = 0;

      g_assert_nonnull (counts);
      for (guint o = 0; o < CG_N_OUTCOMES; o++)
        {
          g_assert_cmpint (row->outcome_calls[o], ==, counts[o]);
          calls_in_key += counts[o];
        }
      g_assert_cmpint (row->calls, ==, calls_in_key);
    }
}

static void
check_scorecard (CgStore    *store,
                 CgDimension by,
                 GHashTable *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgScorecard) card = cg_scorecard_compute (store, by, NULL, &error);
  /* Complaints (none here) have a time, an agent and a list only. */
  gboolean complaints = by != CG_DIM_CAMPAIGN && by != CG_DIM_SEGMENT;
  guint n_rows = 0;
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  g_assert_cmpint (card->available[CG_INDICATOR_COMPLAINT_RATE], ==, complaints);
  /* A scorecard rates someone: no row for the calls without a campaign. */
  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n_rows += *(const char *) key != '\0';
  g_assert_cmpuint (card->rows->len, ==, n_rows);
  for (guint i = 0; i < card->rows->len; i++)
    {
      const CgScorecardRow *row = g_ptr_array_index (card->rows, i);
      const Expect *e = g_hash_table_lookup (want, row->key);
      const CgIndicatorValues *v = &row->values;

      g_test_message ("scorecard by %s: %s", cg_dimension_to_string (by), row->key);
      g_assert_nonnull (e);
      g_assert_true (v->has_value[CG_INDICATOR_CONNECT_RATE]);
      g_assert_cmpfloat_with_epsilon (v->value[CG_INDICATOR_CONNECT_RATE], (double) e->connected / e->calls, 1e-12);
      g_assert_cmpfloat_with_epsilon (v->value[CG_INDICATOR_CONVERSION], (double) e->sales / e->calls, 1e-12);
      g_assert_cmpfloat_with_epsilon (v->value[CG_INDICATOR_COMPLIANCE_VIOLATIONS],
                                      1000.0 * (e->outside_hours + e->over_cap) / e->calls, 1e-9);
      g_assert_cmpint (v->has_value[CG_INDICATOR_CONTACT_RATE], ==, g_hash_table_size (e->numbers) > 0);
      if (g_hash_table_size (e->numbers) > 0)
        g_assert_cmpfloat_with_epsilon (v->value[CG_INDICATOR_CONTACT_RATE],
                                        (double) g_hash_table_size (e->reached) / g_hash_table_size (e->numbers), 1e-12);
      g_assert_cmpint (v->has_value[CG_INDICATOR_ACD_SECONDS], ==, e->connected > 0);
      if (e->connected > 0)
        g_assert_cmpfloat_with_epsilon (v->value[CG_INDICATOR_ACD_SECONDS], (double) e->talk / e->connected, 1e-9);
      g_assert_cmpint (v->has_value[CG_INDICATOR_COMPLAINT_RATE], ==, complaints && e->connected > 0);
      if (v->has_value[CG_INDICATOR_COMPLAINT_RATE])
        g_assert_cmpfloat (v->value[CG_INDICATOR_COMPLAINT_RATE], ==, 0);
      g_assert_false (v->has_value[CG_INDICATOR_SATISFACTION]);

      /* By week the change is against the week before, which has calls
       * for every week but the first (the log's weeks are consecutive). */
      if (by == CG_DIM_WEEK)
        {
          const Expect *p = i > 0 ? g_hash_table_lookup (want, ((CgScorecardRow *) g_ptr_array_index (card->rows, i - 1))->key)
                                  : NULL;

          g_assert_cmpint (row->has_change[CG_INDICATOR_CONNECT_RATE], ==, p != NULL);
          if (p != NULL)
            g_assert_cmpfloat_with_epsilon (row->change[CG_INDICATOR_CONNECT_RATE],
                                            (double) e->connected / e->calls - (double) p->connected / p->calls, 1e-12);
        }
    }
}

static void
test_every_metric (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) lists = NULL;

  generate ();
  insert (f->store);
  lists = lists_per_phone ();
  for (guint d = 0; d < G_N_ELEMENTS (tested); d++)
    {
      g_autoptr(GHashTable) want = expect_by (tested[d]);

      g_test_message ("by %s: %u keys", cg_dimension_to_string (tested[d]), g_hash_table_size (want));
      g_assert_cmpuint (g_hash_table_size (want), >, 1);
      for (int raw = 0; raw <= 1; raw++)
        {
          check_funnel (f->store, tested[d], want, raw);
          check_lines (f->store, tested[d], want, raw);
          check_outcomes (f->store, tested[d], raw);
        }
      check_quality (f->store, tested[d], want, lists);
      check_contact (f->store, tested[d], want);
      check_scorecard (f->store, tested[d], want);
    }
}

/* The weeks of the log by hand: Monday 2026-12-21 starts W52, 12-28 W53,
 * and Friday 2027-01-01 is still in 2026-W53; Monday 01-04 starts
 * 2027-W01.  A call at 00:10 local on Monday is 16:10 UTC on Sunday. */
static void
test_weeks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  struct {
    int         y, m, d, h, min;
    const char *week;
  } cases[] = {
    { 2026, 12, 27, 23, 59, "2026-W52" },
    { 2026, 12, 28, 0, 10, "2026-W53" },
    { 2027, 1, 1, 12, 0, "2026-W53" },
    { 2027, 1, 3, 23, 50, "2026-W53" },
    { 2027, 1, 4, 0, 5, "2027-W01" },
  };
  const char *want[] = { "2026-W52", "2026-W53", "2027-W01" };
  const gint64 want_calls[] = { 1, 3, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) t = g_date_time_new (tz, cases[i].y, cases[i].m, cases[i].d, cases[i].h, cases[i].min, 0);
      Call *c = &calls[i];

      memset (c, 0, sizeof *c);
      c->ts = g_date_time_to_unix (t);
      c->line = "L1";
      c->list = "LA";
      c->segment = "S1";
      c->outcome = CG_OUTCOME_LINE_FAILURE;
      c->amount = NAN;
    }
  {
    g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "weeks.csv", "test", "utf-8", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *uid = g_strdup_printf ("w-%u", i);
        CgCallAddResult result;
        CgCall c;

        cg_call_init (&c);
        c.call_uid = uid;
        c.start_ts = calls[i].ts;
        c.line = "L1";
        c.outcome = CG_OUTCOME_LINE_FAILURE;
        g_assert_true (cg_call_writer_add (w, &c, &result, &error));
      }
    g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, G_N_ELEMENTS (cases), 0, &error), >, 0);
    g_assert_no_error (error);
  }

  for (int raw = 0; raw <= 1; raw++)
    {
      CgFilter filter = { .raw = raw };

      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = cg_quality_lines (f->store, CG_DIM_WEEK, &filter, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (want));
      for (guint i = 0; i < rows->len; i++)
        {
          const CgLineStability *row = g_ptr_array_index (rows, i);

          g_assert_cmpstr (row->key, ==, want[i]);
          g_assert_cmpint (row->calls, ==, want_calls[i]);
          g_assert_cmpint (row->line_failures, ==, want_calls[i]);
          g_assert_cmpuint (row->weeks->len, ==, 1);
          g_assert_cmpstr (g_array_index (row->weeks, CgLineWeek, 0).week, ==, want[i]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/slices/every-metric", Fixture, NULL, fixture_set_up, test_every_metric, fixture_tear_down);
  g_test_add ("/slices/weeks", Fixture, NULL, fixture_set_up, test_weeks, fixture_tear_down);

  return g_test_run ();
}
