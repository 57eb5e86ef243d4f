// SPDX-License-Identifier: GPL-3.0-or-later
// Field mapping: which field holds voltage, name, capacity, owner and status in the spellings
// real files use (HIFLD, EIA-860, OpenStreetMap power tags, MATPOWER-style bus tables), checked
// on small files written through GDAL by each test and loaded by the real loader.
#include "../support_vectorfiles.h"
#include "maps/vector/fieldmapping.h"
#include "maps/vector/vectorloader.h"
#include "maps/vector/voltage.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>

#include <cmath>

using namespace maps;
using maps::test::FixtureFeature;
using maps::test::writeVectorFile;

namespace {

VectorLayer loaded(const QString &path, const FieldChoices &choices = {})
{
    LoadOptions options;
    options.fields = choices;
    options.assumedCrs = QStringLiteral("EPSG:4326"); // a lon/lat CSV has no CRS of its own
    auto layer = loadVectorLayer({path, {}}, options);
    if (!layer)
        qFatal("%s", qPrintable(errorText(layer.error())));
    return *layer;
}

// Three substations whose voltage is in `field`, with the given raw values.
QString writeSubstations(const QString &path, const char *driver, const QString &field,
                         const QVariantList &values)
{
    QList<FixtureFeature> features;
    for (int i = 0; i < values.size(); ++i)
        features.append({QStringLiteral("POINT (%1 31.0)").arg(-99.0 + i),
                         {{field, values[i]}, {"Facility Name", QStringLiteral("Sub %1").arg(i)}}});
    return writeVectorFile(path, driver, "substations", "EPSG:4326", wkbPoint, features);
}

} // namespace

