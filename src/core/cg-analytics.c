/* cg-analytics.c — connect-rate figures by slice, A/B comparisons, best times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics.h"
#include "cg-aggregates.h"
#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-format.h"
#include "cg-local-time.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-analytics-error-quark, cg_analytics_error)

static const struct {
  const char *id;
  const char *key_sql;  /* what the rows are grouped by */
} dimensions[CG_N_DIMS] = {
  [CG_DIM_TOTAL]        = { "total", "'total'" },
  [CG_DIM_DAY]          = { "day", "cg_local (start_ts, 0)" },
  [CG_DIM_WEEK]         = { "week", "cg_local (start_ts, 1)" },
  [CG_DIM_MONTH]        = { "month", "cg_local (start_ts, 2)" },
  [CG_DIM_QUARTER]      = { "quarter", "cg_local (start_ts, 3)" },
  [CG_DIM_LINE]         = { "line", "coalesce (line, '')" },
  [CG_DIM_AGENT]        = { "agent", "coalesce (agent_id, '')" },
  [CG_DIM_LIST]         = { "list", "coalesce (list, '')" },
  [CG_DIM_CAMPAIGN]     = { "campaign", "coalesce (campaign, '')" },
  [CG_DIM_SEGMENT]      = { "segment", "coalesce (segment, '')" },
  [CG_DIM_HOUR]         = { "hour", "printf ('%02d', cg_local (start_ts, 4))" },
  [CG_DIM_WEEKDAY]      = { "weekday", "cg_local (start_ts, 5)" },
  [CG_DIM_HOUR_WEEKDAY] = { "hour-weekday", "cg_local (start_ts, 5) || '-' || printf ('%02d', cg_local (start_ts, 4))" },
  [CG_DIM_OUTCOME]      = { "outcome", "outcome" },
};

/* Which slices the aggregate sums answer (cg-aggregates.h): everything
 * but agent, campaign and segment; hourly ones from agg_hour. */
static const struct {
  gboolean summed;
  gboolean hourly;
} aggregated[CG_N_DIMS] = {
  [CG_DIM_TOTAL]        = { TRUE, FALSE },
  [CG_DIM_DAY]          = { TRUE, FALSE },
  [CG_DIM_WEEK]         = { TRUE, FALSE },
  [CG_DIM_MONTH]        = { TRUE, FALSE },
  [CG_DIM_QUARTER]      = { TRUE, FALSE },
  [CG_DIM_LINE]         = { TRUE, FALSE },
  [CG_DIM_LIST]         = { TRUE, FALSE },
  [CG_DIM_OUTCOME]      = { TRUE, FALSE },
  [CG_DIM_HOUR]         = { TRUE, TRUE },
  [CG_DIM_WEEKDAY]      = { TRUE, TRUE },
  [CG_DIM_HOUR_WEEKDAY] = { TRUE, TRUE },
};

const char *
cg_dimension_to_string (CgDimension dimension)
{
  g_return_val_if_fail (dimension < CG_N_DIMS, NULL);
  return dimensions[dimension].id;
}

gboolean
cg_dimension_from_string (const char  *id,
                          CgDimension *dimension)
{
  for (guint i = 0; i < CG_N_DIMS; i++)
    if (g_strcmp0 (id, dimensions[i].id) == 0)
      {
        *dimension = i;
        return TRUE;
      }
  return FALSE;
}

void
cg_connect_row_free (CgConnectRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

gboolean
cg_connect_row_rate (const CgConnectRow *row,
                     CgInterval         *rate)
{
  return cg_stats_wilson (row->connected, row->calls, CG_STATS_CONFIDENCE, rate);
}

const char *
cg_dimension_key_sql (CgDimension by)
{
  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  return dimensions[by].key_sql;
}

char *
cg_dimension_key_column (CgDimension   by,
                         sqlite3_stmt *stmt,
                         int           column)
{
  const char *text;

  if (by == CG_DIM_OUTCOME)
    {
      int outcome = sqlite3_column_int (stmt, column);
      return g_strdup (cg_outcome_to_string (outcome >= 0 && outcome < CG_N_OUTCOMES ? outcome : CG_OUTCOME_OTHER));
    }
  text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text ? text : "");
}

