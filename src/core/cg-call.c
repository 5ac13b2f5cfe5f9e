/* cg-call.c — outcome and disposition names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-call.h"

static const char *const outcome_ids[CG_N_OUTCOMES] = {
  "other", "connected", "no_answer", "busy", "rejected",
  "invalid_number", "unreachable", "line_failure", "voicemail",
};

static const char *const disposition_ids[CG_N_DISPOSITIONS] = {
  "none", "sale", "interested", "callback", "not_interested", "dnc_request",
};

void
cg_call_init (CgCall *call)
{
  memset (call, 0, sizeof *call);
  call->ring_s = -1;
  call->talk_s = 0;
  call->duration_s = -1;
  call->sale_amount = NAN;
  call->mos = NAN;
  call->packet_loss_pct = NAN;
  call->jitter_ms = NAN;
  call->has_recording = -1;
}

const char *
cg_outcome_to_string (CgOutcome outcome)
{
  g_return_val_if_fail (outcome < CG_N_OUTCOMES, "other");
  return outcome_ids[outcome];
}

gboolean
cg_outcome_from_string (const char *id,
                        CgOutcome  *outcome)
{
  for (guint i = 0; i < CG_N_OUTCOMES; i++)
    if (g_strcmp0 (id, outcome_ids[i]) == 0)
      {
        *outcome = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_outcome_get_label (CgOutcome outcome)
{
  switch (outcome)
    {
    case CG_OUTCOME_CONNECTED:      return _("Connected");
    case CG_OUTCOME_NO_ANSWER:      return _("No answer");
    case CG_OUTCOME_BUSY:           return _("Busy");
    case CG_OUTCOME_REJECTED:       return _("Rejected");
    case CG_OUTCOME_INVALID_NUMBER: return _("Invalid number");
    case CG_OUTCOME_UNREACHABLE:    return _("Unreachable");
    case CG_OUTCOME_LINE_FAILURE:   return _("Line failure");
    case CG_OUTCOME_VOICEMAIL:      return _("Voicemail");
    case CG_OUTCOME_OTHER:
    case CG_N_OUTCOMES:
    default:                        return _("Other");
    }
}

const char *
cg_disposition_to_string (CgDisposition disposition)
{
  g_return_val_if_fail (disposition < CG_N_DISPOSITIONS, "none");
  return disposition_ids[disposition];
}

gboolean
cg_disposition_from_string (const char    *id,
                            CgDisposition *disposition)
{
  for (guint i = 0; i < CG_N_DISPOSITIONS; i++)
    if (g_strcmp0 (id, disposition_ids[i]) == 0)
      {
        *disposition = i;
        return TRUE;
      }
  return FALSE;
}
