/* cg-view-filter.c — what every page shows.
 *
 * Periods are whole days of the business time zone: from 00:00 of the
 * first day up to 00:00 after the last, the same boundaries the core's
 * grouping by day, month and quarter uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cg-view-filter.h"

struct _CgViewFilter
{
  GObject      parent_instance;

  GTimeZone   *tz;
  GDateTime   *today;        /* NULL: the clock */
  char        *preset;
  GDate        first;        /* custom period */
  GDate        last;
  CgDimension  granularity;
  char        *line;
  char        *agent;
  char        *list;
};

G_DEFINE_FINAL_TYPE (CgViewFilter, cg_view_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRESET,
  PROP_GRANULARITY,
  PROP_LINE,
  PROP_AGENT,
  PROP_LIST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *const cg_view_filter_presets[] = {
  "all", "this-month", "last-month", "this-quarter", "last-quarter", "this-year", "custom", NULL,
};

static void
changed (CgViewFilter *self,
         int           prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
today (CgViewFilter *self,
       GDate        *date)
{
  g_autoptr(GDateTime) now = self->today ? g_date_time_to_timezone (self->today, self->tz)
                                         : g_date_time_new_now (self->tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* The first month (1–12) of the quarter of @month. */
static int
quarter_start (int month)
{
  return (month - 1) / 3 * 3 + 1;
}

gboolean
cg_view_filter_get_days (CgViewFilter *self,
                         GDate        *first,
                         GDate        *last)
{
  GDate now;
  int year, month;

  g_return_val_if_fail (CG_IS_VIEW_FILTER (self), FALSE);
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  if (g_str_equal (self->preset, "all"))
    return FALSE;
  if (g_str_equal (self->preset, "custom"))
    {
      *first = self->first;
      *last = self->last;
      return g_date_valid (first) && g_date_valid (last);
    }

  today (self, &now);
  year = g_date_get_year (&now);
  month = g_date_get_month (&now);
  if (g_str_equal (self->preset, "last-month"))
    {
      g_date_set_dmy (first, 1, month, year);
      g_date_subtract_months (first, 1);
      g_date_set_dmy (last, 1, month, year);
      g_date_subtract_days (last, 1);
      return TRUE;
    }
  if (g_str_equal (self->preset, "this-quarter") || g_str_equal (self->preset, "last-quarter"))
    {
      g_date_set_dmy (first, 1, quarter_start (month), year);
      if (g_str_equal (self->preset, "last-quarter"))
        g_date_subtract_months (first, 3);
    }
  else if (g_str_equal (self->preset, "this-year"))
    g_date_set_dmy (first, 1, 1, year);
  else /* this-month */
    g_date_set_dmy (first, 1, month, year);

  if (g_str_equal (self->preset, "last-quarter"))
    {
      *last = *first;
      g_date_add_months (last, 3);
      g_date_subtract_days (last, 1);
    }
  else
    *last = now;
  return TRUE;
}

static gint64
day_start (CgViewFilter *self,
           const GDate  *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (self->tz, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (dt);
}

void
cg_view_filter_get (CgViewFilter *self,
                    CgFilter     *filter)
{
  GDate first, last;

  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  memset (filter, 0, sizeof *filter);
  if (cg_view_filter_get_days (self, &first, &last))
    {
      g_date_add_days (&last, 1);
      filter->from_ts = day_start (self, &first);
      filter->to_ts = day_start (self, &last);
    }
  filter->line = self->line;
  filter->agent = self->agent;
  filter->list = self->list;
}

void
cg_view_filter_set_time_zone (CgViewFilter *self,
                              GTimeZone    *tz)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  g_return_if_fail (tz != NULL);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);
  if (!g_str_equal (self->preset, "all"))
    g_signal_emit (self, signals[CHANGED], 0);
}

void
cg_view_filter_set_today (CgViewFilter *self,
                          GDateTime    *now)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = now ? g_date_time_ref (now) : NULL;
}

void
cg_view_filter_set_preset (CgViewFilter *self,
                           const char   *preset)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  g_return_if_fail (g_strv_contains (cg_view_filter_presets, preset));
  if (g_str_equal (self->preset, preset))
    return;
  if (g_str_equal (preset, "custom") && !g_date_valid (&self->first))
    {
      /* A custom period starts as the one on screen. */
      GDate first, last;

      if (!cg_view_filter_get_days (self, &first, &last))
        {
          today (self, &last);
          first = last;
          g_date_set_day (&first, 1);
        }
      self->first = first;
      self->last = last;
    }
  g_free (self->preset);
  self->preset = g_strdup (preset);
  changed (self, PROP_PRESET);
}

const char *
cg_view_filter_get_preset (CgViewFilter *self)
{
  g_return_val_if_fail (CG_IS_VIEW_FILTER (self), NULL);
  return self->preset;
}

void
cg_view_filter_set_days (CgViewFilter *self,
                         GDate        *first,
                         GDate        *last)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  g_return_if_fail (g_date_valid (first) && g_date_valid (last));
  self->first = *first;
  self->last = *last;
  /* A period given backwards means the same days. */
  if (g_date_compare (&self->first, &self->last) > 0)
    {
      self->first = *last;
      self->last = *first;
    }
  g_free (self->preset);
  self->preset = g_strdup ("custom");
  changed (self, PROP_PRESET);
}

