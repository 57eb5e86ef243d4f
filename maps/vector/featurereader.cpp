// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/featurereader.h"

#include "maps/vector/voltage.h"

#include <cmath>
#include <limits>
#include <memory>

namespace maps {

namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

using Parts = std::vector<std::vector<LonLat>>;

void appendCurve(const OGRSimpleCurve &curve, Parts &parts)
{
    std::vector<LonLat> pts(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) {
        pts[std::size_t(i)] = {curve.getX(i), curve.getY(i)};
    }
    parts.push_back(std::move(pts));
}

// Flattens `g` into parts of the wanted kind; false when it holds another dimension.
bool flatten(const OGRGeometry &g, GeometryKind kind, Parts &parts)
{
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (g.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        return linear && !linear->hasCurveGeometry() && flatten(*linear, kind, parts);
    }
    switch (type) {
    case wkbPoint:
        if (kind != GeometryKind::Point) {
            return false;
        }
        parts.push_back({{g.toPoint()->getX(), g.toPoint()->getY()}});
        return true;
    case wkbLineString:
        if (kind != GeometryKind::Line) {
            return false;
        }
        appendCurve(*g.toLineString(), parts);
        return true;
    case wkbPolygon:
        if (kind != GeometryKind::Polygon) {
            return false;
        }
        for (const OGRLinearRing *ring : *g.toPolygon()) {
            appendCurve(*ring, parts);
        }
        return true;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry *child : *g.toGeometryCollection()) {
            if (!flatten(*child, kind, parts)) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

float mappedNumber(OGRFeature &f, int field, const ReadPlan &plan)
{
    if (field < 0 || !f.IsFieldSetAndNotNull(field)) {
        return kNaNf;
    }
    const QString raw = QString::fromUtf8(f.GetFieldAsString(field));
    return float(field == plan.voltageField ? voltageKvOf(raw, plan.voltageUnit)
                                            : capacityMwOf(raw));
}

std::uint8_t hazardFlag(OGRFeature &f, int field)
{
    if (field < 0) {
        return FeatureStore::kHazard; // a flood layer without attributes: every polygon counts
    }
    const QString v = QString::fromUtf8(f.GetFieldAsString(field)).trimmed().toUpper();
    const bool hazard = v == QLatin1String("T") || v.startsWith(QLatin1Char('A'))
            || v.startsWith(QLatin1Char('V'));
    return hazard ? FeatureStore::kHazard : 0;
}

// Transforms and checks the parts in place; false when a coordinate is unusable.
bool finishParts(Parts &parts, const ReadPlan &plan, ReadReport &report)
{
    for (auto &part : parts) {
        if (plan.transform && !part.empty()) {
            std::vector<double> x(part.size());
            std::vector<double> y(part.size());
            for (std::size_t i = 0; i < part.size(); ++i) {
                x[i] = part[i].lon;
                y[i] = part[i].lat;
            }
            if (!plan.transform->Transform(x.size(), x.data(), y.data())) {
                ++report.skippedInvalid;
                return false;
            }
            for (std::size_t i = 0; i < part.size(); ++i) {
                part[i] = {x[i], y[i]};
            }
        }
        for (const LonLat &p : part) {
            if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) {
                ++report.skippedInvalid;
                return false;
            }
            if (std::abs(p.lat) > 90.0 || std::abs(p.lon) > 540.0) {
                ++report.skippedOutOfRange;
                return false;
            }
        }
    }
    return true;
}

} // namespace

GeometryKind kindOfGeometryType(OGRwkbGeometryType type)
{
    switch (OGR_GT_GetCollection(OGR_GT_GetLinear(wkbFlatten(type)))) {
    case wkbMultiPoint:
        return GeometryKind::Point;
    case wkbMultiLineString:
        return GeometryKind::Line;
    case wkbMultiPolygon:
        return GeometryKind::Polygon;
    default:
        return GeometryKind::None;
    }
}

GeometryKind sniffKind(OGRLayer &layer)
{
    layer.ResetReading();
    GeometryKind kind = GeometryKind::None;
    for (int i = 0; i < 1000 && kind == GeometryKind::None; ++i) {
        std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
        if (!f) {
            break;
        }
        const OGRGeometry *g = f->GetGeometryRef();
        if (g && !g->IsEmpty()) {
            kind = kindOfGeometryType(g->getGeometryType());
            if (kind == GeometryKind::None && g->getDimension() >= 0) {
                kind = std::array{GeometryKind::Point, GeometryKind::Line,
                                  GeometryKind::Polygon}[std::size_t(g->getDimension())];
            }
        }
    }
    layer.ResetReading();
    return kind;
}

bool readFeatures(OGRLayer &layer, const ReadPlan &plan, FeatureStore &store, ReadReport &report,
                  const std::function<void(double)> &progress, const std::atomic<bool> *cancel)
{
    const GIntBig total = layer.GetFeatureCount(FALSE);
    const bool withLabels = plan.labelField >= 0;
    layer.ResetReading();
    Parts parts;
    std::size_t seen = 0;
    for (auto &feature : layer) {
        ++seen;
        if ((seen & 1023) == 0) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                return false;
            }
            if (progress && total > 0) {
                progress(std::min(1.0, double(seen) / double(total)));
            }
        }
        const OGRGeometry *g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            ++report.skippedEmpty;
            continue;
        }
        parts.clear();
        if (!flatten(*g, plan.kind, parts)) {
            ++report.skippedKind;
            continue;
        }
        std::erase_if(parts, [](const auto &p) { return p.empty(); });
        if (parts.empty()) {
            ++report.skippedEmpty;
            continue;
        }
        if (!finishParts(parts, plan, report)) {
            continue;
        }
        for (const auto &part : parts) {
            store.addPart(part);
        }
        const float kv = mappedNumber(*feature, plan.voltageField, plan);
        const float mw = mappedNumber(*feature, plan.capacityField, plan);
        const float value = plan.valueField >= 0 && feature->IsFieldSetAndNotNull(plan.valueField)
                ? float(feature->GetFieldAsDouble(plan.valueField))
                : kNaNf;
        store.endFeature(feature->GetFID(), kv, mw, value, hazardFlag(*feature, plan.hazardField));
        if (withLabels) {
            const QString label = QString::fromUtf8(feature->GetFieldAsString(plan.labelField));
            store.labels.push_back(isUnknownValue(label, false) ? QString() : label);
        }
    }
    return true;
}

} // namespace maps
