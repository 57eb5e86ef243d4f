// SPDX-License-Identifier: GPL-3.0-or-later
// The default catalog loads, every figure carries a source and a year, its figures agree with
// ../shared/reference/engineering-facts.csv, and a broken file gives an error naming the file,
// the entry and the field.

#include "../support_planfixtures.h"
#include "tests/support/shareddata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

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

// The entry `id` of one default catalog file; empty when the file or the entry is missing.
QJsonObject defaultEntry(const QString &file, const QString &id)
{
    for (const CatalogFile &f : defaultFiles()) {
        if (QString::fromStdString(f.name) != file)
            continue;
        const QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(f.text)).object();
        int index = -1;
        return entryById(doc["entries"].toArray(), id, &index);
    }
    return {};
}

// True when the default entry has the field ("a.b" is field b of the object a).
bool entryHasField(const QString &file, const QString &id, const QString &field)
{
    QJsonObject object = defaultEntry(file, id);
    const QStringList path = field.split('.');
    for (int i = 0; i + 1 < path.size(); ++i)
        object = object[path[i]].toObject();
    return object.contains(path.back());
}

// Applies `edit` to one entry of one file and returns the files; false when the entry is not
// there to edit.
bool editEntry(const QString &file, const QString &id,
               const std::function<void(QJsonObject &)> &edit, std::vector<CatalogFile> *files)
{
    *files = defaultFiles();
    for (CatalogFile &f : *files) {
        if (QString::fromStdString(f.name) != file)
            continue;
        QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(f.text)).object();
        QJsonArray entries = doc["entries"].toArray();
        int index = -1;
        QJsonObject entry = entryById(entries, id, &index);
        if (index < 0)
            return false;
        edit(entry);
        entries[index] = entry;
        doc["entries"] = entries;
        f.text = QJsonDocument(doc).toJson().toStdString();
        return true;
    }
    return false;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

// A figure of the loaded catalog by "<accelerator id>/<field>", "<cooling id>/<field>" or
// "electrical/<field>"; none when the entry is missing.
std::optional<double> catalogFigure(const Catalog &c, std::string_view key)
{
    const std::size_t slash = key.find('/');
    const std::string_view id = key.substr(0, slash);
    const std::string_view field = key.substr(slash + 1);
    if (id == "electrical") {
        if (field == "ups_module_mw")
            return c.electrical.upsModuleMw.value;
        if (field == "generator_unit_mw")
            return c.electrical.generatorUnitMw.value;
        return std::nullopt;
    }
    if (const AcceleratorSystem *a = c.findAccelerator(id)) {
        if (field == "rack_it_power_kw")
            return a->rackItPowerKw.value;
        if (field == "accelerators_per_rack")
            return a->acceleratorsPerRack.value;
        return std::nullopt;
    }
    if (const CoolingArchitecture *a = c.findCooling(id)) {
        if (field == "max_air_rack_kw")
            return a->maxAirRackKw.value;
        if (field == "pue_band_min")
            return a->pueBandMin.value;
        if (field == "pue_band_max")
            return a->pueBandMax.value;
    }
    return std::nullopt;
}

struct FactRow
{
    const char *tag;
    const char *figure; // catalogFigure() key
    const char *item; // engineering-facts.csv: item, parameter, column, scale to the catalog
    const char *parameter;
    int column; // 3 min, 4 typical, 5 max
    double scale;
    double reference; // the facts file's figure × scale, copied by hand
};

