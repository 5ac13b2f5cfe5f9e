/* cg-bench-slices.c — times every metric by its heaviest slices.
 *
 *   cg-bench-slices DB [REPEATS] [DIMENSION…]
 *
 * Opens the database once and prints, for each metric (connect, outcomes,
 * funnel, quality, lines, contact, scorecard) and each slice (default:
 * total, month, list, agent and hour-weekday), the best of REPEATS
 * (default 3) runs in milliseconds: one line per metric, one column per
 * slice, as "wall/cpu" — on a shared machine the processor time of this
 * process says more than the wall clock.  CG_BENCH_METRIC=NAME times one
 * metric only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cg-analytics.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-scorecard.h"

typedef gboolean (*MetricFunc) (CgStore *store, CgDimension by, GError **error);

static gboolean
run_connect (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, by, NULL, error);
  return rows != NULL;
}

static gboolean
run_outcomes (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_analytics_outcomes (store, by, NULL, error);
  return rows != NULL;
}

static gboolean
run_funnel (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_funnel_compute (store, by, NULL, error);
  return rows != NULL;
}

static gboolean
run_quality (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_quality_lists (store, by, NULL, 3, error);
  return rows != NULL;
}

static gboolean
run_lines (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_quality_lines (store, by, NULL, error);
  return rows != NULL;
}

static gboolean
run_contact (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(GPtrArray) rows = cg_quality_contact_by (store, by, NULL, error);
  return rows != NULL;
}

static gboolean
run_scorecard (CgStore *store, CgDimension by, GError **error)
{
  g_autoptr(CgScorecard) card = cg_scorecard_compute (store, by, NULL, error);
  return card != NULL;
}

static const struct {
  const char *name;
  MetricFunc  run;
} metrics[] = {
  { "connect", run_connect },
  { "outcomes", run_outcomes },
  { "funnel", run_funnel },
  { "quality", run_quality },
  { "lines", run_lines },
  { "contact", run_contact },
  { "scorecard", run_scorecard },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = NULL;
  g_autoptr(GArray) dims = g_array_new (FALSE, FALSE, sizeof (CgDimension));
  int repeats = argc > 2 ? atoi (argv[2]) : 3;

  if (argc < 2)
    {
      g_printerr ("usage: cg-bench-slices DB [REPEATS] [DIMENSION…]\n");
      return 1;
    }
  for (int i = 3; i < argc; i++)
    {
      CgDimension d;

      if (!cg_dimension_from_string (argv[i], &d))
        {
          g_printerr ("unknown dimension %s\n", argv[i]);
          return 1;
        }
      g_array_append_val (dims, d);
    }
  if (dims->len == 0)
    {
      const CgDimension defaults[] = { CG_DIM_TOTAL, CG_DIM_MONTH, CG_DIM_LIST, CG_DIM_AGENT, CG_DIM_HOUR_WEEKDAY };
      g_array_append_vals (dims, defaults, G_N_ELEMENTS (defaults));
    }
  if ((store = cg_store_open (argv[1], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("%-10s", "ms");
  for (guint d = 0; d < dims->len; d++)
    printf (" %13s", cg_dimension_to_string (g_array_index (dims, CgDimension, d)));
  printf ("\n");
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      const char *only = g_getenv ("CG_BENCH_METRIC");

      if (only != NULL && g_strcmp0 (only, metrics[m].name) != 0)
        continue;
      printf ("%-10s", metrics[m].name);
      for (guint d = 0; d < dims->len; d++)
        {
          gint64 best = G_MAXINT64;
          double best_cpu = G_MAXDOUBLE;
          g_autofree char *cell = NULL;

          for (int r = 0; r < MAX (repeats, 1); r++)
            {
              gint64 start = g_get_monotonic_time ();
              clock_t cpu_start = clock ();

              if (!metrics[m].run (store, g_array_index (dims, CgDimension, d), &error))
                {
                  g_printerr ("%s: %s\n", metrics[m].name, error->message);
                  return 1;
                }
              best = MIN (best, g_get_monotonic_time () - start);
              best_cpu = MIN (best_cpu, 1000.0 * (clock () - cpu_start) / CLOCKS_PER_SEC);
            }
          cell = g_strdup_printf ("%.0f/%.0f", best / 1000.0, best_cpu);
          printf (" %13s", cell);
          fflush (stdout);
        }
      printf ("\n");
    }
  return 0;
}
