/* cg-cli-util.c — option parsing, JSON and table output for callgauge-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-aggregates.h"
#include "cg-cli.h"
#include "cg-summary.h"

G_DEFINE_QUARK (cg-cli-error-quark, cg_cli_error)

CgStore *
cg_cli_get_store (CgCli   *cli,
                  GError **error)
{
  if (cli->store == NULL)
    {
      g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : cg_store_default_path ();
      cli->store = cg_store_open (path, error);
    }
  return cli->store;
}

gboolean
cg_cli_parse (const char    *name,
              const char    *parameter_string,
              const char    *summary,
              GOptionEntry  *entries,
              int           *argc,
              char        ***argv,
              GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autofree char *prgname = g_strdup_printf ("callgauge-cli %s", name);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

void
cg_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  /* JSON is UTF-8 whatever the console's code page: write the bytes. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
cg_cli_print_builder (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  cg_cli_print_json (root);
}

char *
cg_cli_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
}

struct _CgCliTable
{
  guint      n_columns;
  GPtrArray *cells;  /* row-major, n_columns per row; the first row is the header */
};

CgCliTable *
cg_cli_table_new (guint n_columns,
                  ...)
{
  CgCliTable *table = g_new0 (CgCliTable, 1);
  va_list args;

  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);
  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (table->cells, g_strdup (va_arg (args, const char *)));
  va_end (args);
  return table;
}

void
cg_cli_table_add_row (CgCliTable *table,
                      ...)
{
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, g_strdup (va_arg (args, const char *)));
  va_end (args);
}

static guint
display_width (const char *s)
{
  guint width = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;
    }
  return width;
}

void
cg_cli_table_print (CgCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < table->cells->len; i++)
    widths[i % table->n_columns] = MAX (widths[i % table->n_columns],
                                        display_width (g_ptr_array_index (table->cells, i)));

  for (guint i = 0; i < table->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (table->cells, i);
      guint column = i % table->n_columns;

      g_string_append (line, cell);
      if (column + 1 < table->n_columns)
        for (guint pad = display_width (cell); pad < widths[column] + 2; pad++)
          g_string_append_c (line, ' ');
      else
        {
          g_print ("%s\n", line->str);
          g_string_truncate (line, 0);
        }
    }
}

void
cg_cli_table_free (CgCliTable *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

/* The period for figures taken from the data: --from/--to when given,
 * else the 90 days up to the last call. */
gboolean
cg_cli_parse_period (CgStore     *store,
                     const char  *from,
                     const char  *to,
                     gint64      *from_ts,
                     gint64      *to_ts,
                     GError     **error)
{
  *from_ts = 0;
  *to_ts = 0;
  return (from == NULL || cg_cli_parse_day (store, from, FALSE, from_ts, error)) &&
         (to == NULL || cg_cli_parse_day (store, to, TRUE, to_ts, error));
}

gboolean
cg_cli_data_period (CgStore     *store,
                    const char  *from,
                    const char  *to,
                    gint64      *from_ts,
                    gint64      *to_ts,
                    GError     **error)
{
  gint64 first_day_ts, end_of_last_day;

  /* From the day sums, not the calls: a quick answer on any size, and
   * whole days, which the sums then answer too. */
  if (!cg_aggregates_call_span (store, &first_day_ts, &end_of_last_day, error))
    return FALSE;
  if (to != NULL)
    {
      if (!cg_cli_parse_day (store, to, TRUE, to_ts, error))
        return FALSE;
    }
  else if (end_of_last_day == 0)
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("There are no calls to take figures from: import a call log first."));
      return FALSE;
    }
  else
    *to_ts = end_of_last_day;
  if (from != NULL)
    return cg_cli_parse_day (store, from, FALSE, from_ts, error);
  *from_ts = *to_ts - 90 * 86400;
  return TRUE;
}

void
cg_cli_print_names (const char         *member,
                    const char * const *names,
                    gboolean            json,
                    const char         *empty_hint)
{
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, member);
      json_builder_begin_array (b);
      for (guint i = 0; names[i] != NULL; i++)
        json_builder_add_string_value (b, names[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cg_cli_print_json (root);
    }
  else if (names[0] == NULL)
    g_print ("%s\n", empty_hint);
  else
    for (guint i = 0; names[i] != NULL; i++)
      g_print ("%s\n", names[i]);
}

