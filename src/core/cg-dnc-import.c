/* cg-dnc-import.c — do-not-call lists from a file: one number per row (a
 * header such as 号码 or phone, optionally a date), hashed and masked like
 * call numbers, as one batch with undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-compliance.h"
#include "cg-format.h"
#include "cg-import-common.h"
#include "cg-parse.h"
#include "cg-phone.h"
#include "cg-reader.h"
#include "cg-store-private.h"

static const char *const phone_headers[] = { "号码", "手机号", "手机号码", "电话", "电话号码", "phone", NULL };
static const char *const date_headers[] = { "加入日期", "日期", "date", NULL };

static int
find_column (const CgCell      *cells,
             guint              n_cells,
             const char *const *names)
{
  for (guint c = 0; c < n_cells; c++)
    {
      g_autofree char *text = g_strstrip (g_strdup (cells[c].text));
      for (guint i = 0; names[i] != NULL; i++)
        if (g_ascii_strcasecmp (text, names[i]) == 0)
          return (int) c;
    }
  return -1;
}

static gboolean
cell_time (const CgCell *cell,
           GTimeZone    *tz,
           gint64       *ts)
{
  /* Serials of 1954–2447: a bare number there is a spreadsheet date. */
  if (cell->type == CG_CELL_DATE || (cell->type == CG_CELL_NUMBER && cell->number > 20000 && cell->number < 200000))
    return cg_parse_excel_serial (cell->number, tz, ts);
  return cg_parse_datetime (cell->text, tz, ts);
}

gboolean
cg_compliance_import_dnc (CgStore                *store,
                          const char             *path,
                          const CgReaderOptions  *options,
                          CgDncImportResult      *result,
                          GError                **error)
{
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(CgPhoneHasher) hasher = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  CgDncImportResult res = { 0 };
  const CgCell *cells;
  guint n_cells;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int phone_col, date_col;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CG_IS_STORE (store) && path != NULL && result != NULL, FALSE);
  if ((hasher = cg_import_phone_hasher_new (store, NULL, error)) == NULL)
    return FALSE;
  if ((reader = cg_reader_open (path, options, error)) == NULL)
    return FALSE;
  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("%s is empty."), base);
      return FALSE;
    }
  phone_col = find_column (cells, n_cells, phone_headers);
  date_col = find_column (cells, n_cells, date_headers);
  if (phone_col < 0)
    {
      g_set_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_FILE,
                   _("%s has no column of phone numbers: head it 号码, 手机号, 电话 or phone."), base);
      return FALSE;
    }

  if (!cg_store_begin (store, error))
    return FALSE;
  stmt = cg_store_prepare (store,
                           "INSERT INTO batches (kind, file_name, created_at, encoding) VALUES ('dnc', ?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, base, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, cg_reader_get_encoding (reader), -1, SQLITE_STATIC);
  if (!cg_import_step_done (store, stmt, "create batch", error))
    goto fail;
  res.batch_id = sqlite3_last_insert_rowid (cg_store_get_db (store));

  while (cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      char digits[CG_PHONE_MAX_DIGITS + 1];
      CgPhoneKind kind;
      gint64 added = now;

      res.rows_read++;
      kind = cg_phone_normalize ((guint) phone_col < n_cells ? cells[phone_col].text : "", digits);
      /* A number a spreadsheet rounded has lost digits: no call can match it. */
      if (digits[0] == '\0' || kind == CG_PHONE_DAMAGED)
        {
          res.rows_skipped++;
          continue;
        }
      if (date_col >= 0 && (guint) date_col < n_cells && cells[date_col].type != CG_CELL_EMPTY &&
          cells[date_col].text[0] != '\0' && !cell_time (&cells[date_col], tz, &added))
        {
          g_autofree char *row = cg_format_count ((gint64) cg_reader_get_row_number (reader));
          g_set_error (error, CG_COMPLIANCE_ERROR, CG_COMPLIANCE_ERROR_FILE,
                       _("Row %s of %s has a date we cannot read: “%s”. Write it as YYYY-MM-DD; nothing was imported."),
                       row, base, cells[date_col].text);
          goto fail;
        }
      /* A number listed twice keeps the date of its first row. */
      stmt = cg_store_prepare (store,
                               "INSERT INTO dnc (batch_id, phone_hash, phone_masked, added_ts, source)"
                               " VALUES (?1, ?2, ?3, ?4, 'import') ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, res.batch_id);
      cg_import_bind_phone (stmt, 2, hasher, digits, FALSE);
      sqlite3_bind_int64 (stmt, 4, added);
      if (!cg_import_step_done (store, stmt, "add do-not-call entry", error))
        goto fail;
      if (sqlite3_changes (cg_store_get_db (store)) == 0)
        res.duplicates++;
      else
        res.rows_imported++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  stmt = cg_store_prepare (store,
                           "UPDATE batches SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4,"
                           " duplicates = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, res.batch_id);
  sqlite3_bind_int64 (stmt, 2, res.rows_read);
  sqlite3_bind_int64 (stmt, 3, res.rows_imported);
  sqlite3_bind_int64 (stmt, 4, res.rows_skipped);
  sqlite3_bind_int64 (stmt, 5, res.duplicates);
  if (!cg_import_step_done (store, stmt, "finish batch", error) || !cg_store_commit (store, error))
    goto fail;
  *result = res;
  return TRUE;

fail:
  cg_store_rollback (store);
  return FALSE;
}
