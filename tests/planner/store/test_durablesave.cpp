// SPDX-License-Identifier: GPL-3.0-or-later
// Crash-safe saves: every way a save can fail (the side file cannot be created, a write fails,
// the disk is full, the folder is read-only, the flush or the rename fails) gives a message
// naming the file and the system's reason, leaves no side file and leaves the previous file
// byte for byte as it was. Faults come from three sources: the kernel itself (a file size
// limit, RLIMIT_FSIZE), a real tiny or read-only tmpfs (when this process may mount, e.g. as
// root in a container), and the injectable hook of durablefile.h for the fsync/rename steps.

#include "planner/store/durablefile.h"
#include "planner/store/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

#include <sys/resource.h>

using namespace planner;

namespace {

ProjectData projectWithSites(const std::string &name, int count)
{
    ProjectData data;
    data.info.name = name;
    for (int i = 0; i < count; ++i) {
        Site site;
        site.id = i + 1;
        site.name = "site " + std::to_string(i) + std::string(200, 'x');
        site.longitude = -100.0 + i * 1e-3;
        site.latitude = 31.0;
        data.sites.push_back(site);
    }
    data.nextSiteId = count + 1;
    return data;
}

QByteArray digest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool runMount(const QStringList &args)
{
    QProcess p;
    p.start("mount", args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestDurableSave : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void injectedFaultKeepsOriginal_data();
    void injectedFaultKeepsOriginal();
    void folderFlushFailureIsReportedAfterRename();
    void writeFailureFromFileSizeLimit();
    void fullTmpfs();
    void readOnlyTmpfs();
    void missingFolder();

private:
    QString m_original;
    QByteArray m_originalDigest;
    QTemporaryDir m_dir;
};

void TestDurableSave::init()
{
    m_original = m_dir.filePath("study.gpkg");
    QFile::remove(m_original);
    auto saved = saveProjectFile(m_original.toStdString(), projectWithSites("old", 3), "0.1.0");
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message.c_str());
    m_originalDigest = digest(m_original);
    QVERIFY(!m_originalDigest.isEmpty());
}

void TestDurableSave::injectedFaultKeepsOriginal_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("reason");
    QTest::newRow("read-only folder (create)")
            << int(DurableStep::CreateSideFile) << EROFS << "Read-only file system";
    QTest::newRow("permission (create)")
            << int(DurableStep::CreateSideFile) << EACCES << "Permission denied";
    QTest::newRow("full disk at fsync")
            << int(DurableStep::SyncFile) << ENOSPC << "No space left on device";
    QTest::newRow("I/O error at fsync")
            << int(DurableStep::SyncFile) << EIO << "Input/output error";
    QTest::newRow("rename refused") << int(DurableStep::Rename) << EROFS << "Read-only file system";
}

void TestDurableSave::injectedFaultKeepsOriginal()
{
    QFETCH(int, step);
    QFETCH(int, error);
    QFETCH(QString, reason);
    injectDurableFault(static_cast<DurableStep>(step), error);
    auto saved = saveProjectFile(m_original.toStdString(), projectWithSites("new", 5), "0.1.0");
    injectDurableFault(static_cast<DurableStep>(step), 0);
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.startsWith(m_original + ": "), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(message.contains("unchanged"), qPrintable(message));
    QVERIFY(!QFile::exists(m_original + ".saving"));
    QCOMPARE(digest(m_original), m_originalDigest);
    auto read = readProjectFile(m_original.toStdString());
    QVERIFY(read.ok());
    QCOMPARE(read->name, std::string("old"));
    // The fault is gone: the next save goes through.
    QVERIFY(saveProjectFile(m_original.toStdString(), projectWithSites("new", 5), "0.1.0").ok());
    QCOMPARE(readProjectFile(m_original.toStdString())->name, std::string("new"));
}

void TestDurableSave::folderFlushFailureIsReportedAfterRename()
{
    injectDurableFault(DurableStep::SyncFolder, EIO);
    auto saved = saveProjectFile(m_original.toStdString(), projectWithSites("new", 5), "0.1.0");
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.contains("power loss") && message.contains("Input/output error"),
             qPrintable(message));
    // The rename happened: the new file is in place, whole.
    QCOMPARE(readProjectFile(m_original.toStdString())->name, std::string("new"));
    QVERIFY(!QFile::exists(m_original + ".saving"));
}

