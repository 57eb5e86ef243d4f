// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/store/comparisonstore.h"

#include "planner/store/sqlitedatabase.h"

namespace planner {
namespace {

constexpr const char *kPlan = "plan";
constexpr const char *kBaseline = "baseline";
constexpr const char *kHiddenRow = "hidden_row";

} // namespace

Expected<bool> writeComparison(SqliteDatabase &db, const SavedComparison &choice)
{
    auto insert =
            db.prepare("INSERT INTO energize_comparison (kind, position, value) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    auto row = [&](const char *kind, std::int64_t position,
                   const std::string &value) -> Expected<bool> {
        insert->reset();
        insert->bind(1, std::string(kind));
        insert->bind(2, position);
        insert->bind(3, value);
        insert->step();
        if (!insert->ok())
            return Error{"cannot write the comparison choice (" + db.lastError() + ")"};
        return true;
    };
    for (std::size_t i = 0; i < choice.plans.size(); ++i) {
        if (auto ok = row(kPlan, std::int64_t(i), choice.plans[i]); !ok)
            return ok;
    }
    for (std::size_t i = 0; i < choice.hiddenRows.size(); ++i) {
        if (auto ok = row(kHiddenRow, std::int64_t(i), choice.hiddenRows[i]); !ok)
            return ok;
    }
    if (choice.baseline.empty())
        return true;
    return row(kBaseline, 0, choice.baseline);
}

Expected<SavedComparison> readComparison(SqliteDatabase &db, const std::string &path,
                                         std::vector<std::string> &warnings)
{
    auto stmt = db.prepare("SELECT kind, value FROM energize_comparison ORDER BY kind, position");
    if (!stmt)
        return Error{path + ": cannot read the comparison choice (" + stmt.error().message + ")"};
    SavedComparison choice;
    while (stmt->step()) {
        const std::string kind = stmt->text(0);
        const std::string value = stmt->text(1);
        if (kind == kPlan)
            choice.plans.push_back(value);
        else if (kind == kHiddenRow)
            choice.hiddenRows.push_back(value);
        else if (kind == kBaseline)
            choice.baseline = value;
        else
            warnings.push_back("unknown comparison setting '" + kind + "'; ignored");
    }
    if (!stmt->ok())
        return Error{path + ": cannot read the comparison choice (" + db.lastError() + ")"};
    return choice;
}

} // namespace planner
