// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layerattribution.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace app {

QString layerAttribution(const std::vector<planner::LayerRef> &layers, const QString &demoDir,
                         const QString &demoAttribution)
{
    constexpr int kNamed = 4; // files named before "and N more"
    const QString demo =
            demoDir.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(demoDir).absoluteFilePath());
    bool fromDemo = false;
    QStringList own;
    for (const planner::LayerRef &layer : layers) {
        const QString source = QString::fromStdString(layer.source);
        const QString path = QDir::cleanPath(QFileInfo(source).absoluteFilePath());
        if (!demo.isEmpty() && path.startsWith(demo + QLatin1Char('/'))) {
            fromDemo = true;
            continue;
        }
        const QString file = QFileInfo(source).fileName();
        const QString shown = file.isEmpty() ? QString::fromStdString(layer.name) : file;
        if (!own.contains(shown))
            own << shown;
    }
    QStringList parts;
    if (fromDemo && !demoAttribution.isEmpty())
        parts << demoAttribution;
    if (!own.isEmpty()) {
        QStringList named = own.mid(0, kNamed);
        if (own.size() > kNamed)
            named << QObject::tr("%n more", nullptr, int(own.size() - kNamed));
        parts << QObject::tr("Data: %1").arg(named.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace app
