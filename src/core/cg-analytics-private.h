/* cg-analytics-private.h — what analyses share inside core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"

G_BEGIN_DECLS

/* Whether the aggregate sums can answer for @filter (no agent, whole local
 * days, not asked for raw); then @from_day and @to_day receive the bounds
 * as local day numbers, [from, to). */
gboolean cg_analytics_day_bounds (CgStore        *store,
                                  const CgFilter *filter,
                                  gint64         *from_day,
                                  gint64         *to_day);

G_END_DECLS
