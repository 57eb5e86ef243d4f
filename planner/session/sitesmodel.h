// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table of the document's sites (name, longitude, latitude) for views. It follows the
// document's signals; editing a name goes through the undo facade. GUI thread only; the
// document must outlive the model.

#include <QAbstractTableModel>

namespace planner {

class Document;

class SitesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, LongitudeColumn, LatitudeColumn, ColumnCount };
    enum Role { SiteIdRole = Qt::UserRole + 1 };

    explicit SitesModel(Document *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    Document *m_doc;
};

} // namespace planner
