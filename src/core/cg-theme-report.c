/* cg-theme-report.c — theme shares of customer texts by slice and period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-lexicon.h"
#include "cg-local-time.h"
#include "cg-phone.h"
#include "cg-sentiment.h"
#include "cg-stats.h"
#include "cg-store-private.h"
#include "cg-theme-report.h"
#include "cg-themes.h"

#define N_EXAMPLES 3
#define MAX_UNASSIGNED 30
/* Longer repeated phrases than this are cut into pieces of this length. */
#define MAX_PHRASE_CHARS 8

static const char *const by_ids[CG_THEME_N_BY] = { "total", "month", "channel", "agent", "list" };

gboolean
cg_text_source_from_string (const char   *id,
                            CgTextSource *source)
{
  static const struct { const char *id; CgTextSource source; } sources[] = {
    { "feedback", CG_TEXT_SOURCE_FEEDBACK }, { "surveys", CG_TEXT_SOURCE_SURVEYS },
    { "complaints", CG_TEXT_SOURCE_COMPLAINTS }, { "all", CG_TEXT_SOURCE_ALL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (id, sources[i].id) == 0)
      {
        *source = sources[i].source;
        return TRUE;
      }
  return FALSE;
}

gboolean
cg_theme_by_from_string (const char *id,
                         CgThemeBy  *by)
{
  for (guint i = 0; i < CG_THEME_N_BY; i++)
    if (g_strcmp0 (id, by_ids[i]) == 0)
      {
        *by = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_theme_by_to_string (CgThemeBy by)
{
  g_return_val_if_fail (by < CG_THEME_N_BY, NULL);
  return by_ids[by];
}

static void
theme_row_free (CgThemeRow *row)
{
  g_free (row->key);
  g_free (row->theme);
  g_free (row->label);
  g_strfreev (row->examples);
  g_free (row);
}

static void
term_count_free (CgTermCount *term)
{
  g_free (term->term);
  g_free (term);
}

void
cg_theme_report_free (CgThemeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_clear_pointer (&report->unassigned, g_ptr_array_unref);
  g_free (report);
}

/* ---- masking numbers ------------------------------------------------------ */

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)  /* full-width digits */
    return (int) (c - 0xFF10);
  return -1;
}

char *
cg_text_mask_numbers (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *run_end = p, *q = p;
      char digits[64];
      guint n = 0;

      /* A run: digits, with single spaces or dashes between them. */
      while (*q && digit_value (g_utf8_get_char (q)) >= 0)
        {
          if (n < sizeof digits - 1)
            digits[n++] = (char) ('0' + digit_value (g_utf8_get_char (q)));
          q = g_utf8_next_char (q);
          run_end = q;
          if ((*q == ' ' || *q == '-') && digit_value (g_utf8_get_char (q + 1)) >= 0)
            q++;
        }
      digits[n] = '\0';
      if (n >= 7)
        {
          char masked[CG_PHONE_MAX_DIGITS + 1];

          digits[MIN (n, CG_PHONE_MAX_DIGITS)] = '\0';
          cg_phone_mask (digits, masked);
          g_string_append (out, masked);
          p = run_end;
        }
      else if (run_end != p)
        {
          g_string_append_len (out, p, run_end - p);
          p = run_end;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- texts ----------------------------------------------------------------- */

typedef struct {
  gint64   texts;
  gint64   previous_texts;
  gint64  *mentions;           /* per theme */
  gint64  *negative;
  gint64  *previous_mentions;
  GPtrArray **examples;        /* per theme: char * */
} Group;

typedef struct {
  guint       n_themes;
  GHashTable *groups;          /* key → Group * */
} Tally;

static void
group_free (Group *g,
            guint  n_themes)
{
  for (guint t = 0; t < n_themes; t++)
    g_ptr_array_unref (g->examples[t]);
  g_free (g->examples);
  g_free (g->mentions);
  g_free (g->negative);
  g_free (g->previous_mentions);
  g_free (g);
}

static Group *
tally_group (Tally      *tally,
             const char *key)
{
  Group *g = g_hash_table_lookup (tally->groups, key);

  if (g == NULL)
    {
      g = g_new0 (Group, 1);
      g->mentions = g_new0 (gint64, tally->n_themes);
      g->negative = g_new0 (gint64, tally->n_themes);
      g->previous_mentions = g_new0 (gint64, tally->n_themes);
      g->examples = g_new0 (GPtrArray *, tally->n_themes);
      for (guint t = 0; t < tally->n_themes; t++)
        g->examples[t] = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (tally->groups, g_strdup (key), g);
    }
  return g;
}

/* The numbers that wrote texts: the call log can be far larger, so only
 * these are looked up in it. */
static GHashTable *
load_text_phones (CgStore  *store,
                  GError  **error)
{
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store,
                           "SELECT phone_hash FROM feedback WHERE phone_hash IS NOT NULL"
                           " UNION SELECT phone_hash FROM survey_responses WHERE phone_hash IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hash = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (phones, g_memdup2 (&hash, sizeof hash));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "text phones");
      return NULL;
    }
  return g_steal_pointer (&phones);
}

/* The list of the latest call to each number that wrote a text: hash → list. */
static GHashTable *
load_phone_lists (CgStore  *store,
                  GError  **error)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) wanted = load_text_phones (store, error);
  sqlite3_stmt *stmt;
  int rc;

  if (wanted == NULL)
    return NULL;
  stmt = cg_store_prepare (store,
                           "SELECT phone_hash, list FROM calls"
                           " WHERE phone_hash IS NOT NULL AND list IS NOT NULL ORDER BY start_ts", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hash = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (wanted, &hash))
        continue;
      g_hash_table_replace (lists, g_memdup2 (&hash, sizeof hash),
                            g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "phone lists");
      return NULL;
    }
  return g_steal_pointer (&lists);
}

