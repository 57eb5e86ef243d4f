// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule catalog: the shipped file loads, every entry is traceable to its source, figures
// converted from weeks match the reference, and malformed files are refused with a message that
// names the file, the entry and the field.

#include "planner/core/catalog/schedulecatalog.h"
#include "tests/support/shareddata.h"

#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace planner;

class TestScheduleCatalog : public QObject
{
    Q_OBJECT
private slots:
    void shippedCatalogLoads();
    void sourcesAreInTheReferenceFile();
    void weeksAreConvertedToMonths_data();
    void weeksAreConvertedToMonths();
    void malformedFilesNameTheFault_data();
    void malformedFilesNameTheFault();
    void missingFileIsReported();
    void requireChecksIdAndUnit();
};

static std::filesystem::path sourceDir()
{
    const char *env = std::getenv("ENERGIZE_SOURCE_DIR");
    return env ? env : ENERGIZE_SOURCE_DIR;
}

static Expected<ScheduleCatalog> shipped()
{
    return ScheduleCatalog::load(sourceDir() / "resources/catalog/schedule.json");
}

void TestScheduleCatalog::shippedCatalogLoads()
{
    const auto catalog = shipped();
    QVERIFY2(catalog.ok(), catalog ? "" : catalog.error().message.c_str());
    QCOMPARE(catalog->fileName(), std::string("schedule.json"));
    QVERIFY(catalog->entries().size() >= 30);
    for (const ScheduleEntry &e : catalog->entries()) {
        QVERIFY2(!e.source.empty() && !e.year.empty() && !e.status.empty(), e.id.c_str());
        // An entry without a public source must say so: it is a planning assumption.
        const bool url = e.source.starts_with("http");
        QVERIFY2(url || e.status == "assumption", e.id.c_str());
    }
    for (const char *market : {"generic", "pjm", "ercot", "caiso", "miso", "spp"}) {
        QVERIFY(catalog->require(std::string("interconnection.") + market, "months").ok());
    }
    // The network upgrade of a phase that does not fit the grid: no public duration was found,
    // so the entry must say it is an assumption.
    const auto upgrade = catalog->require("grid_upgrade.construction", "months");
    QVERIFY(upgrade.ok());
    QCOMPARE((*upgrade)->status, std::string("assumption"));
    QVERIFY((*upgrade)->value.min <= (*upgrade)->value.typical
            && (*upgrade)->value.typical <= (*upgrade)->value.max);
}

void TestScheduleCatalog::sourcesAreInTheReferenceFile()
{
    const auto facts = sourceDir() / "../shared/reference/engineering-facts.csv";
    std::ifstream in(facts);
    if (!in) {
        MISSING_SHARED_DATA(facts.string() + " not found; the sources were not checked");
    }
    std::stringstream text;
    text << in.rdbuf();
    // Figures the project sourced itself are listed beside the catalogs, in the same columns.
    std::ifstream extra(sourceDir() / "resources/catalog/additional-facts.csv");
    QVERIFY(extra);
    text << extra.rdbuf();
    const std::string csv = text.str();
    const auto catalog = shipped();
    QVERIFY(catalog.ok());
    for (const ScheduleEntry &e : catalog->entries()) {
        if (e.source.starts_with("http")) {
            QVERIFY2(csv.find(e.source) != std::string::npos, e.id.c_str());
        }
    }
}

void TestScheduleCatalog::weeksAreConvertedToMonths_data()
{
    // Lead times the reference gives in weeks (engineering-facts.csv, category "time").
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("minWeeks");
    QTest::addColumn<double>("typicalWeeks");
    QTest::addColumn<double>("maxWeeks");
    // DOE 2024 80-210 weeks (entogo.ca); WoodMac Q2 2025 average 128 weeks (cybernative.ai).
    QTest::newRow("transformer") << "equipment.transformer" << 80.0 << 128.0 << 210.0;
    // Cushman & Wakefield 2025 guide, p. 6-7: switchgear 46-48, generators 30-110 (30-38
    // typical), chillers 30-40, UPS 28-36 weeks; typical = midpoint of the typical band.
    QTest::newRow("switchgear") << "equipment.switchgear" << 46.0 << 47.0 << 48.0;
    QTest::newRow("generators") << "equipment.generators" << 30.0 << 34.0 << 110.0;
    QTest::newRow("chillers") << "equipment.cooling" << 30.0 << 35.0 << 40.0;
    QTest::newRow("ups") << "equipment.ups" << 28.0 << 32.0 << 36.0;
}

void TestScheduleCatalog::weeksAreConvertedToMonths()
{
    QFETCH(QString, id);
    QFETCH(double, minWeeks);
    QFETCH(double, typicalWeeks);
    QFETCH(double, maxWeeks);
    const auto catalog = shipped();
    QVERIFY(catalog.ok());
    const auto entry = catalog->require(id.toStdString(), "months");
    QVERIFY(entry.ok());
    const double monthsPerWeek = 12.0 / 52.0;
    // The catalog rounds to 0.1 month.
    QVERIFY(std::abs((*entry)->value.min - minWeeks * monthsPerWeek) <= 0.05 + 1e-9);
    QVERIFY(std::abs((*entry)->value.typical - typicalWeeks * monthsPerWeek) <= 0.05 + 1e-9);
    QVERIFY(std::abs((*entry)->value.max - maxWeeks * monthsPerWeek) <= 0.05 + 1e-9);
}

