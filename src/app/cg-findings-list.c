/* cg-findings-list.c — the ranked findings as rows that lead to their page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-findings-list.h"
#include "cg-page-util.h"

const char *
cg_finding_page_name (const CgFindingEntry *entry)
{
  switch (entry->kind)
    {
    case CG_FINDING_KIND_THEME:
      return "satisfaction";
    case CG_FINDING_KIND_COMPLIANCE:
      return "compliance";
    case CG_FINDING_KIND_FINANCE:
      return "cost";
    case CG_FINDING_KIND_INCIDENT:
    case CG_FINDING_KIND_QUALITY:
      return "connect";
    case CG_FINDING_KIND_CHANGE:
    case CG_FINDING_KIND_DIFFERENCE:
    case CG_FINDING_N_KINDS:
    default:
      break;
    }
  if (g_strcmp0 (entry->metric, "csat") == 0 || g_strcmp0 (entry->metric, "nps") == 0 ||
      g_strcmp0 (entry->metric, "complaint_rate") == 0)
    return "satisfaction";
  return "connect";
}

/* What a row's button needs once the findings are gone. */
typedef struct {
  CgViewFilter *filter;
  CgDimension   dimension;
  char         *key;
  const char   *page;
} Target;

static void
target_free (gpointer data,
             GClosure *closure)
{
  Target *t = data;

  g_clear_object (&t->filter);
  g_free (t->key);
  g_free (t);
}

static void
show_clicked (GtkButton *button,
              Target    *t)
{
  /* A total finding clears the slice so the page shows what it speaks of. */
  if (t->dimension == CG_DIM_LINE || t->dimension == CG_DIM_AGENT || t->dimension == CG_DIM_LIST)
    cg_view_filter_set_dimension (t->filter, t->dimension, t->key);
  else if (t->dimension == CG_DIM_TOTAL)
    {
      cg_view_filter_set_line (t->filter, NULL);
      cg_view_filter_set_agent (t->filter, NULL);
      cg_view_filter_set_list (t->filter, NULL);
    }
  gtk_widget_activate_action (GTK_WIDGET (button), "win.page", "s", t->page);
}

static GtkWidget *
finding_row (const CgFindingEntry *entry,
             guint                 rank,
             CgViewFilter         *filter)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Show"));
  g_autofree char *number = g_strdup_printf ("%u", rank);
  GtkWidget *prefix = gtk_label_new (number);
  g_autofree char *escaped = g_markup_escape_text (entry->text, -1);
  Target *t = g_new0 (Target, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (prefix, "dim-label");
  gtk_widget_add_css_class (prefix, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open the page of this finding, filtered to its subject"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  t->filter = g_object_ref (filter);
  t->dimension = entry->dimension;
  t->key = g_strdup (entry->key);
  t->page = cg_finding_page_name (entry);
  g_signal_connect_data (button, "clicked", G_CALLBACK (show_clicked), t, target_free, 0);
  return row;
}

void
cg_findings_list_fill (GtkListBox       *box,
                       const CgFindings *findings,
                       guint             max_rows,
                       CgViewFilter     *filter)
{
  cg_list_box_clear (box);
  if (findings->entries->len == 0)
    {
      gtk_list_box_append (box, cg_value_row (_("Nothing stands out in this period"), NULL, ""));
      return;
    }
  for (guint i = 0; i < findings->entries->len && i < max_rows; i++)
    gtk_list_box_append (box, finding_row (g_ptr_array_index (findings->entries, i), i + 1, filter));
}
