/* cg-report-async.c — the Excel report in a GTask worker thread, with
 * progress delivered to the caller's main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-report.h"

typedef struct {
  char                 *db_path;
  char                 *path;
  CgReportOptions       options;
  char                 *scenario;
  GMainContext         *context;
  CgReportProgressFunc  progress;
  gpointer              progress_data;
  double                last_fraction;
  char                 *last_stage;
} ExportJob;

/* Carries its own copy of the callback: it may run after the job is gone. */
typedef struct {
  CgReportProgressFunc  progress;
  gpointer              progress_data;
  double                fraction;
  char                 *stage;
} ProgressUpdate;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->scenario);
  g_free (job->last_stage);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *u = data;

  u->progress (u->fraction, u->stage, u->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;

  g_free (u->stage);
  g_free (u);
}

/* In the worker: passes on a new stage, or a step of at least 1 %. */
static void
forward_progress (double      fraction,
                  const char *stage,
                  gpointer    user_data)
{
  ExportJob *job = user_data;
  ProgressUpdate *u;

  if (stage == NULL && fraction - job->last_fraction < 0.01 && fraction < 1.0)
    return;
  if (stage != NULL)
    {
      g_free (job->last_stage);
      job->last_stage = g_strdup (stage);
    }
  job->last_fraction = fraction;
  u = g_new0 (ProgressUpdate, 1);
  u->progress = job->progress;
  u->progress_data = job->progress_data;
  u->fraction = fraction;
  u->stage = g_strdup (job->last_stage);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, u,
                              progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* A further connection of a process that opened and checked the
   * database already, and the export only reads. */
  g_autoptr(CgStore) store = cg_store_open_unchecked (job->db_path, &error);
  CgReportInfo *info = NULL;

  if (store != NULL)
    info = cg_report_export (store, job->path, &job->options, cancellable,
                             job->progress != NULL ? forward_progress : NULL, job, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) cg_report_info_free);
}

void
cg_report_export_async (CgStore                *store,
                        const char             *path,
                        const CgReportOptions  *options,
                        GCancellable           *cancellable,
                        CgReportProgressFunc    progress,
                        gpointer                progress_data,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (cg_store_get_path (store));
  job->path = g_strdup (path);
  job->options = *options;
  job->scenario = g_strdup (options->scenario);
  job->options.scenario = job->scenario;
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->last_fraction = -1;
  g_task_set_source_tag (task, cg_report_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

CgReportInfo *
cg_report_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
