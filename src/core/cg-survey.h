/* cg-survey.h — survey questions: their dimension, their scale, their answers.
 *
 * Definitions (the README repeats them):
 *   a dimension is what a question measures: staff quality, product or
 *   service quality, communication manner and frequency, problem solving,
 *   overall satisfaction (rated questions, "satisfaction dimensions"),
 *   likelihood to recommend (NPS, 0–10), customer effort (CES, often
 *   1–7), a free-text comment, or other;
 *   a scale is the range [min, max] a question's answers live in, found
 *   from the question's text ("0-10", "1～7") and else from its answers;
 *   a missing answer is a blank cell, (空), -2 or -3 (问卷星 writes -2 for
 *   a question skipped by logic and -3 for one not shown): never a zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored by id (cg_survey_dimension_to_string) in survey_questions. */
typedef enum {
  CG_SURVEY_DIM_STAFF,
  CG_SURVEY_DIM_PRODUCT,
  CG_SURVEY_DIM_COMMUNICATION,
  CG_SURVEY_DIM_PROBLEM_SOLVING,
  CG_SURVEY_DIM_OVERALL,
  CG_SURVEY_DIM_NPS,
  CG_SURVEY_DIM_EFFORT,
  CG_SURVEY_DIM_COMMENT,
  CG_SURVEY_DIM_OTHER,
  CG_SURVEY_N_DIMS
} CgSurveyDimension;

/** cg_survey_dimension_to_string: the id ("staff", "nps" …) the CLI's --map takes. */
const char *cg_survey_dimension_to_string   (CgSurveyDimension  dimension);
gboolean    cg_survey_dimension_from_string (const char        *id,
                                             CgSurveyDimension *dimension);
/** cg_survey_dimension_get_label: the translated name (员工专业度 …). */
const char *cg_survey_dimension_get_label   (CgSurveyDimension  dimension);
/** cg_survey_dimension_is_satisfaction: a rated dimension that counts in
 * the overall satisfaction score (not NPS, effort or comments). */
gboolean    cg_survey_dimension_is_satisfaction (CgSurveyDimension dimension);

/** cg_survey_guess_dimension: the dimension a question's title names by
 * its keywords; CG_SURVEY_DIM_OTHER when none. */
CgSurveyDimension cg_survey_guess_dimension (const char *title);

typedef enum {
  CG_SURVEY_ANSWER_MISSING,  /* blank, (空), -2, -3 */
  CG_SURVEY_ANSWER_VALUE,    /* a number, a rating word, stars, "5分" */
  CG_SURVEY_ANSWER_TEXT,     /* anything else: free text */
} CgSurveyAnswerKind;

/** cg_survey_parse_answer: reads one answer; @value gets the number for
 * CG_SURVEY_ANSWER_VALUE (rating words on 1–5: 非常满意 = 5 … 非常不满意 = 1). */
CgSurveyAnswerKind cg_survey_parse_answer   (const char *text,
                                             double     *value);

/* Whether @value came from a rating word rather than a number: words are
 * always on 1–5, whatever the other answers say. */
gboolean    cg_survey_answer_is_word        (const char *text);

/* The scale a question's title states ("0-10分", "1～7", "10分制"), if any. */
gboolean    cg_survey_scale_from_title      (const char *title,
                                             double     *min,
                                             double     *max);

/* The scale of a question from its title, its dimension and the range of
 * its numeric answers [@data_min, @data_max] (NAN when it has none):
 * the title wins; NPS is 0–10; else the smallest of 1–5, 1–7, 1–10, 0–10
 * and 0–100 that holds the answers. */
void        cg_survey_detect_scale          (const char        *title,
                                             CgSurveyDimension  dimension,
                                             double             data_min,
                                             double             data_max,
                                             double            *min,
                                             double            *max);

G_END_DECLS
