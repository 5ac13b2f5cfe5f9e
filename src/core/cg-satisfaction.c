/* cg-satisfaction.c — satisfaction figures by slice and dimension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <glib/gi18n-lib.h>

#include "cg-satisfaction-private.h"
#include "cg-store-private.h"

static const char *const by_ids[CG_SAT_N_BY] = {
  [CG_SAT_BY_TOTAL] = "total",
  [CG_SAT_BY_DAY] = "day",
  [CG_SAT_BY_WEEK] = "week",
  [CG_SAT_BY_MONTH] = "month",
  [CG_SAT_BY_QUARTER] = "quarter",
  [CG_SAT_BY_AGENT] = "agent",
  [CG_SAT_BY_CHANNEL] = "channel",
  [CG_SAT_BY_LIST] = "list",
  [CG_SAT_BY_LINE] = "line",
  [CG_SAT_BY_DIMENSION] = "dimension",
  [CG_SAT_BY_TALK_BAND] = "talk-band",
};

const char *
cg_satisfaction_by_to_string (CgSatisfactionBy by)
{
  g_return_val_if_fail (by < CG_SAT_N_BY, NULL);
  return by_ids[by];
}

gboolean
cg_satisfaction_by_from_string (const char       *id,
                                CgSatisfactionBy *by)
{
  for (guint i = 0; i < CG_SAT_N_BY; i++)
    if (g_strcmp0 (id, by_ids[i]) == 0)
      {
        *by = i;
        return TRUE;
      }
  return FALSE;
}

void
cg_satisfaction_row_free (CgSatisfactionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->dimension);
  g_clear_pointer (&row->distribution, g_array_unref);
  g_free (row);
}

static gboolean
needs_link (CgSatisfactionBy by)
{
  return by == CG_SAT_BY_AGENT || by == CG_SAT_BY_LIST || by == CG_SAT_BY_LINE || by == CG_SAT_BY_TALK_BAND;
}

/* Whether answer @a counts in @dimension ("all": the rated ones). */
static gboolean
answer_in (const SatAnswer *a,
           const char      *dimension)
{
  if (g_strcmp0 (dimension, CG_SATISFACTION_ALL) == 0)
    return cg_survey_dimension_is_satisfaction (a->dimension);
  return g_strcmp0 (cg_survey_dimension_to_string (a->dimension), dimension) == 0;
}

/* NPS of @n scores on 0–10, in points, with its normal interval. */
static void
set_nps (CgSatisfactionRow *row,
         const double      *scores,
         gsize              n)
{
  double p_plus, p_minus, nps, se, z = gsl_cdf_ugaussian_Qinv ((1 - CG_STATS_CONFIDENCE) / 2);

  row->promoters = row->passives = row->detractors = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (scores[i] >= 9)
        row->promoters++;
      else if (scores[i] <= 6)
        row->detractors++;
      else
        row->passives++;
    }
  if (n == 0)
    return;
  p_plus = (double) row->promoters / n;
  p_minus = (double) row->detractors / n;
  nps = p_plus - p_minus;
  se = sqrt (MAX (0.0, p_plus + p_minus - nps * nps) / n);
  row->has_nps = TRUE;
  row->nps.estimate = 100 * nps;
  row->nps.lower = 100 * MAX (-1.0, nps - z * se);
  row->nps.upper = 100 * MIN (1.0, nps + z * se);
}

static void
set_distribution (CgSatisfactionRow *row,
                  GPtrArray         *group,
                  const char        *dimension)
{
  guint n_points;

  row->scale_min = G_MAXDOUBLE;
  row->scale_max = -G_MAXDOUBLE;
  for (guint i = 0; i < group->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (group, i);
      for (guint k = 0; k < r->answers->len; k++)
        {
          const SatAnswer *a = &g_array_index (r->answers, SatAnswer, k);
          if (answer_in (a, dimension))
            {
              row->scale_min = MIN (row->scale_min, a->scale_min);
              row->scale_max = MAX (row->scale_max, a->scale_max);
            }
        }
    }
  if (row->scale_min > row->scale_max)
    {
      row->scale_min = 1;
      row->scale_max = 5;
    }
  n_points = (guint) CLAMP (row->scale_max - row->scale_min + 1, 1, 101);
  row->distribution = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_set_size (row->distribution, n_points);
  for (guint i = 0; i < group->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (group, i);
      for (guint k = 0; k < r->answers->len; k++)
        {
          const SatAnswer *a = &g_array_index (r->answers, SatAnswer, k);
          if (answer_in (a, dimension))
            {
              int index = (int) lround (a->value - row->scale_min);
              if (index >= 0 && (guint) index < n_points)
                g_array_index (row->distribution, gint64, index)++;
            }
        }
    }
}

