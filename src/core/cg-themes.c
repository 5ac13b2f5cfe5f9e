/* cg-themes.c — built-in themes, the user's lexicon edits, and matching.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-lexicon.h"
#include "cg-sentiment.h"
#include "cg-store-private.h"
#include "cg-themes.h"

G_DEFINE_QUARK (cg-themes-error-quark, cg_themes_error)

/* The lexicons name what customers of outbound call teams say, including
 * phrases that never use the obvious word (又打来了 is about frequency,
 * 哪来的号码 about privacy). */
static const char *const contact_frequency_terms[] = {
  "频繁", "太频繁", "打扰", "骚扰", "别再打", "不要再打", "别打了", "不要打了", "天天打", "每天打",
  "一直打", "老是打", "总是打", "反复打", "又打来", "又打", "还打", "又来电话", "打了好几次",
  "好几次", "好几遍", "一天打", "一天几个", "一天好几个", "一天三个", "电话太多", "来电太多",
  "骚扰电话", "推销电话", "营销电话", "电话轰炸", "轰炸", "拉黑", "屏蔽", "次数太多", "没完没了",
  "频率", "三番五次", "隔三差五", "一遍又一遍", "不胜其烦", "烦死", "说过不需要", "说了不需要",
  "已经拒绝", "拒绝了还", "上班时间打", "午休", "休息时间", "大清早", "半夜", "深夜",
  "too many calls", "stop calling", "called again", "calling again", "every day", "harass", "spam",
  NULL
};
static const char *const staff_attitude_terms[] = {
  "态度", "服务态度", "不耐烦", "耐心", "热情", "冷淡", "语气", "口气", "凶", "吼", "骂人", "骂",
  "挂电话", "直接挂", "挂我电话", "敷衍", "礼貌", "没礼貌", "不礼貌", "客气", "友好", "傲慢",
  "爱答不理", "爱理不理", "不理人", "嘲讽", "说话难听", "很冲", "亲切", "和气", "温柔", "素质",
  "小姐姐", "不尊重", "尊重", "粗鲁", "笑着", "attitude", "rude", "impolite", "polite", "friendly",
  NULL
};
static const char *const professionalism_terms[] = {
  "专业", "不专业", "业务熟练", "一问三不知", "说不清楚", "讲不清楚", "答不上来", "解释清楚", "讲解",
  "解释", "介绍清楚", "介绍得", "懂行", "外行", "照本宣科", "念稿", "背台词", "话术", "夸大",
  "虚假宣传", "误导", "忽悠", "乱承诺", "承诺", "业务能力", "业务水平", "不了解产品", "新手",
  "讲得很清楚", "说得很清楚", "听不懂", "术语", "professional", "knowledgeable", "clueless", "misleading",
  NULL
};
static const char *const price_terms[] = {
  "价格", "价钱", "贵", "太贵", "便宜", "划算", "性价比", "优惠", "折扣", "收费", "费用", "多收",
  "乱收费", "扣费", "扣钱", "乱扣", "隐形消费", "套餐", "资费", "月费", "年费", "涨价", "降价",
  "价位", "花钱", "块钱", "不值", "值这个钱", "实惠", "price", "expensive", "cheap", "fee", "charge", "cost",
  NULL
};
static const char *const product_quality_terms[] = {
  "质量", "产品质量", "好用", "不好用", "难用", "坏了", "故障", "质量差", "用不了", "卡顿", "很卡", "太卡",
  "信号", "网速", "掉线", "效果", "没效果", "功能", "问题多", "稳定", "耐用", "次品", "假货", "做工",
  "体验", "用起来", "用着", "毛病", "bug", "quality", "broken", "defective",
  NULL
};
static const char *const problem_solving_terms[] = {
  "解决", "没解决", "未解决", "问题解决", "处理", "处理结果", "办理", "推诿", "踢皮球", "推来推去",
  "转来转去", "没人管", "没下文", "不了了之", "拖延", "一直拖", "拖了", "等了很久", "等了", "催了",
  "跟进", "没回复", "不回复", "回复", "答复", "效率", "办事效率", "一次解决", "搞定", "帮我",
  "solved", "resolved", "unresolved", "fixed", "no answer",
  NULL
};
static const char *const after_sales_terms[] = {
  "售后", "售后服务", "退货", "换货", "维修", "保修", "退款", "退钱", "上门", "安装", "退订", "注销",
  "客服电话", "打不通", "没人接", "找不到人", "联系不上", "人工客服", "三包", "发票", "物流", "快递",
  "送货", "到货", "refund", "warranty", "repair", "after-sales", "return",
  NULL
};
static const char *const privacy_terms[] = {
  "号码泄露", "泄露", "泄漏", "个人信息", "隐私", "信息泄露", "怎么知道我的号码", "哪来的号码",
  "哪里来的号码", "从哪得到", "从哪里得到", "谁给你的号码", "号码哪来", "卖信息", "倒卖", "信息被卖",
  "个人资料", "身份证", "住址", "我的信息", "怎么知道我", "怎么会有我的", "被泄露", "知道我的名字",
  "怎么知道我叫", "privacy", "personal data", "my number", "leak",
  NULL
};

