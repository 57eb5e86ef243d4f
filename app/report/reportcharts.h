// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's charts: the application's own chart widgets (widgets/: schedule, cost, cash
// flow, tornados, the comparison's overlays) filled with the plan's figures and painted as
// vectors into the PDF through QCustomPlot::toPainter, at the size the page gives them, so that
// they read at 100 % as they do on screen. The widgets are never shown; they live as long as this
// object. GUI thread only (QWidget).

#include "app/report/reportblocks.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;

namespace planner {
struct CashFlow;
struct ComparedPlan;
struct EconomicsResult;
struct ScheduleResult;
struct Tornado;
} // namespace planner

namespace ui {
class ComparisonCharts;
}

namespace app::report {

class ReportCharts
{
public:
    ReportCharts();
    ~ReportCharts();

    std::unique_ptr<Block> schedule(const planner::ScheduleResult &result, double height);
    std::unique_ptr<Block> cost(const QString &title, const planner::EconomicsResult &result,
                                double height);
    std::unique_ptr<Block> cashFlow(const QString &title, const planner::CashFlow &flow,
                                    double height);
    // unit and scale as TornadoChart takes them ("M USD", 1e6; "months", 1)
    std::unique_ptr<Block> tornado(const QString &title, const planner::Tornado &tornado,
                                   const QString &unit, double scale, double height);

    enum class Overlay { CashFlow, Energization, Capex, Opex };
    // The plans are shown on the first call; later calls paint the same overlays.
    std::unique_ptr<Block> comparison(const std::vector<planner::ComparedPlan> &plans,
                                      Overlay which, double height);

private:
    std::unique_ptr<Block> plotBlock(QCustomPlot *plot, double height);

    std::unique_ptr<QWidget> m_owner; // parent of every chart widget
    ui::ComparisonCharts *m_comparison = nullptr;
};

} // namespace app::report
