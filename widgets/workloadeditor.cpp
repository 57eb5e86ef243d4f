// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workloadeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {

enum Column { ClassColumn, ShareColumn, InputColumn, OutputColumn, ColumnCount };

QDoubleSpinBox *spin(QWidget *parent, double low, double high, int decimals, const QString &suffix)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false); // one edit per value, not per keystroke
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

WorkloadEditor::WorkloadEditor(QWidget *parent)
    : QWidget(parent), m_basis(new QComboBox(this)), m_perDay(spin(this, 1.0, 1e18, 0, {})),
      m_peak(spin(this, 1.0, 100.0, 2, {})), m_utilisation(spin(this, 1.0, 100.0, 0, tr(" %"))),
      m_mix(new QTableWidget(0, ColumnCount, this)), m_add(new QPushButton(tr("Add class"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_mixMessage(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_basis->addItem(tr("requests per day"), "requests_per_day");
    m_basis->addItem(tr("tokens per day"), "tokens_per_day");
    m_basis->setToolTip(tr("What the traffic is counted in: requests, or tokens (input and "
                           "output together)"));
    auto *traffic = new QHBoxLayout;
    traffic->addWidget(m_perDay, 1);
    traffic->addWidget(m_basis);
    form->addRow(tr("Traffic"), traffic);
    m_peak->setToolTip(tr("The peak hour's request rate over the day's average (1 = flat); "
                          "accelerators are sized for the peak"));
    form->addRow(tr("Peak / average"), m_peak);
    m_utilisation->setToolTip(tr("Share of the accelerators' benchmark throughput used at the "
                                 "peak: headroom for latency targets and uneven load"));
    form->addRow(tr("Target utilisation"), m_utilisation);
    layout->addLayout(form);

    m_mix->setObjectName("workloadMix");
    m_mix->setHorizontalHeaderLabels(
            {tr("Model class"), tr("Share"), tr("Input tokens"), tr("Output tokens")});
    m_mix->horizontalHeaderItem(ShareColumn)
            ->setToolTip(tr("Share of the requests the router "
                            "sends to this class; the shares "
                            "add up to 100 %"));
    m_mix->horizontalHeaderItem(InputColumn)->setToolTip(tr("Input (prompt) tokens per request"));
    m_mix->horizontalHeaderItem(OutputColumn)
            ->setToolTip(tr("Output tokens per request: what the accelerators are sized on"));
    m_mix->verticalHeader()->hide();
    m_mix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_mix->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_mix->setMinimumHeight(fontMetrics().height() * 6);
    layout->addWidget(m_mix);
    auto *buttons = new QHBoxLayout;
    m_add->setToolTip(tr("Route a share of the traffic to another model class"));
    m_remove->setToolTip(tr("Remove the selected class from the mix"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_mixMessage->setWordWrap(true);
    m_mixMessage->setStyleSheet("color: #c81e1e;");
    m_mixMessage->hide();
    layout->addWidget(m_mixMessage);

    connect(m_basis, &QComboBox::activated, this, [this] {
        QJsonObject w = m_workload;
        const double value = m_perDay->value();
        w.remove("requests_per_day");
        w.remove("tokens_per_day");
        w.insert(m_basis->currentData().toString(), value);
        commit(w, tr("traffic basis"));
    });
    connect(m_perDay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_filling)
            return;
        QJsonObject w = m_workload;
        w.insert(m_basis->currentData().toString(), v);
        commit(w, tr("traffic"));
    });
    connect(m_peak, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_filling)
            return;
        QJsonObject w = m_workload;
        w.insert("peak_to_average", v);
        commit(w, tr("peak to average"));
    });
    connect(m_utilisation, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_filling)
            return;
        QJsonObject w = m_workload;
        w.insert("target_utilisation", v / 100.0);
        commit(w, tr("target utilisation"));
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        QJsonArray mix = m_workload.value("mix").toArray();
        // A new row copies the last one's tokens (or says nothing) and takes no share yet: the
        // user splits the traffic.
        QJsonObject row;
        const QJsonObject last = mix.isEmpty() ? QJsonObject() : mix.last().toObject();
        QString unused;
        for (const QString &c : m_classes) {
            bool taken = false;
            for (const QJsonValue &r : mix)
                taken = taken || r.toObject().value("model_class").toString() == c;
            if (!taken) {
                unused = c;
                break;
            }
        }
        if (unused.isEmpty())
            return; // every class has its row
        row.insert("model_class", unused);
        row.insert("share", 0.0);
        row.insert("input_tokens", last.value("input_tokens").toDouble(0.0));
        row.insert("output_tokens", last.value("output_tokens").toDouble(1.0));
        mix.append(row);
        QJsonObject w = m_workload;
        w.insert("mix", mix);
        commit(w, tr("router mix"));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_mix->currentRow();
        QJsonArray mix = m_workload.value("mix").toArray();
        if (row < 0 || row >= mix.size() || mix.size() <= 1)
            return; // the mix keeps one class at least
        mix.removeAt(row);
        QJsonObject w = m_workload;
        w.insert("mix", mix);
        commit(w, tr("router mix"));
    });
}

