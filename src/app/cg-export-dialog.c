/* cg-export-dialog.c — exports the Excel report for the current period.
 *
 * The period is the filter's; line, agent and list filters do not apply
 * (the report covers the whole team).  The export runs in a worker thread
 * (cg_report_export_async) with its own connection, so the pages keep
 * reading while it writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-export-dialog.h"
#include "cg-scenario-store.h"

struct _CgExportDialog
{
  AdwWindow      parent_instance;

  CgStore       *store;
  CgViewFilter  *filter;
  GStrv          scenarios;
  GCancellable  *cancellable;
  CgReportInfo  *info;
  GError        *error;

  GtkStack      *stack;
  AdwComboRow   *scenario_row;
  GtkSwitch     *raw_switch;
  AdwComboRow   *language_row;
  GtkButton     *export_button;
  GtkProgressBar *progress;
  GtkLabel      *stage;
  GtkLabel      *done_label;
};

G_DEFINE_FINAL_TYPE (CgExportDialog, cg_export_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const CgReportLanguage languages[] = {
  CG_REPORT_LANGUAGE_DEFAULT, CG_REPORT_LANGUAGE_EN, CG_REPORT_LANGUAGE_ZH_CN,
};

char *
cg_export_dialog_default_name (CgViewFilter *filter)
{
  GDate first, last;
  g_autofree char *period = NULL;

  if (!cg_view_filter_get_days (filter, &first, &last))
    period = g_strdup (_("all-time"));
  else
    {
      int y = g_date_get_year (&first), m = g_date_get_month (&first);
      GDate end = first;

      /* A whole quarter or month reads as such; other periods by their days. */
      g_date_add_months (&end, 3);
      g_date_subtract_days (&end, 1);
      if (g_date_get_day (&first) == 1 && (m - 1) % 3 == 0 && g_date_compare (&end, &last) == 0)
        period = g_strdup_printf ("%04dQ%d", y, (m - 1) / 3 + 1);
      else
        {
          end = first;
          g_date_add_months (&end, 1);
          g_date_subtract_days (&end, 1);
          if (g_date_get_day (&first) == 1 && g_date_compare (&end, &last) == 0)
            period = g_strdup_printf ("%04d-%02d", y, m);
          else
            period = g_strdup_printf ("%04d%02d%02d-%04d%02d%02d", y, m, g_date_get_day (&first),
                                      g_date_get_year (&last), g_date_get_month (&last), g_date_get_day (&last));
        }
    }
  /* Translators: the default file name of the Excel report; %s is the
   * period such as 2026Q3.  Keep ".xlsx". */
  return g_strdup_printf (_("Telemarketing-Report-%s.xlsx"), period);
}

static void
on_progress (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  CgExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, fraction);
  if (stage != NULL)
    gtk_label_set_text (self->stage, stage);
}

static void
show_toast (CgExportDialog *self,
            AdwToast       *toast)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *overlay = parent ? gtk_widget_get_first_child (GTK_WIDGET (parent)) : NULL;

  /* The window's content is its toast overlay (cg-window.ui). */
  while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
    overlay = gtk_widget_get_next_sibling (overlay);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CgExportDialog) self = user_data;

  g_clear_pointer (&self->info, cg_report_info_free);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  self->info = cg_report_export_finish (result, &self->error);
  if (self->info != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->info->path);
      g_autofree char *text = g_strdup_printf (_("Saved “%s”."), name);
      g_autofree char *toast_text = g_strdup_printf (_("Report saved: %s"), name);
      g_autoptr(GFile) file = g_file_new_for_path (self->info->path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_uri = g_file_get_uri (folder);
      AdwToast *toast = adw_toast_new (toast_text);

      gtk_label_set_text (self->done_label, text);
      gtk_stack_set_visible_child_name (self->stack, "done");
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
      show_toast (self, toast);
    }
  else if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "options");
      show_toast (self, adw_toast_new (_("Export cancelled; no file was written.")));
    }
  else
    {
      gtk_label_set_text (self->done_label, self->error->message);
      gtk_stack_set_visible_child_name (self->stack, "done");
    }
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

void
cg_export_dialog_export_to (CgExportDialog *self,
                            const char     *path)
{
  CgReportOptions options = { 0 };
  CgFilter filter;
  guint scenario = adw_combo_row_get_selected (self->scenario_row);
  guint language = adw_combo_row_get_selected (self->language_row);

  g_return_if_fail (CG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  cg_view_filter_get (self->filter, &filter);
  options.from_ts = filter.from_ts;
  options.to_ts = filter.to_ts;
  options.scenario = self->scenarios != NULL && scenario < g_strv_length (self->scenarios)
    ? self->scenarios[scenario] : NULL;
  options.raw = gtk_switch_get_active (self->raw_switch);
  options.language = languages[language < G_N_ELEMENTS (languages) ? language : 0];
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_text (self->stage, _("Starting…"));
  gtk_stack_set_visible_child_name (self->stack, "progress");
  cg_report_export_async (self->store, path, &options, self->cancellable, on_progress, self,
                          export_done, g_object_ref (self));
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  CgExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        cg_export_dialog_export_to (self, path);
    }
  g_object_unref (chooser);
}

