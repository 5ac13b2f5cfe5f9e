/* cg-import-dialog.h — detect, preview, map and import a call log, survey
 * results, complaints or customer feedback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-import-mapping.h"
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
/** cg_import_dialog_get_imported: rows imported by the finished run, or -1. */
gint64          cg_import_dialog_get_imported (CgImportDialog *self);
/** cg_import_dialog_get_kind: what the dialog imports the file as (detected, or the user's choice). */
CgImportAs      cg_import_dialog_get_kind     (CgImportDialog *self);
void            cg_import_dialog_set_kind     (CgImportDialog *self,
                                               CgImportAs      kind);
/** cg_import_dialog_get_mapping_rows: the question or field rows shown (AdwComboRow *). */
GPtrArray      *cg_import_dialog_get_mapping_rows (CgImportDialog *self);

G_END_DECLS
