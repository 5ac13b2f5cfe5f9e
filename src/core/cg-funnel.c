/* cg-funnel.c — the sales funnel: dialled → connected → interested → sale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cg-call.h"
#include "cg-aggregates.h"
#include "cg-analytics-private.h"
#include "cg-funnel.h"
#include "cg-local-time.h"
#include "cg-store-private.h"

static const char *const rate_names[CG_FUNNEL_N_RATES] = {
  [CG_FUNNEL_CONNECT]    = "connect_rate",
  [CG_FUNNEL_INTEREST]   = "interest_rate",
  [CG_FUNNEL_CLOSE]      = "close_rate",
  [CG_FUNNEL_CONVERSION] = "conversion",
};

const char *
cg_funnel_rate_to_string (CgFunnelRate rate)
{
  g_return_val_if_fail (rate < CG_FUNNEL_N_RATES, NULL);
  return rate_names[rate];
}

void
cg_funnel_row_free (CgFunnelRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

gboolean
cg_funnel_row_rate (const CgFunnelRow *row,
                    CgFunnelRate       rate,
                    CgInterval        *interval)
{
  gint64 num[CG_FUNNEL_N_RATES] = { row->connected, row->interested, row->sales, row->sales };
  gint64 den[CG_FUNNEL_N_RATES] = { row->dialled, row->connected, row->interested, row->dialled };

  g_return_val_if_fail (rate < CG_FUNNEL_N_RATES, FALSE);
  return cg_stats_wilson (num[rate], den[rate], CG_STATS_CONFIDENCE, interval);
}

gboolean
cg_funnel_row_average_sale (const CgFunnelRow *row,
                            double            *average_cny)
{
  if (row->sales_with_amount == 0)
    return FALSE;
  *average_cny = row->revenue_cny / row->sales_with_amount;
  return TRUE;
}

/* ?6 is the period's start: customers with a sale before it are not new.
 * The prior sales ignore line, agent and list on purpose: a customer is new
 * to the business, not to one agent. */
#define SALE_SQL "(outcome = %d AND disposition = %d)"

/* The stages from the aggregate sums and new customers from the small
 * index of sales: the same rows as below without reading every call. */
/* New customers over the whole business: a number whose first sale ever
 * falls in the period.  The partial index calls_sales (phone_hash,
 * start_ts) holds exactly the sales, in number order. */
static gboolean
count_new_customers_total (CgStore        *store,
                           const CgFilter *filter,
                           gint64         *count,
                           GError        **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store,
    "SELECT count(*) FROM (SELECT min(start_ts) AS first FROM calls"
    "                       WHERE outcome = 1 AND disposition = 1 AND phone_hash IS NOT NULL"
    "                       GROUP BY phone_hash)"
    " WHERE first >= ?1 AND first < ?2",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts != 0 ? filter->from_ts : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts != 0 ? filter->to_ts : G_MAXINT64);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cg_store_set_sql_error (store, error, "new customers");
      return FALSE;
    }
  return TRUE;
}

/* New customers per key of @by (one the sums carry), or when lines or
 * lists narrow the question: numbers with a sale in the slice and no sale
 * anywhere before the period. */
static gboolean
count_new_customers (CgStore        *store,
                     CgDimension     by,
                     const CgFilter *filter,
                     GHashTable     *by_key,
                     GError        **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s AS k, count(DISTINCT phone_hash) FROM calls"
    " WHERE outcome = 1 AND disposition = 1 AND start_ts >= ?1 AND start_ts < ?2"
    "   AND phone_hash IS NOT NULL AND (?3 IS NULL OR line = ?3) AND (?4 IS NULL OR list = ?4)"
    "   AND phone_hash NOT IN (SELECT phone_hash FROM calls"
    "                           WHERE outcome = 1 AND disposition = 1 AND start_ts < ?1"
    "                             AND phone_hash IS NOT NULL)"
    " GROUP BY k",
    cg_dimension_key_sql (by));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "new customers");
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, filter->from_ts != 0 ? filter->from_ts : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts != 0 ? filter->to_ts : G_MAXINT64);
  if (filter->line)
    sqlite3_bind_text (stmt, 3, filter->line, -1, SQLITE_STATIC);
  if (filter->list)
    sqlite3_bind_text (stmt, 4, filter->list, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = cg_dimension_key_column (by, stmt, 0);
      CgFunnelRow *row = g_hash_table_lookup (by_key, key);

      if (row != NULL)
        row->new_customers = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "new customers");
      return FALSE;
    }
  return TRUE;
}

static int
compare_funnel_rows (gconstpointer a,
                     gconstpointer b,
                     gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(CgFunnelRow **) a)->key, (*(CgFunnelRow **) b)->key);
}

/* The stages from the in-memory sums (cg-aggregates.h): the same rows as
 * the query on the calls below, without reading the calls. */
