// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportblocks.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace app::report {

namespace {

constexpr double kCellPadX = 4.0;
constexpr double kCellPadY = 2.5;

QFont sized(const QFont &base, double points, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

double textHeight(const QFont &font, QPaintDevice *device, double width, const QString &text,
                  int wrap = Qt::TextWordWrap)
{
    const QFontMetricsF fm(font, device);
    return fm.boundingRect(QRectF(0, 0, width, 1e6), wrap, text).height();
}

int wrapOf(const TableColumn &c)
{
    return c.wrapAnywhere ? Qt::TextWrapAnywhere : Qt::TextWordWrap;
}

} // namespace

ReportStyle ReportStyle::standard()
{
    ReportStyle s;
    QFont base(QStringLiteral("DejaVu Sans"));
    base.setStyleHint(QFont::SansSerif);
    s.body = sized(base, 9.0);
    s.small = sized(base, 7.5);
    s.table = sized(base, 7.5);
    s.tableHead = sized(base, 7.5, true);
    s.h1 = sized(base, 16.0, true);
    s.h2 = sized(base, 12.0, true);
    s.h3 = sized(base, 10.0, true);
    s.title = sized(base, 26.0, true);
    s.subtitle = sized(base, 13.0);
    return s;
}

QFont TextBlock::font(const ReportStyle &style) const
{
    switch (m_kind) {
    case Kind::Heading1:
        return style.h1;
    case Kind::Heading2:
        return style.h2;
    case Kind::Heading3:
        return style.h3;
    case Kind::Small:
        return style.small;
    case Kind::Paragraph:
    case Kind::Bullet:
    case Kind::Warning:
        return style.body;
    }
    return style.body;
}

double TextBlock::spaceAfter() const
{
    switch (m_kind) {
    case Kind::Heading1:
        return mm(4.0);
    case Kind::Heading2:
    case Kind::Heading3:
        return mm(2.0);
    case Kind::Bullet:
        return mm(1.2);
    default:
        return mm(2.5);
    }
}

void TextBlock::measure(const ReportStyle &style, QPaintDevice *device, double width)
{
    const double indent = m_kind == Kind::Bullet ? mm(4.0) : 0.0;
    m_height = textHeight(font(style), device, width - indent, m_text);
    if (m_kind == Kind::Heading1)
        m_height += mm(1.5); // the rule under it
}

void TextBlock::paint(QPainter &painter, const QRectF &rect, int, int,
                      const PaintContext &context) const
{
    const ReportStyle &style = *context.style;
    painter.save();
    painter.setFont(font(style));
    QRectF r = rect;
    switch (m_kind) {
    case Kind::Heading1:
        painter.setPen(style.accent);
        painter.drawText(r, Qt::TextWordWrap, m_text);
        painter.setPen(QPen(style.accent, 1.2));
        painter.drawLine(QPointF(r.left(), r.bottom() - mm(0.5)),
                         QPointF(r.right(), r.bottom() - mm(0.5)));
        break;
    case Kind::Heading2:
    case Kind::Heading3:
        painter.setPen(style.accent);
        painter.drawText(r, Qt::TextWordWrap, m_text);
        break;
    case Kind::Bullet:
        painter.setPen(Qt::black);
        painter.drawText(QRectF(r.left(), r.top(), mm(4.0), r.height()), Qt::AlignLeft,
                         QStringLiteral("•"));
        painter.drawText(r.adjusted(mm(4.0), 0, 0, 0), Qt::TextWordWrap, m_text);
        break;
    case Kind::Warning:
        painter.setPen(style.warning);
        painter.drawText(r, Qt::TextWordWrap, m_text);
        break;
    case Kind::Small:
        painter.setPen(QColor(70, 70, 70));
        painter.drawText(r, Qt::TextWordWrap, m_text);
        break;
    case Kind::Paragraph:
        painter.setPen(Qt::black);
        painter.drawText(r, Qt::TextWordWrap, m_text);
        break;
    }
    painter.restore();
}

std::vector<double> TableBlock::columnWidths(double width) const
{
    const double total =
            std::accumulate(m_columns.begin(), m_columns.end(), 0.0,
                            [](double s, const TableColumn &c) { return s + c.weight; });
    std::vector<double> w;
    for (const TableColumn &c : m_columns)
        w.push_back(width * c.weight / total);
    return w;
}

void TableBlock::measure(const ReportStyle &style, QPaintDevice *device, double width)
{
    const std::vector<double> widths = columnWidths(width);
    auto rowHeight = [&](const QStringList &cells, const QFont &font) {
        double h = 0.0;
        for (std::size_t c = 0; c < widths.size(); ++c)
            h = std::max(h,
                         textHeight(font, device, widths[c] - 2 * kCellPadX,
                                    cells.value(qsizetype(c)), wrapOf(m_columns[c])));
        return h + 2 * kCellPadY;
    };
    QStringList head;
    for (const TableColumn &c : m_columns)
        head << c.title;
    m_head = rowHeight(head, style.tableHead);
    m_heights.clear();
    for (const TableRow &row : m_rows)
        m_heights.push_back(rowHeight(row.cells, row.bold ? style.tableHead : style.table));
}

void TableBlock::paint(QPainter &painter, const QRectF &rect, int first, int last,
                       const PaintContext &context) const
{
    const ReportStyle &style = *context.style;
    const std::vector<double> widths = columnWidths(rect.width());
    painter.save();
    auto drawRow = [&](double y, double h, const QStringList &cells, const QFont &font,
                       const std::vector<int> &highlighted) {
        double x = rect.left();
        painter.setFont(font);
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const QRectF cell(x, y, widths[c], h);
            if (std::find(highlighted.begin(), highlighted.end(), int(c)) != highlighted.end())
                painter.fillRect(cell, style.best);
            painter.setPen(Qt::black);
            painter.drawText(cell.adjusted(kCellPadX, kCellPadY, -kCellPadX, -kCellPadY),
                             int(m_columns[c].align | Qt::AlignTop) | wrapOf(m_columns[c]),
                             cells.value(qsizetype(c)));
            x += widths[c];
        }
    };
    double y = rect.top();
    QStringList head;
    for (const TableColumn &c : m_columns)
        head << c.title;
    painter.fillRect(QRectF(rect.left(), y, rect.width(), m_head), QColor(226, 233, 240));
    drawRow(y, m_head, head, style.tableHead, {});
    y += m_head;
    painter.setPen(QPen(style.accent, 0.8));
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    for (int i = first; i < std::min(last, int(m_rows.size())); ++i) {
        const TableRow &row = m_rows[std::size_t(i)];
        const double h = m_heights[std::size_t(i)];
        if (i % 2 == 1)
            painter.fillRect(QRectF(rect.left(), y, rect.width(), h), style.zebra);
        drawRow(y, h, row.cells, row.bold ? style.tableHead : style.table, row.highlighted);
        y += h;
    }
    painter.setPen(QPen(style.rule, 0.8));
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    painter.restore();
}

