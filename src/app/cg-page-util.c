/* cg-page-util.c — what the pages share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-call.h"
#include "cg-format.h"
#include "cg-page-util.h"

char *
cg_rate_text (gboolean          defined,
              const CgInterval *rate)
{
  if (!defined)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%  (%.1f–%.1f)", 100 * rate->estimate, 100 * rate->lower, 100 * rate->upper);
}

char *
cg_percent_text (double share)
{
  if (isnan (share))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", 100 * share);
}

char *
cg_money_text (double amount_cny)
{
  g_autofree char *count = NULL;

  if (isnan (amount_cny))
    return g_strdup ("—");
  count = cg_format_count ((gint64) llround (amount_cny));
  return g_strdup_printf ("¥%s", count);
}

static const char *
weekday_name (int weekday)
{
  static const char *const names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };
  return weekday >= 1 && weekday <= 7 ? _(names[weekday - 1]) : "?";
}

char *
cg_key_label (CgDimension  by,
              const char  *key)
{
  CgOutcome outcome;

  if (key == NULL || key[0] == '\0')
    return g_strdup (_("(none)"));
  if (by == CG_DIM_OUTCOME && cg_outcome_from_string (key, &outcome))
    return g_strdup (cg_outcome_get_label (outcome));
  if (by == CG_DIM_WEEKDAY)
    return g_strdup (weekday_name (atoi (key)));
  if (by == CG_DIM_HOUR)
    return g_strdup_printf ("%02d:00", atoi (key));
  return g_strdup (key);
}

GtkWidget *
cg_value_row (const char *title,
              const char *subtitle,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

void
cg_list_box_clear (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

enum { COL_KEY, COL_CALLS, COL_CONNECTED, COL_RATE, COL_LOWER, COL_UPPER, COL_ACD, N_CONNECT_COLUMNS };

CgTable *
cg_connect_table_new (const char *key_title)
{
  CgColumn columns[N_CONNECT_COLUMNS] = {
    { key_title, CG_COLUMN_TEXT, N_("Double-click a row to filter every page to it") },
    { N_("Calls"), CG_COLUMN_NUMBER, NULL },
    { N_("Connected"), CG_COLUMN_NUMBER, NULL },
    { N_("Connect rate"), CG_COLUMN_NUMBER, NULL },
    /* xgettext:no-c-format */
    { N_("95 % low"), CG_COLUMN_NUMBER, NULL },
    /* xgettext:no-c-format */
    { N_("95 % high"), CG_COLUMN_NUMBER, NULL },
    { N_("Avg. talk (s)"), CG_COLUMN_NUMBER, NULL },
  };
  return cg_table_new (columns, N_CONNECT_COLUMNS);
}

void
cg_connect_table_fill (CgTable     *table,
                       CgDimension  by,
                       GPtrArray   *rows)
{
  g_autoptr(GPtrArray) table_rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CgConnectRow *r = g_ptr_array_index (rows, i);
      CgTableRow *row = cg_table_row_new (r->key, N_CONNECT_COLUMNS);
      g_autofree char *key = cg_key_label (by, r->key);
      g_autofree char *calls = cg_format_count (r->calls);
      g_autofree char *connected = cg_format_count (r->connected);
      CgInterval rate = { NAN, NAN, NAN };
      g_autofree char *estimate = NULL;
      g_autofree char *lower = NULL;
      g_autofree char *upper = NULL;
      double acd = r->connected > 0 ? (double) r->talk_seconds / r->connected : NAN;
      g_autofree char *acd_text = isnan (acd) ? g_strdup ("—") : g_strdup_printf ("%.0f", acd);

      /* A slice without calls keeps NAN: "—". */
      cg_connect_row_rate (r, &rate);
      estimate = cg_percent_text (rate.estimate);
      lower = cg_percent_text (rate.lower);
      upper = cg_percent_text (rate.upper);
      /* Keys sort as keys (months, hours), not as their labels. */
      cg_table_row_set_number (row, COL_KEY, key, (double) i);
      cg_table_row_set_number (row, COL_CALLS, calls, r->calls);
      cg_table_row_set_number (row, COL_CONNECTED, connected, r->connected);
      cg_table_row_set_number (row, COL_RATE, estimate, rate.estimate);
      cg_table_row_set_number (row, COL_LOWER, lower, rate.lower);
      cg_table_row_set_number (row, COL_UPPER, upper, rate.upper);
      cg_table_row_set_number (row, COL_ACD, acd_text, acd);
      g_ptr_array_add (table_rows, row);
    }
  cg_table_set_rows (table, table_rows);
}

const char *
cg_dimension_label (CgDimension by)
{
  switch (by)
    {
    case CG_DIM_LINE:
      return _("Line");
    case CG_DIM_AGENT:
      return _("Agent");
    case CG_DIM_LIST:
      return _("Number list");
    case CG_DIM_DAY:
      return _("Day");
    case CG_DIM_WEEK:
      return _("Week");
    case CG_DIM_MONTH:
      return _("Month");
    case CG_DIM_QUARTER:
      return _("Quarter");
    case CG_DIM_HOUR:
      return _("Hour");
    case CG_DIM_OUTCOME:
      return _("Outcome");
    default:
      return "";
    }
}

GtkWidget *
cg_chart_view_new_sized (int height)
{
  GtkWidget *view = cg_chart_view_new (NULL);

  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_set_hexpand (view, TRUE);
  return view;
}

void
cg_show_error (GtkWidget  *widget,
               const char *title,
               const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
