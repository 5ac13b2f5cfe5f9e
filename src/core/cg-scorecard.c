/* cg-scorecard.c — the weighted scorecard: indicators against targets.
 *
 * Every slice is measured by narrowing the filter to it and asking the
 * modules that own each figure (analytics, funnel, quality, compliance)
 * for their total, so the scorecard never redefines what they count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-analytics-private.h"
#include "cg-analytics-slices.h"
#include "cg-compliance.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-satisfaction.h"
#include "cg-scorecard.h"

G_DEFINE_QUARK (cg-scorecard-error-quark, cg_scorecard_error)

static const struct {
  const char *id;
  gboolean    higher_is_better;
  gboolean    is_share;         /* a share 0–1: its target is at most 1 */
  double      default_target;
  int         default_weight;
} indicators[CG_N_INDICATORS] = {
  [CG_INDICATOR_CONNECT_RATE]          = { "connect_rate",          TRUE,  TRUE,  0.30, 25 },
  [CG_INDICATOR_CONTACT_RATE]          = { "contact_rate",          TRUE,  TRUE,  0.50, 15 },
  [CG_INDICATOR_CONVERSION]            = { "conversion",            TRUE,  TRUE,  0.02, 20 },
  [CG_INDICATOR_ACD_SECONDS]           = { "acd_seconds",           TRUE,  FALSE, 90.0, 10 },
  [CG_INDICATOR_SATISFACTION]          = { "satisfaction",          TRUE,  TRUE,  0.80, 15 },
  [CG_INDICATOR_COMPLAINT_RATE]        = { "complaint_rate",        FALSE, FALSE, 1.0,  5 },
  [CG_INDICATOR_COMPLIANCE_VIOLATIONS] = { "compliance_violations", FALSE, FALSE, 5.0,  10 },
};

const char *
cg_indicator_to_string (CgIndicator indicator)
{
  g_return_val_if_fail (indicator < CG_N_INDICATORS, NULL);
  return indicators[indicator].id;
}

gboolean
cg_indicator_from_string (const char  *id,
                          CgIndicator *indicator)
{
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    if (g_strcmp0 (id, indicators[i].id) == 0)
      {
        *indicator = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cg_indicator_higher_is_better (CgIndicator indicator)
{
  g_return_val_if_fail (indicator < CG_N_INDICATORS, TRUE);
  return indicators[indicator].higher_is_better;
}

double
cg_indicator_score (CgIndicator indicator,
                    double      value,
                    double      target)
{
  double ratio;

  g_return_val_if_fail (indicator < CG_N_INDICATORS, 0);
  g_return_val_if_fail (target > 0, 0);

  ratio = value / target;
  if (indicators[indicator].higher_is_better)
    return 100 * MIN (ratio, 1.0);
  if (ratio <= 1)
    return 100;
  return MAX (0.0, 100 * (2 - ratio));
}

/* ---- configuration ----------------------------------------------------------- */

void
cg_scorecard_config_init_defaults (CgScorecardConfig *config)
{
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      config->target[i] = indicators[i].default_target;
      config->weight[i] = indicators[i].default_weight;
    }
}

gboolean
cg_scorecard_config_validate (const CgScorecardConfig *config,
                              GError                 **error)
{
  int sum = 0;

  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      double t = config->target[i];

      if (!isfinite (t) || t <= 0)
        {
          g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID,
                       _("The target of %s must be a number above 0, not %g."),
                       indicators[i].id, t);
          return FALSE;
        }
      if (indicators[i].is_share && t > 1)
        {
          g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID,
                       _("The target of %s is a share: write it between 0 and 1 (0.30 for 30 percent), not %g."),
                       indicators[i].id, t);
          return FALSE;
        }
      if (config->weight[i] < 0 || config->weight[i] > CG_SCORECARD_WEIGHT_SUM)
        {
          g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID,
                       _("The weight of %s must be a whole number from 0 to 100, not %d."),
                       indicators[i].id, config->weight[i]);
          return FALSE;
        }
      sum += config->weight[i];
    }
  if (sum != CG_SCORECARD_WEIGHT_SUM)
    {
      g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID,
                   _("The weights would sum to %d; they must sum to 100. Change several at once with “scorecard weights”."),
                   sum);
      return FALSE;
    }
  return TRUE;
}

static char *
setting_key (CgIndicator  indicator,
             const char  *field)
{
  return g_strdup_printf ("scorecard/%s/%s", indicators[indicator].id, field);
}

