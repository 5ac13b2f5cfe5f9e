/* cg-quality-lists.c — number-list quality in one pass over the calls.
 *
 * The calls of the filter on every list (so that overlaps with lists the
 * filter does not show still count) come ordered by number; a number's
 * calls are then together, and one walk finds for every slice the numbers
 * it dialled, whether they were malformed, dialled from two lists or more,
 * or dialled more than max_attempts times in it.  Definitions in
 * cg-quality.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-phone.h"
#include "cg-quality.h"
#include "cg-store-private.h"

void
cg_list_quality_free (CgListQuality *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

/* One slice's row and its share of the current number. */
typedef struct {
  CgListQuality *row;
  gint64         run_calls;  /* the current number's calls in the slice */
  gboolean       run_bad;
} Slice;

typedef struct {
  CgDimension  by;
  guint        max_attempts;
  GHashTable  *slices;    /* key (owned by the row) → Slice * */
  GPtrArray   *rows;      /* CgListQuality * */
  GPtrArray   *touched;   /* Slice * with calls to the current number */
  char        *list;      /* the current number's first list */
  gboolean     shared;    /* … and whether it has another */
} Walk;

static Slice *
slice_of (Walk       *w,
          const char *key)
{
  Slice *slice = g_hash_table_lookup (w->slices, key);

  if (slice == NULL)
    {
      slice = g_new0 (Slice, 1);
      slice->row = g_new0 (CgListQuality, 1);
      slice->row->key = g_strdup (key);
      g_ptr_array_add (w->rows, slice->row);
      g_hash_table_insert (w->slices, slice->row->key, slice);
    }
  return slice;
}

/* Closes the current number: counts it in every slice that dialled it. */
static void
end_number (Walk *w)
{
  for (guint i = 0; i < w->touched->len; i++)
    {
      Slice *slice = g_ptr_array_index (w->touched, i);

      slice->row->numbers++;
      slice->row->invalid_format_numbers += slice->run_bad;
      slice->row->duplicate_numbers += w->shared;
      slice->row->over_attempted_numbers += slice->run_calls > w->max_attempts;
      slice->run_calls = 0;
      slice->run_bad = FALSE;
    }
  g_ptr_array_set_size (w->touched, 0);
  g_clear_pointer (&w->list, g_free);
  w->shared = FALSE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(CgListQuality **) a)->key,
                                   (*(CgListQuality **) b)->key);
}

/* The key as cg_dimension_key_column () writes it, without copying. */
static const char *
key_text (CgDimension   by,
          sqlite3_stmt *stmt,
          int           column)
{
  const char *text;

  if (by == CG_DIM_OUTCOME)
    {
      int outcome = sqlite3_column_int (stmt, column);
      return cg_outcome_to_string (outcome >= 0 && outcome < CG_N_OUTCOMES ? outcome : CG_OUTCOME_OTHER);
    }
  text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

static void
walk_call (Walk         *w,
           sqlite3_stmt *stmt)
{
  gboolean has_number = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  const char *list = (const char *) sqlite3_column_text (stmt, 1);
  int kind = sqlite3_column_int (stmt, 3);
  Slice *slice;

  if (has_number)
    {
      if (w->list == NULL)
        w->list = g_strdup (list);
      else if (!w->shared && strcmp (w->list, list) != 0)
        w->shared = TRUE;
    }
  /* Calls on lists the filter does not show only tell about overlaps. */
  if (!sqlite3_column_int (stmt, 5))
    return;
  slice = slice_of (w, key_text (w->by, stmt, 0));
  slice->row->calls++;
  slice->row->invalid_number_calls += sqlite3_column_int (stmt, 4) == CG_OUTCOME_INVALID_NUMBER;
  if (!has_number)
    return;
  if (slice->run_calls == 0)
    g_ptr_array_add (w->touched, slice);
  slice->run_calls++;
  slice->run_bad |= kind == CG_PHONE_INVALID || kind == CG_PHONE_DAMAGED;
}

GPtrArray *
cg_quality_lists (CgStore        *store,
                  CgDimension     by,
                  const CgFilter *filter,
                  guint           max_attempts,
                  GError        **error)
{
  g_autoptr(GHashTable) slices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_list_quality_free);
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  Walk w = { by, max_attempts, slices, rows, touched, NULL, FALSE };
  g_autofree char *sql = NULL;
  CgFilter all = { 0 };
  sqlite3_stmt *stmt = NULL;
  gint64 number = 0;
  gboolean in_number = FALSE;
  int rc;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (filter == NULL)
    filter = &all;
  if (!cg_local_time_register (store, error))
    return NULL;

  sql = g_strdup_printf ("SELECT %s, coalesce (list, ''), phone_hash, phone_kind, outcome,"
                         "       (?5 IS NULL OR list = ?5)"
                         "  FROM calls WHERE" CG_FILTER_SQL_NO_LIST
                         " ORDER BY phone_hash",
                         cg_dimension_key_sql (by));
  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "number quality");
      sqlite3_finalize (stmt);
      return NULL;
    }
  cg_filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          gint64 hash = sqlite3_column_int64 (stmt, 2);

          if (in_number && hash != number)
            end_number (&w);
          number = hash;
          in_number = TRUE;
        }
      walk_call (&w, stmt);
    }
  end_number (&w);
  if (rc != SQLITE_DONE)
    cg_store_set_sql_error (store, error, "number quality");
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  g_ptr_array_sort_with_data (rows, compare_rows, GINT_TO_POINTER (by));
  return g_steal_pointer (&rows);
}
