/* cg-incidents.c — hours in which a line misbehaved against its own normal.
 *
 * The method is described in cg-incidents.h.  Everything is read from the
 * hourly sums (agg_hour), so the cost depends on lines × hours of history,
 * not on the number of calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_cdf.h>

#include "cg-aggregates.h"
#include "cg-incidents.h"
#include "cg-local-time.h"

/* Fewer reference calls than this and the wider reference is used. */
#define MIN_REFERENCE_CALLS 30
/* Minimum effect sizes (see cg-incidents.h). */
#define FAILURE_MIN_EXCESS   0.20
#define CONNECT_MIN_DROP     0.15
#define SILENCE_MIN_ACTIVE   0.75
#define SILENCE_MIN_SLOTS    6

typedef struct {
  gint64 calls;
  gint64 connected;
  gint64 failures;
} Cell;

typedef struct {
  char *name;
  Cell *cells;  /* by slot: (local day − first day) × 24 + hour */
} Line;

typedef struct {
  GTimeZone *tz;
  gint64     first_day;
  gint64     n_slots;
  GPtrArray *lines;  /* Line */
  Cell      *total;  /* all lines, by slot */
} Detector;

typedef struct {
  double fail_rate;        /* failures / calls */
  double connect_ok_rate;  /* connected / calls without a failure code */
  double connect_rate;     /* connected / calls */
  gint64 calls;
  guint  slots;            /* reference hours in which any line had calls */
  guint  active;           /* … and this line had calls */
  double mean_calls;       /* this line's calls per reference hour */
  double mean_others;      /* the other lines' */
} Reference;

/* One flagged hour. */
typedef struct {
  gint64         slot;
  CgIncidentKind kind;
  gint64         calls;
  double         observed;       /* numerator of the observed rate */
  double         denominator;
  double         expected;       /* expected numerator */
  double         lost_connects;
} Hit;

typedef enum { RATE_FAIL, RATE_CONNECT_OK, RATE_CONNECT } RateKind;

static const char *const kind_ids[CG_N_INCIDENT_KINDS] = {
  "line_failure", "no_connect", "silence",
};

const char *
cg_incident_kind_to_string (CgIncidentKind kind)
{
  g_return_val_if_fail (kind < CG_N_INCIDENT_KINDS, NULL);
  return kind_ids[kind];
}

const char *
cg_incident_kind_get_label (CgIncidentKind kind)
{
  switch (kind)
    {
    case CG_INCIDENT_LINE_FAILURE: return _("Line failures");
    case CG_INCIDENT_NO_CONNECT:   return _("Calls not connecting");
    case CG_INCIDENT_SILENCE:      return _("Line silent");
    case CG_N_INCIDENT_KINDS:
    default:                       return NULL;
    }
}

static void
incident_free (CgIncident *incident)
{
  g_free (incident->line);
  g_free (incident->start);
  g_free (incident->end);
  g_free (incident);
}

static void
total_free (CgIncidentTotal *total)
{
  g_free (total->line);
  g_free (total->month);
  g_free (total);
}

void
cg_incident_report_free (CgIncidentReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->incidents);
  g_ptr_array_unref (report->totals);
  g_free (report);
}

static void
line_free (Line *line)
{
  g_free (line->name);
  g_free (line->cells);
  g_free (line);
}

static void
detector_clear (Detector *d)
{
  g_clear_pointer (&d->lines, g_ptr_array_unref);
  g_clear_pointer (&d->total, g_free);
}

static void
cell_add (Cell            *c,
          const CgHourSum *h)
{
  c->calls += h->calls;
  c->connected += h->connected;
  c->failures += h->line_failures;
}

/* Spreads the hourly sums into one dense array of hours per line. */
static gboolean
detector_load (Detector  *d,
               CgStore   *store,
               GError   **error)
{
  const CgSumsSnapshot *snap = cg_aggregates_snapshot (store, error);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 last_day = G_MININT64;

  if (snap == NULL)
    return FALSE;
  d->first_day = G_MAXINT64;
  d->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  for (guint i = 0; i < snap->hours->len; i++)
    {
      const CgHourSum *h = &g_array_index (snap->hours, CgHourSum, i);
      d->first_day = MIN (d->first_day, h->day);
      last_day = MAX (last_day, h->day);
    }
  if (snap->hours->len == 0)
    return TRUE;
  d->n_slots = (last_day - d->first_day + 1) * 24;
  d->total = g_new0 (Cell, d->n_slots);

  for (guint i = 0; i < snap->hours->len; i++)
    {
      const CgHourSum *h = &g_array_index (snap->hours, CgHourSum, i);
      gint64 slot = (h->day - d->first_day) * 24 + h->hour;
      Line *line = g_hash_table_lookup (index, h->line);

      if (line == NULL)
        {
          line = g_new0 (Line, 1);
          line->name = g_strdup (h->line);
          line->cells = g_new0 (Cell, d->n_slots);
          g_ptr_array_add (d->lines, line);
          g_hash_table_insert (index, line->name, line);
        }
      cell_add (&line->cells[slot], h);
      cell_add (&d->total[slot], h);
    }
  return TRUE;
}

