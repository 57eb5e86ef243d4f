// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/costoptionseditor.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLocale>
#include <QSpinBox>

namespace ui {
namespace {

// Each optional field's spin box starts one step below the lowest value it takes: that value
// reads as the field's default and means "not given".
constexpr int kNoPriceYear = 1989;
constexpr double kNoDiscountPercent = -0.1;
constexpr double kNoUpgrades = -0.1; // M USD

template<typename Box>
void oneEditPerValue(Box *box)
{
    box->setKeyboardTracking(false); // one edit per value, not per keystroke
    box->setAccelerated(true);
}

} // namespace

CostOptionsEditor::CostOptionsEditor(QWidget *parent)
    : QWidget(parent), m_priceYear(new QSpinBox(this)), m_discount(new QDoubleSpinBox(this)),
      m_horizon(new QSpinBox(this)), m_tokens(new QDoubleSpinBox(this)),
      m_demand(new QDoubleSpinBox(this)), m_upgrades(new QDoubleSpinBox(this))
{
    auto *form = new QFormLayout(this);
    m_priceYear->setObjectName("priceYear");
    m_priceYear->setRange(kNoPriceYear, 2100);
    m_priceYear->setToolTip(tr("The year whose dollars every figure is given in: older catalog "
                               "prices are brought to it with the catalog's price index"));
    form->addRow(tr("Price year"), m_priceYear);

    m_discount->setObjectName("discountRate");
    m_discount->setRange(kNoDiscountPercent, 99.0);
    m_discount->setDecimals(1);
    m_discount->setSingleStep(0.5);
    m_discount->setSuffix(tr(" %/yr"));
    m_discount->setToolTip(tr("Discount rate of the total cost of ownership (NPV) and of the "
                              "annualised capex behind the cost per accelerator-hour"));
    form->addRow(tr("Discount rate"), m_discount);

    m_horizon->setObjectName("horizonYears");
    m_horizon->setRange(0, 60);
    m_horizon->setSuffix(tr(" years"));
    m_horizon->setToolTip(tr("Years over which the total cost of ownership is counted and the "
                             "facility's capex is annualised (IT over its own life)"));
    form->addRow(tr("Horizon"), m_horizon);

    m_tokens->setObjectName("tokensPerSecond");
    m_tokens->setRange(0.0, 1e7);
    m_tokens->setDecimals(0);
    m_tokens->setSpecialValueText(tr("not given"));
    m_tokens->setSuffix(tr(" tokens/s"));
    m_tokens->setToolTip(tr("Inference throughput of one accelerator, for the cost per million "
                            "tokens"));
    form->addRow(tr("Throughput"), m_tokens);

    m_demand->setObjectName("demandCharge");
    m_demand->setRange(0.0, 1e4);
    m_demand->setDecimals(2);
    m_demand->setSpecialValueText(tr("none: energy only"));
    m_demand->setSuffix(tr(" USD/kW-month"));
    m_demand->setToolTip(tr("The utility's demand charge on the monthly peak, from its tariff; "
                            "none: the electricity price alone"));
    form->addRow(tr("Demand charge"), m_demand);

    m_upgrades->setObjectName("networkUpgrades");
    m_upgrades->setRange(kNoUpgrades, 1e6);
    m_upgrades->setDecimals(1);
    m_upgrades->setSuffix(tr(" M USD"));
    m_upgrades->setToolTip(tr("Network upgrades the utility charges, from its facilities study; "
                              "not given: the catalog's rate per MW of peak load"));
    form->addRow(tr("Network upgrades"), m_upgrades);

    setDefaults({});
    for (QSpinBox *box : {m_priceYear, m_horizon})
        oneEditPerValue(box);
    for (QDoubleSpinBox *box : {m_discount, m_tokens, m_demand, m_upgrades})
        oneEditPerValue(box);

    connect(m_priceYear, &QSpinBox::valueChanged, this, [this](int v) {
        edited("price_year", v == kNoPriceYear ? std::nullopt : std::optional<double>(v),
               tr("price year"));
    });
    connect(m_discount, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edited("discount_rate",
               v <= kNoDiscountPercent ? std::nullopt : std::optional<double>(v / 100.0),
               tr("discount rate"));
    });
    connect(m_horizon, &QSpinBox::valueChanged, this, [this](int v) {
        edited("horizon_years", v == 0 ? std::nullopt : std::optional<double>(v), tr("horizon"));
    });
    connect(m_tokens, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edited("tokens_per_second_per_accelerator",
               v > 0.0 ? std::optional<double>(v) : std::nullopt, tr("throughput"));
    });
    connect(m_demand, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edited("demand_charge_usd_per_kw_month", v > 0.0 ? std::optional<double>(v) : std::nullopt,
               tr("demand charge"));
    });
    connect(m_upgrades, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edited("network_upgrades_usd",
               v <= kNoUpgrades ? std::nullopt : std::optional<double>(v * 1e6),
               tr("network upgrades"));
    });
}

void CostOptionsEditor::setDefaults(const CostDefaults &d)
{
    const QLocale locale;
    m_priceYear->setSpecialValueText(d.priceYear > 0 ? tr("catalog: %1").arg(d.priceYear)
                                                     : tr("catalog's year"));
    m_discount->setSpecialValueText(
            d.discountRate
                    ? tr("catalog: %1 %/yr").arg(locale.toString(*d.discountRate * 100.0, 'f', 1))
                    : tr("catalog's rate"));
    m_horizon->setSpecialValueText(d.horizonYears ? tr("catalog: %1 years").arg(*d.horizonYears)
                                                  : tr("catalog's horizon"));
    m_upgrades->setSpecialValueText(
            d.networkUpgradesUsdPerMw
                    ? tr("catalog: %1 USD/MW of peak")
                              .arg(locale.toString(*d.networkUpgradesUsdPerMw, 'f', 0))
                    : tr("catalog's rate per MW"));
}

void CostOptionsEditor::setEconomics(const QJsonObject &e)
{
    m_filling = true;
    m_economics = e;
    m_priceYear->setValue(e.contains("price_year") ? e.value("price_year").toInt() : kNoPriceYear);
    m_discount->setValue(e.contains("discount_rate") ? e.value("discount_rate").toDouble() * 100.0
                                                     : kNoDiscountPercent);
    m_horizon->setValue(e.value("horizon_years").toInt(0));
    m_tokens->setValue(e.value("tokens_per_second_per_accelerator").toDouble(0.0));
    m_demand->setValue(e.value("demand_charge_usd_per_kw_month").toDouble(0.0));
    m_upgrades->setValue(e.contains("network_upgrades_usd")
                                 ? e.value("network_upgrades_usd").toDouble() / 1e6
                                 : kNoUpgrades);
    m_filling = false;
}

void CostOptionsEditor::edited(const char *key, std::optional<double> value, const QString &what)
{
    if (m_filling)
        return;
    QJsonObject e = m_economics;
    if (value)
        e.insert(key, *value);
    else
        e.remove(key);
    if (e == m_economics)
        return;
    m_economics = e;
    emit economicsEdited(e, what);
}

} // namespace ui
