/* cg-bench-incidents.c — times incident detection against the Overview set.
 *
 *   cg-bench-incidents DB [REPEATS]
 *
 * Prints one line: incident detection on a freshly opened database (the
 * hourly sums not yet in memory) and its best of REPEATS, then the same
 * two times of the Overview page's query set (total, by month, line, list,
 * hour × weekday, outcomes, funnel), in milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "cg-analytics.h"
#include "cg-funnel.h"
#include "cg-incidents.h"

static gboolean
run_overview (CgStore  *store,
              GError  **error)
{
  static const CgDimension dims[] = {
    CG_DIM_TOTAL, CG_DIM_MONTH, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_HOUR_WEEKDAY, CG_DIM_OUTCOME,
  };
  CgFilter all = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (dims); i++)
    {
      g_autoptr(GPtrArray) rows = cg_analytics_connect (store, dims[i], &all, error);
      if (rows == NULL)
        return FALSE;
    }
  {
    g_autoptr(GPtrArray) funnel = cg_funnel_compute (store, CG_DIM_TOTAL, &all, error);
    return funnel != NULL;
  }
}

static gboolean
run_incidents (CgStore  *store,
               GError  **error)
{
  g_autoptr(CgIncidentReport) report = cg_incidents_detect (store, NULL, error);
  return report != NULL;
}

/* Milliseconds of the first run on a fresh connection and the best of @repeats. */
static gboolean
time_runs (const char  *path,
           gboolean   (*run) (CgStore *, GError **),
           int          repeats,
           double      *cold_ms,
           double      *best_ms,
           GError     **error)
{
  g_autoptr(CgStore) store = cg_store_open (path, error);
  gint64 best = G_MAXINT64;

  if (store == NULL)
    return FALSE;
  for (int i = 0; i <= MAX (repeats, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!run (store, error))
        return FALSE;
      if (i == 0)
        *cold_ms = (g_get_monotonic_time () - start) / 1000.0;
      else
        best = MIN (best, g_get_monotonic_time () - start);
    }
  *best_ms = best / 1000.0;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int repeats = argc > 2 ? atoi (argv[2]) : 5;
  double inc_cold, inc_best, ov_cold, ov_best;

  if (argc < 2)
    {
      g_printerr ("usage: cg-bench-incidents DB [REPEATS]\n");
      return 1;
    }
  if (!time_runs (argv[1], run_incidents, repeats, &inc_cold, &inc_best, &error) ||
      !time_runs (argv[1], run_overview, repeats, &ov_cold, &ov_best, &error))
    {
      g_printerr ("cg-bench-incidents: %s\n", error->message);
      return 1;
    }
  {
    g_autoptr(CgStore) store = cg_store_open (argv[1], &error);
    g_autoptr(CgIncidentReport) report = store ? cg_incidents_detect (store, NULL, &error) : NULL;

    printf ("%.1f %.1f %.1f %.1f %u\n", inc_cold, inc_best, ov_cold, ov_best,
            report ? report->incidents->len : 0);
  }
  return 0;
}
