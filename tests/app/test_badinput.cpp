// SPDX-License-Identifier: GPL-3.0-or-later
// Every file of the bad-input corpus (tests/data/bad, listed in its manifest.tsv) opened through
// the paths users take: the real `energize` binary (plan, headroom, score, report) under a time
// limit, the map's Add Layers into an open project, and the main window's Open Project. Each must
// end normally (no signal, no sanitizer report, no hang), with a message that names the file and
// says what is wrong (the manifest's words), and leave the open project as it was. A directory, a
// symlink loop and a file that grows while it is read are made here, at test time.

#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/session/sitecommands.h"
#include "support_energizebinary.h"
#include "widgets/layerpanel.h"
#include "widgets/mapcanvas.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

namespace {

// The manifest's word for a damaged file its reader recovers from in full (GDAL and libtiff
// repair a few kinds of damage): it must load, or fail with a message, and change nothing else.
const QString kLoads = QStringLiteral("(loads)");

constexpr int kTimeLimitMs = 30000; // the hang check: any of these files is read in well under 1 s

QString corpusDir()
{
    return QString(ENERGIZE_SOURCE_DIR) + "/tests/data/bad";
}

struct Case
{
    QString file; // relative to the corpus folder
    QString how; // layer, project, grid, locations, plan, catalog:<name>
    QString expect; // words the message must contain (case-insensitive)
};

QList<Case> manifest()
{
    QList<Case> out;
    QFile f(corpusDir() + "/manifest.tsv");
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList cols = line.split('\t');
        if (cols.size() >= 3)
            out.append({cols[0], cols[1], cols[2]});
    }
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// What a user would notice changing in the open project: its file, sites, layers and plans.
QString fingerprint(const planner::Document &doc)
{
    QStringList parts{doc.filePath(), doc.isModified() ? "modified" : "clean"};
    for (const planner::Site &s : doc.sites())
        parts << QString("site %1 %2 %3 %4")
                         .arg(s.id)
                         .arg(QString::fromStdString(s.name))
                         .arg(s.longitude)
                         .arg(s.latitude);
    for (const planner::LayerRef &l : doc.layers())
        parts << QString("layer %1 %2 %3")
                         .arg(l.id)
                         .arg(QString::fromStdString(l.source),
                              QString::fromStdString(l.locations));
    for (const planner::BuildPlan &p : doc.plans())
        parts << QString("plan %1 %2").arg(p.id).arg(QString::fromStdString(p.name));
    return parts.join('\n');
}

// A message that names the file and its problem.
bool explains(const QString &message, const QString &fileName, const QString &expect)
{
    return message.contains(fileName) && message.contains(expect, Qt::CaseInsensitive);
}

// Ends normally and says something useful; a sanitizer report counts as a crash.
QString runFault(const testing::BinaryRun &run)
{
    if (run.timedOut)
        return "did not finish within the time limit (a hang)";
    if (run.crashed)
        return "crashed (ended by a signal): " + run.err.right(2000);
    if (run.err.contains("AddressSanitizer") || run.err.contains("runtime error:")
        || run.err.contains("LeakSanitizer"))
        return "sanitizer report: " + run.err.right(4000);
    return {};
}

// Closes the message boxes Open Project shows, keeping their text.
class MessageBoxCloser : public QObject
{
public:
    MessageBoxCloser()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                texts << box->text();
                box->done(QMessageBox::Ok);
            }
        });
        m_timer.start(20);
    }
    QStringList texts;

private:
    QTimer m_timer;
};

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void corpusIsComplete();
    void commandLine_data();
    void commandLine();
    void addLayer_data();
    void addLayer();
    void openProject_data();
    void openProject();
    void madeAtTestTime_data();
    void madeAtTestTime();

private:
    void rows(const QStringList &hows);
    QString catalogWith(const QString &name, const QString &file);
    void checkAddLayer(const QStringList &files, const QString &named, const QString &expect,
                       const QString &locations = {});
    void checkOpen(const QString &path, const QString &expect);
    void checkCli(const QStringList &args, const QString &named, const QString &expect);
    QTemporaryDir m_dir;
    QString m_good; // a small project: one site and a grid-case layer
    QByteArray m_goodHash;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    planner::Document doc;
    planner::commands::addSite(doc, "Alpha", -97.2, 31.1);
    planner::LayerRef grid;
    grid.name = "tiny";
    grid.role = app::kGridCaseRole;
    grid.source = (corpusDir() + "/grid/tiny.m").toStdString();
    grid.locations = (corpusDir() + "/grid/tiny_locations.csv").toStdString();
    planner::commands::addLayer(doc, grid);
    m_good = m_dir.filePath("good.gpkg");
    QVERIFY(doc.save(m_good).ok());
    m_goodHash = fileHash(m_good);
}

