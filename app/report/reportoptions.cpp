// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/reportoptions.h"

#include <QSettings>

namespace app::report {

Paper defaultPaper(const QLocale &locale)
{
    if (locale.measurementSystem() == QLocale::ImperialUSSystem)
        return Paper::Letter;
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::CostaRica:
    case QLocale::Guatemala:
    case QLocale::ElSalvador:
    case QLocale::Panama:
    case QLocale::DominicanRepublic:
    case QLocale::PuertoRico:
        return Paper::Letter;
    default:
        return Paper::A4;
    }
}

QString paperName(Paper paper)
{
    return paper == Paper::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

std::optional<Paper> parsePaper(const QString &text)
{
    if (text.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0)
        return Paper::A4;
    if (text.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0)
        return Paper::Letter;
    return std::nullopt;
}

QString defaultAuthor()
{
    const QString saved = QSettings().value(QStringLiteral("report/author")).toString();
    if (!saved.isEmpty())
        return saved;
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

} // namespace app::report
