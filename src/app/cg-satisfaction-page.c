/* cg-satisfaction-page.c — the Satisfaction page: figures, dimensions,
 * trend, slices, reliability, link to the calls, complaints, and what
 * customers say.
 *
 * Slot 0 reads the survey figures, slot 1 the themes of the texts, slot 2
 * edits a theme's lexicon and reads the themes again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cg-complaints.h"
#include "cg-feedback-section.h"
#include "cg-format.h"
#include "cg-page-util.h"
#include "cg-satisfaction-charts.h"
#include "cg-satisfaction-page.h"
#include "cg-survey-import.h"

/* Customers called more often than this count as over-contacted; the
 * same default as `callgauge-cli satisfaction link`. */
#define OVER_CONTACT_CALLS 3

struct _CgSatisfactionPage
{
  CgPage             parent_instance;

  GtkBox            *sections;
  GtkListBox        *figures;
  CgChartView       *radar;
  CgChartView       *trend;
  GtkDropDown       *dimension_choice;
  CgChartView       *distribution;
  CgTable           *agents;
  CgTable           *channels;
  GtkLabel          *reliability_note;
  CgTable           *reliability;
  CgChartView       *bands;
  GtkLabel          *link_note;
  CgTable           *complaints;
  CgFeedbackSection *feedback;

  GPtrArray         *total;           /* CgSatisfactionRow * of the last query */
  GtkStringList     *dimension_ids;   /* ids behind dimension_choice */
  gint64             responses;
};

G_DEFINE_FINAL_TYPE (CgSatisfactionPage, cg_satisfaction_page, CG_TYPE_PAGE)

/* ---- the survey figures (slot 0) ----------------------------------------- */

typedef struct {
  CgDimension         granularity;
  GPtrArray          *total;
  GPtrArray          *trend;
  GPtrArray          *agents;
  GPtrArray          *channels;
  GPtrArray          *bands;
  CgReliability      *reliability;
  gboolean            has_link;
  CgSatisfactionLink  link;
  GPtrArray          *complaints_agent;
  GPtrArray          *complaints_list;
} Figures;

static void
figures_free (Figures *f)
{
  g_clear_pointer (&f->total, g_ptr_array_unref);
  g_clear_pointer (&f->trend, g_ptr_array_unref);
  g_clear_pointer (&f->agents, g_ptr_array_unref);
  g_clear_pointer (&f->channels, g_ptr_array_unref);
  g_clear_pointer (&f->bands, g_ptr_array_unref);
  g_clear_pointer (&f->reliability, cg_reliability_free);
  g_clear_pointer (&f->complaints_agent, g_ptr_array_unref);
  g_clear_pointer (&f->complaints_list, g_ptr_array_unref);
  g_free (f);
}

static gboolean
total_has_responses (GPtrArray *total)
{
  for (guint i = 0; total != NULL && i < total->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (total, i);
      if (g_strcmp0 (row->dimension, CG_SATISFACTION_ALL) == 0 && row->surveyed > 0)
        return TRUE;
    }
  return FALSE;
}

static gpointer
query_figures (CgStore        *store,
               const CgFilter *filter,
               gpointer        data,
               GCancellable   *cancellable,
               GError        **error)
{
  Figures *f = g_new0 (Figures, 1);

  f->granularity = GPOINTER_TO_INT (data);
  if ((f->total = cg_satisfaction_compute (store, CG_SAT_BY_TOTAL, filter, error)) == NULL)
    goto fail;
  if (!total_has_responses (f->total))
    return f;  /* the empty state: nothing more to read */
  if ((f->trend = cg_satisfaction_compute (store, cg_satisfaction_by_for_grain (f->granularity), filter, error)) == NULL ||
      (f->agents = cg_satisfaction_compute (store, CG_SAT_BY_AGENT, filter, error)) == NULL ||
      (f->channels = cg_satisfaction_compute (store, CG_SAT_BY_CHANNEL, filter, error)) == NULL ||
      (f->bands = cg_satisfaction_compute (store, CG_SAT_BY_TALK_BAND, filter, error)) == NULL ||
      (f->reliability = cg_satisfaction_reliability (store, filter, error)) == NULL ||
      (f->complaints_agent = cg_complaints_rates (store, CG_DIM_AGENT, filter, error)) == NULL ||
      (f->complaints_list = cg_complaints_rates (store, CG_DIM_LIST, filter, error)) == NULL)
    goto fail;
  f->has_link = cg_satisfaction_link (store, filter, OVER_CONTACT_CALLS, &f->link, error);
  if (!f->has_link)
    goto fail;
  return f;

fail:
  figures_free (f);
  return NULL;
}

