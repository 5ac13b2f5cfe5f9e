/* cg-complaints.c — customer complaints: import, and rates per connected call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <glib/gi18n-lib.h>

#include "cg-batch.h"
#include "cg-complaints.h"
#include "cg-format.h"
#include "cg-import-common.h"
#include "cg-parse.h"
#include "cg-phone.h"
#include "cg-satisfaction-private.h"
#include "cg-store-private.h"

G_DEFINE_QUARK (cg-complaints-error-quark, cg_complaints_error)

enum { COL_DATE, COL_PHONE, COL_AGENT, COL_CATEGORY, COL_TEXT, COL_LIST, N_COLS };

static const char *const headers[N_COLS][10] = {
  [COL_DATE] = { "投诉时间", "投诉日期", "日期", "时间", "date", "time", NULL },
  [COL_PHONE] = { "号码", "手机号", "手机号码", "电话", "电话号码", "客户电话", "phone", NULL },
  [COL_AGENT] = { "坐席", "坐席工号", "工号", "被投诉坐席", "agent", "agent id", NULL },
  [COL_CATEGORY] = { "类别", "类型", "投诉类型", "投诉类别", "分类", "category", "type", NULL },
  [COL_TEXT] = { "内容", "投诉内容", "描述", "详情", "text", "description", "content", NULL },
  [COL_LIST] = { "名单", "list", NULL },
};

typedef struct {
  gint64      ts;
  char        digits[CG_PHONE_MAX_DIGITS + 1];
  char       *agent;
  char       *category;
  char       *text;
  char       *list;
  CgCallLink  link;
} Complaint;

static void
complaint_free (Complaint *c)
{
  g_free (c->agent);
  g_free (c->category);
  g_free (c->text);
  g_free (c->list);
  cg_call_link_clear (&c->link);
  g_free (c);
}

void
cg_complaints_import_result_free (CgComplaintsImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_free (result->sha256);
  g_free (result);
}

void
cg_complaint_rate_free (CgComplaintRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->key);
  g_free (rate);
}

static char *
cell_string (const CgCell *cells,
             guint         n_cells,
             int           column)
{
  if (column < 0 || (guint) column >= n_cells)
    return NULL;
  return g_strstrip (g_strdup (cells[column].text));
}

static gboolean
cell_time (const CgCell *cell,
           GTimeZone    *tz,
           gint64       *ts)
{
  if (cell->type == CG_CELL_DATE || (cell->type == CG_CELL_NUMBER && cell->number > 20000 && cell->number < 200000))
    return cg_parse_excel_serial (cell->number, tz, ts);
  return cg_parse_datetime (cell->text, tz, ts);
}

static gint64
complaint_key (const Complaint *c)
{
  XXH3_state_t *state = XXH3_createState ();
  const char *parts[] = { c->digits, c->agent, c->category, c->text };
  guint64 hash;

  XXH3_64bits_reset (state);
  XXH3_64bits_update (state, &c->ts, sizeof c->ts);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    XXH3_64bits_update (state, parts[i] ? parts[i] : "", strlen (parts[i] ? parts[i] : "") + 1);
  hash = XXH3_64bits_digest (state);
  XXH3_freeState (state);
  return (gint64) (hash >> 1);
}

/* Reads the file into memory (complaints are few), all or nothing. */
static GPtrArray *
read_complaints (const char             *path,
                 const CgReaderOptions  *options,
                 GTimeZone              *tz,
                 CgComplaintsImportResult *result,
                 GError                **error)
{
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) complaint_free);
  g_autoptr(GError) local_error = NULL;
  CgReaderOptions defaults = { 0 };
  const CgCell *cells;
  guint n_cells;
  int cols[N_COLS];

  if ((reader = cg_reader_open (path, options ? options : &defaults, error)) == NULL)
    return NULL;
  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("%s is empty."), result->file);
      return NULL;
    }
  for (guint k = 0; k < N_COLS; k++)
    {
      cols[k] = -1;
      for (guint i = 0; i < n_cells && cols[k] < 0; i++)
        {
          g_autofree char *folded = g_utf8_strdown (cells[i].text, -1);
          g_strstrip (folded);
          for (guint h = 0; headers[k][h] != NULL; h++)
            if (strcmp (folded, headers[k][h]) == 0)
              cols[k] = i;
        }
    }
  if (cols[COL_DATE] < 0)
    {
      g_set_error (error, CG_COMPLAINTS_ERROR, CG_COMPLAINTS_ERROR_FILE,
                   _("%s has no date column: head it 投诉时间, 日期 or date."), result->file);
      return NULL;
    }
  while (cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      g_autofree char *date = cell_string (cells, n_cells, cols[COL_DATE]);
      g_autofree char *phone = cell_string (cells, n_cells, cols[COL_PHONE]);
      Complaint *c;

      if (n_cells == 0)
        continue;
      result->rows_read++;
      if (date == NULL || date[0] == '\0')
        {
          result->rows_skipped++;
          continue;
        }
      c = g_new0 (Complaint, 1);
      g_ptr_array_add (rows, c);
      if (!cell_time (&cells[cols[COL_DATE]], tz, &c->ts))
        {
          g_autofree char *row = cg_format_count ((gint64) cg_reader_get_row_number (reader));
          g_set_error (error, CG_COMPLAINTS_ERROR, CG_COMPLAINTS_ERROR_FILE,
                       _("Row %s of %s has a date we cannot read: “%s”. Write it as YYYY-MM-DD; nothing was imported."),
                       row, result->file, date);
          return NULL;
        }
      if (phone != NULL && cg_phone_normalize (phone, c->digits) == CG_PHONE_DAMAGED)
        c->digits[0] = '\0';
      c->agent = cell_string (cells, n_cells, cols[COL_AGENT]);
      c->category = cell_string (cells, n_cells, cols[COL_CATEGORY]);
      c->text = cell_string (cells, n_cells, cols[COL_TEXT]);
      c->list = cell_string (cells, n_cells, cols[COL_LIST]);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
insert_complaint (CgStore        *store,
                  gint64          batch_id,
                  CgPhoneHasher  *hasher,
                  gboolean        keep_full,
                  Complaint      *c,
                  CgComplaintsImportResult *result,
                  GError        **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store,
                                         "INSERT INTO complaints (batch_id, natural_key, ts, phone_hash, phone_masked,"
                                         "  phone_full, agent_id, list, category, text)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                                         " ON CONFLICT (natural_key) DO NOTHING", error);
  const char *agent = c->agent && c->agent[0] ? c->agent : c->link.linked ? c->link.call_agent : NULL;
  const char *list = c->list && c->list[0] ? c->list : c->link.linked ? c->link.list : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, complaint_key (c));
  sqlite3_bind_int64 (stmt, 3, c->ts);
  cg_import_bind_phone (stmt, 4, hasher, c->digits, keep_full);
  cg_import_bind_text_or_null (stmt, 7, agent);
  cg_import_bind_text_or_null (stmt, 8, list);
  cg_import_bind_text_or_null (stmt, 9, c->category);
  cg_import_bind_text_or_null (stmt, 10, c->text);
  if (!cg_import_step_done (store, stmt, "add complaint", error))
    return FALSE;
  if (sqlite3_changes (cg_store_get_db (store)) == 0)
    result->duplicates++;
  else
    {
      result->rows_imported++;
      result->matched += c->link.linked && (agent == c->link.call_agent || list == c->link.list);
    }
  return TRUE;
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

CgComplaintsImportResult *
cg_complaints_import (CgStore                *store,
                      const char             *path,
                      const CgReaderOptions  *options,
                      GError                **error)
{
  g_autoptr(CgComplaintsImportResult) result = g_new0 (CgComplaintsImportResult, 1);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(CgPhoneHasher) hasher = NULL;
  gboolean keep_full;
  sqlite3_stmt *stmt;
  gint64 batch_id;

  g_return_val_if_fail (CG_IS_STORE (store) && path != NULL, NULL);
  result->file = g_path_get_basename (path);
  if ((hasher = cg_import_phone_hasher_new (store, &keep_full, error)) == NULL)
    return NULL;
  if ((result->sha256 = file_sha256 (path, error)) == NULL ||
      (rows = read_complaints (path, options, tz, result, error)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      Complaint *c = g_ptr_array_index (rows, i);
      if (c->digits[0] == '\0')
        continue;
      c->link.phone_hash = cg_phone_hasher_hash (hasher, c->digits);
      c->link.ts = c->ts;
      c->link.agent = c->agent && c->agent[0] ? c->agent : NULL;
      g_ptr_array_add (links, &c->link);
    }
  if (!cg_store_begin (store, error))
    return NULL;
  if (!cg_call_links_find (store, (CgCallLink **) links->pdata, links->len, error))
    goto fail;
  result->previous_batch_id = cg_store_find_batch_by_sha256 (store, "complaints", result->sha256);
  stmt = cg_store_prepare (store,
                           "INSERT INTO batches (kind, file_name, created_at, sha256) VALUES ('complaints', ?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, result->file, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, result->sha256, -1, SQLITE_STATIC);
  if (!cg_import_step_done (store, stmt, "create batch", error))
    goto fail;
  batch_id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  for (guint i = 0; i < rows->len; i++)
    if (!insert_complaint (store, batch_id, hasher, keep_full, g_ptr_array_index (rows, i), result, error))
      goto fail;
  if (result->rows_imported == 0)
    {
      cg_store_rollback (store);
      return g_steal_pointer (&result);
    }
  stmt = cg_store_prepare (store,
                           "UPDATE batches SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4,"
                           " duplicates = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  sqlite3_bind_int64 (stmt, 2, result->rows_read);
  sqlite3_bind_int64 (stmt, 3, result->rows_imported);
  sqlite3_bind_int64 (stmt, 4, result->rows_skipped);
  sqlite3_bind_int64 (stmt, 5, result->duplicates);
  if (!cg_import_step_done (store, stmt, "finish batch", error) || !cg_store_commit (store, error))
    goto fail;
  result->batch_id = batch_id;
  return g_steal_pointer (&result);

fail:
  cg_store_rollback (store);
  return NULL;
}

static gint
compare_rates (gconstpointer a,
               gconstpointer b)
{
  const CgComplaintRate *x = *(CgComplaintRate *const *) a, *y = *(CgComplaintRate *const *) b;
  return g_strcmp0 (x->key, y->key);
}

GPtrArray *
cg_complaints_rates (CgStore        *store,
                     CgDimension     by,
                     const CgFilter *filter,
                     GError        **error)
{
  g_autoptr(GPtrArray) connect = NULL;
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_complaint_rate_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  CgFilter none = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (by == CG_DIM_AGENT || by == CG_DIM_LIST, NULL);
  if (filter == NULL)
    filter = &none;
  if ((connect = cg_analytics_connect (store, by, filter, error)) == NULL)
    return NULL;
  for (guint i = 0; i < connect->len; i++)
    {
      const CgConnectRow *row = g_ptr_array_index (connect, i);
      CgComplaintRate *rate;

      if (row->key == NULL || row->key[0] == '\0')
        continue;
      rate = g_new0 (CgComplaintRate, 1);
      rate->key = g_strdup (row->key);
      rate->connected = row->connected;
      g_ptr_array_add (rates, rate);
      g_hash_table_insert (by_key, rate->key, rate);
    }
  stmt = by == CG_DIM_AGENT
    ? cg_store_prepare (store,
                        "SELECT agent_id, count(*) FROM complaints WHERE agent_id IS NOT NULL"
                        " AND (?1 = 0 OR ts >= ?1) AND (?2 = 0 OR ts < ?2)"
                        " AND (?3 IS NULL OR list = ?3) GROUP BY agent_id", error)
    : cg_store_prepare (store,
                        "SELECT list, count(*) FROM complaints WHERE list IS NOT NULL"
                        " AND (?1 = 0 OR ts >= ?1) AND (?2 = 0 OR ts < ?2)"
                        " AND (?3 IS NULL OR agent_id = ?3) GROUP BY list", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  if (by == CG_DIM_AGENT && filter->list != NULL)
    sqlite3_bind_text (stmt, 3, filter->list, -1, SQLITE_STATIC);
  if (by == CG_DIM_LIST && filter->agent != NULL)
    sqlite3_bind_text (stmt, 3, filter->agent, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      CgComplaintRate *rate = g_hash_table_lookup (by_key, key);

      if ((by == CG_DIM_AGENT && filter->agent != NULL && g_strcmp0 (key, filter->agent) != 0) ||
          (by == CG_DIM_LIST && filter->list != NULL && g_strcmp0 (key, filter->list) != 0))
        continue;
      if (rate == NULL)
        {
          rate = g_new0 (CgComplaintRate, 1);
          rate->key = g_strdup (key);
          g_ptr_array_add (rates, rate);
          g_hash_table_insert (by_key, rate->key, rate);
        }
      rate->complaints = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "count complaints");
      return NULL;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      CgComplaintRate *rate = g_ptr_array_index (rates, i);
      rate->has_rate = rate->connected > 0;
      rate->per_1000 = rate->has_rate ? 1000.0 * rate->complaints / rate->connected : 0;
    }
  g_ptr_array_sort (rates, compare_rates);
  return g_steal_pointer (&rates);
}
