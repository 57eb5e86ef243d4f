// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scoringmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace app {

const ScoringFactor *ScoringModel::factor(const QString &id) const
{
    for (const ScoringFactor &f : factors) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

planner::ScoreModel ScoringModel::scoreModel() const
{
    planner::ScoreModel m;
    for (const ScoringFactor &f : factors) {
        planner::ScoreFactor s;
        s.id = f.id.toStdString();
        s.name = f.name.toStdString();
        s.unit = f.unit.toStdString();
        const bool classes = f.id == QLatin1String("land_class");
        s.kind = classes ? planner::ScoreFactor::Kind::Classes : planner::ScoreFactor::Kind::Linear;
        s.worst = f.worst;
        s.best = f.best;
        s.weight = f.weight;
        s.excludeAbove = f.excludeAbove;
        s.minKv = f.minKv;
        s.reachKm = f.reachKm;
        for (auto it = f.classScores.begin(); it != f.classScores.end(); ++it)
            s.classScores.emplace(it.key(), it.value());
        for (auto it = f.excludedClasses.begin(); it != f.excludedClasses.end(); ++it)
            s.excludedClasses.emplace(it.key(), it.value().toStdString());
        m.factors.push_back(std::move(s));
    }
    if (!floodExclusion.isEmpty())
        m.floodExclusion = floodExclusion.toStdString();
    return m;
}

QString defaultResourcePath(const QString &relative)
{
    const QStringList roots = {
            QCoreApplication::applicationDirPath() + "/../share/energize",
#ifdef ENERGIZE_SOURCE_DIR
            QStringLiteral(ENERGIZE_SOURCE_DIR) + "/resources",
#endif
    };
    for (const QString &root : roots) {
        const QString path = QDir(root).filePath(relative);
        if (QFile::exists(path))
            return QDir::cleanPath(path);
    }
    return {};
}

energize::Expected<ScoringModel> loadScoringModel(const QString &path)
{
    auto error = [](const QString &message) {
        return energize::Error{message.toStdString()};
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return error(QObject::tr("%1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return error(QObject::tr("%1: invalid JSON (%2)").arg(path, parseError.errorString()));
    auto fail = [&](const QString &where) {
        return error(QObject::tr("%1: %2 is missing or not a number").arg(path, where));
    };
    ScoringModel model;
    for (const QJsonValue &v : root.value("factors").toArray()) {
        const QJsonObject o = v.toObject();
        ScoringFactor f;
        f.id = o.value("id").toString();
        f.name = o.value("name").toString(f.id);
        const QString where = QStringLiteral("factor '%1'").arg(f.id);
        if (!o.value("weight").isDouble() || o.value("weight").toDouble() < 0.0)
            return fail(where + ".weight");
        f.weight = o.value("weight").toDouble();
        f.unit = o.value("unit").toString();
        f.why = o.value("why").toString();
        if (f.id != "land_class") {
            if (!o.value("worst").isDouble() || !o.value("best").isDouble())
                return fail(where + ".worst/best");
            f.worst = o.value("worst").toDouble();
            f.best = o.value("best").toDouble();
        }
        f.minKv = o.value("min_kv").toDouble(0.0);
        if (o.contains("exclude_above"))
            f.excludeAbove = o.value("exclude_above").toDouble();
        if (o.contains("reach_km")) {
            if (!o.value("reach_km").isDouble() || !(o.value("reach_km").toDouble() > 0.0))
                return error(QObject::tr("%1: %2.reach_km must be a distance in km above 0")
                                     .arg(path, where));
            f.reachKm = o.value("reach_km").toDouble();
            f.reachWhy = o.value("reach_why").toString();
        }
        const QJsonObject scores = o.value("class_scores").toObject();
        for (auto it = scores.begin(); it != scores.end(); ++it)
            f.classScores.insert(it.key().toInt(), it.value().toDouble());
        const QJsonObject excluded = o.value("excluded_classes").toObject();
        for (auto it = excluded.begin(); it != excluded.end(); ++it)
            f.excludedClasses.insert(it.key().toInt(), it.value().toString());
        model.factors.append(f);
    }
    if (model.factors.isEmpty())
        return error(QObject::tr("%1: no factors").arg(path));
    model.floodExclusion = root.value("exclusions").toObject().value("flood_zone").toString();
    const QJsonObject defaults = root.value("site_defaults").toObject();
    model.market = defaults.value("interconnection_market")
                           .toObject()
                           .value("value")
                           .toString(QStringLiteral("generic"));
    const std::pair<const char *, SourcedDefault *> fields[] = {
            {"electricity_price_usd_per_mwh", &model.electricityPrice},
            {"hourly_dry_bulb_spread_k", &model.dryBulbSpreadK},
            {"hourly_wet_bulb_spread_k", &model.wetBulbSpreadK},
            {"design_dry_bulb_above_hottest_month_k", &model.designDryBulbAboveHottestK},
            {"design_wet_bulb_above_hottest_month_k", &model.designWetBulbAboveHottestK}};
    for (const auto &[key, target] : fields) {
        const QJsonObject o = defaults.value(key).toObject();
        if (!o.value("value").isDouble())
            return fail(QStringLiteral("site_defaults.%1.value").arg(key));
        *target = {o.value("value").toDouble(), o.value("source").toString(),
                   o.value("year").toString()};
    }
    return model;
}

} // namespace app
