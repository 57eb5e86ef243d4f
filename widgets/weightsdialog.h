// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits the weights of the site-score factors. Each change is reported at once (weightChanged)
// so the score and the heatmap follow while the dialog is open. GUI thread only.

#include <QDialog>

class QDoubleSpinBox;
class QFormLayout;

namespace ui {

struct WeightRow
{
    QString id;
    QString name;
    double weight = 0.0;
    QString why; // shown as the row's tooltip
};

class WeightsDialog : public QDialog
{
    Q_OBJECT
public:
    WeightsDialog(const QList<WeightRow> &rows, QWidget *parent = nullptr);

    QDoubleSpinBox *spinBox(const QString &id) const;

signals:
    void weightChanged(const QString &id, double weight);
    void resetRequested();

private:
    QHash<QString, QDoubleSpinBox *> m_boxes;
};

} // namespace ui
