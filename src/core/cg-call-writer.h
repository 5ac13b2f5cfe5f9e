/* cg-call-writer.h — writes calls into a new batch inside one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-call.h"
#include "cg-phone.h"
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
                                       const char      *preset,
                                       const char      *encoding,
                                       GError         **error);

/* What the writer derives from a call before storing it: normalised phone,
 * its keyed hash and mask, and the natural key.  Computing it needs no
 * database, so an importer may do it in another thread. */
typedef struct {
  char        digits[CG_PHONE_MAX_DIGITS + 1];
  char        masked[CG_PHONE_MAX_DIGITS + 1];
  CgPhoneKind phone_kind;
  gint64      phone_hash;
  gint64      natural_key;
  gint64      local_day;   /* for the aggregate sums */
  int         local_hour;
} CgCallDigest;

/** cg_call_writer_digest: thread-safe; fills @digest for @call. */
void          cg_call_writer_digest   (CgCallWriter    *writer,
                                       const CgCall    *call,
                                       CgCallDigest    *digest);

gboolean      cg_call_writer_add_digested (CgCallWriter       *writer,
                                           const CgCall       *call,
                                           const CgCallDigest *digest,
                                           CgCallAddResult    *result,
                                           GError            **error);

gboolean      cg_call_writer_add      (CgCallWriter    *writer,
                                       const CgCall    *call,
                                       CgCallAddResult *result,
                                       GError         **error);

/* Records the file hash (may be NULL), the encoding the reader settled on
 * (it may only know after the first non-ASCII bytes) and counts on the
 * batch and commits; returns the batch id or 0. */
gint64        cg_call_writer_commit   (CgCallWriter    *writer,
                                       const char      *sha256,
                                       const char      *encoding,
                                       gint64           rows_read,
                                       gint64           rows_skipped,
                                       GError         **error);

gint64        cg_call_writer_get_added      (CgCallWriter *writer);
gint64        cg_call_writer_get_duplicates (CgCallWriter *writer);

void          cg_call_writer_free     (CgCallWriter    *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgCallWriter, cg_call_writer_free)

G_END_DECLS
