// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The choices of a PDF report: which plans (all ticked at first), which sections, the paper, the
// author and whether to open the file when it is written. Shows and returns plain values; the
// app writes the report. GUI thread only.

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ui {

struct ReportChoice
{
    QStringList plans; // ticked, in the list's order
    bool summary = true;
    bool map = true;
    bool sites = true;
    bool planSections = true;
    bool assumptions = true;
    bool letter = false; // false: A4
    QString author;
    bool openWhenDone = true;
};

class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    ReportDialog(const QStringList &plans, const ReportChoice &defaults, QWidget *parent = nullptr);

    ReportChoice choice() const;
    QListWidget *planList() const { return m_plans; }

private:
    void updateOk();

    QListWidget *m_plans;
    QCheckBox *m_summary, *m_map, *m_sites, *m_planSections, *m_assumptions, *m_open;
    QComboBox *m_paper;
    QLineEdit *m_author;
    QPushButton *m_ok = nullptr;
};

} // namespace ui
