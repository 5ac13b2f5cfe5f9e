/* cg-theme-report.h — how often customers raise each theme, by slice and period.
 *
 * Definitions (the README repeats them):
 *   texts           = feedback rows, free-text survey answers (questions of
 *                     dimension "comment") and complaint texts in the period
 *                     and slice, as chosen by the source;
 *   mentions        = texts that mention the theme (a text counts once
 *                     however often it names it);
 *   share           = mentions / texts;
 *   negative_share  = negative texts among the mentions / mentions (see
 *                     cg-sentiment.h);
 *   change          = share − share of the previous period of equal
 *                     length, with the two-proportion z-test's p-value;
 *   unassigned      = word sequences (2–8 Chinese characters, or Latin
 *                     words) that no theme or sentiment word covers, found
 *                     in at least max(3, 2 % of the texts) texts; a
 *                     sequence inside a longer one found in as many texts
 *                     is left out.
 * Agent and channel are those the text records; the list is that of the
 * latest call to the same number (by phone hash), or the complaint's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef enum {
  CG_TEXT_SOURCE_FEEDBACK   = 1 << 0,
  CG_TEXT_SOURCE_SURVEYS    = 1 << 1,
  CG_TEXT_SOURCE_COMPLAINTS = 1 << 2,
  CG_TEXT_SOURCE_ALL        = 7,
} CgTextSource;

/** cg_text_source_from_string: "feedback", "surveys", "complaints" or "all". */
gboolean    cg_text_source_from_string (const char    *id,
                                        CgTextSource  *source);

typedef enum {
  CG_THEME_BY_TOTAL,
  CG_THEME_BY_MONTH,
  CG_THEME_BY_CHANNEL,
  CG_THEME_BY_AGENT,
  CG_THEME_BY_LIST,
  CG_THEME_N_BY
} CgThemeBy;

/** cg_theme_by_from_string: "total", "month", "channel", "agent" or "list". */
gboolean    cg_theme_by_from_string    (const char    *id,
                                        CgThemeBy     *by);
const char *cg_theme_by_to_string      (CgThemeBy      by);

typedef struct {
  char     *key;               /* "" for the total */
  char     *theme;
  char     *label;             /* translated */
  gint64    texts;             /* texts of the slice */
  gint64    mentions;
  gint64    negative;          /* negative texts among the mentions */
  double    share;             /* NAN without texts */
  double    negative_share;    /* NAN without mentions */
  gboolean  has_previous;      /* the previous period has texts of the slice */
  gint64    previous_texts;
  gint64    previous_mentions;
  double    previous_share;
  double    change;            /* share − previous_share */
  double    p_value;           /* of the change; NAN when there is none */
  GStrv     examples;          /* up to 3, newest first, numbers masked */
} CgThemeRow;

typedef struct {
  char   *term;
  gint64  texts;
} CgTermCount;

typedef struct {
  gint64     from_ts;          /* the period, [from_ts, to_ts); 0 = unbounded */
  gint64     to_ts;
  gint64     texts;            /* all texts of the period */
  gint64     negative_texts;
  gint64     previous_texts;   /* of the previous period; 0 when unbounded */
  GPtrArray *rows;             /* CgThemeRow *: by key ascending, themes in order */
  GPtrArray *unassigned;       /* CgTermCount *, most frequent first */
} CgThemeReport;

void           cg_theme_report_free    (CgThemeReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgThemeReport, cg_theme_report_free)

/* Themes of the texts of @source in [@from_ts, @to_ts) by @by.  The
 * previous period is compared only when both bounds are given. */
CgThemeReport *cg_theme_report_compute (CgStore        *store,
                                        CgTextSource    source,
                                        CgThemeBy       by,
                                        gint64          from_ts,
                                        gint64          to_ts,
                                        GError        **error);

/* @text with every run of 7 or more digits (spaces and dashes inside
 * allowed) masked as phone numbers are: 138****8000. */
char          *cg_text_mask_numbers    (const char     *text);

G_END_DECLS