static std::string document(const std::string &entry)
{
    return R"({"schema_version": 1, "kind": "schedule", "entries": [)" + entry + "]}";
}

static std::string entry(const std::string &fields)
{
    return R"({"id": "x.task", "name": "A task", "unit": "months", "source": "https://a.b",)"
           R"( "year": "2024", "distribution": "triangular", )"
            + fields + "}";
}

void TestScheduleCatalog::malformedFilesNameTheFault_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const std::string &text, QStringList expected) {
        QTest::newRow(name) << QString::fromStdString(text) << expected;
    };
    row("not json", "{\"schema_version\": 1,", {"bad.json", "not valid JSON"});
    row("wrong kind", R"({"schema_version": 1, "kind": "cost", "entries": []})",
        {"bad.json", "'kind'"});
    row("wrong version", R"({"schema_version": 7, "kind": "schedule", "entries": []})",
        {"bad.json", "'schema_version'"});
    row("no entries", R"({"schema_version": 1, "kind": "schedule"})", {"bad.json", "'entries'"});
    row("entry not object", document("3"), {"bad.json", "#1"});
    row("missing max", document(entry(R"("min": 1, "typical": 2)")),
        {"bad.json", "'x.task'", "'max'", "missing"});
    row("text max", document(entry(R"("min": 1, "typical": 2, "max": "3")")),
        {"bad.json", "'x.task'", "'max'"});
    row("unordered", document(entry(R"("min": 1, "typical": 5, "max": 3)")),
        {"'x.task'", "'typical'", "min <= typical <= max"});
    row("negative", document(entry(R"("min": -1, "typical": 5, "max": 6)")),
        {"'x.task'", "'min'", "negative"});
    row("bad unit",
        document(R"({"id": "u", "name": "n", "unit": "weeks", "source": "s", "year": "y",)"
                 R"( "distribution": "triangular", "min": 1, "typical": 2, "max": 3})"),
        {"'u'", "'unit'", "weeks"});
    row("bad distribution",
        document(R"({"id": "d", "name": "n", "unit": "months", "source": "s", "year": "y",)"
                 R"( "distribution": "beta", "min": 1, "typical": 2, "max": 3})"),
        {"'d'", "'distribution'", "beta"});
    row("flat lognormal",
        document(R"({"id": "l", "name": "n", "unit": "months", "source": "s", "year": "y",)"
                 R"( "distribution": "lognormal", "min": 1, "typical": 3, "max": 3})"),
        {"'l'", "'distribution'", "min < typical < max"});
    row("no source",
        document(R"({"id": "s", "name": "n", "unit": "months", "year": "y",)"
                 R"( "distribution": "triangular", "min": 1, "typical": 2, "max": 3})"),
        {"'s'", "'source'", "missing"});
    row("duplicate id",
        document(entry(R"("min": 1, "typical": 2, "max": 3)") + ","
                 + entry(R"("min": 1, "typical": 2, "max": 3)")),
        {"'x.task'", "'id'", "twice"});
    row("zero rate",
        document(R"({"id": "r", "name": "n", "unit": "km/month", "source": "s", "year": "y",)"
                 R"( "distribution": "triangular", "min": 0, "typical": 2, "max": 3})"),
        {"'r'", "'min'", "above zero"});
}

void TestScheduleCatalog::malformedFilesNameTheFault()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const auto catalog = ScheduleCatalog::fromJson(text.toStdString(), "bad.json");
    QVERIFY(!catalog.ok());
    const QString message = QString::fromStdString(catalog.error().message);
    for (const QString &part : expected) {
        QVERIFY2(message.contains(part), qPrintable(message + " lacks " + part));
    }
}

void TestScheduleCatalog::missingFileIsReported()
{
    const auto catalog = ScheduleCatalog::load("/nonexistent/dir/schedule.json");
    QVERIFY(!catalog.ok());
    QVERIFY(catalog.error().message.find("/nonexistent/dir/schedule.json") != std::string::npos);
}

void TestScheduleCatalog::requireChecksIdAndUnit()
{
    const auto catalog = ScheduleCatalog::fromJson(
            document(entry(R"("min": 1, "typical": 2, "max": 3)")), "mine.json");
    QVERIFY(catalog.ok());
    QVERIFY(catalog->require("x.task", "months").ok());
    const auto wrongUnit = catalog->require("x.task", "km/month");
    QVERIFY(!wrongUnit.ok());
    QVERIFY(wrongUnit.error().message.find("'unit'") != std::string::npos);
    const auto missing = catalog->require("y.task", "months");
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.find("mine.json") != std::string::npos);
    QVERIFY(missing.error().message.find("'y.task'") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestScheduleCatalog)
#include "test_schedulecatalog.moc"
