/* cg-import-calls.h — call logs from files into the store: detect, map, import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-call.h"
#include "cg-call-fields.h"
#include "cg-demo.h"
#include "cg-reader.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_IMPORT_ERROR (cg_import_error_quark ())
typedef enum {
  CG_IMPORT_ERROR_MAPPING,      /* required columns missing, bad --map */
  CG_IMPORT_ERROR_BAD_ROW,      /* abort mode: a row could not be read */
  CG_IMPORT_ERROR_NOT_CALL_LOG, /* no header and no known dialer layout */
} CgImportError;
GQuark cg_import_error_quark (void);

#define CG_IMPORT_MAX_ERRORS  100  /* listed; the rest are only counted */
#define CG_IMPORT_PREVIEW_ROWS 20

typedef struct {
  CgReaderOptions    reader;
  CgPreset           preset;
  const char        *preset_name;  /* a saved preset's name, for the record */
  const char *const *map;          /* "field=COLUMN" (header text or 1-based number) */
  const char *const *outcome_map;  /* "WORD=outcome" (e.g. "未呼通=no_answer") */
  gboolean           abort_on_error;
} CgImportOptions;

typedef struct {
  guint64  row;
  char    *column;   /* the column's header, NULL when the row as a whole is bad */
  char    *message;
} CgImportIssue;

typedef struct {
  gint64      batch_id;           /* 0 when nothing new was imported */
  char       *file;
  char       *format;
  char       *preset;
  char       *encoding;
  char       *sha256;
  gint64      previous_batch_id;  /* an earlier batch of the same file, or 0 */
  gint64      rows_read;
  gint64      rows_imported;
  gint64      rows_skipped;
  gint64      duplicates;
  GPtrArray  *errors;             /* CgImportIssue *, at most CG_IMPORT_MAX_ERRORS */
  gint64      n_errors;
  GHashTable *unknown_outcomes;   /* word → count */
} CgImportResult;

void cg_import_result_free (CgImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgImportResult, cg_import_result_free)

typedef struct _CgImportPlan CgImportPlan;

/* Reads the head of @path: format, encoding, preset, header and mapping,
 * and a preview of the first rows as they would be stored. */
CgImportPlan  *cg_import_plan_new            (const char             *path,
                                              const CgImportOptions  *options,
                                              GTimeZone              *tz,
                                              GError                **error);
void           cg_import_plan_free           (CgImportPlan           *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgImportPlan, cg_import_plan_free)

CgFileFormat   cg_import_plan_get_format     (CgImportPlan *plan);
const char    *cg_import_plan_get_encoding   (CgImportPlan *plan);
CgPreset       cg_import_plan_get_preset     (CgImportPlan *plan);
gboolean       cg_import_plan_has_header     (CgImportPlan *plan);
guint          cg_import_plan_get_n_columns  (CgImportPlan *plan);
/** cg_import_plan_get_column_name: header text, or "Column N" without a header. */
const char    *cg_import_plan_get_column_name (CgImportPlan *plan,
                                               guint         column);
/** cg_import_plan_get_column: the column mapped to @field, or -1. */
int            cg_import_plan_get_column     (CgImportPlan *plan,
                                              CgCallField   field);
void           cg_import_plan_set_column     (CgImportPlan *plan,
                                              CgCallField   field,
                                              int           column);
void           cg_import_plan_set_outcome    (CgImportPlan *plan,
                                              const char   *word,
                                              CgOutcome     outcome);
/** cg_import_plan_check: whether the mapping has what an import needs. */
gboolean       cg_import_plan_check          (CgImportPlan *plan,
                                              GError      **error);
/** cg_import_plan_get_preview: rows (strv of CG_N_FIELDS display strings) as stored. */
GPtrArray     *cg_import_plan_get_preview    (CgImportPlan *plan);
/** cg_import_plan_get_preview_errors: per preview row, NULL or why it would be skipped. */
GPtrArray     *cg_import_plan_get_preview_errors (CgImportPlan *plan);
/** cg_import_plan_get_unknown_outcomes: outcome words of the first rows we cannot place. */
GStrv          cg_import_plan_get_unknown_outcomes (CgImportPlan *plan);

/* Imports the whole file as one transaction: all of it (minus bad rows in
 * skip mode) or, on error, abort or cancel, nothing. */
CgImportResult *cg_import_run                (CgStore        *store,
                                              CgImportPlan   *plan,
                                              CgProgressFunc  progress,
                                              gpointer        progress_data,
                                              GCancellable   *cancellable,
                                              GError        **error);

G_END_DECLS
