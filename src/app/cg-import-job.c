/* cg-import-job.c — one import of the import dialog on a worker thread
 * (cg-import-job.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-complaints.h"
#include "cg-format.h"
#include "cg-import-job.h"

typedef struct {
  CgImportJob     job;
  CgProgressFunc  progress;
  gpointer        progress_data;
} JobData;

void
cg_import_outcome_free (CgImportOutcome *o)
{
  if (o == NULL)
    return;
  g_clear_pointer (&o->calls, cg_import_result_free);
  g_free (o);
}

char *
cg_import_outcome_title (const CgImportOutcome *o)
{
  g_autofree char *n = cg_format_count (o->imported);
  gulong plural = o->imported > 1000000 ? 1000000 : (gulong) o->imported;

  if (o->imported <= 0)
    return g_strdup (_("Nothing New to Import"));
  switch (o->kind)
    {
    case CG_IMPORT_AS_SURVEYS:
      return g_strdup_printf (ngettext ("Imported %s Survey Response", "Imported %s Survey Responses", plural), n);
    case CG_IMPORT_AS_COMPLAINTS:
      return g_strdup_printf (ngettext ("Imported %s Complaint", "Imported %s Complaints", plural), n);
    case CG_IMPORT_AS_FEEDBACK:
      return g_strdup_printf (ngettext ("Imported %s Comment", "Imported %s Comments", plural), n);
    case CG_IMPORT_AS_CALLS:
    case CG_IMPORT_N_AS:
    default:
      return g_strdup_printf (ngettext ("Imported %s Call", "Imported %s Calls", plural), n);
    }
}

/* The import of @d's kind; NULL with @error on failure. */
static CgImportOutcome *
run (const JobData  *d,
     CgStore        *store,
     GCancellable   *cancellable,
     GError        **error)
{
  g_autoptr(CgImportOutcome) o = g_new0 (CgImportOutcome, 1);
  CgReaderOptions options = { 0 };

  o->kind = d->job.kind;
  options.encoding = d->job.encoding;
  switch (d->job.kind)
    {
    case CG_IMPORT_AS_CALLS:
      {
        CgImportResult *r = cg_import_run (store, d->job.plan, d->progress, d->progress_data, cancellable, error);
        if (r == NULL)
          return NULL;
        *o = (CgImportOutcome) { o->kind, r, r->rows_read, r->rows_imported, r->rows_skipped, r->duplicates };
        break;
      }
    case CG_IMPORT_AS_SURVEYS:
      {
        g_autoptr(CgSurveyImportResult) r = cg_survey_import_run (store, d->job.survey_plan, d->progress,
                                                                  d->progress_data, cancellable, error);
        if (r == NULL)
          return NULL;
        *o = (CgImportOutcome) { o->kind, NULL, r->rows_read, r->rows_imported, r->rows_skipped, r->duplicates };
        break;
      }
    case CG_IMPORT_AS_FEEDBACK:
      {
        g_autoptr(CgFeedbackImportResult) r = cg_feedback_import_run (store, d->job.feedback_plan, cancellable, error);
        if (r == NULL)
          return NULL;
        *o = (CgImportOutcome) { o->kind, NULL, r->rows_read, r->rows_imported, r->rows_skipped, r->duplicates };
        break;
      }
    case CG_IMPORT_AS_COMPLAINTS:
      {
        g_autoptr(CgComplaintsImportResult) r = cg_complaints_import (store, d->job.path, &options, error);
        if (r == NULL)
          return NULL;
        *o = (CgImportOutcome) { o->kind, NULL, r->rows_read, r->rows_imported, r->rows_skipped, r->duplicates };
        break;
      }
    case CG_IMPORT_N_AS:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&o);
}

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  const JobData *d = task_data;
  g_autoptr(GError) error = NULL;
  /* The worker's own connection: SQLite handles stay in their thread. */
  g_autoptr(CgStore) store = cg_store_open (d->job.db_path, &error);
  CgImportOutcome *outcome = store != NULL ? run (d, store, cancellable, &error) : NULL;

  if (outcome == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) cg_import_outcome_free);
}

void
cg_import_job_run_async (const CgImportJob   *job,
                         gpointer             source_object,
                         GCancellable        *cancellable,
                         CgProgressFunc       progress,
                         gpointer             progress_data,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  JobData *d = g_new0 (JobData, 1);

  d->job = *job;
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_source_tag (task, cg_import_job_run_async);
  g_task_set_task_data (task, d, g_free);
  g_task_run_in_thread (task, job_thread);
}

CgImportOutcome *
cg_import_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
