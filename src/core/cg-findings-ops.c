/* cg-findings-ops.c — findings about operations: line incidents and
 * call-quality problems.
 *
 * Incidents: every incident the detector finds starting in the period
 * (cg-incidents.h: one-sided binomial or Poisson test per run of hours,
 * p < 10⁻⁴), summed into one finding per line; its impact is the
 * connected calls the incidents lost.
 *
 * Quality: a line or an agent whose share of calls with a low MOS lies
 * above that of the others, or whose recording coverage lies below, by at
 * least a minimum effect and by a two-proportion z-test (Holm over every
 * slice and measure tested).  Slices with fewer than
 * CG_FINDINGS_MIN_TRIALS calls with a MOS (connected calls from logs with
 * a recording column), or whose others have fewer, are not judged.  The
 * impact is the connected calls affected beyond the others' rate (calls
 * carry a MOS only when they connected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-call-quality.h"
#include "cg-findings-private.h"
#include "cg-format.h"
#include "cg-incidents.h"
#include "cg-stats.h"

/* Minimum effects, in share points: differences smaller than these are
 * not worth a manager's attention even when a large log makes them
 * significant. */
#define LOW_MOS_MIN_EXCESS   0.05
#define RECORDING_MIN_GAP    0.05

/* ---- incidents ---------------------------------------------------------------------- */

typedef struct {
  const char *line;
  guint       incidents;
  guint       hours;
  double      lost_connects;
  double      max_p;
  guint       kinds;      /* bit per CgIncidentKind */
} LineIncidents;

static char *
incident_kinds_text (guint kinds)
{
  static const char *const words[CG_N_INCIDENT_KINDS] = {
    N_("line failures"), N_("calls not connecting"), N_("silence"),
  };
  char *text = NULL;

  for (CgIncidentKind k = 0; k < CG_N_INCIDENT_KINDS; k++)
    {
      char *joined;

      if (!(kinds & (1u << k)))
        continue;
      if (text == NULL)
        {
          text = g_strdup (_(words[k]));
          continue;
        }
      /* Translators: a list of incident kinds, "line failures, silence". */
      joined = g_strdup_printf (C_("list", "%s, %s"), text, _(words[k]));
      g_free (text);
      text = joined;
    }
  return text;
}

static const char *
incident_test_name (guint kinds)
{
  gboolean poisson = (kinds & (1u << CG_INCIDENT_SILENCE)) != 0;
  gboolean binomial = (kinds & ~(1u << CG_INCIDENT_SILENCE)) != 0;

  if (poisson && binomial)
    return _("one-sided binomial and Poisson tests");
  return poisson ? _("Poisson test") : _("one-sided binomial test");
}

static CgFindingEntry *
incident_entry (const LineIncidents *li)
{
  CgFindingEntry *e = cg_finding_entry_new (CG_FINDING_KIND_INCIDENT, CG_DIM_LINE, li->line, "incidents");
  g_autofree char *subject = cg_findings_subject_label (CG_DIM_LINE, li->line);
  g_autofree char *count = cg_format_count (li->incidents);
  g_autofree char *hours_n = cg_format_count (li->hours);
  g_autofree char *hours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour in all", "%s hours in all", li->hours), hours_n);
  g_autofree char *kinds = incident_kinds_text (li->kinds);
  g_autofree char *lost = cg_format_count ((gint64) llround (li->lost_connects));
  g_autofree char *p = cg_findings_format_p (li->max_p);
  g_autofree char *test = NULL;

  if (li->incidents == 1)
    /* Translators: a test's name and its p-value, "two-proportion z-test, p = 0.012". */
    test = g_strdup_printf (_("%s, %s"), incident_test_name (li->kinds), p);
  else
    /* Translators: tests' name and the largest of their p-values, "one-sided binomial test, each p < 0.001". */
    test = g_strdup_printf (_("%s, each %s"), incident_test_name (li->kinds), p);
  e->value = li->incidents;
  e->p_value = li->max_p;
  e->impact = -li->lost_connects;
  e->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s incident in this period (%s; %s) cost about %s connected calls (%s).",
                                       "%s: %s incidents in this period (%s; %s) cost about %s connected calls (%s).",
                                       li->incidents),
                             subject, count, kinds, hours, lost, test);
  return e;
}

/* One finding per line with incidents starting in the period. */
gboolean
cg_findings_find_incidents (CgFindingsContext  *ctx,
                            GPtrArray          *out,
                            GError            **error)
{
  g_autoptr(CgIncidentReport) report = cg_incidents_detect (ctx->store, &ctx->current, error);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (LineIncidents));

  if (report == NULL)
    return FALSE;
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (report->incidents, i);
      LineIncidents *li = NULL;

      for (guint j = 0; j < lines->len && li == NULL; j++)
        if (g_str_equal (g_array_index (lines, LineIncidents, j).line, incident->line))
          li = &g_array_index (lines, LineIncidents, j);
      if (li == NULL)
        {
          g_array_set_size (lines, lines->len + 1);
          li = &g_array_index (lines, LineIncidents, lines->len - 1);
          li->line = incident->line;
        }
      li->incidents++;
      li->hours += incident->hours;
      li->lost_connects += incident->lost_connects;
      li->max_p = MAX (li->max_p, incident->p_value);
      li->kinds |= 1u << incident->kind;
    }
  for (guint j = 0; j < lines->len; j++)
    g_ptr_array_add (out, incident_entry (&g_array_index (lines, LineIncidents, j)));
  return TRUE;
}

/* ---- call quality ------------------------------------------------------------------- */

typedef enum { Q_LOW_MOS, Q_RECORDING } QualityMeasure;

