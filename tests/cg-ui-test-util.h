/* cg-ui-test-util.h — the window fixture the GUI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-application.h"
#include "cg-window.h"

G_BEGIN_DECLS

/* One application per test program: GApplication registers its id on the
 * session bus once.  main() sets it before g_test_run(). */
extern CgApplication *cg_ui_test_app;

typedef struct {
  char          *dir;
  char          *db;
  CgApplication *app;
  CgWindow      *window;
} CgUiFixture;

typedef gboolean (*CgUiCondition) (CgUiFixture *f);

/* Runs the main loop until @done holds; fails the test after @timeout_s. */
void     cg_ui_iterate_until      (CgUiCondition  done,
                                   CgUiFixture   *f,
                                   guint          timeout_s);
gboolean cg_ui_window_mapped      (CgUiFixture   *f);
gboolean cg_ui_window_idle        (CgUiFixture   *f);
gboolean cg_ui_no_windows         (CgUiFixture   *f);

/* A fresh database in a temporary folder and the application's window on
 * it; the tear-down closes the window and removes the folder. */
void     cg_ui_fixture_set_up     (CgUiFixture   *f,
                                   gconstpointer  data);
void     cg_ui_fixture_tear_down  (CgUiFixture   *f,
                                   gconstpointer  data);

/* Widget-level helpers for tests without the window. */

/* Runs the main loop until @done (@data) holds; fails after @timeout_s. */
void        cg_ui_wait              (gboolean     (*done) (gpointer data),
                                     gpointer       data,
                                     guint          timeout_s);

/* The clipboard's text after the main loop delivered it ("(nothing)" when
 * it holds none). */
char       *cg_ui_read_clipboard    (GtkWidget     *widget);
/* @widget's own context menu: a GtkPopoverMenu child of it. */
GtkWidget  *cg_ui_context_menu      (GtkWidget     *widget);
gboolean    cg_ui_context_menu_shown (GtkWidget    *widget);
/* @widget's click gesture for mouse @button, or NULL. */
GtkGesture *cg_ui_click_gesture     (GtkWidget     *widget,
                                     guint          button);

G_END_DECLS
