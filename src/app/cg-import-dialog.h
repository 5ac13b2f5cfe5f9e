/* cg-import-dialog.h — detect, preview, map and import a call log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-window.h"

G_BEGIN_DECLS

/** cg_import_dialog_present: opens the import dialog for @file over @window. */
void cg_import_dialog_present (CgWindow *window,
                               GFile    *file);

G_END_DECLS
