// SPDX-License-Identifier: GPL-3.0-or-later
// The per-MW table of systems as a user meets it: one row per system with its figures, the
// source of a cell on hover, "missing" where the catalog has no figure, a click on a header
// sorts by that column (missing last) and the chart below then shows that column's bars in the
// table's order, without the systems that lack the figure.

#include "widgets/systemspermwview.h"

#include "planner/core/comparison/systemcomparison.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace planner;

namespace {

SystemPerMw row(const char *id, double perMw, std::optional<double> tokens, double capex)
{
    SystemPerMw r;
    r.systemId = id;
    r.name = id;
    r.itMw = 10.0;
    r.acceleratorsPerMw = perMw;
    r.tokensPerSecondPerMw = tokens;
    r.capexPerMw = capex;
    r.rackSource = std::string("https://example.org/") + id + " (2025, stated)";
    if (tokens)
        r.throughputSources = {"mini: MLPerf Inference v5.1 Llama-3.1-8B, Offline"};
    return r;
}

} // namespace

class TestSystemsPerMwView : public QObject
{
    Q_OBJECT

private slots:
    void sortsChartsAndTellsSources()
    {
        ui::SystemsPerMwView view;
        view.resize(800, 600);
        view.show();
        SystemPerMw failed;
        failed.systemId = failed.name = "liquid-only";
        failed.error = "needs liquid cooling";
        view.showSystems("Site",
                         {row("a", 500.0, 9e6, 40e6), row("b", 250.0, std::nullopt, 30e6),
                          row("c", 750.0, 12e6, 50e6), failed});
        QTableWidget *t = view.table();
        QCOMPARE(t->rowCount(), 4);
        // Sort by tokens/s per MW: click the header; the two figures are in order and the
        // missing ones together at one end, whichever the direction.
        QTest::mouseClick(t->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(t->horizontalHeader()->sectionViewportPosition(2) + 5, 5));
        QCOMPARE(view.chartedColumn(), 2);
        QCOMPARE(t->horizontalHeader()->sortIndicatorSection(), 2);
        const bool ascending = t->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        QStringList order;
        for (int i = 0; i < t->rowCount(); ++i)
            order << t->item(i, 0)->text();
        if (ascending)
            QCOMPARE(order.mid(2), QStringList({"a", "c"}));
        else
            QCOMPARE(order.mid(0, 2), QStringList({"c", "a"}));
        QCOMPARE(t->item(ascending ? 0 : 3, 2)->text(), QString("missing"));
        // The chart: two bars, in the table's order, with the values of the column.
        auto *bars = qobject_cast<QCPBars *>(view.plot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 2);
        QCOMPARE(bars->data()->at(0)->value, ascending ? 9e6 : 12e6);
        QCOMPARE(bars->data()->at(1)->value, ascending ? 12e6 : 9e6);
        // Sources on hover.
        for (int i = 0; i < t->rowCount(); ++i) {
            if (t->item(i, 0)->text() == "c") {
                QVERIFY(t->item(i, 1)->toolTip().contains("https://example.org/c"));
                QVERIFY(t->item(i, 2)->toolTip().contains("Llama-3.1-8B"));
                QCOMPARE(t->item(i, 3)->text().toDouble(), 50.0); // M USD per MW
            }
            if (t->item(i, 0)->text() == "liquid-only")
                QVERIFY(t->item(i, 0)->toolTip().contains("needs liquid cooling"));
        }
        // Capex per MW charted in M USD.
        view.chartColumn(3);
        QCOMPARE(bars->data()->size(), 3);
        double largest = 0.0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            largest = std::max(largest, it->value);
        QCOMPARE(largest, 50.0);
    }
};

QTEST_MAIN(TestSystemsPerMwView)
#include "test_systemspermwview.moc"
