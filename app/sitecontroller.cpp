// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sitecontroller.h"

#include "app/evaluationrunner.h"
#include "app/mapcontroller.h"
#include "app/planevaluation.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/catalog/acceleratorsystem.h"
#include "planner/core/comparison/systemcomparison.h"
#include "planner/core/io/planjson.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"
#include "widgets/chartspanel.h"
#include "widgets/mapcanvas.h"
#include "widgets/planeditor.h"
#include "widgets/planpanel.h"
#include "widgets/scorepanel.h"
#include "widgets/sitetool.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent>

#include <cmath>

namespace app {
namespace {

// Samples while the mouse moves: few enough to keep the drag within a frame.
constexpr int kDragSamples = 2000;

// On every mouse move: the quick Monte Carlo, no tornados.
planner::EvaluationOptions interactiveOptions()
{
    planner::EvaluationOptions options;
    options.samples = kDragSamples;
    options.tornados = false;
    return options;
}

// On release, off the GUI thread: the full Monte Carlo and both tornados. Common random numbers
// keep the date tornado's bars smooth at the drag's sample count.
planner::EvaluationOptions fullOptions()
{
    planner::EvaluationOptions options;
    options.tornadoSamples = kDragSamples;
    return options;
}

// The name of a schedule catalog entry's option: what its name says in brackets, "Utility load
// study and interconnection agreement (ERCOT)" -> "ERCOT"; else the whole name.
QString optionName(const std::string &name)
{
    const QString text = QString::fromStdString(name);
    const qsizetype open = text.lastIndexOf('(');
    if (open < 0 || !text.endsWith(')'))
        return text;
    return text.mid(open + 1, text.size() - open - 2);
}

QString marketName(const planner::Catalogs &catalogs, const QString &market)
{
    if (catalogs.schedule) {
        if (const planner::ScheduleEntry *e =
                    catalogs.schedule->find("interconnection." + market.toStdString()))
            return optionName(e->name);
    }
    return market;
}

// What the Plan dock's lists offer: every option of the catalogs, and the figures that apply
// where a plan gives none.
ui::PlanEditorChoices editorChoices(const planner::Catalogs &catalogs)
{
    ui::PlanEditorChoices c;
    for (const auto &a : catalogs.sizing.accelerators) {
        c.accelerators.append({QString::fromStdString(a.id), QString::fromStdString(a.name)});
        c.rackKw.insert(QString::fromStdString(a.id), a.rackItPowerKw.value);
    }
    for (const auto &cooling : catalogs.sizing.cooling)
        c.cooling.append(
                {QString::fromStdString(cooling.id), QString::fromStdString(cooling.name)});
    for (const planner::VoltageClass &v : catalogs.sizing.electrical.voltageClasses)
        c.voltagesKv.append(v.voltageKv.value);
    for (std::string_view m : planner::kModelClasses)
        c.modelClasses.append(QString::fromLatin1(m.data(), qsizetype(m.size())));
    // The bundled example's workload, for a plan the user switches to workload sizing.
    QFile example(defaultResourcePath(QStringLiteral("examples/plan-workload.json")));
    if (example.open(QIODevice::ReadOnly))
        c.exampleWorkload = QJsonDocument::fromJson(example.readAll())
                                    .object()
                                    .value("plan")
                                    .toObject()
                                    .value("workload")
                                    .toObject();
    if (catalogs.schedule) {
        // Options are "<family>.<id>" entries in months; "<family>.<id>.cost" are their prices.
        auto options = [&](const std::string &family, ui::PlanEditor::Choices &out) {
            for (const planner::ScheduleEntry *e : catalogs.schedule->withPrefix(family + ".")) {
                const std::string option = e->id.substr(family.size() + 1);
                if (option.find('.') == std::string::npos && e->unit == "months")
                    out.append({QString::fromStdString(option), optionName(e->name)});
            }
        };
        options("bridging", c.bridging);
        options("interconnection", c.markets);
    }
    if (catalogs.economics) {
        const planner::EconomicsCatalog &e = *catalogs.economics;
        if (const planner::EconomicsEntry *rate = e.find("finance.discount_rate"))
            c.cost.discountRate = rate->typical;
        if (const planner::EconomicsEntry *years = e.find("finance.horizon_years"))
            c.cost.horizonYears = int(std::lround(years->typical));
        c.cost.priceYear = e.escalation().defaultPriceYear;
        if (const planner::EconomicsEntry *up = e.find("interconnection.network_upgrades_per_mw"))
            c.cost.networkUpgradesUsdPerMw = up->typical;
    }
    return c;
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
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (catalogs) {
        m_catalogs = std::make_shared<const planner::Catalogs>(std::move(*catalogs));
        // The app ships both optional catalogs: one absent is a broken install.
        if (!m_catalogs->absent.empty())
            m_setupError = QString::fromStdString(m_catalogs->absent.front());
    } else {
        m_setupError = QString::fromStdString(catalogs.error().message);
    }
    m_runner = std::make_unique<EvaluationRunner>();
    connect(m_runner.get(), &EvaluationRunner::finished, this,
            [this](quint64, const planner::SiteEvaluation &e) { showFullEvaluation(e); });
    connect(m_runner.get(), &EvaluationRunner::failed, this,
            [this](quint64, const QString &message) {
                if (m_fullSite == m_selected)
                    m_planPanel->showError(m_fullName, message);
            });
    if (auto spec = defaultPlanSpec())
        m_defaultSpec = std::move(*spec);
    else if (m_setupError.isEmpty())
        m_setupError = QString::fromStdString(spec.error().message);
    if (m_planEditor && m_catalogs) {
        m_planEditor->setChoices(editorChoices(*m_catalogs));
        m_planEditor->setProjectMarket(marketName(*m_catalogs, m_scoring->model().market));
        connect(scoring, &ScoringSettings::changed, this, [this] {
            m_planEditor->setProjectMarket(marketName(*m_catalogs, m_scoring->model().market));
        });
        connect(m_planEditor, &ui::PlanEditor::planEdited, this, &SiteController::editPlan);
    }
    // Another project: its first plan (and that plan's site) is selected.
    connect(doc, &planner::Document::plansReset, this, [this] {
        if (!m_doc->plans().empty())
            selectPlan(m_doc->plans().front().id);
        else
            readPlan();
    });
    for (auto signal : {&planner::Document::planInserted, &planner::Document::planRemoved,
                        &planner::Document::planChanged})
        connect(doc, signal, this, &SiteController::readPlan);
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
    // The selected plan may be gone (deleted, undone, another project): the site's own then.
    auto plan = m_doc->plan(m_selectedPlan);
    if (!plan) {
        qint64 next = 0;
        for (const planner::BuildPlan &p : m_doc->plans()) {
            if (m_selected != 0 && p.siteId == m_selected) {
                next = p.id;
                break;
            }
        }
        if (next != m_selectedPlan) {
            m_selectedPlan = next;
            emit planSelected(next);
        }
    }
    if (m_planEditor) {
        const planner::PlanSpec spec = specFor(m_selected);
        m_planEditor->setPlan(
                QJsonDocument::fromJson(QByteArray::fromStdString(planner::planSpecToJson(spec)))
                        .object());
    }
    refreshSelected();
}

planner::PlanSpec SiteController::specFor(qint64 siteId) const
{
    if (auto selected = m_doc->plan(m_selectedPlan); selected && selected->siteId == siteId)
        return selected->spec;
    for (const planner::BuildPlan &p : m_doc->plans()) {
        if (p.siteId == siteId && siteId != 0)
            return p.spec;
    }
    if (auto selected = m_doc->plan(m_selectedPlan); selected && m_selected == siteId)
        return selected->spec; // a plan without a site, while no site is selected
    return m_defaultSpec;
}

void SiteController::editPlan(const QJsonObject &plan, const QString &what)
{
    const QString json = QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Compact));
    QString error;
    if (auto selected = m_doc->plan(m_selectedPlan)) {
        planner::commands::setPlanSpec(
                *m_doc, selected->id, json,
                tr("Change %1 of %2").arg(what, QString::fromStdString(selected->name)), &error);
    } else if (auto spec = planner::parsePlanSpec(json.toStdString())) {
        // Editing a site's default plan makes it the site's own plan, in one undo step.
        m_selectedPlan = planner::commands::addPlan(
                *m_doc, planner::commands::unusedPlanName(*m_doc), m_selected, *spec);
        emit planSelected(m_selectedPlan);
        readPlan(); // the insertion was shown before the plan was selected
        return;
    } else {
        error = QString::fromStdString(spec.error().message);
    }
    if (!error.isEmpty()) {
        // The editor goes back to what the document holds and says why.
        readPlan();
        m_planEditor->showMessage(error);
    }
}

