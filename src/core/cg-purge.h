/* cg-purge.h — retention: deleting old call details, keeping the trends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

/* The setting: months of call details to keep; "0" or unset keeps all. */
#define CG_PURGE_SETTING     "retention_months"
#define CG_PURGE_MAX_MONTHS  1200

typedef struct {
  gint64  before_ts;         /* details of what started before this went (local midnight, UTC seconds) */
  gint64  calls;             /* rows deleted */
  gint64  survey_responses;
  gint64  complaints;
  char   *backup_path;       /* the backup made first; NULL when nothing was old enough */
} CgPurgeResult;

void      cg_purge_result_clear (CgPurgeResult *result);

/* Deletes the details (calls, survey responses with their answers,
 * complaints) of everything that happened more than @months months ago,
 * counted back from @now to local midnight in the business time zone,
 * after backing the database up; agg_day and agg_hour keep their sums, so
 * every trend reads the same afterwards.  One transaction: on failure the
 * database is unchanged.  The period before the cutoff is then closed:
 * calls re-imported into it are skipped as duplicates (their sums are
 * there already), and the business time zone can no longer change. */
gboolean  cg_purge_older_than   (CgStore        *store,
                                 guint           months,
                                 GDateTime      *now,
                                 CgPurgeResult  *result,
                                 GError        **error);

/** cg_purge_get_closed_before: the latest purge's cutoff, or 0 when nothing was ever purged. */
gint64    cg_purge_get_closed_before (CgStore  *store);

/* The retention setting, 0 when unset or invalid. */
guint     cg_purge_get_retention_months (CgStore *store);

G_END_DECLS
