/* cg-scenario-store.h — scenarios as JSON, kept in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cg-scenario.h"
#include "cg-store.h"

G_BEGIN_DECLS

#define CG_SCENARIO_ERROR (cg_scenario_error_quark ())
typedef enum {
  CG_SCENARIO_ERROR_INVALID,    /* the JSON does not describe a scenario */
  CG_SCENARIO_ERROR_NOT_FOUND,
  CG_SCENARIO_ERROR_EXISTS,
} CgScenarioError;
GQuark cg_scenario_error_quark (void);

/* The scenario file format (see README, "Scenario files"). */
JsonNode    *cg_scenario_to_json        (const CgScenario  *scenario);
CgScenario  *cg_scenario_from_json      (JsonNode          *node,
                                         GError           **error);
char        *cg_scenario_to_data        (const CgScenario  *scenario);
CgScenario  *cg_scenario_from_data      (const char        *json,
                                         GError           **error);

/** cg_store_save_scenario: stores @scenario under its name; @replace allows overwriting. */
gboolean     cg_store_save_scenario     (CgStore           *store,
                                         const CgScenario  *scenario,
                                         gboolean           replace,
                                         GError           **error);
CgScenario  *cg_store_load_scenario     (CgStore           *store,
                                         const char        *name,
                                         GError           **error);
/** cg_store_list_scenarios: names, by name. */
GStrv        cg_store_list_scenarios    (CgStore           *store,
                                         GError           **error);
gboolean     cg_store_delete_scenario   (CgStore           *store,
                                         const char        *name,
                                         GError           **error);

G_END_DECLS
