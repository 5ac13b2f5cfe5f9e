/* cg-xlsx-part.c — the zip archive of an XLSX workbook and its XML parts.
 *
 * Every part is untrusted.  Its size is checked against the zip directory
 * before it is opened and against what actually inflates while it is read
 * (zip bombs); a DTD or entity is refused (entity bombs, external
 * entities), and nesting and cell sizes are bounded.  Whatever part the
 * reader opens — relationships, workbook, styles, shared strings, the
 * sheet — goes through here, so these checks live in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-reader-private.h"
#include "cg-xlsx-part.h"

#define XLSX_RATIO_MIN_BYTES   CG_LIMIT_XLSX_RATIO_MIN_BYTES
#define XLSX_MAX_DEPTH         CG_LIMIT_XML_DEPTH

/* ---------------------------------------------------------------------- */
/* The archive                                                            */

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

zip_source_t *
cg_xlsx_path_source (const char  *path,
                     zip_error_t *zip_error)
{
#ifdef G_OS_WIN32
  /* libzip's plain file source takes the ANSI code page on Windows. */
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);

  return wide ? zip_source_win32w_create ((const wchar_t *) wide, 0, -1, zip_error) : NULL;
#else
  return zip_source_file_create (path, 0, -1, zip_error);
#endif
}

zip_t *
cg_xlsx_open_zip (const char  *path,
                  GError     **error)
{
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *zip;

  zip_error_init (&zip_error);
  source = cg_xlsx_path_source (path, &zip_error);
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

gboolean
cg_xlsx_has_part (zip_t      *zip,
                  const char *name)
{
  /* Part names are case-insensitive in OOXML. */
  return zip_name_locate (zip, name, ZIP_FL_NOCASE) >= 0;
}

/* ---------------------------------------------------------------------- */
/* Parts                                                                  */

void
cg_xlsx_part_free (CgXlsxPart *part)
{
  /* The text reader reads from the zip file: free it first. */
  g_clear_pointer (&part->xml, xmlFreeTextReader);
  g_clear_pointer (&part->file, zip_fclose);
  g_clear_error (&part->read_error);
  g_free (part->xml_error_message);
  g_free (part->name);
  g_free (part);
}

/* Inflates the next bytes for libxml2, counting them: the sizes in the zip
 * directory are the attacker's to choose. */
static int
xlsx_part_read (void *user_data,
                char *buffer,
                int   length)
{
  CgXlsxPart *part = user_data;
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
  CgXlsxPart *part = user_data;

  /* Namespace slips and the like are recoverable: only a fatal error (the
   * XML is not well-formed) stops the reader. */
  if (part->xml_error_code != XML_ERR_OK || xml_error->level != XML_ERR_FATAL)
    return;
  part->xml_error_code = xml_error->code;
  part->xml_error_line = xml_error->line;
  part->xml_error_message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : ""));
}

CgXlsxPart *
cg_xlsx_part_open (zip_t       *zip,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(CgXlsxPart) part = g_new0 (CgXlsxPart, 1);
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
int
cg_xlsx_part_next (CgXlsxPart  *part,
                   GError     **error)
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

gboolean
cg_xlsx_part_next_attribute (CgXlsxPart *part,
                             CgXlsxAttr *attr)
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
/* Values                                                                 */

/* OOXML writes characters XML cannot carry as "_xHHHH_" (Excel: "_x000D_"
 * for a carriage return); "_x005F_" escapes an underscore.  Decodes in
 * place — the UTF-8 is never longer than the escape — and returns the new
 * length. */
gsize
cg_xlsx_unescape (char  *text,
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
gboolean
cg_xlsx_part_append_text (CgXlsxPart  *part,
                          GString     *buffer,
                          gsize        start,
                          GError     **error)
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

gboolean
cg_xlsx_parse_uint (const char *text,
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
