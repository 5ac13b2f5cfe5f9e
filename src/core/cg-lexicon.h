/* cg-lexicon.h — longest-match lookup of words and phrases in text without spaces.
 *
 * Chinese is written without spaces between words.  A lexicon holds the
 * words and phrases that matter to one question (a theme, a sentiment);
 * scanning a text tries, at each character, the longest term that starts
 * there, takes it and goes on after it.  Terms and texts are compared in
 * NFKC, case-folded form, so full-width letters and digits match too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CgLexicon CgLexicon;

typedef struct {
  guint   start;    /* character offsets in the normalised text, [start, end) */
  guint   end;
  guint64 value;    /* what the lexicon holds for the term */
  gboolean negated; /* a negation such as 不, 没有, 不再, "not" just before */
} CgLexiconHit;

CgLexicon *cg_lexicon_new         (void);
void       cg_lexicon_free        (CgLexicon  *lexicon);
/* Adds @term with @value; the values of a term added twice are OR-ed. */
void       cg_lexicon_add         (CgLexicon  *lexicon,
                                   const char *term,
                                   guint64     value);
/** cg_lexicon_lookup: the value of exactly @term, 0 when absent. */
guint64    cg_lexicon_lookup      (CgLexicon  *lexicon,
                                   const char *term);

/* The text as scanned: NFKC, case-folded, as characters; *@n_chars its length. */
gunichar  *cg_lexicon_normalize   (const char *text,
                                   glong      *n_chars);

/* Longest-match scan of @chars; returns CgLexiconHit, left to right. */
GArray    *cg_lexicon_scan        (CgLexicon      *lexicon,
                                   const gunichar *chars,
                                   glong           n_chars);

/* Whether the @start'th character of @chars follows a negation within its
 * clause: 不, 没(有), 无, 未, 不再, 从不, "not", "never", "no" — with
 * degree words such as 很, 太, 再, 是 in between.  Requests (不要, 别,
 * 请勿, 不许) are not negations: "不要再打扰" asks the caller to stop. */
gboolean   cg_lexicon_is_negated  (const gunichar *chars,
                                   glong           start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgLexicon, cg_lexicon_free)

G_END_DECLS
