// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws a RenderSnapshot into a QImage for one Viewport. Runs on any thread (QImage + QPainter,
// no fonts, no GUI objects); the snapshot is read-only, so many renders may share it.
// Level of detail: features smaller than a pixel become a dot, vertices closer than a pixel to
// the last drawn one are merged, and points falling on an already drawn pixel are skipped. A
// line layer with more than 100,000 segments left after that is drawn 1-2 px wide straight into
// the image (linerasterizer.h) instead of through QPainter's stroker: a million segments take
// tens of milliseconds. Fewer segments get antialiased QPainter lines.

#include "maps/geo/viewport.h"
#include "maps/render/rendersnapshot.h"

#include <QImage>

class QPainter;

#include <atomic>

namespace maps {

struct RenderStats
{
    std::size_t featuresDrawn = 0;
    std::size_t segmentsDrawn = 0; // after merging sub-pixel vertices
    std::size_t segmentsMerged = 0; // skipped because shorter than a pixel
    std::size_t pointsDrawn = 0;
    int layersSkipped = 0; // projected to another CRS than the viewport's
};

class VectorRenderer
{
public:
    // A transparent ARGB32 premultiplied image of viewport.size(). Layers whose CRS differs from
    // viewport.crs() are skipped (counted in stats). Stops early, returning a partial image,
    // when *cancel becomes true.
    static QImage render(const RenderSnapshot &snapshot, const Viewport &viewport,
                         const std::atomic<bool> *cancel = nullptr, RenderStats *stats = nullptr);

    // The same drawing onto any active painter (a PDF page, an SVG), as vectors: the viewport's
    // pixel (0, 0) at the painter's origin, its size in the painter's units; every line goes
    // through the painter (no dense shortcut), so keep it to print-sized layers. The painter's
    // state is restored. Same threading as render() for an image or PDF paint device.
    static void paint(QPainter &painter, const RenderSnapshot &snapshot, const Viewport &viewport,
                      RenderStats *stats = nullptr);
};

} // namespace maps
