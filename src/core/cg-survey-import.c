/* cg-survey-import.c — reading a survey export: header roles, questions,
 * dimensions and scales.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-format.h"
#include "cg-parse.h"
#include "cg-survey-import-private.h"

G_DEFINE_QUARK (cg-survey-error-quark, cg_survey_error)

/* Survey exports are small; this bounds memory on a wrong file. */
#define MAX_ROWS 500000

static const char *const role_ids[N_ROLES] = {
  [ROLE_RESPONDENT] = "respondent",
  [ROLE_SUBMITTED] = "submitted",
  [ROLE_PHONE] = "phone",
  [ROLE_AGENT] = "agent",
  [ROLE_CHANNEL] = "channel",
};

/* Headers matched whole (case-folded, trimmed). */
static const char *const respondent_headers[] = {
  "序号", "编号", "答卷编号", "答卷序号", "id", "respondent id", "respondentid", "response id", "responseid", NULL
};
/* In order of preference: the submission, then other times. */
static const char *const submitted_headers[] = {
  "提交答卷时间", "提交时间", "回访时间", "调查时间", "填写时间", "答题时间", "timestamp", "submit time",
  "submitted", "submitted at", "end date", "enddate", "recorded date", "recordeddate", "start date",
  "startdate", "日期", "时间", "date", NULL
};
static const char *const ignored_headers[] = {
  "所用时间", "答题时长", "来源", "来源详情", "来自ip", "ip", "总分", "分数", "ip address", "ipaddress",
  "duration", "duration (in seconds)", "collector id", "email address", "first name", "last name",
  "custom data 1", "status", "progress", "finished", "response type", "用户名", "昵称", "备注",
  "姓名", "客户姓名", "name", "名单", "list", "线路", "line", "回访人", "回访员", NULL
};
static const char *const channel_headers[] = {
  "渠道", "调查渠道", "调查方式", "回访方式", "channel", "survey channel", "方式", NULL
};
/* Headers that contain one of these name the column's role. */
static const char *const phone_words[] = { "手机", "电话", "号码", "联系方式", "phone", "mobile", NULL };
static const char *const agent_words[] = { "坐席", "工号", "销售人员编号", "客服编号", "agent", NULL };
/* …unless the header asks the customer's opinion. */
static const char *const opinion_words[] = { "满意", "评价", "态度", "服务", "?", "？", "satisf", "rate", NULL };

static gboolean
in_list (const char        *folded,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
contains_any (const char        *folded,
              const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static char *
fold (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  return g_utf8_strdown (trimmed, -1);
}

/* "1、题目", "11.题目", "3：题目", "Q3. Title" → "题目"; "第5题(产品质量)"
 * → itself, a matrix sub-question.  NULL when the header has no number. */
char *
cg_survey_question_title (const char *header,
                          gboolean   *matrix)
{
  const char *p = header;
  static const char *const separators[] = { "、", ".", "．", ":", "：", " ", ")", "）", NULL };

  *matrix = FALSE;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "第"))
    {
      const char *q = p + strlen ("第");
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          if (g_str_has_prefix (q, "题") && (strstr (q, "(") != NULL || strstr (q, "（") != NULL))
            {
              *matrix = TRUE;
              return g_strstrip (g_strdup (p));
            }
        }
      return NULL;
    }
  if ((*p == 'Q' || *p == 'q') && g_ascii_isdigit (p[1]))
    p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  for (guint i = 0; separators[i] != NULL; i++)
    if (g_str_has_prefix (p, separators[i]))
      {
        const char *rest = p + strlen (separators[i]);
        /* "1.5" is a number, not question 1. */
        if (g_ascii_isdigit (*rest))
          return NULL;
        while (*rest == ' ')
          rest++;
        if (*rest == '\0')
          return NULL;
        return g_strstrip (g_strdup (rest));
      }
  return NULL;
}

/* The text a matrix sub-question's dimension is read from: its option. */
static const char *
dimension_text (const CgSurveyQuestion *q)
{
  if (q->matrix)
    {
      const char *open = strstr (q->title, "(");
      const char *open_wide = strstr (q->title, "（");
      if (open == NULL || (open_wide != NULL && open_wide < open))
        open = open_wide;
      if (open != NULL)
        return open;
    }
  return q->title;
}

