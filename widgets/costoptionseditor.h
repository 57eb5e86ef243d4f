// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cost options of a plan, the "economics" section of a plan file: price year, discount
// rate, horizon, inference throughput, demand charge and the utility's network upgrades. A field
// left at its first value ("catalog: 8.0 %", "none") is not given, and the catalog figure named
// there applies; the ranges are those the plan parser accepts, so no value typed here is
// refused later. Shows a section and reports it edited, one field per edit; changes nothing
// itself. GUI thread only.

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QDoubleSpinBox;
class QSpinBox;

namespace ui {

// The catalog's figures that apply to a field the plan leaves out, for the field's label.
struct CostDefaults
{
    std::optional<double> discountRate; // share per year
    std::optional<int> horizonYears;
    int priceYear = 0; // 0: the catalog has none
    std::optional<double> networkUpgradesUsdPerMw;
};

class CostOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit CostOptionsEditor(QWidget *parent = nullptr);

    void setDefaults(const CostDefaults &defaults);
    // The "economics" object of a plan; emits nothing.
    void setEconomics(const QJsonObject &economics);
    QJsonObject economics() const { return m_economics; }

    QSpinBox *priceYear() const { return m_priceYear; }
    QDoubleSpinBox *discountRate() const { return m_discount; } // % per year
    QSpinBox *horizon() const { return m_horizon; }
    QDoubleSpinBox *tokensPerSecond() const { return m_tokens; }
    QDoubleSpinBox *demandCharge() const { return m_demand; }
    QDoubleSpinBox *networkUpgrades() const { return m_upgrades; } // M USD

signals:
    // The whole edited section, and the field that changed ("discount rate", …).
    void economicsEdited(const QJsonObject &economics, const QString &what);

private:
    void edited(const char *key, std::optional<double> value, const QString &what);

    QJsonObject m_economics;
    QSpinBox *m_priceYear;
    QDoubleSpinBox *m_discount;
    QSpinBox *m_horizon;
    QDoubleSpinBox *m_tokens;
    QDoubleSpinBox *m_demand;
    QDoubleSpinBox *m_upgrades;
    bool m_filling = false;
};

} // namespace ui
