/* cg-satisfaction-analysis.c — reliability of the questionnaire, group
 * comparisons, and how satisfaction relates to the calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <glib/gi18n-lib.h>

#include "cg-satisfaction-private.h"
#include "cg-store-private.h"

void
cg_reliability_free (CgReliability *reliability)
{
  if (reliability == NULL)
    return;
  g_strfreev (reliability->titles);
  g_free (reliability->alpha_if_deleted);
  g_free (reliability->undefined_reason);
  g_free (reliability);
}

/* question id → title, for the rated questions. */
static GHashTable *
question_titles (CgStore  *store,
                 GError  **error)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT id, title FROM survey_questions ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (titles, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "read survey questions");
      return NULL;
    }
  return g_steal_pointer (&titles);
}

CgReliability *
cg_satisfaction_reliability (CgStore         *store,
                             const CgFilter  *filter,
                             GError         **error)
{
  g_autoptr(CgReliability) rel = g_new0 (CgReliability, 1);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);  /* title → answered */
  g_autoptr(GPtrArray) order = g_ptr_array_new ();                           /* titles, first seen first */
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autofree double *scores = NULL;
  guint rated = 0, n_items;

  if ((responses = cg_sat_load_responses (store, filter, FALSE, error)) == NULL ||
      (titles = question_titles (store, error)) == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (responses, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < r->answers->len; k++)
        {
          const SatAnswer *a = &g_array_index (r->answers, SatAnswer, k);
          const char *title = g_hash_table_lookup (titles, &a->question_id);

          if (!cg_survey_dimension_is_satisfaction (a->dimension) || title == NULL ||
              !g_hash_table_add (seen, (gpointer) title))
            continue;
          if (!g_hash_table_contains (counts, title))
            g_ptr_array_add (order, (gpointer) title);
          g_hash_table_insert (counts, (gpointer) title,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, title)) + 1));
        }
      rated += g_hash_table_size (seen) > 0;
    }
  /* The questionnaire's items: what at least half of the respondents were asked. */
  for (guint i = 0; i < order->len; i++)
    if (2 * GPOINTER_TO_UINT (g_hash_table_lookup (counts, order->pdata[i])) >= rated)
      g_strv_builder_add (items, order->pdata[i]);
  rel->titles = g_strv_builder_end (items);
  rel->n_items = n_items = g_strv_length (rel->titles);
  rel->alpha_if_deleted = g_new (double, MAX (n_items, 1));
  for (guint j = 0; j < n_items; j++)
    rel->alpha_if_deleted[j] = NAN;

  scores = g_new (double, (gsize) responses->len * MAX (n_items, 1));
  for (guint i = 0; i < responses->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (responses, i);
      for (guint j = 0; j < n_items; j++)
        {
          double sum = 0;
          guint n = 0;

          for (guint k = 0; k < r->answers->len; k++)
            {
              const SatAnswer *a = &g_array_index (r->answers, SatAnswer, k);
              if (cg_survey_dimension_is_satisfaction (a->dimension) &&
                  g_strcmp0 (g_hash_table_lookup (titles, &a->question_id), rel->titles[j]) == 0)
                {
                  sum += a->value;
                  n++;
                }
            }
          scores[(gsize) i * n_items + j] = n > 0 ? sum / n : NAN;
        }
    }
  rel->has_alpha = n_items >= 2 &&
                   cg_stats_cronbach_alpha (scores, responses->len, n_items, &rel->alpha,
                                            rel->alpha_if_deleted, &rel->n_complete);
  if (!rel->has_alpha)
    {
      if (n_items < 2)
        rel->undefined_reason = g_strdup (_("Cronbach’s alpha is undefined: it needs at least two rated questions."));
      else if (rel->n_complete < 2)
        rel->undefined_reason = g_strdup (_("Cronbach’s alpha is undefined: fewer than two respondents answered every rated question."));
      else
        rel->undefined_reason = g_strdup (_("Cronbach’s alpha is undefined: the answers do not vary (every respondent gave the same total)."));
    }
  return g_steal_pointer (&rel);
}

void
cg_satisfaction_comparison_free (CgSatisfactionComparison *c)
{
  if (c == NULL)
    return;
  g_free (c->dimension);
  g_free (c->keys[0]);
  g_free (c->keys[1]);
  g_free (c->verdict);
  g_free (c);
}