static GPtrArray *
funnel_from_sums (CgStore        *store,
                  CgDimension     by,
                  const CgFilter *filter,
                  gint64          from_day,
                  gint64          to_day,
                  gboolean        new_customers,
                  GError        **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_funnel_row_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  CgDaySumKeyer keyer;

  if (snap == NULL)
    return NULL;
  cg_day_sum_keyer_init (&keyer, by);
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);
      const char *key;
      gboolean connected = d->outcome == CG_OUTCOME_CONNECTED;
      gboolean sale = connected && d->disposition == CG_DISPOSITION_SALE;
      CgFunnelRow *row;

      if (!cg_day_sum_passes (filter, d->day, from_day, to_day, d->line, d->list))
        continue;
      key = cg_day_sum_key (&keyer, d);
      row = g_hash_table_lookup (by_key, key);
      if (row == NULL)
        {
          row = g_new0 (CgFunnelRow, 1);
          row->key = g_strdup (key);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_key, row->key, row);
        }
      row->dialled += d->calls;
      row->connected += connected ? d->calls : 0;
      row->interested += connected && (d->disposition == CG_DISPOSITION_SALE ||
                                       d->disposition == CG_DISPOSITION_INTERESTED ||
                                       d->disposition == CG_DISPOSITION_CALLBACK) ? d->calls : 0;
      row->sales += sale ? d->calls : 0;
      row->sales_with_amount += sale ? d->sales_with_amount : 0;
      row->revenue_cny += sale ? d->revenue : 0;
    }
  g_ptr_array_sort_with_data (rows, compare_funnel_rows, GINT_TO_POINTER (by));

  if (new_customers && by == CG_DIM_TOTAL && filter->line == NULL && filter->list == NULL && rows->len == 1)
    {
      if (!count_new_customers_total (store, filter, &((CgFunnelRow *) g_ptr_array_index (rows, 0))->new_customers, error))
        return NULL;
    }
  else if (new_customers && !count_new_customers (store, by, filter, by_key, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
cg_funnel_compute (CgStore        *store,
                   CgDimension     by,
                   const CgFilter *filter,
                   GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_funnel_row_free);
  g_autofree char *sale = g_strdup_printf (SALE_SQL, CG_OUTCOME_CONNECTED, CG_DISPOSITION_SALE);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  CgFilter all = { 0 };
  gint64 from_day, to_day;
  int rc;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;

  if (cg_dimension_in_day_sums (by) && cg_analytics_day_bounds (store, filter, &from_day, &to_day))
    {
      g_autoptr(GPtrArray) sums = funnel_from_sums (store, by, filter, from_day, to_day, TRUE, error);

      if (sums == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&sums));
      goto done;
    }

  sql = g_strdup_printf ("WITH prior AS (SELECT DISTINCT phone_hash FROM calls"
                         "                WHERE %s AND phone_hash IS NOT NULL AND start_ts < ?1)"
                         "SELECT %s AS k, count(*), sum(outcome = %d),"
                         "       sum(outcome = %d AND disposition IN (%d, %d, %d)),"
                         "       sum(%s), sum(%s AND sale_amount IS NOT NULL),"
                         "       total(CASE WHEN %s THEN sale_amount END),"
                         "       count(DISTINCT CASE WHEN %s AND phone_hash NOT IN prior THEN phone_hash END)"
                         "  FROM calls"
                         " WHERE" CG_FILTER_SQL
                         " GROUP BY k ORDER BY k",
                         sale, cg_dimension_key_sql (by), CG_OUTCOME_CONNECTED, CG_OUTCOME_CONNECTED,
                         CG_DISPOSITION_SALE, CG_DISPOSITION_INTERESTED, CG_DISPOSITION_CALLBACK,
                         sale, sale, sale, sale);
  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "sales funnel");
      return NULL;
    }
  cg_filter_bind (stmt, filter);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CgFunnelRow *row = g_new0 (CgFunnelRow, 1);

      row->key = cg_dimension_key_column (by, stmt, 0);
      row->dialled = sqlite3_column_int64 (stmt, 1);
      row->connected = sqlite3_column_int64 (stmt, 2);
      row->interested = sqlite3_column_int64 (stmt, 3);
      row->sales = sqlite3_column_int64 (stmt, 4);
      row->sales_with_amount = sqlite3_column_int64 (stmt, 5);
      row->revenue_cny = sqlite3_column_double (stmt, 6);
      row->new_customers = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "sales funnel");
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

done:
  if (by == CG_DIM_TOTAL && rows->len == 0)
    {
      CgFunnelRow *row = g_new0 (CgFunnelRow, 1);
      row->key = g_strdup ("total");
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
cg_funnel_stages_from_sums (CgStore        *store,
                            CgDimension     by,
                            const CgFilter *filter,
                            GError        **error)
{
  gint64 from_day, to_day;

  g_return_val_if_fail (cg_dimension_in_day_sums (by), NULL);
  if (!cg_analytics_day_bounds (store, filter, &from_day, &to_day))
    g_return_val_if_reached (NULL);
  return funnel_from_sums (store, by, filter, from_day, to_day, FALSE, error);
}
