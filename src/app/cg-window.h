/* cg-window.h — the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-application.h"
#include "cg-page.h"
#include "cg-view-filter.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type ())
G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, AdwApplicationWindow)

CgWindow   *cg_window_new               (CgApplication *application);

/** cg_window_get_store: the open database, or NULL when it could not be opened. */
CgStore    *cg_window_get_store         (CgWindow      *self);

/** cg_window_refresh: re-reads the database and updates every page. */
void        cg_window_refresh           (CgWindow      *self);

/* Page names: overview, connect, satisfaction, cost, compliance, data. */
void        cg_window_set_visible_page  (CgWindow      *self,
                                         const char    *name);
const char *cg_window_get_visible_page  (CgWindow      *self);
/** cg_window_page_has_data: FALSE while the page shows its empty state. */
gboolean    cg_window_page_has_data     (CgWindow      *self,
                                         const char    *name);

/** cg_window_is_busy: TRUE while a background job (import, demo) or a page's query runs. */
gboolean    cg_window_is_busy           (CgWindow      *self);

/** cg_window_get_filter: the filter every page follows (the filter bar sets it). */
CgViewFilter *cg_window_get_filter      (CgWindow      *self);
/** cg_window_get_page: the page named @name (see above). */
CgPage     *cg_window_get_page          (CgWindow      *self,
                                         const char    *name);

G_END_DECLS
