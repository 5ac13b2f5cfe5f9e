/* cg-report-findings.c — the Summary's "main findings": the findings
 * engine's (cg-findings.h) ranked sentences for the report's period.
 *
 * The engine needs a period with both ends; a report over all data takes
 * the whole local days its calls span (setup_period in cg-report.c).  Its sentences come from the message catalogue,
 * so they are in the language the program runs in: callgauge-cli's
 * export --lang switches the program's language for that reason, and the
 * app exports in its own language by default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-findings.h"
#include "cg-report-private.h"

/* An executive summary, not the whole list: the app and the CLI have it. */
#define MAX_FINDINGS 10

GPtrArray *
cg_report_findings (CgReport  *r,
                    GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CgFindings) findings = NULL;
  CgFindingsInputs inputs = { 0 };

  if (r->current.calls == 0 || !r->has_span || r->span.to_ts <= r->span.from_ts)
    return g_steal_pointer (&out);
  /* The Summary's audit and slices cover the same calls: r->filter and
   * the span differ only where there are none. */
  inputs.audit = r->audit;
  inputs.slices = r->slices;
  inputs.previous_slices = r->previous_slices;
  if ((findings = cg_findings_compute_with (r->store, r->span.from_ts, r->span.to_ts, &inputs, error)) == NULL)
    return NULL;
  for (guint i = 0; i < MIN (findings->entries->len, MAX_FINDINGS); i++)
    {
      const CgFindingEntry *entry = g_ptr_array_index (findings->entries, i);

      g_ptr_array_add (out, g_strdup (entry->text));
    }
  return g_steal_pointer (&out);
}
