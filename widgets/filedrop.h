// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files dropped from a file manager: only local files are taken, so a drop can never make the
// app open a remote URL. Shared by the widgets that accept drops.

#include <QStringList>

class QMimeData;

namespace ui {

QStringList localFilesFrom(const QMimeData *mime);

} // namespace ui
