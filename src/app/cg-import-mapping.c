/* cg-import-mapping.c — survey and feedback mapping rows of the import dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-format.h"
#include "cg-import-calls.h"
#include "cg-import-mapping.h"

const char *
cg_import_as_get_label (CgImportAs as)
{
  switch (as)
    {
    case CG_IMPORT_AS_CALLS:      return _("Call log");
    case CG_IMPORT_AS_SURVEYS:    return _("Survey results");
    case CG_IMPORT_AS_COMPLAINTS: return _("Complaints");
    case CG_IMPORT_AS_FEEDBACK:   return _("Customer feedback");
    case CG_IMPORT_N_AS:
    default:                      return NULL;
    }
}

CgImportAs
cg_import_as_detect (const char            *path,
                     const CgReaderOptions *options,
                     GTimeZone             *tz)
{
  CgImportOptions call_options = { 0 };
  g_autoptr(CgFeedbackPlan) feedback = NULL;
  CgImportPlan *calls;
  gboolean calls_ok;

  switch (cg_import_detect_kind (path, options, NULL))
    {
    case CG_IMPORT_KIND_SURVEYS:
      return CG_IMPORT_AS_SURVEYS;
    case CG_IMPORT_KIND_COMPLAINTS:
      return CG_IMPORT_AS_COMPLAINTS;
    case CG_IMPORT_KIND_CALLS:
    case CG_IMPORT_KIND_UNKNOWN:
    default:
      break;
    }
  /* "Calls" is only the fallback of the header test: a file that is no
   * call log but has a date and a text column is feedback. */
  call_options.reader = *options;
  calls = cg_import_plan_new (path, &call_options, tz, NULL);
  calls_ok = calls != NULL && cg_import_plan_check (calls, NULL);
  g_clear_pointer (&calls, cg_import_plan_free);
  if (calls_ok)
    return CG_IMPORT_AS_CALLS;
  feedback = cg_feedback_plan_new (path, options, NULL, NULL);
  if (feedback != NULL && cg_feedback_plan_check (feedback, NULL))
    return CG_IMPORT_AS_FEEDBACK;
  return CG_IMPORT_AS_CALLS;
}

static char *
question_subtitle (const CgSurveyQuestion *q)
{
  g_autofree char *answers = cg_format_count (q->n_answers);

  if (q->dimension == CG_SURVEY_DIM_COMMENT || isnan (q->scale_min))
    return g_strdup_printf (_("%s answers · free text"), answers);
  return g_strdup_printf (_("%s answers · scale %g–%g"), answers, q->scale_min, q->scale_max);
}

static void
dimension_changed (AdwComboRow *row,
                   GParamSpec  *pspec,
                   gpointer     plan)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "question"));
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *subtitle = NULL;

  if (selected >= CG_SURVEY_N_DIMS)
    return;
  cg_survey_plan_set_dimension (plan, index, selected);
  /* The scale follows the dimension (NPS is 0–10). */
  subtitle = question_subtitle (cg_survey_plan_get_question (plan, index));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

void
cg_survey_mapping_build (AdwPreferencesGroup *group,
                         CgSurveyPlan        *plan,
                         GPtrArray           *rows)
{
  g_autoptr(GtkStringList) dimensions = gtk_string_list_new (NULL);

  for (CgSurveyDimension d = 0; d < CG_SURVEY_N_DIMS; d++)
    gtk_string_list_append (dimensions, cg_survey_dimension_get_label (d));

  for (guint i = 0; i < cg_survey_plan_get_n_questions (plan); i++)
    {
      const CgSurveyQuestion *q = cg_survey_plan_get_question (plan, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *subtitle = question_subtitle (q);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), q->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_model (row, G_LIST_MODEL (dimensions));
      adw_combo_row_set_selected (row, q->dimension);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("What this question measures"));
      g_object_set_data (G_OBJECT (row), "question", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (dimension_changed), plan);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (rows, row);
    }
}

static void
field_changed (AdwComboRow *row,
               GParamSpec  *pspec,
               gpointer     plan)
{
  CgFeedbackField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));

  cg_feedback_plan_set_column (plan, field, (int) adw_combo_row_get_selected (row) - 1);
}

void
cg_feedback_mapping_build (AdwPreferencesGroup *group,
                           CgFeedbackPlan      *plan,
                           GPtrArray           *rows)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  gtk_string_list_append (columns, _("(Not in this file)"));
  for (guint i = 0; i < cg_feedback_plan_get_n_columns (plan); i++)
    gtk_string_list_append (columns, cg_feedback_plan_get_column_name (plan, i));

  for (CgFeedbackField f = 0; f < CG_FEEDBACK_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cg_feedback_field_get_label (f));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cg_feedback_field_to_string (f));
      adw_combo_row_set_model (row, G_LIST_MODEL (columns));
      adw_combo_row_set_selected (row, cg_feedback_plan_get_column (plan, f) + 1);
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (f));
      g_signal_connect (row, "notify::selected", G_CALLBACK (field_changed), plan);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (rows, row);
    }
}
