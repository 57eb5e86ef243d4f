// SPDX-License-Identifier: GPL-3.0-or-later
// The headless planner as a user runs it: the real energize binary on the bundled example, as a
// table and as JSON, the example against a grid headroom study at its serving bus, and bad
// input that must fail with a message on stderr.

#include "support_energizebinary.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

class TestPlanCli : public QObject
{
    Q_OBJECT
private slots:
    void tableAndJsonAgree();
    void badInputFailsWithAMessage_data();
    void badInputFailsWithAMessage();
    void missingFileIsNamed();
    void gridHeadroomIsCheckedAndPriced();

private:
    using Run = testing::BinaryRun;
    static Run energize(const QStringList &args);
};

TestPlanCli::Run TestPlanCli::energize(const QStringList &args)
{
    return testing::runEnergize(args);
}

namespace {

QString examplePath()
{
    return QString(ENERGIZE_SOURCE_DIR) + "/resources/examples/plan-100mw.json";
}

bool near(double a, double b, double relative = 1e-9)
{
    return std::abs(a - b) <= relative * std::max(1.0, std::abs(b));
}

// "YYYY-MM" of the month in which a task ending `months` after the start of `start` is done: a
// fraction of a month counts as the whole month (3.2 months from 2027-01 is 2027-04).
QString monthAfter(const QString &start, double months)
{
    const int whole = int(std::ceil(months));
    const int index =
            start.left(4).toInt() * 12 + start.mid(5, 2).toInt() - 1 + (whole > 0 ? whole - 1 : 0);
    return QString("%1-%2")
            .arg(index / 12, 4, 10, QChar('0'))
            .arg(index % 12 + 1, 2, 10, QChar('0'));
}

// Sets (or, given an undefined value, removes) the field at a path such as "site.grid[1].x".
void setPath(QJsonObject &object, QStringView path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf('.');
    const QStringView head = dot < 0 ? path : path.left(dot);
    const qsizetype bracket = head.indexOf('[');
    const QString key = (bracket < 0 ? head : head.left(bracket)).toString();
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return;
    }
    if (bracket < 0) {
        QJsonObject child = object.value(key).toObject();
        setPath(child, path.mid(dot + 1), value);
        object.insert(key, child);
        return;
    }
    const int index = head.mid(bracket + 1, head.size() - bracket - 2).toInt();
    QJsonArray list = object.value(key).toArray();
    QJsonObject child = list.at(index).toObject();
    setPath(child, path.mid(dot + 1), value);
    list.replace(index, child);
    object.insert(key, list);
}

QJsonObject exampleObject()
{
    QFile file(examplePath());
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

// An entry of a shipped catalog file and the CPI-U of a year, read from the JSON files here.
QJsonObject catalogEntry(const char *file, const QString &id)
{
    QFile f(QString(ENERGIZE_SOURCE_DIR) + "/resources/catalog/" + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll())["entries"].toArray()) {
        if (v["id"].toString() == id)
            return v.toObject();
    }
    return {};
}

double cpi(int year)
{
    QFile f(QString(ENERGIZE_SOURCE_DIR) + "/resources/catalog/economics.json");
    return f.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(f.readAll())["escalation"]["index"][QString::number(year)]
                      .toDouble()
            : 0.0;
}

} // namespace

