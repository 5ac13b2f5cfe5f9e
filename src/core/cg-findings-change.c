/* cg-findings-change.c — significant changes against the previous period.
 *
 * Every rate and slice tested in a period is one family for Holm's
 * correction; the impact of a change is the events gained or lost at the
 * period's volume, weighted into connected-call equivalents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-findings-private.h"
#include "cg-format.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-stats.h"
#include "cg-store-private.h"

/* A total change is left out when one slice accounts for this share of it:
 * the slice's sentence says more. */
#define EXPLAINED_SHARE 0.75

/* The survey dimensions CSAT and NPS are read from (see the survey import). */
#define CSAT_DIMENSION "overall"
#define NPS_DIMENSION  "nps"

typedef struct {
  const char *id;
  const char *label;       /* N_(): "connect rate" */
  const char *unit;        /* N_(): what the impact counts */
  gboolean    percent;     /* a share (else points, as NPS) */
  gboolean    higher_is_better;
} Metric;

static const Metric metrics[] = {
  { "connect_rate",   N_("connect rate"),   N_("connected calls"),   TRUE,  TRUE },
  { "contact_rate",   N_("contact rate"),   N_("customers reached"), TRUE,  TRUE },
  { "conversion",     N_("conversion"),     N_("sales"),             TRUE,  TRUE },
  { "complaint_rate", N_("complaint rate"), N_("complaints"),        TRUE,  FALSE },
  { "csat",           N_("CSAT"),           N_("satisfied customers"), TRUE, TRUE },
  { "nps",            N_("NPS"),            N_("net promoters"),     FALSE, TRUE },
};

enum { M_CONNECT, M_CONTACT, M_CONVERSION, M_COMPLAINTS, M_CSAT, M_NPS };

static char *
format_value (const Metric *metric,
              double        value)
{
  return metric->percent ? cg_findings_format_percent (value) : g_strdup_printf ("%.0f", 100.0 * value);
}

/* ---- change ---------------------------------------------------------------------- */

typedef struct {
  const Metric *metric;
  CgDimension   dimension;
  char         *key;
  double        rate1, rate0;
  double        p_value;
  double        events;       /* what the impact counts, gained (+) or lost (−) */
  double        weight;       /* connected-call equivalents of one event */
  const char   *test;         /* N_() */
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->key);
  g_free (c);
}

static void
add_rate_candidate (GPtrArray    *candidates,
                    const Metric *metric,
                    CgDimension   dimension,
                    const char   *key,
                    gint64        x1,
                    gint64        n1,
                    gint64        x0,
                    gint64        n0,
                    double        weight)
{
  CgProportionComparison cmp;
  Candidate *c;

  if (n1 < CG_FINDINGS_MIN_TRIALS || n0 < CG_FINDINGS_MIN_TRIALS || x1 + x0 < CG_FINDINGS_MIN_EVENTS || (n1 - x1) + (n0 - x0) < CG_FINDINGS_MIN_EVENTS)
    return;
  if (!cg_stats_compare_proportions (x1, n1, x0, n0, CG_STATS_ALPHA, &cmp))
    return;
  c = g_new0 (Candidate, 1);
  c->metric = metric;
  c->dimension = dimension;
  c->key = g_strdup (key);
  c->rate1 = cmp.rate1;
  c->rate0 = cmp.rate2;
  c->p_value = cmp.p_value;
  /* At this period's volume, how many more or fewer events the change made. */
  c->events = (cmp.rate1 - cmp.rate2) * n1;
  c->weight = metric->higher_is_better ? weight : -weight;
  c->test = N_("two-proportion z-test");
  g_ptr_array_add (candidates, c);
}

static CgConnectRow *
find_connect_row (GPtrArray  *rows,
                  const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CgConnectRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

static CgFunnelRow *
find_funnel_row (GPtrArray  *rows,
                 const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CgFunnelRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

static gboolean
connect_candidates (CgFindingsContext    *ctx,
                    GPtrArray  *candidates,
                    GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_AGENT };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      GPtrArray *now = cg_findings_connect (ctx, dims[d], FALSE, error);
      GPtrArray *before = now ? cg_findings_connect (ctx, dims[d], TRUE, error) : NULL;

      if (before == NULL)
        return FALSE;
      for (guint i = 0; i < now->len; i++)
        {
          CgConnectRow *a = g_ptr_array_index (now, i);
          CgConnectRow *b = find_connect_row (before, a->key);

          if (b != NULL && (dims[d] == CG_DIM_TOTAL || (a->key != NULL && *a->key != '\0')))
            add_rate_candidate (candidates, &metrics[M_CONNECT], dims[d], dims[d] == CG_DIM_TOTAL ? NULL : a->key,
                                a->connected, a->calls, b->connected, b->calls, 1.0);
        }
    }
  return TRUE;
}