void
cg_view_filter_set_granularity (CgViewFilter *self,
                                CgDimension   granularity)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  g_return_if_fail (granularity == CG_DIM_DAY || granularity == CG_DIM_WEEK ||
                    granularity == CG_DIM_MONTH || granularity == CG_DIM_QUARTER);
  if (self->granularity == granularity)
    return;
  self->granularity = granularity;
  changed (self, PROP_GRANULARITY);
}

CgDimension
cg_view_filter_get_granularity (CgViewFilter *self)
{
  g_return_val_if_fail (CG_IS_VIEW_FILTER (self), CG_DIM_MONTH);
  return self->granularity;
}

static void
set_key (CgViewFilter  *self,
         char         **field,
         const char    *value,
         int            prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  changed (self, prop);
}

void
cg_view_filter_set_line (CgViewFilter *self,
                         const char   *line)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  set_key (self, &self->line, line, PROP_LINE);
}

void
cg_view_filter_set_agent (CgViewFilter *self,
                          const char   *agent)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  set_key (self, &self->agent, agent, PROP_AGENT);
}

void
cg_view_filter_set_list (CgViewFilter *self,
                         const char   *list)
{
  g_return_if_fail (CG_IS_VIEW_FILTER (self));
  set_key (self, &self->list, list, PROP_LIST);
}

const char *
cg_view_filter_get_line (CgViewFilter *self)
{
  return self->line;
}

const char *
cg_view_filter_get_agent (CgViewFilter *self)
{
  return self->agent;
}

const char *
cg_view_filter_get_list (CgViewFilter *self)
{
  return self->list;
}

gboolean
cg_view_filter_set_dimension (CgViewFilter *self,
                              CgDimension   by,
                              const char   *key)
{
  switch (by)
    {
    case CG_DIM_LINE:
      cg_view_filter_set_line (self, key);
      return TRUE;
    case CG_DIM_AGENT:
      cg_view_filter_set_agent (self, key);
      return TRUE;
    case CG_DIM_LIST:
      cg_view_filter_set_list (self, key);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
cg_view_filter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgViewFilter *self = CG_VIEW_FILTER (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    case PROP_GRANULARITY:
      g_value_set_int (value, self->granularity);
      break;
    case PROP_LINE:
      g_value_set_string (value, self->line);
      break;
    case PROP_AGENT:
      g_value_set_string (value, self->agent);
      break;
    case PROP_LIST:
      g_value_set_string (value, self->list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_view_filter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgViewFilter *self = CG_VIEW_FILTER (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      cg_view_filter_set_preset (self, g_value_get_string (value));
      break;
    case PROP_GRANULARITY:
      cg_view_filter_set_granularity (self, g_value_get_int (value));
      break;
    case PROP_LINE:
      cg_view_filter_set_line (self, g_value_get_string (value));
      break;
    case PROP_AGENT:
      cg_view_filter_set_agent (self, g_value_get_string (value));
      break;
    case PROP_LIST:
      cg_view_filter_set_list (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_view_filter_finalize (GObject *object)
{
  CgViewFilter *self = CG_VIEW_FILTER (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_free (self->preset);
  g_free (self->line);
  g_free (self->agent);
  g_free (self->list);
  G_OBJECT_CLASS (cg_view_filter_parent_class)->finalize (object);
}

static void
cg_view_filter_class_init (CgViewFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = cg_view_filter_get_property;
  object_class->set_property = cg_view_filter_set_property;
  object_class->finalize = cg_view_filter_finalize;

  properties[PROP_PRESET] = g_param_spec_string ("preset", NULL, NULL, "all", flags);
  properties[PROP_GRANULARITY] = g_param_spec_int ("granularity", NULL, NULL, 0, CG_N_DIMS - 1, CG_DIM_MONTH, flags);
  properties[PROP_LINE] = g_param_spec_string ("line", NULL, NULL, NULL, flags);
  properties[PROP_AGENT] = g_param_spec_string ("agent", NULL, NULL, NULL, flags);
  properties[PROP_LIST] = g_param_spec_string ("list", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgViewFilter::changed: anything that chooses the calls shown changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_view_filter_init (CgViewFilter *self)
{
  self->tz = g_time_zone_new_identifier ("Asia/Shanghai");
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();
  self->preset = g_strdup ("all");
  self->granularity = CG_DIM_MONTH;
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
}

CgViewFilter *
cg_view_filter_new (void)
{
  return g_object_new (CG_TYPE_VIEW_FILTER, NULL);
}
