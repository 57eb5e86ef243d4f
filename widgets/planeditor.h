// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edits every input of a build plan, in four tabs. Build: how much IT (critical IT load in MW,
// a number of racks, or a served workload), the accelerator system, the cooling architecture, the
// redundancy of each system, the average load and the build phases (PhasesEditor). Grid and
// schedule: the interconnection voltage, the criterion of the grid-headroom check (N-1 or N), the
// interconnection market, whether the campus builds its own substation, the project start and
// bridging power. Cost: the economics options
// (CostOptionsEditor). Workload: the served workload (WorkloadEditor), when it sizes the plan.
// Shows a plan object (the "plan" of a plan file with its "schedule" and "economics" sections
// inside it, as planSpecToJson writes it) and emits the edited object, one field per edit; the
// owner makes the undo command and calls setPlan() with what the document then holds. Keys it has
// no field for (a custom accelerator's figures) are kept. A refused value shows its message under
// the tabs until the next edit. GUI thread only.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QWidget>

#include "widgets/costoptionseditor.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace ui {

class PhasesEditor;
class WorkloadEditor;

// What the editor's lists offer, from the catalogs.
struct PlanEditorChoices
{
    using Choices = QList<QPair<QString, QString>>; // id, name
    Choices accelerators;
    Choices cooling;
    Choices bridging;
    Choices markets; // interconnection markets of the schedule catalog
    QHash<QString, double> rackKw; // accelerator id -> IT power of one rack, kW
    QList<double> voltagesKv; // the catalog's interconnection voltage classes, ascending
    QStringList modelClasses; // the catalog's inference model classes (workload mix rows)
    // The workload a plan starts from when the user sizes it by workload (the bundled example
    // plan's, resources/examples/plan-workload.json); empty: none known.
    QJsonObject exampleWorkload;
    CostDefaults cost;
};

class PlanEditor : public QWidget
{
    Q_OBJECT
public:
    using Choices = PlanEditorChoices::Choices;

    explicit PlanEditor(QWidget *parent = nullptr);

    void setChoices(const PlanEditorChoices &choices);
    // The market that applies when a plan names none (the project's), for its list entry.
    void setProjectMarket(const QString &market);
    void setPlan(const QJsonObject &plan);
    QJsonObject plan() const { return m_plan; }
    // Says why an edit was refused (empty: nothing to say).
    void showMessage(const QString &message);
    QString message() const;

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *sizeBy() const { return m_sizeBy; } // "mw", "racks" or "workload"
    QDoubleSpinBox *itLoad() const { return m_itLoad; }
    QSpinBox *racks() const { return m_racks; }
    QComboBox *accelerator() const { return m_accelerator; }
    QComboBox *cooling() const { return m_cooling; }
    QDoubleSpinBox *averageLoad() const { return m_averageLoad; } // % of the design IT load
    PhasesEditor *phases() const { return m_phases; }
    QComboBox *interconnection() const { return m_interconnection; } // kV, or "auto"
    QComboBox *gridCriterion() const { return m_gridCriterion; } // "N-1" or "N"
    QComboBox *market() const { return m_market; } // empty data: the project's
    QCheckBox *newSubstation() const { return m_newSubstation; }
    QComboBox *bridging() const { return m_bridging; }
    QDateEdit *start() const { return m_start; }
    CostOptionsEditor *costOptions() const { return m_cost; }
    WorkloadEditor *workload() const { return m_workload; }
    QDoubleSpinBox *tokensPerSecond() const;

signals:
    // The whole edited plan object, and what changed ("IT load", "accelerator", …).
    void planEdited(const QJsonObject &plan, const QString &what);

private:
    QWidget *buildTab();
    QWidget *gridTab();
    void connectFields();
    void commit(const QJsonObject &plan, const QString &what);
    // The plan's IT load in MW: given, or its racks times the accelerator's rack power; 0 when
    // it cannot be known.
    double itLoadMw(const QJsonObject &plan) const;
    double rackKw(const QJsonObject &plan) const;
    void editLoad(const QString &what, QJsonObject plan, double newLoadMw);
    void checkPhases();

    PlanEditorChoices m_choices;
    QJsonObject m_plan;
    QTabWidget *m_tabs;
    QLabel *m_message;
    QComboBox *m_sizeBy;
    QDoubleSpinBox *m_itLoad;
    QSpinBox *m_racks;
    QComboBox *m_accelerator;
    QComboBox *m_cooling;
    QComboBox *m_transformers;
    QComboBox *m_ups;
    QComboBox *m_generators;
    QComboBox *m_coolingRedundancy;
    QDoubleSpinBox *m_averageLoad;
    PhasesEditor *m_phases;
    QComboBox *m_interconnection;
    QComboBox *m_gridCriterion = nullptr;
    QComboBox *m_market;
    QCheckBox *m_newSubstation;
    QComboBox *m_bridging;
    QDateEdit *m_start;
    CostOptionsEditor *m_cost;
    WorkloadEditor *m_workload;
    QLabel *m_byWorkload; // in place of the IT load while the workload sizes the plan
    bool m_filling = false;
};

} // namespace ui
