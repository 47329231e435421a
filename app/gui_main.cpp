// gan-playground: the desktop application. Wiring only.
#include "mainwindow.h"
#include "spec/presets.h"
#include "training/blasprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GAN Playground"));
    QApplication::setOrganizationName(QStringLiteral("GAN Playground"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("preset"), QApplication::translate("main", "Open a built-in experiment."), QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "An experiment file to open."));
    parser.process(app);

    MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first());
    else
        window.openPreset(parser.isSet(QStringLiteral("preset")) ? parser.value(QStringLiteral("preset")) : presets::defaultName());
    const BlasProbe blas = probeBlas(window.experiment().threads, 0.1);
    if (const QString warning = blas.warning(); !warning.isEmpty())
        window.statusBar()->showMessage(warning);
    window.show();
    return app.exec();
}
