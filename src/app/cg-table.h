/* cg-table.h — a sortable table described by its columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CG_COLUMN_TEXT,    /* sorts by its text */
  CG_COLUMN_NUMBER,  /* right-aligned, sorts by the number given with the text */
} CgColumnKind;

typedef struct {
  const char   *title;    /* translatable: mark with N_() */
  CgColumnKind  kind;
  const char   *tooltip;  /* N_() or NULL */
} CgColumn;

#define CG_TYPE_TABLE_ROW (cg_table_row_get_type ())
G_DECLARE_FINAL_TYPE (CgTableRow, cg_table_row, CG, TABLE_ROW, GObject)

/** cg_table_row_new: a row of @n_cells cells; @id names what it shows (a line, an agent…). */
CgTableRow *cg_table_row_new        (const char *id,
                                     guint       n_cells);
const char *cg_table_row_get_id     (CgTableRow *self);
void        cg_table_row_set_text   (CgTableRow *self,
                                     guint       column,
                                     const char *text);
/* @text is what is shown, @value how it sorts (NAN sorts first). */
void        cg_table_row_set_number (CgTableRow *self,
                                     guint       column,
                                     const char *text,
                                     double      value);
const char *cg_table_row_get_text   (CgTableRow *self,
                                     guint       column);
double      cg_table_row_get_value  (CgTableRow *self,
                                     guint       column);

#define CG_TYPE_TABLE (cg_table_get_type ())
G_DECLARE_FINAL_TYPE (CgTable, cg_table, CG, TABLE, GtkWidget)

CgTable    *cg_table_new            (const CgColumn *columns,
                                     guint           n_columns);
guint       cg_table_get_n_columns  (CgTable        *self);
/** cg_table_set_rows: replaces the rows with @rows (CgTableRow *; the table keeps its own references). */
void        cg_table_set_rows       (CgTable        *self,
                                     GPtrArray      *rows);
/** cg_table_get_model: the rows as shown, in the order the user sorted them. */
GListModel *cg_table_get_model      (CgTable        *self);
/** cg_table_to_csv: header and rows as shown, in the user's order, as
 * RFC 4180 CSV (numbers in full, text safe from formulas). */
char       *cg_table_to_csv         (CgTable        *self);

G_END_DECLS