static gboolean
bad_setting (const char  *key,
             const char  *value,
             GError     **error)
{
  g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_SETTING,
               _("The setting %s holds “%s”, which is not a number. Set it again with “scorecard set”."),
               key, value);
  return FALSE;
}

gboolean
cg_scorecard_config_load (CgStore            *store,
                          CgScorecardConfig  *config,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  cg_scorecard_config_init_defaults (config);
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      g_autofree char *target_key = setting_key (i, "target");
      g_autofree char *weight_key = setting_key (i, "weight");
      g_autofree char *target = cg_store_get_setting (store, target_key, NULL);
      g_autofree char *weight = cg_store_get_setting (store, weight_key, NULL);
      char *end;

      if (target != NULL)
        {
          config->target[i] = g_ascii_strtod (target, &end);
          if (end == target || *end != '\0')
            return bad_setting (target_key, target, error);
        }
      if (weight != NULL)
        {
          gint64 w;

          if (!g_ascii_string_to_signed (weight, 10, 0, CG_SCORECARD_WEIGHT_SUM, &w, NULL))
            return bad_setting (weight_key, weight, error);
          config->weight[i] = (int) w;
        }
    }
  if (!cg_scorecard_config_validate (config, &local_error))
    {
      g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_SETTING,
                   _("The stored scorecard settings cannot be used: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cg_scorecard_config_save (CgStore                 *store,
                          const CgScorecardConfig *config,
                          GError                 **error)
{
  if (!cg_scorecard_config_validate (config, error) ||
      !cg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      g_autofree char *target_key = setting_key (i, "target");
      g_autofree char *weight_key = setting_key (i, "weight");
      char target[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *weight = g_strdup_printf ("%d", config->weight[i]);

      g_ascii_dtostr (target, sizeof target, config->target[i]);
      if (!cg_store_set_setting (store, target_key, target, error) ||
          !cg_store_set_setting (store, weight_key, weight, error))
        {
          cg_store_rollback (store);
          return FALSE;
        }
    }
  return cg_store_commit (store, error);
}

/* ---- scoring ----------------------------------------------------------------- */

gboolean
cg_scorecard_total (const CgScorecardConfig *config,
                    const CgIndicatorValues *values,
                    double                  *scores,
                    double                  *effective_weights,
                    double                  *total)
{
  double weighted = 0;
  int weight_present = 0;

  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      if (effective_weights != NULL)
        effective_weights[i] = 0;
      if (!values->has_value[i])
        continue;
      double score = cg_indicator_score (i, values->value[i], config->target[i]);
      if (scores != NULL)
        scores[i] = score;
      weighted += config->weight[i] * score;
      weight_present += config->weight[i];
    }
  if (weight_present == 0)
    return FALSE;
  for (guint i = 0; effective_weights != NULL && i < CG_N_INDICATORS; i++)
    if (values->has_value[i])
      effective_weights[i] = (double) CG_SCORECARD_WEIGHT_SUM * config->weight[i] / weight_present;
  *total = weighted / weight_present;
  return TRUE;
}

/* ---- measuring ------------------------------------------------------------------ */

static void
set_value (CgIndicatorValues *values,
           CgIndicator        indicator,
           double             numerator,
           gint64             denominator)
{
  values->has_value[indicator] = denominator > 0;
  values->value[indicator] = denominator > 0 ? numerator / denominator : 0;
}

static gboolean slice_filter (CgDimension     by,
                              const char     *key,
                              const CgFilter *filter,
                              GTimeZone      *tz,
                              CgFilter       *slice);

/* CSAT of the survey responses in @filter (cg-satisfaction.h); no value
 * without rated answers. */
static gboolean
measure_satisfaction (CgStore            *store,
                      const CgFilter     *filter,
                      CgIndicatorValues  *values,
                      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  double csat;

  if (cg_satisfaction_csat (store, filter, &csat, NULL, &local_error))
    {
      values->has_value[CG_INDICATOR_SATISFACTION] = TRUE;
      values->value[CG_INDICATOR_SATISFACTION] = csat;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The indicators of every key of @by in @filter: key → CgIndicatorValues *.
 * One question per module for all keys, as one per key would read the
 * calls 168 times by hour × weekday. */
/* Connect and funnel rows of @by.  Where the day sums cannot answer (by
 * agent, an agent filter, bounds within a day) both come from the one
 * pass over the calls of cg_call_slices_compute, else one query each,
 * which then reads the sums. */
static gboolean
connect_and_funnel (CgStore         *store,
                    CgDimension      by,
                    const CgFilter  *filter,
                    GPtrArray      **connect,
                    GPtrArray      **funnel,
                    GError         **error)
{
  gint64 from_day, to_day;
  gboolean sliced = by == CG_DIM_TOTAL || by == CG_DIM_LINE || by == CG_DIM_LIST || by == CG_DIM_AGENT;

  if (sliced && (by == CG_DIM_AGENT || !cg_analytics_day_bounds (store, filter, &from_day, &to_day)))
    {
      g_autoptr(CgCallSlices) slices = cg_call_slices_compute (store, filter, error);

      if (slices == NULL)
        return FALSE;
      *connect = g_steal_pointer (&slices->connect[by]);
      *funnel = g_steal_pointer (&slices->funnel[by]);
      return TRUE;
    }
  return (*connect = cg_analytics_connect (store, by, filter, error)) != NULL &&
         (*funnel = cg_funnel_compute (store, by, filter, error)) != NULL;
}

/* @keys, when given, receives the connect rows: the slices there are. */
static GHashTable *
measure_by (CgStore         *store,
            CgDimension      by,
            const CgFilter  *filter,
            GTimeZone       *tz,
            GPtrArray      **keys,
            GError         **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) talk = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) connect = NULL;
  g_autoptr(GPtrArray) funnel = NULL;
  g_autoptr(GPtrArray) contact = NULL;
  g_autoptr(CgComplianceReport) audit = NULL;
  /* Complaints carry no line: no complaint rate by line or within one. */
  gboolean has_complaints = by != CG_DIM_LINE && filter->line == NULL && cg_compliance_complaints_have_key (by);

  if (!connect_and_funnel (store, by, filter, &connect, &funnel, error) ||
      (contact = cg_quality_contact_by (store, by, filter, error)) == NULL ||
      (audit = cg_compliance_audit_by (store, by, filter, error)) == NULL)
    return NULL;

  for (guint i = 0; i < connect->len; i++)
    {
      CgConnectRow *row = g_ptr_array_index (connect, i);
      g_hash_table_insert (talk, row->key, row);
    }
  for (guint i = 0; i < contact->len; i++)
    {
      CgContact *row = g_ptr_array_index (contact, i);
      g_hash_table_insert (numbers, row->key, row);
    }
  for (guint i = 0; i < funnel->len; i++)
    {
      const CgFunnelRow *f = g_ptr_array_index (funnel, i);
      const CgConnectRow *c = g_hash_table_lookup (talk, f->key);
      const CgContact *n = g_hash_table_lookup (numbers, f->key);
      const gint64 *violations = g_hash_table_lookup (audit->violations_by_key, f->key);
      const gint64 *complaints = audit->complaints_by_key != NULL
                                 ? g_hash_table_lookup (audit->complaints_by_key, f->key) : NULL;
      CgIndicatorValues *v = g_new0 (CgIndicatorValues, 1);
      CgFilter slice;

      set_value (v, CG_INDICATOR_CONNECT_RATE, f->connected, f->dialled);
      set_value (v, CG_INDICATOR_CONTACT_RATE, n ? n->numbers_reached : 0, n ? n->numbers : 0);
      set_value (v, CG_INDICATOR_CONVERSION, f->sales, f->dialled);
      set_value (v, CG_INDICATOR_ACD_SECONDS, c ? c->talk_seconds : 0, f->connected);
      if (has_complaints)
        set_value (v, CG_INDICATOR_COMPLAINT_RATE, 1000.0 * (complaints ? *complaints : 0), f->connected);
      set_value (v, CG_INDICATOR_COMPLIANCE_VIOLATIONS, 1000.0 * (violations ? *violations : 0), f->dialled);
      /* Satisfaction links responses through a filter: only the slices
       * a filter can express have it. */
      if (f->key != NULL && slice_filter (by, f->key, filter, tz, &slice) &&
          !measure_satisfaction (store, &slice, v, error))
        {
          g_free (v);
          return NULL;
        }
      g_hash_table_insert (values, g_strdup (f->key), v);
    }
  if (keys != NULL)
    *keys = g_steal_pointer (&connect);
  return g_steal_pointer (&values);
}

/* The calendar slices: a row's previous period is the slice before it. */
static gboolean
is_calendar (CgDimension by)
{
  return by == CG_DIM_DAY || by == CG_DIM_WEEK || by == CG_DIM_MONTH || by == CG_DIM_QUARTER;
}

/* The local start of the calendar slice @key of @by ("2026-W37" …). */
static GDateTime *
period_start (CgDimension  by,
              const char  *key,
              GTimeZone   *tz)
{
  int year, n, day;

  switch ((int) by)
    {
    case CG_DIM_DAY:
      if (sscanf (key, "%4d-%2d-%2d", &year, &n, &day) != 3)
        return NULL;
      return g_date_time_new (tz, year, n, day, 0, 0, 0);
    case CG_DIM_WEEK:
      {
        g_autoptr(GDateTime) jan4 = NULL;

        /* ISO week 1 holds 4 January; weeks start on Monday. */
        if (sscanf (key, "%4d-W%2d", &year, &n) != 2 || n < 1 || n > 53 ||
            (jan4 = g_date_time_new (tz, year, 1, 4, 0, 0, 0)) == NULL)
          return NULL;
        return g_date_time_add_days (jan4, 7 * (n - 1) - (g_date_time_get_day_of_week (jan4) - 1));
      }
    case CG_DIM_MONTH:
      if (sscanf (key, "%4d-%2d", &year, &n) != 2 || n < 1 || n > 12)
        return NULL;
      return g_date_time_new (tz, year, n, 1, 0, 0, 0);
    case CG_DIM_QUARTER:
      if (sscanf (key, "%4d-Q%1d", &year, &n) != 2 || n < 1 || n > 4)
        return NULL;
      return g_date_time_new (tz, year, 3 * n - 2, 1, 0, 0, 0);
    default:
      return NULL;
    }
}

/* The slice @offset slices after @start (local midnight of a slice's start). */
static GDateTime *
period_add (CgDimension  by,
            GDateTime   *start,
            int          offset)
{
  switch ((int) by)
    {
    case CG_DIM_DAY:
      return g_date_time_add_days (start, offset);
    case CG_DIM_WEEK:
      return g_date_time_add_weeks (start, offset);
    case CG_DIM_MONTH:
      return g_date_time_add_months (start, offset);
    default:
      return g_date_time_add_months (start, 3 * offset);
    }
}

/* The key of the slice before @key, as cg-analytics names it. */
static char *
previous_key (CgDimension  by,
              const char  *key,
              GTimeZone   *tz)
{
  g_autoptr(GDateTime) start = period_start (by, key, tz);
  g_autoptr(GDateTime) before = start ? period_add (by, start, -1) : NULL;

  if (before == NULL)
    return NULL;
  switch ((int) by)
    {
    case CG_DIM_DAY:
      return g_date_time_format (before, "%Y-%m-%d");
    case CG_DIM_WEEK:
      return g_date_time_format (before, "%G-W%V");
    case CG_DIM_MONTH:
      return g_date_time_format (before, "%Y-%m");
    default:
      return g_strdup_printf ("%04d-Q%d", g_date_time_get_year (before),
                              (g_date_time_get_month (before) - 1) / 3 + 1);
    }
}

/* The calls of key @key of @by within @filter as a CgFilter, for measures
 * that take a filter only (the survey's satisfaction links responses to
 * agents, lines, lists and times); FALSE for the slices a filter cannot
 * express: campaign, segment, hours, weekdays and outcome. */
static gboolean
slice_filter (CgDimension     by,
              const char     *key,
              const CgFilter *filter,
              GTimeZone      *tz,
              CgFilter       *slice)
{
  *slice = *filter;
  switch ((int) by)
    {
    case CG_DIM_TOTAL:
      return TRUE;
    case CG_DIM_AGENT:
      slice->agent = key;
      return TRUE;
    case CG_DIM_LINE:
      slice->line = key;
      return TRUE;
    case CG_DIM_LIST:
      slice->list = key;
      return TRUE;
    case CG_DIM_DAY:
    case CG_DIM_WEEK:
    case CG_DIM_MONTH:
    case CG_DIM_QUARTER:
      {
        g_autoptr(GDateTime) start = period_start (by, key, tz);
        g_autoptr(GDateTime) end = start ? period_add (by, start, 1) : NULL;

        if (end == NULL)
          return FALSE;
        if (slice->from_ts == 0 || slice->from_ts < g_date_time_to_unix (start))
          slice->from_ts = g_date_time_to_unix (start);
        if (slice->to_ts == 0 || slice->to_ts > g_date_time_to_unix (end))
          slice->to_ts = g_date_time_to_unix (end);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

void
cg_scorecard_row_free (CgScorecardRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

void
cg_scorecard_free (CgScorecard *scorecard)
{
  if (scorecard == NULL)
    return;
  g_clear_pointer (&scorecard->rows, g_ptr_array_unref);
  g_free (scorecard);
}

static void
set_changes (CgScorecardRow          *row,
             const CgScorecardConfig *config,
             const CgIndicatorValues *previous)
{
  double previous_total;

  for (guint i = 0; i < CG_N_INDICATORS; i++)
    {
      row->has_change[i] = row->values.has_value[i] && previous->has_value[i];
      row->change[i] = row->has_change[i] ? row->values.value[i] - previous->value[i] : 0;
    }
  row->has_total_change = row->has_total &&
                          cg_scorecard_total (config, previous, NULL, NULL, &previous_total);
  row->total_change = row->has_total_change ? row->total - previous_total : 0;
}

CgScorecard *
cg_scorecard_compute (CgStore        *store,
                      CgDimension     by,
                      const CgFilter *filter,
                      GError        **error)
{
  g_autoptr(CgScorecard) card = g_new0 (CgScorecard, 1);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  CgFilter all = { 0 }, before;
  gboolean has_before = FALSE;

  g_return_val_if_fail (CG_IS_STORE (store), NULL);
  g_return_val_if_fail (by < CG_N_DIMS, NULL);

  if (filter == NULL)
    filter = &all;
  card->by = by;
  card->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_scorecard_row_free);
  if (!cg_scorecard_config_load (store, &card->config, error) ||
      (values = measure_by (store, by, filter, tz, &keys, error)) == NULL)
    return NULL;
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    card->available[i] = TRUE;
  {
    CgFilter probe;
    card->available[CG_INDICATOR_SATISFACTION] = slice_filter (by, "", filter, tz, &probe) ||
                                                 is_calendar (by);
  }
  if (by == CG_DIM_LINE || filter->line != NULL || !cg_compliance_complaints_have_key (by))
    card->available[CG_INDICATOR_COMPLAINT_RATE] = FALSE;

  /* The previous period: by calendar slice the slice before each, whole
   * even when the filter cuts the first one short.  Only the slice before
   * the first and the first itself need measuring again: the others are
   * rows already.  Otherwise the period of equal length just before the
   * filter's, when it has both ends. */
  before = *filter;
  if (is_calendar (by) && keys->len > 0)
    {
      const char *first = ((CgConnectRow *) g_ptr_array_index (keys, 0))->key;
      g_autoptr(GDateTime) start = period_start (by, first, tz);
      g_autoptr(GDateTime) earlier = start ? period_add (by, start, -1) : NULL;
      g_autoptr(GDateTime) end = start ? period_add (by, start, 1) : NULL;

      if (earlier != NULL && end != NULL)
        {
          before.from_ts = g_date_time_to_unix (earlier);
          before.to_ts = g_date_time_to_unix (end);
          has_before = TRUE;
        }
    }
  else if (!is_calendar (by) && filter->from_ts != 0 && filter->to_ts != 0)
    {
      before.from_ts = filter->from_ts - (filter->to_ts - filter->from_ts);
      before.to_ts = filter->from_ts;
      has_before = TRUE;
    }
  if (has_before && (previous = measure_by (store, by, &before, tz, NULL, error)) == NULL)
    return NULL;

  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = ((CgConnectRow *) g_ptr_array_index (keys, k))->key;
      const CgIndicatorValues *v = g_hash_table_lookup (values, key);
      g_autoptr(CgScorecardRow) row = NULL;
      g_autofree char *previous_id = NULL;
      const CgIndicatorValues *p = NULL;
      CgFilter slice;

      /* A scorecard rates someone or something: no row for the calls
       * without an agent (line, list…). */
      if (key == NULL || *key == '\0' || v == NULL)
        continue;
      if (!slice_filter (by, key, filter, tz, &slice) && is_calendar (by))
        continue;
      row = g_new0 (CgScorecardRow, 1);
      row->key = g_strdup (key);
      row->from_ts = slice.from_ts;
      row->to_ts = slice.to_ts;
      if (is_calendar (by))
        previous_id = previous_key (by, key, tz);
      row->values = *v;
      row->has_total = cg_scorecard_total (&card->config, &row->values, row->score,
                                           row->effective_weight, &row->total);
      if (previous != NULL)
        p = g_hash_table_lookup (previous, previous_id != NULL ? previous_id : key);
      if (p == NULL && previous_id != NULL && has_before)
        p = g_hash_table_lookup (values, previous_id);
      if (p != NULL)
        set_changes (row, &card->config, p);
      g_ptr_array_add (card->rows, g_steal_pointer (&row));
    }
  return g_steal_pointer (&card);
}