CgSatisfactionComparison *
cg_satisfaction_compare (CgStore          *store,
                         CgSatisfactionBy  by,
                         const char       *key_a,
                         const char       *key_b,
                         const char       *dimension,
                         const CgFilter   *filter,
                         GError          **error)
{
  g_autoptr(CgSatisfactionComparison) c = g_new0 (CgSatisfactionComparison, 1);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GArray) values_a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) values_b = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *values[2] = { values_a, values_b };
  const char *keys[2] = { key_a, key_b };

  g_return_val_if_fail (key_a != NULL && key_b != NULL, NULL);
  c->by = by;
  c->dimension = g_strdup (dimension ? dimension : CG_SATISFACTION_ALL);
  c->keys[0] = g_strdup (key_a);
  c->keys[1] = g_strdup (key_b);
  if ((responses = cg_sat_load_responses (store, filter, TRUE, error)) == NULL)
    return NULL;
  for (guint i = 0; i < responses->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (responses, i);
      g_autofree char *key = cg_sat_response_key (r, by, tz);
      double s;

      if (key == NULL || !cg_sat_response_score (r, c->dimension, &s))
        continue;
      for (guint g = 0; g < 2; g++)
        if (g_strcmp0 (key, keys[g]) == 0)
          g_array_append_val (values[g], s);
    }
  for (guint g = 0; g < 2; g++)
    {
      const double *v = (const double *) values[g]->data;

      c->n[g] = values[g]->len;
      if (c->n[g] == 0)
        {
          g_set_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_NO_DATA,
                       _("“%s” has no survey responses with answers in %s."), keys[g], c->dimension);
          return NULL;
        }
      c->mean[g] = gsl_stats_mean (v, 1, c->n[g]);
      c->sd[g] = c->n[g] > 1 ? gsl_stats_sd_m (v, 1, c->n[g], c->mean[g]) : 0;
    }
  c->has_welch = cg_stats_welch (c->mean[0], c->sd[0], c->n[0], c->mean[1], c->sd[1], c->n[1],
                                 CG_STATS_CONFIDENCE, &c->welch);
  c->has_mann_whitney = cg_stats_mann_whitney ((const double *) values[0]->data, values[0]->len,
                                               (const double *) values[1]->data, values[1]->len,
                                               &c->mann_whitney);
  if (!c->has_welch)
    c->verdict = g_strdup (_("Not determinable: each group needs at least two responses, and the answers must vary."));
  else if (c->welch.p_value < CG_STATS_ALPHA)
    c->verdict = g_strdup_printf (_("%s and %s differ in satisfaction (Welch p = %.3g)."), key_a, key_b, c->welch.p_value);
  else
    c->verdict = g_strdup_printf (_("%s and %s cannot be told apart in satisfaction (Welch p = %.3g)."),
                                  key_a, key_b, c->welch.p_value);
  return g_steal_pointer (&c);
}

gboolean
cg_satisfaction_link (CgStore            *store,
                      const CgFilter     *filter,
                      guint               max_calls,
                      CgSatisfactionLink *link,
                      GError            **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GArray) talk = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) score = g_array_new (FALSE, FALSE, sizeof (double));
  double over_sum = 0, other_sum = 0;
  gint64 others = 0;

  memset (link, 0, sizeof *link);
  link->max_calls = max_calls;
  if ((responses = cg_sat_load_responses (store, filter, TRUE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < responses->len; i++)
    {
      const SatResponse *r = g_ptr_array_index (responses, i);
      double s, t;

      if (!r->has_phone || !cg_sat_response_score (r, CG_SATISFACTION_ALL, &s))
        continue;
      link->responses++;
      if (r->link.attempts > max_calls)
        {
          link->over_contacted++;
          over_sum += s;
        }
      else
        {
          others++;
          other_sum += s;
        }
      if (!r->link.linked)
        continue;
      link->linked++;
      t = r->link.talk_s;
      g_array_append_val (talk, t);
      g_array_append_val (score, s);
    }
  if (link->responses > 0)
    link->over_contacted_share = (double) link->over_contacted / link->responses;
  link->has_over_mean = link->over_contacted > 0;
  link->over_mean = link->has_over_mean ? over_sum / link->over_contacted : 0;
  link->has_other_mean = others > 0;
  link->other_mean = others > 0 ? other_sum / others : 0;
  if (talk->len >= 3)
    {
      const double *x = (const double *) talk->data, *y = (const double *) score->data;
      gsize n = talk->len;
      g_autofree double *work = g_new (double, 2 * n);
      double r = gsl_stats_correlation (x, 1, y, 1, n);

      if (isfinite (r))
        {
          double t = fabs (r) < 1 ? r * sqrt ((n - 2) / (1 - r * r)) : copysign (INFINITY, r);

          link->has_correlation = TRUE;
          link->pearson_r = r;
          link->pearson_p = isinf (t) ? 0 : 2 * gsl_cdf_tdist_Q (fabs (t), n - 2);
          link->spearman_rho = gsl_stats_spearman (x, 1, y, 1, n, work);
        }
    }
  return TRUE;
}
