// SPDX-License-Identifier: GPL-3.0-or-later
// Saves survive being killed: a child process (helper_saveloop) saves a project again and
// again while this test SIGKILLs it at random points, 100 times. After every kill the project
// opens, passes PRAGMA integrity_check and holds exactly the last save the child reported or
// the one after it (killed between the rename and the report), never a mix: its name says
// "counter N" and it holds the number of sites that counter N writes (200 + N % 50).

#include "planner/store/projectfile.h"
#include "planner/store/sqlitedatabase.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace planner;

class TestKillSave : public QObject
{
    Q_OBJECT
private slots:
    void killedSavesLeaveOldOrNewProject();
};

namespace {

// The counter a project holds, checked against the site count it must have; -1 when torn.
long counterOf(const ProjectData &data)
{
    const std::string prefix = "counter ";
    if (data.info.name.rfind(prefix, 0) != 0)
        return -1;
    const long counter = std::stol(data.info.name.substr(prefix.size()));
    if (long(data.sites.size()) != 200 + counter % 50)
        return -1;
    for (const Site &site : data.sites)
        if (site.name.find(" of save " + std::to_string(counter)) == std::string::npos)
            return -1;
    return counter;
}

// The last whole line the child printed, as a number; -1 when none.
long lastReported(const QByteArray &out)
{
    const qsizetype end = out.lastIndexOf('\n');
    if (end < 0)
        return -1;
    const qsizetype start = out.lastIndexOf('\n', end - 1) + 1;
    return out.mid(start, end - start).toLong();
}

} // namespace

void TestKillSave::killedSavesLeaveOldOrNewProject()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("killed.gpkg");
    long next = 0;
    int killedMidSave = 0; // a side file was left: the kill landed inside a save
    int newerThanReported = 0; // renamed, killed before it could report
    auto *random = QRandomGenerator::global();
    for (int round = 0; round < 100; ++round) {
        QProcess child;
        child.start(SAVELOOP_HELPER, {path, QString::number(next)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        // Wait for the first save of this round, then kill somewhere in the next few saves.
        QByteArray out;
        while (!out.contains('\n') && child.state() == QProcess::Running) {
            child.waitForReadyRead(10000);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains('\n'), child.readAllStandardError().constData());
        QThread::usleep(random->bounded(20000));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        out += child.readAllStandardOutput();
        const long reported = lastReported(out);
        QVERIFY(reported >= next);

        if (QFile::exists(path + ".saving"))
            ++killedMidSave;
        auto data = loadProjectFile(path.toStdString());
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().message.c_str());
        const long counter = counterOf(*data);
        QVERIFY2(counter == reported || counter == reported + 1,
                 qPrintable(QString("round %1: file holds save %2, the child reported %3")
                                    .arg(round)
                                    .arg(counter)
                                    .arg(reported)));
        if (counter == reported + 1)
            ++newerThanReported;
        auto db = SqliteDatabase::open(path.toStdString(), SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db.ok());
        auto check = db->prepare("PRAGMA integrity_check");
        QVERIFY(check.ok());
        QVERIFY(check->step());
        QCOMPARE(check->text(0), std::string("ok"));
        next = counter + 1;
    }
    qInfo("100 kills: %d inside a save (side file left), %d after the rename but before the "
          "report; %ld saves in all",
          killedMidSave, newerThanReported, next);
    // The kills must have hit saves in progress, or the test proved nothing.
    QVERIFY(killedMidSave > 0);
}

QTEST_APPLESS_MAIN(TestKillSave)
#include "test_killsave.moc"