static const CgSatisfactionRow *
find_row (GPtrArray  *rows,
          const char *dimension)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->dimension, dimension) == 0)
        return row;
    }
  return NULL;
}

static char *
mean_text (const CgSatisfactionRow *row)
{
  if (row == NULL || !row->has_mean)
    return g_strdup ("—");
  if (!row->has_mean_ci)
    return g_strdup_printf ("%.2f", row->mean);
  return g_strdup_printf ("%.2f  (%.2f–%.2f)", row->mean, row->mean_ci.lower, row->mean_ci.upper);
}

static char *
nps_text (const CgSatisfactionRow *row)
{
  if (row == NULL || !row->has_nps)
    return g_strdup ("—");
  return g_strdup_printf ("%+.0f  (%+.0f, %+.0f)", row->nps.estimate, row->nps.lower, row->nps.upper);
}

static void
fill_figures (CgSatisfactionPage *self,
              GPtrArray          *total)
{
  const CgSatisfactionRow *all = find_row (total, CG_SATISFACTION_ALL);
  const CgSatisfactionRow *nps = find_row (total, "nps");
  const CgSatisfactionRow *effort = find_row (total, "effort");
  g_autofree char *responses = cg_format_count (all ? all->responses : 0);
  g_autofree char *surveyed = cg_format_count (all ? all->surveyed : 0);
  g_autofree char *count = g_strdup_printf (_("%s of %s surveyed"), responses, surveyed);
  g_autofree char *mean = mean_text (all);
  g_autofree char *csat = cg_rate_text (all != NULL && all->has_csat, all ? &all->csat : NULL);
  g_autofree char *npsv = nps_text (nps != NULL ? nps : all);
  g_autofree char *ces = NULL;
  g_autofree char *rate = NULL;
  const char *mean_note, *csat_note, *nps_note;

  cg_list_box_clear (self->figures);
  gtk_list_box_append (self->figures, cg_value_row (_("Responses"), _("Responses with a rated answer, of the customers surveyed"), count));
  if (all != NULL && all->has_response_rate)
    {
      rate = cg_percent_text (all->response_rate);
      gtk_list_box_append (self->figures, cg_value_row (_("Response rate"), NULL, rate));
    }
  /* xgettext:no-c-format */
  mean_note = _("All rated questions on 1–5, with the 95 % interval");
  gtk_list_box_append (self->figures, cg_value_row (_("Mean score"), mean_note, mean));
  /* xgettext:no-c-format */
  csat_note = _("Share of answers of 4 or 5 on 1–5 (top two boxes), Wilson 95 % interval");
  gtk_list_box_append (self->figures, cg_value_row (_("CSAT"), csat_note, csat));
  /* xgettext:no-c-format */
  nps_note = _("Promoters (9–10) minus detractors (0–6), in points, 95 % interval");
  gtk_list_box_append (self->figures, cg_value_row (_("NPS"), nps_note, npsv));
  if (effort != NULL && effort->has_mean)
    {
      g_autofree char *n = cg_format_count (effort->responses);
      ces = g_strdup_printf (_("%.2f on %g–%g  (%s responses)"), effort->mean, effort->scale_min, effort->scale_max, n);
    }
  gtk_list_box_append (self->figures, cg_value_row (_("CES"), _("Customer effort: mean of the effort questions, lower is easier"), ces ? ces : "—"));
}

enum { SLICE_KEY, SLICE_RESPONSES, SLICE_MEAN, SLICE_CSAT, SLICE_NPS, N_SLICE_COLUMNS };

static char *
channel_label (const char *key)
{
  if (key == NULL || key[0] == '\0')
    return g_strdup (_("(none)"));
  if (g_str_equal (key, CG_SURVEY_CHANNEL_QUESTIONNAIRE))
    return g_strdup (_("Questionnaire"));
  if (g_str_equal (key, CG_SURVEY_CHANNEL_CALLBACK))
    return g_strdup (_("Callback interview"));
  return g_strdup (key);
}

