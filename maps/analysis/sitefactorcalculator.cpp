// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/analysis/sitefactorcalculator.h"

#include <algorithm>

namespace maps {

namespace {

constexpr float kUnknownKv = -1.0F; // how the index stores an unknown voltage

void consider(NearestFeature &best, const VectorLayer &layer, const std::optional<Hit> &hit)
{
    if (!hit || (best.found() && best.distanceM <= hit->distanceM)) {
        return;
    }
    const FeatureStore &s = layer.features();
    best.distanceM = hit->distanceM;
    best.kv = s.kv[hit->feature];
    best.mw = s.mw[hit->feature];
    best.feature = layer.label(hit->feature);
    best.layer = layer.name();
    best.point = hit->nearestPoint;
}

void keepCloser(NearestFeature &best, const NearestFeature &candidate)
{
    if (candidate.found() && (!best.found() || candidate.distanceM < best.distanceM)) {
        best = candidate;
    }
}

bool ringContains(const std::vector<LonLat> &ring, LonLat q)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LonLat &a = ring[i];
        const LonLat &b = ring[j];
        if ((a.lat > q.lat) != (b.lat > q.lat)
            && q.lon < a.lon + (q.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon)) {
            inside = !inside;
        }
    }
    return inside;
}

LonLat centroid(const std::vector<LonLat> &ring)
{
    // Shoelace formula relative to the first vertex, which keeps the products small.
    const LonLat o = ring.front();
    double a = 0.0;
    double cx = 0.0;
    double cy = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const double xi = ring[i].lon - o.lon;
        const double yi = ring[i].lat - o.lat;
        const double xj = ring[j].lon - o.lon;
        const double yj = ring[j].lat - o.lat;
        const double cross = xj * yi - xi * yj;
        a += cross;
        cx += (xj + xi) * cross;
        cy += (yj + yi) * cross;
    }
    if (std::abs(a) < 1e-18) {
        LonLat mean;
        for (const LonLat &p : ring) {
            mean.lon += p.lon / double(ring.size());
            mean.lat += p.lat / double(ring.size());
        }
        return mean;
    }
    return {o.lon + cx / (3.0 * a), o.lat + cy / (3.0 * a)};
}

std::vector<LonLat> outlineSamples(const std::vector<LonLat> &ring, double spacing, int maxSamples)
{
    double perimeter = 0.0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat &a = ring[i];
        const LonLat &b = ring[(i + 1) % ring.size()];
        perimeter += geodesicDistance(a.lon, a.lat, b.lon, b.lat);
    }
    const double step = std::max(spacing, perimeter / std::max(1, maxSamples));
    std::vector<LonLat> samples;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat &a = ring[i];
        const LonLat &b = ring[(i + 1) % ring.size()];
        const int n =
                std::max(1, int(std::ceil(geodesicDistance(a.lon, a.lat, b.lon, b.lat) / step)));
        for (int k = 0; k < n; ++k) {
            const double t = double(k) / n;
            samples.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
        }
    }
    return samples;
}

} // namespace

SiteFactorCalculator::SiteFactorCalculator(std::vector<VectorLayer> layers, RasterSampleFn raster,
                                           SiteFactorOptions options)
    : m_layers(std::move(layers)), m_raster(std::move(raster)), m_options(options)
{}

SiteFactors SiteFactorCalculator::at(LonLat site) const
{
    SiteFactors f;
    f.site = site;
    fillVector(f, site);
    fillPolygons(f, site);
    fillRaster(f, site);
    return f;
}

void SiteFactorCalculator::fillVector(SiteFactors &f, LonLat site) const
{
    for (const VectorLayer &layer : m_layers) {
        if (!layer.isValid()) {
            continue;
        }
        switch (layer.role()) {
        case LayerRole::Substations:
            consider(f.substation, layer, layer.nearest(site));
            consider(f.hvSubstation, layer,
                     layer.nearest(site, KvFilter{m_options.hvSubstationKv}));
            break;
        case LayerRole::TransmissionLines:
            consider(f.line, layer, layer.nearest(site));
            consider(f.lineByClass[0], layer, layer.nearest(site, KvFilter{kUnknownKv, 0.0}));
            for (int c = 1; c < kVoltageClassCount; ++c) {
                const auto range = voltageClassRange(VoltageClass(c));
                consider(f.lineByClass[c], layer,
                         layer.nearest(site, KvFilter{range[0], range[1]}));
            }
            break;
        case LayerRole::PowerPlants:
            consider(f.powerPlant, layer, layer.nearest(site));
            for (const Hit &h : layer.within(site, m_options.plantRadiusM)) {
                const float mw = layer.features().mw[h.feature];
                f.plantMwWithinRadius += std::isnan(mw) ? 0.0 : double(mw);
                ++f.plantsWithinRadius;
            }
            break;
        default:
            break;
        }
    }
}

