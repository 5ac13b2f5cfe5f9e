/* cg-incidents-section.c — line incidents and call quality on the Connect page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "cg-call-quality.h"
#include "cg-format.h"
#include "cg-incidents-section.h"
#include "cg-page-util.h"

enum { INC_LINE, INC_KIND, INC_START, INC_END, INC_CALLS, INC_OBSERVED, INC_EXPECTED, INC_LOST, N_INC_COLUMNS };

static const CgColumn incident_columns[N_INC_COLUMNS] = {
  { N_("Line"), CG_COLUMN_TEXT, NULL },
  { N_("Kind"), CG_COLUMN_TEXT, NULL },
  { N_("Start"), CG_COLUMN_TEXT, NULL },
  { N_("End"), CG_COLUMN_TEXT, NULL },
  { N_("Calls"), CG_COLUMN_NUMBER, NULL },
  { N_("Observed"), CG_COLUMN_NUMBER, N_("Failure share or connect rate in the incident's hours") },
  { N_("Expected"), CG_COLUMN_NUMBER, N_("The same rate in the line's normal hours") },
  { N_("Lost connects"), CG_COLUMN_NUMBER, N_("Connected calls expected but missing") },
};

CgTable *
cg_incidents_table_new (void)
{
  return cg_table_new (incident_columns, N_INC_COLUMNS);
}

/* "2026-09-03T14:00:00+08:00" → "2026-09-03 14:00". */
static char *
short_time (const char *iso)
{
  if (iso == NULL || strlen (iso) < 16)
    return g_strdup (iso ? iso : "—");
  return g_strdup_printf ("%.10s %.5s", iso, iso + 11);
}

void
cg_incidents_table_fill (CgTable                *table,
                         const CgIncidentReport *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *inc = g_ptr_array_index (report->incidents, i);
      CgTableRow *row = cg_table_row_new (inc->line, N_INC_COLUMNS);
      g_autofree char *start = short_time (inc->start);
      g_autofree char *end = short_time (inc->end);
      g_autofree char *calls = cg_format_count (inc->calls);
      g_autofree char *observed = cg_percent_text (inc->observed_rate);
      g_autofree char *expected = cg_percent_text (inc->expected_rate);
      g_autofree char *lost = isnan (inc->lost_connects) ? g_strdup ("—")
                                                         : g_strdup_printf ("%.1f", inc->lost_connects);

      cg_table_row_set_text (row, INC_LINE, inc->line);
      cg_table_row_set_text (row, INC_KIND, cg_incident_kind_get_label (inc->kind));
      cg_table_row_set_number (row, INC_START, start, inc->start_ts);
      cg_table_row_set_number (row, INC_END, end, inc->end_ts);
      cg_table_row_set_number (row, INC_CALLS, calls, inc->calls);
      cg_table_row_set_number (row, INC_OBSERVED, observed, inc->observed_rate);
      cg_table_row_set_number (row, INC_EXPECTED, expected, inc->expected_rate);
      cg_table_row_set_number (row, INC_LOST, lost, inc->lost_connects);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (table, rows);
}

enum { Q_LINE, Q_WITH_MOS, Q_MOS, Q_LOW_MOS, Q_RECORDINGS, Q_SHORT, N_Q_COLUMNS };

static const CgColumn quality_columns[N_Q_COLUMNS] = {
  { N_("Line"), CG_COLUMN_TEXT, NULL },
  { N_("Calls with MOS"), CG_COLUMN_NUMBER, N_("Connected calls whose log has a MOS value") },
  { N_("Mean MOS"), CG_COLUMN_NUMBER, N_("Mean opinion score of voice quality, 1–5") },
  { N_("Low MOS"), CG_COLUMN_NUMBER, N_("Share of calls with a MOS under 3.5") },
  { N_("Recording coverage"), CG_COLUMN_NUMBER, N_("Connected calls with a recording, where the log says") },
  { N_("Short calls"), CG_COLUMN_NUMBER, N_("Connected calls with under 5 seconds of talk") },
};

CgTable *
cg_call_quality_table_new (void)
{
  return cg_table_new (quality_columns, N_Q_COLUMNS);
}

void
cg_call_quality_table_fill (CgTable   *table,
                            GPtrArray *rows)
{
  g_autoptr(GPtrArray) table_rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const CgCallQualityRow *q = g_ptr_array_index (rows, i);
      CgTableRow *row = cg_table_row_new (q->key, N_Q_COLUMNS);
      g_autofree char *line = cg_key_label (CG_DIM_LINE, q->key);
      g_autofree char *with_mos = cg_format_count (q->with_mos);
      g_autofree char *mos = isnan (q->mos_mean) ? g_strdup ("—") : g_strdup_printf ("%.2f", q->mos_mean);
      g_autofree char *low = cg_percent_text (q->low_mos_share);
      g_autofree char *recordings = cg_percent_text (q->recording_coverage);
      g_autofree char *short_calls = cg_percent_text (q->short_call_share);

      cg_table_row_set_text (row, Q_LINE, line);
      cg_table_row_set_number (row, Q_WITH_MOS, with_mos, q->with_mos);
      cg_table_row_set_number (row, Q_MOS, mos, q->mos_mean);
      cg_table_row_set_number (row, Q_LOW_MOS, low, q->low_mos_share);
      cg_table_row_set_number (row, Q_RECORDINGS, recordings, q->recording_coverage);
      cg_table_row_set_number (row, Q_SHORT, short_calls, q->short_call_share);
      g_ptr_array_add (table_rows, row);
    }
  cg_table_set_rows (table, table_rows);
}

