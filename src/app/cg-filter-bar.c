/* cg-filter-bar.c — the bar under the header that sets the CgViewFilter.
 *
 * The bar writes the filter when the user picks something and follows it
 * when something else sets it (a double-click in a table), so both stay
 * the same without a loop: the filter ignores values it already has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-filter-bar.h"

static const CgDimension granularities[] = { CG_DIM_DAY, CG_DIM_WEEK, CG_DIM_MONTH, CG_DIM_QUARTER };
/* The key drop-downs, in the order of the fields below. */
static const CgDimension key_dims[] = { CG_DIM_LINE, CG_DIM_AGENT, CG_DIM_LIST };

struct _CgFilterBar
{
  GtkWidget     parent_instance;

  GtkDropDown  *preset;
  GtkMenuButton *from_button;
  GtkMenuButton *to_button;
  GtkCalendar  *from_calendar;
  GtkCalendar  *to_calendar;
  GtkWidget    *range_dash;
  GtkDropDown  *granularity;
  GtkDropDown  *line;
  GtkDropDown  *agent;
  GtkDropDown  *list;
  GtkButton    *clear;

  CgViewFilter *filter;
  GStrv         keys[G_N_ELEMENTS (key_dims)];
  gboolean      syncing;   /* widgets being set from the filter */
  guint         loading;   /* key queries under way */
};

G_DEFINE_FINAL_TYPE (CgFilterBar, cg_filter_bar, GTK_TYPE_WIDGET)

static GtkDropDown *
key_drop_down (CgFilterBar *self,
               guint        i)
{
  GtkDropDown *drop_downs[] = { self->line, self->agent, self->list };
  return drop_downs[i];
}

static const char *
key_of_filter (CgFilterBar *self,
               guint        i)
{
  switch (key_dims[i])
    {
    case CG_DIM_LINE:
      return cg_view_filter_get_line (self->filter);
    case CG_DIM_AGENT:
      return cg_view_filter_get_agent (self->filter);
    default:
      return cg_view_filter_get_list (self->filter);
    }
}

static char *
date_label (const GDate *date)
{
  char text[32];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
sync_from_filter (CgFilterBar *self)
{
  const char *preset = cg_view_filter_get_preset (self->filter);
  CgDimension granularity = cg_view_filter_get_granularity (self->filter);
  GDate first, last;
  gboolean bounded = cg_view_filter_get_days (self->filter, &first, &last);

  self->syncing = TRUE;
  for (guint i = 0; cg_view_filter_presets[i] != NULL; i++)
    if (g_str_equal (cg_view_filter_presets[i], preset))
      gtk_drop_down_set_selected (self->preset, i);
  for (guint i = 0; i < G_N_ELEMENTS (granularities); i++)
    if (granularities[i] == granularity)
      gtk_drop_down_set_selected (self->granularity, i);

  gtk_widget_set_visible (GTK_WIDGET (self->from_button), bounded);
  gtk_widget_set_visible (GTK_WIDGET (self->to_button), bounded);
  gtk_widget_set_visible (self->range_dash, bounded);
  if (bounded)
    {
      g_autofree char *from = date_label (&first);
      g_autofree char *to = date_label (&last);
      g_autoptr(GDateTime) from_dt = g_date_time_new_local (g_date_get_year (&first), g_date_get_month (&first),
                                                            g_date_get_day (&first), 12, 0, 0);
      g_autoptr(GDateTime) to_dt = g_date_time_new_local (g_date_get_year (&last), g_date_get_month (&last),
                                                          g_date_get_day (&last), 12, 0, 0);

      gtk_menu_button_set_label (self->from_button, from);
      gtk_menu_button_set_label (self->to_button, to);
      gtk_calendar_select_day (self->from_calendar, from_dt);
      gtk_calendar_select_day (self->to_calendar, to_dt);
    }

  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    {
      const char *key = key_of_filter (self, i);
      guint selected = 0;

      for (guint k = 0; key != NULL && self->keys[i] != NULL && self->keys[i][k] != NULL; k++)
        if (g_str_equal (self->keys[i][k], key))
          selected = k + 1;
      gtk_drop_down_set_selected (key_drop_down (self, i), selected);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear),
                            key_of_filter (self, 0) || key_of_filter (self, 1) || key_of_filter (self, 2));
  self->syncing = FALSE;
}

