/* cg-sentiment.c — sentiment of customer texts, from ratings or words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "cg-lexicon.h"
#include "cg-sentiment.h"

#define POSITIVE 1
#define NEGATIVE 2

/* Words that carry a verdict by themselves in customer feedback.  Longer
 * phrases win over the words inside them (不满意 over 满意). */
static const char *const positive_words[] = {
  "满意", "非常满意", "很满意", "挺满意", "很好", "非常好", "挺好", "不错", "好评", "感谢", "谢谢",
  "赞", "点赞", "专业", "耐心", "热情", "贴心", "周到", "及时", "很快", "迅速", "方便", "划算",
  "便宜", "实惠", "喜欢", "推荐", "靠谱", "放心", "认真", "负责", "高效", "友好", "礼貌", "客气",
  "好用", "解决了", "已解决", "优秀", "完美", "满分", "棒", "给力", "舒服", "清楚", "详细", "亲切",
  "温柔", "细心", "用心", "值得", "省心", "顺利", "准时", "称赞", "表扬", "五星", "不贵",
  "good", "great", "excellent", "helpful", "polite", "friendly", "thanks", "thank you",
  "satisfied", "happy", "recommend", "professional", "quick", "fast", "solved", "resolved",
};

static const char *const negative_words[] = {
  "不满", "不满意", "差", "很差", "太差", "差评", "垃圾", "失望", "生气", "愤怒", "烦", "烦人",
  "烦死", "骚扰", "打扰", "频繁", "投诉", "举报", "欺骗", "骗", "骗子", "忽悠", "坑", "坑人",
  "敷衍", "推诿", "冷淡", "不耐烦", "恶劣", "难用", "故障", "坏了", "太贵", "乱收费", "乱扣",
  "泄露", "泄漏", "拖延", "没人管", "太慢", "很慢", "麻烦", "糟糕", "无语", "恶心", "讨厌", "后悔",
  "上当", "不专业", "粗鲁", "凶", "骂", "吼", "挂电话", "差劲", "不靠谱", "不了了之", "爱答不理",
  "爱理不理", "误导", "虚假", "夸大", "没解决", "未解决", "不解决", "气死", "受不了", "一星",
  "踢皮球", "推来推去", "没下文", "扣费", "乱扣费", "不值", "隐私", "轰炸", "拉黑", "不胜其烦",
  "bad", "rude", "spam", "annoying", "slow", "expensive", "terrible", "worst", "disappointed",
  "complaint", "harass", "harassment", "useless", "scam", "angry",
};

static CgLexicon *
sentiment_lexicon (void)
{
  static gsize once = 0;
  static CgLexicon *lexicon;

  if (g_once_init_enter (&once))
    {
      CgLexicon *lex = cg_lexicon_new ();

      for (guint i = 0; i < G_N_ELEMENTS (positive_words); i++)
        cg_lexicon_add (lex, positive_words[i], POSITIVE);
      for (guint i = 0; i < G_N_ELEMENTS (negative_words); i++)
        cg_lexicon_add (lex, negative_words[i], NEGATIVE);
      lexicon = lex;
      g_once_init_leave (&once, 1);
    }
  return lexicon;
}

const char *
cg_sentiment_to_string (CgSentiment sentiment)
{
  switch (sentiment)
    {
    case CG_SENTIMENT_NEGATIVE: return "negative";
    case CG_SENTIMENT_POSITIVE: return "positive";
    case CG_SENTIMENT_NEUTRAL:
    default:                    return "neutral";
    }
}

CgSentiment
cg_sentiment_from_rating (double rating,
                          int    scale)
{
  if (scale > 5)
    {
      /* The NPS bands: detractors 0–6, passives 7–8, promoters 9–10,
       * stretched to scales other than 10. */
      double r = rating * 10.0 / scale;
      return r <= 6.0 + 1e-9 ? CG_SENTIMENT_NEGATIVE : r >= 9.0 - 1e-9 ? CG_SENTIMENT_POSITIVE : CG_SENTIMENT_NEUTRAL;
    }
  if (rating <= 2.0 + 1e-9)
    return CG_SENTIMENT_NEGATIVE;
  if (rating >= 4.0 - 1e-9)
    return CG_SENTIMENT_POSITIVE;
  return CG_SENTIMENT_NEUTRAL;
}

int
cg_sentiment_score (const char *text)
{
  CgLexicon *lexicon = sentiment_lexicon ();
  glong n;
  g_autofree gunichar *chars = cg_lexicon_normalize (text, &n);
  g_autoptr(GArray) hits = cg_lexicon_scan (lexicon, chars, n);
  int score = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const CgLexiconHit *hit = &g_array_index (hits, CgLexiconHit, i);
      int polarity = (hit->value & NEGATIVE) ? -1 : (hit->value & POSITIVE) ? 1 : 0;

      score += hit->negated ? -polarity : polarity;
    }
  return score;
}

CgSentiment
cg_sentiment_of_text (const char *text,
                      gboolean    has_rating,
                      double      rating,
                      int         scale)
{
  int score;

  if (has_rating && isfinite (rating))
    return cg_sentiment_from_rating (rating, scale);
  score = cg_sentiment_score (text);
  return score > 0 ? CG_SENTIMENT_POSITIVE : score < 0 ? CG_SENTIMENT_NEGATIVE : CG_SENTIMENT_NEUTRAL;
}

void
cg_sentiment_mark_words (const gunichar *chars,
                         glong           n_chars,
                         gboolean       *covered)
{
  g_autoptr(GArray) hits = cg_lexicon_scan (sentiment_lexicon (), chars, n_chars);

  for (guint i = 0; i < hits->len; i++)
    {
      const CgLexiconHit *hit = &g_array_index (hits, CgLexiconHit, i);

      for (guint k = hit->start; k < hit->end; k++)
        covered[k] = TRUE;
    }
}
