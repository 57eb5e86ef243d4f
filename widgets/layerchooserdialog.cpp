// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layerchooserdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <climits>

namespace ui {

LayerChooserDialog::LayerChooserDialog(const QString &fileName,
                                       const QList<maps::VectorLayerInfo> &layers, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Layers of %1").arg(fileName));
    setObjectName("layerChooserDialog");
    m_list->setObjectName("layerChooserList");
    for (const maps::VectorLayerInfo &info : layers) {
        const QString count = info.featureCount >= 0
                ? tr("%n feature(s)", nullptr, int(std::min<qint64>(info.featureCount, INT_MAX)))
                : tr("features not counted");
        auto *item = new QListWidgetItem(
                QStringLiteral("%1 — %2, %3")
                        .arg(info.name, maps::geometryKindName(info.kind), count),
                m_list);
        item->setData(Qt::UserRole, info.name);
        const bool usable = info.kind != maps::GeometryKind::None;
        item->setFlags(usable ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        item->setCheckState(usable ? Qt::Checked : Qt::Unchecked);
        if (!usable)
            item->setToolTip(tr("A table without geometry cannot be drawn on the map"));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Layers"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenLayers().isEmpty());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1 holds several layers. Each one ticked becomes a layer "
                                    "of the project:")
                                         .arg(fileName),
                                 this));
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 360);
}

QStringList LayerChooserDialog::chosenLayers() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->checkState() == Qt::Checked)
            out << item->data(Qt::UserRole).toString();
    }
    return out;
}

} // namespace ui
