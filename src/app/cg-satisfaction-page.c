/* cg-satisfaction-page.c — the Satisfaction page.
 *
 * Until the survey engine is merged the page only knows whether there are
 * survey responses at all.  To wire the engine: compute its figures in
 * query_satisfaction (worker thread, filter given), and add one section
 * per figure to the "sections" box in satisfaction_done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-satisfaction-page.h"
#include "cg-summary.h"

struct _CgSatisfactionPage
{
  CgPage  parent_instance;

  GtkBox *sections;
};

G_DEFINE_FINAL_TYPE (CgSatisfactionPage, cg_satisfaction_page, CG_TYPE_PAGE)

static gpointer
query_satisfaction (CgStore        *store,
                    const CgFilter *filter,
                    gpointer        data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  CgSummary *summary = g_new0 (CgSummary, 1);

  if (!cg_summary_compute (store, summary, error))
    g_clear_pointer (&summary, g_free);
  return summary;
}

static void
satisfaction_done (CgPage       *page,
                   gpointer      result,
                   const GError *error)
{
  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  /* No figures to show yet, even with responses: keep the empty state. */
  cg_page_set_has_data (page, FALSE);
}

static void
cg_satisfaction_page_refresh (CgPage         *page,
                              const CgFilter *filter)
{
  cg_page_query (page, 0, query_satisfaction, NULL, NULL, g_free, satisfaction_done);
}

static void
cg_satisfaction_page_class_init (CgSatisfactionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CG_PAGE_CLASS (klass)->refresh = cg_satisfaction_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-satisfaction-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, sections);
}

static void
cg_satisfaction_page_init (CgSatisfactionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
