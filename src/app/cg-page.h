/* cg-page.h — a page of the main window: an empty state until there is
 * data for it, then its content; refreshed off the main thread.
 *
 * Each page is a subclass with a template whose <child> elements go into
 * the content area, and a refresh() that queues its queries with
 * cg_page_query() and fills its widgets when they return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-query-runner.h"
#include "cg-view-filter.h"

G_BEGIN_DECLS

#define CG_TYPE_PAGE (cg_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CgPage, cg_page, CG, PAGE, GtkWidget)

struct _CgPageClass
{
  GtkWidgetClass parent_class;

  /* Re-reads what the page shows for @filter; cg_page_get_runner() and
   * cg_page_get_view_filter() are set when it is called. */
  void (*refresh) (CgPage         *self,
                   const CgFilter *filter);

  gpointer padding[4];
};

/* Called in the main context when a query of the page returns and no
 * newer query of the same slot replaced it; @result belongs to the page
 * machinery (it is freed after the call), NULL with @error on failure. */
typedef void (*CgPageQueryDone) (CgPage       *self,
                                 gpointer      result,
                                 const GError *error);

#define CG_PAGE_N_SLOTS 4

/** cg_page_refresh: refreshes the page for @filter's current state, reading through @runner. */
void           cg_page_refresh         (CgPage         *self,
                                        CgQueryRunner  *runner,
                                        CgViewFilter   *filter);

/* Queues @func in the page's @slot (0 is the page's main query): a newer
 * query in a slot cancels the older one, so only the latest fills the
 * page.  Uses the filter of the last refresh. */
void           cg_page_query           (CgPage         *self,
                                        guint           slot,
                                        CgQueryFunc     func,
                                        gpointer        data,
                                        GDestroyNotify  data_free,
                                        GDestroyNotify  result_free,
                                        CgPageQueryDone done);

CgQueryRunner *cg_page_get_runner      (CgPage         *self);
CgViewFilter  *cg_page_get_view_filter (CgPage         *self);
/** cg_page_is_busy: TRUE while a query of the page is queued or running. */
gboolean       cg_page_is_busy         (CgPage         *self);

/** cg_page_set_has_data: shows the content instead of the empty state. */
void           cg_page_set_has_data    (CgPage         *self,
                                        gboolean        has_data);
gboolean       cg_page_get_has_data    (CgPage         *self);

/** cg_page_get_content: the box holding the page's content. */
GtkBox        *cg_page_get_content     (CgPage         *self);

/** cg_page_show_error: tells the user a query failed (a toast in the window). */
void           cg_page_show_error      (CgPage         *self,
                                        const GError   *error);

/** cg_page_add_empty_button: a button for @action_name first in the empty state. */
void           cg_page_add_empty_button (CgPage         *self,
                                         const char     *label,
                                         const char     *action_name,
                                         const char     *tooltip);

G_END_DECLS
