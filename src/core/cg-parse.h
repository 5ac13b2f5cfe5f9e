/* cg-parse.h — reading the times, durations and outcome words of call logs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "cg-call.h"

G_BEGIN_DECLS

/* Parses a date-time as call logs write it and returns UTC epoch seconds.
 * Accepted: "YYYY-MM-DD HH:MM:SS", "YYYY/M/D H:MM[:SS]", "YYYY年M月D日 HH:MM[:SS]",
 * ISO 8601 with 'T' and an optional zone (Z, +08:00, +0800), date only,
 * epoch seconds (9–10 digits) and milliseconds (12–13 digits), and Excel
 * serials given as text (e.g. "46023.5").  Times without a zone are in @tz. */
gboolean  cg_parse_datetime     (const char  *text,
                                 GTimeZone   *tz,
                                 gint64      *unix_seconds);

/* An Excel serial (1900 system, with Excel's fictitious 1900-02-29) as a
 * wall-clock time in @tz → UTC epoch seconds. */
gboolean  cg_parse_excel_serial (double       serial,
                                 GTimeZone   *tz,
                                 gint64      *unix_seconds);

/* Seconds from "95", "95.0", "1:35", "0:01:35", "1分35秒", "1小时2分", "35秒", "2m 5s". */
gboolean  cg_parse_duration     (const char  *text,
                                 int         *seconds);

/* Normalises what dialers write as a call's result (Asterisk disposition,
 * FreeSWITCH hangup cause, Chinese and English SaaS words).  Returns FALSE
 * for words it does not know, leaving @outcome untouched. */
gboolean  cg_parse_outcome      (const char  *text,
                                 CgOutcome   *outcome);

/* Normalises an intent / disposition word (成交, 有意向, 回拨, 无意向, 勿扰…). */
gboolean  cg_parse_disposition  (const char  *text,
                                 CgDisposition *disposition);

/* A money amount such as "1,280.50", "¥1280", "1280元"; FALSE if not a number. */
gboolean  cg_parse_amount       (const char  *text,
                                 double      *amount);

G_END_DECLS
