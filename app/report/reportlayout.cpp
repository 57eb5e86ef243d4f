// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportlayout.h"

#include <algorithm>

namespace app::report {

namespace {

constexpr double kMargin = 16.0; // mm on every side
constexpr double kBand = 8.0; // mm of header and footer inside the margins
constexpr int kKeepTogether = 6; // rows of a table that is never split

class Paginator
{
public:
    Paginator(std::vector<TocEntry> toc, const ReportStyle &style, QPaintDevice *device,
              Paper paper)
        : m_style(style), m_device(device), m_paper(paper)
    {
        m_out.toc = std::move(toc);
    }

    void place(Block &block, Block *next)
    {
        if (const auto to = block.breakTo()) {
            if (!m_page || !m_page->blocks.empty() || m_orientation != *to)
                m_pending = true;
            m_orientation = *to;
            return;
        }
        if (!m_page || m_pending)
            newPage();
        const PageGeometry g = pageGeometry(m_paper, m_orientation);
        block.measure(m_style, m_device, g.content.width());
        if (block.fillsPage()) {
            if (bottom() - m_y < g.content.height() * 0.5)
                newPage();
            add(block, 0, 1, bottom() - m_y);
            m_y = bottom();
            return;
        }
        if (block.keepWithNext() && next && !next->breakTo()) {
            next->measure(m_style, m_device, g.content.width());
            const double need = block.unitHeight(0) + block.spaceAfter() + leadOf(*next, g);
            if (m_y + need > bottom() && !m_page->blocks.empty())
                newPage();
        }
        int first = 0;
        const int units = std::max(1, block.units());
        // A short table is not split: it moves whole to the next page if it fits there.
        if (units > 1 && units <= kKeepTogether && !m_page->blocks.empty()) {
            const double whole = leadOf(block, g);
            if (m_y + whole > bottom() && whole <= g.content.height())
                newPage();
        }
        while (first < units) {
            double h = block.headHeight();
            int last = first;
            while (last < units && m_y + h + unitOf(block, last) <= bottom() + 0.5) {
                h += unitOf(block, last);
                ++last;
            }
            // No single row left alone at the top of the next page.
            if (units - last == 1 && last - first > 2)
                h -= unitOf(block, --last);
            if (last == first) {
                if (!m_page->blocks.empty()) {
                    newPage(); // try again at the top of a page
                    continue;
                }
                h += unitOf(block, last); // taller than a page: it gets a page of its own
                ++last;
            }
            add(block, first, last, h);
            m_y += h;
            first = last;
            if (first < units)
                newPage();
        }
        m_y += block.spaceAfter();
        if (block.tocIndex >= 0 && block.tocIndex < int(m_out.toc.size()))
            m_out.toc[std::size_t(block.tocIndex)].page = int(m_out.pages.size());
        if (block.tocIndex >= 0 && m_out.toc[std::size_t(block.tocIndex)].level == 1)
            m_section = m_out.toc[std::size_t(block.tocIndex)].text;
        if (m_page->section.isEmpty() || m_page->blocks.size() == 1)
            m_page->section = m_section;
    }

    ReportLayout take() { return std::move(m_out); }

private:
    static double unitOf(const Block &b, int i) { return b.units() > 0 ? b.unitHeight(i) : 0.0; }

    // What of a block must follow a heading on its page: half a page of a drawing that fills
    // the page, all of a short table, else the table's head and first row.
    static double leadOf(const Block &b, const PageGeometry &g)
    {
        if (b.fillsPage())
            return g.content.height() * 0.5;
        double h = b.headHeight();
        const int n = b.units() <= kKeepTogether ? b.units() : 1;
        for (int i = 0; i < n; ++i)
            h += unitOf(b, i);
        return h;
    }

    double bottom() const { return pageGeometry(m_paper, m_orientation).content.bottom(); }

    void newPage()
    {
        m_out.pages.push_back({m_orientation, m_section, {}});
        m_page = &m_out.pages.back();
        m_y = pageGeometry(m_paper, m_orientation).content.top();
        m_pending = false;
    }

    void add(const Block &block, int first, int last, double height)
    {
        const PageGeometry g = pageGeometry(m_paper, m_orientation);
        m_page->blocks.push_back(
                {&block, first, last, QRectF(g.content.left(), m_y, g.content.width(), height)});
    }

    const ReportStyle &m_style;
    QPaintDevice *m_device;
    Paper m_paper;
    ReportLayout m_out;
    LaidOutPage *m_page = nullptr;
    QPageLayout::Orientation m_orientation = QPageLayout::Portrait;
    QString m_section;
    double m_y = 0.0;
    bool m_pending = false;
};

} // namespace

QPageSize pageSize(Paper paper)
{
    return QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4);
}

PageGeometry pageGeometry(Paper paper, QPageLayout::Orientation orientation)
{
    QSizeF s = pageSize(paper).size(QPageSize::Millimeter);
    if (orientation == QPageLayout::Landscape)
        s.transpose();
    PageGeometry g;
    g.size = QSizeF(mm(s.width()), mm(s.height()));
    const double m = mm(kMargin);
    const double band = mm(kBand);
    g.header = QRectF(m, m, g.size.width() - 2 * m, band);
    g.footer = QRectF(m, g.size.height() - m - band, g.size.width() - 2 * m, band);
    g.content = QRectF(m, g.header.bottom() + mm(2.0), g.size.width() - 2 * m,
                       g.footer.top() - mm(2.0) - g.header.bottom() - mm(2.0));
    return g;
}

ReportLayout layOut(const std::vector<std::unique_ptr<Block>> &blocks, std::vector<TocEntry> toc,
                    const ReportStyle &style, QPaintDevice *device, Paper paper)
{
    Paginator p(std::move(toc), style, device, paper);
    for (std::size_t i = 0; i < blocks.size(); ++i)
        p.place(*blocks[i], i + 1 < blocks.size() ? blocks[i + 1].get() : nullptr);
    return p.take();
}

} // namespace app::report