void SiteFactorCalculator::fillPolygons(SiteFactors &f, LonLat site) const
{
    for (const VectorLayer &layer : m_layers) {
        if (!layer.isValid() || layer.features().kind != GeometryKind::Polygon) {
            continue;
        }
        const FeatureStore &s = layer.features();
        const std::vector<int> inside = layer.containing(site);
        switch (layer.role()) {
        case LayerRole::FloodZones:
        case LayerRole::ProtectedAreas: {
            SourcedValue<bool> &target =
                    layer.role() == LayerRole::FloodZones ? f.inFloodZone : f.inProtectedArea;
            if (target.value.value_or(false)) {
                break; // already inside one
            }
            target = {false, layer.name(), {}};
            for (int feature : inside) {
                if (layer.role() == LayerRole::ProtectedAreas
                    || (s.flags[feature] & FeatureStore::kHazard)) {
                    target = {true, layer.name(), layer.label(feature)};
                    break;
                }
            }
            break;
        }
        case LayerRole::LandCover:
            if (!inside.empty()) {
                f.landClass = {double(s.value[inside.front()]), layer.name(),
                               layer.label(inside.front())};
            }
            break;
        case LayerRole::LandPrice:
            if (!inside.empty() && !std::isnan(s.value[inside.front()])) {
                f.landPrice = {double(s.value[inside.front()]), layer.name(),
                               layer.label(inside.front())};
            }
            break;
        case LayerRole::Climate:
            if (!inside.empty() && !std::isnan(s.value[inside.front()])) {
                f.meanTemperatureC = {double(s.value[inside.front()]), layer.name(),
                                      layer.label(inside.front())};
            }
            break;
        case LayerRole::Boundaries:
            if (!inside.empty() && !f.region.found()) {
                f.region = {layer.label(inside.front()), layer.name(), {}};
            }
            break;
        default:
            break;
        }
    }
}

void SiteFactorCalculator::fillRaster(SiteFactors &f, LonLat site) const
{
    if (!m_raster) {
        return;
    }
    const auto sample = [&](RasterQuantity q, SourcedValue<double> &target) {
        if (const auto s = m_raster(q, site); s && !std::isnan(s->value)) {
            target = {s->value, s->layer, s->label};
        }
    };
    sample(RasterQuantity::LandClass, f.landClass);
    sample(RasterQuantity::ElevationM, f.elevationM);
    sample(RasterQuantity::SlopeDeg, f.slopeDeg);
    sample(RasterQuantity::LandPrice, f.landPrice);
    sample(RasterQuantity::MeanTemperatureC, f.meanTemperatureC);
    sample(RasterQuantity::CoolingDegreeDays, f.coolingDegreeDays);
    // A hazard found by either source stands.
    if (const auto s = m_raster(RasterQuantity::FloodZone, site); s && !std::isnan(s->value)) {
        if (s->value != 0.0 || !f.inFloodZone.value.value_or(false)) {
            f.inFloodZone = {s->value != 0.0, s->layer, s->label};
        }
    }
}

SiteFactors SiteFactorCalculator::forPolygon(const std::vector<LonLat> &input) const
{
    std::vector<LonLat> ring = input;
    if (ring.size() > 1 && ring.front().lon == ring.back().lon
        && ring.front().lat == ring.back().lat) {
        ring.pop_back();
    }
    if (ring.size() < 3) {
        return at(ring.empty() ? LonLat{} : ring.front());
    }
    const LonLat c = centroid(ring);
    SiteFactors f = at(c); // rasters, polygons and plant totals at the centroid
    std::vector<LonLat> samples =
            outlineSamples(ring, m_options.polygonSampleSpacingM, m_options.maxPolygonSamples);
    for (const LonLat &p : samples) {
        SiteFactors s;
        fillVector(s, p);
        keepCloser(f.substation, s.substation);
        keepCloser(f.hvSubstation, s.hvSubstation);
        keepCloser(f.line, s.line);
        keepCloser(f.powerPlant, s.powerPlant);
        for (int k = 0; k < kVoltageClassCount; ++k) {
            keepCloser(f.lineByClass[k], s.lineByClass[k]);
        }
        fillPolygons(s, p);
        if (s.inFloodZone.value.value_or(false)) {
            f.inFloodZone = s.inFloodZone;
        }
        if (s.inProtectedArea.value.value_or(false)) {
            f.inProtectedArea = s.inProtectedArea;
        }
    }
    // A feature whose closest point to the centroid lies inside the site is at distance 0.
    const auto zeroIfInside = [&](NearestFeature &best) {
        if (best.found() && ringContains(ring, best.point)) {
            best.distanceM = 0.0;
        }
    };
    double radius = 0.0;
    for (const LonLat &p : ring) {
        radius = std::max(radius, geodesicDistance(c.lon, c.lat, p.lon, p.lat));
    }
    SiteFactors inner;
    fillVector(inner, c);
    for (NearestFeature *nf :
         {&inner.substation, &inner.hvSubstation, &inner.line, &inner.powerPlant}) {
        if (nf->found() && nf->distanceM <= radius) {
            zeroIfInside(*nf);
        }
    }
    for (auto &lc : inner.lineByClass) {
        if (lc.found() && lc.distanceM <= radius) {
            zeroIfInside(lc);
        }
    }
    keepCloser(f.substation, inner.substation);
    keepCloser(f.hvSubstation, inner.hvSubstation);
    keepCloser(f.line, inner.line);
    keepCloser(f.powerPlant, inner.powerPlant);
    for (int k = 0; k < kVoltageClassCount; ++k) {
        keepCloser(f.lineByClass[k], inner.lineByClass[k]);
    }
    return f;
}

} // namespace maps
