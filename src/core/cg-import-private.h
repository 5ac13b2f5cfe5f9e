/* cg-import-private.h — what the plan and the run of an import share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-import-calls.h"

G_BEGIN_DECLS

struct _CgImportPlan
{
  char         *path;
  CgImportOptions options;
  CgReaderOptions reader_options;
  char         *encoding_option;
  char         *sheet_option;
  GTimeZone    *tz;

  CgFileFormat  format;
  char         *encoding;
  CgPreset      preset;
  char         *preset_name;
  gboolean      has_header;
  GPtrArray    *column_names;          /* char * */
  int           columns[CG_N_FIELDS];  /* field → column, -1 unmapped */
  GHashTable   *outcome_words;         /* casefolded word → CgOutcome (user's) */

  GPtrArray    *preview;               /* GStrv of CG_N_FIELDS */
  GPtrArray    *preview_errors;        /* char * or NULL */
  GHashTable   *sample_unknown;        /* word → count */

  GString      *scratch;               /* line name of dialer channels */
  gint64        latest_plausible;
};

typedef struct {
  CgCallField  field;
  const char  *message;
} RowProblem;

const CgCell *cg_import_cell_at          (const CgCell *cells,
                                          guint         n_cells,
                                          int           column);
gboolean      cg_import_cell_is_blank    (const CgCell *cell);
void          cg_import_count_word       (GHashTable   *table,
                                          const char   *word);
/* Fills @call from one row; on a bad row returns FALSE with @problem set.
 * Strings in @call point into @cells or the plan's scratch buffer. */
gboolean      cg_import_map_row          (CgImportPlan *plan,
                                          const CgCell *cells,
                                          guint         n_cells,
                                          CgCall       *call,
                                          RowProblem   *problem,
                                          gboolean     *unknown_outcome);
/* Opens the file and positions the reader after the header, if any. */
CgReader     *cg_import_plan_open_reader (CgImportPlan *plan,
                                          GError      **error);

G_END_DECLS
