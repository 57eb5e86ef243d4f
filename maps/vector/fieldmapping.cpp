// SPDX-License-Identifier: GPL-3.0-or-later
#include "maps/vector/fieldmapping.h"

#include "maps/vector/voltage.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace maps {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A voltage field whose typical value is above this is in volts: no AC line runs above
// 1,200 kV, and no distribution voltage below 2 kV is mapped for siting.
constexpr double kVoltsMedian = 2000.0;
// A name candidate is kept when at least this share of its known sample values reads as its
// purpose (a "kv" column of text notes is not a voltage).
constexpr double kReadableShare = 0.5;

struct PurposeRule
{
    // Normalised names in order of preference; a name listed earlier wins.
    QStringList exact;
    // A normalised name holding one of these '_'-separated words is a weaker candidate …
    QStringList words;
    // … unless it also holds one of these.
    QStringList vetoes;
    // Names of last resort (after the word rule).
    QStringList weak;
};

const PurposeRule &ruleOf(FieldPurpose p)
{
    static const std::array<PurposeRule, kFieldPurposeCount> rules{{
            {{"max_volt", "voltage_kv", "voltage", "kv", "base_kv", "basekv", "nom_kv",
              "nominal_voltage", "nominal_voltage_kv", "volt_class", "voltage_class", "volts",
              "volt", "voltage_v", "spannung"},
             {"kv", "voltage", "volt", "volts", "spannung"},
             {"pu", "min", "angle", "mvar", "kva", "mva"},
             {}},
            {{"name", "facility_name", "plant_name", "sub_name", "substation_name", "station_name",
              "bus_name", "line_name", "site_name", "fld_zone", "zone", "landcover", "class",
              "name_2", "name_1"},
             {"name"},
             {"owner", "operator", "utility", "county", "state", "city", "company"},
             // A TYPE such as HIFLD's "AC; OVERHEAD" labels nothing: an id does better.
             {"technology", "id", "type"}},
            {{"capacity_mw", "nameplate_capacity_mw", "nameplate_capacity", "total_mw",
              "install_mw", "installed_capacity", "capacity", "summer_cap", "summer_capacity_mw",
              "pmax_mw", "pmax", "p_nom", "plant_output_electricity", "nameplate", "mw"},
             {"mw", "capacity", "nameplate"},
             {"mvar", "mwh", "min", "pg", "kv"},
             {}},
            {{"owner", "owner_name", "utility_name", "utility", "operator", "operator_name",
              "company"},
             {"owner", "operator", "utility"},
             {},
             {}},
            {{"status", "operational_status", "plant_status", "op_status"}, {"status"}, {}, {}},
    }};
    return rules[std::size_t(p)];
}

// Lower is better; nullopt: not a candidate by name.
std::optional<int> nameRank(FieldPurpose p, const QString &normalised)
{
    const PurposeRule &rule = ruleOf(p);
    if (const auto i = rule.exact.indexOf(normalised); i >= 0)
        return int(i);
    const QStringList words = normalised.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    const auto hasAny = [&words](const QStringList &list) {
        return std::any_of(list.begin(), list.end(),
                           [&words](const QString &w) { return words.contains(w); });
    };
    if (hasAny(rule.words) && !hasAny(rule.vetoes))
        return 100;
    if (const auto i = rule.weak.indexOf(normalised); i >= 0)
        return 200 + int(i);
    return std::nullopt;
}

bool isNumericPurpose(FieldPurpose p)
{
    return p == FieldPurpose::Voltage || p == FieldPurpose::Capacity;
}

// Whether a known value reads as the purpose.
bool readsAs(FieldPurpose p, const QString &raw)
{
    switch (p) {
    case FieldPurpose::Voltage: {
        // "UNDER 100" (HIFLD's VOLT_CLASS) is a class, if not one that is mapped.
        const QString t = raw.toLower();
        return std::isfinite(voltageKvOf(raw, VoltageUnit::Kilovolts))
                || t.contains(QLatin1String("under")) || t.contains(QLatin1String("below"));
    }
    case FieldPurpose::Capacity:
        return std::isfinite(capacityMwOf(raw));
    default:
        return true;
    }
}

// The share of a field's known sample values that read as the purpose; nullopt when the
// samples hold no known value (then the name alone decides).
std::optional<double> readableShare(FieldPurpose p, const QStringList &values)
{
    int known = 0, readable = 0;
    for (const QString &v : values) {
        if (isUnknownValue(v, isNumericPurpose(p)))
            continue;
        ++known;
        readable += readsAs(p, v) ? 1 : 0;
    }
    if (known == 0)
        return std::nullopt;
    return double(readable) / double(known);
}

