/* test-survey.c — survey exports from files into the store.
 *
 * Files are written at run time (CSV from literals, GB18030 through
 * g_convert, XLSX with libxlsxwriter); the stored rows are read back with
 * plain SQL on a connection of its own.  Times are Beijing time:
 * 2026-09-01 12:00:00 +0800 is 1788235200 (date -d '2026-09-01 12:00 +0800' +%s).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "cg-test-util.h"
#include "cg-batch.h"
#include "cg-survey-import.h"

typedef CgTestStore Fixture;

static CgSurveyImportResult *
import_file (Fixture           *f,
             const char        *path,
             const char *const *map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, NULL, map, tz, &error);
  CgSurveyImportResult *result;

  g_assert_no_error (error);
  result = cg_survey_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return result;
}

/* ---- answers, scales, dimensions ----------------------------------------- */

static void
test_answers (void)
{
  static const struct { const char *text; CgSurveyAnswerKind kind; double value; } cases[] = {
    { "非常满意", CG_SURVEY_ANSWER_VALUE, 5 }, { "满意", CG_SURVEY_ANSWER_VALUE, 4 },
    { "一般", CG_SURVEY_ANSWER_VALUE, 3 }, { "不满意", CG_SURVEY_ANSWER_VALUE, 2 },
    { "非常不满意", CG_SURVEY_ANSWER_VALUE, 1 }, { "很好", CG_SURVEY_ANSWER_VALUE, 5 },
    { "较好", CG_SURVEY_ANSWER_VALUE, 4 }, { "较差", CG_SURVEY_ANSWER_VALUE, 2 },
    { "Very satisfied", CG_SURVEY_ANSWER_VALUE, 5 }, { "very dissatisfied", CG_SURVEY_ANSWER_VALUE, 1 },
    { "Neutral", CG_SURVEY_ANSWER_VALUE, 3 }, { "★★★★☆", CG_SURVEY_ANSWER_VALUE, 4 },
    { "3星", CG_SURVEY_ANSWER_VALUE, 3 }, { "5分", CG_SURVEY_ANSWER_VALUE, 5 }, { "8 分", CG_SURVEY_ANSWER_VALUE, 8 },
    { " 7 ", CG_SURVEY_ANSWER_VALUE, 7 }, { "10（极有可能）", CG_SURVEY_ANSWER_VALUE, 10 },
    { "0", CG_SURVEY_ANSWER_VALUE, 0 },
    { "(空)", CG_SURVEY_ANSWER_MISSING, 0 }, { "（空）", CG_SURVEY_ANSWER_MISSING, 0 },
    { "-2", CG_SURVEY_ANSWER_MISSING, 0 }, { "-3", CG_SURVEY_ANSWER_MISSING, 0 },
    { "", CG_SURVEY_ANSWER_MISSING, 0 }, { "   ", CG_SURVEY_ANSWER_MISSING, 0 },
    { "价格有点贵", CG_SURVEY_ANSWER_TEXT, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -99;
      CgSurveyAnswerKind kind = cg_survey_parse_answer (cases[i].text, &value);

      g_test_message ("answer “%s”", cases[i].text);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (kind == CG_SURVEY_ANSWER_VALUE)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

static void
test_scales (void)
{
  static const struct {
    const char *title;
    CgSurveyDimension dimension;
    double data_min, data_max, min, max;
  } cases[] = {
    { "您的总体满意度", CG_SURVEY_DIM_OVERALL, 1, 5, 1, 5 },
    { "您的总体满意度", CG_SURVEY_DIM_OVERALL, 2, 4, 1, 5 },
    { "您的总体满意度", CG_SURVEY_DIM_OVERALL, 1, 7, 1, 7 },
    { "您的总体满意度", CG_SURVEY_DIM_OVERALL, 3, 9, 1, 10 },
    { "您的总体满意度", CG_SURVEY_DIM_OVERALL, 0, 8, 0, 10 },
    { "请打分（0-10分）", CG_SURVEY_DIM_OTHER, 3, 4, 0, 10 },
    { "办理是否省力（1～7）", CG_SURVEY_DIM_EFFORT, 2, 3, 1, 7 },
    { "请按10分制打分", CG_SURVEY_DIM_OTHER, 2, 3, 0, 10 },
    { "推荐的可能性", CG_SURVEY_DIM_NPS, 6, 9, 0, 10 },
    { "Rate 1 to 10: 1-10", CG_SURVEY_DIM_OTHER, 4, 4, 1, 10 },
    { "只有文字", CG_SURVEY_DIM_OTHER, NAN, NAN, 1, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double min = -1, max = -1;

      g_test_message ("scale of “%s”", cases[i].title);
      cg_survey_detect_scale (cases[i].title, cases[i].dimension, cases[i].data_min, cases[i].data_max, &min, &max);
      g_assert_cmpfloat (min, ==, cases[i].min);
      g_assert_cmpfloat (max, ==, cases[i].max);
    }
}

static void
test_dimensions (void)
{
  static const struct { const char *title; CgSurveyDimension dimension; } cases[] = {
    { "您对销售人员的专业程度是否满意", CG_SURVEY_DIM_STAFF },
    { "客服的服务态度", CG_SURVEY_DIM_STAFF },
    { "您对产品质量的评价", CG_SURVEY_DIM_PRODUCT },
    { "我们的服务质量如何", CG_SURVEY_DIM_PRODUCT },
    { "我们联系您的频率是否合适", CG_SURVEY_DIM_COMMUNICATION },
    { "是否感到被打扰", CG_SURVEY_DIM_COMMUNICATION },
    { "您的问题是否得到解决", CG_SURVEY_DIM_PROBLEM_SOLVING },
    { "总体满意度", CG_SURVEY_DIM_OVERALL },
    { "整体而言您满意吗", CG_SURVEY_DIM_OVERALL },
    { "您向朋友推荐我们的可能性", CG_SURVEY_DIM_NPS },
    { "How likely are you to recommend us?", CG_SURVEY_DIM_NPS },
    { "办理过程是否省力", CG_SURVEY_DIM_EFFORT },
    { "其他意见或建议", CG_SURVEY_DIM_COMMENT },
    { "Overall, how satisfied are you?", CG_SURVEY_DIM_OVERALL },
    { "How satisfied are you with our agent?", CG_SURVEY_DIM_STAFF },
    { "Services offered", CG_SURVEY_DIM_PRODUCT },  /* "ces" inside a word is not CES */
    { "您的年龄段", CG_SURVEY_DIM_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("dimension of “%s”", cases[i].title);
      g_assert_cmpint (cg_survey_guess_dimension (cases[i].title), ==, cases[i].dimension);
    }
}

static void
test_kind (void)
{
  const char *wjx[] = { "序号", "提交答卷时间", "所用时间", "1、您对本次服务是否满意" };
  const char *plain[] = { "回访时间", "客户电话", "总体满意度" };
  const char *calls[] = { "呼叫时间", "被叫号码", "通话时长", "坐席" };
  const char *complaints[] = { "投诉时间", "号码", "投诉类型", "投诉内容" };
  const char *english[] = { "Respondent ID", "Start Date", "End Date", "Q1" };

  g_assert_cmpint (cg_import_kind_from_header (wjx, G_N_ELEMENTS (wjx)), ==, CG_IMPORT_KIND_SURVEYS);
  g_assert_cmpint (cg_import_kind_from_header (plain, G_N_ELEMENTS (plain)), ==, CG_IMPORT_KIND_SURVEYS);
  g_assert_cmpint (cg_import_kind_from_header (calls, G_N_ELEMENTS (calls)), ==, CG_IMPORT_KIND_CALLS);
  g_assert_cmpint (cg_import_kind_from_header (complaints, G_N_ELEMENTS (complaints)), ==, CG_IMPORT_KIND_COMPLAINTS);
  g_assert_cmpint (cg_import_kind_from_header (english, G_N_ELEMENTS (english)), ==, CG_IMPORT_KIND_SURVEYS);
  g_assert_cmpstr (cg_import_kind_to_string (CG_IMPORT_KIND_SURVEYS), ==, "surveys");
}

/* ---- 问卷星 export, UTF-8 --------------------------------------------------- */

static const char wjx_csv[] =
  "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,总分,1、您的手机号码,2、您对销售人员的服务态度是否满意,"
  "3、您对产品质量的评价,4、您向朋友推荐我们的可能性有多大,5、其他建议\n"
  "1,2026/09/03 12:00:00,120秒,微信,N/A,1.2.3.4(北京),0,13800138000,非常满意,5分,10,价格有点贵\n"
  "2,2026/09/03 13:00:00,95秒,手机提交,N/A,1.2.3.5(上海),0,13900139000,一般,★★★☆☆,6,(空)\n"
  "3,2026/09/04 09:30:00,60秒,链接,N/A,1.2.3.6(广州),0,13700137000,(空),-2,9,\n";

static void
test_wjx_csv (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "问卷星.csv", wjx_csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  g_autoptr(CgSurveyImportResult) r = NULL;
  g_autofree char *masked = NULL;
  const CgSurveyQuestion *q;

  g_assert_no_error (error);
  g_assert_cmpint (cg_import_detect_kind (path, NULL, &error), ==, CG_IMPORT_KIND_SURVEYS);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "respondent"), ==, 0);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "submitted"), ==, 1);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "phone"), ==, 7);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "agent"), ==, -1);
  g_assert_cmpuint (cg_survey_plan_get_n_questions (plan), ==, 4);
  q = cg_survey_plan_get_question (plan, 0);
  g_assert_cmpstr (q->title, ==, "您对销售人员的服务态度是否满意");
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_STAFF);
  g_assert_cmpfloat (q->scale_min, ==, 1);
  g_assert_cmpfloat (q->scale_max, ==, 5);
  g_assert_cmpuint (q->n_answers, ==, 2);
  q = cg_survey_plan_get_question (plan, 1);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_PRODUCT);
  g_assert_cmpfloat (q->scale_max, ==, 5);
  q = cg_survey_plan_get_question (plan, 2);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_NPS);
  g_assert_cmpfloat (q->scale_min, ==, 0);
  g_assert_cmpfloat (q->scale_max, ==, 10);
  q = cg_survey_plan_get_question (plan, 3);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_COMMENT);

  r = cg_survey_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->rows_read, ==, 3);
  g_assert_cmpint (r->rows_imported, ==, 3);
  g_assert_cmpint (r->answers, ==, 8);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses"), ==, 3);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_answers"), ==, 8);
  /* 2026-09-03 12:00 +0800. */
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT min(submitted_ts) FROM survey_responses"), ==, 1788408000);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT value FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id"
                                      " JOIN survey_responses r ON r.id = a.response_id"
                                      " WHERE q.dimension = 'product' AND r.submitted_ts = 1788411600"), ==, 3);
  /* Missing codes are no answer, not zero. */
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_answers WHERE value = 0"), ==, 0);
  masked = cg_test_sql_text (f->path, "SELECT phone_masked FROM survey_responses ORDER BY id LIMIT 1");
  g_assert_cmpstr (masked, ==, "138****8000");
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses WHERE phone_full IS NOT NULL"), ==, 0);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses WHERE channel = 'questionnaire'"), ==, 3);
  g_free (masked);
  masked = cg_test_sql_text (f->path, "SELECT text FROM survey_answers WHERE text IS NOT NULL");
  g_assert_cmpstr (masked, ==, "价格有点贵");
}

