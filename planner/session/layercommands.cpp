// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/layercommands.h"

#include "planner/session/document.h"

#include <QUndoCommand>

#include <cmath>

namespace planner::commands {
namespace {

class InsertLayer : public QUndoCommand
{
public:
    InsertLayer(Document &doc, LayerRef layer, int index, bool insert, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_layer(std::move(layer)), m_index(index),
          m_insert(insert)
    {}
    void redo() override { apply(m_insert); }
    void undo() override { apply(!m_insert); }

private:
    void apply(bool insert)
    {
        if (insert)
            m_doc.insertLayer(m_index, m_layer);
        else
            m_doc.removeLayerAt(m_index);
    }
    Document &m_doc;
    LayerRef m_layer;
    int m_index;
    bool m_insert;
};

class MoveLayer : public QUndoCommand
{
public:
    MoveLayer(Document &doc, int from, int to, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_from(from), m_to(to)
    {}
    void redo() override { m_doc.moveLayer(m_from, m_to); }
    void undo() override { m_doc.moveLayer(m_to, m_from); }

private:
    Document &m_doc;
    int m_from;
    int m_to;
};

class ReplaceLayer : public QUndoCommand
{
public:
    ReplaceLayer(Document &doc, LayerRef before, LayerRef after, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
    {}
    void redo() override { m_doc.replaceLayer(m_after); }
    void undo() override { m_doc.replaceLayer(m_before); }

private:
    Document &m_doc;
    LayerRef m_before;
    LayerRef m_after;
};

QString nameOf(const LayerRef &layer)
{
    return QString::fromStdString(layer.name);
}

} // namespace

std::int64_t addLayer(Document &doc, LayerRef layer)
{
    if (layer.source.empty())
        return 0;
    layer.id = doc.allocateLayerId();
    if (layer.name.empty())
        layer.name = layer.layerName.empty() ? layer.source : layer.layerName;
    const int index = static_cast<int>(doc.layers().size());
    doc.undoStack()->push(new InsertLayer(doc, layer, index, true,
                                          QObject::tr("Add layer %1").arg(nameOf(layer))));
    return layer.id;
}

bool removeLayer(Document &doc, std::int64_t id)
{
    const int index = doc.indexOfLayer(id);
    if (index < 0)
        return false;
    const LayerRef layer = doc.layers()[static_cast<std::size_t>(index)];
    doc.undoStack()->push(new InsertLayer(doc, layer, index, false,
                                          QObject::tr("Remove layer %1").arg(nameOf(layer))));
    return true;
}

bool moveLayer(Document &doc, std::int64_t id, int newIndex)
{
    const int index = doc.indexOfLayer(id);
    const int count = static_cast<int>(doc.layers().size());
    if (index < 0 || newIndex < 0 || newIndex >= count || newIndex == index)
        return false;
    doc.undoStack()->push(
            new MoveLayer(doc, index, newIndex,
                          QObject::tr("Move layer %1")
                                  .arg(nameOf(doc.layers()[static_cast<std::size_t>(index)]))));
    return true;
}

bool updateLayer(Document &doc, const LayerRef &changed)
{
    auto before = doc.layer(changed.id);
    if (!before || changed.source != before->source || changed.locations != before->locations
        || changed == *before)
        return false;
    if (!std::isfinite(changed.opacity) || changed.opacity < 0.0 || changed.opacity > 1.0)
        return false;
    if (changed.name.empty())
        return false;
    doc.undoStack()->push(new ReplaceLayer(doc, *before, changed,
                                           QObject::tr("Change layer %1").arg(nameOf(changed))));
    return true;
}

bool setLayerSource(Document &doc, std::int64_t id, const std::string &source)
{
    auto before = doc.layer(id);
    if (!before || source.empty() || source == before->source)
        return false;
    LayerRef after = *before;
    after.source = source;
    doc.undoStack()->push(new ReplaceLayer(doc, *before, after,
                                           QObject::tr("Locate layer %1").arg(nameOf(after))));
    return true;
}

bool setLayerFields(Document &doc, std::int64_t id,
                    const std::map<std::string, std::string> &fields)
{
    auto before = doc.layer(id);
    if (!before || fields == before->fields)
        return false;
    LayerRef after = *before;
    after.fields = fields;
    doc.undoStack()->push(new ReplaceLayer(doc, *before, after,
                                           QObject::tr("Choose fields of %1").arg(nameOf(after))));
    return true;
}

bool setLayerLocations(Document &doc, std::int64_t id, const std::string &locations)
{
    auto before = doc.layer(id);
    if (!before || locations.empty() || locations == before->locations)
        return false;
    LayerRef after = *before;
    after.locations = locations;
    doc.undoStack()->push(new ReplaceLayer(
            doc, *before, after, QObject::tr("Choose bus locations of %1").arg(nameOf(after))));
    return true;
}

} // namespace planner::commands
