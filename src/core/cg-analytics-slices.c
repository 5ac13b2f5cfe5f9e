/* cg-analytics-slices.c — connect, funnel, call-quality and contact rows by
 * total, line, list and agent from one pass over the calls.
 *
 * The pass reads each call of the filter once, in table order, and adds it
 * to its slice of every slicing.  Per-number figures need the calls of a
 * number together: the pass keeps 16 bytes per call with a number and
 * sorts them by number afterwards (the SQL walk in cg-quality-contact.c
 * makes SQLite sort whole rows).  New customers need the numbers with a
 * sale before the period, which the calls_sales index gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cg-analytics-private.h"
#include "cg-analytics-slices.h"
#include "cg-call.h"
#include "cg-store-private.h"

enum { S_TOTAL, S_LINE, S_LIST, S_AGENT, N_SLICINGS };

static const CgDimension slicing_dims[N_SLICINGS] = {
  [S_TOTAL] = CG_DIM_TOTAL, [S_LINE] = CG_DIM_LINE, [S_LIST] = CG_DIM_LIST, [S_AGENT] = CG_DIM_AGENT,
};

/* Everything counted for one slice. */
typedef struct {
  char   *key;
  gint64  calls;
  gint64  connected;
  gint64  talk_s;
  gint64  short_calls;
  gint64  interested;
  gint64  sales;
  gint64  sales_with_amount;
  double  revenue;
  gint64  new_customers;
  gint64  with_mos;
  gint64  low_mos;
  double  mos_sum;
  gint64  with_loss;
  double  loss_sum;
  gint64  with_jitter;
  double  jitter_sum;
  gint64  recordings_known;
  gint64  recordings;
  gint64  calls_without_number;
  gint64  numbers;
  gint64  numbers_reached;
} Acc;

static void
acc_free (Acc *acc)
{
  g_free (acc->key);
  g_free (acc);
}

typedef struct {
  GHashTable *index;  /* key (owned by the Acc) → position + 1 */
  GPtrArray  *accs;   /* Acc * */
  guint       last;   /* the position looked up last: calls come in runs */
} Slicing;

static guint
slicing_position (Slicing    *s,
                  const char *key)
{
  gpointer found;
  Acc *acc;

  if (s->accs->len > 0 && strcmp (((Acc *) g_ptr_array_index (s->accs, s->last))->key, key) == 0)
    return s->last;
  if ((found = g_hash_table_lookup (s->index, key)) != NULL)
    return s->last = GPOINTER_TO_UINT (found) - 1;
  acc = g_new0 (Acc, 1);
  acc->key = g_strdup (key);
  g_ptr_array_add (s->accs, acc);
  g_hash_table_insert (s->index, acc->key, GUINT_TO_POINTER (s->accs->len));
  return s->last = s->accs->len - 1;
}

/* ---- sorting in place ---- */

static inline gint64
key_at (guint8 *base,
        gsize   i,
        gsize   size)
{
  gint64 key;

  memcpy (&key, base + i * size, sizeof key);
  return key;
}

static inline void
swap_at (guint8 *base,
         gsize   i,
         gsize   j,
         gsize   size)
{
  guint64 *a = (guint64 *) (gpointer) (base + i * size), *b = (guint64 *) (gpointer) (base + j * size);

  for (gsize w = 0; w < size / 8; w++)
    {
      guint64 t = a[w];
      a[w] = b[w];
      b[w] = t;
    }
}

