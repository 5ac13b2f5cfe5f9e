/* cg-quality.c — line stability.
 *
 * Number-list quality is in cg-quality-lists.c, contact and attempts in
 * cg-quality-contact.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-aggregates.h"
#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-phone.h"
#include "cg-quality.h"
#include "cg-store-private.h"

/* Prepares @sql (built from constants only) and binds @filter to ?1…?5. */
static sqlite3_stmt *
prepare_filtered (CgStore        *store,
                  const char     *sql,
                  const CgFilter *filter,
                  const char     *what,
                  GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  cg_filter_bind (stmt, filter);
  return stmt;
}

/* Finalizes @stmt after its last step @rc; FALSE with @error set unless the
 * statement ran to the end. */
static gboolean
finish (CgStore      *store,
        sqlite3_stmt *stmt,
        int           rc,
        const char   *what,
        GError      **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    cg_store_set_sql_error (store, error, what);
  sqlite3_finalize (stmt);
  return ok;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return g_strdup (text ? text : "");
}

/* ---- line stability ----------------------------------------------------------- */

void
cg_line_stability_free (CgLineStability *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  if (row->weeks != NULL)
    {
      for (guint i = 0; i < row->weeks->len; i++)
        g_free (g_array_index (row->weeks, CgLineWeek, i).week);
      g_array_unref (row->weeks);
    }
  g_free (row);
}

/* The sums of one slice in one ISO week; a slice's row folds its weeks. */
typedef struct {
  char   *key;
  char   *week;
  gint64  calls;
  gint64  connected;
  gint64  line_failures;
  gint64  short_calls;
} WeekCell;

static void
week_cell_free (WeekCell *cell)
{
  g_free (cell->key);
  g_free (cell->week);
  g_free (cell);
}

static int
compare_week_cells (gconstpointer a,
                    gconstpointer b,
                    gpointer      by)
{
  const WeekCell *x = *(WeekCell **) a, *y = *(WeekCell **) b;
  int c = cg_dimension_key_compare (GPOINTER_TO_INT (by), x->key, y->key);

  return c != 0 ? c : strcmp (x->week, y->week);
}

/* Folds @cells, sorted by slice then week, into one row per slice. */
static GPtrArray *
fold_weeks (GPtrArray *cells)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_line_stability_free);
  CgLineStability *row = NULL;

  for (guint i = 0; i < cells->len; i++)
    {
      WeekCell *cell = g_ptr_array_index (cells, i);
      CgLineWeek week;

      if (row == NULL || strcmp (row->key, cell->key) != 0)
        {
          row = g_new0 (CgLineStability, 1);
          row->key = g_strdup (cell->key);
          row->weeks = g_array_new (FALSE, FALSE, sizeof (CgLineWeek));
          g_ptr_array_add (rows, row);
        }
      week.week = g_strdup (cell->week);
      week.calls = cell->calls;
      week.line_failures = cell->line_failures;
      g_array_append_val (row->weeks, week);
      row->calls += cell->calls;
      row->connected += cell->connected;
      row->line_failures += cell->line_failures;
      row->short_calls += cell->short_calls;
    }
  return g_steal_pointer (&rows);
}

/* The week cells from the in-memory day sums: same cells as the query. */
static GPtrArray *
week_cells_from_sums (CgStore        *store,
                      CgDimension     by,
                      const CgFilter *filter,
                      gint64          from_day,
                      gint64          to_day,
                      GError        **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) week_cell_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CgDaySumKeyer keyer, weeks;

  if (snap == NULL)
    return NULL;
  cg_day_sum_keyer_init (&keyer, by);
  cg_day_sum_keyer_init (&weeks, CG_DIM_WEEK);
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);
      const char *key, *week;
      g_autofree char *id = NULL;
      WeekCell *cell;

      if (!cg_day_sum_passes (filter, d->day, from_day, to_day, d->line, d->list))
        continue;
      key = cg_day_sum_key (&keyer, d);
      week = cg_day_sum_key (&weeks, d);
      id = g_strconcat (key, "\n", week, NULL);
      if ((cell = g_hash_table_lookup (index, id)) == NULL)
        {
          cell = g_new0 (WeekCell, 1);
          cell->key = g_strdup (key);
          cell->week = g_strdup (week);
          g_ptr_array_add (cells, cell);
          g_hash_table_insert (index, g_steal_pointer (&id), cell);
        }
      cell->calls += d->calls;
      cell->connected += d->outcome == CG_OUTCOME_CONNECTED ? d->calls : 0;
      cell->line_failures += d->outcome == CG_OUTCOME_LINE_FAILURE ? d->calls : 0;
      cell->short_calls += d->short_calls;
    }
  g_ptr_array_sort_with_data (cells, compare_week_cells, GINT_TO_POINTER (by));
  return g_steal_pointer (&cells);
}

static GPtrArray *
week_cells_from_calls (CgStore        *store,
                       CgDimension     by,
                       const CgFilter *filter,
                       GError        **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) week_cell_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* Outcome keys are numbers, so ORDER BY k is CgOutcome's order. */
  sql = g_strdup_printf ("SELECT %s AS k, cg_local (start_ts, 1) AS w, count(*),"
                         "       sum(outcome = %d), sum(outcome = %d), sum(outcome = %d AND talk_s < %d)"
                         "  FROM calls WHERE" CG_FILTER_SQL
                         " GROUP BY k, w ORDER BY k, w",
                         cg_dimension_key_sql (by), CG_OUTCOME_CONNECTED, CG_OUTCOME_LINE_FAILURE,
                         CG_OUTCOME_CONNECTED, CG_SHORT_CALL_SECONDS);
  if ((stmt = prepare_filtered (store, sql, filter, "line stability", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WeekCell *cell = g_new0 (WeekCell, 1);

      cell->key = cg_dimension_key_column (by, stmt, 0);
      cell->week = column_text (stmt, 1);
      cell->calls = sqlite3_column_int64 (stmt, 2);
      cell->connected = sqlite3_column_int64 (stmt, 3);
      cell->line_failures = sqlite3_column_int64 (stmt, 4);
      cell->short_calls = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (cells, cell);
    }
  if (!finish (store, stmt, rc, "line stability", error))
    return NULL;
  return g_steal_pointer (&cells);
}

GPtrArray *
cg_quality_lines (CgStore        *store,
                  CgDimension     by,
                  const CgFilter *filter,
                  GError        **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  CgFilter all = { 0 };
  gint64 from_day, to_day;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;

  /* Line failures are in the day sums, not in the hourly ones. */
  if (cg_dimension_in_day_sums (by) && cg_analytics_day_bounds (store, filter, &from_day, &to_day))
    cells = week_cells_from_sums (store, by, filter, from_day, to_day, error);
  else
    cells = week_cells_from_calls (store, by, filter, error);
  if (cells == NULL)
    return NULL;
  return fold_weeks (cells);
}
