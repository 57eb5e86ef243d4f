// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/core/evaluation/evaluation.h"

#include "planner/core/economics/economicstornado.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/schedule/scheduletornado.h"
#include "planner/core/sizing/planner.h"

namespace planner {
namespace {

// Step 2: time to power on and what moves its P50 date.
std::optional<Error> evaluateSchedule(const ScheduleCatalog &catalog,
                                      const EvaluationOptions &options, SiteEvaluation &e)
{
    MonteCarloOptions monteCarlo;
    monteCarlo.samples = options.samples;
    auto schedule = planSchedule(e.scheduleInputs, catalog, monteCarlo);
    if (!schedule)
        return schedule.error();
    e.schedule = std::move(*schedule);
    if (!options.tornados)
        return std::nullopt;
    MonteCarloOptions tornadoOptions;
    tornadoOptions.samples = options.tornadoSamples;
    auto tornado = scheduleTornado(e.scheduleInputs, catalog, tornadoOptions);
    if (!tornado)
        return tornado.error();
    e.dateTornado = std::move(*tornado);
    return std::nullopt;
}

// Steps 3 and 4: cost, what moves the TCO, and the cash flow over the schedule.
std::optional<Error> evaluateCost(const EvaluationRequest &request, const EconomicsCatalog &catalog,
                                  const EvaluationOptions &options, SiteEvaluation &e)
{
    EconomicsInputs inputs = request.economics;
    if (e.schedule)
        inputs.bridging = bridgingPowerFor(e.plan, *e.schedule);
    auto cost = estimateEconomics(request.input, e.plan, request.site, catalog, inputs);
    if (!cost)
        return cost.error();
    e.cost = std::move(*cost);
    if (options.tornados) {
        auto tornado = tcoTornado(request.input, e.plan, request.site, catalog, inputs);
        if (!tornado)
            return tornado.error();
        e.tcoTornado = std::move(*tornado);
    }
    if (e.schedule) {
        auto flow = quarterlyCashFlow(*e.cost, e.plan, *e.schedule);
        if (!flow)
            return flow.error();
        e.cashFlow = std::move(*flow);
    }
    return std::nullopt;
}

// A plan sized from a workload prices the tokens it serves unless the user gave a throughput:
// the day's average output tokens per accelerator, over the average IT load share that
// estimateEconomics multiplies by.
EconomicsInputs servedTokens(const EvaluationRequest &request, const PlanResult &plan)
{
    EconomicsInputs inputs = request.economics;
    if (plan.workload && !inputs.tokensPerSecondPerAccelerator && plan.accelerators > 0
        && request.input.averageItLoadFraction > 0.0)
        inputs.tokensPerSecondPerAccelerator = plan.workload->averageOutputTokensPerSecond
                / (double(plan.accelerators) * request.input.averageItLoadFraction);
    return inputs;
}

std::optional<double> usdPerYear(const SiteEvaluation &e)
{
    if (!e.cost)
        return std::nullopt;
    return e.cost->annualisedCapex + e.cost->opexPerYear;
}

} // namespace

EvaluationRequest evaluationRequestFor(const PlanRequest &file, YearMonth today)
{
    EvaluationRequest r;
    r.input = file.input;
    r.site = file.site;
    r.schedule = file.schedule;
    r.economics = file.economics;
    r.market = file.schedule.market;
    r.today = today;
    return r;
}

Expected<SiteEvaluation> evaluate(const EvaluationRequest &request, const Catalogs &catalogs,
                                  const EvaluationOptions &options)
{
    auto planned = plan(request.input, request.site, catalogs.sizing);
    if (!planned)
        return planned.error();
    SiteEvaluation e;
    e.plan = std::move(*planned);
    e.absent = catalogs.absent;
    e.scheduleInputs = scheduleInputsFor(
            e.plan, request.market, request.schedule.start.value_or(request.today),
            request.schedule.bridging, request.economics.newSubstation);
    e.gridFit = gridFit(e.plan, request.site, request.input.gridCriterion);
    if (e.gridFit)
        e.scheduleInputs.networkUpgradeBeforePhase = e.gridFit->firstShortPhase;
    if (catalogs.schedule) {
        if (auto failed = evaluateSchedule(*catalogs.schedule, options, e))
            return *failed;
    }
    if (catalogs.economics) {
        EvaluationRequest priced = request;
        priced.economics = servedTokens(request, e.plan);
        if (auto failed = evaluateCost(priced, *catalogs.economics, options, e))
            return *failed;
    }
    const Workload *workload = request.input.workload ? &*request.input.workload : nullptr;
    const AcceleratorSystem *system = request.input.customAccelerator
            ? &*request.input.customAccelerator
            : catalogs.sizing.findAccelerator(request.input.acceleratorId);
    if (workload && workload->mix.size() > 1 && system) {
        const std::string costliest = costliestClass(*workload, *system);
        if (!costliest.empty()) {
            EvaluationRequest all = request;
            all.input.workload = routedTo(*workload, costliest);
            EvaluationOptions quick = options;
            quick.tornados = false;
            auto other = evaluate(all, catalogs, quick);
            if (!other)
                return other.error();
            e.routerSavings =
                    RouterSavings{costliest, e.plan.itLoad.value(), other->plan.itLoad.value(),
                                  usdPerYear(e), usdPerYear(*other)};
        }
    }
    return e;
}

} // namespace planner
