// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pagination, the first of the report's two passes: blocks flow down the pages' content areas;
// tables split between rows (their header repeated), headings stay with what follows them, page
// breaks switch between portrait and landscape. The result says what goes where and on which
// page each table-of-contents entry lands, so the second pass paints with known page numbers.
// Pure layout over measured blocks; calling thread.

#include "app/report/reportblocks.h"
#include "app/report/reportoptions.h"

#include <QPageSize>

#include <memory>
#include <vector>

namespace app::report {

struct PageGeometry
{
    QSizeF size; // the whole page, device units
    QRectF content; // inside the margins, between header and footer
    QRectF header;
    QRectF footer;
};

QPageSize pageSize(Paper paper);
PageGeometry pageGeometry(Paper paper, QPageLayout::Orientation orientation);

struct PlacedBlock
{
    const Block *block = nullptr;
    int first = 0; // units [first, last)
    int last = 1;
    QRectF rect;
};

struct LaidOutPage
{
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QString section; // the level-1 heading in force, for the running header
    std::vector<PlacedBlock> blocks;
};

struct ReportLayout
{
    std::vector<LaidOutPage> pages;
    std::vector<TocEntry> toc; // with their pages
};

// toc: the entries the blocks' tocIndex refer to (pages are filled in).
ReportLayout layOut(const std::vector<std::unique_ptr<Block>> &blocks, std::vector<TocEntry> toc,
                    const ReportStyle &style, QPaintDevice *device, Paper paper);

} // namespace app::report