/* The funnel's stages by @dimension from the sums where they answer, else
 * the slices' rows; new customers are not needed here. */
static GPtrArray *
funnel_rows (CgFindingsContext  *ctx,
             CgDimension         dimension,
             gboolean            previous,
             GError            **error)
{
  const CgFilter *filter = previous ? &ctx->previous : &ctx->current;
  GPtrArray *sliced = ctx->slices[previous ? 1 : 0]->funnel[dimension];

  if (sliced != NULL && !cg_findings_sums_answer (ctx, dimension, filter))
    return g_ptr_array_ref (sliced);
  if (cg_findings_sums_answer (ctx, dimension, filter))
    return cg_funnel_stages_from_sums (ctx->store, dimension, filter, error);
  return cg_funnel_compute (ctx->store, dimension, filter, error);
}

static gboolean
conversion_candidates (CgFindingsContext    *ctx,
                       GPtrArray  *candidates,
                       GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_LIST, CG_DIM_AGENT };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      g_autoptr(GPtrArray) now = funnel_rows (ctx, dims[d], FALSE, error);
      g_autoptr(GPtrArray) before = now ? funnel_rows (ctx, dims[d], TRUE, error) : NULL;

      if (before == NULL)
        return FALSE;
      for (guint i = 0; i < now->len; i++)
        {
          CgFunnelRow *a = g_ptr_array_index (now, i);
          CgFunnelRow *b = find_funnel_row (before, a->key);

          if (dims[d] == CG_DIM_TOTAL && a->sales > 0)
            ctx->connected_per_sale = (double) a->connected / a->sales;
          if (b != NULL && ctx->connected_per_sale > 0 && (dims[d] == CG_DIM_TOTAL || (a->key != NULL && *a->key != '\0')))
            add_rate_candidate (candidates, &metrics[M_CONVERSION], dims[d], dims[d] == CG_DIM_TOTAL ? NULL : a->key,
                                a->sales, a->dialled, b->sales, b->dialled, ctx->connected_per_sale);
        }
    }
  return TRUE;
}

static CgContact *
find_contact_row (GPtrArray  *rows,
                  const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CgContact *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

/* Contact rate overall and per line and list big enough to tell (agents
 * share numbers too much for a per-agent contact rate to mean much).  A
 * slice's row counts the numbers dialled and reached in the slice, as the
 * filter narrowed to it would; one pass per period gives them all. */
static gboolean
contact_candidates (CgFindingsContext    *ctx,
                    GPtrArray  *candidates,
                    GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_LINE, CG_DIM_LIST };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      GPtrArray *now = ctx->slices[0]->contact[dims[d]];
      GPtrArray *before = ctx->slices[1]->contact[dims[d]];
      GPtrArray *rows = dims[d] == CG_DIM_TOTAL ? NULL : cg_findings_connect (ctx, dims[d], FALSE, error);

      if (dims[d] != CG_DIM_TOTAL && rows == NULL)
        return FALSE;
      for (guint i = 0; i < now->len; i++)
        {
          CgContact *a = g_ptr_array_index (now, i);
          CgContact *b = find_contact_row (before, a->key);
          CgConnectRow *calls = rows != NULL ? find_connect_row (rows, a->key) : NULL;
          gboolean total = dims[d] == CG_DIM_TOTAL;

          if (!total && (calls == NULL || calls->calls < CG_FINDINGS_MIN_TRIALS || *a->key == '\0'))
            continue;
          add_rate_candidate (candidates, &metrics[M_CONTACT], dims[d], total ? NULL : a->key,
                              a->numbers_reached, a->numbers,
                              b != NULL ? b->numbers_reached : 0, b != NULL ? b->numbers : 0, 1.0);
        }
    }
  return TRUE;
}

