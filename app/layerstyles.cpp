// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layerstyles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

namespace app {
namespace {

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

const std::pair<maps::ColourRamp, const char *> kRamps[] = {{maps::ColourRamp::Auto, "auto"},
                                                            {maps::ColourRamp::Terrain, "terrain"},
                                                            {maps::ColourRamp::Viridis, "viridis"},
                                                            {maps::ColourRamp::Heat, "heat"},
                                                            {maps::ColourRamp::Greys, "greys"}};

} // namespace

maps::LayerStyle vectorStyleFrom(const QString &json, maps::LayerRole role)
{
    maps::LayerStyle style = maps::defaultStyle(role);
    const QJsonObject o = parse(json);
    const QColor colour(o.value("colour").toString());
    if (colour.isValid()) {
        style.stroke = colour;
        if (style.fill.alpha() > 0)
            style.fill = QColor(colour.red(), colour.green(), colour.blue(), style.fill.alpha());
    }
    if (o.contains("by_voltage"))
        style.byVoltage = o.value("by_voltage").toBool();
    return style;
}

maps::ImageryStyle rasterStyleFrom(const QString &json)
{
    maps::ImageryStyle style;
    const QJsonObject o = parse(json);
    style.ramp = rampFromName(o.value("ramp").toString());
    style.hillshade = o.value("hillshade").toBool(false);
    return style;
}

QString withStyleValue(const QString &json, const QString &key, const QVariant &value)
{
    QJsonObject o = parse(json);
    if (value.isNull())
        o.remove(key);
    else
        o.insert(key, QJsonValue::fromVariant(value));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString rampName(maps::ColourRamp ramp)
{
    for (const auto &[r, name] : kRamps) {
        if (r == ramp)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("auto");
}

maps::ColourRamp rampFromName(const QString &name)
{
    for (const auto &[r, n] : kRamps) {
        if (name == QLatin1String(n))
            return r;
    }
    return maps::ColourRamp::Auto;
}

} // namespace app
