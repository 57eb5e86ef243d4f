// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

#include "planner/core/catalogloader.h"
#include "planner/core/economics.h"
#include "planner/core/economicsreport.h"
#include "planner/core/planjson.h"
#include "planner/core/planner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace app {
namespace {

const char *const kUsage = "usage: energize plan --input plan.json [--json] [--catalog DIR]\n";

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
    // The first cost estimate, when the catalog folder has economics.json.
    const QString economicsFile = catalogDir + "/economics.json";
    if (QFileInfo::exists(economicsFile)) {
        auto economics = planner::EconomicsCatalog::load(economicsFile.toStdString());
        auto cost = economics
                ? planner::estimateEconomics(request->input, *result, request->site, *economics)
                : planner::Expected<planner::EconomicsResult>(economics.error());
        if (!cost) {
            err << "energize plan: " << QString::fromStdString(cost.error().message) << "\n";
            return 1;
        }
        if (json) {
            QJsonObject merged = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
            merged.insert("cost",
                          QJsonDocument::fromJson(
                                  QByteArray::fromStdString(planner::economicsToJson(*cost)))
                                  .object());
            text = QJsonDocument(merged).toJson(QJsonDocument::Indented).toStdString();
        } else {
            text += planner::economicsToTable(*cost);
        }
    }
    out << QString::fromStdString(text);
    return 0;
}

} // namespace app
