// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real `energize` binary of this build as a user would from a shell: no display, no
// Qt platform plugin forced, waiting at most two minutes (or timeoutMs). For the headless-command
// tests.

#include <QString>
#include <QStringList>

namespace testing {

struct BinaryRun
{
    int code = -1; // the exit code; -1 when it crashed or did not finish
    QString out;
    QString err;
    bool crashed = false; // ended by a signal (a segfault, an abort, a sanitizer report)
    bool timedOut = false; // still running after the time limit (it was killed)
};

BinaryRun runEnergize(const QStringList &args, int timeoutMs = 120000);

} // namespace testing