void TocBlock::measure(const ReportStyle &style, QPaintDevice *device, double)
{
    m_line = QFontMetricsF(style.body, device).height() * 1.3;
}

void TocBlock::paint(QPainter &painter, const QRectF &rect, int first, int last,
                     const PaintContext &context) const
{
    const ReportStyle &style = *context.style;
    painter.save();
    double y = rect.top();
    for (int i = first; i < last && i < int(context.toc->size()); ++i) {
        const TocEntry &e = (*context.toc)[std::size_t(i)];
        QFont f = style.body;
        f.setBold(e.level == 1);
        painter.setFont(f);
        painter.setPen(Qt::black);
        const double indent = (e.level - 1) * mm(6.0);
        const QRectF line(rect.left() + indent, y, rect.width() - indent, m_line);
        const QString page = QString::number(e.page);
        const QFontMetricsF fm(f, painter.device());
        const double textWidth = fm.horizontalAdvance(e.text);
        const double pageWidth = fm.horizontalAdvance(page);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, e.text);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, page);
        // Dot leaders between the entry and its page number.
        painter.setPen(QPen(style.rule, 1.0, Qt::DotLine));
        const double base = y + m_line * 0.68;
        const double from = line.left() + textWidth + mm(2.0);
        const double to = line.right() - pageWidth - mm(2.0);
        if (to > from)
            painter.drawLine(QPointF(from, base), QPointF(to, base));
        y += m_line;
    }
    painter.restore();
}

} // namespace app::report
