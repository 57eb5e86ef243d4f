// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF report as a consultant gets it: `energize report --demo` run as a user would (the real
// binary, no display), then read back from the PDF itself with poppler's tools. Its page count
// agrees with every footer and every contents entry lands on the page the contents say; every
// section and plan is there; the capex, TCO, P50 and P90 printed for each plan equal those of the
// plan's own evaluation, computed here independently through app::comparePlans and formatted
// here; the charts are vectors (the only image is the map page's raster layers). An unwritable
// path and an unknown plan fail with a message that names them; File > Export > PDF Report…
// writes the same report from the main window without touching the project.
// Without poppler-utils the test is skipped loudly, and fails when CI=true.

#include "support_energizebinary.h"

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/plancomparison.h"
#include "app/report/reportexport.h"
#include "app/scoringmodel.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct PhaseDates
{
    QString p10, p50, p90;
};

struct PlanFigures
{
    QString name;
    QString capex; // as the report prints money
    QString tco;
    QString capexInTable; // as the comparison table prints it (millions, no unit)
    std::vector<PhaseDates> phases;
};

QString money(double usd)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(usd / 1e6, 'f', 1) + " M USD";
}

QString month(planner::YearMonth m)
{
    return QStringLiteral("%1-%2").arg(m.year).arg(m.month, 2, 10, QChar('0'));
}

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct TocLine
{
    QString text;
    int page = 0;
    int indent = 0; // level-2 entries are indented
};

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pageCountAgreesWithFootersAndContents();
    void everySectionAndPlanIsThere();
    void figuresAreTheEvaluations();
    void chartsAreVectors();
    void paperAndOrientation();
    void onePlanAndLetterPaper();
    void helpListsTheCommand();
    void unwritablePathIsNamed();
    void unknownPlanListsThePlans();
    void exportFromTheMainWindow();

private:
    bool popplerReady();
    QString text(int first = 0, int last = 0, const QString &pdf = {}) const;
    int pages(const QString &pdf) const;
    // The pages [first, last] of the section a contents entry starts.
    std::pair<int, int> sectionPages(const QString &entry) const;

    QTemporaryDir m_dir;
    QString m_pdf;
    QString m_pdftotext, m_pdfinfo, m_pdfimages;
    testing::BinaryRun m_run;
    std::vector<PlanFigures> m_plans;
    std::vector<TocLine> m_toc;
    int m_pages = 0;
};

void TestReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
    m_pdftotext = QStandardPaths::findExecutable("pdftotext");
    m_pdfinfo = QStandardPaths::findExecutable("pdfinfo");
    m_pdfimages = QStandardPaths::findExecutable("pdfimages");

    // The figures, independently of the report: each demo plan's own evaluation, as the Plans
    // dock and `energize compare` have it.
    planner::Document doc;
    app::DemoRegion region;
    const energize::Status loaded = app::loadDemoRegion(doc, &region);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
    app::MapLayers layers(&doc);
    layers.waitForLoads();
    app::ScoringSettings scoring(&doc);
    auto catalogs = planner::loadCatalogs(app::defaultResourcePath("catalog").toStdString());
    QVERIFY(catalogs.ok());
    app::SiteAnalyzer analyzer(*layers.scene(), scoring.model());
    auto compared = app::comparePlans(doc, analyzer, *catalogs, scoring.model().market, {});
    QVERIFY2(compared.ok(), compared.ok() ? "" : compared.error().message.c_str());
    QCOMPARE(compared->plans.size(), std::size_t(3));
    for (const planner::ComparedPlan &p : compared->plans) {
        PlanFigures f;
        f.name = QString::fromStdString(p.name);
        QVERIFY(p.evaluation.cost && p.evaluation.schedule);
        f.capex = money(p.evaluation.cost->totalCapex);
        f.tco = money(p.evaluation.cost->npvTco);
        f.capexInTable = QLocale(QLocale::English, QLocale::UnitedStates)
                                 .toString(p.evaluation.cost->totalCapex / 1e6, 'f', 1);
        for (const planner::PhaseEnergization &ph : p.evaluation.schedule->phases)
            f.phases.push_back({month(ph.p10Date), month(ph.p50Date), month(ph.p90Date)});
        m_plans.push_back(f);
    }

    m_pdf = m_dir.filePath("report.pdf");
    m_run = testing::runEnergize({"report", "--demo", "--out", m_pdf, "--paper", "a4"});
    QVERIFY2(m_run.code == 0, qPrintable(m_run.err));
    QVERIFY2(m_run.err.contains("page"), qPrintable(m_run.err)); // progress on stderr
    QVERIFY(QFileInfo(m_pdf).size() > 10000);
    // For looking at it by hand: ENERGIZE_TEST_OUTPUT=folder keeps a copy.
    if (const QString keep = qEnvironmentVariable("ENERGIZE_TEST_OUTPUT"); !keep.isEmpty())
        QFile::copy(m_pdf, QDir(keep).filePath("report.pdf"));
}

