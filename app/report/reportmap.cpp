// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportmap.h"

#include "maps/render/imagery.h"
#include "maps/render/vectorrenderer.h"
#include "maps/vector/voltage.h"
#include "widgets/scalebar.h"
#include "widgets/scorebreakdown.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>

namespace app::report {

namespace {

ui::MapView viewFor(const ui::GeoRect &extent, QSizeF size)
{
    const QPointF a = ui::MapView::toMercator(extent.west, extent.south);
    const QPointF b = ui::MapView::toMercator(extent.east, extent.north);
    const double scale =
            std::max((b.x() - a.x()) / size.width(), (b.y() - a.y()) / size.height()) * 1.03;
    return ui::MapView((a + b) / 2.0, scale, size.toSize());
}

void paintRasters(QPainter &painter, const QRectF &frame, const MapScene &scene,
                  const ui::MapView &view, double rasterDpi)
{
    const double k = rasterDpi / kDpi;
    const QSize size = (frame.size() * k).toSize();
    const maps::Viewport viewport(view.centre(), view.metresPerPixel() / k, size,
                                  QStringLiteral("EPSG:3857"));
    QImage composite;
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || e.opacity <= 0.0 || !e.layer || !e.layer->raster)
            continue;
        auto drawn = maps::drawRaster(*e.layer->raster, viewport, e.rasterStyle);
        if (!drawn)
            continue; // as on screen: a raster that cannot be drawn here is left out
        if (composite.isNull()) {
            composite = QImage(size, QImage::Format_ARGB32_Premultiplied);
            composite.fill(Qt::white);
        }
        QPainter p(&composite);
        p.setOpacity(e.opacity);
        p.drawImage(0, 0, *drawn);
    }
    if (!composite.isNull())
        painter.drawImage(frame, composite); // one image: the raster layers, composited
}

void paintVectors(QPainter &painter, const QRectF &frame, const MapScene &scene,
                  const ui::MapView &view)
{
    const maps::Viewport viewport(view.centre(), view.metresPerPixel(), view.size(),
                                  QStringLiteral("EPSG:3857"));
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || e.opacity <= 0.0 || !e.layer || !e.layer->projected || !e.layer->vector)
            continue;
        maps::RenderSnapshot single;
        single.crs = e.layer->projected->crs();
        single.layers.push_back({e.layer->projected, e.layer->vector->role(), e.vectorStyle,
                                 e.layer->vector->name()});
        painter.save();
        painter.translate(frame.topLeft());
        painter.setOpacity(e.opacity);
        maps::VectorRenderer::paint(painter, single, viewport);
        painter.restore();
    }
}

void paintSites(QPainter &painter, const QRectF &frame, const MapPicture &map,
                const ui::MapView &view)
{
    painter.save();
    painter.translate(frame.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    const double r = mm(1.6);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.0);
    f.setBold(true);
    painter.setFont(f);
    const QFontMetricsF fm(f, painter.device());
    for (const MapSite &s : map.sites) {
        const QColor colour = ui::scoreColour(s.score, s.excluded);
        if (s.outline.size() >= 3) {
            QPolygonF ring;
            for (const planner::GeoPoint &p : s.outline)
                ring << view.lonLatToScreen(p.longitude, p.latitude);
            QColor fill = colour;
            fill.setAlpha(70);
            painter.setPen(QPen(colour.darker(160), 1.2));
            painter.setBrush(fill);
            painter.drawPolygon(ring);
        }
        const QPointF p = view.lonLatToScreen(s.longitude, s.latitude);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(colour);
        painter.drawEllipse(p, r, r);
        const QRectF text(p + QPointF(r + 3.0, -fm.height() / 2.0),
                          QSizeF(fm.horizontalAdvance(s.name) + 4.0, fm.height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 215));
        painter.drawRoundedRect(text, 2.0, 2.0);
        painter.setPen(QColor(20, 20, 20));
        painter.drawText(text, Qt::AlignCenter, s.name);
    }
    painter.restore();
}

// The bar of ui::scaleBarFor with its label as text (searchable, selectable in the PDF).
void paintTextScaleBar(QPainter &painter, const QPointF &origin, const ui::ScaleBar &bar)
{
    if (bar.pixels <= 0.0)
        return;
    painter.save();
    const QRectF box(origin.x(), origin.y() - mm(1.6), bar.pixels, mm(1.6));
    painter.setPen(QPen(Qt::black, 0.8));
    painter.setBrush(Qt::white);
    painter.drawRect(box);
    painter.setBrush(Qt::black);
    painter.drawRect(QRectF(box.left(), box.top(), box.width() / 2.0, box.height()));
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.0);
    painter.setFont(f);
    const QFontMetricsF fm(f, painter.device());
    const QRectF label(box.left(), box.top() - fm.height() - mm(0.5),
                       fm.horizontalAdvance(bar.label) + mm(1.5), fm.height());
    painter.fillRect(label, QColor(255, 255, 255, 200));
    painter.setPen(Qt::black);
    painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, bar.label);
    painter.restore();
}

