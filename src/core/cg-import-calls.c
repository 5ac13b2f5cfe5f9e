/* cg-import-calls.c — call logs from files into the store.
 *
 * A plan reads the head of the file once: which reader, which preset, which
 * column holds which field.  The run streams the whole file through the
 * same mapping into one CgCallWriter transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-import-calls.h"
#include "cg-import-private.h"
#include "cg-parse.h"
#include "cg-phone.h"

G_DEFINE_QUARK (cg-import-error-quark, cg_import_error)

/* Rows read for the preview and for finding unknown outcome words. */
#define PLAN_SAMPLE_ROWS 1000
/* Dates outside this window are typing or export errors, not calls. */
#define EARLIEST_PLAUSIBLE 946684800  /* 2000-01-01T00:00:00Z */


/* ---- reading cells ------------------------------------------------------ */

const CgCell *
cg_import_cell_at (const CgCell *cells,
         guint         n_cells,
         int           column)
{
  static const CgCell empty = { CG_CELL_EMPTY, "", 0, 0 };

  if (column < 0 || (guint) column >= n_cells)
    return &empty;
  return &cells[column];
}

gboolean
cg_import_cell_is_blank (const CgCell *cell)
{
  if (cell->type == CG_CELL_EMPTY)
    return TRUE;
  for (const char *p = cell->text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
cell_to_time (CgImportPlan *plan,
              const CgCell *cell,
              gint64       *ts)
{
  if (cell->type == CG_CELL_DATE || (cell->type == CG_CELL_NUMBER && cell->number > 20000 && cell->number < 200000))
    return cg_parse_excel_serial (cell->number, plan->tz, ts);
  return cg_parse_datetime (cell->text, plan->tz, ts);
}

static gboolean
cell_to_seconds (const CgCell *cell,
                 int          *seconds)
{
  if (cell->type == CG_CELL_DATE)
    {
      /* A duration formatted as a time of day (0:01:35) is a day fraction. */
      double s = cell->number * 86400.0;
      if (s < 0 || s > 86400.0 * 7)
        return FALSE;
      *seconds = (int) lround (s);
      return TRUE;
    }
  if (cell->type == CG_CELL_NUMBER)
    {
      if (cell->number < 0 || cell->number > 86400.0 * 7)
        return FALSE;
      *seconds = (int) lround (cell->number);
      return TRUE;
    }
  return cg_parse_duration (cell->text, seconds) && *seconds <= 86400 * 7;
}

static char *
casefold_trim (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  return g_utf8_casefold (stripped, -1);
}

static gboolean
lookup_outcome (CgImportPlan *plan,
                const char   *text,
                CgOutcome    *outcome)
{
  if (g_hash_table_size (plan->outcome_words) > 0)
    {
      g_autofree char *key = casefold_trim (text);
      gpointer value;

      if (g_hash_table_lookup_extended (plan->outcome_words, key, NULL, &value))
        {
          *outcome = GPOINTER_TO_INT (value);
          return TRUE;
        }
    }
  return cg_parse_outcome (text, outcome);
}

/* "SIP/trunk-a-00000a3f" → "trunk-a": the peer of an Asterisk channel. */
static const char *
channel_peer (GString    *scratch,
              const char *channel)
{
  const char *slash = strchr (channel, '/');
  const char *start = slash ? slash + 1 : channel;
  const char *dash = strrchr (start, '-');

  g_string_assign (scratch, start);
  if (dash != NULL && slash != NULL)
    g_string_truncate (scratch, dash - start);
  return scratch->str;
}


/* A quality measurement such as "4.2", "1.5%", "30ms" or "30 毫秒"; NAN
 * when unreadable.  Dialers write "-" or "N/A" when they did not measure,
 * so an unreadable value is "not measured", not a bad row.  Packet loss is
 * taken as per cent as written ("0.5" is 0.5 %). */
static double
quality_value (const CgCell *c)
{
  g_autofree char *s = NULL;
  char *end;
  double v;

  if (c->type == CG_CELL_NUMBER)
    return c->number;
  if (cg_import_cell_is_blank (c))
    return NAN;
  s = g_strstrip (g_strdup (c->text));
  v = g_ascii_strtod (s, &end);
  if (end == s)
    return NAN;
  while (*end == ' ')
    end++;
  if (*end != '\0' && strcmp (end, "%") != 0 && g_ascii_strcasecmp (end, "ms") != 0 &&
      strcmp (end, "毫秒") != 0)
    return NAN;
  return isfinite (v) && v >= 0 ? v : NAN;
}

/* MOS, packet loss, jitter and the recording, when the log has them. */
static void
map_quality (CgImportPlan *plan,
             const CgCell *cells,
             guint         n_cells,
             CgCall       *call)
{
  double mos = quality_value (cg_import_cell_at (cells, n_cells, plan->columns[CG_FIELD_MOS]));

  /* MOS is 1–5; 0 is what some systems write for "not measured". */
  call->mos = mos >= 1.0 && mos <= 5.0 ? mos : NAN;
  call->packet_loss_pct = quality_value (cg_import_cell_at (cells, n_cells, plan->columns[CG_FIELD_PACKET_LOSS]));
  if (call->packet_loss_pct > 100.0)
    call->packet_loss_pct = NAN;
  call->jitter_ms = quality_value (cg_import_cell_at (cells, n_cells, plan->columns[CG_FIELD_JITTER]));
  if (plan->columns[CG_FIELD_RECORDING] >= 0)
    call->has_recording = !cg_import_cell_is_blank (cg_import_cell_at (cells, n_cells,
                                                                       plan->columns[CG_FIELD_RECORDING]));
}

/* Fills @call from one row; on a bad row returns FALSE with @problem set. */
gboolean
cg_import_map_row (CgImportPlan *plan,
         const CgCell *cells,
         guint         n_cells,
         CgCall       *call,
         RowProblem   *problem,
         gboolean     *unknown_outcome)
{
#define CELL(f) cg_import_cell_at (cells, n_cells, plan->columns[f])
  const CgCell *c;
  gint64 end_ts = 0;

  cg_call_init (call);
  *unknown_outcome = FALSE;

  c = CELL (CG_FIELD_START);
  if (cg_import_cell_is_blank (c) || !cell_to_time (plan, c, &call->start_ts))
    {
      problem->field = CG_FIELD_START;
      problem->message = cg_import_cell_is_blank (c) ? _("the start time is missing")
                                           : _("cannot read this date and time");
      return FALSE;
    }
  if (call->start_ts < EARLIEST_PLAUSIBLE || call->start_ts > plan->latest_plausible)
    {
      problem->field = CG_FIELD_START;
      problem->message = _("the date is before 2000 or more than a year ahead");
      return FALSE;
    }

  c = CELL (CG_FIELD_ANSWER);
  if (!cg_import_cell_is_blank (c) && !cell_to_time (plan, c, &call->answer_ts))
    call->answer_ts = 0;  /* Asterisk and others write placeholders here */
  if (call->answer_ts != 0 && call->answer_ts < call->start_ts)
    call->answer_ts = 0;
  c = CELL (CG_FIELD_END);
  if (!cg_import_cell_is_blank (c) && cell_to_time (plan, c, &end_ts) && end_ts >= call->start_ts)
    call->end_ts = end_ts;

  for (CgCallField f = CG_FIELD_RING; f <= CG_FIELD_DURATION; f++)
    {
      int *target = f == CG_FIELD_RING ? &call->ring_s : f == CG_FIELD_TALK ? &call->talk_s : &call->duration_s;
      c = CELL (f);
      if (cg_import_cell_is_blank (c))
        continue;
      if (!cell_to_seconds (c, target))
        {
          problem->field = f;
          problem->message = _("not a duration (seconds, H:MM:SS or 1分30秒)");
          return FALSE;
        }
    }
  if (plan->columns[CG_FIELD_TALK] < 0 && call->answer_ts != 0 && call->end_ts != 0)
    call->talk_s = (int) (call->end_ts - call->answer_ts);
  if (call->duration_s < 0 && call->end_ts != 0)
    call->duration_s = (int) (call->end_ts - call->start_ts);

  c = CELL (CG_FIELD_OUTCOME);
  call->outcome = CG_OUTCOME_OTHER;
  if (!cg_import_cell_is_blank (c))
    {
      call->outcome_raw = c->text;
      if (!lookup_outcome (plan, c->text, &call->outcome))
        {
          call->outcome = CG_OUTCOME_OTHER;
          *unknown_outcome = TRUE;
        }
    }
  /* An answer time or billed seconds mean the call was answered, whatever
   * the hangup cause says (FreeSWITCH writes NORMAL_CLEARING either way). */
  if (call->answer_ts != 0 || call->talk_s > 0)
    call->outcome = CG_OUTCOME_CONNECTED;
  else if (plan->columns[CG_FIELD_OUTCOME] < 0 || cg_import_cell_is_blank (c))
    call->outcome = CG_OUTCOME_NO_ANSWER;  /* only billsec given: 0 s is not connected */

  call->call_uid = CELL (CG_FIELD_CALL_ID)->text;
  call->agent_id = CELL (CG_FIELD_AGENT_ID)->text;
  call->agent_name = CELL (CG_FIELD_AGENT_NAME)->text;
  call->line = CELL (CG_FIELD_LINE)->text;
  if (plan->preset == CG_PRESET_ASTERISK && call->line[0] != '\0')
    call->line = channel_peer (plan->scratch, call->line);
  call->phone = CELL (CG_FIELD_PHONE)->text;
  call->list = CELL (CG_FIELD_LIST)->text;
  call->campaign = CELL (CG_FIELD_CAMPAIGN)->text;
  call->segment = CELL (CG_FIELD_SEGMENT)->text;

  c = CELL (CG_FIELD_DISPOSITION);
  if (!cg_import_cell_is_blank (c) && !cg_parse_disposition (c->text, &call->disposition))
    call->disposition = CG_DISPOSITION_NONE;

  c = CELL (CG_FIELD_SALE_AMOUNT);
  if (c->type == CG_CELL_NUMBER)
    call->sale_amount = c->number;
  else if (!cg_import_cell_is_blank (c) && !cg_parse_amount (c->text, &call->sale_amount))
    {
      problem->field = CG_FIELD_SALE_AMOUNT;
      problem->message = _("not an amount of money");
      return FALSE;
    }

  map_quality (plan, cells, n_cells, call);
  return TRUE;
#undef CELL
}

/* ---- detecting the layout ----------------------------------------------- */

static guint
count_header_matches (const CgCell *cells,
                      guint         n_cells)
{
  guint n = 0;

  for (guint i = 0; i < n_cells; i++)
    if (cells[i].type == CG_CELL_TEXT && cg_call_field_match_header (cells[i].text) != CG_N_FIELDS)
      n++;
  return n;
}

static gboolean
is_asterisk_row (const CgCell *cells,
                 guint         n_cells)
{
  static const char *const dispositions[] = { "ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION" };
  gint64 ts;

  if (n_cells < 16 || !cg_parse_datetime (cells[9].text, NULL, &ts))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dispositions); i++)
    if (g_ascii_strcasecmp (cells[14].text, dispositions[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_freeswitch_row (const CgCell *cells,
                   guint         n_cells)
{
  CgOutcome outcome;
  gint64 ts;

  if (n_cells < 13 || !cg_parse_datetime (cells[4].text, NULL, &ts))
    return FALSE;
  /* hangup causes are upper-case words with underscores */
  for (const char *p = cells[9].text; *p; p++)
    if (!(g_ascii_isupper (*p) || *p == '_'))
      return FALSE;
  return cg_parse_outcome (cells[9].text, &outcome) && strlen (cells[10].text) >= 32;
}

static void
set_layout (CgImportPlan *plan,
            guint         n_cells)
{
  guint min_columns;
  const int *layout = cg_preset_get_layout (plan->preset, &min_columns);

  for (guint i = 0; layout[i] != CG_LAYOUT_END; i++)
    if (layout[i] >= 0 && i < n_cells)
      plan->columns[layout[i]] = i;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (plan->column_names, g_strdup_printf (_("Column %u"), i + 1));
}

static void
set_header (CgImportPlan *plan,
            const CgCell *cells,
            guint         n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      CgCallField field = cg_call_field_match_header (cells[i].text);

      g_ptr_array_add (plan->column_names, g_strstrip (g_strdup (cells[i].text)));
      /* The first column that names a field wins: exports often repeat. */
      if (field != CG_N_FIELDS && plan->columns[field] < 0)
        plan->columns[field] = i;
    }
}

/* Header cells that a --map names count as header matches too: that is
 * how files with unusual headers are imported. */
static guint
count_mapped_headers (const CgCell      *cells,
                      guint              n_cells,
                      const char *const *map)
{
  guint n = 0;

  for (const char *const *m = map; m != NULL && *m != NULL; m++)
    {
      const char *eq = strchr (*m, '=');
      for (guint i = 0; eq != NULL && i < n_cells; i++)
        if (cells[i].type == CG_CELL_TEXT && g_strcmp0 (cells[i].text, eq + 1) == 0)
          n++;
    }
  return n;
}

static gboolean
detect_layout (CgImportPlan       *plan,
               const CgCell       *cells,
               guint               n_cells,
               const char *const  *map,
               GError            **error)
{
  guint matches = count_header_matches (cells, n_cells) + count_mapped_headers (cells, n_cells, map);
  CgPreset wanted = plan->options.preset;

  if (wanted == CG_PRESET_ASTERISK || wanted == CG_PRESET_FREESWITCH)
    {
      plan->preset = wanted;
      set_layout (plan, n_cells);
      return TRUE;
    }

  if (wanted == CG_PRESET_AUTO && matches < 2)
    {
      if (is_asterisk_row (cells, n_cells))
        plan->preset = CG_PRESET_ASTERISK;
      else if (is_freeswitch_row (cells, n_cells))
        plan->preset = CG_PRESET_FREESWITCH;
      if (plan->preset != CG_PRESET_AUTO)
        {
          set_layout (plan, n_cells);
          return TRUE;
        }
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_NOT_CALL_LOG,
                   _("The first row is not a header we recognise, and the file is not an Asterisk or FreeSWITCH call log. Add a header row (e.g. 呼叫时间, 被叫号码, 通话时长, 呼叫结果) or map the columns with --map."));
      return FALSE;
    }

  plan->has_header = TRUE;
  set_header (plan, cells, n_cells);
  if (wanted != CG_PRESET_AUTO)
    plan->preset = wanted;
  else
    {
      gboolean has_calldate = FALSE, has_uniqueid = FALSE;
      for (guint i = 0; i < n_cells; i++)
        {
          has_calldate |= g_ascii_strcasecmp (cells[i].text, "calldate") == 0;
          has_uniqueid |= g_ascii_strcasecmp (cells[i].text, "uniqueid") == 0;
        }
      plan->preset = has_calldate && has_uniqueid ? CG_PRESET_FREEPBX : CG_PRESET_GENERIC;
    }
  return TRUE;
}

/* --map field=COLUMN: COLUMN is a header text or a 1-based number. */
static gboolean
apply_map_overrides (CgImportPlan  *plan,
                     GError       **error)
{
  for (const char *const *m = plan->options.map; m != NULL && *m != NULL; m++)
    {
      g_auto(GStrv) kv = g_strsplit (*m, "=", 2);
      CgCallField field;
      int column = -1;

      if (kv[0] == NULL || kv[1] == NULL || !cg_call_field_from_string (g_strstrip (kv[0]), &field))
        {
          g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                       _("“%s” is not a mapping like start=呼叫时间; fields are call_id, start, answer, end, ring, talk, duration, outcome, agent_id, agent_name, line, phone, list, campaign, segment, disposition, sale_amount, mos, packet_loss, jitter, recording."),
                       *m);
          return FALSE;
        }
      for (guint i = 0; i < plan->column_names->len; i++)
        if (g_strcmp0 (g_ptr_array_index (plan->column_names, i), kv[1]) == 0)
          column = i;
      if (column < 0 && kv[1][0] != '\0')
        {
          char *end;
          gint64 n = g_ascii_strtoll (kv[1], &end, 10);
          if (*end == '\0' && n >= 1 && n <= plan->column_names->len)
            column = n - 1;
        }
      if (column < 0 && kv[1][0] != '\0')
        {
          g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                       _("The file has no column “%s” (for %s)."), kv[1], kv[0]);
          return FALSE;
        }
      plan->columns[field] = column;
    }
  return TRUE;
}

