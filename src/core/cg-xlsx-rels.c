/* cg-xlsx-rels.c — relationships between the parts of an XLSX package.
 *
 * Parts find each other through relationships: "_rels/.rels" names the
 * workbook part, and the workbook's own relationships name its sheets,
 * shared strings and styles.  Writers other than Excel lay the package out
 * their own way, so the names come from here, resolved against the folder
 * of the part that holds the relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-xlsx-part.h"
#include "cg-xlsx-rels.h"

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

void
cg_xlsx_rel_free (CgXlsxRel *rel)
{
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

gboolean
cg_xlsx_read_rels (zip_t       *zip,
                   const char  *part_name,
                   GPtrArray   *rels,
                   GError     **error)
{
  g_autofree char *rels_name = xlsx_rels_name (part_name);
  g_autofree char *base_dir = xlsx_part_dir (part_name);
  g_autoptr(CgXlsxPart) part = NULL;
  int type;

  if (!cg_xlsx_has_part (zip, rels_name))
    return TRUE;
  part = cg_xlsx_part_open (zip, rels_name, error);
  if (part == NULL)
    return FALSE;

  while ((type = cg_xlsx_part_next (part, error)) > 0)
    {
      g_autofree char *id = NULL, *rel_type = NULL, *target = NULL;
      gboolean external = FALSE;
      CgXlsxAttr attr = { 0 };
      CgXlsxRel *rel;

      if (type != XML_READER_TYPE_ELEMENT ||
          strcmp (cg_xlsx_part_node_name (part), "Relationship") != 0)
        continue;
      while (cg_xlsx_part_next_attribute (part, &attr))
        {
          if (attr.prefixed)
            continue;
          if (strcmp (attr.name, "Id") == 0)
            cg_xlsx_set_str (&id, attr.value);
          else if (strcmp (attr.name, "Type") == 0)
            cg_xlsx_set_str (&rel_type, attr.value);
          else if (strcmp (attr.name, "Target") == 0)
            cg_xlsx_set_str (&target, attr.value);
          else if (strcmp (attr.name, "TargetMode") == 0)
            external = strcmp (attr.value, "External") == 0;
        }
      if (id == NULL || rel_type == NULL || target == NULL || external)
        continue;
      rel = g_new0 (CgXlsxRel, 1);
      rel->id = g_steal_pointer (&id);
      rel->type = g_steal_pointer (&rel_type);
      rel->target = xlsx_resolve_target (base_dir, target);
      g_ptr_array_add (rels, rel);
    }
  return type == 0;
}

/* Relationship types differ between Transitional and Strict OOXML only in
 * their prefix: match the last path segment. */
gboolean
cg_xlsx_rel_is (const CgXlsxRel *rel,
                const char      *kind)
{
  const char *slash = strrchr (rel->type, '/');

  return slash != NULL && strcmp (slash + 1, kind) == 0;
}

const CgXlsxRel *
cg_xlsx_find_rel (GPtrArray  *rels,
                  const char *id,
                  const char *kind)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const CgXlsxRel *rel = g_ptr_array_index (rels, i);

      if ((id == NULL || strcmp (rel->id, id) == 0) && (kind == NULL || cg_xlsx_rel_is (rel, kind)))
        return rel;
    }
  return NULL;
}
