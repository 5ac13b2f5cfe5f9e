/* cg-call-writer.c — writes calls into a new batch inside one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <xxhash.h>
#include <glib/gi18n-lib.h>

#include "cg-aggregates.h"
#include "cg-call-writer.h"
#include "cg-import-common.h"
#include "cg-local-time.h"
#include "cg-phone.h"
#include "cg-store-private.h"

struct _CgCallWriter
{
  CgStore       *store;
  CgPhoneHasher *hasher;
  sqlite3_stmt  *insert;
  CgAggregator  *aggregator;    /* sums of the calls added, for agg_day/agg_hour */
  gboolean       keep_full_numbers;
  gboolean       committed;
  gint64         batch_id;
  gint64         first_row_id;
  gint64         last_row_id;
  gint64         added;
  gint64         duplicates;
};

static const char insert_sql[] =
  "INSERT INTO calls (batch_id, natural_key, call_uid, start_ts, answer_ts, end_ts,"
  "  ring_s, talk_s, duration_s, outcome, outcome_raw, agent_id, agent_name, line,"
  "  phone_hash, phone_masked, phone_full, phone_kind, list, campaign, segment,"
  "  disposition, sale_amount, mos, packet_loss_pct, jitter_ms, has_recording) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
  "  ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27) "
  "ON CONFLICT (natural_key) DO NOTHING";