static gint64
count_complaints (CgFindingsContext        *ctx,
                  const CgFilter *filter,
                  GError        **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (ctx->store, "SELECT count(*) FROM complaints WHERE ts >= ?1 AND ts < ?2", error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    cg_store_set_sql_error (ctx->store, error, "count complaints");
  sqlite3_reset (stmt);
  return n;
}

/* Complaints per connected call: more complaints is a loss. */
static gboolean
complaint_candidates (CgFindingsContext    *ctx,
                      GPtrArray  *candidates,
                      GError    **error)
{
  gint64 c1 = count_complaints (ctx, &ctx->current, error);
  gint64 c0 = c1 >= 0 ? count_complaints (ctx, &ctx->previous, error) : -1;
  GPtrArray *now, *before;
  CgConnectRow *a, *b;

  if (c0 < 0)
    return FALSE;
  if (c1 + c0 < CG_FINDINGS_MIN_EVENTS)
    return TRUE;
  now = cg_findings_connect (ctx, CG_DIM_TOTAL, FALSE, error);
  before = now ? cg_findings_connect (ctx, CG_DIM_TOTAL, TRUE, error) : NULL;
  if (before == NULL)
    return FALSE;
  if (now->len == 0 || before->len == 0)
    return TRUE;
  a = g_ptr_array_index (now, 0);
  b = g_ptr_array_index (before, 0);
  if (c1 <= a->connected && c0 <= b->connected)
    add_rate_candidate (candidates, &metrics[M_COMPLAINTS], CG_DIM_TOTAL, NULL, c1, a->connected, c0, b->connected, 1.0);
  return TRUE;
}

typedef struct {
  gint64 n;
  double sum;
  double sumsq;
  gint64 top;   /* CSAT: answers in the top two boxes */
} Answers;

static gboolean
survey_answers (CgFindingsContext        *ctx,
                const char     *dimension,
                const CgFilter *filter,
                Answers        *answers,
                GError        **error)
{
  /* NPS scores each answer +1 (9–10), 0 (7–8) or −1 (0–6); its mean is the NPS. */
  sqlite3_stmt *stmt = cg_store_prepare (ctx->store,
    "SELECT count(*), total (s), total (s * s), total (top) FROM ("
    "  SELECT CASE WHEN a.value >= 9 THEN 1 WHEN a.value <= 6 THEN -1 ELSE 0 END AS s,"
    "         a.value >= coalesce (q.scale_max, 5) - 1 AS top"
    "  FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id"
    "  JOIN survey_responses r ON r.id = a.response_id"
    "  WHERE q.dimension = ?3 AND a.value IS NOT NULL AND r.submitted_ts >= ?1 AND r.submitted_ts < ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, filter->from_ts);
  sqlite3_bind_int64 (stmt, 2, filter->to_ts);
  sqlite3_bind_text (stmt, 3, dimension, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      answers->n = sqlite3_column_int64 (stmt, 0);
      answers->sum = sqlite3_column_double (stmt, 1);
      answers->sumsq = sqlite3_column_double (stmt, 2);
      answers->top = (gint64) sqlite3_column_double (stmt, 3);
    }
  else
    cg_store_set_sql_error (ctx->store, error, "survey answers");
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
satisfaction_candidates (CgFindingsContext    *ctx,
                         GPtrArray  *candidates,
                         GError    **error)
{
  Answers csat1 = { 0 }, csat0 = { 0 }, nps1 = { 0 }, nps0 = { 0 };
  CgWelch welch;

  if (!survey_answers (ctx, CSAT_DIMENSION, &ctx->current, &csat1, error) ||
      !survey_answers (ctx, CSAT_DIMENSION, &ctx->previous, &csat0, error) ||
      !survey_answers (ctx, NPS_DIMENSION, &ctx->current, &nps1, error) ||
      !survey_answers (ctx, NPS_DIMENSION, &ctx->previous, &nps0, error))
    return FALSE;
  if (csat1.n >= CG_FINDINGS_MIN_RESPONSES && csat0.n >= CG_FINDINGS_MIN_RESPONSES)
    {
      /* add_rate_candidate's minimum is for calls; surveys have their own. */
      CgProportionComparison cmp;

      if (cg_stats_compare_proportions (csat1.top, csat1.n, csat0.top, csat0.n, CG_STATS_ALPHA, &cmp))
        {
          Candidate *c = g_new0 (Candidate, 1);
          c->metric = &metrics[M_CSAT];
          c->dimension = CG_DIM_TOTAL;
          c->rate1 = cmp.rate1;
          c->rate0 = cmp.rate2;
          c->p_value = cmp.p_value;
          c->events = (cmp.rate1 - cmp.rate2) * csat1.n;
          c->weight = 1.0;
          c->test = N_("two-proportion z-test");
          g_ptr_array_add (candidates, c);
        }
    }
  if (nps1.n >= CG_FINDINGS_MIN_RESPONSES && nps0.n >= CG_FINDINGS_MIN_RESPONSES)
    {
      double m1 = nps1.sum / nps1.n, m0 = nps0.sum / nps0.n;
      double sd1 = sqrt (MAX (0.0, (nps1.sumsq - nps1.n * m1 * m1) / (nps1.n - 1)));
      double sd0 = sqrt (MAX (0.0, (nps0.sumsq - nps0.n * m0 * m0) / (nps0.n - 1)));

      if (cg_stats_welch (m1, sd1, nps1.n, m0, sd0, nps0.n, CG_STATS_CONFIDENCE, &welch))
        {
          Candidate *c = g_new0 (Candidate, 1);
          c->metric = &metrics[M_NPS];
          c->dimension = CG_DIM_TOTAL;
          c->rate1 = m1;
          c->rate0 = m0;
          c->p_value = welch.p_value;
          c->events = (m1 - m0) * nps1.n;
          c->weight = 1.0;
          c->test = N_("Welch’s t-test");
          g_ptr_array_add (candidates, c);
        }
    }
  return TRUE;
}


static CgFindingEntry *
change_entry (const Candidate *c,
              double           adjusted_p)
{
  CgFindingEntry *e = cg_finding_entry_new (CG_FINDING_KIND_CHANGE, c->dimension, c->key, c->metric->id);
  g_autofree char *subject = cg_findings_subject_label (c->dimension, c->key);
  g_autofree char *v1 = format_value (c->metric, c->rate1);
  g_autofree char *v0 = format_value (c->metric, c->rate0);
  g_autofree char *p = cg_findings_format_p (adjusted_p);
  g_autofree char *events = cg_format_count ((gint64) llround (fabs (c->events)));
  /* Translators: a test's name and its p-value, "two-proportion z-test, p = 0.012". */
  g_autofree char *test = g_strdup_printf (_("%s, %s"), _(c->test), p);

  e->value = c->rate1;
  e->previous_value = c->rate0;
  e->p_value = adjusted_p;
  e->impact = c->events * c->weight;
  if (c->rate1 < c->rate0)
    e->text = g_strdup_printf (_("%s: %s fell from %s to %s against the previous period of equal length (%s); that is about %s fewer %s."),
                               subject, _(c->metric->label), v0, v1, test, events, _(c->metric->unit));
  else
    e->text = g_strdup_printf (_("%s: %s rose from %s to %s against the previous period of equal length (%s); that is about %s more %s."),
                               subject, _(c->metric->label), v0, v1, test, events, _(c->metric->unit));
  return e;
}

/* The largest significant change of the same metric and direction in a
 * slice of @total, or NULL. */
static CgFindingEntry *
largest_slice (GPtrArray      *entries,
               CgFindingEntry *total)
{
  CgFindingEntry *largest = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      CgFindingEntry *e = g_ptr_array_index (entries, i);

      if (e != total && e->dimension != CG_DIM_TOTAL && strcmp (e->metric, total->metric) == 0 &&
          e->impact * total->impact > 0 && (largest == NULL || fabs (e->impact) > fabs (largest->impact)))
        largest = e;
    }
  return largest;
}

gboolean
cg_findings_find_changes (CgFindingsContext    *ctx,
              GPtrArray  *out,
              GError    **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree double *p = NULL;

  /* Conversion first: it sets the connected calls a sale is worth. */
  if (!conversion_candidates (ctx, candidates, error) ||
      !connect_candidates (ctx, candidates, error) ||
      !contact_candidates (ctx, candidates, error) ||
      !complaint_candidates (ctx, candidates, error) ||
      !satisfaction_candidates (ctx, candidates, error))
    return FALSE;
  /* One family: every rate and slice tested in this period. */
  p = g_new (double, candidates->len + 1);
  for (guint i = 0; i < candidates->len; i++)
    p[i] = ((Candidate *) g_ptr_array_index (candidates, i))->p_value;
  cg_stats_holm (p, candidates->len, p);
  for (guint i = 0; i < candidates->len; i++)
    if (p[i] < CG_STATS_ALPHA)
      g_ptr_array_add (entries, change_entry (g_ptr_array_index (candidates, i), p[i]));
  /* A total that one slice explains is left to the slice; one that
   * slices explain in part comes right after the largest of them: the
   * slice says where to act, the total only sums up.  Decide for all
   * before freeing any, since each decision reads the others. */
  for (guint i = 0; i < entries->len; i++)
    {
      CgFindingEntry *e = g_ptr_array_index (entries, i);
      CgFindingEntry *slice = e->dimension == CG_DIM_TOTAL ? largest_slice (entries, e) : NULL;

      if (slice != NULL)
        e->rank_impact = fabs (slice->impact) >= EXPLAINED_SHARE * fabs (e->impact)
                         ? -1.0 : 0.99 * fabs (slice->impact);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      CgFindingEntry *e = g_ptr_array_index (entries, i);

      if (e->rank_impact < 0)
        cg_finding_entry_free (e);
      else
        g_ptr_array_add (out, e);
    }
  return TRUE;
}
