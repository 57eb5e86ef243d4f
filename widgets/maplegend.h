// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The legend the canvas draws over the map: a few sections, each a title, coloured symbols with
// labels and an optional note (e.g. "schematic: straight lines between substations, not
// routes"). Plain values made by the app from its scene; painting is a pure function.

#include <QColor>
#include <QList>
#include <QString>

class QPainter;
class QPointF;
class QFont;
class QSizeF;

namespace ui {

struct LegendSection
{
    enum class Symbol { Square, Line, DashedLine };
    struct Entry
    {
        QColor colour;
        QString label;
        bool operator==(const Entry &) const = default;
    };
    QString title;
    Symbol symbol = Symbol::Square;
    QList<Entry> entries;
    QString note;

    bool operator==(const LegendSection &) const = default;
};

// The size of the legend box for these sections at most maxWidth pixels wide.
QSizeF legendSize(const QList<LegendSection> &sections, const QFont &font, double maxWidth);
// Paints the box with its bottom-left corner at bottomLeft.
void paintLegend(QPainter &painter, const QPointF &bottomLeft, const QList<LegendSection> &sections,
                 const QFont &font, double maxWidth);

} // namespace ui
