/* cg-findings.c — the period's findings: sources, tests, sentences, ranking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics-private.h"
#include "cg-compliance.h"
#include "cg-finance.h"
#include "cg-findings.h"
#include "cg-findings-private.h"
#include "cg-format.h"
#include "cg-scenario-store.h"
#include "cg-stats.h"
#include "cg-store-private.h"
#include "cg-theme-report.h"

static const char *const kind_ids[CG_FINDING_N_KINDS] = {
  "change", "difference", "incident", "quality", "theme", "compliance", "finance",
};

const char *
cg_finding_kind_to_string (CgFindingKind kind)
{
  g_return_val_if_fail (kind < CG_FINDING_N_KINDS, NULL);
  return kind_ids[kind];
}

void
cg_finding_entry_free (CgFindingEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->subject);
  g_free (entry->key);
  g_free (entry->metric);
  g_free (entry->text);
  g_free (entry);
}

void
cg_findings_free (CgFindings *findings)
{
  if (findings == NULL)
    return;
  g_clear_pointer (&findings->entries, g_ptr_array_unref);
  g_free (findings);
}

/* ---- words and numbers ------------------------------------------------------ */

char *
cg_findings_format_percent (double share)
{
  return g_strdup_printf ("%.1f %%", 100.0 * share);
}

char *
cg_findings_format_p (double p)
{
  if (!isfinite (p))
    return g_strdup ("");
  if (p < 0.001)
    return g_strdup ("p < 0.001");
  return g_strdup_printf ("p = %.3f", p);
}

char *
cg_findings_subject_label (CgDimension  dimension,
               const char  *key)
{
  switch (dimension)
    {
    case CG_DIM_LINE:  return g_strdup_printf (_("Line %s"), key);
    case CG_DIM_LIST:  return g_strdup_printf (_("List %s"), key);
    case CG_DIM_AGENT: return g_strdup_printf (_("Agent %s"), key);
    case CG_DIM_TOTAL:
    default:           return g_strdup (_("Overall"));
    }
}

static char *
subject_id (CgDimension  dimension,
            const char  *key)
{
  if (dimension == CG_DIM_TOTAL || key == NULL)
    return g_strdup ("total");
  return g_strdup_printf ("%s:%s", cg_dimension_to_string (dimension), key);
}

CgFindingEntry *
cg_finding_entry_new (CgFindingKind  kind,
           CgDimension    dimension,
           const char    *key,
           const char    *metric)
{
  CgFindingEntry *e = g_new0 (CgFindingEntry, 1);

  e->kind = kind;
  e->dimension = dimension;
  e->key = g_strdup (key);
  e->subject = subject_id (dimension, key);
  e->metric = g_strdup (metric);
  e->value = NAN;
  e->previous_value = NAN;
  e->p_value = NAN;
  e->rank_impact = NAN;
  return e;
}


gboolean
cg_findings_sums_answer (CgFindingsContext *ctx,
                         CgDimension        dimension,
                         const CgFilter    *filter)
{
  gint64 from_day, to_day;

  return cg_dimension_in_day_sums (dimension) && cg_analytics_day_bounds (ctx->store, filter, &from_day, &to_day);
}

GPtrArray *
cg_findings_connect (CgFindingsContext  *ctx,
                     CgDimension         dimension,
                     gboolean            previous,
                     GError            **error)
{
  const CgFilter *filter = previous ? &ctx->previous : &ctx->current;
  GPtrArray **rows = &ctx->connect[previous ? 1 : 0][dimension];
  GPtrArray *sliced = ctx->slices[previous ? 1 : 0]->connect[dimension];

  if (*rows == NULL && sliced != NULL && !cg_findings_sums_answer (ctx, dimension, filter))
    *rows = g_ptr_array_ref (sliced);
  if (*rows == NULL)
    *rows = cg_analytics_connect (ctx->store, dimension, filter, error);
  return *rows;
}

/* ---- difference ------------------------------------------------------------------ */

