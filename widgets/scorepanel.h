// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Site Score dock: the selected or dragged site's score, and a table of every factor with
// its value, weight, score and contribution; exclusions in red with their reason. It only
// displays the ScoreBreakdown it is given. GUI thread only.

#include "widgets/scorebreakdown.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace ui {

class ScorePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScorePanel(QWidget *parent = nullptr);

    void showBreakdown(const ScoreBreakdown &breakdown);
    // Back to the empty state (no site selected).
    void clear();

    const ScoreBreakdown &breakdown() const { return m_breakdown; }
    QTableWidget *table() const { return m_table; }

private:
    ScoreBreakdown m_breakdown;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_score;
    QLabel *m_reasons;
    QLabel *m_headroom;
    QTableWidget *m_table;
};

} // namespace ui
