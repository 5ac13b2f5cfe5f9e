/* cg-lexicon.c — longest-match lookup of words and phrases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-lexicon.h"

struct _CgLexicon
{
  GHashTable *terms;     /* normalised UTF-8 term → guint64 * */
  glong       max_chars; /* longest term, in characters */
};

CgLexicon *
cg_lexicon_new (void)
{
  CgLexicon *lexicon = g_new0 (CgLexicon, 1);

  lexicon->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return lexicon;
}

void
cg_lexicon_free (CgLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  g_hash_table_unref (lexicon->terms);
  g_free (lexicon);
}

gunichar *
cg_lexicon_normalize (const char *text,
                      glong      *n_chars)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = NULL;
  gunichar *chars;

  if (nfkc == NULL)  /* not valid UTF-8: nothing to match */
    {
      *n_chars = 0;
      return g_new0 (gunichar, 1);
    }
  folded = g_utf8_casefold (nfkc, -1);
  chars = g_utf8_to_ucs4_fast (folded, -1, n_chars);
  return chars;
}

static char *
normalize_term (const char *term)
{
  glong n;
  g_autofree gunichar *chars = cg_lexicon_normalize (term, &n);
  g_autofree char *utf8 = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);

  return g_strstrip (g_strdup (utf8 ? utf8 : ""));
}

void
cg_lexicon_add (CgLexicon  *lexicon,
                const char *term,
                guint64     value)
{
  char *key = normalize_term (term);
  guint64 *old;
  glong n = g_utf8_strlen (key, -1);

  if (n == 0)
    {
      g_free (key);
      return;
    }
  if ((old = g_hash_table_lookup (lexicon->terms, key)) != NULL)
    {
      *old |= value;
      g_free (key);
      return;
    }
  g_hash_table_insert (lexicon->terms, key, g_memdup2 (&value, sizeof value));
  lexicon->max_chars = MAX (lexicon->max_chars, n);
}

guint64
cg_lexicon_lookup (CgLexicon  *lexicon,
                   const char *term)
{
  g_autofree char *key = normalize_term (term);
  guint64 *value = g_hash_table_lookup (lexicon->terms, key);

  return value ? *value : 0;
}

GArray *
cg_lexicon_scan (CgLexicon      *lexicon,
                 const gunichar *chars,
                 glong           n_chars)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (CgLexiconHit));
  GString *key = g_string_new (NULL);
  glong i = 0;

  while (i < n_chars)
    {
      glong longest = MIN (lexicon->max_chars, n_chars - i);
      gboolean found = FALSE;

      for (glong len = longest; len >= 1 && !found; len--)
        {
          guint64 *value;

          g_string_truncate (key, 0);
          for (glong k = 0; k < len; k++)
            g_string_append_unichar (key, chars[i + k]);
          if ((value = g_hash_table_lookup (lexicon->terms, key->str)) != NULL)
            {
              CgLexiconHit hit = { i, i + len, *value, cg_lexicon_is_negated (chars, i) };

              g_array_append_val (hits, hit);
              i += len;
              found = TRUE;
            }
        }
      if (!found)
        i++;
    }
  g_string_free (key, TRUE);
  return hits;
}

static gboolean
is_clause_break (gunichar c)
{
  return g_unichar_ispunct (c) || c == '\n';
}

/* Degree and aspect words that may stand between a negation and its word:
 * 不太满意, 不是很专业, 没有再打扰. */
static gboolean
is_filler (gunichar c)
{
  static const gunichar fillers[] = {
    0x518D /* 再 */, 0x5F88 /* 很 */, 0x592A /* 太 */, 0x90FD /* 都 */, 0x4E5F /* 也 */,
    0x5C31 /* 就 */, 0x8FD8 /* 还 */, 0x662F /* 是 */, 0x6709 /* 有 */, 0x600E /* 怎 */,
    0x4E48 /* 么 */, 0x591F /* 够 */, 0x7B97 /* 算 */, 0x5927 /* 大 */, 0x7279 /* 特 */,
    0x522B /* 别 — only as in 不特别; a leading 别 is a request, checked first */,
    0x591A /* 多 */, 0x6837 /* 样 */, 0x88AB /* 被 */,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (c == fillers[i])
      return TRUE;
  return FALSE;
}

static gboolean
english_negation_before (const gunichar *chars,
                         glong           start)
{
  static const char *const words[] = { "not", "never", "no", "dont", "didnt", "isnt", "wasnt", "doesnt" };
  glong end = start, begin;
  char word[16];
  guint n = 0;

  while (end > 0 && chars[end - 1] == ' ')
    end--;
  if (end == start)
    return FALSE;  /* English words are separated by spaces */
  begin = end;
  while (begin > 0 && (g_unichar_isalpha (chars[begin - 1]) || chars[begin - 1] == '\'' || chars[begin - 1] == 0x2019))
    begin--;
  for (glong k = begin; k < end && n < sizeof word - 1; k++)
    if (chars[k] < 128 && g_ascii_isalpha (chars[k]))
      word[n++] = (char) chars[k];
  word[n] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (word, words[i]) == 0)
      return TRUE;
  return n > 1 && g_str_has_suffix (word, "nt") && end - begin > 3 && (chars[end - 2] == '\'' || chars[end - 2] == 0x2019);
}

gboolean
cg_lexicon_is_negated (const gunichar *chars,
                       glong           start)
{
  glong k = start;
  int skipped = 0;

  if (start > 0 && chars[start - 1] < 128)
    return english_negation_before (chars, start);

  /* A request to stop (别, 不要, 请勿, 不许, 不准, 不用) is not a negation. */
  while (k > 0 && skipped < 3 && !is_clause_break (chars[k - 1]))
    {
      gunichar c = chars[k - 1];

      if (c == 0x522B /* 别 */ && !(k > 1 && chars[k - 2] == 0x7279 /* 特别 */))
        return FALSE;
      if (c == 0x52FF /* 勿 */)
        return FALSE;
      if ((c == 0x8981 /* 要 */ || c == 0x8BB8 /* 许 */ || c == 0x51C6 /* 准 */ || c == 0x7528 /* 用 */) &&
          k > 1 && chars[k - 2] == 0x4E0D /* 不 */)
        return FALSE;
      if (c == 0x4E0D /* 不 */ || c == 0x6CA1 /* 没 */ || c == 0x65E0 /* 无 */ || c == 0x672A /* 未 */)
        return TRUE;
      if (!is_filler (c))
        return FALSE;
      k--;
      skipped++;
    }
  return FALSE;
}
