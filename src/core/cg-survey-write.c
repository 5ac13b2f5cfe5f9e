/* cg-survey-write.c — stores a planned survey import; saved mappings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <xxhash.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cg-batch.h"
#include "cg-import-common.h"
#include "cg-parse.h"
#include "cg-phone.h"
#include "cg-store-private.h"
#include "cg-survey-import-private.h"

void
cg_survey_import_result_free (CgSurveyImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_free (result->encoding);
  g_free (result->sha256);
  g_free (result);
}

gint64
cg_survey_response_key (const char *const *titles,
                        const char        *respondent,
                        gint64             submitted_ts,
                        const char        *digits,
                        const char *const *answers,
                        guint              n_answers)
{
  XXH3_state_t *state = XXH3_createState ();
  char ts[32];
  guint64 hash;

  XXH3_64bits_reset (state);
  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    XXH3_64bits_update (state, titles[i], strlen (titles[i]) + 1);
  XXH3_64bits_update (state, "\1", 1);
  if (respondent != NULL && respondent[0] != '\0')
    XXH3_64bits_update (state, respondent, strlen (respondent) + 1);
  else
    {
      g_snprintf (ts, sizeof ts, "%" G_GINT64_FORMAT, submitted_ts);
      XXH3_64bits_update (state, ts, strlen (ts) + 1);
      XXH3_64bits_update (state, digits ? digits : "", strlen (digits ? digits : "") + 1);
      for (guint i = 0; i < n_answers; i++)
        XXH3_64bits_update (state, answers[i] ? answers[i] : "", strlen (answers[i] ? answers[i] : "") + 1);
    }
  hash = XXH3_64bits_digest (state);
  XXH3_freeState (state);
  /* Positive, as SQLite's INTEGER takes it. */
  return (gint64) (hash >> 1);
}

/* Channel words as managers write them. */
static char *
normalize_channel (const char *text,
                   const char *fallback)
{
  g_autofree char *folded = g_utf8_strdown (text, -1);

  g_strstrip (folded);
  if (folded[0] == '\0')
    return g_strdup (fallback);
  if (strstr (folded, "回访") || strstr (folded, "电话") || strstr (folded, "callback") ||
      strstr (folded, "phone") || strstr (folded, "call"))
    return g_strdup (CG_SURVEY_CHANNEL_CALLBACK);
  if (strstr (folded, "问卷") || strstr (folded, "网") || strstr (folded, "微信") || strstr (folded, "短信") ||
      strstr (folded, "online") || strstr (folded, "web") || strstr (folded, "email") ||
      strstr (folded, "questionnaire") || strstr (folded, "link") || strstr (folded, "链接"))
    return g_strdup (CG_SURVEY_CHANNEL_QUESTIONNAIRE);
  return g_strstrip (g_strdup (text));
}

static gboolean
row_time (CgSurveyPlan    *plan,
          const SurveyRow *row,
          gint64          *ts)
{
  int c = plan->roles[ROLE_SUBMITTED];

  if (c < 0 || (guint) c >= row->n)
    return FALSE;
  if (row->types[c] == CG_CELL_DATE ||
      (row->types[c] == CG_CELL_NUMBER && row->numbers[c] > 20000 && row->numbers[c] < 200000))
    return cg_parse_excel_serial (row->numbers[c], plan->tz, ts);
  return cg_parse_datetime (g_strstrip (row->texts[c]), plan->tz, ts);
}

typedef struct {
  CgStore        *store;
  CgSurveyPlan   *plan;
  CgPhoneHasher  *hasher;
  gboolean        keep_full;
  gint64          batch_id;
  gint64         *question_ids;
  const char    **titles;
  CgSurveyImportResult *result;
} Run;

