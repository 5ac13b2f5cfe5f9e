/* test-table.c — the generic table under Xvfb: its data as CSV in the
 * order the user sorted it, on the clipboard, and the context menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <adwaita.h>

#include "cg-table.h"
#include "cg-test-util.h"
#include "cg-ui-test-util.h"

typedef struct {
  GtkWindow *window;
  CgTable   *table;
} Fixture;

static const CgColumn columns[] = {
  { "Line", CG_COLUMN_TEXT, NULL },
  { "Connect rate", CG_COLUMN_NUMBER, NULL },
};

static gboolean
mapped (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->table)) && gtk_widget_get_width (GTK_WIDGET (f->table)) > 0;
}

static void
add_row (GPtrArray  *rows,
         const char *line,
         const char *shown,
         double      value)
{
  CgTableRow *row = cg_table_row_new (line, 2);

  cg_table_row_set_text (row, 0, line);
  cg_table_row_set_number (row, 1, shown, value);
  g_ptr_array_add (rows, row);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->table = g_object_ref_sink (cg_table_new (columns, G_N_ELEMENTS (columns)));
  /* Text a spreadsheet would misread, a gap, a long fraction. */
  add_row (rows, "L1, north", "45.2 %", 0.452);
  add_row (rows, "=HYPERLINK(\"x\")", "—", NAN);
  add_row (rows, "L3", "33.3 %", 1.0 / 3.0);
  cg_table_set_rows (f->table, rows);
  gtk_window_set_default_size (f->window, 480, 300);
  gtk_window_set_child (f->window, GTK_WIDGET (f->table));
  gtk_window_present (f->window);
  cg_ui_wait (mapped, f, 20);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->table);
}

static GtkColumnView *
column_view (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (f->table));

  return GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)));
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = cg_table_to_csv (f->table);
  g_autofree char *sorted = NULL;
  g_autoptr(GtkColumnViewColumn) rate = NULL;
  GListModel *view_columns = gtk_column_view_get_columns (column_view (f));

  /* Quoted where RFC 4180 says, formulas defused, numbers in full, the
   * undefined rate an empty cell; rows as added. */
  g_assert_cmpstr (csv, ==,
                   "Line,Connect rate\r\n"
                   "\"L1, north\",0.452\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",\r\n"
                   "L3,0.3333333333333333\r\n");

  /* Sorted by the rate, highest first, as a click on its header does. */
  rate = g_list_model_get_item (view_columns, 1);
  gtk_column_view_sort_by_column (column_view (f), rate, GTK_SORT_DESCENDING);
  sorted = cg_table_to_csv (f->table);
  g_assert_cmpstr (sorted, ==,
                   "Line,Connect rate\r\n"
                   "\"L1, north\",0.452\r\n"
                   "L3,0.3333333333333333\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",\r\n");
}

static void
test_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *expected = cg_table_to_csv (f->table);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "table.copy-csv", NULL));
  text = cg_ui_read_clipboard (GTK_WIDGET (f->table));
  g_assert_cmpstr (text, ==, expected);
}

static gboolean
menu_shown (gpointer data)
{
  Fixture *f = data;

  return cg_ui_context_menu_shown (GTK_WIDGET (f->table));
}

static gboolean
menu_hidden (gpointer data)
{
  Fixture *f = data;

  return !menu_shown (f);
}

/* A right-click opens the menu where the pointer is; so does the menu key
 * (its action), for keyboard users. */
static void
test_context_menu (Fixture *f, gconstpointer data)
{
  GtkGesture *context = cg_ui_click_gesture (GTK_WIDGET (f->table), GDK_BUTTON_SECONDARY);
  GtkWidget *menu = cg_ui_context_menu (GTK_WIDGET (f->table));
  GdkRectangle rect;

  g_assert_nonnull (context);
  g_assert_false (menu_shown (f));
  g_signal_emit_by_name (context, "pressed", 1, 60.0, 40.0);
  cg_ui_wait (menu_shown, f, 20);
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (menu), &rect));
  g_assert_cmpint (rect.x, ==, 60);
  g_assert_cmpint (rect.y, ==, 40);

  gtk_popover_popdown (GTK_POPOVER (menu));
  cg_ui_wait (menu_hidden, f, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "table.menu", NULL));
  cg_ui_wait (menu_shown, f, 20);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/table/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/table/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/table/context-menu", Fixture, NULL, fixture_set_up, test_context_menu, fixture_tear_down);
  return g_test_run ();
}
