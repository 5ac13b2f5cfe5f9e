/* cg-query-runner.h — runs the pages' queries on a worker thread of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cg-analytics.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_TYPE_QUERY_RUNNER (cg_query_runner_get_type ())
G_DECLARE_FINAL_TYPE (CgQueryRunner, cg_query_runner, CG, QUERY_RUNNER, GObject)

/* Runs in the worker thread on the runner's own connection: returns the
 * result (freed with the free function given to cg_query_runner_run when
 * nobody takes it) or NULL with @error. */
typedef gpointer (*CgQueryFunc) (CgStore        *store,
                                 const CgFilter *filter,
                                 gpointer        data,
                                 GCancellable   *cancellable,
                                 GError        **error);

/** cg_query_runner_new: a runner reading the database at @db_path. */
CgQueryRunner *cg_query_runner_new    (const char          *db_path);

/* Queues @func; @filter is copied.  @callback runs in the main context;
 * take the result with cg_query_runner_finish. */
void           cg_query_runner_run    (CgQueryRunner       *self,
                                       CgQueryFunc          func,
                                       const CgFilter      *filter,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GDestroyNotify       result_free,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gpointer       cg_query_runner_finish (CgQueryRunner       *self,
                                       GAsyncResult        *result,
                                       GError             **error);

/** cg_query_runner_reopen: the next query opens the database afresh (after a restore). */
void           cg_query_runner_reopen (CgQueryRunner       *self);

/** cg_filter_copy_strings: a deep copy of @filter for another thread; free with cg_filter_free_copy. */
CgFilter      *cg_filter_copy_deep    (const CgFilter      *filter);
void           cg_filter_free_copy    (CgFilter            *filter);

G_END_DECLS
