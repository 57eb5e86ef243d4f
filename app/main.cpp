// SPDX-License-Identifier: GPL-3.0-or-later
// Energize's entry point: headless requests run without a display; otherwise the main window.

#include "app/commandline.h"
#include "app/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

int main(int argc, char **argv)
{
    if (app::isHeadlessRequest(argc, argv)) {
        QCoreApplication core(argc, argv);
        app::setApplicationIdentity();
        return app::runHeadless(core.arguments());
    }

    QApplication gui(argc, argv);
    app::setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(":/icons/energize.svg"));

    app::LaunchOptions options;
    QString error;
    if (!app::parseLaunchOptions(gui.arguments(), &options, &error)) {
        QTextStream(stderr) << "energize: " << error << "\nTry 'energize --help'.\n";
        return 2;
    }

    app::MainWindow window;
    window.show();
    if (options.demo)
        window.openDemo();
    else if (!options.projectPath.isEmpty())
        window.openProject(options.projectPath);
    return gui.exec();
}
