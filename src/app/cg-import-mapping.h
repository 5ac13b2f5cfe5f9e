/* cg-import-mapping.h — the import dialog's rows for survey and feedback
 * files: question → dimension, column → field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-feedback-import.h"
#include "cg-survey-import.h"

G_BEGIN_DECLS

/* What the dialog imports; the order of its "kind" drop-down. */
typedef enum {
  CG_IMPORT_AS_CALLS,
  CG_IMPORT_AS_SURVEYS,
  CG_IMPORT_AS_COMPLAINTS,
  CG_IMPORT_AS_FEEDBACK,
  CG_IMPORT_N_AS
} CgImportAs;

/** cg_import_as_detect: what @path holds, from its header (feedback when a
 * call log's checks fail but a feedback file's pass). */
CgImportAs cg_import_as_detect        (const char            *path,
                                       const CgReaderOptions *options,
                                       GTimeZone             *tz);
/** cg_import_as_get_label: "Call log", "Survey results" … */
const char *cg_import_as_get_label    (CgImportAs             as);

/** cg_survey_mapping_build: one combo row per question of @plan in @group
 * (dimension, with the detected scale and answer count as subtitle); the
 * rows are appended to @rows and write the user's choice to @plan. */
void       cg_survey_mapping_build    (AdwPreferencesGroup   *group,
                                       CgSurveyPlan          *plan,
                                       GPtrArray             *rows);
/** cg_feedback_mapping_build: one combo row per field of @plan. */
void       cg_feedback_mapping_build  (AdwPreferencesGroup   *group,
                                       CgFeedbackPlan        *plan,
                                       GPtrArray             *rows);

G_END_DECLS
