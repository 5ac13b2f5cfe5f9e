/* cg-cli.h — shared pieces of callgauge-cli's subcommands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cg-analytics.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_CLI_ERROR (cg_cli_error_quark ())
typedef enum {
  CG_CLI_ERROR_USAGE,
} CgCliError;
GQuark cg_cli_error_quark (void);

typedef struct {
  char    *db_path;  /* NULL: the default database */
  CgStore *store;    /* opened on first use */
} CgCli;

typedef gboolean (*CgCliRunFunc) (CgCli   *cli,
                                  int      argc,
                                  char   **argv,
                                  GError **error);

typedef struct {
  const char   *name;
  const char   *summary;  /* translatable, marked with N_() */
  CgCliRunFunc  run;
} CgCliCommand;

CgStore *cg_cli_get_store (CgCli       *cli,
                           GError     **error);

/* Parses a subcommand's options; @argv[0] is the subcommand's name. */
gboolean cg_cli_parse     (const char  *name,
                           const char  *parameter_string,
                           const char  *summary,
                           GOptionEntry *entries,
                           int         *argc,
                           char      ***argv,
                           GError     **error);

/* Writes @node as pretty JSON (UTF-8) to standard output. */
void     cg_cli_print_json (JsonNode   *node);

/* A text table with columns aligned by display width (CJK counts double). */
typedef struct _CgCliTable CgCliTable;
CgCliTable *cg_cli_table_new      (guint        n_columns,
                                   ...);
void        cg_cli_table_add_row  (CgCliTable  *table,
                                   ...);
void        cg_cli_table_print    (CgCliTable  *table);
void        cg_cli_table_free     (CgCliTable  *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgCliTable, cg_cli_table_free)

char    *cg_cli_format_time (gint64 unix_seconds);

/* Options every analysis takes: --by (where it applies), --from, --to,
 * --line, --agent, --list and --json. */
typedef struct {
  char     *by;
  char     *from;
  char     *to;
  char     *line;
  char     *agent;
  char     *list;
  gboolean  json;
} CgCliFilterOptions;

#define CG_CLI_FILTER_ENTRIES(o) \
  { "from", 0, 0, G_OPTION_ARG_STRING, &(o).from, N_("First day"), N_("YYYY-MM-DD") }, \
  { "to", 0, 0, G_OPTION_ARG_STRING, &(o).to, N_("Last day"), N_("YYYY-MM-DD") }, \
  { "line", 0, 0, G_OPTION_ARG_STRING, &(o).line, N_("Only this line"), N_("LINE") }, \
  { "agent", 0, 0, G_OPTION_ARG_STRING, &(o).agent, N_("Only this agent"), N_("AGENT") }, \
  { "list", 0, 0, G_OPTION_ARG_STRING, &(o).list, N_("Only this number list"), N_("LIST") }, \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(o).json, N_("Write JSON"), NULL }

/* --by with the 14 slices of cg-analytics.h. */
#define CG_CLI_BY_ENTRY(o) \
  { "by", 0, 0, G_OPTION_ARG_STRING, &(o).by, N_("Slice by total, day, week, month, quarter, line, agent, list, campaign, segment, hour, weekday, hour-weekday or outcome"), N_("DIMENSION") }

/* The slice --by names; @default_by without --by. */
gboolean cg_cli_parse_by             (const char          *by,
                                      CgDimension          default_by,
                                      CgDimension         *dimension,
                                      GError             **error);

void     cg_cli_filter_options_clear (CgCliFilterOptions  *o);
/* The days of --from/--to in the business time zone; --to is inclusive. */
gboolean cg_cli_make_filter          (CgStore             *store,
                                      CgCliFilterOptions  *o,
                                      CgFilter            *filter,
                                      GError             **error);
/* "filter": {from, to, line, agent, list} with nulls for what is unset. */
void     cg_cli_add_filter_json      (JsonBuilder         *b,
                                      CgCliFilterOptions  *o);

/* "@member": estimate and "@ci_member": [lower, upper] (skipped when
 * @ci_member is NULL); both null when @interval is NULL (undefined). */
void     cg_cli_add_interval_json    (JsonBuilder         *b,
                                      const char          *member,
                                      const char          *ci_member,
                                      const CgInterval    *interval);

/* {"@member": [names]} with --json, else one name a line, or @empty_hint. */
void     cg_cli_print_names (const char         *member,
                             const char * const *names,
                             gboolean            json,
                             const char         *empty_hint);

/* Runs the verb in @verbs that @argv[1] names (with argv[1] as its argv[0]);
 * --help prints @usage; anything else is a usage error. */
gboolean cg_cli_dispatch    (CgCli              *cli,
                             int                 argc,
                             char              **argv,
                             const CgCliCommand *verbs,
                             guint               n_verbs,
                             const char         *usage,
                             GError            **error);

gboolean cg_cli_backup       (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_batches      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_batch_delete (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_demo         (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_import       (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_presets      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_scenario     (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_scorecard    (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_settings     (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_roi          (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats        (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_compare      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_best_times   (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_funnel (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_compliance   (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_quality (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_lines   (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_contact (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_import_surveys          (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_import_complaints       (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_satisfaction      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_reliability       (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_satisfaction_link (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_complaints        (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_compare_satisfaction    (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_incidents     (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_call_quality (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_forecast      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_import_feedback (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_stats_themes  (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_themes        (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_findings      (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_purge         (CgCli *cli, int argc, char **argv, GError **error);
gboolean cg_cli_export        (CgCli *cli, int argc, char **argv, GError **error);

/* "2026-09-30" as the start (or, with @end_of_day, the end) of that day in
 * the business time zone. */
gboolean cg_cli_parse_day    (CgStore     *store,
                              const char  *text,
                              gboolean     end_of_day,
                              gint64      *ts,
                              GError     **error);
gboolean cg_cli_data_period  (CgStore     *store,
                              const char  *from,
                              const char  *to,
                              gint64      *from_ts,
                              gint64      *to_ts,
                              GError     **error);

G_END_DECLS
