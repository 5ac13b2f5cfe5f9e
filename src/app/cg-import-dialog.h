/* cg-import-dialog.h — detect, preview, map and import a call log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-window.h"

G_BEGIN_DECLS

#define CG_TYPE_IMPORT_DIALOG (cg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgImportDialog, cg_import_dialog, CG, IMPORT_DIALOG, AdwWindow)

/** cg_import_dialog_present: opens the import dialog for @file over @window. */
CgImportDialog *cg_import_dialog_present     (CgWindow       *window,
                                              GFile          *file);

/* For tests and keyboard users: the state the dialog is in ("setup",
 * "progress" or "result"), and whether Import can be pressed. */
const char     *cg_import_dialog_get_state   (CgImportDialog *self);
gboolean        cg_import_dialog_can_import  (CgImportDialog *self);
/** cg_import_dialog_get_imported: calls imported by the finished run, or -1. */
gint64          cg_import_dialog_get_imported (CgImportDialog *self);

G_END_DECLS
