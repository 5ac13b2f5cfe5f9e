/* cg-reader-xlsx.c — streaming reader for Excel 2007+ workbooks (.xlsx).
 *
 * An XLSX file is a zip of XML parts.  The workbook part lists the sheets,
 * its relationships part names the sheets' parts, the shared strings and
 * the cell styles (which tell dates from numbers); those are read whole.
 * The chosen sheet is then streamed through libxml2's xmlTextReader, one
 * row per call, reusing the same buffers for every row.
 *
 * Every part is untrusted: its size is checked against the zip directory
 * and against what actually inflates (zip bombs), a DTD is refused (entity
 * bombs, external entities), and nesting, cell and row sizes are bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "cg-reader-private.h"
#include "cg-reader-sheet.h"

/* Small parts compress well whatever they hold; the ratio only says
 * "bomb" once a part is big enough to hurt. */
#define XLSX_RATIO_MIN_BYTES   (1024 * 1024)
/* A sheet nests six levels deep (worksheet/sheetData/row/c/is/r/t); extension
 * lists go a few further.  libxml2 alone would allow 256. */
#define XLSX_MAX_DEPTH         48
/* Shared strings are kept in memory: cap them (text plus 4 bytes a string). */
#define XLSX_MAX_SHARED_BYTES  ((guint64) 512 * 1024 * 1024)
#define XLSX_MAX_ROW           G_MAXUINT32
#define XLSX_NO_OFFSET         G_MAXSIZE
/* 1904-system serial + 1462 = 1900-system serial (1904-01-01 is 1462). */
#define XLSX_1904_OFFSET       1462.0

typedef enum {
  XLSX_KIND_NUMBER,
  XLSX_KIND_DATE,
  XLSX_KIND_TIME,
  XLSX_KIND_DATETIME,
} XlsxKind;

typedef enum {
  XLSX_TYPE_NUMBER,     /* t="n" or none */
  XLSX_TYPE_SHARED,     /* t="s": index into the shared strings */
  XLSX_TYPE_INLINE,     /* t="inlineStr": text in <is> */
  XLSX_TYPE_STRING,     /* t="str": a formula's text result */
  XLSX_TYPE_BOOL,       /* t="b" */
  XLSX_TYPE_ERROR,      /* t="e": "#N/A", "#DIV/0!" … */
  XLSX_TYPE_ISO_DATE,   /* t="d": ISO 8601 text (Strict OOXML) */
} XlsxType;

/* One XML part of the archive, read through libxml2. */
typedef struct
{
  zip_file_t       *file;
  char             *name;
  guint64           size;             /* uncompressed, as the zip directory says */
  guint64           compressed_size;
  guint64           consumed;         /* bytes inflated so far */
  xmlTextReaderPtr  xml;
  GError           *read_error;       /* why the read callback gave up */
  int               xml_error_code;   /* first parser error, XML_ERR_OK if none */
  int               xml_error_line;
  char             *xml_error_message;
} XlsxPart;

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} XlsxSheet;

typedef struct
{
  char *id;
  char *type;
  char *target;   /* resolved to a part name */
} XlsxRel;

typedef struct
{
  CgReader   parent;

  zip_t     *zip;
  char      *sheet_name;
  gboolean   date1904;

  /* Shared strings: NUL-terminated one after another in one buffer, so a
   * cell points into it instead of copying.  starts has a sentinel. */
  GString   *shared_text;
  GArray    *shared_starts;     /* guint32 */

  GArray    *xf_kinds;          /* guint8 XlsxKind, by cellXfs index */

  XlsxPart  *sheet;
  gboolean   done;
  gboolean   any_row;           /* one was returned, or the sheet was found empty */
  guint      peeked_cells;      /* the first row, read at open: its length, or 0 */
  guint64    row_number;        /* of the row last returned */

  /* The row being read; reused from row to row. */
  guint64    pending_row;
  GArray    *cells;             /* CgCell */
  GArray    *text_starts;       /* gsize into row_text, XLSX_NO_OFFSET if text is set */
  GString   *row_text;

  /* The cell being read. */
  gboolean   in_cell;
  gboolean   in_inline;
  gboolean   in_phonetic;
  gboolean   capture;           /* inside <v>, or <t> of an inline string */
  guint      cell_column;
  XlsxType   cell_type;
  guint      cell_style;
  GString   *value;
} CgReaderXlsx;

/* ---------------------------------------------------------------------- */
/* Parts                                                                  */

static void
xlsx_part_free (XlsxPart *part)
{
  /* The text reader reads from the zip file: free it first. */
  g_clear_pointer (&part->xml, xmlFreeTextReader);
  g_clear_pointer (&part->file, zip_fclose);
  g_clear_error (&part->read_error);
  g_free (part->xml_error_message);
  g_free (part->name);
  g_free (part);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XlsxPart, xlsx_part_free)

static void
xlsx_set_zip_error (GError      **error,
                    zip_error_t  *zip_error,
                    const char   *part_name)
{
  switch (zip_error_code_zip (zip_error))
    {
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_ENCRYPTED,
                   _("The workbook is protected with a password. Open it in Excel, remove the "
                     "password, save it and import it again."));
      break;
    case ZIP_ER_COMPNOTSUPP:
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook part “%s” is compressed in a way this program cannot read. "
                     "Open the file in Excel or LibreOffice and save it again as .xlsx."),
                   part_name ? part_name : "");
      break;
    default:
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook is damaged or incomplete (%s), perhaps from a cut-off "
                     "download or copy. Get a fresh copy, or open it in Excel and save it again."),
                   zip_error_strerror (zip_error));
      break;
    }
}

static void
xlsx_set_bomb_error (GError     **error,
                     const char  *part_name)
{
  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
               _("The workbook part “%s” unpacks to far more data than it takes in the file "
                 "(more than %d times), which is how zip bombs look. If the workbook is "
                 "genuine, export the sheet as CSV and import that."),
               part_name, CG_READER_MAX_ZIP_RATIO);
}