void SiteController::selectPlan(qint64 planId)
{
    const auto plan = m_doc->plan(planId);
    m_selectedPlan = plan ? planId : 0;
    if (plan && plan->siteId != m_selected && m_doc->site(plan->siteId)) {
        m_selected = plan->siteId;
        m_canvas->setSelectedSite(m_selected);
    }
    emit planSelected(m_selectedPlan);
    readPlan();
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
    // Another site: its first plan, if it has one (readPlan picks it).
    if (auto plan = m_doc->plan(m_selectedPlan); plan && plan->siteId != id) {
        m_selectedPlan = 0;
        for (const planner::BuildPlan &p : m_doc->plans()) {
            if (p.siteId == id && id != 0) {
                m_selectedPlan = p.id;
                break;
            }
        }
        emit planSelected(m_selectedPlan);
    }
    readPlan();
}

void SiteController::refreshSelected()
{
    const auto site = m_doc->site(m_selected);
    if (!site) {
        m_runner->cancel();
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
    m_runner->cancel(); // a full evaluation under way is for an earlier position or plan
    dropSystemsComparison(); // and so is a comparison of systems
    const QString name = QString::fromStdString(site->name);
    std::vector<planner::GeoPoint> outline = site->outline;
    for (planner::GeoPoint &v : outline) { // the dragged parcel keeps its shape
        v.longitude += longitude - site->longitude;
        v.latitude += latitude - site->latitude;
    }
    SiteAnalysis analysis = m_analyzer->analyze(name, longitude, latitude, outline);
    const QColor colour = ui::scoreColour(analysis.breakdown.score, analysis.breakdown.excluded);
    m_canvas->setSiteColour(id, colour);

    QString readout = QStringLiteral("%1: %2").arg(
            name, ui::scoreText(analysis.breakdown.score, analysis.breakdown.excluded));
    if (!m_catalogs || !m_setupError.isEmpty()) {
        m_planPanel->showError(name, m_setupError);
    } else if (!analysis.hasClimate) {
        m_planPanel->showError(name,
                               tr("No climate layer covers this site, so cooling and PUE "
                                  "cannot be sized. Add a climate raster."));
    } else {
        const planner::EvaluationRequest request = requestFor(id, analysis.conditions);
        const auto evaluated = planner::evaluate(request, *m_catalogs, interactiveOptions());
        if (evaluated) {
            const planner::PlanResult &result = evaluated->plan;
            m_planPanel->showPlan(name, result, m_catalogs->sizing,
                                  evaluated->gridFit ? &*evaluated->gridFit : nullptr,
                                  evaluated->routerSavings ? &*evaluated->routerSavings : nullptr);
            // The dock names the bus the plan connects to, at its interconnection voltage.
            if (evaluated->gridFit)
                describeHeadroom(evaluated->gridFit->study, analysis.breakdown);
            showCharts(name, *evaluated);
            if (!m_map->siteTool()->isDragging() && id == m_selected) {
                m_fullSite = id;
                m_fullName = name;
                m_runner->submit(request, m_catalogs, fullOptions());
                compareSystems(request, name);
            }
            readout += tr("\nPUE %1 · %2 MVA · %3 transformers")
                               .arg(result.cooling.annualPue, 0, 'f', 2)
                               .arg(result.electrical.peakMva.value(), 0, 'f', 0)
                               .arg(result.electrical.transformers.count);
        } else {
            m_planPanel->showError(name, QString::fromStdString(evaluated.error().message));
        }
    }
    m_scorePanel->showBreakdown(analysis.breakdown);
    for (const QString &reason : analysis.breakdown.exclusionReasons)
        readout += "\n✖ " + reason;
    if (m_canvas->selectedSite() == id && m_map->siteTool()->isDragging())
        m_canvas->setReadout(id, readout, colour);
    m_lastUpdateNs = timer.nsecsElapsed();
}

planner::EvaluationRequest SiteController::requestFor(qint64 siteId,
                                                      const planner::SiteConditions &site) const
{
    return planRequest(specFor(siteId), site, m_scoring->model().market);
}

void SiteController::showCharts(const QString &name, const planner::SiteEvaluation &e)
{
    if (e.schedule)
        m_charts->showSchedule(name, *e.schedule);
    if (e.dateTornado)
        m_charts->showDateTornado(name + tr(" — P50 energization of the last phase"),
                                  *e.dateTornado);
    if (e.cost)
        m_charts->showCost(name, *e.cost);
    if (e.cashFlow)
        m_charts->showCashFlow(name, *e.cashFlow);
    if (e.tcoTornado)
        m_charts->showTcoTornado(name, *e.tcoTornado);
}

quint64 SiteController::dropSystemsComparison()
{
    if (m_systemsCancel)
        m_systemsCancel->store(true); // it stops between systems; its result is not shown
    return ++m_systemsGeneration;
}

void SiteController::compareSystems(const planner::EvaluationRequest &request, const QString &name)
{
    using Rows = std::vector<planner::SystemPerMw>;
    const quint64 generation = dropSystemsComparison();
    m_systemsCancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<Rows>(this);
    connect(watcher, &QFutureWatcher<Rows>::finished, this, [this, watcher, generation, name] {
        watcher->deleteLater();
        if (generation == m_systemsGeneration && m_fullSite == m_selected)
            m_charts->showSystems(name, watcher->result());
    });
    // The job holds the catalogs, so it may outlive this controller; its result is dropped.
    watcher->setFuture(QtConcurrent::run([request, catalogs = m_catalogs,
                                          cancel = m_systemsCancel] {
        return planner::compareSystems(request, *catalogs, interactiveOptions(), cancel.get());
    }));
}

void SiteController::showFullEvaluation(const planner::SiteEvaluation &e)
{
    // The runner delivers only the newest request, and every refresh cancels the one before;
    // this checks the selection once more in case it changed without a refresh.
    if (m_fullSite != m_selected || m_map->siteTool()->isDragging())
        return;
    showCharts(m_fullName, e); // the plan itself is the quick one's, already shown
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