/* Chinese characters that begin or end no useful phrase, and particles
 * that no phrase contains. */
static gboolean
is_edge_stop (gunichar c)
{
  static const char stops[] = "的了是我你他她它们在就都也还很吗呢吧啊和与这那个一么着过把被给让呀哦嗯说有要会能不没什";
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);

  buf[n] = '\0';
  return strstr (stops, buf) != NULL;
}

static gboolean
is_inner_stop (gunichar c)
{
  return c == 0x7684 /* 的 */ || c == 0x5417 /* 吗 */ || c == 0x5462 /* 呢 */ || c == 0x5427 /* 吧 */ ||
         c == 0x554A /* 啊 */ || c == 0x4E86 /* 了 */;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean
is_english_stop (const char *word)
{
  static const char *const stops[] = {
    "the", "and", "for", "you", "your", "was", "are", "not", "but", "with", "this", "that", "have",
    "they", "from", "just", "very", "call", "calls", "called", "again", "can", "all", "get", "had",
    "has", "did", "our", "out", "one", "what", "when", "there", "their", "will", "would", "about",
    NULL
  };
  return g_strv_contains (stops, word);
}

/* Adds the uncovered phrases of one text to @seen (a set per text). */
static void
collect_phrases (const gunichar *chars,
                 glong           n,
                 const gboolean *covered,
                 GHashTable     *seen)
{
  for (glong i = 0; i < n; i++)
    {
      if (is_han (chars[i]))
        {
          for (glong len = 2; len <= MAX_PHRASE_CHARS && i + len <= n; len++)
            {
              gboolean ok = !is_edge_stop (chars[i]) && !is_edge_stop (chars[i + len - 1]);

              for (glong k = i; ok && k < i + len; k++)
                ok = is_han (chars[k]) && !covered[k] && !is_inner_stop (chars[k]);
              if (!ok)
                continue;
              g_hash_table_add (seen, g_ucs4_to_utf8 (chars + i, len, NULL, NULL, NULL));
            }
        }
      else if (chars[i] < 128 && g_ascii_isalpha (chars[i]) && (i == 0 || !(chars[i - 1] < 128 && g_ascii_isalpha (chars[i - 1]))))
        {
          glong end = i;
          gboolean ok = TRUE;

          while (end < n && chars[end] < 128 && g_ascii_isalpha (chars[end]))
            ok = ok && !covered[end++];
          if (ok && end - i >= 3)
            {
              char *word = g_ucs4_to_utf8 (chars + i, end - i, NULL, NULL, NULL);

              if (is_english_stop (word))
                g_free (word);
              else
                g_hash_table_add (seen, word);
            }
        }
    }
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const CgTermCount *x = *(CgTermCount **) a, *y = *(CgTermCount **) b;

  if (x->texts != y->texts)
    return x->texts > y->texts ? -1 : 1;
  return strcmp (x->term, y->term);
}

static GPtrArray *
frequent_phrases (GHashTable *counts,
                  gint64      texts)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) term_count_free);
  gint64 threshold = MAX (3, (gint64) ceil (0.02 * texts));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 count = GPOINTER_TO_SIZE (value);
      GHashTableIter inner;
      gpointer other, other_count;
      gboolean subsumed = FALSE;

      if (count < threshold)
        continue;
      /* A phrase inside a longer frequent one with as many texts adds nothing. */
      g_hash_table_iter_init (&inner, counts);
      while (!subsumed && g_hash_table_iter_next (&inner, &other, &other_count))
        subsumed = (gint64) GPOINTER_TO_SIZE (other_count) == count && strlen (other) > strlen (key) &&
                   strstr (other, key) != NULL;
      if (!subsumed)
        {
          CgTermCount *term = g_new0 (CgTermCount, 1);
          term->term = g_strdup (key);
          term->texts = count;
          g_ptr_array_add (out, term);
        }
    }
  g_ptr_array_sort (out, compare_terms);
  if (out->len > MAX_UNASSIGNED)
    g_ptr_array_set_size (out, MAX_UNASSIGNED);
  return out;
}

