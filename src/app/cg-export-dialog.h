/* cg-export-dialog.h — exports the Excel report for the current period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-report.h"
#include "cg-store.h"
#include "cg-view-filter.h"

G_BEGIN_DECLS

#define CG_TYPE_EXPORT_DIALOG (cg_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgExportDialog, cg_export_dialog, CG, EXPORT_DIALOG, AdwWindow)

/** cg_export_dialog_new: a dialog exporting @filter's period of @store. */
CgExportDialog *cg_export_dialog_new          (GtkWindow      *parent,
                                               CgStore        *store,
                                               CgViewFilter   *filter);

/** cg_export_dialog_default_name: "电销评估报告-2026Q3.xlsx" for @filter's period. */
char           *cg_export_dialog_default_name (CgViewFilter   *filter);

/** cg_export_dialog_export_to: starts the export to @path as the Export
 * button does after the file chooser; "finished" is emitted at the end. */
void            cg_export_dialog_export_to    (CgExportDialog *self,
                                               const char     *path);

/** cg_export_dialog_get_info: what the last export wrote, NULL before or on failure. */
const CgReportInfo *cg_export_dialog_get_info (CgExportDialog *self);
/** cg_export_dialog_get_error: why the last export failed, or NULL. */
const GError   *cg_export_dialog_get_error    (CgExportDialog *self);

G_END_DECLS
