/* cg-demo-feedback.c — demo customer feedback to go with the demo calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <xxhash.h>

#include "cg-call.h"
#include "cg-demo-feedback.h"
#include "cg-import-common.h"
#include "cg-store-private.h"

/* Comments as customers write them; several never use the theme's
 * obvious word, and some negate it. */
static const char *const frequency_texts[] = {
  "一天打了三个电话，烦死了，别再打了",
  "已经说过不需要了，你们还打，能不能把我的号码删掉",
  "上班时间老是打来推销，严重影响工作",
  "又打来了，这周第四次了",
  "电话太频繁了，已经拉黑",
  "中午午休时间打电话，很不礼貌",
};
static const char *const attitude_texts[] = {
  "客服态度很好，很有耐心",
  "接线的小姐姐说话很温柔，点赞",
  "问了两句就不耐烦，直接挂电话",
  "说话语气很冲，让人不舒服",
};
static const char *const professional_texts[] = {
  "讲解得很清楚，很专业",
  "问什么都答不上来，一问三不知",
  "感觉在念稿子，照本宣科",
  "介绍得很详细，业务很熟练",
};
static const char *const price_texts[] = {
  "套餐价格太贵了，不划算",
  "优惠力度不错，性价比高",
  "说好的优惠到账单上又没了，多收了钱",
  "价格还可以，不贵",
};
static const char *const quality_texts[] = {
  "产品用了一个月就坏了",
  "东西很好用，质量不错",
  "信号经常掉线，体验很差",
};
static const char *const solving_texts[] = {
  "问题一次就解决了，效率很高",
  "反映了三次都没解决，一直在推来推去",
  "说好回电结果没下文",
};
static const char *const after_sales_texts[] = {
  "退款申请了两周还没到账",
  "售后上门很及时，师傅很负责",
  "客服电话一直打不通，找不到人",
};
static const char *const privacy_texts[] = {
  "你们怎么知道我的号码的？是不是个人信息被泄露了",
  "我从来没留过电话，哪来的号码",
  "连我住址都知道，太可怕了",
};
static const char *const plain_texts[] = {
  "还行吧，没什么特别的",
  "已经办理了，谢谢",
  "没有打扰到我，服务挺好",
  "一般般",
  "不需要，谢谢",
};

static const struct {
  const char *const *texts;
  guint              n;
  double             weight;  /* share of comments on this theme */
} pools[] = {
  { frequency_texts,    G_N_ELEMENTS (frequency_texts),    0.16 },
  { attitude_texts,     G_N_ELEMENTS (attitude_texts),     0.14 },
  { professional_texts, G_N_ELEMENTS (professional_texts), 0.10 },
  { price_texts,        G_N_ELEMENTS (price_texts),        0.12 },
  { quality_texts,      G_N_ELEMENTS (quality_texts),      0.08 },
  { solving_texts,      G_N_ELEMENTS (solving_texts),      0.10 },
  { after_sales_texts,  G_N_ELEMENTS (after_sales_texts),  0.08 },
  { privacy_texts,      G_N_ELEMENTS (privacy_texts),      0.05 },
  { plain_texts,        G_N_ELEMENTS (plain_texts),        0.17 },
};

static const char *const channels[] = { "电话回访", "投诉热线", "微博", "微信公众号", "大众点评", "应用商店" };

/* One comment in about this many connected calls. */
#define CALLS_PER_COMMENT 25