static gboolean
has_change (GPtrArray   *out,
            CgDimension  dimension,
            const char  *key)
{
  for (guint i = 0; i < out->len; i++)
    {
      CgFindingEntry *e = g_ptr_array_index (out, i);
      if (e->kind == CG_FINDING_KIND_CHANGE && e->dimension == dimension && g_strcmp0 (e->key, key) == 0 &&
          strcmp (e->metric, "connect_rate") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The group with the lowest connect rate against the others, when the
 * groups differ (chi-square over all, or the z-test for two). */
static gboolean
find_differences (CgFindingsContext    *ctx,
                  GPtrArray  *out,
                  GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_LINE, CG_DIM_LIST };
  static const char *const plural[] = { N_("lines"), N_("number lists") };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      GPtrArray *rows = cg_findings_connect (ctx, dims[d], FALSE, error);
      g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
      g_auto(GStrv) key_list = NULL;
      g_autoptr(CgComparison) cmp = NULL;
      CgConnectRow *worst = NULL;
      gint64 rest_calls = 0, rest_connected = 0;
      double p, worst_rate, rest_rate;
      guint k = 0;

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          CgConnectRow *row = g_ptr_array_index (rows, i);

          /* Calls without a line or list are no group one could act on. */
          if (row->calls < CG_FINDINGS_MIN_TRIALS || row->key == NULL || *row->key == '\0')
            continue;
          g_strv_builder_add (keys, row->key);
          k++;
          if (worst == NULL || (double) row->connected / row->calls < (double) worst->connected / worst->calls)
            worst = row;
        }
      if (k < 2)
        continue;
      key_list = g_strv_builder_end (keys);
      if ((cmp = cg_analytics_compare (ctx->store, dims[d], (const char *const *) key_list, &ctx->current, error)) == NULL)
        return FALSE;
      if (k == 2)
        p = cmp->pair.p_value;
      else if (cmp->has_chisq && !cmp->chisq.sparse)
        p = cmp->chisq.p_value;
      else
        continue;
      /* Holm over the two dimensions asked. */
      p = MIN (1.0, p * G_N_ELEMENTS (dims));
      if (p >= CG_STATS_ALPHA || has_change (out, dims[d], worst->key))
        continue;
      for (guint i = 0; i < rows->len; i++)
        {
          CgConnectRow *row = g_ptr_array_index (rows, i);
          if (row != worst && row->calls >= CG_FINDINGS_MIN_TRIALS && row->key != NULL && *row->key != '\0')
            {
              rest_calls += row->calls;
              rest_connected += row->connected;
            }
        }
      worst_rate = (double) worst->connected / worst->calls;
      rest_rate = (double) rest_connected / rest_calls;
      {
        CgFindingEntry *e = cg_finding_entry_new (CG_FINDING_KIND_DIFFERENCE, dims[d], worst->key, "connect_rate");
        g_autofree char *subject = cg_findings_subject_label (dims[d], worst->key);
        g_autofree char *v1 = cg_findings_format_percent (worst_rate);
        g_autofree char *v0 = cg_findings_format_percent (rest_rate);
        g_autofree char *pt = cg_findings_format_p (p);
        /* Translators: a test's name and its p-value, "chi-square test, p < 0.001". */
        g_autofree char *test = g_strdup_printf (_("%s, %s"), k == 2 ? _("two-proportion z-test") : _("chi-square test"), pt);
        g_autofree char *lost = cg_format_count ((gint64) llround ((rest_rate - worst_rate) * worst->calls));

        e->value = worst_rate;
        e->previous_value = rest_rate;
        e->p_value = p;
        e->impact = (worst_rate - rest_rate) * worst->calls;
        e->text = g_strdup_printf (_("%s has the lowest connect rate of the %s: %s against %s for the others (%s); at their rate it would have had about %s more connected calls."),
                                   subject, _(plural[d]), v1, v0, test, lost);
        g_ptr_array_add (out, e);
      }
    }
  return TRUE;
}

/* ---- themes -------------------------------------------------------------------------- */

static gboolean
find_themes (CgFindingsContext    *ctx,
             GPtrArray  *out,
             GError    **error)
{
  g_autoptr(CgThemeReport) report = cg_theme_report_compute (ctx->store, CG_TEXT_SOURCE_ALL, CG_THEME_BY_TOTAL,
                                                             ctx->current.from_ts, ctx->current.to_ts, error);
  g_autofree double *p = NULL;
  g_autoptr(GPtrArray) tested = g_ptr_array_new ();

  if (report == NULL)
    return FALSE;
  if (report->texts < CG_FINDINGS_MIN_TEXTS || report->previous_texts < CG_FINDINGS_MIN_TEXTS)
    return TRUE;
  for (guint i = 0; i < report->rows->len; i++)
    {
      CgThemeRow *row = g_ptr_array_index (report->rows, i);
      if (row->has_previous && isfinite (row->p_value) && row->mentions + row->previous_mentions >= CG_FINDINGS_MIN_EVENTS / 2)
        g_ptr_array_add (tested, row);
    }
  p = g_new (double, tested->len + 1);
  for (guint i = 0; i < tested->len; i++)
    p[i] = ((CgThemeRow *) g_ptr_array_index (tested, i))->p_value;
  cg_stats_holm (p, tested->len, p);
  for (guint i = 0; i < tested->len; i++)
    {
      CgThemeRow *row = g_ptr_array_index (tested, i);
      g_autofree char *v1 = NULL, *v0 = NULL, *neg = NULL, *pt = NULL;
      CgFindingEntry *e;

      if (p[i] >= CG_STATS_ALPHA || row->change <= 0)
        continue;
      e = cg_finding_entry_new (CG_FINDING_KIND_THEME, CG_N_DIMS, NULL, "theme_share");
      g_free (e->subject);
      e->subject = g_strdup_printf ("theme:%s", row->theme);
      e->key = g_strdup (row->theme);
      e->value = row->share;
      e->previous_value = row->previous_share;
      e->p_value = p[i];
      e->impact = -row->change * row->texts;
      v1 = cg_findings_format_percent (row->share);
      v0 = cg_findings_format_percent (row->previous_share);
      neg = cg_findings_format_percent (isfinite (row->negative_share) ? row->negative_share : 0);
      pt = cg_findings_format_p (p[i]);
      e->text = g_strdup_printf (_("Customers raise “%s” more often: %s of texts against %s in the previous period (two-proportion z-test, %s); %s of these texts are negative."),
                                 row->label, v1, v0, pt, neg);
      g_ptr_array_add (out, e);
    }
  return TRUE;
}

