// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which attribute of a vector layer holds its voltage, name, capacity, owner and status, and
// how its values read. Files name these fields in many ways ("kv", "Voltage (kV)", "BASE_KV",
// "VOLT_CLASS", "Facility Name", "Nameplate Capacity (MW)"); the guess works on a normalised
// name and checks the candidate against sample values (a voltage field must hold voltages;
// a median above 2,000 means volts). The user's choice, stored with the layer, overrides the
// guess purpose by purpose. Sentinels (-999999, 0, empty, "NOT AVAILABLE") read as unknown.
// Pure functions and values, thread-safe.

#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace maps {

enum class FieldPurpose { Voltage, Name, Capacity, Owner, Status };
inline constexpr int kFieldPurposeCount = 5;

// "voltage", "name", "capacity", "owner", "status": the keys of a layer's stored choice and of
// `energize layers add --field`.
QString purposeKey(FieldPurpose purpose);
std::optional<FieldPurpose> purposeFromKey(const QString &key);
// For the field picker: "Voltage", "Name (labels)", "Capacity (MW)", …
QString purposeTitle(FieldPurpose purpose);

enum class VoltageUnit { Kilovolts, Volts };
// The stored choice's key for the voltage unit, and its values "kV" and "V".
inline constexpr char kVoltageUnitKey[] = "voltage_unit";

// The user's choices: purposeKey → field name, "" for "no field" (deliberately none); a purpose
// that is absent is guessed. kVoltageUnitKey → "kV" or "V"; absent: read from the values.
using FieldChoices = QMap<QString, QString>;

struct FieldMapping
{
    std::array<QString, kFieldPurposeCount> fields; // empty: the layer has none
    std::array<QString, kFieldPurposeCount> reasons; // why, for the field picker
    std::array<bool, kFieldPurposeCount> chosen{}; // true: the user's choice, not a guess
    VoltageUnit voltageUnit = VoltageUnit::Kilovolts;
    QString unitReason;

    const QString &field(FieldPurpose p) const { return fields[std::size_t(p)]; }
    const QString &reason(FieldPurpose p) const { return reasons[std::size_t(p)]; }
    bool isChosen(FieldPurpose p) const { return chosen[std::size_t(p)]; }
};

// Sample attribute values of a layer as text (the first features of the layer), one list per
// field in field order.
using FieldSamples = std::vector<QStringList>;

// Lower case, every run of characters other than letters and digits turned into one '_', no
// '_' at either end: "Voltage (kV)" → "voltage_kv", "plant:output:electricity" →
// "plant_output_electricity".
QString normalisedFieldName(const QString &name);

// True for a value that means "not known": empty, a number <= 0 (-999999, -9999, -1, 0) for a
// numeric purpose, or a word such as "NOT AVAILABLE", "N/A", "UNKNOWN", "NULL".
bool isUnknownValue(const QString &raw, bool numericPurpose);

// The guess for every purpose, then the user's choices applied. A chosen field that the layer
// does not have is reported in the reason and not used.
FieldMapping mapFields(const QStringList &fields, const FieldSamples &samples,
                       const FieldChoices &choices = {});

// A raw value of the mapped voltage field in kV, NaN when unknown. A plain number is in `unit`
// (in kV, a value of 2,000 or more is still taken as volts); text that names its unit, lists
// voltages ("345000;138000") or gives a class range ("220-287") is read by parseVoltageKv.
double voltageKvOf(const QString &raw, VoltageUnit unit);

// A raw value of the mapped capacity field in MW ("300", "300 MW", "1.2 GW"), NaN when unknown.
double capacityMwOf(const QString &raw);

// How Identify and the field picker show a raw value of a field: "345000 (345 kV)",
// "-999999 (unknown)"; the raw text alone for a field that has no purpose.
QString describeFieldValue(const FieldMapping &mapping, const QString &field, const QString &raw);

} // namespace maps
