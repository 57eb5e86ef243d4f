// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/siteanalyzer.h"

#include "app/landcoverlegend.h"
#include "app/sitefactorvalues.h"
#include "maps/analysis/slope.h"
#include "maps/io/sourceprobe.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace app {
namespace {

constexpr double kHectaresPerAcre = 0.40468564224;

struct NamedSampler
{
    std::optional<maps::RasterSampler> sampler;
    QString layer;
};

const char *const kMonths[12] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};

QString km(double metres)
{
    return QLocale().toString(metres / 1000.0, 'f', metres < 10000.0 ? 1 : 0) + " km";
}

QString megawatts(planner::Megawatts v)
{
    return std::isfinite(v.value())
            ? QObject::tr("%1 MW").arg(QLocale().toString(v.value(), 'f', 0))
            : QObject::tr("unlimited");
}

} // namespace

struct SiteAnalyzer::Samplers
{
    NamedSampler landCover, elevation, landPrice, meanDryBulb;
    std::array<NamedSampler, 12> dryBulb, wetBulb;
    QMap<int, QString> classNames;
};

namespace {

NamedSampler makeSampler(const maps::RasterLayerPtr &layer, const QString &name, int band = 0)
{
    NamedSampler out;
    out.layer = name;
    maps::RasterLayerPtr source = layer;
    if (band > 0) {
        auto other = maps::RasterLayer::open(layer->path(), layer->role(), band);
        if (!other)
            return out;
        source = *other;
    }
    auto sampler = maps::RasterSampler::create(source, QStringLiteral("EPSG:4326"));
    if (sampler)
        out.sampler.emplace(std::move(*sampler));
    return out;
}

std::optional<double> sample(NamedSampler &s, maps::LonLat p)
{
    if (!s.sampler)
        return std::nullopt;
    return s.sampler->sample(p.lon, p.lat);
}

} // namespace

maps::SiteFactorGridInputs siteFactorInputs(const MapScene &scene)
{
    maps::SiteFactorGridInputs in;
    for (const MapScene::Entry &entry : scene.entries) {
        const LoadedLayer &layer = *entry.layer;
        if (layer.vector) {
            in.vectors.push_back(*layer.vector);
            continue;
        }
        if (!layer.raster)
            continue;
        switch (layer.raster->role()) {
        case maps::LayerRole::LandCover:
            in.landCover = layer.raster;
            break;
        case maps::LayerRole::Elevation:
            in.elevation = layer.raster;
            break;
        case maps::LayerRole::LandPrice:
            in.landPrice = layer.raster;
            break;
        case maps::LayerRole::Climate:
            in.meanTemperature = layer.raster;
            break;
        default:
            break;
        }
    }
    return in;
}

std::vector<std::shared_ptr<const GridLayerData>> sceneGrids(const MapScene &scene)
{
    std::vector<std::shared_ptr<const GridLayerData>> grids;
    for (const MapScene::Entry &entry : scene.entries) {
        if (entry.layer->grid && entry.visible
            && std::find(grids.begin(), grids.end(), entry.layer->grid) == grids.end())
            grids.push_back(entry.layer->grid);
    }
    return grids;
}

planner::ScoreModel scoreModelFor(const ScoringModel &model,
                                  const std::vector<std::shared_ptr<const GridLayerData>> &grids)
{
    planner::ScoreModel score = model.scoreModel();
    const bool studied = std::any_of(grids.begin(), grids.end(),
                                     [](const auto &g) { return g->study() != nullptr; });
    const int k = score.indexOf("grid_headroom");
    if (k >= 0 && !studied)
        score.factors[std::size_t(k)].weight = 0.0;
    return score;
}

void headroomValuePoints(const std::vector<std::shared_ptr<const GridLayerData>> &grids,
                         double minKv, maps::SiteFactorGridInputs &inputs)
{
    inputs.valuePoints.clear();
    inputs.pointValues.clear();
    for (const auto &g : grids) {
        if (g->study())
            g->headroomPoints(minKv, inputs.valuePoints, inputs.pointValues);
    }
}

