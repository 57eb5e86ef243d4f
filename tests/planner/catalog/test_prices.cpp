// SPDX-License-Identifier: GPL-3.0-or-later
// Every accelerator system of the shipped catalog has a price with its source, year, status and
// price year; derived prices match their formula recomputed by hand from the published inputs
// in their note; a catalog with an unpriced system (or a price in the wrong unit, or an unknown
// status) is refused when loaded, naming the system; and every priced system gets a cost per
// accelerator-hour from the economics.

#include "../support_planfixtures.h"
#include "planner/core/catalog/pricecoverage.h"
#include "planner/core/economics/economics.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/sizing/planner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace planner;

namespace {

const EconomicsCatalog &economics()
{
    static const EconomicsCatalog catalog =
            *EconomicsCatalog::load(fixtures::catalogDirectory() + "/economics.json");
    return catalog;
}

// A copy of the shipped catalog folder whose economics.json entries went through `edit`.
std::string editedCatalog(const QTemporaryDir &dir, const std::function<void(QJsonArray &)> &edit)
{
    namespace fs = std::filesystem;
    const std::string to = dir.path().toStdString();
    for (const auto &file : fs::directory_iterator(fixtures::catalogDirectory()))
        fs::copy_file(file.path(), to / file.path().filename(),
                      fs::copy_options::overwrite_existing);
    QFile in(QString::fromStdString(to + "/economics.json"));
    if (!in.open(QIODevice::ReadOnly))
        return to;
    QJsonObject doc = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    QJsonArray entries = doc["entries"].toArray();
    edit(entries);
    doc["entries"] = entries;
    std::ofstream(to + "/economics.json") << QJsonDocument(doc).toJson().toStdString();
    return to;
}

int indexOf(const QJsonArray &entries, const QString &id)
{
    for (int i = 0; i < entries.size(); ++i) {
        if (entries[i].toObject()["id"].toString() == id)
            return i;
    }
    return -1;
}

bool near(double value, double expected, double absolute)
{
    return std::abs(value - expected) <= absolute;
}

} // namespace

