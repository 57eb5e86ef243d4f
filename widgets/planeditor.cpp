// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/planeditor.h"

#include "widgets/phaseseditor.h"
#include "widgets/workloadeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ui {
namespace {

// The accelerator list's entry for a custom system of the plan (its figures are in the plan).
const char *const kCustomAccelerator = "__custom__";

QComboBox *choices(QWidget *parent, const QStringList &items)
{
    auto *box = new QComboBox(parent);
    box->addItems(items);
    return box;
}

void select(QComboBox *box, const QString &value)
{
    const int i = box->findData(value) >= 0 ? box->findData(value) : box->findText(value);
    if (i >= 0)
        box->setCurrentIndex(i);
}

double toKw(double mw)
{
    return std::round(mw * 1000.0) / 1000.0;
}

QList<double> phasesOf(const QJsonObject &plan)
{
    QList<double> out;
    for (const QJsonValue &v : plan.value("phases_mw").toArray())
        out << v.toDouble();
    return out;
}

// The phases scaled from one total to another; the last takes the rest, so they add up.
QJsonArray scaledPhases(const QList<double> &phases, double from, double to)
{
    QJsonArray out;
    double sum = 0.0;
    for (int i = 0; i + 1 < phases.size(); ++i) {
        const double mw = toKw(phases[i] * to / from);
        out.append(mw);
        sum += mw;
    }
    out.append(toKw(to - sum));
    return out;
}

// A tab page that scrolls when the dock is short.
QScrollArea *scrolling(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

} // namespace

PlanEditor::PlanEditor(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_message(new QLabel(this)),
      m_sizeBy(new QComboBox(this)), m_itLoad(new QDoubleSpinBox(this)),
      m_racks(new QSpinBox(this)), m_accelerator(new QComboBox(this)),
      m_cooling(new QComboBox(this)), m_transformers(choices(this, {"N", "N+1", "2N"})),
      m_ups(choices(this, {"N+1", "2N"})), m_generators(choices(this, {"none", "N+1", "2N"})),
      m_coolingRedundancy(choices(this, {"N", "N+1"})), m_averageLoad(new QDoubleSpinBox(this)),
      m_phases(new PhasesEditor(this)), m_interconnection(new QComboBox(this)),
      m_market(new QComboBox(this)), m_newSubstation(new QCheckBox(this)),
      m_bridging(new QComboBox(this)), m_start(new QDateEdit(this)),
      m_cost(new CostOptionsEditor(this)), m_workload(new WorkloadEditor(this)),
      m_byWorkload(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs->setObjectName("planEditorTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scrolling(buildTab()), tr("Build"));
    m_tabs->addTab(scrolling(gridTab()), tr("Grid && schedule"));
    m_tabs->addTab(scrolling(m_cost), tr("Cost"));
    m_tabs->addTab(scrolling(m_workload), tr("Workload"));
    // The tabs and a few rows at least, whatever the dock's height.
    setMinimumHeight(m_tabs->tabBar()->sizeHint().height() + fontMetrics().height() * 5);
    m_tabs->setTabToolTip(0, tr("What is built: IT load, systems, redundancy and phases"));
    m_tabs->setTabToolTip(1, tr("How the campus connects to the grid, and when it starts"));
    m_tabs->setTabToolTip(2,
                          tr("Options of the cost model; left at \"catalog\", the catalog's "
                             "figure applies"));
    m_tabs->setTabToolTip(3,
                          tr("The traffic the campus serves and the router mix, when the plan "
                             "is sized by workload (choose \"workload\" next to Critical IT "
                             "load)"));
    layout->addWidget(m_tabs);
    m_message->setObjectName("planEditorMessage");
    m_message->setWordWrap(true);
    m_message->setContentsMargins(6, 2, 6, 2); // in line with the tabs' rows
    m_message->setStyleSheet("color: #c81e1e;");
    m_message->hide();
    layout->addWidget(m_message);
    connectFields();
}

QWidget *PlanEditor::buildTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    auto *size = new QHBoxLayout;
    m_sizeBy->addItem(tr("MW"), "mw");
    m_sizeBy->addItem(tr("racks"), "racks");
    m_sizeBy->addItem(tr("workload"), "workload");
    m_sizeBy->setToolTip(tr("Size the plan by its critical IT load, by a number of racks of "
                            "the accelerator system, or by the traffic it serves (Workload tab)"));
    m_byWorkload->setText(tr("from the served workload (Workload tab)"));
    m_byWorkload->hide();
    m_itLoad->setRange(0.1, 5000.0);
    m_itLoad->setDecimals(1);
    m_itLoad->setSuffix(tr(" MW"));
    m_itLoad->setKeyboardTracking(false); // one edit per value, not per keystroke
    m_itLoad->setToolTip(tr("Critical IT load of the whole build, all phases together"));
    m_racks->setRange(1, 1000000);
    m_racks->setSuffix(tr(" racks"));
    m_racks->setKeyboardTracking(false);
    m_racks->setToolTip(tr("Racks of the accelerator system; the IT load is their rack power"));
    m_racks->hide();
    size->addWidget(m_itLoad, 1);
    size->addWidget(m_racks, 1);
    size->addWidget(m_byWorkload, 1);
    size->addWidget(m_sizeBy);
    form->addRow(tr("Critical IT load"), size);
    form->addRow(tr("Accelerator"), m_accelerator);
    form->addRow(tr("Cooling"), m_cooling);
    auto *redundancy = new QHBoxLayout;
    for (QComboBox *box : {m_transformers, m_ups, m_generators, m_coolingRedundancy})
        redundancy->addWidget(box);
    m_transformers->setToolTip(tr("Redundancy of the utility transformers"));
    m_ups->setToolTip(tr("Redundancy of the UPS"));
    m_generators->setToolTip(tr("Redundancy of the generators (none: no backup generation)"));
    m_coolingRedundancy->setToolTip(tr("Redundancy of the cooling units"));
    form->addRow(tr("Redundancy"), redundancy);
    m_averageLoad->setObjectName("averageLoad");
    m_averageLoad->setRange(1.0, 100.0);
    m_averageLoad->setDecimals(0);
    m_averageLoad->setSuffix(tr(" %"));
    m_averageLoad->setKeyboardTracking(false);
    m_averageLoad->setToolTip(tr("Average IT load over the year as a share of the design IT load: "
                                 "sets the annual energy, water and opex, not the equipment"));
    form->addRow(tr("Average load"), m_averageLoad);
    form->addRow(tr("Phases"), m_phases);
    return page;
}

QWidget *PlanEditor::gridTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_interconnection->setObjectName("interconnection");
    m_interconnection->setToolTip(
            tr("Voltage of the utility connection; automatic: the lowest class that takes the "
               "peak load"));
    form->addRow(tr("Interconnection"), m_interconnection);
    m_gridCriterion = choices(this, {"N-1", "N"});
    m_gridCriterion->setObjectName("gridCriterion");
    m_gridCriterion->setToolTip(
            tr("Which headroom at the serving bus the phases must fit in, when the site has a "
               "grid study: after any single branch outage (N-1, what utilities apply to large "
               "loads) or with every branch in service (N)"));
    form->addRow(tr("Grid criterion"), m_gridCriterion);
    m_market->setObjectName("market");
    m_market->setToolTip(tr("The interconnection queue the plan waits in: its load study and "
                            "agreement set the longest lead time of most schedules"));
    setProjectMarket(QString());
    form->addRow(tr("Market"), m_market);
    m_newSubstation->setObjectName("newSubstation");
    m_newSubstation->setText(tr("The campus builds its own substation"));
    m_newSubstation->setToolTip(tr("Transformers, HV breakers and a switching station bought and "
                                   "built for the campus (cost and lead time); off: the utility "
                                   "connects the campus to a substation that has room"));
    form->addRow(tr("Substation"), m_newSubstation);
    m_start->setDisplayFormat("yyyy-MM");
    m_start->setCalendarPopup(true);
    m_start->setDate(QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1));
    m_start->setKeyboardTracking(false);
    m_start->setToolTip(tr("Month in which the project starts: site control begins"));
    form->addRow(tr("Project start"), m_start);
    m_bridging->addItem(tr("None: wait for the grid"), QString());
    m_bridging->setToolTip(tr("On-site power that runs the first phase before the grid "
                              "connection, with its own lead time and cost"));
    form->addRow(tr("Bridging power"), m_bridging);
    return page;
}

