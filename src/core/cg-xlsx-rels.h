/* cg-xlsx-rels.h — relationships between the parts of an XLSX package.
 *
 * Private to core: only the XLSX workbook metadata (cg-xlsx-workbook.c)
 * includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <zip.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *type;
  char *target;   /* resolved to a part name */
} CgXlsxRel;

void             cg_xlsx_rel_free  (CgXlsxRel        *rel);
/* Appends the relationships of @part_name to @rels (of CgXlsxRel, freed by
 * cg_xlsx_rel_free()); external targets are left out.  A missing rels part
 * is no error: nothing is appended. */
gboolean         cg_xlsx_read_rels (zip_t            *zip,
                                    const char       *part_name,
                                    GPtrArray        *rels,
                                    GError          **error);
/* Whether @rel is of type @kind ("worksheet", "sharedStrings", …) in either
 * Transitional or Strict OOXML. */
gboolean         cg_xlsx_rel_is    (const CgXlsxRel  *rel,
                                    const char       *kind);
/* The first relationship with id @id and of type @kind; %NULL for either
 * matches any. */
const CgXlsxRel *cg_xlsx_find_rel  (GPtrArray        *rels,
                                    const char       *id,
                                    const char       *kind);

G_END_DECLS