bool TestReport::popplerReady()
{
    if (!m_pdftotext.isEmpty() && !m_pdfinfo.isEmpty() && !m_pdfimages.isEmpty())
        return true;
    if (qEnvironmentVariable("CI") == QLatin1String("true"))
        qFatal("poppler-utils (pdftotext, pdfinfo, pdfimages) are missing and CI=true");
    qWarning("SKIPPING: poppler-utils (pdftotext, pdfinfo, pdfimages) are not installed; the "
             "report's content is NOT checked");
    return false;
}

QString TestReport::text(int first, int last, const QString &pdf) const
{
    QStringList args{"-layout"};
    if (first > 0)
        args << "-f" << QString::number(first) << "-l" << QString::number(last ? last : first);
    args << (pdf.isEmpty() ? m_pdf : pdf) << "-";
    // Compatibility forms: the fonts' ligatures (ﬁ, ﬂ) come out of the PDF as one character.
    return run(m_pdftotext, args).normalized(QString::NormalizationForm_KC);
}

int TestReport::pages(const QString &pdf) const
{
    const QString info = run(m_pdfinfo, {pdf});
    const auto m = QRegularExpression("^Pages:\\s+(\\d+)", QRegularExpression::MultilineOption)
                           .match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

std::pair<int, int> TestReport::sectionPages(const QString &entry) const
{
    for (std::size_t i = 0; i < m_toc.size(); ++i) {
        if (m_toc[i].text != entry)
            continue;
        int last = m_pages;
        for (std::size_t j = i + 1; j < m_toc.size(); ++j) {
            if (m_toc[j].indent <= m_toc[i].indent && m_toc[j].page > m_toc[i].page) {
                last = m_toc[j].page - 1;
                break;
            }
        }
        return {m_toc[i].page, std::max(last, m_toc[i].page)};
    }
    return {0, 0};
}

void TestReport::pageCountAgreesWithFootersAndContents()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    m_pages = pages(m_pdf);
    // Title, contents, summary with two chart pages, map, sites, at least four pages for each of
    // the three plans, the appendix.
    QVERIFY2(m_pages >= 20, qPrintable(QString::number(m_pages)));
    for (int p = 2; p <= m_pages; ++p) {
        const QString page = text(p);
        QVERIFY2(page.contains(QStringLiteral("page %1 of %2").arg(p).arg(m_pages)),
                 qPrintable(
                         QStringLiteral("page %1: no footer 'page %1 of %2'").arg(p).arg(m_pages)));
    }
    // The contents (from page 2 to the page before the first section): each entry with its
    // page number, and the entry's heading is on that very page (the second pass painted what
    // the first laid out).
    QString contents = text(2);
    const auto first = QRegularExpression("Executive summary\\s+(\\d+)").match(contents);
    QVERIFY2(first.hasMatch(), qPrintable(contents));
    if (first.captured(1).toInt() > 3)
        contents = text(2, first.captured(1).toInt() - 1);
    QVERIFY(contents.contains("Contents"));
    const QRegularExpression line("^( *)(\\S.*?\\S)\\s{2,}(\\d+)\\s*$",
                                  QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(contents); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(2).startsWith("Energize report"))
            continue; // the footer
        m_toc.push_back({m.captured(2), m.captured(3).toInt(), int(m.captured(1).size())});
    }
    QVERIFY2(m_toc.size() >= 12, qPrintable(contents));
    int previous = 0;
    for (const TocLine &e : m_toc) {
        QVERIFY2(e.page >= previous && e.page <= m_pages, qPrintable(e.text));
        previous = e.page;
        QVERIFY2(text(e.page).contains(e.text),
                 qPrintable(QStringLiteral("'%1' is not on page %2").arg(e.text).arg(e.page)));
    }
}

