/* cg-xlsx-workbook.c — the metadata of an XLSX workbook, read whole at open.
 *
 * The package's relationships name the workbook part; the workbook lists
 * the sheets (with their visibility) and says whether dates count from
 * 1904; its own relationships name each sheet's part, the shared strings
 * and the styles.  Cells refer to the shared strings by index and to the
 * styles by number, so both must be in memory before the first row; only
 * the number format of each style is kept, as it tells dates from numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-reader-private.h"
#include "cg-xlsx-part.h"
#include "cg-xlsx-rels.h"
#include "cg-xlsx-workbook.h"

/* Shared strings are kept in memory: cap them (text plus 4 bytes a string). */
#define XLSX_MAX_SHARED_BYTES  CG_LIMIT_XLSX_SHARED_BYTES

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} XlsxSheet;

/* ---------------------------------------------------------------------- */
/* Workbook and sheets                                                    */

static void
xlsx_sheet_free (XlsxSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet);
}

static gboolean
xlsx_read_workbook (CgXlsxWorkbook  *book,
                    const char      *part_name,
                    GPtrArray       *sheets,
                    GError         **error)
{
  g_autoptr(CgXlsxPart) part = cg_xlsx_part_open (book->zip, part_name, error);
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = cg_xlsx_part_next (part, error)) > 0)
    {
      CgXlsxAttr attr = { 0 };
      const char *element;

      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      element = cg_xlsx_part_node_name (part);
      if (strcmp (element, "workbookPr") == 0)
        {
          while (cg_xlsx_part_next_attribute (part, &attr))
            if (!attr.prefixed && strcmp (attr.name, "date1904") == 0)
              book->date1904 = strcmp (attr.value, "1") == 0 || strcmp (attr.value, "true") == 0;
        }
      else if (strcmp (element, "sheet") == 0)
        {
          XlsxSheet *sheet = g_new0 (XlsxSheet, 1);

          while (cg_xlsx_part_next_attribute (part, &attr))
            {
              if (!attr.prefixed && strcmp (attr.name, "name") == 0)
                cg_xlsx_set_str (&sheet->name, attr.value);
              else if (!attr.prefixed && strcmp (attr.name, "state") == 0)
                sheet->hidden = strcmp (attr.value, "visible") != 0;
              /* r:id, in the relationships namespace whatever its prefix */
              else if (attr.prefixed && strcmp (attr.name, "id") == 0)
                cg_xlsx_set_str (&sheet->rel_id, attr.value);
            }
          if (sheet->name == NULL || sheet->rel_id == NULL)
            xlsx_sheet_free (sheet);
          else
            g_ptr_array_add (sheets, sheet);
        }
    }
  return type == 0;
}

/* The package's own relationships name the workbook part; nearly always
 * xl/workbook.xml, which is also the fallback. */
static char *
xlsx_find_workbook (zip_t   *zip,
                    GError **error)
{
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_xlsx_rel_free);
  const CgXlsxRel *rel;

  if (!cg_xlsx_read_rels (zip, "", rels, error))
    return NULL;
  rel = cg_xlsx_find_rel (rels, NULL, "officeDocument");
  if (rel != NULL && cg_xlsx_has_part (zip, rel->target))
    return g_strdup (rel->target);
  if (cg_xlsx_has_part (zip, "xl/workbook.xml"))
    return g_strdup ("xl/workbook.xml");

  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
               _("This zip file is not an Excel workbook (.xlsx): it has no workbook inside. "
                 "If it is another kind of document, save it as .xlsx or CSV from the "
                 "program that made it and import that."));
  return NULL;
}

