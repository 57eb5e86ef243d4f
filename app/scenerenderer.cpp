// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scenerenderer.h"

#include "maps/render/imagery.h"
#include "maps/render/layerstyle.h"
#include "maps/render/vectorrenderer.h"

#include <QPainter>

namespace app {

QImage renderScene(const MapScene &scene, const ui::MapView &view)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const maps::Viewport viewport(view.centre(), view.metresPerPixel(), view.size(),
                                  QStringLiteral("EPSG:3857"));
    QPainter painter(&image);
    for (const MapScene::Entry &entry : scene.entries) {
        if (!entry.visible || entry.opacity <= 0.0)
            continue;
        const LoadedLayer &layer = *entry.layer;
        if (layer.raster) {
            // A raster that cannot be drawn here (e.g. outside PROJ's reach) is left out; its
            // row in the layer panel already says whether it loaded.
            if (auto drawn = maps::drawRaster(*layer.raster, viewport, entry.rasterStyle)) {
                painter.setOpacity(entry.opacity);
                painter.drawImage(0, 0, *drawn);
            }
            continue;
        }
        if (layer.projected && layer.vector) {
            maps::RenderSnapshot single;
            single.crs = layer.projected->crs();
            single.layers.push_back({layer.projected, layer.vector->role(), entry.vectorStyle,
                                     layer.vector->name()});
            const QImage drawn = maps::VectorRenderer::render(single, viewport);
            painter.setOpacity(entry.opacity);
            painter.drawImage(0, 0, drawn);
        }
    }
    return image;
}

} // namespace app
