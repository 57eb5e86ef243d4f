// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/emptystate.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

EmptyState::EmptyState(const QString &title, const QString &hint, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_hint(new QLabel(hint, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_title->setFont(font);
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addStretch(2);
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::hint() const
{
    return m_hint->text();
}

} // namespace ui
