// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits a plan's served workload (the "workload" object of a plan file): requests or tokens per
// day, the peak-to-average ratio, the target utilisation and the router mix, one row per model
// class with its share of the requests and its input and output tokens per request. Shows an
// object and emits the edited one, one field per edit; the owner makes the undo command and
// calls setWorkload() with what the document then holds. Shares are entered in percent and
// stored as fractions; a mix whose shares do not add up to 100 % is said under the table (the
// planner refuses it). GUI thread only.

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ui {

class WorkloadEditor : public QWidget
{
    Q_OBJECT
public:
    explicit WorkloadEditor(QWidget *parent = nullptr);

    // The model classes a row may name (the catalog's), in the order the list shows them.
    void setModelClasses(const QStringList &classes);
    void setWorkload(const QJsonObject &workload);
    QJsonObject workload() const { return m_workload; }

    QComboBox *basis() const { return m_basis; } // "requests_per_day" or "tokens_per_day"
    QDoubleSpinBox *perDay() const { return m_perDay; }
    QDoubleSpinBox *peakToAverage() const { return m_peak; }
    QDoubleSpinBox *utilisation() const { return m_utilisation; } // percent
    QTableWidget *mix() const { return m_mix; }
    QPushButton *addRow() const { return m_add; }
    QPushButton *removeRow() const { return m_remove; }
    QString mixMessage() const;

signals:
    void workloadEdited(const QJsonObject &workload, const QString &what);

private:
    void fillMix();
    void commit(QJsonObject workload, const QString &what);
    void editRow(int row, const QString &key, const QJsonValue &value, const QString &what);

    QStringList m_classes;
    QStringList m_builtClasses; // the classes the mix's cells were made with
    QJsonObject m_workload;
    QComboBox *m_basis;
    QDoubleSpinBox *m_perDay;
    QDoubleSpinBox *m_peak;
    QDoubleSpinBox *m_utilisation;
    QTableWidget *m_mix;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_mixMessage;
    bool m_filling = false;
};

} // namespace ui