/* One row per key, from its "all" row. */
static void
fill_slices (CgTable   *table,
             GPtrArray *rows,
             gboolean   channels)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CgSatisfactionRow *r = g_ptr_array_index (rows, i);
      CgTableRow *row;
      g_autofree char *key = NULL;
      g_autofree char *n = NULL;
      g_autofree char *mean = NULL;
      g_autofree char *csat = NULL;
      g_autofree char *nps = NULL;

      if (g_strcmp0 (r->dimension, CG_SATISFACTION_ALL) != 0)
        continue;
      key = channels ? channel_label (r->key) : cg_key_label (CG_DIM_AGENT, r->key);
      n = cg_format_count (r->responses);
      mean = mean_text (r);
      csat = cg_rate_text (r->has_csat, &r->csat);
      nps = nps_text (r);
      row = cg_table_row_new (r->key, N_SLICE_COLUMNS);
      cg_table_row_set_text (row, SLICE_KEY, key);
      cg_table_row_set_number (row, SLICE_RESPONSES, n, r->responses);
      cg_table_row_set_number (row, SLICE_MEAN, mean, r->has_mean ? r->mean : NAN);
      cg_table_row_set_number (row, SLICE_CSAT, csat, r->has_csat ? r->csat.estimate : NAN);
      cg_table_row_set_number (row, SLICE_NPS, nps, r->has_nps ? r->nps.estimate : NAN);
      g_ptr_array_add (out, row);
    }
  cg_table_set_rows (table, out);
}

static void
fill_reliability (CgSatisfactionPage  *self,
                  const CgReliability *rel)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *n = cg_format_count (rel->n_complete);
  g_autofree char *text = NULL;
  const char *verdict;

  if (!rel->has_alpha)
    text = g_strdup_printf (_("Cronbach’s alpha cannot be computed: %s"),
                            rel->undefined_reason ? rel->undefined_reason : "—");
  else
    {
      /* The usual reading of alpha for a short satisfaction scale. */
      if (rel->alpha >= 0.8)
        verdict = _("good: the questions measure one thing consistently");
      else if (rel->alpha >= 0.7)
        verdict = _("acceptable: the questions mostly agree");
      else
        verdict = _("questionable: the questions may measure different things, or some are unclear");
      text = g_strdup_printf (_("Cronbach’s alpha %.2f over %u questions and %s complete responses — %s."),
                              rel->alpha, rel->n_items, n, verdict);
    }
  gtk_label_set_text (self->reliability_note, text);

  for (guint i = 0; i < rel->n_items; i++)
    {
      CgTableRow *row = cg_table_row_new (rel->titles[i], 2);
      double a = rel->alpha_if_deleted ? rel->alpha_if_deleted[i] : NAN;
      g_autofree char *value = isnan (a) ? g_strdup ("—") : g_strdup_printf ("%.2f", a);

      cg_table_row_set_text (row, 0, rel->titles[i]);
      cg_table_row_set_number (row, 1, value, a);
      g_ptr_array_add (rows, row);
    }
  cg_table_set_rows (self->reliability, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->reliability), rows->len > 0);
}

static void
fill_link (CgSatisfactionPage       *self,
           const CgSatisfactionLink *link,
           GPtrArray                *bands)
{
  g_autoptr(CgChart) chart = cg_satisfaction_band_chart (bands);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *linked = cg_format_count (link->linked);
  g_autofree char *responses = cg_format_count (link->responses);

  cg_chart_view_set_chart (self->bands, chart);
  g_string_append_printf (text, _("%s of %s responses are matched to a call."), linked, responses);
  if (link->has_correlation)
    {
      const char *strength = fabs (link->pearson_r) < 0.1 ? _("no real")
                             : fabs (link->pearson_r) < 0.3 ? _("a weak")
                             : fabs (link->pearson_r) < 0.5 ? _("a moderate") : _("a strong");
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Talk duration and score show %s correlation (Pearson r = %.2f, p = %.3f; Spearman ρ = %.2f)."),
                              strength, link->pearson_r, link->pearson_p, link->spearman_rho);
    }
  if (link->linked > 0)
    {
      g_autofree char *share = cg_percent_text (link->over_contacted_share);
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("%s of the matched customers were called more than %u times"), share, link->max_calls);
      if (link->has_over_mean && link->has_other_mean)
        g_string_append_printf (text, _("; their mean score is %.2f against %.2f for the others."), link->over_mean, link->other_mean);
      else
        g_string_append_c (text, '.');
    }
  gtk_label_set_text (self->link_note, text->str);
}

