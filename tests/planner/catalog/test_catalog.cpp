// SPDX-License-Identifier: GPL-3.0-or-later
// The default catalog loads, every figure carries a source and a year, its figures agree with
// ../shared/reference/engineering-facts.csv, and a broken file gives an error naming the file,
// the entry and the field.

#include "../support_planfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace planner;

namespace {

std::vector<CatalogFile> defaultFiles()
{
    std::vector<CatalogFile> files;
    for (const char *name :
         {"accelerators.json", "cooling.json", "electrical.json", "facility.json"}) {
        QFile f(QString::fromStdString(fixtures::catalogDirectory()) + "/" + name);
        if (f.open(QIODevice::ReadOnly))
            files.push_back({name, f.readAll().toStdString()});
    }
    return files;
}

QJsonObject entryById(const QJsonArray &entries, const QString &id, int *index)
{
    for (int i = 0; i < entries.size(); ++i) {
        if (entries[i].toObject()["id"].toString() == id) {
            *index = i;
            return entries[i].toObject();
        }
    }
    return {};
}

// Applies `edit` to one entry of one file and returns the files.
std::vector<CatalogFile> editEntry(const QString &file, const QString &id,
                                   const std::function<void(QJsonObject &)> &edit)
{
    std::vector<CatalogFile> files = defaultFiles();
    for (CatalogFile &f : files) {
        if (QString::fromStdString(f.name) != file)
            continue;
        QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(f.text)).object();
        QJsonArray entries = doc["entries"].toArray();
        int index = -1;
        QJsonObject entry = entryById(entries, id, &index);
        edit(entry);
        entries[index] = entry;
        doc["entries"] = entries;
        f.text = QJsonDocument(doc).toJson().toStdString();
    }
    return files;
}

