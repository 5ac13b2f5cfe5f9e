/* cg-test-util.h — what several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deletes @path and everything below it (a test's temporary folder, with
 * the database, its -wal/-shm files and its backups folder). */
void cg_test_remove_tree (const char *path);

G_END_DECLS
