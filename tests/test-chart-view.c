/* test-chart-view.c — the chart widget under Xvfb: theme colours, the data
 * table and its sorting, CSV on the clipboard, saving files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cg-chart-view.h"
#include "cg-test-util.h"
#include "cg-ui-test-util.h"

typedef struct {
  GtkWindow   *window;
  CgChartView *view;
  CgChart     *chart;
} Fixture;

static CgChart *
month_chart (void)
{
  CgChart *chart = cg_chart_new (CG_CHART_LINE);
  const char *keys[] = { "2026-01", "2026-02", "2026-03" };
  double v[] = { 0.40, 0.52, 0.31 }, lo[] = { 0.35, 0.47, 0.26 }, hi[] = { 0.45, 0.57, 0.36 };

  cg_chart_set_title (chart, "Connect rate");
  cg_chart_set_time_axis (chart, CG_GRAIN_MONTH, keys, 3);
  cg_chart_set_unit (chart, CG_UNIT_PERCENT);
  cg_chart_add_series (chart, "All", v, 3);
  cg_chart_series_set_band (chart, 0, lo, hi, 3);
  return chart;
}

static gboolean
mapped (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->view)) && gtk_widget_get_width (GTK_WIDGET (f->view)) > 0;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->chart = month_chart ();
  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = CG_CHART_VIEW (cg_chart_view_new (f->chart));
  gtk_window_set_default_size (f->window, 640, 400);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  cg_ui_wait (mapped, f, 20);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (f->window);
  cg_chart_unref (f->chart);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
drawn_dark (gpointer data)
{
  Fixture *f = data;

  return cg_chart_get_style (f->chart)->dark;
}

static gboolean
drawn_light (gpointer data)
{
  Fixture *f = data;

  return !cg_chart_get_style (f->chart)->dark;
}

/* The widget takes the style from the theme, and redraws when it changes. */
static void
test_dark_mode (Fixture *f, gconstpointer data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_assert_true (cg_chart_view_get_chart (f->view) == f->chart);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cg_ui_wait (drawn_light, f, 20);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  cg_ui_wait (drawn_dark, f, 20);
  /* light text on dark */
  g_assert_cmpfloat (cg_chart_get_style (f->chart)->fg.red, >, 0.5);
  g_assert_false (cg_chart_get_style (f->chart)->fill_background);
}

static void
activated (CgChartView *view, int series, int index, int *out)
{
  out[0] = series;
  out[1] = index;
}

static const char *
row_label (GListModel *model, guint position, Fixture *f)
{
  g_autoptr (GtkStringObject) item = g_list_model_get_item (model, position);
  static char label[64];
  guint row = (guint) atoi (gtk_string_object_get_string (item));
  g_autoptr (GPtrArray) rows = cg_chart_to_rows (f->chart, FALSE);

  g_strlcpy (label, ((char **) g_ptr_array_index (rows, row))[0], sizeof label);
  return label;
}

static void
test_table (Fixture *f, gconstpointer data)
{
  GtkColumnView *table;
  GListModel *columns, *model;
  g_autoptr (GtkColumnViewColumn) value_column = NULL;
  g_autoptr (CgChart) other = NULL;

  g_assert_false (cg_chart_view_get_show_table (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.show-table", NULL));
  g_assert_true (cg_chart_view_get_show_table (f->view));

  table = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  columns = gtk_column_view_get_columns (table);
  /* Period, All, All (lower), All (upper) */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Sorted by value, highest first: February (52 %), January, March. */
  value_column = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (table, value_column, GTK_SORT_DESCENDING);
  g_assert_cmpstr (row_label (model, 0, f), ==, "2026-02");
  g_assert_cmpstr (row_label (model, 1, f), ==, "2026-01");
  g_assert_cmpstr (row_label (model, 2, f), ==, "2026-03");

  /* Activating the first row (February, after sorting) picks category 1. */
  {
    int got[2] = { -2, -2 };
    gulong id = g_signal_connect (f->view, "item-activated", G_CALLBACK (activated), got);

    g_signal_emit_by_name (table, "activate", 0);
    g_assert_cmpint (got[0], ==, -1);
    g_assert_cmpint (got[1], ==, 1);
    g_signal_handler_disconnect (f->view, id);
  }

  /* A new chart brings its own columns. */
  other = cg_chart_new (CG_CHART_BAR);
  cg_chart_add_category (other, "A");
  cg_chart_add_series (other, "Calls", (double[]) { 12 }, 1);
  cg_chart_add_series (other, "Sales", (double[]) { 3 }, 1);
  cg_chart_view_set_chart (f->view, other);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  cg_chart_view_set_show_table (f->view, FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (table)));
}

static void
test_copy_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.copy-csv", NULL));
  text = cg_ui_read_clipboard (GTK_WIDGET (f->view));
  g_assert_cmpstr (text, ==,
                   "Period,All,All (lower),All (upper)\r\n"
                   "2026-01,0.4,0.35,0.45\r\n"
                   "2026-02,0.52,0.47,0.57\r\n"
                   "2026-03,0.31,0.26,0.36\r\n");
}

