/* cg-ui-test-util.c — the window fixture the GUI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-test-util.h"
#include "cg-ui-test-util.h"

CgApplication *cg_ui_test_app;

void
cg_ui_iterate_until (CgUiCondition  done,
                     CgUiFixture   *f,
                     guint          timeout_s)
{
  gint64 end = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!done (f) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (f));
}

gboolean
cg_ui_window_mapped (CgUiFixture *f)
{
  return f->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

gboolean
cg_ui_window_idle (CgUiFixture *f)
{
  return !cg_window_is_busy (f->window);
}

gboolean
cg_ui_no_windows (CgUiFixture *f)
{
  return gtk_application_get_windows (GTK_APPLICATION (f->app)) == NULL;
}

void
cg_ui_fixture_set_up (CgUiFixture   *f,
                      gconstpointer  data)
{
  g_assert_nonnull (cg_ui_test_app);
  f->dir = g_dir_make_tmp ("cg-ui-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->app = g_object_ref (cg_ui_test_app);
  cg_application_set_db_path (f->app, f->db);
  g_application_activate (G_APPLICATION (f->app));
  f->window = CG_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_nonnull (f->window);
  cg_ui_iterate_until (cg_ui_window_mapped, f, 20);
}

void
cg_ui_fixture_tear_down (CgUiFixture   *f,
                         gconstpointer  data)
{
  if (gtk_application_get_windows (GTK_APPLICATION (f->app)) != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      cg_ui_iterate_until (cg_ui_no_windows, f, 20);
    }
  g_clear_object (&f->app);
  cg_test_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

void
cg_ui_wait (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      timeout_s)
{
  gint64 end = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static void
got_text (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("(nothing)");
}

char *
cg_ui_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, got_text, &text);
  while (text == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return text;
}

GtkWidget *
cg_ui_context_menu (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

gboolean
cg_ui_context_menu_shown (GtkWidget *widget)
{
  GtkWidget *menu = cg_ui_context_menu (widget);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

GtkGesture *
cg_ui_click_gesture (GtkWidget *widget,
                     guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (c) && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (c)) == button)
        return GTK_GESTURE (c);
    }
  return NULL;
}