/* The period key of @granularity holding @dt, and how far into that
 * period @dt lies (0–1). */
static char *
period_key (CgDimension  granularity,
            GDateTime   *dt,
            double      *fraction)
{
  int y, m, d;
  double day_fraction = (g_date_time_get_hour (dt) * 3600 + g_date_time_get_minute (dt) * 60
                         + g_date_time_get_second (dt)) / 86400.0;
  guint8 days_in_month;

  g_date_time_get_ymd (dt, &y, &m, &d);
  days_in_month = g_date_get_days_in_month (m, y);
  switch (granularity)
    {
    case CG_DIM_DAY:
      *fraction = day_fraction;
      return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    case CG_DIM_WEEK:
      *fraction = (g_date_time_get_day_of_week (dt) - 1 + day_fraction) / 7.0;
      return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (dt),
                              g_date_time_get_week_of_year (dt));
    case CG_DIM_QUARTER:
      *fraction = ((m - 1) % 3 + (d - 1 + day_fraction) / days_in_month) / 3.0;
      return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
    case CG_DIM_MONTH:
    default:
      *fraction = (d - 1 + day_fraction) / days_in_month;
      return g_strdup_printf ("%04d-%02d", y, m);
    }
}

/* Where @iso (in the business offset) falls on the category axis; NAN
 * when its period is not among @keys.  @end: an exclusive end, so the
 * instant before it counts. */
static double
axis_position (CgDimension        granularity,
               const char *const *keys,
               guint              n_keys,
               const char        *iso,
               gboolean           end)
{
  g_autoptr(GDateTime) parsed = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *key = NULL;
  double fraction = 0;

  if (parsed == NULL)
    return NAN;
  dt = end ? g_date_time_add_seconds (parsed, -1) : g_date_time_ref (parsed);
  key = period_key (granularity, dt, &fraction);
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i - 0.5 + (end ? fraction + 1.0 / 86400 : fraction);
  return NAN;
}

void
cg_incidents_add_spans (CgChart                *chart,
                        CgDimension             granularity,
                        const char *const      *keys,
                        guint                   n_keys,
                        const CgIncidentReport *report)
{
  for (guint i = 0; i < report->incidents->len; i++)
    {
      const CgIncident *inc = g_ptr_array_index (report->incidents, i);
      double from = axis_position (granularity, keys, n_keys, inc->start, FALSE);
      double to = axis_position (granularity, keys, n_keys, inc->end, TRUE);
      g_autofree char *label = NULL;

      if (isnan (from) || isnan (to))
        continue;
      /* An hour in a month would be a hairline: keep spans visible. */
      if (to - from < 0.15)
        {
          double mid = (from + to) / 2;
          from = mid - 0.075;
          to = mid + 0.075;
        }
      /* Translators: an incident on the chart, as in "L02 · Line failures". */
      label = g_strdup_printf (_("%s · %s"), inc->line, cg_incident_kind_get_label (inc->kind));
      cg_chart_add_span (chart, from, to, label);
    }
}

gboolean
cg_period_key_days (CgDimension  granularity,
                    const char  *key,
                    GDate       *first,
                    GDate       *last)
{
  int y = 0, a = 0, b = 0;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  switch (granularity)
    {
    case CG_DIM_DAY:
      if (sscanf (key, "%d-%d-%d", &y, &a, &b) != 3 || !g_date_valid_dmy (b, a, y))
        return FALSE;
      g_date_set_dmy (first, b, a, y);
      *last = *first;
      return TRUE;
    case CG_DIM_WEEK:
      {
        /* ISO week 1 holds 4 January; weeks start on Monday. */
        if (sscanf (key, "%d-W%d", &y, &a) != 2 || a < 1 || a > 53 || y < 1 || y > 9999)
          return FALSE;
        g_date_set_dmy (first, 4, G_DATE_JANUARY, y);
        g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
        g_date_add_days (first, 7 * (a - 1));
        *last = *first;
        g_date_add_days (last, 6);
        return TRUE;
      }
    case CG_DIM_MONTH:
      if (sscanf (key, "%d-%d", &y, &a) != 2 || a < 1 || a > 12 || y < 1 || y > 9999)
        return FALSE;
      g_date_set_dmy (first, 1, a, y);
      g_date_set_dmy (last, g_date_get_days_in_month (a, y), a, y);
      return TRUE;
    case CG_DIM_QUARTER:
      if (sscanf (key, "%d-Q%d", &y, &a) != 2 || a < 1 || a > 4 || y < 1 || y > 9999)
        return FALSE;
      g_date_set_dmy (first, 1, 3 * (a - 1) + 1, y);
      g_date_set_dmy (last, g_date_get_days_in_month (3 * a, y), 3 * a, y);
      return TRUE;
    default:
      return FALSE;
    }
}
