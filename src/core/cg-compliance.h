/* cg-compliance.h — compliance audit of the call logs, and do-not-call lists.
 *
 * Definitions (the README repeats them):
 *   outside hours  = a call that started, in the business time zone, before
 *                    its weekday's opening time or at or after its closing
 *                    time (09:00–20:00 allows 09:00:00 up to 19:59:59);
 *   do-not-call    = a call to a number that was on the do-not-call table
 *                    (from an imported list or an earlier request on a
 *                    call) strictly before the call started;
 *   attempt cap    = at most N attempts per number within D days, a window
 *                    of D × 24 hours of elapsed time: an attempt breaks the
 *                    cap when N attempts to the same number started less
 *                    than D × 24 hours before it.  Every attempt to the
 *                    number counts, whatever its line, agent or list and
 *                    whether it connected; the filter chooses which
 *                    offending calls are reported.
 *
 * Settings, each validated when the audit reads it:
 *   calling_hours  clauses "DAYS HH:MM-HH:MM" or "DAYS off" separated by
 *                  ';', DAYS a day (mon … sun) or a range of them (mon-fri,
 *                  fri-mon wraps); later clauses override earlier ones and
 *                  days no clause names allow no calls.  Default
 *                  "mon-sun 09:00-20:00"; "24:00" closes at midnight.
 *   attempt_cap    "N/D", 1 ≤ N ≤ 1000 attempts within 1 ≤ D ≤ 366 days.
 *                  Default "3/7".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-reader.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_COMPLIANCE_ERROR (cg_compliance_error_quark ())
typedef enum {
  CG_COMPLIANCE_ERROR_SETTING,  /* a stored setting cannot be read */
  CG_COMPLIANCE_ERROR_FILE,     /* a do-not-call list without a phone column, or a bad date */
} CgComplianceError;
GQuark cg_compliance_error_quark (void);

#define CG_COMPLIANCE_DEFAULT_CALLING_HOURS "mon-sun 09:00-20:00"
#define CG_COMPLIANCE_DEFAULT_ATTEMPT_CAP   "3/7"
/* Offending calls listed per kind; the rest are only counted. */
#define CG_COMPLIANCE_MAX_LISTED 1000

typedef struct {
  /* Minutes after local midnight, index 1 = Monday … 7 = Sunday; calls are
   * allowed from open up to (not including) close; open == close: none. */
  int open_minute[8];
  int close_minute[8];
} CgCallingHours;

/** cg_calling_hours_parse: reads the calling_hours setting's form. */
gboolean cg_calling_hours_parse     (const char            *text,
                                     CgCallingHours        *hours,
                                     GError               **error);
/** cg_calling_hours_to_string: the canonical form, one clause per run of equal days. */
char    *cg_calling_hours_to_string (const CgCallingHours  *hours);

typedef struct {
  guint max_attempts;
  guint days;
} CgAttemptCap;

/** cg_attempt_cap_parse: reads the attempt_cap setting's form "N/D". */
gboolean cg_attempt_cap_parse       (const char            *text,
                                     CgAttemptCap          *cap,
                                     GError               **error);

typedef struct {
  gint64  start_ts;
  char   *phone_masked;
  char   *agent_id;
  char   *line;
  char   *list;
} CgComplianceCall;

void cg_compliance_call_free (CgComplianceCall *call);

typedef struct {
  gint64     count;  /* all offending calls */
  GPtrArray *calls;  /* CgComplianceCall *, the first CG_COMPLIANCE_MAX_LISTED */
} CgFinding;

typedef struct {
  char   *key;
  gint64  complaints;
} CgComplaintCount;

typedef struct {
  CgCallingHours  hours;
  CgAttemptCap    cap;
  CgFinding       outside_hours;      /* by start time */
  CgFinding       dnc;                /* by start time */
  CgFinding       attempt_cap;        /* by number, then start time */
  gint64          cap_numbers;        /* numbers with at least one attempt over the cap */
  GPtrArray      *complaints_by_agent;  /* CgComplaintCount *, keys ascending */
  GPtrArray      *complaints_by_list;
  GPtrArray      *complaints_by_month;  /* keys "YYYY-MM", business time zone */
  /* cg_compliance_audit_by only, else NULL: counts (gint64 *) per key of
   * @by.  Violations: offending calls of all three kinds, a call breaking
   * two rules counted twice; complaints: NULL by a slice complaints lack. */
  CgDimension     by;
  GHashTable     *violations_by_key;
  GHashTable     *complaints_by_key;
} CgComplianceReport;

void cg_compliance_report_free (CgComplianceReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgComplianceReport, cg_compliance_report_free)

/* Audits the calls of @filter against the stored settings.  Complaints
 * are counted by their own time, agent and list; they have no line, so
 * the line filter leaves them all in. */
CgComplianceReport *cg_compliance_audit (CgStore        *store,
                                         const CgFilter *filter,
                                         GError        **error);

/* The same audit, with violations and complaints counted per key of @by
 * (any slice of cg-analytics.h; a complaint's own time, agent and list
 * give its key). */
CgComplianceReport *cg_compliance_audit_by (CgStore        *store,
                                            CgDimension     by,
                                            const CgFilter *filter,
                                            GError        **error);

/** cg_compliance_complaints_have_key: whether complaints can be sliced by
 * @by; they carry no line, campaign, segment or outcome. */
gboolean cg_compliance_complaints_have_key (CgDimension by);

typedef struct {
  gint64 batch_id;      /* 0 when nothing was imported */
  gint64 rows_read;     /* data rows, the header not counted */
  gint64 rows_imported;
  gint64 rows_skipped;  /* no number, or a number a spreadsheet damaged */
  gint64 duplicates;    /* numbers the file lists more than once */
} CgDncImportResult;

/* Imports a do-not-call list (CSV, XLSX or XLS with a header row): the
 * number from the column headed 号码, 手机号, 手机号码, 电话, 电话号码 or
 * phone, the date it was added from 加入日期, 日期 or date when there is
 * one (else the time of import).  Numbers are hashed and masked exactly as
 * those of calls.  One transaction and one batch of kind "dnc": deleting
 * the batch removes what it added. */
gboolean cg_compliance_import_dnc (CgStore                *store,
                                   const char             *path,
                                   const CgReaderOptions  *options,
                                   CgDncImportResult      *result,
                                   GError                **error);

G_END_DECLS
