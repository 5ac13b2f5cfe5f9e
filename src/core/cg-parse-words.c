/* cg-parse-words.c — the outcome and disposition words of call logs: what
 * each dialer and SaaS export means by its result and the agent's note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-parse.h"
#include "cg-parse-private.h"

/* Words are looked up in normal form: ASCII lower-cased, blanks trimmed, and
 * each run of spaces, '_' and '-' folded to one space, so Asterisk's
 * "NO ANSWER", FreeSWITCH's "NO_ANSWER" and a SaaS "No-Answer" meet.  Chinese
 * is compared as written. */
static char *
normalize_word (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (cg_parse_is_blank (c) || c == '_' || c == '-')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *word;   /* in normal form, see normalize_word() */
  int         value;
} WordEntry;

/* What each source means by its result word.
 *
 * Asterisk (and FreePBX, which stores Asterisk's CDR) writes a disposition:
 * ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.  FAILED means the channel
 * could not be set up (trunk down, bad dial string) and CONGESTION that all
 * circuits were busy: both are our line failures, not the customer's doing.
 * Some FreePBX reports export the dialplan's DIALSTATUS instead (ANSWER,
 * NOANSWER, CANCEL, CHANUNAVAIL); those are here too.
 *
 * FreeSWITCH writes a hangup cause (Q.850 names plus its own), which says how
 * the call *ended*, not whether it was answered: NORMAL_CLEARING ends most
 * answered calls and many unanswered ones alike.  So causes that do not prove
 * a failure map to no_answer, and the import layer upgrades an attempt to
 * connected when it has an answer time or billsec > 0.  The same upgrade
 * covers MEDIA_TIMEOUT, ALLOTTED_TIMEOUT or 挂断 ending a call that had been
 * answered.
 *
 * 停机 (service suspended) and "out of service" are the number's fault:
 * invalid_number; 关机 / 不在服务区 are the handset's: unreachable. */
