// SPDX-License-Identifier: GPL-3.0-or-later
// The window's options as main() parses them before Qt has seen argv: Qt's own options (the ones
// `energize --help-all` lists) pass, Energize's are read, anything else is refused.

#include "app/commandline.h"

#include <QTest>

class TestLaunchOptions : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
};

void TestLaunchOptions::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("project");
    QTest::newRow("nothing") << QStringList{} << true << false << QString();
    QTest::newRow("demo") << QStringList{"--demo"} << true << true << QString();
    QTest::newRow("project") << QStringList{"a.gpkg"} << true << false << QString("a.gpkg");
    QTest::newRow("qt platform") << QStringList{"-platform", "offscreen", "--demo"} << true << true
                                 << QString();
    QTest::newRow("qt options, double dash")
            << QStringList{"--style", "fusion", "-reverse", "b.gpkg", "-geometry", "800x600+0+0"}
            << true << false << QString("b.gpkg");
    QTest::newRow("qml debugger") << QStringList{"-qmljsdebugger=port:1234", "--demo"} << true
                                  << true << QString();
    QTest::newRow("unknown option") << QStringList{"--bogus"} << false << false << QString();
    QTest::newRow("two projects") << QStringList{"a.gpkg", "b.gpkg"} << false << false << QString();
}

void TestLaunchOptions::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QFETCH(bool, demo);
    QFETCH(QString, project);
    const auto parsed = app::parseLaunchOptions(QStringList{"energize"} + arguments);
    QCOMPARE(bool(parsed), ok);
    if (!ok) {
        QVERIFY(!parsed.error().message.empty());
        return;
    }
    QCOMPARE(parsed->demo, demo);
    QCOMPARE(parsed->projectPath, project);
}

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "test_launchoptions.moc"
