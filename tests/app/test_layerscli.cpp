// SPDX-License-Identifier: GPL-3.0-or-later
// `energize layers add` and `energize layers list` as a pipeline runs them, on the real binary
// with no display, followed by `energize score` on the project they made: a site 2 km from a
// 345 kV substation whose file names its voltage field "Voltage (kV)" must score the substation
// factor. Files are written through GDAL by the test in the schemas of public sources (HIFLD
// substations, a power-flow bus table); a raster in a legend file's palette is land cover.

#include "support_energizebinary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace {

using Run = testing::BinaryRun;

constexpr double kSubLon = -99.0, kSubLat = 31.0;

// A GeoJSON of substations with the given voltage field; each feature: name, voltage.
bool writeSubstations(const QString &path, const char *driver, const QString &voltageField,
                      const QList<std::tuple<QString, double, double, double>> &subs,
                      const char *layerName = "substations")
{
    GDALAllRegister();
    GDALDriver *d = GetGDALDriverManager()->GetDriverByName(driver);
    const bool append = QFile::exists(path);
    GDALDatasetUniquePtr ds(
            append ? GDALDataset::Open(path.toUtf8(), GDAL_OF_VECTOR | GDAL_OF_UPDATE)
                   : d->Create(path.toUtf8(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return false;
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer *layer = ds->CreateLayer(layerName, &wgs84, wkbPoint, nullptr);
    OGRFieldDefn name("Facility Name", OFTString);
    OGRFieldDefn kv(voltageField.toUtf8(), OFTReal);
    if (!layer || layer->CreateField(&name) != OGRERR_NONE
        || layer->CreateField(&kv) != OGRERR_NONE)
        return false;
    for (const auto &[n, lon, lat, v] : subs) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, n.toUtf8().constData());
        f.SetField(1, v);
        OGRPoint p(lon, lat);
        f.SetGeometry(&p);
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            return false;
    }
    return true;
}

// Great-circle distance on the mean Earth sphere (IUGG R1 = 6371.0088 km): within 0.5 % of the
// ellipsoidal distance, independent of the app's geodesic code.
double haversineKm(double lon1, double lat1, double lon2, double lat2)
{
    const double r = M_PI / 180.0;
    const double a = std::pow(std::sin((lat2 - lat1) * r / 2), 2)
            + std::cos(lat1 * r) * std::cos(lat2 * r)
                    * std::pow(std::sin((lon2 - lon1) * r / 2), 2);
    return 2 * 6371.0088 * std::asin(std::sqrt(a));
}

QJsonObject factor(const QJsonObject &score, const QString &id)
{
    for (const QJsonValue &f : score.value("factors").toArray())
        if (f.toObject().value("id").toString() == id)
            return f.toObject();
    return {};
}

QJsonArray listJson(const QString &project)
{
    const Run run = testing::runEnergize({"layers", "list", project, "--json"});
    return run.code == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).array() : QJsonArray();
}

} // namespace

