/* cg-findings.h — what the period's data means, in ranked sentences.
 *
 * Each source of findings is one function in a table (cg-findings.c):
 * it reads one kind of evidence for the period and its previous period of
 * equal length, keeps what passes a test or a threshold, and says it in a
 * translated sentence with the numbers.  Nothing is said about slices too
 * small to tell (see the minimum counts in cg-findings.c and the README).
 *
 * Ranking is by impact, not by p-value: the connected calls gained or lost
 * (a sale counts as the connected calls it takes to make one, a customer
 * reached or a complaint as one connected call, a text raising a theme as
 * one), largest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-analytics-slices.h"
#include "cg-compliance.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef enum {
  CG_FINDING_KIND_CHANGE,      /* a rate changed against the previous period */
  CG_FINDING_KIND_DIFFERENCE,  /* a group differs from the others (A/B engine) */
  CG_FINDING_KIND_INCIDENT,    /* line incidents and their cost */
  CG_FINDING_KIND_QUALITY,     /* call-quality problems */
  CG_FINDING_KIND_THEME,       /* a feedback theme grew */
  CG_FINDING_KIND_COMPLIANCE,  /* compliance violations */
  CG_FINDING_KIND_FINANCE,     /* payback of the active scenario */
  CG_FINDING_N_KINDS
} CgFindingKind;

/** cg_finding_kind_to_string: "change", "difference", "incident", … */
const char *cg_finding_kind_to_string (CgFindingKind kind);

typedef struct {
  CgFindingKind  kind;
  char          *subject;         /* "total", "line:L02", "list:…", "agent:…", "theme:…", "scenario:…" */
  CgDimension    dimension;       /* what the GUI filters by to show it; CG_N_DIMS: none */
  char          *key;             /* the slice's key, NULL for the total */
  char          *metric;          /* "connect_rate", "contact_rate", "conversion", "complaint_rate",
                                   * "csat", "nps", "theme_share", "outside_hours", "dnc",
                                   * "attempt_cap", "payback", "incidents",
                                   * "low_mos_share", "recording_coverage" */
  double         value;           /* in the period (NAN where it does not apply) */
  double         previous_value;  /* in the previous period or the other groups */
  double         p_value;         /* Holm-adjusted; NAN when a threshold stands behind it */
  double         impact;          /* connected-call equivalents gained (+) or lost (−) */
  double         rank_impact;     /* what the ranking uses when not |impact| (NAN): a total
                                   * ranks right after the largest slice change in it */
  char          *text;            /* the sentence, translated */
} CgFindingEntry;

void cg_finding_entry_free (CgFindingEntry *entry);

typedef struct {
  gint64     from_ts;             /* the period [from_ts, to_ts) */
  gint64     to_ts;
  gint64     previous_from_ts;    /* the previous period of equal length */
  gint64     previous_to_ts;
  GPtrArray *entries;             /* CgFindingEntry *, ranked: rank 1 first */
} CgFindings;

void        cg_findings_free    (CgFindings *findings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgFindings, cg_findings_free)

/** cg_findings_compute: the ranked findings of [@from_ts, @to_ts) (both set). */
CgFindings *cg_findings_compute (CgStore    *store,
                                 gint64      from_ts,
                                 gint64      to_ts,
                                 GError    **error);

/* What a caller has already computed over the same calls as the period,
 * so that the engine need not read them again; NULL members it computes. */
typedef struct {
  const CgComplianceReport *audit;            /* its call counts are what the engine reads */
  const CgCallSlices       *slices;           /* of the period */
  const CgCallSlices       *previous_slices;  /* of the previous period */
} CgFindingsInputs;

/** cg_findings_compute_with: cg_findings_compute () with @inputs (may be NULL). */
CgFindings *cg_findings_compute_with (CgStore                *store,
                                      gint64                  from_ts,
                                      gint64                  to_ts,
                                      const CgFindingsInputs *inputs,
                                      GError                **error);

G_END_DECLS
