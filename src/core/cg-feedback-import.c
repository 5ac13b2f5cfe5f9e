/* cg-feedback-import.c — customer feedback texts into the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <xxhash.h>

#include "cg-feedback-import.h"
#include "cg-format.h"
#include "cg-batch.h"
#include "cg-import-common.h"
#include "cg-parse.h"
#include "cg-phone.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-feedback-error-quark, cg_feedback_error)

#define MAX_LISTED_ERRORS 20
/* Dates outside this window are typing or export errors. */
#define EARLIEST_PLAUSIBLE 946684800  /* 2000-01-01T00:00:00Z */

static const char *const field_ids[CG_FEEDBACK_N_FIELDS] = {
  "date", "channel", "text", "rating", "phone", "agent",
};

/* Header words by field, in normalised form (lower case, no spaces,
 * underscores, dashes or bracketed units). */
static const char *const synonyms[CG_FEEDBACK_N_FIELDS] = {
  "日期|时间|反馈时间|反馈日期|提交时间|创建时间|回访时间|回访日期|投诉时间|发布时间|评价时间|留言时间|date|time|datetime|timestamp|createdat|submittedat|created",
  "渠道|来源|反馈渠道|来源渠道|平台|渠道来源|反馈来源|channel|source|platform|medium",
  "内容|反馈内容|评价内容|意见|客户意见|意见建议|留言|留言内容|评论|评论内容|评价|文本|投诉内容|回访内容|回访记录|客户反馈|反馈|备注|text|comment|comments|feedback|content|message|review|remark|remarks",
  "评分|打分|星级|满意度|满意度评分|分数|评级|得分|rating|score|stars|star",
  "号码|电话|手机|手机号|手机号码|客户电话|联系电话|电话号码|客户号码|客户手机|phone|mobile|phonenumber|tel|telephone",
  "坐席|工号|坐席工号|客服|客服工号|坐席id|员工|员工工号|经办人|agent|agentid|staff|operator",
};

const char *
cg_feedback_field_to_string (CgFeedbackField field)
{
  g_return_val_if_fail (field < CG_FEEDBACK_N_FIELDS, NULL);
  return field_ids[field];
}

