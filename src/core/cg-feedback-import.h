/* cg-feedback-import.h — customer feedback texts from spreadsheets into the store.
 *
 * A feedback file has one comment a row: date, channel (电话回访, 投诉热线,
 * 微博 …), the text, and optionally a rating (1–5 or 0–10), the customer's
 * phone and the agent.  Columns are found by header synonyms in Chinese
 * and English and can be remapped (field=COLUMN) before the import.  The
 * import is one transaction and one batch of kind "feedback"; rows seen
 * before (same time, channel, text and number) are skipped as duplicates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-reader.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_FEEDBACK_ERROR (cg_feedback_error_quark ())
typedef enum {
  CG_FEEDBACK_ERROR_MAPPING,  /* no date or text column, or a bad field=COLUMN */
} CgFeedbackError;
GQuark cg_feedback_error_quark (void);

typedef enum {
  CG_FEEDBACK_FIELD_DATE,
  CG_FEEDBACK_FIELD_CHANNEL,
  CG_FEEDBACK_FIELD_TEXT,
  CG_FEEDBACK_FIELD_RATING,
  CG_FEEDBACK_FIELD_PHONE,
  CG_FEEDBACK_FIELD_AGENT,
  CG_FEEDBACK_N_FIELDS
} CgFeedbackField;

/** cg_feedback_field_to_string: the id --map takes ("date", "text" …). */
const char *cg_feedback_field_to_string   (CgFeedbackField  field);
gboolean    cg_feedback_field_from_string (const char      *id,
                                           CgFeedbackField *field);
/** cg_feedback_field_get_label: translated name for people. */
const char *cg_feedback_field_get_label   (CgFeedbackField  field);
/** cg_feedback_field_match_header: the field a header names, or CG_FEEDBACK_N_FIELDS. */
CgFeedbackField cg_feedback_field_match_header (const char *header);

typedef struct _CgFeedbackPlan CgFeedbackPlan;

/* Reads the header row of @path and maps columns by synonyms, then by
 * @map ("field=COLUMN", header text or 1-based number; may be NULL). */
CgFeedbackPlan *cg_feedback_plan_new         (const char             *path,
                                              const CgReaderOptions  *options,
                                              const char *const      *map,
                                              GError                **error);
void            cg_feedback_plan_free        (CgFeedbackPlan *plan);
guint           cg_feedback_plan_get_n_columns  (CgFeedbackPlan *plan);
const char     *cg_feedback_plan_get_column_name (CgFeedbackPlan *plan,
                                                  guint           column);
/** cg_feedback_plan_get_column: the column mapped to @field, or -1. */
int             cg_feedback_plan_get_column  (CgFeedbackPlan  *plan,
                                              CgFeedbackField  field);
void            cg_feedback_plan_set_column  (CgFeedbackPlan  *plan,
                                              CgFeedbackField  field,
                                              int              column);
/** cg_feedback_plan_check: whether the date and text columns are mapped. */
gboolean        cg_feedback_plan_check       (CgFeedbackPlan  *plan,
                                              GError         **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgFeedbackPlan, cg_feedback_plan_free)

typedef struct {
  gint64  batch_id;           /* 0 when nothing new was imported */
  char   *file;
  char   *format;
  char   *encoding;
  char   *sha256;
  gint64  previous_batch_id;  /* an earlier feedback batch of the same file, or 0 */
  gint64  rows_read;
  gint64  rows_imported;
  gint64  rows_skipped;       /* no text, or a date we cannot read */
  gint64  duplicates;
  int     rating_scale;       /* 5 or 10; 0 without ratings */
  GStrv   errors;             /* the first few skipped rows, in words */
} CgFeedbackImportResult;

void cg_feedback_import_result_free (CgFeedbackImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgFeedbackImportResult, cg_feedback_import_result_free)

/* Imports the whole file in one transaction: all of it or, on error or
 * cancellation, nothing.  The rating scale is 10 when any rating is above
 * 5 (or 0 is used), else 5. */
CgFeedbackImportResult *cg_feedback_import_run (CgStore         *store,
                                                CgFeedbackPlan  *plan,
                                                GCancellable    *cancellable,
                                                GError         **error);

G_END_DECLS