static void
row_free (SurveyRow *row)
{
  g_strfreev (row->texts);
  g_free (row->types);
  g_free (row->numbers);
  g_free (row);
}

void
cg_survey_plan_free (CgSurveyPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->path);
  g_free (plan->encoding);
  g_clear_pointer (&plan->tz, g_time_zone_unref);
  g_clear_pointer (&plan->header, g_ptr_array_unref);
  if (plan->questions != NULL)
    for (guint i = 0; i < plan->questions->len; i++)
      g_free (g_array_index (plan->questions, CgSurveyQuestion, i).title);
  g_clear_pointer (&plan->questions, g_array_unref);
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_free (plan->default_channel);
  g_free (plan);
}

static SurveyRow *
row_new (const CgCell *cells,
         guint         n_cells,
         guint64       number)
{
  SurveyRow *row = g_new0 (SurveyRow, 1);

  row->n = n_cells;
  row->row_number = number;
  row->texts = g_new0 (char *, n_cells + 1);
  row->types = g_new0 (guint8, n_cells);
  row->numbers = g_new0 (double, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      row->texts[i] = g_strdup (cells[i].text);
      row->types[i] = cells[i].type;
      row->numbers[i] = cells[i].number;
    }
  return row;
}

const char *
cg_survey_row_text (const SurveyRow *row,
                    int              column)
{
  return column >= 0 && (guint) column < row->n ? row->texts[column] : "";
}

