// SPDX-License-Identifier: GPL-3.0-or-later
#include "planner/session/plansmodel.h"

#include "planner/core/site/buildplan.h"
#include "planner/core/site/planheadline.h"
#include "planner/session/document.h"
#include "planner/session/plancommands.h"

#include <QLocale>

namespace planner {
namespace {

// "4.21 bn", "850 M": capex as an executive reads it (the header says USD).
QString usdShort(double usd)
{
    constexpr double kBillion = 1e9, kMillion = 1e6;
    if (usd >= kBillion)
        return QObject::tr("%1 bn").arg(usd / kBillion, 0, 'f', 2);
    return QObject::tr("%1 M").arg(usd / kMillion, 0, 'f', 0);
}

QVariant headlineText(const PlanHeadline &h, int column)
{
    switch (column) {
    case PlansModel::MwColumn:
        return h.itMw ? QVariant(QString::number(*h.itMw, 'f', 0)) : QVariant();
    case PlansModel::P50Column:
        return h.p50PowerOn ? QVariant(QString::fromStdString(yearMonthText(h.p50PowerOn)))
                            : QVariant();
    case PlansModel::CapexColumn:
        return h.capexUsd ? QVariant(usdShort(*h.capexUsd)) : QVariant();
    case PlansModel::UsdPerAcceleratorHourColumn:
        return h.usdPerAcceleratorHour ? QVariant(QString::number(*h.usdPerAcceleratorHour, 'f', 2))
                                       : QVariant();
    default:
        return {};
    }
}

} // namespace

PlansModel::PlansModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::plansReset, this, [this] {
        beginResetModel();
        m_headlines.clear();
        endResetModel();
    });
    connect(doc, &Document::planAboutToBeInserted, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(doc, &Document::planInserted, this, [this](int) { endInsertRows(); });
    connect(doc, &Document::planAboutToBeRemoved, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(doc, &Document::planRemoved, this, [this](int) { endRemoveRows(); });
    connect(doc, &Document::planChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
    connect(doc, &Document::planAboutToBeMoved, this, [this](int from, int to) {
        // Qt counts the destination before the move: moving down lands before row to + 1.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    });
    connect(doc, &Document::planMoved, this, [this](int, int) { endMoveRows(); });
    connect(doc, &Document::sitesReset, this, &PlansModel::siteColumnChanged);
    connect(doc, &Document::siteChanged, this, &PlansModel::siteColumnChanged);
    connect(doc, &Document::siteRemoved, this, &PlansModel::siteColumnChanged);
    connect(doc, &Document::siteInserted, this, &PlansModel::siteColumnChanged);
}

PlansModel::~PlansModel() = default;

void PlansModel::setHeadlines(const std::vector<PlanHeadline> &headlines)
{
    m_headlines = headlines;
    if (rowCount() > 0)
        emit dataChanged(index(0, MwColumn), index(rowCount() - 1, ColumnCount - 1));
}

QModelIndex PlansModel::indexOfPlan(std::int64_t id, int column) const
{
    const int row = m_doc->indexOfPlan(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

int PlansModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_doc->plans().size());
}

int PlansModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlansModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BuildPlan &plan = m_doc->plans()[static_cast<std::size_t>(index.row())];
    if (role == PlanIdRole)
        return QVariant::fromValue<qint64>(plan.id);
    const PlanHeadline *headline = this->headline(plan.id);
    if (role == Qt::ToolTipRole) {
        // The whole name, which the list may elide, and why a plan has no figures.
        QStringList tip;
        if (index.column() == NameColumn)
            tip << QString::fromStdString(plan.name);
        if (headline && !headline->error.empty())
            tip << QString::fromStdString(headline->error);
        return tip.isEmpty() ? QVariant() : QVariant(tip.join('\n'));
    }
    if (role == Qt::TextAlignmentRole && index.column() >= MwColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(plan.name);
    case SiteColumn: {
        const auto site = m_doc->site(plan.siteId);
        return site ? QString::fromStdString(site->name) : tr("no site");
    }
    default:
        return headline ? headlineText(*headline, index.column()) : QVariant();
    }
}

QVariant PlansModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Short two-line headers with the unit under the figure, so that the list fits a dock; the
    // tooltip says what the figure is.
    static const char *const kHeaders[][2] = {
            {QT_TR_NOOP("Plan"), QT_TR_NOOP("The plan's name (F2 renames it)")},
            {QT_TR_NOOP("Site"), QT_TR_NOOP("The site the plan is built at")},
            {QT_TR_NOOP("IT\n(MW)"),
             QT_TR_NOOP("Critical IT load of the whole build, all phases, in MW")},
            {QT_TR_NOOP("P50\npower-on"),
             QT_TR_NOOP("Month by which the last phase is energized with a 50 % chance (Monte "
                        "Carlo of the schedule)")},
            {QT_TR_NOOP("Capex\n(USD)"),
             QT_TR_NOOP("Capital cost of everything priced, in US dollars of the plan's price "
                        "year (bn: billion, M: million)")},
            {QT_TR_NOOP("USD per\nacc.-hour"),
             QT_TR_NOOP("Annualised capex plus opex per accelerator-hour, in US dollars")},
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(kHeaders[section][0]);
    if (role == Qt::ToolTipRole)
        return tr(kHeaders[section][1]);
    if (role == Qt::TextAlignmentRole && section >= MwColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags PlansModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool PlansModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn || role != Qt::EditRole)
        return false;
    const std::int64_t id = m_doc->plans()[static_cast<std::size_t>(index.row())].id;
    return commands::renamePlan(*m_doc, id, value.toString());
}

const PlanHeadline *PlansModel::headline(std::int64_t planId) const
{
    for (const PlanHeadline &h : m_headlines) {
        if (h.planId == planId)
            return &h;
    }
    return nullptr;
}

void PlansModel::siteColumnChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, SiteColumn), index(rowCount() - 1, SiteColumn));
}

} // namespace planner