void PlanEditor::connectFields()
{
    auto edit = [this](auto apply, const QString &what) {
        if (m_filling)
            return;
        QJsonObject plan = m_plan;
        apply(plan);
        commit(plan, what);
    };
    connect(m_itLoad, &QDoubleSpinBox::valueChanged, this, [this](double mw) {
        if (!m_filling)
            editLoad(tr("IT load"), m_plan, mw);
    });
    connect(m_racks, &QSpinBox::valueChanged, this, [this](int racks) {
        if (m_filling)
            return;
        QJsonObject plan = m_plan;
        plan.insert("racks", racks);
        editLoad(tr("racks"), plan, itLoadMw(plan));
    });
    connect(m_sizeBy, &QComboBox::activated, this, [this] {
        const double kw = rackKw(m_plan);
        // Sized by workload, the load is not known here: the one last shown.
        const double mw = m_plan.contains("workload") ? m_itLoad->value() : itLoadMw(m_plan);
        QJsonObject plan = m_plan;
        if (m_sizeBy->currentData() == "workload") {
            if (plan.contains("workload"))
                return;
            if (m_choices.exampleWorkload.isEmpty()) {
                setPlan(m_plan);
                showMessage(tr("No example workload to start from: open a plan file with a "
                               "workload"));
                return;
            }
            // The accelerators follow from the traffic: load, racks and phases are its result.
            plan.remove("it_load_mw");
            plan.remove("racks");
            plan.remove("phases_mw");
            plan.insert("workload", m_choices.exampleWorkload);
            commit(plan, tr("sizing"));
            m_tabs->setCurrentIndex(3);
            return;
        }
        plan.remove("workload");
        if (m_sizeBy->currentData() == "racks") {
            if (kw <= 0.0) {
                setPlan(m_plan);
                showMessage(tr("The accelerator's rack power is not known: size the plan in MW"));
                return;
            }
            plan.remove("it_load_mw");
            plan.insert("racks", std::max(1, int(std::lround(mw * 1000.0 / kw))));
        } else {
            plan.remove("racks");
            plan.insert("it_load_mw", mw);
        }
        editLoad(tr("sizing"), plan, itLoadMw(plan));
    });
    connect(m_workload, &WorkloadEditor::workloadEdited, this,
            [this](const QJsonObject &workload, const QString &what) {
                if (m_filling || !m_plan.contains("workload"))
                    return;
                QJsonObject plan = m_plan;
                plan.insert("workload", workload);
                commit(plan, what);
            });
    connect(m_accelerator, &QComboBox::activated, this, [this] {
        if (m_accelerator->currentData() == kCustomAccelerator)
            return;
        QJsonObject plan = m_plan;
        plan.insert("accelerator", m_accelerator->currentData().toString());
        // Sized by racks, another system is another IT load: the phases follow it.
        editLoad(tr("accelerator"), plan, itLoadMw(plan));
    });
    connect(m_cooling, &QComboBox::activated, this, [=, this] {
        edit([this](QJsonObject &p) { p.insert("cooling", m_cooling->currentData().toString()); },
             tr("cooling"));
    });
    for (QComboBox *box : {m_transformers, m_ups, m_generators, m_coolingRedundancy})
        connect(box, &QComboBox::activated, this, [=, this] {
            edit(
                    [this](QJsonObject &p) {
                        p.insert("redundancy",
                                 QJsonObject{{"transformers", m_transformers->currentText()},
                                             {"ups", m_ups->currentText()},
                                             {"generators", m_generators->currentText()},
                                             {"cooling", m_coolingRedundancy->currentText()}});
                    },
                    tr("redundancy"));
        });
    connect(m_averageLoad, &QDoubleSpinBox::valueChanged, this, [=, this](double percent) {
        edit([percent](QJsonObject &p) { p.insert("average_it_load_fraction", percent / 100.0); },
             tr("average load"));
    });
    connect(m_phases, &PhasesEditor::phasesEdited, this,
            [=, this](const QList<double> &phases, const QString &what) {
                edit(
                        [&phases](QJsonObject &p) {
                            if (phases.isEmpty()) {
                                p.remove("phases_mw");
                                return;
                            }
                            QJsonArray list;
                            for (double mw : phases)
                                list.append(mw);
                            p.insert("phases_mw", list);
                        },
                        what);
            });
    connect(m_phases, &PhasesEditor::invalid, this, &PlanEditor::showMessage);
    connect(m_interconnection, &QComboBox::activated, this, [=, this] {
        edit(
                [this](QJsonObject &p) {
                    const QVariant kv = m_interconnection->currentData();
                    p.insert("interconnection_kv",
                             kv.isValid() ? QJsonValue(kv.toDouble()) : QJsonValue("auto"));
                },
                tr("interconnection"));
    });
    connect(m_gridCriterion, &QComboBox::activated, this, [=, this] {
        edit(
                [this](QJsonObject &p) {
                    // N-1 is the default, which a plan leaves out (as planSpecToJson does).
                    const QString c = m_gridCriterion->currentText();
                    p.insert("grid_criterion",
                             c == "N-1" ? QJsonValue(QJsonValue::Undefined) : QJsonValue(c));
                },
                tr("grid criterion"));
    });
    auto editSection = [=, this](const char *section, const char *key, const QJsonValue &value,
                                 const QString &what) {
        edit(
                [&](QJsonObject &p) {
                    QJsonObject s = p.value(section).toObject();
                    if (value.isUndefined())
                        s.remove(key);
                    else
                        s.insert(key, value);
                    p.insert(section, s);
                },
                what);
    };
    connect(m_market, &QComboBox::activated, this, [=, this] {
        const QString market = m_market->currentData().toString();
        editSection("schedule", "market",
                    market.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(market),
                    tr("market"));
    });
    connect(m_newSubstation, &QCheckBox::clicked, this,
            [=](bool on) { editSection("economics", "new_substation", on, tr("substation")); });
    connect(m_start, &QDateEdit::dateChanged, this, [=, this] {
        editSection("schedule", "start", m_start->date().toString("yyyy-MM"), tr("start"));
    });
    connect(m_bridging, &QComboBox::activated, this, [=, this] {
        editSection("schedule", "bridging", m_bridging->currentData().toString(),
                    tr("bridging power"));
    });
    connect(m_cost, &CostOptionsEditor::economicsEdited, this,
            [=](const QJsonObject &economics, const QString &what) {
                edit([&](QJsonObject &p) { p.insert("economics", economics); }, what);
            });
}

