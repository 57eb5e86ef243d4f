// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportexport.h"

#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/report/reportdata.h"
#include "app/report/reportwriter.h"
#include "app/scoringsettings.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "widgets/mapcanvas.h"
#include "widgets/reportdialog.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QUrl>

namespace app {

ReportExporter::ReportExporter(planner::Document *doc, MapController *map,
                               const ScoringSettings *scoring, ui::MapCanvas *canvas,
                               QWidget *window)
    : QObject(window), m_doc(doc), m_map(map), m_scoring(scoring), m_canvas(canvas),
      m_window(window), m_action(new QAction(tr("PDF &Report…"), this))
{
    m_action->setObjectName("actionExportPdf");
    connect(m_action, &QAction::triggered, this, &ReportExporter::exportInteractively);
    for (auto signal : {&planner::Document::plansReset, &planner::Document::changed})
        connect(doc, signal, this, &ReportExporter::updateAction);
    connect(doc, &planner::Document::planInserted, this, &ReportExporter::updateAction);
    connect(doc, &planner::Document::planRemoved, this, &ReportExporter::updateAction);
    updateAction();
}

void ReportExporter::updateAction()
{
    const bool any = !m_doc->plans().empty();
    m_action->setEnabled(any);
    m_action->setStatusTip(any ? tr("A multi-page PDF for a client: summary, map, sites, each "
                                    "plan's sizing, cost and schedule, and the assumptions")
                               : tr("Reports become available once the project has a plan."));
}

void ReportExporter::exportInteractively()
{
    QSettings settings;
    QStringList names;
    for (const planner::BuildPlan &p : m_doc->plans())
        names << QString::fromStdString(p.name);
    ui::ReportChoice defaults;
    const QString savedPaper = settings.value("report/paper").toString();
    defaults.letter = savedPaper.isEmpty()
            ? report::defaultPaper() == report::Paper::Letter
            : report::parsePaper(savedPaper) == report::Paper::Letter;
    defaults.author = report::defaultAuthor();
    defaults.openWhenDone = settings.value("report/openWhenDone", true).toBool();
    ui::ReportDialog dialog(names, defaults, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ui::ReportChoice choice = dialog.choice();
    settings.setValue("report/paper", choice.letter ? "letter" : "a4");
    settings.setValue("report/author", choice.author);
    settings.setValue("report/openWhenDone", choice.openWhenDone);

    const QString folder = m_doc->filePath().isEmpty()
            ? QDir::homePath()
            : QFileInfo(m_doc->filePath()).absolutePath();
    QString path = QFileDialog::getSaveFileName(
            m_window, tr("Export PDF Report"),
            QDir(folder).filePath(m_doc->displayName() + "-report.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".pdf";
    report::ReportOptions options;
    options.plans = choice.plans;
    options.paper = choice.letter ? report::Paper::Letter : report::Paper::A4;
    options.author = choice.author;
    options.sections = {};
    if (choice.summary)
        options.sections |= report::Section::Summary;
    if (choice.map)
        options.sections |= report::Section::Map;
    if (choice.sites)
        options.sections |= report::Section::Sites;
    if (choice.planSections)
        options.sections |= report::Section::Plans;
    if (choice.assumptions)
        options.sections |= report::Section::Assumptions;
    const QString error = exportTo(path, options);
    if (error == tr("cancelled")) {
        emit message(tr("Report cancelled; nothing was written."), 5000);
    } else if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot write the report"), error);
    } else if (choice.openWhenDone) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    }
}

QString ReportExporter::exportTo(const QString &path, const report::ReportOptions &options)
{
    if (!m_scoring->isValid())
        return m_scoring->error();
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs)
        return QString::fromStdString(catalogs.error().message);
    report::ReportSource source;
    source.doc = m_doc;
    source.scene = m_map->layers()->scene();
    source.scoring = m_scoring->model();
    source.catalogs = std::make_shared<const planner::Catalogs>(std::move(*catalogs));
    source.projectName = m_doc->displayName();
    source.mapExtent = m_canvas->view().geoExtent(); // what the user sees is what is printed
    source.attribution = m_canvas->attribution();

    // Evaluation is the first 30 % of the bar, pages the rest.
    QProgressDialog progress(tr("Evaluating the plans…"), tr("Cancel"), 0, 100, m_window);
    progress.setWindowTitle(tr("PDF Report"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    auto step = [&](int value) {
        progress.setValue(value);
        QApplication::processEvents();
        return !progress.wasCanceled();
    };
    const auto data = report::collectReportData(
            source, options, [&](int done, int total) { return step(done * 30 / total); });
    if (!data)
        return QString::fromStdString(data.error().message);
    progress.setLabelText(tr("Writing the pages…"));
    const auto pages = report::writeReport(*data, path, [&](int done, int total) {
        progress.setLabelText(tr("Writing page %1 of %2…").arg(done).arg(total));
        return step(30 + done * 70 / total);
    });
    if (!pages)
        return QString::fromStdString(pages.error().message);
    emit message(tr("Report written: %1 (%n page(s))", nullptr, *pages)
                         .arg(QDir::toNativeSeparators(path)),
                 10000);
    return {};
}

} // namespace app
