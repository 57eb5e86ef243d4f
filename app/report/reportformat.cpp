// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportformat.h"

#include "planner/core/comparison/comparison.h"

#include <QLocale>

#include <cmath>

namespace app::report {

QString number(double v, int decimals)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(v, 'f', decimals);
}

QString millionsUsd(double usd)
{
    return number(usd / 1e6, 1) + QStringLiteral(" M USD");
}

QString monthText(planner::YearMonth m)
{
    return QStringLiteral("%1-%2").arg(m.year).arg(m.month, 2, 10, QChar('0'));
}

QString percent(double share, int decimals)
{
    return number(share * 100.0, decimals) + QStringLiteral(" %");
}

namespace {

// Money rows with large values are printed in millions, the whole row alike.
bool inMillions(const planner::ComparisonRow &row)
{
    if (row.isMonth || row.unit.rfind("USD", 0) != 0)
        return false;
    for (const auto &v : row.values) {
        if (v && std::abs(*v) >= 1e5)
            return true;
    }
    return false;
}

} // namespace

QString comparisonValue(const planner::ComparisonRow &row, const std::optional<double> &v)
{
    if (!v)
        return QStringLiteral("—");
    if (row.isMonth)
        return QString::fromStdString(planner::monthText(*v));
    if (inMillions(row))
        return number(*v / 1e6, 1);
    const double a = std::abs(*v);
    return number(*v, a >= 1000.0 ? 0 : a >= 100.0 ? 1 : a >= 1.0 || a == 0.0 ? 2 : 3);
}

QString comparisonUnit(const planner::ComparisonRow &row)
{
    if (row.isMonth)
        return {};
    if (inMillions(row))
        return QStringLiteral("M ") + QString::fromStdString(row.unit);
    return QString::fromStdString(row.unit);
}

} // namespace app::report
