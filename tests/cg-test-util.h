/* cg-test-util.h — what several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* test-chart links the chart library alone: it sees no core headers and
 * gets only the GLib helpers. */
#if __has_include ("cg-store.h")
#define CG_TEST_WITH_CORE 1
#include <json-glib/json-glib.h>
#include "cg-call-writer.h"
#include "cg-store.h"
#endif

G_BEGIN_DECLS

/* Deletes @path and everything below it (a test's temporary folder, with
 * the database, its -wal/-shm files and its backups folder). */
void cg_test_remove_tree (const char *path);

/* Writes @length bytes of @data (-1: up to the NUL) to @dir/@name and
 * returns the file's path. */
char *cg_test_write_file (const char *dir,
                          const char *name,
                          const char *data,
                          gssize      length);

/* The Unix time of an ISO 8601 instant with its offset, read by GLib. */
gint64 cg_test_ts (const char *iso);

#ifdef CG_TEST_WITH_CORE

/* A fresh store in a temporary folder of its own. */
typedef struct {
  char    *dir;
  char    *path;   /* the database file */
  CgStore *store;
} CgTestStore;

/* Set-up and tear-down for g_test_add(): the store keeps its default
 * time zone. */
void cg_test_store_set_up (CgTestStore   *f,
                           gconstpointer  data);
/* The same with the time_zone setting written as Asia/Shanghai. */
void cg_test_store_set_up_beijing (CgTestStore   *f,
                                   gconstpointer  data);
void cg_test_store_tear_down (CgTestStore   *f,
                              gconstpointer  data);

/* Adds @call through @writer, failing the test unless the writer takes
 * it; returns whether it was added or a duplicate. */
CgCallAddResult cg_test_add_call (CgCallWriter *writer,
                                  const CgCall *call);

/* The first column of the first row of @sql, read from @db_path on a
 * read-only connection of the test's own (not through CgStore): -1, NAN or
 * NULL when there is no row. */
gint64 cg_test_sql_int (const char *db_path,
                        const char *sql);
double cg_test_sql_double (const char *db_path,
                           const char *sql);
char *cg_test_sql_text (const char *db_path,
                        const char *sql);
/* Runs @sql on a writable connection of the test's own. */
void cg_test_sql_exec (const char *db_path,
                       const char *sql);

/* What callgauge-cli ($CALLGAUGE_CLI) wrote and its exit status. */
typedef struct {
  int   status;
  char *out;
  char *err;
} CgTestRun;

void cg_test_run_clear (CgTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CgTestRun, cg_test_run_clear)
/* Runs callgauge-cli with the NULL-terminated arguments. */
CgTestRun cg_test_run_cli (const char *first,
                           ...) G_GNUC_NULL_TERMINATED;
/* The same in @envp (NULL: the test's own), with `--db @db` first unless
 * @db is NULL. */
CgTestRun cg_test_run_cli_v (char      **envp,
                             const char *db,
                             const char *first,
                             va_list     args);
/* Runs callgauge-cli, fails the test unless it succeeds, and parses what
 * it printed as JSON. */
JsonNode *cg_test_run_cli_json (const char *first,
                                ...) G_GNUC_NULL_TERMINATED;
JsonNode *cg_test_run_cli_json_v (const char *db,
                                  const char *first,
                                  va_list     args);

#endif

G_END_DECLS
