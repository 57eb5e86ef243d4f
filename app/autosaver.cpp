// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/autosaver.h"

#include "planner/session/document.h"
#include "planner/store/projectfile.h"

#include <QSettings>
#include <QtConcurrent>

namespace app {

bool Autosaver::intervalFromEnvironment()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("ENERGIZE_AUTOSAVE_SECONDS", &ok);
    return ok && seconds >= 0;
}

int Autosaver::configuredInterval()
{
    if (intervalFromEnvironment())
        return qEnvironmentVariableIntValue("ENERGIZE_AUTOSAVE_SECONDS");
    bool ok = false;
    const int seconds = QSettings().value(kSettingKey, kDefaultIntervalSeconds).toInt(&ok);
    return ok && seconds >= 0 ? seconds : kDefaultIntervalSeconds;
}

Autosaver::Autosaver(planner::Document *document, RecoveryStore store, QObject *parent)
    : QObject(parent), m_document(document), m_store(std::move(store))
{
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::autosaveNow);
    connect(&m_job, &QFutureWatcher<energize::Status>::finished, this, &Autosaver::finished);
    connect(document, &planner::Document::changed, this, [this] { m_dirty = true; });
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] { m_dirty = true; });
    connect(document, &planner::Document::modifiedChanged, this, [this](bool modified) {
        if (modified)
            m_dirty = true;
        else
            discard(); // saved, or undone back to the saved state
    });
    // Another path (Save As, Open, New): the old copy describes a project no longer open.
    connect(document, &planner::Document::filePathChanged, this, [this] {
        discard();
        m_dirty = m_document->isModified();
    });
    setInterval(configuredInterval());
}

Autosaver::~Autosaver()
{
    m_job.waitForFinished(); // the worker holds a copy of the store, never this
}

void Autosaver::setInterval(int seconds)
{
    m_seconds = std::max(0, seconds);
    if (m_seconds == 0)
        m_timer.stop();
    else
        m_timer.start(m_seconds * 1000);
}

void Autosaver::autosaveNow()
{
    if (!m_dirty || !m_document->isModified() || m_job.isRunning())
        return;
    const QString path = m_document->filePath();
    m_key = RecoveryStore::keyFor(path);
    m_dirty = false;
    // Headline figures are results, recomputed on open: the copy carries them when they follow
    // the latest change, else leaves them NULL rather than write stale ones.
    std::vector<planner::PlanHeadline> headlines;
    if (m_headlines)
        headlines = m_headlines().value_or(std::vector<planner::PlanHeadline>{});
    auto data = std::make_shared<planner::ProjectData>(m_document->snapshot(path, headlines));
    m_job.setFuture(QtConcurrent::run(
            [store = m_store, key = m_key, path, data] { return store.write(key, path, *data); }));
}

void Autosaver::finished()
{
    const energize::Status written = m_job.result();
    if (!written) {
        m_dirty = true; // try again at the next tick
        emit failed(QString::fromStdString(written.error().message));
        return;
    }
    if (!m_document->isModified() || m_key.isEmpty()) {
        discard(); // saved or closed while the copy was written
        return;
    }
    for (const QString &key : std::as_const(m_adopted))
        if (key != m_key)
            m_store.remove(key);
    m_adopted.clear();
    emit autosaved(m_store.folder() + "/" + m_key + ".gpkg");
}

void Autosaver::discard()
{
    m_job.waitForFinished();
    if (!m_key.isEmpty())
        m_store.remove(m_key);
    m_key.clear();
    for (const QString &key : std::as_const(m_adopted))
        m_store.remove(key);
    m_adopted.clear();
}

} // namespace app