static void
test_reimport_and_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "问卷星.csv", wjx_csv, -1);
  g_autoptr(CgSurveyImportResult) first = import_file (f, path, NULL);
  g_autoptr(CgSurveyImportResult) again = import_file (f, path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (first->batch_id, >, 0);
  g_assert_cmpint (again->batch_id, ==, 0);
  g_assert_cmpint (again->duplicates, ==, 3);
  g_assert_cmpint (again->previous_batch_id, ==, first->batch_id);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses"), ==, 3);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM batches"), ==, 1);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT kind = 'surveys' FROM batches"), ==, 1);

  g_assert_true (cg_store_delete_batch (f->store, first->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses"), ==, 0);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_questions"), ==, 0);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_answers"), ==, 0);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM batches"), ==, 0);
}

static void
test_longer_export (Fixture       *f,
                    gconstpointer  data)
{
  /* The same survey exported again a day later, with one more response. */
  const char *end_of_first = strstr (wjx_csv, "3,2026/09/04");
  g_autofree char *early = g_strndup (wjx_csv, end_of_first - wjx_csv);
  g_autofree char *first_path = cg_test_write_file (f->dir, "问卷星-0903.csv", early, -1);
  g_autofree char *second_path = cg_test_write_file (f->dir, "问卷星-0904.csv", wjx_csv, -1);
  g_autoptr(CgSurveyImportResult) first = import_file (f, first_path, NULL);
  g_autoptr(CgSurveyImportResult) second = import_file (f, second_path, NULL);

  g_assert_cmpint (first->rows_imported, ==, 2);
  g_assert_cmpint (second->rows_imported, ==, 1);
  g_assert_cmpint (second->duplicates, ==, 2);
  g_assert_cmpint (second->previous_batch_id, ==, 0);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses"), ==, 3);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM batches"), ==, 2);
}

