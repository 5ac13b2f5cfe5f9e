/* cg-import-presets.h — named column mappings the user saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-import-calls.h"

G_BEGIN_DECLS

/* Saves @plan's column mapping (by header text, or column number for files
 * without a header) and its outcome words under @name, replacing any
 * preset of that name.  Names are what people type: "客服外呼系统". */
gboolean  cg_import_preset_save   (CgStore       *store,
                                   const char    *name,
                                   CgImportPlan  *plan,
                                   GError       **error);

/** cg_import_preset_list: the saved preset names, sorted. */
GStrv     cg_import_preset_list   (CgStore       *store);

/* Loads @name as "field=COLUMN" and "WORD=outcome" strings, the same
 * forms the CLI's --map and --outcome take. */
gboolean  cg_import_preset_load   (CgStore       *store,
                                   const char    *name,
                                   GStrv         *map,
                                   GStrv         *outcome_map,
                                   GError       **error);

gboolean  cg_import_preset_delete (CgStore       *store,
                                   const char    *name,
                                   GError       **error);

G_END_DECLS