static void
on_preset (GtkDropDown *drop_down,
           GParamSpec  *pspec,
           CgFilterBar *self)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  if (!self->syncing && self->filter != NULL && i < g_strv_length ((GStrv) cg_view_filter_presets))
    cg_view_filter_set_preset (self->filter, cg_view_filter_presets[i]);
}

static void
on_granularity (GtkDropDown *drop_down,
                GParamSpec  *pspec,
                CgFilterBar *self)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  if (!self->syncing && self->filter != NULL && i < G_N_ELEMENTS (granularities))
    cg_view_filter_set_granularity (self->filter, granularities[i]);
}

static void
on_key (GtkDropDown *drop_down,
        GParamSpec  *pspec,
        CgFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->syncing || self->filter == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    if (key_drop_down (self, i) == drop_down)
      cg_view_filter_set_dimension (self->filter, key_dims[i],
                                    selected >= 1 && self->keys[i] && selected <= g_strv_length (self->keys[i])
                                    ? self->keys[i][selected - 1] : NULL);
}

static void
on_day_selected (GtkCalendar *calendar,
                 CgFilterBar *self)
{
  g_autoptr(GDateTime) from = gtk_calendar_get_date (self->from_calendar);
  g_autoptr(GDateTime) to = gtk_calendar_get_date (self->to_calendar);
  GDate first, last;

  if (self->syncing || self->filter == NULL)
    return;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (from), g_date_time_get_month (from), g_date_time_get_year (from));
  g_date_set_dmy (&last, g_date_time_get_day_of_month (to), g_date_time_get_month (to), g_date_time_get_year (to));
  cg_view_filter_set_days (self->filter, &first, &last);
}

static void
on_clear (GtkButton   *button,
          CgFilterBar *self)
{
  if (self->filter == NULL)
    return;
  cg_view_filter_set_line (self->filter, NULL);
  cg_view_filter_set_agent (self->filter, NULL);
  cg_view_filter_set_list (self->filter, NULL);
}

static void
set_key_model (CgFilterBar *self,
               guint        i)
{
  static const char *const all[] = { N_("All lines"), N_("All agents"), N_("All lists") };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _(all[i]));
  for (guint k = 0; self->keys[i] != NULL && self->keys[i][k] != NULL; k++)
    gtk_string_list_append (labels, self->keys[i][k][0] ? self->keys[i][k] : _("(none)"));
  self->syncing = TRUE;
  gtk_drop_down_set_model (key_drop_down (self, i), G_LIST_MODEL (labels));
  self->syncing = FALSE;
}

void
cg_filter_bar_set_keys (CgFilterBar *self,
                        CgDimension  by,
                        GStrv        keys)
{
  g_return_if_fail (CG_IS_FILTER_BAR (self));
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    if (key_dims[i] == by)
      {
        g_strfreev (self->keys[i]);
        self->keys[i] = g_strdupv (keys);
        set_key_model (self, i);
      }
  if (self->filter != NULL)
    sync_from_filter (self);
}

static void
on_filter_changed (CgViewFilter *filter,
                   CgFilterBar  *self)
{
  sync_from_filter (self);
}

void
cg_filter_bar_set_filter (CgFilterBar  *self,
                          CgViewFilter *filter)
{
  g_return_if_fail (CG_IS_FILTER_BAR (self));
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    {
      g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
      sync_from_filter (self);
    }
}

CgViewFilter *
cg_filter_bar_get_filter (CgFilterBar *self)
{
  g_return_val_if_fail (CG_IS_FILTER_BAR (self), NULL);
  return self->filter;
}

