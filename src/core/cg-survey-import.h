/* cg-survey-import.h — survey exports from files into the store.
 *
 * One row per response.  Recognised shapes: 问卷星-style exports (序号,
 * 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, 总分, then one column per
 * question "1、题目" or "11.题目", matrix sub-questions "第N题(选项)"),
 * plain files with a header row, and English exports (Timestamp,
 * Respondent ID, Start Date …, with an optional second header row of
 * option labels, which is skipped).  Columns of the respondent's phone,
 * the agent and the channel (questionnaire / callback) are found by
 * their headers.  A row without any answer but with a phone is a
 * surveyed customer who did not respond (a callback nobody answered).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-demo.h"
#include "cg-reader.h"
#include "cg-store.h"
#include "cg-survey.h"

G_BEGIN_DECLS

#define CG_SURVEY_ERROR (cg_survey_error_quark ())
typedef enum {
  CG_SURVEY_ERROR_NOT_SURVEY,  /* no question columns */
  CG_SURVEY_ERROR_MAPPING,     /* a --map naming no question or no dimension */
  CG_SURVEY_ERROR_TOO_LARGE,
} CgSurveyError;
GQuark cg_survey_error_quark (void);

/* What a file holds, told by its header. */
typedef enum {
  CG_IMPORT_KIND_UNKNOWN,
  CG_IMPORT_KIND_CALLS,
  CG_IMPORT_KIND_SURVEYS,
  CG_IMPORT_KIND_COMPLAINTS,
} CgImportKind;

const char   *cg_import_kind_to_string       (CgImportKind   kind);

/** cg_import_kind_from_header: whether header cells name a call log, a
 * survey export or a complaints file (calls when nothing says otherwise). */
CgImportKind  cg_import_kind_from_header     (const char *const *header,
                                              guint              n_columns);
/** cg_import_detect_kind: the same, from the first row of the file at @path. */
CgImportKind  cg_import_detect_kind          (const char             *path,
                                              const CgReaderOptions  *options,
                                              GError                **error);

/* Channels as stored in survey_responses.channel; other texts of a
 * channel column are kept as written. */
#define CG_SURVEY_CHANNEL_QUESTIONNAIRE "questionnaire"
#define CG_SURVEY_CHANNEL_CALLBACK      "callback"

typedef struct {
  guint              column;       /* 0-based column of the file */
  char              *title;        /* the question's text without its number */
  gboolean           matrix;       /* a 第N题(选项) sub-question */
  CgSurveyDimension  dimension;
  gboolean           dimension_set; /* chosen by the user (map or preset), not guessed */
  double             scale_min;
  double             scale_max;
  guint              n_answers;    /* non-missing answers in the file */
  double             data_min;     /* range of the numeric answers, NAN without any */
  double             data_max;
} CgSurveyQuestion;

typedef struct _CgSurveyPlan CgSurveyPlan;

/* Reads @path whole (survey exports are small): header roles, questions
 * with guessed dimension and detected scale.  @map ("QUESTION=dimension",
 * QUESTION being the title, the header text or the number the header
 * gives the question, 5 for "5、…") overrides the guesses. */
CgSurveyPlan *cg_survey_plan_new             (const char             *path,
                                              const CgReaderOptions  *options,
                                              const char *const      *map,
                                              GTimeZone              *tz,
                                              GError                **error);
void          cg_survey_plan_free            (CgSurveyPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSurveyPlan, cg_survey_plan_free)

guint         cg_survey_plan_get_n_questions (CgSurveyPlan *plan);
/** cg_survey_plan_get_question: the question @index with its dimension and scale. */
const CgSurveyQuestion *cg_survey_plan_get_question (CgSurveyPlan *plan,
                                                     guint         index);
/** cg_survey_plan_set_dimension: the user's choice; the scale follows (NPS 0–10). */
void          cg_survey_plan_set_dimension   (CgSurveyPlan      *plan,
                                              guint              index,
                                              CgSurveyDimension  dimension);
/** cg_survey_plan_apply_map: "QUESTION=dimension" pairs, as --map takes them. */
gboolean      cg_survey_plan_apply_map       (CgSurveyPlan       *plan,
                                              const char *const  *map,
                                              GError            **error);
/** cg_survey_plan_get_rows: data rows (a second header row not counted). */
guint         cg_survey_plan_get_n_rows      (CgSurveyPlan *plan);
/** cg_survey_plan_get_role_column: column of "phone", "agent", "channel",
 * "submitted" or "respondent", or -1. */
int           cg_survey_plan_get_role_column (CgSurveyPlan *plan,
                                              const char   *role);
const char   *cg_survey_plan_get_encoding    (CgSurveyPlan *plan);

typedef struct {
  gint64  batch_id;           /* 0 when nothing new was imported */
  char   *file;
  char   *encoding;
  char   *sha256;
  gint64  previous_batch_id;  /* an earlier batch of the same file, or 0 */
  gint64  rows_read;
  gint64  rows_imported;      /* responses stored (with or without answers) */
  gint64  rows_skipped;       /* rows with neither an answer nor a phone */
  gint64  duplicates;         /* responses already stored */
  gint64  answers;            /* non-missing answers stored */
  guint   questions;
} CgSurveyImportResult;

void cg_survey_import_result_free (CgSurveyImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSurveyImportResult, cg_survey_import_result_free)

/* Imports the planned file as one batch of kind "surveys" in one
 * transaction: all of it or, on error or cancel, nothing.  Responses
 * already stored (same questions, same respondent id or same time, phone
 * and answers) are counted as duplicates, so a re-import adds nothing. */
CgSurveyImportResult *cg_survey_import_run   (CgStore        *store,
                                              CgSurveyPlan   *plan,
                                              CgProgressFunc  progress,
                                              gpointer        progress_data,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* Saved question → dimension mappings, in the settings table under
 * "survey_preset/<name>" as {"dimensions": {"TITLE": "dimension", …}}. */
gboolean      cg_survey_preset_save          (CgStore       *store,
                                              const char    *name,
                                              CgSurveyPlan  *plan,
                                              GError       **error);
/** cg_survey_preset_apply: sets the dimensions the preset @name saved for
 * the questions of @plan it knows (by title). */
gboolean      cg_survey_preset_apply         (CgStore       *store,
                                              const char    *name,
                                              CgSurveyPlan  *plan,
                                              GError       **error);

/* The 64-bit natural key of a response: questions (titles in order), then
 * the respondent id when there is one, else submission time, phone digits
 * and every answer's text.  Shared with the demo. */
gint64        cg_survey_response_key         (const char *const *titles,
                                              const char        *respondent,
                                              gint64             submitted_ts,
                                              const char        *digits,
                                              const char *const *answers,
                                              guint              n_answers);

G_END_DECLS
