// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

#include "app/commandargs.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/economicsreport.h"
#include "planner/core/io/gridfitreport.h"
#include "planner/core/io/planjson.h"
#include "planner/core/io/schedulereport.h"
#include "planner/core/io/workloadreport.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace app {
namespace {

const char *const kUsage =
        "usage: energize plan --input plan.json [--json] [--compare-systems] [--catalog DIR]\n"
        "Sizes the plan, then prints its time to power on (P10/P50/P90 per phase), cost, TCO,\n"
        "quarterly cash flow and what moves the TCO and the P50 date most.\n"
        "\"plan\" gives it_load_mw, racks or a served \"workload\" {requests_per_day or\n"
        "tokens_per_day, peak_to_average, target_utilisation, mix [{model_class (mini,\n"
        "large-dense, xl-dense, reasoning), share, input_tokens, output_tokens}]}.\n"
        "--compare-systems adds what a MW buys with every catalog system at the same site.\n"
        "Optional sections of plan.json: \"schedule\" {market, start \"2027-01\", bridging}\n"
        "and \"economics\" {price_year, discount_rate, horizon_years,\n"
        "tokens_per_second_per_accelerator, demand_charge_usd_per_kw_month, network_upgrades_usd,\n"
        "new_substation}; \"site\".\"grid_headroom\" {n_mw, n1_mw, bus, bus_id, kv, distance_km,\n"
        "binding, binding_n, case} checks each phase against the grid "
        "(\"plan\".\"grid_criterion\"\n"
        "\"N-1\" or \"N\"); see resources/examples/plan-100mw.json.\n";

// The catalog directory: --catalog, then $ENERGIZE_CATALOG_DIR, then the installed
// <prefix>/share/energize/catalog next to the executable, then the source tree of a
// development build.
QString findCatalog(const QString &option, QString *tried)
{
    if (!option.isEmpty())
        return option;
    const QString env = qEnvironmentVariable("ENERGIZE_CATALOG_DIR");
    if (!env.isEmpty())
        return env;
    QStringList candidates{QCoreApplication::applicationDirPath() + "/../share/energize/catalog"};
#ifdef ENERGIZE_SOURCE_DIR
    candidates << QStringLiteral(ENERGIZE_SOURCE_DIR "/resources/catalog");
#endif
    for (const QString &dir : candidates) {
        if (QFileInfo(dir + "/accelerators.json").isFile())
            return QDir::cleanPath(dir);
    }
    *tried = candidates.join(", ");
    return {};
}

} // namespace

int runPlanCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandArgs parsed;
    if (auto stop = parseCommandArgs(
                {"plan", {"--input", "--catalog"}, {"--json", "--compare-systems"}, false, kUsage},
                args, out, err, parsed))
        return *stop;
    const QString inputPath = parsed.value("--input"), catalogOption = parsed.value("--catalog");
    const bool json = parsed.has("--json");
    const bool compareSystems = parsed.has("--compare-systems");
    if (inputPath.isEmpty()) {
        err << "energize plan: no input file\n" << kUsage;
        return 2;
    }

    QFile file(inputPath);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "energize plan: " << inputPath << ": " << file.errorString() << "\n";
        return 1;
    }
    const planner::Expected<planner::PlanRequest> request =
            planner::parsePlanRequest(file.readAll().toStdString());
    if (!request) {
        err << "energize plan: " << inputPath << ": "
            << QString::fromStdString(request.error().message) << "\n";
        return 1;
    }

    QString tried;
    const QString catalogDir = findCatalog(catalogOption, &tried);
    if (catalogDir.isEmpty()) {
        err << "energize plan: no catalog found (looked in " << tried
            << "); pass --catalog DIR or set ENERGIZE_CATALOG_DIR\n";
        return 1;
    }
    const planner::Expected<planner::Catalogs> catalogs =
            planner::loadCatalogs(catalogDir.toStdString());
    if (!catalogs) {
        err << "energize plan: " << QString::fromStdString(catalogs.error().message) << "\n";
        return 1;
    }
    const QDate today = QDate::currentDate();
    const planner::EvaluationRequest evaluation =
            planner::evaluationRequestFor(*request, {today.year(), today.month()});
    const planner::Expected<planner::SiteEvaluation> evaluated =
            planner::evaluate(evaluation, *catalogs);
    if (!evaluated) {
        err << "energize plan: " << inputPath << ": "
            << QString::fromStdString(evaluated.error().message) << "\n";
        return 1;
    }
    for (const std::string &note : evaluated->absent)
        err << "energize plan: note: " << QString::fromStdString(note) << "\n";
    const planner::SiteEvaluation &e = *evaluated;
    const planner::Catalog &catalog = catalogs->sizing;
    std::string text = json ? planner::planResultToJson(e.plan, request->input, catalog)
                            : planner::planResultToTable(e.plan, request->input, catalog);
    QJsonObject merged;
    if (json)
        merged = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    auto attach = [&](const char *key, const std::string &section) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(section));
        merged.insert(key, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    };

    // The served workload and what its router saves, when the plan is sized from one.
    if (e.plan.workload) {
        if (json)
            attach("workload", planner::workloadToJson(*e.plan.workload, catalog, e.routerSavings));
        else
            text += planner::workloadToTable(*e.plan.workload, catalog, e.routerSavings);
    }

    // The phases against the grid's headroom, when the site has a headroom study.
    if (e.gridFit) {
        const planner::EconomicsResult *cost = e.cost ? &*e.cost : nullptr;
        const planner::ScheduleResult *schedule = e.schedule ? &*e.schedule : nullptr;
        if (json)
            attach("grid_headroom", planner::gridFitToJson(*e.gridFit, cost, schedule));
        else
            text += planner::gridFitToTable(*e.gridFit, cost, schedule);
    }

    // Time to power on, when the catalog folder has schedule.json.
    if (e.schedule) {
        if (json)
            attach("schedule", planner::scheduleToJson(*e.schedule, e.scheduleInputs));
        else
            text += planner::scheduleToTable(*e.schedule, e.scheduleInputs);
    }
    if (e.dateTornado) {
        if (json)
            attach("schedule_tornado", planner::tornadoToJson(*e.dateTornado));
        else
            text += planner::tornadoToTable(*e.dateTornado,
                                            "What moves the P50 energization of the last phase",
                                            "months", 1.0, 10);
    }

    // Cost, cash flow and the TCO tornado, when the catalog folder has economics.json.
    if (e.cost) {
        if (json) {
            attach("cost", planner::economicsToJson(*e.cost));
            if (e.cashFlow)
                attach("cash_flow", planner::cashFlowToJson(*e.cashFlow));
        } else {
            text += planner::economicsToTable(*e.cost);
            if (e.cashFlow)
                text += planner::cashFlowToTable(*e.cashFlow);
        }
    }
    if (e.tcoTornado) {
        if (json)
            attach("tco_tornado", planner::tornadoToJson(*e.tcoTornado));
        else
            text += planner::tornadoToTable(*e.tcoTornado, "What moves the TCO", "M USD", 1e6, 12);
    }
    // Every catalog system with the same plan and site, through the same evaluation.
    if (compareSystems) {
        planner::EvaluationOptions options;
        options.tornados = false;
        const auto rows = planner::compareSystems(evaluation, *catalogs, options);
        if (json)
            attach("compare_systems", planner::systemsToJson(rows));
        else
            text += planner::systemsToTable(rows);
    }
    if (json)
        text = QJsonDocument(merged).toJson(QJsonDocument::Indented).toStdString();
    out << QString::fromStdString(text);
    return 0;
}

} // namespace app
