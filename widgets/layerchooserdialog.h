// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Asks which layers of a file that holds several (a GeoPackage, a KML with folders, a
// multi-layer GeoJSON) to add: each with its geometry and feature count, all with geometry
// ticked at first; tables without geometry are listed but cannot be picked. Modal; GUI thread.

#include "maps/vector/vectorloader.h"

#include <QDialog>

class QListWidget;

namespace ui {

class LayerChooserDialog : public QDialog
{
    Q_OBJECT
public:
    LayerChooserDialog(const QString &fileName, const QList<maps::VectorLayerInfo> &layers,
                       QWidget *parent = nullptr);

    QStringList chosenLayers() const;
    QListWidget *list() const { return m_list; }

private:
    QListWidget *m_list;
};

} // namespace ui
