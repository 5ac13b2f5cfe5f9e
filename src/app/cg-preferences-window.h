/* cg-preferences-window.h — the settings stored in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_PREFERENCES_WINDOW (cg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CgPreferencesWindow, cg_preferences_window, CG, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @lines: the lines that can have a rate of their own.  Emits ::changed
 * after each stored change. */
CgPreferencesWindow *cg_preferences_window_new (GtkWindow *parent,
                                                CgStore   *store,
                                                GStrv      lines);

/* Stores @value for @key as the row for @key would (tests): the same
 * checks, the same core call.  FALSE with @error when it is refused. */
gboolean             cg_preferences_window_apply (CgPreferencesWindow *self,
                                                  const char          *key,
                                                  const char          *value,
                                                  GError             **error);

/* Deletes call details older than the retention setting, on a worker
 * thread (what "Delete Now…" does once confirmed); a toast tells the
 * outcome and ::changed follows. */
void                 cg_preferences_window_purge (CgPreferencesWindow *self);

G_END_DECLS