/* Inflates the next bytes for libxml2, counting them: the sizes in the zip
 * directory are the attacker's to choose. */
static int
xlsx_part_read (void *user_data,
                char *buffer,
                int   length)
{
  XlsxPart *part = user_data;
  zip_int64_t n;

  if (part->read_error != NULL)
    return -1;
  n = zip_fread (part->file, buffer, length);
  if (n < 0)
    {
      xlsx_set_zip_error (&part->read_error, zip_file_get_error (part->file), part->name);
      return -1;
    }
  part->consumed += n;
  if (part->consumed > part->size)
    {
      g_set_error (&part->read_error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("The workbook part “%s” holds more data than the zip directory says, "
                     "which is how zip bombs look. If the workbook is genuine, open it in "
                     "Excel, save it again and import the new file."),
                   part->name);
      return -1;
    }
  if (part->consumed > XLSX_RATIO_MIN_BYTES &&
      part->consumed / CG_READER_MAX_ZIP_RATIO > part->compressed_size)
    {
      xlsx_set_bomb_error (&part->read_error, part->name);
      return -1;
    }
  return n;
}

static void
xlsx_part_on_xml_error (void        *user_data,
                        xmlErrorPtr  xml_error)
{
  XlsxPart *part = user_data;

  /* Namespace slips and the like are recoverable: only a fatal error (the
   * XML is not well-formed) stops the reader. */
  if (part->xml_error_code != XML_ERR_OK || xml_error->level != XML_ERR_FATAL)
    return;
  part->xml_error_code = xml_error->code;
  part->xml_error_line = xml_error->line;
  part->xml_error_message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : ""));
}

static gboolean
xlsx_has_part (zip_t      *zip,
               const char *name)
{
  /* Part names are case-insensitive in OOXML. */
  return zip_name_locate (zip, name, ZIP_FL_NOCASE) >= 0;
}

static XlsxPart *
xlsx_part_open (zip_t       *zip,
                const char  *name,
                GError     **error)
{
  g_autoptr(XlsxPart) part = g_new0 (XlsxPart, 1);
  zip_int64_t index;
  zip_stat_t st;

  part->name = g_strdup (name);
  index = zip_name_locate (zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook is incomplete: the part “%s” is missing. Open the file in "
                     "Excel or LibreOffice and save it again as .xlsx."),
                   name);
      return NULL;
    }
  zip_stat_init (&st);
  if (zip_stat_index (zip, index, 0, &st) < 0)
    {
      xlsx_set_zip_error (error, zip_get_error (zip), name);
      return NULL;
    }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_ENCRYPTED,
                   _("The workbook is protected with a password. Open it in Excel, remove the "
                     "password, save it and import it again."));
      return NULL;
    }
  part->size = (st.valid & ZIP_STAT_SIZE) ? st.size : (guint64) CG_READER_MAX_PART_BYTES;
  part->compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if (part->size > (guint64) CG_READER_MAX_PART_BYTES)
    {
      g_autofree char *limit = g_format_size (CG_READER_MAX_PART_BYTES);

      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("The workbook part “%s” is larger than %s unpacked. Split the data over "
                     "several files, or export the sheet as CSV and import that."),
                   name, limit);
      return NULL;
    }
  if (part->size > XLSX_RATIO_MIN_BYTES &&
      part->size / CG_READER_MAX_ZIP_RATIO > part->compressed_size)
    {
      xlsx_set_bomb_error (error, name);
      return NULL;
    }

  part->file = zip_fopen_index (zip, index, 0);
  if (part->file == NULL)
    {
      xlsx_set_zip_error (error, zip_get_error (zip), name);
      return NULL;
    }

  /* No XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: entities stay unexpanded,
   * nothing external is fetched, and libxml2 keeps its own size limits. */
  part->xml = xmlReaderForIO (xlsx_part_read, NULL, part, name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (part->xml == NULL)
    {
      if (part->read_error != NULL)
        g_propagate_error (error, g_steal_pointer (&part->read_error));
      else
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                     _("The workbook part “%s” cannot be read as XML. Open the file in Excel "
                       "or LibreOffice and save it again as .xlsx."),
                     name);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->xml, xlsx_part_on_xml_error, part);
  return g_steal_pointer (&part);
}

static gboolean
xlsx_is_entity_error (int code)
{
  switch (code)
    {
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_PROCESSING:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
xlsx_set_unsafe_error (GError     **error,
                       const char  *part_name)
{
  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_UNSAFE,
               _("The workbook part “%s” declares a document type (DTD) or entities. "
                 "Spreadsheet programs never write these, and they can hide entity bombs or "
                 "reach for other files, so the workbook is not read. Open it in Excel or "
                 "LibreOffice and save it again as .xlsx."),
               part_name);
}

/* Advances to the next node.  Returns its xmlReaderTypes value, 0 at the end
 * of the part, or -1 with @error set. */
static int
xlsx_part_next (XlsxPart  *part,
                GError   **error)
{
  int ret = xmlTextReaderRead (part->xml);
  int type;

  if (ret == 1)
    {
      type = xmlTextReaderNodeType (part->xml);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE ||
          type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        {
          xlsx_set_unsafe_error (error, part->name);
          return -1;
        }
      if (xmlTextReaderDepth (part->xml) > XLSX_MAX_DEPTH)
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                       _("The workbook part “%s” nests its XML more than %d levels deep. "
                         "Open the file in Excel or LibreOffice and save it again."),
                       part->name, XLSX_MAX_DEPTH);
          return -1;
        }
      return type;
    }

  /* A read error can surface as a parse error or as an early end. */
  if (part->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&part->read_error));
      return -1;
    }
  if (ret == 0 && part->xml_error_code == XML_ERR_OK)
    return 0;
  if (xlsx_is_entity_error (part->xml_error_code))
    xlsx_set_unsafe_error (error, part->name);
  else
    g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                 _("The workbook is damaged: its part “%s” is not well-formed XML (line %d: "
                   "%s). Open the file in Excel or LibreOffice and save it again."),
                 part->name, part->xml_error_line,
                 part->xml_error_message ? part->xml_error_message : "?");
  return -1;
}