QDoubleSpinBox *PlanEditor::tokensPerSecond() const
{
    return m_cost->tokensPerSecond();
}

void PlanEditor::setChoices(const PlanEditorChoices &c)
{
    m_filling = true;
    m_choices = c;
    m_workload->setModelClasses(c.modelClasses);
    m_accelerator->clear();
    for (const auto &[id, name] : c.accelerators)
        m_accelerator->addItem(name, id);
    m_cooling->clear();
    for (const auto &[id, name] : c.cooling)
        m_cooling->addItem(name, id);
    while (m_bridging->count() > 1)
        m_bridging->removeItem(1);
    for (const auto &[id, name] : c.bridging)
        m_bridging->addItem(name, id);
    while (m_market->count() > 1)
        m_market->removeItem(1);
    for (const auto &[id, name] : c.markets)
        m_market->addItem(name, id);
    m_interconnection->clear();
    m_interconnection->addItem(tr("Automatic (from the peak load)"));
    for (double kv : c.voltagesKv)
        m_interconnection->addItem(tr("%1 kV").arg(QLocale().toString(kv)), kv);
    m_cost->setDefaults(c.cost);
    m_filling = false;
    setPlan(m_plan);
}

void PlanEditor::setProjectMarket(const QString &market)
{
    const QString text = market.isEmpty() ? tr("The project's market")
                                          : tr("The project's market (%1)").arg(market);
    if (m_market->count() == 0)
        m_market->addItem(text, QString());
    else
        m_market->setItemText(0, text);
}

