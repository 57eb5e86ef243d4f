// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pieces a report page is made of: text, tables, charts and drawings. Each block is first
// measured at the width it gets (its units' heights: a table's rows, one unit for the rest), then
// painted into the rectangle the layout gave it, possibly a few units at a time when it runs over
// a page. Units are device units of the PDF writer: kDpi dots per inch. GUI thread (charts are
// widgets); a block belongs to one report.

#include <QColor>
#include <QFont>
#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QCPPainter;
class QPainter;
class QPaintDevice;

namespace app::report {

inline constexpr int kDpi = 96; // as the screen, so that chart fonts measure as they paint
constexpr double mm(double v)
{
    return v * kDpi / 25.4;
}

struct ReportStyle
{
    QFont body, small, table, tableHead, h1, h2, h3, title, subtitle;
    QColor accent{31, 78, 121};
    QColor rule{190, 195, 200};
    QColor zebra{244, 246, 248};
    QColor best{214, 238, 216};
    QColor warning{170, 60, 30};

    static ReportStyle standard();
};

struct TocEntry
{
    int level = 1;
    QString text;
    int page = 0; // 1-based; known after the layout
};

struct PaintContext
{
    const ReportStyle *style = nullptr;
    QCPPainter *plotPainter = nullptr; // the page's painter, for QCustomPlot charts
    const std::vector<TocEntry> *toc = nullptr;
    int page = 0;
    int pageCount = 0;
};

class Block
{
public:
    virtual ~Block() = default;
    virtual void measure(const ReportStyle &style, QPaintDevice *device, double width) = 0;
    virtual int units() const { return 1; }
    virtual double unitHeight(int unit) const = 0;
    // Painted again above the units on every page the block continues on (a table's header).
    virtual double headHeight() const { return 0.0; }
    virtual bool fillsPage() const { return false; } // takes the rest of its page
    virtual bool keepWithNext() const { return false; }
    // A page break: the blocks after it start a page of this orientation.
    virtual std::optional<QPageLayout::Orientation> breakTo() const { return std::nullopt; }
    virtual double spaceAfter() const { return mm(3.0); }
    virtual void paint(QPainter &painter, const QRectF &rect, int first, int last,
                       const PaintContext &context) const = 0;

    int tocIndex = -1; // the table-of-contents entry this block heads, or -1
};

class PageBreak : public Block
{
public:
    explicit PageBreak(QPageLayout::Orientation orientation) : m_orientation(orientation) {}
    void measure(const ReportStyle &, QPaintDevice *, double) override {}
    double unitHeight(int) const override { return 0.0; }
    double spaceAfter() const override { return 0.0; }
    std::optional<QPageLayout::Orientation> breakTo() const override { return m_orientation; }
    void paint(QPainter &, const QRectF &, int, int, const PaintContext &) const override {}

private:
    QPageLayout::Orientation m_orientation;
};

class TextBlock : public Block
{
public:
    enum class Kind { Heading1, Heading2, Heading3, Paragraph, Small, Bullet, Warning };
    TextBlock(Kind kind, QString text) : m_kind(kind), m_text(std::move(text)) {}
    Kind kind() const { return m_kind; }
    const QString &text() const { return m_text; }
    void measure(const ReportStyle &style, QPaintDevice *device, double width) override;
    double unitHeight(int) const override { return m_height; }
    bool keepWithNext() const override { return m_kind <= Kind::Heading3; }
    double spaceAfter() const override;
    void paint(QPainter &painter, const QRectF &rect, int, int,
               const PaintContext &context) const override;

private:
    QFont font(const ReportStyle &style) const;
    Kind m_kind;
    QString m_text;
    double m_height = 0.0;
};

struct TableColumn
{
    QString title;
    double weight = 1.0; // share of the width, relative to the other columns
    Qt::Alignment align = Qt::AlignLeft;
    bool wrapAnywhere = false; // URLs and ids, which have no spaces to wrap at
};

struct TableRow
{
    QStringList cells;
    bool bold = false; // a total
    std::vector<int> highlighted; // cells shaded as the best of their row
};

class TableBlock : public Block
{
public:
    TableBlock(std::vector<TableColumn> columns, std::vector<TableRow> rows)
        : m_columns(std::move(columns)), m_rows(std::move(rows))
    {}
    const std::vector<TableRow> &rows() const { return m_rows; }
    void measure(const ReportStyle &style, QPaintDevice *device, double width) override;
    int units() const override { return int(m_rows.size()); }
    double unitHeight(int unit) const override { return m_heights[std::size_t(unit)]; }
    double headHeight() const override { return m_head; }
    void paint(QPainter &painter, const QRectF &rect, int first, int last,
               const PaintContext &context) const override;

private:
    std::vector<double> columnWidths(double width) const;
    std::vector<TableColumn> m_columns;
    std::vector<TableRow> m_rows;
    std::vector<double> m_heights;
    double m_head = 0.0;
};

// A drawing of a given height (or the rest of the page), painted by a function: charts, the map,
// the title page.
class DrawingBlock : public Block
{
public:
    using Painter = std::function<void(QPainter &, const QRectF &, const PaintContext &)>;
    DrawingBlock(double height, Painter painter, bool fillsPage = false)
        : m_height(height), m_painter(std::move(painter)), m_fills(fillsPage)
    {}
    void measure(const ReportStyle &, QPaintDevice *, double) override {}
    double unitHeight(int) const override { return m_height; }
    bool fillsPage() const override { return m_fills; }
    void paint(QPainter &painter, const QRectF &rect, int, int,
               const PaintContext &context) const override
    {
        m_painter(painter, rect, context);
    }

private:
    double m_height;
    Painter m_painter;
    bool m_fills;
};

// The table of contents: one line per entry with its page number, known when painting.
class TocBlock : public Block
{
public:
    explicit TocBlock(int entries = 0) : m_entries(entries) {}
    void setEntries(int entries) { m_entries = entries; }
    void measure(const ReportStyle &style, QPaintDevice *device, double width) override;
    int units() const override { return m_entries; }
    double unitHeight(int) const override { return m_line; }
    void paint(QPainter &painter, const QRectF &rect, int first, int last,
               const PaintContext &context) const override;

private:
    int m_entries;
    double m_line = 0.0;
};

} // namespace app::report
