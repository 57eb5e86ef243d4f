// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layerinfo.h"

#include "maps/geo/crstransform.h"
#include "maps/vector/voltage.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace app {

LayerInfo describeLayer(const planner::LayerRef &ref, const LoadedLayer *loaded)
{
    LayerInfo info;
    info.name = QString::fromStdString(ref.name);
    info.source = QString::fromStdString(ref.source);
    if (!ref.layerName.empty())
        info.source += QStringLiteral(" (layer %1)").arg(QString::fromStdString(ref.layerName));
    info.role = QString::fromStdString(ref.role);
    if (!loaded || loaded->state == LoadedLayer::State::Loading) {
        info.problems << QStringLiteral("not loaded");
        return info;
    }
    if (loaded->state == LoadedLayer::State::Failed)
        info.problems << loaded->error;
    if (loaded->grid) {
        info.kind = QStringLiteral("grid case");
        info.crs = QStringLiteral("EPSG:4326 (bus-location table)");
        info.size = loaded->grid->summary();
        info.problems << loaded->grid->notes();
    } else if (loaded->vector) {
        const maps::VectorLayer &v = *loaded->vector;
        const auto &meta = v.metadata();
        info.kind = QStringLiteral("vector (%1)").arg(maps::geometryKindName(v.features().kind));
        info.crs = meta.sourceCrs;
        info.features = qint64(v.featureCount());
        info.size = QStringLiteral("%1 features").arg(info.features);
        if (info.role.isEmpty())
            info.role = maps::roleName(v.role()) + QStringLiteral(" (guessed: ") + meta.guess.reason
                    + QLatin1Char(')');
        for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
            const auto purpose = maps::FieldPurpose(p);
            info.fields.push_back({maps::purposeKey(purpose), meta.mapping.field(purpose),
                                   meta.mapping.isChosen(purpose), meta.mapping.reason(purpose)});
        }
        const bool volts = meta.mapping.voltageUnit == maps::VoltageUnit::Volts;
        info.fields.push_back({QString::fromLatin1(maps::kVoltageUnitKey),
                               volts ? QStringLiteral("V") : QStringLiteral("kV"),
                               ref.fields.count(maps::kVoltageUnitKey) > 0,
                               meta.mapping.unitReason});
        // What the mapping read: a quick check that the voltage field and its unit are right.
        const maps::FeatureStore &s = v.features();
        info.hasVoltageField = !meta.mapping.field(maps::FieldPurpose::Voltage).isEmpty();
        info.hasCapacityField = !meta.mapping.field(maps::FieldPurpose::Capacity).isEmpty();
        if (info.hasVoltageField) {
            qint64 counts[maps::kVoltageClassCount] = {};
            for (std::size_t f = 0; f < s.featureCount(); ++f)
                ++counts[int(maps::voltageClass(double(s.kv[f])))];
            for (int c = maps::kVoltageClassCount - 1; c > 0; --c) {
                if (counts[c] > 0)
                    info.voltageClasses.emplace_back(maps::voltageClassName(maps::VoltageClass(c)),
                                                     counts[c]);
            }
            info.unknownVoltage = counts[int(maps::VoltageClass::Unknown)];
        }
        if (info.hasCapacityField) {
            for (std::size_t f = 0; f < s.featureCount(); ++f) {
                if (std::isfinite(s.mw[f])) {
                    info.capacityMw += double(s.mw[f]);
                    ++info.withCapacity;
                }
            }
        }
        info.problems << meta.warnings;
        if (info.hasVoltageField && info.features > 0 && info.unknownVoltage == info.features)
            info.problems << QStringLiteral("no feature has a readable voltage in '%1': choose "
                                            "another field or the unit (--field voltage=NAME)")
                                     .arg(meta.mapping.field(maps::FieldPurpose::Voltage));
        if (const QString bad = unknownChosenField(*loaded); !bad.isEmpty())
            info.problems << bad;
    } else if (loaded->raster) {
        info.kind = QStringLiteral("raster");
        info.crs = maps::describeCrsWkt(loaded->raster->grid().crsWkt);
        if (info.crs.isEmpty())
            info.problems << QStringLiteral("the raster has no coordinate system");
        info.width = loaded->raster->width();
        info.height = loaded->raster->height();
        info.size = QStringLiteral("%1 x %2 pixels").arg(info.width).arg(info.height);
        if (info.role.isEmpty())
            info.role = maps::roleName(loaded->raster->role()) + QStringLiteral(" (guessed: ")
                    + loaded->raster->roleReason() + QLatin1Char(')');
    }
    return info;
}

QJsonObject layerInfoJson(const LayerInfo &info)
{
    QJsonObject fields;
    for (const LayerFieldInfo &f : info.fields)
        fields.insert(f.purpose,
                      QJsonObject{{"field", f.field.isEmpty() ? QJsonValue() : QJsonValue(f.field)},
                                  {"chosen", f.chosen},
                                  {"reason", f.reason}});
    QJsonObject o{{"name", info.name}, {"source", info.source},
                  {"role", info.role}, {"kind", info.kind},
                  {"crs", info.crs},   {"problems", QJsonArray::fromStringList(info.problems)}};
    if (info.features >= 0)
        o.insert("features", info.features);
    if (info.width > 0)
        o.insert("size", QJsonArray{info.width, info.height});
    if (!info.fields.empty())
        o.insert("fields", fields);
    if (info.hasVoltageField) {
        QJsonObject classes;
        for (const auto &[name, count] : info.voltageClasses)
            classes.insert(name, count);
        o.insert("voltage_classes", classes);
        o.insert("unknown_voltage", info.unknownVoltage);
    }
    if (info.hasCapacityField) {
        o.insert("capacity_mw_total", info.capacityMw);
        o.insert("features_with_capacity", info.withCapacity);
    }
    return o;
}

QString layerFigures(const LayerInfo &info)
{
    QStringList parts;
    if (info.hasVoltageField) {
        QStringList classes;
        for (const auto &[name, count] : info.voltageClasses)
            classes << QStringLiteral("%1 %2").arg(name).arg(count);
        classes << QStringLiteral("unknown %1").arg(info.unknownVoltage);
        parts << QStringLiteral("voltages: ") + classes.join(", ");
    }
    if (info.hasCapacityField)
        parts << QStringLiteral("capacity: %1 MW in %2 features")
                         .arg(QLocale(QLocale::English).toString(info.capacityMw, 'f', 0))
                         .arg(info.withCapacity);
    return parts.join("; ");
}

QString unknownChosenField(const LoadedLayer &loaded)
{
    if (!loaded.vector)
        return {};
    const auto &meta = loaded.vector->metadata();
    for (const auto &[purpose, field] : loaded.ref.fields) {
        const QString name = QString::fromStdString(field);
        if (!name.isEmpty() && purpose != maps::kVoltageUnitKey && !meta.fields.contains(name))
            return QStringLiteral("no field '%1' for %2; its fields are: %3")
                    .arg(name, QString::fromStdString(purpose), meta.fields.join(", "));
    }
    return {};
}

} // namespace app
