/* test-feedback.c — feedback import, themes, sentiment and the theme report.
 *
 * The fixture's true theme mix and sentiments are worked out by hand in
 * the table below (the comment on each row says why); the tests compare
 * the report's counts with counts taken from that table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "cg-batch.h"
#include "cg-call-writer.h"
#include "cg-feedback-import.h"
#include "cg-sentiment.h"
#include "cg-store.h"
#include "cg-test-util.h"
#include "cg-theme-report.h"
#include "cg-themes.h"

enum { CF = 1 << 0, ATT = 1 << 1, PRO = 1 << 2, PRICE = 1 << 3, QUAL = 1 << 4, SOLVE = 1 << 5, AFTER = 1 << 6, PRIV = 1 << 7 };

static const char *const theme_ids[] = {
  "contact_frequency", "staff_attitude", "professionalism", "price",
  "product_quality", "problem_solving", "after_sales", "privacy",
};

static const struct {
  const char *text;
  const char *channel;
  guint       themes;
  int         sentiment;
} rows[] = {
  { "你们一天打三个电话，烦死了", "电话回访", CF, -1 },           /* 一天打, 烦死; 烦死 is negative */
  { "又打来了，这周第四次", "微博", CF, 0 },                     /* no 打扰, no verdict word */
  { "已经说过不需要了还打", "微博", CF, 0 },                     /* 说过不需要 */
  { "没有打扰到我，服务不错", "电话回访", 0, 1 },                /* negated 打扰: no mention, +1 +1 */
  { "后来就不再打扰了，挺好", "电话回访", 0, 1 },                /* 不再 negates 打扰 */
  { "请不要再打扰我", "投诉热线", CF, -1 },                       /* a request, not a negation */
  { "哪来的号码？我从没留过", "投诉热线", PRIV, 0 },              /* no 泄露, no verdict word */
  { "我的个人信息被泄露了，号码是13812345678", "投诉热线", PRIV, -1 },
  { "客服态度很好", "大众点评", ATT, 1 },
  { "价格太贵了，不太满意", "大众点评", PRICE, -1 },             /* 太贵 −1, 不太满意 −1 */
  { "一般般", "微信公众号", 0, 0 },
  { "好的，知道了", "微信公众号", 0, 0 },
  { "问题一直没解决", "投诉热线", SOLVE, -1 },
  { "非常满意", "电话回访", 0, 1 },
  { "不满意", "电话回访", 0, -1 },
  { "产品质量不错", "大众点评", QUAL, 1 },
};

typedef CgTestStore Fixture;

static char *
fixture_csv (void)
{
  GString *csv = g_string_new ("反馈时间,渠道,反馈内容,评分,手机号,坐席\n");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (csv, "2026-10-%02u 10:00,%s,%s,,1390000%04u,A0%u\n",
                            i + 1, rows[i].channel, rows[i].text, i, i % 3);
  return g_string_free (csv, FALSE);
}