/* Replaces *@field with a copy of @value (g_set_str() is GLib 2.76). */
static void
xlsx_set_str (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static inline const char *
xlsx_name (XlsxPart *part)
{
  return (const char *) xmlTextReaderConstLocalName (part->xml);
}

static inline gboolean
xlsx_is_empty (XlsxPart *part)
{
  return xmlTextReaderIsEmptyElement (part->xml) == 1;
}

/* The attributes of the current element, one by one:
 *
 *   XlsxAttr attr = { 0 };
 *   while (xlsx_next_attribute (part, &attr))
 *     …attr.name, attr.value…
 *
 * Namespace declarations are skipped; @prefixed tells "r:id" from "id".
 * @value is valid only until the next call. */
typedef struct
{
  gboolean    started;
  const char *name;
  const char *value;
  gboolean    prefixed;
} XlsxAttr;

static gboolean
xlsx_next_attribute (XlsxPart *part,
                     XlsxAttr *attr)
{
  for (;;)
    {
      int ret = attr->started ? xmlTextReaderMoveToNextAttribute (part->xml)
                              : xmlTextReaderMoveToFirstAttribute (part->xml);

      attr->started = TRUE;
      if (ret != 1)
        {
          xmlTextReaderMoveToElement (part->xml);
          return FALSE;
        }
      if (xmlTextReaderIsNamespaceDecl (part->xml) == 1)
        continue;
      attr->name = (const char *) xmlTextReaderConstLocalName (part->xml);
      attr->value = (const char *) xmlTextReaderConstValue (part->xml);
      attr->prefixed = xmlTextReaderConstPrefix (part->xml) != NULL;
      if (attr->name != NULL && attr->value != NULL)
        return TRUE;
    }
}

/* ---------------------------------------------------------------------- */
/* Part names and relationships                                           */

/* "xl/workbook.xml" → "xl/"; "a.xml" → "". */
static char *
xlsx_part_dir (const char *part_name)
{
  const char *slash = strrchr (part_name, '/');

  return slash ? g_strndup (part_name, slash - part_name + 1) : g_strdup ("");
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
static char *
xlsx_rels_name (const char *part_name)
{
  g_autofree char *dir = xlsx_part_dir (part_name);

  return g_strconcat (dir, "_rels/", part_name + strlen (dir), ".rels", NULL);
}

/* Resolves a relationship target ("worksheets/sheet1.xml",
 * "/xl/worksheets/sheet1.xml", "../xl/x.xml", percent-escaped) against the
 * folder of the part that holds the relationship. */
static char *
xlsx_resolve_target (const char *base_dir,
                     const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  const char *t = unescaped ? unescaped : target;
  g_autofree char *joined = t[0] == '/' ? g_strdup (t + 1) : g_strconcat (base_dir, t, NULL);
  g_auto(GStrv) segments = g_strsplit (joined, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_set_size (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static void
xlsx_rel_free (XlsxRel *rel)
{
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

/* Reads the relationships of @part_name; a missing rels part is no error
 * (the list stays empty). */
static gboolean
xlsx_read_rels (zip_t       *zip,
                const char  *part_name,
                GPtrArray   *rels,
                GError     **error)
{
  g_autofree char *rels_name = xlsx_rels_name (part_name);
  g_autofree char *base_dir = xlsx_part_dir (part_name);
  g_autoptr(XlsxPart) part = NULL;
  int type;

  if (!xlsx_has_part (zip, rels_name))
    return TRUE;
  part = xlsx_part_open (zip, rels_name, error);
  if (part == NULL)
    return FALSE;

  while ((type = xlsx_part_next (part, error)) > 0)
    {
      g_autofree char *id = NULL, *rel_type = NULL, *target = NULL;
      gboolean external = FALSE;
      XlsxAttr attr = { 0 };
      XlsxRel *rel;

      if (type != XML_READER_TYPE_ELEMENT || strcmp (xlsx_name (part), "Relationship") != 0)
        continue;
      while (xlsx_next_attribute (part, &attr))
        {
          if (attr.prefixed)
            continue;
          if (strcmp (attr.name, "Id") == 0)
            xlsx_set_str (&id, attr.value);
          else if (strcmp (attr.name, "Type") == 0)
            xlsx_set_str (&rel_type, attr.value);
          else if (strcmp (attr.name, "Target") == 0)
            xlsx_set_str (&target, attr.value);
          else if (strcmp (attr.name, "TargetMode") == 0)
            external = strcmp (attr.value, "External") == 0;
        }
      if (id == NULL || rel_type == NULL || target == NULL || external)
        continue;
      rel = g_new0 (XlsxRel, 1);
      rel->id = g_steal_pointer (&id);
      rel->type = g_steal_pointer (&rel_type);
      rel->target = xlsx_resolve_target (base_dir, target);
      g_ptr_array_add (rels, rel);
    }
  return type == 0;
}

/* Relationship types differ between Transitional and Strict OOXML only in
 * their prefix: match the last path segment. */
static gboolean
xlsx_rel_is (const XlsxRel *rel,
             const char    *kind)
{
  const char *slash = strrchr (rel->type, '/');

  return slash != NULL && strcmp (slash + 1, kind) == 0;
}

static const XlsxRel *
xlsx_find_rel (GPtrArray  *rels,
               const char *id,
               const char *kind)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const XlsxRel *rel = g_ptr_array_index (rels, i);

      if ((id == NULL || strcmp (rel->id, id) == 0) && (kind == NULL || xlsx_rel_is (rel, kind)))
        return rel;
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Workbook, shared strings, styles                                       */

static void
xlsx_sheet_free (XlsxSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet->rel_id);
  g_free (sheet);
}

static gboolean
xlsx_read_workbook (CgReaderXlsx  *self,
                    const char    *part_name,
                    GPtrArray     *sheets,
                    GError       **error)
{
  g_autoptr(XlsxPart) part = xlsx_part_open (self->zip, part_name, error);
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = xlsx_part_next (part, error)) > 0)
    {
      XlsxAttr attr = { 0 };
      const char *element;

      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      element = xlsx_name (part);
      if (strcmp (element, "workbookPr") == 0)
        {
          while (xlsx_next_attribute (part, &attr))
            if (!attr.prefixed && strcmp (attr.name, "date1904") == 0)
              self->date1904 = strcmp (attr.value, "1") == 0 || strcmp (attr.value, "true") == 0;
        }
      else if (strcmp (element, "sheet") == 0)
        {
          XlsxSheet *sheet = g_new0 (XlsxSheet, 1);

          while (xlsx_next_attribute (part, &attr))
            {
              if (!attr.prefixed && strcmp (attr.name, "name") == 0)
                xlsx_set_str (&sheet->name, attr.value);
              else if (!attr.prefixed && strcmp (attr.name, "state") == 0)
                sheet->hidden = strcmp (attr.value, "visible") != 0;
              /* r:id, in the relationships namespace whatever its prefix */
              else if (attr.prefixed && strcmp (attr.name, "id") == 0)
                xlsx_set_str (&sheet->rel_id, attr.value);
            }
          if (sheet->name == NULL || sheet->rel_id == NULL)
            xlsx_sheet_free (sheet);
          else
            g_ptr_array_add (sheets, sheet);
        }
    }
  return type == 0;
}

/* OOXML writes characters XML cannot carry as "_xHHHH_" (Excel: "_x000D_"
 * for a carriage return); "_x005F_" escapes an underscore.  Decodes in
 * place — the UTF-8 is never longer than the escape — and returns the new
 * length. */
static gsize
xlsx_unescape (char  *text,
               gsize  length)
{
  const char *in = text, *end = text + length;
  char *out = text;

  if (memchr (text, '_', length) == NULL)
    return length;
  while (in < end)
    {
      gunichar c = 0;
      int i;

      if (in[0] == '_' && end - in >= 7 && in[1] == 'x' && in[6] == '_')
        {
          for (i = 2; i < 6 && g_ascii_isxdigit (in[i]); i++)
            c = c * 16 + g_ascii_xdigit_value (in[i]);
          /* A NUL or a lone surrogate would not be text: keep the escape. */
          if (i == 6 && c != 0 && !(c >= 0xD800 && c <= 0xDFFF))
            {
              out += g_unichar_to_utf8 (c, out);
              in += 7;
              continue;
            }
        }
      *out++ = *in++;
    }
  *out = '\0';
  return out - text;
}

static void
xlsx_set_cell_too_long_error (GError **error)
{
  g_autofree char *limit = g_format_size (CG_READER_MAX_CELL_BYTES);

  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
               _("A cell of the workbook holds more than %s of text. Shorten it in Excel, or "
                 "export the sheet as CSV and import that."),
               limit);
}

/* Appends the text of the current node to @buffer, within the cell limit. */
static gboolean
xlsx_append_text (XlsxPart  *part,
                  GString   *buffer,
                  gsize      start,
                  GError   **error)
{
  const char *text = (const char *) xmlTextReaderConstValue (part->xml);
  gsize length = text ? strlen (text) : 0;

  if (buffer->len - start + length > CG_READER_MAX_CELL_BYTES)
    {
      xlsx_set_cell_too_long_error (error);
      return FALSE;
    }
  g_string_append_len (buffer, text, length);
  return TRUE;
}

/* A shared string is the text of its <t> elements, those of rich-text runs
 * (<r><t>) included, but not of phonetic guides (<rPh><t>). */
static gboolean
xlsx_read_shared_strings (CgReaderXlsx  *self,
                          const char    *part_name,
                          GError       **error)
{
  g_autoptr(XlsxPart) part = xlsx_part_open (self->zip, part_name, error);
  GString *text = self->shared_text;
  gboolean in_si = FALSE, in_phonetic = FALSE, capture = FALSE;
  gsize start = 0;
  guint32 offset;
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = xlsx_part_next (part, error)) > 0)
    {
      const char *name;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          name = xlsx_name (part);
          if (strcmp (name, "t") == 0)
            capture = in_si && !in_phonetic && !xlsx_is_empty (part);
          else if (strcmp (name, "si") == 0)
            {
              start = text->len;
              in_si = !xlsx_is_empty (part);
              if (!in_si)
                {
                  offset = text->len;
                  g_string_append_c (text, '\0');
                  g_array_append_val (self->shared_starts, offset);
                }
            }
          else if (strcmp (name, "rPh") == 0)
            in_phonetic = !xlsx_is_empty (part);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          name = xlsx_name (part);
          if (strcmp (name, "t") == 0)
            capture = FALSE;
          else if (strcmp (name, "rPh") == 0)
            in_phonetic = FALSE;
          else if (strcmp (name, "si") == 0 && in_si)
            {
              gsize length = xlsx_unescape (text->str + start, text->len - start);

              g_string_truncate (text, start + length);
              g_string_append_c (text, '\0');
              offset = start;
              g_array_append_val (self->shared_starts, offset);
              in_si = FALSE;
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (capture && !xlsx_append_text (part, text, start, error))
            return FALSE;
          break;

        default:
          break;
        }

      if (text->len + (guint64) self->shared_starts->len * sizeof (guint32) >
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
  g_array_append_val (self->shared_starts, offset);
  return TRUE;
}

/* Built-in number formats that show dates or times: 14–22 and 45–47 in
 * every locale, 27–36 and 50–58 in the Chinese, Japanese and Korean ones
 * (e.g. 31 is yyyy"年"m"月"d"日" in zh-CN), where Excel writes them without
 * a <numFmt> of their own. */
static XlsxKind
xlsx_builtin_format_kind (guint id)
{
  switch (id)
    {
    case 14: case 15: case 16: case 17:
    case 27: case 28: case 29: case 30: case 31: case 36:
    case 50: case 51: case 52: case 53: case 54: case 57: case 58:
      return XLSX_KIND_DATE;
    case 18: case 19: case 20: case 21:
    case 32: case 33: case 34: case 35:
    case 45: case 46: case 47:
    case 55: case 56:
      return XLSX_KIND_TIME;
    case 22:
      return XLSX_KIND_DATETIME;
    default:
      return XLSX_KIND_NUMBER;
    }
}

/* A custom format shows a date or time when it has d, m, y, h or s outside
 * quoted text ("年"), brackets ([Red], [$-804]) and escaped characters
 * (\x, _x padding, *x fill).  m alone is a month; with h or s, minutes. */
static XlsxKind
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
            return XLSX_KIND_NUMBER;
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return XLSX_KIND_NUMBER;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return XLSX_KIND_NUMBER;
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
    return has_date ? XLSX_KIND_DATETIME : XLSX_KIND_TIME;
  if (has_date || has_m)
    return XLSX_KIND_DATE;
  return XLSX_KIND_NUMBER;
}

static gboolean
xlsx_parse_uint (const char *text,
                 guint64     max,
                 guint64    *value)
{
  guint64 v = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isdigit (*text))
        return FALSE;
      v = v * 10 + (*text - '0');
      if (v > max)
        return FALSE;
    }
  *value = v;
  return TRUE;
}

