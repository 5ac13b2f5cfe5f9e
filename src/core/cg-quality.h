/* cg-quality.h — number-list quality, line stability, contact and attempts.
 *
 * Definitions (the README repeats them).  "Number" means a distinct phone
 * hash; calls whose phone field held no digits have no hash and are left
 * out of every per-number figure (they still count as calls).
 *
 * Every figure is given by any slice of cg-analytics.h (total, day, week,
 * month, quarter, line, agent, list, campaign, segment, hour, weekday,
 * hour × weekday, outcome): the calls of the slice are those of the
 * filter with that key, and "the numbers of a slice" are the numbers
 * dialled by those calls (by hour: the numbers dialled in that hour).
 *
 * Number quality (by list unless asked otherwise; calls without a list
 * form the list ""):
 *   numbers                = distinct numbers dialled in the slice;
 *   invalid-format share   = numbers with at least one call of the slice
 *                            whose phone was of kind invalid or damaged (a
 *                            spreadsheet rounded it) / numbers;
 *   invalid-number share   = calls with outcome invalid_number (空号/停机)
 *                            / calls;
 *   duplicate numbers      = numbers of the slice that were dialled from
 *                            at least two number lists.  The lists are
 *                            those of the calls in the period, line and
 *                            agent of the filter, whatever the filter's
 *                            list; by list this is "also dialled from
 *                            another list";
 *   over-attempted numbers = numbers dialled more than max_attempts times
 *                            within the slice (by list: from the list);
 *                            their share is of numbers.
 *
 * Line stability (by line unless asked otherwise; calls without a line
 * form the line ""):
 *   line-failure share     = calls with outcome line_failure / calls, with
 *                            Wilson's 95 % interval, overall and per ISO
 *                            week (business time zone) as the trend;
 *   short-call share       = connected calls with under 5 s of talk
 *                            / connected calls;
 *   connect rate           = connected / calls.
 *
 * Contact and attempts (the total unless asked otherwise):
 *   contact rate           = numbers with at least one connected call in
 *                            the slice / numbers dialled in the slice;
 *   attempt number         = rank of a call among the filtered calls to the
 *                            same number, by start time (then row id), over
 *                            all lists and all slices (the third call to a
 *                            number is attempt 3 in whichever hour it
 *                            falls); attempts 4 and later form one group;
 *   calls per agent-hour   = calls / (agent, local day and hour) triples in
 *                            which that agent made at least one call of
 *                            the slice; calls without an agent are left out
 *                            of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"

G_BEGIN_DECLS

typedef struct {
  char   *key;                     /* the slice: the list by default */
  gint64  calls;
  gint64  invalid_number_calls;    /* outcome invalid_number */
  gint64  numbers;
  gint64  invalid_format_numbers;  /* phone kind invalid or damaged */
  gint64  duplicate_numbers;       /* dialled from two lists or more */
  gint64  over_attempted_numbers;  /* dialled more than max_attempts times */
} CgListQuality;

void       cg_list_quality_free (CgListQuality *row);

/** cg_quality_lists: one CgListQuality per key of @by (CG_DIM_LIST for
 * number lists) in @filter, keys ascending; an empty filter gives no rows. */
GPtrArray *cg_quality_lists     (CgStore        *store,
                                 CgDimension     by,
                                 const CgFilter *filter,
                                 guint           max_attempts,
                                 GError        **error);

typedef struct {
  char   *week;           /* "2026-W37" */
  gint64  calls;
  gint64  line_failures;
} CgLineWeek;

typedef struct {
  char   *key;            /* the slice: the line by default */
  gint64  calls;
  gint64  connected;
  gint64  line_failures;
  gint64  short_calls;    /* connected with under 5 s of talk */
  GArray *weeks;          /* CgLineWeek, weeks ascending, only weeks with calls */
} CgLineStability;

void       cg_line_stability_free (CgLineStability *row);

/** cg_quality_lines: one CgLineStability per key of @by (CG_DIM_LINE for
 * lines) in @filter, keys ascending; an empty filter gives no rows. */
GPtrArray *cg_quality_lines     (CgStore        *store,
                                 CgDimension     by,
                                 const CgFilter *filter,
                                 GError        **error);

/* Attempt groups: 1, 2, 3 and "4 and later". */
#define CG_CONTACT_N_ATTEMPTS 4

typedef struct {
  char   *agent;
  gint64  calls;
  gint64  hours;          /* distinct local (day, hour) with a call */
} CgAgentHours;

typedef struct {
  char      *key;                   /* the slice ("total" for the total) */
  gint64     calls;                 /* all calls in the filter */
  gint64     calls_without_number;  /* left out of per-number figures */
  gint64     numbers;
  gint64     numbers_reached;       /* at least one connected call */
  gint64     attempt_calls[CG_CONTACT_N_ATTEMPTS];
  gint64     attempt_connected[CG_CONTACT_N_ATTEMPTS];
  gint64     agent_calls;           /* calls with an agent */
  gint64     agent_hours;           /* sum of the agents' hours */
  GPtrArray *agents;                /* CgAgentHours *, agents ascending; NULL in rows by slice */
} CgContact;

void       cg_contact_free      (CgContact *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgContact, cg_contact_free)

/** cg_quality_contact: contact rate, connect rate by attempt and calls per
 * agent-hour of the calls in @filter, with the agents' hours. */
CgContact *cg_quality_contact   (CgStore        *store,
                                 const CgFilter *filter,
                                 GError        **error);

/** cg_quality_contact_by: the same figures per key of @by (without the
 * agents' list), keys ascending; the total is a row even without calls. */
GPtrArray *cg_quality_contact_by (CgStore        *store,
                                  CgDimension     by,
                                  const CgFilter *filter,
                                  GError        **error);

/** cg_quality_contact_sliced: cg_quality_contact () and, from the same
 * pass over the calls, cg_quality_contact_by (@by) into @slices. */
CgContact *cg_quality_contact_sliced  (CgStore           *store,
                                       const CgFilter    *filter,
                                       CgDimension        by,
                                       GPtrArray        **slices,
                                       GError           **error);

/** cg_quality_contact_by_each: cg_quality_contact_by () for each of the
 * @n_dims dimensions @dims in one pass over the calls; @rows (@n_dims
 * arrays) receives the rows of each. */
gboolean   cg_quality_contact_by_each (CgStore           *store,
                                       const CgDimension *dims,
                                       guint              n_dims,
                                       const CgFilter    *filter,
                                       GPtrArray        **rows,
                                       GError           **error);

G_END_DECLS
