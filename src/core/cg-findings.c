/* cg-findings.c — the period's findings: sources, tests, sentences, ranking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-compliance.h"
#include "cg-finance.h"
#include "cg-findings.h"
#include "cg-format.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-scenario-store.h"
#include "cg-stats.h"
#include "cg-store-private.h"
#include "cg-theme-report.h"

/* Slices too small to tell say nothing: a rate is compared only with at
 * least this many trials in each period and this many successes and
 * failures over both (so the normal approximation of the z-test holds). */
#define MIN_TRIALS    200
#define MIN_EVENTS    20
#define MIN_RESPONSES 30   /* survey answers per period */
#define MIN_TEXTS     30   /* feedback texts per period */
/* A total change is left out when one slice accounts for this share of it:
 * the slice's sentence says more. */
#define EXPLAINED_SHARE 0.75

/* The survey dimensions CSAT and NPS are read from (see the survey import). */
#define CSAT_DIMENSION "overall"
#define NPS_DIMENSION  "nps"

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

typedef struct {
  CgStore *store;
  CgFilter current;
  CgFilter previous;
  double   connected_per_sale;  /* of the period; 0 without sales */
} Context;

typedef gboolean (*FindingSourceFunc) (Context    *ctx,
                                       GPtrArray  *out,
                                       GError    **error);

/* ---- words and numbers ------------------------------------------------------ */

static char *
format_percent (double share)
{
  return g_strdup_printf ("%.1f %%", 100.0 * share);
}

static char *
format_p (double p)
{
  if (!isfinite (p))
    return g_strdup ("");
  if (p < 0.001)
    return g_strdup ("p < 0.001");
  return g_strdup_printf ("p = %.3f", p);
}

