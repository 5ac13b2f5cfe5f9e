/* cg-demo.h — a deterministic, realistic demo dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  guint32  seed;
  guint    months;       /* history length, default 6 */
  GDate   *end_date;     /* last day (business time); NULL means today */
} CgDemoOptions;

/* Progress of long work, called from the worker thread: @fraction of the
 * input done (0…1) and @rows handled so far. */
typedef void (*CgProgressFunc) (double   fraction,
                                gint64   rows,
                                gpointer user_data);

/* Fills @store with one batch of demo calls (3 lines, 4 number lists,
 * 12 agents).  Same seed and dates give the same rows.  Returns the batch
 * id, or 0 with @error set; a cancelled run leaves the store unchanged. */
gint64 cg_demo_generate (CgStore             *store,
                         const CgDemoOptions *options,
                         CgProgressFunc       progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GError             **error);

G_END_DECLS
