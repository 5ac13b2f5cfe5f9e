/* cg-export-csv.c — figure tables as CSV files (see cg-export-csv.h).
 *
 * Tables are small (at most a few thousand rows), so the file is built in
 * memory and written with g_file_set_contents: a temporary file renamed
 * into place, never a partial file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-compliance.h"
#include "cg-csv-out.h"
#include "cg-export-csv.h"
#include "cg-finance.h"
#include "cg-funnel.h"
#include "cg-quality.h"
#include "cg-scenario-store.h"
#include "cg-scorecard.h"

G_DEFINE_QUARK (cg-export-csv-error-quark, cg_export_csv_error)

typedef struct {
  GString *out;
  gboolean first;   /* no field yet on this line */
  gint64   rows;
} Csv;

static void
csv_sep (Csv *c)
{
  if (!c->first)
    g_string_append_c (c->out, ',');
  c->first = FALSE;
}

static void
csv_text (Csv        *c,
          const char *text)
{
  csv_sep (c);
  cg_csv_append_text (c->out, text);
}

static void
csv_int (Csv    *c,
         gint64  value)
{
  csv_sep (c);
  g_string_append_printf (c->out, "%" G_GINT64_FORMAT, value);
}

/* Empty when undefined. */
static void
csv_number (Csv      *c,
            double    value,
            gboolean  defined)
{
  csv_sep (c);
  if (defined)
    cg_csv_append_number (c->out, value);
}

static void
csv_end (Csv *c)
{
  g_string_append (c->out, "\r\n");
  c->first = TRUE;
  c->rows++;
}

static void
csv_header (Csv        *c,
            const char *first,
            ...)
{
  va_list ap;

  va_start (ap, first);
  for (const char *h = first; h != NULL; h = va_arg (ap, const char *))
    csv_text (c, h);
  va_end (ap);
  csv_end (c);
  c->rows = 0;
}

static void
csv_interval (Csv              *c,
              const CgInterval *interval,
              gboolean          defined)
{
  csv_number (c, interval->estimate, defined);
  csv_number (c, interval->lower, defined);
  csv_number (c, interval->upper, defined);
}

