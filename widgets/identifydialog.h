// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shows what the identify tool found at a clicked point, grouped by layer: every feature under
// the click (or the raster value) and its attributes. Non-modal; reused for each click. GUI thread
// only.

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace ui {

struct IdentifiedFeature
{
    QString layer;
    QString title; // feature label, "#fid" or the raster value
    QList<QPair<QString, QString>> attributes;
};

class IdentifyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdentifyDialog(QWidget *parent = nullptr);

    void showResults(double longitude, double latitude, const QList<IdentifiedFeature> &found);
    QTreeWidget *tree() const { return m_tree; }

private:
    QLabel *m_where;
    QTreeWidget *m_tree;
};

} // namespace ui
