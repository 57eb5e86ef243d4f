// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/chartexport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace ui {

QStringList fitChartTitles(QCustomPlot *plot, double width)
{
    QStringList before;
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i));
        if (!title)
            continue;
        before << title->text();
        if (title->text().isEmpty())
            continue;
        const QFontMetricsF fm(title->font());
        const double room = width * 0.95;
        QStringList out;
        for (const QString &line : title->text().split('\n')) {
            QString current;
            for (const QString &word : line.split(' ')) {
                const QString longer = current.isEmpty() ? word : current + ' ' + word;
                if (!current.isEmpty() && fm.horizontalAdvance(longer) > room) {
                    out << current;
                    current = word;
                } else {
                    current = longer;
                }
            }
            out << current;
        }
        title->setText(out.join('\n'));
    }
    return before;
}

void restoreChartTitles(QCustomPlot *plot, const QStringList &titles)
{
    int k = 0;
    for (int i = 0; i < plot->plotLayout()->elementCount() && k < titles.size(); ++i) {
        if (auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            title->setText(titles[k++]);
    }
}

QString saveChart(QCustomPlot *plot, const QString &path, QSize size)
{
    if (size.isEmpty())
        size = plot->size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString where = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (!QFileInfo(path).absoluteDir().exists())
        return QObject::tr("%1: the folder does not exist").arg(where);
    // Titles are wrapped to the picture's width for the file, then given back to the screen.
    const QStringList titles = fitChartTitles(plot, size.width());
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, size.width(), size.height(), 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(plot->objectName());
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            plot->toPainter(&painter, size.width(), size.height());
            ok = painter.end() && QFileInfo::exists(path);
        }
    } else {
        restoreChartTitles(plot, titles);
        return QObject::tr("%1: choose a .png, .svg or .pdf file").arg(where);
    }
    restoreChartTitles(plot, titles);
    return ok ? QString() : QObject::tr("%1: the chart could not be written").arg(where);
}

void installChartExportMenu(QCustomPlot *plot)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint &at) {
        QMenu menu(plot);
        const struct
        {
            QString text, filter, suffix;
        } formats[] = {
                {QObject::tr("Save Chart as &PNG…"), QObject::tr("PNG image (*.png)"), "png"},
                {QObject::tr("Save Chart as &SVG…"), QObject::tr("SVG drawing (*.svg)"), "svg"},
                {QObject::tr("Save Chart as P&DF…"), QObject::tr("PDF (*.pdf)"), "pdf"}};
        for (const auto &f : formats) {
            menu.addAction(f.text, plot, [plot, f] {
                QString path = QFileDialog::getSaveFileName(
                        plot, QObject::tr("Save Chart"),
                        QDir::home().filePath(plot->objectName() + '.' + f.suffix), f.filter);
                if (path.isEmpty())
                    return;
                if (QFileInfo(path).suffix().isEmpty())
                    path += '.' + f.suffix;
                const QString error = saveChart(plot, path);
                if (!error.isEmpty())
                    QMessageBox::warning(plot, QObject::tr("Save Chart"), error);
            });
        }
        menu.exec(plot->mapToGlobal(at));
    });
}

} // namespace ui
