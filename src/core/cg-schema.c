/* cg-schema.c — schema migrations, applied in order under PRAGMA user_version.
 *
 * Design notes that the rest of core relies on:
 *  - Times are UTC epoch seconds; grouping converts to the business time zone.
 *  - Phone numbers are stored as a keyed hash (64-bit, from HMAC-SHA256 with a
 *    per-database random key) and a masked form; the full number only when
 *    the keep_full_numbers setting is on.
 *  - calls has one index besides its rowid, the unique natural key, which
 *    starts with the call's start time so that time-ordered logs insert at
 *    the end of the index.  Every extra index on a random key costs about
 *    as much as the whole table insert; per-number questions (repeat
 *    calls, do-not-call, survey links) join small tables to calls instead.
 *  - Rows of one import batch get consecutive ids (imports are serialised by
 *    the write lock), so batches record their id range and deletion needs no
 *    extra index on batch_id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-schema.h"

static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  /* A per-database key for phone hashes: sqlite's randomness comes from the OS. */
  "INSERT INTO settings (key, value) VALUES ('phone_hash_key', lower(hex(randomblob(32))));"

  /* AUTOINCREMENT: a deleted batch's number is never given to another. */
  "CREATE TABLE batches ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind          TEXT NOT NULL,"
  "  file_name     TEXT NOT NULL,"
  "  sha256        TEXT,"
  "  created_at    INTEGER NOT NULL,"
  "  preset        TEXT,"
  "  encoding      TEXT,"
  "  rows_read     INTEGER NOT NULL DEFAULT 0,"
  "  rows_imported INTEGER NOT NULL DEFAULT 0,"
  "  rows_skipped  INTEGER NOT NULL DEFAULT 0,"
  "  duplicates    INTEGER NOT NULL DEFAULT 0,"
  "  first_row_id  INTEGER,"
  "  last_row_id   INTEGER"
  ");"
  "CREATE INDEX batches_sha256 ON batches (sha256);"

  "CREATE TABLE calls ("
  "  id           INTEGER PRIMARY KEY,"
  /* No foreign key here: a cascade would scan all calls for each batch
   * delete; cg_store_delete_batch removes them by the batch's id range. */
  "  batch_id     INTEGER NOT NULL,"
  "  natural_key  INTEGER NOT NULL,"
  "  call_uid     TEXT,"
  "  start_ts     INTEGER NOT NULL,"
  "  answer_ts    INTEGER,"
  "  end_ts       INTEGER,"
  "  ring_s       INTEGER,"
  "  talk_s       INTEGER NOT NULL DEFAULT 0,"
  "  duration_s   INTEGER,"
  "  outcome      INTEGER NOT NULL,"
  "  outcome_raw  TEXT,"
  "  agent_id     TEXT,"
  "  agent_name   TEXT,"
  "  line         TEXT,"
  "  phone_hash   INTEGER,"
  "  phone_masked TEXT,"
  "  phone_full   TEXT,"
  "  phone_kind   INTEGER NOT NULL DEFAULT 0,"
  "  list         TEXT,"
  "  campaign     TEXT,"
  "  segment      TEXT,"
  "  disposition  INTEGER NOT NULL DEFAULT 0,"
  "  sale_amount  REAL"
  ");"
  "CREATE UNIQUE INDEX calls_natural_key ON calls (natural_key);"

  "CREATE TABLE survey_responses ("
  "  id           INTEGER PRIMARY KEY,"
  "  batch_id     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  natural_key  INTEGER NOT NULL UNIQUE,"
  "  submitted_ts INTEGER,"
  "  channel      TEXT,"
  "  agent_id     TEXT,"
  "  phone_hash   INTEGER,"
  "  phone_masked TEXT,"
  "  phone_full   TEXT"
  ");"
  "CREATE INDEX survey_responses_batch ON survey_responses (batch_id);"
  "CREATE TABLE survey_questions ("
  "  id        INTEGER PRIMARY KEY,"
  "  batch_id  INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL,"
  "  title     TEXT NOT NULL,"
  "  dimension TEXT NOT NULL,"
  "  scale_min REAL,"
  "  scale_max REAL"
  ");"
  "CREATE INDEX survey_questions_batch ON survey_questions (batch_id);"
  "CREATE TABLE survey_answers ("
  "  response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,"
  "  question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,"
  "  value       REAL,"
  "  text        TEXT,"
  "  PRIMARY KEY (response_id, question_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX survey_answers_question ON survey_answers (question_id);"

  "CREATE TABLE complaints ("
  "  id           INTEGER PRIMARY KEY,"
  "  batch_id     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  natural_key  INTEGER NOT NULL UNIQUE,"
  "  ts           INTEGER NOT NULL,"
  "  phone_hash   INTEGER,"
  "  phone_masked TEXT,"
  "  phone_full   TEXT,"
  "  agent_id     TEXT,"
  "  list         TEXT,"
  "  category     TEXT,"
  "  text         TEXT"
  ");"
  "CREATE INDEX complaints_batch ON complaints (batch_id);"

  /* Do-not-call entries: from an imported list, or from a call whose
   * disposition was a do-not-call request (source 'call').  Each carries
   * its batch, so undoing an import removes exactly what it brought, and a
   * request recorded by another batch survives. */
  "CREATE TABLE dnc ("
  "  id           INTEGER PRIMARY KEY,"
  "  batch_id     INTEGER REFERENCES batches (id) ON DELETE CASCADE,"
  "  phone_hash   INTEGER NOT NULL,"
  "  phone_masked TEXT,"
  "  added_ts     INTEGER NOT NULL,"
  "  source       TEXT NOT NULL,"
  "  UNIQUE (phone_hash, source, batch_id)"
  ");"
  "CREATE INDEX dnc_batch ON dnc (batch_id);"

  "CREATE TABLE scenarios ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE,"
  "  json       TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");";

