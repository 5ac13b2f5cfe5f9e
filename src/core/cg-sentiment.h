/* cg-sentiment.h — is a customer's text positive, negative or neither?
 *
 * Definitions (the README repeats them):
 *   from a rating  = on a 1–5 scale 1–2 negative, 3 neutral, 4–5 positive;
 *                    on a 0–10 scale 0–6 negative, 7–8 neutral, 9–10
 *                    positive (the NPS bands);
 *   from the words = the sum over the positive (+1) and negative (−1)
 *                    words and phrases found by longest match, a word
 *                    after a negation counting with the opposite sign
 *                    (不太满意 −1, 没有打扰 +1); above 0 positive, below
 *                    0 negative.
 * A rating, when the customer gave one, decides: it is their own verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CG_SENTIMENT_NEGATIVE = -1,
  CG_SENTIMENT_NEUTRAL  = 0,
  CG_SENTIMENT_POSITIVE = 1,
} CgSentiment;

/** cg_sentiment_to_string: "negative", "neutral" or "positive". */
const char  *cg_sentiment_to_string     (CgSentiment  sentiment);

/** cg_sentiment_from_rating: the band of @rating on a 1–@scale (5) or 0–@scale (10) scale. */
CgSentiment  cg_sentiment_from_rating   (double       rating,
                                         int          scale);

/** cg_sentiment_score: sum of word polarities of @text, negation applied. */
int          cg_sentiment_score         (const char  *text);

/** cg_sentiment_of_text: from the rating when @has_rating, else from the words. */
CgSentiment  cg_sentiment_of_text       (const char  *text,
                                         gboolean     has_rating,
                                         double       rating,
                                         int          scale);

/* Sets @covered[i] for the characters of @chars (normalised, see
 * cg_lexicon_normalize) that are sentiment words. */
void         cg_sentiment_mark_words    (const gunichar *chars,
                                         glong           n_chars,
                                         gboolean       *covered);

G_END_DECLS
