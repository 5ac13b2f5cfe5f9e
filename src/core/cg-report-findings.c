/* cg-report-findings.c — the Summary's "main findings": the findings
 * engine's (cg-findings.h) ranked sentences for the report's period.
 *
 * The engine needs a period with both ends; a report over all data takes
 * the span of the calls.  Its sentences come from the message catalogue,
 * so they are in the language the program runs in: callgauge-cli's
 * export --lang switches the program's language for that reason, and the
 * app exports in its own language by default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-findings.h"
#include "cg-report-private.h"
#include "cg-summary.h"

/* An executive summary, not the whole list: the app and the CLI have it. */
#define MAX_FINDINGS 10

GPtrArray *
cg_report_findings (CgReport  *r,
                    GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CgFindings) findings = NULL;
  gint64 from = r->filter.from_ts, to = r->filter.to_ts;

  if (r->current.calls == 0)
    return g_steal_pointer (&out);
  if (from == 0 || to == 0)
    {
      CgSummary summary;

      if (!cg_summary_compute (r->store, &summary, error))
        return NULL;
      if (from == 0)
        from = summary.first_ts;
      if (to == 0)
        to = summary.last_ts + 1;
    }
  if ((findings = cg_findings_compute (r->store, from, to, error)) == NULL)
    return NULL;
  for (guint i = 0; i < MIN (findings->entries->len, MAX_FINDINGS); i++)
    {
      const CgFindingEntry *entry = g_ptr_array_index (findings->entries, i);

      g_ptr_array_add (out, g_strdup (entry->text));
    }
  return g_steal_pointer (&out);
}