typedef struct {
  QualityMeasure  measure;
  CgDimension     dimension;
  const char     *key;       /* owned by the rows */
  gint64          x1, n1;    /* the slice: low-MOS calls of calls with a MOS, or
                              * calls without a recording of those that could have one */
  gint64          x0, n0;    /* the others */
  double          p_value;
} QualityCandidate;

/* x of @row for @measure: the calls the problem touched. */
static void
quality_counts (const CgCallQualityRow *row,
                QualityMeasure          measure,
                gint64                 *x,
                gint64                 *n)
{
  if (measure == Q_LOW_MOS)
    {
      *n = row->with_mos;
      *x = row->with_mos > 0 ? llround (row->low_mos_share * row->with_mos) : 0;
    }
  else
    {
      *n = row->recordings_known;
      *x = row->recordings_known - row->recordings;
    }
}

static void
quality_candidates (GPtrArray      *rows,
                    CgDimension     dimension,
                    QualityMeasure  measure,
                    GArray         *out)
{
  double min_effect = measure == Q_LOW_MOS ? LOW_MOS_MIN_EXCESS : RECORDING_MIN_GAP;
  gint64 all_x = 0, all_n = 0;

  /* Calls without a line or agent are no group one could act on. */
  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *row = g_ptr_array_index (rows, i);
      gint64 x, n;

      if (*row->key == '\0')
        continue;
      quality_counts (row, measure, &x, &n);
      all_x += x;
      all_n += n;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *row = g_ptr_array_index (rows, i);
      QualityCandidate c = { measure, dimension, row->key, 0, 0, 0, 0, NAN };
      CgProportionComparison cmp;

      if (*row->key == '\0')
        continue;
      quality_counts (row, measure, &c.x1, &c.n1);
      c.x0 = all_x - c.x1;
      c.n0 = all_n - c.n1;
      if (c.n1 < CG_FINDINGS_MIN_TRIALS || c.n0 < CG_FINDINGS_MIN_TRIALS ||
          c.x1 + c.x0 < CG_FINDINGS_MIN_EVENTS || (c.n1 - c.x1) + (c.n0 - c.x0) < CG_FINDINGS_MIN_EVENTS)
        continue;
      if ((double) c.x1 / c.n1 - (double) c.x0 / c.n0 < min_effect)
        continue;
      if (!cg_stats_compare_proportions (c.x1, c.n1, c.x0, c.n0, CG_STATS_ALPHA, &cmp))
        continue;
      c.p_value = cmp.p_value;
      g_array_append_val (out, c);
    }
}

static CgFindingEntry *
quality_entry (const QualityCandidate *c,
               double                  p)
{
  static const char *const plural[CG_N_DIMS] = { [CG_DIM_LINE] = N_("lines"), [CG_DIM_AGENT] = N_("agents") };
  CgFindingEntry *e = cg_finding_entry_new (CG_FINDING_KIND_QUALITY, c->dimension, c->key,
                                            c->measure == Q_LOW_MOS ? "low_mos_share" : "recording_coverage");
  double share1 = (double) c->x1 / c->n1, share0 = (double) c->x0 / c->n0;
  g_autofree char *subject = cg_findings_subject_label (c->dimension, c->key);
  g_autofree char *pt = cg_findings_format_p (p);
  /* Translators: a test's name and its p-value, "two-proportion z-test, p = 0.012". */
  g_autofree char *test = g_strdup_printf (_("%s, %s"), _("two-proportion z-test"), pt);
  g_autofree char *affected = cg_format_count ((gint64) llround ((share1 - share0) * c->n1));
  g_autofree char *v1 = NULL, *v0 = NULL;

  e->p_value = p;
  e->impact = -(share1 - share0) * c->n1;
  if (c->measure == Q_LOW_MOS)
    {
      g_autofree char *threshold = g_strdup_printf ("%.1f", CG_LOW_MOS);

      e->value = share1;
      e->previous_value = share0;
      v1 = cg_findings_format_percent (share1);
      v0 = cg_findings_format_percent (share0);
      e->text = g_strdup_printf (_("%s: %s of calls sound poor (MOS under %s) against %s on the other %s (%s); at their rate about %s fewer connected calls would have sounded poor."),
                                 subject, v1, threshold, v0, _(plural[c->dimension]), test, affected);
    }
  else
    {
      e->value = 1.0 - share1;
      e->previous_value = 1.0 - share0;
      v1 = cg_findings_format_percent (1.0 - share1);
      v0 = cg_findings_format_percent (1.0 - share0);
      e->text = g_strdup_printf (_("%s: only %s of connected calls have a recording against %s on the other %s (%s); at their rate about %s more connected calls would have one."),
                                 subject, v1, v0, _(plural[c->dimension]), test, affected);
    }
  return e;
}

/* Low MOS and missing recordings by line and by agent, one Holm family. */
gboolean
cg_findings_find_quality (CgFindingsContext  *ctx,
                          GPtrArray          *out,
                          GError            **error)
{
  static const CgDimension dims[] = { CG_DIM_LINE, CG_DIM_AGENT };
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (QualityCandidate));
  g_autofree double *p = NULL;

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      GPtrArray *rows = ctx->slices[0]->quality[dims[d]];

      quality_candidates (rows, dims[d], Q_LOW_MOS, candidates);
      quality_candidates (rows, dims[d], Q_RECORDING, candidates);
    }
  p = g_new (double, candidates->len + 1);
  for (guint i = 0; i < candidates->len; i++)
    p[i] = g_array_index (candidates, QualityCandidate, i).p_value;
  cg_stats_holm (p, candidates->len, p);
  for (guint i = 0; i < candidates->len; i++)
    if (p[i] < CG_STATS_ALPHA)
      g_ptr_array_add (out, quality_entry (&g_array_index (candidates, QualityCandidate, i), p[i]));
  return TRUE;
}
