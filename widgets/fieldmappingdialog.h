// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The field picker of a vector layer: for its voltage, name, capacity, owner and status, which
// field is read (the guess, no field, or a field chosen by hand) and the unit of voltages, with
// a preview of the first features' raw values and how they read ("-999999 (unknown)",
// "345000 (345 kV)"). The guess is recomputed as choices change, so the preview is what the map
// and the score will see. Modal; GUI thread only.

#include "maps/vector/fieldmapping.h"

#include <QDialog>

#include <array>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ui {

class FieldMappingDialog : public QDialog
{
    Q_OBJECT
public:
    // fields and samples: the layer's field names and sample values (one list per field);
    // choices: what the user chose before (the rest is guessed).
    FieldMappingDialog(const QString &layerName, const QStringList &fields,
                       const maps::FieldSamples &samples, const maps::FieldChoices &choices,
                       QWidget *parent = nullptr);

    maps::FieldChoices choices() const;
    QComboBox *purposeBox(maps::FieldPurpose p) const { return m_boxes[std::size_t(p)]; }
    QComboBox *unitBox() const { return m_unit; }
    QTableWidget *preview() const { return m_preview; }

private:
    void refresh();

    QStringList m_fields;
    maps::FieldSamples m_samples;
    std::array<QComboBox *, maps::kFieldPurposeCount> m_boxes{};
    std::array<QLabel *, maps::kFieldPurposeCount> m_reasons{};
    QComboBox *m_unit;
    QLabel *m_unitReason;
    QTableWidget *m_preview;
};

} // namespace ui
