// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/render/vectorrenderer.h"

#include "maps/render/linerasterizer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace maps {

namespace {

constexpr std::size_t kAntialiasLimit = 200000; // segments; beyond, speed matters more
// Beyond this many segments in one layer, lines are drawn 1-2 px wide straight into the image.
constexpr std::size_t kDenseLimit = 100000;
constexpr std::size_t kCancelCheck = 4096;

struct Frame
{
    double left = 0.0;
    double north = 0.0;
    double inv = 1.0; // pixels per map unit
    Bounds view; // visible map box with a margin for wide symbols

    QPointF px(const QPointF &p) const { return {(p.x() - left) * inv, (north - p.y()) * inv}; }
};

class LayerPainter
{
public:
    // image: the image the painter draws on, for the dense path; nullptr when the painter draws
    // on another device (a PDF), where every line goes through the painter.
    LayerPainter(QImage *image, QPainter &painter, const Frame &frame, QSize size,
                 const std::atomic<bool> *cancel, RenderStats &stats)
        : m_image(image), m_painter(painter), m_frame(frame), m_size(size), m_cancel(cancel),
          m_stats(stats)
    {}

    void draw(const RenderLayer &layer)
    {
        switch (layer.geometry->kind()) {
        case GeometryKind::Line:
            drawLines(layer);
            break;
        case GeometryKind::Polygon:
            drawPolygons(layer);
            break;
        case GeometryKind::Point:
            drawPoints(layer);
            break;
        case GeometryKind::None:
            break;
        }
    }

private:
    bool cancelled(std::size_t f) const
    {
        return f % kCancelCheck == 0 && m_cancel && m_cancel->load(std::memory_order_relaxed);
    }

    int classOf(const RenderLayer &layer, std::size_t f) const
    {
        return layer.style.byVoltage ? int(voltageClass(layer.geometry->features().kv[f])) : 0;
    }

    bool subPixel(const Bounds &b) const
    {
        return (b.x1 - b.x0) * m_frame.inv < 1.0 && (b.y1 - b.y0) * m_frame.inv < 1.0;
    }

    // Appends the part's segments, merging vertices closer than a pixel to the last kept one.
    void addPart(const ProjectedLayer &g, std::uint32_t first, std::uint32_t last,
                 std::vector<QLineF> &out)
    {
        const std::vector<QPointF> &pts = g.points();
        bool started = false;
        QPointF prev;
        for (std::uint32_t v = first; v < last; ++v) {
            if (!std::isfinite(pts[v].x())) {
                started = false;
                continue;
            }
            const QPointF p = m_frame.px(pts[v]);
            if (!started) {
                prev = p;
                started = true;
                continue;
            }
            if (std::abs(p.x() - prev.x()) < 1.0 && std::abs(p.y() - prev.y()) < 1.0
                && v + 1 < last) {
                ++m_stats.segmentsMerged;
                continue;
            }
            out.emplace_back(prev, p);
            prev = p;
        }
    }

    void drawLines(const RenderLayer &layer)
    {
        const ProjectedLayer &g = *layer.geometry;
        const FeatureStore &s = g.features();
        std::array<std::vector<QLineF>, kVoltageClassCount> lines;
        std::array<std::vector<QPointF>, kVoltageClassCount> dots;
        for (std::size_t f = 0; f < g.featureCount(); ++f) {
            if (cancelled(f)) {
                return;
            }
            const Bounds &b = g.bounds(f);
            if (!b.intersects(m_frame.view)) {
                continue;
            }
            ++m_stats.featuresDrawn;
            const int c = classOf(layer, f);
            if (subPixel(b)) {
                dots[c].push_back(m_frame.px({b.x0, b.y0}));
                continue;
            }
            for (std::uint32_t p = s.featureParts[f]; p < s.featureParts[f + 1]; ++p) {
                addPart(g, s.partStarts[p], s.partStarts[p + 1], lines[c]);
            }
        }
        std::size_t total = 0;
        for (const auto &l : lines) {
            total += l.size();
        }
        m_stats.segmentsDrawn += total;
        if (total > kDenseLimit && m_image) {
            drawDense(layer, lines, dots);
            return;
        }
        m_painter.setRenderHint(QPainter::Antialiasing, total < kAntialiasLimit);
        for (int c = 0; c < kVoltageClassCount; ++c) {
            // Square caps close the joins between consecutive segments at a fifth of the cost
            // of round caps (QPainter strokes each segment of drawLines on its own).
            m_painter.setPen(QPen(lineColor(layer, c), lineWidth(layer, c),
                                  layer.style.dashed ? Qt::DashLine : Qt::SolidLine,
                                  layer.style.dashed ? Qt::FlatCap : Qt::SquareCap, Qt::MiterJoin));
            if (!lines[c].empty()) {
                m_painter.drawLines(lines[c].data(), int(lines[c].size()));
            }
            if (!dots[c].empty()) {
                m_painter.drawPoints(dots[c].data(), int(dots[c].size()));
                m_stats.pointsDrawn += dots[c].size();
            }
        }
    }

