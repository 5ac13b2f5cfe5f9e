/* cg-findings-private.h — what the sources of findings share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-findings.h"

G_BEGIN_DECLS

/* Slices too small to tell say nothing: a rate is compared only with at
 * least this many trials in each period and this many successes and
 * failures over both (so the normal approximation of the z-test holds). */
#define CG_FINDINGS_MIN_TRIALS    200
#define CG_FINDINGS_MIN_EVENTS    20
#define CG_FINDINGS_MIN_RESPONSES 30   /* survey answers per period */
#define CG_FINDINGS_MIN_TEXTS     30   /* feedback texts per period */

typedef struct {
  CgStore *store;
  const CgFindingsInputs *inputs;  /* never NULL */
  CgFilter current;
  CgFilter previous;
  double   connected_per_sale;  /* of the period; 0 without sales */
  /* The rows by total, line, list and agent of each period (0 current,
   * 1 previous), from one pass over its calls (cg-analytics-slices.h). */
  const CgCallSlices *slices[2];
  /* Connect rows by period (0 current, 1 previous) and dimension, read
   * once: several sources need the same ones (cg_findings_connect). */
  GPtrArray *connect[2][CG_N_DIMS];
} CgFindingsContext;

/* A source of findings: adds what passes its test or threshold to @out. */
typedef gboolean (*CgFindingsSourceFunc) (CgFindingsContext  *ctx,
                                          GPtrArray          *out,
                                          GError            **error);

/* "12.3 %" */
char           *cg_findings_format_percent (double         share);
/* "p < 0.001" or "p = 0.012" */
char           *cg_findings_format_p       (double         p);
/* "Line L02", "List …", "Agent …" or "Overall", translated */
char           *cg_findings_subject_label  (CgDimension    dimension,
                                            const char    *key);
/* An entry with the subject id of @dimension and @key and no numbers yet (NAN). */
CgFindingEntry *cg_finding_entry_new       (CgFindingKind  kind,
                                            CgDimension    dimension,
                                            const char    *key,
                                            const char    *metric);

/* Whether the day sums answer for @dimension in @filter: then they are
 * read as the pages read them (they keep the sums of purged calls), else
 * the slices' rows from the calls. */
gboolean        cg_findings_sums_answer    (CgFindingsContext  *ctx,
                                            CgDimension         dimension,
                                            const CgFilter     *filter);

/* cg_analytics_connect () of the current or the previous period by
 * @dimension, computed on first use; owned by @ctx. */
GPtrArray      *cg_findings_connect        (CgFindingsContext  *ctx,
                                            CgDimension         dimension,
                                            gboolean            previous,
                                            GError            **error);

/* Significant changes against the previous period (cg-findings-change.c). */
gboolean        cg_findings_find_changes   (CgFindingsContext  *ctx,
                                            GPtrArray          *out,
                                            GError            **error);

/* Line incidents, one finding per line, and call-quality problems by line
 * and agent (cg-findings-ops.c). */
gboolean        cg_findings_find_incidents (CgFindingsContext  *ctx,
                                            GPtrArray          *out,
                                            GError            **error);
gboolean        cg_findings_find_quality   (CgFindingsContext  *ctx,
                                            GPtrArray          *out,
                                            GError            **error);

G_END_DECLS
