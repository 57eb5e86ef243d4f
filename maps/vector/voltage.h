// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading voltage and capacity from the many ways layers spell them, normalised to kV and MW.
// Unknown values are NaN, never zero, so that a filter "voltage >= 230 kV" skips them.
// Pure functions, thread-safe.

#include <QString>
#include <QStringList>

#include <array>

namespace maps {

// Voltage classes used for styling and "nearest line of each class" queries.
enum class VoltageClass { Unknown, Below115, Kv115To161, Kv230, Kv345, Kv500, Kv765Plus };
inline constexpr int kVoltageClassCount = 7;

// Highest voltage in kV written in `text`: "345", "345 kV", "345000;138000" (OpenStreetMap, in
// volts), "220-287" (a class range: the lower bound), "735 AND ABOVE". Values of 2,000 and more
// are taken as volts. NaN when no positive voltage can be read ("UNDER 100", "-1", "DC", "").
double parseVoltageKv(const QString &text);
// A numeric field value: volts when >= 2000, kV otherwise; NaN when not positive.
double voltageKvFromNumber(double value);

// Capacity in MW from text such as "300", "300 MW", "1.2 GW", "500 kW"; NaN when not positive
// (-1 is a common "unknown" marker).
double parseCapacityMw(const QString &text);

VoltageClass voltageClass(double kv);
QString voltageClassName(VoltageClass c);
// The kV range [low, high) of a class; Unknown gives NaN bounds.
std::array<double, 2> voltageClassRange(VoltageClass c);

// Field names tried in order (case-insensitive) for voltage, capacity and a display label.
const QStringList &voltageFieldNames();
const QStringList &capacityFieldNames();
const QStringList &labelFieldNames();
// Index of the first of `candidates` present in `fields` (case-insensitive), or -1.
int findField(const QStringList &fields, const QStringList &candidates);

} // namespace maps
