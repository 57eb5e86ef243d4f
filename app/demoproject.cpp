// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/demoproject.h"

#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/session/sitecommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace app {
namespace {

constexpr const char *kManifest = "demo-layers.json";

// Candidate sites for the demo, near three Texas towns.
struct DemoSite
{
    const char *name;
    double lon;
    double lat;
};
constexpr DemoSite kDemoSites[] = {
        {"Abilene candidate", -99.78, 32.40},
        {"Temple candidate", -97.30, 31.05},
        {"Amarillo candidate", -101.75, 35.25},
};

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

bool loadDemoRegion(planner::Document &doc, DemoRegion *region, QString *errorMessage)
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
        if (entry.value("type").toString() == "vector")
            ref.layerName = entry.value("layer").toString().toStdString();
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
    doc.undoStack()->clear();

    region->directory = dir;
    region->attribution = manifest.value("attribution").toString();
    const QJsonArray b = manifest.value("region").toObject().value("bounds").toArray();
    if (b.size() == 4)
        region->bounds = {b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()};
    return true;
}

} // namespace app