// The example by hand from resources/catalog/accelerators.json (gb200-nvl72: 132 kW and 72
// GPUs per rack), facility.json (3 m² of white space per rack) and economics.json
// (accelerator.gb200-nvl72: 41,667 USD per GPU at 2025 prices; networking 12.5 % and storage
// 3 % of it; land and electricity price bands 1.0), with the example's own figures: 100 MW
// IT in phases of 40 and 60 MW, 80 % average load, 603,000 USD/ha, 66 USD/MWh.
void TestPlanCli::tableAndJsonAgree()
{
    const Run json = energize({"plan", "--input", examplePath(), "--json"});
    QCOMPARE(json.code, 0);
    QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
    QJsonParseError error;
    const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    // Racks: ceil(100,000 kW / 132 kW) = ceil(757.58) = 758; 758 × 72 = 54,576 GPUs; the
    // racks carry 758 × 0.132 = 100.056 MW. Phase 1: round(40 / 0.132) = 303 racks (39.996
    // MW), phase 2 the rest: 455 racks (60.06 MW).
    QCOMPARE(result.value("accelerator").toObject().value("id").toString(), QString("gb200-nvl72"));
    QCOMPARE(result.value("racks").toInt(), 758);
    QCOMPARE(result.value("accelerators").toInt(), 54576);
    QVERIFY(near(result.value("rack_power_kw").toDouble(), 132.0));
    QVERIFY(near(result.value("it_load_mw").toDouble(), 100.056));
    const QJsonArray sized = result.value("phases").toArray();
    QCOMPARE(sized.size(), 2);
    QCOMPARE(sized[0].toObject().value("racks").toInt(), 303);
    QVERIFY(near(sized[0].toObject().value("it_load_mw").toDouble(), 39.996));
    QCOMPARE(sized[1].toObject().value("racks").toInt(), 455);
    QVERIFY(near(sized[1].toObject().value("it_load_mw").toDouble(), 60.06));
    // IT energy: 100.056 MW × 0.8 × 8,760 h = 701,192.448 MWh; white space 758 × 3 m².
    const QJsonObject energy = result.value("annual_energy_mwh").toObject();
    QVERIFY(near(energy.value("it").toDouble(), 701192.448));
    QVERIFY(near(result.value("land").toObject().value("white_space_m2").toDouble(), 2274.0));

    // Cost: the capex lines add up to the total, and so do the four groups.
    const QJsonObject cost = result.value("cost").toObject();
    QCOMPARE(cost.value("price_year").toInt(), 2025);
    const double capex = cost.value("capex_total_usd").toDouble();
    double lines = 0.0;
    QHash<QString, double> byCategory;
    for (const QJsonValue &v : cost.value("capex").toArray()) {
        const QJsonObject line = v.toObject();
        QVERIFY2(!line.value("source").toString().isEmpty(),
                 qPrintable(line.value("category").toString()));
        lines += line.value("usd").toDouble();
        byCategory.insert(line.value("category").toString(), line.value("usd").toDouble());
    }
    QVERIFY2(near(lines, capex), qPrintable(QString("%1 vs %2").arg(lines).arg(capex)));
    const double groups = cost.value("facility_capex_usd").toDouble()
            + cost.value("grid_capex_usd").toDouble() + cost.value("land_capex_usd").toDouble()
            + cost.value("it_capex_usd").toDouble();
    QVERIFY2(near(groups, capex), qPrintable(QString::number(groups)));
    // IT: 54,576 × 41,667 USD = 2,274,018,192 USD, plus 12.5 % networking and 3 % storage.
    QVERIFY(near(byCategory.value("IT (accelerators)"), 2274018192.0));
    QVERIFY(near(byCategory.value("IT (networking)"), 0.125 * 2274018192.0));
    QVERIFY(near(byCategory.value("IT (storage)"), 0.03 * 2274018192.0));
    QVERIFY(near(cost.value("it_capex_usd").toDouble(), 1.155 * 2274018192.0));
    // Land: the campus at the site's 603,000 USD/ha; energy: the facility's MWh at 66 USD/MWh.
    const double campusHa = result.value("land").toObject().value("campus_ha").toDouble();
    QVERIFY(campusHa > 0.0);
    QVERIFY(near(byCategory.value("Land"), campusHa * 603000.0));
    QVERIFY(near(cost.value("energy_per_year_usd").toDouble(),
                 energy.value("facility").toDouble() * 66.0));
    QVERIFY(cost.value("tco_npv_usd").toDouble() > capex);
    QVERIFY(cost.value("usd_per_million_tokens").toDouble() > 0.0); // the example gives tokens/s

    // Time to power on: P10 <= P50 <= P90 per phase, each date the month its figure ends in
    // from the example's start, and phase 2 after phase 1.
    const QJsonObject schedule = result.value("schedule").toObject();
    QCOMPARE(schedule.value("market").toString(), QString("ercot"));
    QCOMPARE(schedule.value("start").toString(), QString("2027-01"));
    QCOMPARE(schedule.value("samples").toInt(), 10000);
    const QJsonArray phases = schedule.value("phases").toArray();
    QCOMPARE(phases.size(), 2);
    QStringList dateRows;
    for (const QJsonValue &p : phases) {
        const QJsonObject phase = p.toObject();
        const double p10 = phase.value("p10_months").toDouble();
        const double p50 = phase.value("p50_months").toDouble();
        const double p90 = phase.value("p90_months").toDouble();
        QVERIFY2(p10 > 0.0 && p10 <= p50 && p50 <= p90,
                 qPrintable(QString("%1 %2 %3").arg(p10).arg(p50).arg(p90)));
        QCOMPARE(phase.value("p10").toString(), monthAfter("2027-01", p10));
        QCOMPARE(phase.value("p50").toString(), monthAfter("2027-01", p50));
        QCOMPARE(phase.value("p90").toString(), monthAfter("2027-01", p90));
        dateRows << QRegularExpression::escape(QString("phase %1 energized (P10 / P50 / P90)")
                                                       .arg(phase.value("phase").toInt()))
                        + "\\s+"
                        + QRegularExpression::escape(QString("%1 / %2 / %3")
                                                             .arg(phase.value("p10").toString(),
                                                                  phase.value("p50").toString(),
                                                                  phase.value("p90").toString()));
    }
    QVERIFY(phases[1].toObject().value("p50_months").toDouble()
            > phases[0].toObject().value("p50_months").toDouble());

    // The cash flow: consecutive quarters from the start, spending the capex, cumulative to
    // the last quarter.
    const QJsonArray flow = result.value("cash_flow").toArray();
    QVERIFY(!flow.isEmpty());
    double spent = 0.0;
    double total = 0.0;
    for (int i = 0; i < flow.size(); ++i) {
        const QJsonObject q = flow[i].toObject();
        QCOMPARE(q.value("quarter_start").toString(), monthAfter("2027-01", 3.0 * i + 1.0));
        spent += q.value("capex_usd").toDouble();
        total += q.value("capex_usd").toDouble() + q.value("opex_usd").toDouble();
        QVERIFY(near(q.value("cumulative_usd").toDouble(), total, 1e-9));
    }
    QVERIFY2(near(spent, capex), qPrintable(QString::number(spent)));
    QVERIFY(result.value("tco_tornado").toObject().value("bars").toArray().size() >= 20);
    QVERIFY(result.value("schedule_tornado").toObject().value("bars").toArray().size() >= 20);

    // The table says the same.
    const Run table = energize({"plan", "--input", examplePath()});
    QCOMPARE(table.code, 0);
    QVERIFY2(table.err.isEmpty(), qPrintable(table.err));
    QStringList rows{"accelerator system\\s+NVIDIA GB200 NVL72 \\(gb200-nvl72\\)",
                     "racks\\s+758\\n",
                     "accelerators\\s+54576\\n",
                     "power per rack\\s+132\\.0 kW",
                     "IT load\\s+100\\.06 MW",
                     "phase 1\\s+40\\.00 MW IT, 303 racks",
                     "phase 2\\s+60\\.06 MW IT, 455 racks",
                     "Cost \\(2025 prices\\)",
                     "IT \\(accelerators\\)\\s+2274\\.0 M USD",
                     "capex, priced\\s+" + QString::number(capex / 1e6, 'f', 1) + " M USD",
                     "Cash flow",
                     "What moves the TCO",
                     "What moves the P50"};
    rows << dateRows;
    for (const QString &row : rows)
        QVERIFY2(table.out.contains(QRegularExpression(row)), qPrintable(row));
}