SiteAnalyzer::SiteAnalyzer(const MapScene &scene, ScoringModel model)
    : m_samplers(std::make_unique<Samplers>()), m_model(std::move(model)),
      m_grids(sceneGrids(scene))
{
    m_scoreModel = scoreModelFor(m_model, m_grids);
    if (const ScoringFactor *headroom = m_model.factor("grid_headroom"))
        m_headroomKv = headroom->minKv;
    else if (const ScoringFactor *hv = m_model.factor("hv_substation_distance"))
        m_headroomKv = hv->minKv;
    maps::SiteFactorGridInputs in = siteFactorInputs(scene);
    auto nameOf = [](const maps::RasterLayerPtr &layer) {
        return layer ? QFileInfo(layer->path()).completeBaseName() : QString();
    };
    for (const MapScene::Entry &entry : scene.entries) {
        if (entry.layer->raster)
            m_layerNames.insert(entry.layer->raster.get(),
                                QString::fromStdString(entry.layer->ref.name));
    }
    auto named = [&](const maps::RasterLayerPtr &layer) {
        return m_layerNames.value(layer.get(), nameOf(layer));
    };
    if (in.landCover) {
        m_samplers->landCover = makeSampler(in.landCover, named(in.landCover));
        m_samplers->classNames = landCoverClassNames(*in.landCover);
    }
    if (in.elevation)
        m_samplers->elevation = makeSampler(in.elevation, named(in.elevation));
    if (in.landPrice)
        m_samplers->landPrice = makeSampler(in.landPrice, named(in.landPrice));
    if (in.meanTemperature) {
        const maps::RasterLayerPtr &climate = in.meanTemperature;
        const QString name = named(climate);
        m_samplers->meanDryBulb = makeSampler(climate, name);
        if (auto d = maps::describeRaster(climate->path())) {
            // Monthly bands are found by their descriptions ("July mean dry-bulb …").
            for (int b = 0; b < d->bandDescriptions.size(); ++b) {
                const QString text = d->bandDescriptions.at(b);
                for (int m = 0; m < 12; ++m) {
                    if (!text.startsWith(QLatin1String(kMonths[m]), Qt::CaseInsensitive))
                        continue;
                    if (text.contains("dry-bulb", Qt::CaseInsensitive))
                        m_samplers->dryBulb[m] = makeSampler(climate, name, b + 1);
                    else if (text.contains("wet-bulb", Qt::CaseInsensitive))
                        m_samplers->wetBulb[m] = makeSampler(climate, name, b + 1);
                }
            }
        }
    }
    maps::SiteFactorOptions options;
    if (const ScoringFactor *hv = m_model.factor("hv_substation_distance"))
        options.hvSubstationKv = hv->minKv;
    m_calculator.emplace(
            std::move(in.vectors),
            [this](maps::RasterQuantity q, maps::LonLat p) { return sampleRaster(q, p); }, options);
}

SiteAnalyzer::~SiteAnalyzer() = default;

std::optional<maps::RasterSample> SiteAnalyzer::sampleRaster(maps::RasterQuantity q, maps::LonLat p)
{
    Samplers &s = *m_samplers;
    auto make = [](std::optional<double> v, const QString &layer,
                   const QString &label = {}) -> std::optional<maps::RasterSample> {
        if (!v)
            return std::nullopt;
        return maps::RasterSample{*v, layer, label};
    };
    switch (q) {
    case maps::RasterQuantity::LandClass: {
        const auto v = sample(s.landCover, p);
        return make(v, s.landCover.layer, v ? s.classNames.value(int(*v)) : QString());
    }
    case maps::RasterQuantity::ElevationM:
        return make(sample(s.elevation, p), s.elevation.layer);
    case maps::RasterQuantity::SlopeDeg:
        if (!s.elevation.sampler)
            return std::nullopt;
        return make(maps::Slope::at(*s.elevation.sampler, p.lon, p.lat), s.elevation.layer);
    case maps::RasterQuantity::LandPrice:
        return make(sample(s.landPrice, p), s.landPrice.layer);
    case maps::RasterQuantity::MeanTemperatureC:
        return make(sample(s.meanDryBulb, p), s.meanDryBulb.layer);
    default:
        return std::nullopt;
    }
}