static char *
xlsx_sheet_list (GPtrArray *sheets)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < sheets->len; i++)
    {
      const XlsxSheet *sheet = g_ptr_array_index (sheets, i);

      /* TRANSLATORS: a sheet name in a list of sheets */
      g_string_append_printf (list, i == 0 ? _("“%s”") : _(", “%s”"), sheet->name);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Picks the sheet the user named, or else the first visible worksheet
 * (chart sheets hold no rows).  Returns its relationship. */
static const CgXlsxRel *
xlsx_choose_sheet (CgXlsxWorkbook  *book,
                   GPtrArray       *sheets,
                   GPtrArray       *rels,
                   const char      *wanted,
                   GError         **error)
{
  const XlsxSheet *chosen = NULL;
  const CgXlsxRel *rel = NULL;

  if (wanted != NULL)
    {
      /* Excel treats sheet names without regard to case. */
      g_autofree char *wanted_folded = g_utf8_casefold (wanted, -1);

      for (guint i = 0; i < sheets->len && chosen == NULL; i++)
        {
          const XlsxSheet *sheet = g_ptr_array_index (sheets, i);
          g_autofree char *folded = g_utf8_casefold (sheet->name, -1);

          if (strcmp (sheet->name, wanted) == 0 || strcmp (folded, wanted_folded) == 0)
            chosen = sheet;
        }
      if (chosen == NULL)
        {
          g_autofree char *list = xlsx_sheet_list (sheets);

          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET,
                       _("The workbook has no sheet named “%s”. Its sheets are %s: choose one "
                         "of these."),
                       wanted, list);
          return NULL;
        }
      rel = cg_xlsx_find_rel (rels, chosen->rel_id, NULL);
      if (rel == NULL || !cg_xlsx_rel_is (rel, "worksheet"))
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_NO_SHEET,
                       _("The sheet “%s” holds a chart or dialog, not a table of data. Choose "
                         "the sheet that holds the call log."),
                       chosen->name);
          return NULL;
        }
    }
  else
    {
      /* Excel keeps one sheet visible, but a hand-made file may hide all:
       * then take the first worksheet. */
      for (int pass = 0; pass < 2 && chosen == NULL; pass++)
        for (guint i = 0; i < sheets->len && chosen == NULL; i++)
          {
            const XlsxSheet *sheet = g_ptr_array_index (sheets, i);

            rel = cg_xlsx_find_rel (rels, sheet->rel_id, "worksheet");
            if (rel != NULL && (pass == 1 || !sheet->hidden))
              chosen = sheet;
          }
      if (chosen == NULL)
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                       _("The workbook has no worksheet to import. Open it in Excel and check "
                         "that it holds a sheet with the call log."));
          return NULL;
        }
    }
  book->sheet_name = g_strdup (chosen->name);
  return rel;
}

/* ---------------------------------------------------------------------- */
/* Shared strings                                                         */

/* A shared string is the text of its <t> elements, those of rich-text runs
 * (<r><t>) included, but not of phonetic guides (<rPh><t>). */
