// SPDX-License-Identifier: GPL-3.0-or-later
#include "support_energizebinary.h"

#include <QCoreApplication>
#include <QProcess>

namespace testing {

BinaryRun runEnergize(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY"); // the commands need no display
    env.remove("QT_QPA_PLATFORM");
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + "/../../app/energize", args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace testing
