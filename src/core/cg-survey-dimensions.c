/* cg-survey-dimensions.c — what a survey question measures, from its title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-survey.h"

static const struct {
  const char *id;
  const char *label;
} dimensions[CG_SURVEY_N_DIMS] = {
  [CG_SURVEY_DIM_STAFF]           = { "staff", N_("Staff quality") },
  [CG_SURVEY_DIM_PRODUCT]         = { "product", N_("Product or service quality") },
  [CG_SURVEY_DIM_COMMUNICATION]   = { "communication", N_("Communication manner and frequency") },
  [CG_SURVEY_DIM_PROBLEM_SOLVING] = { "problem_solving", N_("Problem solving") },
  [CG_SURVEY_DIM_OVERALL]         = { "overall", N_("Overall satisfaction") },
  [CG_SURVEY_DIM_NPS]             = { "nps", N_("Likelihood to recommend (NPS)") },
  [CG_SURVEY_DIM_EFFORT]          = { "effort", N_("Customer effort (CES)") },
  [CG_SURVEY_DIM_COMMENT]         = { "comment", N_("Comment") },
  [CG_SURVEY_DIM_OTHER]           = { "other", N_("Other") },
};

const char *
cg_survey_dimension_to_string (CgSurveyDimension dimension)
{
  g_return_val_if_fail (dimension < CG_SURVEY_N_DIMS, NULL);
  return dimensions[dimension].id;
}

gboolean
cg_survey_dimension_from_string (const char        *id,
                                 CgSurveyDimension *dimension)
{
  for (guint i = 0; i < CG_SURVEY_N_DIMS; i++)
    if (g_strcmp0 (id, dimensions[i].id) == 0)
      {
        *dimension = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_survey_dimension_get_label (CgSurveyDimension dimension)
{
  g_return_val_if_fail (dimension < CG_SURVEY_N_DIMS, NULL);
  return _(dimensions[dimension].label);
}

gboolean
cg_survey_dimension_is_satisfaction (CgSurveyDimension dimension)
{
  return dimension <= CG_SURVEY_DIM_OVERALL || dimension == CG_SURVEY_DIM_OTHER;
}

/* Checked in this order, first match wins: the specific dimensions come
 * before "overall", because 满意度 appears in almost every question
 * ("您对销售人员专业程度的满意度" is about the staff). */
static const struct {
  CgSurveyDimension  dimension;
  const char        *keywords[12];
} keyword_table[] = {
  { CG_SURVEY_DIM_NPS, { "推荐", "nps", "recommend", NULL } },
  { CG_SURVEY_DIM_EFFORT, { "费力", "省力", "容易", "难易", "便捷", "effort", "easy", "ces", NULL } },
  { CG_SURVEY_DIM_COMMENT, { "建议", "意见", "留言", "comment", "suggestion", "其他想说", NULL } },
  { CG_SURVEY_DIM_COMMUNICATION, { "沟通", "频率", "打扰", "频繁", "次数", "communicat", "frequen", "contact", NULL } },
  { CG_SURVEY_DIM_PROBLEM_SOLVING, { "解决", "处理", "问题", "solv", "resolv", "issue", "problem", NULL } },
  { CG_SURVEY_DIM_STAFF, { "专业", "态度", "销售人员", "客服", "坐席", "人员", "staff", "agent", "representative", "courte", "professional", NULL } },
  { CG_SURVEY_DIM_PRODUCT, { "产品", "服务质量", "质量", "product", "quality", "service", NULL } },
  { CG_SURVEY_DIM_OVERALL, { "总体", "整体", "满意度", "overall", "satisf", NULL } },
};

CgSurveyDimension
cg_survey_guess_dimension (const char *title)
{
  g_autofree char *folded = NULL;

  if (title == NULL)
    return CG_SURVEY_DIM_OTHER;
  folded = g_utf8_strdown (title, -1);
  for (guint i = 0; i < G_N_ELEMENTS (keyword_table); i++)
    for (guint k = 0; keyword_table[i].keywords[k] != NULL; k++)
      {
        const char *keyword = keyword_table[i].keywords[k];

        /* "ces" and "nps" only as words of their own, not inside "services". */
        if (strlen (keyword) == 3 && g_ascii_isalpha (keyword[0]))
          {
            for (const char *p = strstr (folded, keyword); p != NULL; p = strstr (p + 1, keyword))
              if ((p == folded || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[3]))
                return keyword_table[i].dimension;
            continue;
          }
        if (strstr (folded, keyword) != NULL)
          return keyword_table[i].dimension;
      }
  return CG_SURVEY_DIM_OTHER;
}
