// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/evaluationrunner.h"

#include <QMetaObject>

namespace app {

EvaluationRunner::EvaluationRunner(QObject *parent) : QObject(parent)
{
    // One job at a time: a newer request waits for the running one instead of competing with
    // it for the cores the GUI thread needs.
    m_pool.setMaxThreadCount(1);
}

EvaluationRunner::~EvaluationRunner()
{
    cancel();
    waitForDone();
}

quint64 EvaluationRunner::submit(const planner::EvaluationRequest &request,
                                 std::shared_ptr<const planner::Catalogs> catalogs,
                                 const planner::EvaluationOptions &options)
{
    const quint64 generation = ++m_generation;
    m_pool.start([this, generation, request, catalogs = std::move(catalogs), options] {
        if (generation != m_generation.load())
            return; // overtaken while queued
        planner::Expected<planner::SiteEvaluation> result =
                planner::evaluate(request, *catalogs, options);
        if (generation != m_generation.load())
            return;
        // Posted to this object: dropped with it if it is destroyed first (the destructor
        // waits for this job, so `this` is alive here).
        QMetaObject::invokeMethod(
                this,
                [this, generation, result = std::move(result), catalogs] {
                    deliver(generation, result);
                },
                Qt::QueuedConnection);
    });
    return generation;
}

void EvaluationRunner::cancel()
{
    ++m_generation;
    m_pool.clear();
}

void EvaluationRunner::waitForDone()
{
    m_pool.waitForDone();
}

void EvaluationRunner::deliver(quint64 generation,
                               const planner::Expected<planner::SiteEvaluation> &result)
{
    if (generation != m_generation.load())
        return; // a newer request or a cancel came while this one was on its way
    if (result)
        emit finished(generation, *result);
    else
        emit failed(generation, QString::fromStdString(result.error().message));
}

} // namespace app
