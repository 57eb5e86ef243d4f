// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Autosave: after a change, every N seconds, the open document is snapshotted on the GUI thread
// and written as a recovery copy (recoverystore.h) on a worker thread, never over the project
// itself. N comes from the setting "autosave/intervalSeconds" (default 60; 0: off), or for
// tests from the environment variable ENERGIZE_AUTOSAVE_SECONDS. A save, an undo back to the
// saved state, another project or a clean close remove the copy (discard()).
// Lives on the GUI thread with the document; at most one write runs at a time.

#include "app/recoverystore.h"
#include "planner/core/site/planheadline.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace planner {
class Document;
}

namespace app {

class Autosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalSeconds = 60;
    static constexpr const char *kSettingKey = "autosave/intervalSeconds";
    // The interval the settings (or ENERGIZE_AUTOSAVE_SECONDS) ask for, in seconds; 0: off.
    static int configuredInterval();
    // True when ENERGIZE_AUTOSAVE_SECONDS overrides the setting.
    static bool intervalFromEnvironment();

    Autosaver(planner::Document *document, RecoveryStore store, QObject *parent = nullptr);
    ~Autosaver() override;

    int interval() const { return m_seconds; }
    void setInterval(int seconds); // 0 stops autosaving
    const RecoveryStore &store() const { return m_store; }
    // Copies of a crashed session restored into this document: removed once this document has
    // its own copy, is saved or is closed cleanly.
    void adopt(const QString &key) { m_adopted.append(key); }
    // Where the copy's plans layer takes its headline figures from (PlansController's
    // current ones); without a source, or when it has none, the copy leaves them NULL.
    void
    setHeadlineSource(std::function<std::optional<std::vector<planner::PlanHeadline>>()> source)
    {
        m_headlines = std::move(source);
    }
    // Writes a copy now if there are unsaved changes (what the timer calls).
    void autosaveNow();
    // Waits for a running write, then removes this document's copy and the adopted ones.
    void discard();

signals:
    void autosaved(const QString &recoveryFile);
    void failed(const QString &message);

private:
    void finished();

    planner::Document *m_document;
    RecoveryStore m_store;
    QTimer m_timer;
    QFutureWatcher<energize::Status> m_job;
    QString m_key; // the copy's key while one exists or is being written
    QStringList m_adopted;
    std::function<std::optional<std::vector<planner::PlanHeadline>>()> m_headlines;
    int m_seconds = 0;
    bool m_dirty = false; // changed since the last copy was taken
};

} // namespace app
