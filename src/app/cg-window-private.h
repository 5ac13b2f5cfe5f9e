/* cg-window-private.h — what the main window's own files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-batch-list.h"
#include "cg-filter-bar.h"
#include "cg-window.h"

G_BEGIN_DECLS

struct _CgWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  CgFilterBar          *filter_bar;

  CgStore              *store;           /* the main thread's connection: small writes */
  CgQueryRunner        *runner;          /* the pages' queries, on a worker of their own */
  CgViewFilter         *filter;          /* what every page shows */
  GCancellable         *job;             /* the running background job, if any */
  CgBatchList          *batch_list;
  GArray               *pending_deletes; /* batch ids deleted with undo still possible */
};

void cg_window_show_toast      (CgWindow   *self,
                                const char *message);

/* Background jobs: one at a time, with the progress bar and Cancel. */
void cg_window_job_begin       (CgWindow   *self,
                                const char *label);
void cg_window_job_end         (CgWindow   *self);
/* A CgProgressFunc for a worker: @user_data is the window. */
void cg_window_report_progress (double      fraction,
                                gint64      rows,
                                gpointer    user_data);

/* The file chooser's filter for call logs and other spreadsheets. */
GtkFileFilter *cg_window_spreadsheet_filter (void);

/* Deletes the batches whose Undo time is over. */
void cg_window_flush_deletes   (CgWindow   *self);

/* Actions (installed by cg_window_class_init). */
void cg_window_load_demo_action    (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void cg_window_cancel_action       (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void cg_window_delete_batch_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void cg_window_import_dnc_action   (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);

G_END_DECLS
