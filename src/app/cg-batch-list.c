/* cg-batch-list.c — the table of import batches on the Data page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-batch.h"
#include "cg-batch-list.h"
#include "cg-format.h"

struct _CgBatchList
{
  GtkWidget         parent_instance;

  GtkColumnView    *view;
  GtkFilterListModel *filtered;
  GtkCustomFilter  *filter;
  GHashTable       *hidden;  /* batch ids pending deletion */
};

G_DEFINE_FINAL_TYPE (CgBatchList, cg_batch_list, GTK_TYPE_WIDGET)

typedef enum {
  COLUMN_FILE,
  COLUMN_KIND,
  COLUMN_IMPORTED,
  COLUMN_ROWS,
  COLUMN_DUPLICATES,
  COLUMN_DELETE,
} Column;

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "calls") == 0)
    return _("Call log");
  if (g_strcmp0 (kind, "demo") == 0)
    return _("Demo data");
  if (g_strcmp0 (kind, "surveys") == 0)
    return _("Survey");
  if (g_strcmp0 (kind, "complaints") == 0)
    return _("Complaints");
  if (g_strcmp0 (kind, "dnc") == 0)
    return _("Do-not-call list");
  return kind;
}

static char *
cell_text (CgBatch *batch,
           Column   column)
{
  switch (column)
    {
    case COLUMN_FILE:
      return g_strdup (cg_batch_get_file_name (batch));
    case COLUMN_KIND:
      return g_strdup (kind_label (cg_batch_get_kind (batch)));
    case COLUMN_IMPORTED:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (cg_batch_get_created_at (batch));
        return g_date_time_format (dt, "%Y-%m-%d %H:%M");
      }
    case COLUMN_ROWS:
      return cg_format_count (cg_batch_get_rows_imported (batch));
    case COLUMN_DUPLICATES:
      return cg_format_count (cg_batch_get_duplicates (batch));
    case COLUMN_DELETE:
    default:
      return NULL;
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);

  if (column == COLUMN_DELETE)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete this import and exactly the rows it added"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete batch"), -1);
      gtk_list_item_set_child (item, button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), column >= COLUMN_ROWS ? 1.0 : 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      if (column >= COLUMN_ROWS)
        gtk_widget_add_css_class (label, "numeric");
      gtk_list_item_set_child (item, label);
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  CgBatch *batch = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (column == COLUMN_DELETE)
    {
      /* Target first: an action name without its int64 target is invalid. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "x", cg_batch_get_id (batch));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "win.delete-batch");
    }
  else
    {
      g_autofree char *text = cell_text (batch, column);
      gtk_label_set_text (GTK_LABEL (child), text);
      if (column == COLUMN_FILE)
        gtk_widget_set_tooltip_text (child, text);
    }
}

static void
add_column (CgBatchList *self,
            const char  *title,
            Column       column,
            gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->view, col);
}

static gboolean
filter_visible (gpointer item,
                gpointer user_data)
{
  CgBatchList *self = user_data;
  gint64 id = cg_batch_get_id (CG_BATCH (item));

  return !g_hash_table_contains (self->hidden, &id);
}

static void
cg_batch_list_dispose (GObject *object)
{
  CgBatchList *self = CG_BATCH_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  G_OBJECT_CLASS (cg_batch_list_parent_class)->dispose (object);
}

static void
cg_batch_list_finalize (GObject *object)
{
  CgBatchList *self = CG_BATCH_LIST (object);

  g_hash_table_unref (self->hidden);
  G_OBJECT_CLASS (cg_batch_list_parent_class)->finalize (object);
}

static void
cg_batch_list_class_init (CgBatchListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_batch_list_dispose;
  object_class->finalize = cg_batch_list_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cg_batch_list_init (CgBatchList *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (filter_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Import batches"), -1);

  add_column (self, _("File"), COLUMN_FILE, TRUE);
  add_column (self, _("Kind"), COLUMN_KIND, FALSE);
  add_column (self, _("Imported"), COLUMN_IMPORTED, FALSE);
  add_column (self, _("Rows"), COLUMN_ROWS, FALSE);
  add_column (self, _("Duplicates"), COLUMN_DUPLICATES, FALSE);
  add_column (self, "", COLUMN_DELETE, FALSE);

  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));
  gtk_widget_set_parent (frame, GTK_WIDGET (self));
}

CgBatchList *
cg_batch_list_new (void)
{
  return g_object_new (CG_TYPE_BATCH_LIST, NULL);
}

void
cg_batch_list_set_model (CgBatchList *self,
                         GListModel  *batches)
{
  g_return_if_fail (CG_IS_BATCH_LIST (self));
  gtk_filter_list_model_set_model (self->filtered, batches);
}

void
cg_batch_list_set_hidden (CgBatchList *self,
                          gint64       batch_id,
                          gboolean     hidden)
{
  g_return_if_fail (CG_IS_BATCH_LIST (self));
  if (hidden)
    g_hash_table_add (self->hidden, g_memdup2 (&batch_id, sizeof batch_id));
  else
    g_hash_table_remove (self->hidden, &batch_id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
cg_batch_list_get_n_visible (CgBatchList *self)
{
  g_return_val_if_fail (CG_IS_BATCH_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}
