/* cg-application.h — the Callgauge application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_APPLICATION (cg_application_get_type ())
G_DECLARE_FINAL_TYPE (CgApplication, cg_application, CG, APPLICATION, AdwApplication)

CgApplication *cg_application_new            (void);

/** cg_application_get_db_path: the database this instance works on. */
const char    *cg_application_get_db_path    (CgApplication *self);
void           cg_application_set_db_path    (CgApplication *self,
                                              const char    *path);

/* NULL when the application runs without its GSettings schema installed. */
GSettings     *cg_application_get_settings   (CgApplication *self);

G_END_DECLS
