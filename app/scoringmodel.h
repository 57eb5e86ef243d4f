// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The user's site-score settings as read from a file: factors with worst/best values and weights,
// land classes that exclude a site, and defaults for site conditions no layer gives (electricity
// price, hourly temperature spread). Read from resources/defaults/site-scoring.json or a user's
// copy. A plain value; copy freely.

#include "common/expected.h"
#include "planner/core/scoring/scoremodel.h"

#include <QMap>
#include <QString>
#include <QVector>

#include <optional>

namespace app {

struct ScoringFactor
{
    QString id; // hv_substation_distance, line_voltage, slope, land_class, land_price, …
    QString name;
    double worst = 0.0;
    double best = 1.0;
    double weight = 1.0;
    QString unit;
    QString why; // the reason for the default, for tooltips
    double minKv = 0.0; // hv_substation_distance
    // Distance factors: features farther than this (km) do not count, the factor scores 0 and
    // says "none within N km"; reachWhy is the reason for the default.
    std::optional<double> reachKm;
    QString reachWhy;
    std::optional<double> excludeAbove; // slope
    QMap<int, double> classScores; // land_class
    QMap<int, QString> excludedClasses; // land_class: code -> reason
};

struct SourcedDefault
{
    double value = 0.0;
    QString source;
    QString year;
};

struct ScoringModel
{
    QVector<ScoringFactor> factors;
    QString floodExclusion; // reason text; empty: flood zones do not exclude
    QString market; // interconnection market, a suffix of "interconnection.<market>"
    SourcedDefault electricityPrice;
    SourcedDefault dryBulbSpreadK;
    SourcedDefault wetBulbSpreadK;
    SourcedDefault designDryBulbAboveHottestK;
    SourcedDefault designWetBulbAboveHottestK;

    const ScoringFactor *factor(const QString &id) const;
    // The numeric model every score is computed with (planner/core/scoring).
    planner::ScoreModel scoreModel() const;
};

// Reads a scoring file; errors name the file and the field.
energize::Expected<ScoringModel> loadScoringModel(const QString &path);

// The bundled defaults (ENERGIZE_SOURCE_DIR/resources/defaults or the installed copy).
QString defaultResourcePath(const QString &relative);

} // namespace app
