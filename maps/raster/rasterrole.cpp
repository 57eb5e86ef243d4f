// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/raster/rasterrole.h"

#include <algorithm>

namespace maps {

namespace {

// Lowest and highest ground on Earth with a margin (Dead Sea shore -430 m, Everest 8,849 m).
constexpr double kLowestGroundM = -500.0;
constexpr double kHighestGroundM = 9000.0;
// An NLCD palette colours at least this many of its classes (the 2019 legend has 16 in CONUS).
constexpr int kNlcdClassesSeen = 5;

} // namespace

bool isNlcdClass(int code)
{
    static constexpr int codes[] = {11, 12, 21, 22, 23, 24, 31, 41, 42, 43,
                                    51, 52, 71, 72, 73, 74, 81, 82, 90, 95};
    return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

RoleGuess guessRasterRole(const RasterFacts &facts)
{
    for (const QString &text : {facts.name, facts.bandDescription}) {
        if (text.isEmpty())
            continue;
        RoleGuess byName = guessRole(text, {}, GeometryKind::None);
        if (byName.role != LayerRole::Unknown) {
            byName.reason = (&text == &facts.name ? QStringLiteral("file name: ")
                                                  : QStringLiteral("band description: "))
                    + byName.reason;
            return byName;
        }
    }
    const int nlcd =
            int(std::count_if(facts.paletteCodes.begin(), facts.paletteCodes.end(), isNlcdClass));
    // Most coloured entries are NLCD classes; older and regional NLCD palettes also colour a
    // few codes of the 1992 and coastal legends (1, 32, 91-94 in the Puerto Rico extract).
    const bool mostlyNlcd = nlcd >= 0.7 * double(facts.paletteCodes.size());
    if (facts.type == GDT_Byte && nlcd >= kNlcdClassesSeen && mostlyNlcd)
        return {LayerRole::LandCover,
                QStringLiteral("a colour table of %1 NLCD land-cover classes").arg(nlcd)};
    const bool heightType =
            facts.type == GDT_Float32 || facts.type == GDT_Float64 || facts.type == GDT_Int16;
    if (heightType && facts.paletteCodes.empty() && std::isfinite(facts.minimum)
        && std::isfinite(facts.maximum) && facts.minimum >= kLowestGroundM
        && facts.maximum <= kHighestGroundM && facts.maximum > facts.minimum)
        return {LayerRole::Elevation,
                QStringLiteral("%1 values from %2 to %3, plausible heights in metres")
                        .arg(QString::fromUtf8(GDALGetDataTypeName(facts.type)))
                        .arg(facts.minimum, 0, 'f', 0)
                        .arg(facts.maximum, 0, 'f', 0)};
    return {LayerRole::Unknown,
            QStringLiteral("no role recognised from the name, band or values — choose one")};
}

} // namespace maps
