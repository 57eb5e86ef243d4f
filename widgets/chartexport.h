// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every chart can be saved on its own: a right-click menu on the plot offers PNG, SVG and PDF
// (vectors for SVG and PDF, as the report paints them). GUI thread only.

#include <QSize>
#include <QString>
#include <QStringList>

class QCustomPlot;

namespace ui {

// Word-wraps the plot's title elements to `width` pixels (their own line breaks stay), for a
// picture narrower than the dock they were written for. Returns the titles as they were.
QStringList fitChartTitles(QCustomPlot *plot, double width);
void restoreChartTitles(QCustomPlot *plot, const QStringList &titles);

// Adds the "Save Chart as PNG/SVG/PDF…" context menu to the plot.
void installChartExportMenu(QCustomPlot *plot);

// Writes the plot to path, the format by its suffix (.png, .svg, .pdf), at `size` (the plot's
// own size when empty). An empty string when written, else why not, naming the path.
QString saveChart(QCustomPlot *plot, const QString &path, QSize size = {});

} // namespace ui
