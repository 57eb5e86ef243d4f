// SPDX-License-Identifier: GPL-3.0-or-later
// The field picker: it shows the guess and why, previews raw values and how they read (the
// sentinel -999999 as unknown, volts as kV), and its choice is what the user picked with the
// keyboard: a field, "no field", or a forced voltage unit.
#include "widgets/fieldmappingdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace maps;

namespace {

// An HIFLD-style substation table: NAME, MAX_VOLT in kV with a sentinel, and a rating field.
const QStringList kFields{"OBJECTID", "NAME", "MAX_VOLT", "RATED_V"};
const FieldSamples kSamples{{"1", "2", "3"},
                            {"Big Spring", "NOT AVAILABLE", "Odessa"},
                            {"345", "-999999", "138"},
                            {"345000", "0", "138000"}};

QString cell(const ui::FieldMappingDialog &d, int row, FieldPurpose p)
{
    const QTableWidgetItem *item = d.preview()->item(row, int(p));
    return item ? item->text() : QString();
}

} // namespace

class TestFieldMappingDialog : public QObject
{
    Q_OBJECT
private slots:
    void showsTheGuessAndPreview()
    {
        ui::FieldMappingDialog d("substations", kFields, kSamples, {});
        QCOMPARE(d.purposeBox(FieldPurpose::Voltage)->currentText(), "Guess: MAX_VOLT");
        QCOMPARE(d.purposeBox(FieldPurpose::Name)->currentText(), "Guess: NAME");
        QCOMPARE(cell(d, 0, FieldPurpose::Voltage), "345 (345 kV)");
        QCOMPARE(cell(d, 1, FieldPurpose::Voltage), "-999999 (unknown)");
        QCOMPARE(cell(d, 1, FieldPurpose::Name), "NOT AVAILABLE (unknown)");
        QCOMPARE(cell(d, 2, FieldPurpose::Name), "Odessa");
        QVERIFY(d.findChild<QLabel *>("fieldReason_voltage")->text().contains("MAX_VOLT"));
        QVERIFY(d.choices().isEmpty()); // nothing chosen: all guessed
    }

    void keyboardChoiceOverridesTheGuess()
    {
        ui::FieldMappingDialog d("substations", kFields, kSamples, {});
        QComboBox *voltage = d.purposeBox(FieldPurpose::Voltage);
        voltage->setFocus();
        // Guess, (no field), OBJECTID, NAME, MAX_VOLT, RATED_V: five steps down to RATED_V.
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(voltage, Qt::Key_Down);
        QCOMPARE(voltage->currentText(), "RATED_V");
        QCOMPARE(d.choices().value("voltage"), "RATED_V");
        // Its median (138,000) says volts.
        QCOMPARE(cell(d, 0, FieldPurpose::Voltage), "345000 (345 kV)");
        QCOMPARE(cell(d, 1, FieldPurpose::Voltage), "0 (unknown)");
        QVERIFY(d.findChild<QLabel *>("fieldReason_voltage")->text().contains("hand"));

        QComboBox *name = d.purposeBox(FieldPurpose::Name);
        QTest::keyClick(name, Qt::Key_Down); // (no field)
        QCOMPARE(d.choices().value("name", "absent"), QString());
        QCOMPARE(cell(d, 0, FieldPurpose::Name), QString());

        QComboBox *unit = d.unitBox();
        QTest::keyClick(unit, Qt::Key_Down); // kV, forced
        QCOMPARE(d.choices().value(kVoltageUnitKey), "kV");
        QCOMPARE(cell(d, 0, FieldPurpose::Voltage), "345000 (345 kV)"); // still volts by value
    }

    void opensOnTheStoredChoice()
    {
        ui::FieldMappingDialog d("substations", kFields, kSamples,
                                 {{"voltage", "RATED_V"}, {"voltage_unit", "V"}});
        QCOMPARE(d.purposeBox(FieldPurpose::Voltage)->currentText(), "RATED_V");
        QCOMPARE(d.unitBox()->currentData().toString(), "V");
        QCOMPARE(d.choices(), (FieldChoices{{"voltage", "RATED_V"}, {"voltage_unit", "V"}}));
    }
};

QTEST_MAIN(TestFieldMappingDialog)
#include "test_fieldmappingdialog.moc"