static void
add_complaint_rows (GPtrArray  *out,
                    GPtrArray  *rates,
                    const char *what,
                    int         order)
{
  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      const CgComplaintRate *r = g_ptr_array_index (rates, i);
      CgTableRow *row = cg_table_row_new (r->key, 5);
      g_autofree char *key = cg_key_label (CG_DIM_AGENT, r->key);
      g_autofree char *complaints = cg_format_count (r->complaints);
      g_autofree char *connected = cg_format_count (r->connected);
      g_autofree char *rate = r->has_rate ? g_strdup_printf ("%.2f", r->per_1000) : g_strdup ("—");

      cg_table_row_set_number (row, 0, what, order);
      cg_table_row_set_text (row, 1, key);
      cg_table_row_set_number (row, 2, complaints, r->complaints);
      cg_table_row_set_number (row, 3, connected, r->connected);
      cg_table_row_set_number (row, 4, rate, r->has_rate ? r->per_1000 : NAN);
      g_ptr_array_add (out, row);
    }
}

static void
fill_distribution (CgSatisfactionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->dimension_choice);
  const char *id = NULL;
  g_autoptr(CgChart) chart = NULL;

  if (selected < g_list_model_get_n_items (G_LIST_MODEL (self->dimension_ids)))
    id = gtk_string_list_get_string (self->dimension_ids, selected);
  chart = cg_satisfaction_distribution_chart (id ? find_row (self->total, id) : NULL);
  cg_chart_view_set_chart (self->distribution, chart);
}

static void
on_dimension_chosen (GtkDropDown        *drop_down,
                     GParamSpec         *pspec,
                     CgSatisfactionPage *self)
{
  fill_distribution (self);
}

/* The dimensions with answers, for the distribution's drop-down. */
static void
fill_dimension_choice (CgSatisfactionPage *self)
{
  GtkStringList *labels = GTK_STRING_LIST (gtk_drop_down_get_model (self->dimension_choice));
  guint selected = gtk_drop_down_get_selected (self->dimension_choice);
  g_autofree char *previous = NULL;
  guint keep = 0;

  if (selected < g_list_model_get_n_items (G_LIST_MODEL (self->dimension_ids)))
    previous = g_strdup (gtk_string_list_get_string (self->dimension_ids, selected));
  g_signal_handlers_block_by_func (self->dimension_choice, on_dimension_chosen, self);
  gtk_string_list_splice (labels, 0, g_list_model_get_n_items (G_LIST_MODEL (labels)), NULL);
  gtk_string_list_splice (self->dimension_ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->dimension_ids)), NULL);
  for (guint i = 0; self->total != NULL && i < self->total->len; i++)
    {
      const CgSatisfactionRow *row = g_ptr_array_index (self->total, i);
      CgSurveyDimension dim;

      if (row->distribution == NULL || row->distribution->len == 0)
        continue;
      if (g_strcmp0 (row->dimension, previous) == 0)
        keep = g_list_model_get_n_items (G_LIST_MODEL (labels));
      gtk_string_list_append (self->dimension_ids, row->dimension);
      gtk_string_list_append (labels, cg_survey_dimension_from_string (row->dimension, &dim)
                              ? cg_survey_dimension_get_label (dim) : _("All rated questions"));
    }
  gtk_drop_down_set_selected (self->dimension_choice, keep);
  g_signal_handlers_unblock_by_func (self->dimension_choice, on_dimension_chosen, self);
  fill_distribution (self);
}

