/* cg-page.h — a page of the main window: an empty state until there is
 * data for it, then its content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_PAGE (cg_page_get_type ())
G_DECLARE_FINAL_TYPE (CgPage, cg_page, CG, PAGE, GtkWidget)

/** cg_page_set_has_data: shows the content instead of the empty state. */
void        cg_page_set_has_data  (CgPage     *self,
                                   gboolean    has_data);
gboolean    cg_page_get_has_data  (CgPage     *self);

/** cg_page_get_content: the box the window fills with the page's content. */
GtkBox     *cg_page_get_content   (CgPage     *self);

G_END_DECLS