// The manifest lists what make_corpus.py wrote, each file exists, and every format is there.
void TestBadInput::corpusIsComplete()
{
    const QList<Case> cases = manifest();
    QVERIFY2(cases.size() >= 60, qPrintable(QString::number(cases.size())));
    QSet<QString> hows;
    for (const Case &c : cases) {
        QVERIFY2(QFileInfo::exists(corpusDir() + "/" + c.file), qPrintable(c.file));
        // Small: 8 KiB, or 20 KiB for a project (SQLite takes a 512-byte page per table).
        const qint64 limit = c.file.endsWith(".gpkg") ? 20480 : 8192;
        QVERIFY2(QFileInfo(corpusDir() + "/" + c.file).size() <= limit, qPrintable(c.file));
        QVERIFY2(!c.expect.isEmpty(), qPrintable(c.file));
        hows << c.how.section(':', 0, 0);
    }
    for (const char *how : {"layer", "project", "grid", "locations", "plan", "catalog"})
        QVERIFY2(hows.contains(how), how);
    QVERIFY(QFileInfo::exists(corpusDir() + "/README.md"));
}

void TestBadInput::rows(const QStringList &hows)
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expect");
    for (const Case &c : manifest()) {
        if (hows.contains(c.how.section(':', 0, 0)))
            QTest::newRow(qPrintable(c.file)) << c.file << c.how << c.expect;
    }
}

// A copy of the bundled catalog with one file replaced.
QString TestBadInput::catalogWith(const QString &name, const QString &file)
{
    const QString dir = m_dir.filePath("catalog-" + QFileInfo(file).completeBaseName());
    QDir().mkpath(dir);
    const QDir bundled(QString(ENERGIZE_SOURCE_DIR) + "/resources/catalog");
    for (const QString &entry : bundled.entryList({"*.json", "*.csv"}, QDir::Files)) {
        QFile::remove(dir + "/" + entry);
        QFile::copy(bundled.filePath(entry), dir + "/" + entry);
    }
    QFile::remove(dir + "/" + name + ".json");
    QFile::copy(corpusDir() + "/" + file, dir + "/" + name + ".json");
    return dir;
}

void TestBadInput::checkCli(const QStringList &args, const QString &named, const QString &expect)
{
    const testing::BinaryRun run = testing::runEnergize(args, kTimeLimitMs);
    const QString fault = runFault(run);
    QVERIFY2(fault.isEmpty(), qPrintable(args.join(' ') + ": " + fault));
    // Refused, or done with what it had to leave out said on stderr: either way, explained.
    QVERIFY2(explains(run.err, named, expect == kLoads ? QString() : expect),
             qPrintable(args.join(' ') + ": the message does not name " + named + " and '" + expect
                        + "': " + run.err.left(1500)));
}

void TestBadInput::commandLine_data()
{
    rows({"project", "grid", "locations", "plan", "catalog"});
}

void TestBadInput::commandLine()
{
    QFETCH(QString, file);
    QFETCH(QString, how);
    QFETCH(QString, expect);
    const QString path = corpusDir() + "/" + file;
    const QString name = QFileInfo(file).fileName();
    const QString example = QString(ENERGIZE_SOURCE_DIR) + "/resources/examples/plan-100mw.json";
    const QByteArray before = fileHash(path); // reading a file never writes it
    if (how == "project") {
        checkCli({"score", path, "--json"}, name, expect);
        checkCli({"report", path, "--out", m_dir.filePath("r.pdf")}, name, expect);
    } else if (how == "grid") {
        checkCli({"headroom", path}, name, expect);
    } else if (how == "locations") {
        checkCli({"headroom", corpusDir() + "/grid/tiny.m", "--locations", path}, name, expect);
    } else if (how == "plan") {
        checkCli({"plan", "--input", path}, name, expect);
    } else {
        const QString catalog = how.section(':', 1);
        checkCli({"plan", "--input", example, "--catalog", catalogWith(catalog, file)},
                 catalog + ".json", expect);
    }
    QCOMPARE(fileHash(path), before);
}

// Add Layers into the open project: the layer fails alone, with its message; the project's other
// layer stays loaded, and undoing the add leaves the project exactly as it was.
void TestBadInput::checkAddLayer(const QStringList &files, const QString &named,
                                 const QString &expect, const QString &locations)
{
    planner::Document doc;
    QVERIFY(doc.load(m_good).ok());
    ui::MapCanvas canvas;
    ui::LayerPanel panel;
    app::MapController map(&doc, &canvas, &panel);
    map.layers()->waitForLoads();
    const qint64 goodLayer = doc.layers().front().id;
    QCOMPARE(map.layers()->layer(goodLayer)->state, app::LoadedLayer::State::Ready);
    const QString before = fingerprint(doc);

    QCOMPARE(map.addLayerFiles(files), 1);
    map.layers()->waitForLoads();
    QCOMPARE(doc.layers().size(), std::size_t(2));
    const qint64 id = doc.layers().back().id;
    int steps = 1;
    if (!locations.isEmpty()) { // the layer menu's Bus Locations… on the case that asks for one
        QVERIFY(map.setLayerLocations(id, locations));
        map.layers()->waitForLoads();
        ++steps;
    }
    const auto added = map.layers()->layer(id);
    QVERIFY(added);
    if (added->state == app::LoadedLayer::State::Failed) {
        QVERIFY2(explains(added->error, named, expect == kLoads ? QString() : expect),
                 qPrintable("the message does not name " + named + " and '" + expect
                            + "': " + added->error));
    } else {
        // Read with what it left out said in the layer's row of the panel (which names it):
        // skipped features of a vector layer, a grid case's notes or failed headroom study.
        QStringList said;
        if (added->vector)
            said << added->vector->metadata().warnings;
        if (added->grid)
            said << added->grid->notes() << added->grid->headroomError();
        QVERIFY2(expect == kLoads || said.join(' ').contains(expect, Qt::CaseInsensitive),
                 qPrintable(named + " loaded; said: " + said.join(" | ")));
    }
    QCOMPARE(map.layers()->layer(goodLayer)->state, app::LoadedLayer::State::Ready);

    for (int i = 0; i < steps; ++i)
        doc.undoStack()->undo();
    QCOMPARE(fingerprint(doc), before);
    QCOMPARE(fileHash(m_good), m_goodHash);
}