static gboolean
insert_questions (Run     *run,
                  GError **error)
{
  CgSurveyPlan *plan = run->plan;

  run->question_ids = g_new0 (gint64, plan->questions->len);
  run->titles = g_new0 (const char *, plan->questions->len + 1);
  for (guint i = 0; i < plan->questions->len; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      sqlite3_stmt *stmt = cg_store_prepare (run->store,
                                             "INSERT INTO survey_questions (batch_id, position, title, dimension, scale_min, scale_max)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, run->batch_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, q->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, cg_survey_dimension_to_string (q->dimension), -1, SQLITE_STATIC);
      if (q->dimension != CG_SURVEY_DIM_COMMENT)
        {
          sqlite3_bind_double (stmt, 5, q->scale_min);
          sqlite3_bind_double (stmt, 6, q->scale_max);
        }
      if (!cg_import_step_done (run->store, stmt, "add survey question", error))
        return FALSE;
      run->question_ids[i] = sqlite3_last_insert_rowid (cg_store_get_db (run->store));
      run->titles[i] = q->title;
    }
  return TRUE;
}

static gboolean
insert_answer (Run         *run,
               gint64       response_id,
               gint64       question_id,
               double       value,
               const char  *text,
               GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (run->store,
                                         "INSERT INTO survey_answers (response_id, question_id, value, text)"
                                         " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, response_id);
  sqlite3_bind_int64 (stmt, 2, question_id);
  if (!isnan (value))
    sqlite3_bind_double (stmt, 3, value);
  cg_import_bind_text_or_null (stmt, 4, text);
  run->result->answers++;
  return cg_import_step_done (run->store, stmt, "add survey answer", error);
}

/* One response and its answers; a duplicate or an empty row adds nothing. */
static gboolean
import_row (Run              *run,
            const SurveyRow  *row,
            GError          **error)
{
  CgSurveyPlan *plan = run->plan;
  guint n_q = plan->questions->len;
  g_autofree double *values = g_new (double, n_q);
  g_autofree const char **texts = g_new0 (const char *, n_q);
  g_autofree const char **raw = g_new0 (const char *, n_q);
  g_autofree char *channel = NULL;
  g_autofree char *agent = NULL;
  char digits[CG_PHONE_MAX_DIGITS + 1] = "";
  gint64 ts = 0;
  gboolean has_ts, any = FALSE;
  sqlite3_stmt *stmt;
  gint64 response_id;

  run->result->rows_read++;
  for (guint i = 0; i < n_q; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      const char *text = cg_survey_row_text (row, q->column);
      CgSurveyAnswerKind kind = cg_survey_parse_answer (text, &values[i]);

      raw[i] = text;
      if (kind == CG_SURVEY_ANSWER_VALUE && q->dimension == CG_SURVEY_DIM_COMMENT)
        kind = CG_SURVEY_ANSWER_TEXT;
      /* Out of the question's scale ("99 = don't know"): not an answer. */
      if (kind == CG_SURVEY_ANSWER_VALUE && (values[i] < q->scale_min || values[i] > q->scale_max))
        kind = CG_SURVEY_ANSWER_MISSING;
      if (kind != CG_SURVEY_ANSWER_VALUE)
        values[i] = NAN;
      if (kind == CG_SURVEY_ANSWER_TEXT)
        texts[i] = text;
      any |= kind != CG_SURVEY_ANSWER_MISSING;
    }
  if (cg_phone_normalize (cg_survey_row_text (row, plan->roles[ROLE_PHONE]), digits) == CG_PHONE_DAMAGED)
    digits[0] = '\0';
  if (!any && digits[0] == '\0')
    {
      run->result->rows_skipped++;
      return TRUE;
    }
  has_ts = row_time (plan, row, &ts);
  channel = normalize_channel (cg_survey_row_text (row, plan->roles[ROLE_CHANNEL]), plan->default_channel);
  agent = g_strstrip (g_strdup (cg_survey_row_text (row, plan->roles[ROLE_AGENT])));

  stmt = cg_store_prepare (run->store,
                           "INSERT INTO survey_responses (batch_id, natural_key, submitted_ts, channel, agent_id,"
                           "  phone_hash, phone_masked, phone_full) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                           " ON CONFLICT (natural_key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->batch_id);
  sqlite3_bind_int64 (stmt, 2, cg_survey_response_key (run->titles, cg_survey_row_text (row, plan->roles[ROLE_RESPONDENT]),
                                                       has_ts ? ts : 0, digits, raw, n_q));
  if (has_ts)
    sqlite3_bind_int64 (stmt, 3, ts);
  cg_import_bind_text_or_null (stmt, 4, channel);
  cg_import_bind_text_or_null (stmt, 5, agent);
  cg_import_bind_phone (stmt, 6, run->hasher, digits, run->keep_full);
  if (!cg_import_step_done (run->store, stmt, "add survey response", error))
    return FALSE;
  if (sqlite3_changes (cg_store_get_db (run->store)) == 0)
    {
      run->result->duplicates++;
      return TRUE;
    }
  response_id = sqlite3_last_insert_rowid (cg_store_get_db (run->store));
  run->result->rows_imported++;
  for (guint i = 0; i < n_q; i++)
    if ((!isnan (values[i]) || texts[i] != NULL) &&
        !insert_answer (run, response_id, run->question_ids[i], values[i], texts[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
finish_batch (Run     *run,
              GError **error)
{
  CgSurveyImportResult *r = run->result;
  sqlite3_stmt *stmt = cg_store_prepare (run->store,
                                         "UPDATE batches SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4,"
                                         " duplicates = ?5, sha256 = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->batch_id);
  sqlite3_bind_int64 (stmt, 2, r->rows_read);
  sqlite3_bind_int64 (stmt, 3, r->rows_imported);
  sqlite3_bind_int64 (stmt, 4, r->rows_skipped);
  sqlite3_bind_int64 (stmt, 5, r->duplicates);
  sqlite3_bind_text (stmt, 6, r->sha256, -1, SQLITE_STATIC);
  return cg_import_step_done (run->store, stmt, "finish batch", error);
}

CgSurveyImportResult *
cg_survey_import_run (CgStore        *store,
                      CgSurveyPlan   *plan,
                      CgProgressFunc  progress,
                      gpointer        progress_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(CgSurveyImportResult) result = g_new0 (CgSurveyImportResult, 1);
  g_autoptr(CgPhoneHasher) hasher = NULL;
  Run run = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && plan != NULL, NULL);
  result->file = g_path_get_basename (plan->path);
  result->encoding = g_strdup (plan->encoding);
  result->questions = plan->questions->len;
  if ((hasher = cg_import_phone_hasher_new (store, &run.keep_full, error)) == NULL ||
      (result->sha256 = cg_import_file_sha256 (plan->path, error)) == NULL)
    return NULL;
  run.store = store;
  run.plan = plan;
  run.hasher = hasher;
  run.result = result;

  if (!cg_store_begin (store, error))
    return NULL;
  result->previous_batch_id = cg_store_find_batch_by_sha256 (store, "surveys", result->sha256);
  stmt = cg_store_prepare (store,
                           "INSERT INTO batches (kind, file_name, created_at, encoding) VALUES ('surveys', ?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, result->file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, plan->encoding, -1, SQLITE_STATIC);
  if (!cg_import_step_done (store, stmt, "create batch", error))
    goto fail;
  run.batch_id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  if (!insert_questions (&run, error))
    goto fail;
  for (guint r = 0; r < plan->rows->len; r++)
    {
      if (!import_row (&run, g_ptr_array_index (plan->rows, r), error))
        goto fail;
      if (r % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (progress != NULL && r % 1024 == 0)
        progress ((double) r / plan->rows->len, r, progress_data);
    }
  if (result->rows_imported == 0)
    {
      /* Nothing new (a re-import): leave no empty batch. */
      cg_store_rollback (store);
      result->answers = 0;
      g_free (run.question_ids);
      g_free (run.titles);
      return g_steal_pointer (&result);
    }
  if (!finish_batch (&run, error) || !cg_store_commit (store, error))
    goto fail;
  result->batch_id = run.batch_id;
  if (progress != NULL)
    progress (1.0, result->rows_read, progress_data);
  g_free (run.question_ids);
  g_free (run.titles);
  return g_steal_pointer (&result);

fail:
  cg_store_rollback (store);
  g_free (run.question_ids);
  g_free (run.titles);
  return NULL;
}

/* ---- presets ------------------------------------------------------------ */

#define PRESET_PREFIX "survey_preset/"

gboolean
cg_survey_preset_save (CgStore       *store,
                       const char    *name,
                       CgSurveyPlan  *plan,
                       GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING, _("A preset needs a name."));
      return FALSE;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "dimensions");
  json_builder_begin_object (b);
  for (guint i = 0; i < plan->questions->len; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      json_builder_set_member_name (b, q->title);
      json_builder_add_string_value (b, cg_survey_dimension_to_string (q->dimension));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);
  key = g_strconcat (PRESET_PREFIX, name, NULL);
  return cg_store_set_setting (store, key, json, error);
}

gboolean
cg_survey_preset_apply (CgStore       *store,
                        const char    *name,
                        CgSurveyPlan  *plan,
                        GError       **error)
{
  g_autofree char *key = g_strconcat (PRESET_PREFIX, name, NULL);
  g_autofree char *json = cg_store_get_setting (store, key, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *dims = NULL;
  JsonNode *root;

  if (json == NULL)
    {
      g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING,
                   _("There is no saved survey preset “%s”."), name);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "dimensions"))
    dims = json_object_get_object_member (json_node_get_object (root), "dimensions");
  /* Questions of the preset that this file does not ask are left alone. */
  for (guint i = 0; dims != NULL && i < plan->questions->len; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      CgSurveyDimension dimension;

      if (json_object_has_member (dims, q->title) &&
          cg_survey_dimension_from_string (json_object_get_string_member (dims, q->title), &dimension))
        cg_survey_plan_set_dimension (plan, i, dimension);
    }
  return TRUE;
}
