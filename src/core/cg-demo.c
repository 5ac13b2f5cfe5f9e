/* cg-demo.c — a deterministic, realistic demo dataset.
 *
 * The model behind the numbers, so the pages have something true to show:
 *  - Agents work Monday to Saturday, 09:00–12:00 and 13:30–18:30, a few into
 *    the evening; each dials manually with a wrap-up between calls.
 *  - The chance that a call connects = line × list × hour-of-day factors:
 *    mornings at 10–11 and afternoons at 15–16 are best, lunch is poor.
 *  - Line L03 is the cheap, unstable trunk: more line failures, and a few
 *    outage hours in which most of its calls fail.
 *  - Lists differ in quality: 网络留资 (web leads) has many invalid numbers,
 *    老客户 (existing customers) connects and converts best.
 *  - Numbers are retried up to three times; some numbers are on two lists.
 *  - Connected calls carry MOS, packet loss, jitter and a recording; the
 *    cheap line L03 sounds worse (MOS around 3.6 against 4.1) and misses
 *    more recordings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cg-actuals.h"
#include "cg-call-writer.h"
#include "cg-scenario-store.h"
#include "cg-demo-feedback.h"
#include "cg-demo.h"
#include "cg-demo-surveys.h"

typedef struct {
  const char *id;
  double      factor;       /* connect-rate multiplier */
  double      failure_rate; /* share of calls lost to line failure */
  const char *rate;         /* CNY per minute: the cheap line is the unstable one */
} DemoLine;

typedef struct {
  const char *name;
  double      factor;
  double      invalid_share;
  double      conversion;   /* multiplier on sale chance */
  const char *segment;
  guint       pool;         /* numbers on the list */
} DemoList;

static const DemoLine lines[] = {
  { "L01", 1.10, 0.005, "0.10" },
  { "L02", 1.00, 0.010, "0.08" },
  { "L03", 0.85, 0.040, "0.05" },
};

static const DemoList lists[] = {
  { "老客户回访", 1.30, 0.02, 1.60, "老客户", 3000 },
  { "展会名单",   1.05, 0.06, 1.10, "企业",   5000 },
  { "购买名单A",  0.90, 0.12, 0.80, "个人",   9000 },
  { "网络留资",   0.95, 0.20, 1.00, "个人",   7000 },
};

static const struct { const char *id; const char *name; double skill; } agents[] = {
  { "A01", "张伟", 1.25 }, { "A02", "王芳", 1.10 }, { "A03", "李娜", 1.00 },
  { "A04", "刘洋", 0.90 }, { "A05", "陈静", 1.15 }, { "A06", "杨磊", 0.80 },
  { "A07", "赵敏", 1.05 }, { "A08", "黄强", 0.95 }, { "A09", "周婷", 1.00 },
  { "A10", "吴超", 0.85 }, { "A11", "徐丽", 1.20 }, { "A12", "孙涛", 0.75 },
};

/* Base connect rate by hour of day (business time). */
static double
hour_rate (int hour)
{
  static const double rate[24] = {
    [9] = 0.30, [10] = 0.37, [11] = 0.38, [12] = 0.20, [13] = 0.24,
    [14] = 0.34, [15] = 0.38, [16] = 0.40, [17] = 0.34, [18] = 0.29,
    [19] = 0.31, [20] = 0.25,
  };
  return rate[hour];
}

typedef struct {
  GRand        *rand;
  GRand        *quality_rand;  /* its own sequence: the calls stay as they were */
  CgCallWriter *writer;
  GTimeZone    *tz;
  char       ***pools;     /* per list: its numbers */
  guint8      **attempts;  /* per list: attempts so far per number */
  GHashTable   *outages;   /* "L03 yyyy-mm-dd hh" → present */
  guint         serial;
} Demo;

