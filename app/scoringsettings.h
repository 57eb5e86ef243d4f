// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The site-score settings in use: the bundled defaults with the open project's overrides on
// top (planner::Document::scoring(), saved in the project file, so a project scores the same
// on every desk). setWeight(), setReach() and resetToDefaults() push undo commands on the document;
// any change of the overrides (an edit, an undo, another project) emits changed(). Views and jobs
// read model() and follow changed(). GUI thread only; the document must outlive this object.

#include "app/scoringmodel.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace planner {
class Document;
}

namespace app {

class ScoringSettings : public QObject
{
    Q_OBJECT
public:
    // Follows doc's overrides; with no document it keeps its own (an empty project).
    explicit ScoringSettings(planner::Document *doc, QObject *parent = nullptr);
    explicit ScoringSettings(QObject *parent = nullptr) : ScoringSettings(nullptr, parent) {}

    bool isValid() const { return m_model.has_value(); }
    QString error() const { return m_error; }
    const ScoringModel &model() const { return *m_model; }
    const ScoringModel &defaults() const { return *m_defaults; }
    // What the project's overrides hold that these defaults cannot use (an unknown factor),
    // one message each; such entries are ignored.
    QStringList warnings() const { return m_warnings; }

    // Sets a factor's weight (>= 0, finite) as one undo command; false for an unknown id or a
    // bad value. A weight equal to the default drops the project's override.
    bool setWeight(const QString &factorId, double weight);
    // Sets a distance factor's reach in km (planner::isValidScoringReach) as one undo command;
    // false for a factor without a reach or a bad value. The default reach drops the override.
    bool setReach(const QString &factorId, double km);
    // Drops all of the project's overrides, as one undo command.
    void resetToDefaults();

signals:
    void changed();

private:
    void apply();

    planner::Document *m_doc;
    std::optional<ScoringModel> m_defaults;
    std::optional<ScoringModel> m_model;
    QString m_error;
    QStringList m_warnings;
};

} // namespace app