void paintNorthArrow(QPainter &painter, const QRectF &frame)
{
    const QPointF tip(frame.right() - mm(8.0), frame.top() + mm(4.0));
    const double w = mm(2.6), h = mm(7.0);
    QPainterPath arrow;
    arrow.moveTo(tip);
    arrow.lineTo(tip + QPointF(w, h));
    arrow.lineTo(tip + QPointF(0.0, h * 0.75));
    arrow.lineTo(tip + QPointF(-w, h));
    arrow.closeSubpath();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(QColor(30, 30, 30));
    painter.drawPath(arrow);
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(8.0);
    f.setBold(true);
    painter.setFont(f);
    painter.setPen(QColor(30, 30, 30));
    painter.drawText(QRectF(tip.x() - mm(4.0), tip.y() + h, mm(8.0), mm(4.5)), Qt::AlignCenter,
                     QStringLiteral("N"));
    painter.restore();
}

// The voltage classes present in the visible layers styled by voltage.
std::set<maps::VoltageClass> voltageClasses(const MapScene &scene)
{
    std::set<maps::VoltageClass> classes;
    for (const MapScene::Entry &e : scene.entries) {
        if (!e.visible || !e.layer || !e.layer->projected || !e.vectorStyle.byVoltage)
            continue;
        for (double kv : e.layer->projected->features().kv)
            classes.insert(maps::voltageClass(kv));
    }
    return classes;
}

void paintLegend(QPainter &painter, const QRectF &rect, const MapPicture &map,
                 const ReportStyle &style)
{
    painter.save();
    painter.setFont(style.small);
    const QFontMetricsF fm(style.small, painter.device());
    const double line = fm.height() * 1.5;
    const double sw = mm(6.0);
    double x = rect.left(), y = rect.top();
    // A third column for layers coloured by classes of their own (a grid's headroom bins).
    std::vector<const MapScene::Entry *> classed;
    for (const MapScene::Entry &e : map.scene->entries) {
        if (e.visible && e.layer && e.layer->projected
            && e.vectorStyle.classes.appliesTo(e.layer->projected->featureCount()))
            classed.push_back(&e);
    }
    const double column = rect.width() / (classed.empty() ? 2.0 : 3.0);
    auto heading = [&](const QString &text) {
        QFont b = style.small;
        b.setBold(true);
        painter.setFont(b);
        painter.setPen(style.accent);
        painter.drawText(QRectF(x, y, column, line), Qt::AlignLeft | Qt::AlignVCenter, text);
        painter.setFont(style.small);
        y += line;
    };
    auto label = [&](const QString &text) {
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x + sw + mm(2.0), y, column - sw - mm(2.0), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(text, Qt::ElideRight, column - sw - mm(3.0)));
        y += line;
    };
    heading(QObject::tr("Layers (top first)"));
    for (auto it = map.scene->entries.rbegin(); it != map.scene->entries.rend(); ++it) {
        const MapScene::Entry &e = *it;
        if (!e.visible || !e.layer || e.layer->state != LoadedLayer::State::Ready)
            continue;
        const QRectF sym(x, y + line * 0.2, sw, line * 0.6);
        painter.setOpacity(std::max(0.3, e.opacity));
        if (e.layer->raster) {
            QLinearGradient g(sym.topLeft(), sym.topRight());
            g.setColorAt(0.0, maps::rampColour(maps::ColourRamp::Terrain, 0.1));
            g.setColorAt(1.0, maps::rampColour(maps::ColourRamp::Terrain, 0.9));
            painter.fillRect(sym, g);
        } else if (e.layer->projected) {
            const maps::LayerStyle &s = e.vectorStyle;
            switch (e.layer->projected->kind()) {
            case maps::GeometryKind::Line:
                painter.setPen(
                        QPen(s.byVoltage ? maps::voltageColor(maps::VoltageClass::Kv345) : s.stroke,
                             std::max(1.0, s.width), s.dashed ? Qt::DashLine : Qt::SolidLine));
                painter.drawLine(QPointF(sym.left(), sym.center().y()),
                                 QPointF(sym.right(), sym.center().y()));
                break;
            case maps::GeometryKind::Polygon:
                painter.setPen(QPen(s.stroke, 1.0));
                painter.setBrush(s.fill);
                painter.drawRect(sym);
                painter.setBrush(Qt::NoBrush);
                break;
            default: {
                const double d = sym.height();
                const QRectF dot(sym.center().x() - d / 2, sym.top(), d, d);
                painter.setPen(QPen(s.stroke, 0.8));
                painter.setBrush(s.byVoltage ? maps::voltageColor(maps::VoltageClass::Kv345)
                                             : s.fill);
                painter.drawEllipse(dot);
                painter.setBrush(Qt::NoBrush);
            }
            }
        }
        painter.setOpacity(1.0);
        const QString suffix = e.layer->raster ? QObject::tr(" (raster)") : QString();
        label(QString::fromStdString(e.layer->ref.name) + suffix);
    }
    const double firstColumnEnd = y;
    x = rect.left() + column;
    y = rect.top();
    const std::set<maps::VoltageClass> classes = voltageClasses(*map.scene);
    if (!classes.empty()) {
        heading(QObject::tr("Lines and substations by voltage class"));
        for (maps::VoltageClass c : classes) {
            const QRectF sym(x, y + line * 0.35, sw, line * 0.3);
            painter.fillRect(sym, maps::voltageColor(c));
            label(c == maps::VoltageClass::Unknown ? QObject::tr("voltage unknown")
                                                   : maps::voltageClassName(c));
        }
        y += line * 0.5;
    }
    heading(QObject::tr("Sites, coloured by score"));
    const std::pair<std::optional<double>, QString> keys[] = {{0.9, QObject::tr("score 90 / 100")},
                                                              {0.5, QObject::tr("score 50 / 100")},
                                                              {0.1, QObject::tr("score 10 / 100")}};
    for (const auto &[score, text] : keys) {
        painter.setPen(QPen(Qt::white, 1.0));
        painter.setBrush(ui::scoreColour(score, false));
        painter.drawEllipse(QPointF(x + sw / 2, y + line / 2), line * 0.28, line * 0.28);
        label(text);
    }
    painter.setBrush(ui::scoreColour(std::nullopt, true));
    painter.drawEllipse(QPointF(x + sw / 2, y + line / 2), line * 0.28, line * 0.28);
    label(QObject::tr("excluded"));
    double lastColumnEnd = y;
    if (!classed.empty()) {
        x = rect.left() + 2.0 * column;
        y = rect.top();
        for (const MapScene::Entry *e : classed) {
            const maps::PointClasses &classes = e->vectorStyle.classes;
            heading(classes.title.isEmpty() ? QString::fromStdString(e->layer->ref.name)
                                            : classes.title);
            const std::set<std::uint8_t> present(classes.ofFeature->begin(),
                                                 classes.ofFeature->end());
            for (std::uint8_t c : present) {
                if (c >= classes.colours.size())
                    continue;
                painter.setPen(QPen(e->vectorStyle.stroke, 0.6));
                painter.setBrush(classes.colours[c]);
                painter.drawRect(
                        QRectF(x + sw / 2 - line * 0.25, y + line * 0.25, line * 0.5, line * 0.5));
                painter.setBrush(Qt::NoBrush);
                label(c < classes.labels.size() ? classes.labels[c] : QString::number(c));
            }
            y += line * 0.5;
        }
        lastColumnEnd = std::max(lastColumnEnd, y);
    }
    y = std::max(lastColumnEnd, firstColumnEnd) + line * 0.5;
    painter.setPen(QColor(60, 60, 60));
    painter.drawText(QRectF(rect.left(), y, rect.width(), rect.bottom() - y), Qt::TextWordWrap,
                     map.attribution);
    painter.restore();
}

} // namespace

