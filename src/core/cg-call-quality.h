/* cg-call-quality.h — voice quality, recordings and short calls by slice.
 *
 * Definitions (the README repeats them).  Quality columns are imported when
 * the log has them (MOS / 语音质量, packet loss / 丢包率, jitter / 抖动,
 * recording file / 录音文件); a figure whose inputs the log did not carry
 * is NAN (null in JSON), never 0.
 *   with_mos           = calls with a MOS value;
 *   mos_mean           = mean MOS over those calls;
 *   low_mos_share      = calls with MOS < 3.5 / calls with a MOS value;
 *   packet_loss_mean   = mean packet loss (per cent) where present;
 *   jitter_mean        = mean jitter (ms) where present;
 *   recording_coverage = connected calls with a recording / connected
 *                        calls, over calls from logs with a recording column;
 *   short_call_share   = connected calls under CG_SHORT_CALL_SECONDS of talk
 *                        / connected calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"

G_BEGIN_DECLS

/* Calls with a MOS under this sound poor to the customer (ITU-T G.107:
 * below 3.6 many users are dissatisfied). */
#define CG_LOW_MOS 3.5

typedef struct {
  char   *key;
  gint64  calls;
  gint64  connected;
  gint64  with_mos;
  double  mos_mean;            /* NAN without MOS values */
  double  low_mos_share;       /* NAN without MOS values */
  gint64  with_packet_loss;
  double  packet_loss_mean;    /* per cent; NAN when absent */
  gint64  with_jitter;
  double  jitter_mean;         /* ms; NAN when absent */
  gint64  recordings_known;    /* connected calls from logs with a recording column */
  gint64  recordings;          /* … of which had a recording */
  double  recording_coverage;  /* NAN when no recording column */
  gint64  short_calls;
  double  short_call_share;    /* NAN without connected calls */
} CgCallQualityRow;

void       cg_call_quality_row_free (CgCallQualityRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgCallQualityRow, cg_call_quality_row_free)

/** cg_call_quality: one row per key of @by (CG_DIM_LINE, CG_DIM_AGENT,
 * CG_DIM_LIST or CG_DIM_MONTH), keys ascending; other dimensions are
 * CG_ANALYTICS_ERROR_INVALID. */
GPtrArray *cg_call_quality          (CgStore        *store,
                                     CgDimension     by,
                                     const CgFilter *filter,
                                     GError        **error);

G_END_DECLS