static const char *
channel_of (sqlite3_stmt *stmt,
            int           source)
{
  const char *channel = (const char *) sqlite3_column_text (stmt, 1);

  if (channel != NULL && *channel != '\0')
    return channel;
  return source == 1 ? _("Survey comment") : source == 2 ? _("Complaint") : _("Unknown");
}

static const char *
slice_key (CgThemeBy     by,
           sqlite3_stmt *stmt,
           int           source,
           GTimeZone    *tz,
           GHashTable   *phone_lists,
           char          month[8])
{
  const char *key = NULL;

  switch (by)
    {
    case CG_THEME_BY_MONTH:
      {
        CgLocalTime local;
        cg_local_time (tz, sqlite3_column_int64 (stmt, 0), &local);
        g_snprintf (month, 8, "%04d-%02d", local.year % 10000, local.month);
        return month;
      }
    case CG_THEME_BY_CHANNEL:
      return channel_of (stmt, source);
    case CG_THEME_BY_AGENT:
      key = (const char *) sqlite3_column_text (stmt, 2);
      break;
    case CG_THEME_BY_LIST:
      key = (const char *) sqlite3_column_text (stmt, 7);
      if (key == NULL && sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          gint64 hash = sqlite3_column_int64 (stmt, 6);
          key = g_hash_table_lookup (phone_lists, &hash);
        }
      break;
    case CG_THEME_BY_TOTAL:
    case CG_THEME_N_BY:
    default:
      return "";
    }
  return key != NULL && *key != '\0' ? key : _("Unknown");
}

static const char texts_sql[] =
  "SELECT ts, channel, agent_id, text, rating, rating_scale, phone_hash, NULL, 0 FROM feedback"
  "  WHERE (?1 & 1) AND ts >= ?2 AND ts < ?3"
  " UNION ALL "
  "SELECT r.submitted_ts, r.channel, r.agent_id, a.text, NULL, NULL, r.phone_hash, NULL, 1"
  "  FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id"
  "  JOIN survey_responses r ON r.id = a.response_id"
  "  WHERE (?1 & 2) AND q.dimension = 'comment' AND a.text IS NOT NULL AND trim (a.text) <> ''"
  "  AND r.submitted_ts >= ?2 AND r.submitted_ts < ?3"
  " UNION ALL "
  "SELECT ts, NULL, agent_id, text, NULL, NULL, phone_hash, list, 2 FROM complaints"
  "  WHERE (?1 & 4) AND text IS NOT NULL AND trim (text) <> '' AND ts >= ?2 AND ts < ?3"
  " ORDER BY 1 DESC";

typedef struct {
  CgThemeMatcher *matcher;
  Tally          *tally;
  GHashTable     *phrase_counts;  /* phrase → texts (current period) */
  CgThemeReport  *report;
} Scan;

static void
scan_text (Scan         *scan,
           sqlite3_stmt *stmt,
           const char   *key,
           gboolean      current)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 3);
  gboolean has_rating = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  int scale = sqlite3_column_type (stmt, 5) != SQLITE_NULL ? sqlite3_column_int (stmt, 5) : 5;
  CgSentiment sentiment = cg_sentiment_of_text (text, has_rating, sqlite3_column_double (stmt, 4), scale);
  glong n;
  g_autofree gunichar *chars = cg_lexicon_normalize (text, &n);
  g_autofree gboolean *covered = g_new0 (gboolean, n + 1);
  guint64 mask = cg_theme_matcher_match (scan->matcher, chars, n, covered);
  Group *g = tally_group (scan->tally, key);

  if (!current)
    {
      g->previous_texts++;
      scan->report->previous_texts++;
      for (guint t = 0; t < scan->tally->n_themes; t++)
        if (mask & (G_GUINT64_CONSTANT (1) << t))
          g->previous_mentions[t]++;
      return;
    }
  g->texts++;
  scan->report->texts++;
  if (sentiment == CG_SENTIMENT_NEGATIVE)
    scan->report->negative_texts++;
  for (guint t = 0; t < scan->tally->n_themes; t++)
    if (mask & (G_GUINT64_CONSTANT (1) << t))
      {
        g->mentions[t]++;
        if (sentiment == CG_SENTIMENT_NEGATIVE)
          g->negative[t]++;
        /* Rows come newest first: the first three are the newest. */
        if (g->examples[t]->len < N_EXAMPLES)
          g_ptr_array_add (g->examples[t], cg_text_mask_numbers (text));
      }

  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter iter;
    gpointer phrase;

    cg_sentiment_mark_words (chars, n, covered);
    collect_phrases (chars, n, covered, seen);
    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &phrase, NULL))
      {
        gpointer old = g_hash_table_lookup (scan->phrase_counts, phrase);
        g_hash_table_replace (scan->phrase_counts, g_strdup (phrase), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + 1));
      }
  }
}

