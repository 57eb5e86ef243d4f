// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The site-score settings in use: the bundled defaults with the user's weights and thresholds
// on top (kept in QSettings, so they survive a restart). Views and jobs read model() and
// follow changed(). GUI thread only.

#include "app/scoringmodel.h"

#include <QObject>

#include <optional>

namespace app {

class ScoringSettings : public QObject
{
    Q_OBJECT
public:
    explicit ScoringSettings(QObject *parent = nullptr);

    bool isValid() const { return m_model.has_value(); }
    QString error() const { return m_error; }
    const ScoringModel &model() const { return *m_model; }
    const ScoringModel &defaults() const { return *m_defaults; }

    // Sets a factor's weight (>= 0, finite); false for an unknown id or a bad value.
    bool setWeight(const QString &factorId, double weight);
    void resetToDefaults();

signals:
    void changed();

private:
    std::optional<ScoringModel> m_defaults;
    std::optional<ScoringModel> m_model;
    QString m_error;
};

} // namespace app