/* Only the number format of each cell style matters to us: it tells
 * dates from numbers. */
static gboolean
xlsx_read_styles (CgReaderXlsx  *self,
                  const char    *part_name,
                  GError       **error)
{
  g_autoptr(XlsxPart) part = xlsx_part_open (self->zip, part_name, error);
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_cell_xfs = FALSE;
  int type;

  if (part == NULL)
    return FALSE;
  while ((type = xlsx_part_next (part, error)) > 0)
    {
      XlsxAttr attr = { 0 };
      const char *element;

      if (type == XML_READER_TYPE_END_ELEMENT && strcmp (xlsx_name (part), "cellXfs") == 0)
        in_cell_xfs = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      element = xlsx_name (part);
      if (strcmp (element, "cellXfs") == 0)
        in_cell_xfs = !xlsx_is_empty (part);
      else if (strcmp (element, "numFmt") == 0)
        {
          guint64 id = G_MAXUINT64;
          XlsxKind kind = XLSX_KIND_NUMBER;

          while (xlsx_next_attribute (part, &attr))
            {
              if (attr.prefixed)
                continue;
              if (strcmp (attr.name, "numFmtId") == 0 &&
                  !xlsx_parse_uint (attr.value, G_MAXUINT16, &id))
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

          while (xlsx_next_attribute (part, &attr))
            if (!attr.prefixed && strcmp (attr.name, "numFmtId") == 0 &&
                !xlsx_parse_uint (attr.value, G_MAXUINT16, &id))
              id = 0;
          format = id;
          g_array_append_val (xf_formats, format);
        }
    }
  if (type < 0)
    return FALSE;

  /* <numFmts> comes first in the schema, but a writer may not care. */
  g_array_set_size (self->xf_kinds, xf_formats->len);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      gpointer kind = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));

      g_array_index (self->xf_kinds, guint8, i) =
        kind ? GPOINTER_TO_UINT (kind) - 1 : xlsx_builtin_format_kind (id);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                   */