static char *
make_number (GRand   *rand,
             gboolean invalid)
{
  static const char *const prefixes[] = {
    "138", "139", "136", "135", "150", "151", "158", "186", "187", "189", "177", "199",
  };
  const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];

  if (invalid)
    {
      /* Typing errors: a digit short, or an impossible prefix. */
      if (g_rand_boolean (rand))
        return g_strdup_printf ("%s%07d", prefix, g_rand_int_range (rand, 0, 10000000));
      return g_strdup_printf ("12%09d", g_rand_int_range (rand, 0, 1000000000));
    }
  return g_strdup_printf ("%s%08d", prefix, g_rand_int_range (rand, 0, 100000000));
}

static void
demo_make_lists (Demo *demo)
{
  guint n = G_N_ELEMENTS (lists);

  demo->pools = g_new0 (char **, n);
  demo->attempts = g_new0 (guint8 *, n);
  for (guint l = 0; l < n; l++)
    {
      char **pool = g_new0 (char *, lists[l].pool + 1);
      for (guint i = 0; i < lists[l].pool; i++)
        {
          /* About 3 % of numbers on a list also stand on the list before it. */
          if (l > 0 && g_rand_double (demo->rand) < 0.03)
            pool[i] = g_strdup (demo->pools[l - 1][g_rand_int_range (demo->rand, 0, lists[l - 1].pool)]);
          else
            pool[i] = make_number (demo->rand, g_rand_double (demo->rand) < lists[l].invalid_share);
        }
      demo->pools[l] = pool;
      demo->attempts[l] = g_new0 (guint8, lists[l].pool);
    }
}

static void
demo_free_lists (Demo *demo)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_strfreev (demo->pools[l]);
      g_free (demo->attempts[l]);
    }
  g_free (demo->pools);
  g_free (demo->attempts);
}

static gboolean
number_is_invalid (const char *number)
{
  return strlen (number) != 11 || number[1] == '2';
}

/* A few outage hours on the unstable line, and one on L02. */
static void
demo_plan_outages (Demo  *demo,
                   GDate *first,
                   guint  n_days)
{
  demo->outages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < 4; i++)
    {
      GDate d = *first;
      int hour = g_rand_int_range (demo->rand, 10, 17);
      const char *line = i == 3 ? "L02" : "L03";

      g_date_add_days (&d, g_rand_int_range (demo->rand, 0, n_days));
      for (int h = hour; h < hour + 2; h++)
        g_hash_table_add (demo->outages,
                          g_strdup_printf ("%s %04d-%02d-%02d %02d", line, g_date_get_year (&d),
                                           g_date_get_month (&d), g_date_get_day (&d), h));
    }
}

static gboolean
in_outage (Demo       *demo,
           const char *line,
           GDateTime  *t)
{
  char key[32];

  g_snprintf (key, sizeof key, "%s %04d-%02d-%02d %02d", line,
              g_date_time_get_year (t), g_date_time_get_month (t),
              g_date_time_get_day_of_month (t), g_date_time_get_hour (t));
  return g_hash_table_contains (demo->outages, key);
}

static CgOutcome
pick_failure (GRand *rand)
{
  double u = g_rand_double (rand);

  if (u < 0.58) return CG_OUTCOME_NO_ANSWER;
  if (u < 0.72) return CG_OUTCOME_BUSY;
  if (u < 0.84) return CG_OUTCOME_REJECTED;
  if (u < 0.94) return CG_OUTCOME_UNREACHABLE;
  return CG_OUTCOME_VOICEMAIL;
}

static const char *
raw_outcome (CgOutcome outcome)
{
  switch (outcome)
    {
    case CG_OUTCOME_CONNECTED:      return "已接通";
    case CG_OUTCOME_NO_ANSWER:      return "无人接听";
    case CG_OUTCOME_BUSY:           return "用户忙";
    case CG_OUTCOME_REJECTED:       return "拒接";
    case CG_OUTCOME_INVALID_NUMBER: return "空号";
    case CG_OUTCOME_UNREACHABLE:    return "关机";
    case CG_OUTCOME_LINE_FAILURE:   return "线路故障";
    case CG_OUTCOME_VOICEMAIL:      return "语音信箱";
    case CG_OUTCOME_OTHER:
    case CG_N_OUTCOMES:
    default:                        return "其他";
    }
}

