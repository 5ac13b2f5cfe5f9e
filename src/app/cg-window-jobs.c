/* cg-window-jobs.c — the main window's longer work: background jobs with
 * progress and cancel (demo data, a do-not-call list) and deleting import
 * batches with undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-batch.h"
#include "cg-compliance.h"
#include "cg-demo.h"
#include "cg-format.h"
#include "cg-window-private.h"

void
cg_window_show_toast (CgWindow   *self,
                      const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- background jobs -------------------------------------------------- */

void
cg_window_job_begin (CgWindow   *self,
                     const char *label)
{
  g_clear_object (&self->job);
  self->job = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", TRUE);
}

void
cg_window_job_end (CgWindow *self)
{
  g_clear_object (&self->job);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", FALSE);
}

typedef struct {
  GWeakRef window;
  double   fraction;
} ProgressUpdate;

static gboolean
progress_update_idle (gpointer data)
{
  ProgressUpdate *update = data;
  g_autoptr(CgWindow) self = g_weak_ref_get (&update->window);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
  g_weak_ref_clear (&update->window);
  g_free (update);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: hand the number to the main loop. */
void
cg_window_report_progress (double   fraction,
                           gint64   rows,
                           gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  g_weak_ref_init (&update->window, user_data);
  update->fraction = fraction;
  g_idle_add (progress_update_idle, update);
}

/* ---- demo data --------------------------------------------------------- */

typedef struct {
  char     *db_path;
  CgWindow *window;  /* only for progress, through a weak ref */
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->db_path);
  g_free (job);
}

static void
demo_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* A connection of the worker's own: SQLite handles must not be shared
   * between threads, and WAL lets the window keep reading meanwhile. */
  g_autoptr(CgStore) store = cg_store_open (job->db_path, &error);
  CgDemoOptions options = { .seed = 1, .months = 6 };
  gint64 batch;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  batch = cg_demo_generate (store, &options, cg_window_report_progress, job->window, cancellable, &error);
  if (batch == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, batch);
}

static void
demo_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CgWindow *self = CG_WINDOW (source);
  g_autoptr(GError) error = NULL;

  g_task_propagate_int (G_TASK (result), &error);
  cg_window_job_end (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cg_window_show_toast (self, _("Loading the demo data was cancelled; nothing was changed."));
  else if (error != NULL)
    cg_window_show_toast (self, error->message);
  else
    cg_window_show_toast (self, _("Demo data loaded"));
  cg_window_refresh (self);
}

void
cg_window_load_demo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->store == NULL || self->job != NULL)
    return;
  cg_window_job_begin (self, _("Loading demo data…"));
  job = g_new0 (DemoJob, 1);
  job->db_path = g_strdup (cg_store_get_path (self->store));
  job->window = self;
  task = g_task_new (self, self->job, demo_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

void
cg_window_cancel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
}

/* ---- batch deletion with undo ------------------------------------------- */

void
cg_window_flush_deletes (CgWindow *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->pending_deletes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (self->pending_deletes, gint64, i);

      if (!cg_store_delete_batch (self->store, id, &error))
        cg_window_show_toast (self, error->message);
      changed = TRUE;
    }
  g_array_set_size (self->pending_deletes, 0);
  if (changed && gtk_widget_get_realized (GTK_WIDGET (self)))
    cg_window_refresh (self);
}

static void
undo_delete (AdwToast *toast,
             CgWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "batch-id"));

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      g_array_remove_index (self->pending_deletes, i--);
  cg_batch_list_set_hidden (self->batch_list, id, FALSE);
}

static void
toast_dismissed (AdwToast *toast,
                 CgWindow *self)
{
  cg_window_flush_deletes (self);
}

void
cg_window_delete_batch_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  AdwToast *toast;

  /* Deleting is final, so it waits until the Undo toast is gone. */
  g_array_append_val (self->pending_deletes, id);
  cg_batch_list_set_hidden (self->batch_list, id, TRUE);

  toast = adw_toast_new (_("Import batch deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "batch-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete), self);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- do-not-call list ------------------------------------------------------ */

static gpointer
query_import_dnc (CgStore        *store,
                  const CgFilter *filter,
                  gpointer        data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  CgDncImportResult *result = g_new0 (CgDncImportResult, 1);

  if (!cg_compliance_import_dnc (store, data, NULL, result, error))
    g_clear_pointer (&result, g_free);
  return result;
}

static void
import_dnc_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree CgDncImportResult *r = cg_query_runner_finish (CG_QUERY_RUNNER (source), result, &error);

  if (r == NULL)
    cg_window_show_toast (self, error->message);
  else
    {
      g_autofree char *n = cg_format_count (r->rows_imported);
      g_autofree char *message = g_strdup_printf (_("%s numbers added to the do-not-call list"), n);
      cg_window_show_toast (self, message);
      cg_window_refresh (self);
    }
}

static void
dnc_chooser_response (GtkNativeDialog *chooser,
                      int              response,
                      CgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->runner != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      char *path = g_file_get_path (file);

      if (path != NULL)
        cg_query_runner_run (self->runner, query_import_dnc, NULL, path, g_free, g_free, NULL,
                             import_dnc_done, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
cg_window_import_dnc_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = cg_window_spreadsheet_filter ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->job != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Do-Not-Call List"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (dnc_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
