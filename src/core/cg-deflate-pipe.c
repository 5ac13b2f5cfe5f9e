/* cg-deflate-pipe.c — raw deflate on several threads (cg-deflate-pipe.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "cg-deflate-pipe.h"

#define WINDOW_BYTES 32768
/* Chunks in flight at most: bounds the memory at a few MiB. */
#define MAX_PENDING  8

typedef struct {
  char     *data;
  gsize     len;
  char     *window;     /* the 32 KiB before data, NULL for the first chunk */
  gsize     window_len;
  int       level;
  guchar   *out;
  gsize     out_len;
  guint32   crc;
  gboolean  done;       /* under the pipe's mutex */
  gboolean  failed;
} Chunk;

typedef struct {
  guint32 crc;
  gsize   len;
} ChunkCrc;

struct _CgDeflatePipe
{
  GOutputStream *out;
  GCancellable  *cancellable;
  int            level;
  GThreadPool   *pool;
  GQueue         pending;     /* Chunk *, in stream order */
  char          *window;      /* the last WINDOW_BYTES written so far */
  gsize          window_len;
  GArray        *crcs;        /* ChunkCrc, in stream order */
  guint64        size;
  guint64        comp_size;
  GMutex         mutex;
  GCond          cond;
};

static void
chunk_free (Chunk *chunk)
{
  g_free (chunk->data);
  g_free (chunk->window);
  g_free (chunk->out);
  g_free (chunk);
}

/* On a pool thread.  Each chunk stands alone but for its window, so the
 * threads share nothing. */
static void
deflate_chunk (Chunk *chunk)
{
  z_stream z = { 0 };
  uLong bound;

  chunk->crc = crc32 (crc32 (0, Z_NULL, 0), (const Bytef *) chunk->data, (uInt) chunk->len);
  if (deflateInit2 (&z, chunk->level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      chunk->failed = TRUE;
      return;
    }
  if (chunk->window != NULL)
    deflateSetDictionary (&z, (const Bytef *) chunk->window, (uInt) chunk->window_len);
  /* Room for the worst case and the sync flush's empty stored block. */
  bound = deflateBound (&z, chunk->len) + 16;
  chunk->out = g_malloc (bound);
  z.next_in = (Bytef *) chunk->data;
  z.avail_in = (uInt) chunk->len;
  z.next_out = chunk->out;
  z.avail_out = (uInt) bound;
  chunk->failed = deflate (&z, Z_SYNC_FLUSH) != Z_OK || z.avail_in != 0 || z.avail_out == 0;
  chunk->out_len = bound - z.avail_out;
  deflateEnd (&z);
  g_clear_pointer (&chunk->data, g_free);
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  Chunk *chunk = data;
  CgDeflatePipe *pipe = user_data;

  deflate_chunk (chunk);
  g_mutex_lock (&pipe->mutex);
  chunk->done = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->mutex);
}

CgDeflatePipe *
cg_deflate_pipe_new (GOutputStream  *out,
                     int             level,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(CgDeflatePipe) pipe = g_new0 (CgDeflatePipe, 1);
  /* Every core: the caller's thread only formats and writes. */
  guint threads = CLAMP (g_get_num_processors (), 1, 8);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (level >= 1 && level <= 9, NULL);

  g_mutex_init (&pipe->mutex);
  g_cond_init (&pipe->cond);
  g_queue_init (&pipe->pending);
  pipe->out = g_object_ref (out);
  pipe->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  pipe->level = level;
  pipe->crcs = g_array_new (FALSE, FALSE, sizeof (ChunkCrc));
  pipe->window = g_malloc (WINDOW_BYTES);
  pipe->pool = g_thread_pool_new (pool_func, pipe, (int) threads, TRUE, error);
  if (pipe->pool == NULL)
    return NULL;
  return g_steal_pointer (&pipe);
}

/* Writes the finished chunks at the head of the queue, in order; with
 * @all waits for every chunk, else only while too many are in flight. */
