/* cg-finance-private.h — what the evaluation (cg-finance.c) and the
 * sensitivity and break-even analyses (cg-finance-sensitivity.c) share:
 * the table of monthly flows, rebuilt with one input replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gsl/gsl_math.h>

#include "cg-finance.h"

G_BEGIN_DECLS

/* The highest monthly rate the IRR search tries, +1000 %; the break-even
 * rate search goes up to its annual equivalent, so both cover one range. */
#define CG_FINANCE_IRR_HIGHEST 10.0

/* One input of the scenario replaced by @value (item_index −1 for the
 * discount rate); a NULL Override leaves the scenario as it is. */
typedef struct {
  CgFinanceInput input;
  int            item_index;
  guint          factor_index;
  double         value;
} Override;

/* Fills @months with months 0..H of @scenario, @ov applied. */
void      cg_finance_fill_months    (const CgScenario  *scenario,
                                     const Override    *ov,
                                     GArray            *months);

/* The NPV of a table made by cg_finance_fill_months(). */
double    cg_finance_months_npv     (const GArray      *months);

/* Payback of a table, on its cumulative or discounted cumulative column. */
gboolean  cg_finance_months_payback (const GArray      *months,
                                     gboolean           discounted,
                                     double            *payback,
                                     int               *break_even);

/* FALSE, with a message that says what to fix, when @scenario cannot be
 * evaluated. */
gboolean  cg_finance_validate       (const CgScenario  *scenario,
                                     GError           **error);

/* The root of @f in [lo, hi], whose ends have opposite signs, by Brent. */
double    cg_finance_solve_brent    (gsl_function      *f,
                                     double             lo,
                                     double             hi,
                                     double             epsabs);

/* Whether @a and @b are both non-zero and of opposite signs. */
gboolean  cg_finance_opposite_signs (double             a,
                                     double             b);

G_END_DECLS
