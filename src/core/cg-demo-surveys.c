/* cg-demo-surveys.c — demo survey responses and complaints for the demo calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-call.h"
#include "cg-demo-surveys.h"
#include "cg-store-private.h"
#include "cg-survey-import.h"

static const struct {
  const char        *title;
  CgSurveyDimension  dimension;
  double             max;
} questions[] = {
  { "您对销售人员的专业程度是否满意", CG_SURVEY_DIM_STAFF, 5 },
  { "您对我们产品和服务质量的评价", CG_SURVEY_DIM_PRODUCT, 5 },
  { "您觉得我们联系您的频率是否合适", CG_SURVEY_DIM_COMMUNICATION, 5 },
  { "您的问题是否得到了及时解决", CG_SURVEY_DIM_PROBLEM_SOLVING, 5 },
  { "总体而言，您对本次服务的满意度", CG_SURVEY_DIM_OVERALL, 5 },
  { "您向朋友推荐我们的可能性有多大（0-10分）", CG_SURVEY_DIM_NPS, 10 },
  { "其他意见或建议", CG_SURVEY_DIM_COMMENT, 0 },
};
#define N_QUESTIONS G_N_ELEMENTS (questions)

/* How customers rate each demo agent, on top of the common level. */
static const struct { const char *id; double quality; } agents[] = {
  { "A01", 0.50 }, { "A02", 0.30 }, { "A03", 0.00 }, { "A04", -0.20 }, { "A05", 0.40 }, { "A06", -0.50 },
  { "A07", 0.10 }, { "A08", -0.10 }, { "A09", 0.00 }, { "A10", -0.30 }, { "A11", 0.35 }, { "A12", -0.60 },
};

static const char *const comments[] = {
  "希望少打几次电话", "销售人员很耐心", "价格有点贵", "讲解很清楚，谢谢", "电话太频繁了，有点打扰",
};
static const char *const complaint_categories[] = { "频繁打扰", "服务态度", "承诺未兑现", "产品问题" };

typedef struct {
  CgStore *store;
  GRand   *rand;
  gint64   batch_id;
  gint64   question_ids[N_QUESTIONS];
} DemoSurveys;

static double
agent_quality (const char *agent)
{
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    if (g_strcmp0 (agent, agents[i].id) == 0)
      return agents[i].quality;
  return 0;
}

/* Standard normal, Box–Muller: GRand is the only source, so runs repeat. */
static double
gaussian (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand), v = g_rand_double (rand);
  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

static gboolean
step (CgStore      *store,
      sqlite3_stmt *stmt,
      GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "demo surveys");
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_questions (DemoSurveys *d,
               GError     **error)
{
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      sqlite3_stmt *stmt = cg_store_prepare (d->store,
                                             "INSERT INTO survey_questions (batch_id, position, title, dimension, scale_min, scale_max)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->batch_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, questions[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, cg_survey_dimension_to_string (questions[i].dimension), -1, SQLITE_STATIC);
      if (questions[i].max > 0)
        {
          sqlite3_bind_double (stmt, 5, questions[i].max == 10 ? 0 : 1);
          sqlite3_bind_double (stmt, 6, questions[i].max);
        }
      if (!step (d->store, stmt, error))
        return FALSE;
      d->question_ids[i] = sqlite3_last_insert_rowid (cg_store_get_db (d->store));
    }
  return TRUE;
}

typedef struct {
  gint64      id;
  gint64      start_ts;
  int         talk_s;
  gint64      phone_hash;
  char       *masked;
  char       *agent;
  char       *list;
} DemoCall;