static CgFeedbackImportResult *
import (Fixture            *f,
        const char         *path,
        const char *const  *map)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgFeedbackPlan) plan = cg_feedback_plan_new (path, NULL, map, &error);
  CgFeedbackImportResult *result;

  g_assert_no_error (error);
  result = cg_feedback_import_run (f->store, plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static CgThemeReport *
report (Fixture   *f,
        CgThemeBy  by)
{
  g_autoptr(GError) error = NULL;
  CgThemeReport *r = cg_theme_report_compute (f->store, CG_TEXT_SOURCE_ALL, by, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static const CgThemeRow *
find_row (CgThemeReport *r,
          const char    *key,
          const char    *theme)
{
  for (guint i = 0; i < r->rows->len; i++)
    {
      const CgThemeRow *row = g_ptr_array_index (r->rows, i);
      if (g_str_equal (row->key, key) && g_str_equal (row->theme, theme))
        return row;
    }
  return NULL;
}

/* The report against the hand-made table: mentions, shares, negative shares. */
static void
check_true_mix (CgThemeReport *r)
{
  gint64 negative = 0;

  g_assert_cmpint (r->texts, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    negative += rows[i].sentiment < 0;
  g_assert_cmpint (r->negative_texts, ==, negative);
  for (guint t = 0; t < G_N_ELEMENTS (theme_ids); t++)
    {
      const CgThemeRow *row = find_row (r, "", theme_ids[t]);
      gint64 mentions = 0, neg = 0;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        if (rows[i].themes & (1u << t))
          {
            mentions++;
            neg += rows[i].sentiment < 0;
          }
      g_assert_nonnull (row);
      g_assert_cmpint (row->mentions, ==, mentions);
      g_assert_cmpfloat_with_epsilon (row->share, (double) mentions / G_N_ELEMENTS (rows), 1e-12);
      if (mentions > 0)
        g_assert_cmpfloat_with_epsilon (row->negative_share, (double) neg / mentions, 1e-12);
      else
        g_assert_true (isnan (row->negative_share));
      g_assert_cmpuint (g_strv_length (row->examples), ==, MIN (mentions, 3));
    }
}

static void
test_true_mix (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) result = import (f, path, NULL);
  g_autoptr(CgThemeReport) r = NULL;
  const CgThemeRow *cf, *privacy;

  g_assert_cmpint (result->rows_imported, ==, G_N_ELEMENTS (rows));
  g_assert_cmpint (result->rating_scale, ==, 0);
  r = report (f, CG_THEME_BY_TOTAL);
  check_true_mix (r);

  /* Examples: newest first (row 6, then 3, 2), numbers masked. */
  cf = find_row (r, "", "contact_frequency");
  g_assert_cmpstr (cf->examples[0], ==, rows[5].text);
  g_assert_cmpstr (cf->examples[1], ==, rows[2].text);
  privacy = find_row (r, "", "privacy");
  g_assert_cmpstr (privacy->examples[0], ==, "我的个人信息被泄露了，号码是138****5678");
}

static void
test_by_channel (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) result = import (f, path, NULL);
  g_autoptr(CgThemeReport) r = report (f, CG_THEME_BY_CHANNEL);
  const CgThemeRow *row = find_row (r, "投诉热线", "contact_frequency");
  gint64 texts = 0, mentions = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].channel, "投诉热线"))
      {
        texts++;
        mentions += (rows[i].themes & CF) != 0;
      }
  g_assert_nonnull (row);
  g_assert_cmpint (row->texts, ==, texts);
  g_assert_cmpint (row->mentions, ==, mentions);
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = fixture_csv ();
  gsize len;
  g_autofree char *gb = g_convert (csv, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autofree char *path = NULL;
  g_autoptr(CgFeedbackImportResult) result = NULL;
  g_autoptr(CgThemeReport) r = NULL;

  g_assert_no_error (error);
  path = cg_test_write_file (f->dir, "feedback-gbk.csv", gb, len);
  result = import (f, path, NULL);
  g_assert_cmpstr (result->encoding, ==, "GB18030");
  r = report (f, CG_THEME_BY_TOTAL);
  check_true_mix (r);
}

/* An XLSX with 0–10 ratings and columns the synonyms do not know. */
static void
test_xlsx_ratings (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "feedback.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  static const struct { const char *text; double rating; int sentiment; } xrows[] = {
    { "非常满意", 2, -1 },        /* the rating decides: 2 of 10 is a detractor */
    { "太差了", 10, 1 },
    { "还行", 8, 0 },
    { "服务很好", -1, 1 },        /* no rating: the words decide */
  };
  g_autoptr(CgFeedbackImportResult) result = NULL;
  g_autoptr(CgThemeReport) r = NULL;
  gint64 negative = 0;

  worksheet_write_string (sheet, 0, 0, "日期", NULL);
  worksheet_write_string (sheet, 0, 1, "客户原话", NULL);
  worksheet_write_string (sheet, 0, 2, "NPS打分", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (xrows); i++)
    {
      worksheet_write_string (sheet, i + 1, 0, "2026-10-05 09:30", NULL);
      worksheet_write_string (sheet, i + 1, 1, xrows[i].text, NULL);
      if (xrows[i].rating >= 0)
        worksheet_write_number (sheet, i + 1, 2, xrows[i].rating, NULL);
      negative += xrows[i].sentiment < 0;
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  /* Without the mapping the text column is unknown. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CgFeedbackPlan) plan = cg_feedback_plan_new (path, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (cg_feedback_plan_check (plan, &error));
    g_assert_error (error, CG_FEEDBACK_ERROR, CG_FEEDBACK_ERROR_MAPPING);
  }
  {
    /* The rating column is not a synonym either: map it from its number. */
    const char *const map2[] = { "text=客户原话", "rating=3", NULL };
    result = import (f, path, map2);
  }
  g_assert_cmpint (result->rows_imported, ==, G_N_ELEMENTS (xrows));
  g_assert_cmpint (result->rating_scale, ==, 10);
  g_assert_cmpstr (result->format, ==, "xlsx");
  r = report (f, CG_THEME_BY_TOTAL);
  g_assert_cmpint (r->negative_texts, ==, negative);
}