static gboolean
row_is_blank (const SurveyRow *row)
{
  for (guint i = 0; i < row->n; i++)
    for (const char *p = row->texts[i]; *p; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* Sets the roles and the questions from the header. */
static void
read_header (CgSurveyPlan *plan)
{
  int submitted_rank = G_MAXINT;

  for (guint r = 0; r < N_ROLES; r++)
    plan->roles[r] = -1;
  plan->default_channel = g_strdup (CG_SURVEY_CHANNEL_QUESTIONNAIRE);
  for (guint c = 0; c < plan->header->len; c++)
    {
      const char *text = g_ptr_array_index (plan->header, c);
      g_autofree char *folded = fold (text);
      g_autofree char *title = NULL;
      gboolean matrix = FALSE;
      CgSurveyQuestion q = { 0 };

      if (strstr (folded, "回访") != NULL)
        {
          g_free (plan->default_channel);
          plan->default_channel = g_strdup (CG_SURVEY_CHANNEL_CALLBACK);
        }
      for (int i = 0; submitted_headers[i] != NULL; i++)
        if (strcmp (folded, submitted_headers[i]) == 0 && i < submitted_rank)
          {
            submitted_rank = i;
            plan->roles[ROLE_SUBMITTED] = c;
          }
      if (plan->roles[ROLE_SUBMITTED] == (int) c)
        continue;
      if (in_list (folded, respondent_headers) && plan->roles[ROLE_RESPONDENT] < 0)
        {
          plan->roles[ROLE_RESPONDENT] = c;
          continue;
        }
      if (in_list (folded, channel_headers) && plan->roles[ROLE_CHANNEL] < 0)
        {
          plan->roles[ROLE_CHANNEL] = c;
          continue;
        }
      if (in_list (folded, ignored_headers) || in_list (folded, submitted_headers) || folded[0] == '\0')
        continue;

      title = cg_survey_question_title (text, &matrix);
      {
        g_autofree char *folded_title = fold (title ? title : text);

        if (!contains_any (folded_title, opinion_words))
          {
            if (contains_any (folded_title, phone_words) && plan->roles[ROLE_PHONE] < 0)
              {
                plan->roles[ROLE_PHONE] = c;
                continue;
              }
            if (contains_any (folded_title, agent_words) && plan->roles[ROLE_AGENT] < 0)
              {
                plan->roles[ROLE_AGENT] = c;
                continue;
              }
          }
      }
      q.column = c;
      q.matrix = matrix;
      q.title = title ? g_steal_pointer (&title) : g_strstrip (g_strdup (text));
      q.dimension = cg_survey_guess_dimension (dimension_text (&q));
      g_array_append_val (plan->questions, q);
    }
}

/* An English export's second header row (SurveyMonkey: "Response",
 * "Open-Ended Response" and option labels) has no respondent and no time. */
static gboolean
is_label_row (CgSurveyPlan    *plan,
              const SurveyRow *row)
{
  const char *submitted = cg_survey_row_text (row, plan->roles[ROLE_SUBMITTED]);
  const char *respondent = cg_survey_row_text (row, plan->roles[ROLE_RESPONDENT]);

  for (guint i = 0; i < row->n; i++)
    if (g_ascii_strcasecmp (row->texts[i], "Response") == 0 ||
        g_ascii_strcasecmp (row->texts[i], "Open-Ended Response") == 0)
      return TRUE;
  return (plan->roles[ROLE_SUBMITTED] >= 0 || plan->roles[ROLE_RESPONDENT] >= 0) &&
         submitted[0] == '\0' && respondent[0] == '\0';
}

/* Sub-columns of an English matrix are headed by the question once, then
 * blank; the label row names each option. */
static void
apply_labels (CgSurveyPlan    *plan,
              const SurveyRow *labels)
{
  g_autofree char *last = NULL;

  /* A header cell left blank at the end may be missing from the row. */
  while (plan->header->len < labels->n)
    g_ptr_array_add (plan->header, g_strdup (""));
  for (guint c = 0; c < plan->header->len; c++)
    {
      const char *head = g_ptr_array_index (plan->header, c);
      const char *label = cg_survey_row_text (labels, c);
      gboolean plain_label = label[0] == '\0' || g_ascii_strcasecmp (label, "Response") == 0 ||
                             g_ascii_strcasecmp (label, "Open-Ended Response") == 0;
      char *combined = NULL;

      if (head[0] != '\0')
        {
          g_free (last);
          last = g_strdup (head);
        }
      if (plain_label || last == NULL || cg_survey_answer_is_word (label))
        continue;
      combined = g_strdup_printf ("%s (%s)", last, label);
      g_ptr_array_index (plan->header, c) = combined;
      g_free ((char *) head);
    }
}

static void
detect_scale (CgSurveyPlan     *plan,
              CgSurveyQuestion *q)
{
  double lo = NAN, hi = NAN;
  guint values = 0, texts = 0;

  for (guint r = 0; r < plan->rows->len; r++)
    {
      const char *text = cg_survey_row_text (g_ptr_array_index (plan->rows, r), q->column);
      double v;

      switch (cg_survey_parse_answer (text, &v))
        {
        case CG_SURVEY_ANSWER_VALUE:
          values++;
          if (!cg_survey_answer_is_word (text))
            {
              lo = isnan (lo) ? v : MIN (lo, v);
              hi = isnan (hi) ? v : MAX (hi, v);
            }
          break;
        case CG_SURVEY_ANSWER_TEXT:
          texts++;
          break;
        case CG_SURVEY_ANSWER_MISSING:
          break;
        }
    }
  q->n_answers = values + texts;
  /* Free text that happens to hold a number now and then is a comment. */
  if (!q->dimension_set && texts > values)
    q->dimension = CG_SURVEY_DIM_COMMENT;
  cg_survey_detect_scale (q->title, q->dimension, lo, hi, &q->scale_min, &q->scale_max);
  q->data_min = lo;
  q->data_max = hi;
}

static gboolean
read_rows (CgSurveyPlan  *plan,
           CgReader      *reader,
           GError       **error)
{
  const CgCell *cells;
  guint n_cells;
  g_autoptr(GError) local_error = NULL;
  gboolean first = TRUE;

  while (cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      SurveyRow *row = row_new (cells, n_cells, cg_reader_get_row_number (reader));

      if (row_is_blank (row))
        {
          row_free (row);
          continue;
        }
      if (first && is_label_row (plan, row))
        {
          apply_labels (plan, row);
          row_free (row);
          first = FALSE;
          continue;
        }
      first = FALSE;
      if (plan->rows->len >= MAX_ROWS)
        {
          g_autofree char *max = cg_format_count (MAX_ROWS);
          row_free (row);
          g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_TOO_LARGE,
                       _("The survey file has more than %s responses; split it into several files."), max);
          return FALSE;
        }
      g_ptr_array_add (plan->rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

CgSurveyPlan *
cg_survey_plan_new (const char             *path,
                    const CgReaderOptions  *options,
                    const char *const      *map,
                    GTimeZone              *tz,
                    GError                **error)
{
  g_autoptr(CgSurveyPlan) plan = g_new0 (CgSurveyPlan, 1);
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  CgReaderOptions defaults = { 0 };
  const CgCell *cells;
  guint n_cells;

  plan->path = g_strdup (path);
  plan->tz = g_time_zone_ref (tz);
  plan->header = g_ptr_array_new_with_free_func (g_free);
  plan->questions = g_array_new (FALSE, TRUE, sizeof (CgSurveyQuestion));
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  if ((reader = cg_reader_open (path, options ? options : &defaults, error)) == NULL)
    return NULL;
  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("%s is empty."), base);
      return NULL;
    }
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (plan->header, g_strdup (cells[i].text));
  /* Roles first, so the label row can be told by its empty time cell. */
  read_header (plan);
  if (!read_rows (plan, reader, error))
    return NULL;
  plan->encoding = g_strdup (cg_reader_get_encoding (reader));
  /* Labels may have renamed columns: read the header again. */
  for (guint i = 0; i < plan->questions->len; i++)
    g_free (g_array_index (plan->questions, CgSurveyQuestion, i).title);
  g_array_set_size (plan->questions, 0);
  g_clear_pointer (&plan->default_channel, g_free);
  read_header (plan);
  if (plan->questions->len == 0)
    {
      g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_NOT_SURVEY,
                   _("%s has no question columns: is it a survey export? Questions are headed like “1、您对本次服务是否满意”."),
                   base);
      return NULL;
    }
  for (guint i = 0; i < plan->questions->len; i++)
    detect_scale (plan, &g_array_index (plan->questions, CgSurveyQuestion, i));
  if (map != NULL && !cg_survey_plan_apply_map (plan, map, error))
    return NULL;
  return g_steal_pointer (&plan);
}

guint
cg_survey_plan_get_n_questions (CgSurveyPlan *plan)
{
  return plan->questions->len;
}

const CgSurveyQuestion *
cg_survey_plan_get_question (CgSurveyPlan *plan,
                             guint         index)
{
  g_return_val_if_fail (index < plan->questions->len, NULL);
  return &g_array_index (plan->questions, CgSurveyQuestion, index);
}

void
cg_survey_plan_set_dimension (CgSurveyPlan      *plan,
                              guint              index,
                              CgSurveyDimension  dimension)
{
  CgSurveyQuestion *q;

  g_return_if_fail (index < plan->questions->len && dimension < CG_SURVEY_N_DIMS);
  q = &g_array_index (plan->questions, CgSurveyQuestion, index);
  q->dimension = dimension;
  q->dimension_set = TRUE;
  cg_survey_detect_scale (q->title, q->dimension, q->data_min, q->data_max, &q->scale_min, &q->scale_max);
}

/* The number a header gives its question: 5 for "5、…", "Q5. …", "第5题(…)". */
static guint64
header_number (const char *header)
{
  const char *p = header;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  else if (*p == 'Q' || *p == 'q')
    p++;
  return g_ascii_isdigit (*p) ? g_ascii_strtoull (p, NULL, 10) : 0;
}

/* A question by title, header text, or the number its header gives it. */
static int
find_question (CgSurveyPlan *plan,
               const char   *name)
{
  guint64 number;

  for (guint i = 0; i < plan->questions->len; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      if (g_strcmp0 (name, q->title) == 0 || g_strcmp0 (name, g_ptr_array_index (plan->header, q->column)) == 0)
        return i;
    }
  if (!g_ascii_string_to_unsigned (name, 10, 1, G_MAXUINT, &number, NULL))
    return -1;
  for (guint i = 0; i < plan->questions->len; i++)
    {
      const CgSurveyQuestion *q = &g_array_index (plan->questions, CgSurveyQuestion, i);
      if (!q->matrix && header_number (g_ptr_array_index (plan->header, q->column)) == number)
        return i;
    }
  return -1;
}

gboolean
cg_survey_plan_apply_map (CgSurveyPlan       *plan,
                          const char *const  *map,
                          GError            **error)
{
  for (guint i = 0; map != NULL && map[i] != NULL; i++)
    {
      const char *eq = strrchr (map[i], '=');
      g_autofree char *name = eq ? g_strndup (map[i], eq - map[i]) : NULL;
      CgSurveyDimension dimension;
      int index;

      if (eq == NULL || !cg_survey_dimension_from_string (eq + 1, &dimension))
        {
          g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING,
                       _("“%s” is not QUESTION=DIMENSION; the dimensions are staff, product, communication, problem_solving, overall, nps, effort, comment and other."),
                       map[i]);
          return FALSE;
        }
      index = find_question (plan, name);
      if (index < 0)
        {
          g_set_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING,
                       _("The file has no question “%s”: name it by its title, its column header or its number."),
                       name);
          return FALSE;
        }
      cg_survey_plan_set_dimension (plan, index, dimension);
    }
  return TRUE;
}