void PlanEditor::setPlan(const QJsonObject &plan)
{
    m_filling = true;
    m_plan = plan;
    const bool byWorkload = plan.contains("workload");
    const bool byRacks = !byWorkload && plan.contains("racks") && !plan.contains("it_load_mw");
    m_sizeBy->setCurrentIndex(byWorkload ? 2 : byRacks ? 1 : 0);
    m_itLoad->setVisible(!byRacks && !byWorkload);
    m_racks->setVisible(byRacks);
    m_byWorkload->setVisible(byWorkload);
    m_workload->setWorkload(plan.value("workload").toObject());
    if (!byWorkload && m_tabs->currentIndex() == 3)
        m_tabs->setCurrentIndex(0); // the Workload tab goes off: back to Build, not a neighbour
    m_tabs->setTabEnabled(3, byWorkload);
    if (byRacks)
        m_racks->setValue(plan.value("racks").toInt());
    else if (plan.contains("it_load_mw"))
        m_itLoad->setValue(plan.value("it_load_mw").toDouble());
    // A custom system is shown as such; picking a catalog system replaces it.
    const int custom = m_accelerator->findData(kCustomAccelerator);
    if (custom >= 0)
        m_accelerator->removeItem(custom);
    const QJsonValue accelerator = plan.value("accelerator");
    if (accelerator.isObject()) {
        m_accelerator->addItem(
                tr("Custom: %1").arg(accelerator.toObject().value("name").toString()),
                kCustomAccelerator);
        m_accelerator->setCurrentIndex(m_accelerator->count() - 1);
    } else {
        select(m_accelerator, accelerator.toString());
    }
    select(m_cooling, plan.value("cooling").toString());
    const QJsonObject r = plan.value("redundancy").toObject();
    select(m_transformers, r.value("transformers").toString("N+1"));
    select(m_ups, r.value("ups").toString("N+1"));
    select(m_generators, r.value("generators").toString("N+1"));
    select(m_coolingRedundancy, r.value("cooling").toString("N+1"));
    m_averageLoad->setValue(plan.value("average_it_load_fraction").toDouble(1.0) * 100.0);
    m_phases->setPhases(itLoadMw(plan), phasesOf(plan));
    // A voltage is a catalog class within half a kV (as the planner matches it).
    const QJsonValue kv = plan.value("interconnection_kv");
    m_interconnection->setCurrentIndex(0);
    for (int i = 1; kv.isDouble() && i < m_interconnection->count(); ++i) {
        if (std::abs(m_interconnection->itemData(i).toDouble() - kv.toDouble()) < 0.5)
            m_interconnection->setCurrentIndex(i);
    }
    select(m_gridCriterion, plan.value("grid_criterion").toString("N-1"));
    const QJsonObject schedule = plan.value("schedule").toObject();
    m_market->setCurrentIndex(std::max(0, m_market->findData(schedule.value("market").toString())));
    const QDate start = QDate::fromString(schedule.value("start").toString() + "-01", "yyyy-MM-dd");
    const QDate today = QDate::currentDate();
    m_start->setDate(start.isValid() ? start : QDate(today.year(), today.month(), 1));
    m_bridging->setCurrentIndex(
            std::max(0, m_bridging->findData(schedule.value("bridging").toString())));
    const QJsonObject economics = plan.value("economics").toObject();
    m_newSubstation->setChecked(economics.value("new_substation").toBool(true));
    m_cost->setEconomics(economics);
    m_filling = false;
    showMessage(QString());
    checkPhases();
}