static void
rate_parts (const Cell *c,
            RateKind    kind,
            double     *x,
            double     *n)
{
  switch (kind)
    {
    case RATE_FAIL:
      *x = c->failures, *n = c->calls;
      break;
    case RATE_CONNECT_OK:
      *x = c->connected, *n = c->calls - c->failures;
      break;
    case RATE_CONNECT:
    default:
      *x = c->connected, *n = c->calls;
      break;
    }
}

/* Pooled rate over @cells without the hour of highest and of lowest rate
 * (when there are five or more), with half a call of prior. */
static double
trimmed_rate (const Cell *const *cells,
              guint              n_cells,
              RateKind           kind)
{
  double x_sum = 0, n_sum = 0;
  int lo = -1, hi = -1;
  double lo_rate = INFINITY, hi_rate = -INFINITY;

  for (guint i = 0; i < n_cells; i++)
    {
      double x, n;

      rate_parts (cells[i], kind, &x, &n);
      if (n <= 0)
        continue;
      if (x / n < lo_rate)
        lo_rate = x / n, lo = i;
      if (x / n >= hi_rate)
        hi_rate = x / n, hi = i;
    }
  for (guint i = 0; i < n_cells; i++)
    {
      double x, n;

      if (n_cells >= 5 && ((int) i == lo || (int) i == hi))
        continue;
      rate_parts (cells[i], kind, &x, &n);
      if (n > 0)
        x_sum += x, n_sum += n;
    }
  return (x_sum + 0.5) / (n_sum + 1.0);
}

/* The reference of @slot: the hours @step apart, @count either side. */
static void
reference (const Detector *d,
           const Line     *line,
           gint64          slot,
           gint64          step,
           int             count,
           Reference      *ref)
{
  const Cell *active[2 * 21];
  guint n_active = 0;
  double line_calls = 0, other_calls = 0;

  memset (ref, 0, sizeof *ref);
  for (int k = -count; k <= count; k++)
    {
      gint64 s = slot + k * step;
      const Cell *c;

      if (k == 0 || s < 0 || s >= d->n_slots || d->total[s].calls == 0)
        continue;
      c = &line->cells[s];
      ref->slots++;
      line_calls += c->calls;
      other_calls += d->total[s].calls - c->calls;
      if (c->calls > 0)
        {
          active[n_active++] = c;
          ref->calls += c->calls;
        }
    }
  ref->active = n_active;
  ref->mean_calls = ref->slots ? line_calls / ref->slots : 0;
  ref->mean_others = ref->slots ? other_calls / ref->slots : 0;
  ref->fail_rate = trimmed_rate (active, n_active, RATE_FAIL);
  ref->connect_ok_rate = trimmed_rate (active, n_active, RATE_CONNECT_OK);
  ref->connect_rate = trimmed_rate (active, n_active, RATE_CONNECT);
}

/* P(X ≥ x) and P(X ≤ x) for X ~ Binomial(n, p). */
static double
binomial_upper (gint64 x,
                double p,
                gint64 n)
{
  return x <= 0 ? 1.0 : gsl_cdf_binomial_Q ((unsigned) (x - 1), p, (unsigned) n);
}

/* Whether the hour at @slot shows one of the kinds with at least the
 * minimum effect; the test itself is made on runs of such hours. */
