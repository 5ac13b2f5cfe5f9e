/* cg-survey-answers.c — survey answers as numbers, and the scale they live on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg-survey.h"

/* Rating words on 1–5.  Longer words first: 不满意 must not match as 满意. */
static const struct {
  const char *word;
  double      value;
} rating_words[] = {
  { "非常不满意", 1 }, { "很不满意", 1 }, { "极不满意", 1 },
  { "比较不满意", 2 }, { "不太满意", 2 }, { "不满意", 2 },
  { "非常满意", 5 }, { "很满意", 5 }, { "十分满意", 5 },
  { "比较满意", 4 }, { "较满意", 4 }, { "基本满意", 4 }, { "满意", 4 },
  { "非常差", 1 }, { "很差", 1 }, { "极差", 1 },
  { "比较差", 2 }, { "较差", 2 }, { "差", 2 },
  { "非常好", 5 }, { "很好", 5 }, { "比较好", 4 }, { "较好", 4 }, { "好", 4 },
  { "一般", 3 }, { "中立", 3 }, { "说不清", 3 },
  { "very dissatisfied", 1 }, { "extremely dissatisfied", 1 }, { "somewhat dissatisfied", 2 },
  { "dissatisfied", 2 }, { "very satisfied", 5 }, { "extremely satisfied", 5 },
  { "somewhat satisfied", 4 }, { "neither satisfied nor dissatisfied", 3 }, { "satisfied", 4 },
  { "neutral", 3 }, { "excellent", 5 }, { "very good", 5 }, { "good", 4 }, { "fair", 3 },
  { "average", 3 }, { "very poor", 1 }, { "poor", 2 },
};

static const char *const missing_words[] = {
  "(空)", "（空）", "-2", "-3", "n/a", "na", "跳过", "未作答", "未回答", "无",
};

static gboolean
is_missing (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (missing_words); i++)
    if (g_ascii_strcasecmp (text, missing_words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_word (const char *folded,
            double     *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (rating_words); i++)
    if (strcmp (folded, rating_words[i].word) == 0)
      {
        *value = rating_words[i].value;
        return TRUE;
      }
  return FALSE;
}

/* "★★★★☆" (filled stars counted), "4星", "4 stars", "5分", "8 分". */
static gboolean
parse_marked_number (const char *text,
                     double     *value)
{
  const char *p;
  char *end;
  guint stars = 0;
  gboolean only_stars = TRUE;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2605)  /* ★ */
        stars++;
      else if (c != 0x2606 && !g_unichar_isspace (c))  /* ☆ */
        only_stars = FALSE;
    }
  if (only_stars && stars > 0)
    {
      *value = stars;
      return TRUE;
    }

  *value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (*value))
    return FALSE;
  while (*end == ' ')
    end++;
  return strcmp (end, "分") == 0 || strcmp (end, "星") == 0 || strcmp (end, "颗星") == 0 ||
         g_ascii_strcasecmp (end, "stars") == 0 || g_ascii_strcasecmp (end, "star") == 0 ||
         g_ascii_strcasecmp (end, "points") == 0;
}

/* A number, possibly followed by its label: "10（极有可能）", "5 - Very satisfied". */
static gboolean
parse_leading_number (const char *text,
                      double     *value)
{
  char *end;

  *value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (*value))
    return FALSE;
  while (*end == ' ')
    end++;
  return *end == '\0' || g_str_has_prefix (end, "(") || g_str_has_prefix (end, "（") ||
         g_str_has_prefix (end, "-") || g_str_has_prefix (end, "–") || g_str_has_prefix (end, "=");
}

gboolean
cg_survey_answer_is_word (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  folded = g_utf8_strdown (trimmed, -1);
  return parse_word (folded, &value);
}

CgSurveyAnswerKind
cg_survey_parse_answer (const char *text,
                        double     *value)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return CG_SURVEY_ANSWER_MISSING;
  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0' || is_missing (trimmed))
    return CG_SURVEY_ANSWER_MISSING;
  folded = g_utf8_strdown (trimmed, -1);
  if (parse_word (folded, value) || parse_marked_number (trimmed, value) ||
      parse_leading_number (trimmed, value))
    {
      /* Other negative codes are missing too: no scale is negative. */
      if (*value < 0)
        return CG_SURVEY_ANSWER_MISSING;
      return CG_SURVEY_ANSWER_VALUE;
    }
  return CG_SURVEY_ANSWER_TEXT;
}

static gboolean
is_range_dash (gunichar c)
{
  return c == '-' || c == '~' || c == 0xFF5E /* ～ */ || c == 0x2013 || c == 0x2014 ||
         c == 0x5230 /* 到 */ || c == 0x81F3 /* 至 */ || c == 0xFF0D /* － */;
}

static const double known_scales[][2] = {
  { 1, 5 }, { 1, 7 }, { 1, 10 }, { 0, 10 }, { 0, 5 }, { 0, 100 }, { 1, 3 },
};

static gboolean
is_known_scale (double min,
                double max)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_scales); i++)
    if (min == known_scales[i][0] && max == known_scales[i][1])
      return TRUE;
  return FALSE;
}

gboolean
cg_survey_scale_from_title (const char *title,
                            double     *min,
                            double     *max)
{
  const char *p;

  if (title == NULL)
    return FALSE;
  for (p = title; *p; p++)
    {
      char *end;
      double a, b;
      const char *q;

      if (!g_ascii_isdigit (*p) || (p > title && g_ascii_isdigit (p[-1])))
        continue;
      a = g_ascii_strtod (p, &end);
      q = end;
      while (*q == ' ')
        q++;
      /* "10分制": a ten-point scale. */
      if (g_str_has_prefix (q, "分制"))
        {
          *min = a == 100 || a == 10 ? 0 : 1;
          *max = a;
          return a == 5 || a == 7 || a == 10 || a == 100;
        }
      if (*q == '\0' || !is_range_dash (g_utf8_get_char (q)))
        continue;
      q = g_utf8_next_char (q);
      while (*q == ' ')
        q++;
      if (!g_ascii_isdigit (*q))
        continue;
      b = g_ascii_strtod (q, NULL);
      if (is_known_scale (a, b))
        {
          *min = a;
          *max = b;
          return TRUE;
        }
    }
  return FALSE;
}

void
cg_survey_detect_scale (const char        *title,
                        CgSurveyDimension  dimension,
                        double             data_min,
                        double             data_max,
                        double            *min,
                        double            *max)
{
  static const double by_data[][2] = { { 1, 5 }, { 1, 7 }, { 1, 10 }, { 0, 10 }, { 0, 100 } };

  if (cg_survey_scale_from_title (title, min, max))
    return;
  if (dimension == CG_SURVEY_DIM_NPS)
    {
      *min = 0;
      *max = 10;
      return;
    }
  *min = 1;
  *max = 5;
  if (isnan (data_min) || isnan (data_max))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (by_data); i++)
    if (data_min >= by_data[i][0] && data_max <= by_data[i][1])
      {
        *min = by_data[i][0];
        *max = by_data[i][1];
        return;
      }
  *min = MIN (0, floor (data_min));
  *max = ceil (data_max);
}
