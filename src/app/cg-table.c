/* cg-table.c — a sortable table described by its columns.
 *
 * One GtkColumnView over a GListStore of CgTableRow, sorted through the
 * view's own sorter so that clicking a header sorts; every page's tables
 * are instances of this one widget.  Activating a row (double click,
 * Enter) emits ::row-activated with the row's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include <string.h>
#include <adwaita.h>

#include "cg-csv-out.h"
#include "cg-page-util.h"
#include "cg-table.h"

struct _CgTableRow
{
  GObject  parent_instance;

  char    *id;
  guint    n_cells;
  char   **texts;
  double  *values;
};

G_DEFINE_FINAL_TYPE (CgTableRow, cg_table_row, G_TYPE_OBJECT)

static void
cg_table_row_finalize (GObject *object)
{
  CgTableRow *self = CG_TABLE_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_free (self->values);
  g_free (self->id);
  G_OBJECT_CLASS (cg_table_row_parent_class)->finalize (object);
}

static void
cg_table_row_class_init (CgTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_table_row_finalize;
}

static void
cg_table_row_init (CgTableRow *self)
{
}

CgTableRow *
cg_table_row_new (const char *id,
                  guint       n_cells)
{
  CgTableRow *self = g_object_new (CG_TYPE_TABLE_ROW, NULL);

  self->id = g_strdup (id);
  self->n_cells = n_cells;
  self->texts = g_new0 (char *, n_cells);
  self->values = g_new (double, n_cells);
  for (guint i = 0; i < n_cells; i++)
    self->values[i] = NAN;
  return self;
}

const char *
cg_table_row_get_id (CgTableRow *self)
{
  g_return_val_if_fail (CG_IS_TABLE_ROW (self), NULL);
  return self->id;
}

void
cg_table_row_set_text (CgTableRow *self,
                       guint       column,
                       const char *text)
{
  g_return_if_fail (CG_IS_TABLE_ROW (self));
  g_return_if_fail (column < self->n_cells);
  g_free (self->texts[column]);
  self->texts[column] = g_strdup (text);
}

void
cg_table_row_set_number (CgTableRow *self,
                         guint       column,
                         const char *text,
                         double      value)
{
  cg_table_row_set_text (self, column, text);
  self->values[column] = value;
}

const char *
cg_table_row_get_text (CgTableRow *self,
                       guint       column)
{
  g_return_val_if_fail (CG_IS_TABLE_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return self->texts[column] ? self->texts[column] : "";
}

double
cg_table_row_get_value (CgTableRow *self,
                        guint       column)
{
  g_return_val_if_fail (CG_IS_TABLE_ROW (self), NAN);
  g_return_val_if_fail (column < self->n_cells, NAN);
  return self->values[column];
}

/* ---- the table ----------------------------------------------------------- */

struct _CgTable
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkWidget      *context_menu;
  GtkColumnView  *view;
  GListStore     *rows;
  GtkSortListModel *sorted;
  guint           n_columns;
  char          **titles;     /* translated, for the CSV header */
  gboolean       *numeric;    /* per column */
};

G_DEFINE_FINAL_TYPE (CgTable, cg_table, GTK_TYPE_WIDGET)

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data) >> 1;
  gboolean numeric = GPOINTER_TO_UINT (user_data) & 1;
  CgTableRow *ra = CG_TABLE_ROW ((gpointer) a), *rb = CG_TABLE_ROW ((gpointer) b);

  if (numeric)
    {
      double va = ra->values[column], vb = rb->values[column];

      if (isnan (va) || isnan (vb))
        return isnan (va) && isnan (vb) ? 0 : isnan (va) ? -1 : 1;
      return va < vb ? -1 : va > vb ? 1 : 0;
    }
  return g_utf8_collate (cg_table_row_get_text (ra, column), cg_table_row_get_text (rb, column));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_UINT (user_data) & 1;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data) >> 1;
  CgTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = cg_table_row_get_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             CgTable       *self)
{
  g_autoptr(CgTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, row->id);
}

/* ---- CSV: what the table shows, in the order the user sorted it ------- */

