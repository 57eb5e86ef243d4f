// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/chartspanel.h"

#include "widgets/cashflowchart.h"
#include "widgets/costchart.h"
#include "widgets/emptystate.h"
#include "widgets/schedulechart.h"
#include "widgets/systemspermwview.h"
#include "widgets/tornadochart.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_tabs(new QTabWidget(this)),
      m_schedule(new ScheduleChart(this)), m_cost(new CostChart(this)),
      m_cashFlow(new CashFlowChart(this)), m_tcoTornado(new TornadoChart(tr("M USD"), 1e6, this)),
      m_dateTornado(new TornadoChart(tr("months"), 1.0, this)),
      m_systems(new SystemsPerMwView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(new EmptyState(tr("Charts"),
                                      tr("Select a site to see its time to power on: every task, "
                                         "the critical path and P10/P50/P90 energization."),
                                      this));
    m_tabs->addTab(m_schedule, tr("Time to power on"));
    m_tabs->addTab(m_cost, tr("Cost"));
    m_tabs->addTab(m_cashFlow, tr("Cash flow"));
    m_tabs->addTab(m_tcoTornado, tr("What moves the TCO"));
    m_tabs->addTab(m_dateTornado, tr("What moves the power-on date"));
    m_tabs->addTab(m_systems, tr("Per MW by system"));
    m_stack->addWidget(m_tabs);
}

void ChartsPanel::showSchedule(const QString &title, const planner::ScheduleResult &result)
{
    m_stack->setCurrentIndex(1);
    m_schedule->showSchedule(title, result);
}

void ChartsPanel::showCost(const QString &title, const planner::EconomicsResult &result)
{
    m_stack->setCurrentIndex(1);
    m_cost->showCost(title, result);
}

void ChartsPanel::showCashFlow(const QString &title, const planner::CashFlow &flow)
{
    m_stack->setCurrentIndex(1);
    m_cashFlow->showCashFlow(title, flow);
}

void ChartsPanel::showTcoTornado(const QString &title, const planner::Tornado &tornado)
{
    m_stack->setCurrentIndex(1);
    m_tcoTornado->showTornado(title, tornado);
}

void ChartsPanel::showDateTornado(const QString &title, const planner::Tornado &tornado)
{
    m_stack->setCurrentIndex(1);
    m_dateTornado->showTornado(title, tornado);
}

void ChartsPanel::showSystems(const QString &title, const std::vector<planner::SystemPerMw> &rows)
{
    m_stack->setCurrentIndex(1);
    m_systems->showSystems(title, rows);
}

void ChartsPanel::clear()
{
    m_stack->setCurrentIndex(0);
    m_schedule->clear();
    m_cost->clear();
    m_cashFlow->clear();
    m_tcoTornado->clear();
    m_dateTornado->clear();
    m_systems->clear();
}

} // namespace ui
