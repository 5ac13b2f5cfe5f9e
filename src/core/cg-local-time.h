/* cg-local-time.h — calendar arithmetic in the business time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cg-store.h"

G_BEGIN_DECLS

typedef struct {
  int year;
  int month;     /* 1–12 */
  int day;       /* 1–31 */
  int hour;      /* 0–23 */
  int weekday;   /* 1 = Monday … 7 = Sunday */
  int iso_year;  /* ISO 8601 week-numbering year */
  int iso_week;  /* 1–53 */
} CgLocalTime;

/** cg_local_time: the wall-clock fields of UTC second @ts in @tz. */
void     cg_local_time          (GTimeZone   *tz,
                                 gint64       ts,
                                 CgLocalTime *local);

/** cg_local_day: the local day of @ts as days since 1970-01-01, and its hour;
 * returns whether @ts is exactly local midnight. */
gboolean cg_local_day           (GTimeZone   *tz,
                                 gint64       ts,
                                 gint64      *day,
                                 int         *hour);

/** cg_local_weekday: ISO weekday (1 = Monday) of local day number @day. */
int      cg_local_weekday       (gint64       day);

/** cg_local_day_fields: calendar fields of local day number @day (hour 0). */
void     cg_local_day_fields    (gint64       day,
                                 CgLocalTime *local);

/* Registers cg_local(ts, unit) on the store's connection with the store's
 * current time zone: unit 0 "YYYY-MM-DD", 1 "YYYY-Www", 2 "YYYY-MM",
 * 3 "YYYY-Qn", 4 the hour (integer), 5 the weekday (1 = Monday); and
 * cg_day_key(day, unit), the same keys of a local day number. */
gboolean cg_local_time_register (CgStore     *store,
                                 GError     **error);
gboolean cg_day_key_register    (CgStore     *store,
                                 GError     **error);

G_END_DECLS
