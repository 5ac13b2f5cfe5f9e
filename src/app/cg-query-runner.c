/* cg-query-runner.c — runs the pages' queries on a worker thread of its own.
 *
 * One thread and one SQLite connection: a connection must not be used by
 * two threads at once, and queries that wait in line are cheaper than a
 * connection (with its integrity check) per query.  A query whose
 * cancellable fired before its turn does not run at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-query-runner.h"

struct _CgQueryRunner
{
  GObject      parent_instance;

  char        *db_path;
  GThreadPool *pool;
  CgStore     *store;        /* used by the worker thread only */
  gint         reopen;       /* atomic: close the store before the next query */
};

G_DEFINE_FINAL_TYPE (CgQueryRunner, cg_query_runner, G_TYPE_OBJECT)

typedef struct {
  CgQueryFunc     func;
  CgFilter       *filter;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  cg_filter_free_copy (job->filter);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

CgFilter *
cg_filter_copy_deep (const CgFilter *filter)
{
  CgFilter *copy = g_new0 (CgFilter, 1);

  if (filter != NULL)
    {
      *copy = *filter;
      copy->line = g_strdup (filter->line);
      copy->agent = g_strdup (filter->agent);
      copy->list = g_strdup (filter->list);
    }
  return copy;
}

void
cg_filter_free_copy (CgFilter *filter)
{
  if (filter == NULL)
    return;
  g_free ((char *) filter->line);
  g_free ((char *) filter->agent);
  g_free ((char *) filter->list);
  g_free (filter);
}

static void
worker (gpointer data,
        gpointer user_data)
{
  g_autoptr(GTask) task = data;
  CgQueryRunner *self = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (g_atomic_int_compare_and_exchange (&self->reopen, 1, 0))
    g_clear_object (&self->store);
  if (self->store == NULL)
    {
      /* The window opened (and checked) the file already. */
      self->store = cg_store_open_unchecked (self->db_path, &error);
      if (self->store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  result = job->func (self->store, job->filter, job->data, g_task_get_cancellable (task), &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
cg_query_runner_finalize (GObject *object)
{
  CgQueryRunner *self = CG_QUERY_RUNNER (object);

  /* Runs out the queue: the pages cancelled their queries, so the rest
   * return at once. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->store);
  g_free (self->db_path);
  G_OBJECT_CLASS (cg_query_runner_parent_class)->finalize (object);
}

static void
cg_query_runner_class_init (CgQueryRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_query_runner_finalize;
}

static void
cg_query_runner_init (CgQueryRunner *self)
{
  self->pool = g_thread_pool_new (worker, self, 1, FALSE, NULL);
}

CgQueryRunner *
cg_query_runner_new (const char *db_path)
{
  CgQueryRunner *self = g_object_new (CG_TYPE_QUERY_RUNNER, NULL);

  g_return_val_if_fail (db_path != NULL, NULL);
  self->db_path = g_strdup (db_path);
  return self;
}

void
cg_query_runner_run (CgQueryRunner       *self,
                     CgQueryFunc          func,
                     const CgFilter      *filter,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (CG_IS_QUERY_RUNNER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->filter = cg_filter_copy_deep (filter);
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  /* No source object: the worker may drop the last reference to a task,
   * and must never be the one that finalizes the runner. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_query_runner_run);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_thread_pool_push (self->pool, task, NULL);
}

gpointer
cg_query_runner_finish (CgQueryRunner  *self,
                        GAsyncResult   *result,
                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cg_query_runner_reopen (CgQueryRunner *self)
{
  g_return_if_fail (CG_IS_QUERY_RUNNER (self));
  g_atomic_int_set (&self->reopen, 1);
}
