// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/landcoverlegend.h"

#include "app/scoringmodel.h"
#include "maps/io/sourceprobe.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

namespace app {

namespace {

// A legend fits a palette when this share of the palette's coloured codes are its classes.
constexpr double kPaletteMatch = 0.7;

} // namespace

QMap<int, QString> readLegend(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return {};
    }
    QMap<int, QString> out;
    QTextStream in(&file);
    bool header = true;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (header) { // "code,name"
            header = false;
            continue;
        }
        const qsizetype comma = line.indexOf(QLatin1Char(','));
        bool ok = false;
        const int code = line.left(comma).trimmed().toInt(&ok);
        QString name = line.mid(comma + 1).trimmed();
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"'))
            && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
        if (comma < 0 || !ok || name.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: '%2' is not 'code,name'").arg(path, line);
            return {};
        }
        out.insert(code, name);
    }
    return out;
}

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
    QList<int> coloured;
    for (const auto &[code, colour] : layer.colorTable()) {
        if (colour.red() || colour.green() || colour.blue()) // not black filler
            coloured << code;
    }
    if (coloured.isEmpty())
        return {};
    const QDir dir(legendDir.isEmpty() ? defaultResourcePath("legends") : legendDir);
    int bestMatched = 0;
    for (const QString &file : dir.entryList({"*.csv"}, QDir::Files, QDir::Name)) {
        const QMap<int, QString> legend = readLegend(dir.filePath(file));
        const int matched = int(std::count_if(coloured.begin(), coloured.end(),
                                              [&](int c) { return legend.contains(c); }));
        if (matched > bestMatched && matched >= kPaletteMatch * coloured.size()) {
            bestMatched = matched;
            names = legend;
        }
    }
    return names;
}

} // namespace app
