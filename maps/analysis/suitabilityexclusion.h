// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hard exclusion: where its raster is above or below a threshold, or in a set of classes, a
// site is not suitable whatever its score. A pixel without a value does not exclude (the
// point evaluation reports it as missing). A plain value set by the user; copy freely.

#include "maps/raster/rasterlayer.h"

#include <cmath>
#include <set>

namespace maps {

struct SuitabilityExclusion
{
    enum class Rule { Above, Below, InClasses };

    QString name;
    RasterLayerPtr layer;
    Rule rule = Rule::Above;
    double threshold = 0.0;
    std::set<int> classes;

    static SuitabilityExclusion above(QString name, RasterLayerPtr layer, double threshold)
    {
        return {std::move(name), std::move(layer), Rule::Above, threshold, {}};
    }
    static SuitabilityExclusion below(QString name, RasterLayerPtr layer, double threshold)
    {
        return {std::move(name), std::move(layer), Rule::Below, threshold, {}};
    }
    static SuitabilityExclusion inClasses(QString name, RasterLayerPtr layer, std::set<int> classes)
    {
        return {std::move(name), std::move(layer), Rule::InClasses, 0.0, std::move(classes)};
    }

    bool excludes(double value) const
    {
        switch (rule) {
        case Rule::Above:
            return value > threshold; // false for NaN
        case Rule::Below:
            return value < threshold;
        case Rule::InClasses:
            return !std::isnan(value) && classes.count(int(std::lround(value))) > 0;
        }
        return false;
    }

    // Why a value excludes, for the score read-out: "flood depth 1.2 > 0".
    QString reason(double value) const
    {
        switch (rule) {
        case Rule::Above:
            return QStringLiteral("%1 %2 > %3").arg(name).arg(value).arg(threshold);
        case Rule::Below:
            return QStringLiteral("%1 %2 < %3").arg(name).arg(value).arg(threshold);
        case Rule::InClasses:
            return QStringLiteral("%1 class %2 is excluded").arg(name).arg(std::lround(value));
        }
        return name;
    }
};

} // namespace maps