/* The figures of @dimension over the responses of @group. */
static CgSatisfactionRow *
make_row (const char *key,
          const char *dimension,
          GPtrArray  *group)
{
  CgSatisfactionRow *row = g_new0 (CgSatisfactionRow, 1);
  g_autofree double *scores = g_new (double, group->len + 1);
  g_autofree double *nps = g_new (double, group->len + 1);
  gboolean all = g_strcmp0 (dimension, CG_SATISFACTION_ALL) == 0;
  gboolean rated = all;
  CgSurveyDimension dim;
  gsize n = 0, n_nps = 0, n_ces = 0, answered = 0;
  guint64 n_answers = 0;
  double ces_sum = 0;
  guint64 satisfied = 0;

  row->key = g_strdup (key);
  row->dimension = g_strdup (dimension);
  if (!all && cg_survey_dimension_from_string (dimension, &dim))
    rated = cg_survey_dimension_is_satisfaction (dim);
  for (guint i = 0; i < group->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (group, i);
      double s;

      answered += r->answers->len > 0;
      if (cg_sat_response_score (r, dimension, &s))
        scores[n++] = s;
      for (guint k = 0; rated && k < r->answers->len; k++)
        {
          const SatAnswer *a = &g_array_index (r->answers, SatAnswer, k);
          if (answer_in (a, dimension))
            {
              /* Top two boxes: 4 and 5 on 1–5 (a little slack for rescaled values). */
              satisfied += a->value >= 4 - 1e-9;
              n_answers++;
            }
        }
      if (all && cg_sat_response_score (r, "nps", &s))
        nps[n_nps++] = s;
      if (all && cg_sat_response_score (r, "effort", &s))
        {
          ces_sum += s;
          n_ces++;
        }
    }
  row->responses = n;
  if (all)
    {
      row->surveyed = group->len;
      /* Everyone answered: the files named only respondents, so the
       * number surveyed is unknown. */
      row->has_response_rate = answered < group->len;
      row->response_rate = group->len > 0 ? (double) answered / group->len : 0;
    }
  if (n > 0)
    {
      row->has_mean = TRUE;
      row->mean = gsl_stats_mean (scores, 1, n);
      row->sd = n > 1 ? gsl_stats_sd_m (scores, 1, n, row->mean) : 0;
      row->has_mean_ci = cg_stats_mean_ci (row->mean, row->sd, n, CG_STATS_CONFIDENCE, &row->mean_ci);
    }
  if (rated && n_answers > 0)
    row->has_csat = cg_stats_wilson (satisfied, n_answers, CG_STATS_CONFIDENCE, &row->csat);
  if (g_strcmp0 (dimension, "nps") == 0)
    set_nps (row, scores, n);
  else if (all && n_nps > 0)
    set_nps (row, nps, n_nps);
  if (g_strcmp0 (dimension, "effort") == 0 && n > 0)
    {
      row->has_ces = TRUE;
      row->ces = row->mean;
    }
  else if (all && n_ces > 0)
    {
      row->has_ces = TRUE;
      row->ces = ces_sum / n_ces;
    }
  set_distribution (row, group, dimension);
  return row;
}

/* "all" and every dimension with answers in @group (comments have none). */
static void
add_rows (GPtrArray  *rows,
          const char *key,
          GPtrArray  *group,
          gboolean    key_is_dimension)
{
  for (int d = -1; d < CG_SURVEY_N_DIMS; d++)
    {
      const char *dimension = d < 0 ? CG_SATISFACTION_ALL : cg_survey_dimension_to_string (d);
      CgSatisfactionRow *row;

      if (d == CG_SURVEY_DIM_COMMENT)
        continue;
      row = make_row (key_is_dimension ? dimension : key, dimension, group);
      if (d >= 0 && row->responses == 0)
        {
          cg_satisfaction_row_free (row);
          continue;
        }
      g_ptr_array_add (rows, row);
    }
}

static gint
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Responses grouped by their key of @by: key → GPtrArray (not owning). */
static GHashTable *
group_responses (GPtrArray        *responses,
                 CgSatisfactionBy  by,
                 GTimeZone        *tz)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < responses->len; i++)
    {
      SatResponse *r = g_ptr_array_index (responses, i);
      char *key = cg_sat_response_key (r, by, tz);
      GPtrArray *group;

      if (key == NULL || key[0] == '\0')
        {
          g_free (key);
          continue;
        }
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, key, group);
        }
      else
        g_free (key);
      g_ptr_array_add (group, r);
    }
  return groups;
}

GPtrArray *
cg_satisfaction_compute (CgStore          *store,
                         CgSatisfactionBy  by,
                         const CgFilter   *filter,
                         GError          **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_satisfaction_row_free);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GHashTable) groups = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  g_return_val_if_fail (CG_IS_STORE (store) && by < CG_SAT_N_BY, NULL);
  if ((responses = cg_sat_load_responses (store, filter, needs_link (by), error)) == NULL)
    return NULL;
  if (responses->len == 0)
    return g_steal_pointer (&rows);
  if (by == CG_SAT_BY_DIMENSION)
    {
      add_rows (rows, NULL, responses, TRUE);
      return g_steal_pointer (&rows);
    }
  groups = group_responses (responses, by, tz);
  keys = g_hash_table_get_keys_as_array (groups, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    add_rows (rows, keys[i], g_hash_table_lookup (groups, keys[i]), FALSE);
  return g_steal_pointer (&rows);
}

gboolean
cg_satisfaction_csat (CgStore         *store,
                      const CgFilter  *filter,
                      double          *csat,
                      gint64          *responses,
                      GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CgSatisfactionRow) row = NULL;

  if ((all = cg_sat_load_responses (store, filter, FALSE, error)) == NULL)
    return FALSE;
  row = make_row ("total", CG_SATISFACTION_ALL, all);
  if (responses != NULL)
    *responses = row->responses;
  if (!row->has_csat)
    return FALSE;
  *csat = row->csat.estimate;
  return TRUE;
}