char *
cg_table_to_csv (CgTable *self)
{
  GListModel *model;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CG_IS_TABLE (self), NULL);

  model = G_LIST_MODEL (self->sorted);
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      cg_csv_append_text (out, self->titles[c]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CgTableRow) row = g_list_model_get_item (model, i);

      for (guint c = 0; c < self->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          /* Numbers as numbers, so a spreadsheet can sum them; "—" and
           * other gaps as empty cells. */
          if (self->numeric[c])
            cg_csv_append_number (out, cg_table_row_get_value (row, c));
          else
            cg_csv_append_text (out, cg_table_row_get_text (row, c));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
copy_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autofree char *csv = cg_table_to_csv (CG_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
}

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               CgTable         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *csv = cg_table_to_csv (self);
      /* The BOM tells Excel the file is UTF-8 (else it reads Chinese as
       * the ANSI code page). */
      g_autofree char *contents = g_strconcat ("\xEF\xBB\xBF", csv, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        cg_show_error (GTK_WIDGET (self), _("Table Not Saved"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Table as CSV"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("table.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
popup_menu (CgTable *self,
            double   x,
            double   y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CgTable         *self)
{
  popup_menu (self, x, y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  popup_menu (CG_TABLE (widget), gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* ---- layout: the scroller, and the menu presented beside it ---------- */

static void
cg_table_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  gtk_widget_measure (CG_TABLE (widget)->scroller, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
cg_table_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  CgTable *self = CG_TABLE (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
cg_table_dispose (GObject *object)
{
  CgTable *self = CG_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (cg_table_parent_class)->dispose (object);
}

static void
cg_table_finalize (GObject *object)
{
  CgTable *self = CG_TABLE (object);

  g_strfreev (self->titles);
  g_free (self->numeric);
  G_OBJECT_CLASS (cg_table_parent_class)->finalize (object);
}

static void
cg_table_class_init (CgTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cg_table_dispose;
  G_OBJECT_CLASS (klass)->finalize = cg_table_finalize;
  widget_class->measure = cg_table_measure;
  widget_class->size_allocate = cg_table_size_allocate;

  gtk_widget_class_install_action (widget_class, "table.copy-csv", NULL, copy_csv_action);
  gtk_widget_class_install_action (widget_class, "table.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "table.menu", NULL, menu_action);
  /* The keyboard's way to a context menu. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "table.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.menu", NULL);

  /**
   * CgTable::row-activated: @id is the activated row's id.
   */
  signals[ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cg_table_init (CgTable *self)
{
  GtkSingleSelection *selection;
  g_autoptr(GMenu) menu = NULL;
  GtkGesture *click;

  self->rows = g_list_store_new (CG_TYPE_TABLE_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));

  /* Tables sit in scrolling pages: they grow to their rows, up to a point. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_overflow (self->scroller, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  /* Right click (or the menu key): the table's data for a spreadsheet. */
  menu = g_menu_new ();
  g_menu_append (menu, _("_Copy as CSV"), "table.copy-csv");
  g_menu_append (menu, _("_Save as CSV…"), "table.save-csv");
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

CgTable *
cg_table_new (const CgColumn *columns,
              guint           n_columns)
{
  CgTable *self = g_object_new (CG_TYPE_TABLE, NULL);

  self->n_columns = n_columns;
  self->titles = g_new0 (char *, n_columns + 1);
  self->numeric = g_new0 (gboolean, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      self->titles[i] = g_strdup (_(columns[i].title));
      self->numeric[i] = columns[i].kind == CG_COLUMN_NUMBER;
      gpointer tag = GUINT_TO_POINTER (i << 1 | (columns[i].kind == CG_COLUMN_NUMBER));
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, tag, NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), tag);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), tag);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 0);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->view, column);
    }
  if (columns[0].tooltip != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view), _(columns[0].tooltip));
  return self;
}

guint
cg_table_get_n_columns (CgTable *self)
{
  g_return_val_if_fail (CG_IS_TABLE (self), 0);
  return self->n_columns;
}

void
cg_table_set_rows (CgTable   *self,
                   GPtrArray *rows)
{
  g_return_if_fail (CG_IS_TABLE (self));
  guint n = rows ? rows->len : 0;

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows ? rows->pdata : NULL, n);
  /* A list view asks for little height of its own: reserve room for the
   * rows, up to the scroller's maximum. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MIN (36 + 22 * (int) n, 360));
}

GListModel *
cg_table_get_model (CgTable *self)
{
  g_return_val_if_fail (CG_IS_TABLE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}
