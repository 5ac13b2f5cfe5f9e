/* cg-satisfaction-data.c — survey responses with their scores, matched to calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-satisfaction-private.h"
#include "cg-store-private.h"

void
cg_call_link_clear (CgCallLink *link)
{
  g_clear_pointer (&link->line, g_free);
  g_clear_pointer (&link->list, g_free);
  g_clear_pointer (&link->call_agent, g_free);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* One scan of the calls (no index on phone_hash, by design: see
 * cg-schema.c), each probed against the numbers asked about. */
gboolean
cg_call_links_find (CgStore     *store,
                    CgCallLink **links,
                    guint        n_links,
                    GError     **error)
{
  g_autoptr(GHashTable) by_phone = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_links; i++)
    {
      GPtrArray *list = g_hash_table_lookup (by_phone, &links[i]->phone_hash);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_phone, &links[i]->phone_hash, list);
        }
      g_ptr_array_add (list, links[i]);
    }
  if (n_links == 0)
    return TRUE;

  stmt = cg_store_prepare (store,
                           "SELECT phone_hash, start_ts, outcome, agent_id, line, list, talk_s"
                           " FROM calls WHERE phone_hash IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hash = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (by_phone, &hash);
      gint64 start;
      gboolean connected;
      const char *agent;

      if (list == NULL)
        continue;
      start = sqlite3_column_int64 (stmt, 1);
      connected = sqlite3_column_int (stmt, 2) == CG_OUTCOME_CONNECTED;
      agent = (const char *) sqlite3_column_text (stmt, 3);
      for (guint i = 0; i < list->len; i++)
        {
          CgCallLink *link = g_ptr_array_index (list, i);
          gboolean by_agent;

          if (link->ts != 0 && start > link->ts)
            continue;
          link->attempts++;
          if (!connected)
            continue;
          by_agent = link->agent != NULL && g_strcmp0 (agent, link->agent) == 0;
          /* A call by the named agent beats any other; then the latest. */
          if (link->linked && (link->by_agent && !by_agent))
            continue;
          if (link->linked && link->by_agent == by_agent && start <= link->call_ts)
            continue;
          cg_call_link_clear (link);
          link->linked = TRUE;
          link->by_agent = by_agent;
          link->call_ts = start;
          link->call_agent = g_strdup (agent);
          link->line = column_strdup (stmt, 4);
          link->list = column_strdup (stmt, 5);
          link->talk_s = sqlite3_column_int (stmt, 6);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "match calls");
      return FALSE;
    }
  return TRUE;
}

static void
sat_response_free (SatResponse *r)
{
  if (r == NULL)
    return;
  g_free (r->channel);
  g_free (r->agent);
  g_array_unref (r->answers);
  cg_call_link_clear (&r->link);
  g_free (r);
}

const char *
cg_sat_response_agent (const SatResponse *r)
{
  if (r->agent != NULL && r->agent[0] != '\0')
    return r->agent;
  return r->link.linked ? r->link.call_agent : NULL;
}

gboolean
cg_sat_response_score (const SatResponse *r,
                       const char        *dimension,
                       double            *score)
{
  gboolean all = g_strcmp0 (dimension, CG_SATISFACTION_ALL) == 0;
  CgSurveyDimension dim = CG_SURVEY_DIM_OTHER;
  double sum = 0;
  guint n = 0;

  if (!all && !cg_survey_dimension_from_string (dimension, &dim))
    return FALSE;
  for (guint i = 0; i < r->answers->len; i++)
    {
      const SatAnswer *a = &g_array_index (r->answers, SatAnswer, i);
      if (all ? cg_survey_dimension_is_satisfaction (a->dimension) : a->dimension == dim)
        {
          sum += a->value;
          n++;
        }
    }
  if (n == 0)
    return FALSE;
  *score = sum / n;
  return TRUE;
}

static const char *
talk_band (int talk_s)
{
  if (talk_s < 60)
    return "0-60";
  if (talk_s < 180)
    return "60-180";
  if (talk_s < 300)
    return "180-300";
  if (talk_s < 600)
    return "300-600";
  return "600+";
}

