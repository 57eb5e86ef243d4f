// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/scoringcommands.h"

#include "planner/session/document.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <map>
#include <optional>

namespace planner::commands {
namespace {

constexpr int kWeightCommandId = 0x5c0e;

class SetScoring : public QUndoCommand
{
public:
    // mergeKey: the one field this changes ("weight/<id>", "reach/<id>"); empty for other edits.
    SetScoring(Document &doc, ScoringOverrides before, ScoringOverrides after, std::string mergeKey,
               const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_mergeKey(std::move(mergeKey))
    {}
    void redo() override { m_doc.setScoring(m_after); }
    void undo() override { m_doc.setScoring(m_before); }
    int id() const override { return m_mergeKey.empty() ? -1 : kWeightCommandId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const SetScoring *>(other);
        if (next->m_mergeKey != m_mergeKey || &next->m_doc != &m_doc)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    Document &m_doc;
    ScoringOverrides m_before;
    ScoringOverrides m_after;
    std::string m_mergeKey;
};

bool push(Document &doc, const ScoringOverrides &after, const std::string &mergeKey,
          const QString &text)
{
    if (after == doc.scoring())
        return false;
    doc.undoStack()->push(new SetScoring(doc, doc.scoring(), after, mergeKey, text));
    return true;
}

// A per-factor setting of ScoringOverrides: its map, the merge key's prefix and the undo text.
struct FactorField
{
    std::map<std::string, double> ScoringOverrides::*values;
    const char *key;
    const char *text; // "Change weight of %1"
};

const FactorField kWeight{&ScoringOverrides::weights, "weight/",
                          QT_TRANSLATE_NOOP("planner::commands", "Change weight of %1")};
const FactorField kReach{&ScoringOverrides::reachKm, "reach/",
                         QT_TRANSLATE_NOOP("planner::commands", "Change reach of %1")};

// Sets (value) or drops (nullopt) one factor's entry of `field` as one merged undo step.
bool change(Document &doc, const FactorField &field, const std::string &factorId,
            std::optional<double> value, const QString &factorName)
{
    ScoringOverrides after = doc.scoring();
    auto &values = after.*field.values;
    if (value)
        values[factorId] = *value;
    else if (values.erase(factorId) == 0)
        return false;
    const QString name = factorName.isEmpty() ? QString::fromStdString(factorId) : factorName;
    return push(doc, after, field.key + factorId,
                QCoreApplication::translate("planner::commands", field.text).arg(name));
}

} // namespace

bool setScoringWeight(Document &doc, const std::string &factorId, double weight,
                      const QString &factorName)
{
    if (!isValidScoringId(factorId) || !isValidScoringWeight(weight))
        return false;
    return change(doc, kWeight, factorId, weight, factorName);
}

bool clearScoringWeight(Document &doc, const std::string &factorId, const QString &factorName)
{
    return change(doc, kWeight, factorId, std::nullopt, factorName);
}

bool setScoringReach(Document &doc, const std::string &factorId, double km,
                     const QString &factorName)
{
    if (!isValidScoringId(factorId) || !isValidScoringReach(km))
        return false;
    return change(doc, kReach, factorId, km, factorName);
}

bool clearScoringReach(Document &doc, const std::string &factorId, const QString &factorName)
{
    return change(doc, kReach, factorId, std::nullopt, factorName);
}

bool setInterconnectionMarket(Document &doc, const std::string &market)
{
    if (!market.empty() && !isValidScoringId(market))
        return false;
    ScoringOverrides after = doc.scoring();
    after.market = market;
    return push(doc, after, {}, QObject::tr("Change interconnection market"));
}

bool resetScoring(Document &doc)
{
    return push(doc, ScoringOverrides{}, {}, QObject::tr("Reset score settings to defaults"));
}

} // namespace planner::commands