SiteAnalysis SiteAnalyzer::analyze(const QString &name, double longitude, double latitude,
                                   const std::vector<planner::GeoPoint> &outline)
{
    SiteAnalysis a;
    const maps::LonLat p{longitude, latitude};
    if (outline.size() >= 3) {
        std::vector<maps::LonLat> ring;
        ring.reserve(outline.size());
        for (const planner::GeoPoint &v : outline)
            ring.push_back({v.longitude, v.latitude});
        a.factors = m_calculator->forPolygon(ring);
    } else {
        a.factors = m_calculator->at(p);
    }
    a.breakdown.siteName = name;
    a.breakdown.longitude = longitude;
    a.breakdown.latitude = latitude;
    fillConditions(a, p);
    scoreFactors(a);
    return a;
}

void SiteAnalyzer::scoreFactors(SiteAnalysis &a) const
{
    const auto &headroom = a.conditions.gridHeadroom;
    a.score = planner::scoreSite(
            m_scoreModel,
            scoreInputs(m_scoreModel, a.factors, headroom ? headroom->n1.value() : double(NAN),
                        headroom && headroom->distance ? headroom->distance->value()
                                                       : double(NAN)));
    formatRows(a);
    a.breakdown.excluded = a.score.excluded;
    a.breakdown.score = a.score.score;
}

