/* cg-import-run.c — streams a planned call-log import into the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-batch.h"
#include "cg-call-writer.h"
#include "cg-import-calls.h"
#include "cg-import-common.h"
#include "cg-import-private.h"
#include "cg-format.h"

void
cg_import_result_free (CgImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->file);
  g_free (result->format);
  g_free (result->preset);
  g_free (result->encoding);
  g_free (result->sha256);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_clear_pointer (&result->unknown_outcomes, g_hash_table_unref);
  g_free (result);
}

static void
issue_free (CgImportIssue *issue)
{
  g_free (issue->column);
  g_free (issue->message);
  g_free (issue);
}

/* ---- the run ------------------------------------------------------------ */

/* The file's SHA-256, computed in a thread of its own while the rows are
 * imported (the second core is otherwise idle at this point). */
static gpointer
sha256_thread (gpointer data)
{
  const char *path = data;
  return cg_import_file_sha256 (path, NULL);
}

static void
add_issue (CgImportResult *result,
           guint64         row,
           const char     *column,
           const char     *message)
{
  CgImportIssue *issue;

  result->n_errors++;
  if (result->errors->len >= CG_IMPORT_MAX_ERRORS)
    return;
  issue = g_new0 (CgImportIssue, 1);
  issue->row = row;
  issue->column = g_strdup (column);
  issue->message = g_strdup (message);
  g_ptr_array_add (result->errors, issue);
}

static CgImportResult *
result_new (CgImportPlan *plan)
{
  CgImportResult *result = g_new0 (CgImportResult, 1);

  result->file = g_path_get_basename (plan->path);
  result->format = g_strdup (cg_file_format_to_string (plan->format));
  result->preset = g_strdup (plan->preset_name ? plan->preset_name : cg_preset_to_string (plan->preset));
  result->encoding = g_strdup (plan->encoding);
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  result->unknown_outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return result;
}

/* ---- the pipeline --------------------------------------------------------
 *
 * Two threads share the work: a producer reads and maps rows (CSV or XML
 * parsing, dates, outcomes) into blocks, the calling thread inserts them.
 * Blocks circulate between a free and a full queue, so memory stays at
 * N_BLOCKS × BLOCK_ROWS rows whatever the file's size. */

#define BLOCK_ROWS 2048
#define N_BLOCKS   4

/* String fields of CgCall, copied into a block's arena. */
#define N_STRINGS 9

typedef struct {
  CgCall   calls[BLOCK_ROWS];
  CgCallDigest digests[BLOCK_ROWS];
  gsize    offsets[BLOCK_ROWS][N_STRINGS];  /* arena offset + 1; 0 means NULL */
  GString *arena;
  guint    n;
  gboolean last;
} Block;

typedef struct {
  CgImportPlan   *plan;
  CgReader       *reader;
  CgCallWriter   *writer;     /* the producer only digests (thread-safe) */
  CgImportResult *result;
  GAsyncQueue    *free_blocks;
  GAsyncQueue    *full_blocks;
  GError         *error;       /* set by the producer, read after join */
  gint            stop;        /* atomic: the consumer gave up */
  double          progress;    /* written by the producer, read racily for display */
} Pipeline;

static const char **
string_field (CgCall *call,
              guint   i)
{
  const char **fields[N_STRINGS] = {
    &call->call_uid, &call->outcome_raw, &call->agent_id, &call->agent_name, &call->line,
    &call->phone, &call->list, &call->campaign, &call->segment,
  };
  return fields[i];
}

static void
block_add (Block        *block,
           const CgCall *call)
{
  guint n = block->n++;

  block->calls[n] = *call;
  for (guint i = 0; i < N_STRINGS; i++)
    {
      const char *s = *string_field (&block->calls[n], i);

      block->offsets[n][i] = 0;
      if (s != NULL)
        {
          block->offsets[n][i] = block->arena->len + 1;
          g_string_append_len (block->arena, s, strlen (s) + 1);
        }
    }
}

/* Once a block is complete its arena no longer moves: point into it. */
static void
block_resolve (Block *block)
{
  for (guint n = 0; n < block->n; n++)
    for (guint i = 0; i < N_STRINGS; i++)
      *string_field (&block->calls[n], i) =
        block->offsets[n][i] ? block->arena->str + block->offsets[n][i] - 1 : NULL;
}

static void
block_free (Block *block)
{
  g_string_free (block->arena, TRUE);
  g_free (block);
}

/* Maps one row into @block; FALSE stops the import (abort mode). */
static gboolean
produce_row (Pipeline     *p,
             Block        *block,
             const CgCell *cells,
             guint         n_cells)
{
  CgImportPlan *plan = p->plan;
  CgImportResult *result = p->result;
  RowProblem problem = { 0 };
  gboolean unknown;
  CgCall call;

  result->rows_read++;
  if (!cg_import_map_row (plan, cells, n_cells, &call, &problem, &unknown))
    {
      const char *column = plan->columns[problem.field] >= 0
        ? cg_import_plan_get_column_name (plan, plan->columns[problem.field]) : NULL;
      guint64 row = cg_reader_get_row_number (p->reader);

      if (plan->options.abort_on_error)
        {
          g_autofree char *row_text = cg_format_count (row);
          g_set_error (&p->error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_BAD_ROW,
                       _("Row %s, %s: %s (“%s”). Nothing was imported."),
                       row_text, column ? column : cg_call_field_get_label (problem.field), problem.message,
                       cg_import_cell_at (cells, n_cells, plan->columns[problem.field])->text);
          return FALSE;
        }
      add_issue (result, row, column, problem.message);
      result->rows_skipped++;
      return TRUE;
    }
  if (unknown)
    cg_import_count_word (result->unknown_outcomes, call.outcome_raw);
  cg_call_writer_digest (p->writer, &call, &block->digests[block->n]);
  block_add (block, &call);
  return TRUE;
}

