// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/planpanel.h"

#include "planner/core/catalog/catalog.h"
#include "planner/core/evaluation/evaluation.h"
#include "planner/core/io/gridfitreport.h"
#include "planner/core/sizing/gridfit.h"
#include "planner/core/sizing/planresult.h"
#include "widgets/emptystate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ui {
namespace {

QString num(double v, int decimals = 1)
{
    return QLocale().toString(v, 'f', decimals);
}

QString units(const planner::UnitCount &u, const char *unit)
{
    if (u.count == 0)
        return QObject::tr("none");
    return QStringLiteral("%1 × %2 %3").arg(u.count).arg(num(u.unitRating)).arg(unit);
}

} // namespace

PlanPanel::PlanPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_title(new QLabel(this)),
      m_error(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(new EmptyState(
            tr("Plan"),
            tr("The selected site's plan appears here: racks, power, cooling and land."), this));
    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    m_title->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #c81e1e;");
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Item"), tr("Value"), tr("Origin")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    pageLayout->addWidget(m_title);
    pageLayout->addWidget(m_error);
    pageLayout->addWidget(m_tree, 1);
    m_stack->addWidget(page);
}

void PlanPanel::clear()
{
    m_tree->clear();
    m_stack->setCurrentIndex(0);
}

void PlanPanel::showError(const QString &title, const QString &message)
{
    m_stack->setCurrentIndex(1);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    m_error->setText(message);
    m_error->show();
    m_tree->clear();
}

QTreeWidgetItem *PlanPanel::section(const QString &name)
{
    auto *item = new QTreeWidgetItem(m_tree, {name});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setExpanded(true);
    return item;
}

