/* cg-preferences-window.c — the settings stored in the database.
 *
 * The same keys and checks as "callgauge-cli settings": time_zone,
 * calling_hours, attempt_cap, billing, line_rate_default, line_rate/<line>,
 * keep_full_numbers, retention_months (with "Delete Now", the GUI's
 * `purge`), and the scorecard's targets and weights.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "cg-compliance.h"
#include "cg-format.h"
#include "cg-preferences-window.h"
#include "cg-purge.h"
#include "cg-scorecard.h"

struct _CgPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CgStore             *store;
  GtkSpinButton       *targets[CG_N_INDICATORS];
  GtkSpinButton       *weights[CG_N_INDICATORS];
  GtkSwitch           *keep_switch;
  GtkSpinButton       *retention;
  GtkWidget           *purge_button;
  gboolean             purging;
};

G_DEFINE_FINAL_TYPE (CgPreferencesWindow, cg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark cg_preferences_error_quark (void);
G_DEFINE_QUARK (cg-preferences-error-quark, cg_preferences_error)

static void
toast (CgPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static gboolean
check_rate (const char *value)
{
  char *end;
  double rate = g_ascii_strtod (value, &end);
  return end != value && *end == '\0' && rate >= 0 && rate < 1000;
}

gboolean
cg_preferences_window_apply (CgPreferencesWindow  *self,
                             const char           *key,
                             const char           *value,
                             GError              **error)
{
  g_return_val_if_fail (CG_IS_PREFERENCES_WINDOW (self), FALSE);

  if (g_str_equal (key, "time_zone"))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (value);
      if (tz == NULL)
        {
          g_set_error (error, cg_preferences_error_quark (), 0,
                       _("“%s” is not a time zone; use a name such as Asia/Shanghai."), value);
          return FALSE;
        }
      if (!cg_store_set_time_zone (self->store, value, error))
        return FALSE;
    }
  else if (g_str_equal (key, "calling_hours"))
    {
      CgCallingHours hours;
      if (!cg_calling_hours_parse (value, &hours, error) ||
          !cg_store_set_setting (self->store, key, value, error))
        return FALSE;
    }
  else if (g_str_equal (key, "attempt_cap"))
    {
      CgAttemptCap cap;
      if (!cg_attempt_cap_parse (value, &cap, error) ||
          !cg_store_set_setting (self->store, key, value, error))
        return FALSE;
    }
  else if (g_str_equal (key, CG_PURGE_SETTING))
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, CG_PURGE_MAX_MONTHS, NULL, NULL))
        {
          g_set_error (error, cg_preferences_error_quark (), 0,
                       _("Keep call details for 0 to %d months (0 keeps all)."), CG_PURGE_MAX_MONTHS);
          return FALSE;
        }
      if (!cg_store_set_setting (self->store, key, value, error))
        return FALSE;
      if (self->retention != NULL && gtk_spin_button_get_value_as_int (self->retention) != atoi (value))
        gtk_spin_button_set_value (self->retention, atoi (value));
    }
  else if (g_str_equal (key, "keep_full_numbers"))
    {
      if (!cg_store_set_keep_full_numbers (self->store, g_str_equal (value, "true"), error))
        return FALSE;
    }
  else if (g_str_equal (key, "billing") || g_str_equal (key, "line_rate_default") || g_str_has_prefix (key, "line_rate/"))
    {
      gboolean ok = g_str_equal (key, "billing") ? g_str_equal (value, "per_minute") || g_str_equal (value, "per_second")
                                                 : check_rate (value);
      if (!ok)
        {
          g_set_error (error, cg_preferences_error_quark (), 0, _("“%s” is not a valid value here."), value);
          return FALSE;
        }
      if (!cg_store_set_setting (self->store, key, value, error))
        return FALSE;
    }
  else
    {
      g_set_error (error, cg_preferences_error_quark (), 0, _("Unknown setting %s"), key);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
on_entry_apply (AdwEntryRow         *row,
                CgPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cg-key");
  g_autoptr(GError) error = NULL;

  if (cg_preferences_window_apply (self, key, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    toast (self, _("Saved"));
  else
    toast (self, error->message);
}

static GtkWidget *
entry_row (CgPreferencesWindow *self,
           const char          *key,
           const char          *fallback,
           const char          *title,
           const char          *tooltip)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = cg_store_get_setting (self->store, key, fallback);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  gtk_widget_set_tooltip_text (row, tooltip);
  g_object_set_data_full (G_OBJECT (row), "cg-key", g_strdup (key), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_apply), self);
  return row;
}

static void
on_rate_changed (GtkSpinButton       *spin,
                 CgPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "cg-key");
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GError) error = NULL;

  g_ascii_formatd (value, sizeof value, "%.4f", gtk_spin_button_get_value (spin));
  if (!cg_preferences_window_apply (self, key, value, &error))
    toast (self, error->message);
}

static GtkWidget *
rate_row (CgPreferencesWindow *self,
          const char          *key,
          const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 0.01);
  g_autofree char *value = cg_store_get_setting (self->store, key, "0");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Yuan per minute"));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_ascii_strtod (value, NULL));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (spin), "cg-key", g_strdup (key), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_rate_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
on_keep_changed (GtkSwitch           *sw,
                 GParamSpec          *pspec,
                 CgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cg_preferences_window_apply (self, "keep_full_numbers", gtk_switch_get_active (sw) ? "true" : "false", &error))
    toast (self, error->message);
  else if (!gtk_switch_get_active (sw))
    toast (self, _("Full numbers erased; only masked numbers and keyed hashes remain."));
}

static void
on_billing_changed (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    CgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cg_preferences_window_apply (self, "billing", adw_combo_row_get_selected (row) == 1 ? "per_second" : "per_minute", &error))
    toast (self, error->message);
}

/* ---- retention: the setting, and purging by it ---- */