static const struct {
  const char        *id;
  const char        *label;  /* N_() */
  const char *const *terms;
} builtin[] = {
  { "contact_frequency", N_("Contact frequency"), contact_frequency_terms },
  { "staff_attitude",    N_("Staff attitude"),    staff_attitude_terms },
  { "professionalism",   N_("Professionalism"),   professionalism_terms },
  { "price",             N_("Price"),             price_terms },
  { "product_quality",   N_("Product quality"),   product_quality_terms },
  { "problem_solving",   N_("Problem solving"),   problem_solving_terms },
  { "after_sales",       N_("After-sales service"), after_sales_terms },
  { "privacy",           N_("Privacy"),           privacy_terms },
};

const char *const *
cg_themes_builtin_ids (void)
{
  static const char *const ids[] = {
    "contact_frequency", "staff_attitude", "professionalism", "price",
    "product_quality", "problem_solving", "after_sales", "privacy", NULL
  };
  return ids;
}

static int
builtin_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (g_strcmp0 (builtin[i].id, id) == 0)
      return i;
  return -1;
}

const char *
cg_themes_get_label (const char *id)
{
  int i = builtin_index (id);

  return i >= 0 ? _(builtin[i].label) : id;
}

void
cg_theme_free (CgTheme *theme)
{
  if (theme == NULL)
    return;
  g_free (theme->id);
  g_free (theme->label);
  g_strfreev (theme->terms);
  g_strfreev (theme->added);
  g_strfreev (theme->removed);
  g_free (theme);
}

typedef struct {
  GStrvBuilder *added;
  GStrvBuilder *removed;
} Edits;

static void
edits_free (Edits *edits)
{
  g_strv_builder_unref (edits->added);
  g_strv_builder_unref (edits->removed);
  g_free (edits);
}

static Edits *
edits_for (GHashTable *table,
           const char *theme)
{
  Edits *edits = g_hash_table_lookup (table, theme);

  if (edits == NULL)
    {
      edits = g_new0 (Edits, 1);
      edits->added = g_strv_builder_new ();
      edits->removed = g_strv_builder_new ();
      g_hash_table_insert (table, g_strdup (theme), edits);
    }
  return edits;
}

static CgTheme *
theme_new (const char *id,
           const char *const *builtin_terms,
           Edits      *edits)
{
  CgTheme *theme = g_new0 (CgTheme, 1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();

  theme->id = g_strdup (id);
  theme->label = g_strdup (cg_themes_get_label (id));
  theme->builtin = builtin_terms != NULL;
  theme->added = edits ? g_strv_builder_end (edits->added) : g_new0 (char *, 1);
  theme->removed = edits ? g_strv_builder_end (edits->removed) : g_new0 (char *, 1);
  for (guint i = 0; builtin_terms && builtin_terms[i]; i++)
    if (!g_strv_contains ((const char *const *) theme->removed, builtin_terms[i]))
      g_strv_builder_add (terms, builtin_terms[i]);
  g_strv_builder_addv (terms, (const char **) theme->added);
  theme->terms = g_strv_builder_end (terms);
  return theme;
}

GPtrArray *
cg_themes_list (CgStore  *store,
                GError  **error)
{
  g_autoptr(GHashTable) edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) edits_free);
  g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_theme_free);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = cg_store_prepare (store, "SELECT theme, term, removed FROM theme_terms ORDER BY theme, term", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *theme = (const char *) sqlite3_column_text (stmt, 0);
      Edits *e = edits_for (edits, theme);

      g_strv_builder_add (sqlite3_column_int (stmt, 2) ? e->removed : e->added,
                          (const char *) sqlite3_column_text (stmt, 1));
      if (builtin_index (theme) < 0 && (own->len == 0 || strcmp (g_ptr_array_index (own, own->len - 1), theme) != 0))
        g_ptr_array_add (own, g_strdup (theme));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "list themes");
      g_ptr_array_foreach (own, (GFunc) g_free, NULL);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    g_ptr_array_add (themes, theme_new (builtin[i].id, builtin[i].terms, g_hash_table_lookup (edits, builtin[i].id)));
  for (guint i = 0; i < own->len; i++)
    {
      CgTheme *theme = theme_new (g_ptr_array_index (own, i), NULL, g_hash_table_lookup (edits, g_ptr_array_index (own, i)));

      g_free (g_ptr_array_index (own, i));
      if (theme->terms[0] != NULL)
        g_ptr_array_add (themes, theme);
      else
        cg_theme_free (theme);
    }
  return g_steal_pointer (&themes);
}

static gboolean
is_builtin_term (const char *theme,
                 const char *term)
{
  int i = builtin_index (theme);

  return i >= 0 && g_strv_contains (builtin[i].terms, term);
}

