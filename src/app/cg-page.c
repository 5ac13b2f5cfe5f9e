/* cg-page.c — a page of the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-page.h"

struct _CgPage
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  AdwStatusPage  *status;
  GtkBox         *content;

  char           *empty_title;
  char           *empty_description;
  char           *icon_name;
  gboolean        has_data;
};

G_DEFINE_FINAL_TYPE (CgPage, cg_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_HAS_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cg_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CgPage *self = CG_PAGE (object);

  switch (prop_id)
    {
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, self->empty_description);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_HAS_DATA:
      g_value_set_boolean (value, self->has_data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (CgPage      *self,
            char       **field,
            const GValue *value,
            int          prop)
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

  switch (prop_id)
    {
    case PROP_EMPTY_TITLE:
      set_string (self, &self->empty_title, value, PROP_EMPTY_TITLE);
      break;
    case PROP_EMPTY_DESCRIPTION:
      set_string (self, &self->empty_description, value, PROP_EMPTY_DESCRIPTION);
      break;
    case PROP_ICON_NAME:
      set_string (self, &self->icon_name, value, PROP_ICON_NAME);
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
  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_PAGE);
  G_OBJECT_CLASS (cg_page_parent_class)->dispose (object);
}

static void
cg_page_finalize (GObject *object)
{
  CgPage *self = CG_PAGE (object);

  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->icon_name);
  G_OBJECT_CLASS (cg_page_parent_class)->finalize (object);
}

static void
cg_page_class_init (CgPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_page_get_property;
  object_class->set_property = cg_page_set_property;
  object_class->dispose = cg_page_dispose;
  object_class->finalize = cg_page_finalize;

  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_DATA] =
    g_param_spec_boolean ("has-data", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CgPage, status);
  gtk_widget_class_bind_template_child (widget_class, CgPage, content);
}

static void
cg_page_init (CgPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cg_page_set_has_data (CgPage   *self,
                      gboolean  has_data)
{
  g_return_if_fail (CG_IS_PAGE (self));

  has_data = !!has_data;
  gtk_stack_set_visible_child_name (self->stack, has_data ? "content" : "empty");
  if (self->has_data == has_data)
    return;
  self->has_data = has_data;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DATA]);
}

gboolean
cg_page_get_has_data (CgPage *self)
{
  g_return_val_if_fail (CG_IS_PAGE (self), FALSE);
  return self->has_data;
}

GtkBox *
cg_page_get_content (CgPage *self)
{
  g_return_val_if_fail (CG_IS_PAGE (self), NULL);
  return self->content;
}
