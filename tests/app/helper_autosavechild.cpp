// SPDX-License-Identifier: GPL-3.0-or-later
// The child of test_recovery: the real main window (offscreen) opens a project, renames its
// first site and adds one, then waits. It prints "edited" after the edits and
// "autosaved FILE" after each recovery copy, so that the parent can kill it at that point.
//   autosavechild PROJECT   (ENERGIZE_AUTOSAVE_SECONDS sets the interval)

#include "app/autosaver.h"
#include "app/commandline.h"
#include "app/mainwindow.h"
#include "app/sessionguard.h"
#include "planner/session/document.h"
#include "planner/session/sitecommands.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    Q_INIT_RESOURCE(resources);
    QApplication gui(argc, argv);
    app::setApplicationIdentity();
    if (argc != 2)
        return 2;
    app::MainWindow window;
    window.show();
    if (!window.openProject(QString::fromLocal8Bit(argv[1])))
        return 1;
    planner::Document &doc = *window.document();
    QObject::connect(window.session()->autosaver(), &app::Autosaver::autosaved,
                     [](const QString &file) {
                         std::printf("autosaved %s\n", qPrintable(file));
                         std::fflush(stdout);
                     });
    planner::commands::renameSite(doc, doc.sites().front().id, "Renamed before the crash");
    planner::commands::addSite(doc, "Added before the crash", -97.5, 32.5);
    std::printf("edited\n");
    std::fflush(stdout);
    return gui.exec();
}