/* Voice quality of a connected call; worse on the cheap line L03. */
static void
demo_quality (Demo       *demo,
              const char *line,
              CgCall     *call)
{
  GRand *rand = demo->quality_rand;
  gboolean cheap = g_str_equal (line, "L03");
  double noise = g_rand_double (rand) + g_rand_double (rand) + g_rand_double (rand) - 1.5;

  call->mos = round (CLAMP ((cheap ? 3.6 : 4.1) + 0.5 * noise, 1.0, 4.5) * 100) / 100;
  call->packet_loss_pct = round ((cheap ? 2.5 : 0.4) * -log (1.0 - g_rand_double (rand)) * 100) / 100;
  call->jitter_ms = round ((cheap ? 35.0 : 12.0) * (0.5 + g_rand_double (rand)));
  call->has_recording = g_rand_double (rand) < (cheap ? 0.88 : 0.98);
}

/* Simulates one attempt at time @t; returns the seconds the agent spent. */
static int
demo_call (Demo       *demo,
           guint       agent,
           GDateTime  *t,
           GError    **error)
{
  GRand *rand = demo->rand;
  guint l = g_rand_int_range (rand, 0, G_N_ELEMENTS (lists));
  const DemoList *list = &lists[l];
  const DemoLine *line = &lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (lines))];
  guint slot = g_rand_int_range (rand, 0, list->pool);
  const char *number = demo->pools[l][slot];
  g_autofree char *uid = NULL;
  CgCall call;
  CgCallAddResult result;
  int ring;
  double p;

  /* Numbers that connected or had three tries are left alone; move on. */
  for (guint tries = 0; demo->attempts[l][slot] >= 3 && tries < 8; tries++)
    {
      slot = g_rand_int_range (rand, 0, list->pool);
      number = demo->pools[l][slot];
    }
  demo->attempts[l][slot]++;

  cg_call_init (&call);
  uid = g_strdup_printf ("demo-%08u", ++demo->serial);
  call.call_uid = uid;
  call.start_ts = g_date_time_to_unix (t);
  call.agent_id = agents[agent].id;
  call.agent_name = agents[agent].name;
  call.line = line->id;
  call.phone = number;
  call.list = list->name;
  call.segment = list->segment;
  call.campaign = g_date_time_get_month (t) % 2 ? "秋季促销" : "续费提醒";

  ring = 8 + g_rand_int_range (rand, 0, 28);
  p = hour_rate (g_date_time_get_hour (t)) * line->factor * list->factor
      * (demo->attempts[l][slot] > 1 ? 0.8 : 1.0);

  if (number_is_invalid (number))
    call.outcome = CG_OUTCOME_INVALID_NUMBER, ring = 3;
  else if (in_outage (demo, line->id, t) && g_rand_double (rand) < 0.85)
    call.outcome = CG_OUTCOME_LINE_FAILURE, ring = 1;
  else if (g_rand_double (rand) < line->failure_rate)
    call.outcome = CG_OUTCOME_LINE_FAILURE, ring = 2;
  else if (g_rand_double (rand) < p)
    call.outcome = CG_OUTCOME_CONNECTED;
  else
    call.outcome = pick_failure (rand);

  call.ring_s = ring;
  if (call.outcome == CG_OUTCOME_CONNECTED)
    {
      double u = g_rand_double (rand);
      double sale = 0.035 * agents[agent].skill * list->conversion;

      /* Talk time is log-normal around a minute and a half; some hang up at once. */
      call.talk_s = g_rand_double (rand) < 0.06 ? g_rand_int_range (rand, 1, 5)
                    : (int) CLAMP (exp (4.4 + 0.8 * (g_rand_double (rand) + g_rand_double (rand) - 1.0) * 1.7), 5, 1800);
      call.answer_ts = call.start_ts + ring;
      if (u < sale)
        {
          call.disposition = CG_DISPOSITION_SALE;
          call.sale_amount = 500 + 50 * g_rand_int_range (rand, 0, 41);
          call.talk_s += 120;
        }
      else if (u < sale + 0.12)
        call.disposition = CG_DISPOSITION_INTERESTED;
      else if (u < sale + 0.22)
        call.disposition = CG_DISPOSITION_CALLBACK;
      else if (u < sale + 0.23)
        call.disposition = CG_DISPOSITION_DNC_REQUEST;
      else
        call.disposition = CG_DISPOSITION_NOT_INTERESTED;
      demo->attempts[l][slot] = 3;
    }
  if (call.outcome == CG_OUTCOME_CONNECTED)
    demo_quality (demo, line->id, &call);
  call.outcome_raw = raw_outcome (call.outcome);
  call.duration_s = ring + call.talk_s;
  call.end_ts = call.start_ts + call.duration_s;

  if (!cg_call_writer_add (demo->writer, &call, &result, error))
    return -1;
  return call.duration_s;
}