CgCallWriter *
cg_call_writer_new (CgStore     *store,
                    const char  *kind,
                    const char  *file_name,
                    const char  *preset,
                    const char  *encoding,
                    GError     **error)
{
  g_autoptr(CgCallWriter) writer = g_new0 (CgCallWriter, 1);
  g_autoptr(GTimeZone) tz = NULL;
  sqlite3_stmt *stmt;

  writer->store = g_object_ref (store);

  writer->hasher = cg_import_phone_hasher_new (store, &writer->keep_full_numbers, error);
  if (writer->hasher == NULL)
    return NULL;

  if (!cg_store_begin (store, error))
    return NULL;

  stmt = cg_store_prepare (store,
                           "INSERT INTO batches (kind, file_name, created_at, preset, encoding) "
                           "VALUES (?1, ?2, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 5, preset, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, encoding, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "create batch");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  writer->batch_id = sqlite3_last_insert_rowid (cg_store_get_db (store));
  tz = cg_store_get_time_zone (store);
  writer->aggregator = cg_aggregator_new (tz);
  writer->insert = cg_store_prepare (store, insert_sql, error);
  if (writer->insert == NULL)
    return NULL;
  return g_steal_pointer (&writer);
}

/* The row-level identity of a call: its start time (seconds since 2000,
 * 30 bits) followed by 33 bits of a hash of the dialer's unique id when it
 * has one, otherwise of what two exports of the same call always share.
 * The time prefix makes a time-ordered log append to the unique index
 * instead of inserting at random places; two different calls collide only
 * if they start in the same second and share 33 hash bits. */
#define NATURAL_KEY_EPOCH 946684800  /* 2000-01-01T00:00:00Z */
#define NATURAL_KEY_HASH_BITS 33

static gint64
natural_key (const CgCall *call,
             const char   *digits)
{
  guint64 seconds = (guint64) MAX (call->start_ts - NATURAL_KEY_EPOCH, 0) & ((G_GUINT64_CONSTANT (1) << 30) - 1);
  guint64 hash;

  if (call->call_uid != NULL && call->call_uid[0] != '\0')
    hash = XXH3_64bits (call->call_uid, strlen (call->call_uid));
  else
    {
      /* start, duration, callee, agent, line: NUL-separated, truncated at
       * a length no real identity reaches. */
      char buf[256];
      const char *strings[3] = { digits, call->agent_id, call->line };
      gsize len = g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT ":%d", call->start_ts, call->duration_s) + 1;

      for (guint i = 0; i < G_N_ELEMENTS (strings) && len < sizeof buf; i++)
        len += g_strlcpy (buf + len, strings[i] ? strings[i] : "", sizeof buf - len) + 1;
      hash = XXH3_64bits (buf, MIN (len, sizeof buf));
    }
  hash &= (G_GUINT64_CONSTANT (1) << NATURAL_KEY_HASH_BITS) - 1;
  return (gint64) ((seconds << NATURAL_KEY_HASH_BITS) | hash);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_positive_or_null (sqlite3_stmt *stmt,
                       int           index,
                       gint64        value,
                       gint64        absent)
{
  if (value == absent)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_real_or_null (sqlite3_stmt *stmt,
                   int           index,
                   double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static gboolean
add_dnc_request (CgCallWriter *writer,
                 gint64        phone_hash,
                 const char   *masked,
                 gint64        ts,
                 GError      **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (writer->store,
                                         "INSERT INTO dnc (batch_id, phone_hash, phone_masked, added_ts, source) "
                                         "VALUES (?1, ?2, ?3, ?4, 'call') ON CONFLICT DO NOTHING",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->batch_id);
  sqlite3_bind_int64 (stmt, 2, phone_hash);
  sqlite3_bind_text (stmt, 3, masked, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, ts);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (writer->store, error, "add do-not-call entry");
      return FALSE;
    }
  return TRUE;
}

void
cg_call_writer_digest (CgCallWriter *writer,
                       const CgCall *call,
                       CgCallDigest *digest)
{
  digest->phone_kind = cg_phone_normalize (call->phone, digest->digits);
  digest->phone_hash = 0;
  digest->masked[0] = '\0';
  if (digest->digits[0] != '\0')
    {
      digest->phone_hash = cg_phone_hasher_hash (writer->hasher, digest->digits);
      cg_phone_mask (digest->digits, digest->masked);
    }
  digest->natural_key = natural_key (call, digest->digits);
  cg_local_day (cg_aggregator_get_time_zone (writer->aggregator), call->start_ts,
                &digest->local_day, &digest->local_hour);
}

gboolean
cg_call_writer_add (CgCallWriter     *writer,
                    const CgCall     *call,
                    CgCallAddResult  *result,
                    GError          **error)
{
  CgCallDigest digest;

  cg_call_writer_digest (writer, call, &digest);
  return cg_call_writer_add_digested (writer, call, &digest, result, error);
}

/* Every parameter is bound on every row, so the statement needs no
 * clear_bindings between rows. */
gboolean
cg_call_writer_add_digested (CgCallWriter       *writer,
                             const CgCall       *call,
                             const CgCallDigest *digest,
                             CgCallAddResult    *result,
                             GError            **error)
{
  sqlite3_stmt *stmt = writer->insert;
  gboolean has_phone = digest->digits[0] != '\0';
  int rc;

  g_return_val_if_fail (writer != NULL && !writer->committed, FALSE);

  sqlite3_bind_int64 (stmt, 1, writer->batch_id);
  sqlite3_bind_int64 (stmt, 2, digest->natural_key);
  bind_text_or_null (stmt, 3, call->call_uid);
  sqlite3_bind_int64 (stmt, 4, call->start_ts);
  bind_positive_or_null (stmt, 5, call->answer_ts, 0);
  bind_positive_or_null (stmt, 6, call->end_ts, 0);
  bind_positive_or_null (stmt, 7, call->ring_s, -1);
  sqlite3_bind_int (stmt, 8, MAX (call->talk_s, 0));
  bind_positive_or_null (stmt, 9, call->duration_s, -1);
  sqlite3_bind_int (stmt, 10, call->outcome);
  bind_text_or_null (stmt, 11, call->outcome_raw);
  bind_text_or_null (stmt, 12, call->agent_id);
  bind_text_or_null (stmt, 13, call->agent_name);
  bind_text_or_null (stmt, 14, call->line);
  if (has_phone)
    sqlite3_bind_int64 (stmt, 15, digest->phone_hash);
  else
    sqlite3_bind_null (stmt, 15);
  bind_text_or_null (stmt, 16, has_phone ? digest->masked : NULL);
  bind_text_or_null (stmt, 17, has_phone && writer->keep_full_numbers ? digest->digits : NULL);
  sqlite3_bind_int (stmt, 18, digest->phone_kind);
  bind_text_or_null (stmt, 19, call->list);
  bind_text_or_null (stmt, 20, call->campaign);
  bind_text_or_null (stmt, 21, call->segment);
  sqlite3_bind_int (stmt, 22, call->disposition);
  if (!isnan (call->sale_amount))
    sqlite3_bind_double (stmt, 23, call->sale_amount);
  else
    sqlite3_bind_null (stmt, 23);
  bind_real_or_null (stmt, 24, call->mos);
  bind_real_or_null (stmt, 25, call->packet_loss_pct);
  bind_real_or_null (stmt, 26, call->jitter_ms);
  bind_positive_or_null (stmt, 27, call->has_recording, -1);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (writer->store, error, "insert call");
      return FALSE;
    }

  if (sqlite3_changes (cg_store_get_db (writer->store)) == 0)
    {
      writer->duplicates++;
      *result = CG_CALL_DUPLICATE;
      return TRUE;
    }

  writer->last_row_id = sqlite3_last_insert_rowid (cg_store_get_db (writer->store));
  if (writer->added == 0)
    writer->first_row_id = writer->last_row_id;
  writer->added++;
  *result = CG_CALL_ADDED;
  cg_aggregator_add_at (writer->aggregator, call, digest->local_day, digest->local_hour);

  if (call->disposition == CG_DISPOSITION_DNC_REQUEST && has_phone)
    return add_dnc_request (writer, digest->phone_hash, digest->masked, call->start_ts, error);
  return TRUE;
}

gint64
cg_call_writer_commit (CgCallWriter  *writer,
                       const char    *sha256,
                       const char    *encoding,
                       gint64         rows_read,
                       gint64         rows_skipped,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (writer != NULL && !writer->committed, 0);

  if (!cg_aggregator_flush (writer->aggregator, writer->store, +1, error))
    return 0;
  stmt = cg_store_prepare (writer->store,
                           "UPDATE batches SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4,"
                           "  duplicates = ?5, first_row_id = ?6, last_row_id = ?7, sha256 = ?8,"
                           "  encoding = coalesce (?9, encoding) WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, writer->batch_id);
  sqlite3_bind_int64 (stmt, 2, rows_read);
  sqlite3_bind_int64 (stmt, 3, writer->added);
  sqlite3_bind_int64 (stmt, 4, rows_skipped);
  sqlite3_bind_int64 (stmt, 5, writer->duplicates);
  if (sha256 != NULL)
    sqlite3_bind_text (stmt, 8, sha256, -1, SQLITE_STATIC);
  if (encoding != NULL)
    sqlite3_bind_text (stmt, 9, encoding, -1, SQLITE_STATIC);
  if (writer->added > 0)
    {
      sqlite3_bind_int64 (stmt, 6, writer->first_row_id);
      sqlite3_bind_int64 (stmt, 7, writer->last_row_id);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (writer->store, error, "finish batch");
      return 0;
    }
  if (!cg_store_commit (writer->store, error))
    return 0;
  writer->committed = TRUE;
  return writer->batch_id;
}

gint64
cg_call_writer_get_added (CgCallWriter *writer)
{
  return writer->added;
}

gint64
cg_call_writer_get_duplicates (CgCallWriter *writer)
{
  return writer->duplicates;
}

void
cg_call_writer_free (CgCallWriter *writer)
{
  if (writer == NULL)
    return;
  if (!writer->committed && writer->store != NULL)
    cg_store_rollback (writer->store);
  g_clear_pointer (&writer->hasher, cg_phone_hasher_free);
  g_clear_pointer (&writer->aggregator, cg_aggregator_free);
  g_clear_object (&writer->store);
  g_free (writer);
}
