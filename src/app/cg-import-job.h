/* cg-import-job.h — one import of the import dialog, run on a worker
 * thread with its own database connection, and what it gives back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-demo.h"
#include "cg-feedback-import.h"
#include "cg-import-calls.h"
#include "cg-import-mapping.h"
#include "cg-survey-import.h"

G_BEGIN_DECLS

/* What the import reads: the plan of its kind (borrowed: the caller keeps
 * it alive until the callback), or for complaints the file and encoding. */
typedef struct {
  CgImportAs      kind;
  const char     *db_path;
  const char     *path;
  const char     *encoding;       /* complaints: NULL for automatic */
  CgImportPlan   *plan;
  CgSurveyPlan   *survey_plan;
  CgFeedbackPlan *feedback_plan;
} CgImportJob;

/* What any import gives back, for the result page. */
typedef struct {
  CgImportAs      kind;
  CgImportResult *calls;   /* the call import's details (issues), else NULL */
  gint64          read;
  gint64          imported;
  gint64          skipped;
  gint64          duplicates;
} CgImportOutcome;

void             cg_import_outcome_free (CgImportOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgImportOutcome, cg_import_outcome_free)
/* "Imported 1,234 Calls", "Nothing New to Import" … */
char            *cg_import_outcome_title (const CgImportOutcome *outcome);

/* Runs @job (copied; its pointers must outlive the run) in a worker
 * thread; @progress, when given, is called in that thread.  One
 * transaction: on error or cancel the database is as it was. */
void             cg_import_job_run_async  (const CgImportJob   *job,
                                           gpointer             source_object,
                                           GCancellable        *cancellable,
                                           CgProgressFunc       progress,
                                           gpointer             progress_data,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CgImportOutcome *cg_import_job_run_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