static const CgCell xlsx_empty_cell = { CG_CELL_EMPTY, "", 0, 0 };

/* "AB12" → 27; FALSE unless letters and then digits. */
static gboolean
xlsx_parse_column (const char *ref,
                   guint      *column)
{
  guint c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && p - ref < 4; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  *column = c - 1;
  return TRUE;
}

static gboolean
xlsx_cell_start (CgReaderXlsx  *self,
                 GError       **error)
{
  XlsxPart *part = self->sheet;
  guint column = self->cells->len;
  guint64 style = 0;
  XlsxAttr attr = { 0 };

  self->cell_type = XLSX_TYPE_NUMBER;
  while (xlsx_next_attribute (part, &attr))
    {
      const char *value = attr.value;

      if (attr.prefixed || attr.name[0] == '\0' || attr.name[1] != '\0')
        continue;
      switch (attr.name[0])
        {
        case 'r':
          if (!xlsx_parse_column (value, &column))
            {
              g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                           _("The workbook is damaged: a cell on row %u of sheet “%s” has the "
                             "broken reference “%s”. Open the file in Excel or LibreOffice and "
                             "save it again."),
                           (guint) self->pending_row, self->sheet_name, value);
              return FALSE;
            }
          break;
        case 's':
          if (!xlsx_parse_uint (value, G_MAXUINT32, &style))
            style = 0;
          break;
        case 't':
          if (strcmp (value, "s") == 0)
            self->cell_type = XLSX_TYPE_SHARED;
          else if (strcmp (value, "str") == 0)
            self->cell_type = XLSX_TYPE_STRING;
          else if (strcmp (value, "inlineStr") == 0)
            self->cell_type = XLSX_TYPE_INLINE;
          else if (strcmp (value, "b") == 0)
            self->cell_type = XLSX_TYPE_BOOL;
          else if (strcmp (value, "e") == 0)
            self->cell_type = XLSX_TYPE_ERROR;
          else if (strcmp (value, "d") == 0)
            self->cell_type = XLSX_TYPE_ISO_DATE;
          break;
        default:
          break;
        }
    }

  if (column >= CG_READER_MAX_COLUMNS)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("Row %u of sheet “%s” has cells beyond column %u; at most %u columns can "
                     "be imported. Delete the unused columns in Excel, or move the data to "
                     "the left."),
                   (guint) self->pending_row, self->sheet_name, CG_READER_MAX_COLUMNS,
                   CG_READER_MAX_COLUMNS);
      return FALSE;
    }
  if (column < self->cells->len)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("The workbook is damaged: the cells of row %u of sheet “%s” are out of "
                     "order. Open the file in Excel or LibreOffice and save it again."),
                   (guint) self->pending_row, self->sheet_name);
      return FALSE;
    }
  self->cell_column = column;
  self->cell_style = style;
  self->in_cell = TRUE;
  g_string_truncate (self->value, 0);
  return TRUE;
}

