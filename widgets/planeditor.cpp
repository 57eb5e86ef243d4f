// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/planeditor.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>

#include <algorithm>

namespace ui {
namespace {

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

} // namespace

PlanEditor::PlanEditor(QWidget *parent)
    : QWidget(parent), m_itLoad(new QDoubleSpinBox(this)), m_accelerator(new QComboBox(this)),
      m_cooling(new QComboBox(this)), m_transformers(choices(this, {"N", "N+1", "2N"})),
      m_ups(choices(this, {"N+1", "2N"})), m_generators(choices(this, {"none", "N+1", "2N"})),
      m_coolingRedundancy(choices(this, {"N", "N+1"})), m_bridging(new QComboBox(this)),
      m_start(new QDateEdit(this)), m_tokens(new QDoubleSpinBox(this))
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_itLoad->setRange(0.1, 5000.0);
    m_itLoad->setDecimals(1);
    m_itLoad->setSuffix(tr(" MW"));
    m_itLoad->setKeyboardTracking(false); // one edit per value, not per keystroke
    form->addRow(tr("Critical IT load"), m_itLoad);
    form->addRow(tr("Accelerator"), m_accelerator);
    form->addRow(tr("Cooling"), m_cooling);
    auto *redundancy = new QHBoxLayout;
    for (QComboBox *box : {m_transformers, m_ups, m_generators, m_coolingRedundancy})
        redundancy->addWidget(box);
    m_transformers->setToolTip(tr("Redundancy of the utility transformers"));
    m_ups->setToolTip(tr("Redundancy of the UPS"));
    m_generators->setToolTip(tr("Redundancy of the generators"));
    m_coolingRedundancy->setToolTip(tr("Redundancy of the cooling units"));
    form->addRow(tr("Redundancy"), redundancy);
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
    m_tokens->setRange(0.0, 1e6);
    m_tokens->setDecimals(0);
    m_tokens->setSpecialValueText(tr("not given"));
    m_tokens->setSuffix(tr(" tokens/s"));
    m_tokens->setKeyboardTracking(false);
    m_tokens->setToolTip(tr("Inference throughput of one accelerator, for the cost per million "
                            "tokens"));
    form->addRow(tr("Throughput"), m_tokens);

    connect(m_itLoad, &QDoubleSpinBox::valueChanged, this, [this] { edited(tr("IT load")); });
    connect(m_accelerator, &QComboBox::activated, this, [this] { edited(tr("accelerator")); });
    connect(m_cooling, &QComboBox::activated, this, [this] { edited(tr("cooling")); });
    for (QComboBox *box : {m_transformers, m_ups, m_generators, m_coolingRedundancy})
        connect(box, &QComboBox::activated, this, [this] { edited(tr("redundancy")); });
    connect(m_start, &QDateEdit::dateChanged, this, [this] { edited(tr("start")); });
    connect(m_bridging, &QComboBox::activated, this, [this] { edited(tr("bridging power")); });
    connect(m_tokens, &QDoubleSpinBox::valueChanged, this, [this] { edited(tr("throughput")); });
}

void PlanEditor::setChoices(const Choices &accelerators, const Choices &cooling,
                            const Choices &bridging)
{
    m_filling = true;
    m_accelerator->clear();
    for (const auto &[id, name] : accelerators)
        m_accelerator->addItem(name, id);
    m_cooling->clear();
    for (const auto &[id, name] : cooling)
        m_cooling->addItem(name, id);
    while (m_bridging->count() > 1)
        m_bridging->removeItem(1);
    for (const auto &[id, name] : bridging)
        m_bridging->addItem(name, id);
    m_filling = false;
    setPlan(m_plan);
}

void PlanEditor::setPlan(const QJsonObject &plan)
{
    m_filling = true;
    m_plan = plan;
    if (plan.contains("it_load_mw"))
        m_itLoad->setValue(plan.value("it_load_mw").toDouble());
    select(m_accelerator, plan.value("accelerator").toString());
    select(m_cooling, plan.value("cooling").toString());
    const QJsonObject r = plan.value("redundancy").toObject();
    select(m_transformers, r.value("transformers").toString("N+1"));
    select(m_ups, r.value("ups").toString("N+1"));
    select(m_generators, r.value("generators").toString("N+1"));
    select(m_coolingRedundancy, r.value("cooling").toString("N+1"));
    const QJsonObject schedule = plan.value("schedule").toObject();
    const QDate start = QDate::fromString(schedule.value("start").toString() + "-01", "yyyy-MM-dd");
    const QDate today = QDate::currentDate();
    m_start->setDate(start.isValid() ? start : QDate(today.year(), today.month(), 1));
    const int bridging = m_bridging->findData(schedule.value("bridging").toString());
    m_bridging->setCurrentIndex(std::max(0, bridging));
    m_tokens->setValue(plan.value("economics")
                               .toObject()
                               .value("tokens_per_second_per_accelerator")
                               .toDouble(0.0));
    m_filling = false;
}

void PlanEditor::edited(const QString &what)
{
    if (m_filling)
        return;
    QJsonObject plan = m_plan;
    const double oldLoad = plan.value("it_load_mw").toDouble();
    const double newLoad = m_itLoad->value();
    if (plan.contains("phases_mw") && oldLoad > 0.0 && newLoad != oldLoad) {
        QJsonArray phases;
        for (const QJsonValue &p : plan.value("phases_mw").toArray())
            phases.append(p.toDouble() * newLoad / oldLoad);
        plan.insert("phases_mw", phases);
    }
    plan.remove("racks");
    plan.insert("it_load_mw", newLoad);
    plan.insert("accelerator", m_accelerator->currentData().toString());
    plan.insert("cooling", m_cooling->currentData().toString());
    plan.insert("redundancy",
                QJsonObject{{"transformers", m_transformers->currentText()},
                            {"ups", m_ups->currentText()},
                            {"generators", m_generators->currentText()},
                            {"cooling", m_coolingRedundancy->currentText()}});
    QJsonObject schedule = plan.value("schedule").toObject();
    schedule.insert("start", m_start->date().toString("yyyy-MM"));
    schedule.insert("bridging", m_bridging->currentData().toString());
    plan.insert("schedule", schedule);
    QJsonObject economics = plan.value("economics").toObject();
    if (m_tokens->value() > 0.0)
        economics.insert("tokens_per_second_per_accelerator", m_tokens->value());
    else
        economics.remove("tokens_per_second_per_accelerator");
    plan.insert("economics", economics);
    m_plan = plan;
    emit planEdited(plan, what);
}

} // namespace ui