static void
export_clicked (CgExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autofree char *name = cg_export_dialog_default_name (self->filter);

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (xlsx, _("Excel workbooks"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked (CgExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
launch_uri (CgExportDialog *self,
            gboolean        folder)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (self->info == NULL)
    return;
  file = g_file_new_for_path (self->info->path);
  parent = g_file_get_parent (file);
  uri = g_file_get_uri (folder ? parent : file);
  /* Portable: the desktop's default handler, also on Windows. */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    gtk_label_set_text (self->done_label, error->message);
}

static void
open_clicked (CgExportDialog *self)
{
  launch_uri (self, FALSE);
}

static void
open_folder_clicked (CgExportDialog *self)
{
  launch_uri (self, TRUE);
}

static void
cg_export_dialog_dispose (GObject *object)
{
  CgExportDialog *self = CG_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (cg_export_dialog_parent_class)->dispose (object);
}

static void
cg_export_dialog_finalize (GObject *object)
{
  CgExportDialog *self = CG_EXPORT_DIALOG (object);

  g_strfreev (self->scenarios);
  g_clear_pointer (&self->info, cg_report_info_free);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (cg_export_dialog_parent_class)->finalize (object);
}

static void
cg_export_dialog_class_init (CgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_export_dialog_dispose;
  object_class->finalize = cg_export_dialog_finalize;
  /**
   * CgExportDialog::finished:
   *
   * An export ended: written, failed or cancelled.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
button (const char     *label,
        gboolean        suggested,
        GCallback       callback,
        CgExportDialog *self)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  if (suggested)
    gtk_widget_add_css_class (b, "suggested-action");
  g_signal_connect_swapped (b, "clicked", callback, self);
  return b;
}

static GtkWidget *
options_page (CgExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *raw_row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autoptr(GtkStringList) languages_model =
    gtk_string_list_new ((const char *[]) { _("Application language"), "English", "简体中文", NULL });

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Excel Report"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Summary, connect rate, satisfaction, cost-benefit, compliance and "
                                           "findings of the period chosen in the filter bar, for the whole team."));
  self->scenario_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scenario_row), _("Cost-benefit scenario"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->scenario_row));
  self->raw_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->raw_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (raw_row), _("Include raw data"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (raw_row),
                               _("Every call and survey response on extra sheets. Phone numbers stay masked "
                                 "unless “Keep full numbers” is on in Preferences."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (raw_row), GTK_WIDGET (self->raw_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (raw_row), GTK_WIDGET (self->raw_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), raw_row);
  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Language"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages_model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language_row));
  gtk_box_append (GTK_BOX (box), group);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button (_("_Cancel"), FALSE, G_CALLBACK (cancel_clicked), self));
  self->export_button = GTK_BUTTON (button (_("_Export…"), TRUE, G_CALLBACK (export_clicked), self));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->export_button));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static GtkWidget *
progress_page (CgExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel = button (_("_Cancel"), FALSE, G_CALLBACK (cancel_clicked), self);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->stage = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->stage, TRUE);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (cancel, _("Stop the export; no file is left behind"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stage));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), cancel);
  return box;
}

static GtkWidget *
done_page (CgExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->done_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->done_label, TRUE);
  gtk_label_set_selectable (self->done_label, TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), button (_("Open _Folder"), FALSE, G_CALLBACK (open_folder_clicked), self));
  gtk_box_append (GTK_BOX (buttons), button (_("_Open"), TRUE, G_CALLBACK (open_clicked), self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->done_label));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
cg_export_dialog_init (CgExportDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export Report"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, options_page (self), "options");
  gtk_stack_add_named (self->stack, progress_page (self), "progress");
  gtk_stack_add_named (self->stack, done_page (self), "done");
  gtk_widget_set_margin_top (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->stack), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->stack), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->stack), 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), clamp);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

CgExportDialog *
cg_export_dialog_new (GtkWindow    *parent,
                      CgStore      *store,
                      CgViewFilter *filter)
{
  CgExportDialog *self = g_object_new (CG_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->store = g_object_ref (store);
  self->filter = g_object_ref (filter);
  /* A short list from a small table: read here rather than in a thread. */
  self->scenarios = cg_store_list_scenarios (store, NULL);
  for (guint i = 0; self->scenarios != NULL && self->scenarios[i] != NULL; i++)
    gtk_string_list_append (names, self->scenarios[i]);
  if (self->scenarios == NULL || self->scenarios[0] == NULL)
    gtk_string_list_append (names, _("None"));
  adw_combo_row_set_model (self->scenario_row, G_LIST_MODEL (names));
  return self;
}

const CgReportInfo *
cg_export_dialog_get_info (CgExportDialog *self)
{
  g_return_val_if_fail (CG_IS_EXPORT_DIALOG (self), NULL);
  return self->info;
}

const GError *
cg_export_dialog_get_error (CgExportDialog *self)
{
  g_return_val_if_fail (CG_IS_EXPORT_DIALOG (self), NULL);
  return self->error;
}
