/* cg-report-findings.c — SEAM (findings): the Summary's "main findings".
 *
 * A stand-in for the findings engine, which is built on another branch:
 * when it is merged, make cg_report_findings return its sentences and
 * delete the rest of this file.  Until then: the largest changes against
 * the previous period (with a test for the connect rate), significant
 * differences between the best and worst line and list, and the best
 * calling times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cg-report-private.h"

/* Slices with fewer calls are too noisy to name. */
#define MIN_CALLS 100

static const char *
weekday_name (CgReport *r,
              int       weekday)
{
  static const char *const en[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const zh[] = { "", "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

  return CG_T (r, en[weekday], zh[weekday]);
}

static void
add_connect_change (CgReport  *r,
                    GPtrArray *out)
{
  const CgKpiValues *a = &r->current, *b = &r->before;
  CgProportionComparison cmp;

  if (!r->has_previous || !a->has[CG_KPI_CONNECT_RATE] || !b->has[CG_KPI_CONNECT_RATE] ||
      !cg_stats_compare_proportions (a->connected, a->calls, b->connected, b->calls,
                                     CG_STATS_ALPHA, &cmp))
    return;
  g_ptr_array_add (out, CG_TPRINTF (r,
    "Connect rate %.1f %% against %.1f %% in the previous period (%+.1f points, %s, p = %.3g).",
    "接通率 %.1f%%，上期 %.1f%%（%+.1f 个百分点，%s，p = %.3g）。",
    100 * cmp.rate1, 100 * cmp.rate2, 100 * cmp.difference,
    cmp.significant ? CG_T (r, "significant", "差异显著") : CG_T (r, "not significant", "差异不显著"),
    cmp.p_value));
}

/* The count KPIs that moved most, relative to the previous period. */
static void
add_count_changes (CgReport  *r,
                   GPtrArray *out)
{
  static const CgKpi kpis[] = { CG_KPI_COMPLAINTS, CG_KPI_VIOLATIONS };

  if (!r->has_previous)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      double now = r->current.value[kpis[i]], then = r->before.value[kpis[i]];
      const char *what = kpis[i] == CG_KPI_COMPLAINTS ? CG_T (r, "Complaints", "投诉")
                                                      : CG_T (r, "Compliance violations", "合规违规");

      if (!r->current.has[kpis[i]] || !r->before.has[kpis[i]] || then <= 0 ||
          fabs (now - then) / then < 0.2)
        continue;
      g_ptr_array_add (out, CG_TPRINTF (r, "%s: %.0f against %.0f in the previous period (%+.0f %%).",
                                        "%s：%.0f，上期 %.0f（%+.0f%%）。",
                                        what, now, then, 100 * (now - then) / then));
    }
}

static void
add_best_worst (CgReport    *r,
                CgDimension  by,
                GPtrArray   *out,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = cg_analytics_connect (r->store, by, &r->filter, error);
  const CgConnectRow *best = NULL, *worst = NULL;
  CgProportionComparison cmp;

  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *row = g_ptr_array_index (rows, i);
      double rate = (double) row->connected / MAX (row->calls, 1);

      if (row->calls < MIN_CALLS)
        continue;
      if (best == NULL || rate > (double) best->connected / best->calls)
        best = row;
      if (worst == NULL || rate < (double) worst->connected / worst->calls)
        worst = row;
    }
  if (best == NULL || best == worst ||
      !cg_stats_compare_proportions (best->connected, best->calls, worst->connected, worst->calls,
                                     CG_STATS_ALPHA, &cmp) ||
      !cmp.significant)
    return;
  g_ptr_array_add (out, CG_TPRINTF (r,
    "%s “%s” connects %.1f %% of calls, “%s” only %.1f %%: a significant difference (p = %.3g).",
    "%s“%s”接通率 %.1f%%，“%s”仅 %.1f%%，差异显著（p = %.3g）。",
    by == CG_DIM_LINE ? CG_T (r, "Line", "线路") : CG_T (r, "List", "号码来源"),
    best->key, 100 * cmp.rate1, worst->key, 100 * cmp.rate2, cmp.p_value));
}

static void
add_best_times (CgReport  *r,
                GPtrArray *out,
                GError   **error)
{
  double overall = 0;
  g_autoptr(GArray) best = cg_analytics_best_times (r->store, &r->filter, MIN_CALLS, &overall, error);
  g_autoptr(GString) text = NULL;

  if (best == NULL || best->len == 0)
    return;
  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (best->len, 3); i++)
    {
      const CgBestTime *t = &g_array_index (best, CgBestTime, i);

      g_string_append_printf (text, "%s%s %02d:00 (%.1f %%)", i > 0 ? CG_T (r, ", ", "、") : "",
                              weekday_name (r, t->weekday), t->hour, 100 * t->rate);
    }
  g_ptr_array_add (out, CG_TPRINTF (r, "Best calling times: %s, against %.1f %% overall.",
                                    "最佳拨打时段：%s，整体接通率 %.1f%%。",
                                    text->str, 100 * overall));
}

GPtrArray *
cg_report_findings (CgReport  *r,
                    GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  if (r->current.calls == 0)
    return g_steal_pointer (&out);
  add_connect_change (r, out);
  add_count_changes (r, out);
  add_best_worst (r, CG_DIM_LINE, out, &local_error);
  if (local_error == NULL)
    add_best_worst (r, CG_DIM_LIST, out, &local_error);
  if (local_error == NULL)
    add_best_times (r, out, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
