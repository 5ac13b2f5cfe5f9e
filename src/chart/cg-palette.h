/* cg-palette.h — chart colours that colour-blind readers can tell apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue;
} CgColor;

/* Series colours from the Okabe–Ito palette, tuned for light or dark
 * backgrounds; @index wraps around. */
CgColor cg_palette_series     (guint    index,
                               gboolean dark);
CgColor cg_palette_foreground (gboolean dark);
CgColor cg_palette_grid       (gboolean dark);

void    cg_color_set_source   (cairo_t       *cr,
                               const CgColor *color,
                               double         alpha);

G_END_DECLS
