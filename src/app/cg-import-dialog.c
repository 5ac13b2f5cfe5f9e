/* cg-import-dialog.c — detect, preview, map and import a call log, survey
 * results, complaints or customer feedback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-format.h"
#include "cg-import-calls.h"
#include "cg-import-presets.h"
#include "cg-import-dialog.h"
#include "cg-import-job.h"
#include "cg-import-mapping.h"

/* Preview columns: the fields a manager checks first. */
static const CgCallField preview_fields[] = {
  CG_FIELD_START, CG_FIELD_PHONE, CG_FIELD_OUTCOME, CG_FIELD_TALK,
  CG_FIELD_AGENT_ID, CG_FIELD_LINE, CG_FIELD_LIST,
};

static const char *const encodings[] = { NULL, "UTF-8", "GB18030" };

struct _CgImportDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  GtkLabel             *problem_label;
  AdwActionRow         *format_row;
  AdwComboRow          *kind_row;
  AdwPreferencesGroup  *survey_group;
  AdwPreferencesGroup  *survey_preset_group;
  AdwEntryRow          *survey_apply_row;
  AdwEntryRow          *survey_save_row;
  AdwPreferencesGroup  *feedback_group;
  AdwPreferencesGroup  *complaints_group;
  GtkWidget            *preview_box;
  GtkWidget            *save_group;
  AdwComboRow          *encoding_row;
  AdwComboRow          *preset_row;
  AdwEntryRow          *preset_name_row;
  AdwPreferencesGroup  *outcome_group;
  AdwPreferencesGroup  *mapping_group;
  GtkColumnView        *preview;
  GtkProgressBar       *progress_bar;
  GtkLabel             *rate_label;
  AdwStatusPage        *result_page;
  GtkLabel             *result_errors;

  CgWindow             *window;
  char                 *path;
  char                 *db_path;
  char                 *encoding;       /* chosen for the complaints import, NULL for automatic */
  GTimeZone            *tz;
  CgImportAs            kind;
  CgImportPlan         *plan;
  CgSurveyPlan         *survey_plan;
  CgFeedbackPlan       *feedback_plan;
  GtkStringList        *preview_rows;   /* "0", "1", … indexes into the plan's preview */
  GPtrArray            *dynamic_rows;   /* mapping and outcome rows, rebuilt per plan */
  GCancellable         *cancellable;
  gint64                started_us;
  gint64                imported;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (CgImportDialog, cg_import_dialog, ADW_TYPE_WINDOW)

static void rebuild (CgImportDialog *self);

/* ---- preview ---------------------------------------------------------- */

static void
preview_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Times must be read whole; the problem text gets what room is left. */
  if (column >= 0 && preview_fields[column] == CG_FIELD_START)
    gtk_label_set_width_chars (GTK_LABEL (label), 19);
  gtk_list_item_set_child (item, label);
}

static void
preview_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CgImportDialog           *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *obj = gtk_list_item_get_item (item);
  guint row = (guint) g_ascii_strtoull (gtk_string_object_get_string (obj), NULL, 10);
  GPtrArray *preview = cg_import_plan_get_preview (self->plan);
  GPtrArray *errors = cg_import_plan_get_preview_errors (self->plan);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *problem = row < errors->len ? g_ptr_array_index (errors, row) : NULL;
  const char *text;

  if (row >= preview->len)
    return;
  if (column < 0)
    text = problem ? problem : "";
  else
    text = ((char **) g_ptr_array_index (preview, row))[preview_fields[column]];
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text[0] ? text : NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_preview_column (CgImportDialog *self,
                    const char     *title,
                    int             column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (preview_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (preview_bind), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->preview, col);
}

static void
refresh_preview (CgImportDialog *self)
{
  GPtrArray *preview = self->plan ? cg_import_plan_get_preview (self->plan) : NULL;
  guint n = preview ? preview->len : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_strdup_printf ("%u", i));
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (self->preview_rows, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->preview_rows)),
                          (const char *const *) items->pdata);
}

