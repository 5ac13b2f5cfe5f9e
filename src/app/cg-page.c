/* cg-page.c — a page of the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-page.h"

typedef struct
{
  GtkStack       *stack;
  AdwStatusPage  *status;
  GtkBox         *content;

  char           *empty_title;
  char           *empty_description;
  char           *icon_name;
  gboolean        has_data;

  CgQueryRunner  *runner;
  CgViewFilter   *view_filter;
  CgFilter       *filter;                    /* deep copy, as of the last refresh */
  GCancellable   *slots[CG_PAGE_N_SLOTS];    /* the pending query of each slot */
} CgPagePrivate;

static void cg_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (CgPage, cg_page, GTK_TYPE_WIDGET,
                         G_ADD_PRIVATE (CgPage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cg_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_HAS_DATA,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Children of a subclass's template go into the content box; the base
 * template's own child (the stack) is added before the box exists. */
static void
cg_page_add_child (GtkBuildable *buildable,
                   GtkBuilder   *builder,
                   GObject      *child,
                   const char   *type)
{
  CgPagePrivate *priv = cg_page_get_instance_private (CG_PAGE (buildable));

  if (priv->content != NULL && GTK_IS_WIDGET (child))
    gtk_box_append (priv->content, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
cg_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cg_page_add_child;
}

static void
cg_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CgPage *self = CG_PAGE (object);
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, priv->empty_title);
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, priv->empty_description);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_HAS_DATA:
      g_value_set_boolean (value, priv->has_data);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cg_page_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (CgPage       *self,
            char        **field,
            const GValue *value,
            int           prop)
{
  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;
  g_free (*field);
  *field = g_value_dup_string (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cg_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CgPage *self = CG_PAGE (object);
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_EMPTY_TITLE:
      set_string (self, &priv->empty_title, value, PROP_EMPTY_TITLE);
      break;
    case PROP_EMPTY_DESCRIPTION:
      set_string (self, &priv->empty_description, value, PROP_EMPTY_DESCRIPTION);
      break;
    case PROP_ICON_NAME:
      set_string (self, &priv->icon_name, value, PROP_ICON_NAME);
      break;
    case PROP_HAS_DATA:
      cg_page_set_has_data (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_page_dispose (GObject *object)
{
  CgPage *self = CG_PAGE (object);
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  for (guint i = 0; i < CG_PAGE_N_SLOTS; i++)
    {
      if (priv->slots[i] != NULL)
        g_cancellable_cancel (priv->slots[i]);
      g_clear_object (&priv->slots[i]);
    }
  g_clear_object (&priv->runner);
  g_clear_object (&priv->view_filter);
  g_clear_pointer (&priv->filter, cg_filter_free_copy);
  /* The stack is the page's only child.  Not gtk_widget_dispose_template:
   * GTK 4.8 cannot find the base template's children of a subclass. */
  if (priv->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (priv->stack));
  priv->stack = NULL;
  priv->status = NULL;
  priv->content = NULL;
  G_OBJECT_CLASS (cg_page_parent_class)->dispose (object);
}

static void
cg_page_finalize (GObject *object)
{
  CgPagePrivate *priv = cg_page_get_instance_private (CG_PAGE (object));

  g_free (priv->empty_title);
  g_free (priv->empty_description);
  g_free (priv->icon_name);
  G_OBJECT_CLASS (cg_page_parent_class)->finalize (object);
}

static void
cg_page_real_refresh (CgPage         *self,
                      const CgFilter *filter)
{
}

static void
cg_page_class_init (CgPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cg_page_get_property;
  object_class->set_property = cg_page_set_property;
  object_class->dispose = cg_page_dispose;
  object_class->finalize = cg_page_finalize;
  klass->refresh = cg_page_real_refresh;

  properties[PROP_EMPTY_TITLE] = g_param_spec_string ("empty-title", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_DESCRIPTION] = g_param_spec_string ("empty-description", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_HAS_DATA] = g_param_spec_boolean ("has-data", NULL, NULL, FALSE, flags);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, CgPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, CgPage, status);
  gtk_widget_class_bind_template_child_private (widget_class, CgPage, content);
}

static void
cg_page_init (CgPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cg_page_refresh (CgPage        *self,
                 CgQueryRunner *runner,
                 CgViewFilter  *filter)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);
  CgFilter current;

  g_return_if_fail (CG_IS_PAGE (self));
  g_return_if_fail (CG_IS_QUERY_RUNNER (runner));
  g_return_if_fail (CG_IS_VIEW_FILTER (filter));

  g_set_object (&priv->runner, runner);
  g_set_object (&priv->view_filter, filter);
  cg_view_filter_get (filter, &current);
  g_clear_pointer (&priv->filter, cg_filter_free_copy);
  priv->filter = cg_filter_copy_deep (&current);
  CG_PAGE_GET_CLASS (self)->refresh (self, priv->filter);
}

typedef struct {
  CgPage          *page;  /* a reference */
  guint            slot;
  GCancellable    *cancellable;
  CgPageQueryDone  done;
  GDestroyNotify   result_free;
} QueryCall;

static void
query_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  QueryCall *call = user_data;
  CgPagePrivate *priv = cg_page_get_instance_private (call->page);
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);
  gboolean current = priv->slots[call->slot] == call->cancellable;

  /* A replaced query's result is stale: only the newest fills the page. */
  if (current)
    {
      g_clear_object (&priv->slots[call->slot]);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        call->done (call->page, value, error);
      if (!cg_page_is_busy (call->page))
        g_object_notify_by_pspec (G_OBJECT (call->page), properties[PROP_BUSY]);
    }
  if (value != NULL && call->result_free != NULL)
    call->result_free (value);
  g_object_unref (call->cancellable);
  g_object_unref (call->page);
  g_free (call);
}

