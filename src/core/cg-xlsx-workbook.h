/* cg-xlsx-workbook.h — what an XLSX reader must know before it streams a
 * sheet: which part holds the sheet, its shared strings and which cell
 * styles show dates.
 *
 * Private to core: only cg-reader-xlsx.c includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <zip.h>

G_BEGIN_DECLS

/* What a cell style's number format shows. */
typedef enum {
  CG_XLSX_KIND_NUMBER,
  CG_XLSX_KIND_DATE,
  CG_XLSX_KIND_TIME,
  CG_XLSX_KIND_DATETIME,
} CgXlsxKind;

/* Read whole at open; the reader only reads it afterwards. */
typedef struct
{
  zip_t    *zip;
  char     *sheet_name;         /* the chosen sheet, as the workbook spells it */
  char     *sheet_part;         /* its part in the archive */
  gboolean  date1904;

  /* Shared strings: NUL-terminated one after another in one buffer, so a
   * cell points into it instead of copying.  starts has a sentinel. */
  GString  *shared_text;
  GArray   *shared_starts;      /* guint32 */

  GArray   *xf_kinds;           /* guint8 CgXlsxKind, by cellXfs index */
} CgXlsxWorkbook;

/* Opens the workbook at @path and reads its metadata; picks the sheet named
 * @sheet, or the first visible worksheet when @sheet is %NULL. */
CgXlsxWorkbook *cg_xlsx_workbook_open (const char      *path,
                                       const char      *sheet,
                                       GError         **error);
void            cg_xlsx_workbook_free (CgXlsxWorkbook  *book);

/* The shared string at @index, without its NUL; FALSE if there is none. */
static inline gboolean
cg_xlsx_workbook_shared_string (const CgXlsxWorkbook  *book,
                                guint64                index,
                                const char           **text,
                                gsize                 *length)
{
  guint32 start, next;

  if (index + 1 >= book->shared_starts->len)
    return FALSE;
  start = g_array_index (book->shared_starts, guint32, index);
  next = g_array_index (book->shared_starts, guint32, index + 1);
  *text = book->shared_text->str + start;
  *length = next - start - 1;
  return TRUE;
}

/* What the cell style @style shows; a style the workbook lacks is a number. */
static inline CgXlsxKind
cg_xlsx_workbook_style_kind (const CgXlsxWorkbook *book,
                             guint                 style)
{
  if (style >= book->xf_kinds->len)
    return CG_XLSX_KIND_NUMBER;
  return g_array_index (book->xf_kinds, guint8, style);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgXlsxWorkbook, cg_xlsx_workbook_free)

G_END_DECLS
