/* cg-scenario.c — a cost-benefit scenario.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-scenario.h"

static const char *const kind_ids[] = { "investment", "cost", "benefit" };
static const char *const source_ids[] = { "assumption", "actual", "forecast" };

static void
factor_free (CgFactor *factor)
{
  g_free (factor->name);
  g_free (factor);
}

static void
item_free (CgScenarioItem *item)
{
  g_free (item->name);
  g_free (item->category);
  g_ptr_array_unref (item->factors);
  g_free (item);
}

CgScenario *
cg_scenario_new (const char *name)
{
  CgScenario *scenario = g_new0 (CgScenario, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  scenario->name = g_strdup (name);
  scenario->start_year = g_date_time_get_year (now);
  scenario->start_month = g_date_time_get_month (now);
  scenario->horizon_months = 36;
  scenario->discount_rate = 0.08;
  scenario->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  return scenario;
}

CgScenarioItem *
cg_scenario_add_item (CgScenario *scenario,
                      const char *name,
                      CgItemKind  kind,
                      const char *category,
                      double      amount)
{
  CgScenarioItem *item = g_new0 (CgScenarioItem, 1);

  item->name = g_strdup (name);
  item->kind = kind;
  item->category = g_strdup (category ? category : "other");
  item->amount = amount;
  item->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) factor_free);
  item->month = kind == CG_ITEM_INVESTMENT ? 0 : 1;
  item->end_month = -1;
  g_ptr_array_add (scenario->items, item);
  return item;
}

CgFactor *
cg_scenario_item_add_factor (CgScenarioItem *item,
                             const char     *name,
                             double          value,
                             CgSource        source)
{
  CgFactor *factor = g_new0 (CgFactor, 1);

  factor->name = g_strdup (name);
  factor->value = value;
  factor->source = source;
  g_ptr_array_add (item->factors, factor);
  return factor;
}

double
cg_scenario_item_get_amount (const CgScenarioItem *item)
{
  double amount = 1.0;

  if (item->factors->len == 0)
    return item->amount;
  for (guint i = 0; i < item->factors->len; i++)
    amount *= ((CgFactor *) g_ptr_array_index (item->factors, i))->value;
  return amount;
}

CgScenario *
cg_scenario_copy (const CgScenario *scenario)
{
  CgScenario *copy = cg_scenario_new (scenario->name);

  copy->start_year = scenario->start_year;
  copy->start_month = scenario->start_month;
  copy->horizon_months = scenario->horizon_months;
  copy->discount_rate = scenario->discount_rate;
  for (guint i = 0; i < scenario->items->len; i++)
    {
      const CgScenarioItem *item = g_ptr_array_index (scenario->items, i);
      CgScenarioItem *c = cg_scenario_add_item (copy, item->name, item->kind, item->category, item->amount);

      c->month = item->month;
      c->end_month = item->end_month;
      c->annual_growth = item->annual_growth;
      c->source = item->source;
      for (guint j = 0; j < item->factors->len; j++)
        {
          const CgFactor *f = g_ptr_array_index (item->factors, j);
          cg_scenario_item_add_factor (c, f->name, f->value, f->source);
        }
    }
  return copy;
}

void
cg_scenario_free (CgScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_ptr_array_unref (scenario->items);
  g_free (scenario);
}

const char *
cg_item_kind_to_string (CgItemKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_ids), NULL);
  return kind_ids[kind];
}

gboolean
cg_item_kind_from_string (const char *id,
                          CgItemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (id, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_source_to_string (CgSource source)
{
  g_return_val_if_fail (source < G_N_ELEMENTS (source_ids), NULL);
  return source_ids[source];
}

gboolean
cg_source_from_string (const char *id,
                       CgSource   *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_ids); i++)
    if (g_strcmp0 (id, source_ids[i]) == 0)
      {
        *source = i;
        return TRUE;
      }
  return FALSE;
}