    static QColor lineColor(const RenderLayer &layer, int c)
    {
        return layer.style.byVoltage ? voltageColor(VoltageClass(c)) : layer.style.stroke;
    }

    static double lineWidth(const RenderLayer &layer, int c)
    {
        return layer.style.width
                * (layer.style.byVoltage ? voltageWidthFactor(VoltageClass(c)) : 1.0);
    }

    // Overview of a dense layer: thin lines written straight into the image.
    void drawDense(const RenderLayer &layer,
                   const std::array<std::vector<QLineF>, kVoltageClassCount> &lines,
                   const std::array<std::vector<QPointF>, kVoltageClassCount> &dots)
    {
        m_painter.end(); // the image is written directly; resumed below
        for (int c = 0; c < kVoltageClassCount; ++c) {
            const QRgb color = lineColor(layer, c).rgba();
            drawThinLines(*m_image, lines[c], color, lineWidth(layer, c) >= 1.5 ? 2 : 1);
            drawPixels(*m_image, dots[c], color);
            m_stats.pointsDrawn += dots[c].size();
        }
        m_painter.begin(m_image);
    }

    void drawPolygons(const RenderLayer &layer)
    {
        const ProjectedLayer &g = *layer.geometry;
        const FeatureStore &s = g.features();
        m_painter.setRenderHint(QPainter::Antialiasing, g.segmentCount() < kAntialiasLimit);
        m_painter.setPen(QPen(layer.style.stroke, layer.style.width));
        m_painter.setBrush(layer.style.fill);
        std::vector<QLineF> ring;
        for (std::size_t f = 0; f < g.featureCount(); ++f) {
            if (cancelled(f)) {
                return;
            }
            const Bounds &b = g.bounds(f);
            if (!b.intersects(m_frame.view)) {
                continue;
            }
            ++m_stats.featuresDrawn;
            if (subPixel(b)) {
                m_painter.drawPoint(m_frame.px({b.x0, b.y0}));
                ++m_stats.pointsDrawn;
                continue;
            }
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (std::uint32_t p = s.featureParts[f]; p < s.featureParts[f + 1]; ++p) {
                ring.clear();
                addPart(g, s.partStarts[p], s.partStarts[p + 1], ring);
                if (ring.empty()) {
                    continue;
                }
                path.moveTo(ring.front().p1());
                for (const QLineF &l : ring) {
                    path.lineTo(l.p2());
                }
                path.closeSubpath();
                m_stats.segmentsDrawn += ring.size();
            }
            m_painter.drawPath(path);
        }
        m_painter.setBrush(Qt::NoBrush);
    }

