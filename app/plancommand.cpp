// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

#include "planner/core/catalog/catalogloader.h"
#include "planner/core/catalog/schedulecatalog.h"
#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economics.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/io/economicsreport.h"
#include "planner/core/io/planjson.h"
#include "planner/core/io/schedulereport.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/schedule/scheduletornado.h"
#include "planner/core/sizing/planner.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

namespace app {
namespace {

const char *const kUsage =
        "usage: energize plan --input plan.json [--json] [--catalog DIR]\n"
        "Sizes the plan, then prints its time to power on (P10/P50/P90 per phase), cost, TCO,\n"
        "quarterly cash flow and what moves the TCO and the P50 date most.\n"
        "Optional sections of plan.json: \"schedule\" {market, start \"2027-01\", bridging}\n"
        "and \"economics\" {price_year, discount_rate, horizon_years,\n"
        "tokens_per_second_per_accelerator, demand_charge_usd_per_kw_month, network_upgrades_usd,\n"
        "new_substation}; see resources/examples/plan-100mw.json.\n";

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
    QString inputPath;
    QString catalogOption;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
        } else if ((a == QLatin1String("--input") || a == QLatin1String("--catalog"))
                   && i + 1 < args.size()) {
            (a == QLatin1String("--input") ? inputPath : catalogOption) = args.at(++i);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << kUsage;
            return 0;
        } else {
            err << "energize plan: unexpected argument '" << a << "'\n" << kUsage;
            return 2;
        }
    }
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
    const planner::Expected<planner::Catalog> catalog =
            planner::loadCatalog(catalogDir.toStdString());
    if (!catalog) {
        err << "energize plan: " << QString::fromStdString(catalog.error().message) << "\n";
        return 1;
    }

    const planner::Expected<planner::PlanResult> result =
            planner::plan(request->input, request->site, *catalog);
    if (!result) {
        err << "energize plan: " << inputPath << ": "
            << QString::fromStdString(result.error().message) << "\n";
        return 1;
    }
    std::string text = json ? planner::planResultToJson(*result, request->input, *catalog)
                            : planner::planResultToTable(*result, request->input, *catalog);
    QJsonObject merged;
    if (json)
        merged = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    auto attach = [&](const char *key, const std::string &section) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(section));
        merged.insert(key, doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    };
    auto fail = [&](const std::string &message) {
        err << "energize plan: " << QString::fromStdString(message) << "\n";
        return 1;
    };

    // Time to power on, when the catalog folder has schedule.json.
    std::optional<planner::ScheduleResult> schedule;
    planner::ScheduleInputs scheduleInputs;
    const QString scheduleFile = catalogDir + "/schedule.json";
    if (QFileInfo::exists(scheduleFile)) {
        auto scheduleCatalog = planner::ScheduleCatalog::load(scheduleFile.toStdString());
        if (!scheduleCatalog)
            return fail(scheduleCatalog.error().message);
        const QDate today = QDate::currentDate();
        const planner::ScheduleRequest &wanted = request->schedule;
        scheduleInputs = planner::scheduleInputsFor(
                *result, wanted.market,
                wanted.start.value_or(planner::YearMonth{today.year(), today.month()}),
                wanted.bridging, request->economics.newSubstation);
        auto planned = planner::planSchedule(scheduleInputs, *scheduleCatalog);
        if (!planned)
            return fail(planned.error().message);
        schedule = std::move(*planned);
        auto dateTornado = planner::scheduleTornado(scheduleInputs, *scheduleCatalog, {});
        if (!dateTornado)
            return fail(dateTornado.error().message);
        if (json) {
            attach("schedule", planner::scheduleToJson(*schedule, scheduleInputs));
            attach("schedule_tornado", planner::tornadoToJson(*dateTornado));
        } else {
            text += planner::scheduleToTable(*schedule, scheduleInputs);
            text += planner::tornadoToTable(*dateTornado,
                                            "What moves the P50 energization of the last phase",
                                            "months", 1.0, 10);
        }
    }

    // Cost, cash flow and the TCO tornado, when the catalog folder has economics.json.
    const QString economicsFile = catalogDir + "/economics.json";
    if (QFileInfo::exists(economicsFile)) {
        auto economics = planner::EconomicsCatalog::load(economicsFile.toStdString());
        if (!economics)
            return fail(economics.error().message);
        planner::EconomicsInputs options = request->economics;
        if (schedule)
            options.bridging = planner::bridgingPowerFor(*result, *schedule);
        auto cost = planner::estimateEconomics(request->input, *result, request->site, *economics,
                                               options);
        if (!cost)
            return fail(cost.error().message);
        auto tco = planner::tcoTornado(request->input, *result, request->site, *economics, options);
        if (!tco)
            return fail(tco.error().message);
        std::optional<planner::CashFlow> flow;
        if (schedule) {
            auto cash = planner::quarterlyCashFlow(*cost, *result, *schedule);
            if (!cash)
                return fail(cash.error().message);
            flow = std::move(*cash);
        }
        if (json) {
            attach("cost", planner::economicsToJson(*cost));
            attach("tco_tornado", planner::tornadoToJson(*tco));
            if (flow)
                attach("cash_flow", planner::cashFlowToJson(*flow));
        } else {
            text += planner::economicsToTable(*cost);
            if (flow)
                text += planner::cashFlowToTable(*flow);
            text += planner::tornadoToTable(*tco, "What moves the TCO", "M USD", 1e6, 12);
        }
    }
    if (json)
        text = QJsonDocument(merged).toJson(QJsonDocument::Indented).toStdString();
    out << QString::fromStdString(text);
    return 0;
}

} // namespace app