/* Adds a cell whose text is copied into the row buffer. */
static void
xlsx_add_cell_copy (CgReaderXlsx *self,
                    CgCellType    type,
                    const char   *text,
                    gsize         length,
                    double        number)
{
  CgCell cell = { type, NULL, length, number };
  gsize start = self->row_text->len;

  g_string_append_len (self->row_text, text, length);
  g_string_append_c (self->row_text, '\0');
  g_array_append_val (self->cells, cell);
  g_array_append_val (self->text_starts, start);
}

static void
xlsx_add_cell (CgReaderXlsx *self,
               const CgCell *cell)
{
  gsize start = XLSX_NO_OFFSET;

  g_array_append_vals (self->cells, cell, 1);
  g_array_append_val (self->text_starts, start);
}

/* Parses a <v> number.  Integers of up to 15 digits — phone numbers, call
 * seconds, counts — are exact in a double and already written the way
 * cg_sheet_format_number() would: they skip strtod and reformatting. */
static gboolean
xlsx_parse_number (const char *text,
                   gsize       length,
                   double     *number,
                   gboolean   *canonical)
{
  const char *p = text, *end = text + length;
  gboolean negative = *p == '-';
  gint64 v = 0;
  char *parse_end;

  if (negative)
    p++;
  if (end - p >= 1 && end - p <= 15 && (*p != '0' || end - p == 1))
    {
      for (; p < end && g_ascii_isdigit (*p); p++)
        v = v * 10 + (*p - '0');
      if (p == end)
        {
          *number = negative ? -(double) v : (double) v;
          *canonical = TRUE;
          return TRUE;
        }
    }
  *canonical = FALSE;
  *number = g_ascii_strtod (text, &parse_end);
  return length > 0 && parse_end == end && isfinite (*number);
}

static gboolean
xlsx_cell_end (CgReaderXlsx  *self,
               GError       **error)
{
  GString *value = self->value;
  char buf[CG_SHEET_NUMBER_BUF_SIZE];
  double number;
  gboolean canonical;
  guint64 index;
  gsize length;

  self->in_cell = self->in_inline = self->in_phonetic = self->capture = FALSE;
  while (self->cells->len < self->cell_column)
    xlsx_add_cell (self, &xlsx_empty_cell);

  if (value->len == 0)
    {
      xlsx_add_cell (self, &xlsx_empty_cell);
      return TRUE;
    }

  switch (self->cell_type)
    {
    case XLSX_TYPE_SHARED:
      if (!xlsx_parse_uint (value->str, G_MAXUINT32, &index) ||
          index + 1 >= self->shared_starts->len)
        {
          g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                       _("The workbook is damaged: a cell on row %u of sheet “%s” refers to a "
                         "shared text that does not exist. Open the file in Excel or "
                         "LibreOffice and save it again."),
                       (guint) self->pending_row, self->sheet_name);
          return FALSE;
        }
      else
        {
          guint32 start = g_array_index (self->shared_starts, guint32, index);
          guint32 next = g_array_index (self->shared_starts, guint32, index + 1);
          CgCell cell = { CG_CELL_TEXT, self->shared_text->str + start, next - start - 1, 0 };

          if (cell.length == 0)
            cell = xlsx_empty_cell;
          xlsx_add_cell (self, &cell);
        }
      return TRUE;

    case XLSX_TYPE_INLINE:
    case XLSX_TYPE_STRING:
      length = xlsx_unescape (value->str, value->len);
      if (length == 0)
        xlsx_add_cell (self, &xlsx_empty_cell);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, length, 0);
      return TRUE;

    case XLSX_TYPE_BOOL:
      if (strcmp (value->str, "1") == 0 || strcmp (value->str, "true") == 0)
        xlsx_add_cell_copy (self, CG_CELL_BOOL, "TRUE", 4, 1);
      else if (strcmp (value->str, "0") == 0 || strcmp (value->str, "false") == 0)
        xlsx_add_cell_copy (self, CG_CELL_BOOL, "FALSE", 5, 0);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_ISO_DATE:
      if (cg_sheet_serial_from_text (value->str, &number))
        xlsx_add_cell_copy (self, CG_CELL_DATE, value->str, value->len, number);
      else
        xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_ERROR:
      xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;

    case XLSX_TYPE_NUMBER:
    default:
      break;
    }

  if (!xlsx_parse_number (value->str, value->len, &number, &canonical))
    {
      /* Not a number after all: show what is there rather than lose it. */
      xlsx_add_cell_copy (self, CG_CELL_TEXT, value->str, value->len, 0);
      return TRUE;
    }
  if (self->cell_style < self->xf_kinds->len)
    {
      XlsxKind kind = g_array_index (self->xf_kinds, guint8, self->cell_style);
      double serial = self->date1904 ? number + XLSX_1904_OFFSET : number;

      if (kind != XLSX_KIND_NUMBER &&
          cg_sheet_serial_to_text (serial, kind != XLSX_KIND_DATE, buf))
        {
          xlsx_add_cell_copy (self, CG_CELL_DATE, buf, strlen (buf), serial);
          return TRUE;
        }
    }
  if (canonical)
    xlsx_add_cell_copy (self, CG_CELL_NUMBER, value->str, value->len, number);
  else
    {
      length = cg_sheet_format_number (number, buf);
      xlsx_add_cell_copy (self, CG_CELL_NUMBER, buf, length, number);
    }
  return TRUE;
}

