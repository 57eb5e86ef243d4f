// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recoverydialog.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace app {

QString recoveryQuestion(const RecoveryEntry &entry)
{
    const QString project = entry.originalPath.isEmpty()
            ? QObject::tr("an untitled project (never saved)")
            : QObject::tr("<b>%1</b>").arg(entry.originalPath.toHtmlEscaped());
    const QString when =
            QLocale().toString(entry.writtenAt.toLocalTime(), QLocale::LongFormat).toHtmlEscaped();
    return QObject::tr("<p>Energize did not close normally. Unsaved changes to %1 were kept in a "
                       "recovery copy written %2.</p>"
                       "<p><b>Restore</b> opens them as unsaved changes to that project; "
                       "<b>Discard</b> deletes the copy; <b>Later</b> keeps it for the next "
                       "start.</p>")
            .arg(project, when);
}

RecoveryChoice askRecovery(QWidget *parent, const RecoveryEntry &entry)
{
    QMessageBox box(QMessageBox::Question, QObject::tr("Recover unsaved changes"),
                    recoveryQuestion(entry), QMessageBox::NoButton, parent);
    box.setObjectName("recoveryDialog");
    box.setTextFormat(Qt::RichText);
    box.setInformativeText(QObject::tr("Recovery copy: %1").arg(entry.projectFile));
    QPushButton *restore = box.addButton(QObject::tr("&Restore"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton *later = box.addButton(QObject::tr("&Later"), QMessageBox::RejectRole);
    restore->setToolTip(QObject::tr("Open the recovered changes; save them to keep them"));
    discard->setToolTip(QObject::tr("Delete the recovery copy; the project file is not touched"));
    later->setToolTip(QObject::tr("Keep the copy and ask again at the next start"));
    box.setDefaultButton(restore);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == restore)
        return RecoveryChoice::Restore;
    if (box.clickedButton() == discard)
        return RecoveryChoice::Discard;
    return RecoveryChoice::Later;
}

} // namespace app