/* ---- callback sheet, GB18030, plain header ---------------------------------- */

static const char callback_csv[] =
  "回访时间,客户电话,坐席工号,总体满意度（1-10分）,沟通频率是否合适,办理是否省力（1-7分）\r\n"
  "2026-09-05 10:00,13800138000,A01,9,满意,6\r\n"
  "2026-09-05 11:00,13900139000,A02,,,\r\n"
  "2026-09-05 12:00,13700137000,A01,4,不满意,2\r\n"
  ",,,,,\r\n";

static void
test_gb18030_callback (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gb = g_convert (callback_csv, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(CgSurveyPlan) plan = NULL;
  g_autoptr(CgSurveyImportResult) r = NULL;
  g_autofree char *agent = NULL;
  const CgSurveyQuestion *q;

  g_assert_no_error (error);
  path = cg_test_write_file (f->dir, "回访.csv", gb, length);
  plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_survey_plan_get_encoding (plan), ==, "GB18030");
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "phone"), ==, 1);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "agent"), ==, 2);
  g_assert_cmpuint (cg_survey_plan_get_n_questions (plan), ==, 3);
  q = cg_survey_plan_get_question (plan, 0);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_OVERALL);
  g_assert_cmpfloat (q->scale_min, ==, 1);
  g_assert_cmpfloat (q->scale_max, ==, 10);
  q = cg_survey_plan_get_question (plan, 1);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_COMMUNICATION);
  g_assert_cmpfloat (q->scale_max, ==, 5);
  q = cg_survey_plan_get_question (plan, 2);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_EFFORT);
  g_assert_cmpfloat (q->scale_max, ==, 7);

  r = cg_survey_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The unanswered callback is a surveyed customer: stored, no answers. */
  g_assert_cmpint (r->rows_imported, ==, 3);
  g_assert_cmpint (r->answers, ==, 6);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses WHERE channel = 'callback'"), ==, 3);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses r WHERE NOT EXISTS"
                                      " (SELECT 1 FROM survey_answers a WHERE a.response_id = r.id)"), ==, 1);
  agent = cg_test_sql_text (f->path, "SELECT agent_id FROM survey_responses WHERE submitted_ts = 1788580800");  /* 09-05 12:00 */
  g_assert_cmpstr (agent, ==, "A01");
}

