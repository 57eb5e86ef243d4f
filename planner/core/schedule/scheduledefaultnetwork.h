// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The default time-to-power-on network of an AI data center, built from ScheduleInputs and the
// schedule catalog: site control, permits, utility interconnection, substation and long-lead
// equipment, transmission extension, a network upgrade when a phase does not fit the grid's
// headroom, and shell, fit-out, commissioning and energization per phase, with optional
// bridging power for the first phase. Every duration comes from a catalog
// entry, named in ScheduleTask::sourceEntry. A pure function; safe on any thread.

#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/common/expected.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/schedulenetwork.h"

#include <string>

namespace planner {

namespace scheduletasks {
inline constexpr const char *kInterconnection = "interconnection";
inline constexpr const char *kTransmission = "transmission";
inline constexpr const char *kGridReady = "grid_ready";
inline constexpr const char *kBridging = "bridging";
inline constexpr const char *kFirstPower = "first_power";
inline constexpr const char *kNetworkUpgrade = "network_upgrade";
// Id of the energization task of phase `phase` (1-based).
std::string energization(int phase);
} // namespace scheduletasks

// Routed length of the line to build: the straight-line distance times the catalog's typical
// route factor.
Expected<Kilometres> routedLineLength(const ScheduleInputs &inputs, const ScheduleCatalog &catalog);

Expected<ScheduleNetwork> buildDefaultNetwork(const ScheduleInputs &inputs,
                                              const ScheduleCatalog &catalog);

} // namespace planner
