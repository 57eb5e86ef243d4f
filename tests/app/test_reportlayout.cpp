// SPDX-License-Identifier: GPL-3.0-or-later
// The report's pagination (app/report/reportlayout) on blocks of known heights: blocks flow down
// the content area, a long table splits between rows with its head on every page and never
// leaves one row alone, a short table moves whole, a heading never ends a page, page breaks
// switch orientation, and each contents entry gets the page its heading lands on.

#include "app/report/reportlayout.h"

#include <QImage>
#include <QTest>

namespace {

using app::report::Block;
using app::report::PaintContext;
using app::report::ReportStyle;

// A block of `count` units of `height` each, with a head of `head`.
class Fixed : public Block
{
public:
    Fixed(int count, double height, double head = 0.0, bool heading = false)
        : m_count(count), m_height(height), m_head(head), m_heading(heading)
    {}
    void measure(const ReportStyle &, QPaintDevice *, double) override {}
    int units() const override { return m_count; }
    double unitHeight(int) const override { return m_height; }
    double headHeight() const override { return m_head; }
    bool keepWithNext() const override { return m_heading; }
    double spaceAfter() const override { return 0.0; }
    void paint(QPainter &, const QRectF &, int, int, const PaintContext &) const override {}

private:
    int m_count;
    double m_height, m_head;
    bool m_heading;
};

using Blocks = std::vector<std::unique_ptr<Block>>;

app::report::ReportLayout layOut(Blocks &blocks, std::vector<app::report::TocEntry> toc = {})
{
    static QImage device(10, 10, QImage::Format_RGB32);
    return app::report::layOut(blocks, std::move(toc), ReportStyle::standard(), &device,
                               app::report::Paper::A4);
}

double contentHeight(QPageLayout::Orientation o = QPageLayout::Portrait)
{
    return app::report::pageGeometry(app::report::Paper::A4, o).content.height();
}

} // namespace

class TestReportLayout : public QObject
{
    Q_OBJECT
private slots:
    void geometryOfA4AndLetter()
    {
        using namespace app::report;
        const PageGeometry a4 = pageGeometry(Paper::A4, QPageLayout::Portrait);
        QCOMPARE(qRound(a4.size.width() / kDpi * 25.4), 210);
        QCOMPARE(qRound(a4.size.height() / kDpi * 25.4), 297);
        const PageGeometry letter = pageGeometry(Paper::Letter, QPageLayout::Landscape);
        QCOMPARE(qRound(letter.size.width() / kDpi * 10), 110); // 11 in wide
        QVERIFY(a4.content.top() > a4.header.bottom() && a4.content.bottom() < a4.footer.top());
    }

    void longTableSplitsWithItsHead()
    {
        const double page = contentHeight();
        const double row = page / 10.0; // ten rows a page without the head
        Blocks blocks;
        blocks.push_back(std::make_unique<Fixed>(25, row, row / 2));
        const auto layout = layOut(blocks);
        QCOMPARE(layout.pages.size(), std::size_t(3));
        int rows = 0, previousLast = 0;
        for (const auto &p : layout.pages) {
            QCOMPARE(p.blocks.size(), std::size_t(1));
            const auto &placed = p.blocks.front();
            QCOMPARE(placed.first, previousLast); // every row once, in order
            QVERIFY(placed.last - placed.first <= 9); // the head takes a row's room on each page
            QVERIFY(placed.rect.height() <= page + 0.5);
            QVERIFY(placed.last - placed.first >= 2); // no row alone
            rows += placed.last - placed.first;
            previousLast = placed.last;
        }
        QCOMPARE(rows, 25);
    }

    void shortTableMovesWholeAndHeadingFollows()
    {
        const double page = contentHeight();
        Blocks blocks;
        blocks.push_back(std::make_unique<Fixed>(1, page * 0.8)); // most of page 1
        blocks.push_back(std::make_unique<Fixed>(1, page * 0.05, 0.0, true)); // a heading
        blocks.push_back(std::make_unique<Fixed>(4, page * 0.06, page * 0.04)); // 0.28 of a page
        const auto layout = layOut(blocks);
        QCOMPARE(layout.pages.size(), std::size_t(2));
        QCOMPARE(layout.pages[0].blocks.size(), std::size_t(1));
        QCOMPARE(layout.pages[1].blocks.size(), std::size_t(2)); // heading and whole table
        QCOMPARE(layout.pages[1].blocks[1].last, 4);
    }

    void breaksSwitchOrientationAndContentsGetPages()
    {
        Blocks blocks;
        auto heading = [&](int toc) {
            auto b = std::make_unique<Fixed>(1, 20.0, 0.0, true);
            b->tocIndex = toc;
            blocks.push_back(std::move(b));
        };
        heading(0);
        blocks.push_back(std::make_unique<Fixed>(1, 100.0));
        blocks.push_back(std::make_unique<app::report::PageBreak>(QPageLayout::Landscape));
        heading(1);
        blocks.push_back(std::make_unique<Fixed>(1, contentHeight(QPageLayout::Landscape) * 0.9));
        blocks.push_back(std::make_unique<app::report::PageBreak>(QPageLayout::Portrait));
        heading(2);
        blocks.push_back(std::make_unique<Fixed>(1, 100.0));
        const auto layout = layOut(blocks, {{1, "One", 0}, {2, "One.a", 0}, {1, "Two", 0}});
        QCOMPARE(layout.pages.size(), std::size_t(3));
        QCOMPARE(layout.pages[0].orientation, QPageLayout::Portrait);
        QCOMPARE(layout.pages[1].orientation, QPageLayout::Landscape);
        QCOMPARE(layout.pages[2].orientation, QPageLayout::Portrait);
        QCOMPARE(layout.toc[0].page, 1);
        QCOMPARE(layout.toc[1].page, 2);
        QCOMPARE(layout.toc[2].page, 3);
        QCOMPARE(layout.pages[1].section, QString("One")); // the running header: level 1
        QCOMPARE(layout.pages[2].section, QString("Two"));
        // Every placed block lies inside its page's content area.
        for (const auto &p : layout.pages) {
            const QRectF content =
                    app::report::pageGeometry(app::report::Paper::A4, p.orientation).content;
            for (const auto &b : p.blocks)
                QVERIFY(content.adjusted(-0.5, -0.5, 0.5, 0.5).contains(b.rect));
        }
    }
};

QTEST_MAIN(TestReportLayout)
#include "test_reportlayout.moc"
