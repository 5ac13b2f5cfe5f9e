/* test-findings.c — the findings engine on generated call logs.
 *
 * Two periods of four weeks, three lines × three lists × four agents,
 * every call to a new number.  Each call connects with a known chance; in
 * the degraded log, list B and line T3 connect less in the second period.
 * The expected rates are counted here from the calls as they were made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-call-writer.h"
#include "cg-findings.h"
#include "cg-store.h"
#include "cg-test-util.h"

#define DAYS          28
#define CALLS_PER_DAY 150
#define BASE_RATE     0.30
#define LOW_RATE      0.20

static const char *const lines[] = { "T1", "T2", "T3" };
static const char *const lists[] = { "A", "B", "C" };
static const char *const agents[] = { "a1", "a2", "a3", "a4" };

typedef struct {
  char    *dir;
  CgStore *store;
  gint64   start;                 /* first day, 00:00 +08:00 */
  gint64   calls[2][3][3];        /* period, line, list */
  gint64   connected[2][3][3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-07-01T00:00:00+08:00", NULL);

  f->dir = g_dir_make_tmp ("cg-findings-XXXXXX", &error);
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

/* Calls between 10:00 and 18:00, each to a new number, so that no
 * compliance rule is broken and the contact rate is the connect rate. */
static void
generate (Fixture  *f,
          gboolean  degrade,
          guint32   seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "generated", "test", "utf-8", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = 0;

  g_assert_no_error (error);
  for (guint day = 0; day < 2 * DAYS; day++)
    for (guint i = 0; i < CALLS_PER_DAY; i++)
      {
        guint period = day >= DAYS;
        guint line = i % 3, list = (i / 3) % 3, agent = (i / 9) % 4;
        double rate = BASE_RATE;
        g_autofree char *phone = g_strdup_printf ("139%08u", n++);
        CgCallAddResult added;
        CgCall c;

        if (degrade && period == 1 && (list == 1 || line == 2))
          rate = LOW_RATE;
        cg_call_init (&c);
        c.start_ts = f->start + day * 86400 + 10 * 3600 + i * (8 * 3600 / CALLS_PER_DAY);
        c.phone = phone;
        c.line = lines[line];
        c.list = lists[list];
        c.agent_id = agents[agent];
        c.outcome = g_rand_double (rand) < rate ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
        c.talk_s = c.outcome == CG_OUTCOME_CONNECTED ? 90 : 0;
        g_assert_true (cg_call_writer_add (w, &c, &added, &error));
        f->calls[period][line][list]++;
        f->connected[period][line][list] += c.outcome == CG_OUTCOME_CONNECTED;
      }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, n, 0, &error), >, 0);
  g_assert_no_error (error);
}

static CgFindings *
findings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CgFindings *r = cg_findings_compute (f->store, f->start + DAYS * 86400, f->start + 2 * DAYS * 86400, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* Rate of a list (@line < 0) or a line (@list < 0) in @period, from the calls. */
static void
slice_counts (Fixture *f,
              guint    period,
              int      line,
              int      list,
              gint64  *x,
              gint64  *n)
{
  *x = *n = 0;
  for (int l = 0; l < 3; l++)
    for (int s = 0; s < 3; s++)
      if ((line < 0 || l == line) && (list < 0 || s == list))
        {
          *x += f->connected[period][l][s];
          *n += f->calls[period][l][s];
        }
}

/* The entry of @subject and @metric; *@rank its rank among the findings
 * about slices (totals, which sum the slices up, left out). */
static const CgFindingEntry *
find_entry (CgFindings *r,
            const char *subject,
            const char *metric,
            guint      *rank)
{
  *rank = 0;
  for (guint i = 0; i < r->entries->len; i++)
    {
      const CgFindingEntry *e = g_ptr_array_index (r->entries, i);

      if (!g_str_equal (e->subject, "total"))
        (*rank)++;
      if (g_str_equal (e->subject, subject) && g_str_equal (e->metric, metric))
        return e;
    }
  return NULL;
}

static void
check_slice (Fixture    *f,
             CgFindings *r,
             const char *subject,
             int         line,
             int         list)
{
  const CgFindingEntry *e;
  gint64 x1, n1, x0, n0;
  guint rank;

  slice_counts (f, 1, line, list, &x1, &n1);
  slice_counts (f, 0, line, list, &x0, &n0);
  e = find_entry (r, subject, "connect_rate", &rank);
  g_assert_nonnull (e);
  g_assert_cmpint (e->kind, ==, CG_FINDING_KIND_CHANGE);
  g_assert_cmpfloat_with_epsilon (e->value, (double) x1 / n1, 1e-12);
  g_assert_cmpfloat_with_epsilon (e->previous_value, (double) x0 / n0, 1e-12);
  /* Connected calls lost at this period's volume. */
  g_assert_cmpfloat_with_epsilon (e->impact, ((double) x1 / n1 - (double) x0 / n0) * n1, 1e-6);
  g_assert_cmpfloat (e->p_value, <, 0.05);
  /* The two degraded slices lead the slices (each with its contact rate,
   * which here is the same number). */
  g_assert_cmpuint (rank, <=, 4);
}

static void
test_degradation (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;
  const CgFindingEntry *first;

  generate (f, TRUE, 7);
  r = findings (f);
  for (guint i = 0; i < r->entries->len; i++)
    g_test_message ("%u. %s", i + 1, ((CgFindingEntry *) g_ptr_array_index (r->entries, i))->text);
  g_assert_cmpuint (r->entries->len, >=, 2);
  first = g_ptr_array_index (r->entries, 0);
  g_assert_cmpint (first->kind, ==, CG_FINDING_KIND_CHANGE);
  g_assert_true (g_str_equal (first->subject, "list:B") || g_str_equal (first->subject, "line:T3"));
  check_slice (f, r, "list:B", -1, 1);
  check_slice (f, r, "line:T3", 2, -1);
  g_assert_cmpint (r->previous_to_ts, ==, r->from_ts);
  g_assert_cmpint (r->from_ts - r->previous_from_ts, ==, r->to_ts - r->from_ts);
}

static void
test_stable (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CgFindings) r = NULL;

  generate (f, FALSE, 7);
  r = findings (f);
  for (guint i = 0; i < r->entries->len; i++)
    {
      const CgFindingEntry *e = g_ptr_array_index (r->entries, i);
      g_test_message ("%s", e->text);
      g_assert_cmpint (e->kind, !=, CG_FINDING_KIND_CHANGE);
    }
}