static void
refresh_problem (CgImportDialog *self,
                 const GError   *plan_error)
{
  g_autoptr(GError) error = NULL;

  if (plan_error == NULL && self->plan != NULL)
    cg_import_plan_check (self->plan, &error);
  if (plan_error == NULL)
    plan_error = error;

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), plan_error != NULL);
  gtk_label_set_text (self->problem_label, plan_error ? plan_error->message : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", plan_error == NULL && self->plan != NULL);
}

/* ---- mapping and outcome rows -------------------------------------------- */

static void
mapping_changed (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 CgImportDialog *self)
{
  CgCallField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->plan == NULL)
    return;
  cg_import_plan_set_column (self->plan, field, (int) selected - 1);
  refresh_preview (self);
  refresh_problem (self, NULL);
}

static void
outcome_changed (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 CgImportDialog *self)
{
  const char *word = g_object_get_data (G_OBJECT (row), "word");

  if (self->updating || self->plan == NULL)
    return;
  cg_import_plan_set_outcome (self->plan, word, adw_combo_row_get_selected (row));
  /* The sample is re-read so the preview shows the chosen outcome. */
  cg_import_plan_set_column (self->plan, CG_FIELD_OUTCOME,
                             cg_import_plan_get_column (self->plan, CG_FIELD_OUTCOME));
  refresh_preview (self);
}

static void
clear_dynamic_rows (CgImportDialog *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static void
build_mapping_rows (CgImportDialog *self)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  gtk_string_list_append (columns, _("(Not in this file)"));
  for (guint i = 0; i < cg_import_plan_get_n_columns (self->plan); i++)
    gtk_string_list_append (columns, cg_import_plan_get_column_name (self->plan, i));

  for (CgCallField f = 0; f < CG_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cg_call_field_get_label (f));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cg_call_field_to_string (f));
      adw_combo_row_set_model (row, G_LIST_MODEL (columns));
      adw_combo_row_set_selected (row, cg_import_plan_get_column (self->plan, f) + 1);
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (f));
      g_signal_connect (row, "notify::selected", G_CALLBACK (mapping_changed), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->dynamic_rows, row);
    }
}

static void
build_outcome_rows (CgImportDialog *self)
{
  g_auto(GStrv) words = cg_import_plan_get_unknown_outcomes (self->plan);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);

  for (CgOutcome o = 0; o < CG_N_OUTCOMES; o++)
    gtk_string_list_append (outcomes, cg_outcome_get_label (o));

  for (guint i = 0; words[i] != NULL; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words[i]);
      adw_combo_row_set_model (row, G_LIST_MODEL (outcomes));
      adw_combo_row_set_selected (row, CG_OUTCOME_OTHER);
      g_object_set_data_full (G_OBJECT (row), "word", g_strdup (words[i]), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (outcome_changed), self);
      adw_preferences_group_add (self->outcome_group, GTK_WIDGET (row));
      g_ptr_array_add (self->dynamic_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), words[0] != NULL);
}

static CgReaderOptions
reader_options (CgImportDialog *self)
{
  CgReaderOptions options = { 0 };
  guint encoding = adw_combo_row_get_selected (self->encoding_row);

  options.encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
  return options;
}

/* Shows the groups of the kind being imported. */
static void
show_kind_groups (CgImportDialog *self)
{
  gboolean calls = self->kind == CG_IMPORT_AS_CALLS;

  gtk_widget_set_visible (GTK_WIDGET (self->preset_row), calls);
  gtk_widget_set_visible (self->preview_box, calls);
  gtk_widget_set_visible (self->save_group, calls);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), calls);
  if (!calls)
    gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->survey_group), self->kind == CG_IMPORT_AS_SURVEYS);
  gtk_widget_set_visible (GTK_WIDGET (self->survey_preset_group), self->kind == CG_IMPORT_AS_SURVEYS);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_group), self->kind == CG_IMPORT_AS_FEEDBACK);
  gtk_widget_set_visible (GTK_WIDGET (self->complaints_group), self->kind == CG_IMPORT_AS_COMPLAINTS);
}

