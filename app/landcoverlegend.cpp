// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/landcoverlegend.h"

#include "app/scoringmodel.h"
#include "maps/io/sourceprobe.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <cstdlib>
#include <optional>

namespace app {

namespace {

// A legend fits a palette when this share of the palette's coloured codes are its classes.
constexpr double kPaletteMatch = 0.7;
// A palette colour is a legend's colour when no channel differs by more than this (files that
// were resampled or re-encoded shift colours by a level or two).
constexpr int kColourLevels = 6;

bool sameColour(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= kColourLevels
            && std::abs(a.green() - b.green()) <= kColourLevels
            && std::abs(a.blue() - b.blue()) <= kColourLevels;
}

} // namespace

Legend readLegendFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return {};
    }
    Legend out;
    QTextStream in(&file);
    std::optional<bool> withColour; // from the header line
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!withColour) { // "code,name" or "code,colour,name"
            const QString header = line.toLower().remove(QLatin1Char(' '));
            if (header != QLatin1String("code,name")
                && header != QLatin1String("code,colour,name")) {
                if (error)
                    *error = QStringLiteral("%1: the header '%2' is not 'code,name' or "
                                            "'code,colour,name'")
                                     .arg(path, line);
                return {};
            }
            withColour = header.contains(QLatin1String("colour"));
            continue;
        }
        const qsizetype comma = line.indexOf(QLatin1Char(','));
        bool ok = comma > 0;
        const int code = line.left(comma).trimmed().toInt(&ok);
        QString rest = line.mid(comma + 1).trimmed();
        QColor colour;
        if (ok && *withColour) {
            const qsizetype next = rest.indexOf(QLatin1Char(','));
            colour = QColor::fromString(rest.left(next).trimmed());
            ok = next > 0 && colour.isValid() && rest.left(next).trimmed().startsWith('#');
            rest = rest.mid(next + 1).trimmed();
        }
        QString name = rest;
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"'))
            && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
        if (comma < 0 || !ok || name.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: '%2' is not '%3'")
                                 .arg(path, line,
                                      *withColour ? QStringLiteral("code,#rrggbb,name")
                                                  : QStringLiteral("code,name"));
            return {};
        }
        out.names.insert(code, name);
        if (colour.isValid())
            out.colours.insert(code, colour);
    }
    return out;
}

QMap<int, QString> readLegend(const QString &path, QString *error)
{
    return readLegendFile(path, error).names;
}

namespace {

struct Match
{
    QString file;
    QMap<int, QString> names;
};

// The legend file of dir that the palette fits best (see the header), if any fits.
Match bestLegend(const maps::RasterLayer &layer, const QString &legendDir)
{
    QMap<int, QColor> coloured;
    for (const auto &[code, colour] : layer.colorTable()) {
        if (colour.red() || colour.green() || colour.blue()) // not black filler
            coloured.insert(code, colour);
    }
    if (coloured.isEmpty())
        return {};
    const QDir dir(legendDir.isEmpty() ? defaultResourcePath("legends") : legendDir);
    Match best;
    int bestMatched = 0;
    bool bestByColour = false;
    for (const QString &file : dir.entryList({"*.csv"}, QDir::Files, QDir::Name)) {
        const Legend legend = readLegendFile(dir.filePath(file));
        int matched = 0;
        for (auto it = coloured.begin(); it != coloured.end(); ++it) {
            const auto colour = legend.colours.constFind(it.key());
            if (legend.names.contains(it.key())
                && (colour == legend.colours.cend() || sameColour(*colour, it.value())))
                ++matched;
        }
        // Of two legends that fit as well, the one whose colours fit too wins.
        const bool byColour = !legend.colours.isEmpty();
        const bool better =
                matched > bestMatched || (matched == bestMatched && byColour && !bestByColour);
        if (better && matched >= kPaletteMatch * coloured.size()) {
            bestMatched = matched;
            bestByColour = byColour;
            best = {file, legend.names};
        }
    }
    return best;
}

} // namespace

QMap<int, QString> landCoverClassNames(const maps::RasterLayer &layer, const QString &legendDir)
{
    QMap<int, QString> names;
    if (auto d = maps::describeRaster(layer.path())) {
        for (auto it = d->metadata.begin(); it != d->metadata.end(); ++it) {
            if (it.key().startsWith(QLatin1String("CLASS_")))
                names.insert(it.key().mid(6).toInt(), it.value());
        }
        for (auto it = d->categoryNames.begin(); it != d->categoryNames.end(); ++it)
            names.insert(it.key(), it.value());
    }
    if (!names.isEmpty())
        return names;
    return bestLegend(layer, legendDir).names;
}

QString matchingLegend(const maps::RasterLayer &layer, const QString &legendDir)
{
    return bestLegend(layer, legendDir).file;
}

} // namespace app