gboolean
cg_feedback_field_from_string (const char      *id,
                               CgFeedbackField *field)
{
  for (guint i = 0; i < CG_FEEDBACK_N_FIELDS; i++)
    if (g_strcmp0 (id, field_ids[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_feedback_field_get_label (CgFeedbackField field)
{
  switch (field)
    {
    case CG_FEEDBACK_FIELD_DATE:    return _("Date");
    case CG_FEEDBACK_FIELD_CHANNEL: return _("Channel");
    case CG_FEEDBACK_FIELD_TEXT:    return _("Text");
    case CG_FEEDBACK_FIELD_RATING:  return _("Rating");
    case CG_FEEDBACK_FIELD_PHONE:   return _("Customer phone");
    case CG_FEEDBACK_FIELD_AGENT:   return _("Agent ID");
    case CG_FEEDBACK_N_FIELDS:
    default:                        return NULL;
    }
}

/* "反馈内容（必填）" → "反馈内容"; "Created At" → "createdat". */
static char *
normalise_header (const char *header)
{
  GString *s = g_string_new (NULL);
  int depth = 0;

  for (const char *p = header; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 || c == '[' || c == 0x3010)
        depth++;
      else if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011)
        depth = MAX (depth - 1, 0);
      else if (depth > 0 || g_unichar_isspace (c) || c == '_' || c == '-' || c == '.' || c == ':' || c == 0xFEFF)
        continue;
      else
        g_string_append_unichar (s, g_unichar_tolower (c));
    }
  return g_string_free (s, FALSE);
}

CgFeedbackField
cg_feedback_field_match_header (const char *header)
{
  g_autofree char *norm = header ? normalise_header (header) : NULL;

  if (norm == NULL || *norm == '\0')
    return CG_FEEDBACK_N_FIELDS;
  for (guint f = 0; f < CG_FEEDBACK_N_FIELDS; f++)
    {
      g_auto(GStrv) names = g_strsplit (synonyms[f], "|", -1);

      if (g_strv_contains ((const char *const *) names, norm))
        return f;
    }
  return CG_FEEDBACK_N_FIELDS;
}

struct _CgFeedbackPlan
{
  char            *path;
  CgReaderOptions  options;
  char            *encoding_option;
  char            *sheet_option;
  GPtrArray       *column_names;   /* char * */
  int              columns[CG_FEEDBACK_N_FIELDS];
};

void
cg_feedback_plan_free (CgFeedbackPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->path);
  g_free (plan->encoding_option);
  g_free (plan->sheet_option);
  g_clear_pointer (&plan->column_names, g_ptr_array_unref);
  g_free (plan);
}

static int
find_column (CgFeedbackPlan *plan,
             const char     *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  char *end;
  long n;

  for (guint c = 0; c < plan->column_names->len; c++)
    if (strcmp (g_ptr_array_index (plan->column_names, c), clean) == 0)
      return (int) c;
  n = strtol (clean, &end, 10);
  if (*clean != '\0' && *end == '\0' && n >= 1 && n <= (long) plan->column_names->len)
    return (int) n - 1;
  return -1;
}

static gboolean
apply_map (CgFeedbackPlan     *plan,
           const char *const  *map,
           GError            **error)
{
  for (guint i = 0; map != NULL && map[i] != NULL; i++)
    {
      const char *eq = strchr (map[i], '=');
      g_autofree char *id = eq ? g_strndup (map[i], eq - map[i]) : NULL;
      CgFeedbackField field;
      int column;

      if (eq == NULL || !cg_feedback_field_from_string (g_strstrip (id), &field))
        {
          g_set_error (error, CG_FEEDBACK_ERROR, CG_FEEDBACK_ERROR_MAPPING,
                       _("“%s” is not FIELD=COLUMN with FIELD one of date, channel, text, rating, phone, agent."),
                       map[i]);
          return FALSE;
        }
      column = find_column (plan, eq + 1);
      if (column < 0)
        {
          g_set_error (error, CG_FEEDBACK_ERROR, CG_FEEDBACK_ERROR_MAPPING,
                       _("The file has no column “%s” (for %s); give its header or its number."),
                       eq + 1, field_ids[field]);
          return FALSE;
        }
      cg_feedback_plan_set_column (plan, field, column);
    }
  return TRUE;
}

CgFeedbackPlan *
cg_feedback_plan_new (const char             *path,
                      const CgReaderOptions  *options,
                      const char *const      *map,
                      GError                **error)
{
  g_autoptr(CgFeedbackPlan) plan = g_new0 (CgFeedbackPlan, 1);
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const CgCell *cells;
  guint n_cells;

  plan->path = g_strdup (path);
  if (options != NULL)
    plan->options = *options;
  plan->encoding_option = g_strdup (plan->options.encoding);
  plan->sheet_option = g_strdup (plan->options.sheet);
  plan->options.encoding = plan->encoding_option;
  plan->options.sheet = plan->sheet_option;
  plan->column_names = g_ptr_array_new_with_free_func (g_free);
  for (guint f = 0; f < CG_FEEDBACK_N_FIELDS; f++)
    plan->columns[f] = -1;

  if ((reader = cg_reader_open (path, &plan->options, error)) == NULL)
    return NULL;
  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      g_autofree char *base = g_path_get_basename (path);

      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("%s is empty."), base);
      return NULL;
    }
  for (guint c = 0; c < n_cells; c++)
    {
      CgFeedbackField f = cg_feedback_field_match_header (cells[c].text);

      g_ptr_array_add (plan->column_names, g_strstrip (g_strdup (cells[c].text)));
      if (f < CG_FEEDBACK_N_FIELDS && plan->columns[f] < 0)
        plan->columns[f] = (int) c;
    }
  if (!apply_map (plan, map, error))
    return NULL;
  return g_steal_pointer (&plan);
}

guint
cg_feedback_plan_get_n_columns (CgFeedbackPlan *plan)
{
  return plan->column_names->len;
}