static void
set_problem (CgImportDialog *self,
             const GError   *error,
             gboolean        can_import)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  gtk_label_set_text (self->problem_label, error ? error->message : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", can_import);
}

static void
feedback_field_changed (AdwComboRow    *row,
                        GParamSpec     *pspec,
                        CgImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = self->feedback_plan != NULL && cg_feedback_plan_check (self->feedback_plan, &error);

  set_problem (self, error, ok);
}

/* Reads the file again as survey results, complaints or feedback. */
static void
rebuild_other (CgImportDialog *self)
{
  CgReaderOptions options = reader_options (self);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  self->updating = TRUE;
  clear_dynamic_rows (self);
  g_clear_pointer (&self->survey_plan, cg_survey_plan_free);
  g_clear_pointer (&self->feedback_plan, cg_feedback_plan_free);
  switch (self->kind)
    {
    case CG_IMPORT_AS_SURVEYS:
      self->survey_plan = cg_survey_plan_new (self->path, &options, NULL, self->tz, &error);
      if (self->survey_plan != NULL)
        {
          g_autofree char *rows = cg_format_count (cg_survey_plan_get_n_rows (self->survey_plan));
          g_autofree char *format = g_strdup_printf (_("%s · %s responses"),
                                                     cg_survey_plan_get_encoding (self->survey_plan), rows);
          adw_action_row_set_subtitle (self->format_row, format);
          cg_survey_mapping_build (self->survey_group, self->survey_plan, self->dynamic_rows);
          ok = TRUE;
        }
      break;
    case CG_IMPORT_AS_FEEDBACK:
      self->feedback_plan = cg_feedback_plan_new (self->path, &options, NULL, &error);
      if (self->feedback_plan != NULL)
        {
          cg_feedback_mapping_build (self->feedback_group, self->feedback_plan, self->dynamic_rows);
          for (guint i = 0; i < self->dynamic_rows->len; i++)
            g_signal_connect_after (g_ptr_array_index (self->dynamic_rows, i), "notify::selected",
                                    G_CALLBACK (feedback_field_changed), self);
          ok = cg_feedback_plan_check (self->feedback_plan, &error);
        }
      break;
    case CG_IMPORT_AS_COMPLAINTS:
      /* The import finds its columns itself; reading the header tells
       * whether the file can be read at all. */
      ok = cg_import_detect_kind (self->path, &options, &error) != CG_IMPORT_KIND_UNKNOWN || error == NULL;
      break;
    case CG_IMPORT_AS_CALLS:
    case CG_IMPORT_N_AS:
    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
  set_problem (self, error, ok && error == NULL);
}

static void rebuild_calls (CgImportDialog *self);

static void
rebuild (CgImportDialog *self)
{
  show_kind_groups (self);
  if (self->kind == CG_IMPORT_AS_CALLS)
    {
      g_clear_pointer (&self->survey_plan, cg_survey_plan_free);
      g_clear_pointer (&self->feedback_plan, cg_feedback_plan_free);
      rebuild_calls (self);
    }
  else
    {
      clear_dynamic_rows (self);
      g_clear_pointer (&self->plan, cg_import_plan_free);
      refresh_preview (self);
      rebuild_other (self);
    }
}

static void
kind_changed (AdwComboRow    *row,
              GParamSpec     *pspec,
              CgImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= CG_IMPORT_N_AS || selected == self->kind)
    return;
  self->kind = selected;
  rebuild (self);
}