int
cg_dimension_key_compare (CgDimension  by,
                          const char  *a,
                          const char  *b)
{
  CgOutcome x = CG_OUTCOME_OTHER, y = CG_OUTCOME_OTHER;

  if (by != CG_DIM_OUTCOME)
    return strcmp (a, b);
  cg_outcome_from_string (a, &x);
  cg_outcome_from_string (b, &y);
  return (int) x - (int) y;
}

gboolean
cg_dimension_in_day_sums (CgDimension by)
{
  return by < CG_N_DIMS && aggregated[by].summed && !aggregated[by].hourly;
}

/* The sums answer when the slice is not by agent, campaign or segment,
 * no agent is filtered on, and the bounds are whole local days; then
 * @from_day and @to_day receive them as local day numbers. */
gboolean
cg_analytics_day_bounds (CgStore        *store,
                         const CgFilter *filter,
                         gint64         *from_day,
                         gint64         *to_day)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (filter->raw || filter->agent != NULL || cg_store_get_schema_version (store) < 2)
    return FALSE;
  tz = cg_store_get_time_zone (store);
  *from_day = G_MININT64 / 2;
  *to_day = G_MAXINT64 / 2;
  if (filter->from_ts != 0 && !cg_local_day (tz, filter->from_ts, from_day, NULL))
    return FALSE;
  if (filter->to_ts != 0 && !cg_local_day (tz, filter->to_ts, to_day, NULL))
    return FALSE;
  return TRUE;
}

static gboolean
use_aggregates (CgStore        *store,
                CgDimension     by,
                const CgFilter *filter,
                gint64         *from_day,
                gint64         *to_day)
{
  return aggregated[by].summed && cg_analytics_day_bounds (store, filter, from_day, to_day);
}

/* The key of local day @day for a calendar slice, as cg_local() writes it. */
static void
day_key (CgDimension  by,
         gint64       day,
         char        *buf,
         gsize        size)
{
  CgLocalTime t;

  cg_local_day_fields (day, &t);
  switch (by)
    {
    case CG_DIM_DAY:
      g_snprintf (buf, size, "%04d-%02d-%02d", t.year, t.month, t.day);
      break;
    case CG_DIM_WEEK:
      g_snprintf (buf, size, "%04d-W%02d", t.iso_year, t.iso_week);
      break;
    case CG_DIM_MONTH:
      g_snprintf (buf, size, "%04d-%02d", t.year, t.month);
      break;
    case CG_DIM_QUARTER:
      g_snprintf (buf, size, "%04d-Q%d", t.year, (t.month - 1) / 3 + 1);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
cg_day_sum_keyer_init (CgDaySumKeyer *keyer,
                       CgDimension    by)
{
  g_return_if_fail (cg_dimension_in_day_sums (by));
  keyer->by = by;
  keyer->day = G_MININT64;
  keyer->buf[0] = '\0';
}

const char *
cg_day_sum_key (CgDaySumKeyer  *keyer,
                const CgDaySum *d)
{
  switch (keyer->by)
    {
    case CG_DIM_TOTAL:
      return "total";
    case CG_DIM_LINE:
      return d->line;
    case CG_DIM_LIST:
      return d->list;
    case CG_DIM_OUTCOME:
      return cg_outcome_to_string (d->outcome >= 0 && d->outcome < CG_N_OUTCOMES ? d->outcome : CG_OUTCOME_OTHER);
    default:
      if (d->day != keyer->day)
        {
          day_key (keyer->by, d->day, keyer->buf, sizeof keyer->buf);
          keyer->day = d->day;
        }
      return keyer->buf;
    }
}

static CgConnectRow *
fold_row (GHashTable *rows,
          const char *key)
{
  CgConnectRow *row = g_hash_table_lookup (rows, key);

  if (row == NULL)
    {
      row = g_new0 (CgConnectRow, 1);
      row->key = g_strdup (key);
      g_hash_table_insert (rows, row->key, row);
    }
  return row;
}

gboolean
cg_day_sum_passes (const CgFilter *filter,
                   gint64          day,
                   gint64          from_day,
                   gint64          to_day,
                   const char     *line,
                   const char     *list)
{
  return day >= from_day && day < to_day &&
         (filter->line == NULL || strcmp (filter->line, line) == 0) &&
         (filter->list == NULL || strcmp (filter->list, list) == 0);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(CgConnectRow **) a)->key, (*(CgConnectRow **) b)->key);
}