/* One agent's working day: calls with wrap-up time until the evening. */
static gboolean
demo_day (Demo       *demo,
          GDate      *date,
          guint       agent,
          gint64     *rows,
          GError    **error)
{
  GRand *rand = demo->rand;
  int end_hour = g_rand_double (rand) < 0.25 ? 20 : 18;
  g_autoptr(GDateTime) day = g_date_time_new (demo->tz, g_date_get_year (date),
                                              g_date_get_month (date), g_date_get_day (date),
                                              9, 0, 0);
  int second = g_rand_int_range (rand, 0, 900);

  while (second < (end_hour - 9) * 3600 + 1800)
    {
      g_autoptr(GDateTime) t = g_date_time_add_seconds (day, second);
      int hour = g_date_time_get_hour (t);
      int minute = g_date_time_get_minute (t);
      int spent;

      /* Lunch: 12:00–13:30, with a few calls in the first half hour. */
      if ((hour == 12 && (minute >= 30 || g_rand_double (rand) < 0.7)) || (hour == 13 && minute < 30))
        {
          second += 600;
          continue;
        }
      spent = demo_call (demo, agent, t, error);
      if (spent < 0)
        return FALSE;
      (*rows)++;
      second += spent + 240 + g_rand_int_range (rand, 0, 360);
    }
  return TRUE;
}

/* The demo's cost-benefit scenario: the last 90 days of its calls as
 * actuals, and the investments a 12-seat team typically makes. */