static void
survey_preset_applied (AdwEntryRow    *row,
                       CgImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  CgStore *store = self->window ? cg_window_get_store (self->window) : NULL;
  gboolean save = row == self->survey_save_row;

  if (self->survey_plan == NULL || store == NULL || name[0] == '\0')
    return;
  if (save ? !cg_survey_preset_save (store, name, self->survey_plan, &error)
           : !cg_survey_preset_apply (store, name, self->survey_plan, &error))
    {
      set_problem (self, error, TRUE);
      return;
    }
  set_problem (self, NULL, TRUE);
  if (save)
    {
      g_autofree char *saved = g_strdup_printf (_("Saved as preset “%s”"), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), saved);
    }
  else
    {
      /* The rows show the preset's dimensions. */
      self->updating = TRUE;
      clear_dynamic_rows (self);
      cg_survey_mapping_build (self->survey_group, self->survey_plan, self->dynamic_rows);
      self->updating = FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* Reads the file's head again with the chosen encoding and layout. */
static void
rebuild_calls (CgImportDialog *self)
{
  CgImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) map = NULL;
  g_auto(GStrv) outcomes = NULL;
  guint preset = adw_combo_row_get_selected (self->preset_row);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);

  options.preset = preset < CG_N_PRESETS ? preset : CG_PRESET_AUTO;
  options.reader.encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
  if (preset >= CG_N_PRESETS && self->window != NULL)
    {
      /* Entries past the built-in layouts are the user's saved presets. */
      GListModel *names = adw_combo_row_get_model (self->preset_row);
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), preset);

      if (cg_import_preset_load (cg_window_get_store (self->window), name, &map, &outcomes, &error))
        {
          options.map = (const char *const *) map;
          options.outcome_map = (const char *const *) outcomes;
          options.preset_name = name;
        }
    }

  self->updating = TRUE;
  clear_dynamic_rows (self);
  g_clear_pointer (&self->plan, cg_import_plan_free);
  if (error == NULL)
    self->plan = cg_import_plan_new (self->path, &options, self->tz, &error);
  if (self->plan != NULL)
    {
      g_autofree char *format = g_strdup_printf ("%s · %s · %s",
                                                 cg_file_format_to_string (cg_import_plan_get_format (self->plan)),
                                                 cg_import_plan_get_encoding (self->plan),
                                                 cg_preset_to_string (cg_import_plan_get_preset (self->plan)));
      adw_action_row_set_subtitle (self->format_row, format);
      build_outcome_rows (self);
      build_mapping_rows (self);
    }
  else
    {
      adw_action_row_set_subtitle (self->format_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), FALSE);
    }
  self->updating = FALSE;
  refresh_preview (self);
  refresh_problem (self, error);
}

static void
options_changed (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 CgImportDialog *self)
{
  if (!self->updating)
    rebuild (self);
}

static void
preset_name_applied (AdwEntryRow    *row,
                     CgImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->preset_row));
  g_autofree char *saved = NULL;

  if (self->plan == NULL || self->window == NULL)
    return;
  if (!cg_import_preset_save (cg_window_get_store (self->window), name, self->plan, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  saved = g_strdup_printf (_("Saved as preset “%s”"), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), saved);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  for (guint i = CG_N_PRESETS; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), name) == 0)
      return;
  self->updating = TRUE;
  gtk_string_list_append (names, name);
  self->updating = FALSE;
}

static void
add_saved_presets (CgImportDialog *self)
{
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->preset_row));
  g_auto(GStrv) saved = cg_import_preset_list (cg_window_get_store (self->window));

  self->updating = TRUE;
  for (guint i = 0; saved[i] != NULL; i++)
    gtk_string_list_append (names, saved[i]);
  self->updating = FALSE;
}

/* ---- running the import -------------------------------------------------- */

typedef struct {
  GWeakRef dialog;
  double   fraction;
  gint64   rows;
} Progress;

