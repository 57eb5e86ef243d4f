// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/mapexport.h"

#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace app {

namespace {

energize::Error failure(const QString &path, const QString &why)
{
    return energize::Error{
            QStringLiteral("%1: %2")
                    .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), why)
                    .toStdString()};
}

// The map over the picture, the attribution line in a band at its foot.
void paintPicture(QPainter &painter, QSizeF size, const report::MapPicture &map, double rasterDpi)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(7.0);
    const QFontMetricsF fm(f, painter.device());
    const double band =
            fm.boundingRect(QRectF(0, 0, size.width() - 12, 1e4), Qt::TextWordWrap, map.attribution)
                    .height()
            + fm.height() * 0.6;
    const QRectF frame(0, 0, size.width(), size.height() - band);
    painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
    report::paintMap(painter, frame, map, true, rasterDpi);
    painter.setFont(f);
    painter.setPen(QColor(60, 60, 60));
    painter.drawText(QRectF(6, frame.bottom(), size.width() - 12, band),
                     Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, map.attribution);
}

} // namespace

energize::Status exportMap(const QString &path, const report::MapPicture &map, QSize size)
{
    if (!QFileInfo(path).absoluteDir().exists())
        return failure(path, QObject::tr("the folder does not exist"));
    if (size.isEmpty())
        return failure(path, QObject::tr("the map has no size"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        // Twice the size in pixels for print; the drawing keeps the view's proportions.
        constexpr int kScale = 2;
        // Painted at the report's 96 dpi (fonts sized for it) and scaled; stored as 192 dpi.
        QImage image(size * kScale, QImage::Format_ARGB32_Premultiplied);
        const auto dotsPerMetre = [](double dpi) {
            return int(dpi / 0.0254 + 0.5);
        };
        image.setDotsPerMeterX(dotsPerMetre(report::kDpi));
        image.setDotsPerMeterY(dotsPerMetre(report::kDpi));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(kScale, kScale);
        paintPicture(painter, size, map, report::kDpi * kScale);
        painter.end();
        image.setDotsPerMeterX(dotsPerMetre(report::kDpi * kScale));
        image.setDotsPerMeterY(dotsPerMetre(report::kDpi * kScale));
        if (!image.save(path, "PNG"))
            return failure(path, QObject::tr("the image could not be written"));
        return energize::done();
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(report::kDpi);
        svg.setTitle(QObject::tr("Energize map"));
        svg.setDescription(map.attribution);
        QPainter painter;
        if (!painter.begin(&svg))
            return failure(path, QObject::tr("the drawing could not be started"));
        paintPicture(painter, size, map, report::kDpi * 2);
        painter.end();
        if (!QFileInfo::exists(path))
            return failure(path, QObject::tr("the drawing could not be written"));
        return energize::done();
    }
    return failure(path, QObject::tr("choose a .png or .svg file"));
}

} // namespace app