static gboolean
xlsx_read_shared_strings (CgXlsxWorkbook  *book,
                          const char      *part_name,
                          GError         **error)
{
  g_autoptr(CgXlsxPart) part = cg_xlsx_part_open (book->zip, part_name, error);
  GString *text = book->shared_text;
  gboolean in_si = FALSE, in_phonetic = FALSE, capture = FALSE;
  gsize start = 0;
  guint32 offset;
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = cg_xlsx_part_next (part, error)) > 0)
    {
      const char *name;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          name = cg_xlsx_part_node_name (part);
          if (strcmp (name, "t") == 0)
            capture = in_si && !in_phonetic && !cg_xlsx_part_is_empty (part);
          else if (strcmp (name, "si") == 0)
            {
              start = text->len;
              in_si = !cg_xlsx_part_is_empty (part);
              if (!in_si)
                {
                  offset = text->len;
                  g_string_append_c (text, '\0');
                  g_array_append_val (book->shared_starts, offset);
                }
            }
          else if (strcmp (name, "rPh") == 0)
            in_phonetic = !cg_xlsx_part_is_empty (part);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          name = cg_xlsx_part_node_name (part);
          if (strcmp (name, "t") == 0)
            capture = FALSE;
          else if (strcmp (name, "rPh") == 0)
            in_phonetic = FALSE;
          else if (strcmp (name, "si") == 0 && in_si)
            {
              gsize length = cg_xlsx_unescape (text->str + start, text->len - start);

              g_string_truncate (text, start + length);
              g_string_append_c (text, '\0');
              offset = start;
              g_array_append_val (book->shared_starts, offset);
              in_si = FALSE;
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (capture && !cg_xlsx_part_append_text (part, text, start, error))
            return FALSE;
          break;

        default:
          break;
        }

      if (text->len + (guint64) book->shared_starts->len * sizeof (guint32) >
          XLSX_MAX_SHARED_BYTES)
        {
          g_autofree char *limit = g_format_size (XLSX_MAX_SHARED_BYTES);

          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                       _("The workbook’s shared texts take more than %s. Export the sheet as "
                         "CSV and import that, or split the data over several files."),
                       limit);
          return FALSE;
        }
    }
  if (type < 0)
    return FALSE;

  offset = text->len;
  g_array_append_val (book->shared_starts, offset);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Styles                                                                 */

/* Built-in number formats that show dates or times: 14–22 and 45–47 in
 * every locale, 27–36 and 50–58 in the Chinese, Japanese and Korean ones
 * (e.g. 31 is yyyy"年"m"月"d"日" in zh-CN), where Excel writes them without
 * a <numFmt> of their own. */
static CgXlsxKind
xlsx_builtin_format_kind (guint id)
{
  switch (id)
    {
    case 14: case 15: case 16: case 17:
    case 27: case 28: case 29: case 30: case 31: case 36:
    case 50: case 51: case 52: case 53: case 54: case 57: case 58:
      return CG_XLSX_KIND_DATE;
    case 18: case 19: case 20: case 21:
    case 32: case 33: case 34: case 35:
    case 45: case 46: case 47:
    case 55: case 56:
      return CG_XLSX_KIND_TIME;
    case 22:
      return CG_XLSX_KIND_DATETIME;
    default:
      return CG_XLSX_KIND_NUMBER;
    }
}

/* A custom format shows a date or time when it has d, m, y, h or s outside
 * quoted text ("年"), brackets ([Red], [$-804]) and escaped characters
 * (\x, _x padding, *x fill).  m alone is a month; with h or s, minutes. */
static CgXlsxKind
xlsx_custom_format_kind (const char *code)
{
  gboolean has_date = FALSE, has_time = FALSE, has_m = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return CG_XLSX_KIND_NUMBER;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return CG_XLSX_KIND_NUMBER;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return CG_XLSX_KIND_NUMBER;
          p++;
          break;
        case 'd': case 'D': case 'y': case 'Y':
          has_date = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          has_time = TRUE;
          break;
        case 'm': case 'M':
          has_m = TRUE;
          break;
        default:
          break;
        }
    }
  if (has_time)
    return has_date ? CG_XLSX_KIND_DATETIME : CG_XLSX_KIND_TIME;
  if (has_date || has_m)
    return CG_XLSX_KIND_DATE;
  return CG_XLSX_KIND_NUMBER;
}

/* Only the number format of each cell style matters to us: it tells
 * dates from numbers. */
