/* cg-local-time.c — calendar arithmetic in the business time zone.
 *
 * Grouping millions of calls by day or week must not allocate a GDateTime
 * per call: the offset comes from GTimeZone, the civil date from Howard
 * Hinnant's days-from-civil algorithms ("chrono-compatible low-level date
 * algorithms"), exact for the proleptic Gregorian calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-local-time.h"
#include "cg-store-private.h"

static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, yy;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  yy = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yy + (*m <= 2));
}

static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

static gint64
wall_seconds (GTimeZone *tz,
              gint64     ts)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, ts);
  return ts + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
}

gboolean
cg_local_day (GTimeZone *tz,
              gint64     ts,
              gint64    *day,
              int       *hour)
{
  gint64 wall = wall_seconds (tz, ts);

  *day = floor_div (wall, 86400);
  if (hour != NULL)
    *hour = (int) ((wall - *day * 86400) / 3600);
  return wall == *day * 86400;
}

int
cg_local_weekday (gint64 day)
{
  /* 1970-01-01 was a Thursday (ISO weekday 4). */
  return (int) ((day % 7 + 7 + 3) % 7) + 1;
}

void
cg_local_day_fields (gint64       days,
                     CgLocalTime *local)
{
  gint64 thursday;
  int ty, tm, td;

  civil_from_days (days, &local->year, &local->month, &local->day);
  local->hour = 0;
  local->weekday = cg_local_weekday (days);
  /* The ISO week is the one of this week's Thursday, in that Thursday's year. */
  thursday = days - (local->weekday - 1) + 3;
  civil_from_days (thursday, &ty, &tm, &td);
  local->iso_year = ty;
  local->iso_week = (int) ((thursday - days_from_civil (ty, 1, 1)) / 7) + 1;
}

void
cg_local_time (GTimeZone   *tz,
               gint64       ts,
               CgLocalTime *local)
{
  gint64 day;
  int hour;

  cg_local_day (tz, ts, &day, &hour);
  cg_local_day_fields (day, local);
  local->hour = hour;
}

static void
result_key (sqlite3_context   *ctx,
            const CgLocalTime *t_,
            int                unit)
{
  const CgLocalTime t = *t_;
  char buf[16];
  int n;

  switch (unit)
    {
    case 0:
      n = g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
      break;
    case 1:
      n = g_snprintf (buf, sizeof buf, "%04d-W%02d", t.iso_year, t.iso_week);
      break;
    case 2:
      n = g_snprintf (buf, sizeof buf, "%04d-%02d", t.year, t.month);
      break;
    case 3:
      n = g_snprintf (buf, sizeof buf, "%04d-Q%d", t.year, (t.month - 1) / 3 + 1);
      break;
    case 4:
      sqlite3_result_int (ctx, t.hour);
      return;
    case 5:
      sqlite3_result_int (ctx, t.weekday);
      return;
    default:
      sqlite3_result_error (ctx, "cg_local: unknown unit", -1);
      return;
    }
  sqlite3_result_text (ctx, buf, n, SQLITE_TRANSIENT);
}

static void
local_func (sqlite3_context *ctx,
            int              argc,
            sqlite3_value  **argv)
{
  GTimeZone *tz = sqlite3_user_data (ctx);
  CgLocalTime t;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  cg_local_time (tz, sqlite3_value_int64 (argv[0]), &t);
  result_key (ctx, &t, sqlite3_value_int (argv[1]));
}

/* The keys of a local day number, for the aggregate tables. */
static void
day_key_func (sqlite3_context *ctx,
              int              argc,
              sqlite3_value  **argv)
{
  CgLocalTime t;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  cg_local_day_fields (sqlite3_value_int64 (argv[0]), &t);
  result_key (ctx, &t, sqlite3_value_int (argv[1]));
}

gboolean
cg_local_time_register (CgStore  *store,
                        GError  **error)
{
  GTimeZone *tz = cg_store_get_time_zone (store);
  const char *registered = g_object_get_data (G_OBJECT (store), "cg-local-time-zone");
  g_autofree char *id = NULL;

  /* Registering again would make SQLite recompile every cached statement:
   * only do it when the time-zone setting changed.  SQLite then drops the
   * previous registration and unrefs its zone. */
  if (g_strcmp0 (registered, g_time_zone_get_identifier (tz)) == 0)
    {
      g_time_zone_unref (tz);
      return TRUE;
    }
  id = g_strdup (g_time_zone_get_identifier (tz));
  if (sqlite3_create_function_v2 (cg_store_get_db (store), "cg_local", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, tz, local_func,
                                  NULL, NULL, (void (*) (void *)) g_time_zone_unref) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "register cg_local");
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (store), "cg-local-time-zone", g_steal_pointer (&id), g_free);
  return TRUE;
}

gboolean
cg_day_key_register (CgStore  *store,
                     GError  **error)
{
  /* Once per connection: registering again recompiles every statement. */
  if (g_object_get_data (G_OBJECT (store), "cg-day-key") != NULL)
    return TRUE;
  g_object_set_data (G_OBJECT (store), "cg-day-key", GINT_TO_POINTER (1));
  if (sqlite3_create_function_v2 (cg_store_get_db (store), "cg_day_key", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, day_key_func,
                                  NULL, NULL, NULL) != SQLITE_OK)
    {
      cg_store_set_sql_error (store, error, "register cg_day_key");
      return FALSE;
    }
  return TRUE;
}
