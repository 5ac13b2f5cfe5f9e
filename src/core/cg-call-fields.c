/* cg-call-fields.c — the fields of a call record and how files name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-call-fields.h"

static const char *const field_ids[CG_N_FIELDS] = {
  "call_id", "start", "answer", "end", "ring", "talk", "duration", "outcome",
  "agent_id", "agent_name", "line", "phone", "list", "campaign", "segment",
  "disposition", "sale_amount", "mos", "packet_loss", "jitter", "recording",
};

static const char *const preset_ids[CG_N_PRESETS] = {
  "auto", "asterisk", "freepbx", "freeswitch", "generic",
};

/* Header words by field, already in normalised form (lower case, no
 * spaces, underscores, dashes or bracketed units).  What Chinese SaaS
 * exports, FreePBX and FreeSWITCH call their columns. */
static const struct {
  CgCallField field;
  const char *names;  /* '|'-separated */
} synonyms[] = {
  { CG_FIELD_CALL_ID, "呼叫id|通话id|呼叫编号|通话编号|话单id|话单编号|记录id|通话记录id|callid|uniqueid|uuid|recordid|id" },
  { CG_FIELD_START, "呼叫时间|拨打时间|开始时间|外呼时间|通话开始时间|呼叫开始时间|拨号时间|日期时间|时间|calldate|starttime|start|startstamp|calltime|date|datetime|timestamp|callstart" },
  { CG_FIELD_ANSWER, "接通时间|应答时间|接听时间|answer|answertime|answerstamp|answeredat" },
  { CG_FIELD_END, "结束时间|挂机时间|挂断时间|通话结束时间|end|endtime|endstamp|hangup|hanguptime" },
  { CG_FIELD_RING, "振铃时长|响铃时长|振铃时间|等待时长|ring|ringtime|ringseconds|ringduration" },
  { CG_FIELD_TALK, "通话时长|通话时间|计费时长|接通时长|通话秒数|billsec|talktime|talk|talkseconds|billable|billableseconds|talkduration|conversationduration" },
  { CG_FIELD_DURATION, "总时长|呼叫时长|持续时长|时长|duration|totalduration|callduration" },
  { CG_FIELD_OUTCOME, "呼叫结果|通话状态|挂机原因|呼叫状态|接通状态|外呼结果|通话结果|状态|结果|disposition|hangupcause|status|result|callresult|outcome|callstatus" },
  { CG_FIELD_AGENT_ID, "坐席|坐席工号|工号|坐席id|坐席编号|员工编号|员工工号|分机|分机号|agent|agentid|extension|cnum" },
  { CG_FIELD_AGENT_NAME, "坐席姓名|坐席名称|坐席名|员工姓名|销售|业务员|外呼人|操作员|agentname|cnam" },
  { CG_FIELD_LINE, "线路|中继|外显号码|主叫号码|线路号码|中继号码|外呼线路|主叫|显示号码|trunk|line|callerid|outboundcnum|gateway|lineid" },
  { CG_FIELD_PHONE, "被叫号码|客户号码|号码|客户电话|电话|手机号|手机|手机号码|联系电话|被叫|电话号码|callee|phone|phonenumber|number|destination|dst|destinationnumber|called|to" },
  { CG_FIELD_LIST, "号码来源|名单|名单名称|数据来源|来源|线索来源|号码包|list|source|leadsource|listname" },
  { CG_FIELD_CAMPAIGN, "任务|任务名称|外呼任务|活动|活动名称|项目|campaign|task" },
  { CG_FIELD_SEGMENT, "客户分组|客户类型|客户分类|客群|分组|客户等级|segment|customergroup|customertype|group" },
  { CG_FIELD_DISPOSITION, "意向|客户意向|意向等级|小结|通话小结|处理结果|跟进结果|intent|wrapup|callsummary" },
  { CG_FIELD_SALE_AMOUNT, "成交金额|订单金额|销售额|金额|saleamount|amount|revenue|orderamount" },
  { CG_FIELD_MOS, "mos|mos值|语音质量|通话质量|mosscore|voicequality|callquality" },
  { CG_FIELD_PACKET_LOSS, "丢包率|丢包|packetloss|packetlossrate|loss|lossrate" },
  { CG_FIELD_JITTER, "抖动|网络抖动|jitter|jitterms" },
  { CG_FIELD_RECORDING, "录音文件|录音|录音地址|录音链接|录音文件名|recordingfile|recording|recordingurl|recordfile" },
};

const char *
cg_call_field_to_string (CgCallField field)
{
  g_return_val_if_fail (field < CG_N_FIELDS, NULL);
  return field_ids[field];
}

