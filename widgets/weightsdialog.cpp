// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/weightsdialog.h"

#include "planner/core/site/scoringoverrides.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

WeightsDialog::WeightsDialog(const QList<WeightRow> &rows, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Site Score Weights and Reach"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How much each factor counts in the site score, and how far a "
                                "distance factor looks: past its reach a factor scores 0 and "
                                "says \"none within N km\". Weights are relative; the score and "
                                "the heatmap follow as you type. Both are saved with the "
                                "project, and Edit ▸ Undo takes a change back. Hover a box for "
                                "the reason behind its default."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Factor</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Weight</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Reach</b>"), this), 0, 2);
    int line = 1;
    for (const WeightRow &row : rows) {
        auto *name = new QLabel(row.name, this);
        auto *box = new QDoubleSpinBox(this);
        box->setRange(0.0, 100.0);
        box->setDecimals(1);
        box->setSingleStep(5.0);
        box->setValue(row.weight);
        box->setToolTip(row.why);
        box->setObjectName(row.id);
        name->setBuddy(box);
        grid->addWidget(name, line, 0);
        grid->addWidget(box, line, 1);
        m_boxes.insert(row.id, box);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, id = row.id](double value) { emit weightChanged(id, value); });
        if (row.reachKm) {
            auto *reach = new QDoubleSpinBox(this);
            reach->setRange(0.1, planner::kMaxScoringReachKm);
            reach->setDecimals(1);
            reach->setSingleStep(5.0);
            reach->setSuffix(tr(" km"));
            reach->setValue(*row.reachKm);
            reach->setToolTip(row.reachWhy.isEmpty() ? tr("Past this distance the factor scores 0.")
                                                     : row.reachWhy);
            reach->setObjectName(row.id + "_reach");
            grid->addWidget(reach, line, 2);
            m_reachBoxes.insert(row.id, reach);
            connect(reach, &QDoubleSpinBox::valueChanged, this,
                    [this, id = row.id](double km) { emit reachChanged(id, km); });
        }
        ++line;
    }
    grid->setColumnStretch(0, 1);
    layout->addLayout(grid);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::Reset, this);
    buttons->button(QDialogButtonBox::Reset)
            ->setToolTip(tr("Back to the bundled weights and reaches (one undo step)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            &WeightsDialog::resetRequested);
    layout->addWidget(buttons);
}

QDoubleSpinBox *WeightsDialog::spinBox(const QString &id) const
{
    return m_boxes.value(id);
}

QDoubleSpinBox *WeightsDialog::reachBox(const QString &id) const
{
    return m_reachBoxes.value(id);
}

} // namespace ui