/* ---- English export with option labels, XLSX ------------------------------ */

static void
test_english_xlsx (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "survey.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *datetime = workbook_add_format (workbook);
  lxw_datetime start = { 2026, 9, 1, 11, 50, 0 }, end = { 2026, 9, 1, 12, 0, 0 };
  const char *heads[] = { "Respondent ID", "Start Date", "End Date", "Phone",
                          "How satisfied are you with our agent?", "How likely are you to recommend us?",
                          "Please rate:", "" };
  const char *labels[] = { "", "", "", "", "Response", "Response", "Product quality", "Problem resolution" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(CgSurveyPlan) plan = NULL;
  g_autoptr(CgSurveyImportResult) r = NULL;
  const CgSurveyQuestion *q;

  format_set_num_format (datetime, "yyyy-mm-dd hh:mm:ss");
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      worksheet_write_string (sheet, 0, c, heads[c], NULL);
      worksheet_write_string (sheet, 1, c, labels[c], NULL);
    }
  worksheet_write_number (sheet, 2, 0, 1001, NULL);
  worksheet_write_datetime (sheet, 2, 1, &start, datetime);
  worksheet_write_datetime (sheet, 2, 2, &end, datetime);
  worksheet_write_string (sheet, 2, 3, "13800138000", NULL);
  worksheet_write_string (sheet, 2, 4, "Very satisfied", NULL);
  worksheet_write_number (sheet, 2, 5, 9, NULL);
  worksheet_write_number (sheet, 2, 6, 4, NULL);
  worksheet_write_number (sheet, 2, 7, 5, NULL);
  worksheet_write_number (sheet, 3, 0, 1002, NULL);
  worksheet_write_datetime (sheet, 3, 1, &start, datetime);
  worksheet_write_datetime (sheet, 3, 2, &end, datetime);
  worksheet_write_string (sheet, 3, 3, "13900139000", NULL);
  worksheet_write_string (sheet, 3, 4, "Dissatisfied", NULL);
  worksheet_write_number (sheet, 3, 5, 3, NULL);
  worksheet_write_number (sheet, 3, 6, 2, NULL);
  worksheet_write_number (sheet, 3, 7, 1, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  tz = cg_store_get_time_zone (f->store);
  plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cg_survey_plan_get_n_rows (plan), ==, 2);
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "submitted"), ==, 2);  /* End Date before Start Date */
  g_assert_cmpint (cg_survey_plan_get_role_column (plan, "phone"), ==, 3);
  g_assert_cmpuint (cg_survey_plan_get_n_questions (plan), ==, 4);
  q = cg_survey_plan_get_question (plan, 0);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_STAFF);
  q = cg_survey_plan_get_question (plan, 1);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_NPS);
  q = cg_survey_plan_get_question (plan, 2);
  g_assert_cmpstr (q->title, ==, "Please rate: (Product quality)");
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_PRODUCT);
  q = cg_survey_plan_get_question (plan, 3);
  g_assert_cmpstr (q->title, ==, "Please rate: (Problem resolution)");
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_PROBLEM_SOLVING);

  r = cg_survey_import_run (f->store, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r->rows_imported, ==, 2);
  g_assert_cmpint (r->answers, ==, 8);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT count(*) FROM survey_responses WHERE submitted_ts = 1788235200"), ==, 2);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT sum(value) FROM survey_answers a JOIN survey_questions q"
                                      " ON q.id = a.question_id WHERE q.dimension = 'staff'"), ==, 5 + 2);
  g_assert_cmpfloat (cg_test_sql_double (f->path, "SELECT sum(value) FROM survey_answers a JOIN survey_questions q"
                                      " ON q.id = a.question_id WHERE q.dimension = 'nps'"), ==, 9 + 3);
}

