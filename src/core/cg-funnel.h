/* cg-funnel.h — the sales funnel: dialled → connected → interested → sale.
 *
 * Definitions (the README repeats them):
 *   dialled      = every dial attempt in the slice;
 *   connected    = attempts whose outcome is connected;
 *   interested   = connected calls whose disposition is interested,
 *                  callback or sale (a sale showed interest too);
 *   sale         = connected calls whose disposition is sale.
 * Each stage is part of the one before, so every conversion is a rate with
 * a Wilson interval: connect rate = connected / dialled, interest rate =
 * interested / connected, close rate = sales / interested, conversion =
 * sales / dialled.  A sale logged on a call that did not connect is a data
 * error and counts in no stage but dialled.
 *   new customer = a number with a sale in the slice and no sale (on any
 *                  line, by any agent, from any list) before the period's
 *                  start; without --from every customer is new.  A
 *                  customer sold to by two agents is new for both.
 *   revenue      = sum of the amounts of sales; average sale = revenue /
 *                  sales that have an amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-stats.h"
#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  char   *key;
  gint64  dialled;
  gint64  connected;
  gint64  interested;
  gint64  sales;
  gint64  new_customers;
  gint64  sales_with_amount;  /* sales whose amount is known */
  double  revenue_cny;        /* sum of those amounts */
} CgFunnelRow;

void       cg_funnel_row_free (CgFunnelRow *row);

typedef enum {
  CG_FUNNEL_CONNECT,     /* connected / dialled */
  CG_FUNNEL_INTEREST,    /* interested / connected */
  CG_FUNNEL_CLOSE,       /* sales / interested */
  CG_FUNNEL_CONVERSION,  /* sales / dialled */
  CG_FUNNEL_N_RATES
} CgFunnelRate;

/** cg_funnel_rate_to_string: the JSON name of @rate ("connect_rate" …). */
const char *cg_funnel_rate_to_string (CgFunnelRate rate);

/** cg_funnel_row_rate: @rate of @row with its 95 % Wilson interval; FALSE
 * when its denominator is zero. */
gboolean   cg_funnel_row_rate (const CgFunnelRow *row,
                               CgFunnelRate       rate,
                               CgInterval        *interval);

/** cg_funnel_row_average_sale: revenue / sales with an amount; FALSE when none has one. */
gboolean   cg_funnel_row_average_sale (const CgFunnelRow *row,
                                       double            *average_cny);

/** cg_funnel_compute: one row per key of @by (any slice), keys ascending
 * (outcomes in CgOutcome's order); the total is a row even without calls.
 * By outcome, only the row "connected" can have later stages; a new
 * customer with sales in two slices (two hours, two agents) is new in
 * both. */
GPtrArray *cg_funnel_compute  (CgStore        *store,
                               CgDimension     by,
                               const CgFilter *filter,
                               GError        **error);

/** cg_funnel_stages_from_sums: cg_funnel_compute ()'s rows from the day sums
 * alone, without new customers (0): counting them reads the calls.  Only
 * where the sums answer (cg_dimension_in_day_sums (@by) and whole-day
 * bounds, see cg_analytics_day_bounds); the total row may be missing
 * without calls. */
GPtrArray *cg_funnel_stages_from_sums (CgStore        *store,
                                       CgDimension     by,
                                       const CgFilter *filter,
                                       GError        **error);

G_END_DECLS
