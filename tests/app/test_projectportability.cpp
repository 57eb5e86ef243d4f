// SPDX-License-Identifier: GPL-3.0-or-later
// A project travels: saved with a raster and a vector layer beside it and a changed weight,
// its folder moved, it opens with the same layers, weights and site score; with a layer file
// deleted it opens with that layer marked missing and the rest intact, and Locate… brings the
// layer back; a factor's reach is edited in the weights dialog and undone. Offscreen, in the real
// main window.

#include "app/commandline.h"
#include "app/demoproject.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "app/sitecontroller.h"
#include "planner/session/document.h"
#include "planner/session/layercommands.h"
#include "planner/session/sitecommands.h"
#include "planner/store/sqlitedatabase.h"
#include "widgets/layerpanel.h"
#include "widgets/scorepanel.h"
#include "widgets/weightsdialog.h"

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

class TestProjectPortability : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void movedFolderOpensTheSame();
    void missingLayerOpensMarkedAndCanBeLocated();
    void anotherProjectShowsItsOwnWeights();
    void unknownFactorIsReportedAndIgnored();
    void reachIsEditedInTheDialogAndUndone();

private:
    QString makeProject(const QString &folder);
    static bool waitForLayers(app::MainWindow &window);
    static std::optional<double> siteScore(app::MainWindow &window, const planner::Site &site);
    static const app::LoadedLayer *loaded(app::MainWindow &window, const std::string &name);

    QTemporaryDir m_dir;
};

// The weights the project changes: the factors it has no layer for are off (so the site has a
// score), and land price counts more than by default.
const std::pair<const char *, double> kWeights[] = {
        {"slope", 0.0}, {"land_class", 0.0}, {"mean_temperature", 0.0}, {"land_price", 42.0}};

void TestProjectPortability::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
    QVERIFY(!app::findDemoDirectory().isEmpty());
}

bool TestProjectPortability::waitForLayers(app::MainWindow &window)
{
    window.mapController()->layers()->waitForLoads();
    return QTest::qWaitFor([&] { return window.mapController()->layers()->loadingCount() == 0; },
                           20000);
}

std::optional<double> TestProjectPortability::siteScore(app::MainWindow &window,
                                                        const planner::Site &site)
{
    app::SiteAnalyzer analyzer(*window.mapController()->layers()->scene(),
                               window.scoring()->model());
    return analyzer.analyze(QString::fromStdString(site.name), site.longitude, site.latitude)
            .breakdown.score;
}

const app::LoadedLayer *TestProjectPortability::loaded(app::MainWindow &window,
                                                       const std::string &name)
{
    for (const planner::LayerRef &ref : window.document()->layers()) {
        if (ref.name == name)
            return window.mapController()->layers()->layer(ref.id).get();
    }
    return nullptr;
}

// folder/study.gpkg with folder/layers/{land_price.tif, grid.gpkg} (copies of the demo's).
QString TestProjectPortability::makeProject(const QString &folder)
{
    const QDir demo(app::findDemoDirectory());
    QDir(folder).mkpath("layers");
    const QString tif = QDir(folder).filePath("layers/land_price.tif");
    const QString gpkg = QDir(folder).filePath("layers/grid.gpkg");
    if (!QFile::copy(demo.filePath("synthetic_land_price.tif"), tif)
        || !QFile::copy(demo.filePath("texas-demo.gpkg"), gpkg))
        return {};
    app::MainWindow window;
    planner::Document &doc = *window.document();
    auto add = [&](const QString &path, const char *layer, const char *role) {
        planner::LayerRef ref;
        ref.source = path.toStdString();
        ref.layerName = layer;
        ref.name = layer[0] ? layer : "land price";
        ref.role = role;
        planner::commands::addLayer(doc, ref);
    };
    add(tif, "", "land price");
    add(gpkg, "synthetic_transmission_lines", "transmission lines");
    add(gpkg, "synthetic_substations", "substations");
    planner::commands::addSite(doc, "Abilene candidate", -99.78, 32.40);
    planner::commands::addSite(doc, "Temple candidate", -97.30, 31.05);
    for (const auto &[id, weight] : kWeights) {
        if (!window.scoring()->setWeight(id, weight))
            return {};
    }
    const QString path = QDir(folder).filePath("study.gpkg");
    if (!doc.save(path).ok())
        return {};
    return path;
}

