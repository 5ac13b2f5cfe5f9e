/* test-findings-ops.c — incident and call-quality findings on generated logs.
 *
 * Nine weeks of calls from Monday 2026-01-05 on three lines, 20 calls per
 * line and working hour (09–11 and 14–17 h, Monday to Saturday), four
 * agents taking turns on every line.  The findings period is weeks 7 and
 * 8.  In the degraded log every call of line L1 fails on Wednesday of
 * week 7 from 10 to 12 h, line L3 sounds poor (30 % of its calls with a
 * low MOS against 5 %) and line L2 records fewer calls (80 % against
 * 98 %).  Expected numbers are counted here from the calls as they were
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-call-quality.h"
#include "cg-call-writer.h"
#include "cg-findings.h"
#include "cg-store.h"
#include "cg-test-util.h"

#define WEEKS          9
#define CALLS_PER_HOUR 20
#define PERIOD_DAY     42   /* Monday of week 7 */
#define PERIOD_DAYS    14
#define OUTAGE_DAY     (PERIOD_DAY + 2)
#define OUTAGE_HOUR    10
#define OUTAGE_HOURS   2

static const char *const lines[] = { "L1", "L2", "L3" };
static const int work_hours[] = { 9, 10, 11, 14, 15, 16, 17 };

typedef struct {
  gint64 with_mos;
  gint64 low_mos;
  gint64 recordings_known;
  gint64 recordings;
} Counts;

typedef struct {
  char    *dir;
  CgStore *store;
  gint64   start;               /* Monday 2026-01-05 00:00 +08:00 */
  Counts   counts[3];           /* per line, in the period */
  gint64   outage_calls;
  gint64   outage_connected;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-01-05T00:00:00+08:00", NULL);

  f->dir = g_dir_make_tmp ("cg-findings-ops-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = cg_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cg_store_set_setting (f->store, "time_zone", "Asia/Shanghai", &error));
  f->start = g_date_time_to_unix (start);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cg_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Degraded: connects are fixed (3 of every 10 calls) so that the
 * connects an outage cost are known; stable: each call connects with
 * chance 0.3 and fails with chance 0.01, as on a real line. */
static void
generate (Fixture  *f,
          gboolean  degrade,
          guint32   seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "generated", "test", "utf-8", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint serial = 0;

  g_assert_no_error (error);
  for (int day = 0; day < WEEKS * 7; day++)
    {
      if (day % 7 == 6)
        continue;  /* Sunday */
      for (guint h = 0; h < G_N_ELEMENTS (work_hours); h++)
        for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
          for (int i = 0; i < CALLS_PER_HOUR; i++)
            {
              gboolean in_period = day >= PERIOD_DAY && day < PERIOD_DAY + PERIOD_DAYS;
              gboolean outage = degrade && l == 0 && day == OUTAGE_DAY &&
                                work_hours[h] >= OUTAGE_HOUR && work_hours[h] < OUTAGE_HOUR + OUTAGE_HOURS;
              double low_mos = degrade && l == 2 ? 0.30 : 0.05;
              double recorded = degrade && l == 1 ? 0.80 : 0.98;
              char agent[8], phone[16];
              CgCallAddResult added;
              CgCall c;

              cg_call_init (&c);
              g_snprintf (agent, sizeof agent, "a%d", (i + day) % 4);
              g_snprintf (phone, sizeof phone, "139%08u", serial++);
              c.start_ts = f->start + day * 86400 + work_hours[h] * 3600 + i * (3600 / CALLS_PER_HOUR);
              c.phone = phone;
              c.line = lines[l];
              c.list = "A";
              c.agent_id = agent;
              if (outage)
                c.outcome = CG_OUTCOME_LINE_FAILURE;
              else if (degrade)
                c.outcome = i % 10 < 3 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
              else if (g_rand_double (rand) < 0.01)
                c.outcome = CG_OUTCOME_LINE_FAILURE;
              else
                c.outcome = g_rand_double (rand) < 0.3 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
              if (c.outcome == CG_OUTCOME_CONNECTED)
                {
                  c.talk_s = 90;
                  c.mos = g_rand_double (rand) < low_mos ? 3.1 : 4.2;
                  c.has_recording = g_rand_double (rand) < recorded;
                }
              g_assert_true (cg_call_writer_add (w, &c, &added, &error));
              if (outage)
                {
                  f->outage_calls++;
                  f->outage_connected += c.outcome == CG_OUTCOME_CONNECTED;
                }
              if (in_period && c.outcome == CG_OUTCOME_CONNECTED)
                {
                  Counts *k = &f->counts[l];
                  k->with_mos++;
                  k->low_mos += c.mos < 3.5;
                  k->recordings_known++;
                  k->recordings += c.has_recording;
                }
            }
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, serial, 0, &error), >, 0);
  g_assert_no_error (error);
}

static CgFindings *
findings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CgFindings *r = cg_findings_compute (f->store, f->start + PERIOD_DAY * 86400,
                                       f->start + (PERIOD_DAY + PERIOD_DAYS) * 86400, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  for (guint i = 0; i < r->entries->len; i++)
    g_test_message ("%u. %s", i + 1, ((CgFindingEntry *) g_ptr_array_index (r->entries, i))->text);
  return r;
}

static const CgFindingEntry *
find_entry (CgFindings    *r,
            CgFindingKind  kind,
            const char    *subject,
            const char    *metric)
{
  for (guint i = 0; i < r->entries->len; i++)
    {
      const CgFindingEntry *e = g_ptr_array_index (r->entries, i);

      if (e->kind == kind && g_str_equal (e->subject, subject) && g_str_equal (e->metric, metric))
        return e;
    }
  return NULL;
}

static guint
count_kind (CgFindings    *r,
            CgFindingKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < r->entries->len; i++)
    n += ((CgFindingEntry *) g_ptr_array_index (r->entries, i))->kind == kind;
  return n;
}