gboolean
cg_cli_dispatch (CgCli              *cli,
                 int                 argc,
                 char              **argv,
                 const CgCliCommand *verbs,
                 guint               n_verbs,
                 const char         *usage,
                 GError            **error)
{
  const char *verb = argc >= 2 ? argv[1] : NULL;

  if (verb != NULL && (g_str_equal (verb, "--help") || g_str_equal (verb, "-h")))
    {
      g_print ("%s\n", usage);
      return TRUE;
    }
  for (guint i = 0; verb != NULL && i < n_verbs; i++)
    if (g_str_equal (verb, verbs[i].name))
      return verbs[i].run (cli, argc - 1, argv + 1, error);
  g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE, "%s", usage);
  return FALSE;
}

void
cg_cli_filter_options_clear (CgCliFilterOptions *o)
{
  g_free (o->by);
  g_free (o->from);
  g_free (o->to);
  g_free (o->line);
  g_free (o->agent);
  g_free (o->list);
}

gboolean
cg_cli_make_filter (CgStore             *store,
                    CgCliFilterOptions  *o,
                    CgFilter            *filter,
                    GError             **error)
{
  memset (filter, 0, sizeof *filter);
  if (o->from != NULL && !cg_cli_parse_day (store, o->from, FALSE, &filter->from_ts, error))
    return FALSE;
  if (o->to != NULL && !cg_cli_parse_day (store, o->to, TRUE, &filter->to_ts, error))
    return FALSE;
  filter->line = o->line;
  filter->agent = o->agent;
  filter->list = o->list;
  return TRUE;
}

static void
set_name (JsonBuilder *b,
          const char  *name)
{
  if (name != NULL)  /* NULL: an array element, or the name is already set */
    json_builder_set_member_name (b, name);
}

void
cg_cli_json_add_int (JsonBuilder *b,
                     const char  *name,
                     gint64       value)
{
  set_name (b, name);
  json_builder_add_int_value (b, value);
}

void
cg_cli_json_add_string (JsonBuilder *b,
                        const char  *name,
                        const char  *value)
{
  set_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cg_cli_json_add_double (JsonBuilder *b,
                        const char  *name,
                        double       value)
{
  cg_cli_json_add_double_if (b, name, TRUE, value);
}

void
cg_cli_json_add_double_if (JsonBuilder *b,
                           const char  *name,
                           gboolean     has,
                           double       value)
{
  set_name (b, name);
  if (has && isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cg_cli_json_add_id (JsonBuilder *b,
                    const char  *name,
                    gint64       id)
{
  set_name (b, name);
  if (id != 0)
    json_builder_add_int_value (b, id);
  else
    json_builder_add_null_value (b);
}

void
cg_cli_json_add_pair (JsonBuilder *b,
                      const char  *name,
                      double       a,
                      double       z)
{
  set_name (b, name);
  json_builder_begin_array (b);
  json_builder_add_double_value (b, a);
  json_builder_add_double_value (b, z);
  json_builder_end_array (b);
}

void
cg_cli_add_filter_json (JsonBuilder        *b,
                        CgCliFilterOptions *o)
{
  const char *names[] = { "from", "to", "line", "agent", "list" };
  const char *values[] = { o->from, o->to, o->line, o->agent, o->list };

  json_builder_set_member_name (b, "filter");
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (b, names[i]);
      if (values[i])
        json_builder_add_string_value (b, values[i]);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
}

void
cg_cli_add_interval_json (JsonBuilder      *b,
                          const char       *member,
                          const char       *ci_member,
                          const CgInterval *interval)
{
  json_builder_set_member_name (b, member);
  if (interval != NULL)
    json_builder_add_double_value (b, interval->estimate);
  else
    json_builder_add_null_value (b);
  if (ci_member == NULL)
    return;
  json_builder_set_member_name (b, ci_member);
  if (interval != NULL)
    {
      json_builder_begin_array (b);
      json_builder_add_double_value (b, interval->lower);
      json_builder_add_double_value (b, interval->upper);
      json_builder_end_array (b);
    }
  else
    json_builder_add_null_value (b);
}

gboolean
cg_cli_parse_by (const char  *by,
                 CgDimension  default_by,
                 CgDimension *dimension,
                 GError     **error)
{
  if (by == NULL)
    {
      *dimension = default_by;
      return TRUE;
    }
  if (!cg_dimension_from_string (by, dimension))
    {
      g_set_error (error, CG_CLI_ERROR, CG_CLI_ERROR_USAGE,
                   _("--by must be total, day, week, month, quarter, line, agent, list, campaign, segment, hour, weekday, hour-weekday or outcome, not “%s”."),
                   by);
      return FALSE;
    }
  return TRUE;
}