static gboolean
suspect_hour (const Detector *d,
              const Line     *line,
              gint64          slot,
              Hit            *hit)
{
  const Cell *c = &line->cells[slot];
  gint64 others = d->total[slot].calls - c->calls;
  Reference ref;

  reference (d, line, slot, 7 * 24, 6, &ref);
  memset (hit, 0, sizeof *hit);
  hit->slot = slot;
  hit->calls = c->calls;

  if (c->calls == 0)
    {
      double lambda;

      if (others == 0 || ref.slots < SILENCE_MIN_SLOTS || ref.mean_others <= 0 ||
          ref.active < SILENCE_MIN_ACTIVE * ref.slots)
        return FALSE;
      /* A slow day on the other lines is a slow day on this one too. */
      lambda = ref.mean_calls * CLAMP (others / ref.mean_others, 0.25, 4.0);
      hit->kind = CG_INCIDENT_SILENCE;
      hit->denominator = lambda;
      hit->expected = lambda * ref.connect_rate;
      hit->lost_connects = lambda * ref.connect_rate;
      return TRUE;
    }

  if (ref.calls < MIN_REFERENCE_CALLS)
    reference (d, line, slot, 24, 21, &ref);
  if (ref.calls < MIN_REFERENCE_CALLS)
    return FALSE;
  hit->lost_connects = c->calls * ref.connect_rate - c->connected;

  {
    double observed = (double) c->failures / c->calls;

    if (observed - ref.fail_rate >= FAILURE_MIN_EXCESS && observed >= 2 * ref.fail_rate)
      {
        hit->kind = CG_INCIDENT_LINE_FAILURE;
        hit->observed = c->failures;
        hit->denominator = c->calls;
        hit->expected = ref.fail_rate * c->calls;
        return TRUE;
      }
  }
  {
    gint64 n = c->calls - c->failures;
    double observed = n > 0 ? (double) c->connected / n : 0;
    double drop = ref.connect_ok_rate - observed;

    if (n > 0 && drop >= CONNECT_MIN_DROP && drop >= 0.5 * ref.connect_ok_rate)
      {
        hit->kind = CG_INCIDENT_NO_CONNECT;
        hit->observed = c->connected;
        hit->denominator = n;
        hit->expected = ref.connect_ok_rate * n;
        return TRUE;
      }
  }
  return FALSE;
}

/* UTC start of @slot (local day and hour) in the business time zone. */
static GDateTime *
slot_time (const Detector *d,
           gint64          slot)
{
  CgLocalTime lt;

  cg_local_day_fields (d->first_day + slot / 24, &lt);
  return g_date_time_new (d->tz, lt.year, lt.month, lt.day, (int) (slot % 24), 0, 0);
}

static CgIncident *
incident_new (const Detector *d,
              const Line     *line,
              const Hit      *first,
              const Hit      *hits,
              guint           n_hits)
{
  CgIncident *incident = g_new0 (CgIncident, 1);
  g_autoptr(GDateTime) start = slot_time (d, first->slot);
  g_autoptr(GDateTime) end = slot_time (d, first->slot + n_hits);
  double observed = 0, expected = 0, denominator = 0;

  incident->line = g_strdup (line->name);
  incident->kind = first->kind;
  incident->start_ts = g_date_time_to_unix (start);
  incident->end_ts = g_date_time_to_unix (end);
  incident->start = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:z");
  incident->end = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S%:z");
  incident->hours = n_hits;
  for (guint i = 0; i < n_hits; i++)
    {
      incident->calls += hits[i].calls;
      incident->lost_connects += hits[i].lost_connects;
      observed += hits[i].observed;
      expected += hits[i].expected;
      denominator += hits[i].denominator;
    }
  incident->observed_rate = first->kind == CG_INCIDENT_SILENCE ? NAN : observed / denominator;
  incident->expected_rate = expected / denominator;
  incident->lost_connects = MAX (incident->lost_connects, 0);
  return incident;
}

/* The one-sided test on a run of adjacent suspect hours, their calls
 * pooled: binomial with the calls-weighted expected rate, or for silence
 * Poisson P(no call) = e^−Σλ. */
static double
run_p_value (const Hit *hits,
             guint      n_hits)
{
  double x = 0, n = 0, expected = 0, p;

  for (guint i = 0; i < n_hits; i++)
    {
      x += hits[i].observed;
      n += hits[i].denominator;
      expected += hits[i].expected;
    }
  switch (hits[0].kind)
    {
    case CG_INCIDENT_SILENCE:
      p = exp (-n);
      break;
    case CG_INCIDENT_LINE_FAILURE:
      p = binomial_upper ((gint64) x, expected / n, (gint64) n);
      break;
    case CG_INCIDENT_NO_CONNECT:
    case CG_N_INCIDENT_KINDS:
    default:
      p = gsl_cdf_binomial_P ((unsigned) x, expected / n, (unsigned) n);
      break;
    }
  return p;
}

