// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sitecontroller.h"

#include "app/mapcontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/catalog/catalogloader.h"
#include "planner/core/economics/cashflow.h"
#include "planner/core/economics/economics.h"
#include "planner/core/economics/economicstornado.h"
#include "planner/core/io/planjson.h"
#include "planner/core/schedule/planschedule.h"
#include "planner/core/schedule/scheduleplanner.h"
#include "planner/core/schedule/scheduletornado.h"
#include "planner/core/sizing/planner.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "widgets/chartspanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/planeditor.h"
#include "widgets/planpanel.h"
#include "widgets/scorepanel.h"
#include "widgets/sitetool.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>

namespace app {
namespace {

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

SiteController::SiteController(planner::Document *doc, MapController *map,
                               const ScoringSettings *scoring, ui::MapCanvas *canvas,
                               ui::ScorePanel *scorePanel, ui::PlanPanel *planPanel,
                               ui::ChartsPanel *charts, ui::PlanEditor *planEditor, QObject *parent)
    : QObject(parent), m_doc(doc), m_map(map), m_canvas(canvas), m_scorePanel(scorePanel),
      m_planPanel(planPanel), m_charts(charts), m_planEditor(planEditor), m_scoring(scoring)
{
    if (!scoring->isValid())
        m_setupError = scoring->error();
    connect(scoring, &ScoringSettings::changed, this, &SiteController::rebuildAnalyzer);
    const QString catalogDir = defaultResourcePath("catalog");
    auto catalog = planner::loadCatalog(catalogDir.toStdString());
    if (catalog)
        m_catalog = std::move(*catalog);
    else
        m_setupError = QString::fromStdString(catalog.error().message);
    const QString economicsFile = defaultResourcePath("catalog/economics.json");
    auto economics = planner::EconomicsCatalog::load(economicsFile.toStdString());
    if (economics)
        m_economics = std::move(*economics);
    else
        m_setupError = QString::fromStdString(economics.error().message);
    const QString scheduleFile = defaultResourcePath("catalog/schedule.json");
    auto schedule = planner::ScheduleCatalog::load(scheduleFile.toStdString());
    if (schedule)
        m_scheduleCatalog = std::move(*schedule);
    else
        m_setupError = QString::fromStdString(schedule.error().message);
    // The example plan file gives the default plan, and a site to validate edited plans with.
    const QString planFile = defaultResourcePath("examples/plan-100mw.json");
    const QJsonObject example = QJsonDocument::fromJson(readAll(planFile).toUtf8()).object();
    m_defaultPlan = example.value("plan").toObject();
    // The project's plan object carries the file's schedule and economics sections with it.
    for (const char *section : {"schedule", "economics"}) {
        if (example.contains(section))
            m_defaultPlan.insert(section, example.value(section));
    }
    m_exampleSite = example.value("site").toObject();
    if (m_defaultPlan.isEmpty())
        m_setupError = tr("%1: the default plan was not found").arg(planFile);
    if (m_planEditor && m_catalog) {
        ui::PlanEditor::Choices accelerators, cooling;
        for (const auto &a : m_catalog->accelerators)
            accelerators.append({QString::fromStdString(a.id), QString::fromStdString(a.name)});
        for (const auto &c : m_catalog->cooling)
            cooling.append({QString::fromStdString(c.id), QString::fromStdString(c.name)});
        ui::PlanEditor::Choices bridging;
        if (m_scheduleCatalog) {
            for (const planner::ScheduleEntry *e : m_scheduleCatalog->withPrefix("bridging.")) {
                const std::string option = e->id.substr(std::string("bridging.").size());
                if (option.find('.') == std::string::npos) // not "<option>.cost"
                    bridging.append(
                            {QString::fromStdString(option), QString::fromStdString(e->name)});
            }
        }
        m_planEditor->setChoices(accelerators, cooling, bridging);
        connect(m_planEditor, &ui::PlanEditor::planEdited, this,
                [this](const QJsonObject &plan, const QString &what) {
                    planner::commands::setPlan(
                            *m_doc,
                            QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Compact)),
                            tr("Change plan %1").arg(what));
                });
    }
    connect(doc, &planner::Document::planChanged, this, &SiteController::readPlan);
    readPlan();

