/* cg-application.c — the Callgauge application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-application.h"
#include "cg-import-dialog.h"
#include "cg-window.h"

struct _CgApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  char           *first_page;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CgApplication, cg_application, ADW_TYPE_APPLICATION)

static void
cg_application_activate (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cg_window_new (self));
      if (self->first_page != NULL)
        cg_window_set_visible_page (CG_WINDOW (window), self->first_page);
    }
  gtk_window_present (window);
}

/* "callgauge FILE": the desktop file passes call logs opened from a file
 * manager; each gets the import dialog. */
static void
cg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CgWindow *window;

  g_application_activate (app);
  window = CG_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window == NULL || cg_window_get_store (window) == NULL)
    return;
  for (int i = 0; i < n_files; i++)
    cg_import_dialog_present (window, files[i]);
}

static int
cg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CgApplication *self = CG_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("callgauge %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    cg_application_set_db_path (self, db);
  g_variant_dict_lookup (options, "page", "s", &self->first_page);
  return -1;
}

static void
cg_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Callgauge developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Callgauge"),
                        "application-icon", APP_ID,
                        "developer-name", _("Callgauge developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Connect rate, customer satisfaction and cost-benefit of outbound call teams, from your own call logs and surveys. Works offline."),
                        "website", "https://github.com/callgauge/callgauge",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cg_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close windows (not just quit) so they save their state and finish
   * deferred work such as pending batch deletions. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_application_quit (G_APPLICATION (app));
}

static const GActionEntry app_actions[] = {
  { "about", cg_application_about_action },
  { "quit", cg_application_quit_action },
};

static void
cg_application_startup (GApplication *app)
{
  CgApplication *self = CG_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.page::overview", { "<Alt>1", NULL } },
    { "win.page::connect", { "<Alt>2", NULL } },
    { "win.page::satisfaction", { "<Alt>3", NULL } },
    { "win.page::cost", { "<Alt>4", NULL } },
    { "win.page::compliance", { "<Alt>5", NULL } },
    { "win.page::data", { "<Alt>6", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.focus-period", { "<Control>d", NULL } },
    { "win.refresh", { "F5", "<Control>r", NULL } },
  };

  G_APPLICATION_CLASS (cg_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("GSettings schema %s is not installed; window size will not be remembered", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
cg_application_finalize (GObject *object)
{
  CgApplication *self = CG_APPLICATION (object);

  g_free (self->db_path);
  g_free (self->first_page);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_application_parent_class)->finalize (object);
}

static void
cg_application_class_init (CgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cg_application_finalize;
  app_class->activate = cg_application_activate;
  app_class->open = cg_application_open;
  app_class->startup = cg_application_startup;
  app_class->handle_local_options = cg_application_handle_local_options;
}

static void
cg_application_init (CgApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database instead of the default one"), N_("PATH") },
    { "page", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open this page: overview, connect, satisfaction, cost, compliance or data"), N_("PAGE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->db_path = cg_store_default_path ();
}

CgApplication *
cg_application_new (void)
{
  /* NON_UNIQUE: each --db gets its own process; two windows on one
   * database are safe (WAL, busy timeout). */
  return g_object_new (CG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/callgauge/Callgauge",
                       NULL);
}

const char *
cg_application_get_db_path (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);
  return self->db_path;
}

void
cg_application_set_db_path (CgApplication *self,
                            const char    *path)
{
  g_return_if_fail (CG_IS_APPLICATION (self));
  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

GSettings *
cg_application_get_settings (CgApplication *self)
{
  g_return_val_if_fail (CG_IS_APPLICATION (self), NULL);
  return self->settings;
}
