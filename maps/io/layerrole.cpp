// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/io/layerrole.h"

#include "maps/vector/fieldmapping.h"
#include "maps/vector/voltage.h"

#include <QRegularExpression>

#include <array>

namespace maps {

namespace {

struct NameRule
{
    LayerRole role;
    GeometryKind kind; // None: any geometry
    QStringList words;
};

// Checked in order: specific words first, so "substation_lines" is not taken for a line layer
// unless its geometry says so.
const std::array<NameRule, 10> &nameRules()
{
    static const std::array<NameRule, 10> rules{{
            {LayerRole::Substations,
             GeometryKind::Point,
             {"substation", "sub", "bus", "station", "umspannwerk"}},
            {LayerRole::PowerPlants,
             GeometryKind::Point,
             {"plant", "generator", "power_station", "gen", "powerplant"}},
            {LayerRole::TransmissionLines,
             GeometryKind::Line,
             {"transmission", "line", "circuit", "power", "cable", "grid", "hvdc"}},
            {LayerRole::FloodZones,
             GeometryKind::None,
             {"flood", "nfhl", "fld_haz", "floodplain", "inundation"}},
            {LayerRole::ProtectedAreas,
             GeometryKind::None,
             {"protected", "wdpa", "natura", "reserve", "park", "wilderness"}},
            {LayerRole::LandCover,
             GeometryKind::None,
             {"landcover", "land_cover", "nlcd", "corine", "lulc", "landuse", "land_use"}},
            {LayerRole::LandPrice,
             GeometryKind::None,
             {"price", "parcel", "land_value", "landvalue", "cadastre"}},
            {LayerRole::Climate,
             GeometryKind::None,
             {"climate", "temperature", "koppen", "cdd", "wetbulb", "wet_bulb"}},
            {LayerRole::Elevation,
             GeometryKind::None,
             {"elevation", "dem", "srtm", "elev", "contour", "terrain"}},
            {LayerRole::Boundaries,
             GeometryKind::Polygon,
             {"boundar", "admin", "county", "counties", "state", "country", "countries", "district",
              "canton", "municipal", "border"}},
    }};
    return rules;
}

bool containsWord(const QString &lowerName, const QString &word)
{
    // "sub" and "gen" are matched as whole tokens only; longer words anywhere.
    if (word.size() > 4) {
        return lowerName.contains(word);
    }
    const QStringList tokens =
            lowerName.split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts);
    for (const QString &t : tokens) {
        if (t == word || t == word + QLatin1Char('s') || t == word + QLatin1String("es")) {
            return true;
        }
    }
    return false;
}

bool kindFits(GeometryKind wanted, GeometryKind actual)
{
    return wanted == GeometryKind::None || actual == GeometryKind::None || wanted == actual;
}

RoleGuess guessFromFields(const QStringList &fields, GeometryKind kind)
{
    if (findField(fields, {"fld_zone", "sfha_tf", "zone_subty"}) >= 0) {
        return {LayerRole::FloodZones, QStringLiteral("has flood-zone fields (FLD_ZONE, SFHA_TF)")};
    }
    // Field names in any spelling ("Voltage (kV)", "Nameplate Capacity (MW)").
    const FieldMapping byName = mapFields(fields, {});
    const bool hasVoltage = !byName.field(FieldPurpose::Voltage).isEmpty();
    const bool hasCapacity = !byName.field(FieldPurpose::Capacity).isEmpty();
    if (kind == GeometryKind::Line && hasVoltage) {
        return {LayerRole::TransmissionLines, QStringLiteral("lines with a voltage field")};
    }
    if (kind == GeometryKind::Point && hasCapacity) {
        return {LayerRole::PowerPlants, QStringLiteral("points with a capacity field")};
    }
    if (kind == GeometryKind::Point && hasVoltage) {
        return {LayerRole::Substations, QStringLiteral("points with a voltage field")};
    }
    if (kind == GeometryKind::Polygon
        && findField(fields, {"price", "price_usd", "usd_per_acre", "land_value"}) >= 0) {
        return {LayerRole::LandPrice, QStringLiteral("polygons with a price field")};
    }
    if (kind == GeometryKind::Polygon
        && findField(fields, {"name_1", "name_2", "admin", "geoid", "statefp", "iso_a3", "iso3"})
                >= 0) {
        return {LayerRole::Boundaries, QStringLiteral("polygons with administrative fields")};
    }
    return {};
}

} // namespace

RoleGuess guessRole(const QString &layerName, const QStringList &fieldNames, GeometryKind kind)
{
    const QString lower = layerName.toLower();
    for (const NameRule &rule : nameRules()) {
        if (!kindFits(rule.kind, kind)) {
            continue;
        }
        for (const QString &word : rule.words) {
            if (containsWord(lower, word)) {
                return {rule.role, QStringLiteral("layer name contains '%1'").arg(word)};
            }
        }
    }
    RoleGuess byFields = guessFromFields(fieldNames, kind);
    if (byFields.role == LayerRole::Unknown) {
        byFields.reason = QStringLiteral("no role recognised from the name or fields — choose one");
    }
    return byFields;
}

QString roleName(LayerRole role)
{
    switch (role) {
    case LayerRole::TransmissionLines:
        return QStringLiteral("transmission lines");
    case LayerRole::Substations:
        return QStringLiteral("substations");
    case LayerRole::PowerPlants:
        return QStringLiteral("power plants");
    case LayerRole::LandCover:
        return QStringLiteral("land cover");
    case LayerRole::Elevation:
        return QStringLiteral("elevation");
    case LayerRole::FloodZones:
        return QStringLiteral("flood zones");
    case LayerRole::LandPrice:
        return QStringLiteral("land price");
    case LayerRole::Climate:
        return QStringLiteral("climate");
    case LayerRole::Boundaries:
        return QStringLiteral("boundaries");
    case LayerRole::ProtectedAreas:
        return QStringLiteral("protected areas");
    case LayerRole::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString geometryKindName(GeometryKind kind)
{
    switch (kind) {
    case GeometryKind::Point:
        return QStringLiteral("points");
    case GeometryKind::Line:
        return QStringLiteral("lines");
    case GeometryKind::Polygon:
        return QStringLiteral("polygons");
    case GeometryKind::None:
        break;
    }
    return QStringLiteral("no geometry");
}

LayerRole roleFromName(const QString &name)
{
    for (int r = 0; r <= static_cast<int>(LayerRole::ProtectedAreas); ++r) {
        const auto role = static_cast<LayerRole>(r);
        if (roleName(role).compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return role;
        }
    }
    return LayerRole::Unknown;
}

} // namespace maps