/* Folds the in-memory sums into the rows of @by: no SQL, so a page can
 * ask its dozen questions in a few milliseconds. */
static GPtrArray *
connect_from_sums (CgStore        *store,
                   CgDimension     by,
                   const CgFilter *filter,
                   gint64          from_day,
                   gint64          to_day,
                   GError        **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) result = NULL;
  char key[32] = "";
  GHashTableIter iter;
  gpointer value;

  if (snap == NULL)
    return NULL;

  if (aggregated[by].hourly)
    for (guint i = 0; i < snap->hours->len; i++)
      {
        const CgHourSum *h = &g_array_index (snap->hours, CgHourSum, i);
        int weekday = cg_local_weekday (h->day);
        CgConnectRow *row;

        if (!cg_day_sum_passes (filter, h->day, from_day, to_day, h->line, h->list))
          continue;
        if (by == CG_DIM_HOUR)
          g_snprintf (key, sizeof key, "%02d", h->hour);
        else if (by == CG_DIM_WEEKDAY)
          g_snprintf (key, sizeof key, "%d", weekday);
        else
          g_snprintf (key, sizeof key, "%d-%02d", weekday, h->hour);
        row = fold_row (rows, key);
        row->calls += h->calls;
        row->connected += h->connected;
        row->talk_seconds += h->talk_s;
        row->short_calls += h->short_calls;
      }
  else
    {
      CgDaySumKeyer keyer;

      cg_day_sum_keyer_init (&keyer, by);
      for (guint i = 0; i < snap->days->len; i++)
        {
          const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);
          gboolean connected = d->outcome == CG_OUTCOME_CONNECTED;
          CgConnectRow *row;

          if (!cg_day_sum_passes (filter, d->day, from_day, to_day, d->line, d->list))
            continue;
          row = fold_row (rows, cg_day_sum_key (&keyer, d));
          row->calls += d->calls;
          row->connected += connected ? d->calls : 0;
          row->talk_seconds += connected ? d->talk_s : 0;
          row->short_calls += d->short_calls;
        }
    }

  result = g_ptr_array_new_full (g_hash_table_size (rows), (GDestroyNotify) cg_connect_row_free);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (result, value);
  g_ptr_array_sort_with_data (result, compare_rows, GINT_TO_POINTER (by));
  return g_steal_pointer (&result);
}

GPtrArray *
cg_analytics_connect (CgStore        *store,
                      CgDimension     by,
                      const CgFilter *filter,
                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_connect_row_free);
  g_autofree char *sql = NULL;
  sqlite3 *db = cg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  CgFilter all = { 0 };
  gint64 from_day = 0, to_day = 0;
  int rc;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error) || !cg_day_key_register (store, error))
    return NULL;

  if (use_aggregates (store, by, filter, &from_day, &to_day))
    {
      g_autoptr(GPtrArray) folded = connect_from_sums (store, by, filter, from_day, to_day, error);

      if (folded == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&folded));
      goto done;
    }

  /* Built from the fixed table above, never from user text: values are bound. */
  sql = g_strdup_printf ("SELECT %s AS k, count(*), sum(outcome = %d),"
                         "       sum(CASE WHEN outcome = %d THEN talk_s ELSE 0 END),"
                         "       sum(outcome = %d AND talk_s < %d)"
                         "  FROM calls"
                         " WHERE" CG_FILTER_SQL
                         " GROUP BY k ORDER BY k",
                         dimensions[by].key_sql, CG_OUTCOME_CONNECTED, CG_OUTCOME_CONNECTED,
                         CG_OUTCOME_CONNECTED, CG_SHORT_CALL_SECONDS);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "connect rate");
      return NULL;
    }
  /* 0 is unbounded on either side: a mistyped year gives a call a time
   * before 1970, which is negative and must still count. */
  cg_filter_bind (stmt, filter);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgConnectRow *row = g_new0 (CgConnectRow, 1);

      row->key = cg_dimension_key_column (by, stmt, 0);
      row->calls = sqlite3_column_int64 (stmt, 1);
      row->connected = sqlite3_column_int64 (stmt, 2);
      row->talk_seconds = sqlite3_column_int64 (stmt, 3);
      row->short_calls = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "connect rate");
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

