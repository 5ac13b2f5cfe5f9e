/* cg-scenario.h — a cost-benefit scenario: what was invested, what it costs
 * and brings each month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CG_ITEM_INVESTMENT,  /* one-off, in its month */
  CG_ITEM_COST,        /* monthly operating cost */
  CG_ITEM_BENEFIT,     /* monthly benefit */
} CgItemKind;

/* Where an input comes from; the report shows which numbers are facts. */
typedef enum {
  CG_SOURCE_ASSUMPTION,
  CG_SOURCE_ACTUAL,    /* from the call data over a period */
  CG_SOURCE_FORECAST,
} CgSource;

/* One multiplicative driver of an item: seats × monthly_cost, or
 * calls_per_month × connect_rate × conversion × average_sale × gross_margin. */
typedef struct {
  char     *name;    /* stable id, e.g. "connect_rate" */
  double    value;
  CgSource  source;
} CgFactor;

typedef struct {
  char       *name;           /* what people call it: "服务器", "坐席人工" */
  CgItemKind  kind;
  char       *category;       /* hardware, software, training, maintenance, telecom, labour,
                                 revenue, labour_saving, other */
  double      amount;         /* CNY: the one-off sum, or per month; used when there are no factors */
  GPtrArray  *factors;        /* CgFactor *; when not empty, amount = their product */
  int         month;          /* investment: its month (0 = the start month);
                                 cost/benefit: first month it flows (default 1) */
  int         end_month;      /* last month it flows; -1 = to the horizon */
  double      annual_growth;  /* cost/benefit: growth per year, compounded monthly */
  CgSource    source;         /* of @amount when there are no factors */
} CgScenarioItem;

typedef struct {
  char       *name;
  int         start_year;
  int         start_month;      /* 1–12: month 0 of the cash flows */
  int         horizon_months;   /* default 36 */
  double      discount_rate;    /* annual, e.g. 0.08 */
  GPtrArray  *items;            /* CgScenarioItem * */
} CgScenario;

CgScenario     *cg_scenario_new          (const char     *name);
CgScenario     *cg_scenario_copy         (const CgScenario *scenario);
void            cg_scenario_free         (CgScenario     *scenario);
CgScenarioItem *cg_scenario_add_item     (CgScenario     *scenario,
                                          const char     *name,
                                          CgItemKind      kind,
                                          const char     *category,
                                          double          amount);
CgFactor       *cg_scenario_item_add_factor (CgScenarioItem *item,
                                             const char     *name,
                                             double          value,
                                             CgSource        source);
/** cg_scenario_item_get_amount: the item's amount in its first month (factors multiplied). */
double          cg_scenario_item_get_amount (const CgScenarioItem *item);

const char     *cg_item_kind_to_string   (CgItemKind      kind);
gboolean        cg_item_kind_from_string (const char     *id,
                                          CgItemKind     *kind);
const char     *cg_source_to_string      (CgSource        source);
gboolean        cg_source_from_string    (const char     *id,
                                          CgSource       *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgScenario, cg_scenario_free)

G_END_DECLS