static gboolean
drain (CgDeflatePipe  *pipe,
       gboolean        all,
       GError        **error)
{
  for (;;)
    {
      Chunk *chunk;
      ChunkCrc crc;
      gboolean ok;

      g_mutex_lock (&pipe->mutex);
      chunk = g_queue_peek_head (&pipe->pending);
      while (chunk != NULL && !chunk->done && (all || pipe->pending.length > MAX_PENDING))
        g_cond_wait (&pipe->cond, &pipe->mutex);
      if (chunk == NULL || !chunk->done)
        {
          g_mutex_unlock (&pipe->mutex);
          return TRUE;
        }
      g_queue_pop_head (&pipe->pending);
      g_mutex_unlock (&pipe->mutex);

      if (chunk->failed)
        {
          chunk_free (chunk);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not compress the data."));
          return FALSE;
        }
      ok = g_output_stream_write_all (pipe->out, chunk->out, chunk->out_len, NULL, pipe->cancellable, error);
      crc.crc = chunk->crc;
      crc.len = chunk->len;
      g_array_append_val (pipe->crcs, crc);
      pipe->comp_size += chunk->out_len;
      chunk_free (chunk);
      if (!ok)
        return FALSE;
    }
}

gboolean
cg_deflate_pipe_write (CgDeflatePipe  *pipe,
                       char           *data,
                       gsize           len,
                       GError        **error)
{
  Chunk *chunk;

  if (len == 0)
    {
      g_free (data);
      return TRUE;
    }
  g_return_val_if_fail (len <= G_MAXUINT - 64, FALSE);

  chunk = g_new0 (Chunk, 1);
  chunk->data = data;
  chunk->len = len;
  chunk->level = pipe->level;
  if (pipe->window_len > 0)
    {
      chunk->window = g_memdup2 (pipe->window, pipe->window_len);
      chunk->window_len = pipe->window_len;
    }
  /* The next chunk's window: the last 32 KiB of the stream so far. */
  if (len >= WINDOW_BYTES)
    {
      memcpy (pipe->window, data + len - WINDOW_BYTES, WINDOW_BYTES);
      pipe->window_len = WINDOW_BYTES;
    }
  else
    {
      gsize keep = MIN (pipe->window_len, WINDOW_BYTES - len);

      memmove (pipe->window, pipe->window + pipe->window_len - keep, keep);
      memcpy (pipe->window + keep, data, len);
      pipe->window_len = keep + len;
    }
  pipe->size += len;

  g_mutex_lock (&pipe->mutex);
  g_queue_push_tail (&pipe->pending, chunk);
  g_mutex_unlock (&pipe->mutex);
  g_thread_pool_push (pipe->pool, chunk, NULL);
  return drain (pipe, FALSE, error);
}

gboolean
cg_deflate_pipe_finish (CgDeflatePipe  *pipe,
                        GError        **error)
{
  if (!drain (pipe, TRUE, error))
    return FALSE;
  /* Nothing more to do for the threads. */
  g_thread_pool_free (g_steal_pointer (&pipe->pool), FALSE, TRUE);
  return TRUE;
}

guint64
cg_deflate_pipe_get_size (CgDeflatePipe *pipe)
{
  return pipe->size;
}

guint64
cg_deflate_pipe_get_compressed_size (CgDeflatePipe *pipe)
{
  return pipe->comp_size;
}

guint32
cg_deflate_pipe_append_crc (CgDeflatePipe *pipe,
                            guint32        crc)
{
  for (guint i = 0; i < pipe->crcs->len; i++)
    {
      const ChunkCrc *c = &g_array_index (pipe->crcs, ChunkCrc, i);

      crc = (guint32) crc32_combine (crc, c->crc, (z_off_t) c->len);
    }
  return crc;
}

void
cg_deflate_pipe_free (CgDeflatePipe *pipe)
{
  Chunk *chunk;

  if (pipe == NULL)
    return;
  /* Drop what waits; the threads finish the chunks they hold. */
  if (pipe->pool != NULL)
    g_thread_pool_free (pipe->pool, TRUE, TRUE);
  while ((chunk = g_queue_pop_head (&pipe->pending)) != NULL)
    chunk_free (chunk);
  g_clear_object (&pipe->out);
  g_clear_object (&pipe->cancellable);
  g_array_unref (pipe->crcs);
  g_free (pipe->window);
  g_mutex_clear (&pipe->mutex);
  g_cond_clear (&pipe->cond);
  g_free (pipe);
}
