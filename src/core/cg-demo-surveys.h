/* cg-demo-surveys.h — demo survey responses and complaints for the demo calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

/* Adds survey responses (questionnaire and callback, some agents rated
 * better than others, over-contacted customers less satisfied) and
 * complaints for a sample of the connected calls of demo batch
 * @batch_id, to that same batch, so deleting the demo removes them too.
 * Same seed and calls give the same rows. */
gboolean cg_demo_surveys_generate (CgStore  *store,
                                   gint64    batch_id,
                                   guint32   seed,
                                   GError  **error);

G_END_DECLS
