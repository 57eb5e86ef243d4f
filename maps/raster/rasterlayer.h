// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A single-band raster source GDAL can read (GeoTIFF, COG, VRT, /vsicurl/…), with its role.
// Threading: a RasterLayer is immutable after open() and shared as shared_ptr<const RasterLayer>
// between threads. It holds no GDAL handle: each thread that reads pixels calls openDataset()
// (or uses a BlockCache / RasterReader, which do) because GDAL datasets are not thread-safe.
// Pixels are never read whole: readers work in windows and blocks.

#include "maps/io/expected.h"
#include "maps/io/layerrole.h"
#include "maps/io/rasterdataset.h"
#include "maps/raster/rastergrid.h"

#include <QColor>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace maps {

class RasterLayer
{
public:
    // Opens the file, checks that it is a georeferenced, readable raster (the first and last
    // blocks are read, which catches truncated files), and records what readers need. With
    // LayerRole::Unknown the role is guessed (rasterrole.h) from a 64 × 64 sample of pixels.
    static Expected<std::shared_ptr<const RasterLayer>>
    open(const QString &path, LayerRole role = LayerRole::Unknown, int band = 1);

    // A fresh handle for the calling thread. Fails with a message if the file went away.
    Expected<RasterDataset> openDataset() const;

    const QString &path() const { return m_path; }
    QString displayName() const; // the file name, used in messages
    LayerRole role() const { return m_role; }
    // Why the role was guessed (open() with LayerRole::Unknown); empty when it was given.
    const QString &roleReason() const { return m_roleReason; }
    int band() const { return m_band; }
    const RasterGrid &grid() const { return m_grid; }
    int width() const { return m_grid.width; }
    int height() const { return m_grid.height; }
    GDALDataType dataType() const { return m_dataType; }
    std::optional<double> noData() const { return m_noData; }
    double scale() const { return m_scale; }
    double offset() const { return m_offset; }
    int blockWidth() const { return m_blockWidth; }
    int blockHeight() const { return m_blockHeight; }
    int overviewCount() const { return m_overviewCount; }
    bool isCategorical() const { return m_role == LayerRole::LandCover || !m_colorTable.empty(); }
    // Palette entries of a paletted raster (e.g. NLCD), value -> colour; empty otherwise.
    const std::map<int, QColor> &colorTable() const { return m_colorTable; }

    // Whether a raw band value means "no value" (no-data value or NaN).
    bool isNoData(double raw) const;

    // A copy with another role and the reason it was chosen (a guess made above this layer,
    // e.g. from a legend file the palette matches).
    std::shared_ptr<const RasterLayer> withRole(LayerRole role, const QString &reason) const
    {
        auto copy = std::shared_ptr<RasterLayer>(new RasterLayer(*this));
        copy->m_role = role;
        copy->m_roleReason = reason;
        return copy;
    }

private:
    RasterLayer() = default;

    QString m_path;
    LayerRole m_role = LayerRole::Unknown;
    QString m_roleReason;
    int m_band = 1;
    RasterGrid m_grid;
    GDALDataType m_dataType = GDT_Unknown;
    std::optional<double> m_noData;
    double m_scale = 1.0;
    double m_offset = 0.0;
    int m_blockWidth = 0;
    int m_blockHeight = 0;
    int m_overviewCount = 0;
    std::map<int, QColor> m_colorTable;
};

using RasterLayerPtr = std::shared_ptr<const RasterLayer>;

} // namespace maps
