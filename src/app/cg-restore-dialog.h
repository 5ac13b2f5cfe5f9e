/* cg-restore-dialog.h — choose a backup and restore it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-window.h"

G_BEGIN_DECLS

#define CG_TYPE_RESTORE_DIALOG (cg_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CgRestoreDialog, cg_restore_dialog, CG, RESTORE_DIALOG, AdwWindow)

/* Opens the list of @window's database backups.  The dialog emits
 * "restored" after a backup replaced the data, then closes. */
CgRestoreDialog *cg_restore_dialog_present        (CgWindow        *window);

/* For tests and keyboard users: the state the dialog is in ("list",
 * "empty" or "progress") and the number of backups listed. */
const char      *cg_restore_dialog_get_state      (CgRestoreDialog *self);
guint            cg_restore_dialog_get_n_backups  (CgRestoreDialog *self);

/** cg_restore_dialog_restore: restores @backup_path as if its confirmation was accepted. */
void             cg_restore_dialog_restore        (CgRestoreDialog *self,
                                                   const char      *backup_path);

G_END_DECLS