done:
  /* The total over no calls is still a row: 0 calls, no rate. */
  if (by == CG_DIM_TOTAL && rows->len == 0)
    {
      CgConnectRow *row = g_new0 (CgConnectRow, 1);
      row->key = g_strdup ("total");
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* ---- outcomes by slice -------------------------------------------------------- */

void
cg_outcome_row_free (CgOutcomeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

static CgOutcomeRow *
outcome_row (GHashTable *index,
             GPtrArray  *rows,
             const char *key)
{
  CgOutcomeRow *row = g_hash_table_lookup (index, key);

  if (row == NULL)
    {
      row = g_new0 (CgOutcomeRow, 1);
      row->key = g_strdup (key);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (index, row->key, row);
    }
  return row;
}

static void
outcome_row_add (CgOutcomeRow *row,
                 int           outcome,
                 gint64        calls)
{
  row->calls += calls;
  row->outcome_calls[outcome >= 0 && outcome < CG_N_OUTCOMES ? outcome : CG_OUTCOME_OTHER] += calls;
}

static int
compare_outcome_rows (gconstpointer a,
                      gconstpointer b,
                      gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(CgOutcomeRow **) a)->key, (*(CgOutcomeRow **) b)->key);
}

GPtrArray *
cg_analytics_outcomes (CgStore        *store,
                       CgDimension     by,
                       const CgFilter *filter,
                       GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_outcome_row_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  CgFilter all = { 0 };
  gint64 from_day, to_day;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;

  /* The day sums keep the outcome; the hourly ones do not. */
  if (cg_dimension_in_day_sums (by) && cg_analytics_day_bounds (store, filter, &from_day, &to_day))
    {
      const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
      CgDaySumKeyer keyer;

      if (snap == NULL)
        return NULL;
      cg_day_sum_keyer_init (&keyer, by);
      for (guint i = 0; i < snap->days->len; i++)
        {
          const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);

          if (cg_day_sum_passes (filter, d->day, from_day, to_day, d->line, d->list))
            outcome_row_add (outcome_row (index, rows, cg_day_sum_key (&keyer, d)), d->outcome, d->calls);
        }
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s AS k, outcome, count(*) FROM calls"
                                              " WHERE" CG_FILTER_SQL " GROUP BY k, outcome",
                                              dimensions[by].key_sql);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          cg_store_set_sql_error (store, error, "outcomes");
          sqlite3_finalize (stmt);
          return NULL;
        }
      cg_filter_bind (stmt, filter);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *key = cg_dimension_key_column (by, stmt, 0);
          outcome_row_add (outcome_row (index, rows, key), sqlite3_column_int (stmt, 1), sqlite3_column_int64 (stmt, 2));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          cg_store_set_sql_error (store, error, "outcomes");
          return NULL;
        }
    }
  g_ptr_array_sort_with_data (rows, compare_outcome_rows, GINT_TO_POINTER (by));
  return g_steal_pointer (&rows);
}

void
cg_filter_bind (sqlite3_stmt   *stmt,
                const CgFilter *filter)
{
  sqlite3_bind_int64 (stmt, 1, filter->from_ts != 0 ? filter->from_ts : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts != 0 ? filter->to_ts : G_MAXINT64);
  if (filter->line)
    sqlite3_bind_text (stmt, 3, filter->line, -1, SQLITE_STATIC);
  if (filter->agent)
    sqlite3_bind_text (stmt, 4, filter->agent, -1, SQLITE_STATIC);
  if (filter->list)
    sqlite3_bind_text (stmt, 5, filter->list, -1, SQLITE_STATIC);
}

/* ---- comparisons ---------------------------------------------------------- */

void
cg_comparison_free (CgComparison *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->groups, g_ptr_array_unref);
  g_free (c->pairwise_p);
  g_free (c->verdict);
  g_free (c);
}

