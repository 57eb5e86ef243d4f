// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/voltage.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace maps {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kVoltsThreshold = 2000.0;

// One token of a voltage list: "345", "345 kV", "138000 V", "220-287" or "735 and above".
double tokenVoltageKv(const QString &token)
{
    static const QRegularExpression number(QStringLiteral(R"(([0-9]+(?:\.[0-9]+)?))"));
    static const QRegularExpression range(
            QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*-\s*([0-9]+(?:\.[0-9]+)?))"));
    const QString t = token.trimmed().toLower();
    if (t.isEmpty() || t.contains(QLatin1String("under")) || t.contains(QLatin1String("below"))
        || t.startsWith(QLatin1Char('<')) || t.startsWith(QLatin1Char('-'))) {
        return kNaN;
    }
    double value = kNaN;
    if (const auto m = range.match(t); m.hasMatch()) {
        value = m.captured(1).toDouble(); // a class range: its lower bound is certain
    } else if (const auto n = number.match(t); n.hasMatch()) {
        value = n.captured(1).toDouble();
    } else {
        return kNaN;
    }
    if (t.contains(QLatin1String("kv"))) {
        return value > 0.0 ? value : kNaN;
    }
    if (t.endsWith(QLatin1Char('v'))) {
        return value > 0.0 ? value / 1000.0 : kNaN;
    }
    return voltageKvFromNumber(value);
}

} // namespace

double voltageKvFromNumber(double value)
{
    if (!std::isfinite(value) || value <= 0.0) {
        return kNaN;
    }
    return value >= kVoltsThreshold ? value / 1000.0 : value;
}

double parseVoltageKv(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[;,/|]"));
    double best = kNaN;
    for (const QString &token : text.split(separators, Qt::SkipEmptyParts)) {
        const double kv = tokenVoltageKv(token);
        if (std::isfinite(kv) && !(kv <= best)) {
            best = kv;
        }
    }
    return best;
}

double parseCapacityMw(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*([a-z]*))"));
    const auto m = re.match(text.toLower());
    if (!m.hasMatch()) {
        return kNaN;
    }
    double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("gw")) {
        value *= 1000.0;
    } else if (unit == QLatin1String("kw")) {
        value /= 1000.0;
    } else if (!unit.isEmpty() && unit != QLatin1String("mw")) {
        return kNaN;
    }
    return value > 0.0 ? value : kNaN;
}

VoltageClass voltageClass(double kv)
{
    if (!std::isfinite(kv) || kv <= 0.0) {
        return VoltageClass::Unknown;
    }
    if (kv < 115.0) {
        return VoltageClass::Below115;
    }
    if (kv < 200.0) {
        return VoltageClass::Kv115To161;
    }
    if (kv < 300.0) {
        return VoltageClass::Kv230;
    }
    if (kv < 450.0) {
        return VoltageClass::Kv345;
    }
    if (kv < 700.0) {
        return VoltageClass::Kv500;
    }
    return VoltageClass::Kv765Plus;
}

std::array<double, 2> voltageClassRange(VoltageClass c)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    switch (c) {
    case VoltageClass::Below115:
        return {0.0, 115.0};
    case VoltageClass::Kv115To161:
        return {115.0, 200.0};
    case VoltageClass::Kv230:
        return {200.0, 300.0};
    case VoltageClass::Kv345:
        return {300.0, 450.0};
    case VoltageClass::Kv500:
        return {450.0, 700.0};
    case VoltageClass::Kv765Plus:
        return {700.0, inf};
    case VoltageClass::Unknown:
        break;
    }
    return {kNaN, kNaN};
}

QString voltageClassName(VoltageClass c)
{
    switch (c) {
    case VoltageClass::Below115:
        return QStringLiteral("below 115 kV");
    case VoltageClass::Kv115To161:
        return QStringLiteral("115-161 kV");
    case VoltageClass::Kv230:
        return QStringLiteral("230 kV (200-299)");
    case VoltageClass::Kv345:
        return QStringLiteral("345 kV (300-449)");
    case VoltageClass::Kv500:
        return QStringLiteral("500 kV (450-699)");
    case VoltageClass::Kv765Plus:
        return QStringLiteral("765 kV and above");
    case VoltageClass::Unknown:
        break;
    }
    return QStringLiteral("unknown voltage");
}

const QStringList &voltageFieldNames()
{
    static const QStringList names{
            "max_volt", "voltage",         "voltage_kv", "kv",       "volt_class",
            "volts",    "nominal_voltage", "nom_kv",     "spannung",
    };
    return names;
}

const QStringList &capacityFieldNames()
{
    static const QStringList names{
            "capacity_mw",
            "capacity",
            "pmax_mw",
            "pmax",
            "nameplate",
            "nameplate_capacity",
            "total_mw",
            "installed_capacity",
            "summer_cap",
            "mw",
            "plant:output:electricity",
            "p_nom",
    };
    return names;
}

const QStringList &labelFieldNames()
{
    static const QStringList names{
            "name",   "sub_name", "fld_zone", "zone",       "landcover", "class",
            "name_2", "name_1",   "type",     "technology", "id",
    };
    return names;
}

int findField(const QStringList &fields, const QStringList &candidates)
{
    for (const QString &c : candidates) {
        for (int i = 0; i < fields.size(); ++i) {
            if (fields[i].compare(c, Qt::CaseInsensitive) == 0) {
                return i;
            }
        }
    }
    return -1;
}

} // namespace maps
