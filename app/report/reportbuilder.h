// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's content as a list of blocks, and the small vocabulary the sections are written
// in: headings (entered in the table of contents), paragraphs, tables, charts and page breaks.
// GUI thread (the charts are widgets).

#include "app/report/reportblocks.h"
#include "app/report/reportcharts.h"
#include "app/report/reportdata.h"

#include <memory>
#include <utility>
#include <vector>

namespace app::report {

struct ReportContent
{
    std::vector<std::unique_ptr<Block>> blocks;
    std::vector<TocEntry> toc;
    std::unique_ptr<ReportCharts> charts; // the widgets behind the chart blocks
};

class ReportBuilder
{
public:
    explicit ReportBuilder(ReportContent &out) : m_out(out) {}

    void heading(int level, const QString &text, bool inToc = true);
    void paragraph(const QString &text) { text_(TextBlock::Kind::Paragraph, text); }
    void small(const QString &text) { text_(TextBlock::Kind::Small, text); }
    void bullet(const QString &text) { text_(TextBlock::Kind::Bullet, text); }
    void warning(const QString &text) { text_(TextBlock::Kind::Warning, text); }
    void table(std::vector<TableColumn> columns, std::vector<TableRow> rows);
    // A two-column table of labels and values.
    void figures(const QString &what, const std::vector<std::pair<QString, QString>> &rows);
    void add(std::unique_ptr<Block> block) { m_out.blocks.push_back(std::move(block)); }
    void pageBreak(QPageLayout::Orientation orientation = QPageLayout::Portrait);
    ReportCharts &charts() { return *m_out.charts; }

private:
    void text_(TextBlock::Kind kind, const QString &text);
    ReportContent &m_out;
};

// The sections, in the order of the report (reportdocument.cpp, reportsections.cpp,
// reportplansection.cpp, reportappendix.cpp).
void addSummary(ReportBuilder &b, const ReportData &data);
void addSites(ReportBuilder &b, const ReportData &data);
void addPlan(ReportBuilder &b, const ReportData &data, const ReportPlan &plan);
void addAssumptions(ReportBuilder &b, const ReportData &data);

// The headline figures of one plan: capex, opex, TCO, unit costs, P50/P90 power-on.
std::vector<std::pair<QString, QString>> keyFigures(const ReportPlan &plan);

// Everything, title page and contents first.
ReportContent buildReport(const ReportData &data);

} // namespace app::report