static void
test_save (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-chart-view-XXXXXX", NULL);
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF-" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (cg_chart_view_save (f->view, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 500);
      g_assert_true (memcmp (contents, magic[i], strlen (magic[i])) == 0);
      if (i == 0)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);
          /* at least 800 × 500, else the window's size */
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, MAX (gtk_widget_get_width (GTK_WIDGET (f->view)), 800));
          g_assert_cmpint (cairo_image_surface_get_height (png), >=, 500);
          cairo_surface_destroy (png);
        }
    }
  /* The window's dark style stays the window's. */
  g_assert_false (cg_chart_get_style (f->chart)->fill_background);
  cg_test_remove_tree (dir);
}

/* A click goes through the hit-test to "item-activated": drive the area's
 * click gesture at the last point, found along the right edge of the plot
 * (an edge-to-edge line ends 8 px inside the chart). */
static void
test_item_activated (Fixture *f, gconstpointer data)
{
  GtkWidget *area = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_DRAWING_AREA);
  GtkGesture *click = cg_ui_click_gesture (area, GDK_BUTTON_PRIMARY);
  int got[2] = { -2, -2 };
  int width = gtk_widget_get_width (area), height = gtk_widget_get_height (area);
  double x = width - 8, y = -1;

  g_assert_nonnull (click);
  for (int py = 0; py < height && y < 0; py++)
    {
      CgChartHit hit;
      if (cg_chart_hit_test (f->chart, width, height, x, py, &hit))
        {
          y = py;
          cg_chart_hit_clear (&hit);
        }
    }
  g_assert_cmpfloat (y, >=, 0);

  g_signal_connect (f->view, "item-activated", G_CALLBACK (activated), got);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpint (got[0], ==, 0);
  g_assert_cmpint (got[1], ==, 2);
  /* nothing in the top-left corner */
  got[0] = got[1] = -2;
  g_signal_emit_by_name (click, "released", 1, 1.0, 1.0);
  g_assert_cmpint (got[0], ==, -2);
}

static gboolean
menu_shown (gpointer data)
{
  Fixture *f = data;

  return cg_ui_context_menu_shown (GTK_WIDGET (f->view));
}

/* A right-click opens the chart menu where the pointer is. */
static void
test_context_menu (Fixture *f, gconstpointer data)
{
  GtkWidget *area = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_DRAWING_AREA);
  GtkGesture *context = cg_ui_click_gesture (area, GDK_BUTTON_SECONDARY);
  GdkRectangle rect;

  g_assert_nonnull (context);
  g_assert_false (menu_shown (f));
  g_signal_emit_by_name (context, "pressed", 1, 100.0, 50.0);
  cg_ui_wait (menu_shown, f, 20);
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (cg_ui_context_menu (GTK_WIDGET (f->view))), &rect));
  g_assert_cmpint (rect.x, ==, 100);
  g_assert_cmpint (rect.y, ==, 50);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/chart-view/dark-mode", Fixture, NULL, fixture_set_up, test_dark_mode, fixture_tear_down);
  g_test_add ("/chart-view/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/chart-view/copy-csv", Fixture, NULL, fixture_set_up, test_copy_csv, fixture_tear_down);
  g_test_add ("/chart-view/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/chart-view/item-activated", Fixture, NULL, fixture_set_up, test_item_activated, fixture_tear_down);
  g_test_add ("/chart-view/context-menu", Fixture, NULL, fixture_set_up, test_context_menu, fixture_tear_down);
  return g_test_run ();
}