static const WordEntry outcome_words[] = {
  /* Asterisk CDR dispositions */
  { "answered", CG_OUTCOME_CONNECTED },
  { "no answer", CG_OUTCOME_NO_ANSWER },     /* also FreeSWITCH NO_ANSWER */
  { "busy", CG_OUTCOME_BUSY },
  { "failed", CG_OUTCOME_LINE_FAILURE },
  { "congestion", CG_OUTCOME_LINE_FAILURE },

  /* Asterisk DIALSTATUS */
  { "answer", CG_OUTCOME_CONNECTED },
  { "noanswer", CG_OUTCOME_NO_ANSWER },
  { "cancel", CG_OUTCOME_NO_ANSWER },
  { "chanunavail", CG_OUTCOME_LINE_FAILURE },

  /* FreeSWITCH hangup causes */
  { "normal clearing", CG_OUTCOME_NO_ANSWER },
  { "originator cancel", CG_OUTCOME_NO_ANSWER },
  { "no user response", CG_OUTCOME_NO_ANSWER },
  { "allotted timeout", CG_OUTCOME_NO_ANSWER },
  { "progress timeout", CG_OUTCOME_NO_ANSWER },
  { "user busy", CG_OUTCOME_BUSY },
  { "call rejected", CG_OUTCOME_REJECTED },
  { "unallocated number", CG_OUTCOME_INVALID_NUMBER },
  { "number changed", CG_OUTCOME_INVALID_NUMBER },
  { "invalid number format", CG_OUTCOME_INVALID_NUMBER },
  { "subscriber absent", CG_OUTCOME_UNREACHABLE },
  { "destination out of order", CG_OUTCOME_UNREACHABLE },
  { "user not registered", CG_OUTCOME_UNREACHABLE },
  { "normal temporary failure", CG_OUTCOME_LINE_FAILURE },
  { "network out of order", CG_OUTCOME_LINE_FAILURE },
  { "recovery on timer expire", CG_OUTCOME_LINE_FAILURE },
  { "no route destination", CG_OUTCOME_LINE_FAILURE },
  { "gateway down", CG_OUTCOME_LINE_FAILURE },
  { "media timeout", CG_OUTCOME_LINE_FAILURE },
  { "switch congestion", CG_OUTCOME_LINE_FAILURE },
  { "normal circuit congestion", CG_OUTCOME_LINE_FAILURE },
  { "service unavailable", CG_OUTCOME_LINE_FAILURE },
  { "incompatible destination", CG_OUTCOME_LINE_FAILURE },
  { "exchange routing error", CG_OUTCOME_LINE_FAILURE },

  /* English words of SaaS exports */
  { "connected", CG_OUTCOME_CONNECTED },
  { "success", CG_OUTCOME_CONNECTED },
  { "successful", CG_OUTCOME_CONNECTED },
  { "unanswered", CG_OUTCOME_NO_ANSWER },
  { "not answered", CG_OUTCOME_NO_ANSWER },
  { "missed", CG_OUTCOME_NO_ANSWER },
  { "rejected", CG_OUTCOME_REJECTED },
  { "declined", CG_OUTCOME_REJECTED },
  { "refused", CG_OUTCOME_REJECTED },
  { "invalid number", CG_OUTCOME_INVALID_NUMBER },
  { "disconnected number", CG_OUTCOME_INVALID_NUMBER },
  { "number not in service", CG_OUTCOME_INVALID_NUMBER },
  { "out of service", CG_OUTCOME_INVALID_NUMBER },
  { "unreachable", CG_OUTCOME_UNREACHABLE },
  { "switched off", CG_OUTCOME_UNREACHABLE },
  { "powered off", CG_OUTCOME_UNREACHABLE },
  { "out of service area", CG_OUTCOME_UNREACHABLE },
  { "out of coverage", CG_OUTCOME_UNREACHABLE },
  { "line failure", CG_OUTCOME_LINE_FAILURE },
  { "network error", CG_OUTCOME_LINE_FAILURE },
  { "call failed", CG_OUTCOME_LINE_FAILURE },
  { "voicemail", CG_OUTCOME_VOICEMAIL },
  { "voice mail", CG_OUTCOME_VOICEMAIL },
  { "answering machine", CG_OUTCOME_VOICEMAIL },
  { "other", CG_OUTCOME_OTHER },

  /* Chinese words of SaaS exports */
  { "已接通", CG_OUTCOME_CONNECTED },
  { "接通", CG_OUTCOME_CONNECTED },
  { "成功", CG_OUTCOME_CONNECTED },
  { "已接听", CG_OUTCOME_CONNECTED },
  { "接听", CG_OUTCOME_CONNECTED },
  { "已接", CG_OUTCOME_CONNECTED },
  { "通话成功", CG_OUTCOME_CONNECTED },
  { "未接通", CG_OUTCOME_NO_ANSWER },
  { "无人接听", CG_OUTCOME_NO_ANSWER },
  { "无应答", CG_OUTCOME_NO_ANSWER },
  { "未接听", CG_OUTCOME_NO_ANSWER },
  { "未接", CG_OUTCOME_NO_ANSWER },
  { "振铃未接", CG_OUTCOME_NO_ANSWER },
  { "忙", CG_OUTCOME_BUSY },
  { "用户忙", CG_OUTCOME_BUSY },
  { "占线", CG_OUTCOME_BUSY },
  { "正忙", CG_OUTCOME_BUSY },
  { "用户正忙", CG_OUTCOME_BUSY },
  { "通话中", CG_OUTCOME_BUSY },
  { "拒接", CG_OUTCOME_REJECTED },
  { "拒绝", CG_OUTCOME_REJECTED },
  { "用户拒接", CG_OUTCOME_REJECTED },
  { "挂断", CG_OUTCOME_REJECTED },
  { "空号", CG_OUTCOME_INVALID_NUMBER },
  { "停机", CG_OUTCOME_INVALID_NUMBER },
  { "号码不存在", CG_OUTCOME_INVALID_NUMBER },
  { "无效号码", CG_OUTCOME_INVALID_NUMBER },
  { "号码错误", CG_OUTCOME_INVALID_NUMBER },
  { "关机", CG_OUTCOME_UNREACHABLE },
  { "不在服务区", CG_OUTCOME_UNREACHABLE },
  { "无法接通", CG_OUTCOME_UNREACHABLE },
  { "暂时无法接通", CG_OUTCOME_UNREACHABLE },
  { "线路故障", CG_OUTCOME_LINE_FAILURE },
  { "线路忙", CG_OUTCOME_LINE_FAILURE },
  { "网络忙", CG_OUTCOME_LINE_FAILURE },
  { "呼叫失败", CG_OUTCOME_LINE_FAILURE },
  { "外呼失败", CG_OUTCOME_LINE_FAILURE },
  { "中继故障", CG_OUTCOME_LINE_FAILURE },
  { "失败", CG_OUTCOME_LINE_FAILURE },
  { "语音信箱", CG_OUTCOME_VOICEMAIL },
  { "留言", CG_OUTCOME_VOICEMAIL },
  { "秘书台", CG_OUTCOME_VOICEMAIL },
  { "其他", CG_OUTCOME_OTHER },
};

