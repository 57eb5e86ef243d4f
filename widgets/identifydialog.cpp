// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/identifydialog.h"

#include <QHash>
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
    // Grouped by layer, in the order the layers were found (top of the map first): several
    // buses often share one substation point, several layers one place.
    QHash<QString, QTreeWidgetItem *> groups;
    for (const IdentifiedFeature &f : found) {
        QTreeWidgetItem *&group = groups[f.layer];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {f.layer, QString()});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {f.title, QString()});
        for (const auto &[name, value] : f.attributes) {
            auto *row = new QTreeWidgetItem(item, {name, value});
            row->setToolTip(1, value); // long values are cut at the dialog's edge
        }
        item->setExpanded(true);
    }
    for (QTreeWidgetItem *group : std::as_const(groups))
        group->setText(1, tr("%n feature(s)", nullptr, group->childCount()));
    if (found.isEmpty())
        new QTreeWidgetItem(m_tree, {tr("Nothing here"), tr("click closer to a feature")});
    show();
    raise();
}

} // namespace ui