class TestPrices : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Expected<Catalogs> c = loadCatalogs(fixtures::catalogDirectory());
        QVERIFY2(c.ok(), c.ok() ? "" : c.error().message.c_str());
        QVERIFY(c->economics);
    }

    // The systems a 2026 plan compares: GPUs, TPUs, Trainium, AMD; each priced, none zero.
    void everySystemHasASourcedPrice()
    {
        const Catalog &c = fixtures::defaultCatalog();
        QVERIFY(c.findAccelerator("hgx-b300"));
        for (const AcceleratorSystem &a : c.accelerators) {
            const EconomicsEntry *price = economics().find(acceleratorPriceId(a.id));
            QVERIFY2(price, a.id.c_str());
            QVERIFY2(price->typical > 0.0 && price->min <= price->typical, a.id.c_str());
            QVERIFY2(!price->source.empty() && !price->year.empty(), a.id.c_str());
            QVERIFY2(isFigureStatus(price->status), a.id.c_str());
            QVERIFY2(price->priceYear.has_value(), a.id.c_str());
            // A derived, proxy or assumed price says how it was made.
            if (price->status != "stated" && price->status != "secondary")
                QVERIFY2(!price->note.empty(), a.id.c_str());
        }
        QCOMPARE(checkAcceleratorPrices(c, economics(), "economics.json"), std::string());
    }

    // Each derived price recomputed from the inputs its note names (figures copied by hand):
    //  - trn2: 2.235 USD/chip-hour (trn2.3xlarge on-demand) × 8,760 h × 5 years × the share of
    //    AWS's on-demand price that buys the accelerator, 30,000 USD per H100 (aiwiki.ai) /
    //    (6.88 USD per H100-hour on p5.48xlarge × 43,800 h) → 2.235 × 30,000 / 6.88 = 9,746;
    //    with 25,000 and 40,000 USD per H100: 8,121 and 12,994.
    //  - MI355X: GB300 NVL72 at 3-4 M USD / 72 GPUs (41,667 / 48,611 / 55,556) / 2.75.
    //  - TPU v7: GB200 NVL72 at 2-3 M USD / 72 GPUs (27,778 / 41,667) × (1 − 0.44).
    void derivedPricesFollowTheirFormula_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("typical");
        QTest::addColumn<double>("max");
        QTest::newRow("Trainium2") << "accelerator.trn2-ultraserver" << 2.235 * 25000 / 6.88
                                   << 2.235 * 30000 / 6.88 << 2.235 * 40000 / 6.88;
        QTest::newRow("MI355X") << "accelerator.mi355x-dlc" << 3.0e6 / 72 / 2.75
                                << 3.5e6 / 72 / 2.75 << 4.0e6 / 72 / 2.75;
        QTest::newRow("TPU v7") << "accelerator.tpu-v7-ironwood" << 2.0e6 / 72 * 0.56
                                << 3.0e6 / 72 * 0.56 << 3.0e6 / 72;
    }

    void derivedPricesFollowTheirFormula()
    {
        QFETCH(QString, id);
        QFETCH(double, min);
        QFETCH(double, typical);
        QFETCH(double, max);
        const EconomicsEntry *e = economics().find(id.toStdString());
        QVERIFY(e);
        QCOMPARE(e->status, std::string("derived"));
        QVERIFY2(near(e->min, min, 1.0), qPrintable(QString::number(e->min)));
        QVERIFY2(near(e->typical, typical, 1.0), qPrintable(QString::number(e->typical)));
        QVERIFY2(near(e->max, max, 1.0), qPrintable(QString::number(e->max)));
    }

    // Removing a price is an error when the catalogs load, naming the system and the fix.
    void unpricedSystemIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = editedCatalog(dir, [](QJsonArray &entries) {
            entries.removeAt(indexOf(entries, "accelerator.tpu-v7-ironwood"));
        });
        Expected<Catalogs> c = loadCatalogs(path);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.find("'tpu-v7-ironwood'") != std::string::npos,
                 c.error().message.c_str());
        QVERIFY(c.error().message.find("accelerator.tpu-v7-ironwood") != std::string::npos);
    }

    // A price per rack for a system with accelerators, an unknown unit or an unknown status
    // is refused too.
    void wrongUnitOrStatusIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("per rack") << "unit"
                                  << "USD/rack"
                                  << "USD/accelerator";
        QTest::newRow("unknown unit") << "unit"
                                      << "EUR"
                                      << "unit 'EUR'";
        QTest::newRow("unknown status") << "status"
                                        << "guess"
                                        << "status 'guess'";
    }

    void wrongUnitOrStatusIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string path = editedCatalog(dir, [&](QJsonArray &entries) {
            const int i = indexOf(entries, "accelerator.hgx-h100");
            QJsonObject e = entries[i].toObject();
            e[field] = value;
            entries[i] = e;
        });
        Expected<Catalogs> c = loadCatalogs(path);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.find(message.toStdString()) != std::string::npos,
                 c.error().message.c_str());
    }

    // The sizing catalog takes the same statuses: a figure with another one is refused,
    // naming the file, the entry and the field.
    void sizingFigureWithUnknownStatusIsRefused()
    {
        std::vector<CatalogFile> files;
        for (const char *name :
             {"accelerators.json", "cooling.json", "electrical.json", "facility.json"}) {
            QFile f(QString::fromStdString(fixtures::catalogDirectory()) + "/" + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            files.push_back({name, f.readAll().toStdString()});
        }
        std::string &text = files[0].text;
        const std::string from = "\"status\": \"secondary\", \"note\": \"top of the 120-132";
        const std::size_t at = text.find(from);
        QVERIFY(at != std::string::npos);
        text.replace(at, from.size(), "\"status\": \"guess\", \"note\": \"top of the 120-132");
        Expected<Catalog> c = parseCatalog(files);
        QVERIFY(!c.ok());
        const std::string &m = c.error().message;
        QVERIFY2(m.find("gb200-nvl72") != std::string::npos
                         && m.find("rack_it_power_kw") != std::string::npos
                         && m.find("status 'guess'") != std::string::npos,
                 m.c_str());
    }

    // Every system of the catalog, planned at 20 MW, gets an IT capex and a cost per
    // accelerator-hour (the CPU rack, which has no accelerators, its IT capex per rack).
    void everySystemIsPricedInAPlan()
    {
        const Catalog &c = fixtures::defaultCatalog();
        for (const AcceleratorSystem &a : c.accelerators) {
            PlanInput in = fixtures::input(20, a.id.c_str(),
                                           a.requiresLiquid ? "dlc-dry-coolers" : "air-chillers");
            SiteConditions site = fixtures::site(fixtures::temperateClimate());
            Expected<PlanResult> p = plan(in, site, c);
            QVERIFY2(p.ok(), a.id.c_str());
            Expected<EconomicsResult> r = estimateEconomics(in, *p, site, economics());
            QVERIFY2(r.ok(), a.id.c_str());
            QVERIFY2(r->itCapex && *r->itCapex > 0.0, a.id.c_str());
            for (const std::string &m : r->missing)
                QVERIFY2(m.find("IT:") == std::string::npos, m.c_str());
            if (a.acceleratorsPerRack.value > 0.0)
                QVERIFY2(r->usdPerAcceleratorHour && *r->usdPerAcceleratorHour > 0.0, a.id.c_str());
            else
                QVERIFY(!r->usdPerAcceleratorHour);
        }
    }
};

QTEST_APPLESS_MAIN(TestPrices)
#include "test_prices.moc"