static gboolean
demo_scenario (CgStore    *store,
               GTimeZone  *tz,
               GDate      *end,
               GError    **error)
{
  g_autoptr(GDateTime) last = g_date_time_new (tz, g_date_get_year (end), g_date_get_month (end),
                                               g_date_get_day (end), 0, 0, 0);
  gint64 to_ts = g_date_time_to_unix (last) + 86400;
  g_autoptr(CgActuals) actuals = NULL;
  g_autoptr(CgScenario) scenario = NULL;
  g_autoptr(GError) local_error = NULL;
  static const struct { const char *category; double amount; } assumed[] = {
    { "hardware", 180000 }, { "software", 96000 }, { "training", 24000 }, { "maintenance", 3000 },
  };

  /* Per-minute prices of the demo lines, unless the user set their own. */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *key = g_strconcat ("line_rate/", lines[i].id, NULL);
      g_autofree char *current = cg_store_get_setting (store, key, NULL);
      if (current == NULL && !cg_store_set_setting (store, key, lines[i].rate, error))
        return FALSE;
    }
  actuals = cg_actuals_compute (store, to_ts - 90 * 86400, to_ts, error);

  if (actuals == NULL)
    return FALSE;
  scenario = cg_actuals_make_scenario (actuals, _("Demo: outbound dialing system"));
  scenario->start_year = g_date_get_year (end);
  scenario->start_month = g_date_get_month (end);
  for (guint i = 0; i < scenario->items->len; i++)
    {
      CgScenarioItem *item = g_ptr_array_index (scenario->items, i);
      for (guint j = 0; j < G_N_ELEMENTS (assumed); j++)
        if (g_str_equal (item->category, assumed[j].category))
          item->amount = assumed[j].amount;
    }
  /* Loading the demo twice keeps the scenario the user may have edited. */
  if (!cg_store_save_scenario (store, scenario, FALSE, &local_error) &&
      !g_error_matches (local_error, CG_SCENARIO_ERROR, CG_SCENARIO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gint64
cg_demo_generate (CgStore             *store,
                  const CgDemoOptions *options,
                  CgProgressFunc       progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(CgCallWriter) writer = NULL;
  g_autofree char *tz_id = cg_store_get_setting (store, "time_zone", "Asia/Shanghai");
  g_autofree char *file_name = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate end, first;
  guint months = options->months > 0 ? options->months : 6;
  guint n_days;
  gint64 rows = 0;
  gint64 batch = 0;
  Demo demo = { 0 };

  if (options->end_date != NULL)
    end = *options->end_date;
  else
    {
      g_date_clear (&end, 1);
      g_date_set_time_t (&end, time (NULL));
    }
  first = end;
  g_date_subtract_months (&first, months);
  g_date_add_days (&first, 1);
  /* Ending today, the demo starts on the first of a month so that it holds
   * @months complete months (a forecast needs six); with a given end date
   * it keeps the exact span. */
  if (options->end_date == NULL)
    g_date_set_day (&first, 1);
  n_days = g_date_days_between (&first, &end) + 1;

  file_name = g_strdup_printf (_("Demo data (seed %u)"), options->seed);
  writer = cg_call_writer_new (store, "demo", file_name, "demo", "utf-8", error);
  if (writer == NULL)
    return 0;

  demo.rand = g_rand_new_with_seed (options->seed);
  demo.quality_rand = g_rand_new_with_seed (options->seed ^ 0x51u);
  demo.writer = writer;
  demo.tz = g_time_zone_new_identifier (tz_id);
  if (demo.tz == NULL)
    demo.tz = g_time_zone_new_offset (8 * 3600);
  demo_make_lists (&demo);
  demo_plan_outages (&demo, &first, n_days);

  for (guint i = 0; i < n_days; i++)
    {
      GDate date = first;

      g_date_add_days (&date, i);
      if (g_date_get_weekday (&date) == G_DATE_SUNDAY)
        continue;
      for (guint a = 0; a < G_N_ELEMENTS (agents); a++)
        {
          /* Agents take a day off now and then. */
          if (g_rand_double (demo.rand) < 0.05)
            continue;
          if (!demo_day (&demo, &date, a, &rows, &local_error))
            goto out;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto out;
      if (progress != NULL)
        progress ((double) (i + 1) / n_days, rows, progress_data);
    }

out:
  demo_free_lists (&demo);
  g_hash_table_unref (demo.outages);
  g_rand_free (demo.rand);
  g_rand_free (demo.quality_rand);
  if (local_error == NULL)
    batch = cg_call_writer_commit (writer, NULL, NULL, rows, 0, &local_error);
  if (local_error == NULL)
    demo_scenario (store, demo.tz, &end, &local_error);
  if (local_error == NULL)
    cg_demo_surveys_generate (store, batch, options->seed, &local_error);
  if (local_error == NULL)
    cg_demo_feedback_generate (store, batch, options->seed, &local_error);
  g_time_zone_unref (demo.tz);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return batch;
}
