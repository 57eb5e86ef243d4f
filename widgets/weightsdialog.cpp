// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/weightsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

WeightsDialog::WeightsDialog(const QList<WeightRow> &rows, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Site Score Weights"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How much each factor counts in the site score. Weights are "
                                "relative; the score and the heatmap follow as you type. They "
                                "are saved with the project, and Edit ▸ Undo takes a change "
                                "back."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const WeightRow &row : rows) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(0.0, 100.0);
        box->setDecimals(1);
        box->setSingleStep(5.0);
        box->setValue(row.weight);
        box->setToolTip(row.why);
        box->setObjectName(row.id);
        form->addRow(row.name, box);
        m_boxes.insert(row.id, box);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, id = row.id](double value) { emit weightChanged(id, value); });
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::Reset, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            &WeightsDialog::resetRequested);
    layout->addWidget(buttons);
}

QDoubleSpinBox *WeightsDialog::spinBox(const QString &id) const
{
    return m_boxes.value(id);
}

} // namespace ui