static gboolean
table_connect (CgStore                  *store,
               const CgExportCsvOptions *o,
               Csv                      *c,
               GError                  **error)
{
  CgDimension by = o->by == CG_N_DIMS ? CG_DIM_TOTAL : o->by;
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, by, o->filter, error);

  if (rows == NULL)
    return FALSE;
  csv_header (c, "key", "calls", "connected", "rate", "ci95_lower", "ci95_upper", "talk_seconds",
              "acd_seconds", "short_calls", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *row = g_ptr_array_index (rows, i);
      CgInterval rate = { 0 };
      gboolean has_rate = cg_connect_row_rate (row, &rate);

      csv_text (c, row->key);
      csv_int (c, row->calls);
      csv_int (c, row->connected);
      csv_interval (c, &rate, has_rate);
      csv_int (c, row->talk_seconds);
      csv_number (c, (double) row->talk_seconds / row->connected, row->connected > 0);
      csv_int (c, row->short_calls);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_outcomes (CgStore                  *store,
                const CgExportCsvOptions *o,
                Csv                      *c,
                GError                  **error)
{
  g_autoptr(GPtrArray) rows = cg_analytics_connect (store, CG_DIM_OUTCOME, o->filter, error);
  gint64 total = 0;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    total += ((CgConnectRow *) g_ptr_array_index (rows, i))->calls;
  csv_header (c, "outcome", "calls", "share", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgConnectRow *row = g_ptr_array_index (rows, i);

      csv_text (c, row->key);
      csv_int (c, row->calls);
      csv_number (c, (double) row->calls / total, total > 0);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_funnel (CgStore                  *store,
              const CgExportCsvOptions *o,
              Csv                      *c,
              GError                  **error)
{
  CgDimension by = o->by == CG_N_DIMS ? CG_DIM_TOTAL : o->by;
  g_autoptr(GPtrArray) rows = NULL;

  if ((rows = cg_funnel_compute (store, by, o->filter, error)) == NULL)
    return FALSE;
  csv_header (c, "key", "dialled", "connected", "interested", "sales", "new_customers",
              "connect_rate", "interest_rate", "close_rate", "conversion", "revenue_cny", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgFunnelRow *row = g_ptr_array_index (rows, i);

      csv_text (c, row->key);
      csv_int (c, row->dialled);
      csv_int (c, row->connected);
      csv_int (c, row->interested);
      csv_int (c, row->sales);
      csv_int (c, row->new_customers);
      for (int r = 0; r < CG_FUNNEL_N_RATES; r++)
        {
          CgInterval rate = { 0 };
          csv_number (c, rate.estimate, cg_funnel_row_rate (row, r, &rate));
        }
      csv_number (c, row->revenue_cny, TRUE);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_lines (CgStore                  *store,
             const CgExportCsvOptions *o,
             Csv                      *c,
             GError                  **error)
{
  CgDimension by = o->by == CG_N_DIMS ? CG_DIM_LINE : o->by;
  g_autoptr(GPtrArray) rows = cg_quality_lines (store, by, o->filter, error);

  if (rows == NULL)
    return FALSE;
  csv_header (c, cg_dimension_to_string (by), "calls", "connected", "line_failures", "line_failure_share", "short_calls",
              "short_call_share", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgLineStability *row = g_ptr_array_index (rows, i);

      csv_text (c, row->key);
      csv_int (c, row->calls);
      csv_int (c, row->connected);
      csv_int (c, row->line_failures);
      csv_number (c, (double) row->line_failures / row->calls, row->calls > 0);
      csv_int (c, row->short_calls);
      csv_number (c, (double) row->short_calls / row->connected, row->connected > 0);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_lists (CgStore                  *store,
             const CgExportCsvOptions *o,
             Csv                      *c,
             GError                  **error)
{
  g_autofree char *cap_text = cg_store_get_setting (store, "attempt_cap", CG_COMPLIANCE_DEFAULT_ATTEMPT_CAP);
  CgDimension by = o->by == CG_N_DIMS ? CG_DIM_LIST : o->by;
  CgAttemptCap cap = { 3, 7 };
  g_autoptr(GPtrArray) rows = NULL;

  if (!cg_attempt_cap_parse (cap_text, &cap, error) ||
      (rows = cg_quality_lists (store, by, o->filter, cap.max_attempts, error)) == NULL)
    return FALSE;
  csv_header (c, cg_dimension_to_string (by), "calls", "invalid_number_calls", "numbers", "invalid_format_numbers",
              "duplicate_numbers", "over_attempted_numbers", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const CgListQuality *row = g_ptr_array_index (rows, i);

      csv_text (c, row->key);
      csv_int (c, row->calls);
      csv_int (c, row->invalid_number_calls);
      csv_int (c, row->numbers);
      csv_int (c, row->invalid_format_numbers);
      csv_int (c, row->duplicate_numbers);
      csv_int (c, row->over_attempted_numbers);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_best_times (CgStore                  *store,
                  const CgExportCsvOptions *o,
                  Csv                      *c,
                  GError                  **error)
{
  double overall = 0;
  g_autoptr(GArray) best = cg_analytics_best_times (store, o->filter, 30, &overall, error);

  if (best == NULL)
    return FALSE;
  csv_header (c, "weekday", "hour", "calls", "connected", "rate", "p_value", "overall_rate", NULL);
  for (guint i = 0; i < best->len; i++)
    {
      const CgBestTime *t = &g_array_index (best, CgBestTime, i);

      csv_int (c, t->weekday);
      csv_int (c, t->hour);
      csv_int (c, t->calls);
      csv_int (c, t->connected);
      csv_number (c, t->rate, TRUE);
      csv_number (c, t->p_value, TRUE);
      csv_number (c, overall, TRUE);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_scorecard (CgStore                  *store,
                 const CgExportCsvOptions *o,
                 Csv                      *c,
                 GError                  **error)
{
  CgDimension by = o->by == CG_N_DIMS ? CG_DIM_MONTH : o->by;
  g_autoptr(CgScorecard) card = NULL;

  if ((card = cg_scorecard_compute (store, by, o->filter, error)) == NULL)
    return FALSE;
  csv_text (c, "key");
  for (int i = 0; i < CG_N_INDICATORS; i++)
    {
      g_autofree char *score = g_strconcat (cg_indicator_to_string (i), "_score", NULL);
      csv_text (c, cg_indicator_to_string (i));
      csv_text (c, score);
    }
  csv_text (c, "total");
  csv_end (c);
  c->rows = 0;
  for (guint r = 0; r < card->rows->len; r++)
    {
      const CgScorecardRow *row = g_ptr_array_index (card->rows, r);

      csv_text (c, row->key);
      for (int i = 0; i < CG_N_INDICATORS; i++)
        {
          csv_number (c, row->values.value[i], row->values.has_value[i]);
          csv_number (c, row->score[i], row->values.has_value[i]);
        }
      csv_number (c, row->total, row->has_total);
      csv_end (c);
    }
  return TRUE;
}

static gboolean
table_compliance (CgStore                  *store,
                  const CgExportCsvOptions *o,
                  Csv                      *c,
                  GError                  **error)
{
  g_autoptr(CgComplianceReport) audit = cg_compliance_audit (store, o->filter, error);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);

  if (audit == NULL)
    return FALSE;
  csv_header (c, "rule", "time", "number_masked", "agent", "line", "list", NULL);
  for (int k = 0; k < 3; k++)
    {
      const CgFinding *f = k == 0 ? &audit->outside_hours : k == 1 ? &audit->dnc : &audit->attempt_cap;

      for (guint i = 0; i < f->calls->len; i++)
        {
          const CgComplianceCall *call = g_ptr_array_index (f->calls, i);
          g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (call->start_ts);
          g_autoptr(GDateTime) local = t != NULL ? g_date_time_to_timezone (t, tz) : NULL;
          g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : NULL;

          csv_text (c, k == 0 ? "outside_hours" : k == 1 ? "dnc" : "attempt_cap");
          csv_text (c, when);
          csv_text (c, call->phone_masked);
          csv_text (c, call->agent_id);
          csv_text (c, call->line);
          csv_text (c, call->list);
          csv_end (c);
        }
    }
  return TRUE;
}

static gboolean
table_cashflow (CgStore                  *store,
                const CgExportCsvOptions *o,
                Csv                      *c,
                GError                  **error)
{
  g_auto(GStrv) names = NULL;
  const char *name = o->scenario;
  g_autoptr(CgScenario) s = NULL;
  g_autoptr(CgFinanceResult) r = NULL;

  if (name == NULL)
    {
      if ((names = cg_store_list_scenarios (store, error)) == NULL)
        return FALSE;
      if ((name = names[0]) == NULL)
        {
          g_set_error (error, CG_EXPORT_CSV_ERROR, CG_EXPORT_CSV_ERROR_TABLE,
                       _("No scenario is stored: create one with “callgauge-cli scenario new”."));
          return FALSE;
        }
    }
  if ((s = cg_store_load_scenario (store, name, error)) == NULL ||
      (r = cg_finance_evaluate (s, error)) == NULL)
    return FALSE;
  csv_header (c, "month", "date", "investment", "cost", "benefit", "net", "cumulative",
              "discount_factor", "discounted", "discounted_cumulative", NULL);
  for (guint i = 0; i < r->months->len; i++)
    {
      const CgCashFlow *m = &g_array_index (r->months, CgCashFlow, i);
      int month0 = s->start_year * 12 + s->start_month - 1 + m->month;
      g_autofree char *date = g_strdup_printf ("%04d-%02d", month0 / 12, month0 % 12 + 1);

      csv_int (c, m->month);
      csv_text (c, date);
      csv_number (c, m->investment, TRUE);
      csv_number (c, m->cost, TRUE);
      csv_number (c, m->benefit, TRUE);
      csv_number (c, m->net, TRUE);
      csv_number (c, m->cumulative, TRUE);
      csv_number (c, m->discount_factor, TRUE);
      csv_number (c, m->discounted, TRUE);
      csv_number (c, m->discounted_cumulative, TRUE);
      csv_end (c);
    }
  return TRUE;
}

typedef gboolean (*TableFunc) (CgStore *, const CgExportCsvOptions *, Csv *, GError **);

static const struct {
  const char *name;
  TableFunc   write;
  gboolean    takes_by;
} tables[] = {
  { "connect", table_connect, TRUE },
  { "outcomes", table_outcomes, FALSE },
  { "funnel", table_funnel, TRUE },
  { "lines", table_lines, FALSE },
  { "lists", table_lists, FALSE },
  { "best-times", table_best_times, FALSE },
  { "scorecard", table_scorecard, TRUE },
  { "compliance", table_compliance, FALSE },
  { "cashflow", table_cashflow, FALSE },
};

const char * const *
cg_export_csv_tables (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    names[i] = tables[i].name;
  return names;
}

gboolean
cg_export_csv (CgStore                   *store,
               const CgExportCsvOptions  *options,
               const char                *path,
               gint64                    *rows,
               GError                   **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");  /* BOM: Excel then reads UTF-8 */
  Csv c = { out, TRUE, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (!g_str_equal (options->table, tables[i].name))
        continue;
      if (!tables[i].takes_by && options->by != CG_N_DIMS)
        {
          g_set_error (error, CG_EXPORT_CSV_ERROR, CG_EXPORT_CSV_ERROR_TABLE,
                       _("The %s table takes no --by."), tables[i].name);
          return FALSE;
        }
      if (!tables[i].write (store, options, &c, error) ||
          !g_file_set_contents (path, out->str, out->len, error))
        return FALSE;
      if (rows != NULL)
        *rows = c.rows;
      return TRUE;
    }
  g_set_error (error, CG_EXPORT_CSV_ERROR, CG_EXPORT_CSV_ERROR_TABLE,
               _("Unknown table “%s”: use connect, outcomes, funnel, lines, lists, best-times, scorecard, compliance or cashflow."),
               options->table);
  return FALSE;
}