static gboolean
apply_outcome_map (CgImportPlan  *plan,
                   GError       **error)
{
  for (const char *const *m = plan->options.outcome_map; m != NULL && *m != NULL; m++)
    {
      g_auto(GStrv) kv = g_strsplit (*m, "=", 2);
      CgOutcome outcome;

      if (kv[0] == NULL || kv[1] == NULL || !cg_outcome_from_string (g_strstrip (kv[1]), &outcome))
        {
          g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                       _("“%s” is not an outcome mapping like 未呼通=no_answer; outcomes are connected, no_answer, busy, rejected, invalid_number, unreachable, line_failure, voicemail, other."),
                       *m);
          return FALSE;
        }
      cg_import_plan_set_outcome (plan, kv[0], outcome);
    }
  return TRUE;
}

gboolean
cg_import_plan_check (CgImportPlan  *plan,
                      GError       **error)
{
  if (plan->columns[CG_FIELD_START] < 0 ||
      (plan->columns[CG_FIELD_OUTCOME] < 0 && plan->columns[CG_FIELD_TALK] < 0 &&
       plan->columns[CG_FIELD_ANSWER] < 0))
    {
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint i = 0; i < plan->column_names->len && i < 12; i++)
        g_string_append_printf (found, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (plan->column_names, i));
      g_set_error (error, CG_IMPORT_ERROR, CG_IMPORT_ERROR_MAPPING,
                   _("This file lacks the columns a call log needs: a start time, and an outcome or talk seconds. Its columns are: %s. Map them with --map start=COLUMN (or in the import dialog)."),
                   found->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- the preview -------------------------------------------------------- */

static char *
format_time (CgImportPlan *plan,
             gint64        ts)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ts == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (ts);
  local = g_date_time_to_timezone (utc, plan->tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static GStrv
preview_strings (CgImportPlan *plan,
                 const CgCall *call)
{
  char **v = g_new0 (char *, CG_N_FIELDS + 1);
  char digits[CG_PHONE_MAX_DIGITS + 1], masked[CG_PHONE_MAX_DIGITS + 1];

  cg_phone_normalize (call->phone, digits);
  cg_phone_mask (digits, masked);
  v[CG_FIELD_CALL_ID] = g_strdup (call->call_uid ? call->call_uid : "");
  v[CG_FIELD_START] = format_time (plan, call->start_ts);
  v[CG_FIELD_ANSWER] = format_time (plan, call->answer_ts);
  v[CG_FIELD_END] = format_time (plan, call->end_ts);
  v[CG_FIELD_RING] = call->ring_s >= 0 ? g_strdup_printf ("%d", call->ring_s) : g_strdup ("");
  v[CG_FIELD_TALK] = g_strdup_printf ("%d", call->talk_s);
  v[CG_FIELD_DURATION] = call->duration_s >= 0 ? g_strdup_printf ("%d", call->duration_s) : g_strdup ("");
  v[CG_FIELD_OUTCOME] = g_strdup (cg_outcome_get_label (call->outcome));
  v[CG_FIELD_AGENT_ID] = g_strdup (call->agent_id);
  v[CG_FIELD_AGENT_NAME] = g_strdup (call->agent_name);
  v[CG_FIELD_LINE] = g_strdup (call->line);
  v[CG_FIELD_PHONE] = g_strdup (masked);
  v[CG_FIELD_LIST] = g_strdup (call->list);
  v[CG_FIELD_CAMPAIGN] = g_strdup (call->campaign);
  v[CG_FIELD_SEGMENT] = g_strdup (call->segment);
  v[CG_FIELD_DISPOSITION] = g_strdup (cg_disposition_to_string (call->disposition));
  v[CG_FIELD_SALE_AMOUNT] = isnan (call->sale_amount) ? g_strdup ("") : g_strdup_printf ("%.2f", call->sale_amount);
  v[CG_FIELD_MOS] = isnan (call->mos) ? g_strdup ("") : g_strdup_printf ("%.2f", call->mos);
  v[CG_FIELD_PACKET_LOSS] = isnan (call->packet_loss_pct) ? g_strdup ("") : g_strdup_printf ("%.2f", call->packet_loss_pct);
  v[CG_FIELD_JITTER] = isnan (call->jitter_ms) ? g_strdup ("") : g_strdup_printf ("%.1f", call->jitter_ms);
  v[CG_FIELD_RECORDING] = g_strdup (call->has_recording > 0 ? "✓" : "");
  return v;
}

void
cg_import_count_word (GHashTable *table,
            const char *word)
{
  gpointer n = g_hash_table_lookup (table, word);
  if (n == NULL)
    g_hash_table_insert (table, g_strdup (word), GINT_TO_POINTER (1));
  else
    g_hash_table_replace (table, g_strdup (word), GINT_TO_POINTER (GPOINTER_TO_INT (n) + 1));
}

static void
plan_sample (CgImportPlan *plan,
             CgReader     *reader)
{
  const CgCell *cells;
  guint n_cells;

  for (guint i = 0; i < PLAN_SAMPLE_ROWS && cg_reader_next (reader, &cells, &n_cells, NULL); i++)
    {
      CgCall call;
      RowProblem problem = { 0 };
      gboolean unknown;
      gboolean ok = cg_import_map_row (plan, cells, n_cells, &call, &problem, &unknown);

      if (unknown)
        cg_import_count_word (plan->sample_unknown, call.outcome_raw);
      if (plan->preview->len >= CG_IMPORT_PREVIEW_ROWS)
        continue;
      if (ok)
        {
          g_ptr_array_add (plan->preview, preview_strings (plan, &call));
          g_ptr_array_add (plan->preview_errors, NULL);
        }
      else
        {
          char **v = g_new0 (char *, CG_N_FIELDS + 1);
          char digits[CG_PHONE_MAX_DIGITS + 1], masked[CG_PHONE_MAX_DIGITS + 1];

          for (guint f = 0; f < CG_N_FIELDS; f++)
            v[f] = g_strdup (cg_import_cell_at (cells, n_cells, plan->columns[f])->text);
          /* Even a row we cannot read never shows a full number. */
          cg_phone_normalize (v[CG_FIELD_PHONE], digits);
          cg_phone_mask (digits, masked);
          g_free (v[CG_FIELD_PHONE]);
          v[CG_FIELD_PHONE] = g_strdup (masked);
          g_ptr_array_add (plan->preview, v);
          g_ptr_array_add (plan->preview_errors,
                           g_strdup_printf ("%s: %s", cg_call_field_get_label (problem.field), problem.message));
        }
    }
}

static void
plan_reset_sample (CgImportPlan *plan)
{
  g_ptr_array_set_size (plan->preview, 0);
  g_ptr_array_set_size (plan->preview_errors, 0);
  g_hash_table_remove_all (plan->sample_unknown);
}

/* Opens the file and positions the reader after the header, if any. */
CgReader *
cg_import_plan_open_reader (CgImportPlan  *plan,
                  GError       **error)
{
  g_autoptr(CgReader) reader = cg_reader_open (plan->path, &plan->reader_options, error);
  const CgCell *cells;
  guint n_cells;

  if (reader == NULL)
    return NULL;
  if (plan->has_header && !cg_reader_next (reader, &cells, &n_cells, error))
    return NULL;
  return g_steal_pointer (&reader);
}

static void
plan_refresh_sample (CgImportPlan *plan)
{
  g_autoptr(CgReader) reader = cg_import_plan_open_reader (plan, NULL);

  plan_reset_sample (plan);
  if (reader != NULL)
    plan_sample (plan, reader);
}

CgImportPlan *
cg_import_plan_new (const char             *path,
                    const CgImportOptions  *options,
                    GTimeZone              *tz,
                    GError                **error)
{
  g_autoptr(CgImportPlan) plan = g_new0 (CgImportPlan, 1);
  g_autoptr(CgReader) reader = NULL;
  const CgCell *cells;
  guint n_cells;
  GError *local_error = NULL;

  plan->path = g_strdup (path);
  plan->options = *options;
  plan->encoding_option = g_strdup (options->reader.encoding);
  plan->preset_name = g_strdup (options->preset_name);
  plan->options.preset_name = NULL;
  plan->sheet_option = g_strdup (options->reader.sheet);
  plan->reader_options = options->reader;
  plan->reader_options.encoding = plan->encoding_option;
  plan->reader_options.sheet = plan->sheet_option;
  plan->options.map = NULL;
  plan->options.outcome_map = NULL;
  plan->tz = g_time_zone_ref (tz);
  plan->column_names = g_ptr_array_new_with_free_func (g_free);
  plan->outcome_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  plan->preview_errors = g_ptr_array_new_with_free_func (g_free);
  plan->sample_unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->scratch = g_string_new (NULL);
  plan->latest_plausible = g_get_real_time () / G_USEC_PER_SEC + 366 * 86400;
  for (guint f = 0; f < CG_N_FIELDS; f++)
    plan->columns[f] = -1;

  reader = cg_reader_open (path, &plan->reader_options, error);
  if (reader == NULL)
    return NULL;
  plan->format = cg_reader_get_format (reader);
  plan->encoding = g_strdup (cg_reader_get_encoding (reader));

  if (!cg_reader_next (reader, &cells, &n_cells, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, CG_READER_ERROR, CG_READER_ERROR_EMPTY, _("The file has no rows."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!detect_layout (plan, cells, n_cells, options->map, error))
    return NULL;

  plan->options.map = options->map;
  plan->options.outcome_map = options->outcome_map;
  if (!apply_map_overrides (plan, error) || !apply_outcome_map (plan, error))
    return NULL;
  plan->options.map = NULL;
  plan->options.outcome_map = NULL;

  if (!plan->has_header)
    {
      /* The first row was data: read the sample from the start. */
      g_clear_pointer (&reader, cg_reader_free);
      plan_refresh_sample (plan);
    }
  else
    plan_sample (plan, reader);
  return g_steal_pointer (&plan);
}

void
cg_import_plan_free (CgImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->path);
  g_free (plan->encoding_option);
  g_free (plan->preset_name);
  g_free (plan->sheet_option);
  g_clear_pointer (&plan->tz, g_time_zone_unref);
  g_free (plan->encoding);
  g_clear_pointer (&plan->column_names, g_ptr_array_unref);
  g_clear_pointer (&plan->outcome_words, g_hash_table_unref);
  g_clear_pointer (&plan->preview, g_ptr_array_unref);
  g_clear_pointer (&plan->preview_errors, g_ptr_array_unref);
  g_clear_pointer (&plan->sample_unknown, g_hash_table_unref);
  if (plan->scratch != NULL)
    g_string_free (plan->scratch, TRUE);
  g_free (plan);
}

CgFileFormat cg_import_plan_get_format (CgImportPlan *plan) { return plan->format; }
const char *cg_import_plan_get_encoding (CgImportPlan *plan) { return plan->encoding; }
CgPreset cg_import_plan_get_preset (CgImportPlan *plan) { return plan->preset; }
gboolean cg_import_plan_has_header (CgImportPlan *plan) { return plan->has_header; }
guint cg_import_plan_get_n_columns (CgImportPlan *plan) { return plan->column_names->len; }
GPtrArray *cg_import_plan_get_preview (CgImportPlan *plan) { return plan->preview; }
GPtrArray *cg_import_plan_get_preview_errors (CgImportPlan *plan) { return plan->preview_errors; }

const char *
cg_import_plan_get_column_name (CgImportPlan *plan,
                                guint         column)
{
  g_return_val_if_fail (column < plan->column_names->len, NULL);
  return g_ptr_array_index (plan->column_names, column);
}

int
cg_import_plan_get_column (CgImportPlan *plan,
                           CgCallField   field)
{
  g_return_val_if_fail (field < CG_N_FIELDS, -1);
  return plan->columns[field];
}

void
cg_import_plan_set_column (CgImportPlan *plan,
                           CgCallField   field,
                           int           column)
{
  g_return_if_fail (field < CG_N_FIELDS);
  g_return_if_fail (column < (int) plan->column_names->len);
  plan->columns[field] = column;
  plan_refresh_sample (plan);
}

void
cg_import_plan_set_outcome (CgImportPlan *plan,
                            const char   *word,
                            CgOutcome     outcome)
{
  g_hash_table_replace (plan->outcome_words, casefold_trim (word), GINT_TO_POINTER (outcome));
  g_hash_table_remove (plan->sample_unknown, word);
}

GStrv
cg_import_plan_get_unknown_outcomes (CgImportPlan *plan)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, plan->sample_unknown);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (b, key);
  return g_strv_builder_end (b);
}