/* The agent's note on a connected call.  拒绝 here is the customer turning
 * the offer down (not_interested); as an outcome it is a rejected call.
 * 投诉 (a complaint) counts as a do-not-call request: managers must stop
 * dialling the number either way. */
static const WordEntry disposition_words[] = {
  { "成交", CG_DISPOSITION_SALE },
  { "成单", CG_DISPOSITION_SALE },
  { "已成交", CG_DISPOSITION_SALE },
  { "购买", CG_DISPOSITION_SALE },
  { "下单", CG_DISPOSITION_SALE },
  { "sale", CG_DISPOSITION_SALE },
  { "sold", CG_DISPOSITION_SALE },
  { "won", CG_DISPOSITION_SALE },

  { "有意向", CG_DISPOSITION_INTERESTED },
  { "意向", CG_DISPOSITION_INTERESTED },
  { "感兴趣", CG_DISPOSITION_INTERESTED },
  { "意向客户", CG_DISPOSITION_INTERESTED },
  { "interested", CG_DISPOSITION_INTERESTED },
  { "hot lead", CG_DISPOSITION_INTERESTED },

  { "回拨", CG_DISPOSITION_CALLBACK },
  { "预约", CG_DISPOSITION_CALLBACK },
  { "再联系", CG_DISPOSITION_CALLBACK },
  { "稍后联系", CG_DISPOSITION_CALLBACK },
  { "callback", CG_DISPOSITION_CALLBACK },
  { "call back", CG_DISPOSITION_CALLBACK },

  { "无意向", CG_DISPOSITION_NOT_INTERESTED },
  { "不感兴趣", CG_DISPOSITION_NOT_INTERESTED },
  { "拒绝", CG_DISPOSITION_NOT_INTERESTED },
  { "not interested", CG_DISPOSITION_NOT_INTERESTED },

  { "勿扰", CG_DISPOSITION_DNC_REQUEST },
  { "免打扰", CG_DISPOSITION_DNC_REQUEST },
  { "不要再打", CG_DISPOSITION_DNC_REQUEST },
  { "拒绝再联系", CG_DISPOSITION_DNC_REQUEST },
  { "投诉", CG_DISPOSITION_DNC_REQUEST },
  { "加入黑名单", CG_DISPOSITION_DNC_REQUEST },
  { "do not call", CG_DISPOSITION_DNC_REQUEST },
  { "dnc", CG_DISPOSITION_DNC_REQUEST },
};

static GHashTable *
word_index_new (const WordEntry *entries,
                gsize            n_entries)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n_entries; i++)
    {
      g_autofree char *normal = normalize_word (entries[i].word);

      /* A word not in normal form could never be found; a duplicate would
       * silently shadow the first meaning. */
      if (g_strcmp0 (normal, entries[i].word) != 0)
        g_critical ("Word table entry “%s” is not in normal form", entries[i].word);
      if (!g_hash_table_insert (index, (gpointer) entries[i].word, (gpointer) &entries[i]))
        g_critical ("Word table entry “%s” is listed twice", entries[i].word);
    }
  return index;
}

/* @index caches the table as a hash, built on first use and never changed
 * after, so lookups from import threads need no lock. */
static const WordEntry *
word_lookup (GHashTable      **index,
             const WordEntry  *entries,
             gsize             n_entries,
             const char       *text)
{
  g_autofree char *key = NULL;

  if (g_once_init_enter (index))
    g_once_init_leave (index, word_index_new (entries, n_entries));

  key = normalize_word (text);
  if (key == NULL || *key == '\0')
    return NULL;
  return g_hash_table_lookup (*index, key);
}

gboolean
cg_parse_outcome (const char *text,
                  CgOutcome  *outcome)
{
  static GHashTable *index = NULL;
  const WordEntry *entry;

  g_return_val_if_fail (outcome != NULL, FALSE);

  entry = word_lookup (&index, outcome_words, G_N_ELEMENTS (outcome_words), text);
  if (entry == NULL)
    return FALSE;
  *outcome = (CgOutcome) entry->value;
  return TRUE;
}

/* An empty cell is FALSE, not CG_DISPOSITION_NONE: the import layer knows
 * whether the column exists at all and decides what blank means there. */
gboolean
cg_parse_disposition (const char    *text,
                      CgDisposition *disposition)
{
  static GHashTable *index = NULL;
  const WordEntry *entry;

  g_return_val_if_fail (disposition != NULL, FALSE);

  entry = word_lookup (&index, disposition_words, G_N_ELEMENTS (disposition_words), text);
  if (entry == NULL)
    return FALSE;
  *disposition = (CgDisposition) entry->value;
  return TRUE;
}
