// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/reportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ReportDialog::ReportDialog(const QStringList &plans, const ReportChoice &defaults, QWidget *parent)
    : QDialog(parent), m_plans(new QListWidget(this))
{
    setWindowTitle(tr("Export PDF Report"));
    setObjectName("reportDialog");
    auto *layout = new QVBoxLayout(this);
    auto *plansBox = new QGroupBox(tr("Plans"), this);
    auto *plansLayout = new QVBoxLayout(plansBox);
    m_plans->setObjectName("reportPlans");
    for (const QString &name : plans) {
        auto *item = new QListWidgetItem(name, m_plans);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(defaults.plans.isEmpty() || defaults.plans.contains(name)
                                    ? Qt::Checked
                                    : Qt::Unchecked);
    }
    plansLayout->addWidget(m_plans);
    layout->addWidget(plansBox);

    auto *sectionsBox = new QGroupBox(tr("Sections"), this);
    auto *sectionsLayout = new QVBoxLayout(sectionsBox);
    auto check = [&](const QString &text, bool on, const char *name) {
        auto *box = new QCheckBox(text, sectionsBox);
        box->setChecked(on);
        box->setObjectName(name);
        sectionsLayout->addWidget(box);
        return box;
    };
    m_summary = check(tr("Executive summary: comparison and summary"), defaults.summary,
                      "reportSummary");
    m_map = check(tr("Map with legend"), defaults.map, "reportMap");
    m_sites = check(tr("Sites: score factors and exclusions"), defaults.sites, "reportSites");
    m_planSections = check(tr("Plans: sizing, cost, schedule, cash flow, tornados"),
                           defaults.planSections, "reportPlanSections");
    m_assumptions = check(tr("Appendix: assumptions and sources"), defaults.assumptions,
                          "reportAssumptions");
    layout->addWidget(sectionsBox);

    auto *form = new QFormLayout;
    m_paper = new QComboBox(this);
    m_paper->setObjectName("reportPaper");
    m_paper->addItems({tr("A4"), tr("Letter")});
    m_paper->setCurrentIndex(defaults.letter ? 1 : 0);
    form->addRow(tr("Paper:"), m_paper);
    m_author = new QLineEdit(defaults.author, this);
    m_author->setObjectName("reportAuthor");
    form->addRow(tr("Author:"), m_author);
    layout->addLayout(form);
    m_open = new QCheckBox(tr("Open the report when it is written"), this);
    m_open->setObjectName("reportOpen");
    m_open->setChecked(defaults.openWhenDone);
    layout->addWidget(m_open);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_plans, &QListWidget::itemChanged, this, &ReportDialog::updateOk);
    updateOk();
}

void ReportDialog::updateOk()
{
    m_ok->setEnabled(!choice().plans.isEmpty());
}

ReportChoice ReportDialog::choice() const
{
    ReportChoice c;
    for (int i = 0; i < m_plans->count(); ++i) {
        if (m_plans->item(i)->checkState() == Qt::Checked)
            c.plans << m_plans->item(i)->text();
    }
    c.summary = m_summary->isChecked();
    c.map = m_map->isChecked();
    c.sites = m_sites->isChecked();
    c.planSections = m_planSections->isChecked();
    c.assumptions = m_assumptions->isChecked();
    c.letter = m_paper->currentIndex() == 1;
    c.author = m_author->text().trimmed();
    c.openWhenDone = m_open->isChecked();
    return c;
}

} // namespace ui