gboolean
cg_call_field_from_string (const char  *id,
                           CgCallField *field)
{
  for (guint i = 0; i < CG_N_FIELDS; i++)
    if (g_strcmp0 (id, field_ids[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_call_field_get_label (CgCallField field)
{
  switch (field)
    {
    case CG_FIELD_CALL_ID:     return _("Call ID");
    case CG_FIELD_START:       return _("Start time");
    case CG_FIELD_ANSWER:      return _("Answer time");
    case CG_FIELD_END:         return _("End time");
    case CG_FIELD_RING:        return _("Ring seconds");
    case CG_FIELD_TALK:        return _("Talk seconds");
    case CG_FIELD_DURATION:    return _("Total duration");
    case CG_FIELD_OUTCOME:     return _("Outcome");
    case CG_FIELD_AGENT_ID:    return _("Agent ID");
    case CG_FIELD_AGENT_NAME:  return _("Agent name");
    case CG_FIELD_LINE:        return _("Line");
    case CG_FIELD_PHONE:       return _("Customer phone");
    case CG_FIELD_LIST:        return _("Number list");
    case CG_FIELD_CAMPAIGN:    return _("Campaign");
    case CG_FIELD_SEGMENT:     return _("Customer segment");
    case CG_FIELD_DISPOSITION: return _("Disposition");
    case CG_FIELD_SALE_AMOUNT: return _("Sale amount");
    case CG_FIELD_MOS:         return _("Voice quality (MOS)");
    case CG_FIELD_PACKET_LOSS: return _("Packet loss rate");
    case CG_FIELD_JITTER:      return _("Jitter (ms)");
    case CG_FIELD_RECORDING:   return _("Recording file");
    case CG_N_FIELDS:
    default:                   return NULL;
    }
}

const char *
cg_preset_to_string (CgPreset preset)
{
  g_return_val_if_fail (preset < CG_N_PRESETS, NULL);
  return preset_ids[preset];
}

gboolean
cg_preset_from_string (const char *id,
                       CgPreset   *preset)
{
  for (guint i = 0; i < CG_N_PRESETS; i++)
    if (g_strcmp0 (id, preset_ids[i]) == 0)
      {
        *preset = i;
        return TRUE;
      }
  return FALSE;
}

/* "通话时长(秒)" → "通话时长"; "Talk Time" → "talktime"; "start_stamp" → "startstamp". */
static char *
normalise_header (const char *header)
{
  GString *s = g_string_new (NULL);
  int depth = 0;

  for (const char *p = header; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 /* （ */ || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011)
        depth = MAX (depth - 1, 0);
      else if (depth > 0 || g_unichar_isspace (c) || c == '_' || c == '-' || c == '.' || c == ':' || c == 0xFEFF)
        continue;
      else
        g_string_append_unichar (s, g_unichar_tolower (c));
    }
  return g_string_free (s, FALSE);
}

CgCallField
cg_call_field_match_header (const char *header)
{
  g_autofree char *norm = NULL;
  gsize len;

  if (header == NULL)
    return CG_N_FIELDS;
  norm = normalise_header (header);
  len = strlen (norm);
  if (len == 0)
    return CG_N_FIELDS;

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      const char *p = synonyms[i].names;

      while (*p)
        {
          const char *bar = strchr (p, '|');
          gsize n = bar ? (gsize) (bar - p) : strlen (p);

          if (n == len && memcmp (p, norm, n) == 0)
            return synonyms[i].field;
          p += n + (bar ? 1 : 0);
        }
    }
  return CG_N_FIELDS;
}

/* Asterisk cdr_csv: accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec,
 * disposition, amaflags[, uniqueid][, userfield].  On outbound calls src
 * is the agent's extension and dstchannel the trunk (the line). */
static const int asterisk_layout[] = {
  CG_FIELD_CAMPAIGN, CG_FIELD_AGENT_ID, CG_FIELD_PHONE, -1, -1, -1,
  CG_FIELD_LINE, -1, -1, CG_FIELD_START, CG_FIELD_ANSWER, CG_FIELD_END,
  CG_FIELD_DURATION, CG_FIELD_TALK, CG_FIELD_OUTCOME, -1, CG_FIELD_CALL_ID, -1,
  CG_LAYOUT_END
};

/* FreeSWITCH mod_cdr_csv default template: caller_id_name,
 * caller_id_number, destination_number, context, start_stamp,
 * answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid,
 * bleg_uuid, accountcode[, read_codec, write_codec]. */
static const int freeswitch_layout[] = {
  CG_FIELD_AGENT_NAME, CG_FIELD_AGENT_ID, CG_FIELD_PHONE, -1, CG_FIELD_START,
  CG_FIELD_ANSWER, CG_FIELD_END, CG_FIELD_DURATION, CG_FIELD_TALK,
  CG_FIELD_OUTCOME, CG_FIELD_CALL_ID, -1, CG_FIELD_CAMPAIGN, -1, -1,
  CG_LAYOUT_END
};

const int *
cg_preset_get_layout (CgPreset  preset,
                      guint    *n_columns)
{
  switch (preset)
    {
    case CG_PRESET_ASTERISK:
      *n_columns = 16;
      return asterisk_layout;
    case CG_PRESET_FREESWITCH:
      *n_columns = 13;
      return freeswitch_layout;
    case CG_PRESET_AUTO:
    case CG_PRESET_FREEPBX:
    case CG_PRESET_GENERIC:
    case CG_N_PRESETS:
    default:
      *n_columns = 0;
      return NULL;
    }
}