void TestPlanCli::badInputFailsWithAMessage_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("field"); // what the message must name
    QTest::addColumn<QString>("fragment"); // and what it must say about it
    // False where the message names the field in words only: the README promises its path.
    QTest::addColumn<bool>("pathNamed");
    QTest::newRow("not JSON") << QByteArray("racks: 10") << "not valid JSON"
                              << "not valid JSON" << true;
    QTest::newRow("no plan") << QByteArray(R"({"site": {}})") << "\"plan\" object"
                             << "plan-100mw.json" << true;
    QTest::newRow("no site") << QByteArray(R"({"plan": {"it_load_mw": 10}})") << "\"site\" object"
                             << "plan-100mw.json" << true;

    // One bad field in the otherwise good example.
    QFile file(examplePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject example = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!example.isEmpty());
    auto bad = [&](const char *tag, const QString &path, const QJsonValue &value,
                   const QString &fragment, bool pathNamed = true) {
        QJsonObject doc = example;
        setPath(doc, path, value);
        QTest::newRow(tag) << QJsonDocument(doc).toJson() << path << fragment << pathNamed;
    };
    bad("UPS redundancy not a class", "plan.redundancy.ups", "3N",
        "'3N' is not one of none, N, N+1, 2N");
    bad("racks not whole", "plan.racks", 10.5, "expected a whole number");
    bad("eleven months", "site.climate.monthly_dry_bulb_c",
        QJsonArray{8, 10, 15, 19, 24, 28, 30, 30, 26, 20, 13}, "expected 12 numbers");
    bad("grid line without voltage", "site.grid[1].voltage_kv", QJsonValue::Undefined, "missing");
    bad("flood zone not true or false", "site.flood_zone", "no", "expected true or false");
    bad("month 13", "schedule.start", "2027-13", "'2027-13' is not a month");
    bad("discount rate above 0.99", "economics.discount_rate", 1.5, "between 0 and 0.99");
    bad("UPS redundancy N not offered", "plan.redundancy.ups", "N",
        "UPS redundancy N is not offered; choose N+1, 2N", false);
    bad("negative load", "plan.it_load_mw", -10, "target IT load -10 MW", false);
    bad("unknown accelerator", "plan.accelerator", "gb999", "unknown accelerator system 'gb999'",
        false);
    bad("interconnection not a class", "plan.interconnection_kv", 100,
        "100 kV is not a catalog class", false);
    bad("unknown market", "schedule.market", "nowhere", "market 'nowhere'", false);
    bad("unknown grid criterion", "plan.grid_criterion", "N-2", "'N-2' is not one of N, N-1");
    bad("headroom not an object", "site.grid_headroom", 180, "expected an object");
    // A headroom study with one bad figure names the figure's path.
    const QJsonObject headroom{{"n_mw", 420}, {"n1_mw", 180}, {"bus", "ODESSA 2 0"}, {"kv", 138}};
    auto badHeadroom = [&](const char *tag, const char *key, const QJsonValue &value,
                           const QString &fragment) {
        QJsonObject h = headroom;
        if (value.isUndefined())
            h.remove(key);
        else
            h.insert(key, value);
        QJsonObject doc = example;
        setPath(doc, u"site.grid_headroom", h);
        QTest::newRow(tag) << QJsonDocument(doc).toJson() << QString("site.grid_headroom.") + key
                           << fragment << true;
    };
    badHeadroom("headroom without N-1", "n1_mw", QJsonValue::Undefined, "missing");
    badHeadroom("negative N-1 headroom", "n1_mw", -20, "must be a number of 0 MW or more");
    badHeadroom("N-1 headroom above N", "n1_mw", 500, "cannot exceed n_mw (420 MW)");
    badHeadroom("negative distance to the bus", "distance_km", -1,
                "must be a distance of 0 km or more");
}

