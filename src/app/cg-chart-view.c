/* cg-chart-view.c — shows a CgChart: the chart module draws, this widget
 * forwards size, theme colours and the pointer, and offers the chart as a
 * file, as CSV and as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cg-chart-view.h"
#include "cg-page-util.h"

struct _CgChartView
{
  GtkWidget        parent_instance;

  CgChart         *chart;
  gboolean         show_table;

  GtkWidget       *overlay;
  GtkStack        *stack;
  GtkWidget       *area;
  GtkColumnView   *table;
  GtkStringList   *table_rows;   /* row numbers into display_rows */
  GPtrArray       *display_rows; /* formatted cells, row 0 = header */
  GPtrArray       *raw_rows;     /* plain numbers, for sorting */
  GtkWidget       *menu_button;
  GtkWidget       *context_menu;
};

G_DEFINE_FINAL_TYPE (CgChartView, cg_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The chart module knows no GTK: fill its style from the theme. */
static void
update_style (CgChartView *self)
{
  CgChartStyle style;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));

  cg_chart_style_init (&style, dark);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  style.fg = (CgColor) { fg.red, fg.green, fg.blue };
  /* Adwaita's view background: markers are punched out in it. */
  style.bg = dark ? (CgColor) { 0.188, 0.188, 0.188 } : (CgColor) { 1, 1, 1 };
  style.fill_background = FALSE;
  g_strlcpy (style.font, font, sizeof style.font);
  cg_chart_set_style (self->chart, &style);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CgChartView *self = user_data;

  if (self->chart == NULL)
    return;
  update_style (self);
  cg_chart_draw (self->chart, cr, width, height);
}

static gboolean
query_tooltip (GtkWidget  *area,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    user_data)
{
  CgChartView *self = user_data;
  CgChartHit hit;
  g_autofree char *text = NULL;

  if (self->chart == NULL || keyboard
      || !cg_chart_hit_test (self->chart, gtk_widget_get_width (area), gtk_widget_get_height (area), x, y, &hit))
    return FALSE;
  text = g_strdup_printf ("%s\n%s", hit.label, hit.value_text);
  gtk_tooltip_set_text (tooltip, text);
  cg_chart_hit_clear (&hit);
  return TRUE;
}

static void
click_released (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                CgChartView     *self)
{
  CgChartHit hit;

  if (self->chart == NULL
      || !cg_chart_hit_test (self->chart, gtk_widget_get_width (self->area),
                             gtk_widget_get_height (self->area), x, y, &hit))
    return;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, hit.series, hit.index);
  cg_chart_hit_clear (&hit);
}

static void
context_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CgChartView     *self)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  graphene_point_t p;

  if (!gtk_widget_compute_point (self->area, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &p))
    return;
  rect.x = (int) p.x;
  rect.y = (int) p.y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static int
compare_cells (const char *a,
               const char *b)
{
  char *end_a, *end_b;
  double x = g_ascii_strtod (a, &end_a), y = g_ascii_strtod (b, &end_b);

  /* Numbers by value, empty cells last, text as people sort it. */
  if (*a && *b && *end_a == '\0' && *end_b == '\0')
    return x < y ? -1 : x > y;
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return g_utf8_collate (a, b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  CgChartView *self = g_object_get_data (G_OBJECT (column), "view");
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "column"));
  guint ra = (guint) atoi (gtk_string_object_get_string ((GtkStringObject *) a));
  guint rb = (guint) atoi (gtk_string_object_get_string ((GtkStringObject *) b));
  char **row_a = g_ptr_array_index (self->raw_rows, ra);
  char **row_b = g_ptr_array_index (self->raw_rows, rb);

  return compare_cells (row_a[c], row_b[c]);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CgChartView *self = user_data;
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint r = (guint) atoi (gtk_string_object_get_string (gtk_list_item_get_item (item)));
  char **row = g_ptr_array_index (self->display_rows, r);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row[c]);
}

/* Keyboard users filter from the table: activating a row is a click on its
 * category (series -1: all series of it). */
static void
row_activated (GtkColumnView *table,
               guint          position,
               CgChartView   *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_autoptr (GtkStringObject) item = g_list_model_get_item (model, position);
  int row;

  if (item == NULL)
    return;
  row = atoi (gtk_string_object_get_string (item));
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, -1, row - 1);
}