void WorkloadEditor::setModelClasses(const QStringList &classes)
{
    m_classes = classes;
    fillMix();
}

void WorkloadEditor::setWorkload(const QJsonObject &workload)
{
    m_filling = true;
    m_workload = workload;
    const bool tokens = workload.contains("tokens_per_day");
    m_basis->setCurrentIndex(tokens ? 1 : 0);
    m_perDay->setValue(workload.value(tokens ? "tokens_per_day" : "requests_per_day").toDouble());
    m_peak->setValue(workload.value("peak_to_average").toDouble(1.0));
    m_utilisation->setValue(workload.value("target_utilisation").toDouble(1.0) * 100.0);
    m_filling = false;
    fillMix();
}

QString WorkloadEditor::mixMessage() const
{
    return m_mixMessage->isHidden() ? QString() : m_mixMessage->text();
}

void WorkloadEditor::fillMix()
{
    m_filling = true;
    const QJsonArray mix = m_workload.value("mix").toArray();
    // The cells are rebuilt only when rows come or go (or the class list changes): an edit
    // refills them in place, so that the box being edited is never deleted under its signal.
    const bool rebuild = m_mix->rowCount() != int(mix.size()) || m_builtClasses != m_classes;
    if (rebuild) {
        m_mix->setRowCount(int(mix.size()));
        m_builtClasses = m_classes;
        for (int r = 0; r < mix.size(); ++r) {
            auto *cls = new QComboBox(m_mix);
            for (const QString &c : m_classes)
                cls->addItem(c, c);
            connect(cls, &QComboBox::activated, this, [this, r, cls] {
                editRow(r, "model_class", cls->currentData().toString(), tr("model class"));
            });
            m_mix->setCellWidget(r, ClassColumn, cls);
            auto *share = spin(m_mix, 0.0, 100.0, 1, tr(" %"));
            connect(share, &QDoubleSpinBox::valueChanged, this,
                    [this, r](double v) { editRow(r, "share", v / 100.0, tr("router share")); });
            m_mix->setCellWidget(r, ShareColumn, share);
            auto *input = spin(m_mix, 0.0, 1e7, 0, {});
            connect(input, &QDoubleSpinBox::valueChanged, this,
                    [this, r](double v) { editRow(r, "input_tokens", v, tr("input tokens")); });
            m_mix->setCellWidget(r, InputColumn, input);
            auto *output = spin(m_mix, 1.0, 1e7, 0, {});
            connect(output, &QDoubleSpinBox::valueChanged, this,
                    [this, r](double v) { editRow(r, "output_tokens", v, tr("output tokens")); });
            m_mix->setCellWidget(r, OutputColumn, output);
        }
    }
    double shares = 0.0;
    for (int r = 0; r < mix.size(); ++r) {
        const QJsonObject row = mix.at(r).toObject();
        auto *cls = static_cast<QComboBox *>(m_mix->cellWidget(r, ClassColumn));
        const QString current = row.value("model_class").toString();
        if (cls->findData(current) < 0)
            cls->addItem(current, current); // not in the catalog: shown, the planner says why
        cls->setCurrentIndex(cls->findData(current));
        static_cast<QDoubleSpinBox *>(m_mix->cellWidget(r, ShareColumn))
                ->setValue(row.value("share").toDouble() * 100.0);
        static_cast<QDoubleSpinBox *>(m_mix->cellWidget(r, InputColumn))
                ->setValue(row.value("input_tokens").toDouble());
        static_cast<QDoubleSpinBox *>(m_mix->cellWidget(r, OutputColumn))
                ->setValue(row.value("output_tokens").toDouble());
        shares += row.value("share").toDouble();
    }
    m_remove->setEnabled(mix.size() > 1);
    m_add->setEnabled(mix.size() < m_classes.size());
    const bool off = !mix.isEmpty() && std::abs(shares - 1.0) > 1e-6;
    m_mixMessage->setText(off ? tr("The shares add up to %1 %, not 100 %: the plan cannot be "
                                   "sized until they do")
                                          .arg(QLocale().toString(shares * 100.0, 'f', 1))
                              : QString());
    m_mixMessage->setVisible(off);
    m_filling = false;
}

void WorkloadEditor::editRow(int row, const QString &key, const QJsonValue &value,
                             const QString &what)
{
    if (m_filling)
        return;
    QJsonArray mix = m_workload.value("mix").toArray();
    if (row < 0 || row >= mix.size())
        return;
    QJsonObject r = mix.at(row).toObject();
    r.insert(key, value);
    mix.replace(row, r);
    QJsonObject w = m_workload;
    w.insert("mix", mix);
    commit(w, what);
}

void WorkloadEditor::commit(QJsonObject workload, const QString &what)
{
    if (workload == m_workload)
        return;
    m_workload = workload;
    fillMix(); // rows added or removed, the shares' sum
    emit workloadEdited(workload, what);
}

} // namespace ui
