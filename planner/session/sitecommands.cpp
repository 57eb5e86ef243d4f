// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/sitecommands.h"

#include "planner/session/document.h"

#include <QUndoCommand>

namespace planner::commands {
namespace {

class InsertSite : public QUndoCommand
{
public:
    InsertSite(Document &doc, Site site, int index, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_site(std::move(site)), m_index(index)
    {}
    void redo() override { m_doc.insertSite(m_index, m_site); }
    void undo() override { m_doc.removeSiteAt(m_index); }

private:
    Document &m_doc;
    Site m_site;
    int m_index;
};

class RemoveSite : public QUndoCommand
{
public:
    RemoveSite(Document &doc, Site site, int index, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_site(std::move(site)), m_index(index)
    {}
    void redo() override { m_doc.removeSiteAt(m_index); }
    void undo() override { m_doc.insertSite(m_index, m_site); }

private:
    Document &m_doc;
    Site m_site;
    int m_index;
};

// Replaces a whole site value; used for moves and renames.
class ReplaceSite : public QUndoCommand
{
public:
    ReplaceSite(Document &doc, Site before, Site after, const QString &text)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
    {}
    void redo() override { m_doc.replaceSite(m_after); }
    void undo() override { m_doc.replaceSite(m_before); }

private:
    Document &m_doc;
    Site m_before;
    Site m_after;
};

} // namespace

std::int64_t addSite(Document &doc, const QString &name, double longitude, double latitude)
{
    Site site;
    site.name = name.trimmed().toStdString();
    site.longitude = longitude;
    site.latitude = latitude;
    if (!hasValidLocation(site))
        return 0;
    site.id = doc.allocateSiteId();
    if (site.name.empty())
        site.name = QObject::tr("Site %1").arg(site.id).toStdString();
    const int index = static_cast<int>(doc.sites().size());
    doc.undoStack()->push(new InsertSite(
            doc, site, index, QObject::tr("Add site %1").arg(QString::fromStdString(site.name))));
    return site.id;
}

std::int64_t addParcelSite(Document &doc, const QString &name, const std::vector<GeoPoint> &outline)
{
    Site site;
    site.name = name.trimmed().toStdString();
    site.outline = outline;
    const GeoPoint centre = outlineCentre(outline);
    site.longitude = centre.longitude;
    site.latitude = centre.latitude;
    if (outline.size() < 3 || !hasValidLocation(site))
        return 0;
    site.id = doc.allocateSiteId();
    if (site.name.empty())
        site.name = QObject::tr("Parcel %1").arg(site.id).toStdString();
    const int index = static_cast<int>(doc.sites().size());
    doc.undoStack()->push(
            new InsertSite(doc, site, index,
                           QObject::tr("Draw parcel %1").arg(QString::fromStdString(site.name))));
    return site.id;
}

bool moveSite(Document &doc, std::int64_t id, double longitude, double latitude)
{
    auto before = doc.site(id);
    if (!before)
        return false;
    Site after = *before;
    after.longitude = longitude;
    after.latitude = latitude;
    for (GeoPoint &p : after.outline) {
        p.longitude += longitude - before->longitude;
        p.latitude += latitude - before->latitude;
    }
    if (!hasValidLocation(after) || after == *before)
        return false;
    doc.undoStack()->push(
            new ReplaceSite(doc, *before, after,
                            QObject::tr("Move site %1").arg(QString::fromStdString(before->name))));
    return true;
}

bool renameSite(Document &doc, std::int64_t id, const QString &name)
{
    auto before = doc.site(id);
    const std::string trimmed = name.trimmed().toStdString();
    if (!before || trimmed.empty() || trimmed == before->name)
        return false;
    Site after = *before;
    after.name = trimmed;
    doc.undoStack()->push(new ReplaceSite(doc, *before, after,
                                          QObject::tr("Rename site to %1").arg(name.trimmed())));
    return true;
}

bool removeSite(Document &doc, std::int64_t id)
{
    const int index = doc.indexOfSite(id);
    if (index < 0)
        return false;
    const Site site = doc.sites()[static_cast<std::size_t>(index)];
    doc.undoStack()->push(
            new RemoveSite(doc, site, index,
                           QObject::tr("Delete site %1").arg(QString::fromStdString(site.name))));
    return true;
}

} // namespace planner::commands