static void
update_purge_button (CgPreferencesWindow *self)
{
  gtk_widget_set_sensitive (self->purge_button,
                            !self->purging && gtk_spin_button_get_value_as_int (self->retention) > 0);
}

static void
on_retention_changed (GtkSpinButton       *spin,
                      CgPreferencesWindow *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  g_autoptr(GError) error = NULL;

  if (!cg_preferences_window_apply (self, CG_PURGE_SETTING, value, &error))
    toast (self, error->message);
  update_purge_button (self);
}

typedef struct {
  char          *db_path;
  guint          months;
  CgPurgeResult  result;
} PurgeJob;

static void
purge_job_free (PurgeJob *job)
{
  g_free (job->db_path);
  cg_purge_result_clear (&job->result);
  g_free (job);
}

/* On a worker thread with its own connection, as imports run: a purge of
 * millions of rows must not freeze the window. */
static void
purge_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  PurgeJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgStore) store = cg_store_open (job->db_path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (store == NULL || !cg_purge_older_than (store, job->months, now, &job->result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
purge_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CgPreferencesWindow *self = CG_PREFERENCES_WINDOW (source);
  PurgeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->purging = FALSE;
  update_purge_button (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  if (job->result.backup_path == NULL)
    message = g_strdup_printf (ngettext ("Nothing is older than %u month.",
                                         "Nothing is older than %u months.", job->months), job->months);
  else
    {
      g_autofree char *calls = cg_format_count (job->result.calls);
      g_autofree char *backup = g_filename_display_basename (job->result.backup_path);

      message = g_strdup_printf (_("Deleted the details of %s calls; trends are unchanged. Backup: %s"), calls, backup);
    }
  toast (self, message);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
cg_preferences_window_purge (CgPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  PurgeJob *job;

  g_return_if_fail (CG_IS_PREFERENCES_WINDOW (self));
  if (self->purging || gtk_spin_button_get_value_as_int (self->retention) <= 0)
    return;
  job = g_new0 (PurgeJob, 1);
  job->db_path = g_strdup (cg_store_get_path (self->store));
  job->months = (guint) gtk_spin_button_get_value_as_int (self->retention);
  self->purging = TRUE;
  update_purge_button (self);
  task = g_task_new (self, NULL, purge_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) purge_job_free);
  g_task_run_in_thread (task, purge_thread);
}

static void
on_purge_response (AdwMessageDialog    *dialog,
                   const char          *response,
                   CgPreferencesWindow *self)
{
  if (g_str_equal (response, "delete"))
    cg_preferences_window_purge (self);
}

static void
on_purge_clicked (GtkButton           *button,
                  CgPreferencesWindow *self)
{
  int months = gtk_spin_button_get_value_as_int (self->retention);
  g_autofree char *body = g_strdup_printf (
    ngettext ("The details of calls, survey responses and complaints older than %d month are deleted. "
              "Trends and totals stay as they are. A backup of the database is made first; re-imports "
              "into that period are skipped from now on.",
              "The details of calls, survey responses and complaints older than %d months are deleted. "
              "Trends and totals stay as they are. A backup of the database is made first; re-imports "
              "into that period are skipped from now on.", months), months);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Older Call Details?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_purge_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_retention_rows (CgPreferencesWindow *self,
                    GtkWidget           *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, CG_PURGE_MAX_MONTHS, 1);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Now…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Keep call details for"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Months. Older details can then be deleted; trends and totals stay. 0 keeps everything."));
  self->retention = GTK_SPIN_BUTTON (spin);
  gtk_spin_button_set_value (self->retention, cg_purge_get_retention_months (self->store));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Months of call details to keep"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_retention_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Delete older call details"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A backup of the database is made first."));
  self->purge_button = button;
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_purge_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  update_purge_button (self);
}

static GtkWidget *
group (AdwPreferencesPage *page,
       const char         *title,
       const char         *description)
{
  GtkWidget *g = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (g), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (g), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (g));
  return g;
}

