/* cg-restore-dialog.c — choose a backup and restore it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-backup.h"
#include "cg-restore-dialog.h"

struct _CgRestoreDialog
{
  AdwWindow     parent_instance;

  GtkStack     *stack;
  GtkLabel     *problem_label;
  GtkListBox   *list_box;
  GtkSpinner   *spinner;

  char         *db_path;
  GListModel   *backups;   /* of CgBackup, newest first */
  gboolean      restoring;
};

G_DEFINE_FINAL_TYPE (CgRestoreDialog, cg_restore_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_when (CgBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (cg_backup_get_created_at (backup));

  /* Translators: when a backup was made; strftime format. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S"));
}

static void
show_problem (CgRestoreDialog *self,
              const GError    *error)
{
  gtk_label_set_text (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CgBackup *backup = CG_BACKUP (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *when = format_when (backup);
  g_autofree char *size = g_format_size (cg_backup_get_size (backup));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", cg_backup_reason_get_label (cg_backup_get_reason (backup)), size);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, cg_backup_get_path (backup));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restore this backup"), -1);
  /* Target first: an action name without its string target is invalid. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", cg_backup_get_path (backup));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "restore.confirm");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (CgRestoreDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->backups);
  self->backups = cg_backup_list (self->db_path, &error);
  if (self->backups == NULL)
    self->backups = G_LIST_MODEL (g_list_store_new (CG_TYPE_BACKUP));
  gtk_list_box_bind_model (self->list_box, self->backups, create_row, self, NULL);
  show_problem (self, error);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->backups) > 0 || error != NULL ? "list" : "empty");
}

/* ---- restoring ---------------------------------------------------------- */

typedef struct {
  char *db_path;
  char *backup_path;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->db_path);
  g_free (job->backup_path);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* A connection of the worker's own; the window's sees the result. */
  g_autoptr(CgStore) store = cg_store_open (job->db_path, &error);
  gboolean ok;

  if (store != NULL)
    ok = cg_backup_restore (store, job->backup_path, &error);
  else if (g_error_matches (error, CG_STORE_ERROR, CG_STORE_ERROR_CORRUPT))
    {
      /* The user chose this backup to replace a damaged database: the
       * damaged file is kept beside it. */
      g_clear_error (&error);
      ok = cg_backup_restore_damaged (job->db_path, job->backup_path, NULL, &error);
    }
  else
    ok = FALSE;

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
restore_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CgRestoreDialog *self = CG_RESTORE_DIALOG (source);
  g_autoptr(GError) error = NULL;

  self->restoring = FALSE;
  gtk_spinner_stop (self->spinner);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      reload (self);
      show_problem (self, error);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  g_signal_emit (self, signals[RESTORED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

void
cg_restore_dialog_restore (CgRestoreDialog *self,
                           const char      *backup_path)
{
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  g_return_if_fail (CG_IS_RESTORE_DIALOG (self));
  g_return_if_fail (backup_path != NULL);

  if (self->restoring)
    return;
  self->restoring = TRUE;
  show_problem (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_spinner_start (self->spinner);

  job = g_new0 (RestoreJob, 1);
  job->db_path = g_strdup (self->db_path);
  job->backup_path = g_strdup (backup_path);
  task = g_task_new (self, NULL, restore_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
confirm_response (AdwMessageDialog *dialog,
                  const char       *response,
                  CgRestoreDialog  *self)
{
  cg_restore_dialog_restore (self, g_object_get_data (G_OBJECT (dialog), "backup-path"));
}

static CgBackup *
find_backup (CgRestoreDialog *self,
             const char      *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->backups); i++)
    {
      g_autoptr(CgBackup) backup = g_list_model_get_item (self->backups, i);

      if (g_strcmp0 (cg_backup_get_path (backup), path) == 0)
        return g_steal_pointer (&backup);
    }
  return NULL;
}

static void
cg_restore_dialog_confirm_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CgRestoreDialog *self = CG_RESTORE_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(CgBackup) backup = find_backup (self, path);
  g_autofree char *when = NULL;
  GtkWidget *dialog;

  if (backup == NULL || self->restoring)
    return;
  when = format_when (backup);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("All data in the database %s — calls, import batches, surveys, scenarios and settings — will be replaced by the backup made %s (%s). The data it replaces is backed up first, so you can go back to it."),
                                  self->db_path, when,
                                  cg_backup_reason_get_label (cg_backup_get_reason (backup)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response::restore", G_CALLBACK (confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- life cycle ----------------------------------------------------------- */

static gboolean
cg_restore_dialog_close_request (GtkWindow *window)
{
  /* A restore is one transaction that cannot be stopped halfway: the
   * dialog stays until it is done. */
  if (CG_RESTORE_DIALOG (window)->restoring)
    return TRUE;
  return GTK_WINDOW_CLASS (cg_restore_dialog_parent_class)->close_request (window);
}

static void
cg_restore_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_RESTORE_DIALOG);
  G_OBJECT_CLASS (cg_restore_dialog_parent_class)->dispose (object);
}

static void
cg_restore_dialog_finalize (GObject *object)
{
  CgRestoreDialog *self = CG_RESTORE_DIALOG (object);

  g_clear_object (&self->backups);
  g_free (self->db_path);
  G_OBJECT_CLASS (cg_restore_dialog_parent_class)->finalize (object);
}

static void
cg_restore_dialog_class_init (CgRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_restore_dialog_dispose;
  object_class->finalize = cg_restore_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cg_restore_dialog_close_request;

  /* Emitted after a backup replaced the database's data. */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CgRestoreDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CgRestoreDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, CgRestoreDialog, spinner);

  gtk_widget_class_install_action (widget_class, "restore.confirm", "s", cg_restore_dialog_confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_restore_dialog_init (CgRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CgRestoreDialog *
cg_restore_dialog_present (CgWindow *window)
{
  CgRestoreDialog *self;
  CgStore *store;

  g_return_val_if_fail (CG_IS_WINDOW (window), NULL);

  self = g_object_new (CG_TYPE_RESTORE_DIALOG, "transient-for", window, NULL);
  /* Without a store (a damaged database) the application knows the path. */
  store = cg_window_get_store (window);
  if (store != NULL)
    self->db_path = g_strdup (cg_store_get_path (store));
  else
    self->db_path = g_strdup (cg_application_get_db_path (CG_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)))));
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

const char *
cg_restore_dialog_get_state (CgRestoreDialog *self)
{
  g_return_val_if_fail (CG_IS_RESTORE_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
cg_restore_dialog_get_n_backups (CgRestoreDialog *self)
{
  g_return_val_if_fail (CG_IS_RESTORE_DIALOG (self), 0);
  return g_list_model_get_n_items (self->backups);
}
