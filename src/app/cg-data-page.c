/* cg-data-page.c — import batches, import presets, settings shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-batch.h"
#include "cg-data-page.h"
#include "cg-import-presets.h"
#include "cg-page-util.h"

struct _CgDataPage
{
  CgPage       parent_instance;

  GtkBox      *batches_box;
  GtkListBox  *presets;
  GtkListBox  *shortcuts;
  CgBatchList *batch_list;
};

G_DEFINE_FINAL_TYPE (CgDataPage, cg_data_page, CG_TYPE_PAGE)

typedef struct {
  GListModel *batches;
  GStrv       presets;
} Data;

static void
data_free (Data *d)
{
  g_clear_object (&d->batches);
  g_strfreev (d->presets);
  g_free (d);
}

/* Worker thread; @user_data, when set, names a preset to delete first. */
static gpointer
query_data (CgStore        *store,
            const CgFilter *filter,
            gpointer        user_data,
            GCancellable   *cancellable,
            GError        **error)
{
  const char *delete_preset = user_data;
  Data *d;

  if (delete_preset != NULL && !cg_import_preset_delete (store, delete_preset, error))
    return NULL;
  d = g_new0 (Data, 1);
  if ((d->batches = cg_store_list_batches (store, error)) == NULL)
    {
      data_free (d);
      return NULL;
    }
  d->presets = cg_import_preset_list (store);
  return d;
}

static void
fill_presets (CgDataPage *self,
              GStrv       presets)
{
  cg_list_box_clear (self->presets);
  for (guint i = 0; presets != NULL && presets[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), presets[i]);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete this preset"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "data.delete-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", presets[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->presets, row);
    }
  if (presets == NULL || presets[0] == NULL)
    gtk_list_box_append (self->presets, cg_value_row (_("No presets yet"),
                                                      _("Save one in the import dialog after mapping the columns."), ""));
}

static void
data_done (CgPage       *page,
           gpointer      result,
           const GError *error)
{
  CgDataPage *self = CG_DATA_PAGE (page);
  Data *d = result;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_page_set_has_data (page, g_list_model_get_n_items (d->batches) > 0);
  cg_batch_list_set_model (self->batch_list, d->batches);
  fill_presets (self, d->presets);
}

static void
cg_data_page_refresh (CgPage         *page,
                      const CgFilter *filter)
{
  cg_page_query (page, 0, query_data, NULL, NULL, (GDestroyNotify) data_free, data_done);
}

static void
delete_preset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cg_page_query (CG_PAGE (widget), 0, query_data, g_variant_dup_string (parameter, NULL), g_free,
                 (GDestroyNotify) data_free, data_done);
}

static GtkWidget *
shortcut_row (const char *title,
              const char *subtitle,
              const char *action)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
cg_data_page_class_init (CgDataPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CG_PAGE_CLASS (klass)->refresh = cg_data_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgDataPage, batches_box);
  gtk_widget_class_bind_template_child (widget_class, CgDataPage, presets);
  gtk_widget_class_bind_template_child (widget_class, CgDataPage, shortcuts);
  gtk_widget_class_install_action (widget_class, "data.delete-preset", "s", delete_preset_action);
}

static void
cg_data_page_init (CgDataPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->batch_list = cg_batch_list_new ();
  gtk_box_append (self->batches_box, GTK_WIDGET (self->batch_list));
  gtk_list_box_append (self->shortcuts,
                       shortcut_row (_("Preferences"),
                                     _("Time zone, calling hours, attempt cap, scorecard, line rates, privacy (Ctrl+,)"),
                                     "win.preferences"));
  gtk_list_box_append (self->shortcuts,
                       shortcut_row (_("Restore a Backup"),
                                     _("Go back to the database as it was before an import"),
                                     "win.restore-backup"));
  gtk_list_box_append (self->shortcuts,
                       shortcut_row (_("Import a Call Log"), _("CSV, XLSX or XLS from a dialer, PBX or SaaS (Ctrl+O)"),
                                     "win.import"));
}

CgBatchList *
cg_data_page_get_batch_list (CgDataPage *self)
{
  g_return_val_if_fail (CG_IS_DATA_PAGE (self), NULL);
  return self->batch_list;
}
