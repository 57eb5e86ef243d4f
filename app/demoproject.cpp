// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/demoproject.h"

#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/session/plancommands.h"
#include "planner/session/sitecommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace app {
namespace {

constexpr const char *kManifest = "demo-layers.json";
constexpr const char *kPlans = "demo-plans.json"; // the demo's build plans, at its sites

// Candidate sites for the demo, near three Texas towns, each a few kilometres from a substation
// of 230 kV or more of the demo's grid case (ACTIVSg2000): Abilene from ABILENE 1 (230 kV),
// Temple from TEMPLE 1 (500 kV), Amarillo, east of the town, from PANHANDLE 2 (500 kV).
struct DemoSite
{
    const char *name;
    double lon;
    double lat;
};
constexpr DemoSite kDemoSites[] = {
        {"Abilene candidate", -99.68, 32.50},
        {"Temple candidate", -97.30, 31.05},
        {"Amarillo candidate", -101.34, 35.22},
};

QJsonObject readJson(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QObject::tr("%1: %2").arg(path, file.errorString());
        return {};
    }
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        *errorMessage = QObject::tr("%1: %2").arg(path, parseError.errorString());
    return object;
}

// Adds the plans of demo-plans.json at the demo sites they name; false with a message naming
// the plan and its field when one cannot be read.
bool addDemoPlans(planner::Document &doc, const QString &path, QString *errorMessage)
{
    const QJsonObject file = readJson(path, errorMessage);
    if (!errorMessage->isEmpty())
        return false;
    for (const QJsonValue &value : file.value("plans").toArray()) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value("name").toString();
        const std::string siteName = entry.value("site").toString().toStdString();
        auto site = std::find_if(doc.sites().begin(), doc.sites().end(),
                                 [&](const planner::Site &s) { return s.name == siteName; });
        const QByteArray json = QJsonDocument(entry.value("plan").toObject()).toJson();
        auto spec = planner::parsePlanSpec(json.toStdString());
        if (site == doc.sites().end() || !spec) {
            *errorMessage = QObject::tr("%1: plan '%2': %3")
                                    .arg(path, name,
                                         spec ? QObject::tr("no demo site '%1'")
                                                         .arg(QString::fromStdString(siteName))
                                              : QString::fromStdString(spec.error().message));
            return false;
        }
        planner::commands::addPlan(doc, name, site->id, *spec);
    }
    return true;
}

} // namespace

QString findDemoDirectory()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("ENERGIZE_DEMO_DIR");
    if (!env.isEmpty())
        candidates << env;
    const QString exeDir = QCoreApplication::applicationDirPath();
    candidates << exeDir + "/../share/energize/demo";
#ifdef ENERGIZE_SOURCE_DIR
    candidates << QStringLiteral(ENERGIZE_SOURCE_DIR) + "/maps/data";
#endif
    for (const QString &dir : candidates) {
        if (QFile::exists(QDir(dir).filePath(kManifest)))
            return QDir(dir).canonicalPath();
    }
    return {};
}

namespace {

bool loadDemo(planner::Document &doc, DemoRegion *region, QString *errorMessage)
{
    const QString dir = findDemoDirectory();
    if (dir.isEmpty()) {
        *errorMessage = QObject::tr("The demo region was not found. Set ENERGIZE_DEMO_DIR to the "
                                    "folder holding %1.")
                                .arg(kManifest);
        return false;
    }
    QFile file(QDir(dir).filePath(kManifest));
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QObject::tr("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !manifest.contains("layers")) {
        *errorMessage = QObject::tr("%1: not a demo manifest (%2)")
                                .arg(file.fileName(), parseError.errorString());
        return false;
    }
    doc.clear();
    for (const QJsonValue &value : manifest.value("layers").toArray()) {
        const QJsonObject entry = value.toObject();
        planner::LayerRef ref;
        ref.source = QDir(dir).filePath(entry.value("file").toString()).toStdString();
        const QString type = entry.value("type").toString();
        if (type == "vector")
            ref.layerName = entry.value("layer").toString().toStdString();
        if (type == "grid_case") // a MATPOWER case with its bus-location table
            ref.locations = QDir(dir).filePath(entry.value("locations").toString()).toStdString();
        ref.name = entry.value("layer").toString().toStdString();
        QString role = entry.value("role").toString();
        role.replace('_', ' ');
        ref.role = role.toStdString();
        ref.visible = entry.value("visible").toBool(true);
        // Rasters sit under the grid: half transparent, so boundaries and lines stay legible.
        constexpr double kRasterOpacity = 0.55;
        if (entry.value("type").toString() == "raster")
            ref.opacity = kRasterOpacity;
        planner::commands::addLayer(doc, ref);
    }
    for (const DemoSite &site : kDemoSites)
        planner::commands::addSite(doc, QString::fromLatin1(site.name), site.lon, site.lat);
    if (!addDemoPlans(doc, QDir(dir).filePath(kPlans), errorMessage)) {
        doc.clear();
        return false;
    }
    doc.undoStack()->clear();
    doc.setName(manifest.value("name").toString());

    region->directory = dir;
    region->attribution = manifest.value("attribution").toString();
    const QJsonArray b = manifest.value("region").toObject().value("bounds").toArray();
    if (b.size() == 4)
        region->bounds = {b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()};
    return true;
}

} // namespace

energize::Status loadDemoRegion(planner::Document &doc, DemoRegion *region)
{
    QString error;
    if (!loadDemo(doc, region, &error))
        return energize::Error{error.toStdString()};
    return energize::done();
}

} // namespace app
