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

// The example with a headroom study at the serving bus, `key` replaced (or removed: null).
std::string exampleWithHeadroom(const QString &key = {}, const QJsonValue &value = {})
{
    QJsonObject h{{"n_mw", 420},
                  {"n1_mw", 180},
                  {"bus", "ODESSA 2 0"},
                  {"bus_id", 1001},
                  {"kv", 345},
                  {"distance_km", 3.2},
                  {"binding", "ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0"},
                  {"binding_n", "ODESSA 2 0 - MIDLAND 1 0"},
                  {"case", "ACTIVSg2000"}};
    if (!key.isEmpty()) {
        if (value.isNull())
            h.remove(key);
        else
            h[key] = value;
    }
    return exampleWith("site.grid_headroom", h);
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
        QTest::newRow("no load") << "plan.it_load_mw" << QJsonValue()
                                 << "give one of it_load_mw, racks or workload";
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

    // The headroom study in the site section, every field read; without it, not studied.
    void readsTheHeadroom()
    {
        Expected<PlanRequest> r = parsePlanRequest(exampleWithHeadroom());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY(r->site.gridHeadroom);
        const GridHeadroom &h = *r->site.gridHeadroom;
        QCOMPARE(h.n.value(), 420.0);
        QCOMPARE(h.n1.value(), 180.0);
        QCOMPARE(h.busName, std::string("ODESSA 2 0"));
        QCOMPARE(*h.busId, 1001);
        QCOMPARE(h.busVoltage->value(), 345.0);
        QCOMPARE(h.distance->value(), 3.2);
        QCOMPARE(h.bindingN1,
                 std::string("ODESSA 2 0 - MIDLAND 1 0 after the outage of ODESSA 2 0 - PECOS 0"));
        QCOMPARE(h.bindingN, std::string("ODESSA 2 0 - MIDLAND 1 0"));
        QCOMPARE(h.gridCase, std::string("ACTIVSg2000"));
        QCOMPARE(r->input.gridCriterion, GridCriterion::NMinus1); // the default

        // Only the two figures are needed; what is not given stays unknown, not zero.
        QJsonObject root = QJsonDocument::fromJson(exampleText()).object();
        QJsonObject site = root["site"].toObject();
        site["grid_headroom"] = QJsonObject{{"n_mw", 50}, {"n1_mw", 0}};
        root["site"] = site;
        QJsonObject planObject = root["plan"].toObject();
        planObject["grid_criterion"] = "N";
        root["plan"] = planObject;
        Expected<PlanRequest> bare = parsePlanRequest(QJsonDocument(root).toJson().toStdString());
        QVERIFY2(bare.ok(), bare.ok() ? "" : bare.error().message.c_str());
        const GridHeadroom &b = *bare->site.gridHeadroom;
        QCOMPARE(b.n1.value(), 0.0);
        QVERIFY(!b.busId && !b.busVoltage && !b.distance);
        QVERIFY(b.busName.empty() && b.bindingN1.empty() && b.gridCase.empty());
        QCOMPARE(bare->input.gridCriterion, GridCriterion::N);

        QVERIFY(!parsePlanRequest(exampleText().toStdString())->site.gridHeadroom);
    }

    void headroomErrorsNameTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no N-1") << "n1_mw" << QJsonValue() << "site.grid_headroom.n1_mw: missing";
        QTest::newRow("no N") << "n_mw" << QJsonValue() << "site.grid_headroom.n_mw: missing";
        QTest::newRow("N-1 as text")
                << "n1_mw" << QJsonValue("lots") << "site.grid_headroom.n1_mw: expected a number";
        QTest::newRow("negative N-1") << "n1_mw" << QJsonValue(-5)
                                      << "site.grid_headroom.n1_mw: must be a number of 0 MW";
        QTest::newRow("negative N") << "n_mw" << QJsonValue(-0.5)
                                    << "site.grid_headroom.n_mw: must be a number of 0 MW";
        QTest::newRow("N-1 above N")
                << "n1_mw" << QJsonValue(500)
                << "site.grid_headroom.n1_mw: 500 MW cannot exceed n_mw (420 MW)";
        QTest::newRow("zero kV") << "kv" << QJsonValue(0)
                                 << "site.grid_headroom.kv: must be a voltage above 0 kV";
        QTest::newRow("negative distance")
                << "distance_km" << QJsonValue(-1)
                << "site.grid_headroom.distance_km: must be a distance of 0 km or more";
        QTest::newRow("fractional bus id") << "bus_id" << QJsonValue(10.5)
                                           << "site.grid_headroom.bus_id: expected a whole number";
        QTest::newRow("bus as a number")
                << "bus" << QJsonValue(7) << "site.grid_headroom.bus: expected a string";
        QTest::newRow("binding as a number")
                << "binding" << QJsonValue(1) << "site.grid_headroom.binding: expected a string";
    }

    void headroomErrorsNameTheField()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        Expected<PlanRequest> r = parsePlanRequest(exampleWithHeadroom(key, value));
        QVERIFY(!r.ok());
        const QString message = QString::fromStdString(r.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void headroomSectionAndCriterionAreChecked()
    {
        auto message = [](const std::string &text) {
            Expected<PlanRequest> r = parsePlanRequest(text);
            return r.ok() ? QString() : QString::fromStdString(r.error().message);
        };
        QCOMPARE(message(exampleWith("site.grid_headroom", QJsonValue(180))),
                 QString("site.grid_headroom: expected an object"));
        QCOMPARE(message(exampleWith("plan.grid_criterion", QJsonValue("N-2"))),
                 QString("plan.grid_criterion: 'N-2' is not one of N, N-1"));
        // A figure too large for a double is refused by the JSON reader, never read as infinity.
        const std::string n = "\"n_mw\": 420", n1 = "\"n1_mw\": 180";
        std::string huge = exampleWithHeadroom();
        QVERIFY(huge.find(n) != std::string::npos);
        huge.replace(huge.find(n), n.size(), "\"n_mw\": 1e999");
        QVERIFY2(message(huge).startsWith("not valid JSON") && message(huge).contains("1e999"),
                 qPrintable(message(huge)));
        // NaN is not JSON.
        std::string nan = exampleWithHeadroom();
        QVERIFY(nan.find(n1) != std::string::npos);
        nan.replace(nan.find(n1), n1.size(), "\"n1_mw\": NaN");
        QVERIFY(message(nan).startsWith("not valid JSON"));
    }

    // The criterion is a plan option: written only when it is not the default, read back.
    void criterionRoundTripsThroughThePlanObject()
    {
        Expected<PlanSpec> spec = parsePlanSpec(
                QJsonDocument(QJsonDocument::fromJson(exampleText())["plan"].toObject())
                        .toJson()
                        .toStdString());
        QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().message.c_str());
        QVERIFY(planSpecToJson(*spec).find("grid_criterion") == std::string::npos);
        spec->input.gridCriterion = GridCriterion::N;
        const std::string written = planSpecToJson(*spec);
        QVERIFY(written.find("\"grid_criterion\":\"N\"") != std::string::npos);
        Expected<PlanSpec> back = parsePlanSpec(written);
        QVERIFY(back.ok());
        QCOMPARE(back->input.gridCriterion, GridCriterion::N);
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
