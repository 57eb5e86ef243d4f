// SPDX-License-Identifier: GPL-3.0-or-later
// Voltage and capacity spellings found in real layers, normalised to kV and MW.
#include "maps/vector/voltage.h"

#include <QTest>

#include <cmath>

using namespace maps;

class TestVoltage : public QObject
{
    Q_OBJECT

private slots:
    void parsesVoltage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("kv"); // NaN: unknown
        const double nan = std::nan("");
        QTest::newRow("plain kV (PyPSA-Eur lines)") << "380" << 380.0;
        QTest::newRow("decimal") << "132.0" << 132.0;
        QTest::newRow("with unit") << "345 kV" << 345.0;
        QTest::newRow("unit no space") << "138kV" << 138.0;
        QTest::newRow("OSM volts list") << "345000;138000" << 345.0;
        QTest::newRow("OSM single volts") << "220000" << 220.0;
        QTest::newRow("explicit volts") << "69000 V" << 69.0;
        QTest::newRow("HIFLD class range") << "220-287" << 220.0;
        QTest::newRow("HIFLD top class") << "735 AND ABOVE" << 735.0;
        QTest::newRow("HIFLD under 100") << "UNDER 100" << nan;
        QTest::newRow("HIFLD not available") << "NOT AVAILABLE" << nan;
        QTest::newRow("direct current") << "DC" << nan;
        QTest::newRow("unknown marker") << "-1" << nan;
        QTest::newRow("zero") << "0" << nan;
        QTest::newRow("empty") << "" << nan;
        QTest::newRow("slash list") << "110/380" << 380.0;
    }
    void parsesVoltage()
    {
        QFETCH(QString, text);
        QFETCH(double, kv);
        const double got = parseVoltageKv(text);
        if (std::isnan(kv)) {
            QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
        } else {
            QCOMPARE(got, kv);
        }
    }

    void numericVoltageUnits()
    {
        QCOMPARE(voltageKvFromNumber(345.0), 345.0);
        QCOMPARE(voltageKvFromNumber(765000.0), 765.0);
        QVERIFY(std::isnan(voltageKvFromNumber(-1.0)));
        QVERIFY(std::isnan(voltageKvFromNumber(std::nan(""))));
    }

    void parsesCapacity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("mw");
        QTest::newRow("plain") << "177.194" << 177.194;
        QTest::newRow("MW") << "300 MW" << 300.0;
        QTest::newRow("GW") << "1.2 GW" << 1200.0;
        QTest::newRow("kW") << "500 kW" << 0.5;
        QTest::newRow("PyPSA unknown") << "-1" << std::nan("");
        QTest::newRow("other unit") << "30 m" << std::nan("");
        QTest::newRow("text") << "unknown" << std::nan("");
    }
    void parsesCapacity()
    {
        QFETCH(QString, text);
        QFETCH(double, mw);
        const double got = parseCapacityMw(text);
        if (std::isnan(mw)) {
            QVERIFY(std::isnan(got));
        } else {
            QCOMPARE(got, mw);
        }
    }

    void classesCoverTheNominalVoltages()
    {
        QCOMPARE(voltageClass(69), VoltageClass::Below115);
        QCOMPARE(voltageClass(115), VoltageClass::Kv115To161);
        QCOMPARE(voltageClass(161), VoltageClass::Kv115To161);
        QCOMPARE(voltageClass(220), VoltageClass::Kv230);
        QCOMPARE(voltageClass(230), VoltageClass::Kv230);
        QCOMPARE(voltageClass(345), VoltageClass::Kv345);
        QCOMPARE(voltageClass(380), VoltageClass::Kv345);
        QCOMPARE(voltageClass(500), VoltageClass::Kv500);
        QCOMPARE(voltageClass(750), VoltageClass::Kv765Plus);
        QCOMPARE(voltageClass(765), VoltageClass::Kv765Plus);
        QCOMPARE(voltageClass(std::nan("")), VoltageClass::Unknown);
        // Ranges are contiguous and each class's range maps back to the class.
        for (int c = 1; c < kVoltageClassCount; ++c) {
            const auto range = voltageClassRange(VoltageClass(c));
            QCOMPARE(voltageClass(range[0] + 1e-9), VoltageClass(c));
            if (c + 1 < kVoltageClassCount) {
                QCOMPARE(voltageClassRange(VoltageClass(c + 1))[0], range[1]);
            }
        }
    }

    void findsFieldsCaseInsensitively()
    {
        const QStringList fields{"OBJECTID", "VOLTAGE", "NAME"};
        QCOMPARE(findField(fields, voltageFieldNames()), 1);
        QCOMPARE(findField({"id", "MAX_VOLT", "voltage"}, voltageFieldNames()), 1);
        QCOMPARE(findField(fields, capacityFieldNames()), -1);
        QCOMPARE(findField({"pmax_mw", "Pmax"}, capacityFieldNames()), 0);
    }
};

QTEST_GUILESS_MAIN(TestVoltage)
#include "test_voltage.moc"
