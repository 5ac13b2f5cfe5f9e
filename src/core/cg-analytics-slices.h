/* cg-analytics-slices.h — the figures by line, list and agent that the
 * findings and the report need, from one pass over the calls.
 *
 * Each of cg_analytics_connect, cg_funnel_compute, cg_call_quality and
 * cg_quality_contact_by reads (and for slices sorts) every call of the
 * period; asked a dozen times per period, as the findings and the Excel
 * report do, they cost seconds on a million calls.  One pass counts the
 * same rows for all slicings at once; the rows mean what those functions'
 * rows mean (their headers have the definitions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-call-quality.h"
#include "cg-funnel.h"
#include "cg-quality.h"

G_BEGIN_DECLS

typedef struct {
  /* Indexed by CgDimension; NULL where not computed.  Keys ascending. */
  GPtrArray *connect[CG_N_DIMS];  /* CgConnectRow *: total, line, list, agent */
  GPtrArray *funnel[CG_N_DIMS];   /* CgFunnelRow *: total, line, list, agent */
  GPtrArray *quality[CG_N_DIMS];  /* CgCallQualityRow *: line, list, agent */
  /* CgContact *: total, line, list — calls, calls_without_number, numbers
   * and numbers_reached only (no attempts, no agent-hours). */
  GPtrArray *contact[CG_N_DIMS];
} CgCallSlices;

void          cg_call_slices_free    (CgCallSlices    *slices);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgCallSlices, cg_call_slices_free)

/** cg_call_slices_compute: the rows above of the calls in @filter
 * (NULL: all); the total rows exist even without calls. */
CgCallSlices *cg_call_slices_compute (CgStore         *store,
                                      const CgFilter  *filter,
                                      GError         **error);

G_END_DECLS