static gboolean
add_answer (DemoSurveys *d,
            gint64       response_id,
            guint        question,
            double       value,
            const char  *text,
            GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (d->store,
                                         "INSERT INTO survey_answers (response_id, question_id, value, text) VALUES (?1, ?2, ?3, ?4)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, response_id);
  sqlite3_bind_int64 (stmt, 2, d->question_ids[question]);
  if (text == NULL)
    sqlite3_bind_double (stmt, 3, value);
  else
    sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  return step (d->store, stmt, error);
}

static gboolean
add_response (DemoSurveys    *d,
              const DemoCall *call,
              guint           attempts,
              GError        **error)
{
  GRand *rand = d->rand;
  gboolean callback = g_rand_double (rand) < 0.4;
  /* A quarter of callbacks reach nobody: surveyed, no response. */
  gboolean answered = !callback || g_rand_double (rand) >= 0.25;
  gint64 submitted = call->start_ts + (callback ? 86400 + g_rand_int_range (rand, 0, 2 * 86400)
                                                : 3600 + g_rand_int_range (rand, 0, 47 * 3600));
  double over = attempts > 3 ? 0.6 : 0;
  double level = 4.0 + agent_quality (call->agent) - over + (call->talk_s > 180 ? 0.25 : 0) + 0.6 * gaussian (rand);
  g_autofree char *respondent = g_strdup_printf ("demo-%" G_GINT64_FORMAT, call->id);
  const char *titles[N_QUESTIONS + 1] = { NULL };
  sqlite3_stmt *stmt;
  gint64 response_id;

  for (guint i = 0; i < N_QUESTIONS; i++)
    titles[i] = questions[i].title;
  stmt = cg_store_prepare (d->store,
                           "INSERT INTO survey_responses (batch_id, natural_key, submitted_ts, channel, agent_id,"
                           "  phone_hash, phone_masked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->batch_id);
  sqlite3_bind_int64 (stmt, 2, cg_survey_response_key (titles, respondent, 0, NULL, NULL, 0));
  sqlite3_bind_int64 (stmt, 3, submitted);
  sqlite3_bind_text (stmt, 4, callback ? CG_SURVEY_CHANNEL_CALLBACK : CG_SURVEY_CHANNEL_QUESTIONNAIRE, -1, SQLITE_STATIC);
  /* Callback sheets name the agent; online questionnaires do not. */
  if (callback)
    sqlite3_bind_text (stmt, 5, call->agent, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, call->phone_hash);
  sqlite3_bind_text (stmt, 7, call->masked, -1, SQLITE_STATIC);
  if (!step (d->store, stmt, error))
    return FALSE;
  response_id = sqlite3_last_insert_rowid (cg_store_get_db (d->store));
  if (!answered)
    return TRUE;
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      double v;

      if (questions[i].dimension == CG_SURVEY_DIM_COMMENT)
        {
          if (g_rand_double (rand) < 0.15 &&
              !add_answer (d, response_id, i, 0, comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (comments))], error))
            return FALSE;
          continue;
        }
      /* Some skip a question. */
      if (g_rand_double (rand) < 0.04)
        continue;
      if (questions[i].dimension == CG_SURVEY_DIM_NPS)
        v = CLAMP (round ((level - 1) * 2.6 + 1.2 * gaussian (rand)), 0, 10);
      else
        v = CLAMP (round (level - (questions[i].dimension == CG_SURVEY_DIM_COMMUNICATION ? over : 0) +
                          0.55 * gaussian (rand)), 1, 5);
      if (!add_answer (d, response_id, i, v, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_complaint (DemoSurveys    *d,
               const DemoCall *call,
               GError        **error)
{
  const char *category = complaint_categories[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (complaint_categories))];
  sqlite3_stmt *stmt = cg_store_prepare (d->store,
                                         "INSERT INTO complaints (batch_id, natural_key, ts, phone_hash, phone_masked,"
                                         "  agent_id, list, category, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->batch_id);
  /* Complaints of the demo are one per call: the call's id keys them. */
  sqlite3_bind_int64 (stmt, 2, G_GINT64_CONSTANT (0x3c00000000000000) + call->id);
  sqlite3_bind_int64 (stmt, 3, call->start_ts + 7200 + g_rand_int_range (d->rand, 0, 86400));
  sqlite3_bind_int64 (stmt, 4, call->phone_hash);
  sqlite3_bind_text (stmt, 5, call->masked, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, call->agent, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, call->list, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, category, -1, SQLITE_STATIC);
  return step (d->store, stmt, error);
}

/* Attempts per number in the batch: over-contact lowers satisfaction. */
static GHashTable *
count_attempts (DemoSurveys *d,
                GError     **error)
{
  g_autoptr(GHashTable) attempts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = cg_store_prepare (d->store,
                                         "SELECT phone_hash FROM calls WHERE batch_id = ?1 AND phone_hash IS NOT NULL",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, d->batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hash = sqlite3_column_int64 (stmt, 0);
      gpointer n = g_hash_table_lookup (attempts, &hash);
      if (n == NULL)
        g_hash_table_insert (attempts, g_memdup2 (&hash, sizeof hash), GUINT_TO_POINTER (1));
      else
        g_hash_table_insert (attempts, g_memdup2 (&hash, sizeof hash), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (d->store, error, "demo surveys");
      return NULL;
    }
  return g_steal_pointer (&attempts);
}

static gboolean
generate (DemoSurveys *d,
          GError     **error)
{
  g_autoptr(GHashTable) attempts = NULL;
  g_autoptr(GHashTable) surveyed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if ((attempts = count_attempts (d, error)) == NULL || !add_questions (d, error))
    return FALSE;
  /* Not cached: the loop below runs other statements meanwhile. */
  if (sqlite3_prepare_v2 (cg_store_get_db (d->store),
                          "SELECT id, start_ts, talk_s, phone_hash, phone_masked, agent_id, list FROM calls"
                          " WHERE batch_id = ?1 AND outcome = ?2 AND talk_s >= 20 AND phone_hash IS NOT NULL ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (d->store, error, "demo surveys");
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, d->batch_id);
  sqlite3_bind_int (stmt, 2, CG_OUTCOME_CONNECTED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DemoCall call = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
        sqlite3_column_int64 (stmt, 3), (char *) sqlite3_column_text (stmt, 4),
        (char *) sqlite3_column_text (stmt, 5), (char *) sqlite3_column_text (stmt, 6),
      };
      double u = g_rand_double (d->rand);
      gboolean ok = TRUE;

      /* Worse agents draw more complaints. */
      if (u < 0.0015 * (1 - 1.5 * agent_quality (call.agent)))
        ok = add_complaint (d, &call, error);
      else if (u > 0.97 && !g_hash_table_contains (surveyed, &call.phone_hash))
        {
          g_hash_table_add (surveyed, g_memdup2 (&call.phone_hash, sizeof call.phone_hash));
          ok = add_response (d, &call, GPOINTER_TO_UINT (g_hash_table_lookup (attempts, &call.phone_hash)), error);
        }
      if (!ok)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (d->store, error, "demo surveys");
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_demo_surveys_generate (CgStore  *store,
                          gint64    batch_id,
                          guint32   seed,
                          GError  **error)
{
  DemoSurveys d = { store, g_rand_new_with_seed (seed ^ 0x5a7u), batch_id, { 0 } };
  gboolean ok;

  ok = cg_store_begin (store, error) && generate (&d, error) && cg_store_commit (store, error);
  if (!ok)
    cg_store_rollback (store);
  g_rand_free (d.rand);
  return ok;
}
