/* cg-fuzz-text.c — shared bodies of the survey and theme fuzz harnesses.
 *
 * Survey mapping: the input as a survey export (CSV) through the whole
 * plan — header roles, question titles, dimensions, answers and scales —
 * and each line through the header and answer parsers.  Themes: lexicon
 * terms from the input's first part (lines before a NUL), matched with
 * the theme matcher, the sentiment words and the number masking on the
 * text after it, as the theme report does with the user's own terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-fuzz.h"
#include "cg-lexicon.h"
#include "cg-sentiment.h"
#include "cg-survey-import-private.h"
#include "cg-theme-report.h"
#include "cg-themes.h"

/* ---- survey mapping ------------------------------------------------------------- */

static void
survey_line (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, ",", 64);
  g_autofree char *title = NULL;
  gboolean matrix;
  double value, min, max;
  CgSurveyDimension dimension;

  title = cg_survey_question_title (line, &matrix);
  dimension = cg_survey_guess_dimension (title ? title : line);
  cg_survey_parse_answer (line, &value);
  cg_survey_answer_is_word (line);
  if (cg_survey_scale_from_title (line, &min, &max))
    g_assert (min < max);
  cg_survey_detect_scale (line, dimension, 1, 5, &min, &max);
  g_assert (min < max);
  cg_survey_detect_scale (line, dimension, NAN, NAN, &min, &max);
  cg_import_kind_from_header ((const char *const *) cells, g_strv_length (cells));
}

void
cg_fuzz_survey_path (const char *path)
{
  static GTimeZone *tz;
  CgReaderOptions options = { .format = CG_FILE_FORMAT_CSV };
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSurveyPlan) plan = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;

  g_assert (g_file_get_contents (path, &contents, &size, NULL));
  text = g_utf8_make_valid (contents, size);
  lines = g_strsplit (text, "\n", 256);
  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Asia/Shanghai");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  /* Readers hand on NUL-terminated UTF-8 cells: one line a cell here. */
  for (guint i = 0; lines[i] != NULL; i++)
    survey_line (lines[i]);

  plan = cg_survey_plan_new (path, &options, NULL, tz, &error);
  if (plan == NULL)
    return;
  for (guint i = 0; i < cg_survey_plan_get_n_questions (plan); i++)
    {
      const CgSurveyQuestion *q = cg_survey_plan_get_question (plan, i);

      g_assert (q->title != NULL);
      g_assert (q->scale_min < q->scale_max);
    }
  cg_survey_plan_get_n_rows (plan);
  cg_survey_plan_get_role_column (plan, "submitted");
  cg_survey_plan_get_role_column (plan, "respondent");
  /* The user's mapping, named by the input's own first line. */
  if (lines[0] != NULL)
    {
      g_autofree char *entry = g_strdup_printf ("%s=nps", lines[0]);
      const char *const map[] = { entry, "1=overall", NULL };

      g_clear_error (&error);
      cg_survey_plan_apply_map (plan, map, &error);
    }
  if (cg_survey_plan_get_n_questions (plan) > 0)
    cg_survey_plan_set_dimension (plan, 0, CG_SURVEY_DIM_NPS);
}

/* ---- themes and sentiment -------------------------------------------------------- */

#define N_FUZZ_THEMES 8

static CgTheme *
fuzz_theme (guint               index,
            const char *const  *terms)
{
  CgTheme *theme = g_new0 (CgTheme, 1);

  theme->id = g_strdup_printf ("t%u", index);
  theme->label = g_strdup (theme->id);
  theme->terms = g_strdupv ((char **) terms);
  theme->added = g_strdupv ((char **) terms);
  theme->removed = g_new0 (char *, 1);
  return theme;
}

void
cg_fuzz_themes (const guint8 *data,
                gsize         size)
{
  static const char *const default_terms = "频繁\n打扰\n别再打\n不满意\n号码泄露\n态度\nprice\n客服";
  const char *nul = memchr (data, '\0', size);
  g_autofree char *terms_text = nul != NULL ? g_utf8_make_valid ((const char *) data, nul - (const char *) data)
                                            : g_strdup (default_terms);
  g_autofree char *text = nul != NULL ? g_utf8_make_valid (nul + 1, size - (nul + 1 - (const char *) data))
                                      : g_utf8_make_valid ((const char *) data, size);
  g_auto(GStrv) terms = g_strsplit (terms_text, "\n", 256);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_theme_free);
  g_autoptr(CgLexicon) lexicon = cg_lexicon_new ();
  g_autoptr(CgThemeMatcher) matcher = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree gboolean *covered = NULL;
  g_autofree char *masked = NULL;
  guint n_terms = g_strv_length (terms);
  glong n_chars;

  for (guint t = 0; t < N_FUZZ_THEMES; t++)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      g_auto(GStrv) own = NULL;

      for (guint i = t; i < n_terms; i += N_FUZZ_THEMES)
        if (*terms[i] != '\0')
          g_strv_builder_add (b, terms[i]);
      own = g_strv_builder_end (b);
      g_ptr_array_add (themes, fuzz_theme (t, (const char *const *) own));
    }
  for (guint i = 0; i < n_terms; i++)
    {
      cg_lexicon_add (lexicon, terms[i], G_GUINT64_CONSTANT (1) << (i % 64));
      cg_lexicon_lookup (lexicon, terms[i]);
    }

  chars = cg_lexicon_normalize (text, &n_chars);
  hits = cg_lexicon_scan (lexicon, chars, n_chars);
  for (guint i = 0; i < hits->len; i++)
    {
      const CgLexiconHit *hit = &g_array_index (hits, CgLexiconHit, i);

      g_assert (hit->start < hit->end && hit->end <= (guint) n_chars);
    }
  for (glong i = 0; i < n_chars; i++)
    cg_lexicon_is_negated (chars, i);

  matcher = cg_theme_matcher_new (themes);
  covered = g_new0 (gboolean, n_chars + 1);
  cg_theme_matcher_match (matcher, chars, n_chars, covered);
  cg_sentiment_mark_words (chars, n_chars, covered);
  cg_sentiment_score (text);
  cg_sentiment_of_text (text, FALSE, 0, 5);
  cg_sentiment_of_text (text, TRUE, 3, 5);
  masked = cg_text_mask_numbers (text);
  g_assert (masked != NULL);
}

void
cg_fuzz_survey (const guint8 *data,
                gsize         size)
{
  cg_fuzz_survey_path (cg_fuzz_write_bytes (data, size));
}
