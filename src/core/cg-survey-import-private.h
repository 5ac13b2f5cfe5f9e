/* cg-survey-import-private.h — what the plan and the run of a survey import share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-survey-import.h"

G_BEGIN_DECLS

typedef enum {
  ROLE_RESPONDENT,
  ROLE_SUBMITTED,
  ROLE_PHONE,
  ROLE_AGENT,
  ROLE_CHANNEL,
  N_ROLES
} SurveyRole;

typedef struct {
  guint    n;
  char   **texts;
  guint8  *types;    /* CgCellType */
  double  *numbers;
  guint64  row_number;
} SurveyRow;

struct _CgSurveyPlan
{
  char       *path;
  char       *encoding;
  GTimeZone  *tz;
  GPtrArray  *header;           /* char * */
  int         roles[N_ROLES];   /* column or -1 */
  GArray     *questions;        /* CgSurveyQuestion */
  GPtrArray  *rows;             /* SurveyRow * */
  char       *default_channel;  /* for rows without a channel cell */
};

const char *cg_survey_row_text       (const SurveyRow *row,
                                      int              column);
char       *cg_survey_question_title (const char      *header,
                                      gboolean        *matrix);

G_END_DECLS
