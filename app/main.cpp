// SPDX-License-Identifier: GPL-3.0-or-later
// Energize's entry point: headless requests run without a display; otherwise the main window.

#include "app/commandline.h"
#include "app/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

int main(int argc, char **argv)
{
    app::keepFreedMemory();
    Q_INIT_RESOURCE(resources); // compiled into a static library, so initialised by hand
    if (app::headlessNeedsWidgets(argc, argv)) {
        // The charts of a report are widgets painted into the PDF, never shown: the offscreen
        // platform serves them without a display unless the user chose a platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication gui(argc, argv);
        app::setApplicationIdentity();
        return app::runHeadless(gui.arguments());
    }
    if (app::isHeadlessRequest(argc, argv)) {
        QCoreApplication core(argc, argv);
        app::setApplicationIdentity();
        return app::runHeadless(core.arguments());
    }

    // Bad options are reported before a display is needed.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto parsed = app::parseLaunchOptions(arguments);
    if (!parsed) {
        QTextStream(stderr) << "energize: " << QString::fromStdString(parsed.error().message)
                            << "\nTry 'energize --help'.\n";
        return 2;
    }
    const app::LaunchOptions &options = *parsed;

    QApplication gui(argc, argv);
    app::setApplicationIdentity();
    QApplication::setWindowIcon(QIcon(":/icons/energize.svg"));
    // Desktops match the window to packaging/io.github.energize.Energize.desktop (its icon and
    // name) through this, and on Wayland it is the window's app id.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.energize.Energize"));

    app::MainWindow window;
    window.show();
    // A restored session comes first; the project named on the command line waits for Open.
    if (!window.offerRecovery()) {
        if (options.demo)
            window.openDemo();
        else if (!options.projectPath.isEmpty())
            window.openProject(options.projectPath);
    }
    return gui.exec();
}
