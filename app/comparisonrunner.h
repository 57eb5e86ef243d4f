// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs runComparison off the GUI thread, latest request wins, as EvaluationRunner does for one
// evaluation: submit() copies the job, tags it with the next generation and queues it on the
// runner's own one-thread pool; finished() (or failed()) arrives on the runner's thread only for
// the newest generation. A result overtaken by a later submit() or by cancel() is dropped; a
// job overtaken while it runs stops before its next plan; one overtaken while queued does not
// run. Create and use it on one thread (the GUI thread). The catalogs are shared with the job,
// and with the delivered result, whose evaluations point into them; the destructor drops queued
// jobs and waits for the running one.

#include "app/plancomparison.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace app {

class ComparisonRunner : public QObject
{
    Q_OBJECT
public:
    explicit ComparisonRunner(QObject *parent = nullptr);
    ~ComparisonRunner() override;

    // Returns the generation of this request.
    quint64 submit(const ComparisonJob &job, std::shared_ptr<const planner::Catalogs> catalogs,
                   const planner::EvaluationOptions &options = headlineOptions());
    // Drops the result of whatever was submitted so far.
    void cancel();
    quint64 generation() const { return m_generation.load(); }
    // True from submit() until its result (or failure) is delivered or cancelled.
    bool isBusy() const { return m_busy; }
    // Blocks until no job runs or waits (for tests and shutdown).
    void waitForDone();

signals:
    void finished(quint64 generation, const app::PlanComparison &comparison);
    void failed(quint64 generation, const QString &message);

private:
    void deliver(quint64 generation, const planner::Expected<PlanComparison> &result);

    QThreadPool m_pool;
    std::atomic<quint64> m_generation{0};
    bool m_busy = false;
};

} // namespace app
