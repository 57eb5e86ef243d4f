// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/fieldmappingdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kPreviewRows = 8;
// Item data of the first two entries of a purpose's box: guess, or no field.
const QString kGuess = QStringLiteral("\x01guess");

} // namespace

FieldMappingDialog::FieldMappingDialog(const QString &layerName, const QStringList &fields,
                                       const maps::FieldSamples &samples,
                                       const maps::FieldChoices &choices, QWidget *parent)
    : QDialog(parent), m_fields(fields), m_samples(samples), m_unit(new QComboBox(this)),
      m_unitReason(new QLabel(this)), m_preview(new QTableWidget(this))
{
    setWindowTitle(tr("Fields of %1").arg(layerName));
    setObjectName("fieldMappingDialog");
    auto *form = new QFormLayout;
    for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
        const auto purpose = maps::FieldPurpose(p);
        auto *box = new QComboBox(this);
        box->setObjectName("fieldBox_" + maps::purposeKey(purpose));
        box->addItem(tr("Guess"), kGuess);
        box->addItem(tr("(no field)"), QString());
        for (const QString &f : fields)
            box->addItem(f, f);
        const QString key = maps::purposeKey(purpose);
        if (choices.contains(key)) {
            const int at = box->findData(choices.value(key));
            box->setCurrentIndex(at >= 0 ? at : 0);
        }
        box->setToolTip(tr("Which field holds the %1 of each feature. \"Guess\" reads the "
                           "field names in any spelling and checks the values.")
                                .arg(key));
        auto *reason = new QLabel(this);
        reason->setObjectName("fieldReason_" + key);
        reason->setStyleSheet("color: palette(mid)");
        auto *row = new QHBoxLayout;
        row->addWidget(box, 1);
        row->addWidget(reason, 2);
        form->addRow(maps::purposeTitle(purpose) + QLatin1Char(':'), row);
        m_boxes[std::size_t(p)] = box;
        m_reasons[std::size_t(p)] = reason;
        connect(box, &QComboBox::currentIndexChanged, this, &FieldMappingDialog::refresh);
    }
    m_unit->setObjectName("voltageUnitBox");
    m_unit->addItem(tr("From the values"), QString());
    m_unit->addItem(tr("kV"), QStringLiteral("kV"));
    m_unit->addItem(tr("volts"), QStringLiteral("V"));
    const int unitAt = m_unit->findData(choices.value(QString::fromLatin1(maps::kVoltageUnitKey)));
    m_unit->setCurrentIndex(unitAt >= 0 ? unitAt : 0);
    m_unit->setToolTip(tr("Plain numbers in the voltage field are in kV or volts; \"From the "
                          "values\" takes volts when the median value is above 2,000."));
    connect(m_unit, &QComboBox::currentIndexChanged, this, &FieldMappingDialog::refresh);
    auto *unitRow = new QHBoxLayout;
    unitRow->addWidget(m_unit, 1);
    unitRow->addWidget(m_unitReason, 2);
    m_unitReason->setStyleSheet("color: palette(mid)");
    form->addRow(tr("Voltage unit:"), unitRow);

    m_preview->setObjectName("fieldPreview");
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->setWhatsThis(tr("The first features of the layer: each chosen field's raw value "
                               "and how Energize reads it. Values such as -999999, 0, empty or "
                               "NOT AVAILABLE read as unknown."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview (first features):"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    resize(760, 480);
    refresh();
}

maps::FieldChoices FieldMappingDialog::choices() const
{
    maps::FieldChoices out;
    for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
        const QString data = m_boxes[std::size_t(p)]->currentData().toString();
        if (data != kGuess)
            out.insert(maps::purposeKey(maps::FieldPurpose(p)), data);
    }
    const QString unit = m_unit->currentData().toString();
    if (!unit.isEmpty())
        out.insert(QString::fromLatin1(maps::kVoltageUnitKey), unit);
    return out;
}

void FieldMappingDialog::refresh()
{
    const maps::FieldMapping mapping = maps::mapFields(m_fields, m_samples, choices());
    for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
        const auto purpose = maps::FieldPurpose(p);
        const QString field = mapping.field(purpose);
        QComboBox *box = m_boxes[std::size_t(p)];
        box->setItemText(0,
                         field.isEmpty() || mapping.isChosen(purpose) ? tr("Guess")
                                                                      : tr("Guess: %1").arg(field));
        m_reasons[std::size_t(p)]->setText(mapping.reason(purpose));
    }
    m_unitReason->setText(mapping.unitReason);
    m_preview->clear();
    m_preview->setColumnCount(maps::kFieldPurposeCount);
    QStringList headers;
    for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
        const QString field = mapping.field(maps::FieldPurpose(p));
        headers << QStringLiteral("%1\n%2").arg(maps::purposeTitle(maps::FieldPurpose(p)),
                                                field.isEmpty() ? tr("(none)") : field);
    }
    m_preview->setHorizontalHeaderLabels(headers);
    std::size_t rows = 0;
    for (const QStringList &values : m_samples)
        rows = std::max(rows, std::size_t(values.size()));
    rows = std::min<std::size_t>(rows, kPreviewRows);
    m_preview->setRowCount(int(rows));
    for (int p = 0; p < maps::kFieldPurposeCount; ++p) {
        const int column = int(m_fields.indexOf(mapping.field(maps::FieldPurpose(p))));
        for (std::size_t r = 0; r < rows; ++r) {
            QString text;
            if (column >= 0 && std::size_t(column) < m_samples.size()) {
                const QString raw = m_samples[std::size_t(column)].value(qsizetype(r));
                text = maps::describeFieldValue(mapping, m_fields[column], raw);
            }
            m_preview->setItem(int(r), p, new QTableWidgetItem(text));
        }
    }
}

} // namespace ui
