/* cg-window.c — the main window: pages, filter, import, preferences,
 * export and restore (background jobs and batch deletion are in
 * cg-window-jobs.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-batch-list.h"
#include "cg-compliance-page.h"
#include "cg-connect-page.h"
#include "cg-cost-page.h"
#include "cg-data-page.h"
#include "cg-export-dialog.h"
#include "cg-filter-bar.h"
#include "cg-format.h"
#include "cg-import-dialog.h"
#include "cg-overview-page.h"
#include "cg-preferences-window.h"
#include "cg-restore-dialog.h"
#include "cg-satisfaction-page.h"
#include "cg-window-private.h"

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
cg_window_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cg_window_set_visible_page (CG_WINDOW (widget), g_variant_get_string (parameter, NULL));
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

GtkFileFilter *
cg_window_spreadsheet_filter (void)
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
  g_autoptr(GtkFileFilter) filter = cg_window_spreadsheet_filter ();
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
    cg_window_show_toast (self, _("Drop one file at a time; importing the first one."));
  cg_import_dialog_present (self, files->data);
  return TRUE;
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
    cg_window_show_toast (CG_WINDOW (widget), error->message);
}

static void
cg_window_focus_period_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  cg_filter_bar_focus_period (CG_WINDOW (widget)->filter_bar);
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
    cg_window_flush_deletes (self);

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
  cg_window_job_end (self);
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
  cg_window_show_toast (self, _("Backup restored"));
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
    cg_window_flush_deletes (self);
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
