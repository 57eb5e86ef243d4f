// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An owning GDAL dataset handle. GDAL datasets are not thread-safe: a RasterDataset belongs to
// one thread at a time; every worker opens its own (RasterLayer::openDataset()).

#include <gdal_priv.h>

#include <memory>

namespace maps {

struct RasterDatasetCloser
{
    void operator()(GDALDataset *ds) const
    {
        if (ds) {
            GDALClose(GDALDataset::ToHandle(ds));
        }
    }
};

using RasterDataset = std::unique_ptr<GDALDataset, RasterDatasetCloser>;

} // namespace maps