QTreeWidgetItem *PlanPanel::row(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// "fits, 40.0 MW to spare (N-1)" or "does not fit by 12.3 MW (N-1, from phase 2)"; the tooltip
// names what limits the headroom, the bus and the grid case.
void PlanPanel::gridHeadroomRow(QTreeWidgetItem *parent, const planner::GridFit *fit)
{
    if (!fit) {
        row(parent, tr("Grid headroom"), tr("not studied"))
                ->setToolTip(1,
                             tr("No headroom study of the grid at the serving bus: whether "
                                "the phases fit is unknown."));
        return;
    }
    const std::string_view name = planner::gridCriterionName(fit->criterion);
    const QString criterion = QString::fromLatin1(name.data(), qsizetype(name.size()));
    const auto mw = [](double v) {
        return std::isinf(v) ? tr("unlimited") : num(v) + QStringLiteral(" MW");
    };
    QString value;
    if (fit->fits())
        value = tr("fits, %1 to spare (%2)").arg(mw(fit->margin.value()), criterion);
    else
        value = tr("does not fit by %1 MW (%2, from phase %3)")
                        .arg(num(fit->shortfall.value()), criterion)
                        .arg(fit->firstShortPhase);
    const planner::GridHeadroom &h = fit->study;
    const auto given = [](const std::string &text) {
        return text.empty() ? tr("not given") : QString::fromStdString(text);
    };
    QStringList tip{
            tr("Binding element (%1): %2")
                    .arg(criterion,
                         std::isinf(fit->headroom.value()) ? tr("none") : given(fit->binding)),
            tr("Headroom N / N-1: %1 / %2").arg(mw(h.n.value()), mw(h.n1.value())),
            tr("Serving bus: %1").arg(QString::fromStdString(planner::servingBusText(h))),
            tr("Grid case: %1").arg(given(h.gridCase))};
    for (const planner::PhaseGridFit &p : fit->phases)
        tip << tr("Phase %1: %2 MW cumulative peak%3")
                        .arg(p.phase)
                        .arg(num(p.demand.value()))
                        .arg(p.fits() ? QString()
                                      : tr(", short by %1 MW").arg(num(p.shortfall.value())));
    for (const std::string &note : fit->notes)
        tip << QString::fromStdString(note);
    QTreeWidgetItem *item = row(parent, tr("Grid headroom"), value);
    item->setToolTip(0, tip.join('\n'));
    item->setToolTip(1, tip.join('\n'));
    if (!fit->fits())
        item->setForeground(1, QColor(0xc8, 0x1e, 0x1e));
}

void PlanPanel::showPlan(const QString &title, const planner::PlanResult &r,
                         const planner::Catalog &catalog, const planner::GridFit *gridFit,
                         const planner::RouterSavings *savings)
{
    m_stack->setCurrentIndex(1);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    m_error->setText(QString::fromStdString([&] {
        std::string w;
        for (const auto &warning : r.warnings)
            w += (w.empty() ? "" : "\n") + warning;
        return w;
    }()));
    m_error->setVisible(!r.warnings.empty());
    m_tree->setUpdatesEnabled(false);
    m_tree->clear();

    auto *it = section(tr("IT"));
    if (r.acceleratorIndex >= 0 && r.acceleratorIndex < int(catalog.accelerators.size()))
        row(it, tr("Accelerator system"),
            QString::fromStdString(catalog.accelerators[std::size_t(r.acceleratorIndex)].name));
    row(it, tr("Racks"), QLocale().toString(r.racks));
    row(it, tr("Accelerators"), QLocale().toString(r.accelerators));
    row(it, tr("Power per rack"), num(r.rackPower.value()) + " kW");
    row(it, tr("Critical IT load"), num(r.itLoad.value(), 2) + " MW");
    row(it, tr("Heat to liquid"), num(r.liquidShare * 100.0, 0) + " %");

    if (r.workload) {
        // What the traffic asks of the system, class by class (the racks above follow from it).
        const planner::WorkloadSizing &w = *r.workload;
        auto *served = section(tr("Served workload"));
        row(served, tr("Requests per day"), QLocale().toString(w.requestsPerDay, 'f', 0));
        row(served, tr("Tokens per day"), QLocale().toString(w.tokensPerDay, 'f', 0));
        row(served, tr("Output tokens/s, average"),
            QLocale().toString(w.averageOutputTokensPerSecond, 'f', 0));
        for (const planner::ClassSizing &c : w.classes) {
            QTreeWidgetItem *item =
                    row(served,
                        tr("%1 (%2 %)")
                                .arg(QString::fromStdString(c.route.modelClass),
                                     num(c.route.share * 100.0, 1)),
                        tr("%1 accelerators for %2 tokens/s at peak")
                                .arg(QLocale().toString(std::ceil(c.accelerators), 'f', 0),
                                     QLocale().toString(c.peakOutputTokensPerSecond, 'f', 0)));
            if (c.throughput) {
                const QString tip = tr("%1 output tokens/s per accelerator: %2, %3")
                                            .arg(num(c.throughput->tokensPerSecond.value, 0),
                                                 QString::fromStdString(c.throughput->benchmark),
                                                 QString::fromStdString(c.throughput->scenario));
                item->setToolTip(0, tip);
                item->setToolTip(1, tip);
            }
        }
        if (savings) {
            // The same requests all sent to the mix's costliest class, on the same system. The
            // dock is narrow: the whole figure and what it compares show on hover.
            const QString all = QString::fromStdString(savings->allToClass);
            const QString why = tr("The same requests and tokens, all served by the %1 class "
                                   "on the same accelerator system and site.")
                                        .arg(all);
            QTreeWidgetItem *mw =
                    row(served, tr("Router saves, IT load"),
                        tr("%1 MW (%2 MW routed vs %3 MW all to %4)")
                                .arg(num(savings->itMwAll - savings->itMwMix, 2),
                                     num(savings->itMwMix, 2), num(savings->itMwAll, 2), all));
            QTreeWidgetItem *usd = savings->usdPerYearMix && savings->usdPerYearAll
                    ? row(served, tr("Router saves, per year"),
                          tr("USD %1 (annualised capex + opex)")
                                  .arg(QLocale().toString(std::round(*savings->usdPerYearAll
                                                                     - *savings->usdPerYearMix),
                                                          'f', 0)))
                    : row(served, tr("Router saves, per year"),
                          tr("missing: no economics catalog to price either plan"));
            for (QTreeWidgetItem *item : {mw, usd})
                item->setToolTip(1, item->text(1) + QLatin1Char('\n') + why);
        }
    }

    auto *cooling = section(tr("Cooling"));
    if (r.coolingIndex >= 0 && r.coolingIndex < int(catalog.cooling.size()))
        row(cooling, tr("Architecture"),
            QString::fromStdString(catalog.cooling[std::size_t(r.coolingIndex)].name));
    row(cooling, tr("Heat to reject"), num(r.cooling.heatToReject.value(), 2) + " MW");
    row(cooling, tr("Installed capacity"), num(r.cooling.installedCapacity.value(), 2) + " MW");
    row(cooling, tr("PUE annual / peak"),
        num(r.cooling.annualPue, 3) + " / " + num(r.cooling.peakPue, 3));
    row(cooling, tr("Economizer hours"), QLocale().toString(qRound(r.cooling.economizerHours)));
    row(cooling, tr("Water use"),
        QStringLiteral("%1 L/kWh, %2 m³/yr")
                .arg(num(r.cooling.wueLPerKwh, 2))
                .arg(QLocale().toString(qRound64(r.cooling.waterPerYear.value()))));
    row(cooling, tr("CDUs"), units(r.cooling.cdus, "MW"));
    row(cooling, tr("Chillers"),
        units(r.cooling.liquidLoop.chillers.count ? r.cooling.liquidLoop.chillers
                                                  : r.cooling.airLoop.chillers,
              "MW"));

    auto *power = section(tr("Electrical"));
    const auto &e = r.electrical;
    row(power, tr("Peak facility load"), num(e.peakFacilityLoad.value(), 2) + " MW");
    row(power, tr("Peak apparent power"), num(e.peakMva.value(), 1) + " MVA");
    row(power, tr("Interconnection"),
        num(e.interconnection.value(), 0) + " kV"
                + (e.interconnectionAutomatic ? tr(" (automatic)") : QString()));
    row(power, tr("Utility transformers"), units(e.transformers, "MVA"));
    row(power, tr("MV blocks"), QLocale().toString(e.mvBlocks));
    row(power, tr("UPS modules"), units(e.upsModules, "MW"));
    row(power, tr("Generators"), units(e.generators, "MW"));
    row(power, tr("Losses at peak"), num(e.peakLosses.value(), 2) + " MW");
    gridHeadroomRow(power, gridFit);

    auto *land = section(tr("Land"));
    row(land, tr("Building footprint"),
        QLocale().toString(qRound64(r.land.buildingFootprint.value())) + " m²");
    row(land, tr("Campus"), num(r.land.campus.value(), 1) + " ha");

    auto *assumptions = section(tr("Assumptions (%1)").arg(r.assumptions.size()));
    assumptions->setExpanded(false);
    for (const planner::Assumption &a : r.assumptions) {
        QString origin = QString::fromLatin1(planner::originName(a.origin));
        QString tip;
        if (a.source >= 0 && a.source < int(catalog.sources.size())) {
            const planner::SourceRef &src = catalog.sources[std::size_t(a.source)];
            origin += QStringLiteral(" (%1)").arg(QString::fromStdString(src.year));
            tip = QString::fromStdString(src.url);
        }
        auto *item =
                new QTreeWidgetItem(assumptions,
                                    {QString::fromUtf8(a.key),
                                     num(a.value, 3) + ' ' + QString::fromUtf8(a.unit), origin});
        item->setToolTip(2, tip);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tree->setUpdatesEnabled(true);
}

} // namespace ui
