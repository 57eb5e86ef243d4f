// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/comparisonview.h"

#include "widgets/comparisoncharts.h"
#include "widgets/comparisonmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {
namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent), m_plans(new QListWidget), m_baseline(new QComboBox), m_rows(new QToolButton),
      m_summary(new QLabel), m_message(new QLabel), m_busyRow(new QWidget),
      m_busyBar(new QProgressBar), m_table(new QTableView), m_model(new ComparisonModel(this)),
      m_charts(new ComparisonCharts)
{
    setWindowTitle(tr("Compare Plans"));
    m_plans->setObjectName("comparisonPlans");
    m_baseline->setObjectName("comparisonBaseline");
    m_rows->setObjectName("comparisonRows");
    m_summary->setObjectName("comparisonSummary");
    m_table->setObjectName("comparisonTable");

    auto *controls = new QWidget;
    auto *form = new QVBoxLayout(controls);
    form->setContentsMargins(0, 0, 0, 0);
    form->addWidget(new QLabel(tr("Plans to compare (2–%1):").arg(kMostPlans)));
    form->addWidget(m_plans);
    form->addWidget(new QLabel(tr("Baseline:")));
    form->addWidget(m_baseline);
    m_rows->setText(tr("Figures shown…"));
    m_rows->setPopupMode(QToolButton::InstantPopup);
    m_rows->setMenu(new QMenu(m_rows));
    m_rows->setToolButtonStyle(Qt::ToolButtonTextOnly);
    form->addWidget(m_rows);
    form->addWidget(m_busyRow);
    controls->setMaximumWidth(220);
    m_plans->setMaximumHeight(m_plans->fontMetrics().lineSpacing() * 9);
    m_plans->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_plans->setTextElideMode(Qt::ElideMiddle);
    form->addStretch(1);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->setStyleSheet("color: #a33;");
    m_message->hide();
    m_busyRow->setObjectName("comparisonBusy");
    // Under the choice, so that showing it moves nothing on the right.
    auto *busyLayout = new QVBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 8, 0, 0);
    m_busyBar->setRange(0, 0); // no steps to count: it only moves
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(m_busyBar->fontMetrics().height());
    auto *busyText = new QLabel(tr("Computing the comparison: every plan's schedule and cost "
                                   "from all Monte Carlo samples…"));
    busyText->setWordWrap(true);
    busyLayout->addWidget(m_busyBar);
    busyLayout->addWidget(busyText);
    m_busyRow->hide();

    m_table->setModel(m_model);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Two lines a row: a value and its difference to the baseline.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().lineSpacing() * 2 + 8);
    // Plan names wrap in the header, so that six plans' columns stay narrow.
    m_table->horizontalHeader()->setDefaultAlignment(
            Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    m_table->horizontalHeader()->setMinimumHeight(m_table->fontMetrics().lineSpacing() * 3 + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setSelectionMode(QAbstractItemView::ContiguousSelection);

    auto *split = m_split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_charts);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *right = new QVBoxLayout;
    right->addWidget(m_summary);
    right->addWidget(m_message);
    right->addWidget(split, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(controls);
    layout->addLayout(right, 1);

    connect(m_plans, &QListWidget::itemChanged, this, &ComparisonView::onPlansEdited);
    connect(m_baseline, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            emitChoice();
    });
}

void ComparisonView::setChoice(const QStringList &allPlans, const QStringList &plans,
                               const QString &baseline, const QStringList &hiddenRows)
{
    m_updating = true;
    m_plans->clear();
    const QStringList chosen = plans.isEmpty() ? allPlans.mid(0, kMostPlans) : plans;
    for (int i = 0; i < allPlans.size(); ++i) {
        auto *item = new QListWidgetItem(allPlans[i], m_plans);
        item->setToolTip(allPlans[i]); // the list elides long names
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(allPlans[i]) ? Qt::Checked : Qt::Unchecked);
    }
    fillBaselines(baseline);
    m_model->setHiddenRows(hiddenRows);
    rebuildRowsMenu();
    m_updating = false;
}