static gpointer
producer_thread (gpointer data)
{
  Pipeline *p = data;
  Block *block = g_async_queue_pop (p->free_blocks);
  const CgCell *cells;
  guint n_cells;

  block->n = 0;
  g_string_truncate (block->arena, 0);
  while (!g_atomic_int_get (&p->stop) && cg_reader_next (p->reader, &cells, &n_cells, &p->error))
    {
      /* Blank lines and rows of empty cells are not data. */
      if (n_cells == 0 || (n_cells == 1 && cg_import_cell_is_blank (&cells[0])))
        continue;
      if (!produce_row (p, block, cells, n_cells))
        break;
      if (block->n == BLOCK_ROWS)
        {
          block_resolve (block);
          p->progress = cg_reader_get_progress (p->reader);
          g_async_queue_push (p->full_blocks, block);
          block = g_async_queue_pop (p->free_blocks);
          block->n = 0;
          g_string_truncate (block->arena, 0);
        }
    }
  block_resolve (block);
  block->last = TRUE;
  g_async_queue_push (p->full_blocks, block);
  return NULL;
}

/* Inserts every block the producer makes; FALSE on a write error or
 * cancellation (the producer is told to stop either way). */
static gboolean
consume (Pipeline       *p,
         CgCallWriter   *writer,
         CgProgressFunc  progress,
         gpointer        progress_data,
         GCancellable   *cancellable,
         GError        **error)
{
  gboolean ok = TRUE;

  for (;;)
    {
      Block *block = g_async_queue_pop (p->full_blocks);
      gboolean last = block->last;

      for (guint i = 0; ok && i < block->n; i++)
        {
          CgCallAddResult added;
          ok = cg_call_writer_add_digested (writer, &block->calls[i], &block->digests[i], &added, error);
        }
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (!ok)
        g_atomic_int_set (&p->stop, TRUE);
      else if (progress != NULL && !last)
        progress (p->progress, cg_call_writer_get_added (writer) + cg_call_writer_get_duplicates (writer),
                  progress_data);
      block->last = FALSE;
      g_async_queue_push (p->free_blocks, block);
      if (last)
        return ok;
    }
}

CgImportResult *
cg_import_run (CgStore         *store,
               CgImportPlan    *plan,
               CgProgressFunc   progress,
               gpointer         progress_data,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(CgImportResult) result = result_new (plan);
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(CgCallWriter) writer = NULL;
  g_autoptr(GAsyncQueue) free_blocks = g_async_queue_new_full ((GDestroyNotify) block_free);
  g_autoptr(GAsyncQueue) full_blocks = g_async_queue_new_full ((GDestroyNotify) block_free);
  GThread *sha_thread, *producer;
  Pipeline p = { 0 };
  gboolean ok;

  if (!cg_import_plan_check (plan, error))
    return NULL;
  reader = cg_import_plan_open_reader (plan, error);
  if (reader == NULL)
    return NULL;
  /* The batch gets its file hash at commit; the hash runs meanwhile. */
  writer = cg_call_writer_new (store, "calls", result->file,
                               result->preset, result->encoding, error);
  if (writer == NULL)
    return NULL;

  for (guint i = 0; i < N_BLOCKS; i++)
    {
      Block *block = g_new0 (Block, 1);
      block->arena = g_string_sized_new (BLOCK_ROWS * 96);
      g_async_queue_push (free_blocks, block);
    }
  p.plan = plan;
  p.reader = reader;
  p.writer = writer;
  p.result = result;
  p.free_blocks = free_blocks;
  p.full_blocks = full_blocks;

  sha_thread = g_thread_new ("cg-import-sha256", sha256_thread, plan->path);
  producer = g_thread_new ("cg-import-read", producer_thread, &p);
  ok = consume (&p, writer, progress, progress_data, cancellable, error);
  g_thread_join (producer);
  result->sha256 = g_thread_join (sha_thread);
  /* A file that is ASCII for its first 64 KiB tells its encoding later. */
  g_free (result->encoding);
  result->encoding = g_strdup (cg_reader_get_encoding (reader));

  if (ok && p.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p.error));
      ok = FALSE;
    }
  g_clear_error (&p.error);
  if (ok && result->sha256 == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot read %s to the end."), result->file);
      ok = FALSE;
    }
  if (!ok)
    return NULL;

  result->previous_batch_id = cg_store_find_batch_by_sha256 (store, "calls", result->sha256);
  result->rows_imported = cg_call_writer_get_added (writer);
  result->duplicates = cg_call_writer_get_duplicates (writer);
  if (result->rows_imported == 0)
    {
      /* Nothing new (a re-import, or only bad rows): leave no empty batch. */
      g_clear_pointer (&writer, cg_call_writer_free);
      return g_steal_pointer (&result);
    }
  result->batch_id = cg_call_writer_commit (writer, result->sha256, result->encoding, result->rows_read,
                                            result->rows_skipped, error);
  if (result->batch_id == 0)
    return NULL;
  if (progress != NULL)
    progress (1.0, result->rows_read, progress_data);
  return g_steal_pointer (&result);
}
