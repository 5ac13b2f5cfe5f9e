/* cg-feedback-section.c — themes, examples and unassigned phrases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-feedback-section.h"
#include "cg-format.h"
#include "cg-page-util.h"

/* Phrases beyond these are rarely worth a theme and make a long list. */
#define MAX_PHRASES 20

struct _CgFeedbackSection
{
  GtkWidget       parent_instance;

  GtkBox         *box;
  GtkLabel       *summary;
  CgTable        *table;
  GtkLabel       *examples_title;
  GtkLabel       *examples;
  GtkDropDown    *terms;
  GtkStringList  *term_list;
  GtkButton      *remove_button;
  GtkListBox     *phrases;
  GtkLabel       *phrases_note;

  CgThemeReport  *report;
  GPtrArray      *themes;      /* CgTheme * */
  GtkStringList  *theme_labels;
  char           *selected;    /* theme id */
  guint           n_phrases;
};

G_DEFINE_FINAL_TYPE (CgFeedbackSection, cg_feedback_section, GTK_TYPE_WIDGET)

enum { ADD_TERM, REMOVE_TERM, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { COL_THEME, COL_MENTIONS, COL_SHARE, COL_NEGATIVE, COL_CHANGE, N_COLUMNS };

static const CgTheme *
find_theme (CgFeedbackSection *self,
            const char        *id)
{
  for (guint i = 0; self->themes != NULL && i < self->themes->len; i++)
    {
      const CgTheme *theme = g_ptr_array_index (self->themes, i);
      if (g_strcmp0 (theme->id, id) == 0)
        return theme;
    }
  return NULL;
}

static const CgThemeRow *
find_row (CgFeedbackSection *self,
          const char        *id)
{
  for (guint i = 0; self->report != NULL && i < self->report->rows->len; i++)
    {
      const CgThemeRow *row = g_ptr_array_index (self->report->rows, i);
      if (g_strcmp0 (row->theme, id) == 0)
        return row;
    }
  return NULL;
}

void
cg_feedback_section_select_theme (CgFeedbackSection *self,
                                  const char        *id)
{
  const CgThemeRow *row = find_row (self, id);
  const CgTheme *theme = find_theme (self, id);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_if_fail (CG_IS_FEEDBACK_SECTION (self));
  g_free (self->selected);
  self->selected = g_strdup (id);
  title = g_strdup_printf (_("Examples of “%s”"), theme ? theme->label : id ? id : "");
  gtk_label_set_text (self->examples_title, title);
  /* The report masks numbers already; masking again costs nothing and
   * keeps a full number off the screen should a text slip through. */
  for (guint i = 0; row != NULL && row->examples != NULL && row->examples[i] != NULL; i++)
    {
      g_autofree char *masked = cg_text_mask_numbers (row->examples[i]);
      g_string_append_printf (text, "“%s”\n", masked);
    }
  if (text->len == 0)
    g_string_append (text, _("No text in this period mentions this theme."));
  else
    g_string_truncate (text, text->len - 1);
  gtk_label_set_text (self->examples, text->str);

  gtk_string_list_splice (self->term_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->term_list)),
                          theme ? (const char *const *) theme->terms : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button),
                            g_list_model_get_n_items (G_LIST_MODEL (self->term_list)) > 0);
}

static void
on_row_activated (CgTable           *table,
                  const char        *id,
                  CgFeedbackSection *self)
{
  cg_feedback_section_select_theme (self, id);
}

static void
on_remove_clicked (GtkButton         *button,
                   CgFeedbackSection *self)
{
  GtkStringObject *term = gtk_drop_down_get_selected_item (self->terms);

  if (term == NULL || self->selected == NULL)
    return;
  g_signal_emit (self, signals[REMOVE_TERM], 0, self->selected, gtk_string_object_get_string (term));
}

static char *
change_text (const CgThemeRow *row)
{
  if (!row->has_previous || isnan (row->change))
    return g_strdup ("—");
  /* Percentage points, marked when the z-test says the change is real. */
  return g_strdup_printf ("%+.1f pp%s", 100 * row->change,
                          !isnan (row->p_value) && row->p_value < 0.05 ? " *" : "");
}

