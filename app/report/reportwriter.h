// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a report to a PDF file with Qt's PDF writer: content built from the collected data,
// laid out (first pass: pages and the page of every contents entry), then painted page by page
// with a running header (project, section) and footer ("page n of m"). Charts are the app's
// QCustomPlot widgets painted as vectors, so this runs on the GUI thread; progress is reported
// after each page, and returning false from it cancels. The file is written through QSaveFile:
// an existing file is replaced only by a complete report, never by a partial one.

#include "app/report/reportdata.h"
#include "common/expected.h"

#include <QString>

#include <functional>

namespace app::report {

// done and total pages; return false to cancel.
using PageProgress = std::function<bool(int done, int total)>;

// The number of pages written, or an error naming the path ("…/report.pdf: No such file or
// directory") or "cancelled".
energize::Expected<int> writeReport(const ReportData &data, const QString &path,
                                    const PageProgress &progress = {});

} // namespace app::report
