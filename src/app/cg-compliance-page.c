/* cg-compliance-page.c — rules, violations and their calls, do-not-call
 * list, complaints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cg-compliance.h"
#include "cg-compliance-page.h"
#include "cg-dnc.h"
#include "cg-format.h"
#include "cg-page-util.h"

struct _CgCompliancePage
{
  CgPage      parent_instance;

  GtkListBox *rules;
  GtkListBox *findings;
  GtkBox     *calls_box;
  GtkBox     *complaints_box;
  GtkLabel   *complaints_note;
  GtkBox     *dnc_box;
  GtkLabel   *dnc_note;
  CgTable    *calls;
  CgTable    *complaints;
  CgTable    *dnc;
};

/* The newest entries of the do-not-call list shown; the count says all. */
#define DNC_SHOWN 500

G_DEFINE_FINAL_TYPE (CgCompliancePage, cg_compliance_page, CG_TYPE_PAGE)

typedef struct {
  CgComplianceReport *report;
  GTimeZone          *tz;
  gint64              calls;
  GPtrArray          *dnc;          /* CgDncEntry * */
  gint64              dnc_numbers;
  gint64              dnc_from_calls;
} Audit;

static void
audit_free (Audit *a)
{
  g_clear_pointer (&a->report, cg_compliance_report_free);
  g_clear_pointer (&a->tz, g_time_zone_unref);
  g_clear_pointer (&a->dnc, g_ptr_array_unref);
  g_free (a);
}

static gpointer
query_audit (CgStore        *store,
             const CgFilter *filter,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  Audit *a = g_new0 (Audit, 1);

  a->calls = cg_store_count_calls (store);
  a->tz = cg_store_get_time_zone (store);
  if ((a->calls > 0 && (a->report = cg_compliance_audit (store, filter, error)) == NULL) ||
      (a->dnc = cg_dnc_list (store, DNC_SHOWN, &a->dnc_numbers, &a->dnc_from_calls, error)) == NULL)
    {
      audit_free (a);
      return NULL;
    }
  return a;
}

enum { CALL_KIND, CALL_TIME, CALL_PHONE, CALL_AGENT, CALL_LINE, CALL_LIST, N_CALL_COLUMNS };

static void
add_calls (GPtrArray       *rows,
           const char      *kind,
           const CgFinding *finding,
           GTimeZone       *tz)
{
  for (guint i = 0; i < finding->calls->len; i++)
    {
      const CgComplianceCall *call = g_ptr_array_index (finding->calls, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (call->start_ts);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      CgTableRow *row = cg_table_row_new (NULL, N_CALL_COLUMNS);

      cg_table_row_set_text (row, CALL_KIND, kind);
      cg_table_row_set_number (row, CALL_TIME, when, call->start_ts);
      /* Masked numbers only: the audit never reads the full ones. */
      cg_table_row_set_text (row, CALL_PHONE, call->phone_masked ? call->phone_masked : "—");
      cg_table_row_set_text (row, CALL_AGENT, call->agent_id ? call->agent_id : "—");
      cg_table_row_set_text (row, CALL_LINE, call->line ? call->line : "—");
      cg_table_row_set_text (row, CALL_LIST, call->list ? call->list : "—");
      g_ptr_array_add (rows, row);
    }
}

static void
add_finding_row (CgCompliancePage *self,
                 const char       *title,
                 const char       *subtitle,
                 const CgFinding  *finding)
{
  g_autofree char *count = cg_format_count (finding->count);
  gtk_list_box_append (self->findings, cg_value_row (title, subtitle, count));
}

static void
fill_complaints (CgCompliancePage         *self,
                 const CgComplianceReport *r)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  struct { GPtrArray *counts; const char *what; } groups[] = {
    { r->complaints_by_month, _("Month") },
    { r->complaints_by_agent, _("Agent") },
    { r->complaints_by_list, _("Number list") },
  };
  gint64 total = 0;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; groups[g].counts != NULL && i < groups[g].counts->len; i++)
      {
        const CgComplaintCount *c = g_ptr_array_index (groups[g].counts, i);
        CgTableRow *row = cg_table_row_new (c->key, 3);
        g_autofree char *key = cg_key_label (CG_DIM_LIST, c->key);
        g_autofree char *count = cg_format_count (c->complaints);

        cg_table_row_set_number (row, 0, groups[g].what, g);
        cg_table_row_set_text (row, 1, key);
        cg_table_row_set_number (row, 2, count, c->complaints);
        g_ptr_array_add (rows, row);
        if (g == 0)
          total += c->complaints;
      }
  cg_table_set_rows (self->complaints, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->complaints), rows->len > 0);
  if (total == 0)
    gtk_label_set_text (self->complaints_note, _("No complaints in this period. Complaints come with the call logs (a complaint column) or their own import."));
  else
    {
      g_autofree char *n = cg_format_count (total);
      g_autofree char *text = g_strdup_printf (_("%s complaints in this period, by month, agent and number list."), n);
      gtk_label_set_text (self->complaints_note, text);
    }
}

enum { DNC_NUMBER, DNC_SOURCE, DNC_ADDED, N_DNC_COLUMNS };

