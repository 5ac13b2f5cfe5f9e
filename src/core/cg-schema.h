/* cg-schema.h — the ordered list of schema migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Migration i (1-based) brings the schema from user_version i-1 to i. */
typedef struct {
  int         version;
  const char *sql;
} CgMigration;

const CgMigration *cg_schema_get_migrations (guint *n_migrations);

G_END_DECLS
