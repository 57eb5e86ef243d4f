// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/filedrop.h"

#include <QMimeData>
#include <QUrl>

namespace ui {

QStringList localFilesFrom(const QMimeData *mime)
{
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace ui