static void
fill_table (CgFeedbackSection *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->report->rows->len; i++)
    {
      const CgThemeRow *r = g_ptr_array_index (self->report->rows, i);
      CgTableRow *row = cg_table_row_new (r->theme, N_COLUMNS);
      g_autofree char *mentions = cg_format_count (r->mentions);
      g_autofree char *share = cg_percent_text (r->share);
      g_autofree char *negative = cg_percent_text (r->negative_share);
      g_autofree char *change = change_text (r);

      cg_table_row_set_text (row, COL_THEME, r->label);
      cg_table_row_set_number (row, COL_MENTIONS, mentions, r->mentions);
      cg_table_row_set_number (row, COL_SHARE, share, r->share);
      cg_table_row_set_number (row, COL_NEGATIVE, negative, r->negative_share);
      cg_table_row_set_number (row, COL_CHANGE, change, r->has_previous ? r->change : NAN);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (self->table, rows);
}

static void
on_add_clicked (GtkButton *button,
                gpointer   user_data)
{
  CgFeedbackSection *self = CG_FEEDBACK_SECTION (user_data);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkDropDown *themes = g_object_get_data (G_OBJECT (button), "themes");
  const char *term = g_object_get_data (G_OBJECT (button), "term");
  guint selected = gtk_drop_down_get_selected (themes);
  const CgTheme *theme;

  if (self->themes == NULL || selected >= self->themes->len)
    return;
  theme = g_ptr_array_index (self->themes, selected);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[ADD_TERM], 0, theme->id, term);
}

static GtkWidget *
phrase_row (CgFeedbackSection *self,
            const CgTermCount *count)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *themes = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->theme_labels)), NULL);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  g_autofree char *n = cg_format_count (count->texts);
  g_autofree char *subtitle = g_strdup_printf (_("in %s texts"), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count->term);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_accessible_update_property (GTK_ACCESSIBLE (themes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme"), -1);
  gtk_widget_add_css_class (add, "suggested-action");
  g_object_set_data (G_OBJECT (add), "themes", themes);
  g_object_set_data_full (G_OBJECT (add), "term", g_strdup (count->term), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Add this phrase to the theme:")));
  gtk_box_append (GTK_BOX (box), themes);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), _("Add to Theme…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu, _("Count texts with this phrase as mentions of a theme from now on"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
  return row;
}

static void
fill_phrases (CgFeedbackSection *self)
{
  GPtrArray *unassigned = self->report->unassigned;

  cg_list_box_clear (self->phrases);
  self->n_phrases = 0;
  for (guint i = 0; unassigned != NULL && i < unassigned->len && i < MAX_PHRASES; i++)
    {
      gtk_list_box_append (self->phrases, phrase_row (self, g_ptr_array_index (unassigned, i)));
      self->n_phrases++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->phrases), self->n_phrases > 0);
  gtk_label_set_text (self->phrases_note, self->n_phrases > 0
                      ? _("Phrases many customers use that no theme counts yet. Add one to a theme to count it from now on.")
                      : _("Every frequent phrase belongs to a theme."));
}

void
cg_feedback_section_set_report (CgFeedbackSection *self,
                                CgThemeReport     *report,
                                GPtrArray         *themes)
{
  g_autofree char *texts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *selected = NULL;
  double top = -1;

  g_return_if_fail (CG_IS_FEEDBACK_SECTION (self));
  g_return_if_fail (report != NULL && themes != NULL);

  g_clear_pointer (&self->report, cg_theme_report_free);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  self->report = report;
  self->themes = themes;

  gtk_string_list_splice (self->theme_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->theme_labels)), NULL);
  for (guint i = 0; i < themes->len; i++)
    gtk_string_list_append (self->theme_labels, ((CgTheme *) g_ptr_array_index (themes, i))->label);

  texts = cg_format_count (report->texts);
  summary = g_strdup_printf (_("%s texts in this period: feedback, free-text survey answers and complaints. "
                               "Share = texts that mention the theme; change against the previous period of the same "
                               "length, * where it is significant (5 %%)."), texts);
  gtk_label_set_text (self->summary, summary);
  fill_table (self);
  fill_phrases (self);

  /* Keep the user's theme; else show the one customers raise most. */
  selected = g_strdup (self->selected);
  if (selected == NULL || find_theme (self, selected) == NULL)
    for (guint i = 0; i < report->rows->len; i++)
      {
        const CgThemeRow *row = g_ptr_array_index (report->rows, i);
        if (!isnan (row->share) && row->share > top)
          {
            top = row->share;
            g_free (selected);
            selected = g_strdup (row->theme);
          }
      }
  cg_feedback_section_select_theme (self, selected);
}