    void drawPoints(const RenderLayer &layer)
    {
        const ProjectedLayer &g = *layer.geometry;
        const FeatureStore &s = g.features();
        const LayerStyle &style = layer.style;
        // One bit per pixel and class: a second symbol on the same pixel adds nothing.
        std::vector<std::uint8_t> seen(std::size_t(m_size.width()) * m_size.height(), 0);
        const bool many = g.featureCount() > 20000;
        const bool byClass = style.classes.appliesTo(g.featureCount());
        m_painter.setRenderHint(QPainter::Antialiasing, !many);
        for (std::size_t f = 0; f < g.featureCount(); ++f) {
            if (cancelled(f)) {
                return;
            }
            if (!g.bounds(f).intersects(m_frame.view)) {
                continue;
            }
            const int kvClass = classOf(layer, f);
            const int c = byClass ? std::min<int>((*style.classes.ofFeature)[f], 7) : kvClass;
            const double size = style.byCapacity ? capacitySymbolSize(s.mw[f], style.pointSize)
                    : style.byVoltage ? style.pointSize * voltageWidthFactor(VoltageClass(kvClass))
                                      : style.pointSize;
            const QColor fill = byClass ? style.classes.colours[std::min<std::size_t>(
                                        std::size_t(c), style.classes.colours.size() - 1)]
                    : style.byVoltage   ? voltageColor(VoltageClass(c))
                                        : style.fill;
            for (std::uint32_t v = s.partStarts[s.featureParts[f]];
                 v < s.partStarts[s.featureParts[f + 1]]; ++v) {
                const QPointF p = m_frame.px(g.points()[v]);
                const int ix = int(std::floor(p.x()));
                const int iy = int(std::floor(p.y()));
                if (ix >= 0 && iy >= 0 && ix < m_size.width() && iy < m_size.height()) {
                    std::uint8_t &bits = seen[std::size_t(iy) * m_size.width() + ix];
                    if (bits & (1U << c)) {
                        continue;
                    }
                    bits |= std::uint8_t(1U << c);
                }
                const QRectF r(p.x() - size / 2, p.y() - size / 2, size, size);
                if (style.byCapacity) {
                    m_painter.setPen(many ? QPen(Qt::NoPen) : QPen(style.stroke, 0.8));
                    m_painter.setBrush(fill);
                    m_painter.drawEllipse(r);
                } else if (byClass && !many) { // outlined, so that pale classes stand out
                    m_painter.setPen(QPen(style.stroke, 0.8));
                    m_painter.setBrush(fill);
                    m_painter.drawRect(r);
                } else {
                    m_painter.fillRect(r, fill);
                }
                ++m_stats.pointsDrawn;
            }
            ++m_stats.featuresDrawn;
        }
        m_painter.setBrush(Qt::NoBrush);
    }

    QImage *m_image;
    QPainter &m_painter;
    const Frame &m_frame;
    QSize m_size;
    const std::atomic<bool> *m_cancel;
    RenderStats &m_stats;
};

} // namespace

namespace {

void paintLayers(QImage *image, QPainter &painter, const RenderSnapshot &snapshot,
                 const Viewport &viewport, const std::atomic<bool> *cancel, RenderStats &st)
{
    const QRectF e = viewport.extent();
    Frame frame;
    frame.left = e.left();
    frame.north = e.bottom();
    frame.inv = 1.0 / viewport.scale();
    const double margin = 16.0 * viewport.scale();
    frame.view = {e.left() - margin, e.top() - margin, e.right() + margin, e.bottom() + margin};
    LayerPainter layerPainter(image, painter, frame, viewport.size(), cancel, st);
    for (const RenderLayer &layer : snapshot.layers) {
        if (!layer.geometry || !layer.style.visible) {
            continue;
        }
        if (layer.geometry->crs() != viewport.crs()) {
            ++st.layersSkipped;
            continue;
        }
        layerPainter.draw(layer);
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            break;
        }
    }
}

} // namespace

QImage VectorRenderer::render(const RenderSnapshot &snapshot, const Viewport &viewport,
                              const std::atomic<bool> *cancel, RenderStats *stats)
{
    RenderStats local;
    RenderStats &st = stats ? *stats : local;
    st = {};
    if (!viewport.isValid()) {
        return {};
    }
    QImage image(viewport.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paintLayers(&image, painter, snapshot, viewport, cancel, st);
    return image;
}

void VectorRenderer::paint(QPainter &painter, const RenderSnapshot &snapshot,
                           const Viewport &viewport, RenderStats *stats)
{
    RenderStats local;
    RenderStats &st = stats ? *stats : local;
    st = {};
    if (!viewport.isValid() || !painter.isActive()) {
        return;
    }
    painter.save();
    paintLayers(nullptr, painter, snapshot, viewport, nullptr, st);
    painter.restore();
}

} // namespace maps