    connect(map->layers(), &MapLayers::sceneChanged, this, &SiteController::rebuildAnalyzer);
    connect(doc, &planner::Document::changed, this, [this] {
        recolourMarkers();
        refreshSelected();
    });
    connect(doc, &planner::Document::sitesReset, this, [this] { select(0); });
    connect(map, &MapController::siteSelected, this, &SiteController::select);
    connect(map, &MapController::siteDragged, this, &SiteController::updateLive);
    connect(map, &MapController::siteDragEnded, this, [this](qint64 id) {
        m_canvas->setReadout(id, QString(), QColor());
        refreshSelected();
    });
    rebuildAnalyzer();
}

SiteController::~SiteController() = default;

void SiteController::readPlan()
{
    QJsonObject plan = m_defaultPlan;
    if (!m_doc->planJson().isEmpty())
        plan = QJsonDocument::fromJson(m_doc->planJson().toUtf8()).object();
    if (m_planEditor)
        m_planEditor->setPlan(plan);
    QJsonObject request{{"site", m_exampleSite}};
    for (const char *section : {"schedule", "economics"}) {
        if (plan.contains(section))
            request.insert(section, plan.take(section));
    }
    request.insert("plan", plan);
    auto parsed = planner::parsePlanRequest(
            QJsonDocument(request).toJson(QJsonDocument::Compact).toStdString());
    m_planError.clear();
    if (parsed) {
        m_planInput = parsed->input;
        m_scheduleRequest = parsed->schedule;
        m_economicsInputs = parsed->economics;
    } else
        m_planError = QString::fromStdString(parsed.error().message);
    refreshSelected();
}

void SiteController::rebuildAnalyzer()
{
    if (!m_scoring->isValid()) {
        m_analyzer.reset();
        return;
    }
    m_analyzer = std::make_unique<SiteAnalyzer>(*m_map->layers()->scene(), m_scoring->model());
    recolourMarkers();
    refreshSelected();
}

void SiteController::select(qint64 id)
{
    m_selected = id;
    m_canvas->setSelectedSite(id);
    refreshSelected();
}

void SiteController::refreshSelected()
{
    const auto site = m_doc->site(m_selected);
    if (!site) {
        m_selected = 0;
        m_scorePanel->clear();
        m_planPanel->clear();
        m_charts->clear();
        return;
    }
    updateLive(site->id, site->longitude, site->latitude);
}

void SiteController::updateLive(qint64 id, double longitude, double latitude)
{
    QElapsedTimer timer;
    timer.start();
    const auto site = m_doc->site(id);
    if (!site || !m_analyzer)
        return;
    const QString name = QString::fromStdString(site->name);
    std::vector<planner::GeoPoint> outline = site->outline;
    for (planner::GeoPoint &v : outline) { // the dragged parcel keeps its shape
        v.longitude += longitude - site->longitude;
        v.latitude += latitude - site->latitude;
    }
    const SiteAnalysis analysis = m_analyzer->analyze(name, longitude, latitude, outline);
    m_scorePanel->showBreakdown(analysis.breakdown);
    const QColor colour = ui::scoreColour(analysis.breakdown.score, analysis.breakdown.excluded);
    m_canvas->setSiteColour(id, colour);

    QString readout = QStringLiteral("%1: %2").arg(
            name, ui::scoreText(analysis.breakdown.score, analysis.breakdown.excluded));
    if (!m_catalog || !m_setupError.isEmpty() || !m_planError.isEmpty()) {
        m_planPanel->showError(name, m_setupError.isEmpty() ? m_planError : m_setupError);
    } else if (!analysis.hasClimate) {
        m_planPanel->showError(name,
                               tr("No climate layer covers this site, so cooling and PUE "
                                  "cannot be sized. Add a climate raster."));
    } else {
        auto result = planner::plan(m_planInput, analysis.conditions, *m_catalog);
        if (result) {
            m_planPanel->showPlan(name, *result, *m_catalog);
            const bool dragging = m_map->siteTool()->isDragging();
            const auto schedule = updateSchedule(name, *result, dragging);
            updateCost(name, *result, analysis.conditions, schedule, dragging);
            readout += tr("\nPUE %1 · %2 MVA · %3 transformers")
                               .arg(result->cooling.annualPue, 0, 'f', 2)
                               .arg(result->electrical.peakMva.value(), 0, 'f', 0)
                               .arg(result->electrical.transformers.count);
        } else {
            m_planPanel->showError(name, QString::fromStdString(result.error().message));
        }
    }
    for (const QString &reason : analysis.breakdown.exclusionReasons)
        readout += "\n✖ " + reason;
    if (m_canvas->selectedSite() == id && m_map->siteTool()->isDragging())
        m_canvas->setReadout(id, readout, colour);
    m_lastUpdateNs = timer.nsecsElapsed();
}

