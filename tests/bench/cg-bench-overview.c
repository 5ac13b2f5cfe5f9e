/* cg-bench-overview.c — times the queries the Overview page makes.
 *
 *   cg-bench-overview DB [REPEATS]
 *
 * Opens the database once, then runs the Overview's set — total, by month,
 * by line, by list, by hour × weekday, outcomes and the sales funnel —
 * REPEATS times (default 5) and prints the best time of the whole set in
 * milliseconds, the way a page refresh meets it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "cg-analytics.h"
#include "cg-funnel.h"

static gboolean
run_set (CgStore  *store,
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

/* With CG_BENCH_DETAIL set: the best time of each query, to see where it goes. */
static void
print_detail (CgStore *store)
{
  static const CgDimension dims[] = {
    CG_DIM_TOTAL, CG_DIM_MONTH, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_HOUR_WEEKDAY, CG_DIM_OUTCOME,
  };
  CgFilter all = { 0 };

  for (guint i = 0; i <= G_N_ELEMENTS (dims); i++)
    {
      gint64 best = G_MAXINT64;

      for (int r = 0; r < 5; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) rows = i < G_N_ELEMENTS (dims)
            ? cg_analytics_connect (store, dims[i], &all, NULL)
            : cg_funnel_compute (store, CG_DIM_TOTAL, &all, NULL);
          best = MIN (best, g_get_monotonic_time () - start);
        }
      g_printerr ("%-14s %.1f ms\n", i < G_N_ELEMENTS (dims) ? cg_dimension_to_string (dims[i]) : "funnel",
                  best / 1000.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  int repeats = argc > 2 ? atoi (argv[2]) : 5;
  gint64 best = G_MAXINT64;

  if (argc < 2)
    {
      g_printerr ("usage: cg-bench-overview DB [REPEATS]\n");
      return 1;
    }
  store = cg_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("cg-bench-overview: %s\n", error->message);
      return 1;
    }
  if (g_getenv ("CG_BENCH_DETAIL") != NULL)
    print_detail (store);
  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!run_set (store, &error))
        {
          g_printerr ("cg-bench-overview: %s\n", error->message);
          return 1;
        }
      best = MIN (best, g_get_monotonic_time () - start);
    }
  printf ("%.1f\n", best / 1000.0);
  return 0;
}