/* ---- mapping and presets -------------------------------------------------- */

static void
test_map_and_preset (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "问卷星.csv", wjx_csv, -1);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  const char *map[] = { "您对产品质量的评价=overall", "2=communication", NULL };
  const char *bad_dimension[] = { "1=happiness", NULL };
  const char *bad_question[] = { "不存在的问题=staff", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, NULL, map, tz, &error);
  g_autoptr(CgSurveyPlan) again = NULL;
  g_autoptr(CgSurveyPlan) failed = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (cg_survey_plan_get_question (plan, 0)->dimension, ==, CG_SURVEY_DIM_COMMUNICATION);
  g_assert_cmpint (cg_survey_plan_get_question (plan, 1)->dimension, ==, CG_SURVEY_DIM_OVERALL);
  g_assert_true (cg_survey_plan_get_question (plan, 1)->dimension_set);
  /* Setting NPS by hand puts the question on 0–10. */
  cg_survey_plan_set_dimension (plan, 3, CG_SURVEY_DIM_NPS);
  g_assert_cmpfloat (cg_survey_plan_get_question (plan, 3)->scale_min, ==, 0);
  g_assert_cmpfloat (cg_survey_plan_get_question (plan, 3)->scale_max, ==, 10);
  cg_survey_plan_set_dimension (plan, 3, CG_SURVEY_DIM_COMMENT);

  g_assert_true (cg_survey_preset_save (f->store, "月度问卷", plan, &error));
  g_assert_no_error (error);
  again = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_survey_plan_get_question (again, 1)->dimension, ==, CG_SURVEY_DIM_PRODUCT);
  g_assert_true (cg_survey_preset_apply (f->store, "月度问卷", again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_survey_plan_get_question (again, 0)->dimension, ==, CG_SURVEY_DIM_COMMUNICATION);
  g_assert_cmpint (cg_survey_plan_get_question (again, 1)->dimension, ==, CG_SURVEY_DIM_OVERALL);
  g_assert_false (cg_survey_preset_apply (f->store, "没有这个", again, &error));
  g_assert_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING);
  g_clear_error (&error);

  failed = cg_survey_plan_new (path, NULL, bad_dimension, tz, &error);
  g_assert_null (failed);
  g_assert_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING);
  g_clear_error (&error);
  failed = cg_survey_plan_new (path, NULL, bad_question, tz, &error);
  g_assert_null (failed);
  g_assert_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_MAPPING);
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "matrix.csv",
                                      "序号,提交答卷时间,第1题(销售人员的专业程度),第1题(产品质量),2、您的问题是否得到解决\n"
                                      "1,2026/09/03 12:00:00,5,4,很好\n", -1);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);
  const CgSurveyQuestion *q;

  g_assert_no_error (error);
  g_assert_cmpuint (cg_survey_plan_get_n_questions (plan), ==, 3);
  q = cg_survey_plan_get_question (plan, 0);
  g_assert_true (q->matrix);
  g_assert_cmpstr (q->title, ==, "第1题(销售人员的专业程度)");
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_STAFF);
  q = cg_survey_plan_get_question (plan, 1);
  g_assert_true (q->matrix);
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_PRODUCT);
  q = cg_survey_plan_get_question (plan, 2);
  g_assert_false (q->matrix);
  g_assert_cmpstr (q->title, ==, "您的问题是否得到解决");
  g_assert_cmpint (q->dimension, ==, CG_SURVEY_DIM_PROBLEM_SOLVING);
}

