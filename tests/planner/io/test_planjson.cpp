// SPDX-License-Identifier: GPL-3.0-or-later
// The plan file format (resources/examples/plan-100mw.json), its errors, and the JSON and
// table output of a result.

#include "../support_planfixtures.h"
#include "planner/core/io/planjson.h"
#include "planner/core/sizing/planner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace planner;

namespace {

QByteArray exampleText()
{
    QFile f(QString::fromStdString(fixtures::catalogDirectory()) + "/../examples/plan-100mw.json");
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The example with one field replaced (path "plan.redundancy.ups") or removed (value null).
std::string exampleWith(const QString &path, const QJsonValue &value)
{
    QJsonObject root = QJsonDocument::fromJson(exampleText()).object();
    const QStringList keys = path.split('.');
    std::function<void(QJsonObject &, int)> set = [&](QJsonObject &o, int i) {
        if (i + 1 == keys.size()) {
            if (value.isNull())
                o.remove(keys[i]);
            else
                o[keys[i]] = value;
            return;
        }
        QJsonObject child = o[keys[i]].toObject();
        set(child, i + 1);
        o[keys[i]] = child;
    };
    set(root, 0);
    return QJsonDocument(root).toJson().toStdString();
}

} // namespace

class TestPlanJson : public QObject
{
    Q_OBJECT

private slots:
    void readsTheExample()
    {
        Expected<PlanRequest> r = parsePlanRequest(exampleText().toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const PlanInput &in = r->input;
        QCOMPARE(in.targetItLoad->value(), 100.0);
        QVERIFY(!in.rackCount);
        QCOMPARE(in.acceleratorId, std::string("gb200-nvl72"));
        QCOMPARE(in.coolingId, std::string("dlc-dry-coolers"));
        QCOMPARE(in.ups, Redundancy::NPlus1);
        QCOMPARE(in.phases.size(), std::size_t(2));
        QVERIFY(!in.interconnection);
        QCOMPARE(in.averageItLoadFraction, 0.8);
        const SiteConditions &s = r->site;
        QCOMPARE(s.climate.monthlyDryBulb[6].value(), 30.0);
        QCOMPARE(s.climate.designWetBulb.value(), 26.0);
        QCOMPARE(s.grid.size(), std::size_t(2));
        QCOMPARE(s.grid[1].voltage.value(), 345.0);
        QCOMPARE(s.landClass, std::string("industrial"));
        QVERIFY(!s.floodZone);
        QVERIFY(plan(in, s, fixtures::defaultCatalog()).ok());
    }

    void readsRacksAndCustomSystems()
    {
        std::string text = exampleWith("plan.it_load_mw", QJsonValue());
        QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
        QJsonObject p = root["plan"].toObject();
        p["racks"] = 100;
        p.remove("phases_mw");
        p["interconnection_kv"] = 345;
        p["accelerator"] = QJsonObject{{"id", "my-rack"},
                                       {"name", "My rack"},
                                       {"rack_it_power_kw", 80},
                                       {"accelerators_per_rack", 16},
                                       {"liquid_heat_fraction", 0.7}};
        root["plan"] = p;
        Expected<PlanRequest> r = parsePlanRequest(QJsonDocument(root).toJson().toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(*r->input.rackCount, 100);
        QCOMPARE(r->input.interconnection->value(), 345.0);
        QCOMPARE(r->input.customAccelerator->rackItPowerKw.value, 80.0);
        Expected<PlanResult> result = plan(r->input, r->site, fixtures::defaultCatalog());
        QVERIFY(result.ok());
        QCOMPARE(result->itLoad.value(), 8.0);
    }

    void badFilesNameTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no plan") << "plan" << QJsonValue() << "\"plan\" object";
        QTest::newRow("no load") << "plan.it_load_mw" << QJsonValue() << "give it_load_mw or racks";
        QTest::newRow("load as text")
                << "plan.it_load_mw" << QJsonValue("lots") << "plan.it_load_mw: expected a number";
        QTest::newRow("fractional racks")
                << "plan.racks" << QJsonValue(1.5) << "plan.racks: expected a whole number";
        QTest::newRow("no UPS redundancy")
                << "plan.redundancy.ups" << QJsonValue() << "plan.redundancy.ups";
        QTest::newRow("unknown redundancy")
                << "plan.redundancy.cooling" << QJsonValue("N+2") << "'N+2' is not one of";
        QTest::newRow("11 months") << "site.climate.monthly_dry_bulb_c"
                                   << QJsonValue(QJsonArray{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
                                   << "expected 12 numbers";
        QTest::newRow("no design temperature")
                << "site.climate.design_dry_bulb_c" << QJsonValue() << "design_dry_bulb_c: missing";
        QTest::newRow("flood as text") << "site.flood_zone" << QJsonValue("yes")
                                       << "site.flood_zone: expected true or false";
        QTest::newRow("no elevation") << "site.elevation_m" << QJsonValue() << "site.elevation_m";
    }

    void badFilesNameTheField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        Expected<PlanRequest> r = parsePlanRequest(exampleWith(path, value));
        QVERIFY(!r.ok());
        const QString message = QString::fromStdString(r.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    // JSON has no NaN: a file that tries gets a syntax error, not a NaN plan.
    void notJson()
    {
        QByteArray text = exampleText();
        text.replace("\"it_load_mw\": 100", "\"it_load_mw\": NaN");
        Expected<PlanRequest> r = parsePlanRequest(text.toStdString());
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).startsWith("not valid JSON"));
        QVERIFY(!parsePlanRequest("").ok());
    }

    // The JSON output holds the same numbers as the result, and every catalog assumption
    // carries its source and year.
    void jsonOutputMatchesTheResult()
    {
        Expected<PlanRequest> req = parsePlanRequest(exampleText().toStdString());
        const Catalog &c = fixtures::defaultCatalog();
        Expected<PlanResult> r = plan(req->input, req->site, c);
        QVERIFY(r.ok());
        const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(
                                                              planResultToJson(*r, req->input, c)))
                                      .object();
        QCOMPARE(j["racks"].toInt(), r->racks);
        QCOMPARE(j["it_load_mw"].toDouble(), r->itLoad.value());
        QCOMPARE(j["accelerator"].toObject()["id"].toString(), QString("gb200-nvl72"));
        QCOMPARE(j["cooling"].toObject()["annual_pue"].toDouble(), r->cooling.annualPue);
        const QJsonObject e = j["electrical"].toObject();
        QCOMPARE(e["utility_transformers"].toObject()["count"].toInt(),
                 r->electrical.transformers.count);
        QCOMPARE(e["interconnection"].toObject()["voltage_kv"].toDouble(),
                 r->electrical.interconnection.value());
        QCOMPARE(j["phases"].toArray().size(), 2);
        QCOMPARE(j["land"].toObject()["campus_ha"].toDouble(), r->land.campus.value());
        const QJsonArray assumptions = j["assumptions"].toArray();
        QCOMPARE(assumptions.size(), qsizetype(r->assumptions.size()));
        for (const QJsonValue &v : assumptions) {
            const QJsonObject a = v.toObject();
            if (a["origin"].toString() == "catalog") {
                QVERIFY(!a["source"].toString().isEmpty());
                QVERIFY(!a["year"].toString().isEmpty());
            }
        }
    }

    void tableOutputIsReadable()
    {
        Expected<PlanRequest> req = parsePlanRequest(exampleText().toStdString());
        const Catalog &c = fixtures::defaultCatalog();
        Expected<PlanResult> r = plan(req->input, req->site, c);
        const QString table = QString::fromStdString(planResultToTable(*r, req->input, c));
        for (const char *heading :
             {"Racks", "Cooling: ", "Electrical", "Annual energy", "Land", "Assumptions"})
            QVERIFY2(table.contains(heading), heading);
        QVERIFY(table.contains(
                QRegularExpression("\\n  racks +" + QString::number(r->racks) + "\\n")));
        QVERIFY(table.contains("NVIDIA GB200 NVL72"));
        QVERIFY(table.contains("https://"));
    }
};

QTEST_APPLESS_MAIN(TestPlanJson)
#include "test_planjson.moc"