static char *
percent (double rate)
{
  return g_strdup_printf ("%.1f %%", 100 * rate);
}

static char *
pair_verdict (const CgComparison *c)
{
  const CgConnectRow *a = g_ptr_array_index (c->groups, 0);
  const CgConnectRow *b = g_ptr_array_index (c->groups, 1);
  g_autofree char *ra = percent (c->pair.rate1);
  g_autofree char *rb = percent (c->pair.rate2);
  g_autofree char *p = g_strdup_printf ("%.3g", c->pair.p_value);

  if (c->pair.significant)
    {
      const CgConnectRow *better = c->pair.difference > 0 ? a : b;
      const CgConnectRow *worse = c->pair.difference > 0 ? b : a;
      g_autofree char *diff = g_strdup_printf ("%.1f", 100 * fabs (c->pair.difference));
      /* Translators: “L01 connects better than L02: 31.2 % vs 27.5 %, 3.7 points …” */
      return g_strdup_printf (_("%s connects better than %s: %s vs %s, %s percentage points more; the difference is significant at 5 %% (p = %s)."),
                              better->key, worse->key, c->pair.difference > 0 ? ra : rb,
                              c->pair.difference > 0 ? rb : ra, diff, p);
    }
  if (c->has_needed)
    {
      g_autofree char *needed = cg_format_count ((gint64) c->needed_per_group);
      return g_strdup_printf (_("%s (%s) and %s (%s) cannot be told apart yet (p = %s). To tell rates this close apart, each would need about %s calls."),
                              a->key, ra, b->key, rb, p, needed);
    }
  return g_strdup_printf (_("%s (%s) and %s (%s) connect at the same rate."), a->key, ra, b->key, rb);
}

static char *
many_verdict (const CgComparison *c)
{
  g_autofree char *p = g_strdup_printf ("%.3g", c->chisq.p_value);

  if (!c->has_chisq)
    return g_strdup (_("These groups cannot be compared: every call in them ended the same way."));
  if (c->chisq.p_value < CG_STATS_ALPHA)
    return g_strdup_printf (_("The groups do not connect at the same rate (chi-square, p = %s). The pairs below, Holm-corrected, say which differ."), p);
  return g_strdup_printf (_("The groups connect at rates that cannot be told apart (chi-square, p = %s)."), p);
}

CgComparison *
cg_analytics_compare (CgStore           *store,
                      CgDimension        by,
                      const char *const *keys,
                      const CgFilter    *filter,
                      GError           **error)
{
  g_autoptr(CgComparison) c = g_new0 (CgComparison, 1);
  g_autoptr(GPtrArray) rows = NULL;
  guint k = keys ? g_strv_length ((char **) keys) : 0;

  if (k < 2)
    {
      g_set_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID, _("Name at least two groups to compare."));
      return NULL;
    }
  for (guint i = 0; i < k; i++)
    for (guint j = i + 1; j < k; j++)
      if (g_strcmp0 (keys[i], keys[j]) == 0)
        {
          g_set_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_INVALID,
                       _("“%s” is named twice: compare different groups."), keys[i]);
          return NULL;
        }
  if ((rows = cg_analytics_connect (store, by, filter, error)) == NULL)
    return NULL;

  c->by = by;
  c->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_connect_row_free);
  for (guint i = 0; i < k; i++)
    {
      CgConnectRow *found = NULL;

      for (guint r = 0; r < rows->len && found == NULL; r++)
        if (g_strcmp0 (((CgConnectRow *) g_ptr_array_index (rows, r))->key, keys[i]) == 0)
          found = g_ptr_array_steal_index (rows, r);
      if (found == NULL || found->calls == 0)
        {
          g_set_error (error, CG_ANALYTICS_ERROR, CG_ANALYTICS_ERROR_NO_DATA,
                       _("There are no calls for %s “%s” in this period."), cg_dimension_to_string (by), keys[i]);
          cg_connect_row_free (found);
          return NULL;
        }
      g_ptr_array_add (c->groups, found);
    }

  if (k == 2)
    {
      const CgConnectRow *a = g_ptr_array_index (c->groups, 0);
      const CgConnectRow *b = g_ptr_array_index (c->groups, 1);
      CgSampleSize size;

      cg_stats_compare_proportions (a->connected, a->calls, b->connected, b->calls, CG_STATS_ALPHA, &c->pair);
      c->has_needed = cg_stats_sample_size (c->pair.rate1, c->pair.rate2, CG_STATS_ALPHA, CG_STATS_POWER, &size);
      c->needed_per_group = size.calls_per_group;
      c->verdict = pair_verdict (c);
    }
  else
    {
      g_autofree guint64 *x = g_new (guint64, k);
      g_autofree guint64 *n = g_new (guint64, k);
      guint m = 0;

      for (guint i = 0; i < k; i++)
        {
          x[i] = ((CgConnectRow *) g_ptr_array_index (c->groups, i))->connected;
          n[i] = ((CgConnectRow *) g_ptr_array_index (c->groups, i))->calls;
        }
      c->has_chisq = cg_stats_chisq_rates (x, n, k, &c->chisq);
      c->pairwise_p = g_new0 (double, k * (k - 1) / 2);
      for (guint i = 0; i < k; i++)
        for (guint j = i + 1; j < k; j++)
          {
            CgProportionComparison pc;
            c->pairwise_p[m++] = cg_stats_compare_proportions (x[i], n[i], x[j], n[j], CG_STATS_ALPHA, &pc)
                                 ? pc.p_value : 1.0;
          }
      cg_stats_holm (c->pairwise_p, m, c->pairwise_p);
      c->verdict = many_verdict (c);
    }
  return g_steal_pointer (&c);
}