class TestFieldMapping : public QObject
{
    Q_OBJECT

private slots:
    void normalisedNames_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("units in brackets") << "Voltage (kV)"
                                           << "voltage_kv";
        QTest::newRow("upper case") << "VOLT_CLASS"
                                    << "volt_class";
        QTest::newRow("osm tag") << "plant:output:electricity"
                                 << "plant_output_electricity";
        QTest::newRow("spaces") << "  Facility  Name "
                                << "facility_name";
    }
    void normalisedNames()
    {
        QFETCH(QString, raw);
        QFETCH(QString, normalised);
        QCOMPARE(normalisedFieldName(raw), normalised);
    }

    // The voltage field in every spelling the issue lists, among decoys a loose match would take.
    void voltageFieldInEachSpelling_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("voltage");
        QTest::newRow("kv") << QStringList{"id", "kv"} << "kv";
        QTest::newRow("KV") << QStringList{"OBJECTID", "KV"} << "KV";
        QTest::newRow("voltage_kv") << QStringList{"name", "voltage_kv"} << "voltage_kv";
        QTest::newRow("Voltage (kV)") << QStringList{"Name", "Voltage (kV)"} << "Voltage (kV)";
        QTest::newRow("base_kv") << QStringList{"bus_i", "BASE_KV", "Vm (pu)"} << "BASE_KV";
        QTest::newRow("VOLTAGE beats VOLT_CLASS (HIFLD)")
                << QStringList{"VOLT_CLASS", "VOLTAGE", "OWNER"} << "VOLTAGE";
        QTest::newRow("MAX_VOLT beats MIN_VOLT")
                << QStringList{"MIN_VOLT", "MAX_VOLT"} << "MAX_VOLT";
        QTest::newRow("MIN_VOLT alone is not the station voltage")
                << QStringList{"MIN_VOLT"} << QString();
        QTest::newRow("per unit is not a voltage") << QStringList{"voltage_pu"} << QString();
        QTest::newRow("kVA rating is not a voltage") << QStringList{"rating_kva"} << QString();
        QTest::newRow("osm voltage") << QStringList{"power", "voltage"} << "voltage";
    }
    void voltageFieldInEachSpelling()
    {
        QFETCH(QStringList, fields);
        QFETCH(QString, voltage);
        QCOMPARE(mapFields(fields, {}).field(FieldPurpose::Voltage), voltage);
    }

    void otherPurposes_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QString>("expected");
        const QStringList eia{"Plant_Code",           "Plant_Name",
                              "Utility_Name",         "Nameplate Capacity (MW)",
                              "Summer Capacity (MW)", "Status"};
        QTest::newRow("EIA name") << eia << int(FieldPurpose::Name) << "Plant_Name";
        QTest::newRow("EIA owner") << eia << int(FieldPurpose::Owner) << "Utility_Name";
        QTest::newRow("EIA capacity")
                << eia << int(FieldPurpose::Capacity) << "Nameplate Capacity (MW)";
        QTest::newRow("EIA status") << eia << int(FieldPurpose::Status) << "Status";
        const QStringList hifld{"OBJECTID", "NAME", "OWNER", "STATUS", "TOTAL_MW"};
        QTest::newRow("HIFLD capacity") << hifld << int(FieldPurpose::Capacity) << "TOTAL_MW";
        QTest::newRow("HIFLD name") << hifld << int(FieldPurpose::Name) << "NAME";
        // HIFLD transmission lines: no name; TYPE holds "AC; OVERHEAD", the ID finds the line.
        const QStringList hifldLines{"OBJECTID", "ID",         "TYPE",  "STATUS", "OWNER",
                                     "VOLTAGE",  "VOLT_CLASS", "SUB_1", "SUB_2"};
        QTest::newRow("HIFLD lines label their ID")
                << hifldLines << int(FieldPurpose::Name) << "ID";
        QTest::newRow("Facility Name") << QStringList{"owner_name", "Facility Name"}
                                       << int(FieldPurpose::Name) << "Facility Name";
        QTest::newRow("osm output") << QStringList{"name", "operator", "plant:output:electricity"}
                                    << int(FieldPurpose::Capacity) << "plant:output:electricity";
        QTest::newRow("osm operator")
                << QStringList{"name", "operator"} << int(FieldPurpose::Owner) << "operator";
        QTest::newRow("MWh is energy, not capacity")
                << QStringList{"annual_mwh"} << int(FieldPurpose::Capacity) << QString();
    }
    void otherPurposes()
    {
        QFETCH(QStringList, fields);
        QFETCH(int, purpose);
        QFETCH(QString, expected);
        QCOMPARE(mapFields(fields, {}).field(FieldPurpose(purpose)), expected);
    }

    void sentinelsAreUnknown_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<bool>("numericPurpose");
        QTest::addColumn<bool>("unknown");
        QTest::newRow("-999999") << "-999999" << true << true;
        QTest::newRow("0") << "0" << true << true;
        QTest::newRow("empty") << "" << true << true;
        QTest::newRow("NOT AVAILABLE") << "NOT AVAILABLE" << true << true;
        QTest::newRow("NOT AVAILABLE name") << "NOT AVAILABLE" << false << true;
        QTest::newRow("-1 capacity") << "-1" << true << true;
        QTest::newRow("345") << "345" << true << false;
        QTest::newRow("name 0 is a name") << "0" << false << false;
        QTest::newRow("name -999999") << "-999999" << false << true;
    }
    void sentinelsAreUnknown()
    {
        QFETCH(QString, raw);
        QFETCH(bool, numericPurpose);
        QFETCH(bool, unknown);
        QCOMPARE(isUnknownValue(raw, numericPurpose), unknown);
    }

    // A file whose voltage field is "Voltage (kV)" (GeoJSON keeps the name as it is).
    void voltageWithUnitsInTheNameIsRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("subs.geojson");
        QCOMPARE(writeSubstations(path, "GeoJSON", "Voltage (kV)", {345, 138, -999999}), QString());
        const VectorLayer layer = loaded(path);
        QCOMPARE(layer.metadata().mapping.field(FieldPurpose::Voltage), "Voltage (kV)");
        QCOMPARE(layer.metadata().mapping.field(FieldPurpose::Name), "Facility Name");
        QCOMPARE(layer.role(), LayerRole::Substations);
        QCOMPARE(layer.features().kv[0], 345.0F);
        QCOMPARE(layer.features().kv[1], 138.0F);
        QVERIFY(std::isnan(layer.features().kv[2])); // -999999: unknown, not a voltage
        QCOMPARE(layer.label(1), "Sub 1");
        QCOMPARE(describeFieldValue(layer.metadata().mapping, "Voltage (kV)", "-999999"),
                 "-999999 (unknown)");
        QCOMPARE(describeFieldValue(layer.metadata().mapping, "Voltage (kV)", "345"),
                 "345 (345 kV)");
    }

    // Values in volts (median above 2,000): 69,000 V is 69 kV; a CSV bus table keeps numbers as
    // text, and the median decides there too.
    void voltsAreConverted()
    {
        QTemporaryDir dir;
        const QString shp = dir.filePath("subs.shp");
        QCOMPARE(writeSubstations(shp, "ESRI Shapefile", "VOLTAGE", {69000, 345000, 500000, 0}),
                 QString());
        const VectorLayer layer = loaded(shp);
        QCOMPARE(layer.metadata().mapping.voltageUnit, VoltageUnit::Volts);
        QCOMPARE(layer.features().kv[0], 69.0F);
        QCOMPARE(layer.features().kv[1], 345.0F);
        QCOMPARE(layer.features().kv[2], 500.0F);
        QVERIFY(std::isnan(layer.features().kv[3])); // 0: unknown

        const QString csv = dir.filePath("buses.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("bus_id,lon,lat,base_kv\n1,-99.0,31.0,230000\n2,-98.0,31.0,115000\n"
                   "3,-97.0,31.0,NOT AVAILABLE\n");
        file.close();
        const VectorLayer buses = loaded(csv, {});
        QCOMPARE(buses.metadata().mapping.field(FieldPurpose::Voltage), "base_kv");
        QCOMPARE(buses.features().kv[0], 230.0F);
        QCOMPARE(buses.features().kv[1], 115.0F);
        QVERIFY(std::isnan(buses.features().kv[2]));
    }

    // HIFLD's VOLT_CLASS ranges: "220-287" is the 230 kV class, "UNDER 100" is below 115 kV
    // only if a number says so (here: unknown), "NOT AVAILABLE" is unknown.
    void voltClassRangesMapToTheirClass()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("lines.gpkg");
        QList<FixtureFeature> lines;
        const QStringList classes{"220-287", "345", "500", "735 AND ABOVE", "NOT AVAILABLE"};
        for (int i = 0; i < classes.size(); ++i)
            lines.append({QStringLiteral("LINESTRING (%1 30, %1 31)").arg(-99.0 + i),
                          {{"VOLT_CLASS", classes[i]}, {"OWNER", "NOT AVAILABLE"}}});
        QCOMPARE(writeVectorFile(path, "GPKG", "hifld", "EPSG:4326", wkbLineString, lines),
                 QString());
        const VectorLayer layer = loaded(path);
        QCOMPARE(layer.metadata().mapping.field(FieldPurpose::Voltage), "VOLT_CLASS");
        QCOMPARE(layer.metadata().mapping.field(FieldPurpose::Owner), "OWNER");
        QCOMPARE(layer.role(), LayerRole::TransmissionLines);
        const auto &kv = layer.features().kv;
        QCOMPARE(voltageClass(kv[0]), VoltageClass::Kv230);
        QCOMPARE(voltageClass(kv[1]), VoltageClass::Kv345);
        QCOMPARE(voltageClass(kv[2]), VoltageClass::Kv500);
        QCOMPARE(voltageClass(kv[3]), VoltageClass::Kv765Plus);
        QCOMPARE(voltageClass(kv[4]), VoltageClass::Unknown);
        QCOMPARE(describeFieldValue(layer.metadata().mapping, "OWNER", "NOT AVAILABLE"),
                 "NOT AVAILABLE (unknown)");
    }

    // A field that no name rule knows is still a voltage when its values are nominal voltages;
    // a text field named "kv" that holds notes is not.
    void voltageFoundFromValues()
    {
        const FieldSamples samples{{"a", "b", "c", "d"}, {"138", "345", "69", "345"}};
        const FieldMapping byValues = mapFields({"code", "rating"}, samples);
        QCOMPARE(byValues.field(FieldPurpose::Voltage), "rating");
        QVERIFY(byValues.reason(FieldPurpose::Voltage).contains("values"));
        const FieldSamples notes{{"see drawing", "tbd", "x"}, {"1", "2", "3"}};
        QCOMPARE(mapFields({"kv", "id"}, notes).field(FieldPurpose::Voltage), QString());
    }

    // A field chosen by hand wins over the guess; "" means "no field"; a unit can be forced;
    // a chosen field the file lacks is reported, not used.
    void handChoiceOverridesTheGuess()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("two.geojson");
        QCOMPARE(writeVectorFile(path, "GeoJSON", "subs", "EPSG:4326", wkbPoint,
                                 {{"POINT (-99 31)", {{"kv", 138}, {"design_rating", 345}}},
                                  {"POINT (-98 31)", {{"kv", 69}, {"design_rating", 500}}}}),
                 QString());
        QCOMPARE(loaded(path).features().kv[0], 138.0F); // the guess: "kv"
        const VectorLayer chosen = loaded(path, {{"voltage", "design_rating"}});
        QVERIFY(chosen.metadata().mapping.isChosen(FieldPurpose::Voltage));
        QCOMPARE(chosen.features().kv[0], 345.0F);
        QCOMPARE(chosen.features().kv[1], 500.0F);
        const VectorLayer none = loaded(path, {{"voltage", ""}});
        QVERIFY(std::isnan(none.features().kv[0]));
        const VectorLayer volts = loaded(path, {{"voltage_unit", "V"}});
        QCOMPARE(volts.features().kv[0], 0.138F);
        const FieldMapping missing = mapFields({"kv"}, {}, {{"voltage", "gone"}});
        QVERIFY(missing.field(FieldPurpose::Voltage).isEmpty());
        QVERIFY(missing.reason(FieldPurpose::Voltage).contains("gone"));
    }
};

QTEST_GUILESS_MAIN(TestFieldMapping)
#include "test_fieldmapping.moc"
