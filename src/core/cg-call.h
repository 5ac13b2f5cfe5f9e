/* cg-call.h — one dial attempt as Callgauge stores it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Normalised outcome of a dial attempt.  Values are stored in the database:
 * append only, never renumber. */
typedef enum {
  CG_OUTCOME_OTHER = 0,
  CG_OUTCOME_CONNECTED,
  CG_OUTCOME_NO_ANSWER,
  CG_OUTCOME_BUSY,
  CG_OUTCOME_REJECTED,
  CG_OUTCOME_INVALID_NUMBER,  /* 空号 / 停机 */
  CG_OUTCOME_UNREACHABLE,     /* 关机 / 不在服务区 */
  CG_OUTCOME_LINE_FAILURE,
  CG_OUTCOME_VOICEMAIL,
  CG_N_OUTCOMES
} CgOutcome;

/* A short call: connected, but hung up before a conversation could start
 * (under this many seconds of talk). */
#define CG_SHORT_CALL_SECONDS 5

/* What the agent recorded about a connected call; stored, append only. */
typedef enum {
  CG_DISPOSITION_NONE = 0,
  CG_DISPOSITION_SALE,
  CG_DISPOSITION_INTERESTED,
  CG_DISPOSITION_CALLBACK,
  CG_DISPOSITION_NOT_INTERESTED,
  CG_DISPOSITION_DNC_REQUEST,  /* the customer asked not to be called again */
  CG_N_DISPOSITIONS
} CgDisposition;

/* A call as a reader or the demo generator hands it to the writer.  Strings
 * are borrowed.  Absent times are 0, absent durations -1, an absent sale
 * amount or quality value is NAN, an unknown has_recording is -1. */
typedef struct {
  const char    *call_uid;
  gint64         start_ts;
  gint64         answer_ts;
  gint64         end_ts;
  int            ring_s;
  int            talk_s;
  int            duration_s;
  CgOutcome      outcome;
  const char    *outcome_raw;
  const char    *agent_id;
  const char    *agent_name;
  const char    *line;
  const char    *phone;          /* as written in the source; normalised by the writer */
  const char    *list;
  const char    *campaign;
  const char    *segment;
  CgDisposition  disposition;
  double         sale_amount;
  double         mos;              /* mean opinion score, 1–5 */
  double         packet_loss_pct;  /* per cent of packets lost */
  double         jitter_ms;
  int            has_recording;    /* 1 a recording file is named, 0 none, -1 not in the log */
} CgCall;

void        cg_call_init               (CgCall        *call);

/** cg_outcome_to_string: stable id such as "no_answer" (used in JSON and CLI). */
const char *cg_outcome_to_string       (CgOutcome      outcome);
gboolean    cg_outcome_from_string     (const char    *id,
                                        CgOutcome     *outcome);
/** cg_outcome_get_label: translated label for people. */
const char *cg_outcome_get_label       (CgOutcome      outcome);

const char *cg_disposition_to_string   (CgDisposition  disposition);
gboolean    cg_disposition_from_string (const char    *id,
                                        CgDisposition *disposition);

G_END_DECLS
