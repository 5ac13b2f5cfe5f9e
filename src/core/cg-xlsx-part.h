/* cg-xlsx-part.h — the zip archive of an XLSX workbook and its XML parts.
 *
 * Private to core: only the XLSX reader's own files (cg-reader-xlsx.c and
 * cg-xlsx-*.c) include it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

G_BEGIN_DECLS

/* One XML part of the archive, read through libxml2.  The reader's progress
 * reads size and consumed; only cg-xlsx-part.c writes any field. */
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
} CgXlsxPart;

/* The attributes of the current element, one by one:
 *
 *   CgXlsxAttr attr = { 0 };
 *   while (cg_xlsx_part_next_attribute (part, &attr))
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
} CgXlsxAttr;

/* Replaces *@field with a copy of @value, e.g. of a CgXlsxAttr's value,
 * which lasts only until the next attribute (g_set_str() is GLib 2.76). */
static inline void
cg_xlsx_set_str (char       **field,
                 const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Opens the workbook at @path as a zip archive. */
/* A libzip source for the file at @path (UTF-8 on every platform). */
zip_source_t *cg_xlsx_path_source       (const char  *path,
                                         zip_error_t *zip_error);
zip_t      *cg_xlsx_open_zip            (const char  *path,
                                         GError     **error);
/* Whether the archive holds the part @name (case-insensitive, as in OOXML). */
gboolean    cg_xlsx_has_part            (zip_t       *zip,
                                         const char  *name);
/* Opens the XML part @name after checking its sizes against zip bombs. */
CgXlsxPart *cg_xlsx_part_open           (zip_t       *zip,
                                         const char  *name,
                                         GError     **error);
void        cg_xlsx_part_free           (CgXlsxPart  *part);
/* Advances to the next node: its xmlReaderTypes value, 0 at the end of the
 * part, or -1 with @error set (unsafe, too deep, or not well-formed). */
int         cg_xlsx_part_next           (CgXlsxPart  *part,
                                         GError     **error);
/* Steps through the attributes of the current element; see CgXlsxAttr. */
gboolean    cg_xlsx_part_next_attribute (CgXlsxPart  *part,
                                         CgXlsxAttr  *attr);
/* Appends the text of the current node to @buffer, whose text from @start
 * on is one cell: fails once that passes CG_READER_MAX_CELL_BYTES. */
gboolean    cg_xlsx_part_append_text    (CgXlsxPart  *part,
                                         GString     *buffer,
                                         gsize        start,
                                         GError     **error);

/* Decodes OOXML's "_xHHHH_" escapes in place; returns the new length. */
gsize       cg_xlsx_unescape            (char        *text,
                                         gsize        length);
/* Parses plain decimal digits, failing above @max. */
gboolean    cg_xlsx_parse_uint          (const char  *text,
                                         guint64      max,
                                         guint64     *value);

/* Local name of the current node. */
static inline const char *
cg_xlsx_part_node_name (CgXlsxPart *part)
{
  return (const char *) xmlTextReaderConstLocalName (part->xml);
}

/* Whether the current element is written <empty/>: no end element follows. */
static inline gboolean
cg_xlsx_part_is_empty (CgXlsxPart *part)
{
  return xmlTextReaderIsEmptyElement (part->xml) == 1;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgXlsxPart, cg_xlsx_part_free)

G_END_DECLS
