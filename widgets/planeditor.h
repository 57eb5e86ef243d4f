// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits what is built at every site: critical IT load, accelerator system, cooling architecture
// and the redundancy of each system. Shows a plan object (the "plan" of a plan file) and emits
// the edited object when the user changes a field; the owner makes the undo command.
// Other keys of the object (phases, interconnection, utilisation) are kept; phases are scaled
// with the IT load. Also edits the project's schedule and cost options, kept in the plan object
// as "schedule" {start, bridging} and "economics" {tokens_per_second_per_accelerator}, the
// sections of a plan file. GUI thread only.

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;

namespace ui {

class PlanEditor : public QWidget
{
    Q_OBJECT
public:
    using Choices = QList<QPair<QString, QString>>; // id, name

    explicit PlanEditor(QWidget *parent = nullptr);

    void setChoices(const Choices &accelerators, const Choices &cooling,
                    const Choices &bridging = {});
    void setPlan(const QJsonObject &plan);
    QJsonObject plan() const { return m_plan; }

    QDoubleSpinBox *itLoad() const { return m_itLoad; }
    QComboBox *accelerator() const { return m_accelerator; }
    QComboBox *cooling() const { return m_cooling; }
    QComboBox *bridging() const { return m_bridging; }
    QDateEdit *start() const { return m_start; }
    QDoubleSpinBox *tokensPerSecond() const { return m_tokens; }

signals:
    // The whole edited plan object, and what changed ("IT load", "accelerator", …).
    void planEdited(const QJsonObject &plan, const QString &what);

private:
    void edited(const QString &what);

    QJsonObject m_plan;
    QDoubleSpinBox *m_itLoad;
    QComboBox *m_accelerator;
    QComboBox *m_cooling;
    QComboBox *m_transformers;
    QComboBox *m_ups;
    QComboBox *m_generators;
    QComboBox *m_coolingRedundancy;
    QComboBox *m_bridging;
    QDateEdit *m_start;
    QDoubleSpinBox *m_tokens;
    bool m_filling = false;
};

} // namespace ui
