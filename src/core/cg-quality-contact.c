/* cg-quality-contact.c — contact rate, connect rate by attempt and calls per
 * agent-hour, for any number of slicings in one pass over the calls.
 *
 * Every per-number figure needs the calls grouped by number in time order.
 * Sorting all calls is the expensive part, so it is done once: the calls
 * of the filter come ordered by (phone_hash, start_ts, id), each with the
 * key of every slicing asked for, and one walk counts for all of them — a
 * number's attempt rank over all its filtered calls, whether it was dialled
 * and reached in each slice, and the distinct (agent, local day, hour) of
 * each slice.  The definitions are in cg-quality.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-analytics-private.h"
#include "cg-call.h"
#include "cg-local-time.h"
#include "cg-quality.h"
#include "cg-store-private.h"

static void
cg_agent_hours_free (CgAgentHours *row)
{
  g_free (row->agent);
  g_free (row);
}

void
cg_contact_free (CgContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->key);
  g_clear_pointer (&contact->agents, g_ptr_array_unref);
  g_free (contact);
}

/* One slice's row and where it stands in the walk. */
typedef struct {
  CgContact *row;
  guint64    run;      /* the last number run that touched the slice */
  gboolean   reached;  /* … and whether that number connected in it */
} Slice;

/* An agent-hour of a slice; agents by their index in the walk. */
typedef struct {
  const Slice *slice;
  guint        agent;
  gint64       hour;   /* local day × 24 + local hour */
} AgentHour;

static guint
agent_hour_hash (gconstpointer p)
{
  const AgentHour *h = p;

  return g_direct_hash (h->slice) ^ (h->agent * 2654435761u) ^ g_int64_hash (&h->hour);
}

static gboolean
agent_hour_equal (gconstpointer a,
                  gconstpointer b)
{
  const AgentHour *x = a, *y = b;

  return x->slice == y->slice && x->agent == y->agent && x->hour == y->hour;
}

/* The slices of one slicing. */
typedef struct {
  CgDimension  by;
  GHashTable  *slices;  /* key (owned by the row) → Slice * */
  GPtrArray   *rows;    /* CgContact * */
} Slicing;

static void
slicing_clear (Slicing *s)
{
  g_clear_pointer (&s->slices, g_hash_table_unref);
  g_clear_pointer (&s->rows, g_ptr_array_unref);
}

/* The key of the call in @column as cg_dimension_key_column () writes it,
 * without copying. */
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

static Slice *
slice_of (Slicing    *s,
          const char *key)
{
  Slice *slice = g_hash_table_lookup (s->slices, key);

  if (slice == NULL)
    {
      slice = g_new0 (Slice, 1);
      slice->row = g_new0 (CgContact, 1);
      slice->row->key = g_strdup (key);
      g_ptr_array_add (s->rows, slice->row);
      g_hash_table_insert (s->slices, slice->row->key, slice);
    }
  return slice;
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b,
                  gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(CgContact **) a)->key, (*(CgContact **) b)->key);
}

/* The SELECT of the walk: number, outcome, agent, time, then the keys. */
static char *
walk_sql (const CgDimension *dims,
          guint              n_dims)
{
  GString *sql = g_string_new ("SELECT phone_hash, outcome = ");

  g_string_append_printf (sql, "%d, agent_id, start_ts", CG_OUTCOME_CONNECTED);
  for (guint d = 0; d < n_dims; d++)
    g_string_append_printf (sql, ", %s", cg_dimension_key_sql (dims[d]));
  g_string_append (sql, " FROM calls WHERE" CG_FILTER_SQL " ORDER BY phone_hash, start_ts, id");
  return g_string_free (sql, FALSE);
}

/* Counts one call into @slice; @run is the number's run (0: no number),
 * @attempt its rank there. */
static void
count_call (Slice      *slice,
            guint64     run,
            gint64      attempt,
            gboolean    connected,
            GHashTable *hours,
            guint       agent,
            gint64      hour)
{
  CgContact *row = slice->row;

  row->calls++;
  if (run == 0)
    row->calls_without_number++;
  else
    {
      int group = (int) MIN (attempt, CG_CONTACT_N_ATTEMPTS) - 1;

      if (slice->run != run)
        {
          slice->run = run;
          slice->reached = FALSE;
          row->numbers++;
        }
      if (connected && !slice->reached)
        {
          slice->reached = TRUE;
          row->numbers_reached++;
        }
      row->attempt_calls[group]++;
      row->attempt_connected[group] += connected;
    }
  if (agent > 0)
    {
      AgentHour probe = { slice, agent, hour };

      row->agent_calls++;
      if (!g_hash_table_contains (hours, &probe))
        {
          g_hash_table_add (hours, g_memdup2 (&probe, sizeof probe));
          row->agent_hours++;
        }
    }
}

