// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/comparecommand.h"

#include "app/commandargs.h"
#include "app/headlessproject.h"
#include "app/plancomparison.h"
#include "app/scoringmodel.h"
#include "app/siteanalyzer.h"
#include "planner/core/evaluation/catalogs.h"
#include "planner/core/site/buildplan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace app {

namespace {

// Numbers as people read them: 4.10 B, 139.6, 1.20, 70,119.
QString humanNumber(double v)
{
    const double a = std::abs(v);
    if (a >= 1e9)
        return QLocale::c().toString(v / 1e9, 'f', 2) + QStringLiteral(" B");
    if (a >= 1e6)
        return QLocale::c().toString(v / 1e6, 'f', 1) + QStringLiteral(" M");
    const int decimals = a >= 1000.0 ? 0 : a >= 100.0 ? 1 : a >= 1.0 || a == 0.0 ? 2 : 3;
    return QLocale().toString(v, 'f', decimals);
}

QString valueText(const planner::ComparisonRow &row, const std::optional<double> &v)
{
    if (!v)
        return QStringLiteral("—");
    if (row.isMonth)
        return QString::fromStdString(planner::monthText(*v));
    return humanNumber(*v);
}

QString differenceText(const planner::ComparisonRow &row, std::size_t i)
{
    const auto &d = row.difference[i];
    if (!d)
        return {};
    if (*d == 0.0)
        return QStringLiteral("=");
    QString text = (*d > 0 ? QStringLiteral("+") : QString())
            + (row.isMonth ? QString::number(*d, 'f', 0) + QStringLiteral(" mo") : humanNumber(*d));
    if (row.percent[i])
        text += QStringLiteral(" (%1%2 %)")
                        .arg(*row.percent[i] > 0 ? "+" : "")
                        .arg(*row.percent[i], 0, 'f', 1);
    return text;
}

QJsonValue number(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const planner::Comparison &c)
{
    QJsonArray plans, rows, summary;
    for (const std::string &p : c.plans)
        plans.append(QString::fromStdString(p));
    for (const planner::ComparisonRow &r : c.rows) {
        QJsonArray values, differences, percents;
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            values.append(r.isMonth && r.values[i] ? QJsonValue(
                                  QString::fromStdString(planner::monthText(*r.values[i])))
                                                   : number(r.values[i]));
            differences.append(number(r.difference[i]));
            percents.append(number(r.percent[i]));
        }
        rows.append(QJsonObject{{"id", QString::fromStdString(r.id)},
                                {"label", QString::fromStdString(r.label)},
                                {"unit", QString::fromStdString(r.unit)},
                                {"better",
                                 r.better == planner::Better::Lower            ? "lower"
                                         : r.better == planner::Better::Higher ? "higher"
                                                                               : "neither"},
                                {"values", values},
                                {"best",
                                 r.best ? QJsonValue(QString::fromStdString(c.plans[*r.best]))
                                        : QJsonValue(QJsonValue::Null)},
                                {"difference_to_baseline", differences},
                                {"percent_to_baseline", percents}});
    }
    for (const std::string &s : c.summary)
        summary.append(QString::fromStdString(s));
    return {{"plans", plans},
            {"baseline", QString::fromStdString(c.plans[c.baseline])},
            {"rows", rows},
            {"summary", summary}};
}

} // namespace

int runCompareCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const char *usage = "usage: energize compare PROJECT.gpkg|--demo [--plans NAME,NAME...] "
                        "[--baseline NAME] [--csv FILE] [--json]\n";
    CommandArgs parsed;
    if (auto stop = parseCommandArgs(
                {"compare", {"--plans", "--baseline", "--csv"}, {"--demo", "--json"}, true, usage},
                args, out, err, parsed))
        return *stop;
    const QString path = parsed.positional, csv = parsed.value("--csv"),
                  planList = parsed.value("--plans");
    ComparisonChoice choice;
    choice.baseline = parsed.value("--baseline");
    const bool demo = parsed.has("--demo"), json = parsed.has("--json");
    auto project = openHeadlessProject("compare", path, demo, err);
    if (!project)
        return 1;
    auto catalogs = planner::loadCatalogs(defaultResourcePath("catalog").toStdString());
    if (!catalogs) {
        err << "energize compare: " << QString::fromStdString(catalogs.error().message) << "\n";
        return 1;
    }
    if (!planList.isEmpty()) {
        QStringList names;
        for (const planner::BuildPlan &p : project->doc->plans())
            names << QString::fromStdString(p.name);
        choice.plans = splitPlanList(planList, names);
    }
    SiteAnalyzer analyzer(*project->layers->scene(), project->scoring->model());
    const auto compared = comparePlans(*project->doc, analyzer, *catalogs,
                                       project->scoring->model().market, choice);
    if (!compared) {
        err << "energize compare: " << QString::fromStdString(compared.error().message) << "\n";
        return 1;
    }
    const planner::Comparison &c = compared->table;
    if (!csv.isEmpty()) {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(comparisonCsv(c).toUtf8()) < 0) {
            err << "energize compare: " << csv << ": " << file.errorString() << "\n";
            return 1;
        }
    }
    if (json) {
        out << QJsonDocument(toJson(c)).toJson(QJsonDocument::Indented);
        return 0;
    }
    // A table: figure and unit, then one column per plan (* marks the best of the row), with
    // the difference to the baseline under each value.
    const int labelWidth = 44;
    int column = 16;
    for (const std::string &p : c.plans)
        column = std::max(column, std::min(int(p.size()) + 2, 34));
    out << QString("Baseline: %1\n\n").arg(QString::fromStdString(c.plans[c.baseline]));
    QString header = QString().leftJustified(labelWidth);
    for (const std::string &p : c.plans)
        header += QString::fromStdString(p).left(column - 1).leftJustified(column);
    while (header.endsWith(' '))
        header.chop(1);
    out << header << "\n";
    for (const planner::ComparisonRow &row : c.rows) {
        const QString label = QString::fromStdString(row.label)
                + (row.unit.empty() || row.isMonth
                           ? QString()
                           : QStringLiteral(" (%1)").arg(QString::fromStdString(row.unit)));
        QString line = label.leftJustified(labelWidth), below = QString(labelWidth, ' ');
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const bool best = row.best && *row.best == i;
            line += (valueText(row, row.values[i]) + (best ? QStringLiteral(" *") : QString()))
                            .leftJustified(column);
            below += (i == c.baseline ? QString() : differenceText(row, i)).leftJustified(column);
        }
        out << line.trimmed() << "\n";
        if (!below.trimmed().isEmpty())
            out << below.trimmed().prepend(QString(labelWidth, ' ')) << "\n";
    }
    out << "\n* best of the row; under each value its difference to the baseline\n\n";
    for (const std::string &s : c.summary)
        out << "- " << QString::fromStdString(s) << "\n";
    return 0;
}

} // namespace app