static void
build_general (CgPreferencesWindow *self,
               GStrv                lines)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *g, *row, *sw;
  g_autofree char *keep = cg_store_get_setting (self->store, "keep_full_numbers", "false");
  g_autofree char *billing = cg_store_get_setting (self->store, "billing", "per_minute");
  const char *billing_names[] = { _("Per started minute"), _("Per second"), NULL };

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  g = group (page, _("Time and Rules"), _("Days, weeks, months and hours are those of the business time zone."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, "time_zone", "Asia/Shanghai", _("Business time zone"),
                                        _("An IANA name such as Asia/Shanghai; changing it regroups all figures")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, "calling_hours", CG_COMPLIANCE_DEFAULT_CALLING_HOURS, _("Allowed calling hours"),
                                        _("For example: mon-fri 09:00-20:00; sat 10:00-18:00; sun off")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g),
                             entry_row (self, "attempt_cap", CG_COMPLIANCE_DEFAULT_ATTEMPT_CAP, _("Attempt cap"),
                                        _("At most N attempts per number within D days, written N/D, e.g. 3/7")));

  g = group (page, _("Privacy"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Keep full phone numbers"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Off: Callgauge stores only a masked number (138****8000) and a secret fingerprint that "
                                 "still tells repeat calls apart. On: full numbers are kept too, so anyone with the "
                                 "database file can read them. Turning it off erases the full numbers already stored."));
  sw = gtk_switch_new ();
  self->keep_switch = GTK_SWITCH (sw);
  gtk_switch_set_active (GTK_SWITCH (sw), g_str_equal (keep, "true"));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_keep_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  add_retention_rows (self, g);

  g = group (page, _("Telecom Costs"), _("What carriers charge per minute of talk, for the cost figures."));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Billing"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (billing_names)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_str_equal (billing, "per_second") ? 1 : 0);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_billing_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), rate_row (self, "line_rate_default", _("Rate of lines without their own")));
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("line_rate/", lines[i], NULL);
      g_autofree char *title = g_strdup_printf (_("Line %s"), lines[i]);

      if (lines[i][0] != '\0')
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), rate_row (self, key, title));
    }
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static const char *
indicator_label (CgIndicator indicator)
{
  switch (indicator)
    {
    case CG_INDICATOR_CONNECT_RATE:
      return _("Connect rate (share)");
    case CG_INDICATOR_CONTACT_RATE:
      return _("Contact rate (share)");
    case CG_INDICATOR_CONVERSION:
      return _("Conversion (share)");
    case CG_INDICATOR_ACD_SECONDS:
      return _("Average talk time (seconds)");
    case CG_INDICATOR_SATISFACTION:
      return _("Satisfaction (share satisfied)");
    case CG_INDICATOR_COMPLAINT_RATE:
      return _("Complaints per 1,000 connected calls");
    case CG_INDICATOR_COMPLIANCE_VIOLATIONS:
    default:
      return _("Violations per 1,000 calls");
    }
}

