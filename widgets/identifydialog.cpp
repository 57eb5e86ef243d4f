// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/identifydialog.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

IdentifyDialog::IdentifyDialog(QWidget *parent)
    : QDialog(parent), m_where(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Identify"));
    setObjectName("identifyDialog");
    resize(560, 420);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_tree, 1);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Feature / field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

void IdentifyDialog::showResults(double longitude, double latitude,
                                 const QList<IdentifiedFeature> &found)
{
    m_where->setText(tr("At %1°, %2°: %n feature(s)", nullptr, int(found.size()))
                             .arg(latitude, 0, 'f', 5)
                             .arg(longitude, 0, 'f', 5));
    m_tree->clear();
    for (const IdentifiedFeature &f : found) {
        auto *item = new QTreeWidgetItem(m_tree, {f.layer, f.title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (const auto &[name, value] : f.attributes) {
            auto *row = new QTreeWidgetItem(item, {name, value});
            row->setToolTip(1, value); // long values are cut at the dialog's edge
        }
        item->setExpanded(true);
    }
    if (found.isEmpty())
        new QTreeWidgetItem(m_tree, {tr("Nothing here"), tr("click closer to a feature")});
    show();
    raise();
}

} // namespace ui