// A CSV row of engineering-facts.csv: category,item,parameter,min,typical,max,unit,year,url.
QStringList splitCsv(const QString &line)
{
    QStringList out;
    QString cell;
    bool quoted = false;
    for (QChar ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted) {
            out << cell;
            cell.clear();
        } else
            cell += ch;
    }
    out << cell;
    return out;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void loadsTheDefaultCatalog()
    {
        Expected<Catalog> c = loadCatalog(fixtures::catalogDirectory());
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        // The systems the issue asks for, and the five cooling architectures.
        for (const char *id :
             {"gb200-nvl72", "gb300-nvl72", "hgx-h100", "hgx-h200", "hgx-b200", "mi355x-dlc",
              "tpu-v7-ironwood", "trn2-ultraserver", "enterprise-air"})
            QVERIFY2(c->findAccelerator(id), id);
        for (const char *id : {"air-chillers", "water-chillers-towers", "evaporative",
                               "dlc-dry-coolers", "immersion"})
            QVERIFY2(c->findCooling(id), id);
        QVERIFY(!c->electrical.voltageClasses.empty());
        QVERIFY(!c->findAccelerator("no-such-system"));
    }

    void everyFigureHasASourceAndAYear()
    {
        const Catalog &c = fixtures::defaultCatalog();
        QVERIFY(!c.sources.empty());
        for (const SourceRef &s : c.sources) {
            QVERIFY2(!s.url.empty() && !s.year.empty(), s.url.c_str());
        }
        for (const AcceleratorSystem &a : c.accelerators) {
            for (const Figure *f :
                 {&a.acceleratorsPerRack, &a.rackItPowerKw, &a.liquidHeatFraction})
                QVERIFY2(c.sourceOf(*f), a.id.c_str());
        }
        for (const CoolingArchitecture &a : c.cooling) {
            QVERIFY2(c.sourceOf(a.wueLPerKwh) && c.sourceOf(a.pueBandMax), a.id.c_str());
            QVERIFY(a.pueBandMin.value <= a.pueBandMax.value);
        }
        QVERIFY(c.sourceOf(c.electrical.upsModuleMw));
        QVERIFY(c.sourceOf(c.facility.siteCoverage));
    }

    // The catalog carries the reference figures over unchanged (design power = top of range).
    void agreesWithTheFactsFile_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<int>("column"); // 3 min, 4 typical, 5 max
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("catalogValue");
        const Catalog &c = fixtures::defaultCatalog();
        auto acc = [&](const char *id) {
            return c.findAccelerator(id);
        };
        if (!acc("gb200-nvl72"))
            return;
        QTest::newRow("GB200 NVL72 rack IT power (max)")
                << "NVIDIA GB200 NVL72"
                << "rack IT power" << 5 << 1.0 << acc("gb200-nvl72")->rackItPowerKw.value;
        QTest::newRow("GB300 NVL72 rack IT power (max)")
                << "NVIDIA GB300 NVL72"
                << "rack IT power" << 5 << 1.0 << acc("gb300-nvl72")->rackItPowerKw.value;
        QTest::newRow("DGX H100 rack IT power")
                << "NVIDIA DGX H100 rack (air)"
                << "rack IT power" << 4 << 1.0 << acc("hgx-h100")->rackItPowerKw.value;
        QTest::newRow("DGX H100 GPUs per rack")
                << "NVIDIA DGX H100 rack (air)"
                << "GPUs per rack" << 4 << 1.0 << acc("hgx-h100")->acceleratorsPerRack.value;
        QTest::newRow("MI355X GPUs per rack")
                << "AMD Instinct MI355X DLC rack"
                << "GPUs per rack" << 4 << 1.0 << acc("mi355x-dlc")->acceleratorsPerRack.value;
        QTest::newRow("enterprise mean rack density")
                << "Industry average rack density"
                << "mean rack power" << 4 << 1.0 << acc("enterprise-air")->rackItPowerKw.value;
        QTest::newRow("UPS module rating (kW -> MW)")
                << "UPS module (large)"
                << "rating" << 4 << 0.001 << c.electrical.upsModuleMw.value;
        QTest::newRow("generator unit (Virginia average)")
                << "Diesel gensets, Virginia DCs"
                << "average permitted unit size" << 4 << 1.0 << c.electrical.generatorUnitMw.value;
        QTest::newRow("air-cooling rack limit")
                << "Air cooling"
                << "practical rack limit" << 4 << 1.0
                << c.findCooling("air-chillers")->maxAirRackKw.value;
        QTest::newRow("immersion PUE band max")
                << "Single-phase immersion"
                << "PUE" << 5 << 1.0 << c.findCooling("immersion")->pueBandMax.value;
        QTest::newRow("air-cooled PUE band min")
                << "Air-cooled (CRAH/CRAC, chillers)"
                << "PUE" << 3 << 1.0 << c.findCooling("air-chillers")->pueBandMin.value;
    }

    void agreesWithTheFactsFile()
    {
        QFETCH(QString, item);
        QFETCH(QString, parameter);
        QFETCH(int, column);
        QFETCH(double, scale);
        QFETCH(double, catalogValue);
        QFile csv(QString::fromStdString(fixtures::catalogDirectory())
                  + "/../../../shared/reference/engineering-facts.csv");
        if (!csv.open(QIODevice::ReadOnly))
            QSKIP("../shared/reference/engineering-facts.csv is not next to the source tree");
        bool found = false;
        while (!csv.atEnd()) {
            const QStringList cells = splitCsv(QString::fromUtf8(csv.readLine()).trimmed());
            if (cells.size() < 9 || cells[1] != item || !cells[2].startsWith(parameter))
                continue;
            found = true;
            QCOMPARE(cells[column].toDouble() * scale, catalogValue);
        }
        QVERIFY2(found, qPrintable(item + " / " + parameter));
    }

    void brokenFilesNameFileEntryAndField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("change");
        QTest::newRow("missing figure") << "accelerators.json"
                                        << "gb200-nvl72"
                                        << "rack_it_power_kw"
                                        << "remove";
        QTest::newRow("negative figure") << "accelerators.json"
                                         << "hgx-h100"
                                         << "rack_it_power_kw"
                                         << "negative";
        QTest::newRow("text instead of number") << "accelerators.json"
                                                << "mi355x-dlc"
                                                << "liquid_heat_fraction"
                                                << "text";
        QTest::newRow("fraction above one") << "accelerators.json"
                                            << "gb300-nvl72"
                                            << "liquid_heat_fraction"
                                            << "big";
        QTest::newRow("entry without source") << "accelerators.json"
                                              << "hgx-b200"
                                              << "source"
                                              << "remove";
        QTest::newRow("cooling figure missing") << "cooling.json"
                                                << "immersion"
                                                << "wue_l_per_kwh"
                                                << "remove";
        QTest::newRow("loop figure missing") << "cooling.json"
                                             << "dlc-dry-coolers"
                                             << "liquid_loop.supply_c"
                                             << "remove-loop";
        QTest::newRow("electrical figure") << "electrical.json"
                                           << "ups-module"
                                           << "efficiency"
                                           << "big";
        QTest::newRow("facility figure") << "facility.json"
                                         << "site-coverage"
                                         << "ratio"
                                         << "text";
    }

    void brokenFilesNameFileEntryAndField()
    {
        QFETCH(QString, file);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        QFETCH(QString, change);
        auto files = editEntry(file, entry, [&](QJsonObject &e) {
            const QString key = field.section('.', -1);
            if (change == "remove")
                e.remove(key);
            else if (change == "remove-loop") {
                QJsonObject loop = e["liquid_loop"].toObject();
                loop.remove(key);
                e["liquid_loop"] = loop;
            } else if (change == "negative")
                e[key] = -5;
            else if (change == "text")
                e[key] = "a lot";
            else if (change == "big")
                e[key] = 7;
        });
        Expected<Catalog> c = parseCatalog(files);
        QVERIFY(!c.ok());
        const QString message = QString::fromStdString(c.error().message);
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(entry), qPrintable(message));
        QVERIFY2(message.contains(field), qPrintable(message));
    }

    void brokenFilesAtTheTop_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << "{\"schema_version\": 1, "
                                  << "not valid JSON";
        QTest::newRow("newer schema")
                << "{\"schema_version\": 2, \"kind\": \"facility\", \"entries\": []}"
                << "schema_version 2";
        QTest::newRow("wrong kind")
                << "{\"schema_version\": 1, \"kind\": \"cooling\", \"entries\": []}"
                << "\"kind\" must be \"facility\"";
        QTest::newRow("no entries") << "{\"schema_version\": 1, \"kind\": \"facility\"}"
                                    << "entries";
        QTest::newRow("entry without id")
                << "{\"schema_version\": 1, \"kind\": \"facility\", \"entries\": [{}]}"
                << "entry #1: field 'id'";
        QTest::newRow("missing required entry")
                << "{\"schema_version\": 1, \"kind\": \"facility\", \"entries\": [{\"id\": "
                   "\"storeys\", \"source\": \"s\", \"year\": \"2026\", \"count\": 1}]}"
                << "no entry 'white-space'";
    }

    void brokenFilesAtTheTop()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        std::vector<CatalogFile> files = defaultFiles();
        for (CatalogFile &f : files) {
            if (f.name == "facility.json")
                f.text = text.toStdString();
        }
        Expected<Catalog> c = parseCatalog(files);
        QVERIFY(!c.ok());
        const QString message = QString::fromStdString(c.error().message);
        QVERIFY2(message.startsWith("facility.json"), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void duplicateIdsAreRejected()
    {
        std::vector<CatalogFile> files = defaultFiles();
        QJsonObject doc =
                QJsonDocument::fromJson(QByteArray::fromStdString(files[0].text)).object();
        QJsonArray entries = doc["entries"].toArray();
        entries.append(entries[0]);
        doc["entries"] = entries;
        files[0].text = QJsonDocument(doc).toJson().toStdString();
        Expected<Catalog> c = parseCatalog(files);
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error().message).contains("used twice"));
    }

    void missingDirectoryOrFile()
    {
        Expected<Catalog> c = loadCatalog("/nonexistent/energize/catalog");
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error().message).contains("/nonexistent/energize"));
        std::vector<CatalogFile> files = defaultFiles();
        files.pop_back();
        c = parseCatalog(files);
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error().message).contains("facility.json"));
    }
};

QTEST_APPLESS_MAIN(TestCatalog)
#include "test_catalog.moc"