static gboolean
progress_idle (gpointer data)
{
  Progress *p = data;
  g_autoptr(CgImportDialog) self = g_weak_ref_get (&p->dialog);

  if (self != NULL)
    {
      double seconds = (g_get_monotonic_time () - self->started_us) / (double) G_USEC_PER_SEC;
      g_autofree char *rows = cg_format_count (p->rows);
      g_autofree char *rate = cg_format_count (seconds > 0 ? (gint64) (p->rows / seconds) : 0);
      g_autofree char *text = g_strdup_printf (_("%s rows · %s rows/s"), rows, rate);
      gtk_progress_bar_set_fraction (self->progress_bar, p->fraction);
      gtk_label_set_text (self->rate_label, text);
    }
  g_weak_ref_clear (&p->dialog);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
report_progress (double   fraction,
                 gint64   rows,
                 gpointer user_data)
{
  Progress *p = g_new0 (Progress, 1);

  g_weak_ref_init (&p->dialog, user_data);
  p->fraction = fraction;
  p->rows = rows;
  g_idle_add (progress_idle, p);
}

static void
show_result (CgImportDialog        *self,
             const CgImportOutcome *o)
{
  g_autofree char *title = cg_import_outcome_title (o);
  g_autofree char *description = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *read = cg_format_count (o->read);
  g_autofree char *skipped = cg_format_count (o->skipped);
  g_autofree char *duplicates = cg_format_count (o->duplicates);
  const CgImportResult *r = o->calls;

  self->imported = o->imported;
  description = g_strdup_printf (_("%s rows read, %s skipped as unreadable, %s already in the database."),
                                 read, skipped, duplicates);
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  adw_status_page_set_icon_name (self->result_page,
                                 o->skipped > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

  for (guint i = 0; r != NULL && i < r->errors->len && i < 8; i++)
    {
      const CgImportIssue *issue = g_ptr_array_index (r->errors, i);
      g_autofree char *row = cg_format_count (issue->row);
      g_string_append_printf (errors, _("Row %s, %s: %s\n"), row,
                              issue->column ? issue->column : "—", issue->message);
    }
  if (r != NULL && r->n_errors > 8)
    {
      g_autofree char *more = cg_format_count (r->n_errors - 8);
      g_string_append_printf (errors, _("… and %s more."), more);
    }
  gtk_label_set_text (self->result_errors, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->result_errors), errors->len > 0);
}

static void
import_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgImportOutcome) result = cg_import_job_run_finish (res, &error);

  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "setup");
      gtk_label_set_text (self->problem_label, _("The import was cancelled. Nothing was changed."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", TRUE);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "result");
  if (error != NULL)
    {
      adw_status_page_set_icon_name (self->result_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->result_page, _("Nothing Was Imported"));
      adw_status_page_set_description (self->result_page, error->message);
    }
  else
    show_result (self, result);
  if (self->window != NULL)
    cg_window_refresh (self->window);
}

static void
cg_import_dialog_start_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (widget);
  CgImportJob job = { 0 };

  if (!cg_import_dialog_can_import (self))
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (reader_options (self).encoding);
  self->cancellable = g_cancellable_new ();
  self->started_us = g_get_monotonic_time ();
  gtk_widget_action_set_enabled (widget, "import.start", FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->rate_label, "");
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The dialog is the task's source: its plans live as long as the run. */
  job = (CgImportJob) { self->kind, self->db_path, self->path, self->encoding,
                        self->plan, self->survey_plan, self->feedback_plan };
  cg_import_job_run_async (&job, self, self->cancellable, report_progress, self, import_done, NULL);
}

static void
cg_import_dialog_cancel_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    {
      /* The worker rolls back; the dialog stays until it has. */
      g_cancellable_cancel (self->cancellable);
      gtk_widget_action_set_enabled (widget, "import.cancel", FALSE);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
cg_import_dialog_close_request (GtkWindow *window)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;  /* closes once the worker has rolled back */
    }
  return GTK_WINDOW_CLASS (cg_import_dialog_parent_class)->close_request (window);
}

/* ---- life cycle ------------------------------------------------------------ */

static void
cg_import_dialog_dispose (GObject *object)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (cg_import_dialog_parent_class)->dispose (object);
}

static void
cg_import_dialog_finalize (GObject *object)
{
  CgImportDialog *self = CG_IMPORT_DIALOG (object);

  g_clear_pointer (&self->plan, cg_import_plan_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_object (&self->preview_rows);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->dynamic_rows);
  g_free (self->path);
  g_free (self->db_path);
  g_free (self->encoding);
  g_clear_pointer (&self->survey_plan, cg_survey_plan_free);
  g_clear_pointer (&self->feedback_plan, cg_feedback_plan_free);
  G_OBJECT_CLASS (cg_import_dialog_parent_class)->finalize (object);
}