const char *
cg_feedback_plan_get_column_name (CgFeedbackPlan *plan,
                                  guint           column)
{
  g_return_val_if_fail (column < plan->column_names->len, NULL);
  return g_ptr_array_index (plan->column_names, column);
}

int
cg_feedback_plan_get_column (CgFeedbackPlan  *plan,
                             CgFeedbackField  field)
{
  g_return_val_if_fail (field < CG_FEEDBACK_N_FIELDS, -1);
  return plan->columns[field];
}

void
cg_feedback_plan_set_column (CgFeedbackPlan  *plan,
                             CgFeedbackField  field,
                             int              column)
{
  g_return_if_fail (field < CG_FEEDBACK_N_FIELDS);
  /* A column feeds one field: moving it leaves its old field unmapped. */
  for (guint f = 0; f < CG_FEEDBACK_N_FIELDS; f++)
    if (column >= 0 && plan->columns[f] == column)
      plan->columns[f] = -1;
  plan->columns[field] = column;
}

gboolean
cg_feedback_plan_check (CgFeedbackPlan  *plan,
                        GError         **error)
{
  if (plan->columns[CG_FEEDBACK_FIELD_TEXT] < 0 || plan->columns[CG_FEEDBACK_FIELD_DATE] < 0)
    {
      g_set_error (error, CG_FEEDBACK_ERROR, CG_FEEDBACK_ERROR_MAPPING,
                   _("A feedback file needs a date column (日期, 反馈时间 or date) and a text column (内容, 反馈内容 or text); map them with --map date=COLUMN --map text=COLUMN."));
      return FALSE;
    }
  return TRUE;
}

/* ---- the run ------------------------------------------------------------- */

void
cg_feedback_import_result_free (CgFeedbackImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_free (result->format);
  g_free (result->encoding);
  g_free (result->sha256);
  g_strfreev (result->errors);
  g_free (result);
}

static const CgCell *
cell_at (const CgCell *cells,
         guint         n_cells,
         int           column)
{
  static const CgCell empty = { CG_CELL_EMPTY, "", 0, 0 };

  if (column < 0 || (guint) column >= n_cells)
    return &empty;
  return &cells[column];
}