void SiteAnalyzer::formatRows(SiteAnalysis &a) const
{
    const maps::SiteFactors &f = a.factors;
    for (std::size_t i = 0; i < m_scoreModel.factors.size(); ++i) {
        const ScoringFactor &factor = m_model.factors.at(qsizetype(i));
        const planner::FactorScore &s = a.score.factors[i];
        ui::FactorRow row;
        row.factor = factor.name;
        row.weightShare = s.weightShare;
        row.score = s.normalised;
        row.contribution = s.contribution;
        row.excludes = s.excludes;
        if (s.beyondReach && factor.reachKm) {
            // Past the factor's reach: scores 0; the nearest one is named for what it is.
            const QString reachKm = QLocale().toString(*factor.reachKm, 'g', 6);
            if (factor.id == "line_voltage") {
                const QString kv = std::isnan(f.line.kv)
                        ? QObject::tr("voltage unknown")
                        : QStringLiteral("%1 kV").arg(f.line.kv, 0, 'f', 0);
                row.value = QObject::tr("none within %1 km (nearest: %2 at %3)")
                                    .arg(reachKm, kv, km(f.line.distanceM));
                row.source = f.line.layer;
            } else if (factor.id == "hv_substation_distance") {
                row.value = QObject::tr("none within %1 km (nearest: %2, %3)")
                                    .arg(reachKm, f.hvSubstation.feature)
                                    .arg(km(f.hvSubstation.distanceM));
                row.source = f.hvSubstation.layer;
            } else if (factor.id == "grid_headroom" && a.conditions.gridHeadroom) {
                const planner::GridHeadroom &h = *a.conditions.gridHeadroom;
                row.value =
                        QObject::tr("none within %1 km (nearest: %2, %3 N-1 at %4)")
                                .arg(reachKm, QString::fromStdString(h.busName), megawatts(h.n1),
                                     km(h.distance ? h.distance->value() * 1000.0 : NAN));
                row.source = QString::fromStdString(h.gridCase);
            } else {
                row.value = QObject::tr("none within %1 km").arg(reachKm);
            }
            row.reason = factor.reachWhy;
        } else if (s.value && factor.id == "hv_substation_distance") {
            row.value = QObject::tr("%1 (%2 kV, %3)")
                                .arg(km(f.hvSubstation.distanceM))
                                .arg(f.hvSubstation.kv, 0, 'f', 0)
                                .arg(f.hvSubstation.feature);
            row.source = f.hvSubstation.layer;
        } else if (s.value && factor.id == "line_voltage") {
            row.value = QObject::tr("%1 kV line at %2")
                                .arg(*s.value, 0, 'f', 0)
                                .arg(km(f.line.distanceM));
            row.source = f.line.layer;
        } else if (s.value && factor.id == "slope") {
            row.value = QStringLiteral("%1°").arg(*s.value, 0, 'f', 1);
            row.source = f.slopeDeg.layer;
            if (s.excludes)
                row.reason = QObject::tr("steeper than %1°").arg(*factor.excludeAbove);
        } else if (s.value && factor.id == "land_class") {
            const int code = int(std::lround(*s.value));
            row.value = f.landClass.label.isEmpty()
                    ? QObject::tr("class %1").arg(code)
                    : QStringLiteral("%1 (%2)").arg(f.landClass.label).arg(code);
            row.source = f.landClass.layer;
            if (s.excludes)
                row.reason = factor.excludedClasses.value(code);
        } else if (s.value && factor.id == "land_price") {
            row.value = QStringLiteral("%1 %2").arg(QLocale().toString(qRound64(*s.value)),
                                                    factor.unit);
            row.source = f.landPrice.layer;
        } else if (factor.id == "grid_headroom" && a.conditions.gridHeadroom) {
            const planner::GridHeadroom &h = *a.conditions.gridHeadroom;
            row.value = QObject::tr("%1 N-1 at %2 (%3 kV, %4)")
                                .arg(megawatts(h.n1), QString::fromStdString(h.busName))
                                .arg(h.busVoltage ? h.busVoltage->value() : NAN, 0, 'f', 0)
                                .arg(km(h.distance ? h.distance->value() * 1000.0 : NAN));
            row.source = QString::fromStdString(h.gridCase);
        } else if (factor.id == "grid_headroom" && !(m_scoreModel.factors[i].weight > 0.0)) {
            row.value = QObject::tr("no grid case");
            row.reason = QObject::tr("not weighed: add a grid case (MATPOWER) to the project to "
                                     "score the headroom at the serving bus");
        } else if (s.value && factor.id == "mean_temperature") {
            row.value = QStringLiteral("%1 °C").arg(*s.value, 0, 'f', 1);
            row.source = f.meanTemperatureC.layer;
        } else if (s.value) {
            row.value = QStringLiteral("%1 %2").arg(*s.value).arg(factor.unit);
        }
        if (row.value.isEmpty()) {
            row.value = QObject::tr("no value here");
            row.reason = QObject::tr("no layer with this role covers the site");
        }
        if (row.excludes)
            a.breakdown.exclusionReasons << QStringLiteral("%1: %2").arg(factor.name, row.reason);
        a.breakdown.rows.append(row);
    }
    if (!m_model.floodExclusion.isEmpty()) {
        ui::FactorRow flood;
        flood.factor = QObject::tr("Flood zone");
        flood.source = f.inFloodZone.layer;
        const bool inside = f.inFloodZone.found() && *f.inFloodZone.value;
        flood.value = !f.inFloodZone.found() ? QObject::tr("no flood layer")
                : inside ? QObject::tr("inside zone %1").arg(f.inFloodZone.label)
                         : QObject::tr("outside");
        if (a.score.floodExcludes) {
            flood.excludes = true;
            flood.reason = m_model.floodExclusion;
            a.breakdown.exclusionReasons
                    << QStringLiteral("%1: %2").arg(flood.factor, m_model.floodExclusion);
        }
        a.breakdown.rows.append(flood);
    }
}

