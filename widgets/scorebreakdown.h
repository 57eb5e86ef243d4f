// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the score views show for one site: the score, each factor with its value, weight and
// contribution, and the hard exclusions with their reasons. A plain value made by the app from
// the map's site factors; widgets only display it.

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ui {

struct FactorRow
{
    QString factor; // "Nearest ≥ 230 kV substation"
    QString value; // "12.4 km (345 kV, Abilene North)"
    QString source; // layer the value came from
    double weightShare = 0.0; // 0..1 of the total weight
    std::optional<double> score; // normalised 0..1; none when no value here
    std::optional<double> contribution; // weightShare × score
    bool excludes = false; // this factor is a hard exclusion at this site
    QString reason; // why it excludes, or why there is no value
};

struct ScoreBreakdown
{
    QString siteName;
    double longitude = 0.0;
    double latitude = 0.0;
    std::optional<double> score; // 0..1; none when excluded or a weighted factor has no value
    bool excluded = false;
    QStringList exclusionReasons;
    QList<FactorRow> rows;
    // The grid's N-1 headroom at the bus that would serve the site ("N-1 headroom 1,200 MW at
    // ABILENE 1 0, 230 kV, 2.7 km"), and what limits it (a tooltip); empty without a grid case.
    QString gridHeadroom;
    QString gridHeadroomDetail;
};

// The marker colour of a score: red when excluded, grey when unknown, else a ramp from
// orange-red (0) through yellow to green (1).
QColor scoreColour(const std::optional<double> &score, bool excluded);

// "72 / 100", "excluded", "no score".
QString scoreText(const std::optional<double> &score, bool excluded);

} // namespace ui
