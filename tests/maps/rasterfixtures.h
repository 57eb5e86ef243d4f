// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small GeoTIFF fixtures written through GDAL inside raster tests, and the path of the shared
// real-data folder. Header-only so that it is compiled only into the tests that include it.

#include "maps/io/gdalenvironment.h"

#include <QByteArray>
#include <QDir>
#include <QString>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace rasterfixtures {

inline QString sharedData(const QString &relative)
{
    return QStringLiteral(ENERGIZE_SOURCE_DIR "/../shared/data/") + relative;
}

inline QString epsgWkt(int code)
{
    maps::ensureGdal();
    OGRSpatialReference srs;
    srs.importFromEPSG(code);
    char *wkt = nullptr;
    srs.exportToWkt(&wkt);
    const QString out = QString::fromUtf8(wkt);
    CPLFree(wkt);
    return out;
}

struct TiffSpec
{
    int width = 64;
    int height = 48;
    std::array<double, 6> geoTransform{500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0};
    int epsg = 32614; // UTM 14N (Texas); 0 = no CRS
    GDALDataType type = GDT_Float32;
    std::optional<double> noData;
    bool georeferenced = true;
    int blockWidth = 0; // 0 = GDAL's default strips; otherwise tiled
    int blockHeight = 0;
    bool sparse = false; // write no pixels (SPARSE_OK): huge rasters stay tiny on disk
};

// Writes a one-band GeoTIFF whose pixel (col, row) holds value(col, row).
inline bool writeTiff(const QString &path, const TiffSpec &spec,
                      const std::function<double(int, int)> &value = {})
{
    maps::ensureGdal();
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    CPLStringList options;
    if (spec.blockWidth > 0) {
        options.SetNameValue("TILED", "YES");
        options.SetNameValue("BLOCKXSIZE", QByteArray::number(spec.blockWidth).constData());
        options.SetNameValue("BLOCKYSIZE", QByteArray::number(spec.blockHeight).constData());
    }
    if (spec.sparse) {
        options.SetNameValue("SPARSE_OK", "TRUE");
    }
    GDALDataset *ds = driver->Create(path.toUtf8().constData(), spec.width, spec.height, 1,
                                     spec.type, options.List());
    if (!ds) {
        return false;
    }
    if (spec.georeferenced) {
        auto gt = spec.geoTransform;
        ds->SetGeoTransform(gt.data());
        if (spec.epsg) {
            ds->SetProjection(epsgWkt(spec.epsg).toUtf8().constData());
        }
    }
    GDALRasterBand *band = ds->GetRasterBand(1);
    if (spec.noData) {
        band->SetNoDataValue(*spec.noData);
    }
    bool ok = true;
    if (value && !spec.sparse) {
        std::vector<double> row(std::size_t(spec.width));
        for (int r = 0; r < spec.height && ok; ++r) {
            for (int c = 0; c < spec.width; ++c) {
                row[std::size_t(c)] = value(c, r);
            }
            ok = band->RasterIO(GF_Write, 0, r, spec.width, 1, row.data(), spec.width, 1,
                                GDT_Float64, 0, 0, nullptr)
                    == CE_None;
        }
    }
    GDALClose(ds);
    return ok;
}

// Reads pixel (col, row) straight through GDAL, without any of the code under test.
inline double readPixel(const QString &path, int col, int row)
{
    GDALDataset *ds = GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER);
    double v = 0.0;
    if (ds) {
        if (ds->GetRasterBand(1)->RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Float64, 0, 0,
                                           nullptr)
            != CE_None) {
            v = std::numeric_limits<double>::quiet_NaN();
        }
        GDALClose(ds);
    }
    return v;
}

} // namespace rasterfixtures
