// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Layers dock: every layer of the project, top of the list drawn on top, with its
// visibility, role, coordinate system, feature count, source and state (loading, or why it
// failed; a missing file says where it was looked for and offers Locate…; a grid case without
// bus locations offers to choose them). It shows rows the
// app gives it and emits what the user asks for; the app turns
// requests into undo commands. Files dropped from a file manager are offered as new layers.
// GUI thread only.

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace ui {

struct LayerRow
{
    qint64 id = 0;
    QString name;
    bool visible = true;
    double opacity = 1.0;
    QString role; // "transmission lines", "elevation", …
    QString kind; // "vector", "raster" or "grid case"
    QString crs; // the source's coordinate system
    QString detail; // "224 features", "2,048 × 1,024 pixels"
    QString source;
    bool loading = false;
    QString error; // why it failed; empty when it is fine
    bool missing = false; // the file is not there: the row offers Locate…
    QString lookedFor; // where the file was looked for, when missing
    QString style; // the layer's style JSON (see app/layerstyles.h)
    QString progress; // what a loading layer is doing, e.g. "N-1 headroom … (45 %)"
    QString locations; // a grid case's bus-location table, empty when none is chosen
    bool needsLocations = false; // a grid case without bus locations: the row offers to choose
    QStringList notes; // what the user should know about a loaded layer (unplaced buses, …)
};

class LayerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayerPanel(QWidget *parent = nullptr);

    // Rows in drawing order (first drawn first); the list shows the last on top.
    void setLayers(const QList<LayerRow> &rows);
    qint64 currentLayer() const;
    QTreeWidget *tree() const { return m_tree; }
    static QStringList roleNames();

signals:
    void addRequested();
    void filesDropped(const QStringList &paths);
    void removeRequested(qint64 id);
    void visibilityChangeRequested(qint64 id, bool visible);
    // newIndex is in drawing order.
    void moveRequested(qint64 id, int newIndex);
    void roleChangeRequested(qint64 id, const QString &role);
    void opacityChangeRequested(qint64 id, double opacity);
    void zoomToLayerRequested(qint64 id);
    // The user wants to say where a missing layer's file is now.
    void locateRequested(qint64 id);
    // The user wants to see or change which fields hold a vector layer's voltage, name, ….
    void fieldsRequested(qint64 id);
    // The user wants to choose a grid case's bus-location table.
    void locationsRequested(qint64 id);
    // key: "ramp" (terrain, viridis, heat, greys, auto), "colour" (#rrggbb) or "by_voltage".
    void styleChangeRequested(qint64 id, const QString &key, const QVariant &value);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);
    void moveCurrent(int delta);
    void updateButtons();
    const LayerRow *rowOf(qint64 id) const;

    QTreeWidget *m_tree;
    QList<LayerRow> m_rows;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QToolButton *m_zoom;
    QToolButton *m_locate;
    bool m_filling = false;
};

} // namespace ui