static gboolean
check_args (const char  *theme,
            const char  *term,
            GError     **error)
{
  if (theme == NULL || *theme == '\0' || term == NULL || *term == '\0')
    {
      g_set_error (error, CG_THEMES_ERROR, CG_THEMES_ERROR_INVALID,
                   _("A theme needs an id and a term that are not empty."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_term (CgStore     *store,
           const char  *sql_what,
           sqlite3_stmt *stmt,
           const char  *theme,
           const char  *term,
           GError     **error)
{
  int rc;

  sqlite3_bind_text (stmt, 1, theme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, term, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, sql_what);
      return FALSE;
    }
  return TRUE;
}

static gint64
count_own_themes (CgStore    *store,
                  const char *except)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT theme FROM theme_terms WHERE removed = 0 GROUP BY theme", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      if (builtin_index (id) < 0 && g_strcmp0 (id, except) != 0)
        n++;
    }
  sqlite3_reset (stmt);
  return n;
}

gboolean
cg_themes_add_term (CgStore    *store,
                    const char *theme,
                    const char *term,
                    GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (term ? term : ""));
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!check_args (theme, clean, error))
    return FALSE;
  if (builtin_index (theme) < 0 && count_own_themes (store, theme) + G_N_ELEMENTS (builtin) >= CG_THEMES_MAX)
    {
      g_set_error (error, CG_THEMES_ERROR, CG_THEMES_ERROR_INVALID,
                   _("There are too many themes already; add the term to an existing theme."));
      return FALSE;
    }
  if (!cg_store_begin (store, error))
    return FALSE;
  if (is_builtin_term (theme, clean))
    stmt = cg_store_prepare (store, "DELETE FROM theme_terms WHERE theme = ?1 AND term = ?2", error);
  else
    stmt = cg_store_prepare (store, "INSERT OR REPLACE INTO theme_terms (theme, term, removed) VALUES (?1, ?2, 0)", error);
  ok = stmt != NULL && exec_term (store, "add theme term", stmt, theme, clean, error);
  if (!ok)
    {
      cg_store_rollback (store);
      return FALSE;
    }
  return cg_store_commit (store, error);
}

gboolean
cg_themes_remove_term (CgStore    *store,
                       const char *theme,
                       const char *term,
                       GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (term ? term : ""));
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!check_args (theme, clean, error))
    return FALSE;
  if (!cg_store_begin (store, error))
    return FALSE;
  if (is_builtin_term (theme, clean))
    stmt = cg_store_prepare (store, "INSERT OR REPLACE INTO theme_terms (theme, term, removed) VALUES (?1, ?2, 1)", error);
  else
    stmt = cg_store_prepare (store, "DELETE FROM theme_terms WHERE theme = ?1 AND term = ?2 AND removed = 0", error);
  ok = stmt != NULL && exec_term (store, "remove theme term", stmt, theme, clean, error);
  if (ok && !is_builtin_term (theme, clean) && sqlite3_changes (cg_store_get_db (store)) == 0)
    {
      g_set_error (error, CG_THEMES_ERROR, CG_THEMES_ERROR_NOT_FOUND,
                   _("Theme “%s” has no term “%s”."), theme, clean);
      ok = FALSE;
    }
  if (!ok)
    {
      cg_store_rollback (store);
      return FALSE;
    }
  return cg_store_commit (store, error);
}

/* ---- matching ------------------------------------------------------------ */

/* Bit 63 of a term's value: the term is negative by itself (骚扰), so a
 * negation before it says the problem is absent. */
#define PROBLEM_BIT (G_GUINT64_CONSTANT (1) << 63)

struct _CgThemeMatcher
{
  CgLexicon *lexicon;
};

CgThemeMatcher *
cg_theme_matcher_new (GPtrArray *themes)
{
  CgThemeMatcher *matcher = g_new0 (CgThemeMatcher, 1);

  matcher->lexicon = cg_lexicon_new ();
  for (guint i = 0; i < themes->len && i < CG_THEMES_MAX; i++)
    {
      const CgTheme *theme = g_ptr_array_index (themes, i);

      for (guint t = 0; theme->terms[t]; t++)
        {
          guint64 value = G_GUINT64_CONSTANT (1) << i;

          if (cg_sentiment_score (theme->terms[t]) < 0)
            value |= PROBLEM_BIT;
          cg_lexicon_add (matcher->lexicon, theme->terms[t], value);
        }
    }
  return matcher;
}

void
cg_theme_matcher_free (CgThemeMatcher *matcher)
{
  if (matcher == NULL)
    return;
  cg_lexicon_free (matcher->lexicon);
  g_free (matcher);
}

guint64
cg_theme_matcher_match (CgThemeMatcher *matcher,
                        const gunichar *chars,
                        glong           n_chars,
                        gboolean       *covered)
{
  g_autoptr(GArray) hits = cg_lexicon_scan (matcher->lexicon, chars, n_chars);
  guint64 mask = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const CgLexiconHit *hit = &g_array_index (hits, CgLexiconHit, i);

      if (covered != NULL)
        for (guint k = hit->start; k < hit->end; k++)
          covered[k] = TRUE;
      if (hit->negated && (hit->value & PROBLEM_BIT))
        continue;
      mask |= hit->value & ~PROBLEM_BIT;
    }
  return mask;
}