static void
test_dedup_and_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) first = import (f, path, NULL);
  g_autoptr(CgFeedbackImportResult) again = import (f, path, NULL);
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(CgThemeReport) r = NULL;

  g_assert_cmpint (first->batch_id, >, 0);
  g_assert_cmpint (again->batch_id, ==, 0);
  g_assert_cmpint (again->duplicates, ==, G_N_ELEMENTS (rows));
  g_assert_cmpint (again->previous_batch_id, ==, first->batch_id);
  batches = cg_store_list_batches (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), ==, 1);

  g_assert_true (cg_store_delete_batch (f->store, first->batch_id, &error));
  g_assert_no_error (error);
  r = report (f, CG_THEME_BY_TOTAL);
  g_assert_cmpint (r->texts, ==, 0);
}

/* A file with a row we cannot read: skipped, listed, the rest imported. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = cg_test_write_file (f->dir, "bad.csv",
                                      "date,text\n2026-10-01,fine\nnot a date,lost\n2026-10-02,\n", -1);
  g_autoptr(CgFeedbackImportResult) result = import (f, path, NULL);

  g_assert_cmpint (result->rows_read, ==, 3);
  g_assert_cmpint (result->rows_imported, ==, 1);
  g_assert_cmpint (result->rows_skipped, ==, 2);
  g_assert_cmpuint (g_strv_length (result->errors), ==, 2);
}

static void
test_lexicon_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) result = import (f, path, NULL);
  g_autoptr(GPtrArray) themes = NULL;
  const CgTheme *attitude = NULL;

  /* 态度 is the only staff-attitude term of row 9. */
  g_assert_true (cg_themes_remove_term (f->store, "staff_attitude", "态度", &error));
  g_assert_true (cg_themes_add_term (f->store, "lukewarm", "一般般", &error));
  g_assert_no_error (error);
  {
    g_autoptr(CgThemeReport) r = report (f, CG_THEME_BY_TOTAL);
    g_assert_cmpint (find_row (r, "", "staff_attitude")->mentions, ==, 0);
    g_assert_cmpint (find_row (r, "", "lukewarm")->mentions, ==, 1);
  }
  themes = cg_themes_list (f->store, &error);
  for (guint i = 0; i < themes->len; i++)
    if (g_str_equal (((CgTheme *) g_ptr_array_index (themes, i))->id, "staff_attitude"))
      attitude = g_ptr_array_index (themes, i);
  g_assert_nonnull (attitude);
  g_assert_true (g_strv_contains ((const char *const *) attitude->removed, "态度"));
  g_assert_false (g_strv_contains ((const char *const *) attitude->terms, "态度"));

  /* Adding a removed built-in term back restores it. */
  g_assert_true (cg_themes_add_term (f->store, "staff_attitude", "态度", &error));
  {
    g_autoptr(CgThemeReport) r = report (f, CG_THEME_BY_TOTAL);
    g_assert_cmpint (find_row (r, "", "staff_attitude")->mentions, ==, 1);
  }
  g_assert_false (cg_themes_remove_term (f->store, "lukewarm", "nothing", &error));
  g_assert_error (error, CG_THEMES_ERROR, CG_THEMES_ERROR_NOT_FOUND);
}

/* Survey comments and complaint texts join the analysis; lists come from
 * the complaint itself or from the latest call to the same number. */
