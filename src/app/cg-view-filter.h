/* cg-view-filter.h — what every page shows: period, granularity, line,
 * agent and number list, chosen in the filter bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cg-analytics.h"

G_BEGIN_DECLS

#define CG_TYPE_VIEW_FILTER (cg_view_filter_get_type ())
G_DECLARE_FINAL_TYPE (CgViewFilter, cg_view_filter, CG, VIEW_FILTER, GObject)

/* Preset ids: "all", "this-month", "last-month", "this-quarter",
 * "last-quarter", "this-year", "custom". */
extern const char *const cg_view_filter_presets[];

CgViewFilter *cg_view_filter_new             (void);

/** cg_view_filter_set_time_zone: the business time zone the presets' days are in. */
void          cg_view_filter_set_time_zone   (CgViewFilter *self,
                                              GTimeZone    *tz);
/** cg_view_filter_set_today: pins "today" for the presets (tests); NULL: the clock. */
void          cg_view_filter_set_today       (CgViewFilter *self,
                                              GDateTime    *today);

void          cg_view_filter_set_preset      (CgViewFilter *self,
                                              const char   *preset);
const char   *cg_view_filter_get_preset      (CgViewFilter *self);
/* A custom period of whole days, @last included (the preset becomes "custom"). */
void          cg_view_filter_set_days        (CgViewFilter *self,
                                              GDate        *first,
                                              GDate        *last);
/* The period's days; FALSE for "all". */
gboolean      cg_view_filter_get_days        (CgViewFilter *self,
                                              GDate        *first,
                                              GDate        *last);

/* CG_DIM_DAY, CG_DIM_WEEK, CG_DIM_MONTH or CG_DIM_QUARTER. */
void          cg_view_filter_set_granularity (CgViewFilter *self,
                                              CgDimension   granularity);
CgDimension   cg_view_filter_get_granularity (CgViewFilter *self);

/* NULL or "" for all. */
void          cg_view_filter_set_line        (CgViewFilter *self,
                                              const char   *line);
void          cg_view_filter_set_agent       (CgViewFilter *self,
                                              const char   *agent);
void          cg_view_filter_set_list        (CgViewFilter *self,
                                              const char   *list);
const char   *cg_view_filter_get_line        (CgViewFilter *self);
const char   *cg_view_filter_get_agent       (CgViewFilter *self);
const char   *cg_view_filter_get_list        (CgViewFilter *self);
/** cg_view_filter_set_dimension: sets the line, agent or list filter for @by. */
gboolean      cg_view_filter_set_dimension   (CgViewFilter *self,
                                              CgDimension   by,
                                              const char   *key);

/** cg_view_filter_get: the core filter; its strings belong to @self. */
void          cg_view_filter_get             (CgViewFilter *self,
                                              CgFilter     *filter);

G_END_DECLS
