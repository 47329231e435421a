// gan-playground: the desktop application. Wiring only.
#include "mainwindow.h"
#include "uibenchmark.h"
#include "spec/presets.h"
#include "training/blasprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GAN Playground"));
    QApplication::setOrganizationName(QStringLiteral("GAN Playground"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("preset"), QApplication::translate("main", "Open a built-in experiment."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("benchmark-ui"),
                      QApplication::translate("main", "Train for SECONDS with the live dashboard and latent sliders moving, print images/s, the event loop's lateness and the slider-to-image latency as JSON, and quit."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("screenshot"), QApplication::translate("main", "With --benchmark-ui: save the window as a PNG at the end."),
                      QStringLiteral("FILE")});
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
    if (parser.isSet(QStringLiteral("benchmark-ui"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("benchmark-ui")).toDouble(&ok);
        if (!ok || seconds <= 0) {
            QTextStream(stderr) << QApplication::translate("main", "--benchmark-ui needs a number of seconds") << "\n";
            return 2;
        }
        auto *bench = new UiBenchmark(&window, seconds, parser.value(QStringLiteral("screenshot")), &app);
        QObject::connect(bench, &UiBenchmark::finished, &app, [](int code) { QCoreApplication::exit(code); });
        QTimer::singleShot(0, bench, &UiBenchmark::start);
    }
    return app.exec();
}