class TestLayersCli : public QObject
{
    Q_OBJECT
private slots:
    // `layers list --demo` lists the bundled demo as its manifest names its layers, in order,
    // with the elevation raster's size as GDAL reads it; neither or both of a project and
    // --demo is refused.
    void listTheDemo()
    {
        const QJsonArray listed = listJson(QStringLiteral("--demo"));
        QFile manifestFile(QStringLiteral(ENERGIZE_SOURCE_DIR "/maps/data/demo-layers.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray manifest =
                QJsonDocument::fromJson(manifestFile.readAll()).object().value("layers").toArray();
        QVERIFY(!manifest.isEmpty());
        QCOMPARE(listed.size(), manifest.size());
        for (qsizetype i = 0; i < manifest.size(); ++i)
            QCOMPARE(listed[i].toObject().value("name").toString(),
                     manifest[i].toObject().value("layer").toString());
        const QJsonObject elevation = listed[0].toObject();
        QCOMPARE(elevation.value("role").toString(), QStringLiteral("elevation"));
        GDALAllRegister();
        GDALDatasetUniquePtr dem(GDALDataset::Open(
                ENERGIZE_SOURCE_DIR "/maps/data/synthetic_elevation.tif", GDAL_OF_RASTER));
        QVERIFY(dem);
        const QJsonArray size = elevation.value("size").toArray();
        QCOMPARE(size.at(0).toInt(), dem->GetRasterXSize());
        QCOMPARE(size.at(1).toInt(), dem->GetRasterYSize());
        for (const QStringList &bad :
             {QStringList{"layers", "list"}, QStringList{"layers", "list", "--demo", "x.gpkg"}}) {
            const Run run = testing::runEnergize(bad);
            QCOMPARE(run.code, 2);
            QVERIFY2(run.err.contains("give the project or --demo"), qPrintable(run.err));
        }
    }

    void addListAndScoreARealSchema()
    {
        QTemporaryDir dir;
        const QString subs = dir.filePath("hifld_substations.geojson");
        QVERIFY(writeSubstations(subs, "GeoJSON", "Voltage (kV)",
                                 {{"Big Spring 345", kSubLon, kSubLat, 345.0},
                                  {"Unknown Tap", -98.0, 31.5, -999999.0}}));
        const QString project = dir.filePath("real.gpkg");
        QVERIFY(!QFile::exists(project));
        const Run add = testing::runEnergize({"layers", "add", project, subs});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QVERIFY(QFile::exists(project)); // made because it was missing
        QVERIFY2(add.out.contains("voltage: Voltage (kV)"), qPrintable(add.out));
        QVERIFY2(add.out.contains("name: Facility Name"), qPrintable(add.out));
        // What the mapping read, as the file holds it: one 345 kV, one sentinel.
        QVERIFY2(add.out.contains("  voltages: 345 kV (300-449) 1, unknown 1\n"),
                 qPrintable(add.out));

        const QJsonArray layers = listJson(project);
        QCOMPARE(layers.size(), 1);
        const QJsonObject l = layers.first().toObject();
        QVERIFY2(l.value("role").toString().startsWith("substations"),
                 qPrintable(l.value("role").toString()));
        QCOMPARE(l.value("features").toInt(), 2);
        QCOMPARE(l.value("crs").toString(), QStringLiteral("EPSG:4326"));
        const QJsonObject voltage = l.value("fields").toObject().value("voltage").toObject();
        QCOMPARE(voltage.value("field").toString(), QStringLiteral("Voltage (kV)"));
        QCOMPARE(voltage.value("chosen").toBool(), false);
        QCOMPARE(l.value("voltage_classes").toObject(), (QJsonObject{{"345 kV (300-449)", 1}}));
        QCOMPARE(l.value("unknown_voltage").toInt(), 1);
        QVERIFY(l.value("problems").toArray().isEmpty());

        // 2 km north of the 345 kV substation.
        const double siteLat = kSubLat + 2.0 / 111.2;
        const Run score = testing::runEnergize(
                {"score", project, "--at",
                 QStringLiteral("%1,%2").arg(kSubLon).arg(siteLat, 0, 'f', 6), "--json"});
        QVERIFY2(score.code == 0, qPrintable(score.err));
        const QJsonObject hv = factor(QJsonDocument::fromJson(score.out.toUtf8()).object(),
                                      "hv_substation_distance");
        QVERIFY2(!hv.isEmpty(), qPrintable(score.out));
        QVERIFY2(hv.value("value").isDouble(), qPrintable(score.out));
        const double expected = haversineKm(kSubLon, kSubLat, kSubLon, siteLat);
        QVERIFY2(std::abs(hv.value("value").toDouble() - expected) < 0.01 * expected,
                 qPrintable(QStringLiteral("%1 km, expected %2")
                                    .arg(hv.value("value").toDouble())
                                    .arg(expected)));
        QVERIFY(hv.value("normalised").toDouble() > 0.99); // well inside "best" (3 km)
        QCOMPARE(hv.value("layer").toString(), QStringLiteral("substations")); // its GDAL layer
    }

    // A power-flow bus table in volts with a field chosen by hand: the choice is stored, listed
    // as chosen and read back by a later command; a field the file lacks is an error that adds
    // nothing.
    void handChosenFieldIsStoredAndBadFieldRefused()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("buses.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("bus_i,lon,lat,base_kv,rated_v\n1,-99.0,31.0,138,345000\n2,-98.5,31.2,69,"
                   "138000\n");
        file.close();
        const QString project = dir.filePath("buses.gpkg");
        const Run noCrs = testing::runEnergize({"layers", "add", project, csv});
        QCOMPARE(noCrs.code, 1);
        QVERIFY2(noCrs.err.contains("--crs"), qPrintable(noCrs.err)); // says what to do
        Run bad = testing::runEnergize(
                {"layers", "add", project, csv, "--crs", "EPSG:4326", "--field", "voltage=nope"});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("nope") && bad.err.contains("base_kv"), qPrintable(bad.err));
        QVERIFY(listJson(project).isEmpty()); // made, but empty

        const Run add =
                testing::runEnergize({"layers", "add", project, csv, "--crs", "EPSG:4326",
                                      "--field", "voltage=rated_v", "--role", "substations"});
        QVERIFY2(add.code == 0, qPrintable(add.err + add.out));
        const QJsonObject l = listJson(project).first().toObject();
        QCOMPARE(l.value("role").toString(), QStringLiteral("substations"));
        const QJsonObject fields = l.value("fields").toObject();
        QCOMPARE(fields.value("voltage").toObject().value("field").toString(),
                 QStringLiteral("rated_v"));
        QVERIFY(fields.value("voltage").toObject().value("chosen").toBool());
        // Volts by the median of the chosen field (345,000 and 138,000).
        QCOMPARE(fields.value("voltage_unit").toObject().value("field").toString(),
                 QStringLiteral("V"));
        // ... read as 345 and 138 kV, as the headline figures say.
        QVERIFY2(add.out.contains("voltages: 345 kV (300-449) 1, 115-161 kV 1, unknown 0"),
                 qPrintable(add.out));
        const Run unknownOption = testing::runEnergize({"layers", "add", project, csv, "--colour"});
        QCOMPARE(unknownOption.code, 2);
    }

