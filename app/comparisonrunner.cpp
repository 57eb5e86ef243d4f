// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/comparisonrunner.h"

#include <QMetaObject>

namespace app {

ComparisonRunner::ComparisonRunner(QObject *parent) : QObject(parent)
{
    // One comparison at a time: a newer one waits for the running one to notice it is stale
    // (between plans) instead of competing with it for the cores.
    m_pool.setMaxThreadCount(1);
}

ComparisonRunner::~ComparisonRunner()
{
    cancel();
    waitForDone();
}

quint64 ComparisonRunner::submit(const ComparisonJob &job,
                                 std::shared_ptr<const planner::Catalogs> catalogs,
                                 const planner::EvaluationOptions &options)
{
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_pool.start([this, generation, job, catalogs = std::move(catalogs), options] {
        auto stale = [this, generation] {
            return generation != m_generation.load();
        };
        if (stale())
            return; // overtaken while queued
        planner::Expected<PlanComparison> result = runComparison(job, *catalogs, options, stale);
        if (stale())
            return;
        // Posted to this object: dropped with it if it is destroyed first (the destructor
        // waits for this job, so `this` is alive here). The catalogs travel with the result.
        QMetaObject::invokeMethod(
                this,
                [this, generation, result = std::move(result), catalogs] {
                    deliver(generation, result);
                },
                Qt::QueuedConnection);
    });
    return generation;
}

void ComparisonRunner::cancel()
{
    ++m_generation;
    m_pool.clear();
    m_busy = false;
}

void ComparisonRunner::waitForDone()
{
    m_pool.waitForDone();
}

void ComparisonRunner::deliver(quint64 generation, const planner::Expected<PlanComparison> &result)
{
    if (generation != m_generation.load())
        return; // a newer request or a cancel came while this one was on its way
    m_busy = false;
    if (result)
        emit finished(generation, *result);
    else
        emit failed(generation, QString::fromStdString(result.error().message));
}

} // namespace app