CgTable *
cg_feedback_section_get_table (CgFeedbackSection *self)
{
  g_return_val_if_fail (CG_IS_FEEDBACK_SECTION (self), NULL);
  return self->table;
}

guint
cg_feedback_section_get_n_phrases (CgFeedbackSection *self)
{
  g_return_val_if_fail (CG_IS_FEEDBACK_SECTION (self), 0);
  return self->n_phrases;
}

static void
cg_feedback_section_dispose (GObject *object)
{
  CgFeedbackSection *self = CG_FEEDBACK_SECTION (object);

  g_clear_pointer ((GtkWidget **) &self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (cg_feedback_section_parent_class)->dispose (object);
}

static void
cg_feedback_section_finalize (GObject *object)
{
  CgFeedbackSection *self = CG_FEEDBACK_SECTION (object);

  g_clear_pointer (&self->report, cg_theme_report_free);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_object (&self->theme_labels);
  g_clear_object (&self->term_list);
  g_free (self->selected);
  G_OBJECT_CLASS (cg_feedback_section_parent_class)->finalize (object);
}

static void
cg_feedback_section_class_init (CgFeedbackSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_feedback_section_dispose;
  object_class->finalize = cg_feedback_section_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (i == ADD_TERM ? "add-term" : "remove-term",
                               G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                               G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static GtkWidget *
heading (const char *text,
         const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css);
  return label;
}

static void
cg_feedback_section_init (CgFeedbackSection *self)
{
  static const CgColumn columns[N_COLUMNS] = {
    { N_("Theme"), CG_COLUMN_TEXT, NULL },
    { N_("Mentions"), CG_COLUMN_NUMBER, N_("Texts that mention the theme") },
    { N_("Share"), CG_COLUMN_NUMBER, N_("Mentions / all texts of the period") },
    { N_("Negative"), CG_COLUMN_NUMBER, N_("Negative texts among the mentions") },
    /* xgettext:no-c-format */
    { N_("Change"), CG_COLUMN_NUMBER, N_("Share minus the share of the previous period, in percentage points; * significant at 5 %") },
  };
  GtkWidget *terms_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->theme_labels = gtk_string_list_new (NULL);
  self->term_list = gtk_string_list_new (NULL);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_parent (GTK_WIDGET (self->box), GTK_WIDGET (self));

  gtk_box_append (self->box, heading (_("What Customers Say"), "heading"));
  self->summary = GTK_LABEL (heading (NULL, "dim-label"));
  gtk_box_append (self->box, GTK_WIDGET (self->summary));
  self->table = cg_table_new (columns, N_COLUMNS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Themes"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table), _("Double-click a theme to see what customers wrote"));
  g_signal_connect (self->table, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (self->box, GTK_WIDGET (self->table));

  self->examples_title = GTK_LABEL (heading (NULL, "heading"));
  gtk_widget_set_margin_top (GTK_WIDGET (self->examples_title), 12);
  gtk_box_append (self->box, GTK_WIDGET (self->examples_title));
  self->examples = GTK_LABEL (heading (NULL, "body"));
  gtk_label_set_selectable (self->examples, TRUE);
  gtk_box_append (self->box, GTK_WIDGET (self->examples));

  self->terms = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->term_list)), NULL));
  gtk_drop_down_set_enable_search (self->terms, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->terms), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Terms of the theme"), -1);
  self->remove_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Remove Term")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Stop counting texts with this word or phrase as mentions of the theme"));
  g_signal_connect (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_box_append (GTK_BOX (terms_box), gtk_label_new (_("Terms:")));
  gtk_box_append (GTK_BOX (terms_box), GTK_WIDGET (self->terms));
  gtk_box_append (GTK_BOX (terms_box), GTK_WIDGET (self->remove_button));
  gtk_box_append (self->box, terms_box);

  gtk_box_append (self->box, heading (_("Frequent Phrases Without a Theme"), "heading"));
  self->phrases_note = GTK_LABEL (heading (NULL, "dim-label"));
  gtk_box_append (self->box, GTK_WIDGET (self->phrases_note));
  self->phrases = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->phrases, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->phrases), "boxed-list");
  gtk_box_append (self->box, GTK_WIDGET (self->phrases));
}

GtkWidget *
cg_feedback_section_new (void)
{
  return g_object_new (CG_TYPE_FEEDBACK_SECTION, NULL);
}