// Figures of ../shared/reference/engineering-facts.csv, with their line in today's file.
const FactRow kFacts[] = {
        // l. 29: 120,120,132 kW; the max is the design power
        {"GB200 NVL72 rack IT power (max)", "gb200-nvl72/rack_it_power_kw", "NVIDIA GB200 NVL72",
         "rack IT power", 5, 1.0, 132.0},
        // l. 40: 120,136,142 kW
        {"GB300 NVL72 rack IT power (max)", "gb300-nvl72/rack_it_power_kw", "NVIDIA GB300 NVL72",
         "rack IT power", 5, 1.0, 142.0},
        // l. 7: 10.2,40.8,40.8 kW
        {"DGX H100 rack IT power", "hgx-h100/rack_it_power_kw", "NVIDIA DGX H100 rack (air)",
         "rack IT power", 4, 1.0, 40.8},
        // l. 8: 8,32,32 GPUs
        {"DGX H100 GPUs per rack", "hgx-h100/accelerators_per_rack", "NVIDIA DGX H100 rack (air)",
         "GPUs per rack", 4, 1.0, 32.0},
        // l. 71: 96,128,128 GPUs
        {"MI355X GPUs per rack", "mi355x-dlc/accelerators_per_rack", "AMD Instinct MI355X DLC rack",
         "GPUs per rack", 4, 1.0, 128.0},
        // l. 89: 5,7.6,9 kW/rack
        {"enterprise mean rack density", "enterprise-air/rack_it_power_kw",
         "Industry average rack density", "mean rack power", 4, 1.0, 7.6},
        // l. 161: 500,1200,1250 kW
        {"UPS module rating (kW -> MW)", "electrical/ups_module_mw", "UPS module (large)", "rating",
         4, 0.001, 1.2},
        // l. 169: typical 2.6 MW
        {"generator unit (Virginia average)", "electrical/generator_unit_mw",
         "Diesel gensets, Virginia DCs", "average permitted unit size", 4, 1.0, 2.6},
        // l. 90: 25,30,30 kW/rack
        {"air-cooling rack limit", "air-chillers/max_air_rack_kw", "Air cooling",
         "practical rack limit", 4, 1.0, 30.0},
        // l. 100: 1.03,,1.10
        {"immersion PUE band max", "immersion/pue_band_max", "Single-phase immersion", "PUE", 5,
         1.0, 1.10},
        // l. 98: 1.4,,1.7
        {"air-cooled PUE band min", "air-chillers/pue_band_min", "Air-cooled (CRAH/CRAC, chillers)",
         "PUE", 3, 1.0, 1.4},
};

struct BrokenField
{
    const char *tag;
    const char *file;
    const char *entry;
    const char *field;
    const char *change; // remove, remove-loop, negative, text, big
};

