// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits the weights of the site-score factors and the reach of its distance factors. Each change
// is reported at once (weightChanged, reachChanged) so the score and the heatmap follow while the
// dialog is open. GUI thread only.

#include <QDialog>

#include <optional>

class QDoubleSpinBox;

namespace ui {

struct WeightRow
{
    QString id;
    QString name;
    double weight = 0.0;
    QString why; // shown as the weight's tooltip
    std::optional<double> reachKm; // distance factors only: past it the factor scores 0
    QString reachWhy; // shown as the reach's tooltip
};

class WeightsDialog : public QDialog
{
    Q_OBJECT
public:
    WeightsDialog(const QList<WeightRow> &rows, QWidget *parent = nullptr);

    QDoubleSpinBox *spinBox(const QString &id) const;
    // The reach box of a distance factor; null for a factor without a reach.
    QDoubleSpinBox *reachBox(const QString &id) const;

signals:
    void weightChanged(const QString &id, double weight);
    void reachChanged(const QString &id, double km);
    void resetRequested();

private:
    QHash<QString, QDoubleSpinBox *> m_boxes;
    QHash<QString, QDoubleSpinBox *> m_reachBoxes;
};

} // namespace ui
