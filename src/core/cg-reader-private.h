/* cg-reader-private.h — what each format's reader implements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-reader.h"

G_BEGIN_DECLS

typedef struct {
  gboolean (*next)         (CgReader *reader, const CgCell **cells, guint *n_cells, GError **error);
  guint64  (*row_number)   (CgReader *reader);
  double   (*progress)     (CgReader *reader);
  const char *(*encoding)  (CgReader *reader);
  const char *(*sheet_name) (CgReader *reader);
  char     (*delimiter)    (CgReader *reader);
  void     (*free)         (CgReader *reader);
} CgReaderVTable;

/* Every reader struct starts with this. */
struct _CgReader
{
  const CgReaderVTable *vtable;
  CgFileFormat          format;
};

CgReader *cg_reader_csv_open  (const char *path, const CgReaderOptions *options, GError **error);
CgReader *cg_reader_xlsx_open (const char *path, const CgReaderOptions *options, GError **error);
CgReader *cg_reader_xls_open  (const char *path, const CgReaderOptions *options, GError **error);

G_END_DECLS
