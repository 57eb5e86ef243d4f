// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The File > Open Recent list: absolute paths of recently opened or saved projects, newest
// first, kept in QSettings (UI state, not project data). GUI thread only.

#include <QString>

#include <functional>

class QMenu;

namespace app {

// Puts path first in the list (at most eight entries).
void addRecentFile(const QString &path);

// Refills menu with the list; choosing an entry calls open(path). Ends with "Clear List".
void fillRecentMenu(QMenu *menu, const std::function<void(const QString &)> &open);

} // namespace app