const BrokenField kBrokenFields[] = {
        {"missing figure", "accelerators.json", "gb200-nvl72", "rack_it_power_kw", "remove"},
        {"negative figure", "accelerators.json", "hgx-h100", "rack_it_power_kw", "negative"},
        {"text instead of number", "accelerators.json", "mi355x-dlc", "liquid_heat_fraction",
         "text"},
        {"fraction above one", "accelerators.json", "gb300-nvl72", "liquid_heat_fraction", "big"},
        {"entry without source", "accelerators.json", "hgx-b200", "source", "remove"},
        {"cooling figure missing", "cooling.json", "immersion", "wue_l_per_kwh", "remove"},
        {"loop figure missing", "cooling.json", "dlc-dry-coolers", "liquid_loop.supply_c",
         "remove-loop"},
        {"electrical figure", "electrical.json", "ups-module", "efficiency", "big"},
        {"facility figure", "facility.json", "site-coverage", "ratio", "text"},
};

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
    // Every test below edits the four default files; all four must be there and load.
    void initTestCase()
    {
        QCOMPARE(defaultFiles().size(), std::size_t(4));
        Expected<Catalog> c = loadCatalog(fixtures::catalogDirectory());
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
    }

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
            // Inference throughput: a sourced figure with its year and status, the benchmark
            // and the MLPerf scenario named.
            for (const ModelThroughput &t : a.throughput) {
                const SourceRef *ref = c.sourceOf(t.tokensPerSecond);
                QVERIFY2(ref && !ref->year.empty() && !ref->status.empty(), a.id.c_str());
                QVERIFY2(t.benchmark.find("MLPerf") != std::string::npos, a.id.c_str());
                QVERIFY2(t.scenario == "Offline" || t.scenario == "Server", a.id.c_str());
                QVERIFY(t.tokensPerSecond.value > 0.0);
            }
        }
        // The model classes the README's router mix names have figures for some systems.
        for (std::string_view modelClass : kModelClasses) {
            bool found = false;
            for (const AcceleratorSystem &a : c.accelerators)
                found = found || a.throughputFor(modelClass);
            QVERIFY2(found, std::string(modelClass).c_str());
        }
        for (const CoolingArchitecture &a : c.cooling) {
            QVERIFY2(c.sourceOf(a.wueLPerKwh) && c.sourceOf(a.pueBandMax), a.id.c_str());
            QVERIFY(a.pueBandMin.value <= a.pueBandMax.value);
        }
        QVERIFY(c.sourceOf(c.electrical.upsModuleMw));
        QVERIFY(c.sourceOf(c.facility.siteCoverage));
    }

    // The catalog carries the reference figures over unchanged (design power = top of range).
    // Each row names the catalog figure and the figure of engineering-facts.csv, copied here by
    // hand with its line, so the catalog is checked on a clean clone too; where the shared file
    // is next to the source tree, its row must still say the same.
    void agreesWithTheFactsFile_data()
    {
        QTest::addColumn<QString>("figure"); // catalogFigure() key
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<int>("column"); // 3 min, 4 typical, 5 max
        QTest::addColumn<double>("scale"); // facts unit -> catalog unit
        QTest::addColumn<double>("reference"); // in the catalog's unit
        // Every row is added; a figure missing from the catalog fails its row below. (A
        // failed check in a _data function would abort the whole run in Qt 6.4.)
        for (const FactRow &row : kFacts) {
            QTest::newRow(row.tag)
                    << QString(row.figure) << QString(row.item) << QString(row.parameter)
                    << row.column << row.scale << row.reference;
        }
    }

    void agreesWithTheFactsFile()
    {
        QFETCH(QString, figure);
        QFETCH(QString, item);
        QFETCH(QString, parameter);
        QFETCH(int, column);
        QFETCH(double, scale);
        QFETCH(double, reference);
        const std::optional<double> value =
                catalogFigure(fixtures::defaultCatalog(), figure.toStdString());
        QVERIFY2(value, qPrintable(figure));
        QVERIFY2(close(*value, reference), qPrintable(QString::number(*value)));
        QFile csv(QString::fromStdString(fixtures::catalogDirectory())
                  + "/../../../shared/reference/engineering-facts.csv");
        if (!csv.open(QIODevice::ReadOnly)) // the copied figure above is then all there is
            MISSING_SHARED_DATA(csv.fileName().toStdString() + " not found");
        int found = 0;
        while (!csv.atEnd()) {
            const QStringList cells = splitCsv(QString::fromUtf8(csv.readLine()).trimmed());
            if (cells.size() < 9 || cells[1] != item || !cells[2].startsWith(parameter))
                continue;
            ++found;
            QVERIFY2(close(cells[column].toDouble() * scale, reference), qPrintable(cells[2]));
        }
        QVERIFY2(found > 0, qPrintable(item + " / " + parameter));
    }

    // Every table above has all of its rows: a row cannot drop out unnoticed.
    void tablesHaveAllTheirRows()
    {
        QCOMPARE(std::size(kFacts), std::size_t(11));
        QCOMPARE(std::size(kBrokenFields), std::size_t(9));
        // The broken-field cases reach every catalog file the loader reads.
        for (const CatalogFile &f : defaultFiles()) {
            const bool covered =
                    std::any_of(std::begin(kBrokenFields), std::end(kBrokenFields),
                                [&](const BrokenField &b) { return f.name == b.file; });
            QVERIFY2(covered, f.name.c_str());
        }
    }

    void brokenFilesNameFileEntryAndField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("change");
        for (const BrokenField &b : kBrokenFields) {
            QTest::newRow(b.tag) << QString(b.file) << QString(b.entry) << QString(b.field)
                                 << QString(b.change);
        }
    }

    void brokenFilesNameFileEntryAndField()
    {
        QFETCH(QString, file);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        QFETCH(QString, change);
        // The entry and the field exist in the default catalog, so the change breaks something.
        QVERIFY2(entryHasField(file, entry, field),
                 qPrintable(QString("%1 has no entry %2 with %3").arg(file, entry, field)));
        std::vector<CatalogFile> files;
        const bool edited = editEntry(
                file, entry,
                [&](QJsonObject &e) {
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
                },
                &files);
        QVERIFY2(edited, qPrintable(file + " has no entry " + entry));
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
