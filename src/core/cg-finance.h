/* cg-finance.h — was the system worth it, and when does it pay back?
 *
 * Monthly cash flows of a CgScenario with their NPV, ROI, IRR, payback,
 * sensitivity and break-even values.  Plain structs and free functions.
 *
 * Conventions (the report quotes them):
 *   - Months run 0..H, H = horizon_months; month 0 is the scenario's start
 *     month.  A flow of month m is counted at the end of month m, i.e. m
 *     months after the start (month 0 is not discounted).
 *   - Amounts are positive numbers; the item's kind gives the sign:
 *     net = benefit − cost − investment.
 *   - Investment items flow once, in their month; their growth is ignored.
 *   - Cost and benefit items flow in every month from item->month to
 *     item->end_month (or H when end_month < 0), clipped to the horizon.
 *     In month m they are amount × (1 + g)^((m − item->month) / 12), with g
 *     the annual growth: an effective annual rate, compounded monthly, so
 *     the 13th month of an item is exactly (1 + g) times its first.
 *   - The annual discount rate a is converted to the equivalent monthly
 *     rate r_m = (1 + a)^(1/12) − 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cg-scenario.h"

G_BEGIN_DECLS

#define CG_FINANCE_ERROR (cg_finance_error_quark ())

typedef enum {
  CG_FINANCE_ERROR_INVALID,  /* the scenario cannot be evaluated; the message says why */
} CgFinanceError;

GQuark cg_finance_error_quark (void);

#define CG_FINANCE_MAX_HORIZON  600  /* months: fifty years */

/* One month of the cash flows; all amounts in CNY. */
typedef struct {
  int    month;                  /* 0..H */
  double investment;
  double cost;
  double benefit;
  double net;                    /* benefit − cost − investment */
  double cumulative;             /* Σ net over months 0..month */
  double discount_factor;        /* 1 / (1 + r_m)^month */
  double discounted;             /* net × discount_factor */
  double discounted_cumulative;  /* Σ discounted over months 0..month */
} CgCashFlow;

typedef struct {
  GArray   *months;            /* CgCashFlow, H + 1 of them */
  double    monthly_rate;      /* r_m */

  /* Undiscounted sums over months 0..H. */
  double    total_investment;
  double    total_cost;
  double    total_benefit;
  double    total_net;

  /* Σ discounted; in Excel or LibreOffice =CF0+NPV(r_m, CF1:CFH). */
  double    npv;

  /* (total_benefit − total_cost − total_investment) / (total_cost + total_investment),
   * undiscounted, over the horizon; not defined (NAN) when nothing is spent. */
  double    roi;
  gboolean  roi_defined;

  /* Rates r at which the NPV of the monthly net flows is 0.  Not defined
   * when the net flows never change sign, or no root lies in the range
   * searched, monthly −99 % to +1000 %.  When the flows change sign more
   * than once there may be several: all are in @irr_roots and irr_monthly
   * is the one closest to 0. */
  gboolean  irr_defined;
  double    irr_monthly;
  double    irr_annual;        /* (1 + irr_monthly)^12 − 1 */
  gboolean  multiple_roots;    /* irr_roots->len > 1: read the IRR with care */
  GArray   *irr_roots;         /* double, monthly rates, ascending */

  /* Payback: months from month 0 until the cumulative net becomes ≥ 0 for
   * good, interpolated linearly inside the month where it crosses.  When the
   * cumulative dips below 0 again later, the last crossing counts.  0 when
   * it is never negative; NAN and not reached when it is still negative in
   * month H. */
  double    payback_months;
  gboolean  payback_reached;
  double    discounted_payback_months;  /* the same on the discounted cumulative */
  gboolean  discounted_payback_reached;

  /* The first month whose cumulative net is ≥ 0 and stays ≥ 0 up to H, that
   * is ⌈payback_months⌉; −1 when not reached. */
  int       break_even_month;
} CgFinanceResult;

/** cg_finance_evaluate: cash flows and figures of merit of @scenario;
 * NULL with @error when the scenario is not valid. */
CgFinanceResult *cg_finance_evaluate       (const CgScenario  *scenario,
                                            GError           **error);
void             cg_finance_result_free    (CgFinanceResult   *result);

typedef enum {
  CG_FINANCE_INPUT_AMOUNT,         /* the amount of an item without factors */
  CG_FINANCE_INPUT_FACTOR,         /* one factor of an item */
  CG_FINANCE_INPUT_DISCOUNT_RATE,  /* the scenario's annual discount rate */
} CgFinanceInput;

#define CG_SENSITIVITY_N_STEPS 4

/* What the NPV and payback become when one input is changed by
 * −20 %, −10 %, +10 % and +20 % of its value, the others held. */
typedef struct {
  CgFinanceInput  input;
  int             item_index;    /* in scenario->items; −1 for the discount rate */
  char           *item_name;     /* NULL for the discount rate */
  char           *factor_name;   /* CG_FINANCE_INPUT_FACTOR only */
  double          base_value;
  double          base_npv;
  double          change[CG_SENSITIVITY_N_STEPS];   /* −0.2, −0.1, +0.1, +0.2 */
  double          value[CG_SENSITIVITY_N_STEPS];    /* base_value × (1 + change) */
  double          npv[CG_SENSITIVITY_N_STEPS];      /* NAN where a rate would reach −100 % */
  double          payback_months[CG_SENSITIVITY_N_STEPS];             /* NAN: not reached */
  double          discounted_payback_months[CG_SENSITIVITY_N_STEPS];  /* NAN: not reached */
  double          swing;         /* |NPV at +20 % − NPV at −20 %| */
} CgSensitivity;

/** cg_finance_sensitivity: one CgSensitivity per amount, per factor and for
 * the discount rate, by swing descending (tornado order; ties keep the
 * scenario's order, the rate last); NULL with @error for an invalid scenario. */
GPtrArray       *cg_finance_sensitivity    (const CgScenario  *scenario,
                                            GError           **error);
void             cg_sensitivity_free       (CgSensitivity     *sensitivity);

/** cg_finance_break_even: the value of item @item_index's amount (@factor
 * NULL) or of its factor named @factor at which the NPV is 0, the one
 * nearest the current value among values of the same sign and up to a
 * million times as large.  FALSE without @error when there is none (the NPV
 * does not depend on it, or does not reach 0); FALSE with @error for an
 * invalid scenario. */
gboolean         cg_finance_break_even     (const CgScenario  *scenario,
                                            guint              item_index,
                                            const char        *factor,
                                            double            *value,
                                            GError           **error);
/** cg_finance_break_even_rate: the annual discount rate, above −99 %, at
 * which the NPV is 0, the one nearest the scenario's rate; like
 * cg_finance_break_even otherwise. */
gboolean         cg_finance_break_even_rate (const CgScenario *scenario,
                                             double           *rate,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgFinanceResult, cg_finance_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgSensitivity, cg_sensitivity_free)

G_END_DECLS
