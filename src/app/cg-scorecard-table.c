/* cg-scorecard-table.c — the scorecard as a sortable table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cg-format.h"
#include "cg-page-util.h"
#include "cg-scorecard-table.h"

enum { COL_KEY, COL_TOTAL, COL_CHANGE, COL_CONNECT, COL_CONVERSION, COL_CSAT, COL_COMPLAINTS, N_COLUMNS };

static const CgColumn columns[N_COLUMNS] = {
  { N_("Agent"), CG_COLUMN_TEXT, NULL },
  { N_("Score"), CG_COLUMN_NUMBER, N_("Weighted score against the targets, 0–100") },
  { N_("Change"), CG_COLUMN_NUMBER, N_("Score points against the previous period") },
  { N_("Connect rate"), CG_COLUMN_NUMBER, NULL },
  { N_("Conversion"), CG_COLUMN_NUMBER, NULL },
  { N_("CSAT"), CG_COLUMN_NUMBER, N_("Share of satisfied survey answers") },
  { N_("Complaints per 1,000"), CG_COLUMN_NUMBER, N_("Complaints per 1,000 connected calls") },
};

CgTable *
cg_scorecard_table_new (void)
{
  return cg_table_new (columns, N_COLUMNS);
}

static void
set_number (CgTableRow *row,
            guint       column,
            gboolean    defined,
            double      value,
            gboolean    share,
            int         decimals)
{
  g_autofree char *text = NULL;

  if (!defined || isnan (value))
    {
      cg_table_row_set_number (row, column, "—", NAN);
      return;
    }
  if (share)
    text = cg_percent_text (value);
  else
    text = g_strdup_printf (decimals < 0 ? "%+.1f" : decimals == 1 ? "%.1f" : "%.2f", value);
  cg_table_row_set_number (row, column, text, value);
}

void
cg_scorecard_table_fill (CgTable           *table,
                         const CgScorecard *card)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < card->rows->len; i++)
    {
      const CgScorecardRow *r = g_ptr_array_index (card->rows, i);
      const CgIndicatorValues *v = &r->values;
      CgTableRow *row = cg_table_row_new (r->key, N_COLUMNS);
      g_autofree char *key = cg_key_label (card->by, r->key);

      cg_table_row_set_text (row, COL_KEY, key);
      set_number (row, COL_TOTAL, r->has_total, r->total, FALSE, 1);
      set_number (row, COL_CHANGE, r->has_total_change, r->total_change, FALSE, -1);
      set_number (row, COL_CONNECT, v->has_value[CG_INDICATOR_CONNECT_RATE],
                  v->value[CG_INDICATOR_CONNECT_RATE], TRUE, 0);
      set_number (row, COL_CONVERSION, v->has_value[CG_INDICATOR_CONVERSION],
                  v->value[CG_INDICATOR_CONVERSION], TRUE, 0);
      set_number (row, COL_CSAT, v->has_value[CG_INDICATOR_SATISFACTION],
                  v->value[CG_INDICATOR_SATISFACTION], TRUE, 0);
      set_number (row, COL_COMPLAINTS, v->has_value[CG_INDICATOR_COMPLAINT_RATE],
                  v->value[CG_INDICATOR_COMPLAINT_RATE], FALSE, 2);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (table, rows);
}