guint
cg_survey_plan_get_n_rows (CgSurveyPlan *plan)
{
  return plan->rows->len;
}

int
cg_survey_plan_get_role_column (CgSurveyPlan *plan,
                                const char   *role)
{
  for (guint r = 0; r < N_ROLES; r++)
    if (g_strcmp0 (role, role_ids[r]) == 0)
      return plan->roles[r];
  return -1;
}

const char *
cg_survey_plan_get_encoding (CgSurveyPlan *plan)
{
  return plan->encoding;
}

/* ---- telling surveys, complaints and call logs apart ---------------------- */

const char *
cg_import_kind_to_string (CgImportKind kind)
{
  static const char *const ids[] = { "unknown", "calls", "surveys", "complaints" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (ids), NULL);
  return ids[kind];
}

CgImportKind
cg_import_kind_from_header (const char *const *header,
                            guint              n_columns)
{
  guint numbered = 0, opinions = 0, complaint = 0, metadata = 0;
  static const char *const wjx_metadata[] = { "提交答卷时间", "所用时间", "来自ip", "来源详情", "respondent id", NULL };
  static const char *const complaint_words[] = { "投诉", "complaint", NULL };

  if (n_columns == 0)
    return CG_IMPORT_KIND_UNKNOWN;
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *folded = fold (header[i]);
      g_autofree char *title = NULL;
      gboolean matrix;

      if (in_list (folded, wjx_metadata))
        metadata++;
      if (contains_any (folded, complaint_words))
        complaint++;
      if ((title = cg_survey_question_title (header[i] ? header[i] : "", &matrix)) != NULL)
        numbered++;
      if (strstr (folded, "满意") != NULL || strstr (folded, "推荐") != NULL ||
          strstr (folded, "satisf") != NULL || strstr (folded, "recommend") != NULL)
        opinions++;
    }
  if (complaint > 0 && opinions == 0 && numbered == 0)
    return CG_IMPORT_KIND_COMPLAINTS;
  if (metadata > 0 || numbered >= 2 || opinions >= 1)
    return CG_IMPORT_KIND_SURVEYS;
  return CG_IMPORT_KIND_CALLS;
}

CgImportKind
cg_import_detect_kind (const char             *path,
                       const CgReaderOptions  *options,
                       GError                **error)
{
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  CgReaderOptions defaults = { 0 };
  const CgCell *cells;
  guint n_cells;

  if ((reader = cg_reader_open (path, options ? options : &defaults, error)) == NULL)
    return CG_IMPORT_KIND_UNKNOWN;
  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return CG_IMPORT_KIND_UNKNOWN;
    }
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (header, (gpointer) cells[i].text);
  return cg_import_kind_from_header ((const char *const *) header->pdata, n_cells);
}
