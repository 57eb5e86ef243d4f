// SPDX-License-Identifier: GPL-3.0-or-later
// The report's frame: the builder's vocabulary, the title page, the contents and the map page;
// the sections come from reportsections.cpp, reportplansection.cpp and reportappendix.cpp.

#include "app/report/reportbuilder.h"
#include "app/report/reportmap.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace app::report {

void ReportBuilder::heading(int level, const QString &text, bool inToc)
{
    const auto kind = level == 1 ? TextBlock::Kind::Heading1
            : level == 2         ? TextBlock::Kind::Heading2
                                 : TextBlock::Kind::Heading3;
    auto block = std::make_unique<TextBlock>(kind, text);
    if (inToc && level <= 2) { // the contents stay on one page
        block->tocIndex = int(m_out.toc.size());
        m_out.toc.push_back({level, text, 0});
    }
    add(std::move(block));
}

void ReportBuilder::text_(TextBlock::Kind kind, const QString &text)
{
    add(std::make_unique<TextBlock>(kind, text));
}

void ReportBuilder::table(std::vector<TableColumn> columns, std::vector<TableRow> rows)
{
    add(std::make_unique<TableBlock>(std::move(columns), std::move(rows)));
}

void ReportBuilder::figures(const QString &what,
                            const std::vector<std::pair<QString, QString>> &rows)
{
    std::vector<TableRow> out;
    for (const auto &[label, value] : rows)
        out.push_back({{label, value}});
    table({{what, 1.3}, {QObject::tr("value"), 1.0, Qt::AlignRight}}, std::move(out));
}

void ReportBuilder::pageBreak(QPageLayout::Orientation orientation)
{
    add(std::make_unique<PageBreak>(orientation));
}

namespace {

MapPicture mapPicture(const ReportData &data)
{
    MapPicture map;
    map.scene = data.scene;
    map.extent = data.mapExtent;
    map.attribution = data.attribution;
    for (const ReportSite &s : data.sites)
        map.sites.push_back({QString::fromStdString(s.site.name), s.site.longitude, s.site.latitude,
                             s.site.outline, s.analysis.score.score, s.analysis.score.excluded});
    return map;
}

void addTitlePage(ReportBuilder &b, const ReportData &data)
{
    MapPicture map = mapPicture(data);
    b.add(std::make_unique<DrawingBlock>(
            0.0,
            [&data, map](QPainter &painter, const QRectF &rect, const PaintContext &context) {
                const ReportStyle &style = *context.style;
                painter.save();
                double y = rect.top() + mm(10.0);
                painter.setPen(style.accent);
                painter.setFont(style.subtitle);
                painter.drawText(QRectF(rect.left(), y, rect.width(), mm(8.0)), Qt::AlignLeft,
                                 QObject::tr("AI data-centre plan report"));
                y += mm(10.0);
                painter.setFont(style.title);
                painter.setPen(Qt::black);
                const QRectF title(rect.left(), y, rect.width(), mm(30.0));
                QRectF used;
                painter.drawText(title, Qt::TextWordWrap, data.projectName, &used);
                y = used.bottom() + mm(4.0);
                painter.setFont(style.body);
                QStringList lines;
                if (!data.author.isEmpty())
                    lines << QObject::tr("Prepared by %1").arg(data.author);
                lines << QObject::tr("Date: %1").arg(data.date.toString(Qt::ISODate));
                QStringList plans;
                for (const ReportPlan &p : data.plans)
                    plans << QString::fromStdString(p.plan.name);
                lines << QObject::tr("Plans: %1").arg(plans.join("; "));
                lines << QObject::tr("Made with Energize %1")
                                 .arg(QCoreApplication::applicationVersion());
                painter.drawText(QRectF(rect.left(), y, rect.width(), mm(30.0)), Qt::TextWordWrap,
                                 lines.join('\n'), &used);
                y = used.bottom() + mm(8.0);
                const double h = std::min(rect.bottom() - y - mm(14.0),
                                          rect.width() * mapAspect(map.extent));
                // The thumbnail draws the vector layers only: no raster image on this page.
                paintMap(painter, QRectF(rect.left(), y, rect.width(), h), map, false, 0.0);
                painter.setFont(style.small);
                painter.setPen(QColor(60, 60, 60));
                painter.drawText(QRectF(rect.left(), y + h + mm(2.0), rect.width(), mm(12.0)),
                                 Qt::TextWordWrap, map.attribution);
                painter.restore();
            },
            true));
}

} // namespace

ReportContent buildReport(const ReportData &data)
{
    ReportContent out;
    out.charts = std::make_unique<ReportCharts>();
    ReportBuilder b(out);
    addTitlePage(b, data);
    b.pageBreak();
    b.heading(1, QObject::tr("Contents"), false);
    auto toc = std::make_unique<TocBlock>();
    TocBlock *contents = toc.get();
    b.add(std::move(toc));
    const Sections sections = data.options.sections;
    if (sections & Section::Summary) {
        b.pageBreak();
        addSummary(b, data);
    }
    if (sections & Section::Map) {
        b.pageBreak();
        b.heading(1, QObject::tr("Map"));
        b.add(mapPageBlock(mapPicture(data)));
    }
    if (sections & Section::Sites) {
        b.pageBreak();
        addSites(b, data);
    }
    if (sections & Section::Plans) {
        for (const ReportPlan &plan : data.plans) {
            b.pageBreak();
            addPlan(b, data, plan);
        }
    }
    if (sections & Section::Assumptions) {
        b.pageBreak();
        addAssumptions(b, data);
    }
    contents->setEntries(int(out.toc.size()));
    return out;
}

} // namespace app::report