static char *
subject_label (CgDimension  dimension,
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
  return metric->percent ? format_percent (value) : g_strdup_printf ("%.0f", 100.0 * value);
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

  if (n1 < MIN_TRIALS || n0 < MIN_TRIALS || x1 + x0 < MIN_EVENTS || (n1 - x1) + (n0 - x0) < MIN_EVENTS)
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
connect_candidates (Context    *ctx,
                    GPtrArray  *candidates,
                    GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_LINE, CG_DIM_LIST, CG_DIM_AGENT };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      g_autoptr(GPtrArray) now = cg_analytics_connect (ctx->store, dims[d], &ctx->current, error);
      g_autoptr(GPtrArray) before = now ? cg_analytics_connect (ctx->store, dims[d], &ctx->previous, error) : NULL;

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

static gboolean
conversion_candidates (Context    *ctx,
                       GPtrArray  *candidates,
                       GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_TOTAL, CG_DIM_LIST, CG_DIM_AGENT };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      g_autoptr(GPtrArray) now = cg_funnel_compute (ctx->store, dims[d], &ctx->current, error);
      g_autoptr(GPtrArray) before = now ? cg_funnel_compute (ctx->store, dims[d], &ctx->previous, error) : NULL;

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

static gboolean
contact_candidate (Context      *ctx,
                   GPtrArray    *candidates,
                   CgDimension   dimension,
                   const char   *key,
                   GError      **error)
{
  CgFilter now_filter = ctx->current, before_filter = ctx->previous;
  g_autoptr(CgContact) now = NULL;
  g_autoptr(CgContact) before = NULL;

  if (dimension == CG_DIM_LINE)
    now_filter.line = before_filter.line = key;
  else if (dimension == CG_DIM_LIST)
    now_filter.list = before_filter.list = key;
  now = cg_quality_contact (ctx->store, &now_filter, error);
  before = now ? cg_quality_contact (ctx->store, &before_filter, error) : NULL;
  if (before == NULL)
    return FALSE;
  add_rate_candidate (candidates, &metrics[M_CONTACT], dimension, key,
                      now->numbers_reached, now->numbers, before->numbers_reached, before->numbers, 1.0);
  return TRUE;
}

/* Contact rate overall and per line and list big enough to tell (agents
 * share numbers too much for a per-agent contact rate to mean much). */
static gboolean
contact_candidates (Context    *ctx,
                    GPtrArray  *candidates,
                    GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_LINE, CG_DIM_LIST };

  if (!contact_candidate (ctx, candidates, CG_DIM_TOTAL, NULL, error))
    return FALSE;
  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      g_autoptr(GPtrArray) rows = cg_analytics_connect (ctx->store, dims[d], &ctx->current, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          CgConnectRow *row = g_ptr_array_index (rows, i);

          if (row->calls >= MIN_TRIALS && row->key != NULL && *row->key != '\0' &&
              !contact_candidate (ctx, candidates, dims[d], row->key, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
count_complaints (Context        *ctx,
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
complaint_candidates (Context    *ctx,
                      GPtrArray  *candidates,
                      GError    **error)
{
  gint64 c1 = count_complaints (ctx, &ctx->current, error);
  gint64 c0 = c1 >= 0 ? count_complaints (ctx, &ctx->previous, error) : -1;
  g_autoptr(GPtrArray) now = NULL, before = NULL;
  CgConnectRow *a, *b;

  if (c0 < 0)
    return FALSE;
  if (c1 + c0 < MIN_EVENTS)
    return TRUE;
  now = cg_analytics_connect (ctx->store, CG_DIM_TOTAL, &ctx->current, error);
  before = now ? cg_analytics_connect (ctx->store, CG_DIM_TOTAL, &ctx->previous, error) : NULL;
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
survey_answers (Context        *ctx,
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
satisfaction_candidates (Context    *ctx,
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
  if (csat1.n >= MIN_RESPONSES && csat0.n >= MIN_RESPONSES)
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
  if (nps1.n >= MIN_RESPONSES && nps0.n >= MIN_RESPONSES)
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
entry_new (CgFindingKind  kind,
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

static CgFindingEntry *
change_entry (const Candidate *c,
              double           adjusted_p)
{
  CgFindingEntry *e = entry_new (CG_FINDING_KIND_CHANGE, c->dimension, c->key, c->metric->id);
  g_autofree char *subject = subject_label (c->dimension, c->key);
  g_autofree char *v1 = format_value (c->metric, c->rate1);
  g_autofree char *v0 = format_value (c->metric, c->rate0);
  g_autofree char *p = format_p (adjusted_p);
  g_autofree char *events = cg_format_count ((gint64) llround (fabs (c->events)));
  g_autofree char *test = g_strdup_printf ("%s, %s", _(c->test), p);

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

static gboolean
find_changes (Context    *ctx,
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
find_differences (Context    *ctx,
                  GPtrArray  *out,
                  GError    **error)
{
  static const CgDimension dims[] = { CG_DIM_LINE, CG_DIM_LIST };
  static const char *const plural[] = { N_("lines"), N_("number lists") };

  for (guint d = 0; d < G_N_ELEMENTS (dims); d++)
    {
      g_autoptr(GPtrArray) rows = cg_analytics_connect (ctx->store, dims[d], &ctx->current, error);
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
          if (row->calls < MIN_TRIALS || row->key == NULL || *row->key == '\0')
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
          if (row != worst && row->calls >= MIN_TRIALS && row->key != NULL && *row->key != '\0')
            {
              rest_calls += row->calls;
              rest_connected += row->connected;
            }
        }
      worst_rate = (double) worst->connected / worst->calls;
      rest_rate = (double) rest_connected / rest_calls;
      {
        CgFindingEntry *e = entry_new (CG_FINDING_KIND_DIFFERENCE, dims[d], worst->key, "connect_rate");
        g_autofree char *subject = subject_label (dims[d], worst->key);
        g_autofree char *v1 = format_percent (worst_rate);
        g_autofree char *v0 = format_percent (rest_rate);
        g_autofree char *pt = format_p (p);
        g_autofree char *test = g_strdup_printf ("%s, %s", k == 2 ? _("two-proportion z-test") : _("chi-square test"), pt);
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
find_themes (Context    *ctx,
             GPtrArray  *out,
             GError    **error)
{
  g_autoptr(CgThemeReport) report = cg_theme_report_compute (ctx->store, CG_TEXT_SOURCE_ALL, CG_THEME_BY_TOTAL,
                                                             ctx->current.from_ts, ctx->current.to_ts, error);
  g_autofree double *p = NULL;
  g_autoptr(GPtrArray) tested = g_ptr_array_new ();

  if (report == NULL)
    return FALSE;
  if (report->texts < MIN_TEXTS || report->previous_texts < MIN_TEXTS)
    return TRUE;
  for (guint i = 0; i < report->rows->len; i++)
    {
      CgThemeRow *row = g_ptr_array_index (report->rows, i);
      if (row->has_previous && isfinite (row->p_value) && row->mentions + row->previous_mentions >= MIN_EVENTS / 2)
        g_ptr_array_add (tested, row);
    }
  p = g_new (double, tested->len + 1);
  for (guint i = 0; i < tested->len; i++)
    p[i] = ((CgThemeRow *) g_ptr_array_index (tested, i))->p_value;
  cg_stats_holm (p, tested->len, p);
  for (guint i = 0; i < tested->len; i++)
    {
      CgThemeRow *row = g_ptr_array_index (tested, i);
      g_autofree char *subject = NULL;
      g_autofree char *v1 = NULL, *v0 = NULL, *neg = NULL, *pt = NULL;
      CgFindingEntry *e;

      if (p[i] >= CG_STATS_ALPHA || row->change <= 0)
        continue;
      e = entry_new (CG_FINDING_KIND_THEME, CG_N_DIMS, NULL, "theme_share");
      g_free (e->subject);
      e->subject = g_strdup_printf ("theme:%s", row->theme);
      e->key = g_strdup (row->theme);
      e->value = row->share;
      e->previous_value = row->previous_share;
      e->p_value = p[i];
      e->impact = -row->change * row->texts;
      v1 = format_percent (row->share);
      v0 = format_percent (row->previous_share);
      neg = format_percent (isfinite (row->negative_share) ? row->negative_share : 0);
      pt = format_p (p[i]);
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
  CgFindingEntry *e = entry_new (CG_FINDING_KIND_COMPLIANCE, CG_DIM_TOTAL, NULL, metric);

  e->value = count;
  e->impact = -(double) count;
  e->text = text;
  g_ptr_array_add (out, e);
}

/* Any violation is a finding: the rule is the threshold. */
static gboolean
find_compliance (Context    *ctx,
                 GPtrArray  *out,
                 GError    **error)
{
  g_autoptr(CgComplianceReport) report = cg_compliance_audit (ctx->store, &ctx->current, error);

  if (report == NULL)
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
active_scenario (Context *ctx)
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
find_finance (Context    *ctx,
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
  e = entry_new (CG_FINDING_KIND_FINANCE, CG_N_DIMS, NULL, "payback");
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
  FindingSourceFunc find;
} sources[] = {
  { CG_FINDING_KIND_CHANGE,     find_changes },
  { CG_FINDING_KIND_DIFFERENCE, find_differences },  /* after changes: it skips what they explain */
  /* Line incidents and call-quality problems plug in here, one function
   * each with the signature of FindingSourceFunc, impact in connected
   * calls lost (an incident's cost: the calls it failed × the connect
   * rate outside it):
   *   { CG_FINDING_KIND_INCIDENT, find_incidents },
   *   { CG_FINDING_KIND_QUALITY,  find_quality_problems }, */
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
  g_autoptr(CgFindings) findings = g_new0 (CgFindings, 1);
  Context ctx = { 0 };

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (to_ts > from_ts, NULL);

  findings->from_ts = from_ts;
  findings->to_ts = to_ts;
  findings->previous_to_ts = from_ts;
  findings->previous_from_ts = from_ts - (to_ts - from_ts);
  findings->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_finding_entry_free);
  ctx.store = store;
  ctx.current.from_ts = from_ts;
  ctx.current.to_ts = to_ts;
  ctx.previous.from_ts = findings->previous_from_ts;
  ctx.previous.to_ts = findings->previous_to_ts;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (!sources[i].find (&ctx, findings->entries, error))
      return NULL;
  g_ptr_array_sort (findings->entries, compare_entries);
  return g_steal_pointer (&findings);
}