void
cg_sort_by_int64 (gpointer base_,
                  gsize    n,
                  gsize    size)
{
  guint8 *base = base_;

  g_return_if_fail (size % 8 == 0 && size <= 32);
  /* Quicksort with three-way partitions (many equal keys cost nothing),
   * recursing into the smaller side so the stack stays shallow. */
  while (n > 16)
    {
      gint64 a = key_at (base, 0, size), b = key_at (base, n / 2, size), c = key_at (base, n - 1, size);
      gint64 pivot = MAX (MIN (a, b), MIN (MAX (a, b), c));
      gsize lt = 0, i = 0, gt = n;

      while (i < gt)
        {
          gint64 k = key_at (base, i, size);

          if (k < pivot)
            swap_at (base, lt++, i++, size);
          else if (k > pivot)
            swap_at (base, i, --gt, size);
          else
            i++;
        }
      if (lt < n - gt)
        {
          cg_sort_by_int64 (base, lt, size);
          base += gt * size;
          n -= gt;
        }
      else
        {
          cg_sort_by_int64 (base + gt * size, n - gt, size);
          n = lt;
        }
    }
  for (gsize i = 1; i < n; i++)
    for (gsize j = i; j > 0 && key_at (base, j - 1, size) > key_at (base, j, size); j--)
      swap_at (base, j - 1, j, size);
}

/* A call with a number, for the per-number walk: 16 bytes, as there may
 * be millions. */
typedef struct {
  gint64  hash;
  guint32 line;              /* positions in their slicings */
  guint32 list : 31;
  guint32 connected : 1;
} Dial;

G_STATIC_ASSERT (sizeof (Dial) == 16);

/* A sale to a number with no sale before the period. */
typedef struct {
  gint64  hash;
  guint32 pos[N_SLICINGS];
} NewSale;

static int
compare_line (gconstpointer a,
              gconstpointer b)
{
  guint32 x = ((const Dial *) a)->line, y = ((const Dial *) b)->line;

  return x < y ? -1 : x > y;
}