void TestProjectPortability::movedFolderOpensTheSame()
{
    const QString folder = m_dir.filePath("moved-study");
    const QString path = makeProject(folder);
    QVERIFY(!path.isEmpty());

    // Before the move: the scores as saved.
    std::vector<std::optional<double>> before;
    {
        app::MainWindow window;
        QVERIFY(window.openProject(path));
        QVERIFY(waitForLayers(window));
        for (const planner::Site &site : window.document()->sites())
            before.push_back(siteScore(window, site));
        QVERIFY(before.front().has_value());
    }

    const QString movedFolder = m_dir.filePath("moved-study-renamed");
    QVERIFY(QDir().rename(folder, movedFolder));
    const QString moved = QDir(movedFolder).filePath("study.gpkg");

    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(moved));
    QVERIFY(waitForLayers(window));
    const auto &layers = window.document()->layers();
    QCOMPARE(layers.size(), std::size_t(3));
    for (const planner::LayerRef &ref : layers) {
        QVERIFY2(QString::fromStdString(ref.source).startsWith(movedFolder), ref.source.c_str());
        auto layer = window.mapController()->layers()->layer(ref.id);
        QVERIFY2(layer && layer->state == app::LoadedLayer::State::Ready,
                 qPrintable(layer ? layer->error : QString("not loaded")));
    }
    for (const auto &[id, weight] : kWeights)
        QCOMPARE(window.scoring()->model().factor(id)->weight, weight);
    QCOMPARE(window.scoring()->model().factor("hv_substation_distance")->weight,
             window.scoring()->defaults().factor("hv_substation_distance")->weight);

    const auto &sites = window.document()->sites();
    QCOMPARE(sites.size(), before.size());
    for (std::size_t i = 0; i < sites.size(); ++i)
        QCOMPARE(siteScore(window, sites[i]), before[i]);
    // The Site Score dock shows the same number for the selected site.
    window.siteController()->select(sites.front().id);
    auto *panel = window.findChild<ui::ScorePanel *>();
    QTRY_VERIFY(panel->breakdown().score.has_value());
    QCOMPARE(panel->breakdown().score, before.front());

    // With the bundled weights the same site scores differently: the weights did travel.
    window.scoring()->resetToDefaults();
    QVERIFY(siteScore(window, sites.front()) != before.front());
    window.document()->undoStack()->undo();
    QCOMPARE(siteScore(window, sites.front()), before.front());
}

void TestProjectPortability::missingLayerOpensMarkedAndCanBeLocated()
{
    const QString folder = m_dir.filePath("missing-study");
    const QString path = makeProject(folder);
    QVERIFY(!path.isEmpty());
    const QString tif = QDir(folder).filePath("layers/land_price.tif");
    const QString kept = m_dir.filePath("found/land_price.tif");
    QVERIFY(QDir().mkpath(m_dir.filePath("found")));
    QVERIFY(QFile::rename(tif, kept));

    app::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(path));
    QVERIFY(waitForLayers(window));
    planner::Document &doc = *window.document();
    QCOMPARE(doc.layers().size(), std::size_t(3));
    QCOMPARE(doc.sites().size(), std::size_t(2));
    const app::LoadedLayer *price = loaded(window, "land price");
    QVERIFY(price);
    QCOMPARE(price->state, app::LoadedLayer::State::Failed);
    QVERIFY(price->missing);
    QCOMPARE(price->lookedFor, QDir::cleanPath(tif));
    for (const char *name : {"synthetic_transmission_lines", "synthetic_substations"})
        QCOMPARE(loaded(window, name)->state, app::LoadedLayer::State::Ready);
    QCOMPARE(window.scoring()->model().factor("land_price")->weight, 42.0);

    // The Layers dock says so on the row, with where it looked, and offers Locate….
    auto *panel = window.findChild<ui::LayerPanel *>();
    QTreeWidget *tree = panel->tree();
    QTreeWidgetItem *row = tree->topLevelItem(tree->topLevelItemCount() - 1); // drawn first
    QVERIFY2(row->text(0).contains("missing"), qPrintable(row->text(0)));
    QCOMPARE(row->text(1), QString("missing"));
    QCOMPARE(row->childCount(), 1);
    QVERIFY2(row->child(0)->text(0).contains(QDir::toNativeSeparators(QDir::cleanPath(tif))),
             qPrintable(row->child(0)->text(0)));
    auto *locate = panel->findChild<QToolButton *>("locateLayerButton");
    QVERIFY(locate && !locate->isHidden());
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(!locate->isEnabled()); // a layer that is fine has nothing to locate
    tree->setCurrentItem(row);
    QVERIFY(locate->isEnabled());

    // Saving keeps the missing layer's reference.
    const QString copy = QDir(folder).filePath("copy.gpkg");
    QVERIFY2(doc.save(copy).ok(), "save failed");
    {
        planner::Document reread;
        QVERIFY(reread.load(copy).ok());
        QCOMPARE(reread.layers(), doc.layers());
    }

    // Locate… with the file: the user picks it in the file dialog, the layer loads.
    QTimer::singleShot(200, this, [kept] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->selectFile(kept);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog checks the choice first
    });
    const int steps = doc.undoStack()->count();
    QTest::mouseClick(locate, Qt::LeftButton);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY(waitForLayers(window));
    price = loaded(window, "land price");
    QCOMPARE(price->state, app::LoadedLayer::State::Ready);
    QVERIFY(!price->missing);
    QVERIFY(siteScore(window, doc.sites().front()).has_value());
    QVERIFY(panel->findChild<QToolButton *>("locateLayerButton")->isHidden());

    // The new path is saved; undo points back at the missing file.
    QVERIFY2(doc.save(path).ok(), "save failed");
    {
        planner::Document reread;
        QVERIFY(reread.load(path).ok());
        QCOMPARE(QString::fromStdString(reread.layers().front().source), QDir::cleanPath(kept));
    }
    doc.undoStack()->undo();
    QVERIFY(waitForLayers(window));
    QVERIFY(loaded(window, "land price")->missing);
}

