// SPDX-License-Identifier: GPL-3.0-or-later
#include "support_energizebinary.h"

#include <QCoreApplication>
#include <QProcess>

namespace testing {

BinaryRun runEnergize(const QStringList &args, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY"); // the commands need no display
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + "/../../app/energize", args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        BinaryRun hung;
        hung.timedOut = true;
        hung.err = QString::fromUtf8(p.readAllStandardError());
        return hung;
    }
    const bool crashed = p.exitStatus() != QProcess::NormalExit;
    return {crashed ? -1 : p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError()), crashed, false};
}

} // namespace testing
