// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layerfields.h"

#include "maps/vector/vectorloader.h"
#include "planner/session/layercommands.h"
#include "widgets/fieldmappingdialog.h"

#include <QMessageBox>

namespace app {

std::map<std::string, std::string> storedFieldChoices(const maps::FieldChoices &choices)
{
    std::map<std::string, std::string> out;
    for (auto it = choices.begin(); it != choices.end(); ++it)
        out[it.key().toStdString()] = it.value().toStdString();
    return out;
}

bool editLayerFields(planner::Document &doc, const LoadedLayer &layer, QWidget *parent)
{
    if (!layer.vector || layer.grid)
        return false;
    const auto &meta = layer.vector->metadata();
    auto table =
            maps::sampleVectorFields({meta.source, QString::fromStdString(layer.ref.layerName)});
    if (!table) {
        QMessageBox::warning(parent, QObject::tr("Fields"), maps::errorText(table.error()));
        return false;
    }
    ui::FieldMappingDialog dialog(QString::fromStdString(layer.ref.name), table->fields,
                                  table->values, fieldChoices(layer.ref), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return planner::commands::setLayerFields(doc, layer.ref.id,
                                             storedFieldChoices(dialog.choices()));
}

} // namespace app
