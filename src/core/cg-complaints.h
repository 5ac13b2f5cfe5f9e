/* cg-complaints.h — customer complaints: import, and rates per connected call.
 *
 * A complaints file has a date, and usually the phone, the agent, a
 * category and the text; headers 投诉时间/日期/date, 号码/手机号/phone,
 * 坐席/工号/agent, 类别/投诉类型/category, 内容/投诉内容/text, 名单/list.
 * A complaint without agent or list takes them from the last connected
 * call to its number before it (matched by phone hash).
 *   complaint rate = complaints / connected calls × 1,000, by agent or list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-analytics.h"
#include "cg-reader.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_COMPLAINTS_ERROR (cg_complaints_error_quark ())
typedef enum {
  CG_COMPLAINTS_ERROR_FILE,  /* no date column, or a date we cannot read */
} CgComplaintsError;
GQuark cg_complaints_error_quark (void);

typedef struct {
  gint64  batch_id;           /* 0 when nothing new was imported */
  char   *file;
  char   *sha256;
  gint64  previous_batch_id;
  gint64  rows_read;
  gint64  rows_imported;
  gint64  rows_skipped;       /* blank dates */
  gint64  duplicates;
  gint64  matched;            /* agent or list taken from a call */
} CgComplaintsImportResult;

void cg_complaints_import_result_free (CgComplaintsImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgComplaintsImportResult, cg_complaints_import_result_free)

/* Imports @path as one batch of kind "complaints", atomically; complaints
 * already stored (same time, number, agent, category and text) are
 * duplicates. */
CgComplaintsImportResult *cg_complaints_import (CgStore                *store,
                                                const char             *path,
                                                const CgReaderOptions  *options,
                                                GError                **error);

typedef struct {
  char     *key;
  gint64    complaints;
  gint64    connected;
  gboolean  has_rate;      /* connected calls > 0 */
  double    per_1000;
} CgComplaintRate;

void       cg_complaint_rate_free (CgComplaintRate *rate);

/* Complaints per 1,000 connected calls by CG_DIM_AGENT or CG_DIM_LIST
 * (keys of either side, ascending), in the period of @filter. */
GPtrArray *cg_complaints_rates    (CgStore        *store,
                                   CgDimension     by,
                                   const CgFilter *filter,
                                   GError        **error);

G_END_DECLS
