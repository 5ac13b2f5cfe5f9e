/* cg-window.c — the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-batch.h"
#include "cg-batch-list.h"
#include "cg-compliance.h"
#include "cg-compliance-page.h"
#include "cg-connect-page.h"
#include "cg-cost-page.h"
#include "cg-data-page.h"
#include "cg-demo.h"
#include "cg-export-dialog.h"
#include "cg-filter-bar.h"
#include "cg-format.h"
#include "cg-import-dialog.h"
#include "cg-overview-page.h"
#include "cg-preferences-window.h"
#include "cg-restore-dialog.h"
#include "cg-satisfaction-page.h"
#include "cg-window.h"

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  CgFilterBar          *filter_bar;

  CgStore              *store;           /* the main thread's connection: small writes */
  CgQueryRunner        *runner;          /* the pages' queries, on a worker of their own */
  CgViewFilter         *filter;          /* what every page shows */
  GCancellable         *job;             /* the running background job, if any */
  CgBatchList          *batch_list;
  GArray               *pending_deletes; /* batch ids deleted with undo still possible */
};

static const char *const page_names[] = {
  "overview", "connect", "satisfaction", "cost", "compliance", "data",
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, ADW_TYPE_APPLICATION_WINDOW)

static CgPage *
page_by_name (CgWindow   *self,
              const char *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, name);
  return child != NULL ? CG_PAGE (child) : NULL;
}

static void
show_toast (CgWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- background jobs -------------------------------------------------- */

static void
job_begin (CgWindow   *self,
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

static void
job_end (CgWindow *self)
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
static void
report_progress (double   fraction,
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
  batch = cg_demo_generate (store, &options, report_progress, job->window, cancellable, &error);
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
  job_end (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, _("Loading the demo data was cancelled; nothing was changed."));
  else if (error != NULL)
    show_toast (self, error->message);
  else
    show_toast (self, _("Demo data loaded"));
  cg_window_refresh (self);
}

static void
cg_window_load_demo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->store == NULL || self->job != NULL)
    return;
  job_begin (self, _("Loading demo data…"));
  job = g_new0 (DemoJob, 1);
  job->db_path = g_strdup (cg_store_get_path (self->store));
  job->window = self;
  task = g_task_new (self, self->job, demo_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
cg_window_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cg_window_set_visible_page (CG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
cg_window_cancel_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
}

/* ---- import ------------------------------------------------------------ */

static void
remember_folder (CgWindow *self,
                 GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = app ? cg_application_get_settings (CG_APPLICATION (app)) : NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  if (settings != NULL && path != NULL)
    g_settings_set_string (settings, "last-folder", path);
}

static void
import_chooser_response (GtkNativeDialog *chooser,
                         int              response,
                         CgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      remember_folder (self, file);
      cg_import_dialog_present (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
spreadsheet_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Call logs (CSV, XLSX, XLS)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");
  return filter;
}

static void
cg_window_import_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = app ? cg_application_get_settings (CG_APPLICATION (app)) : NULL;
  g_autoptr(GtkFileFilter) filter = spreadsheet_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->job != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Call Log"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (settings, "last-folder");
      if (last[0] != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_path (last);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CgWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->store == NULL || self->job != NULL)
    return FALSE;
  /* One dialog at a time: each import is its own batch with its own checks. */
  if (files->next != NULL)
    show_toast (self, _("Drop one file at a time; importing the first one."));
  cg_import_dialog_present (self, files->data);
  return TRUE;
}

/* ---- batch deletion with undo ------------------------------------------- */

static void
flush_pending_deletes (CgWindow *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->pending_deletes->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = g_array_index (self->pending_deletes, gint64, i);

      if (!cg_store_delete_batch (self->store, id, &error))
        show_toast (self, error->message);
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
  flush_pending_deletes (self);
}

static void
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

/* ---- pages -------------------------------------------------------------- */

static CgPage *
visible_page (CgWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);
  return child != NULL && CG_IS_PAGE (child) ? CG_PAGE (child) : NULL;
}

/* The visible page first: the worker takes queries in order. */
static void
refresh_pages (CgWindow *self)
{
  CgPage *first = visible_page (self);

  if (self->runner == NULL)
    return;
  if (first != NULL)
    cg_page_refresh (first, self->runner, self->filter);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      CgPage *page = page_by_name (self, page_names[i]);
      if (page != NULL && page != first)
        cg_page_refresh (page, self->runner, self->filter);
    }
}

void
cg_window_refresh (CgWindow *self)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  if (self->store == NULL)
    return;
  if (self->runner == NULL)
    self->runner = cg_query_runner_new (cg_store_get_path (self->store));
  {
    g_autoptr(GTimeZone) tz = cg_store_get_time_zone (self->store);
    g_signal_handlers_block_by_func (self->filter, refresh_pages, self);
    cg_view_filter_set_time_zone (self->filter, tz);
    g_signal_handlers_unblock_by_func (self->filter, refresh_pages, self);
  }
  cg_filter_bar_load_keys (self->filter_bar, self->runner);
  refresh_pages (self);
}

static void
preferences_changed (CgPreferencesWindow *prefs,
                     CgWindow            *self)
{
  cg_window_refresh (self);
}

static void
cg_window_preferences_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgPreferencesWindow *prefs;

  if (self->store == NULL)
    return;
  prefs = cg_preferences_window_new (GTK_WINDOW (self), self->store,
                                     cg_filter_bar_get_keys (self->filter_bar, CG_DIM_LINE));
  g_signal_connect_object (prefs, "changed", G_CALLBACK (preferences_changed), self, 0);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