static void
on_scorecard_apply (GtkButton           *button,
                    CgPreferencesWindow *self)
{
  CgScorecardConfig config;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < CG_N_INDICATORS; i++)
    {
      config.target[i] = gtk_spin_button_get_value (self->targets[i]);
      config.weight[i] = gtk_spin_button_get_value_as_int (self->weights[i]);
    }
  if (!cg_scorecard_config_save (self->store, &config, &error))
    toast (self, error->message);
  else
    {
      toast (self, _("Scorecard saved"));
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
build_scorecard (CgPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  CgScorecardConfig config;
  GtkWidget *g, *button;

  if (!cg_scorecard_config_load (self->store, &config, NULL))
    cg_scorecard_config_init_defaults (&config);
  adw_preferences_page_set_title (page, _("Scorecard"));
  adw_preferences_page_set_icon_name (page, "emblem-ok-symbolic");
  g = group (page, _("Targets and Weights"),
             _("Each indicator scores 0–100 against its target; the total weighs them. Weights must add up to 100."));
  for (int i = 0; i < CG_N_INDICATORS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      gboolean share = i <= CG_INDICATOR_CONVERSION || i == CG_INDICATOR_SATISFACTION;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Target · weight"));
      self->targets[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (share ? 0.001 : 0.1, share ? 1 : 10000,
                                                                          share ? 0.01 : 1));
      gtk_spin_button_set_digits (self->targets[i], share ? 3 : 1);
      gtk_spin_button_set_value (self->targets[i], config.target[i]);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->targets[i]), _("Target"));
      self->weights[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100, 1));
      gtk_spin_button_set_value (self->weights[i], config.weight[i]);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weights[i]), _("Weight"));
      gtk_widget_set_valign (GTK_WIDGET (self->targets[i]), GTK_ALIGN_CENTER);
      gtk_widget_set_valign (GTK_WIDGET (self->weights[i]), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->targets[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->weights[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), row);
    }
  button = gtk_button_new_with_mnemonic (_("_Save Scorecard"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect (button, "clicked", G_CALLBACK (on_scorecard_apply), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), button);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
cg_preferences_window_finalize (GObject *object)
{
  g_clear_object (&CG_PREFERENCES_WINDOW (object)->store);
  G_OBJECT_CLASS (cg_preferences_window_parent_class)->finalize (object);
}

static void
cg_preferences_window_class_init (CgPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_preferences_window_finalize;
  /**
   * CgPreferencesWindow::changed: a setting was stored.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_preferences_window_init (CgPreferencesWindow *self)
{
}

CgPreferencesWindow *
cg_preferences_window_new (GtkWindow *parent,
                           CgStore   *store,
                           GStrv      lines)
{
  CgPreferencesWindow *self = g_object_new (CG_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            "search-enabled", FALSE,
                                            "default-width", 720,
                                            "default-height", 640,
                                            NULL);

  self->store = g_object_ref (store);
  build_general (self, lines);
  build_scorecard (self);
  return self;
}