double mapAspect(const ui::GeoRect &extent)
{
    const QPointF a = ui::MapView::toMercator(extent.west, extent.south);
    const QPointF b = ui::MapView::toMercator(extent.east, extent.north);
    return std::clamp((b.y() - a.y()) / std::max(1.0, b.x() - a.x()), 0.4, 1.3);
}

void paintMap(QPainter &painter, const QRectF &frame, const MapPicture &map, bool withRasters,
              double rasterDpi)
{
    if (!map.scene || !map.extent.isValid())
        return;
    const ui::MapView view = viewFor(map.extent, frame.size());
    painter.save();
    painter.setClipRect(frame);
    painter.fillRect(frame, QColor(246, 247, 245));
    if (withRasters)
        paintRasters(painter, frame, *map.scene, view, rasterDpi);
    paintVectors(painter, frame, *map.scene, view);
    paintSites(painter, frame, map, view);
    const double lat = (map.extent.south + map.extent.north) / 2.0;
    const ui::ScaleBar bar = ui::scaleBarFor(view.groundMetresPerPixel(lat), frame.width() / 4.0);
    paintTextScaleBar(painter, frame.bottomLeft() + QPointF(mm(4.0), -mm(4.0)), bar);
    paintNorthArrow(painter, frame);
    painter.restore();
    painter.save();
    painter.setPen(QPen(QColor(120, 120, 120), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    painter.restore();
}

std::unique_ptr<Block> mapPageBlock(MapPicture map)
{
    return std::make_unique<DrawingBlock>(
            0.0,
            [map = std::move(map)](QPainter &painter, const QRectF &rect,
                                   const PaintContext &context) {
                const double legend = mm(62.0);
                const double h =
                        std::min(rect.width() * mapAspect(map.extent), rect.height() - legend);
                const QRectF frame(rect.left(), rect.top(), rect.width(), h);
                constexpr double kRasterDpi = 200.0;
                paintMap(painter, frame, map, true, kRasterDpi);
                paintLegend(painter,
                            QRectF(rect.left(), frame.bottom() + mm(4.0), rect.width(),
                                   rect.bottom() - frame.bottom() - mm(4.0)),
                            map, *context.style);
            },
            true);
}

} // namespace app::report
