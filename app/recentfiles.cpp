// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/recentfiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace app {

namespace {

constexpr int kMaxRecentFiles = 8;
constexpr const char *kKey = "recentFiles";

} // namespace

void addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kKey, files);
}

void fillRecentMenu(QMenu *menu, const std::function<void(const QString &)> &open)
{
    menu->clear();
    const QStringList files = QSettings().value(kKey).toStringList();
    for (const QString &path : files) {
        QAction *action =
                menu->addAction(QFileInfo(path).fileName(), menu, [open, path] { open(path); });
        action->setToolTip(path);
    }
    if (files.isEmpty()) {
        menu->addAction(QCoreApplication::translate("app::MainWindow", "No recent projects"))
                ->setEnabled(false);
        return;
    }
    menu->addSeparator();
    menu->addAction(QCoreApplication::translate("app::MainWindow", "Clear List"), menu,
                    [] { QSettings().remove(kKey); });
}

} // namespace app