static void
test_not_a_survey (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "empty.csv", "序号,提交答卷时间,所用时间\n1,2026/09/03 12:00:00,5秒\n", -1);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSurveyPlan) plan = cg_survey_plan_new (path, NULL, NULL, tz, &error);

  g_assert_null (plan);
  g_assert_error (error, CG_SURVEY_ERROR, CG_SURVEY_ERROR_NOT_SURVEY);
}

/* ---- CLI ------------------------------------------------------------------- */

static JsonNode *
run_cli_json (Fixture    *f,
              const char *first,
              ...)
{
  JsonNode *node;
  va_list args;

  va_start (args, first);
  node = cg_test_run_cli_json_v (f->path, first, args);
  va_end (args);
  return node;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "问卷星.csv", wjx_csv, -1);
  g_autoptr(JsonNode) imported = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(JsonNode) reliability = NULL;
  JsonObject *o, *row;
  JsonArray *rows, *questions;

  if (g_getenv ("CALLGAUGE_CLI") == NULL)
    {
      g_test_skip ("CALLGAUGE_CLI is not set; run under meson test");
      return;
    }
  /* The store of the fixture must not hold the write lock meanwhile. */
  g_clear_object (&f->store);
  imported = run_cli_json (f, "import", "surveys", path, "--map", "5=comment", "--json", NULL);
  o = json_node_get_object (imported);
  g_assert_cmpint (json_object_get_int_member (o, "rows_imported"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "surveys");
  questions = json_object_get_array_member (o, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 4);
  row = json_array_get_object_element (questions, 2);
  g_assert_cmpstr (json_object_get_string_member (row, "dimension"), ==, "nps");
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (row, "scale"), 1), ==, 10);

  stats = run_cli_json (f, "stats", "satisfaction", "--by", "total", "--json", NULL);
  o = json_node_get_object (stats);
  g_assert_cmpstr (json_object_get_string_member (o, "by"), ==, "total");
  rows = json_object_get_array_member (o, "rows");
  /* all, staff, product, nps. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "key"), ==, "total");
  g_assert_cmpstr (json_object_get_string_member (row, "dimension"), ==, "all");
  g_assert_cmpint (json_object_get_int_member (row, "responses"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "mean"), 4.0, 1e-12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (row, "ci95")), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "csat"), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "nps"), 100.0 / 3, 1e-9);

  reliability = run_cli_json (f, "stats", "reliability", "--json", NULL);
  o = json_node_get_object (reliability);
  g_assert_true (json_object_has_member (o, "alpha"));
  g_assert_true (json_object_has_member (o, "alpha_if_deleted"));
  /* Two items (staff, product) and two complete respondents. */
  g_assert_cmpint (json_object_get_int_member (o, "items"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "respondents"), ==, 2);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, cg_test_store_set_up, func, cg_test_store_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/answers", test_answers);
  g_test_add_func ("/survey/scales", test_scales);
  g_test_add_func ("/survey/dimensions", test_dimensions);
  g_test_add_func ("/survey/kind", test_kind);
  ADD ("/survey/import/wjx-utf8", test_wjx_csv);
  ADD ("/survey/import/reimport-and-delete", test_reimport_and_delete);
  ADD ("/survey/import/longer-export", test_longer_export);
  ADD ("/survey/import/gb18030-callback", test_gb18030_callback);
  ADD ("/survey/import/english-xlsx", test_english_xlsx);
  ADD ("/survey/import/map-and-preset", test_map_and_preset);
  ADD ("/survey/import/matrix", test_matrix);
  ADD ("/survey/import/not-a-survey", test_not_a_survey);
  ADD ("/survey/cli", test_cli);
  return g_test_run ();
}