static void
figures_done (CgPage       *page,
              gpointer      result,
              const GError *error)
{
  CgSatisfactionPage *self = CG_SATISFACTION_PAGE (page);
  Figures *f = result;
  const CgSatisfactionRow *all;
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CgChart) radar = NULL;
  g_autoptr(CgChart) trend = NULL;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  all = find_row (f->total, CG_SATISFACTION_ALL);
  self->responses = all ? all->responses : 0;
  cg_page_set_has_data (page, total_has_responses (f->total));
  if (!total_has_responses (f->total))
    return;

  g_clear_pointer (&self->total, g_ptr_array_unref);
  self->total = g_steal_pointer (&f->total);
  fill_figures (self, self->total);
  radar = cg_satisfaction_radar_chart (self->total);
  cg_chart_view_set_chart (self->radar, radar);
  trend = cg_satisfaction_trend_chart (f->granularity, f->trend);
  cg_chart_view_set_chart (self->trend, trend);
  fill_dimension_choice (self);
  fill_slices (self->agents, f->agents, FALSE);
  fill_slices (self->channels, f->channels, TRUE);
  fill_reliability (self, f->reliability);
  fill_link (self, &f->link, f->bands);
  add_complaint_rows (complaints, f->complaints_agent, _("Agent"), 0);
  add_complaint_rows (complaints, f->complaints_list, _("Number list"), 1);
  cg_table_set_rows (self->complaints, complaints);
}

/* ---- what customers say (slots 1 and 2) ----------------------------------- */

typedef struct {
  CgThemeReport *report;
  GPtrArray     *themes;
} Themes;

static void
themes_free (Themes *t)
{
  g_clear_pointer (&t->report, cg_theme_report_free);
  g_clear_pointer (&t->themes, g_ptr_array_unref);
  g_free (t);
}

static gpointer
query_themes (CgStore        *store,
              const CgFilter *filter,
              gpointer        data,
              GCancellable   *cancellable,
              GError        **error)
{
  Themes *t = g_new0 (Themes, 1);

  /* Texts carry no line, and most no agent: the period alone selects them. */
  if ((t->report = cg_theme_report_compute (store, CG_TEXT_SOURCE_ALL, CG_THEME_BY_TOTAL,
                                            filter->from_ts, filter->to_ts, error)) == NULL ||
      (t->themes = cg_themes_list (store, error)) == NULL)
    {
      themes_free (t);
      return NULL;
    }
  return t;
}

typedef struct {
  gboolean  add;
  char     *theme;
  char     *term;
} TermEdit;

static void
term_edit_free (TermEdit *e)
{
  g_free (e->theme);
  g_free (e->term);
  g_free (e);
}

static gpointer
query_edit_term (CgStore        *store,
                 const CgFilter *filter,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  TermEdit *e = data;
  gboolean ok = e->add ? cg_themes_add_term (store, e->theme, e->term, error)
                       : cg_themes_remove_term (store, e->theme, e->term, error);

  return ok ? query_themes (store, filter, NULL, cancellable, error) : NULL;
}

static void
themes_done (CgPage       *page,
             gpointer      result,
             const GError *error)
{
  CgSatisfactionPage *self = CG_SATISFACTION_PAGE (page);
  Themes *t = result;

  if (error != NULL)
    {
      cg_page_show_error (page, error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback), t->report->texts > 0);
  cg_feedback_section_set_report (self->feedback, g_steal_pointer (&t->report), g_steal_pointer (&t->themes));
}

static void
edit_term (CgSatisfactionPage *self,
           gboolean            add,
           const char         *theme,
           const char         *term)
{
  TermEdit *e = g_new0 (TermEdit, 1);

  e->add = add;
  e->theme = g_strdup (theme);
  e->term = g_strdup (term);
  cg_page_query (CG_PAGE (self), 2, query_edit_term, e, (GDestroyNotify) term_edit_free,
                 (GDestroyNotify) themes_free, themes_done);
}

static void
on_add_term (CgFeedbackSection  *section,
             const char         *theme,
             const char         *term,
             CgSatisfactionPage *self)
{
  edit_term (self, TRUE, theme, term);
}

static void
on_remove_term (CgFeedbackSection  *section,
                const char         *theme,
                const char         *term,
                CgSatisfactionPage *self)
{
  edit_term (self, FALSE, theme, term);
}

/* ---- the page ------------------------------------------------------------ */