void TestBadInput::addLayer_data()
{
    rows({"layer", "grid", "locations"});
}

void TestBadInput::addLayer()
{
    QFETCH(QString, file);
    QFETCH(QString, how);
    QFETCH(QString, expect);
    const QString path = corpusDir() + "/" + file;
    const QString name = QFileInfo(file).fileName();
    if (how == "layer")
        checkAddLayer({path}, name, expect);
    else if (how == "grid")
        checkAddLayer({path, corpusDir() + "/grid/tiny_locations.csv"}, name, expect);
    else
        checkAddLayer({corpusDir() + "/grid/tiny.m"}, name, expect, path);
}

// Open Project in the main window: refused with a message box naming the file and the problem;
// the project that was open stays open, unchanged.
void TestBadInput::checkOpen(const QString &path, const QString &expect)
{
    app::MainWindow window;
    QVERIFY(window.openProject(m_good));
    window.mapController()->layers()->waitForLoads();
    const QString before = fingerprint(*window.document());
    MessageBoxCloser closer;
    const bool opened = window.openProject(path);
    const QString name = QFileInfo(path).fileName();
    if (opened) {
        // Read, with what it had to leave out: each left-out value is named in the status bar.
        const QString shown = window.statusBar()->currentMessage();
        QVERIFY2(explains(shown, name, expect), qPrintable(name + " opened; said: " + shown));
        return;
    }
    QVERIFY2(closer.texts.size() == 1, qPrintable(closer.texts.join(" | ")));
    QVERIFY2(explains(closer.texts.front(), name, expect), qPrintable(closer.texts.front()));
    QCOMPARE(fingerprint(*window.document()), before);
    QCOMPARE(fileHash(m_good), m_goodHash);
}

void TestBadInput::openProject_data()
{
    rows({"project"});
}

void TestBadInput::openProject()
{
    QFETCH(QString, file);
    QFETCH(QString, expect);
    checkOpen(corpusDir() + "/" + file, expect);
}

void TestBadInput::madeAtTestTime_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("directory") << "directory";
    QTest::newRow("symlink loop") << "loop";
    QTest::newRow("growing file") << "growing";
}

// The same paths with a folder, a symlink loop and a file another process is still writing.
void TestBadInput::madeAtTestTime()
{
    QFETCH(QString, kind);
    const QString dir = m_dir.filePath(kind);
    QVERIFY(QDir().mkpath(dir));
    auto make = [&](const QString &name) {
        const QString path = dir + "/" + name;
        if (kind == "directory") {
            QDir().mkpath(path);
        } else if (kind == "loop") {
            QFile::link(path + ".other", path);
            QFile::link(path, path + ".other");
        }
        return path;
    };
    // A growing file: a writer appends a valid-looking start and then blanks until told to stop.
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    auto grow = [&](const QString &path, const QByteArray &start) {
        writers.emplace_back([path, start, &stop] {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return;
            f.write(start);
            f.flush();
            const QByteArray blanks(4096, ' ');
            for (int i = 0; i < 16384 && !stop; ++i) { // at most 64 MiB
                f.write(blanks);
                f.flush();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    };
    const QString plan = make("plan.json"), grid = make("case.m"), project = make("project.gpkg"),
                  layer = make("layer.geojson");
    if (kind == "growing") {
        grow(plan, "{\"plan\": {\"it_load_mw\": ");
        grow(grid, "mpc.baseMVA = 100;\nmpc.bus = [\n1 3 0 0 0 0 1 1 0 345 1 1.1 0.9;\n");
        grow(project, QByteArray("SQLite format 3\0", 16));
        grow(layer, "{\"type\": \"FeatureCollection\", \"features\": [");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const QString expect = kind == "directory" ? "director" : "";
    checkCli({"plan", "--input", plan}, "plan.json", expect);
    checkCli({"headroom", grid}, "case.m", expect);
    checkCli({"score", project}, "project.gpkg", expect);
    checkOpen(project, expect);
    checkAddLayer({layer}, "layer.geojson", expect);
    stop = true;
    for (std::thread &t : writers)
        t.join();
}

QTEST_MAIN(TestBadInput)
#include "test_badinput.moc"