void
cg_page_query (CgPage          *self,
               guint            slot,
               CgQueryFunc      func,
               gpointer         data,
               GDestroyNotify   data_free,
               GDestroyNotify   result_free,
               CgPageQueryDone  done)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);
  gboolean was_busy;
  QueryCall *call;

  g_return_if_fail (CG_IS_PAGE (self));
  g_return_if_fail (slot < CG_PAGE_N_SLOTS);
  g_return_if_fail (priv->runner != NULL);

  was_busy = cg_page_is_busy (self);
  if (priv->slots[slot] != NULL)
    g_cancellable_cancel (priv->slots[slot]);
  g_clear_object (&priv->slots[slot]);
  priv->slots[slot] = g_cancellable_new ();

  call = g_new0 (QueryCall, 1);
  call->page = g_object_ref (self);
  call->slot = slot;
  call->cancellable = g_object_ref (priv->slots[slot]);
  call->done = done;
  call->result_free = result_free;
  cg_query_runner_run (priv->runner, func, priv->filter, data, data_free, result_free,
                       priv->slots[slot], query_done, call);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

CgQueryRunner *
cg_page_get_runner (CgPage *self)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);
  return priv->runner;
}

CgViewFilter *
cg_page_get_view_filter (CgPage *self)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);
  return priv->view_filter;
}

gboolean
cg_page_is_busy (CgPage *self)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  for (guint i = 0; i < CG_PAGE_N_SLOTS; i++)
    if (priv->slots[i] != NULL)
      return TRUE;
  return FALSE;
}

void
cg_page_set_has_data (CgPage   *self,
                      gboolean  has_data)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  g_return_if_fail (CG_IS_PAGE (self));

  has_data = !!has_data;
  gtk_stack_set_visible_child_name (priv->stack, has_data ? "content" : "empty");
  if (priv->has_data == has_data)
    return;
  priv->has_data = has_data;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DATA]);
}

gboolean
cg_page_get_has_data (CgPage *self)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGE (self), FALSE);
  return priv->has_data;
}

GtkBox *
cg_page_get_content (CgPage *self)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);

  g_return_val_if_fail (CG_IS_PAGE (self), NULL);
  return priv->content;
}

void
cg_page_show_error (CgPage       *self,
                    const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

void
cg_page_add_empty_button (CgPage     *self,
                          const char *label,
                          const char *action_name,
                          const char *tooltip)
{
  CgPagePrivate *priv = cg_page_get_instance_private (self);
  GtkWidget *box = adw_status_page_get_child (priv->status);
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_return_if_fail (CG_IS_PAGE (self));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  /* The page's own import comes first: it is what the page needs. */
  gtk_box_prepend (GTK_BOX (box), button);
}