/* Sums that answer the common questions without reading the calls (see
 * cg-aggregates.h).  Days are local day numbers (days since 1970-01-01 in
 * the business time zone); missing lines and lists are ''.  The store
 * fills them from the existing calls right after this migration. */
static const char migration_2[] =
  "CREATE TABLE agg_day ("
  "  day               INTEGER NOT NULL,"
  "  line              TEXT NOT NULL,"
  "  list              TEXT NOT NULL,"
  "  outcome           INTEGER NOT NULL,"
  "  disposition       INTEGER NOT NULL,"
  "  calls             INTEGER NOT NULL,"
  "  talk_s            INTEGER NOT NULL,"
  "  short_calls       INTEGER NOT NULL,"
  "  revenue           REAL NOT NULL,"
  "  sales_with_amount INTEGER NOT NULL,"
  "  PRIMARY KEY (day, line, list, outcome, disposition)"
  ") WITHOUT ROWID;"
  "CREATE TABLE agg_hour ("
  "  day         INTEGER NOT NULL,"
  "  hour        INTEGER NOT NULL,"
  "  line        TEXT NOT NULL,"
  "  list        TEXT NOT NULL,"
  "  calls       INTEGER NOT NULL,"
  "  connected   INTEGER NOT NULL,"
  "  talk_s      INTEGER NOT NULL,"
  "  short_calls INTEGER NOT NULL,"
  "  PRIMARY KEY (day, hour, line, list)"
  ") WITHOUT ROWID;"
  /* Sales are a few in a hundred calls: this small index finds new
   * customers (a sale with no earlier sale) without reading every call. */
  "CREATE INDEX calls_sales ON calls (phone_hash, start_ts) WHERE outcome = 1 AND disposition = 1;";

/* Call quality as dialers and SaaS exports report it (NULL when the log
 * has no such column).  A recording is kept as a flag, not its file name:
 * FreePBX names recordings after the dialled number, which must not be
 * stored in full.  agg_hour gains the line failures so that incident
 * detection (cg-incidents.c) reads the sums, not every call; the store
 * rebuilds the sums right after this migration. */
static const char migration_3[] =
  "ALTER TABLE calls ADD COLUMN mos REAL;"
  "ALTER TABLE calls ADD COLUMN packet_loss_pct REAL;"
  "ALTER TABLE calls ADD COLUMN jitter_ms REAL;"
  "ALTER TABLE calls ADD COLUMN has_recording INTEGER;"
  "ALTER TABLE agg_hour ADD COLUMN line_failures INTEGER NOT NULL DEFAULT 0;";
/* Customer feedback texts (one row per comment) and the user's edits of
 * the theme lexicons (see cg-themes.h).  Built-in terms live in code; a
 * row with removed = 1 hides one of them, removed = 0 adds a term. */
static const char migration_4[] =
  "CREATE TABLE feedback ("
  "  id           INTEGER PRIMARY KEY,"
  "  batch_id     INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,"
  "  natural_key  INTEGER NOT NULL UNIQUE,"
  "  ts           INTEGER NOT NULL,"
  "  channel      TEXT,"
  "  text         TEXT NOT NULL,"
  "  rating       REAL,"
  "  rating_scale INTEGER,"
  "  phone_hash   INTEGER,"
  "  phone_masked TEXT,"
  "  phone_full   TEXT,"
  "  agent_id     TEXT"
  ");"
  "CREATE INDEX feedback_batch ON feedback (batch_id);"
  "CREATE INDEX feedback_ts ON feedback (ts);"
  "CREATE TABLE theme_terms ("
  "  theme   TEXT NOT NULL,"
  "  term    TEXT NOT NULL,"
  "  removed INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (theme, term)"
  ") WITHOUT ROWID;";
/* Retention (cg-purge.c).  Each purge records its cutoff; the period before
 * the latest one is closed: its calls' sums stay in agg_day/agg_hour while
 * the rows are gone, so a call inserted there again (re-importing an old
 * file) would be counted twice.  The trigger skips such rows, which the
 * writer then counts as duplicates. */
static const char migration_5[] =
  "CREATE TABLE purges ("
  "  id               INTEGER PRIMARY KEY,"
  "  before_ts        INTEGER NOT NULL,"
  "  purged_at        INTEGER NOT NULL,"
  "  calls            INTEGER NOT NULL,"
  "  survey_responses INTEGER NOT NULL,"
  "  complaints       INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER calls_closed_period BEFORE INSERT ON calls "
  "WHEN NEW.start_ts < (SELECT max(before_ts) FROM purges) "
  "BEGIN SELECT RAISE(IGNORE); END;";

static const CgMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
};

const CgMigration *
cg_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
