// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/schedule/planschedule.h"

#include <algorithm>

namespace planner {

ScheduleInputs scheduleInputsFor(const PlanResult &plan, const std::string &market, YearMonth start,
                                 const std::string &bridging, bool newSubstation)
{
    ScheduleInputs inputs;
    inputs.market = market;
    for (const PhaseResult &phase : plan.phases)
        inputs.phases.push_back(phase.itLoad);
    inputs.lineVoltage = plan.electrical.interconnection;
    inputs.lineDistance = Kilometres(std::max(0.0, plan.electrical.connectionDistanceKm));
    inputs.newSubstation = newSubstation;
    inputs.bridging = bridging;
    inputs.start = start;
    return inputs;
}

std::optional<BridgingPower> bridgingPowerFor(const PlanResult &plan,
                                              const ScheduleResult &schedule)
{
    if (!schedule.bridging || !schedule.bridging->capexPerKw || plan.phases.empty())
        return std::nullopt;
    BridgingPower power;
    power.name = schedule.bridging->name;
    power.kilowatts = plan.phases.front().facilityPeak.value() * 1000.0;
    power.usdPerKw = schedule.bridging->capexPerKw->typical;
    power.source = "bridging." + schedule.bridging->option + ".cost";
    return power;
}

} // namespace planner