/* Merges the line's flagged hours of one kind into runs of adjacent hours. */
static void
merge_hits (const Detector *d,
            const Line     *line,
            GArray         *hits,
            const CgFilter *filter,
            GPtrArray      *out)
{
  for (CgIncidentKind kind = 0; kind < CG_N_INCIDENT_KINDS; kind++)
    {
      g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (Hit));

      for (guint i = 0; i <= hits->len; i++)
        {
          const Hit *h = i < hits->len ? &g_array_index (hits, Hit, i) : NULL;

          if (h != NULL && h->kind != kind)
            continue;
          if (run->len > 0 && (h == NULL || h->slot != g_array_index (run, Hit, run->len - 1).slot + 1))
            {
              CgIncident *incident = NULL;
              double p = run_p_value ((const Hit *) run->data, run->len);

              if (p < CG_INCIDENT_ALPHA)
                {
                  incident = incident_new (d, line, &g_array_index (run, Hit, 0), (const Hit *) run->data, run->len);
                  incident->p_value = p;
                }
              if (incident != NULL && (filter->from_ts == 0 || incident->start_ts >= filter->from_ts) &&
                  (filter->to_ts == 0 || incident->start_ts < filter->to_ts))
                g_ptr_array_add (out, incident);
              else if (incident != NULL)
                incident_free (incident);
              g_array_set_size (run, 0);
            }
          if (h != NULL)
            g_array_append_val (run, *h);
        }
    }
}

static int
compare_incidents (gconstpointer a,
                   gconstpointer b)
{
  const CgIncident *x = *(const CgIncident **) a, *y = *(const CgIncident **) b;

  if (x->start_ts != y->start_ts)
    return x->start_ts < y->start_ts ? -1 : 1;
  return strcmp (x->line, y->line);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const CgIncidentTotal *x = *(const CgIncidentTotal **) a, *y = *(const CgIncidentTotal **) b;
  int c = strcmp (x->line, y->line);

  return c != 0 ? c : strcmp (x->month, y->month);
}

static GPtrArray *
monthly_totals (GTimeZone *tz,
                GPtrArray *incidents)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);

  for (guint i = 0; i < incidents->len; i++)
    {
      const CgIncident *incident = g_ptr_array_index (incidents, i);
      CgLocalTime lt;
      char month[8];
      char *key;
      CgIncidentTotal *total;

      cg_local_time (tz, incident->start_ts, &lt);
      g_snprintf (month, sizeof month, "%04d-%02d", lt.year % 10000, lt.month % 100);
      key = g_strconcat (incident->line, "\t", month, NULL);
      total = g_hash_table_lookup (by_key, key);
      if (total == NULL)
        {
          total = g_new0 (CgIncidentTotal, 1);
          total->line = g_strdup (incident->line);
          total->month = g_strdup (month);
          g_ptr_array_add (totals, total);
          g_hash_table_insert (by_key, key, total);
        }
      else
        g_free (key);
      total->incidents++;
      total->hours += incident->hours;
      total->lost_connects += incident->lost_connects;
    }
  g_ptr_array_sort (totals, compare_totals);
  return totals;
}

CgIncidentReport *
cg_incidents_detect (CgStore         *store,
                     const CgFilter  *filter,
                     GError         **error)
{
  static const CgFilter everything = { 0 };
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  Detector d = { 0 };
  CgIncidentReport *report;

  if (filter == NULL)
    filter = &everything;
  d.tz = tz;
  if (!detector_load (&d, store, error))
    {
      detector_clear (&d);
      return NULL;
    }

  report = g_new0 (CgIncidentReport, 1);
  report->incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) incident_free);
  for (guint l = 0; l < d.lines->len; l++)
    {
      const Line *line = g_ptr_array_index (d.lines, l);
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));

      if (filter->line != NULL && g_strcmp0 (filter->line, line->name) != 0)
        continue;
      for (gint64 slot = 0; slot < d.n_slots; slot++)
        {
          Hit hit;

          if (d.total[slot].calls > 0 && suspect_hour (&d, line, slot, &hit))
            g_array_append_val (hits, hit);
        }
      merge_hits (&d, line, hits, filter, report->incidents);
    }
  g_ptr_array_sort (report->incidents, compare_incidents);
  report->totals = monthly_totals (tz, report->incidents);
  detector_clear (&d);
  return report;
}
