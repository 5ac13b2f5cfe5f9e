/* cg-incidents-section.h — line incidents and call quality on the Connect page:
 * their tables and the incidents as spans on the connect-rate trend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-chart.h"
#include "cg-incidents.h"
#include "cg-table.h"

G_BEGIN_DECLS

CgTable *cg_incidents_table_new     (void);
void     cg_incidents_table_fill    (CgTable                *table,
                                     const CgIncidentReport *report);

/** cg_call_quality_table_new: MOS, recordings and short calls by line. */
CgTable *cg_call_quality_table_new  (void);
/** cg_call_quality_table_fill: @rows are CgCallQualityRow *; missing values read "—". */
void     cg_call_quality_table_fill (CgTable                *table,
                                     GPtrArray              *rows);

/** cg_incidents_add_spans: shades each incident on @chart, whose categories
 * are the period keys @keys of @granularity. */
void     cg_incidents_add_spans     (CgChart                *chart,
                                     CgDimension             granularity,
                                     const char *const      *keys,
                                     guint                   n_keys,
                                     const CgIncidentReport *report);

/** cg_period_key_days: the first and last day of the period @key of @granularity. */
gboolean cg_period_key_days         (CgDimension             granularity,
                                     const char             *key,
                                     GDate                  *first,
                                     GDate                  *last);

G_END_DECLS
