/* cg-filter-bar.h — the bar under the header that sets the CgViewFilter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cg-query-runner.h"
#include "cg-view-filter.h"

G_BEGIN_DECLS

#define CG_TYPE_FILTER_BAR (cg_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (CgFilterBar, cg_filter_bar, CG, FILTER_BAR, GtkWidget)

void          cg_filter_bar_set_filter (CgFilterBar  *self,
                                        CgViewFilter *filter);
CgViewFilter *cg_filter_bar_get_filter (CgFilterBar  *self);
/** cg_filter_bar_set_keys: the lines, agents or lists (@by) people can pick. */
void          cg_filter_bar_set_keys   (CgFilterBar  *self,
                                        CgDimension   by,
                                        GStrv         keys);

/* Reads every line, agent and list in the database through @runner, in
 * the background, and offers them. */
void          cg_filter_bar_load_keys  (CgFilterBar   *self,
                                        CgQueryRunner *runner);
/** cg_filter_bar_is_loading: TRUE until the keys asked for arrived. */
gboolean      cg_filter_bar_is_loading (CgFilterBar   *self);
/** cg_filter_bar_get_keys: the lines, agents or lists (@by) offered; NULL before they are loaded. */
GStrv         cg_filter_bar_get_keys   (CgFilterBar   *self,
                                        CgDimension    by);

/** cg_filter_bar_focus_period: moves the keyboard focus to the period choice. */
void          cg_filter_bar_focus_period (CgFilterBar *self);

G_END_DECLS