static gboolean
xlsx_row_start (CgReaderXlsx  *self,
                GError       **error)
{
  XlsxPart *part = self->sheet;
  guint64 row = self->pending_row + 1;

  XlsxAttr attr = { 0 };

  while (xlsx_next_attribute (part, &attr))
    if (!attr.prefixed && strcmp (attr.name, "r") == 0 &&
        (!xlsx_parse_uint (attr.value, XLSX_MAX_ROW, &row) || row == 0))
      {
        g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                     _("The workbook is damaged: a row of sheet “%s” has the number “%s”. "
                       "Open the file in Excel or LibreOffice and save it again."),
                     self->sheet_name, attr.value);
        xmlTextReaderMoveToElement (part->xml);
        return FALSE;
      }
  self->pending_row = row;
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->text_starts, 0);
  g_string_truncate (self->row_text, 0);
  return TRUE;
}

/* Hands out the row if it has any non-empty cell. */
static gboolean
xlsx_row_end (CgReaderXlsx  *self,
              const CgCell **cells,
              guint         *n_cells)
{
  CgCell *data = (CgCell *) self->cells->data;
  guint n = self->cells->len;

  while (n > 0 && data[n - 1].type == CG_CELL_EMPTY)
    n--;
  if (n == 0)
    return FALSE;
  /* row_text may have moved while it grew: point into it only now. */
  for (guint i = 0; i < n; i++)
    {
      gsize start = g_array_index (self->text_starts, gsize, i);

      if (start != XLSX_NO_OFFSET)
        data[i].text = self->row_text->str + start;
    }
  *cells = data;
  *n_cells = n;
  self->row_number = self->pending_row;
  self->any_row = TRUE;
  return TRUE;
}

static gboolean
xlsx_finish (CgReaderXlsx  *self,
             GError       **error)
{
  if (!self->any_row)
    {
      /* Said once; later calls just report the end. */
      self->any_row = TRUE;
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_EMPTY,
                   _("The sheet “%s” is empty. Choose the sheet that holds the call log."),
                   self->sheet_name);
    }
  return FALSE;
}

static gboolean
xlsx_next (CgReader      *reader,
           const CgCell **cells,
           guint         *n_cells,
           GError       **error)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;
  XlsxPart *part = self->sheet;
  int type;

  if (self->peeked_cells > 0)
    {
      *cells = (const CgCell *) self->cells->data;
      *n_cells = self->peeked_cells;
      self->peeked_cells = 0;
      return TRUE;
    }
  if (self->done)
    return xlsx_finish (self, error);

  while ((type = xlsx_part_next (part, error)) > 0)
    {
      const char *name;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          name = xlsx_name (part);
          if (strcmp (name, "c") == 0)
            {
              gboolean empty = xlsx_is_empty (part);

              if (!xlsx_cell_start (self, error) || (empty && !xlsx_cell_end (self, error)))
                goto failed;
            }
          else if (strcmp (name, "v") == 0)
            self->capture = self->in_cell && !xlsx_is_empty (part);
          else if (strcmp (name, "t") == 0)
            self->capture = self->in_inline && !self->in_phonetic && !xlsx_is_empty (part);
          else if (strcmp (name, "row") == 0)
            {
              gboolean empty = xlsx_is_empty (part);

              if (!xlsx_row_start (self, error))
                goto failed;
              if (empty && xlsx_row_end (self, cells, n_cells))
                return TRUE;
            }
          else if (strcmp (name, "is") == 0)
            self->in_inline = self->in_cell && !xlsx_is_empty (part);
          else if (strcmp (name, "rPh") == 0)
            self->in_phonetic = !xlsx_is_empty (part);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          name = xlsx_name (part);
          if (strcmp (name, "c") == 0)
            {
              if (!xlsx_cell_end (self, error))
                goto failed;
            }
          else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
            self->capture = FALSE;
          else if (strcmp (name, "row") == 0)
            {
              if (xlsx_row_end (self, cells, n_cells))
                return TRUE;
            }
          else if (strcmp (name, "is") == 0)
            self->in_inline = FALSE;
          else if (strcmp (name, "rPh") == 0)
            self->in_phonetic = FALSE;
          else if (strcmp (name, "sheetData") == 0)
            {
              self->done = TRUE;
              return xlsx_finish (self, error);
            }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (self->capture && !xlsx_append_text (part, self->value, 0, error))
            goto failed;
          break;

        default:
          break;
        }
    }
  if (type == 0)
    {
      self->done = TRUE;
      return xlsx_finish (self, error);
    }

failed:
  self->done = TRUE;
  self->any_row = TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                */

static guint64
xlsx_row_number (CgReader *reader)
{
  return ((CgReaderXlsx *) reader)->row_number;
}

static double
xlsx_progress (CgReader *reader)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;

  if (self->done || self->sheet->size == 0)
    return 1.0;
  return MIN (1.0, (double) self->sheet->consumed / (double) self->sheet->size);
}

static const char *
xlsx_encoding (CgReader *reader)
{
  return "UTF-8";
}

static const char *
xlsx_sheet_name (CgReader *reader)
{
  return ((CgReaderXlsx *) reader)->sheet_name;
}

static void
xlsx_free (CgReader *reader)
{
  CgReaderXlsx *self = (CgReaderXlsx *) reader;

  g_clear_pointer (&self->sheet, xlsx_part_free);
  g_clear_pointer (&self->zip, zip_discard);
  g_free (self->sheet_name);
  g_string_free (self->shared_text, TRUE);
  g_array_unref (self->shared_starts);
  g_array_unref (self->xf_kinds);
  g_array_unref (self->cells);
  g_array_unref (self->text_starts);
  g_string_free (self->row_text, TRUE);
  g_string_free (self->value, TRUE);
  g_free (self);
}