/* ---- compliance ------------------------------------------------------------------------ */

static void
add_compliance (GPtrArray  *out,
                const char *metric,
                gint64      count,
                char       *text)
{
  CgFindingEntry *e = cg_finding_entry_new (CG_FINDING_KIND_COMPLIANCE, CG_DIM_TOTAL, NULL, metric);

  e->value = count;
  e->impact = -(double) count;
  e->text = text;
  g_ptr_array_add (out, e);
}

/* Any violation is a finding: the rule is the threshold. */
static gboolean
find_compliance (CgFindingsContext    *ctx,
                 GPtrArray  *out,
                 GError    **error)
{
  g_autoptr(CgComplianceReport) computed = NULL;
  const CgComplianceReport *report = ctx->inputs->audit;

  if (report == NULL && (report = computed = cg_compliance_audit (ctx->store, &ctx->current, error)) == NULL)
    return FALSE;
  if (report->outside_hours.count > 0)
    {
      g_autofree char *n = cg_format_count (report->outside_hours.count);
      g_autofree char *hours = cg_calling_hours_to_string (&report->hours);
      add_compliance (out, "outside_hours", report->outside_hours.count,
                      g_strdup_printf (ngettext ("%s call was made outside the calling hours (%s).",
                                                 "%s calls were made outside the calling hours (%s).",
                                                 report->outside_hours.count), n, hours));
    }
  if (report->dnc.count > 0)
    {
      g_autofree char *n = cg_format_count (report->dnc.count);
      add_compliance (out, "dnc", report->dnc.count,
                      g_strdup_printf (ngettext ("%s call went to a number on the do-not-call list.",
                                                 "%s calls went to numbers on the do-not-call list.",
                                                 report->dnc.count), n));
    }
  if (report->attempt_cap.count > 0)
    {
      g_autofree char *n = cg_format_count (report->attempt_cap.count);
      g_autofree char *numbers = cg_format_count (report->cap_numbers);
      g_autofree char *cap = g_strdup_printf ("%u/%u", report->cap.max_attempts, report->cap.days);
      add_compliance (out, "attempt_cap", report->attempt_cap.count,
                      g_strdup_printf (ngettext ("%s call broke the attempt cap of %s (on %s numbers).",
                                                 "%s calls broke the attempt cap of %s (on %s numbers).",
                                                 report->attempt_cap.count), n, cap, numbers));
    }
  return TRUE;
}

/* ---- finance --------------------------------------------------------------------------- */

