// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A panel's empty state: a title and a sentence that says what will appear there and how to
// get it. Shown instead of fake content until a panel has something real to show.

#include <QWidget>

class QLabel;

namespace ui {

class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString &title, const QString &hint, QWidget *parent = nullptr);

    QString title() const;
    QString hint() const;

private:
    QLabel *m_title;
    QLabel *m_hint;
};

} // namespace ui
