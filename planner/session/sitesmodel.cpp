// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/sitesmodel.h"

#include "planner/session/document.h"
#include "planner/session/sitecommands.h"

namespace planner {

SitesModel::SitesModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::sitesReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(doc, &Document::siteAboutToBeInserted, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(doc, &Document::siteInserted, this, [this](int) { endInsertRows(); });
    connect(doc, &Document::siteAboutToBeRemoved, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(doc, &Document::siteRemoved, this, [this](int) { endRemoveRows(); });
    connect(doc, &Document::siteChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int SitesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_doc->sites().size());
}

int SitesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SitesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Site &site = m_doc->sites()[static_cast<std::size_t>(index.row())];
    if (role == SiteIdRole)
        return QVariant::fromValue<qlonglong>(site.id);
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(site.name);
    case LongitudeColumn:
        return role == Qt::EditRole ? QVariant(site.longitude)
                                    : QVariant(QString::number(site.longitude, 'f', 5));
    case LatitudeColumn:
        return role == Qt::EditRole ? QVariant(site.latitude)
                                    : QVariant(QString::number(site.latitude, 'f', 5));
    }
    return {};
}

QVariant SitesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Site");
    case LongitudeColumn:
        return tr("Longitude (°)");
    case LatitudeColumn:
        return tr("Latitude (°)");
    }
    return {};
}

Qt::ItemFlags SitesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsEditable;
    return f;
}

bool SitesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Site &site = m_doc->sites()[static_cast<std::size_t>(index.row())];
    if (index.column() == NameColumn)
        return commands::renameSite(*m_doc, site.id, value.toString());
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok)
        return false;
    const bool isLon = index.column() == LongitudeColumn;
    return commands::moveSite(*m_doc, site.id, isLon ? v : site.longitude,
                              isLon ? site.latitude : v);
}

} // namespace planner