/* The active scenario: the one the setting names, else the last one saved. */
static char *
active_scenario (CgFindingsContext *ctx)
{
  char *name = cg_store_get_setting (ctx->store, "active_scenario", NULL);
  sqlite3_stmt *stmt;

  if (name != NULL)
    return name;
  stmt = cg_store_prepare (ctx->store, "SELECT name FROM scenarios ORDER BY updated_at DESC, id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

static gboolean
find_finance (CgFindingsContext    *ctx,
              GPtrArray  *out,
              GError    **error)
{
  g_autofree char *name = active_scenario (ctx);
  g_autoptr(CgScenario) scenario = NULL;
  g_autoptr(CgFinanceResult) result = NULL;
  g_autofree char *npv = NULL;
  CgFindingEntry *e;

  if (name == NULL)
    return TRUE;
  /* A scenario that cannot be read or evaluated is the scenario page's
   * business, not a reason to withhold the other findings. */
  if ((scenario = cg_store_load_scenario (ctx->store, name, NULL)) == NULL ||
      (result = cg_finance_evaluate (scenario, NULL)) == NULL)
    return TRUE;
  e = cg_finding_entry_new (CG_FINDING_KIND_FINANCE, CG_N_DIMS, NULL, "payback");
  g_free (e->subject);
  e->subject = g_strdup_printf ("scenario:%s", name);
  e->key = g_strdup (name);
  e->value = result->payback_reached ? result->payback_months : NAN;
  npv = cg_format_count ((gint64) llround (result->npv));
  if (result->payback_reached)
    {
      g_autofree char *months = g_strdup_printf ("%.1f", result->payback_months);
      e->text = g_strdup_printf (_("Scenario “%s” pays back after %s months (NPV %s CNY)."), name, months, npv);
    }
  else
    {
      g_autofree char *months = cg_format_count (scenario->horizon_months);
      e->text = g_strdup_printf (_("Scenario “%s” does not pay back within its %s months (NPV %s CNY)."), name, months, npv);
    }
  g_ptr_array_add (out, e);
  return TRUE;
}

/* ---- the table and the ranking ------------------------------------------------------- */

static const struct {
  CgFindingKind     kind;
  CgFindingsSourceFunc find;
} sources[] = {
  { CG_FINDING_KIND_CHANGE,     cg_findings_find_changes },
  { CG_FINDING_KIND_DIFFERENCE, find_differences },  /* after changes: it skips what they explain */
  { CG_FINDING_KIND_INCIDENT,   cg_findings_find_incidents },
  { CG_FINDING_KIND_QUALITY,    cg_findings_find_quality },
  { CG_FINDING_KIND_THEME,      find_themes },
  { CG_FINDING_KIND_COMPLIANCE, find_compliance },
  { CG_FINDING_KIND_FINANCE,    find_finance },
};

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CgFindingEntry *x = *(CgFindingEntry **) a, *y = *(CgFindingEntry **) b;
  double ix = isfinite (x->rank_impact) ? x->rank_impact : fabs (x->impact);
  double iy = isfinite (y->rank_impact) ? y->rank_impact : fabs (y->impact);

  if (ix != iy)
    return ix > iy ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (isfinite (x->p_value) && isfinite (y->p_value) && x->p_value != y->p_value)
    return x->p_value < y->p_value ? -1 : 1;
  return g_strcmp0 (x->subject, y->subject);
}

CgFindings *
cg_findings_compute (CgStore  *store,
                     gint64    from_ts,
                     gint64    to_ts,
                     GError  **error)
{
  return cg_findings_compute_with (store, from_ts, to_ts, NULL, error);
}

CgFindings *
cg_findings_compute_with (CgStore                *store,
                          gint64                  from_ts,
                          gint64                  to_ts,
                          const CgFindingsInputs *inputs,
                          GError                **error)
{
  static const CgFindingsInputs none = { 0 };
  g_autoptr(CgFindings) findings = g_new0 (CgFindings, 1);
  g_autoptr(CgCallSlices) current = NULL;
  g_autoptr(CgCallSlices) previous = NULL;
  CgFindingsContext ctx = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (to_ts > from_ts, NULL);

  findings->from_ts = from_ts;
  findings->to_ts = to_ts;
  findings->previous_to_ts = from_ts;
  findings->previous_from_ts = from_ts - (to_ts - from_ts);
  findings->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_finding_entry_free);
  ctx.store = store;
  ctx.inputs = inputs != NULL ? inputs : &none;
  ctx.current.from_ts = from_ts;
  ctx.current.to_ts = to_ts;
  ctx.previous.from_ts = findings->previous_from_ts;
  ctx.previous.to_ts = findings->previous_to_ts;
  if ((ctx.slices[0] = ctx.inputs->slices) == NULL &&
      (ctx.slices[0] = current = cg_call_slices_compute (store, &ctx.current, error)) == NULL)
    return NULL;
  if ((ctx.slices[1] = ctx.inputs->previous_slices) == NULL &&
      (ctx.slices[1] = previous = cg_call_slices_compute (store, &ctx.previous, error)) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sources) && ok; i++)
    ok = sources[i].find (&ctx, findings->entries, error);
  for (guint p = 0; p < 2; p++)
    for (guint d = 0; d < CG_N_DIMS; d++)
      g_clear_pointer (&ctx.connect[p][d], g_ptr_array_unref);
  if (!ok)
    return NULL;
  g_ptr_array_sort (findings->entries, compare_entries);
  return g_steal_pointer (&findings);
}