gboolean
cg_quality_contact_by_each (CgStore           *store,
                            const CgDimension *dims,
                            guint              n_dims,
                            const CgFilter    *filter,
                            GPtrArray        **rows,
                            GError           **error)
{
  static const CgFilter everything = { 0 };
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GHashTable) agents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) hours = g_hash_table_new_full (agent_hour_hash, agent_hour_equal, g_free, NULL);
  g_autofree Slicing *slicings = g_new0 (Slicing, n_dims);
  g_autofree char *sql = walk_sql (dims, n_dims);
  sqlite3_stmt *stmt = NULL;
  gint64 previous_hash = 0, attempt = 0;
  guint64 run = 0, runs = 0;
  gboolean ok;
  int rc = SQLITE_ERROR;

  if (filter == NULL)
    filter = &everything;
  for (guint d = 0; d < n_dims; d++)
    {
      g_return_val_if_fail (dims[d] < CG_N_DIMS, FALSE);
      slicings[d].by = dims[d];
      slicings[d].slices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      slicings[d].rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_contact_free);
    }
  if (!cg_local_time_register (store, error))
    goto out;
  if (sqlite3_prepare_v2 (cg_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "contact rate");
      goto out;
    }
  cg_filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean connected = sqlite3_column_int (stmt, 1);
      const char *agent_id = (const char *) sqlite3_column_text (stmt, 2);
      guint agent = 0;
      gint64 day = 0;
      int hour = 0;

      /* NULL hashes sort first: the calls without a number. */
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        run = 0;
      else
        {
          gint64 hash = sqlite3_column_int64 (stmt, 0);

          if (run == 0 || hash != previous_hash)
            {
              run = ++runs;
              previous_hash = hash;
              attempt = 0;
            }
          attempt++;
        }
      if (agent_id != NULL)
        {
          agent = GPOINTER_TO_UINT (g_hash_table_lookup (agents, agent_id));
          if (agent == 0)
            {
              agent = g_hash_table_size (agents) + 1;
              g_hash_table_insert (agents, g_strdup (agent_id), GUINT_TO_POINTER (agent));
            }
          cg_local_day (tz, sqlite3_column_int64 (stmt, 3), &day, &hour);
        }
      for (guint d = 0; d < n_dims; d++)
        count_call (slice_of (&slicings[d], key_text (dims[d], stmt, 4 + (int) d)),
                    run, attempt, connected, hours, agent, day * 24 + hour);
    }
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "contact rate");
      goto out;
    }
  for (guint d = 0; d < n_dims; d++)
    {
      if (dims[d] == CG_DIM_TOTAL && slicings[d].rows->len == 0)
        slice_of (&slicings[d], "total");
      g_ptr_array_sort_with_data (slicings[d].rows, compare_contacts, GINT_TO_POINTER (dims[d]));
      rows[d] = g_ptr_array_ref (slicings[d].rows);
    }

out:
  ok = stmt != NULL && rc == SQLITE_DONE;
  sqlite3_finalize (stmt);
  for (guint d = 0; d < n_dims; d++)
    slicing_clear (&slicings[d]);
  return ok;
}

GPtrArray *
cg_quality_contact_by (CgStore        *store,
                       CgDimension     by,
                       const CgFilter *filter,
                       GError        **error)
{
  GPtrArray *rows = NULL;

  g_return_val_if_fail (by < CG_N_DIMS, NULL);
  if (!cg_quality_contact_by_each (store, &by, 1, filter, &rows, error))
    return NULL;
  return rows;
}

CgContact *
cg_quality_contact_sliced (CgStore         *store,
                           const CgFilter  *filter,
                           CgDimension      by,
                           GPtrArray      **slices,
                           GError         **error)
{
  CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_AGENT, by };
  GPtrArray *rows[G_N_ELEMENTS (dims)] = { NULL };
  g_autoptr(GPtrArray) total = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  CgContact *contact;

  g_return_val_if_fail (slices == NULL || by < CG_N_DIMS, NULL);
  if (!cg_quality_contact_by_each (store, dims, slices != NULL ? 3 : 2, filter, rows, error))
    return NULL;
  total = rows[0];
  agents = rows[1];
  if (slices != NULL)
    *slices = rows[2];
  contact = g_ptr_array_steal_index (total, 0);
  contact->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_agent_hours_free);
  for (guint i = 0; i < agents->len; i++)
    {
      const CgContact *a = g_ptr_array_index (agents, i);
      CgAgentHours *row;

      /* Calls without an agent are no agent's hours. */
      if (a->agent_calls == 0)
        continue;
      row = g_new0 (CgAgentHours, 1);
      row->agent = g_strdup (a->key);
      row->calls = a->agent_calls;
      row->hours = a->agent_hours;
      g_ptr_array_add (contact->agents, row);
    }
  return contact;
}

CgContact *
cg_quality_contact (CgStore        *store,
                    const CgFilter *filter,
                    GError        **error)
{
  return cg_quality_contact_sliced (store, filter, CG_DIM_TOTAL, NULL, error);
}
