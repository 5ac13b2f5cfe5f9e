/* cg-axis.h — axis ticks and value formatting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-chart.h"

G_BEGIN_DECLS

typedef struct {
  double lo;    /* first tick, <= the data minimum */
  double hi;    /* last tick, >= the data maximum */
  double step;  /* 1, 2 or 5 × 10ⁿ */
  guint  n;     /* number of ticks, lo and hi included */
} CgTicks;

/** cg_axis_nice_number: the "nice" number (1, 2, 5 or 10 × 10ⁿ) nearest
 * @x (@round) or not below it. */
double cg_axis_nice_number   (double   x,
                              gboolean round);
/** cg_axis_ticks: nice ticks covering [@min, @max] with about @max_ticks
 * ticks (Heckbert, Graphics Gems, 1990). */
void   cg_axis_ticks         (double   min,
                              double   max,
                              guint    max_ticks,
                              CgTicks *ticks);

/** cg_format_value: @value in @unit with as many decimals as a tick @step
 * needs (0 for "as precise as useful"): "45.2 %", "¥1,234,567", "3:05". */
char  *cg_format_value       (CgUnit   unit,
                              double   value,
                              double   step);
/** cg_format_thousands: "1,234,567.5" with @decimals decimals. */
char  *cg_format_thousands   (double   value,
                              int      decimals);
/** cg_format_duration: seconds as "45 s", "3:05" or "1:02:03". */
char  *cg_format_duration    (double   seconds);
/** cg_format_time_key: a period key as a short label ("9月3日" / "Sep 3",
 * "2026 W36", "2026-09", "2026 Q3"); unparsable keys come back unchanged. */
char  *cg_format_time_key    (CgGrain     grain,
                              const char *key);

G_END_DECLS