// Nominal transmission and sub-transmission voltages (kV) common in North America and Europe,
// for finding a voltage field by its values alone.
bool isNominalKv(double kv)
{
    static constexpr double nominal[] = {33,  34.5, 46,  66,  69,  110, 115, 132,
                                         138, 150,  161, 220, 230, 275, 287, 330,
                                         345, 380,  400, 500, 735, 750, 765};
    return std::any_of(std::begin(nominal), std::end(nominal),
                       [kv](double n) { return std::abs(kv - n) < 1e-6; });
}

// A numeric field of which at least 80 % of three or more known values are nominal voltages
// (in kV or in volts) is a voltage field even without a telling name.
bool looksLikeVoltages(const QStringList &values)
{
    int known = 0, nominal = 0;
    for (const QString &v : values) {
        bool ok = false;
        const double x = QLocale::c().toDouble(v.trimmed(), &ok);
        if (!ok || x <= 0.0)
            continue;
        ++known;
        nominal += (isNominalKv(x) || isNominalKv(x / 1000.0)) ? 1 : 0;
    }
    return known >= 3 && nominal >= 0.8 * known;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return kNaN;
    // The lower median: of two values, one in kV and one in volts, kV wins.
    const auto mid = v.begin() + std::ptrdiff_t((v.size() - 1) / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

void guessUnit(FieldMapping &m, const QStringList &values)
{
    std::vector<double> positive;
    for (const QString &v : values) {
        const double x = QLocale::c().toDouble(v.trimmed());
        if (x > 0.0)
            positive.push_back(x);
    }
    const double mid = median(positive);
    if (std::isfinite(mid) && mid > kVoltsMedian) {
        m.voltageUnit = VoltageUnit::Volts;
        m.unitReason = QStringLiteral("values in volts (median %1)").arg(mid, 0, 'g', 7);
        return;
    }
    const QStringList words = normalisedFieldName(m.field(FieldPurpose::Voltage)).split('_');
    if (!std::isfinite(mid) && words.contains(QLatin1String("v"))) {
        m.voltageUnit = VoltageUnit::Volts;
        m.unitReason = QStringLiteral("the field name says volts");
        return;
    }
    m.voltageUnit = VoltageUnit::Kilovolts;
    m.unitReason = std::isfinite(mid) ? QStringLiteral("values in kV (median %1)").arg(mid)
                                      : QStringLiteral("kV (values read one by one)");
}

} // namespace

QString purposeKey(FieldPurpose purpose)
{
    static const char *keys[] = {"voltage", "name", "capacity", "owner", "status"};
    return QString::fromLatin1(keys[std::size_t(purpose)]);
}

std::optional<FieldPurpose> purposeFromKey(const QString &key)
{
    for (int p = 0; p < kFieldPurposeCount; ++p) {
        if (purposeKey(FieldPurpose(p)).compare(key.trimmed(), Qt::CaseInsensitive) == 0)
            return FieldPurpose(p);
    }
    return std::nullopt;
}

QString purposeTitle(FieldPurpose purpose)
{
    switch (purpose) {
    case FieldPurpose::Voltage:
        return QStringLiteral("Voltage");
    case FieldPurpose::Name:
        return QStringLiteral("Name (labels)");
    case FieldPurpose::Capacity:
        return QStringLiteral("Capacity (MW)");
    case FieldPurpose::Owner:
        return QStringLiteral("Owner");
    case FieldPurpose::Status:
        return QStringLiteral("Status");
    }
    return {};
}

QString normalisedFieldName(const QString &name)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString n = name.toLower();
    n.replace(other, QStringLiteral("_"));
    while (n.startsWith(QLatin1Char('_')))
        n.remove(0, 1);
    while (n.endsWith(QLatin1Char('_')))
        n.chop(1);
    return n;
}

bool isUnknownValue(const QString &raw, bool numericPurpose)
{
    static const QStringList words{"not available", "n/a", "na", "unknown", "null",
                                   "none",          "-",   "?",  "nan",     "not reported"};
    const QString t = raw.trimmed().toLower();
    if (t.isEmpty() || words.contains(t))
        return true;
    bool ok = false;
    const double x = QLocale::c().toDouble(t, &ok);
    if (ok)
        return numericPurpose ? !(x > 0.0) : x <= -9999.0;
    return false;
}

