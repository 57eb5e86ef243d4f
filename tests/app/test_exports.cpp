// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export besides the PDF: the demo's sites as GeoJSON, KML and GeoPackage that GDAL opens
// again with every site and its attributes (the score equal to the site's own analysis); the
// plans and the comparison as CSV with a row per plan or figure; the map view as PNG and SVG;
// a chart saved as PNG, SVG and PDF. Wrong suffixes and missing folders are errors naming the
// path.

#include "app/commandline.h"
#include "app/export/exportactions.h"
#include "app/mainwindow.h"
#include "app/mapcontroller.h"
#include "app/maplayers.h"
#include "app/scoringsettings.h"
#include "app/siteanalyzer.h"
#include "planner/core/site/buildplan.h"
#include "planner/session/document.h"
#include "widgets/chartexport.h"
#include "widgets/chartspanel.h"
#include "widgets/costchart.h"
#include "widgets/mapcanvas.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

class TestExports : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sitesReopenInGdal_data();
    void sitesReopenInGdal();
    void badSuffixAndFolderAreNamed();
    void plansAndComparisonCsv();
    void mapViewAsPngAndSvg();
    void chartSavedInThreeFormats();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    app::MainWindow *m_window = nullptr;
    app::ExportActions *m_exports = nullptr;
};

void TestExports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    app::setApplicationIdentity();
    m_window = new app::MainWindow;
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->openDemo();
    m_window->mapController()->layers()->waitForLoads();
    m_exports = m_window->findChild<app::ExportActions *>();
    QVERIFY(m_exports);
    for (const char *name : {"actionExportSites", "actionExportPlansCsv",
                             "actionExportComparisonCsv", "actionExportMap", "actionExportPdf"})
        QVERIFY2(m_window->findChild<QAction *>(name), name);
}

void TestExports::cleanupTestCase()
{
    // For looking at them by hand: ENERGIZE_TEST_OUTPUT=folder keeps a copy.
    if (const QString keep = qEnvironmentVariable("ENERGIZE_TEST_OUTPUT"); !keep.isEmpty()) {
        for (const char *name : {"map.png", "map.svg", "cost.png", "cost.svg", "cost.pdf"})
            QFile::copy(m_dir.filePath(name), QDir(keep).filePath(name));
    }
    delete m_window;
}

void TestExports::sitesReopenInGdal_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("GeoJSON") << "sites.geojson";
    QTest::newRow("KML") << "sites.kml";
    QTest::newRow("GeoPackage") << "sites.gpkg";
}

