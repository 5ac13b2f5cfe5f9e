/* cg-palette.c — chart colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-palette.h"

/* Okabe & Ito (2008), "Color Universal Design": distinguishable under the
 * common colour-vision deficiencies.  The dark variants are lightened so
 * they keep contrast on a dark background. */
static const CgColor light_series[] = {
  { 0.000, 0.447, 0.698 },  /* blue */
  { 0.902, 0.624, 0.000 },  /* orange */
  { 0.000, 0.620, 0.451 },  /* bluish green */
  { 0.800, 0.475, 0.655 },  /* reddish purple */
  { 0.835, 0.369, 0.000 },  /* vermillion */
  { 0.337, 0.706, 0.914 },  /* sky blue */
  { 0.941, 0.894, 0.259 },  /* yellow */
};

static const CgColor dark_series[] = {
  { 0.337, 0.706, 0.914 },
  { 0.902, 0.624, 0.000 },
  { 0.200, 0.780, 0.600 },
  { 0.880, 0.600, 0.760 },
  { 0.950, 0.480, 0.200 },
  { 0.600, 0.820, 0.960 },
  { 0.941, 0.894, 0.259 },
};

CgColor
cg_palette_series (guint    index,
                   gboolean dark)
{
  const CgColor *series = dark ? dark_series : light_series;
  return series[index % G_N_ELEMENTS (light_series)];
}

CgColor
cg_palette_foreground (gboolean dark)
{
  return dark ? (CgColor) { 0.92, 0.92, 0.92 } : (CgColor) { 0.14, 0.14, 0.16 };
}

CgColor
cg_palette_grid (gboolean dark)
{
  return dark ? (CgColor) { 0.35, 0.35, 0.38 } : (CgColor) { 0.85, 0.85, 0.87 };
}

void
cg_color_set_source (cairo_t       *cr,
                     const CgColor *color,
                     double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}