/* ---- best times to call ------------------------------------------------------ */

static int
compare_best_times (gconstpointer a,
                    gconstpointer b)
{
  const CgBestTime *x = a, *y = b;
  return (x->rate < y->rate) - (x->rate > y->rate);
}

GArray *
cg_analytics_best_times (CgStore        *store,
                         const CgFilter *filter,
                         guint           min_calls,
                         double         *overall_rate,
                         GError        **error)
{
  g_autoptr(GPtrArray) cells = cg_analytics_connect (store, CG_DIM_HOUR_WEEKDAY, filter, error);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (CgBestTime));
  g_autoptr(GArray) tested = g_array_new (FALSE, FALSE, sizeof (CgBestTime));
  g_autofree double *p = NULL;
  gint64 calls = 0, connected = 0;
  double overall;

  if (cells == NULL)
    return NULL;
  for (guint i = 0; i < cells->len; i++)
    {
      const CgConnectRow *cell = g_ptr_array_index (cells, i);
      calls += cell->calls;
      connected += cell->connected;
    }
  overall = calls > 0 ? (double) connected / calls : 0;
  if (overall_rate != NULL)
    *overall_rate = calls > 0 ? overall : NAN;
  if (calls == 0)
    return g_steal_pointer (&best);

  /* Only cells with enough calls are tested, so the Holm correction is
   * over the cells that could say something. */
  for (guint i = 0; i < cells->len; i++)
    {
      const CgConnectRow *cell = g_ptr_array_index (cells, i);
      CgBestTime t = { 0 };

      if (cell->calls < (gint64) MAX (min_calls, 1) || sscanf (cell->key, "%d-%d", &t.weekday, &t.hour) != 2)
        continue;
      t.calls = cell->calls;
      t.connected = cell->connected;
      t.rate = (double) cell->connected / cell->calls;
      t.p_value = cg_stats_binomial_upper_p ((guint) MIN (cell->connected, G_MAXUINT), (guint) MIN (cell->calls, G_MAXUINT), overall);
      g_array_append_val (tested, t);
    }
  p = g_new (double, MAX (tested->len, 1));
  for (guint i = 0; i < tested->len; i++)
    p[i] = g_array_index (tested, CgBestTime, i).p_value;
  cg_stats_holm (p, tested->len, p);
  for (guint i = 0; i < tested->len; i++)
    {
      CgBestTime *t = &g_array_index (tested, CgBestTime, i);
      t->p_value = p[i];
      if (p[i] < CG_STATS_ALPHA && t->rate > overall)
        g_array_append_val (best, *t);
    }
  g_array_sort (best, compare_best_times);
  return g_steal_pointer (&best);
}