void TestExports::sitesReopenInGdal()
{
    QFETCH(QString, file);
    const QString path = m_dir.filePath(file);
    const QString error = m_exports->exportSites(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Each site's own score, from the analysis the Site Score dock shows.
    const planner::Document &doc = *m_window->document();
    app::SiteAnalyzer analyzer(*m_window->mapController()->layers()->scene(),
                               m_window->scoring()->model());
    QMap<QString, double> scores;
    for (const planner::Site &s : doc.sites()) {
        const app::SiteAnalysis a = analyzer.analyze(QString::fromStdString(s.name), s.longitude,
                                                     s.latitude, s.outline);
        QVERIFY(a.score.score);
        scores.insert(QString::fromStdString(s.name), *a.score.score * 100.0);
    }
    QCOMPARE(scores.size(), 3);

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    OGRLayer *layer = ds->GetLayer(0);
    QVERIFY(layer);
    QCOMPARE(int(layer->GetFeatureCount()), 3);
    int seen = 0;
    for (auto &f : *layer) {
        const QString name = QString::fromUtf8(f->GetFieldAsString("name"));
        QVERIFY2(scores.contains(name), qPrintable(name));
        QVERIFY(std::abs(f->GetFieldAsDouble("score") - scores[name]) < 1e-6);
        QVERIFY(QString::fromUtf8(f->GetFieldAsString("plans")).size() > 3);
        const OGRPoint *p = f->GetGeometryRef()->toPoint();
        const planner::Site &site =
                *std::find_if(doc.sites().begin(), doc.sites().end(), [&](const planner::Site &s) {
                    return QString::fromStdString(s.name) == name;
                });
        QVERIFY(std::abs(p->getX() - site.longitude) < 1e-6);
        QVERIFY(std::abs(p->getY() - site.latitude) < 1e-6);
        ++seen;
    }
    QCOMPARE(seen, 3);
}

void TestExports::badSuffixAndFolderAreNamed()
{
    const QString txt = m_dir.filePath("sites.txt");
    QVERIFY(m_exports->exportSites(txt).contains(txt));
    const QString missing = m_dir.filePath("nowhere/sites.geojson");
    QVERIFY(m_exports->exportSites(missing).contains(missing));
    QVERIFY(m_exports->exportMapView(m_dir.filePath("map.bmp")).contains("map.bmp"));
    QVERIFY(m_exports->exportPlansCsv(m_dir.filePath("nowhere/plans.csv")).contains("nowhere"));
}

void TestExports::plansAndComparisonCsv()
{
    const QString plans = m_dir.filePath("plans.csv");
    QVERIFY(m_exports->exportPlansCsv(plans).isEmpty());
    QFile p(plans);
    QVERIFY(p.open(QIODevice::ReadOnly));
    const QStringList planLines = QString::fromUtf8(p.readAll()).trimmed().split('\n');
    QCOMPARE(planLines.size(), 4);
    QVERIFY(planLines[0].startsWith("plan,site,site_score"));
    // A name with a comma is quoted; every plan has a capex.
    QVERIFY(planLines.join('\n').contains("\"Temple TPU 200 MW, bridged\""));
    for (const QString &l : planLines.mid(1))
        QVERIFY2(QRegularExpression(",\\d{4}-\\d\\d,\\d{4}-\\d\\d,\\d{8,},").match(l).hasMatch(),
                 qPrintable(l));

    const QString comparison = m_dir.filePath("comparison.csv");
    QVERIFY(m_exports->exportComparisonCsv(comparison).isEmpty());
    QFile c(comparison);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(c.readAll()).trimmed().split('\n');
    QVERIFY(rows.size() > 10);
    QVERIFY(rows[0].startsWith("figure,unit,Abilene GB200 100 MW"));
}

void TestExports::mapViewAsPngAndSvg()
{
    const QString png = m_dir.filePath("map.png");
    QString error = m_exports->exportMapView(png);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), m_window->canvas()->size() * 2);
    // Not blank: the layers drew many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));

    const QString svg = m_dir.filePath("map.svg");
    error = m_exports->exportMapView(svg);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Abilene candidate")); // the site labels are text
    QVERIFY(text.contains("SYNTHETIC")); // the attribution line
    QVERIFY(text.count("<path") + text.count("<polyline") > 100); // the layers are vectors
}

void TestExports::chartSavedInThreeFormats()
{
    auto *panel = m_window->findChild<ui::ChartsPanel *>();
    QVERIFY(panel);
    QCustomPlot *plot = panel->costChart()->plot();
    QTRY_VERIFY(!panel->costChart()->title().isEmpty()); // the selected site's cost
    QCOMPARE(plot->contextMenuPolicy(), Qt::CustomContextMenu);
    for (const char *name : {"cost.png", "cost.svg", "cost.pdf"}) {
        const QString path = m_dir.filePath(name);
        const QString error = ui::saveChart(plot, path, QSize(800, 400));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(QFileInfo(path).size() > 1000, name);
    }
    QCOMPARE(QImage(m_dir.filePath("cost.png")).size(), QSize(1600, 800));
    QFile svg(m_dir.filePath("cost.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(svg.readAll()).contains("capital cost, million USD"));
    QVERIFY(ui::saveChart(plot, m_dir.filePath("cost.gif")).contains("cost.gif"));
}

QTEST_MAIN(TestExports)
#include "test_exports.moc"