/* The table is rebuilt from the chart's rows whenever the chart changes. */
static void
rebuild_table (CgChartView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  char **header;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, column);
    }
  gtk_string_list_splice (self->table_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table_rows)), NULL);
  g_clear_pointer (&self->display_rows, g_ptr_array_unref);
  g_clear_pointer (&self->raw_rows, g_ptr_array_unref);
  if (self->chart == NULL)
    return;

  self->display_rows = cg_chart_to_rows (self->chart, TRUE);
  self->raw_rows = cg_chart_to_rows (self->chart, FALSE);
  header = g_ptr_array_index (self->display_rows, 0);
  for (guint c = 0; header[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      g_autoptr (GtkCustomSorter) sorter = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (header[c], factory);
      g_object_set_data (G_OBJECT (column), "view", self);
      g_object_set_data (G_OBJECT (column), "column", GUINT_TO_POINTER (c));
      sorter = gtk_custom_sorter_new (compare_rows, column, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (self->table, column);
      g_object_unref (column);
    }
  for (guint r = 1; r < self->display_rows->len; r++)
    {
      char number[16];
      g_snprintf (number, sizeof number, "%u", r);
      gtk_string_list_append (self->table_rows, number);
    }
}

static void
update_accessible (CgChartView *self)
{
  g_autofree char *description = self->chart ? cg_chart_describe (self->chart) : g_strdup ("");
  const char *title = self->chart ? cg_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
cg_chart_view_set_chart (CgChartView *self,
                         CgChart     *chart)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  if (self->chart == chart)
    {
      if (chart != NULL)
        {
          rebuild_table (self);
          update_accessible (self);
          gtk_widget_queue_draw (self->area);
        }
      return;
    }
  g_clear_pointer (&self->chart, cg_chart_unref);
  if (chart != NULL)
    self->chart = cg_chart_ref (chart);
  rebuild_table (self);
  update_accessible (self);
  /* A KPI tile is too small for the button; right-click still opens the
   * menu. */
  gtk_widget_set_visible (self->menu_button, chart == NULL || cg_chart_get_kind (chart) != CG_CHART_KPI);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy-csv", chart != NULL);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

CgChart *
cg_chart_view_get_chart (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
cg_chart_view_set_show_table (CgChartView *self,
                              gboolean     show_table)
{
  g_return_if_fail (CG_IS_CHART_VIEW (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  gtk_stack_set_visible_child_name (self->stack, show_table ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

gboolean
cg_chart_view_get_show_table (CgChartView *self)
{
  g_return_val_if_fail (CG_IS_CHART_VIEW (self), FALSE);
  return self->show_table;
}

gboolean
cg_chart_view_save (CgChartView  *self,
                    GFile        *file,
                    GError      **error)
{
  g_autofree char *path = NULL;
  CgChartStyle saved;
  CgChartStyle light;
  gboolean ok;

  g_return_val_if_fail (CG_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Charts can only be saved to local folders. Choose a folder on this computer."));
      return FALSE;
    }
  /* Files go into documents and slides: light style, whatever the window
   * uses, in the window's font. */
  saved = *cg_chart_get_style (self->chart);
  cg_chart_style_init (&light, FALSE);
  g_strlcpy (light.font, saved.font, sizeof light.font);
  cg_chart_set_style (self->chart, &light);
  ok = cg_chart_export (self->chart, path, cg_chart_export_format_for_path (path),
                        MAX (gtk_widget_get_width (self->area), 800),
                        MAX (gtk_widget_get_height (self->area), 500), error);
  cg_chart_set_style (self->chart, &saved);
  return ok;
}

void
cg_chart_view_copy_csv (CgChartView *self)
{
  g_autofree char *csv = NULL;

  g_return_if_fail (CG_IS_CHART_VIEW (self));
  if (self->chart == NULL)
    return;
  csv = cg_chart_to_csv (self->chart);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);
}

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               CgChartView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;

      if (!cg_chart_view_save (self, file, &error))
        cg_show_error (GTK_WIDGET (self), _("Chart Not Saved"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgChartView *self = CG_CHART_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *title = self->chart ? cg_chart_get_title (self->chart) : NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->chart == NULL)
    return;
  name = g_strdup_printf ("%s.%s", title && *title ? title : _("chart"), extension);
  /* Slashes in a title would make folders. */
  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
copy_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cg_chart_view_copy_csv (CG_CHART_VIEW (widget));
}

static void
dark_changed (CgChartView *self)
{
  gtk_widget_queue_draw (self->area);
}

static void
cg_chart_view_init (CgChartView *self)
{
  g_autoptr (GtkSortListModel) sorted = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_chart, self, NULL);

  /* The table's rows are row numbers into display_rows, sorted by the
   * column headers the user clicks. */
  self->table_rows = gtk_string_list_new (NULL);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->table_rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy-csv", FALSE);
  update_accessible (self);
}

static void
cg_chart_view_dispose (GObject *object)
{
  CgChartView *self = CG_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CHART_VIEW);
  G_OBJECT_CLASS (cg_chart_view_parent_class)->dispose (object);
}

static void
cg_chart_view_finalize (GObject *object)
{
  CgChartView *self = CG_CHART_VIEW (object);

  g_clear_pointer (&self->chart, cg_chart_unref);
  g_clear_pointer (&self->display_rows, g_ptr_array_unref);
  g_clear_pointer (&self->raw_rows, g_ptr_array_unref);
  g_clear_object (&self->table_rows);
  G_OBJECT_CLASS (cg_chart_view_parent_class)->finalize (object);
}

static void
cg_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgChartView *self = CG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgChartView *self = CG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cg_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TABLE:
      cg_chart_view_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Not a GtkBinLayout: the context menu is a popover, which must be
 * presented rather than allocated. */
static void
cg_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CgChartView *self = CG_CHART_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
cg_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CgChartView *self = CG_CHART_VIEW (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
cg_chart_view_class_init (CgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_chart_view_dispose;
  object_class->finalize = cg_chart_view_finalize;
  object_class->get_property = cg_chart_view_get_property;
  object_class->set_property = cg_chart_view_set_property;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, CG_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgChartView::item-activated:
   * @series: the series, or -1 (a KPI figure, or a table row: all series)
   * @index: the category, or -1 (a legend entry: the whole series)
   *
   * The user clicked a point, bar, cell or legend entry, or activated a
   * row of the data table.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-csv", NULL, copy_csv_action);
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CgChartView, overlay);
  gtk_widget_class_bind_template_child (widget_class, CgChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, CgChartView, area);
  gtk_widget_class_bind_template_child (widget_class, CgChartView, table);
  gtk_widget_class_bind_template_child (widget_class, CgChartView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgChartView, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, click_released);
  gtk_widget_class_bind_template_callback (widget_class, context_pressed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  widget_class->measure = cg_chart_view_measure;
  widget_class->size_allocate = cg_chart_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
cg_chart_view_new (CgChart *chart)
{
  return g_object_new (CG_TYPE_CHART_VIEW, "chart", chart, NULL);
}