void TestProjectPortability::anotherProjectShowsItsOwnWeights()
{
    const QString path = makeProject(m_dir.filePath("own-weights"));
    QVERIFY(!path.isEmpty());
    app::MainWindow window;
    QVERIFY(window.openProject(path));
    QCOMPARE(window.scoring()->model().factor("land_price")->weight, 42.0);
    window.document()->clear(); // File > New
    QCOMPARE(window.scoring()->model().factor("land_price")->weight,
             window.scoring()->defaults().factor("land_price")->weight);
    QVERIFY(window.openProject(path));
    QCOMPARE(window.scoring()->model().factor("land_price")->weight, 42.0);
    window.openDemo();
    QCOMPARE(window.scoring()->model().factor("land_price")->weight,
             window.scoring()->defaults().factor("land_price")->weight);
}

void TestProjectPortability::unknownFactorIsReportedAndIgnored()
{
    const QString path = makeProject(m_dir.filePath("unknown-factor"));
    QVERIFY(!path.isEmpty());
    {
        auto db = planner::SqliteDatabase::open(path.toStdString(),
                                                planner::SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->execute("INSERT OR REPLACE INTO energize_scoring (setting, weight) VALUES "
                            "('weight/sunshine_hours', 9), "
                            "('weight/slope', -2), ('reach_km/slope', 5);")
                        .ok());
    }
    app::MainWindow window;
    QVERIFY(window.openProject(path));
    QCOMPARE(window.scoring()->warnings().size(), 2);
    QVERIFY(window.scoring()->warnings().front().contains("sunshine_hours"));
    // Slope is not a distance factor: a reach for it is ignored with a message.
    QVERIFY(window.scoring()->warnings().back().contains("reach for 'slope'"));
    QCOMPARE(window.document()->loadWarnings().size(), 1); // the negative slope weight
    const QString shown = window.statusBar()->currentMessage();
    QVERIFY2(shown.contains("sunshine_hours") && shown.contains("slope"), qPrintable(shown));
    // The rest of the project's weights apply; the bad slope weight falls back to the default.
    QCOMPARE(window.scoring()->model().factor("land_price")->weight, 42.0);
    QCOMPARE(window.scoring()->model().factor("slope")->weight,
             window.scoring()->defaults().factor("slope")->weight);
    QCOMPARE(window.scoring()->model().factors.size(), window.scoring()->defaults().factors.size());
}

void TestProjectPortability::reachIsEditedInTheDialogAndUndone()
{
    app::MainWindow window;
    auto *action = window.findChild<QAction *>("actionWeights");
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<ui::WeightsDialog *>();
    QVERIFY(dialog);
    const double bundled = *window.scoring()->defaults().factor("line_voltage")->reachKm;
    QDoubleSpinBox *reach = dialog->reachBox("line_voltage");
    QVERIFY(reach);
    QCOMPARE(reach->value(), bundled);
    QVERIFY(!dialog->reachBox("slope")); // not a distance factor
    QVERIFY(!window.scoring()->setReach("slope", 5.0));

    reach->setValue(12.0); // as typing does
    QCOMPARE(*window.scoring()->model().factor("line_voltage")->reachKm, 12.0);
    QCOMPARE(window.document()->scoring().reachKm.at("line_voltage"), 12.0);
    // Edit ▸ Undo names the factor as the dialog does.
    QCOMPARE(window.document()->undoStack()->undoText(),
             "Change reach of " + window.scoring()->defaults().factor("line_voltage")->name);
    window.document()->undoStack()->undo();
    QCOMPARE(*window.scoring()->model().factor("line_voltage")->reachKm, bundled);
    QCOMPARE(reach->value(), bundled); // the box follows the undo
    QVERIFY(window.document()->scoring().empty());
    window.document()->undoStack()->redo();
    QCOMPARE(reach->value(), 12.0);
    // Reset takes reaches back too, in one step.
    QVERIFY(window.scoring()->setWeight("slope", 3.0));
    window.scoring()->resetToDefaults();
    QCOMPARE(reach->value(), bundled);
    QCOMPARE(dialog->spinBox("slope")->value(),
             window.scoring()->defaults().factor("slope")->weight);
    dialog->close();
}

QTEST_MAIN(TestProjectPortability)
#include "test_projectportability.moc"