/* Too few calls to tell: nothing is said, however large the change. */
static void
test_small_slices (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgCallWriter) w = cg_call_writer_new (f->store, "calls", "small", "test", "utf-8", &error);
  g_autoptr(CgFindings) r = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *phone = g_strdup_printf ("137%08u", i);
      CgCallAddResult added;
      CgCall c;

      cg_call_init (&c);
      /* 50 calls a period; all connect before, none after. */
      c.start_ts = f->start + (i < 50 ? 0 : DAYS) * 86400 + 11 * 3600 + i * 60;
      c.phone = phone;
      c.line = "T1";
      c.list = "A";
      c.agent_id = "a1";
      c.outcome = i < 50 ? CG_OUTCOME_CONNECTED : CG_OUTCOME_NO_ANSWER;
      g_assert_true (cg_call_writer_add (w, &c, &added, &error));
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, 100, 0, &error), >, 0);
  r = findings (f);
  /* The hour whose ten calls all ring out after fifty connected in the
   * same hour four weeks before is an incident by the detector's own
   * binomial test (p < 10⁻⁴ on the hour's calls); nothing else is said. */
  for (guint i = 0; i < r->entries->len; i++)
    {
      const CgFindingEntry *e = g_ptr_array_index (r->entries, i);

      g_test_message ("%s", e->text);
      g_assert_cmpint (e->kind, ==, CG_FINDING_KIND_INCIDENT);
    }
}

/* The same finding in English and in Chinese, numbers in both. */
/* LANGUAGE picks the catalogue; setting the locale again makes gettext
 * drop what it cached for the previous language. */
static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, setlocale (LC_MESSAGES, NULL));
}

static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  guint rank;

  generate (f, TRUE, 7);
  set_language ("en");
  {
    g_autoptr(CgFindings) r = findings (f);
    const CgFindingEntry *e = find_entry (r, "list:B", "connect_rate", &rank);
    g_autofree char *v1 = g_strdup_printf ("%.1f %%", 100.0 * e->value);

    g_assert_true (g_str_has_prefix (e->text, "List B: connect rate fell from "));
    g_assert_nonnull (strstr (e->text, v1));
  }
  set_language ("zh_CN");
  {
    g_autoptr(CgFindings) r = findings (f);
    const CgFindingEntry *e = find_entry (r, "list:B", "connect_rate", &rank);
    g_autofree char *v1 = g_strdup_printf ("%.1f %%", 100.0 * e->value);

    g_test_message ("%s", e->text);
    g_assert_true (g_str_has_prefix (e->text, "名单 B："));
    g_assert_nonnull (strstr (e->text, "接通率"));
    g_assert_nonnull (strstr (e->text, v1));
  }
  set_language ("en");
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
  /* Numbers as the C locale writes them, whatever the language. */
  setlocale (LC_NUMERIC, "C");

  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/findings/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("degradation", test_degradation);
  ADD ("stable", test_stable);
  ADD ("small-slices", test_small_slices);
  ADD ("languages", test_languages);
  return g_test_run ();
}