    // A GeoPackage with two layers adds both, or the one named by --layer.
    void multiLayerFileAddsEachLayer()
    {
        QTemporaryDir dir;
        const QString gpkg = dir.filePath("grid.gpkg");
        QVERIFY(writeSubstations(gpkg, "GPKG", "kv", {{"A", -99.0, 31.0, 345.0}}, "substations"));
        QVERIFY(writeSubstations(gpkg, "GPKG", "kv", {{"B", -98.0, 31.0, 138.0}}, "taps"));
        const QString all = dir.filePath("all.gpkg");
        QVERIFY(testing::runEnergize({"layers", "add", all, gpkg}).code == 0);
        QCOMPARE(listJson(all).size(), 2);
        const QString one = dir.filePath("one.gpkg");
        QVERIFY(testing::runEnergize({"layers", "add", one, gpkg, "--layer", "taps"}).code == 0);
        const QJsonArray layers = listJson(one);
        QCOMPARE(layers.size(), 1);
        QCOMPARE(layers.first().toObject().value("name").toString(), QStringLiteral("taps"));
        const Run missing = testing::runEnergize({"layers", "add", one, gpkg, "--layer", "lines"});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("substations, taps"), qPrintable(missing.err));
    }

    void paletteOfALegendFileMakesLandCover()
    {
        // A byte raster in ESA WorldCover's palette (colours from its product user manual) is
        // land cover, from the legend file it matches; one in colours no legend uses is not.
        QTemporaryDir dir;
        GDALAllRegister();
        const auto write = [&](const QString &path, bool worldCover) {
            GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
                    path.toUtf8(), 32, 32, 1, GDT_Byte, nullptr));
            double gt[6] = {-98.5, 0.01, 0, 31.5, 0, -0.01};
            ds->SetGeoTransform(gt);
            OGRSpatialReference wgs;
            wgs.importFromEPSG(4326);
            ds->SetSpatialRef(&wgs);
            GDALColorTable ct;
            const std::pair<int, GDALColorEntry> entries[] = {{10, {0, 100, 0, 255}},
                                                              {30, {255, 255, 76, 255}},
                                                              {50, {250, 0, 0, 255}},
                                                              {80, {0, 100, 200, 255}}};
            for (const auto &[code, colour] : entries) {
                const GDALColorEntry other{120, 60, 255, 255};
                ct.SetColorEntry(code, worldCover ? &colour : &other);
            }
            ds->GetRasterBand(1)->SetColorTable(&ct);
            std::vector<GByte> pixels(32 * 32, 50);
            return ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 32, 32, pixels.data(), 32, 32,
                                                  GDT_Byte, 0, 0, nullptr)
                    == CE_None;
        };
        const QString project = dir.filePath("cover.gpkg");
        QVERIFY(write(dir.filePath("cover.tif"), true));
        QVERIFY(write(dir.filePath("plain.tif"), false));
        const Run add = testing::runEnergize(
                {"layers", "add", project, dir.filePath("cover.tif"), dir.filePath("plain.tif")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const QJsonArray layers = listJson(project);
        QCOMPARE(layers.size(), 2);
        const QJsonObject cover = layers.at(0).toObject(), plain = layers.at(1).toObject();
        QVERIFY2(cover.value("role").toString().startsWith("land cover")
                         && cover.value("role").toString().contains("esa-worldcover.csv"),
                 qPrintable(cover.value("role").toString()));
        QCOMPARE(cover.value("crs").toString(), QStringLiteral("EPSG:4326"));
        QVERIFY2(plain.value("role").toString().startsWith("unknown"),
                 qPrintable(plain.value("role").toString()));
    }
};

QTEST_GUILESS_MAIN(TestLayersCli)
#include "test_layerscli.moc"