static gboolean
cell_blank (const CgCell *cell)
{
  for (const char *p = cell->text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
cell_time (const CgCell *cell,
           GTimeZone    *tz,
           gint64       *ts)
{
  if (cell->type == CG_CELL_DATE || (cell->type == CG_CELL_NUMBER && cell->number > 20000 && cell->number < 200000))
    return cg_parse_excel_serial (cell->number, tz, ts);
  return cg_parse_datetime (cell->text, tz, ts);
}

/* 4, "4分", "4星", "★★★★", "4/5": the number of the rating. */
static gboolean
cell_rating (const CgCell *cell,
             double       *rating)
{
  const char *text = cell->text;
  char *end;
  int stars = 0;

  if (cell->type == CG_CELL_NUMBER)
    {
      *rating = cell->number;
      return isfinite (*rating) && *rating >= 0 && *rating <= 10;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x2605 /* ★ */)
      stars++;
  if (stars > 0)
    {
      *rating = stars;
      return stars <= 10;
    }
  while (g_ascii_isspace (*text))
    text++;
  *rating = g_ascii_strtod (text, &end);
  return end != text && isfinite (*rating) && *rating >= 0 && *rating <= 10;
}

/* Time, channel, text and number: what two exports of one comment share. */
static gint64
natural_key (gint64      ts,
             const char *channel,
             const char *text,
             const char *digits)
{
  g_autoptr(GString) buf = g_string_new (NULL);

  g_string_append_printf (buf, "%" G_GINT64_FORMAT, ts);
  g_string_append_c (buf, '\0');
  g_string_append (buf, channel ? channel : "");
  g_string_append_c (buf, '\0');
  g_string_append (buf, text);
  g_string_append_c (buf, '\0');
  g_string_append (buf, digits);
  return (gint64) (XXH3_64bits (buf->str, buf->len) & G_GUINT64_CONSTANT (0x7FFFFFFFFFFFFFFF));
}

typedef struct {
  CgStore        *store;
  CgFeedbackPlan *plan;
  CgPhoneHasher  *hasher;
  GTimeZone      *tz;
  gboolean        keep_full;
  gint64          latest_plausible;
  gboolean        any_rating;
  double          max_rating;
  double          min_rating;
  GStrvBuilder   *errors;
  guint           n_listed;
} Run;

static void
skip_row (Run                     *run,
          CgFeedbackImportResult  *res,
          guint64                  row,
          const char              *message)
{
  res->rows_skipped++;
  if (run->n_listed++ < MAX_LISTED_ERRORS)
    {
      g_autofree char *row_text = cg_format_count ((gint64) row);
      g_autofree char *line = g_strdup_printf (_("Row %s: %s"), row_text, message);
      g_strv_builder_add (run->errors, line);
    }
}

static gboolean
import_row (Run                     *run,
            CgFeedbackImportResult  *res,
            CgReader                *reader,
            const CgCell            *cells,
            guint                    n_cells,
            GError                 **error)
{
  CgFeedbackPlan *plan = run->plan;
  const CgCell *text = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_TEXT]);
  const CgCell *date = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_DATE]);
  const CgCell *channel = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_CHANNEL]);
  const CgCell *rating_cell = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_RATING]);
  const CgCell *phone = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_PHONE]);
  const CgCell *agent = cell_at (cells, n_cells, plan->columns[CG_FEEDBACK_FIELD_AGENT]);
  g_autofree char *text_clean = g_strstrip (g_strdup (text->text));
  g_autofree char *channel_clean = g_strstrip (g_strdup (channel->text));
  g_autofree char *agent_clean = g_strstrip (g_strdup (agent->text));
  char digits[CG_PHONE_MAX_DIGITS + 1] = "";
  gboolean has_rating = FALSE;
  double rating = 0;
  gint64 ts;
  sqlite3_stmt *stmt;

  res->rows_read++;
  if (*text_clean == '\0')
    {
      skip_row (run, res, cg_reader_get_row_number (reader), _("the text is empty"));
      return TRUE;
    }
  if (cell_blank (date) || !cell_time (date, run->tz, &ts) || ts < EARLIEST_PLAUSIBLE || ts > run->latest_plausible)
    {
      skip_row (run, res, cg_reader_get_row_number (reader), _("cannot read this date"));
      return TRUE;
    }
  if (!cell_blank (rating_cell))
    {
      has_rating = cell_rating (rating_cell, &rating);
      if (has_rating)
        {
          run->max_rating = run->any_rating ? MAX (run->max_rating, rating) : rating;
          run->min_rating = run->any_rating ? MIN (run->min_rating, rating) : rating;
          run->any_rating = TRUE;
        }
    }
  if (!cell_blank (phone))
    {
      /* A number a spreadsheet rounded has lost digits: keep none. */
      if (cg_phone_normalize (phone->text, digits) == CG_PHONE_DAMAGED)
        digits[0] = '\0';
    }

  stmt = cg_store_prepare (run->store,
                           "INSERT INTO feedback (batch_id, natural_key, ts, channel, text, rating,"
                           "  phone_hash, phone_masked, phone_full, agent_id)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                           " ON CONFLICT (natural_key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, res->batch_id);
  sqlite3_bind_int64 (stmt, 2, natural_key (ts, channel_clean, text_clean, digits));
  sqlite3_bind_int64 (stmt, 3, ts);
  if (*channel_clean)
    sqlite3_bind_text (stmt, 4, channel_clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text_clean, -1, SQLITE_STATIC);
  if (has_rating)
    sqlite3_bind_double (stmt, 6, rating);
  cg_import_bind_phone (stmt, 7, run->hasher, digits, run->keep_full);
  if (*agent_clean)
    sqlite3_bind_text (stmt, 10, agent_clean, -1, SQLITE_STATIC);
  if (!cg_import_step_done (run->store, stmt, "add feedback", error))
    return FALSE;
  if (sqlite3_changes (cg_store_get_db (run->store)) == 0)
    res->duplicates++;
  else
    res->rows_imported++;
  return TRUE;
}

