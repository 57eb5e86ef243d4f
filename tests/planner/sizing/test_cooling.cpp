// SPDX-License-Identifier: GPL-3.0-or-later
// Cooling: PUE against published bands, economizer hours from the temperature statistics,
// monotonicity in climate and redundancy, water use and plant counts.

#include "../support_planfixtures.h"
#include "planner/core/sizing/economizer.h"
#include "planner/core/sizing/planner.h"

#include <QTest>

using namespace planner;

namespace {

const char *acceleratorFor(const CoolingArchitecture &arch)
{
    return arch.liquid.present ? "gb200-nvl72" : "enterprise-air";
}

Climate shifted(Climate c, double kelvin)
{
    for (std::size_t m = 0; m < 12; ++m) {
        c.monthlyDryBulb[m] += Celsius(kelvin);
        c.monthlyWetBulb[m] += Celsius(kelvin);
    }
    c.designDryBulb += Celsius(kelvin);
    c.designWetBulb += Celsius(kelvin);
    return c;
}

Climate uniform(double dry, double wet)
{
    std::array<double, 12> d;
    std::array<double, 12> w;
    d.fill(dry);
    w.fill(wet);
    return fixtures::climate(d, w, dry + 5, wet + 3, 4.0, 3.0);
}

Expected<PlanResult> planWith(const CoolingArchitecture &arch, const Climate &climate,
                              Redundancy cooling = Redundancy::NPlus1)
{
    PlanInput in = fixtures::input(40, acceleratorFor(arch), arch.id.c_str());
    in.cooling = cooling;
    return plan(in, fixtures::site(climate), fixtures::defaultCatalog());
}

} // namespace

