// SPDX-License-Identifier: GPL-3.0-or-later
// The plan against the grid's headroom at the serving bus, through the whole evaluation: each
// phase's cumulative facility peak against the headroom under the plan's criterion; a plan that
// fits gets no upgrade line and no upgrade task; a plan whose second phase does not fit gets the
// shortfall, an upgrade priced from the catalog figures (recomputed here from the JSON files)
// and a network-upgrade task before phase 2's energization; N against N-1; the per-MW allowance
// is never charged beside a headroom study; a figure the catalog lacks is reported missing.

#include "../support_planfixtures.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/gridfitreport.h"
#include "planner/core/io/planjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

using namespace planner;

namespace {

std::string read(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// An entry of a shipped catalog file, read here with Qt's JSON reader, not the catalog loader.
QJsonObject entryOf(const char *file, const QString &id)
{
    QFile f(QString::fromStdString(fixtures::catalogDirectory()) + "/" + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll())["entries"].toArray()) {
        if (v["id"].toString() == id)
            return v.toObject();
    }
    return {};
}

// CPI-U of `year` from economics.json's escalation index.
double cpi(int year)
{
    QFile f(QString::fromStdString(fixtures::catalogDirectory()) + "/economics.json");
    if (!f.open(QIODevice::ReadOnly))
        return std::numeric_limits<double>::quiet_NaN();
    return QJsonDocument::fromJson(f.readAll())["escalation"]["index"][QString::number(year)]
            .toDouble(std::numeric_limits<double>::quiet_NaN());
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

const CostLine *line(const EconomicsResult &cost, const std::string &rateId)
{
    for (const CostLine &l : cost.capex) {
        if (l.rate && l.rate->id == rateId)
            return &l;
    }
    return nullptr;
}

const CostLine *category(const EconomicsResult &cost, const std::string &name)
{
    for (const CostLine &l : cost.capex) {
        if (l.category == name)
            return &l;
    }
    return nullptr;
}

const TaskSchedule *task(const ScheduleResult &s, const std::string &id)
{
    for (const TaskSchedule &t : s.tasks) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

bool mentions(const std::vector<std::string> &lines, const std::string &what)
{
    for (const std::string &l : lines) {
        if (l.find(what) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

class TestGridHeadroom : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void notStudiedChangesNothing();
    void planThatFitsHasNoUpgrade();
    void secondPhaseShortGetsAnUpgrade();
    void criterionChoosesTheHeadroom();
    void facilitiesStudyReplacesTheEstimate();
    void missingVoltageClassIsReportedMissing();
    void busVoltageNotGivenUsesThePlans();
    void unlimitedHeadroomFits();
    void servingBusFollowsThePlansVoltage();
    void badHeadroomIsRefused_data();
    void badHeadroomIsRefused();

private:
    Expected<SiteEvaluation> evaluateWith(const GridHeadroom &h,
                                          GridCriterion c = GridCriterion::NMinus1) const;
    std::optional<Catalogs> m_catalogs;
    std::optional<EvaluationRequest> m_request;
    EvaluationOptions m_options;
    std::optional<SiteEvaluation> m_plain; // the example without a headroom study
    double m_phase1 = 0.0; // cumulative facility peak after phase 1, MW
    double m_phase2 = 0.0; // after phase 2 (the whole build)
};

void TestGridHeadroom::initTestCase()
{
    auto catalogs = loadCatalogs(fixtures::catalogDirectory());
    QVERIFY2(catalogs.ok(), catalogs.ok() ? "" : catalogs.error().message.c_str());
    m_catalogs = std::move(*catalogs);
    auto file =
            parsePlanRequest(read(fixtures::catalogDirectory() + "/../examples/plan-100mw.json"));
    QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
    QVERIFY(!file->site.gridHeadroom); // the example has no study
    m_request = evaluationRequestFor(*file, YearMonth{2026, 5});
    m_request->economics.priceYear = 2024; // inside the CPI index: escalation is a plain ratio
    m_options.samples = 500;
    m_options.tornados = false;
    auto plain = evaluate(*m_request, *m_catalogs, m_options);
    QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().message.c_str());
    m_plain = std::move(*plain);
    // The example's two phases (40 and 60 MW of IT), each at the plan's peak PUE; together
    // they are the plan's peak facility load.
    const PlanResult &p = m_plain->plan;
    QCOMPARE(p.phases.size(), std::size_t(2));
    QVERIFY(near(p.phases[0].facilityPeak.value(), p.phases[0].itLoad.value() * p.cooling.peakPue));
    m_phase1 = p.phases[0].facilityPeak.value();
    m_phase2 = m_phase1 + p.phases[1].facilityPeak.value();
    QVERIFY(near(m_phase2, p.electrical.peakFacilityLoad.value()));
    QVERIFY(m_phase1 > 40.0 && m_phase2 > 100.0);
}

Expected<SiteEvaluation> TestGridHeadroom::evaluateWith(const GridHeadroom &h,
                                                        GridCriterion c) const
{
    EvaluationRequest r = *m_request;
    r.site.gridHeadroom = h;
    r.input.gridCriterion = c;
    return evaluate(r, *m_catalogs, m_options);
}

namespace {

GridHeadroom study(double n, double n1, double kv = 138.0)
{
    GridHeadroom h;
    h.n = Megawatts(n);
    h.n1 = Megawatts(n1);
    h.busName = "ODESSA 2 0";
    h.busId = 1001;
    h.busVoltage = Kilovolts(kv);
    h.distance = Kilometres(3.2);
    h.bindingN1 = "ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0";
    h.bindingN = "ODESSA 2 0 - MIDLAND 1 0";
    h.gridCase = "ACTIVSg2000";
    return h;
}

} // namespace

void TestGridHeadroom::notStudiedChangesNothing()
{
    // No study: no fit, no upgrade task, and the per-MW allowance stands in for the upgrades.
    QVERIFY(!m_plain->gridFit);
    QCOMPARE(m_plain->scheduleInputs.networkUpgradeBeforePhase, 0);
    QVERIFY(!task(*m_plain->schedule, "network_upgrade"));
    QVERIFY(line(*m_plain->cost, "interconnection.network_upgrades_per_mw"));
    QVERIFY(!category(*m_plain->cost, "Network upgrade (line)"));
}

void TestGridHeadroom::planThatFitsHasNoUpgrade()
{
    // 20 MW more N-1 headroom than the whole build's peak.
    auto e = evaluateWith(study(m_phase2 + 100.0, m_phase2 + 20.0));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    QVERIFY(e->gridFit);
    const GridFit &f = *e->gridFit;
    QVERIFY(f.fits());
    QCOMPARE(f.firstShortPhase, 0);
    QVERIFY(near(f.headroom.value(), m_phase2 + 20.0));
    QVERIFY(near(f.margin.value(), 20.0));
    QCOMPARE(f.shortfall.value(), 0.0);
    QCOMPARE(f.phases.size(), std::size_t(2));
    QVERIFY(near(f.phases[0].demand.value(), m_phase1));
    QVERIFY(near(f.phases[1].demand.value(), m_phase2));
    QVERIFY(f.phases[0].fits() && f.phases[1].fits());
    QVERIFY(f.notes.empty()); // a 138 kV bus for a plan that connects at 138 kV
    QCOMPARE(f.binding, study(0, 0).bindingN1);

    // No upgrade line, no allowance per MW (the study replaces it) and no task: the schedule is
    // the one without a study, and the capex lacks only the allowance.
    QVERIFY(!category(*e->cost, "Network upgrade (line)"));
    QVERIFY(!category(*e->cost, "Network upgrade (substation)"));
    QVERIFY(!line(*e->cost, "interconnection.network_upgrades_per_mw"));
    QVERIFY(mentions(e->cost->missing, "short circuit, protection, stability"));
    const double allowance = line(*m_plain->cost, "interconnection.network_upgrades_per_mw")->usd;
    QVERIFY(near(e->cost->totalCapex, m_plain->cost->totalCapex - allowance));
    QVERIFY(!task(*e->schedule, "network_upgrade"));
    QCOMPARE(e->schedule->tasks.size(), m_plain->schedule->tasks.size());
    for (std::size_t k = 0; k < 2; ++k)
        QCOMPARE(e->schedule->phases[k].p50.value(), m_plain->schedule->phases[k].p50.value());
}

void TestGridHeadroom::secondPhaseShortGetsAnUpgrade()
{
    // Phase 1 fits with 10 MW to spare; the whole build is short by phase 2's peak less 10 MW.
    auto e = evaluateWith(study(m_phase2 + 100.0, m_phase1 + 10.0, 345.0));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    const GridFit &f = *e->gridFit;
    const double shortfall = m_phase2 - (m_phase1 + 10.0);
    QVERIFY(!f.fits());
    QCOMPARE(f.firstShortPhase, 2);
    QVERIFY(f.phases[0].fits());
    QCOMPARE(f.phases[0].shortfall.value(), 0.0);
    QVERIFY(!f.phases[1].fits());
    QVERIFY(near(f.phases[1].shortfall.value(), shortfall));
    QVERIFY(near(f.shortfall.value(), shortfall));
    QCOMPARE(f.margin.value(), 0.0);
    // The plan connects at 138 kV; the study is of a 345 kV bus, which the fit points out.
    QCOMPARE(e->plan.electrical.interconnection.value(), 138.0);
    QVERIFY(mentions(f.notes, "345 kV bus but the plan connects at 138 kV"));

    // Cost, by hand from economics.json in 2024 prices: shortfall × assumed length × the
    // 345 kV rate per MW-km (2004 prices), and one substation expansion (2017 prices).
    const QJsonObject rate = entryOf("economics.json", "grid_upgrade.line_per_mw_km.345");
    const QJsonObject length = entryOf("economics.json", "grid_upgrade.line_length_km");
    const QJsonObject expansion = entryOf("economics.json", "grid_upgrade.substation_expansion");
    QCOMPARE(rate["price_year"].toInt(), 2004);
    QCOMPARE(expansion["price_year"].toInt(), 2017);
    const double lineUsd = shortfall * length["typical"].toDouble() * rate["typical"].toDouble()
            * cpi(2024) / cpi(2004);
    const double substationUsd = expansion["typical"].toDouble() * cpi(2024) / cpi(2017);
    const CostLine *l = line(*e->cost, "grid_upgrade.line_per_mw_km.345");
    QVERIFY(l);
    QCOMPARE(l->category, std::string("Network upgrade (line)"));
    QVERIFY2(near(l->usd, lineUsd), qPrintable(QString("%1 vs %2").arg(l->usd).arg(lineUsd)));
    QVERIFY2(l->basis.find("37.0 km assumed") != std::string::npos, l->basis.c_str());
    const CostLine *s = line(*e->cost, "grid_upgrade.substation_expansion");
    QVERIFY(s);
    QVERIFY(near(s->usd, substationUsd));
    // Not counted twice: the allowance per MW is gone, the two upgrade lines are added, and
    // nothing else in the capex moves.
    QVERIFY(!line(*e->cost, "interconnection.network_upgrades_per_mw"));
    const double allowance = line(*m_plain->cost, "interconnection.network_upgrades_per_mw")->usd;
    QVERIFY(near(e->cost->totalCapex,
                 m_plain->cost->totalCapex - allowance + lineUsd + substationUsd));
    // The length is an assumption and the substation a proxy: both listed as such.
    bool lengthListed = false;
    for (const EconomicsEntry *a : e->cost->assumptions)
        lengthListed |= a->id == "grid_upgrade.line_length_km";
    QVERIFY(lengthListed);

    // Schedule, by hand from schedule.json (typical durations): the upgrade starts when the
    // ERCOT interconnection agreement is signed (site control, then the study), takes its
    // catalog duration, and phase 2's energization waits for it; phase 1 does not move.
    const double months =
            entryOf("schedule.json", "grid_upgrade.construction")["typical"].toDouble();
    const double agreement = entryOf("schedule.json", "site.control")["typical"].toDouble()
            + entryOf("schedule.json", "interconnection.ercot")["typical"].toDouble();
    QCOMPARE(e->scheduleInputs.networkUpgradeBeforePhase, 2);
    const TaskSchedule *upgrade = task(*e->schedule, "network_upgrade");
    QVERIFY(upgrade);
    QCOMPARE(upgrade->sourceEntry, std::string("grid_upgrade.construction"));
    QVERIFY(QString::fromStdString(upgrade->name).endsWith("(before phase 2)"));
    QVERIFY(near(upgrade->timing.earlyStart.value(), agreement));
    QVERIFY(near(upgrade->timing.earlyFinish.value(), agreement + months));
    const TaskSchedule *phase2 = task(*e->schedule, "energization_2");
    QVERIFY(near(phase2->timing.earlyStart.value(), agreement + months));
    QVERIFY(phase2->timing.earlyStart.value()
            > task(*m_plain->schedule, "energization_2")->timing.earlyStart.value());
    QCOMPARE(task(*e->schedule, "energization_1")->timing.earlyFinish.value(),
             task(*m_plain->schedule, "energization_1")->timing.earlyFinish.value());
}

void TestGridHeadroom::criterionChoosesTheHeadroom()
{
    // N takes the whole build with 5 MW to spare; N-1 only phase 1.
    const GridHeadroom h = study(m_phase2 + 5.0, m_phase1 + 1.0);
    auto n1 = evaluateWith(h, GridCriterion::NMinus1);
    auto n = evaluateWith(h, GridCriterion::N);
    QVERIFY(n1.ok() && n.ok());
    QCOMPARE(n1->gridFit->criterion, GridCriterion::NMinus1);
    QCOMPARE(n1->gridFit->firstShortPhase, 2);
    QVERIFY(near(n1->gridFit->shortfall.value(), m_phase2 - m_phase1 - 1.0));
    QCOMPARE(n1->gridFit->binding, h.bindingN1);
    QVERIFY(task(*n1->schedule, "network_upgrade"));
    QCOMPARE(n->gridFit->criterion, GridCriterion::N);
    QVERIFY(n->gridFit->fits());
    QVERIFY(near(n->gridFit->headroom.value(), m_phase2 + 5.0));
    QVERIFY(near(n->gridFit->margin.value(), 5.0));
    QCOMPARE(n->gridFit->binding, h.bindingN);
    QVERIFY(!task(*n->schedule, "network_upgrade"));
    QVERIFY(!category(*n->cost, "Network upgrade (line)"));
    // The default criterion is N-1.
    QCOMPARE(PlanInput{}.gridCriterion, GridCriterion::NMinus1);
}

void TestGridHeadroom::facilitiesStudyReplacesTheEstimate()
{
    EvaluationRequest r = *m_request;
    r.site.gridHeadroom = study(m_phase2, m_phase1 + 10.0);
    r.economics.networkUpgradesUsd = 25e6;
    auto e = evaluate(r, *m_catalogs, m_options);
    QVERIFY(e.ok());
    QVERIFY(!e->gridFit->fits()); // still reported short
    const CostLine *facilities = category(*e->cost, "Network upgrades");
    QVERIFY(facilities);
    QCOMPARE(facilities->usd, 25e6);
    QVERIFY(!category(*e->cost, "Network upgrade (line)"));
    QVERIFY(!category(*e->cost, "Network upgrade (substation)"));
    QVERIFY(task(*e->schedule, "network_upgrade")); // the upgrade still takes time
    // The printed fit names the facilities study's figure as the upgrade's cost.
    const QJsonObject printed =
            QJsonDocument::fromJson(
                    QByteArray::fromStdString(gridFitToJson(*e->gridFit, &*e->cost, &*e->schedule)))
                    .object();
    QCOMPARE(printed["upgrade"]["cost_usd"].toDouble(), 25e6);
    QCOMPARE(printed["upgrade"]["cost"][0]["basis"].toString(),
             QString("utility facilities study"));
    QVERIFY(printed["upgrade"]["cost"][0]["entry"].isNull());
}

void TestGridHeadroom::missingVoltageClassIsReportedMissing()
{
    // No rate per MW-km for a bus above the catalog's highest class (765 kV): the line is
    // missing, not free; the substation expansion is still priced.
    auto e = evaluateWith(study(m_phase2, m_phase1, 1100.0));
    QVERIFY(e.ok());
    QVERIFY(!category(*e->cost, "Network upgrade (line)"));
    QVERIFY(category(*e->cost, "Network upgrade (substation)"));
    QVERIFY(mentions(e->cost->missing,
                     "no 'grid_upgrade.line_per_mw_km.<kV>' entry at or above "
                     "1100 kV"));
}

void TestGridHeadroom::busVoltageNotGivenUsesThePlans()
{
    GridHeadroom h = study(m_phase2, m_phase1);
    h.busVoltage.reset();
    auto e = evaluateWith(h);
    QVERIFY(e.ok());
    const CostLine *l = line(*e->cost, "grid_upgrade.line_per_mw_km.138");
    QVERIFY(l);
    QVERIFY2(l->basis.find("plan's 138 kV: the bus voltage is not given") != std::string::npos,
             l->basis.c_str());
    QVERIFY(e->gridFit->notes.empty());
}

void TestGridHeadroom::servingBusFollowsThePlansVoltage()
{
    // A case with buses at 115, 161 and 345 kV near the site: the serving bus at each level
    // (the map's servingBusesAt) and a score-voltage figure of the 345 kV bus. The plan picks the
    // nearest bus at or above its interconnection voltage: 138 kV (auto for this load) -> the
    // 161 kV level, whose bus cannot take phase 2; forced to 230 kV -> the 345 kV level (no
    // bus at 230 kV in the case), which fits. Above every level (500 kV) the score figure is
    // used.
    GridHeadroom b115 = study(1000.0, 1000.0, 115.0);
    b115.busName = "LOW 115";
    GridHeadroom b161 = study(m_phase2 + 50.0, m_phase1 + 5.0, 161.0);
    b161.busName = "MID 161";
    GridHeadroom b345 = study(2000.0, 900.0, 345.0);
    b345.busName = "HIGH 345";
    EvaluationRequest r = *m_request;
    r.site.servingBuses = {
            {Kilovolts(115.0), b115}, {Kilovolts(161.0), b161}, {Kilovolts(345.0), b345}};
    r.site.gridHeadroom = b345;

    auto atAuto = evaluate(r, *m_catalogs, m_options);
    QVERIFY2(atAuto.ok(), atAuto.ok() ? "" : atAuto.error().message.c_str());
    QCOMPARE(atAuto->plan.electrical.interconnection.value(), 138.0);
    QVERIFY(atAuto->gridFit);
    QCOMPARE(atAuto->gridFit->study.busName, std::string("MID 161"));
    QCOMPARE(atAuto->gridFit->firstShortPhase, 2);
    QVERIFY(near(atAuto->gridFit->shortfall.value(), m_phase2 - (m_phase1 + 5.0)));
    QVERIFY(atAuto->gridFit->notes.empty()); // a bus above the plan's voltage is what serves it

    r.input.interconnection = Kilovolts(230.0);
    auto at230 = evaluate(r, *m_catalogs, m_options);
    QVERIFY2(at230.ok(), at230.ok() ? "" : at230.error().message.c_str());
    QCOMPARE(at230->gridFit->study.busName, std::string("HIGH 345"));
    QVERIFY(at230->gridFit->fits());
    QVERIFY(near(at230->gridFit->margin.value(), 900.0 - m_phase2));

    // servingBusFor itself, at the edges: exactly a level, between levels, above them all.
    QCOMPARE(servingBusFor(r.site, Kilovolts(115.0))->busName, std::string("LOW 115"));
    QCOMPARE(servingBusFor(r.site, Kilovolts(69.0))->busName, std::string("LOW 115"));
    QCOMPARE(servingBusFor(r.site, Kilovolts(161.0))->busName, std::string("MID 161"));
    QCOMPARE(servingBusFor(r.site, Kilovolts(500.0))->busName, std::string("HIGH 345"));
    SiteConditions none;
    QVERIFY(!servingBusFor(none, Kilovolts(138.0)));
}

void TestGridHeadroom::unlimitedHeadroomFits()
{
    const double inf = std::numeric_limits<double>::infinity();
    auto e = evaluateWith(study(inf, inf));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().message.c_str());
    QVERIFY(e->gridFit->fits());
    QVERIFY(std::isinf(e->gridFit->margin.value()));
    QVERIFY(!task(*e->schedule, "network_upgrade"));
}

void TestGridHeadroom::badHeadroomIsRefused_data()
{
    QTest::addColumn<double>("n");
    QTest::addColumn<double>("n1");
    QTest::addColumn<double>("kv");
    QTest::addColumn<QString>("message");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("NaN N-1") << 100.0 << nan << 345.0 << "0 MW or more";
    QTest::newRow("NaN N") << nan << 50.0 << 345.0 << "0 MW or more";
    QTest::newRow("negative") << 100.0 << -1.0 << 345.0 << "0 MW or more";
    QTest::newRow("N-1 above N") << 100.0 << 120.0 << 345.0 << "cannot exceed the N headroom";
    QTest::newRow("no voltage") << 100.0 << 50.0 << 0.0 << "bus voltage must be positive";
}

void TestGridHeadroom::badHeadroomIsRefused()
{
    QFETCH(double, n);
    QFETCH(double, n1);
    QFETCH(double, kv);
    QFETCH(QString, message);
    auto e = evaluateWith(study(n, n1, kv));
    QVERIFY(!e.ok());
    QVERIFY2(e.error().message.find("site grid headroom") != std::string::npos,
             e.error().message.c_str());
    QVERIFY2(e.error().message.find(message.toStdString()) != std::string::npos,
             e.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestGridHeadroom)
#include "test_gridheadroom.moc"