FieldMapping mapFields(const QStringList &fields, const FieldSamples &samples,
                       const FieldChoices &choices)
{
    FieldMapping m;
    const auto valuesOf = [&samples](int i) {
        return std::size_t(i) < samples.size() ? samples[std::size_t(i)] : QStringList();
    };
    for (int pi = 0; pi < kFieldPurposeCount; ++pi) {
        const auto p = FieldPurpose(pi);
        const std::size_t slot = std::size_t(pi);
        if (choices.contains(purposeKey(p))) {
            const QString wanted = choices.value(purposeKey(p));
            m.chosen[slot] = true;
            if (wanted.isEmpty()) {
                m.reasons[slot] = QStringLiteral("no field, as chosen");
            } else if (fields.contains(wanted)) {
                m.fields[slot] = wanted;
                m.reasons[slot] = QStringLiteral("chosen by hand");
            } else {
                m.reasons[slot] = QStringLiteral("the chosen field '%1' is not in the layer — "
                                                 "choose another")
                                          .arg(wanted);
            }
            continue;
        }
        int best = -1, bestRank = std::numeric_limits<int>::max();
        for (int i = 0; i < fields.size(); ++i) {
            const auto rank = nameRank(p, normalisedFieldName(fields[i]));
            if (!rank || *rank >= bestRank)
                continue;
            const auto share = readableShare(p, valuesOf(i));
            if (share && *share < kReadableShare)
                continue;
            best = i;
            bestRank = *rank;
        }
        if (best >= 0) {
            m.fields[slot] = fields[best];
            m.reasons[slot] = QStringLiteral("guessed from the field name '%1'").arg(fields[best]);
        } else if (p == FieldPurpose::Voltage) {
            for (int i = 0; i < fields.size() && best < 0; ++i) {
                if (looksLikeVoltages(valuesOf(i)))
                    best = i;
            }
            if (best >= 0) {
                m.fields[slot] = fields[best];
                m.reasons[slot] = QStringLiteral("guessed from the values of '%1' (nominal "
                                                 "voltages)")
                                          .arg(fields[best]);
            }
        }
        if (best < 0)
            m.reasons[slot] = QStringLiteral("no field found — choose one if the layer has it");
    }
    const int voltage = int(fields.indexOf(m.field(FieldPurpose::Voltage)));
    guessUnit(m, voltage >= 0 ? valuesOf(voltage) : QStringList());
    const QString unit = choices.value(QString::fromLatin1(kVoltageUnitKey)).trimmed();
    if (unit.compare(QLatin1String("V"), Qt::CaseInsensitive) == 0) {
        m.voltageUnit = VoltageUnit::Volts;
        m.unitReason = QStringLiteral("volts, as chosen");
    } else if (unit.compare(QLatin1String("kV"), Qt::CaseInsensitive) == 0) {
        m.voltageUnit = VoltageUnit::Kilovolts;
        m.unitReason = QStringLiteral("kV, as chosen");
    }
    return m;
}

double voltageKvOf(const QString &raw, VoltageUnit unit)
{
    if (isUnknownValue(raw, true))
        return kNaN;
    bool ok = false;
    const double x = QLocale::c().toDouble(raw.trimmed(), &ok);
    if (ok) // a plain number, in a numeric field or in text (CSV)
        return !(x > 0.0) ? kNaN : unit == VoltageUnit::Volts ? x / 1000.0 : voltageKvFromNumber(x);
    return parseVoltageKv(raw); // text that says its unit, a list or a class range
}

double capacityMwOf(const QString &raw)
{
    if (isUnknownValue(raw, true))
        return kNaN;
    bool ok = false;
    const double x = QLocale::c().toDouble(raw.trimmed(), &ok);
    if (ok)
        return x > 0.0 ? x : kNaN;
    return parseCapacityMw(raw);
}

QString describeFieldValue(const FieldMapping &mapping, const QString &field, const QString &raw)
{
    std::optional<FieldPurpose> purpose;
    for (int p = 0; p < kFieldPurposeCount && !field.isEmpty(); ++p) {
        if (mapping.fields[std::size_t(p)] == field)
            purpose = FieldPurpose(p);
    }
    if (!purpose)
        return raw;
    if (raw.trimmed().isEmpty())
        return QStringLiteral("(empty: unknown)");
    if (isUnknownValue(raw, isNumericPurpose(*purpose)))
        return QStringLiteral("%1 (unknown)").arg(raw);
    if (*purpose == FieldPurpose::Voltage) {
        const double kv = voltageKvOf(raw, mapping.voltageUnit);
        return std::isfinite(kv) ? QStringLiteral("%1 (%2 kV)").arg(raw).arg(kv, 0, 'g', 6)
                                 : QStringLiteral("%1 (unknown)").arg(raw);
    }
    if (*purpose == FieldPurpose::Capacity) {
        const double mw = capacityMwOf(raw);
        return std::isfinite(mw) ? QStringLiteral("%1 (%2 MW)").arg(raw).arg(mw, 0, 'g', 6)
                                 : QStringLiteral("%1 (unknown)").arg(raw);
    }
    return raw;
}

} // namespace maps