class TestCooling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QCOMPARE(fixtures::defaultCatalog().cooling.size(), std::size_t(5)); }

    // In a temperate climate, annual PUE falls inside the architecture's published band:
    // air-cooled 1.4-1.7 (egai.us 2025), evaporative hyperscale 1.10-1.30
    // (lynx-cortex.pages.dev 2024), immersion 1.03-1.10 (aidatacenterguide.com 2026),
    // DLC within "1.3 or better" for new large facilities (Uptime 2024); water-cooled towers
    // between that and the 1.58 industry average (Uptime 2023). The bands are in the catalog
    // with those sources.
    void annualPueIsInThePublishedBand_data()
    {
        QTest::addColumn<QString>("cooling");
        for (const CoolingArchitecture &a : fixtures::defaultCatalog().cooling)
            QTest::newRow(a.id.c_str()) << QString::fromStdString(a.id);
    }

    void annualPueIsInThePublishedBand()
    {
        QFETCH(QString, cooling);
        const CoolingArchitecture &arch =
                *fixtures::defaultCatalog().findCooling(cooling.toStdString());
        Expected<PlanResult> r = planWith(arch, fixtures::temperateClimate());
        QVERIFY(r.ok());
        const double pue = r->cooling.annualPue;
        QVERIFY2(pue >= arch.pueBandMin.value && pue <= arch.pueBandMax.value,
                 qPrintable(QString::number(pue)));
    }

    // Air-cooled halls span the 1.4-1.7 band (egai.us 2025) from Stockholm-like to
    // Phoenix-like climates.
    void airCooledStaysInBandAcrossClimates()
    {
        const CoolingArchitecture &arch = *fixtures::defaultCatalog().findCooling("air-chillers");
        for (const Climate &c : {fixtures::coldClimate(), fixtures::temperateClimate(),
                                 fixtures::hotHumidClimate(), fixtures::hotDryClimate()}) {
            Expected<PlanResult> r = planWith(arch, c);
            QVERIFY(r->cooling.annualPue >= 1.4 && r->cooling.annualPue <= 1.7);
        }
    }

    // Water-cooled heat rejection is ~35 % more efficient than air-cooled
    // (studylib.net, comparison of heat-rejection methods): lower PUE in every climate.
    void waterCooledBeatsAirCooled()
    {
        const Catalog &c = fixtures::defaultCatalog();
        for (const Climate &cl : {fixtures::coldClimate(), fixtures::temperateClimate(),
                                  fixtures::hotHumidClimate(), fixtures::hotDryClimate()}) {
            Expected<PlanResult> air = planWith(*c.findCooling("air-chillers"), cl);
            Expected<PlanResult> water = planWith(*c.findCooling("water-chillers-towers"), cl);
            QVERIFY(water->cooling.annualPue < air->cooling.annualPue);
        }
    }

    // A hotter climate never lowers PUE nor raises economizer hours, whether the whole year
    // warms or a single month does.
    void hotterNeverLowersPue_data() { annualPueIsInThePublishedBand_data(); }

    void hotterNeverLowersPue()
    {
        QFETCH(QString, cooling);
        const CoolingArchitecture &arch =
                *fixtures::defaultCatalog().findCooling(cooling.toStdString());
        for (const Climate &base : {fixtures::coldClimate(), fixtures::hotHumidClimate()}) {
            Expected<PlanResult> previous = planWith(arch, shifted(base, -20));
            for (double k = -19.5; k <= 15; k += 0.5) {
                Expected<PlanResult> r = planWith(arch, shifted(base, k));
                QVERIFY(r.ok());
                QVERIFY(r->cooling.annualPue >= previous->cooling.annualPue - 1e-12);
                QVERIFY(r->cooling.peakPue >= previous->cooling.peakPue - 1e-12);
                QVERIFY(r->cooling.economizerHours <= previous->cooling.economizerHours + 1e-9);
                QVERIFY(r->electrical.peakFacilityLoad
                        >= previous->electrical.peakFacilityLoad - Megawatts(1e-9));
                previous = r;
            }
            for (std::size_t m = 0; m < 12; ++m) {
                Climate warmer = base;
                warmer.monthlyDryBulb[m] += Celsius(3);
                warmer.monthlyWetBulb[m] += Celsius(2);
                QVERIFY(planWith(arch, warmer)->cooling.annualPue
                        >= planWith(arch, base)->cooling.annualPue - 1e-12);
            }
        }
    }

    // Economizer hours come from the temperature distribution: all of the year's 8760 hours
    // when every hour is far below the threshold, none when far above, and exactly half when
    // every month's mean sits on the threshold (the hourly spread is symmetric).
    void economizerHoursFollowTheDistribution()
    {
        const CoolingLoop &loop = fixtures::defaultCatalog().findCooling("immersion")->liquid;
        const double threshold = loop.supplyC.value - loop.approachK.value;
        QVERIFY(std::abs(evaluateLoopClimate(loop, uniform(threshold - 40, threshold - 45))
                                 .economizerHours
                         - kHoursPerYear)
                < 1e-6);
        const LoopClimate hot = evaluateLoopClimate(loop, uniform(threshold + 40, 20));
        QVERIFY(hot.economizerHours < 1e-6);
        QVERIFY(hot.annualChillerFactor >= 1.0);
        const LoopClimate edge = evaluateLoopClimate(loop, uniform(threshold, 10));
        QVERIFY(std::abs(edge.economizerHours - kHoursPerYear / 2) < 1e-6);
        double total = 0;
        for (int m = 0; m < 12; ++m)
            total += hoursInMonth(m);
        QCOMPARE(total, kHoursPerYear);
    }

    // A wider hourly spread gives a cold climate some hot hours, and a hot one some cold hours.
    void spreadMatters()
    {
        const CoolingLoop &loop = fixtures::defaultCatalog().findCooling("evaporative")->air;
        Climate narrow = fixtures::coldClimate();
        Climate wide = narrow;
        wide.wetBulbSpreadK = 3 * narrow.wetBulbSpreadK;
        QVERIFY(evaluateLoopClimate(loop, wide).economizerHours
                < evaluateLoopClimate(loop, narrow).economizerHours);
    }

    // Warm-water DLC (W40) runs without chillers where the design dry-bulb stays below
    // supply − approach (ASHRAE: W40 "largely chiller-less"); in a hot climate it needs trim.
    void warmWaterIsChillerLessInACoolClimate()
    {
        const CoolingArchitecture &arch =
                *fixtures::defaultCatalog().findCooling("dlc-dry-coolers");
        Expected<PlanResult> cold = planWith(arch, fixtures::coldClimate());
        QCOMPARE(cold->cooling.liquidLoop.chillers.count, 0);
        Expected<PlanResult> hot = planWith(arch, fixtures::hotDryClimate());
        QVERIFY(hot->cooling.liquidLoop.chillers.count > 0);
    }

    void moreRedundancyNeverLowersCounts_data() { annualPueIsInThePublishedBand_data(); }

    void moreRedundancyNeverLowersCounts()
    {
        QFETCH(QString, cooling);
        const CoolingArchitecture &arch =
                *fixtures::defaultCatalog().findCooling(cooling.toStdString());
        for (const Climate &cl : {fixtures::coldClimate(), fixtures::hotDryClimate()}) {
            Expected<PlanResult> n = planWith(arch, cl, Redundancy::N);
            Expected<PlanResult> n1 = planWith(arch, cl, Redundancy::NPlus1);
            const CoolingResult &a = n->cooling;
            const CoolingResult &b = n1->cooling;
            QVERIFY(b.cdus.count >= a.cdus.count);
            for (auto loop : {&CoolingResult::liquidLoop, &CoolingResult::airLoop}) {
                QVERIFY((b.*loop).chillers.count >= (a.*loop).chillers.count);
                QVERIFY((b.*loop).rejectionUnits.count >= (a.*loop).rejectionUnits.count);
            }
            QVERIFY(b.installedCapacity > a.installedCapacity);
            // At N the installed rejection still carries the whole heat.
            QVERIFY(a.installedCapacity >= a.heatToReject);
            QVERIFY(a.cdus.installed() >= a.liquidHeat.value() - 1e-9);
        }
    }

    // Water: m³/yr = WUE (L/kWh IT) × IT MWh; evaporative towers use far more than dry coolers
    // (yobitel.com: open towers 1.2-2.0 L/kWh vs 0-0.10 with dry coolers).
    void waterUse()
    {
        const Catalog &c = fixtures::defaultCatalog();
        PlanInput in = fixtures::input(40, "hgx-h100", "water-chillers-towers");
        in.averageItLoadFraction = 0.7;
        Expected<PlanResult> towers = plan(in, fixtures::site(fixtures::hotHumidClimate()), c);
        QVERIFY(towers.ok());
        QVERIFY(qFuzzyCompare(towers->cooling.waterPerYear.value(),
                              towers->cooling.wueLPerKwh * towers->annualEnergy.it.value()));
        QVERIFY(qFuzzyCompare(towers->annualEnergy.it.value(),
                              towers->itLoad.value() * 0.7 * kHoursPerYear));
        Expected<PlanResult> dry = plan(fixtures::input(40, "gb200-nvl72", "dlc-dry-coolers"),
                                        fixtures::site(fixtures::hotHumidClimate()), c);
        QVERIFY(dry->cooling.wueLPerKwh < towers->cooling.wueLPerKwh / 5);
    }
};

QTEST_APPLESS_MAIN(TestCooling)
#include "test_cooling.moc"