static void
fill_dnc (CgCompliancePage *self,
          const Audit      *a)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *numbers = cg_format_count (a->dnc_numbers);
  g_autofree char *from_calls = cg_format_count (a->dnc_from_calls);
  g_autofree char *note = NULL;

  for (guint i = 0; i < a->dnc->len; i++)
    {
      const CgDncEntry *e = g_ptr_array_index (a->dnc, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (e->added_ts);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, a->tz);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      CgTableRow *row = cg_table_row_new (NULL, N_DNC_COLUMNS);

      cg_table_row_set_text (row, DNC_NUMBER, e->phone_masked ? e->phone_masked : "—");
      cg_table_row_set_text (row, DNC_SOURCE, g_strcmp0 (e->source, "call") == 0
                                              ? _("Asked on a call") : _("Imported list"));
      cg_table_row_set_number (row, DNC_ADDED, when, e->added_ts);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (self->dnc, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->dnc), rows->len > 0);
  if (a->dnc_numbers == 0)
    note = g_strdup (_("The do-not-call list is empty."));
  else if (a->dnc_numbers > (gint64) a->dnc->len)
    {
      g_autofree char *shown = cg_format_count (a->dnc->len);
      /* TRANSLATORS: numbers on the list, of them asked on a call, entries shown */
      note = g_strdup_printf (_("%s numbers on the do-not-call list (%s asked on a call); the newest %s entries below."),
                              numbers, from_calls, shown);
    }
  else
    note = g_strdup_printf (_("%s numbers on the do-not-call list (%s asked on a call)."), numbers, from_calls);
  gtk_label_set_text (self->dnc_note, note);
}

static void
audit_done (CgPage       *page,
            gpointer      result,
            const GError *error)
{
  CgCompliancePage *self = CG_COMPLIANCE_PAGE (page);
  Audit *a = result;
  const CgComplianceReport *r;
  g_autofree char *hours = NULL;
  g_autofree char *cap = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  cg_page_set_has_data (page, a->calls > 0);
  fill_dnc (self, a);
  if (a->report == NULL)
    return;
  r = a->report;

  hours = cg_calling_hours_to_string (&r->hours);
  cap = g_strdup_printf (_("at most %u attempts per number within %u days"), r->cap.max_attempts, r->cap.days);
  cg_list_box_clear (self->rules);
  gtk_list_box_append (self->rules, cg_value_row (_("Allowed calling hours"), NULL, hours));
  gtk_list_box_append (self->rules, cg_value_row (_("Attempt cap"), NULL, cap));

  cg_list_box_clear (self->findings);
  add_finding_row (self, _("Calls outside the allowed hours"),
                   _("Started before the opening or at or after the closing time of their weekday."), &r->outside_hours);
  add_finding_row (self, _("Calls to numbers that refused"),
                   _("Calls to a number after it was put on the do-not-call list or asked not to be called."), &r->dnc);
  add_finding_row (self, _("Attempts over the cap"),
                   _("Attempts beyond the cap within the window, per number."), &r->attempt_cap);

  add_calls (rows, _("Outside hours"), &r->outside_hours, a->tz);
  add_calls (rows, _("Do-not-call"), &r->dnc, a->tz);
  add_calls (rows, _("Over the cap"), &r->attempt_cap, a->tz);
  cg_table_set_rows (self->calls, rows);
  fill_complaints (self, r);
}

static void
cg_compliance_page_refresh (CgPage         *page,
                            const CgFilter *filter)
{
  cg_page_query (page, 0, query_audit, NULL, NULL, (GDestroyNotify) audit_free, audit_done);
}

static void
cg_compliance_page_class_init (CgCompliancePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  CG_PAGE_CLASS (klass)->refresh = cg_compliance_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-compliance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, rules);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, findings);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, calls_box);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, complaints_box);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, complaints_note);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, dnc_box);
  gtk_widget_class_bind_template_child (widget_class, CgCompliancePage, dnc_note);
}

static void
cg_compliance_page_init (CgCompliancePage *self)
{
  CgColumn call_columns[N_CALL_COLUMNS] = {
    { N_("Rule broken"), CG_COLUMN_TEXT, NULL },
    { N_("Started"), CG_COLUMN_NUMBER, NULL },
    { N_("Number"), CG_COLUMN_TEXT, N_("Numbers are masked") },
    { N_("Agent"), CG_COLUMN_TEXT, NULL },
    { N_("Line"), CG_COLUMN_TEXT, NULL },
    { N_("Number list"), CG_COLUMN_TEXT, NULL },
  };
  CgColumn dnc_columns[N_DNC_COLUMNS] = {
    { N_("Number"), CG_COLUMN_TEXT, N_("Numbers are masked") },
    { N_("Source"), CG_COLUMN_TEXT, NULL },
    { N_("Added"), CG_COLUMN_NUMBER, NULL },
  };
  CgColumn complaint_columns[3] = {
    { N_("By"), CG_COLUMN_NUMBER, NULL },
    { N_("Key"), CG_COLUMN_TEXT, NULL },
    { N_("Complaints"), CG_COLUMN_NUMBER, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->calls = cg_table_new (call_columns, N_CALL_COLUMNS);
  gtk_box_append (self->calls_box, GTK_WIDGET (self->calls));
  self->complaints = cg_table_new (complaint_columns, G_N_ELEMENTS (complaint_columns));
  gtk_box_append (self->complaints_box, GTK_WIDGET (self->complaints));
  self->dnc = cg_table_new (dnc_columns, N_DNC_COLUMNS);
  gtk_box_append (self->dnc_box, GTK_WIDGET (self->dnc));
}

CgTable *
cg_compliance_page_get_dnc (CgCompliancePage *self)
{
  g_return_val_if_fail (CG_IS_COMPLIANCE_PAGE (self), NULL);
  return self->dnc;
}