static gboolean
xlsx_read_styles (CgXlsxWorkbook  *book,
                  const char      *part_name,
                  GError         **error)
{
  g_autoptr(CgXlsxPart) part = cg_xlsx_part_open (book->zip, part_name, error);
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_cell_xfs = FALSE;
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = cg_xlsx_part_next (part, error)) > 0)
    {
      CgXlsxAttr attr = { 0 };
      const char *element;

      if (type == XML_READER_TYPE_END_ELEMENT &&
          strcmp (cg_xlsx_part_node_name (part), "cellXfs") == 0)
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      element = cg_xlsx_part_node_name (part);
      if (strcmp (element, "cellXfs") == 0)
        in_cell_xfs = !cg_xlsx_part_is_empty (part);
      else if (strcmp (element, "numFmt") == 0)
        {
          guint64 id = G_MAXUINT64;
          CgXlsxKind kind = CG_XLSX_KIND_NUMBER;

          while (cg_xlsx_part_next_attribute (part, &attr))
            {
              if (attr.prefixed)
                continue;
              if (strcmp (attr.name, "numFmtId") == 0 &&
                  !cg_xlsx_parse_uint (attr.value, G_MAXUINT16, &id))
                id = G_MAXUINT64;
              else if (strcmp (attr.name, "formatCode") == 0)
                kind = xlsx_custom_format_kind (attr.value);
            }
          /* Stored +1 so that "not custom" (NULL) differs from NUMBER (0). */
          if (id != G_MAXUINT64)
            g_hash_table_insert (custom, GUINT_TO_POINTER (id), GUINT_TO_POINTER (kind + 1));
        }
      else if (in_cell_xfs && strcmp (element, "xf") == 0)
        {
          guint64 id = 0;
          guint format;

          while (cg_xlsx_part_next_attribute (part, &attr))
            if (!attr.prefixed && strcmp (attr.name, "numFmtId") == 0 &&
                !cg_xlsx_parse_uint (attr.value, G_MAXUINT16, &id))
              id = 0;
          format = id;
          g_array_append_val (xf_formats, format);
        }
    }
  if (type < 0)
    return FALSE;

  /* <numFmts> comes first in the schema, but a writer may not care. */
  g_array_set_size (book->xf_kinds, xf_formats->len);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      gpointer kind = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));

      g_array_index (book->xf_kinds, guint8, i) =
        kind ? GPOINTER_TO_UINT (kind) - 1 : xlsx_builtin_format_kind (id);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                */

void
cg_xlsx_workbook_free (CgXlsxWorkbook *book)
{
  g_clear_pointer (&book->zip, zip_discard);
  g_free (book->sheet_name);
  g_free (book->sheet_part);
  g_string_free (book->shared_text, TRUE);
  g_array_unref (book->shared_starts);
  g_array_unref (book->xf_kinds);
  g_free (book);
}

CgXlsxWorkbook *
cg_xlsx_workbook_open (const char  *path,
                       const char  *sheet,
                       GError     **error)
{
  g_autoptr(CgXlsxWorkbook) book = g_new0 (CgXlsxWorkbook, 1);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) xlsx_sheet_free);
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_xlsx_rel_free);
  g_autofree char *workbook = NULL;
  const CgXlsxRel *sheet_rel, *rel;

  book->shared_text = g_string_new (NULL);
  book->shared_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  book->xf_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));

  book->zip = cg_xlsx_open_zip (path, error);
  if (book->zip == NULL)
    return NULL;
  workbook = xlsx_find_workbook (book->zip, error);
  if (workbook == NULL)
    return NULL;
  if (!xlsx_read_workbook (book, workbook, sheets, error) ||
      !cg_xlsx_read_rels (book->zip, workbook, rels, error))
    return NULL;

  sheet_rel = xlsx_choose_sheet (book, sheets, rels, sheet, error);
  if (sheet_rel == NULL)
    return NULL;
  book->sheet_part = g_strdup (sheet_rel->target);

  rel = cg_xlsx_find_rel (rels, NULL, "sharedStrings");
  if (rel != NULL && cg_xlsx_has_part (book->zip, rel->target) &&
      !xlsx_read_shared_strings (book, rel->target, error))
    return NULL;
  rel = cg_xlsx_find_rel (rels, NULL, "styles");
  if (rel != NULL && cg_xlsx_has_part (book->zip, rel->target) &&
      !xlsx_read_styles (book, rel->target, error))
    return NULL;

  return g_steal_pointer (&book);
}