cg_window_refresh_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cg_window_refresh (CG_WINDOW (widget));
}

static void
cg_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgExportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cg_export_dialog_new (GTK_WINDOW (self), self->store, self->filter);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast's button opening a file or folder with the desktop's handler. */
static void
cg_window_open_uri_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    show_toast (CG_WINDOW (widget), error->message);
}

static void
cg_window_focus_period_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  cg_filter_bar_focus_period (CG_WINDOW (widget)->filter_bar);
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
    show_toast (self, error->message);
  else
    {
      g_autofree char *n = cg_format_count (r->rows_imported);
      g_autofree char *message = g_strdup_printf (_("%s numbers added to the do-not-call list"), n);
      show_toast (self, message);
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

static void
cg_window_import_dnc_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = spreadsheet_filter ();
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

/* ---- window state ------------------------------------------------------- */

static void
cg_window_load_state (CgWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = app ? cg_application_get_settings (CG_APPLICATION (app)) : NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
cg_window_close_request (GtkWindow *window)
{
  CgWindow *self = CG_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings = app ? cg_application_get_settings (CG_APPLICATION (app)) : NULL;

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  if (self->store != NULL)
    flush_pending_deletes (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (cg_window_parent_class)->close_request (window);
}

static void
cg_window_open_store (CgWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  self->store = cg_store_open (cg_application_get_db_path (CG_APPLICATION (app)), &error);
  if (self->store == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
    }
  job_end (self);
}

/* ---- restoring a backup ------------------------------------------------- */

static void
backup_restored (CgRestoreDialog *dialog,
                 CgWindow        *self)
{
  /* A damaged database could not be opened; its replacement can. */
  if (self->store == NULL)
    {
      cg_window_open_store (self);
      if (self->store != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "pages");
    }
  /* The worker's connection still sees the replaced file. */
  if (self->runner != NULL)
    cg_query_runner_reopen (self->runner);
  cg_window_refresh (self);
  show_toast (self, _("Backup restored"));
}

static void
cg_window_restore_backup_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CgWindow *self = CG_WINDOW (widget);
  CgRestoreDialog *dialog;

  /* An import or the demo holds the write lock until it is done. */
  if (self->job != NULL)
    return;
  /* Deletes waiting for Undo happen now, so that the backups and the
   * data on screen are what the user sees when choosing. */
  if (self->store != NULL)
    flush_pending_deletes (self);
  dialog = cg_restore_dialog_present (self);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (backup_restored), self, 0);
}

static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  /* libadwaita 1.2's switchers must let go of the stack before it goes. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_WINDOW);
  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_finalize (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->runner);
  g_clear_object (&self->filter);
  g_array_unref (self->pending_deletes);
  G_OBJECT_CLASS (cg_window_parent_class)->finalize (object);
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cg_window_dispose;
  object_class->finalize = cg_window_finalize;
  window_class->close_request = cg_window_close_request;

  g_type_ensure (CG_TYPE_FILTER_BAR);
  g_type_ensure (CG_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CG_TYPE_CONNECT_PAGE);
  g_type_ensure (CG_TYPE_SATISFACTION_PAGE);
  g_type_ensure (CG_TYPE_COST_PAGE);
  g_type_ensure (CG_TYPE_COMPLIANCE_PAGE);
  g_type_ensure (CG_TYPE_DATA_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, filter_bar);

  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, cg_window_load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cg_window_cancel_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", cg_window_page_action);
  gtk_widget_class_install_action (widget_class, "win.delete-batch", "x", cg_window_delete_batch_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, cg_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, cg_window_restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.import-dnc", NULL, cg_window_import_dnc_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, cg_window_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, cg_window_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.focus-period", NULL, cg_window_focus_period_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, cg_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", cg_window_open_uri_action);
}

static void
cg_window_init (CgWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Pages are looked up rather than bound: libadwaita 1.2 warns when a
   * template disposes a view stack's children before the stack. */
  self->batch_list = cg_data_page_get_batch_list (CG_DATA_PAGE (page_by_name (self, "data")));
  self->filter = cg_view_filter_new ();
  cg_filter_bar_set_filter (self->filter_bar, self->filter);
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (refresh_pages), self);

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

CgWindow *
cg_window_new (CgApplication *application)
{
  CgWindow *self = g_object_new (CG_TYPE_WINDOW, "application", application, NULL);

  cg_window_load_state (self);
  cg_window_open_store (self);
  cg_window_refresh (self);
  return self;
}

CgStore *
cg_window_get_store (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return self->store;
}

void
cg_window_set_visible_page (CgWindow   *self,
                            const char *name)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
cg_window_get_visible_page (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

gboolean
cg_window_page_has_data (CgWindow   *self,
                         const char *name)
{
  CgPage *page;

  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);
  page = page_by_name (self, name);
  return page != NULL && cg_page_get_has_data (page);
}

gboolean
cg_window_is_busy (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);
  if (self->job != NULL || cg_filter_bar_is_loading (self->filter_bar))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      CgPage *page = page_by_name (self, page_names[i]);
      if (page != NULL && cg_page_is_busy (page))
        return TRUE;
    }
  return FALSE;
}

CgViewFilter *
cg_window_get_filter (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return self->filter;
}

CgPage *
cg_window_get_page (CgWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return page_by_name (self, name);
}
