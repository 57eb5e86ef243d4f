// SPDX-License-Identifier: GPL-3.0-or-later
// The report's plan section and the grid's headroom at the serving bus: mentioned, with the
// shortfall and what limits the headroom, when the site has a study; not a word about it when it
// has none. Read from the section's blocks, before any page is laid out.

#include "app/report/reportbuilder.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/planjson.h"

#include <QFile>
#include <QLocale>
#include <QTest>

namespace {

using namespace app::report;

// Every text of the section: headings, paragraphs, warnings and table cells, one per line.
QStringList sectionText(const ReportPlan &plan)
{
    ReportContent content;
    content.charts = std::make_unique<ReportCharts>();
    ReportBuilder b(content);
    addPlan(b, ReportData{}, plan);
    QStringList out;
    for (const auto &block : content.blocks) {
        if (const auto *t = dynamic_cast<const TextBlock *>(block.get()))
            out << t->text();
        else if (const auto *table = dynamic_cast<const TableBlock *>(block.get())) {
            for (const TableRow &row : table->rows())
                out << row.cells.join(" | ");
        }
    }
    return out;
}

bool hasLine(const QStringList &lines, const QString &text)
{
    for (const QString &l : lines) {
        if (l.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestReportPlanSection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void headroomIsMentionedWhenStudied();
    void nothingAboutHeadroomWithoutAStudy();

private:
    ReportPlan reportPlan(const std::optional<planner::GridHeadroom> &headroom) const;
    std::shared_ptr<planner::Catalogs> m_catalogs;
    std::optional<planner::PlanRequest> m_request;
};

void TestReportPlanSection::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString root = ENERGIZE_SOURCE_DIR;
    auto catalogs = planner::loadCatalogs((root + "/resources/catalog").toStdString());
    QVERIFY(catalogs.ok());
    m_catalogs = std::make_shared<planner::Catalogs>(std::move(*catalogs));
    QFile file(root + "/resources/examples/plan-100mw.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto request = planner::parsePlanRequest(file.readAll().toStdString());
    QVERIFY(request.ok());
    m_request = *request;
}

ReportPlan TestReportPlanSection::reportPlan(const std::optional<planner::GridHeadroom> &h) const
{
    planner::EvaluationRequest r = planner::evaluationRequestFor(*m_request, {2026, 5});
    r.site.gridHeadroom = h;
    planner::EvaluationOptions options;
    options.samples = 200;
    options.tornados = false;
    auto e = planner::evaluate(r, *m_catalogs, options);
    if (!e)
        qFatal("%s", e.error().message.c_str());
    ReportPlan plan;
    plan.plan.name = "Example";
    plan.plan.spec.input = m_request->input;
    plan.siteName = "Site 1";
    plan.evaluation = std::move(*e);
    return plan;
}

void TestReportPlanSection::headroomIsMentionedWhenStudied()
{
    // The N-1 headroom takes phase 1 with 10 MW to spare: the build is short by phase 2's
    // facility peak less those 10 MW.
    const planner::PlanResult &p = reportPlan(std::nullopt).evaluation.plan;
    const double peak1 = p.phases[0].facilityPeak.value();
    const double shortfall = p.phases[1].facilityPeak.value() - 10.0;
    planner::GridHeadroom h;
    h.n = planner::Megawatts(500.0);
    h.n1 = planner::Megawatts(peak1 + 10.0);
    h.busName = "ODESSA 2 0";
    h.busId = 1001;
    h.busVoltage = planner::Kilovolts(138.0);
    h.bindingN1 = "ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0";
    h.gridCase = "ACTIVSg2000";
    const QStringList lines = sectionText(reportPlan(h));
    const QString mw = QLocale().toString(shortfall, 'f', 1);
    QVERIFY2(lines.contains("Grid headroom at the serving bus"), qPrintable(lines.join('\n')));
    QVERIFY(hasLine(lines, "Grid headroom (N-1) | Short by " + mw + " MW from phase 2"));
    QVERIFY(hasLine(lines, "Binding element (N-1) | " + QString::fromStdString(h.bindingN1)));
    QVERIFY(hasLine(lines, "Serving bus | ODESSA 2 0 (bus 1001, 138 kV)"));
    QVERIFY(hasLine(lines, "Grid case | ACTIVSg2000"));
    QVERIFY(hasLine(lines,
                    "Phase 1, cumulative peak | " + QLocale().toString(peak1, 'f', 1)
                            + " MW, fits"));
    QVERIFY(hasLine(lines, "a network upgrade of the " + mw + " MW shortfall is priced"));
    QVERIFY(hasLine(lines, "Network upgrade (line)"));

    h.n1 = planner::Megawatts(peak1 + p.phases[1].facilityPeak.value() + 20.0);
    const QStringList fits = sectionText(reportPlan(h));
    QVERIFY(hasLine(fits, "Grid headroom (N-1) | Fits, 20.0 MW to spare"));
    QVERIFY(!hasLine(fits, "Network upgrade ("));
}

void TestReportPlanSection::nothingAboutHeadroomWithoutAStudy()
{
    const QStringList lines = sectionText(reportPlan(std::nullopt));
    QVERIFY(hasLine(lines, "Plan: Example"));
    QVERIFY2(!hasLine(lines, "headroom") && !hasLine(lines, "Headroom"),
             qPrintable(lines.join('\n')));
}

QTEST_MAIN(TestReportPlanSection)
#include "test_reportplansection.moc"
