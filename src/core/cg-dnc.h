/* cg-dnc.h — the do-not-call list as it stands.
 *
 * Entries come from imported lists (a batch of kind "dnc": deleting the
 * batch on the Data page removes them) and from calls in which the
 * customer asked not to be called (source "call").  The app shows them;
 * it never removes one entry by hand, as a refusal must stay honoured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *phone_masked;  /* the number as shown: masked */
  char   *source;        /* "call", or the imported list's source name */
  gint64  added_ts;      /* UTC epoch seconds */
  gint64  batch_id;      /* 0 for none */
} CgDncEntry;

void cg_dnc_entry_free (CgDncEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDncEntry, cg_dnc_entry_free)

/** cg_dnc_list: the @limit newest entries (CgDncEntry *), newest first;
 * @numbers: distinct numbers on the list, @from_calls: of those, how
 * many asked on a call. */
GPtrArray *cg_dnc_list (CgStore  *store,
                        guint     limit,
                        gint64   *numbers,
                        gint64   *from_calls,
                        GError  **error);

G_END_DECLS
