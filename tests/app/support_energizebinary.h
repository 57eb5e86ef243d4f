// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real `energize` binary of this build as a user would from a shell: no display, no
// Qt platform plugin forced, waiting at most two minutes. For the headless-command tests.

#include <QString>
#include <QStringList>

namespace testing {

struct BinaryRun
{
    int code = -1; // the exit code; -1 when it crashed or did not finish
    QString out;
    QString err;
};

BinaryRun runEnergize(const QStringList &args);

} // namespace testing
