// SPDX-License-Identifier: GPL-3.0-or-later
// SiteFactorGrid against the point calculator it claims to reproduce: every cell of grids in
// EPSG:4326, EPSG:3857, UTM 31N and LUREF is compared with SiteFactorCalculator at the cell's
// centre (RasterSampler for raster values, Slope::at for slope, the layers' spatial index for
// distances and voltages), on real data from ../shared/data: terra's Luxembourg DEM (GPL), its
// copy warped by GDAL to EPSG:2169, the NLCD Puerto Rico land cover from stars (Apache-2.0, NLCD
// public domain) and PyPSA-Eur's ENTSO-E GridKit extract (CC-BY-4.0, © The PyPSA-Eur Authors).
// Skipped when the data is absent; a failure when CI is set (CI has the data).
#include "../support_gridcells.h"
#include "maps/analysis/sitefactorcalculator.h"
#include "maps/analysis/sitefactorgrid.h"
#include "maps/analysis/slope.h"
#include "maps/geo/crstransform.h"
#include "maps/io/gdalenvironment.h"
#include "maps/vector/vectorloader.h"
#include "tests/support/shareddata.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_utils.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

using namespace maps;
using namespace maps::test;

namespace {

const QString kData = QStringLiteral(ENERGIZE_SOURCE_DIR "/../shared/data");

// A grid's values against the point calculator's at the cell centres. Cells without a value on
// either side are left out, so that empty cells do not inflate the agreement.
struct Comparison
{
    struct Cell
    {
        float got; // the grid's value
        double want; // the calculator's
        int col;
        int row;
    };
    using Agrees = std::function<bool(const Cell &)>;

    qint64 cells = 0;
    qint64 oneSided = 0; // cells with a value on one side only: they never agree
    std::vector<Cell> valuedOnBoth;

    qint64 valued() const { return oneSided + qint64(valuedOnBoth.size()); }
    qint64 agreeing(const Agrees &agrees) const
    {
        return std::count_if(valuedOnBoth.begin(), valuedOnBoth.end(), agrees);
    }
    double fraction(const Agrees &agrees) const
    {
        return valued() ? double(agreeing(agrees)) / double(valued()) : 0.0;
    }
    double largestDifference() const
    {
        double worst = 0.0;
        for (const Cell &c : valuedOnBoth)
            worst = std::max(worst, std::abs(double(c.got) - c.want));
        return worst;
    }
    QString text(const Agrees &agrees) const
    {
        return QStringLiteral("%1 of %2 cells with values agree (%3 %), %4 with a value on one "
                              "side only")
                .arg(agreeing(agrees))
                .arg(valued())
                .arg(100.0 * fraction(agrees), 0, 'f', 3)
                .arg(oneSided);
    }
};

using Expectation = std::function<std::optional<double>(LonLat)>;

// Compares every cell of `values` with `expected` at the cell centre's lon/lat (NaN or nullopt:
// no value).
Comparison compareCells(const RasterGrid &grid, const std::vector<float> &values,
                        const Expectation &expected)
{
    Comparison out;
    auto toLonLat = CrsTransform::toLonLat(grid.crsWkt);
    if (!toLonLat || values.size() != std::size_t(grid.pixelCount()))
        return out;
    for (int r = 0; r < grid.height; ++r) {
        for (int c = 0; c < grid.width; ++c) {
            const float got = values[std::size_t(r) * grid.width + c];
            const auto p = toLonLat->applyToLonLat(grid.pixelCentre(c, r));
            const std::optional<double> want = p ? expected(*p) : std::nullopt;
            ++out.cells;
            const bool gotValue = !std::isnan(got);
            const bool wantValue = want && !std::isnan(*want);
            if (gotValue && wantValue)
                out.valuedOnBoth.push_back({got, *want, c, r});
            else if (gotValue || wantValue)
                ++out.oneSided;
        }
    }
    return out;
}

// Equal within 1e-4 of the larger magnitude (bilinear values: float vs double arithmetic).
bool relativelyEqual(const Comparison::Cell &c)
{
    return std::abs(c.got - c.want) <= 1e-4 * std::max(std::abs(double(c.got)), std::abs(c.want));
}

// Within half a metre: what rounding the interpolated elevations to whole metres leaves.
bool withinHalfAUnit(const Comparison::Cell &c)
{
    return std::abs(c.got - c.want) <= 0.5 + 1e-4 * std::abs(c.want);
}

// The same value as the calculator's once stored as a float, as the grid stores it.
bool sameFloat(const Comparison::Cell &c)
{
    return c.got == float(c.want);
}

// Point samples through the calculator's raster callback, as app/siteanalyzer.cpp wires it.
struct PointRasters
{
    std::optional<RasterSampler> elevation;
    std::optional<RasterSampler> landPrice;
    std::optional<RasterSampler> landCover;