char *
cg_sat_response_key (const SatResponse *r,
                     CgSatisfactionBy   by,
                     GTimeZone         *tz)
{
  CgLocalTime t;

  if (by >= CG_SAT_BY_DAY && by <= CG_SAT_BY_QUARTER)
    {
      if (!r->has_ts)
        return NULL;
      cg_local_time (tz, r->ts, &t);
    }
  switch (by)
    {
    case CG_SAT_BY_TOTAL:
      return g_strdup ("total");
    case CG_SAT_BY_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
    case CG_SAT_BY_WEEK:
      return g_strdup_printf ("%04d-W%02d", t.iso_year, t.iso_week);
    case CG_SAT_BY_MONTH:
      return g_strdup_printf ("%04d-%02d", t.year, t.month);
    case CG_SAT_BY_QUARTER:
      return g_strdup_printf ("%04d-Q%d", t.year, (t.month - 1) / 3 + 1);
    case CG_SAT_BY_AGENT:
      return g_strdup (cg_sat_response_agent (r));
    case CG_SAT_BY_CHANNEL:
      return g_strdup (r->channel);
    case CG_SAT_BY_LIST:
      return r->link.linked ? g_strdup (r->link.list) : NULL;
    case CG_SAT_BY_LINE:
      return r->link.linked ? g_strdup (r->link.line) : NULL;
    case CG_SAT_BY_TALK_BAND:
      return r->link.linked ? g_strdup (talk_band (r->link.talk_s)) : NULL;
    case CG_SAT_BY_DIMENSION:
    case CG_SAT_N_BY:
    default:
      return NULL;
    }
}

static gboolean
load_answers (CgStore     *store,
              GHashTable  *by_id,
              GError     **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store,
                                         "SELECT a.response_id, q.dimension, q.scale_min, q.scale_max, a.value, q.id"
                                         " FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id"
                                         " WHERE a.value IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SatResponse *r = g_hash_table_lookup (by_id, &id);
      SatAnswer a = { 0 };

      if (r == NULL || !cg_survey_dimension_from_string ((const char *) sqlite3_column_text (stmt, 1), &a.dimension) ||
          a.dimension == CG_SURVEY_DIM_COMMENT)
        continue;
      a.value = sqlite3_column_double (stmt, 4);
      a.scale_min = sqlite3_column_double (stmt, 2);
      a.scale_max = sqlite3_column_double (stmt, 3);
      if (cg_survey_dimension_is_satisfaction (a.dimension) && a.scale_max > a.scale_min)
        {
          a.value = 1 + 4 * (a.value - a.scale_min) / (a.scale_max - a.scale_min);
          a.scale_min = 1;
          a.scale_max = 5;
        }
      a.question_id = sqlite3_column_int64 (stmt, 5);
      g_array_append_val (r->answers, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "read survey answers");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
cg_sat_load_responses (CgStore        *store,
                       const CgFilter *filter,
                       gboolean        need_link,
                       GError        **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) sat_response_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  CgFilter none = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (filter == NULL)
    filter = &none;
  need_link = need_link || filter->line != NULL || filter->list != NULL || filter->agent != NULL;
  stmt = cg_store_prepare (store,
                           "SELECT id, submitted_ts, channel, agent_id, phone_hash FROM survey_responses"
                           " WHERE (?1 = 0 OR submitted_ts >= ?1) AND (?2 = 0 OR submitted_ts < ?2)"
                           " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SatResponse *r = g_new0 (SatResponse, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->has_ts = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      r->ts = sqlite3_column_int64 (stmt, 1);
      r->channel = column_strdup (stmt, 2);
      r->agent = column_strdup (stmt, 3);
      r->has_phone = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      r->link.phone_hash = sqlite3_column_int64 (stmt, 4);
      r->link.ts = r->has_ts ? r->ts : 0;
      r->link.agent = r->agent;
      r->answers = g_array_new (FALSE, FALSE, sizeof (SatAnswer));
      g_ptr_array_add (all, r);
      g_hash_table_insert (by_id, &r->id, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "read survey responses");
      return NULL;
    }
  if (!load_answers (store, by_id, error))
    return NULL;
  if (need_link)
    {
      g_autoptr(GPtrArray) links = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        {
          SatResponse *r = g_ptr_array_index (all, i);
          if (r->has_phone)
            g_ptr_array_add (links, &r->link);
        }
      if (!cg_call_links_find (store, (CgCallLink **) links->pdata, links->len, error))
        return NULL;
    }

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sat_response_free);
  for (guint i = 0; i < all->len; i++)
    {
      SatResponse *r = g_ptr_array_index (all, i);
      gboolean keep = (filter->agent == NULL || g_strcmp0 (cg_sat_response_agent (r), filter->agent) == 0) &&
                      (filter->line == NULL || (r->link.linked && g_strcmp0 (r->link.line, filter->line) == 0)) &&
                      (filter->list == NULL || (r->link.linked && g_strcmp0 (r->link.list, filter->list) == 0));
      if (keep)
        {
          g_ptr_array_add (kept, r);
          g_ptr_array_index (all, i) = NULL;
        }
    }
  return g_steal_pointer (&kept);
}
