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

/* The indicators of the calls in @filter. */
static gboolean
measure (CgStore            *store,
         const CgFilter     *filter,
         CgIndicatorValues  *values,
         GError            **error)
{
  g_autoptr(GPtrArray) connect = NULL;
  g_autoptr(GPtrArray) funnel = NULL;
  g_autoptr(CgContact) contact = NULL;
  g_autoptr(CgComplianceReport) audit = NULL;
  const CgFunnelRow *f;
  gint64 talk_seconds = 0, complaints = 0, violations;

  if ((connect = cg_analytics_connect (store, CG_DIM_TOTAL, filter, error)) == NULL ||
      (funnel = cg_funnel_compute (store, CG_DIM_TOTAL, filter, error)) == NULL ||
      (contact = cg_quality_contact (store, filter, error)) == NULL ||
      (audit = cg_compliance_audit (store, filter, error)) == NULL)
    return FALSE;

  /* The funnel's total is a row even without calls; connect's may not be. */
  f = g_ptr_array_index (funnel, 0);
  if (connect->len > 0)
    talk_seconds = ((CgConnectRow *) g_ptr_array_index (connect, 0))->talk_seconds;
  for (guint i = 0; i < audit->complaints_by_month->len; i++)
    complaints += ((CgComplaintCount *) g_ptr_array_index (audit->complaints_by_month, i))->complaints;
  violations = audit->outside_hours.count + audit->dnc.count + audit->attempt_cap.count;

  memset (values, 0, sizeof *values);
  set_value (values, CG_INDICATOR_CONNECT_RATE, f->connected, f->dialled);
  set_value (values, CG_INDICATOR_CONTACT_RATE, contact->numbers_reached, contact->numbers);
  set_value (values, CG_INDICATOR_CONVERSION, f->sales, f->dialled);
  set_value (values, CG_INDICATOR_ACD_SECONDS, talk_seconds, f->connected);
  if (!measure_satisfaction (store, filter, values, error))
    return FALSE;
  if (filter->line == NULL)
    set_value (values, CG_INDICATOR_COMPLAINT_RATE, 1000.0 * complaints, f->connected);
  set_value (values, CG_INDICATOR_COMPLIANCE_VIOLATIONS, 1000.0 * violations, f->dialled);
  return TRUE;
}

/* [start, end) of the month "YYYY-MM" in @tz, @offset months later. */
static gboolean
month_bounds (const char *key,
              GTimeZone  *tz,
              int         offset,
              gint64     *start,
              gint64     *end)
{
  int year, month, m0;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (sscanf (key, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
    return FALSE;
  m0 = year * 12 + (month - 1) + offset;
  a = g_date_time_new (tz, m0 / 12, m0 % 12 + 1, 1, 0, 0, 0);
  b = g_date_time_new (tz, (m0 + 1) / 12, (m0 + 1) % 12 + 1, 1, 0, 0, 0);
  if (a == NULL || b == NULL)
    return FALSE;
  *start = g_date_time_to_unix (a);
  *end = g_date_time_to_unix (b);
  return TRUE;
}

/* The filter's own bounds narrowed to [start, end); 0 is unbounded. */
static void
narrow_period (CgFilter *slice,
               gint64    start,
               gint64    end)
{
  if (slice->from_ts == 0 || slice->from_ts < start)
    slice->from_ts = start;
  if (slice->to_ts == 0 || slice->to_ts > end)
    slice->to_ts = end;
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
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  CgFilter all = { 0 };

  g_return_val_if_fail (CG_IS_STORE (store), NULL);

  if (by != CG_DIM_MONTH && by != CG_DIM_AGENT && by != CG_DIM_LINE && by != CG_DIM_LIST)
    {
      g_set_error (error, CG_SCORECARD_ERROR, CG_SCORECARD_ERROR_INVALID,
                   _("The scorecard can be split by month, agent, line or list, not by %s."),
                   cg_dimension_to_string (by));
      return NULL;
    }
  if (filter == NULL)
    filter = &all;
  card->by = by;
  card->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_scorecard_row_free);
  if (!cg_scorecard_config_load (store, &card->config, error) ||
      (keys = cg_analytics_connect (store, by, filter, error)) == NULL)
    return NULL;
  for (guint i = 0; i < CG_N_INDICATORS; i++)
    card->available[i] = TRUE;
  if (by == CG_DIM_LINE || filter->line != NULL)
    card->available[CG_INDICATOR_COMPLAINT_RATE] = FALSE;

  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = ((CgConnectRow *) g_ptr_array_index (keys, k))->key;
      g_autoptr(CgScorecardRow) row = NULL;
      CgFilter slice = *filter, before;
      CgIndicatorValues previous;
      gboolean has_before = FALSE;

      if (key == NULL || *key == '\0')
        continue;
      row = g_new0 (CgScorecardRow, 1);
      row->key = g_strdup (key);
      before = slice;
      switch ((int) by)
        {
        case CG_DIM_MONTH:
          {
            gint64 start, end;

            if (!month_bounds (key, tz, 0, &start, &end) ||
                !month_bounds (key, tz, -1, &before.from_ts, &before.to_ts))
              continue;
            narrow_period (&slice, start, end);
            has_before = TRUE;
          }
          break;
        case CG_DIM_AGENT:
          slice.agent = before.agent = row->key;
          break;
        case CG_DIM_LINE:
          slice.line = before.line = row->key;
          break;
        case CG_DIM_LIST:
          slice.list = before.list = row->key;
          break;
        default:
          g_assert_not_reached ();
        }
      if (by != CG_DIM_MONTH && filter->from_ts != 0 && filter->to_ts != 0)
        {
          before.from_ts = filter->from_ts - (filter->to_ts - filter->from_ts);
          before.to_ts = filter->from_ts;
          has_before = TRUE;
        }

      row->from_ts = slice.from_ts;
      row->to_ts = slice.to_ts;
      if (!measure (store, &slice, &row->values, error))
        return NULL;
      row->has_total = cg_scorecard_total (&card->config, &row->values, row->score,
                                           row->effective_weight, &row->total);
      if (has_before)
        {
          /* The month before is often the previous row, measured already. */
          const CgScorecardRow *last = card->rows->len > 0 ? g_ptr_array_index (card->rows, card->rows->len - 1) : NULL;

          if (by == CG_DIM_MONTH && last != NULL &&
              last->from_ts == before.from_ts && last->to_ts == before.to_ts)
            previous = last->values;
          else if (!measure (store, &before, &previous, error))
            return NULL;
          set_changes (row, &card->config, &previous);
        }
      g_ptr_array_add (card->rows, g_steal_pointer (&row));
    }
  return g_steal_pointer (&card);
}
