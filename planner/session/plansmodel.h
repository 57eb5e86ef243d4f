// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A table of the document's build plans for the Plans panel: name, site and the headline
// figures (MW, P50 power-on, capex, USD per accelerator-hour). It follows the document's plan
// signals; the headlines are results, handed in by whoever evaluates the plans
// (setHeadlines). Editing a name goes through the undo facade. GUI thread only; the document
// must outlive the model.

#include <QAbstractTableModel>

#include <cstdint>
#include <vector>

namespace planner {

class Document;
struct PlanHeadline; // declared only: its header includes <compare>, which moc cannot parse

class PlansModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SiteColumn,
        MwColumn,
        P50Column,
        CapexColumn,
        UsdPerAcceleratorHourColumn,
        ColumnCount
    };
    enum Role { PlanIdRole = Qt::UserRole + 1 };

    explicit PlansModel(Document *doc, QObject *parent = nullptr);
    ~PlansModel() override;

    // Replaces every plan's headline (matched by plan id); a plan without one shows blanks.
    void setHeadlines(const std::vector<PlanHeadline> &headlines);
    QModelIndex indexOfPlan(std::int64_t id, int column = NameColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The headline of a plan; null when none was handed in.
    const PlanHeadline *headline(std::int64_t planId) const;
    // Every headline handed in by setHeadlines().
    const std::vector<PlanHeadline> &headlines() const { return m_headlines; }

private:
    void siteColumnChanged();

    Document *m_doc;
    std::vector<PlanHeadline> m_headlines;
};

} // namespace planner