static void
cg_import_dialog_class_init (CgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_import_dialog_dispose;
  object_class->finalize = cg_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cg_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, survey_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, survey_preset_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, survey_apply_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, survey_save_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, complaints_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, save_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preset_name_row);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, rate_label);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, CgImportDialog, result_errors);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, cg_import_dialog_start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cg_import_dialog_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cg_import_dialog_init (CgImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dynamic_rows = g_ptr_array_new ();
  self->imported = -1;
  self->preview_rows = gtk_string_list_new (NULL);
  gtk_column_view_set_model (self->preview,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview_rows)))));
  for (guint i = 0; i < G_N_ELEMENTS (preview_fields); i++)
    add_preview_column (self, cg_call_field_get_label (preview_fields[i]), i);
  add_preview_column (self, _("Problem"), -1);

  g_signal_connect (self->encoding_row, "notify::selected", G_CALLBACK (options_changed), self);
  g_signal_connect (self->preset_row, "notify::selected", G_CALLBACK (options_changed), self);
  g_signal_connect (self->preset_name_row, "apply", G_CALLBACK (preset_name_applied), self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (kind_changed), self);
  g_signal_connect (self->survey_apply_row, "apply", G_CALLBACK (survey_preset_applied), self);
  g_signal_connect (self->survey_save_row, "apply", G_CALLBACK (survey_preset_applied), self);
}

CgImportDialog *
cg_import_dialog_present (CgWindow *window,
                          GFile    *file)
{
  CgImportDialog *self = g_object_new (CG_TYPE_IMPORT_DIALOG,
                                       "transient-for", window,
                                       NULL);
  g_autofree char *basename = g_file_get_basename (file);

  g_set_weak_pointer (&self->window, window);
  self->path = g_file_get_path (file);
  self->db_path = g_strdup (cg_store_get_path (cg_window_get_store (window)));
  self->tz = cg_store_get_time_zone (cg_window_get_store (window));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), basename);
  add_saved_presets (self);

  if (self->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("Only files on this computer can be imported."));
      refresh_problem (self, error);
    }
  else
    {
      CgReaderOptions options = { 0 };

      self->kind = cg_import_as_detect (self->path, &options, self->tz);
      self->updating = TRUE;
      adw_combo_row_set_selected (self->kind_row, self->kind);
      self->updating = FALSE;
      rebuild (self);
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

const char *
cg_import_dialog_get_state (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
cg_import_dialog_can_import (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), FALSE);
  if (self->cancellable != NULL || self->path == NULL)
    return FALSE;
  switch (self->kind)
    {
    case CG_IMPORT_AS_CALLS:
      return self->plan != NULL && cg_import_plan_check (self->plan, NULL);
    case CG_IMPORT_AS_SURVEYS:
      return self->survey_plan != NULL;
    case CG_IMPORT_AS_FEEDBACK:
      return self->feedback_plan != NULL && cg_feedback_plan_check (self->feedback_plan, NULL);
    case CG_IMPORT_AS_COMPLAINTS:
      return !gtk_widget_get_visible (GTK_WIDGET (self->problem_label));
    case CG_IMPORT_N_AS:
    default:
      return FALSE;
    }
}

CgImportAs
cg_import_dialog_get_kind (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), CG_IMPORT_AS_CALLS);
  return self->kind;
}

void
cg_import_dialog_set_kind (CgImportDialog *self,
                           CgImportAs      kind)
{
  g_return_if_fail (CG_IS_IMPORT_DIALOG (self));
  g_return_if_fail (kind < CG_IMPORT_N_AS);
  adw_combo_row_set_selected (self->kind_row, kind);
}

GPtrArray *
cg_import_dialog_get_mapping_rows (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), NULL);
  return self->dynamic_rows;
}

gint64
cg_import_dialog_get_imported (CgImportDialog *self)
{
  g_return_val_if_fail (CG_IS_IMPORT_DIALOG (self), -1);
  return self->imported;
}