void TestPlanCli::badInputFailsWithAMessage()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    QFETCH(bool, pathNamed);
    QTemporaryDir dir;
    QFile f(dir.filePath("plan.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const Run run = energize({"plan", "--input", f.fileName()});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith("energize plan: "), qPrintable(run.err));
    QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
    if (!pathNamed)
        QEXPECT_FAIL("", "the checks after parsing name the field in words, not by its path",
                     Continue);
    QVERIFY2(run.err.contains(field), qPrintable(run.err));
}

void TestPlanCli::missingFileIsNamed()
{
    QTemporaryDir dir;
    const Run missing = energize({"plan", "--input", dir.filePath("missing.json")});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.out.isEmpty());
    QVERIFY2(missing.err.startsWith("energize plan: " + dir.filePath("missing.json")),
             qPrintable(missing.err));
}

// The example against a headroom study at a 138 kV bus (the voltage the example connects at),
// in 2024 prices so that escalation is a ratio of the CPI index. Each phase's facility peak is
// the binary's own output without a study; the rest is worked by hand from the catalog files.
void TestPlanCli::gridHeadroomIsCheckedAndPriced()
{
    QJsonObject doc = exampleObject();
    QVERIFY(!doc.isEmpty());
    setPath(doc, u"economics.price_year", 2024);
    QTemporaryDir dir;
    auto runWith = [&](const QJsonObject &content, const QStringList &extra) {
        QFile f(dir.filePath("plan.json"));
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(QJsonDocument(content).toJson());
        f.close();
        return energize(QStringList{"plan", "--input", f.fileName()} + extra);
    };
    const Run plain = runWith(doc, {"--json"});
    QCOMPARE(plain.code, 0);
    const QJsonObject plainResult = QJsonDocument::fromJson(plain.out.toUtf8()).object();
    QVERIFY(!plainResult.contains("grid_headroom")); // not studied: nothing printed about it
    const QJsonArray phases = plainResult["phases"].toArray();
    QCOMPARE(phases.size(), 2);
    const double peak1 = phases[0]["facility_peak_mw"].toDouble();
    const double peak2 = phases[1]["facility_peak_mw"].toDouble();
    QVERIFY(peak1 > 0.0 && peak2 > 0.0);
    QCOMPARE(plainResult["electrical"]["interconnection"]["voltage_kv"].toDouble(), 138.0);

    // Phase 2 does not fit: the N-1 headroom takes phase 1 with 10 MW to spare.
    const QString binding = "ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0";
    QJsonObject shortDoc = doc;
    setPath(shortDoc, u"site.grid_headroom",
            QJsonObject{{"n_mw", peak1 + peak2 + 100.0},
                        {"n1_mw", peak1 + 10.0},
                        {"bus", "ODESSA 2 0"},
                        {"bus_id", 1001},
                        {"kv", 138},
                        {"distance_km", 3.2},
                        {"binding", binding},
                        {"case", "ACTIVSg2000"}});
    const Run json = runWith(shortDoc, {"--json"});
    QCOMPARE(json.code, 0);
    QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
    const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonObject fit = result["grid_headroom"].toObject();
    const double shortfall = peak2 - 10.0;
    QCOMPARE(fit["criterion"].toString(), QString("N-1"));
    QCOMPARE(fit["fits"].toBool(), false);
    QCOMPARE(fit["first_short_phase"].toInt(), 2);
    QCOMPARE(fit["binding"].toString(), binding);
    QCOMPARE(fit["bus"]["id"].toInt(), 1001);
    QVERIFY(near(fit["shortfall_mw"].toDouble(), shortfall));
    QVERIFY(near(fit["phases"][0]["demand_mw"].toDouble(), peak1));
    QVERIFY(near(fit["phases"][1]["demand_mw"].toDouble(), peak1 + peak2));
    QVERIFY(near(fit["phases"][1]["shortfall_mw"].toDouble(), shortfall));
    QVERIFY(fit["notes"].toArray().isEmpty());
    // The line: shortfall × assumed length × the 138 kV rate per MW-km, 2004 prices to 2024.
    const double lineUsd = shortfall
            * catalogEntry("economics.json", "grid_upgrade.line_length_km")["typical"].toDouble()
            * catalogEntry("economics.json", "grid_upgrade.line_per_mw_km.138")["typical"]
                      .toDouble()
            * cpi(2024) / cpi(2004);
    const double substationUsd =
            catalogEntry("economics.json", "grid_upgrade.substation_expansion")["typical"]
                    .toDouble()
            * cpi(2024) / cpi(2017);
    QHash<QString, double> capex;
    for (const QJsonValue &v : result["cost"]["capex"].toArray())
        capex.insert(v["category"].toString(), v["usd"].toDouble());
    QVERIFY2(near(capex.value("Network upgrade (line)"), lineUsd, 1e-9),
             qPrintable(
                     QString("%1 vs %2").arg(capex.value("Network upgrade (line)")).arg(lineUsd)));
    QVERIFY(near(capex.value("Network upgrade (substation)"), substationUsd, 1e-9));
    QVERIFY(!capex.contains("Network upgrades")); // the per-MW allowance is not charged as well
    QVERIFY(near(fit["upgrade"]["cost_usd"].toDouble(), lineUsd + substationUsd, 1e-9));
    // The task: after ERCOT's interconnection agreement, for its catalog months, before phase 2.
    const double agreement = catalogEntry("schedule.json", "site.control")["typical"].toDouble()
            + catalogEntry("schedule.json", "interconnection.ercot")["typical"].toDouble();
    const double months =
            catalogEntry("schedule.json", "grid_upgrade.construction")["typical"].toDouble();
    const QJsonObject task = fit["upgrade"]["task"].toObject();
    QCOMPARE(task["id"].toString(), QString("network_upgrade"));
    QCOMPARE(task["typical_months"].toDouble(), months);
    QVERIFY(near(task["finish_months"].toDouble(), agreement + months));
    QHash<QString, QJsonObject> tasks;
    for (const QJsonValue &v : result["schedule"]["tasks"].toArray())
        tasks.insert(v["id"].toString(), v.toObject());
    QVERIFY(tasks.contains("network_upgrade"));
    QVERIFY(near(tasks["energization_2"]["early_start_months"].toDouble(), agreement + months));
    double plainPhase1 = 0.0; // phase 1 does not wait for the upgrade
    for (const QJsonValue &v : plainResult["schedule"]["tasks"].toArray()) {
        if (v["id"].toString() == "energization_1")
            plainPhase1 = v["early_finish_months"].toDouble();
    }
    QCOMPARE(tasks["energization_1"]["early_finish_months"].toDouble(), plainPhase1);
    QVERIFY(plainPhase1 < agreement + months);

    const Run table = runWith(shortDoc, {});
    QCOMPARE(table.code, 0);
    const QString shortText = QString::number(shortfall, 'f', 1);
    for (const QString &row :
         {QString("Grid headroom at the serving bus \\(N-1 criterion\\)"),
          QString("serving bus\\s+ODESSA 2 0 \\(bus 1001, 138 kV\\), 3\\.2 km from the site"),
          "binding element \\(N-1\\)\\s+" + QRegularExpression::escape(binding),
          "phase 1 peak demand \\(cumulative\\)\\s+" + QString::number(peak1, 'f', 1)
                  + " MW: fits, 10\\.0 MW to spare",
          "phase 2 peak demand \\(cumulative\\)\\s+" + QString::number(peak1 + peak2, 'f', 1)
                  + " MW: short by " + shortText + " MW",
          "result\\s+does not fit from phase 2: " + shortText + " MW short at full build",
          "Network upgrade \\(line\\)\\s+" + QString::number(lineUsd / 1e6, 'f', 1) + " M USD",
          QString("network upgrade task\\s+Utility network upgrade for the new load \\(before "
                  "phase 2\\)")})
        QVERIFY2(table.out.contains(QRegularExpression(row)), qPrintable(row));

    // Everything fits with 20 MW to spare: no upgrade line, no task, and the fit says so.
    QJsonObject fitsDoc = shortDoc;
    setPath(fitsDoc, u"site.grid_headroom.n1_mw", peak1 + peak2 + 20.0);
    const Run fits = runWith(fitsDoc, {"--json"});
    QCOMPARE(fits.code, 0);
    const QJsonObject fitsResult = QJsonDocument::fromJson(fits.out.toUtf8()).object();
    QCOMPARE(fitsResult["grid_headroom"]["fits"].toBool(), true);
    QVERIFY(near(fitsResult["grid_headroom"]["margin_mw"].toDouble(), 20.0));
    QVERIFY(fitsResult["grid_headroom"]["upgrade"].isNull());
    for (const QJsonValue &v : fitsResult["cost"]["capex"].toArray())
        QVERIFY2(!v["category"].toString().startsWith("Network upgrade"),
                 qPrintable(v["category"].toString()));
    for (const QJsonValue &v : fitsResult["schedule"]["tasks"].toArray())
        QVERIFY(v["id"].toString() != "network_upgrade");
    const Run fitsTable = runWith(fitsDoc, {});
    QVERIFY(fitsTable.out.contains(QRegularExpression(
            "result\\s+fits: 20\\.0 MW to spare at full build; no network upgrade")));

    // The N criterion reads the N headroom, which takes the whole build.
    QJsonObject nDoc = shortDoc;
    setPath(nDoc, u"plan.grid_criterion", "N");
    const QJsonObject nResult =
            QJsonDocument::fromJson(runWith(nDoc, {"--json"}).out.toUtf8()).object();
    QCOMPARE(nResult["grid_headroom"]["criterion"].toString(), QString("N"));
    QCOMPARE(nResult["grid_headroom"]["fits"].toBool(), true);
    QVERIFY(near(nResult["grid_headroom"]["margin_mw"].toDouble(), 100.0));
}

QTEST_GUILESS_MAIN(TestPlanCli)
#include "test_plancli.moc"
