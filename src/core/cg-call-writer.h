/* cg-call-writer.h — writes calls into a new batch inside one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-call.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct _CgCallWriter CgCallWriter;

typedef enum {
  CG_CALL_ADDED,
  CG_CALL_DUPLICATE,  /* its natural key is already in the database */
} CgCallAddResult;

/* Begins a transaction and a batch.  Nothing is visible to others until
 * cg_call_writer_commit(); freeing an uncommitted writer rolls back. */
CgCallWriter *cg_call_writer_new      (CgStore         *store,
                                       const char      *kind,
                                       const char      *file_name,
                                       const char      *sha256,
                                       const char      *preset,
                                       const char      *encoding,
                                       GError         **error);

gboolean      cg_call_writer_add      (CgCallWriter    *writer,
                                       const CgCall    *call,
                                       CgCallAddResult *result,
                                       GError         **error);

/* Records the counts on the batch and commits; returns the batch id or 0. */
gint64        cg_call_writer_commit   (CgCallWriter    *writer,
                                       gint64           rows_read,
                                       gint64           rows_skipped,
                                       GError         **error);

gint64        cg_call_writer_get_added      (CgCallWriter *writer);
gint64        cg_call_writer_get_duplicates (CgCallWriter *writer);

void          cg_call_writer_free     (CgCallWriter    *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgCallWriter, cg_call_writer_free)

G_END_DECLS
