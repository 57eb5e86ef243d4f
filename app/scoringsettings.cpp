// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scoringsettings.h"

#include "planner/session/document.h"
#include "planner/session/scoringcommands.h"

#include <algorithm>
#include <utility>

namespace app {

ScoringSettings::ScoringSettings(planner::Document *doc, QObject *parent)
    : QObject(parent), m_doc(doc ? doc : new planner::Document(this))
{
    const QString path = defaultResourcePath("defaults/site-scoring.json");
    if (path.isEmpty()) {
        m_error = tr("site-scoring.json was not found next to the application");
        return;
    }
    auto defaults = loadScoringModel(path);
    if (!defaults) {
        m_error = QString::fromStdString(defaults.error().message);
        return;
    }
    m_defaults = std::move(defaults).value();
    apply();
    connect(m_doc, &planner::Document::scoringChanged, this, [this] {
        apply();
        emit changed();
    });
}

void ScoringSettings::apply()
{
    m_model = m_defaults;
    m_warnings.clear();
    const planner::ScoringOverrides &overrides = m_doc->scoring();
    // The model's factor of a project's id; null for an id the defaults do not have.
    const auto factorOf = [this](const QString &factorId) -> ScoringFactor * {
        auto it = std::find_if(m_model->factors.begin(), m_model->factors.end(),
                               [&](const ScoringFactor &f) { return f.id == factorId; });
        return it == m_model->factors.end() ? nullptr : &*it;
    };
    for (const auto &[id, weight] : overrides.weights) {
        const QString factorId = QString::fromStdString(id);
        ScoringFactor *it = factorOf(factorId);
        if (!it) {
            m_warnings.append(tr("The project sets a weight for the unknown score factor '%1'; "
                                 "it is ignored.")
                                      .arg(factorId));
            continue;
        }
        it->weight = weight; // the document holds only valid weights
    }
    for (const auto &[id, km] : overrides.reachKm) {
        const QString factorId = QString::fromStdString(id);
        ScoringFactor *it = factorOf(factorId);
        if (!it || !it->reachKm) {
            m_warnings.append(tr("The project sets a reach for '%1', which is not a distance "
                                 "factor with a reach; it is ignored.")
                                      .arg(factorId));
            continue;
        }
        it->reachKm = km; // the document holds only valid reaches
    }
    if (!overrides.market.empty())
        m_model->market = QString::fromStdString(overrides.market);
}

bool ScoringSettings::setWeight(const QString &factorId, double weight)
{
    if (!m_model || !planner::isValidScoringWeight(weight))
        return false;
    const ScoringFactor *current = m_model->factor(factorId);
    const ScoringFactor *bundled = m_defaults->factor(factorId);
    if (!current || !bundled)
        return false;
    if (current->weight == weight)
        return true;
    const std::string id = factorId.toStdString();
    if (weight == bundled->weight)
        return planner::commands::clearScoringWeight(*m_doc, id, bundled->name);
    return planner::commands::setScoringWeight(*m_doc, id, weight, bundled->name);
}

bool ScoringSettings::setReach(const QString &factorId, double km)
{
    if (!m_model || !planner::isValidScoringReach(km))
        return false;
    const ScoringFactor *current = m_model->factor(factorId);
    const ScoringFactor *bundled = m_defaults->factor(factorId);
    if (!current || !bundled || !bundled->reachKm)
        return false;
    if (current->reachKm == km)
        return true;
    const std::string id = factorId.toStdString();
    if (km == *bundled->reachKm)
        return planner::commands::clearScoringReach(*m_doc, id, bundled->name);
    return planner::commands::setScoringReach(*m_doc, id, km, bundled->name);
}

void ScoringSettings::resetToDefaults()
{
    planner::commands::resetScoring(*m_doc);
}

} // namespace app
