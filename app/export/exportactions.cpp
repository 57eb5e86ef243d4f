// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/exportactions.h"

#include "app/export/mapexport.h"
#include "app/export/siteexport.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/plancomparison.h"
#include "app/planscontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "widgets/mapcanvas.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>

namespace app {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    return '"' + QString(text).replace('"', "\"\"") + '"';
}

QString writeText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return QStringLiteral("%1: %2").arg(
                QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), file.errorString());
    return {};
}

QString number(const std::optional<double> &v, int decimals)
{
    return v ? QString::number(*v, 'f', decimals) : QString();
}

} // namespace

ExportActions::ExportActions(planner::Document *doc, MapController *map,
                             const ScoringSettings *scoring, PlansController *plans,
                             ui::MapCanvas *canvas, QMenu *menu, QWidget *window)
    : QObject(window), m_doc(doc), m_map(map), m_scoring(scoring), m_plans(plans), m_canvas(canvas),
      m_window(window)
{
    struct Entry
    {
        const char *object;
        QString text, name, filter;
        QString (ExportActions::*work)(const QString &);
    };
    const Entry entries[] = {
            {"actionExportSites", tr("&Sites as GeoPackage, GeoJSON or KML…"), "sites.gpkg",
             tr("GeoPackage (*.gpkg);;GeoJSON (*.geojson);;KML (*.kml)"),
             &ExportActions::exportSites},
            {"actionExportPlansCsv", tr("&Plans as CSV…"), "plans.csv", tr("CSV (*.csv)"),
             &ExportActions::exportPlansCsv},
            {"actionExportComparisonCsv", tr("&Comparison as CSV…"), "comparison.csv",
             tr("CSV (*.csv)"), &ExportActions::exportComparisonCsv},
            {"actionExportMap", tr("&Map View as PNG or SVG…"), "map.png",
             tr("PNG image (*.png);;SVG drawing (*.svg)"), &ExportActions::exportMapView},
    };
    for (const Entry &e : entries) {
        QAction *action = menu->addAction(e.text, this, [this, e] {
            run(e.text.section(" as", 0, 0).remove('&'), e.name, e.filter, e.work);
        });
        action->setObjectName(e.object);
    }
}

void ExportActions::run(const QString &title, const QString &name, const QString &filter,
                        QString (ExportActions::*work)(const QString &))
{
    const QString folder = m_doc->filePath().isEmpty()
            ? QDir::homePath()
            : QFileInfo(m_doc->filePath()).absolutePath();
    QString selected;
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export %1").arg(title),
                                                QDir(folder).filePath(name), filter, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const int star = selected.indexOf("*.");
        path += selected.mid(star + 1, selected.indexOf(')', star) - star - 1);
    }
    const QString error = (this->*work)(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Export %1").arg(title), error);
    else
        emit message(tr("Written: %1").arg(QDir::toNativeSeparators(path)), 8000);
}

QString ExportActions::exportSites(const QString &path)
{
    if (!m_scoring->isValid())
        return m_scoring->error();
    SiteAnalyzer analyzer(*m_map->layers()->scene(), m_scoring->model());
    const energize::Status written = writeSites(path, siteRecords(*m_doc, analyzer));
    return written ? QString() : QString::fromStdString(written.error().message);
}

QString ExportActions::exportPlansCsv(const QString &path)
{
    const std::vector<planner::PlanHeadline> headlines = m_plans->headlines();
    QString out = QStringLiteral("plan,site,site_score,mw_it,p50_power_on,p90_power_on,capex_usd,"
                                 "usd_per_accelerator_hour,error\n");
    for (const planner::BuildPlan &p : m_doc->plans()) {
        const auto h = std::find_if(headlines.begin(), headlines.end(),
                                    [&](const auto &x) { return x.planId == p.id; });
        const auto site = m_doc->site(p.siteId);
        QStringList cells{csvField(QString::fromStdString(p.name)),
                          csvField(site ? QString::fromStdString(site->name) : QString())};
        if (h != headlines.end()) {
            cells << number(h->siteScore, 2) << number(h->itMw, 3)
                  << QString::fromStdString(planner::yearMonthText(h->p50PowerOn))
                  << QString::fromStdString(planner::yearMonthText(h->p90PowerOn))
                  << number(h->capexUsd, 0) << number(h->usdPerAcceleratorHour, 4)
                  << csvField(QString::fromStdString(h->error));
        }
        out += cells.join(',') + '\n';
    }
    return writeText(path, out);
}

QString ExportActions::exportComparisonCsv(const QString &path)
{
    if (!m_scoring->isValid())
        return m_scoring->error();
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs)
        return QString::fromStdString(catalogs.error().message);
    SiteAnalyzer analyzer(*m_map->layers()->scene(), m_scoring->model());
    const auto compared = comparePlans(*m_doc, analyzer, *catalogs, m_scoring->model().market, {});
    if (!compared)
        return QString::fromStdString(compared.error().message);
    return writeText(path, comparisonCsv(compared->table));
}

QString ExportActions::exportMapView(const QString &path)
{
    report::MapPicture map;
    map.scene = m_map->layers()->scene();
    map.extent = m_canvas->view().geoExtent();
    map.attribution = m_canvas->attribution();
    if (m_scoring->isValid()) {
        SiteAnalyzer analyzer(*map.scene, m_scoring->model());
        for (const SiteRecord &r : siteRecords(*m_doc, analyzer))
            map.sites.push_back({QString::fromStdString(r.site.name), r.site.longitude,
                                 r.site.latitude, r.site.outline,
                                 r.score ? std::optional<double>(*r.score / 100.0) : std::nullopt,
                                 r.excluded});
    }
    const energize::Status written = exportMap(path, map, m_canvas->size());
    return written ? QString() : QString::fromStdString(written.error().message);
}

} // namespace app
