/* cg-call-fields.h — the fields of a call record and how files name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CG_FIELD_CALL_ID,
  CG_FIELD_START,
  CG_FIELD_ANSWER,
  CG_FIELD_END,
  CG_FIELD_RING,
  CG_FIELD_TALK,
  CG_FIELD_DURATION,
  CG_FIELD_OUTCOME,
  CG_FIELD_AGENT_ID,
  CG_FIELD_AGENT_NAME,
  CG_FIELD_LINE,
  CG_FIELD_PHONE,
  CG_FIELD_LIST,
  CG_FIELD_CAMPAIGN,
  CG_FIELD_SEGMENT,
  CG_FIELD_DISPOSITION,
  CG_FIELD_SALE_AMOUNT,
  CG_FIELD_MOS,
  CG_FIELD_PACKET_LOSS,
  CG_FIELD_JITTER,
  CG_FIELD_RECORDING,
  CG_N_FIELDS
} CgCallField;

typedef enum {
  CG_PRESET_AUTO,
  CG_PRESET_ASTERISK,    /* cdr_csv Master.csv, no header */
  CG_PRESET_FREEPBX,     /* CDR report CSV export, with header */
  CG_PRESET_FREESWITCH,  /* mod_cdr_csv default template, no header */
  CG_PRESET_GENERIC,     /* any file with a header row */
  CG_N_PRESETS
} CgPreset;

/** cg_call_field_to_string: the stable id used by --map (e.g. "start"). */
const char  *cg_call_field_to_string   (CgCallField  field);
gboolean     cg_call_field_from_string (const char  *id,
                                        CgCallField *field);
/** cg_call_field_get_label: translated name for people. */
const char  *cg_call_field_get_label   (CgCallField  field);

const char  *cg_preset_to_string       (CgPreset     preset);
gboolean     cg_preset_from_string     (const char  *id,
                                        CgPreset    *preset);

/* The field a header cell names, by the synonym dictionary (Chinese and
 * English, case, spaces, underscores and "(秒)"-style units ignored);
 * CG_N_FIELDS when none. */
CgCallField  cg_call_field_match_header (const char *header);

/* Column layouts of the headerless dialer formats: column → field, with
 * -1 for columns we do not use, ended by CG_LAYOUT_END.  @n_columns
 * receives the fewest columns a row of that format has. */
#define CG_LAYOUT_END (-2)
const int   *cg_preset_get_layout      (CgPreset     preset,
                                        guint       *n_columns);

G_END_DECLS
