// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The build phases of a plan as a small table: the IT load (MW) of each phase in the order they
// are built, and its share of the whole. The phases always add up to the plan's IT load, as the
// planner requires: the last phase takes the rest, so it is not typed; editing an earlier phase
// moves the difference to the last one. Add splits the last phase in two halves; Remove gives
// the removed phase's MW to the last remaining one; one phase left is no phasing at all (the
// plan's "phases_mw" is empty). A bad value (not a number, not above 0 MW, nothing left for the
// last phase) is refused with a message and the table shows the phases as they were. Reports
// edits; changes nothing itself. GUI thread only.

#include <QList>
#include <QWidget>

class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace ui {

class PhasesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PhasesEditor(QWidget *parent = nullptr);

    // itLoadMw: the plan's IT load; phases: its "phases_mw" (empty: a single phase). Emits
    // nothing.
    void setPhases(double itLoadMw, const QList<double> &phases);
    // As shown: empty for a single phase.
    QList<double> phases() const { return m_phases; }

    QTableWidget *table() const { return m_table; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }

    // The phases after typing `text` as phase `row`'s MW, or an empty list and `message` saying
    // why it is refused. Pure: for the table's edits and for tests.
    static QList<double> edited(double itLoadMw, const QList<double> &phases, int row,
                                const QString &text, QString *message);

signals:
    // The new phases (empty: one phase) and what was done ("phase 1", "phases").
    void phasesEdited(const QList<double> &phases, const QString &what);
    // A refused edit, with the reason.
    void invalid(const QString &message);

private:
    void fill();
    void cellEdited(QTableWidgetItem *item);
    void addPhase();
    void removePhase();
    void updateButtons();

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    double m_itLoad = 0.0;
    QList<double> m_phases;
    bool m_filling = false;
};

} // namespace ui
