/* cg-page-content.h — the figures the Connect rate and Cost-benefit pages show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-page.h"
#include "cg-store.h"

G_BEGIN_DECLS

/* Each fills @page's content from @store, replacing what was there, and
 * returns whether there was anything to show. */
gboolean cg_page_content_fill_connect (CgPage   *page,
                                       CgStore  *store);
gboolean cg_page_content_fill_cost    (CgPage   *page,
                                       CgStore  *store);
/* The Overview's key figures over all calls, as a preferences group. */
GtkWidget *cg_page_content_key_figures (CgStore *store);

gboolean cg_page_content_fill_compliance (CgPage  *page,
                                          CgStore *store);

G_END_DECLS
