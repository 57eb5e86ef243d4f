// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One evaluation of a plan at a site, the chain the CLI prints and the GUI charts:
//   1. plan(input, site, catalogs.sizing), then gridFit(plan, site, input.gridCriterion) when
//      the site has a grid headroom study
//   2. scheduleInputsFor(plan, market, schedule.start or today, schedule.bridging,
//      economics.newSubstation) with the fit's first short phase as the network upgrade's,
//      then planSchedule and scheduleTornado (schedule catalog)
//   3. the economics inputs with bridgingPowerFor(plan, schedule) when there is a schedule,
//      then estimateEconomics and tcoTornado (economics catalog)
//   4. quarterlyCashFlow(cost, plan, schedule) when there are both.
// A pure function of its arguments (no clock: the caller passes "today"), safe on any thread
// against shared const Catalogs. Costly in Monte Carlo samples and tornados: run the full
// options off the GUI thread. The result points into the catalogs (assumption and rate
// entries): keep the catalogs alive as long as the result.

#include "planner/core/common/expected.h"
#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economics.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/io/planjson.h"
#include "planner/core/montecarlo/montecarlo.h"
#include "planner/core/montecarlo/sensitivity.h"
#include "planner/core/schedule/scheduleinputs.h"
#include "planner/core/schedule/scheduleresult.h"
#include "planner/core/sizing/gridfit.h"
#include "planner/core/sizing/planresult.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

// Everything an evaluation reads besides the catalogs; a plain value, safe to copy to a worker.
struct EvaluationRequest
{
    PlanInput input;
    SiteConditions site;
    ScheduleRequest schedule;
    EconomicsInputs economics;
    // Interconnection market, the suffix of an "interconnection.<market>" schedule entry.
    std::string market = ScheduleRequest{}.market;
    // The project starts in this month when `schedule.start` is none.
    YearMonth today;
};

// The request of a plan file, whose schedule section names the market.
EvaluationRequest evaluationRequestFor(const PlanRequest &file, YearMonth today);

struct EvaluationOptions
{
    int samples = MonteCarloOptions{}.samples; // Monte Carlo samples of the schedule
    bool tornados = true; // the P50 date tornado and the TCO tornado
    int tornadoSamples = MonteCarloOptions{}.samples; // samples of each date tornado case
};

// What the router mix saves against sending the same requests (with the same tokens) all to
// the mix's costliest class on the same system and site: IT MW and the yearly cost
// (annualised capex + opex).
struct RouterSavings
{
    std::string allToClass; // the costliest class of the mix (lowest tokens/s per accelerator)
    double itMwMix = 0.0;
    double itMwAll = 0.0;
    std::optional<double> usdPerYearMix; // none without an economics catalog
    std::optional<double> usdPerYearAll;
};

struct SiteEvaluation
{
    PlanResult plan;
    // The phases against the grid's headroom at the serving bus; none: the site's grid was not
    // studied, so whether the plan fits is unknown.
    std::optional<GridFit> gridFit;
    ScheduleInputs scheduleInputs; // also filled without a schedule catalog
    std::optional<ScheduleResult> schedule; // none without a schedule catalog
    std::optional<Tornado> dateTornado; // none without a schedule or with tornados off
    std::optional<EconomicsResult> cost; // none without an economics catalog
    std::optional<CashFlow> cashFlow; // needs both the schedule and the cost
    std::optional<Tornado> tcoTornado; // none without a cost or with tornados off
    // A plan sized from a workload of more than one class whose classes the system all has
    // figures for; the all-to-costliest plan is evaluated through this same function.
    std::optional<RouterSavings> routerSavings;
    // What was not evaluated and why (the catalogs' absent parts), one line each.
    std::vector<std::string> absent;
};

// The first failing step's error, unchanged (a bad plan names its field, e.g. "plan.it_load_mw").
Expected<SiteEvaluation> evaluate(const EvaluationRequest &request, const Catalogs &catalogs,
                                  const EvaluationOptions &options = {});

} // namespace planner
