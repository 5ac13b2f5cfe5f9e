/* cg-page-util.h — what the pages share: figures as text, value rows, the
 * connect-rate table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cg-analytics.h"
#include "cg-chart-view.h"
#include "cg-table.h"

G_BEGIN_DECLS

/** cg_rate_text: "31.2 %  (30.8–31.6)"; "—" when not @defined. */
char       *cg_rate_text          (gboolean          defined,
                                   const CgInterval *rate);
/** cg_percent_text: "31.2 %"; "—" for NAN. */
char       *cg_percent_text       (double            share);
/** cg_money_text: "¥1,234,567", rounded to the yuan; "—" for NAN. */
char       *cg_money_text         (double            amount_cny);
/** cg_key_label: a slice key as people read it (outcome and weekday names, "(none)"). */
char       *cg_key_label          (CgDimension       by,
                                   const char       *key);

/** cg_value_row: an AdwActionRow with a selectable value on the right. */
GtkWidget  *cg_value_row          (const char       *title,
                                   const char       *subtitle,
                                   const char       *value);
void        cg_list_box_clear     (GtkListBox       *box);

/* The connect-rate table: key, calls, connected, rate, interval, ACD. */
CgTable    *cg_connect_table_new  (const char       *key_title);
void        cg_connect_table_fill (CgTable          *table,
                                   CgDimension       by,
                                   GPtrArray        *rows);

/** cg_dimension_label: "Line", "Agent"… for the dimensions people pick. */
const char *cg_dimension_label    (CgDimension       by);

/** cg_show_error: a message dialog over @widget's window that tells why something failed. */
void        cg_show_error         (GtkWidget        *widget,
                                   const char       *title,
                                   const char       *message);

/** cg_chart_view_new_sized: a chart view of @height pixels, empty until a chart is set. */
GtkWidget  *cg_chart_view_new_sized (int             height);

G_END_DECLS
