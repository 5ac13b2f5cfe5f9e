/* cg-demo-feedback.h — demo customer feedback to go with the demo calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

/* Adds realistic Chinese comments about a deterministic sample of the
 * connected calls already stored (same number, agent, a day or two later)
 * to the demo batch @batch_id, so that deleting the demo removes them too.
 * Complaints about call frequency grow over time, so the themes and
 * findings have something to show.  Comments already there are skipped. */
gboolean cg_demo_feedback_generate (CgStore  *store,
                                    gint64    batch_id,
                                    guint32   seed,
                                    GError  **error);

G_END_DECLS