static gboolean
time_range (CgStore  *store,
            gint64   *first,
            gint64   *last,
            GError  **error)
{
  sqlite3_stmt *stmt = cg_store_prepare (store, "SELECT min (start_ts), max (start_ts) FROM calls", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (ok)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      *last = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return ok;
}

/* Which pool a comment comes from; the weight of frequency complaints
 * grows from 0.3 to 1.7 times its base from the first to the last call. */
static guint
pick_pool (GRand  *rand,
           double  progress)
{
  double total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    total += pools[i].weight * (i == 0 ? 0.3 + 1.4 * progress : 1.0);
  r = g_rand_double (rand) * total;
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    {
      r -= pools[i].weight * (i == 0 ? 0.3 + 1.4 * progress : 1.0);
      if (r < 0)
        return i;
    }
  return G_N_ELEMENTS (pools) - 1;
}

static gboolean
insert_comment (CgStore      *store,
                GRand        *rand,
                gint64        batch,
                sqlite3_stmt *call,
                double        progress,
                GError      **error)
{
  guint pool = pick_pool (rand, progress);
  const char *text = pools[pool].texts[g_rand_int_range (rand, 0, pools[pool].n)];
  const char *channel = channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))];
  gint64 ts = sqlite3_column_int64 (call, 0) + g_rand_int_range (rand, 3600, 3 * 86400);
  gint64 phone_hash = sqlite3_column_int64 (call, 2);
  g_autofree char *key_text = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT, ts, channel, text, phone_hash);
  sqlite3_stmt *stmt;

  stmt = cg_store_prepare (store,
                           "INSERT INTO feedback (batch_id, natural_key, ts, channel, text, rating, rating_scale,"
                           "  phone_hash, phone_masked, agent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                           " ON CONFLICT (natural_key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch);
  sqlite3_bind_int64 (stmt, 2, (gint64) (XXH3_64bits (key_text, strlen (key_text)) & G_GUINT64_CONSTANT (0x7FFFFFFFFFFFFFFF)));
  sqlite3_bind_int64 (stmt, 3, ts);
  sqlite3_bind_text (stmt, 4, channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  /* Callback interviews and review sites ask for stars. */
  if (g_str_equal (channel, "电话回访") || g_str_equal (channel, "大众点评"))
    {
      int score = g_rand_int_range (rand, 1, 6);
      sqlite3_bind_int (stmt, 6, pool == 0 ? MIN (score, 2) : score);
      sqlite3_bind_int (stmt, 7, 5);
    }
  sqlite3_bind_int64 (stmt, 8, phone_hash);
  sqlite3_bind_value (stmt, 9, sqlite3_column_value (call, 3));
  sqlite3_bind_value (stmt, 10, sqlite3_column_value (call, 1));
  return cg_import_step_done (store, stmt, "add demo feedback", error);
}

gboolean
cg_demo_feedback_generate (CgStore  *store,
                           gint64    batch_id,
                           guint32   seed,
                           GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x46424B);
  sqlite3_stmt *calls;
  gint64 first, last;
  int rc;

  if (!time_range (store, &first, &last, error))
    return error == NULL || *error == NULL;
  if (!cg_store_begin (store, error))
    return FALSE;
  /* A fixed stride over the connected calls: the same calls every time. */
  calls = cg_store_prepare (store,
                            "SELECT start_ts, agent_id, phone_hash, phone_masked FROM calls"
                            " WHERE outcome = ?1 AND phone_hash IS NOT NULL AND id % ?2 = 0 ORDER BY id", error);
  if (calls == NULL)
    goto fail;
  sqlite3_bind_int (calls, 1, CG_OUTCOME_CONNECTED);
  sqlite3_bind_int (calls, 2, CALLS_PER_COMMENT);
  while ((rc = sqlite3_step (calls)) == SQLITE_ROW)
    {
      double progress = last > first ? (double) (sqlite3_column_int64 (calls, 0) - first) / (last - first) : 1.0;

      if (!insert_comment (store, rand, batch_id, calls, progress, error))
        {
          sqlite3_reset (calls);
          goto fail;
        }
    }
  sqlite3_reset (calls);
  if (rc != SQLITE_DONE)
    {
      cg_store_set_sql_error (store, error, "read demo calls");
      goto fail;
    }
  return cg_store_commit (store, error);

fail:
  cg_store_rollback (store);
  return FALSE;
}
