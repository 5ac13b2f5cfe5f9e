/* cg-summary.h — what the database holds, at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64 calls;
  gint64 connected;
  gint64 first_ts;     /* first call, UTC epoch seconds; 0 without calls */
  gint64 last_ts;
  gint64 lines;
  gint64 agents;
  gint64 lists;
  gint64 survey_responses;
  gint64 complaints;
  gint64 scenarios;
  gint64 batches;
} CgSummary;

/** cg_summary_compute: counts over the whole database. */
gboolean cg_summary_compute (CgStore    *store,
                             CgSummary  *summary,
                             GError    **error);

G_END_DECLS
