// SPDX-License-Identifier: GPL-3.0-or-later
// Role guesses for the layer names and fields of real datasets (see ../shared/data).
#include "maps/io/layerrole.h"

#include <QTest>

using namespace maps;

class TestLayerRole : public QObject
{
    Q_OBJECT

private slots:
    void guesses_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("role");
        const int pt = int(GeometryKind::Point);
        const int ln = int(GeometryKind::Line);
        const int pg = int(GeometryKind::Polygon);
        QTest::newRow("PyPSA-Eur buses")
                << "buses" << QStringList{"bus_id", "voltage"} << pt << int(LayerRole::Substations);
        QTest::newRow("PyPSA-Eur lines") << "lines" << QStringList{"line_id", "voltage"} << ln
                                         << int(LayerRole::TransmissionLines);
        // PyPSA-Eur's HVDC links carry no voltage field (bus0, bus1, length, underground, ...).
        QTest::newRow("PyPSA-Eur HVDC links")
                << "links_hvdc"
                << QStringList{"link_id", "bus0", "bus1", "length", "underground", "name"} << ln
                << int(LayerRole::TransmissionLines);
        QTest::newRow("PyPSA-Eur generators")
                << "generators" << QStringList{"capacity"} << pt << int(LayerRole::PowerPlants);
        QTest::newRow("TAMU sub.csv") << "sub" << QStringList{"sub_id", "lat", "lon"} << pt
                                      << int(LayerRole::Substations);
        QTest::newRow("TAMU plants_located")
                << "plants_located" << QStringList{"pmax_mw"} << pt << int(LayerRole::PowerPlants);
        QTest::newRow("FEMA NFHL") << "FEMA_FloodPlains100Year" << QStringList{"fld_zone"} << pg
                                   << int(LayerRole::FloodZones);
        QTest::newRow("flood by fields only")
                << "S_FLD_HAZ_AR_export" << QStringList{"FLD_ZONE", "SFHA_TF"} << pg
                << int(LayerRole::FloodZones);
        QTest::newRow("Luxembourg cantons") << "lux" << QStringList{"ID_1", "NAME_1", "NAME_2"}
                                            << pg << int(LayerRole::Boundaries);
        QTest::newRow("HIFLD lines by field")
                << "Electric__Power_Transmission" << QStringList{"VOLT_CLASS"} << ln
                << int(LayerRole::TransmissionLines);
        QTest::newRow("unnamed points with voltage")
                << "export_2024" << QStringList{"kv"} << pt << int(LayerRole::Substations);
        QTest::newRow("WDPA") << "WDPA_Oct2024_polygons" << QStringList{} << pg
                              << int(LayerRole::ProtectedAreas);
        QTest::newRow("US counties")
                << "tl_2023_us_county" << QStringList{"GEOID"} << pg << int(LayerRole::Boundaries);
        QTest::newRow("roads are not power lines")
                << "roads" << QStringList{"highway"} << ln << int(LayerRole::Unknown);
    }
    void guesses()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, fields);
        QFETCH(int, kind);
        QFETCH(int, role);
        const RoleGuess g = guessRole(name, fields, GeometryKind(kind));
        QVERIFY2(int(g.role) == role, qPrintable(roleName(g.role) + " / " + g.reason));
        QVERIFY(!g.reason.isEmpty());
    }

    void namesRoundTrip()
    {
        for (int r = 0; r <= int(LayerRole::ProtectedAreas); ++r) {
            QCOMPARE(roleFromName(roleName(LayerRole(r))), LayerRole(r));
        }
        QCOMPARE(roleFromName(QStringLiteral("  Flood Zones ")), LayerRole::FloodZones);
    }
};

QTEST_GUILESS_MAIN(TestLayerRole)
#include "test_layerrole.moc"