static void
test_sources_and_lists (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) result = import (f, path, NULL);
  g_autoptr(CgCallWriter) w = NULL;
  CgCall c;

  /* Rows 1 and 2 of the fixture were made by 13900000000 and 13900000001. */
  w = cg_call_writer_new (f->store, "calls", "calls.csv", "test", "utf-8", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      cg_call_init (&c);
      c.start_ts = 1790000000 + i * 60;  /* 2026-09 */
      c.phone = i == 1 ? "13900000001" : "13900000000";
      c.list = i == 2 ? "名单B" : "名单A";  /* the latest call to …000 is from 名单B */
      c.outcome = CG_OUTCOME_CONNECTED;
      cg_test_add_call (w, &c);
    }
  g_assert_cmpint (cg_call_writer_commit (w, NULL, NULL, 3, 0, &error), >, 0);

  cg_test_sql_exec (f->path,
            "INSERT INTO batches (id, kind, file_name, created_at) VALUES (100, 'surveys', 's.csv', 0);"
            "INSERT INTO survey_questions (id, batch_id, position, title, dimension) VALUES"
            "  (1, 100, 1, '意见建议', 'comment'), (2, 100, 2, '总体满意度', 'overall');"
            "INSERT INTO survey_responses (id, batch_id, natural_key, submitted_ts, channel) VALUES"
            "  (1, 100, 1, 1791000000, '问卷'), (2, 100, 2, 1791000100, '问卷');"
            "INSERT INTO survey_answers (response_id, question_id, value, text) VALUES"
            "  (1, 1, NULL, '电话太多了，天天打'), (1, 2, 2, '电话太多了'), (2, 1, NULL, '  ');"
            "INSERT INTO complaints (batch_id, natural_key, ts, list, text) VALUES"
            "  (100, 1, 1791000000, '名单C', '你们怎么知道我的号码'), (100, 2, 1791000000, '名单C', NULL);");
  {
    /* One survey comment (the overall score and the blank comment are not texts). */
    g_autoptr(CgThemeReport) r = cg_theme_report_compute (f->store, CG_TEXT_SOURCE_SURVEYS, CG_THEME_BY_TOTAL, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (r->texts, ==, 1);
    g_assert_cmpint (find_row (r, "", "contact_frequency")->mentions, ==, 1);
  }
  {
    g_autoptr(CgThemeReport) r = cg_theme_report_compute (f->store, CG_TEXT_SOURCE_COMPLAINTS, CG_THEME_BY_LIST, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (r->texts, ==, 1);
    g_assert_cmpint (find_row (r, "名单C", "privacy")->mentions, ==, 1);
  }
  {
    g_autoptr(CgThemeReport) r = cg_theme_report_compute (f->store, CG_TEXT_SOURCE_FEEDBACK, CG_THEME_BY_LIST, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (find_row (r, "名单B", "contact_frequency")->texts, ==, 1);  /* row 1 */
    g_assert_cmpint (find_row (r, "名单A", "contact_frequency")->texts, ==, 1);  /* row 2 */
    g_assert_cmpint (find_row (r, "Unknown", "contact_frequency")->texts, ==, G_N_ELEMENTS (rows) - 2);
  }
  {
    g_autoptr(CgThemeReport) r = report (f, CG_THEME_BY_TOTAL);
    g_assert_cmpint (r->texts, ==, G_N_ELEMENTS (rows) + 2);
  }
}

/* Numbers are hashed and masked; full numbers only while the setting is on. */
static void
test_privacy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = fixture_csv ();
  g_autofree char *path = cg_test_write_file (f->dir, "feedback.csv", csv, -1);
  g_autoptr(CgFeedbackImportResult) result = NULL;

  g_assert_true (cg_store_set_keep_full_numbers (f->store, TRUE, &error));
  result = import (f, path, NULL);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM feedback WHERE phone_full IS NOT NULL"), ==, G_N_ELEMENTS (rows));
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM feedback WHERE phone_masked GLOB '139****[0-9][0-9][0-9][0-9]'"), ==,
                   G_N_ELEMENTS (rows));
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(DISTINCT phone_hash) FROM feedback"), ==, G_N_ELEMENTS (rows));
  g_assert_true (cg_store_set_keep_full_numbers (f->store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cg_test_sql_int (f->path, "SELECT count(*) FROM feedback WHERE phone_full IS NOT NULL"), ==, 0);
}

static void
test_sentiment (void)
{
  static const struct { const char *text; int expected; } cases[] = {
    { "满意", 1 }, { "不满意", -1 }, { "不太满意", -1 }, { "不是很满意", -1 },
    { "没有打扰", 1 }, { "别再打扰我", -1 }, { "不要再骚扰了", -1 },
    { "一般", 0 }, { "not helpful at all", -1 }, { "very helpful", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int score = cg_sentiment_score (cases[i].text);
      int sign = score > 0 ? 1 : score < 0 ? -1 : 0;

      g_test_message ("%s → %d", cases[i].text, score);
      g_assert_cmpint (sign, ==, cases[i].expected);
    }
  /* Ratings: the bands by hand. */
  g_assert_cmpint (cg_sentiment_from_rating (2, 5), ==, CG_SENTIMENT_NEGATIVE);
  g_assert_cmpint (cg_sentiment_from_rating (3, 5), ==, CG_SENTIMENT_NEUTRAL);
  g_assert_cmpint (cg_sentiment_from_rating (4, 5), ==, CG_SENTIMENT_POSITIVE);
  g_assert_cmpint (cg_sentiment_from_rating (6, 10), ==, CG_SENTIMENT_NEGATIVE);
  g_assert_cmpint (cg_sentiment_from_rating (8, 10), ==, CG_SENTIMENT_NEUTRAL);
  g_assert_cmpint (cg_sentiment_from_rating (9, 10), ==, CG_SENTIMENT_POSITIVE);
  /* A rating outranks the words. */
  g_assert_cmpint (cg_sentiment_of_text ("非常满意", TRUE, 1, 5), ==, CG_SENTIMENT_NEGATIVE);
  g_assert_cmpint (cg_sentiment_of_text ("非常满意", FALSE, 0, 5), ==, CG_SENTIMENT_POSITIVE);
}

static void
test_mask_numbers (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "我的电话13812345678被泄露", "我的电话138****5678被泄露" },
    { "打 138-1234-5678 这个", "打 138****5678 这个" },
    { "座机02112345678", "座机021****5678" },
    { "订单12345，3次", "订单12345，3次" },
    { "１３８１２３４５６７８", "138****5678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = cg_text_mask_numbers (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

static void
test_headers (void)
{
  g_assert_cmpint (cg_feedback_field_match_header ("反馈内容"), ==, CG_FEEDBACK_FIELD_TEXT);
  g_assert_cmpint (cg_feedback_field_match_header ("Comment"), ==, CG_FEEDBACK_FIELD_TEXT);
  g_assert_cmpint (cg_feedback_field_match_header ("评分（1-5）"), ==, CG_FEEDBACK_FIELD_RATING);
  g_assert_cmpint (cg_feedback_field_match_header ("Created At"), ==, CG_FEEDBACK_FIELD_DATE);
  g_assert_cmpint (cg_feedback_field_match_header ("渠道"), ==, CG_FEEDBACK_FIELD_CHANNEL);
  g_assert_cmpint (cg_feedback_field_match_header ("手机号码"), ==, CG_FEEDBACK_FIELD_PHONE);
  g_assert_cmpint (cg_feedback_field_match_header ("坐席工号"), ==, CG_FEEDBACK_FIELD_AGENT);
  g_assert_cmpint (cg_feedback_field_match_header ("呼叫结果"), ==, CG_FEEDBACK_N_FIELDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/feedback/" name, Fixture, NULL, cg_test_store_set_up_beijing, func, cg_test_store_tear_down)
  ADD ("true-mix", test_true_mix);
  ADD ("by-channel", test_by_channel);
  ADD ("gb18030", test_gb18030);
  ADD ("xlsx-ratings", test_xlsx_ratings);
  ADD ("dedup-delete", test_dedup_and_delete);
  ADD ("bad-rows", test_bad_rows);
  ADD ("lexicon-edits", test_lexicon_edits);
  ADD ("privacy", test_privacy);
  ADD ("sources-lists", test_sources_and_lists);
  g_test_add_func ("/feedback/sentiment", test_sentiment);
  g_test_add_func ("/feedback/mask-numbers", test_mask_numbers);
  g_test_add_func ("/feedback/headers", test_headers);
  return g_test_run ();
}