void SiteAnalyzer::fillConditions(SiteAnalysis &a, maps::LonLat p)
{
    const maps::SiteFactors &f = a.factors;
    planner::SiteConditions &c = a.conditions;
    Samplers &s = *m_samplers;
    planner::Climate &climate = c.climate;
    bool monthly = true;
    for (int m = 0; m < 12; ++m) {
        const auto dry = sample(s.dryBulb[std::size_t(m)], p);
        const auto wet = sample(s.wetBulb[std::size_t(m)], p);
        if (!dry || !wet) {
            monthly = false;
            break;
        }
        climate.monthlyDryBulb[std::size_t(m)] = planner::Celsius(*dry);
        climate.monthlyWetBulb[std::size_t(m)] = planner::Celsius(*wet);
    }
    a.hasClimate = monthly;
    if (monthly) {
        a.conditionNotes << QObject::tr("monthly temperatures: %1").arg(s.dryBulb[0].layer);
        double hottestDry = -1e9, hottestWet = -1e9;
        for (int m = 0; m < 12; ++m) {
            hottestDry = std::max(hottestDry, climate.monthlyDryBulb[std::size_t(m)].value());
            hottestWet = std::max(hottestWet, climate.monthlyWetBulb[std::size_t(m)].value());
        }
        climate.designDryBulb =
                planner::Celsius(hottestDry + m_model.designDryBulbAboveHottestK.value);
        climate.designWetBulb =
                planner::Celsius(hottestWet + m_model.designWetBulbAboveHottestK.value);
        climate.dryBulbSpreadK = m_model.dryBulbSpreadK.value;
        climate.wetBulbSpreadK = m_model.wetBulbSpreadK.value;
    }
    if (f.elevationM.found())
        c.elevation = planner::Metres(*f.elevationM.value);
    if (f.landPrice.found())
        c.landPrice = planner::UsdPerHectare(*f.landPrice.value / kHectaresPerAcre);
    c.electricityPrice = planner::UsdPerMwh(m_model.electricityPrice.value);
    a.conditionNotes << QObject::tr("electricity price: %1 (%2)")
                                .arg(m_model.electricityPrice.source,
                                     m_model.electricityPrice.year);
    const double hvKv = m_model.factor("hv_substation_distance")
            ? m_model.factor("hv_substation_distance")->minKv
            : 0.0;
    for (const maps::NearestFeature &line : f.lineByClass) {
        if (!line.found() || !std::isfinite(line.kv))
            continue;
        const maps::NearestFeature &sub = line.kv >= hvKv ? f.hvSubstation : f.substation;
        planner::GridAccess access;
        access.voltage = planner::Kilovolts(line.kv);
        access.lineDistance = planner::Kilometres(line.distanceM / 1000.0);
        access.substationDistance =
                planner::Kilometres((sub.found() ? sub.distanceM : line.distanceM) / 1000.0);
        c.grid.push_back(access);
    }
    if (f.landClass.found())
        c.landClass = f.landClass.label.toStdString();
    c.floodZone = f.inFloodZone.found() && *f.inFloodZone.value;
    // The score's serving bus (the grid_headroom factor's voltage) and the serving bus at every
    // voltage level of the cases, for the plan at its interconnection voltage.
    c.gridHeadroom = gridHeadroomAt(m_grids, p.lon, p.lat, m_headroomKv);
    c.servingBuses = servingBusesAt(m_grids, p.lon, p.lat);
    if (c.gridHeadroom) {
        describeHeadroom(*c.gridHeadroom, a.breakdown);
        a.conditionNotes << QObject::tr("grid headroom: %1, nearest bus at or above %2 kV")
                                    .arg(QString::fromStdString(c.gridHeadroom->gridCase))
                                    .arg(m_headroomKv);
    }
}

void describeHeadroom(const planner::GridHeadroom &h, ui::ScoreBreakdown &breakdown)
{
    const QLocale locale;
    breakdown.gridHeadroom =
            QObject::tr("Grid headroom N-1 %1 (N %2) at %3, %4 kV, %5 km")
                    .arg(megawatts(h.n1), megawatts(h.n), QString::fromStdString(h.busName))
                    .arg(h.busVoltage ? h.busVoltage->value() : NAN)
                    .arg(locale.toString(h.distance ? h.distance->value() : NAN, 'f', 1));
    breakdown.gridHeadroomDetail =
            QObject::tr("Limited under N-1 by %1. From a DC power flow on %2: the extra load "
                        "this bus can take, the nearest at or above the voltage it serves.")
                    .arg(h.bindingN1.empty() ? QObject::tr("nothing")
                                             : QString::fromStdString(h.bindingN1),
                         QString::fromStdString(h.gridCase));
}