static const CgReaderVTable xlsx_vtable = {
  .next = xlsx_next,
  .row_number = xlsx_row_number,
  .progress = xlsx_progress,
  .encoding = xlsx_encoding,
  .sheet_name = xlsx_sheet_name,
  .delimiter = NULL,
  .free = xlsx_free,
};

static zip_t *
xlsx_open_zip (const char  *path,
               GError     **error)
{
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *zip;

  zip_error_init (&zip_error);
#ifdef G_OS_WIN32
  {
    /* libzip's plain file source takes the ANSI code page on Windows. */
    g_autofree gunichar2 *wide = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);

    source = wide ? zip_source_win32w_create ((const wchar_t *) wide, 0, -1, &zip_error) : NULL;
  }
#else
  source = zip_source_file_create (path, 0, -1, &zip_error);
#endif
  if (source == NULL)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open “%s” (%s). Check that the file exists and that you may "
                     "read it."),
                   display, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip = zip_open_from_source (source, ZIP_RDONLY, &zip_error);
  if (zip == NULL)
    {
      zip_source_free (source);
      xlsx_set_zip_error (error, &zip_error, NULL);
    }
  zip_error_fini (&zip_error);
  return zip;
}

/* The package's own relationships name the workbook part; nearly always
 * xl/workbook.xml, which is also the fallback. */
static char *
xlsx_find_workbook (zip_t   *zip,
                    GError **error)
{
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) xlsx_rel_free);
  const XlsxRel *rel;

  if (!xlsx_read_rels (zip, "", rels, error))
    return NULL;
  rel = xlsx_find_rel (rels, NULL, "officeDocument");
  if (rel != NULL && xlsx_has_part (zip, rel->target))
    return g_strdup (rel->target);
  if (xlsx_has_part (zip, "xl/workbook.xml"))
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
static const XlsxRel *
xlsx_choose_sheet (CgReaderXlsx  *self,
                   GPtrArray     *sheets,
                   GPtrArray     *rels,
                   const char    *wanted,
                   GError       **error)
{
  const XlsxSheet *chosen = NULL;
  const XlsxRel *rel = NULL;

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
      rel = xlsx_find_rel (rels, chosen->rel_id, NULL);
      if (rel == NULL || !xlsx_rel_is (rel, "worksheet"))
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

            rel = xlsx_find_rel (rels, sheet->rel_id, "worksheet");
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
  self->sheet_name = g_strdup (chosen->name);
  return rel;
}

/* Reads the sheet up to its <sheetData>, so that a damaged or unsafe sheet
 * fails at open rather than on the first row. */
static gboolean
xlsx_open_sheet (CgReaderXlsx  *self,
                 const char    *part_name,
                 GError       **error)
{
  int type;

  self->sheet = xlsx_part_open (self->zip, part_name, error);
  if (self->sheet == NULL)
    return FALSE;
  while ((type = xlsx_part_next (self->sheet, error)) > 0)
    if (type == XML_READER_TYPE_ELEMENT && strcmp (xlsx_name (self->sheet), "sheetData") == 0)
      {
        self->done = xlsx_is_empty (self->sheet);
        return TRUE;
      }
  self->done = TRUE;
  return type == 0;
}

CgReader *
cg_reader_xlsx_open (const char             *path,
                     const CgReaderOptions  *options,
                     GError                **error)
{
  static gsize xml_initialised = 0;
  g_autoptr(CgReader) reader = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) xlsx_sheet_free);
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify) xlsx_rel_free);
  g_autofree char *workbook = NULL;
  CgReaderXlsx *self;
  const XlsxRel *sheet_rel, *rel;

  g_return_val_if_fail (path != NULL, NULL);

  /* libxml2 wants its first initialisation done once, before any thread
   * parses; imports run in worker threads. */
  if (g_once_init_enter (&xml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialised, 1);
    }

  self = g_new0 (CgReaderXlsx, 1);
  self->parent.vtable = &xlsx_vtable;
  self->parent.format = CG_FILE_FORMAT_XLSX;
  self->shared_text = g_string_new (NULL);
  self->shared_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->xf_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (CgCell), 32);
  self->text_starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 32);
  self->row_text = g_string_sized_new (1024);
  self->value = g_string_sized_new (256);
  reader = (CgReader *) self;

  self->zip = xlsx_open_zip (path, error);
  if (self->zip == NULL)
    return NULL;
  workbook = xlsx_find_workbook (self->zip, error);
  if (workbook == NULL)
    return NULL;
  if (!xlsx_read_workbook (self, workbook, sheets, error) ||
      !xlsx_read_rels (self->zip, workbook, rels, error))
    return NULL;

  sheet_rel = xlsx_choose_sheet (self, sheets, rels, options ? options->sheet : NULL, error);
  if (sheet_rel == NULL)
    return NULL;

  rel = xlsx_find_rel (rels, NULL, "sharedStrings");
  if (rel != NULL && xlsx_has_part (self->zip, rel->target) &&
      !xlsx_read_shared_strings (self, rel->target, error))
    return NULL;
  rel = xlsx_find_rel (rels, NULL, "styles");
  if (rel != NULL && xlsx_has_part (self->zip, rel->target) &&
      !xlsx_read_styles (self, rel->target, error))
    return NULL;

  if (!xlsx_open_sheet (self, sheet_rel->target, error))
    return NULL;

  /* As the CSV reader does, find the first row now: an empty sheet is
   * best reported while the user is still choosing the file and sheet. */
  {
    const CgCell *cells;

    if (!xlsx_next (reader, &cells, &self->peeked_cells, error))
      return NULL;
  }
  return g_steal_pointer (&reader);
}
