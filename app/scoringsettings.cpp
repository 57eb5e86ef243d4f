// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/scoringsettings.h"

#include <QSettings>

#include <cmath>

namespace app {
namespace {
const QString kGroup = QStringLiteral("scoring/weights/");
}

ScoringSettings::ScoringSettings(QObject *parent) : QObject(parent)
{
    const QString path = defaultResourcePath("defaults/site-scoring.json");
    if (path.isEmpty()) {
        m_error = tr("site-scoring.json was not found next to the application");
        return;
    }
    m_defaults = loadScoringModel(path, &m_error);
    m_model = m_defaults;
    if (!m_model)
        return;
    QSettings settings;
    for (ScoringFactor &f : m_model->factors) {
        bool ok = false;
        const double w = settings.value(kGroup + f.id).toDouble(&ok);
        if (ok && std::isfinite(w) && w >= 0.0)
            f.weight = w;
    }
}

bool ScoringSettings::setWeight(const QString &factorId, double weight)
{
    if (!m_model || !std::isfinite(weight) || weight < 0.0)
        return false;
    for (ScoringFactor &f : m_model->factors) {
        if (f.id != factorId)
            continue;
        if (f.weight == weight)
            return true;
        f.weight = weight;
        QSettings().setValue(kGroup + factorId, weight);
        emit changed();
        return true;
    }
    return false;
}

void ScoringSettings::resetToDefaults()
{
    if (!m_defaults)
        return;
    m_model = m_defaults;
    QSettings().remove(QStringLiteral("scoring/weights"));
    emit changed();
}

} // namespace app