namespace {

std::string bindingText(const planner::HeadroomStudy &study, const planner::HeadroomBinding &b)
{
    switch (b.limit) {
    case planner::HeadroomLimit::None:
        return {};
    case planner::HeadroomLimit::Generation:
        return QObject::tr("the island's spare generation").toStdString();
    case planner::HeadroomLimit::NotServable:
        return QObject::tr("not servable (isolated, or no spare generation)").toStdString();
    case planner::HeadroomLimit::Branch:
        break;
    }
    std::string text = study.describeBranch(b.branch);
    if (b.outage >= 0)
        text += QObject::tr(" after the outage of ").toStdString() + study.describeBranch(b.outage);
    return text;
}

} // namespace

namespace {

planner::GridHeadroom headroomAtBus(const GridLayerData &g, const NearestBus &near,
                                    const planner::BusHeadroom &h)
{
    const planner::GridBus &bus = g.grid().buses[std::size_t(near.busIndex)];
    planner::GridHeadroom out;
    out.n = planner::Megawatts(h.headroomNMw);
    out.n1 = planner::Megawatts(scoredHeadroomMw(h));
    // The name alone: the views add the number and kV from busId and busVoltage.
    out.busName = bus.name.empty() ? "bus " + std::to_string(bus.id) : bus.name;
    out.busId = bus.id;
    if (bus.baseKv > 0.0)
        out.busVoltage = planner::Kilovolts(bus.baseKv);
    out.distance = planner::Kilometres(near.distanceKm);
    out.bindingN1 = bindingText(*g.study(), h.bindingN1);
    out.bindingN = bindingText(*g.study(), h.bindingN);
    out.gridCase = g.name().toStdString();
    return out;
}

// The nearest studied bus at or above each of minKvs over all cases (the first case on ties).
std::vector<std::optional<planner::GridHeadroom>>
headroomsAt(const std::vector<std::shared_ptr<const GridLayerData>> &grids, double lon, double lat,
            const std::vector<double> &minKvs)
{
    std::vector<std::optional<planner::GridHeadroom>> best(minKvs.size());
    for (const auto &g : grids) {
        if (!g->study())
            continue;
        const auto near = g->nearestBuses(lon, lat, minKvs);
        for (std::size_t k = 0; k < minKvs.size(); ++k) {
            if (!near[k]
                || (best[k] && *best[k]->distance <= planner::Kilometres(near[k]->distanceKm)))
                continue;
            if (const planner::BusHeadroom *h = g->headroomOf(near[k]->busIndex))
                best[k] = headroomAtBus(*g, *near[k], *h);
        }
    }
    return best;
}

} // namespace

std::optional<planner::GridHeadroom>
gridHeadroomAt(const std::vector<std::shared_ptr<const GridLayerData>> &grids, double lon,
               double lat, double minKv)
{
    return headroomsAt(grids, lon, lat, {minKv}).front();
}

std::vector<planner::ServingBus>
servingBusesAt(const std::vector<std::shared_ptr<const GridLayerData>> &grids, double lon,
               double lat)
{
    std::vector<double> levels;
    for (const auto &g : grids) {
        if (g->study())
            levels.insert(levels.end(), g->voltageLevels().begin(), g->voltageLevels().end());
    }
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    const auto found = headroomsAt(grids, lon, lat, levels);
    std::vector<planner::ServingBus> out;
    for (std::size_t k = 0; k < levels.size(); ++k) {
        if (found[k])
            out.push_back({planner::Kilovolts(levels[k]), *found[k]});
    }
    return out;
}

} // namespace app
