// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/phaseseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace ui {
namespace {

// Phases are kept to the kW: the rest of a subtraction carries no floating-point dust.
double toKw(double mw)
{
    return std::round(mw * 1000.0) / 1000.0;
}

QString mwText(double mw)
{
    return QLocale().toString(toKw(mw), 'g', 12);
}

double sum(const QList<double> &values)
{
    return std::accumulate(values.begin(), values.end(), 0.0);
}

} // namespace

PhasesEditor::PhasesEditor(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(this)), m_add(new QToolButton(this)),
      m_remove(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setObjectName("phasesTable");
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("IT load (MW)"), tr("Share")});
    m_table->horizontalHeaderItem(0)->setToolTip(
            tr("Critical IT load of the phase; the last phase takes the rest of the plan's IT "
               "load"));
    m_table->horizontalHeaderItem(1)->setToolTip(tr("The phase's share of the plan's IT load"));
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->setWhatsThis(
            tr("The plan is built and energized in phases, in this order. Each phase has its own "
               "fit-out, commissioning and energization in the schedule, and its share of the "
               "capex is spent on its own dates. The phases add up to the plan's IT load: type "
               "the MW of every phase but the last, which takes the rest."));
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    m_add->setText(tr("Add phase"));
    m_add->setObjectName("addPhase");
    m_add->setToolTip(tr("Split the last phase into two phases of half its IT load"));
    m_remove->setText(tr("Remove phase"));
    m_remove->setObjectName("removePhase");
    m_remove->setToolTip(
            tr("Remove the selected phase (else the last); its IT load goes to the last phase"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, &PhasesEditor::cellEdited);
    connect(m_add, &QToolButton::clicked, this, &PhasesEditor::addPhase);
    connect(m_remove, &QToolButton::clicked, this, &PhasesEditor::removePhase);
    fill();
}

void PhasesEditor::setPhases(double itLoadMw, const QList<double> &phases)
{
    m_itLoad = itLoadMw;
    m_phases = phases.size() == 1 ? QList<double>() : phases;
    fill();
}

void PhasesEditor::fill()
{
    m_filling = true;
    const QList<double> rows = m_phases.isEmpty() ? QList<double>{m_itLoad} : m_phases;
    m_table->setRowCount(int(rows.size()));
    const double total = sum(rows);
    // Items are reused, not replaced: fill() runs inside the table's own itemChanged().
    auto itemAt = [this](int r, int c) {
        QTableWidgetItem *item = m_table->item(r, c);
        if (!item) {
            item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
        return item;
    };
    for (int r = 0; r < rows.size(); ++r) {
        const bool last = r + 1 == rows.size();
        QTableWidgetItem *mw = itemAt(r, 0);
        mw->setText(mwText(rows[r]));
        QTableWidgetItem *share = itemAt(r, 1);
        share->setText(total > 0.0 ? QLocale().toString(rows[r] / total * 100.0, 'f', 0) + " %"
                                   : QStringLiteral("—"));
        share->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (last) {
            mw->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            mw->setForeground(palette().color(QPalette::PlaceholderText));
            mw->setToolTip(rows.size() == 1
                                   ? tr("A single phase of the whole IT load: add a phase to "
                                        "build in steps")
                                   : tr("The last phase takes the rest of the plan's IT load"));
        } else {
            mw->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            mw->setForeground(palette().color(QPalette::Text));
            mw->setToolTip(tr("Type the phase's IT load in MW; the last phase takes the rest"));
        }
        if (!m_table->verticalHeaderItem(r))
            m_table->setVerticalHeaderItem(r, new QTableWidgetItem(tr("Phase %1").arg(r + 1)));
    }
    // Room for up to four phases without scrolling; more scroll.
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
                            + rowHeight * int(std::min<qsizetype>(rows.size(), 4))
                            + 2 * m_table->frameWidth());
    m_filling = false;
    updateButtons();
}

void PhasesEditor::updateButtons()
{
    m_add->setEnabled(m_itLoad > 0.0);
    m_remove->setEnabled(m_phases.size() >= 2);
}

QList<double> PhasesEditor::edited(double itLoadMw, const QList<double> &phases, int row,
                                   const QString &text, QString *message)
{
    const QString phase = tr("Phase %1").arg(row + 1);
    if (row < 0 || row + 1 >= phases.size()) {
        *message = tr("%1: the last phase takes the rest of the IT load; type the other "
                      "phases or the plan's IT load")
                           .arg(phase);
        return {};
    }
    bool ok = false;
    double mw = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        mw = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok) {
        *message = tr("%1: '%2' is not a number of MW").arg(phase, text.trimmed());
        return {};
    }
    if (!std::isfinite(mw) || mw <= 0.0) {
        *message = tr("%1: %2 MW — a phase must have an IT load above 0 MW")
                           .arg(phase, QLocale().toString(mw));
        return {};
    }
    QList<double> out = phases;
    out[row] = toKw(mw);
    double others = 0.0;
    for (int i = 0; i + 1 < out.size(); ++i)
        others += out[i];
    const double rest = toKw(itLoadMw - others);
    if (rest <= 0.0) {
        *message = tr("%1: %2 MW leaves nothing for the last phase; the phases share the plan's "
                      "%3 MW of IT load — raise the IT load first")
                           .arg(phase, mwText(mw), mwText(itLoadMw));
        return {};
    }
    out.back() = rest;
    message->clear();
    return out;
}

void PhasesEditor::cellEdited(QTableWidgetItem *item)
{
    if (m_filling || item->column() != 0)
        return;
    QString message;
    const int row = item->row();
    const QList<double> next = edited(m_itLoad, m_phases, row, item->text(), &message);
    if (next.isEmpty()) {
        fill(); // as it was
        emit invalid(message);
        return;
    }
    if (next == m_phases) {
        fill(); // the same value typed differently
        return;
    }
    m_phases = next;
    fill();
    emit phasesEdited(m_phases, tr("phase %1").arg(row + 1));
}

void PhasesEditor::addPhase()
{
    QList<double> next = m_phases.isEmpty() ? QList<double>{m_itLoad} : m_phases;
    const double last = next.back();
    next.back() = toKw(last / 2.0);
    next.append(toKw(last - next.back()));
    m_phases = next;
    fill();
    emit phasesEdited(m_phases, tr("phases"));
}

void PhasesEditor::removePhase()
{
    if (m_phases.size() < 2)
        return;
    const int selected = m_table->currentRow();
    const int row =
            selected >= 0 && selected < m_phases.size() ? selected : int(m_phases.size()) - 1;
    QList<double> next = m_phases;
    const double freed = next.takeAt(row);
    next.back() = toKw(next.back() + freed);
    m_phases = next.size() == 1 ? QList<double>() : next;
    fill();
    emit phasesEdited(m_phases, tr("phases"));
}

} // namespace ui
