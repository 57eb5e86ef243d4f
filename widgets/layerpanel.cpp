// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layerpanel.h"

#include "widgets/filedrop.h"

#include <QColorDialog>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMimeData>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QToolButton *button(QWidget *parent, const QString &text, const QString &tip)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

} // namespace

LayerPanel::LayerPanel(QWidget *parent) : QWidget(parent), m_tree(new QTreeWidget(this))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *bar = new QHBoxLayout;
    auto *add = button(this, tr("Add…"), tr("Add layers from files (Ctrl+L)"));
    m_remove = button(this, tr("Remove"), tr("Remove the selected layer"));
    m_up = button(this, tr("Up"), tr("Draw the selected layer higher"));
    m_down = button(this, tr("Down"), tr("Draw the selected layer lower"));
    m_zoom = button(this, tr("Zoom"), tr("Zoom the map to the selected layer"));
    m_locate = button(this, tr("Locate…"),
                      tr("Choose where the missing file of the selected "
                         "layer is now"));
    m_locate->setObjectName("locateLayerButton");
    for (QToolButton *b : {add, m_remove, m_up, m_down, m_zoom, m_locate})
        bar->addWidget(b);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Layer"), tr("Role")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->setRootIsDecorated(false);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setObjectName("layerTree");
    m_tree->setTextElideMode(Qt::ElideMiddle); // long paths keep their file name in sight

    connect(add, &QToolButton::clicked, this, &LayerPanel::addRequested);
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (currentLayer())
            emit removeRequested(currentLayer());
    });
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_zoom, &QToolButton::clicked, this, [this] {
        if (currentLayer())
            emit zoomToLayerRequested(currentLayer());
    });
    connect(m_locate, &QToolButton::clicked, this, [this] {
        if (const LayerRow *row = rowOf(currentLayer()); row && row->missing)
            emit locateRequested(row->id);
    });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_filling || column != 0)
            return;
        emit visibilityChangeRequested(item->data(0, kIdRole).toLongLong(),
                                       item->checkState(0) == Qt::Checked);
    });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const qint64 id = item->data(0, kIdRole).toLongLong();
        const LayerRow *row = rowOf(id);
        if (row && row->missing)
            emit locateRequested(id);
        else if (row && row->needsLocations)
            emit locationsRequested(id);
        else
            emit zoomToLayerRequested(id);
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LayerPanel::updateButtons);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &LayerPanel::showContextMenu);
    updateButtons();
}

QStringList LayerPanel::roleNames()
{
    return {"transmission lines", "substations", "power plants", "land cover", "elevation",
            "flood zones",        "land price",  "climate",      "boundaries", "protected areas"};
}

void LayerPanel::setLayers(const QList<LayerRow> &rows)
{
    const qint64 current = currentLayer();
    m_rows = rows;
    m_filling = true;
    m_tree->clear();
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        const LayerRow &row = *it;
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(0, kIdRole, row.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, row.visible ? Qt::Checked : Qt::Unchecked);
        QString name = row.name;
        if (row.loading)
            name += row.progress.isEmpty() ? tr(" (loading…)")
                                           : tr(" (loading: %1)").arg(row.progress);
        item->setText(0, name);
        item->setText(1, row.role.isEmpty() ? tr("unknown") : row.role);
        QStringList tip{row.source};
        if (!row.locations.isEmpty())
            tip << tr("Bus locations: %1").arg(row.locations);
        if (!row.kind.isEmpty())
            tip << tr("%1 layer, %2").arg(row.kind, row.detail);
        if (!row.crs.isEmpty())
            tip << tr("Coordinate system: %1").arg(row.crs);
        if (row.opacity < 1.0)
            tip << tr("Opacity: %1 %").arg(qRound(row.opacity * 100.0));
        tip << row.notes;
        if (!row.error.isEmpty()) {
            tip << row.error;
            item->setForeground(0, QColor(200, 30, 30));
            item->setText(1, tr("failed"));
        }
        if (row.missing) {
            item->setText(0, tr("%1 (file missing)").arg(row.name));
            item->setText(1, tr("missing"));
            item->setForeground(1, QColor(200, 30, 30));
            // The path on a line of its own, so the user sees where it was looked for.
            auto *where = new QTreeWidgetItem(item);
            where->setData(0, kIdRole, row.id);
            where->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            where->setText(0, tr("Not found at %1 — right-click ▸ Locate…").arg(row.lookedFor));
            where->setForeground(0, QColor(140, 30, 30));
            where->setToolTip(0, tip.join('\n'));
            where->setFirstColumnSpanned(true);
            item->setExpanded(true);
        }
        if (row.needsLocations) {
            item->setText(1, tr("no locations"));
            auto *ask = new QTreeWidgetItem(item);
            ask->setData(0, kIdRole, row.id);
            ask->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            ask->setText(0, tr("No bus locations — right-click ▸ Choose Bus Locations…"));
            ask->setForeground(0, QColor(140, 30, 30));
            ask->setToolTip(0, tip.join('\n'));
            ask->setFirstColumnSpanned(true);
            item->setExpanded(true);
        }
        item->setToolTip(0, tip.join('\n'));
        item->setToolTip(1, tip.join('\n'));
        if (row.id == current)
            m_tree->setCurrentItem(item);
    }
    m_filling = false;
    updateButtons();
}