std::optional<planner::ScheduleResult>
SiteController::updateSchedule(const QString &name, const planner::PlanResult &plan, bool dragging)
{
    if (!m_scheduleCatalog)
        return std::nullopt;
    const QDate today = QDate::currentDate();
    const planner::ScheduleInputs inputs = planner::scheduleInputsFor(
            plan, m_scoring->model().market.toStdString(),
            m_scheduleRequest.start.value_or(planner::YearMonth{today.year(), today.month()}),
            m_scheduleRequest.bridging, m_economicsInputs.newSubstation);
    planner::MonteCarloOptions options;
    // Fewer samples while the mouse moves keep the drag within a frame; full count on release.
    constexpr int kDragSamples = 2000;
    if (dragging)
        options.samples = kDragSamples;
    auto schedule = planner::planSchedule(inputs, *m_scheduleCatalog, options);
    if (!schedule)
        return std::nullopt;
    m_charts->showSchedule(name, *schedule);
    if (!dragging) {
        // Common random numbers keep the bars smooth at the drag's sample count (some 10 ms).
        planner::MonteCarloOptions tornadoOptions;
        tornadoOptions.samples = kDragSamples;
        auto tornado = planner::scheduleTornado(inputs, *m_scheduleCatalog, tornadoOptions);
        if (tornado)
            m_charts->showDateTornado(name + tr(" — P50 energization of the last phase"), *tornado);
    }
    return std::move(*schedule);
}

void SiteController::updateCost(const QString &name, const planner::PlanResult &plan,
                                const planner::SiteConditions &site,
                                const std::optional<planner::ScheduleResult> &schedule,
                                bool dragging)
{
    if (!m_economics)
        return;
    planner::EconomicsInputs options = m_economicsInputs;
    if (schedule)
        options.bridging = planner::bridgingPowerFor(plan, *schedule);
    auto cost = planner::estimateEconomics(m_planInput, plan, site, *m_economics, options);
    if (!cost)
        return;
    m_charts->showCost(name, *cost);
    if (schedule) {
        auto flow = planner::quarterlyCashFlow(*cost, plan, *schedule);
        if (flow)
            m_charts->showCashFlow(name, *flow);
    }
    // The tornado re-runs the estimate some fifty times (about a millisecond); it follows the
    // drag only on release, like the full Monte Carlo.
    if (!dragging) {
        auto tornado = planner::tcoTornado(m_planInput, plan, site, *m_economics, options);
        if (tornado)
            m_charts->showTcoTornado(name, *tornado);
    }
}

void SiteController::recolourMarkers()
{
    if (!m_analyzer)
        return;
    for (const planner::Site &site : m_doc->sites()) {
        const auto analysis = m_analyzer->analyze(QString::fromStdString(site.name), site.longitude,
                                                  site.latitude, site.outline);
        m_canvas->setSiteColour(
                site.id, ui::scoreColour(analysis.breakdown.score, analysis.breakdown.excluded));
    }
}

} // namespace app