    std::optional<RasterSample> operator()(RasterQuantity q, LonLat p)
    {
        auto value = [](std::optional<double> v) -> std::optional<RasterSample> {
            return v ? std::optional<RasterSample>(RasterSample{*v, {}, {}}) : std::nullopt;
        };
        switch (q) {
        case RasterQuantity::SlopeDeg:
            return elevation ? value(Slope::at(*elevation, p.lon, p.lat)) : std::nullopt;
        case RasterQuantity::LandPrice:
            return landPrice ? value(landPrice->sample(p.lon, p.lat)) : std::nullopt;
        case RasterQuantity::LandClass:
            return landCover ? value(landCover->sample(p.lon, p.lat)) : std::nullopt;
        default:
            return std::nullopt;
        }
    }
};

std::optional<RasterSampler> samplerOf(const RasterLayerPtr &layer)
{
    auto s = RasterSampler::create(layer, QStringLiteral("EPSG:4326"));
    if (!s)
        return std::nullopt;
    return std::move(*s);
}

} // namespace

class TestSiteFactorGrid : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RasterLayerPtr m_dem; // EPSG:4326
    RasterLayerPtr m_demLuref; // the same warped by GDAL to EPSG:2169
    RasterLayerPtr m_landCover; // Albers without an EPSG code
    std::vector<VectorLayer> m_grid; // substations and lines

    static QString path(const char *relative) { return kData + QLatin1Char('/') + relative; }

    // gdalwarp -t_srs EPSG:2169 -r bilinear, through GDAL's C API.
    QString warpToLuref(const QString &source)
    {
        const QString out = m_dir.filePath(QStringLiteral("elev_luxembourg_2169.tif"));
        const char *args[] = {"-t_srs", "EPSG:2169", "-r", "bilinear", "-of", "GTiff", nullptr};
        GDALWarpAppOptions *options = GDALWarpAppOptionsNew(const_cast<char **>(args), nullptr);
        GDALDatasetH src = GDALOpen(source.toUtf8().constData(), GA_ReadOnly);
        int usageError = 0;
        GDALDatasetH dst = src
                ? GDALWarp(out.toUtf8().constData(), nullptr, 1, &src, options, &usageError)
                : nullptr;
        GDALWarpAppOptionsFree(options);
        const bool ok = dst != nullptr && usageError == 0;
        if (dst)
            GDALClose(dst);
        if (src)
            GDALClose(src);
        return ok ? out : QString();
    }

    // The Benelux extract's area on a grid of `crs` cells, the request both grid tests make
    // (>= 220 kV substations, flat past 60 km, and the nearest line's voltage), and the site
    // calculator they compare with.
    static RasterGrid beneluxGrid(const QString &crs, double cellSize)
    {
        const QRectF lonLat(QPointF(2.5, 49.4), QPointF(7.3, 53.6));
        return RasterGrid::covering(extentOf(lonLat, crs), cellSize, crs);
    }
    static SiteFactorGridRequest substationsAndLines()
    {
        SiteFactorGridRequest request;
        request.hvSubstationKm = true;
        request.hvSubstationKv = 220.0;
        request.hvSubstationCapKm = 60.0;
        request.lineKv = true;
        return request;
    }
    SiteFactorCalculator calculator220() const
    {
        SiteFactorOptions options;
        options.hvSubstationKv = 220.0;
        return SiteFactorCalculator(m_grid, {}, options);
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(kData).isDir()) {
            MISSING_SHARED_DATA(kData.toStdString()
                                + " is absent: the SiteFactorGrid real-data tests did not run");
        }
        QVERIFY(m_dir.isValid());
        ensureGdal();
        const QString demPath = path("dem-luxembourg-30s/elev_luxembourg.tif");
        auto dem = RasterLayer::open(demPath, LayerRole::Elevation);
        QVERIFY2(dem, dem ? "" : dem.error().message.c_str());
        m_dem = *dem;
        const QString warped = warpToLuref(demPath);
        QVERIFY2(!warped.isEmpty(), "gdalwarp to EPSG:2169 failed");
        auto luref = RasterLayer::open(warped, LayerRole::Elevation);
        QVERIFY2(luref, luref ? "" : luref.error().message.c_str());
        m_demLuref = *luref;
        QVERIFY(!CrsTransform::sameCrs(m_dem->grid().crsWkt, m_demLuref->grid().crsWkt));
        qInfo("DEM warped to EPSG:2169: %d x %d pixels of %.1f m", m_demLuref->width(),
              m_demLuref->height(), m_demLuref->grid().pixelWidth);

        auto lc = RasterLayer::open(path("nlcd-puerto-rico-3km/nlcd_puerto_rico_3km.tif"),
                                    LayerRole::LandCover);
        QVERIFY2(lc, lc ? "" : lc.error().message.c_str());
        m_landCover = *lc;
        QVERIFY(m_landCover->isCategorical());

        const QString gpkg = path("pypsa-eur-entsoe-gridkit/entsoe_gridkit_europe.gpkg");
        for (const char *name : {"buses", "lines"}) {
            auto layer = loadVectorLayer({gpkg, QString::fromLatin1(name)});
            QVERIFY2(layer, layer ? "" : layer.error().message.c_str());
            m_grid.push_back(*layer);
        }
        QCOMPARE(m_grid[0].role(), LayerRole::Substations);
        QCOMPARE(m_grid[1].role(), LayerRole::TransmissionLines);
    }

    // The DEM as elevation (slope of the pixel under the centre) and as land price (bilinear).
    void demOnGrid_data()
    {
        QTest::addColumn<int>("raster"); // 0: the DEM in EPSG:4326, 1: its LUREF copy
        QTest::addColumn<QString>("crs");
        QTest::addColumn<double>("cellSize"); // in the grid's units, finer than the DEM's
        // The DEM's pixels are 0.00833° (~600 × 930 m); the warped copy's 772 m.
        // Grids in the raster's own CRS (rows 1 and 7) and in others: every grid that is not
        // the raster's own pixels is sampled as the point sampler samples.
        auto row = [](const char *name, int raster, int epsg, double cellSize) {
            QTest::newRow(name) << raster << QStringLiteral("EPSG:%1").arg(epsg) << cellSize;
        };
        row("4326 DEM, EPSG:4326 grid", 0, 4326, 0.003);
        row("4326 DEM, EPSG:3857 grid", 0, 3857, 400.0);
        row("4326 DEM, UTM 31N grid", 0, 32631, 300.0);
        row("LUREF DEM, EPSG:4326 grid", 1, 4326, 0.003);
        row("LUREF DEM, EPSG:3857 grid", 1, 3857, 400.0);
        row("LUREF DEM, UTM 31N grid", 1, 32631, 300.0);
        row("LUREF DEM, EPSG:2169 grid", 1, 2169, 300.0);
    }

    void demOnGrid()
    {
        QFETCH(int, raster);
        QFETCH(QString, crs);
        QFETCH(double, cellSize);
        const RasterLayerPtr layer = raster == 0 ? m_dem : m_demLuref;
        // Luxembourg's DEM (lon 5.742..6.533, lat 49.442..50.192) and a margin, where neither
        // side has a value.
        const QRectF lonLat(QPointF(5.722, 49.422), QPointF(6.553, 50.212));
        const RasterGrid grid = RasterGrid::covering(extentOf(lonLat, crs), cellSize, crs);
        SiteFactorGridInputs inputs;
        inputs.elevation = layer;
        inputs.landPrice = layer;
        SiteFactorGridRequest request;
        request.slopeDeg = true;
        request.landPrice = true;
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());

        PointRasters rasters;
        rasters.elevation = samplerOf(layer);
        rasters.landPrice = samplerOf(layer);
        QVERIFY(rasters.elevation && rasters.landPrice);
        const SiteFactorCalculator calc({}, std::ref(rasters));
        const auto bilinear = compareCells(grid, computed->landPrice,
                                           [&](LonLat p) { return calc.at(p).landPrice.value; });
        const auto slope = compareCells(grid, computed->slopeDeg,
                                        [&](LonLat p) { return calc.at(p).slopeDeg.value; });
        qInfo("%s, %d x %d cells: bilinear values within 1e-4: %s; within 0.5 m: %.3f %%; "
              "largest difference %.4g m",
              QTest::currentDataTag(), grid.width, grid.height,
              qPrintable(bilinear.text(relativelyEqual)),
              100.0 * bilinear.fraction(withinHalfAUnit), bilinear.largestDifference());
        qInfo("%s: slope exact: %s; largest difference %.4g°", QTest::currentDataTag(),
              qPrintable(slope.text(sameFloat)), slope.largestDifference());
        // Luxembourg fills about half of its box: the comparison is not over empty cells.
        QVERIFY(bilinear.valued() > bilinear.cells / 3);
        QVERIFY(slope.valued() > slope.cells / 3);

        // All but the odd cell whose centre falls on a pixel boundary of the lattice-mapped
        // positions (observed: at least 99.99 % in every row).
        QVERIFY2(bilinear.fraction(relativelyEqual) >= 0.999,
                 qPrintable(bilinear.text(relativelyEqual)));
        QVERIFY2(slope.fraction(sameFloat) >= 0.999, qPrintable(slope.text(sameFloat)));
    }

    // Land classes from a projected categorical raster (Albers, no EPSG code): nearest class.
    void landCoverOnGrid_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<double>("cellSize"); // the raster's pixels are 3 km
        QTest::newRow("EPSG:4326 grid") << QStringLiteral("EPSG:4326") << 0.008;
        QTest::newRow("EPSG:3857 grid") << QStringLiteral("EPSG:3857") << 900.0;
    }

    void landCoverOnGrid()
    {
        QFETCH(QString, crs);
        QFETCH(double, cellSize);
        const QRectF lonLat(QPointF(-67.6, 17.1), QPointF(-64.9, 19.2));
        const RasterGrid grid = RasterGrid::covering(extentOf(lonLat, crs), cellSize, crs);
        SiteFactorGridInputs inputs;
        inputs.landCover = m_landCover;
        SiteFactorGridRequest request;
        request.landClass = true;
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());

        PointRasters rasters;
        rasters.landCover = samplerOf(m_landCover);
        QVERIFY(rasters.landCover);
        const SiteFactorCalculator calc({}, std::ref(rasters));
        const auto classes = compareCells(grid, computed->landClass,
                                          [&](LonLat p) { return calc.at(p).landClass.value; });
        qInfo("%s, %d x %d cells: land classes %s", QTest::currentDataTag(), grid.width,
              grid.height, qPrintable(classes.text(sameFloat)));
        QVERIFY(classes.valued() > classes.cells / 3);
        QVERIFY2(classes.fraction(sameFloat) >= 0.995, qPrintable(classes.text(sameFloat)));
    }

    // Nearest >= 220 kV substation (within one cell diagonal) and the nearest line's voltage
    // (exact) over the Benelux.
    void gridOnGrid_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<double>("cellSize");
        QTest::newRow("UTM 31N grid, 1.5 km cells") << QStringLiteral("EPSG:32631") << 1500.0;
        // 2 km of Web Mercator are ~1.3 km on the ground here.
        QTest::newRow("EPSG:3857 grid, 2 km cells") << QStringLiteral("EPSG:3857") << 2000.0;
    }

    void gridOnGrid()
    {
        QFETCH(QString, crs);
        QFETCH(double, cellSize);
        const RasterGrid grid = beneluxGrid(crs, cellSize);
        SiteFactorGridInputs inputs;
        inputs.vectors = m_grid;
        SiteFactorGridRequest request = substationsAndLines();
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());

        const SiteFactorCalculator calc = calculator220();
        auto toLonLat = CrsTransform::toLonLat(crs);
        QVERIFY(toLonLat);
        std::vector<double> diagonalKm(std::size_t(grid.pixelCount()));
        for (int r = 0; r < grid.height; ++r) {
            for (int c = 0; c < grid.width; ++c)
                diagonalKm[std::size_t(r) * grid.width + c] =
                        diagonalMetres(grid, *toLonLat, c, r) / 1000.0;
        }
        const double capKm = request.hvSubstationCapKm;
        auto diagonals = [&](const Comparison::Cell &c) {
            return std::abs(c.got - c.want) / diagonalKm[std::size_t(c.row) * grid.width + c.col];
        };
        auto withinADiagonal = [&](const Comparison::Cell &c) {
            // Past the cap the score is flat: both there is all it takes.
            return (c.got >= capKm && c.want >= capKm) || diagonals(c) <= 1.0;
        };
        const auto substations = compareCells(grid, computed->hvSubstationKm, [&](LonLat p) {
            return calc.at(p).hvSubstation.distanceM / 1000.0;
        });
        const auto lines = compareCells(grid, computed->lineKv, [&](LonLat p) {
            return std::optional<double>(calc.at(p).line.kv);
        });
        double worst = 0.0; // in cell diagonals, below the cap
        for (const Comparison::Cell &c : substations.valuedOnBoth) {
            if (c.got < capKm || c.want < capKm)
                worst = std::max(worst, diagonals(c));
        }
        qInfo("%s, %d x %d cells: nearest >= 220 kV substation within a cell diagonal: %s; "
              "largest difference %.3f diagonals",
              QTest::currentDataTag(), grid.width, grid.height,
              qPrintable(substations.text(withinADiagonal)), worst);
        qInfo("%s: nearest line voltage %s", QTest::currentDataTag(),
              qPrintable(lines.text(sameFloat)));
        QCOMPARE(substations.valued(), substations.cells);
        QCOMPARE(substations.agreeing(withinADiagonal), substations.cells);
        QCOMPARE(lines.valued(), lines.cells); // every line of the extract has a voltage
        QCOMPARE(lines.agreeing(sameFloat), lines.cells);
    }

    // A reach: every cell falls on the same side of it as a site at its centre (the site
    // calculator's exact distances), for lines and substations, and within the reach a cell has
    // the voltage of the nearest line.
    void reachOnGrid_data() { gridOnGrid_data(); }
    void reachOnGrid()
    {
        QFETCH(QString, crs);
        QFETCH(double, cellSize);
        const RasterGrid grid = beneluxGrid(crs, cellSize);
        SiteFactorGridInputs inputs;
        inputs.vectors = m_grid;
        SiteFactorGridRequest request = substationsAndLines();
        request.hvSubstationReachKm = 25.0;
        request.lineReachKm = 6.0;
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());
        QCOMPARE(computed->lineKm.size(), std::size_t(grid.pixelCount()));

        const SiteFactorCalculator calc = calculator220();
        int linesPast = 0, linesWithin = 0, hvPast = 0, hvWithin = 0, wrongSide = 0, wrongKv = 0;
        QVERIFY(forEachCentre(grid, calc, [&](std::size_t i, LonLat, const SiteFactors &f) {
            const bool linePast = f.line.distanceM / 1000.0 > request.lineReachKm;
            (linePast ? linesPast : linesWithin)++;
            wrongSide += linePast != (double(computed->lineKm[i]) > request.lineReachKm);
            if (!linePast)
                wrongKv += !(computed->lineKv[i] == float(f.line.kv));
            const bool hvPastReach =
                    f.hvSubstation.distanceM / 1000.0 > request.hvSubstationReachKm;
            (hvPastReach ? hvPast : hvWithin)++;
            wrongSide += hvPastReach
                    != (double(computed->hvSubstationKm[i]) > request.hvSubstationReachKm);
        }));
        qInfo("%s: lines past 6 km %d, within %d; substations past 25 km %d, within %d; on the "
              "wrong side %d, wrong voltage %d",
              QTest::currentDataTag(), linesPast, linesWithin, hvPast, hvWithin, wrongSide,
              wrongKv);
        // Both sides of each reach are well represented, so the comparison tests something.
        QVERIFY(linesPast > 100 && linesWithin > 100 && hvPast > 100 && hvWithin > 100);
        QCOMPARE(wrongSide, 0);
        QCOMPARE(wrongKv, 0);
    }

    // The value of the nearest value point (a substation's headroom) on lon/lat and Web
    // Mercator grids over Texas, against Karney's geodesic distance to every point at each
    // cell centre (brute force, independent of NearestPoints' chords).
    void nearestPointValueOnGrid_data()
    {
        QTest::addColumn<QString>("crs");
        QTest::addColumn<double>("cellSize");
        QTest::newRow("EPSG:4326 grid, 0.12 degree cells") << QStringLiteral("EPSG:4326") << 0.12;
        QTest::newRow("EPSG:3857 grid, 14 km cells") << QStringLiteral("EPSG:3857") << 14000.0;
    }

    void nearestPointValueOnGrid()
    {
        QFETCH(QString, crs);
        QFETCH(double, cellSize);
        const QRectF lonLat(QPointF(-106.6, 25.8), QPointF(-93.5, 36.5));
        const RasterGrid grid = RasterGrid::covering(extentOf(lonLat, crs), cellSize, crs);
        SiteFactorGridInputs inputs;
        std::uint32_t seed = 12345;
        auto uniform = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return double(seed >> 8) / double(1u << 24);
        };
        for (int i = 0; i < 150; ++i) {
            inputs.valuePoints.push_back({-106.6 + 13.1 * uniform(), 25.8 + 10.7 * uniform()});
            inputs.pointValues.push_back(i % 7 == 3 ? NAN : float(10 * i));
        }
        SiteFactorGridRequest request;
        request.nearestPointValue = true;
        const auto computed = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());
        QCOMPARE(computed->nearestPointValue.size(), std::size_t(grid.pixelCount()));
        auto toLonLat = CrsTransform::toLonLat(grid.crsWkt);
        QVERIFY(toLonLat);
        int cells = 0, wrong = 0, nearTies = 0;
        for (int r = 0; r < grid.height; ++r) {
            for (int c = 0; c < grid.width; ++c) {
                const auto p = toLonLat->applyToLonLat(grid.pixelCentre(c, r));
                QVERIFY(p);
                double best = INFINITY, second = INFINITY;
                int at = -1;
                for (std::size_t k = 0; k < inputs.valuePoints.size(); ++k) {
                    const double d = geodesicDistance(p->lon, p->lat, inputs.valuePoints[k].lon,
                                                      inputs.valuePoints[k].lat);
                    if (d < best) {
                        second = best;
                        best = d;
                        at = int(k);
                    } else if (d < second) {
                        second = d;
                    }
                }
                const float want = inputs.pointValues[std::size_t(at)];
                const float got = computed->nearestPointValue[std::size_t(r) * grid.width + c];
                ++cells;
                const bool same = (std::isnan(want) && std::isnan(got)) || want == got;
                if (!same && second - best < 1e-3)
                    ++nearTies; // two points within a millimetre: either is right
                else if (!same)
                    ++wrong;
            }
        }
        QVERIFY(cells > 5000);
        QCOMPARE(wrong, 0);
        QVERIFY(nearTies < 3);

        // Without points, every cell has no value (no grid case: no headroom).
        inputs.valuePoints.clear();
        inputs.pointValues.clear();
        const auto none = SiteFactorGrid::compute(inputs, grid, request);
        QVERIFY(none);
        QVERIFY(std::all_of(none->nearestPointValue.begin(), none->nearestPointValue.end(),
                            [](float v) { return std::isnan(v); }));
    }
};

QTEST_APPLESS_MAIN(TestSiteFactorGrid)
#include "test_sitefactorgrid.moc"
