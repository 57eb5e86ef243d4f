// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a PDF report holds and how it is printed: the plans (by name), the sections, the paper
// and who wrote it. Plain values; the default paper follows the locale (Letter where it is the
// usual size, A4 elsewhere).

#include <QFlags>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace app::report {

enum class Paper { A4, Letter };

enum class Section {
    Summary = 0x01, // the comparison table and the summary sentences
    Map = 0x02,
    Sites = 0x04, // one section per site of the chosen plans
    Plans = 0x08, // one section per plan: sizing, cost, schedule, cash flow, tornados
    Assumptions = 0x10, // the appendix of catalog figures
};
Q_DECLARE_FLAGS(Sections, Section)

inline constexpr Sections kAllSections = Sections(0x1f);

struct ReportOptions
{
    QStringList plans; // names, in report order; empty: every plan of the project
    Sections sections = kAllSections;
    Paper paper = Paper::A4;
    QString author; // empty: nobody named
};

// Letter for the countries that use it (the US measurement system, Canada, Mexico, the
// Philippines and a few more in the Americas), A4 elsewhere.
Paper defaultPaper(const QLocale &locale = QLocale());

QString paperName(Paper paper); // "A4", "Letter"
// "a4" or "letter" (any case); nullopt otherwise.
std::optional<Paper> parsePaper(const QString &text);

// The user's name for the title page: the saved report author, else the login name.
QString defaultAuthor();

} // namespace app::report

Q_DECLARE_OPERATORS_FOR_FLAGS(app::report::Sections)