// The kernel refuses writes past RLIMIT_FSIZE with EFBIG (SIGXFSZ ignored): a real failing
// write() under SQLite, whoever runs the test.
void TestDurableSave::writeFailureFromFileSizeLimit()
{
    const qint64 size = QFileInfo(m_original).size();
    QVERIFY(size > 0);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    QVERIFY(getrlimit(RLIMIT_FSIZE, &before) == 0);
    rlimit limited = before;
    limited.rlim_cur = static_cast<rlim_t>(size + 4096); // the bigger project cannot fit
    QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    auto saved = saveProjectFile(m_original.toStdString(), projectWithSites("new", 2000), "0.1.0");
    QVERIFY(setrlimit(RLIMIT_FSIZE, &before) == 0);
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.startsWith(m_original + ": cannot save"), qPrintable(message));
    // SQLite reports this write failure as "disk I/O error" and may not keep the errno.
    QVERIFY2(message.contains("File too large") || message.contains("disk I/O error"),
             qPrintable(message));
    QVERIFY(!QFile::exists(m_original + ".saving"));
    QVERIFY(!QFile::exists(m_original + ".saving-journal"));
    QCOMPARE(digest(m_original), m_originalDigest);
}

// A real full disk: a 256 KiB tmpfs holding the old project, then a save that needs more.
void TestDurableSave::fullTmpfs()
{
    QTemporaryDir mountPoint;
    if (!runMount({"-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.path()}))
        QSKIP("this process may not mount a tmpfs; the RLIMIT_FSIZE and injected faults cover it");
    const QString path = mountPoint.filePath("full.gpkg");
    auto old = saveProjectFile(path.toStdString(), projectWithSites("old", 3), "0.1.0");
    QVERIFY2(old.ok(), old.ok() ? "" : old.error().message.c_str());
    const QByteArray before = digest(path);
    auto saved = saveProjectFile(path.toStdString(), projectWithSites("new", 3000), "0.1.0");
    const QStringList left = QDir(mountPoint.path()).entryList(QDir::Files);
    const QByteArray after = digest(path);
    QProcess::execute("umount", {mountPoint.path()});
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    qInfo("full disk: %s", qPrintable(message));
    QVERIFY2(message.startsWith(path + ": cannot save"), qPrintable(message));
    QVERIFY2(message.contains("full") || message.contains("No space left"), qPrintable(message));
    QCOMPARE(left, QStringList{"full.gpkg"});
    QCOMPARE(after, before);
}

// A real read-only folder (root ignores chmod): a tmpfs remounted read-only.
void TestDurableSave::readOnlyTmpfs()
{
    QTemporaryDir mountPoint;
    if (!runMount({"-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path()}))
        QSKIP("this process may not mount a tmpfs; the injected EROFS covers it");
    const QString path = mountPoint.filePath("ro.gpkg");
    QVERIFY(saveProjectFile(path.toStdString(), projectWithSites("old", 3), "0.1.0").ok());
    const QByteArray before = digest(path);
    const bool remounted = runMount({"-o", "remount,ro", mountPoint.path()});
    auto saved = saveProjectFile(path.toStdString(), projectWithSites("new", 5), "0.1.0");
    const QStringList left = QDir(mountPoint.path()).entryList(QDir::Files);
    const QByteArray after = digest(path);
    QProcess::execute("umount", {mountPoint.path()});
    QVERIFY(remounted);
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    qInfo("read-only folder: %s", qPrintable(message));
    QVERIFY2(message.startsWith(path + ": cannot save"), qPrintable(message));
    QVERIFY2(message.contains("Read-only file system"), qPrintable(message));
    QCOMPARE(left, QStringList{"ro.gpkg"});
    QCOMPARE(after, before);
}

void TestDurableSave::missingFolder()
{
    const QString path = m_dir.filePath("no-such-folder/study.gpkg");
    auto saved = saveProjectFile(path.toStdString(), projectWithSites("new", 1), "0.1.0");
    QVERIFY(!saved.ok());
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.startsWith(path + ": cannot save") && message.contains("No such file"),
             qPrintable(message));
}

QTEST_APPLESS_MAIN(TestDurableSave)
#include "test_durablesave.moc"
