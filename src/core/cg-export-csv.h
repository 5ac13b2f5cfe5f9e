/* cg-export-csv.h — any figure table the CLI shows, as a CSV file.
 *
 * Tables (the README lists them with their columns):
 *   connect     connect rate by --by (any dimension), with 95 % intervals
 *   outcomes    calls per outcome
 *   funnel      the sales funnel by --by total, list or agent
 *   lines       line stability (failures, short calls) per line
 *   lists       number-list quality per list
 *   best-times  hours of the week that connect significantly better
 *   scorecard   indicators and scores by --by month, agent, line or list
 *   compliance  offending calls (masked numbers)
 *   cashflow    the monthly cash flows of a scenario
 * Files are UTF-8 with a byte-order mark (Excel reads Chinese right),
 * comma-separated, RFC 4180 quoting; numbers are plain ("0.3125"), rates
 * are shares, not percentages.  Text that starts with = + - @ is prefixed
 * with an apostrophe so a spreadsheet never runs it as a formula.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"

G_BEGIN_DECLS

#define CG_EXPORT_CSV_ERROR (cg_export_csv_error_quark ())
typedef enum {
  CG_EXPORT_CSV_ERROR_TABLE,  /* unknown table, or a --by it does not take */
} CgExportCsvError;
GQuark cg_export_csv_error_quark (void);

/** cg_export_csv_tables: the table names, NULL-terminated. */
const char * const *cg_export_csv_tables (void);

typedef struct {
  const char     *table;
  CgDimension     by;          /* where the table takes one; CG_N_DIMS: its default */
  const CgFilter *filter;
  const char     *scenario;    /* cashflow: NULL for the first stored scenario */
} CgExportCsvOptions;

/** cg_export_csv: writes the table to @path atomically; @rows (may be
 * NULL) receives the number of data rows. */
gboolean cg_export_csv (CgStore                   *store,
                        const CgExportCsvOptions  *options,
                        const char                *path,
                        gint64                    *rows,
                        GError                   **error);

G_END_DECLS