static int
compare_list (gconstpointer a,
              gconstpointer b)
{
  guint32 x = ((const Dial *) a)->list, y = ((const Dial *) b)->list;

  return x < y ? -1 : x > y;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_new_sale (gconstpointer a,
                  gconstpointer b,
                  gpointer      slicing)
{
  const NewSale *x = a, *y = b;
  guint s = GPOINTER_TO_UINT (slicing);

  if (x->pos[s] != y->pos[s])
    return x->pos[s] < y->pos[s] ? -1 : 1;
  return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Numbers with a sale before @from_ts (0: none), ascending. */
static GArray *
prior_customers (CgStore  *store,
                 gint64    from_ts,
                 GError  **error)
{
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (from_ts == 0)
    return g_steal_pointer (&hashes);
  /* The same question as the funnel's prior CTE; the partial index
   * calls_sales holds exactly these calls. */
  stmt = cg_store_prepare (store,
    "SELECT DISTINCT phone_hash FROM calls"
    " WHERE outcome = 1 AND disposition = 1 AND phone_hash IS NOT NULL AND start_ts < ?1"
    " ORDER BY phone_hash", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_ts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hash = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (hashes, hash);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "new customers");
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

static gboolean
is_prior (GArray *prior,
          gint64  hash)
{
  return prior->len > 0 && bsearch (&hash, prior->data, prior->len, sizeof (gint64), compare_gint64) != NULL;
}

static const char *
text_or_empty (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Adds the call in the current row of @stmt to its slice of each slicing. */
static void
count_call (Slicing      *slicings,
            sqlite3_stmt *stmt,
            GArray       *prior,
            GArray       *dials,
            GArray       *new_sales)
{
  int outcome = sqlite3_column_int (stmt, 3);
  int disposition = sqlite3_column_int (stmt, 4);
  gint64 talk_s = sqlite3_column_int64 (stmt, 5);
  gboolean connected = outcome == CG_OUTCOME_CONNECTED;
  gboolean sale = connected && disposition == CG_DISPOSITION_SALE;
  gboolean interested = connected && (disposition == CG_DISPOSITION_SALE ||
                                      disposition == CG_DISPOSITION_INTERESTED ||
                                      disposition == CG_DISPOSITION_CALLBACK);
  gboolean has_amount = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  double amount = has_amount ? sqlite3_column_double (stmt, 6) : 0;
  gboolean has_number = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  gint64 hash = has_number ? sqlite3_column_int64 (stmt, 7) : 0;
  gboolean has_mos = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  double mos = has_mos ? sqlite3_column_double (stmt, 8) : 0;
  gboolean has_loss = sqlite3_column_type (stmt, 9) != SQLITE_NULL;
  double loss = has_loss ? sqlite3_column_double (stmt, 9) : 0;
  gboolean has_jitter = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
  double jitter = has_jitter ? sqlite3_column_double (stmt, 10) : 0;
  gboolean recording_known = connected && sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  gboolean recording = recording_known && sqlite3_column_double (stmt, 11) == 1.0;
  const char *keys[N_SLICINGS] = { "total", text_or_empty (stmt, 0), text_or_empty (stmt, 1), text_or_empty (stmt, 2) };
  guint32 pos[N_SLICINGS];

  for (guint s = 0; s < N_SLICINGS; s++)
    {
      Acc *acc;

      pos[s] = slicing_position (&slicings[s], keys[s]);
      acc = g_ptr_array_index (slicings[s].accs, pos[s]);
      acc->calls++;
      acc->connected += connected;
      acc->talk_s += connected ? talk_s : 0;
      acc->short_calls += connected && talk_s < CG_SHORT_CALL_SECONDS;
      acc->interested += interested;
      acc->sales += sale;
      acc->sales_with_amount += sale && has_amount;
      /* In table order, as SQLite's total() adds them. */
      if (sale && has_amount)
        acc->revenue += amount;
      acc->with_mos += has_mos;
      acc->low_mos += has_mos && mos < CG_LOW_MOS;
      if (has_mos)
        acc->mos_sum += mos;
      acc->with_loss += has_loss;
      if (has_loss)
        acc->loss_sum += loss;
      acc->with_jitter += has_jitter;
      if (has_jitter)
        acc->jitter_sum += jitter;
      acc->recordings_known += recording_known;
      acc->recordings += recording;
      acc->calls_without_number += !has_number;
    }
  if (has_number)
    {
      Dial dial = { hash, pos[S_LINE], pos[S_LIST], connected };

      g_array_append_val (dials, dial);
      if (sale && !is_prior (prior, hash))
        {
          NewSale ns = { hash, { pos[0], pos[1], pos[2], pos[3] } };
          g_array_append_val (new_sales, ns);
        }
    }
}

/* Numbers dialled and reached in each slice of @slicing among @n calls of
 * one number, sorted by that slicing's position as they go. */
static void
count_numbers (Slicing *slicing,
               Dial    *calls,
               guint    n,
               gboolean by_line)
{
  if (n > 1)
    qsort (calls, n, sizeof *calls, by_line ? compare_line : compare_list);
  for (guint i = 0; i < n;)
    {
      guint32 pos = by_line ? calls[i].line : calls[i].list;
      Acc *acc = g_ptr_array_index (slicing->accs, pos);
      gboolean reached = FALSE;

      for (; i < n && (by_line ? calls[i].line : calls[i].list) == pos; i++)
        reached |= calls[i].connected;
      acc->numbers++;
      acc->numbers_reached += reached;
    }
}

static void
walk_numbers (Slicing *slicings,
              GArray  *dials)
{
  Dial *d = (Dial *) (gpointer) dials->data;
  Acc *total = g_ptr_array_index (slicings[S_TOTAL].accs, 0);

  if (dials->len == 0)
    return;
  cg_sort_by_int64 (d, dials->len, sizeof *d);
  for (guint i = 0; i < dials->len;)
    {
      guint j = i;
      gboolean reached = FALSE;

      for (; j < dials->len && d[j].hash == d[i].hash; j++)
        reached |= d[j].connected;
      total->numbers++;
      total->numbers_reached += reached;
      count_numbers (&slicings[S_LINE], d + i, j - i, TRUE);
      count_numbers (&slicings[S_LIST], d + i, j - i, FALSE);
      i = j;
    }
}

/* Distinct new customers per slice: a number counts once in each slice it
 * bought in. */
static void
count_new_customers (Slicing *slicings,
                     GArray  *new_sales)
{
  for (guint s = 0; s < N_SLICINGS; s++)
    {
      g_array_sort_with_data (new_sales, compare_new_sale, GUINT_TO_POINTER (s));
      for (guint i = 0; i < new_sales->len; i++)
        {
          const NewSale *ns = &g_array_index (new_sales, NewSale, i);
          const NewSale *before = i > 0 ? &g_array_index (new_sales, NewSale, i - 1) : NULL;

          if (before == NULL || before->pos[s] != ns->pos[s] || before->hash != ns->hash)
            ((Acc *) g_ptr_array_index (slicings[s].accs, ns->pos[s]))->new_customers++;
        }
    }
}

static double
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / whole : NAN;
}

static double
mean (double sum,
      gint64 n)
{
  return n > 0 ? sum / n : NAN;
}

static int
compare_accs (gconstpointer a,
              gconstpointer b,
              gpointer      by)
{
  return cg_dimension_key_compare (GPOINTER_TO_INT (by), (*(Acc **) a)->key, (*(Acc **) b)->key);
}

static void
make_rows (CgCallSlices *out,
           guint         s,
           GPtrArray    *accs)
{
  CgDimension by = slicing_dims[s];

  out->connect[by] = g_ptr_array_new_full (accs->len, (GDestroyNotify) cg_connect_row_free);
  out->funnel[by] = g_ptr_array_new_full (accs->len, (GDestroyNotify) cg_funnel_row_free);
  if (s != S_TOTAL)
    out->quality[by] = g_ptr_array_new_full (accs->len, (GDestroyNotify) cg_call_quality_row_free);
  if (s != S_AGENT)
    out->contact[by] = g_ptr_array_new_full (accs->len, (GDestroyNotify) cg_contact_free);
  for (guint i = 0; i < accs->len; i++)
    {
      const Acc *a = g_ptr_array_index (accs, i);
      CgConnectRow *c = g_new0 (CgConnectRow, 1);
      CgFunnelRow *f = g_new0 (CgFunnelRow, 1);

      c->key = g_strdup (a->key);
      c->calls = a->calls;
      c->connected = a->connected;
      c->talk_seconds = a->talk_s;
      c->short_calls = a->short_calls;
      g_ptr_array_add (out->connect[by], c);

      f->key = g_strdup (a->key);
      f->dialled = a->calls;
      f->connected = a->connected;
      f->interested = a->interested;
      f->sales = a->sales;
      f->new_customers = a->new_customers;
      f->sales_with_amount = a->sales_with_amount;
      f->revenue_cny = a->revenue;
      g_ptr_array_add (out->funnel[by], f);

      if (out->quality[by] != NULL)
        {
          CgCallQualityRow *q = g_new0 (CgCallQualityRow, 1);

          q->key = g_strdup (a->key);
          q->calls = a->calls;
          q->connected = a->connected;
          q->with_mos = a->with_mos;
          q->mos_mean = mean (a->mos_sum, a->with_mos);
          q->low_mos_share = share (a->low_mos, a->with_mos);
          q->with_packet_loss = a->with_loss;
          q->packet_loss_mean = mean (a->loss_sum, a->with_loss);
          q->with_jitter = a->with_jitter;
          q->jitter_mean = mean (a->jitter_sum, a->with_jitter);
          q->recordings_known = a->recordings_known;
          q->recordings = a->recordings;
          q->recording_coverage = share (a->recordings, a->recordings_known);
          q->short_calls = a->short_calls;
          q->short_call_share = share (a->short_calls, a->connected);
          g_ptr_array_add (out->quality[by], q);
        }
      if (out->contact[by] != NULL)
        {
          CgContact *k = g_new0 (CgContact, 1);

          k->key = g_strdup (a->key);
          k->calls = a->calls;
          k->calls_without_number = a->calls_without_number;
          k->numbers = a->numbers;
          k->numbers_reached = a->numbers_reached;
          g_ptr_array_add (out->contact[by], k);
        }
    }
}

/* Whether the day sums show that @filter holds no calls, so that the pass
 * need not read the table (a previous period before the first call). */
static gboolean
known_empty (CgStore        *store,
             const CgFilter *filter)
{
  const CgSumsSnapshot *snap;
  gint64 from_day, to_day;

  if (!cg_analytics_day_bounds (store, filter, &from_day, &to_day) ||
      (snap = cg_aggregates_snapshot (store, NULL)) == NULL)
    return FALSE;
  for (guint i = 0; i < snap->days->len; i++)
    {
      const CgDaySum *d = &g_array_index (snap->days, CgDaySum, i);

      if (d->calls > 0 && cg_day_sum_passes (filter, d->day, from_day, to_day, d->line, d->list))
        return FALSE;
    }
  return TRUE;
}

void
cg_call_slices_free (CgCallSlices *slices)
{
  if (slices == NULL)
    return;
  for (guint d = 0; d < CG_N_DIMS; d++)
    {
      g_clear_pointer (&slices->connect[d], g_ptr_array_unref);
      g_clear_pointer (&slices->funnel[d], g_ptr_array_unref);
      g_clear_pointer (&slices->quality[d], g_ptr_array_unref);
      g_clear_pointer (&slices->contact[d], g_ptr_array_unref);
    }
  g_free (slices);
}

CgCallSlices *
cg_call_slices_compute (CgStore         *store,
                        const CgFilter  *filter,
                        GError         **error)
{
  static const CgFilter everything = { 0 };
  g_autoptr(CgCallSlices) out = g_new0 (CgCallSlices, 1);
  g_autoptr(GArray) prior = NULL;
  g_autoptr(GArray) dials = g_array_new (FALSE, FALSE, sizeof (Dial));
  g_autoptr(GArray) new_sales = g_array_new (FALSE, FALSE, sizeof (NewSale));
  Slicing slicings[N_SLICINGS];
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE, skip;
  int rc;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  if (filter == NULL)
    filter = &everything;
  if ((prior = prior_customers (store, filter->from_ts, error)) == NULL)
    return NULL;
  skip = known_empty (store, filter);
  for (guint s = 0; s < N_SLICINGS; s++)
    {
      slicings[s].index = g_hash_table_new (g_str_hash, g_str_equal);
      slicings[s].accs = g_ptr_array_new_with_free_func ((GDestroyNotify) acc_free);
      slicings[s].last = 0;
    }
  /* The total is a row even without calls. */
  slicing_position (&slicings[S_TOTAL], "total");

  if (sqlite3_prepare_v2 (cg_store_get_db (store),
                          "SELECT line, list, agent_id, outcome, disposition, talk_s, sale_amount, phone_hash,"
                          "       mos, packet_loss_pct, jitter_ms, has_recording"
                          "  FROM calls WHERE" CG_FILTER_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "slices");
      goto out;
    }
  cg_filter_bind (stmt, filter);
  while (!skip && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count_call (slicings, stmt, prior, dials, new_sales);
  if (skip)
    rc = SQLITE_DONE;
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "slices");
      goto out;
    }
  walk_numbers (slicings, dials);
  g_clear_pointer (&dials, g_array_unref);
  count_new_customers (slicings, new_sales);
  for (guint s = 0; s < N_SLICINGS; s++)
    {
      g_ptr_array_sort_with_data (slicings[s].accs, compare_accs, GINT_TO_POINTER (slicing_dims[s]));
      make_rows (out, s, slicings[s].accs);
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  for (guint s = 0; s < N_SLICINGS; s++)
    {
      g_hash_table_unref (slicings[s].index);
      g_ptr_array_unref (slicings[s].accs);
    }
  return ok ? g_steal_pointer (&out) : NULL;
}
