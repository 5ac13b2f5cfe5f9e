/* cg-demo-feedback.h — demo customer feedback to go with the demo calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

/* Adds one batch of kind "feedback" of realistic Chinese comments about a
 * deterministic sample of the connected calls already stored (same number,
 * agent, a day or two later).  Complaints about call frequency grow over
 * the last months, so the themes and findings have something to show. */
gboolean cg_demo_feedback_generate (CgStore  *store,
                                    guint32   seed,
                                    GError  **error);

G_END_DECLS