static gboolean
finish_batch (Run                     *run,
              CgFeedbackImportResult  *res,
              GError                 **error)
{
  sqlite3_stmt *stmt;

  /* One scale per file: 0 or anything above 5 means 0–10. */
  res->rating_scale = !run->any_rating ? 0 : (run->max_rating > 5 || run->min_rating < 1) ? 10 : 5;
  if (res->rating_scale != 0)
    {
      stmt = cg_store_prepare (run->store,
                               "UPDATE feedback SET rating_scale = ?2 WHERE batch_id = ?1 AND rating IS NOT NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, res->batch_id);
      sqlite3_bind_int (stmt, 2, res->rating_scale);
      if (!cg_import_step_done (run->store, stmt, "set rating scale", error))
        return FALSE;
    }
  stmt = cg_store_prepare (run->store,
                           "UPDATE batches SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4,"
                           " duplicates = ?5, sha256 = ?6, encoding = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, res->batch_id);
  sqlite3_bind_int64 (stmt, 2, res->rows_read);
  sqlite3_bind_int64 (stmt, 3, res->rows_imported);
  sqlite3_bind_int64 (stmt, 4, res->rows_skipped);
  sqlite3_bind_int64 (stmt, 5, res->duplicates);
  sqlite3_bind_text (stmt, 6, res->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, res->encoding, -1, SQLITE_STATIC);
  return cg_import_step_done (run->store, stmt, "finish batch", error);
}

CgFeedbackImportResult *
cg_feedback_import_run (CgStore         *store,
                        CgFeedbackPlan  *plan,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(CgFeedbackImportResult) res = g_new0 (CgFeedbackImportResult, 1);
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(CgPhoneHasher) hasher = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GError) local_error = NULL;
  Run run = { 0 };
  const CgCell *cells;
  guint n_cells;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && plan != NULL, NULL);
  if (!cg_feedback_plan_check (plan, error))
    return NULL;
  if ((hasher = cg_import_phone_hasher_new (store, &run.keep_full, error)) == NULL)
    return NULL;
  res->file = g_path_get_basename (plan->path);
  if ((res->sha256 = cg_import_file_sha256 (plan->path, NULL)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot read %s to the end."), res->file);
      return NULL;
    }
  if ((reader = cg_reader_open (plan->path, &plan->options, error)) == NULL)
    return NULL;
  res->format = g_strdup (cg_file_format_to_string (cg_reader_get_format (reader)));
  if (!cg_reader_next (reader, &cells, &n_cells, error))  /* the header */
    return NULL;
  res->previous_batch_id = cg_store_find_batch_by_sha256 (store, "feedback", res->sha256);

  run.store = store;
  run.plan = plan;
  run.hasher = hasher;
  run.tz = tz;
  run.latest_plausible = g_get_real_time () / G_USEC_PER_SEC + 366 * 86400;
  run.errors = g_strv_builder_new ();

  if (!cg_store_begin (store, error))
    goto fail_unlocked;
  stmt = cg_store_prepare (store,
                           "INSERT INTO batches (kind, file_name, created_at, encoding) VALUES ('feedback', ?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, res->file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, cg_reader_get_encoding (reader), -1, SQLITE_STATIC);
  if (!cg_import_step_done (store, stmt, "create batch", error))
    goto fail;
  res->batch_id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  while (cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (n_cells == 0 || (n_cells == 1 && cell_blank (&cells[0])))
        continue;
      if (!import_row (&run, res, reader, cells, n_cells, error))
        goto fail;
      if ((res->rows_read & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  res->encoding = g_strdup (cg_reader_get_encoding (reader));
  res->errors = g_strv_builder_end (run.errors);
  g_clear_pointer (&run.errors, g_strv_builder_unref);
  if (res->rows_imported == 0)
    {
      /* Nothing new (a re-import, or only bad rows): leave no empty batch. */
      cg_store_rollback (store);
      res->batch_id = 0;
      return g_steal_pointer (&res);
    }
  if (!finish_batch (&run, res, error) || !cg_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&res);

fail:
  cg_store_rollback (store);
fail_unlocked:
  g_clear_pointer (&run.errors, g_strv_builder_unref);
  return NULL;
}
