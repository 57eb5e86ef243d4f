// SPDX-License-Identifier: GPL-3.0-or-later
// SiteFactorGrid's lines against the spatial index on long edges, on a file the test writes:
// an edge of hundreds of kilometres is measured as the shortest path on the Earth, and the grid
// must follow that path, not the straight line between its ends on the map.
#include "../support_gridcells.h"
#include "maps/analysis/sitefactorgrid.h"
#include "maps/io/gdalenvironment.h"
#include "maps/vector/vectorloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maps;
using namespace maps::test;

class TestSiteFactorGridLines : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ensureGdal();
    }

    // An edge of hundreds of kilometres is the shortest path on the Earth, which on a Web
    // Mercator grid bows poleward of the straight line between its ends: a single 445 km edge
    // of a 400 kV line along 60° N (its middle at 60.060° N, worked out from
    // tan(lat) = tan(60°) / cos(4°)) beside a 220 kV line drawn with a vertex every 0.1° at
    // 60.04° N. Every cell has the voltage and, to within a diagonal, the distance of the line
    // the spatial index finds nearest to its centre; south of 60.04° N near 4° E that is the
    // 220 kV line, though the straight 400 kV edge would be nearer.
    void longEdgesFollowTheEarth()
    {
        const QString file = m_dir.filePath(QStringLiteral("long_transmission_lines.geojson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString parallel;
        for (int i = 0; i <= 80; ++i)
            parallel += QStringLiteral("%1[%2, 60.04]").arg(i ? ", " : "").arg(i / 10.0);
        out.write(QStringLiteral(
                          R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"voltage": 400},
 "geometry": {"type": "LineString", "coordinates": [[0, 60], [8, 60]]}},
{"type": "Feature", "properties": {"voltage": 220},
 "geometry": {"type": "LineString", "coordinates": [%1]}}]})")
                          .arg(parallel)
                          .toUtf8());
        out.close();
        auto layer = loadVectorLayer({file, {}});
        QVERIFY2(layer, layer ? "" : layer.error().message.c_str());
        QCOMPARE(layer->role(), LayerRole::TransmissionLines);
        std::vector<VectorLayer> lines{*layer};
        SiteFactorGridInputs inputs;
        inputs.vectors = lines;
        SiteFactorGridRequest request;
        request.lineKv = true;
        const QString crs = QStringLiteral("EPSG:3857");
        // 2 km of Web Mercator are 1 km on the ground at 60° N.
        const RasterGrid grid = RasterGrid::covering(
                extentOf(QRectF(QPointF(-0.5, 59.85), QPointF(8.5, 60.25)), crs), 2000.0, crs);
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());

        const SiteFactorCalculator calc(lines, {}, {});
        auto toLonLat = CrsTransform::toLonLat(crs);
        QVERIFY(toLonLat);
        int wrongKv = 0, farOff = 0, nearer220 = 0, unfound = 0;
        QVERIFY(forEachCentre(grid, calc, [&](std::size_t i, LonLat p, const SiteFactors &f) {
            unfound += !f.line.found();
            nearer220 += f.line.kv == 220.0 && p.lat < 60.04;
            wrongKv += !(computed->lineKv[i] == float(f.line.kv));
            const int c = int(i % std::size_t(grid.width)), r = int(i / std::size_t(grid.width));
            const double diagonalKm = diagonalMetres(grid, *toLonLat, c, r) / 1000.0;
            farOff += std::abs(computed->lineKm[i] - f.line.distanceM / 1000.0) > diagonalKm;
        }));
        QCOMPARE(unfound, 0);
        qInfo("%d x %d cells: %d south of 60.04° N nearest the 220 kV line; %d with another "
              "voltage than the index's, %d more than a diagonal off its distance",
              grid.width, grid.height, nearer220, wrongKv, farOff);
        QVERIFY(nearer220 > 100); // the bow matters to many cells
        QCOMPARE(wrongKv, 0);
        QCOMPARE(farOff, 0);
    }
};

QTEST_APPLESS_MAIN(TestSiteFactorGridLines)
#include "test_sitefactorgridlines.moc"
