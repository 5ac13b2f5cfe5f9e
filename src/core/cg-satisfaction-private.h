/* cg-satisfaction-private.h — responses with their scores and matched calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-satisfaction.h"

G_BEGIN_DECLS

/* A number's calls, as a response or a complaint sees them. */
typedef struct {
  gint64    phone_hash;
  gint64    ts;           /* calls up to this time count; 0: any time */
  const char *agent;      /* prefer calls by this agent; NULL: anyone */
  /* Found: */
  gboolean  linked;       /* a connected call matched */
  gboolean  by_agent;     /* …by @agent */
  gint64    call_ts;
  char     *line;
  char     *list;
  char     *call_agent;
  int       talk_s;
  guint     attempts;     /* all dial attempts to the number up to @ts */
} CgCallLink;

void     cg_call_link_clear (CgCallLink  *link);
/* Matches every link in one pass over the calls with a phone hash. */
gboolean cg_call_links_find (CgStore     *store,
                             CgCallLink **links,
                             guint        n_links,
                             GError     **error);

typedef struct {
  CgSurveyDimension dimension;
  double            value;     /* satisfaction dimensions on 1–5, others raw */
  double            scale_min; /* of the value */
  double            scale_max;
  gint64            question_id;
} SatAnswer;

typedef struct {
  gint64      id;
  gboolean    has_ts;
  gint64      ts;
  char       *channel;
  char       *agent;
  gboolean    has_phone;
  GArray     *answers;   /* SatAnswer */
  CgCallLink  link;
} SatResponse;

/* Responses in @filter with their rated answers; matched to calls when
 * the filter or @need_link asks for it. */
GPtrArray  *cg_sat_load_responses (CgStore        *store,
                                   const CgFilter *filter,
                                   gboolean        need_link,
                                   GError        **error);
/* The response's agent, else its call's. */
const char *cg_sat_response_agent (const SatResponse *r);
/* The response's score in @dimension ("all" or an id); FALSE without answers there. */
gboolean    cg_sat_response_score (const SatResponse *r,
                                   const char        *dimension,
                                   double            *score);
/* The key of @r for @by, newly allocated; NULL when it has none (no
 * matched call for line, list, talk band). */
char       *cg_sat_response_key   (const SatResponse *r,
                                   CgSatisfactionBy   by,
                                   GTimeZone         *tz);

G_END_DECLS
