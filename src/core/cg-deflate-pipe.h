/* cg-deflate-pipe.h — raw deflate on several threads, for one long stream.
 *
 * The data arrives in chunks; each is deflated on a pool thread, primed
 * with the 32 KiB before it, and ends in a sync flush, so the compressed
 * chunks written one after the other in order form one deflate stream
 * (pigz does the same).  The stream is left open: whoever stores it adds
 * a final block (deflate of the rest with Z_FINISH).  Portable: GLib
 * threads and GIO streams only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CgDeflatePipe CgDeflatePipe;

/* Compressed data goes to @out at zlib @level (1…9); @cancellable stops a
 * writer that waits for the pool. */
CgDeflatePipe *cg_deflate_pipe_new      (GOutputStream  *out,
                                         int             level,
                                         GCancellable   *cancellable,
                                         GError        **error);
/* Takes @data (g_malloc'ed, @len bytes) as the next chunk. */
gboolean       cg_deflate_pipe_write    (CgDeflatePipe  *pipe,
                                         char           *data,
                                         gsize           len,
                                         GError        **error);
/* Waits for every chunk and writes the rest; the pipe takes no more data. */
gboolean       cg_deflate_pipe_finish   (CgDeflatePipe  *pipe,
                                         GError        **error);
guint64        cg_deflate_pipe_get_size (CgDeflatePipe  *pipe);
guint64        cg_deflate_pipe_get_compressed_size (CgDeflatePipe *pipe);
/* The CRC-32 of whatever came before (its CRC @crc) followed by the
 * pipe's data: the data may pass 4 GiB, zlib's crc32_combine() takes each
 * chunk's length as a long, 32 bits on Windows. */
guint32        cg_deflate_pipe_append_crc (CgDeflatePipe *pipe,
                                           guint32        crc);
void           cg_deflate_pipe_free     (CgDeflatePipe  *pipe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDeflatePipe, cg_deflate_pipe_free)

G_END_DECLS
