// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Charts dock for the selected site, in tabs: time to power on, cost, quarterly cash flow,
// what moves the TCO and the power-on date, and what a MW buys with each catalog system. Says what
// will appear until a plan exists. GUI thread only.

#include <QWidget>

#include <vector>

class QStackedWidget;
class QTabWidget;

namespace planner {
struct CashFlow;
struct EconomicsResult;
struct ScheduleResult;
struct SystemPerMw;
struct Tornado;
} // namespace planner

namespace ui {

class CashFlowChart;
class CostChart;
class ScheduleChart;
class SystemsPerMwView;
class TornadoChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    void showSchedule(const QString &title, const planner::ScheduleResult &result);
    void showCost(const QString &title, const planner::EconomicsResult &result);
    void showCashFlow(const QString &title, const planner::CashFlow &flow);
    void showTcoTornado(const QString &title, const planner::Tornado &tornado);
    void showDateTornado(const QString &title, const planner::Tornado &tornado);
    void showSystems(const QString &title, const std::vector<planner::SystemPerMw> &rows);
    void clear();
    ScheduleChart *scheduleChart() const { return m_schedule; }
    CostChart *costChart() const { return m_cost; }
    CashFlowChart *cashFlowChart() const { return m_cashFlow; }
    TornadoChart *tcoTornadoChart() const { return m_tcoTornado; }
    TornadoChart *dateTornadoChart() const { return m_dateTornado; }
    SystemsPerMwView *systemsView() const { return m_systems; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    ScheduleChart *m_schedule;
    CostChart *m_cost;
    CashFlowChart *m_cashFlow;
    TornadoChart *m_tcoTornado;
    TornadoChart *m_dateTornado;
    SystemsPerMwView *m_systems;
};

} // namespace ui