void TestReport::everySectionAndPlanIsThere()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    QVERIFY(!m_toc.empty());
    const QString all = text();
    QStringList headings{"Executive summary",
                         "Comparison",
                         "Summary",
                         "Map",
                         "Sites",
                         "Appendix: assumptions and sources",
                         "Sizing figures",
                         "Cost rates (typical value)",
                         "Figures that are assumptions"};
    for (const PlanFigures &p : m_plans)
        headings << "Plan: " + p.name;
    QStringList toc;
    for (const TocLine &e : m_toc)
        toc << e.text;
    for (const QString &h : headings)
        QVERIFY2(toc.contains(h), qPrintable(h + " not in the contents:\n" + toc.join('\n')));
    // Each plan's section has all its parts.
    for (const PlanFigures &p : m_plans) {
        const auto [first, last] = sectionPages("Plan: " + p.name);
        QVERIFY2(first > 0, qPrintable(p.name));
        const QString section = text(first, last);
        for (const char *part :
             {"Key figures", "Sizing", "Racks and IT", "Cooling", "Electrical", "Land", "Cost",
              "Capital cost", "Schedule and critical path", "Power-on dates per phase",
              "Quarterly cash flow", "What moves the TCO", "What moves the P50 power-on date"})
            QVERIFY2(section.contains(part), qPrintable(p.name + ": no " + part));
        QVERIFY2(all.count(p.name) >= 4, qPrintable(p.name));
    }
    // Each site's factors, and the map's legend, scale and attribution.
    const auto [sites, sitesEnd] = sectionPages("Sites");
    const QString siteText = text(sites, sitesEnd);
    for (const char *site : {"Abilene candidate", "Temple candidate", "Amarillo candidate"})
        QVERIFY2(siteText.contains(QStringLiteral("Site: ") + site), site);
    QVERIFY(siteText.contains("Weight") && siteText.contains("Points"));
    const auto [map, mapEnd] = sectionPages("Map");
    const QString mapText = text(map, mapEnd);
    QVERIFY2(mapText.contains("SYNTHETIC"), qPrintable(mapText));
    QVERIFY(mapText.contains("Lines and substations by voltage class"));
    QVERIFY(mapText.contains(QRegularExpression("\\d+ km")));
    QVERIFY(mapText.contains("Layers (top first)"));
}

