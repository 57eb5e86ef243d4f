// SPDX-License-Identifier: GPL-3.0-or-later
// The layer chooser: each layer with its geometry and feature count, those with geometry ticked,
// a table without geometry shown but not pickable; unticking with the keyboard drops a layer,
// and with none left the dialog cannot add anything.
#include "widgets/layerchooserdialog.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

class TestLayerChooserDialog : public QObject
{
    Q_OBJECT
private slots:
    void listsAndPicks()
    {
        const QList<maps::VectorLayerInfo> layers{{"lines", maps::GeometryKind::Line, 11151},
                                                  {"buses", maps::GeometryKind::Point, 8807},
                                                  {"owners", maps::GeometryKind::None, 12}};
        ui::LayerChooserDialog d("entsoe.gpkg", layers);
        QCOMPARE(d.list()->count(), 3);
        QVERIFY(d.list()->item(0)->text().contains("lines"));
        QVERIFY(d.list()->item(0)->text().contains(QLocale().toString(11151))
                || d.list()->item(0)->text().contains("11151"));
        QVERIFY(d.list()->item(1)->text().contains("points"));
        QVERIFY(!(d.list()->item(2)->flags() & Qt::ItemIsEnabled));
        QCOMPARE(d.chosenLayers(), (QStringList{"lines", "buses"}));

        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.list()->setFocus();
        d.list()->setCurrentRow(0);
        QTest::keyClick(d.list(), Qt::Key_Space);
        QCOMPARE(d.chosenLayers(), QStringList{"buses"});
        d.list()->setCurrentRow(1);
        QTest::keyClick(d.list(), Qt::Key_Space);
        QVERIFY(d.chosenLayers().isEmpty());
        auto *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
    }
};

QTEST_MAIN(TestLayerChooserDialog)
#include "test_layerchooserdialog.moc"