void ComparisonView::fillBaselines(const QString &current)
{
    const bool was = m_updating;
    m_updating = true;
    const QStringList chosen = checkedPlans();
    m_baseline->clear();
    m_baseline->addItems(chosen);
    m_baseline->setCurrentIndex(std::max<int>(0, int(chosen.indexOf(current))));
    // Swatches follow the column order, as the charts' colours do.
    for (int i = 0; i < m_plans->count(); ++i) {
        QListWidgetItem *item = m_plans->item(i);
        const int column = int(chosen.indexOf(item->text()));
        item->setIcon(column < 0 ? QIcon()
                                 : swatch(ComparisonCharts::planColour(std::size_t(column))));
    }
    m_updating = was;
}

QStringList ComparisonView::checkedPlans() const
{
    QStringList out;
    for (int i = 0; i < m_plans->count(); ++i) {
        if (m_plans->item(i)->checkState() == Qt::Checked)
            out << m_plans->item(i)->text();
    }
    return out;
}

QString ComparisonView::baseline() const
{
    return m_baseline->currentText();
}

QStringList ComparisonView::hiddenRows() const
{
    return m_model->hiddenRows();
}

void ComparisonView::onPlansEdited()
{
    if (m_updating)
        return;
    m_updating = true;
    QStringList chosen = checkedPlans();
    // A seventh plan is refused: uncheck the last checked one.
    for (int i = m_plans->count(); i-- > 0 && chosen.size() > kMostPlans;) {
        if (m_plans->item(i)->checkState() == Qt::Checked) {
            m_plans->item(i)->setCheckState(Qt::Unchecked);
            chosen = checkedPlans();
        }
    }
    fillBaselines(m_baseline->currentText());
    m_updating = false;
    emitChoice();
}

void ComparisonView::rebuildRowsMenu()
{
    QMenu *menu = m_rows->menu();
    menu->clear();
    const QStringList hidden = m_model->hiddenRows();
    for (const planner::ComparisonRow &row : m_model->comparison().rows) {
        const QString id = QString::fromStdString(row.id);
        QAction *action = menu->addAction(QString::fromStdString(row.label));
        action->setCheckable(true);
        action->setChecked(!hidden.contains(id));
        action->setData(id);
        connect(action, &QAction::toggled, this, [this, id](bool shown) {
            QStringList rows = m_model->hiddenRows();
            rows.removeAll(id);
            if (!shown)
                rows << id;
            m_model->setHiddenRows(rows);
            emitChoice();
        });
    }
}

void ComparisonView::emitChoice()
{
    emit choiceChanged(checkedPlans(), baseline(), hiddenRows());
}

void ComparisonView::showComparison(const planner::Comparison &table,
                                    const std::vector<planner::ComparedPlan> &plans,
                                    const QStringList &notes)
{
    m_message->hide();
    QStringList sentences;
    for (const std::string &s : table.summary)
        sentences << QStringLiteral("• ") + QString::fromStdString(s);
    m_summary->setText(sentences.join('\n'));
    m_model->setComparison(table, notes);
    m_charts->showPlans(plans);
    rebuildRowsMenu();
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);
    for (int c = ComparisonModel::kFirstPlanColumn; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(
                c, m_table->fontMetrics().horizontalAdvance("-999.9 M (-99.9 %)") + 12);
    // The whole table in view, the charts in the rest.
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < m_model->columnCount(); ++c)
        width += m_table->columnWidth(c);
    const int total = std::max(m_split->width(), width + 400);
    m_split->setSizes({width, total - width});
}

void ComparisonView::setBusy(bool busy)
{
    m_busy = busy;
    m_busyRow->setVisible(busy);
    m_summary->setEnabled(!busy);
    m_split->setEnabled(!busy);
}

void ComparisonView::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
    m_summary->clear();
    m_model->clear();
    m_charts->clear();
}

} // namespace ui