void TestReport::figuresAreTheEvaluations()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    QVERIFY(!m_toc.empty());
    const auto [summary, summaryEnd] = sectionPages("Executive summary");
    const QString summaryText = text(summary, summaryEnd);
    for (const PlanFigures &p : m_plans) {
        QVERIFY2(summaryText.contains(p.capexInTable), qPrintable(p.name + " " + p.capexInTable));
        const auto [first, last] = sectionPages("Plan: " + p.name);
        const QString section = text(first, last);
        const auto has = [&](const QString &pattern) {
            return QRegularExpression(pattern).match(section).hasMatch();
        };
        const QString esc = QRegularExpression::escape(p.capex);
        QVERIFY2(has("Capex\\s+" + esc), qPrintable(p.name + ": capex " + p.capex));
        QVERIFY2(has("TCO \\(NPV[^)]*\\)\\s+" + QRegularExpression::escape(p.tco)),
                 qPrintable(p.name + ": TCO " + p.tco));
        QVERIFY2(has("P50 power-on, last phase\\s+" + p.phases.back().p50),
                 qPrintable(p.name + ": P50 " + p.phases.back().p50));
        QVERIFY2(has("P90 power-on, last phase\\s+" + p.phases.back().p90),
                 qPrintable(p.name + ": P90 " + p.phases.back().p90));
        for (std::size_t i = 0; i < p.phases.size(); ++i) {
            const PhaseDates &d = p.phases[i];
            const QString row = QStringLiteral("Phase %1\\s+[\\d.,]+\\s+\\S+ \\([\\d.,]+ mo\\)\\s+"
                                               "%2 \\([\\d.,]+ mo\\)\\s+%3 \\([\\d.,]+ mo\\)\\s+"
                                               "%4 \\(")
                                        .arg(i + 1)
                                        .arg(d.p10, d.p50, d.p90);
            QVERIFY2(has(row),
                     qPrintable(QStringLiteral("%1 phase %2: P10/P50/P90 %3 %4 %5")
                                        .arg(p.name)
                                        .arg(i + 1)
                                        .arg(d.p10, d.p50, d.p90)));
        }
    }
}

void TestReport::chartsAreVectors()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    QVERIFY(!m_toc.empty());
    const auto [map, mapEnd] = sectionPages("Map");
    QCOMPARE(mapEnd, map); // the map is one page
    // pdfimages -list: "page num type width height …" after two header lines.
    const QStringList lines = run(m_pdfimages, {"-list", m_pdf}).split('\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    int onMap = 0;
    for (const QString &l : lines.mid(2)) {
        const QStringList cols = l.simplified().split(' ');
        QVERIFY(cols.size() > 4);
        const int page = cols[0].toInt();
        // The only raster: the map page's raster layers (land cover), composited into one image.
        QVERIFY2(page == map, qPrintable("an image on page " + cols[0] + ": " + l));
        if (cols[2] == QLatin1String("image"))
            ++onMap;
    }
    QVERIFY2(onMap <= 1, qPrintable(lines.join('\n')));
    // The charts are there as text and lines: their axis labels come out of the PDF as text.
    const QString all = text();
    for (const char *axis : {"months from start", "capital cost, million USD"})
        QVERIFY2(all.contains(axis), axis);
}

void TestReport::paperAndOrientation()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    const QString info =
            run(m_pdfinfo, {"-f", "1", "-l", QString::number(m_pages), m_pdf}).simplified();
    // A4 is 595.28 × 841.89 pt; Qt writes it rounded to whole points at the report's resolution.
    QVERIFY2(info.contains(QRegularExpression("Page 1 size: 595(\\.\\d+)? x 84[12](\\.\\d+)? pts "
                                              "\\(A4\\)")),
             qPrintable(info));
    // The schedule of each plan is on a landscape page.
    for (const PlanFigures &p : m_plans) {
        const auto [first, last] = sectionPages("Plan: " + p.name);
        int gantt = 0;
        for (int page = first; page <= last && !gantt; ++page) {
            if (text(page).contains("Schedule and critical path"))
                gantt = page;
        }
        QVERIFY2(gantt > 0, qPrintable(p.name));
        QVERIFY2(info.contains(QRegularExpression(
                         QStringLiteral("Page %1 size: 84[12](\\.\\d+)? x 595").arg(gantt))),
                 qPrintable(QStringLiteral("page %1 is not landscape").arg(gantt)));
    }
}

