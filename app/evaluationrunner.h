// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs planner::evaluate off the GUI thread, latest request wins. submit() copies the request,
// tags it with the next generation number and queues it on the runner's own one-thread pool;
// finished() (or failed()) arrives on the runner's thread only for the newest generation:
// a result overtaken by a later submit() or by cancel() is dropped, and a queued job that is
// already stale when its turn comes does not run at all. Create and use it on one thread (the
// GUI thread). The catalogs are shared with the job, so they live as long as it runs; the
// destructor drops queued jobs and waits for the running one, so destroying the owner while a
// job runs is safe.

#include "planner/core/evaluation/catalogs.h"
#include "planner/core/evaluation/evaluation.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace app {

class EvaluationRunner : public QObject
{
    Q_OBJECT
public:
    explicit EvaluationRunner(QObject *parent = nullptr);
    ~EvaluationRunner() override;

    // Returns the generation of this request.
    quint64 submit(const planner::EvaluationRequest &request,
                   std::shared_ptr<const planner::Catalogs> catalogs,
                   const planner::EvaluationOptions &options);
    // Drops the result of whatever was submitted so far.
    void cancel();
    // The newest generation: the last submit() returned it, or cancel() moved past it.
    quint64 generation() const { return m_generation.load(); }
    // Blocks until no job runs or waits (for tests and shutdown).
    void waitForDone();

signals:
    void finished(quint64 generation, const planner::SiteEvaluation &evaluation);
    void failed(quint64 generation, const QString &message);

private:
    void deliver(quint64 generation, const planner::Expected<planner::SiteEvaluation> &result);

    QThreadPool m_pool;
    std::atomic<quint64> m_generation{0};
};

} // namespace app