static void
test_incident (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;
  const CgFindingEntry *e;
  /* At the line's 30 % connect rate the outage's calls would have
   * connected 3 in 10 times (the detector's reference adds half a call
   * of prior: 36.5 of 121 in the same hours of other weeks). */
  double lost;

  generate (f, TRUE, 3);
  lost = 0.3 * f->outage_calls - f->outage_connected;
  g_assert_cmpint (f->outage_calls, ==, OUTAGE_HOURS * CALLS_PER_HOUR);
  r = findings (f);
  g_assert_cmpuint (count_kind (r, CG_FINDING_KIND_INCIDENT), ==, 1);
  e = find_entry (r, CG_FINDING_KIND_INCIDENT, "line:L1", "incidents");
  g_assert_nonnull (e);
  g_assert_cmpint (e->dimension, ==, CG_DIM_LINE);
  g_assert_cmpstr (e->key, ==, "L1");
  g_assert_cmpfloat (e->value, ==, 1);
  g_assert_cmpfloat_with_epsilon (e->impact, -lost, 0.5);
  g_assert_cmpfloat (e->p_value, <, 1e-4);
  g_assert_true (g_str_has_prefix (e->text, "Line L1: 1 incident in this period (line failures; 2 hours in all) cost about 12 connected calls (one-sided binomial test, p < 0.001)"));
}

static void
check_quality (const CgFindingEntry *e,
               double                value,
               double                others,
               double                affected)
{
  g_autofree char *v1 = g_strdup_printf ("%.1f %%", 100.0 * value);
  g_autofree char *v0 = g_strdup_printf ("%.1f %%", 100.0 * others);

  g_assert_nonnull (e);
  g_assert_cmpfloat_with_epsilon (e->value, value, 1e-12);
  g_assert_cmpfloat_with_epsilon (e->previous_value, others, 1e-12);
  g_assert_cmpfloat_with_epsilon (e->impact, -affected, 1e-9);
  g_assert_cmpfloat (e->p_value, <, 0.05);
  g_assert_nonnull (strstr (e->text, v1));
  g_assert_nonnull (strstr (e->text, v0));
}

static void
test_quality (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;
  const Counts *k = f->counts;
  double low3, low_rest, rec2, rec_rest;

  generate (f, TRUE, 5);
  r = findings (f);
  low3 = (double) k[2].low_mos / k[2].with_mos;
  low_rest = (double) (k[0].low_mos + k[1].low_mos) / (k[0].with_mos + k[1].with_mos);
  rec2 = (double) k[1].recordings / k[1].recordings_known;
  rec_rest = (double) (k[0].recordings + k[2].recordings) / (k[0].recordings_known + k[2].recordings_known);
  /* Exactly the two problems injected: agents share every line alike. */
  g_assert_cmpuint (count_kind (r, CG_FINDING_KIND_QUALITY), ==, 2);
  check_quality (find_entry (r, CG_FINDING_KIND_QUALITY, "line:L3", "low_mos_share"),
                 low3, low_rest, (low3 - low_rest) * k[2].with_mos);
  check_quality (find_entry (r, CG_FINDING_KIND_QUALITY, "line:L2", "recording_coverage"),
                 rec2, rec_rest, (rec_rest - rec2) * k[1].recordings_known);
}

static void
test_stable (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;

  generate (f, FALSE, 7);
  r = findings (f);
  g_assert_cmpuint (count_kind (r, CG_FINDING_KIND_INCIDENT), ==, 0);
  g_assert_cmpuint (count_kind (r, CG_FINDING_KIND_QUALITY), ==, 0);
}

/* LANGUAGE picks the catalogue; setting the locale again makes gettext
 * drop what it cached for the previous language. */
static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, setlocale (LC_MESSAGES, NULL));
}

static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;
  const CgFindingEntry *incident, *mos;

  generate (f, TRUE, 5);
  set_language ("zh_CN");
  r = findings (f);
  set_language ("en");
  incident = find_entry (r, CG_FINDING_KIND_INCIDENT, "line:L1", "incidents");
  mos = find_entry (r, CG_FINDING_KIND_QUALITY, "line:L3", "low_mos_share");
  g_assert_nonnull (incident);
  g_assert_nonnull (mos);
  g_assert_true (g_str_has_prefix (incident->text, "线路 L1："));
  g_assert_nonnull (strstr (incident->text, "12"));
  g_assert_nonnull (strstr (incident->text, "二项检验"));
  g_assert_true (g_str_has_prefix (mos->text, "线路 L3："));
  g_assert_nonnull (strstr (mos->text, "两比例 z 检验"));
}

int
main (int   argc,
      char *argv[])
{
  /* Chinese needs a Chinese locale; LANGUAGE then picks the catalogue. */
  g_setenv ("LANGUAGE", "en", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CALLGAUGE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  setlocale (LC_NUMERIC, "C");

  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/findings/ops/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("incident", test_incident);
  ADD ("quality", test_quality);
  ADD ("stable", test_stable);
  ADD ("chinese", test_chinese);
  return g_test_run ();
}