static void
cg_satisfaction_page_refresh (CgPage         *page,
                              const CgFilter *filter)
{
  CgDimension granularity = cg_view_filter_get_granularity (cg_page_get_view_filter (page));

  cg_page_query (page, 0, query_figures, GINT_TO_POINTER (granularity), NULL,
                 (GDestroyNotify) figures_free, figures_done);
  cg_page_query (page, 1, query_themes, NULL, NULL, (GDestroyNotify) themes_free, themes_done);
}

static void
cg_satisfaction_page_finalize (GObject *object)
{
  CgSatisfactionPage *self = CG_SATISFACTION_PAGE (object);

  g_clear_pointer (&self->total, g_ptr_array_unref);
  g_clear_object (&self->dimension_ids);
  G_OBJECT_CLASS (cg_satisfaction_page_parent_class)->finalize (object);
}

static void
cg_satisfaction_page_class_init (CgSatisfactionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cg_satisfaction_page_finalize;
  CG_PAGE_CLASS (klass)->refresh = cg_satisfaction_page_refresh;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/callgauge/Callgauge/cg-satisfaction-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, sections);
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, dimension_choice);
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, reliability_note);
  gtk_widget_class_bind_template_child (widget_class, CgSatisfactionPage, link_note);
}

/* Moves a child the template placed in "sections" into @box. */
static void
move_into (CgSatisfactionPage *self,
           GtkWidget          *child,
           GtkBox             *box)
{
  g_object_ref (child);
  gtk_box_remove (self->sections, child);
  gtk_box_append (box, child);
  g_object_unref (child);
}

/* A section of the page: heading, optional note, then its widgets. */
static GtkBox *
add_section (CgSatisfactionPage *self,
             const char         *title,
             const char         *note)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  if (note != NULL)
    {
      label = gtk_label_new (note);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (box, label);
    }
  gtk_box_append (self->sections, GTK_WIDGET (box));
  return box;
}

static CgChartView *
add_chart (GtkBox *box,
           int     height)
{
  GtkWidget *view = cg_chart_view_new_sized (height);

  gtk_widget_set_hexpand (view, TRUE);
  gtk_box_append (box, view);
  return CG_CHART_VIEW (view);
}