static void
emit_rows (CgThemeReport *report,
           Tally         *tally,
           GPtrArray     *themes,
           gboolean       compare)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (tally->groups);

  keys = g_list_sort (keys, (GCompareFunc) g_utf8_collate);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      Group *g = g_hash_table_lookup (tally->groups, l->data);

      if (g->texts == 0)
        continue;  /* a slice seen only in the previous period */
      for (guint t = 0; t < tally->n_themes; t++)
        {
          const CgTheme *theme = g_ptr_array_index (themes, t);
          CgThemeRow *row = g_new0 (CgThemeRow, 1);
          CgProportionComparison cmp;

          row->key = g_strdup (l->data);
          row->theme = g_strdup (theme->id);
          row->label = g_strdup (theme->label);
          row->texts = g->texts;
          row->mentions = g->mentions[t];
          row->negative = g->negative[t];
          row->share = (double) row->mentions / row->texts;
          row->negative_share = row->mentions > 0 ? (double) row->negative / row->mentions : NAN;
          row->p_value = NAN;
          row->change = NAN;
          row->previous_share = NAN;
          row->has_previous = compare && g->previous_texts > 0;
          row->previous_texts = g->previous_texts;
          row->previous_mentions = g->previous_mentions[t];
          if (row->has_previous)
            {
              row->previous_share = (double) row->previous_mentions / row->previous_texts;
              row->change = row->share - row->previous_share;
              if (cg_stats_compare_proportions (row->mentions, row->texts, row->previous_mentions,
                                                row->previous_texts, CG_STATS_ALPHA, &cmp))
                row->p_value = cmp.p_value;
            }
          /* The strings go to the row; g_ptr_array_steal() would leave the
           * array itself behind. */
          g_ptr_array_add (g->examples[t], NULL);
          row->examples = (GStrv) g_ptr_array_free (g->examples[t], FALSE);
          g->examples[t] = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (report->rows, row);
        }
    }
}

CgThemeReport *
cg_theme_report_compute (CgStore       *store,
                         CgTextSource   source,
                         CgThemeBy      by,
                         gint64         from_ts,
                         gint64         to_ts,
                         GError       **error)
{
  g_autoptr(CgThemeReport) report = g_new0 (CgThemeReport, 1);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(CgThemeMatcher) matcher = NULL;
  g_autoptr(GHashTable) phone_lists = NULL;
  g_autoptr(GHashTable) phrase_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GTimeZone) tz = cg_store_get_time_zone (store);
  gboolean compare = from_ts != 0 && to_ts != 0 && to_ts > from_ts;
  gint64 scan_from = compare ? from_ts - (to_ts - from_ts) : (from_ts != 0 ? from_ts : G_MININT64);
  Tally tally = { 0 };
  Scan scan = { 0 };
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (by < CG_THEME_N_BY, NULL);
  report->from_ts = from_ts;
  report->to_ts = to_ts;
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) theme_row_free);
  if ((themes = cg_themes_list (store, error)) == NULL)
    return NULL;
  if (themes->len > CG_THEMES_MAX)
    g_ptr_array_set_size (themes, CG_THEMES_MAX);
  if (by == CG_THEME_BY_LIST && (phone_lists = load_phone_lists (store, error)) == NULL)
    return NULL;
  matcher = cg_theme_matcher_new (themes);
  tally.n_themes = themes->len;
  tally.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.matcher = matcher;
  scan.tally = &tally;
  scan.phrase_counts = phrase_counts;
  scan.report = report;

  stmt = cg_store_prepare (store, texts_sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, source);
      sqlite3_bind_int64 (stmt, 2, scan_from);
      sqlite3_bind_int64 (stmt, 3, to_ts != 0 ? to_ts : G_MAXINT64);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          char month[8];
          int src = sqlite3_column_int (stmt, 8);
          const char *key = slice_key (by, stmt, src, tz, phone_lists, month);

          scan_text (&scan, stmt, key, !compare || sqlite3_column_int64 (stmt, 0) >= from_ts);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cg_store_set_sql_error (store, error, "read texts");
          stmt = NULL;
        }
    }
  if (stmt != NULL)
    {
      emit_rows (report, &tally, themes, compare);
      report->unassigned = frequent_phrases (phrase_counts, report->texts);
    }
  g_hash_table_iter_init (&iter, tally.groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    group_free (value, tally.n_themes);
  g_hash_table_unref (tally.groups);
  if (stmt == NULL)
    return NULL;
  return g_steal_pointer (&report);
}