void TestReport::onePlanAndLetterPaper()
{
    if (!popplerReady())
        QSKIP("poppler-utils missing");
    const QString pdf = m_dir.filePath("temple.pdf");
    // A name with a comma in it, as --plans matches the project's names first.
    const testing::BinaryRun r = testing::runEnergize({"report", "--demo", "--out", pdf, "--plans",
                                                       "Temple TPU 200 MW, bridged", "--paper",
                                                       "letter", "--author", "A. Consultant"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString info = run(m_pdfinfo, {pdf});
    QVERIFY2(info.contains("612 x 792 pts (letter)"), qPrintable(info));
    const QString all = text(0, 0, pdf);
    QVERIFY(all.contains("Plan: Temple TPU 200 MW, bridged"));
    QVERIFY(!all.contains("Plan: Abilene GB200 100 MW"));
    QVERIFY(all.contains("Prepared by A. Consultant"));
    const PlanFigures &temple = m_plans[1];
    QCOMPARE(temple.name, QString("Temple TPU 200 MW, bridged"));
    QVERIFY2(QRegularExpression("Capex\\s+" + QRegularExpression::escape(temple.capex))
                     .match(all)
                     .hasMatch(),
             qPrintable(temple.capex));
    QVERIFY(pages(pdf) < m_pages);
}

void TestReport::helpListsTheCommand()
{
    const testing::BinaryRun help = testing::runEnergize({"--help"});
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.contains("energize report PROJECT.gpkg|--demo --out FILE.pdf"),
             qPrintable(help.out));
    const testing::BinaryRun usage = testing::runEnergize({"report", "--demo"});
    QCOMPARE(usage.code, 2);
    QVERIFY2(usage.err.contains("--out FILE.pdf is required"), qPrintable(usage.err));
    const testing::BinaryRun paper = testing::runEnergize(
            {"report", "--demo", "--out", m_dir.filePath("p.pdf"), "--paper", "a3"});
    QCOMPARE(paper.code, 2);
    QVERIFY2(paper.err.contains("a4 or letter"), qPrintable(paper.err));
}

void TestReport::unwritablePathIsNamed()
{
    const QString missing = m_dir.filePath("no-such-folder/deeper/report.pdf");
    const testing::BinaryRun r = testing::runEnergize({"report", "--demo", "--out", missing});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(missing), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(missing));
    // A folder that is a file cannot be written to, not even by root.
    QFile file(m_dir.filePath("plain-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString under = m_dir.filePath("plain-file/report.pdf");
    const testing::BinaryRun r2 = testing::runEnergize({"report", "--demo", "--out", under});
    QVERIFY(r2.code != 0);
    QVERIFY2(r2.err.contains(under), qPrintable(r2.err));
}

void TestReport::unknownPlanListsThePlans()
{
    const testing::BinaryRun r = testing::runEnergize(
            {"report", "--demo", "--out", m_dir.filePath("x.pdf"), "--plans", "Nowhere 1 GW"});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("no plan 'Nowhere 1 GW'"), qPrintable(r.err));
    for (const PlanFigures &p : m_plans)
        QVERIFY2(r.err.contains(p.name), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("x.pdf")));
}

void TestReport::exportFromTheMainWindow()
{
    app::MainWindow window;
    auto *action = window.findChild<QAction *>("actionExportPdf");
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // an empty project has no plans
    window.openDemo();
    window.mapController()->layers()->waitForLoads();
    QVERIFY(action->isEnabled());
    const std::size_t plans = window.document()->plans().size();

    app::report::ReportOptions options;
    options.plans = {m_plans[0].name, m_plans[2].name};
    const QString pdf = m_dir.filePath("gui.pdf");
    const QString error = window.reportExporter()->exportTo(pdf, options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo(pdf).size() > 10000);
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.document()->plans().size(), plans);

    const QString bad = m_dir.filePath("missing/gui.pdf");
    const QString refused = window.reportExporter()->exportTo(bad, options);
    QVERIFY2(refused.contains(bad), qPrintable(refused));
    QVERIFY(!QFileInfo::exists(bad));

    if (!popplerReady())
        return;
    const QString all = text(0, 0, pdf);
    QVERIFY(all.contains("Plan: " + m_plans[0].name));
    QVERIFY(all.contains("Plan: " + m_plans[2].name));
    QVERIFY(!all.contains("Plan: " + m_plans[1].name));
    QVERIFY(QRegularExpression("Capex\\s+" + QRegularExpression::escape(m_plans[2].capex))
                    .match(all)
                    .hasMatch());
}

QTEST_MAIN(TestReport)
#include "test_report.moc"
