// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/maplegend.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace ui {
namespace {

constexpr double kPad = 6.0;
constexpr double kSymbol = 14.0; // width of a symbol
constexpr double kGap = 5.0;

struct Layout
{
    QFont bold;
    double line = 0.0;
    double width = 0.0;
    double height = 0.0;
};

double noteHeight(const QFontMetricsF &fm, const QString &note, double width)
{
    if (note.isEmpty())
        return 0.0;
    return fm.boundingRect(QRectF(0, 0, width, 1e4), Qt::TextWordWrap, note).height();
}

Layout layoutOf(const QList<LegendSection> &sections, const QFont &font, double maxWidth)
{
    Layout l;
    l.bold = font;
    l.bold.setBold(true);
    const QFontMetricsF fm(font), fb(l.bold);
    l.line = fm.height() + 2.0;
    double widest = 0.0;
    for (const LegendSection &s : sections) {
        widest = std::max(widest, fb.horizontalAdvance(s.title));
        for (const LegendSection::Entry &e : s.entries)
            widest = std::max(widest, kSymbol + kGap + fm.horizontalAdvance(e.label));
    }
    l.width = std::min(maxWidth, widest + 2 * kPad);
    const double inner = l.width - 2 * kPad;
    l.height = kPad;
    for (const LegendSection &s : sections) {
        l.height += fb.boundingRect(QRectF(0, 0, inner, 1e4), Qt::TextWordWrap, s.title).height();
        l.height += l.line * s.entries.size();
        l.height += noteHeight(fm, s.note, inner) + kPad;
    }
    return l;
}

} // namespace

QSizeF legendSize(const QList<LegendSection> &sections, const QFont &font, double maxWidth)
{
    if (sections.isEmpty())
        return {};
    const Layout l = layoutOf(sections, font, maxWidth);
    return {l.width, l.height};
}

void paintLegend(QPainter &painter, const QPointF &bottomLeft, const QList<LegendSection> &sections,
                 const QFont &font, double maxWidth)
{
    if (sections.isEmpty())
        return;
    const Layout l = layoutOf(sections, font, maxWidth);
    const QRectF box(bottomLeft.x(), bottomLeft.y() - l.height, l.width, l.height);
    const double inner = l.width - 2 * kPad;
    const QFontMetricsF fm(font), fb(l.bold);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(150, 150, 150), 1.0));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(box, 4.0, 4.0);
    double y = box.top() + kPad;
    const double x = box.left() + kPad;
    for (const LegendSection &s : sections) {
        painter.setFont(l.bold);
        painter.setPen(QColor(30, 30, 30));
        const QRectF title = fb.boundingRect(QRectF(x, y, inner, 1e4), Qt::TextWordWrap, s.title);
        painter.drawText(QRectF(x, y, inner, title.height()), Qt::TextWordWrap, s.title);
        y += title.height();
        painter.setFont(font);
        for (const LegendSection::Entry &e : s.entries) {
            const double mid = y + l.line / 2.0;
            if (s.symbol == LegendSection::Symbol::Square) {
                painter.setPen(QPen(QColor(40, 40, 40), 0.8));
                painter.setBrush(e.colour);
                painter.drawRect(QRectF(x + 3.0, mid - 4.0, 8.0, 8.0));
            } else {
                painter.setPen(QPen(e.colour, 2.0,
                                    s.symbol == LegendSection::Symbol::DashedLine ? Qt::DashLine
                                                                                  : Qt::SolidLine,
                                    Qt::FlatCap));
                painter.drawLine(QPointF(x, mid), QPointF(x + kSymbol, mid));
            }
            painter.setPen(QColor(30, 30, 30));
            painter.drawText(QRectF(x + kSymbol + kGap, y, inner - kSymbol - kGap, l.line),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(e.label, Qt::ElideRight, inner - kSymbol - kGap));
            y += l.line;
        }
        if (!s.note.isEmpty()) {
            const double h = noteHeight(fm, s.note, inner);
            painter.setPen(QColor(70, 70, 70));
            painter.drawText(QRectF(x, y, inner, h), Qt::TextWordWrap, s.note);
            y += h;
        }
        y += kPad;
    }
    painter.restore();
}

} // namespace ui
