// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportwriter.h"

#include "app/report/reportbuilder.h"
#include "app/report/reportlayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <qcustomplot.h>

namespace app::report {

namespace {

void paintFrame(QPainter &painter, const PageGeometry &g, const ReportData &data,
                const LaidOutPage &page, int number, int count, const ReportStyle &style)
{
    painter.save();
    painter.setFont(style.small);
    painter.setPen(QColor(80, 80, 80));
    painter.drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter, data.projectName);
    painter.drawText(g.header, Qt::AlignRight | Qt::AlignVCenter, page.section);
    painter.setPen(QPen(style.rule, 0.8));
    painter.drawLine(g.header.bottomLeft(), g.header.bottomRight());
    painter.drawLine(g.footer.topLeft(), g.footer.topRight());
    painter.setPen(QColor(80, 80, 80));
    painter.drawText(g.footer, Qt::AlignLeft | Qt::AlignVCenter,
                     QObject::tr("Energize report, %1").arg(data.date.toString(Qt::ISODate)));
    painter.drawText(g.footer, Qt::AlignRight | Qt::AlignVCenter,
                     QObject::tr("page %1 of %2").arg(number).arg(count));
    painter.restore();
}

energize::Error fileError(const QString &path, const QString &why)
{
    return energize::Error{
            QStringLiteral("%1: %2")
                    .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), why)
                    .toStdString()};
}

} // namespace

energize::Expected<int> writeReport(const ReportData &data, const QString &path,
                                    const PageProgress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(path, file.errorString());
    ReportContent content = buildReport(data);
    const Paper paper = data.options.paper;
    QPdfWriter writer(&file);
    writer.setResolution(kDpi);
    writer.setPageSize(pageSize(paper));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setTitle(QObject::tr("%1 — plan report").arg(data.projectName));
    writer.setCreator(QStringLiteral("Energize %1").arg(QCoreApplication::applicationVersion()));
    const ReportStyle style = ReportStyle::standard();
    const ReportLayout layout = layOut(content.blocks, content.toc, style, &writer, paper);
    const int count = int(layout.pages.size());

    QCPPainter painter;
    if (!painter.begin(&writer)) {
        file.cancelWriting();
        return fileError(path, QObject::tr("the PDF could not be started"));
    }
    PaintContext context;
    context.style = &style;
    context.plotPainter = &painter;
    context.toc = &layout.toc;
    context.pageCount = count;
    for (int i = 0; i < count; ++i) {
        const LaidOutPage &page = layout.pages[std::size_t(i)];
        if (i > 0) {
            writer.setPageOrientation(page.orientation);
            writer.newPage();
        }
        context.page = i + 1;
        if (i > 0)
            paintFrame(painter, pageGeometry(paper, page.orientation), data, page, i + 1, count,
                       style);
        for (const PlacedBlock &placed : page.blocks)
            placed.block->paint(painter, placed.rect, placed.first, placed.last, context);
        if (progress && !progress(i + 1, count)) {
            painter.end();
            file.cancelWriting();
            return energize::Error{QObject::tr("cancelled").toStdString(),
                                   energize::ErrorCode::Cancelled};
        }
    }
    painter.end();
    if (!file.commit())
        return fileError(path, file.errorString());
    return count;
}

} // namespace app::report