static void
cg_satisfaction_page_init (CgSatisfactionPage *self)
{
  static const CgColumn slice_columns[N_SLICE_COLUMNS] = {
    { N_("Key"), CG_COLUMN_TEXT, NULL },
    { N_("Responses"), CG_COLUMN_NUMBER, NULL },
    /* xgettext:no-c-format */
    { N_("Mean (95 % CI)"), CG_COLUMN_NUMBER, N_("Mean score of all rated questions on 1–5") },
    /* xgettext:no-c-format */
    { N_("CSAT (95 % CI)"), CG_COLUMN_NUMBER, N_("Share of answers of 4 or 5 on 1–5") },
    /* xgettext:no-c-format */
    { N_("NPS (95 % CI)"), CG_COLUMN_NUMBER, N_("Promoters minus detractors, in points") },
  };
  static const CgColumn reliability_columns[2] = {
    { N_("Question"), CG_COLUMN_TEXT, NULL },
    { N_("Alpha if deleted"), CG_COLUMN_NUMBER, N_("Alpha of the other questions: higher than the total means this question does not fit the scale") },
  };
  static const CgColumn complaint_columns[5] = {
    { N_("By"), CG_COLUMN_NUMBER, NULL },
    { N_("Key"), CG_COLUMN_TEXT, NULL },
    { N_("Complaints"), CG_COLUMN_NUMBER, NULL },
    { N_("Connected calls"), CG_COLUMN_NUMBER, NULL },
    { N_("Per 1,000 connected"), CG_COLUMN_NUMBER, N_("Complaints per 1,000 connected calls") },
  };
  CgColumn agent_columns[N_SLICE_COLUMNS];
  CgColumn channel_columns[N_SLICE_COLUMNS];
  const char *trend_note;
  GtkBox *box;
  GtkWidget *row;

  gtk_widget_init_template (GTK_WIDGET (self));
  cg_page_add_empty_button (CG_PAGE (self), _("Import _Survey Results…"), "win.import",
                            _("Import a survey export (问卷星, a callback sheet), complaints or customer feedback"));
  self->dimension_ids = gtk_string_list_new (NULL);

  memcpy (agent_columns, slice_columns, sizeof slice_columns);
  agent_columns[SLICE_KEY].title = N_("Agent");
  memcpy (channel_columns, slice_columns, sizeof slice_columns);
  channel_columns[SLICE_KEY].title = N_("Channel");

  /* The figures and the radar side by side: both sum the period up. */
  box = GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->figures)));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  g_object_ref (self->figures);
  gtk_box_remove (box, GTK_WIDGET (self->figures));
  gtk_widget_set_valign (GTK_WIDGET (self->figures), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->figures));
  g_object_unref (self->figures);
  gtk_box_append (box, row);
  self->radar = add_chart (GTK_BOX (row), 360);

  /* xgettext:no-c-format */
  trend_note = _("Mean score of all rated questions per period of the granularity chosen above, with its 95 % interval.");
  box = add_section (self, _("Trend"), trend_note);
  self->trend = add_chart (box, 260);

  box = add_section (self, _("Answer Distribution"), _("How the answers spread over the scale, for the dimension you choose."));
  gtk_widget_set_halign (GTK_WIDGET (self->dimension_choice), GTK_ALIGN_START);
  move_into (self, GTK_WIDGET (self->dimension_choice), box);
  g_signal_connect (self->dimension_choice, "notify::selected", G_CALLBACK (on_dimension_chosen), self);
  self->distribution = add_chart (box, 240);

  box = add_section (self, _("By Agent"), _("The agent the response names, else the agent of the matched call."));
  self->agents = cg_table_new (agent_columns, N_SLICE_COLUMNS);
  gtk_box_append (box, GTK_WIDGET (self->agents));
  box = add_section (self, _("By Channel"), NULL);
  self->channels = cg_table_new (channel_columns, N_SLICE_COLUMNS);
  gtk_box_append (box, GTK_WIDGET (self->channels));

  box = add_section (self, _("Reliability"), _("Whether the rated questions measure one thing: 0.8 or more is good, 0.7–0.8 acceptable, under 0.7 questionable."));
  move_into (self, GTK_WIDGET (self->reliability_note), box);
  self->reliability = cg_table_new (reliability_columns, 2);
  gtk_box_append (box, GTK_WIDGET (self->reliability));

  box = add_section (self, _("Link to the Calls"), _("Responses are matched to the customer’s last connected call before the response."));
  self->bands = add_chart (box, 260);
  move_into (self, GTK_WIDGET (self->link_note), box);

  box = add_section (self, _("Complaints per 1,000 Connected Calls"), NULL);
  self->complaints = cg_table_new (complaint_columns, 5);
  gtk_box_append (box, GTK_WIDGET (self->complaints));

  self->feedback = CG_FEEDBACK_SECTION (cg_feedback_section_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->feedback), FALSE);
  g_signal_connect (self->feedback, "add-term", G_CALLBACK (on_add_term), self);
  g_signal_connect (self->feedback, "remove-term", G_CALLBACK (on_remove_term), self);
  gtk_box_append (self->sections, GTK_WIDGET (self->feedback));
}

CgChart *
cg_satisfaction_page_get_radar (CgSatisfactionPage *self)
{
  g_return_val_if_fail (CG_IS_SATISFACTION_PAGE (self), NULL);
  return cg_chart_view_get_chart (self->radar);
}

CgChart *
cg_satisfaction_page_get_trend (CgSatisfactionPage *self)
{
  g_return_val_if_fail (CG_IS_SATISFACTION_PAGE (self), NULL);
  return cg_chart_view_get_chart (self->trend);
}

gint64
cg_satisfaction_page_get_responses (CgSatisfactionPage *self)
{
  g_return_val_if_fail (CG_IS_SATISFACTION_PAGE (self), -1);
  return self->responses;
}

CgTable *
cg_satisfaction_page_get_agents (CgSatisfactionPage *self)
{
  g_return_val_if_fail (CG_IS_SATISFACTION_PAGE (self), NULL);
  return self->agents;
}

CgFeedbackSection *
cg_satisfaction_page_get_feedback (CgSatisfactionPage *self)
{
  g_return_val_if_fail (CG_IS_SATISFACTION_PAGE (self), NULL);
  return self->feedback;
}