static void
cg_filter_bar_dispose (GObject *object)
{
  CgFilterBar *self = CG_FILTER_BAR (object);
  GtkWidget *child;

  cg_filter_bar_set_filter (self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    g_clear_pointer (&self->keys[i], g_strfreev);
  if (self->preset != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_FILTER_BAR);
  /* The template's box is not bound, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cg_filter_bar_parent_class)->dispose (object);
}

static void
cg_filter_bar_class_init (CgFilterBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cg_filter_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, preset);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, from_button);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, to_button);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, range_dash);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, granularity);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, line);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, agent);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, list);
  gtk_widget_class_bind_template_child (widget_class, CgFilterBar, clear);
}

static void
cg_filter_bar_init (CgFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    {
      set_key_model (self, i);
      g_signal_connect (key_drop_down (self, i), "notify::selected", G_CALLBACK (on_key), self);
    }
  g_signal_connect (self->preset, "notify::selected", G_CALLBACK (on_preset), self);
  g_signal_connect (self->granularity, "notify::selected", G_CALLBACK (on_granularity), self);
  g_signal_connect (self->from_calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect (self->to_calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect (self->clear, "clicked", G_CALLBACK (on_clear), self);
}

void
cg_filter_bar_focus_period (CgFilterBar *self)
{
  g_return_if_fail (CG_IS_FILTER_BAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->preset));
}

typedef struct {
  GStrv keys[G_N_ELEMENTS (key_dims)];
} Keys;

static void
keys_free (Keys *k)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    g_strfreev (k->keys[i]);
  g_free (k);
}

/* Worker thread: every key in the database, whatever the filter, so that
 * a filter never hides its own alternatives. */
static gpointer
query_keys (CgStore        *store,
            const CgFilter *filter,
            gpointer        data,
            GCancellable   *cancellable,
            GError        **error)
{
  Keys *k = g_new0 (Keys, 1);

  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    {
      g_autoptr(GPtrArray) rows = cg_analytics_connect (store, key_dims[i], NULL, error);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (rows == NULL)
        {
          keys_free (k);
          return NULL;
        }
      for (guint r = 0; r < rows->len; r++)
        g_strv_builder_add (builder, ((CgConnectRow *) g_ptr_array_index (rows, r))->key);
      k->keys[i] = g_strv_builder_end (builder);
    }
  return k;
}

static void
keys_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CgFilterBar) self = user_data;
  g_autoptr(GError) error = NULL;
  Keys *k = cg_query_runner_finish (CG_QUERY_RUNNER (source), result, &error);

  self->loading--;
  /* A bar disposed meanwhile has no drop-downs left to fill. */
  if (k == NULL || self->preset == NULL)
    {
      g_clear_pointer (&k, keys_free);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    cg_filter_bar_set_keys (self, key_dims[i], k->keys[i]);
  keys_free (k);
}

void
cg_filter_bar_load_keys (CgFilterBar   *self,
                         CgQueryRunner *runner)
{
  g_return_if_fail (CG_IS_FILTER_BAR (self));
  g_return_if_fail (CG_IS_QUERY_RUNNER (runner));
  self->loading++;
  cg_query_runner_run (runner, query_keys, NULL, NULL, NULL, (GDestroyNotify) keys_free,
                       NULL, keys_done, g_object_ref (self));
}

gboolean
cg_filter_bar_is_loading (CgFilterBar *self)
{
  g_return_val_if_fail (CG_IS_FILTER_BAR (self), FALSE);
  return self->loading > 0;
}

GStrv
cg_filter_bar_get_keys (CgFilterBar *self,
                        CgDimension  by)
{
  g_return_val_if_fail (CG_IS_FILTER_BAR (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (key_dims); i++)
    if (key_dims[i] == by)
      return self->keys[i];
  return NULL;
}
