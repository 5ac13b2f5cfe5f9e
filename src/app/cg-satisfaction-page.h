/* cg-satisfaction-page.h — the Satisfaction page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"
#include "cg-feedback-section.h"
#include "cg-page.h"
#include "cg-table.h"

G_BEGIN_DECLS

#define CG_TYPE_SATISFACTION_PAGE (cg_satisfaction_page_get_type ())
G_DECLARE_FINAL_TYPE (CgSatisfactionPage, cg_satisfaction_page, CG, SATISFACTION_PAGE, CgPage)

/* What the page shows, for tests and the report export. */
/** cg_satisfaction_page_get_radar: the dimension radar (one spoke per rated dimension). */
CgChart           *cg_satisfaction_page_get_radar     (CgSatisfactionPage *self);
/** cg_satisfaction_page_get_trend: the mean score per period of the filter's granularity. */
CgChart           *cg_satisfaction_page_get_trend     (CgSatisfactionPage *self);
/** cg_satisfaction_page_get_responses: responses with a rated answer in the filter. */
gint64             cg_satisfaction_page_get_responses (CgSatisfactionPage *self);
CgTable           *cg_satisfaction_page_get_agents    (CgSatisfactionPage *self);
CgFeedbackSection *cg_satisfaction_page_get_feedback  (CgSatisfactionPage *self);

G_END_DECLS