qint64 LayerPanel::currentLayer() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kIdRole).toLongLong() : 0;
}

void LayerPanel::moveCurrent(int delta)
{
    const qint64 id = currentLayer();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id) {
            const int target = i + delta;
            if (target >= 0 && target < m_rows.size())
                emit moveRequested(id, target);
            return;
        }
    }
}

void LayerPanel::updateButtons()
{
    const bool has = currentLayer() != 0;
    for (QToolButton *b : {m_remove, m_up, m_down, m_zoom})
        b->setEnabled(has);
    const bool anyMissing = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                        [](const LayerRow &r) { return r.missing; });
    const LayerRow *current = rowOf(currentLayer());
    m_locate->setVisible(anyMissing);
    m_locate->setEnabled(current && current->missing);
}

const LayerRow *LayerPanel::rowOf(qint64 id) const
{
    for (const LayerRow &row : m_rows) {
        if (row.id == id)
            return &row;
    }
    return nullptr;
}

void LayerPanel::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (!item)
        return;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    QMenu menu(this);
    LayerRow row;
    if (const LayerRow *found = rowOf(id))
        row = *found;
    if (row.missing) {
        QAction *locate =
                menu.addAction(tr("Locate…"), this, [this, id] { emit locateRequested(id); });
        locate->setObjectName("actionLocateLayer");
        menu.setDefaultAction(locate);
        menu.addSeparator();
    }
    menu.addAction(tr("Zoom to Layer"), this, [this, id] { emit zoomToLayerRequested(id); });
    const bool gridCase = row.kind == tr("grid case");
    if (gridCase) {
        menu.addAction(row.locations.isEmpty() ? tr("Choose Bus Locations…")
                                               : tr("Change Bus Locations…"),
                       this, [this, id] { emit locationsRequested(id); })
                ->setObjectName("actionChooseBusLocations");
    }
    if (row.kind == tr("raster")) {
        QMenu *ramps = menu.addMenu(tr("Colour Ramp"));
        const std::pair<const char *, QString> choices[] = {{"auto", tr("By role")},
                                                            {"terrain", tr("Terrain")},
                                                            {"viridis", tr("Viridis")},
                                                            {"heat", tr("Heat")},
                                                            {"greys", tr("Greys")}};
        for (const auto &[key, label] : choices)
            ramps->addAction(label, this, [this, id, key = QString::fromLatin1(key)] {
                emit styleChangeRequested(id, "ramp", key);
            });
    } else if (row.kind == tr("vector") || gridCase) {
        menu.addAction(tr("Colour…"), this, [this, id] {
            const QColor colour = QColorDialog::getColor(Qt::darkGray, this, tr("Layer Colour"));
            if (colour.isValid())
                emit styleChangeRequested(id, "colour", colour.name());
        });
        if (!gridCase) {
            QAction *fields =
                    menu.addAction(tr("Fields…"), this, [this, id] { emit fieldsRequested(id); });
            fields->setObjectName("actionLayerFields");
            fields->setStatusTip(tr("Choose which fields hold the voltage, name, capacity, "
                                    "owner and status of the layer's features"));
        }
        QAction *byVoltage = menu.addAction(tr("Colour by Voltage Class"));
        byVoltage->setCheckable(true);
        byVoltage->setChecked(!row.style.contains("\"by_voltage\":false"));
        connect(byVoltage, &QAction::toggled, this,
                [this, id](bool on) { emit styleChangeRequested(id, "by_voltage", on); });
    }
    if (!gridCase) { // a grid case is drawn and scored as its substations and branches
        QMenu *roles = menu.addMenu(tr("Role"));
        for (const QString &role : roleNames())
            roles->addAction(role, this, [this, id, role] { emit roleChangeRequested(id, role); });
    }
    menu.addAction(tr("Opacity…"), this, [this, id] {
        double current = 1.0;
        for (const LayerRow &r : std::as_const(m_rows))
            if (r.id == id)
                current = r.opacity;
        bool ok = false;
        const int percent = QInputDialog::getInt(this, tr("Layer Opacity"), tr("Opacity (%):"),
                                                 qRound(current * 100.0), 0, 100, 5, &ok);
        if (ok)
            emit opacityChangeRequested(id, percent / 100.0);
    });
    menu.addSeparator();
    menu.addAction(tr("Remove"), this, [this, id] { emit removeRequested(id); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void LayerPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void LayerPanel::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFilesFrom(event->mimeData());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        emit filesDropped(paths);
    }
}

} // namespace ui
