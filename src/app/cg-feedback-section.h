/* cg-feedback-section.h — "What customers say": themes of the period, the
 * examples of one theme, and frequent phrases no theme covers yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cg-table.h"
#include "cg-theme-report.h"
#include "cg-themes.h"

G_BEGIN_DECLS

#define CG_TYPE_FEEDBACK_SECTION (cg_feedback_section_get_type ())
G_DECLARE_FINAL_TYPE (CgFeedbackSection, cg_feedback_section, CG, FEEDBACK_SECTION, GtkWidget)

/* Signals: "add-term" and "remove-term" (section, theme id, term): the user
 * asked to change a theme's lexicon; the page writes it and refreshes. */

GtkWidget  *cg_feedback_section_new          (void);
/** cg_feedback_section_set_report: shows @report (a CG_THEME_BY_TOTAL report)
 * with the lexicons of @themes (CgTheme *); takes both. */
void        cg_feedback_section_set_report   (CgFeedbackSection *self,
                                              CgThemeReport     *report,
                                              GPtrArray         *themes);
/** cg_feedback_section_select_theme: shows the examples and terms of @theme. */
void        cg_feedback_section_select_theme (CgFeedbackSection *self,
                                              const char        *theme);
CgTable    *cg_feedback_section_get_table    (CgFeedbackSection *self);
/** cg_feedback_section_get_n_phrases: unassigned phrases shown. */
guint       cg_feedback_section_get_n_phrases (CgFeedbackSection *self);

G_END_DECLS