void PlanEditor::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString PlanEditor::message() const
{
    return m_message->text();
}

void PlanEditor::commit(const QJsonObject &plan, const QString &what)
{
    if (plan == m_plan)
        return;
    showMessage(QString());
    m_plan = plan;
    emit planEdited(plan, what);
}

double PlanEditor::rackKw(const QJsonObject &plan) const
{
    const QJsonValue a = plan.value("accelerator");
    if (a.isObject())
        return a.toObject().value("rack_it_power_kw").toDouble();
    return m_choices.rackKw.value(a.toString(), 0.0);
}

double PlanEditor::itLoadMw(const QJsonObject &plan) const
{
    if (plan.contains("it_load_mw"))
        return plan.value("it_load_mw").toDouble();
    return toKw(plan.value("racks").toInt() * rackKw(plan) / 1000.0);
}

void PlanEditor::editLoad(const QString &what, QJsonObject plan, double newLoadMw)
{
    if (m_sizeBy->currentData() == "mw" || !plan.contains("racks")) {
        plan.remove("racks");
        plan.insert("it_load_mw", newLoadMw);
    }
    const double oldLoad = itLoadMw(m_plan);
    const QList<double> phases = phasesOf(plan);
    if (!phases.isEmpty() && oldLoad > 0.0 && newLoadMw > 0.0 && newLoadMw != oldLoad)
        plan.insert("phases_mw", scaledPhases(phases, oldLoad, newLoadMw));
    commit(plan, what);
}

void PlanEditor::checkPhases()
{
    const QList<double> phases = phasesOf(m_plan);
    if (phases.isEmpty())
        return;
    double sum = 0.0;
    for (double mw : phases)
        sum += mw;
    const double load = itLoadMw(m_plan);
    // Sized by racks, the planner allows the phases one rack off the racks' load.
    const double slack = m_plan.contains("it_load_mw") ? 0.001 : rackKw(m_plan) / 1000.0;
    if (load > 0.0 && std::abs(sum - load) > slack)
        showMessage(tr("The phases add up to %1 MW but the plan's IT load is %2 MW: edit a phase "
                       "or the IT load to make them match")
                            .arg(QLocale().toString(sum), QLocale().toString(load)));
}

} // namespace ui
