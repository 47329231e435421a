// gan-playground: the desktop application. Wiring only.
#include "window/mainwindow.h"
#include "runs/runspanel.h"
#include "window/autosave.h"
#include "document/experimentdocument.h"
#include "i18n/language.h"
#include "training/errortext.h"
#include "directionsshowcase.h"
#include "uibenchmark.h"
#include "explorer/latentexplorer.h"
#include "training/trainingcontroller.h"
#include "spec/presets.h"
#include "training/blasprobe.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QIcon>
#include <QCommandLineParser>
#include <QStatusBar>
#include <QTextStream>
#include <QPointer>
#include <QSlider>
#include <QTimer>

#include <cmath>
#include <exception>
#include <memory>

namespace {
constexpr int kMaxBenchmarkSeconds = 86400;  // a day: a longer benchmark is a typo

// Errors a user can cause are messages from the engine; anything that still escapes an event
// handler (an allocation refused deep inside a library) is shown, not allowed to end the program.
class Application : public QApplication {
public:
    using QApplication::QApplication;
    QPointer<MainWindow> window;

    bool notify(QObject *receiver, QEvent *event) override
    {
        try {
            return QApplication::notify(receiver, event);
        } catch (const std::bad_alloc &) {
            report(translate("main", "Out of memory. Make the batch, the layers or the images smaller."));
        } catch (const std::exception &e) {
            report(translate("main", "Unexpected error: %1").arg(errorText(e)));
        } catch (...) {
            report(translate("main", "Unexpected error."));
        }
        return false;
    }

private:
    void report(const QString &message)
    {
        if (window)
            window->showError(translate("main", "Something went wrong"), message);
        else
            QTextStream(stderr) << message << "\n";
    }
};

}  // namespace

int main(int argc, char *argv[])
{
    Application app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GAN Playground"));
    QApplication::setOrganizationName(QStringLiteral("GAN Playground"));
    // Desktops match the window to its menu entry (and its icon) by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.ganplayground.GanPlayground"));
    // Where the desktop does not take it from the menu entry (X11 title bars, task switchers).
    QIcon icon;
    for (int size : {32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/gan-playground-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // The remembered language (View > Language), else the system's.
    language::apply(MainWindow::startLanguage());

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("preset"), QApplication::translate("main", "Open a built-in experiment."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("benchmark-ui"),
                      QApplication::translate("main", "Train for SECONDS with the live dashboard and latent sliders moving, print images/s, the event loop's lateness and the slider-to-image latency as JSON, and quit."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("screenshot"), QApplication::translate("main", "With --benchmark-ui: save the window as a PNG at the end; with --directions: once they are found."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("lab"),
                      QApplication::translate("main", "With --benchmark-ui: \"off\" closes the 2D lab, to measure what drawing it costs."),
                      QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("quality"),
                      QApplication::translate("main", "With --benchmark-ui: \"ab\" alternates image measures off and on in four phases and prints what they cost the training."),
                      QStringLiteral("ab")});
    parser.addOption({QStringLiteral("sliders"),
                      QApplication::translate("main", "With --benchmark-ui: \"off\" leaves the latent sliders still, as when a class watches the run."),
                      QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("threads"),
                      QApplication::translate("main", "With --benchmark-ui: how the run shares the machine with the window for this measurement (Training > Threads)."),
                      QStringLiteral("adaptive|keep-core|all-cores")});
    parser.addOption({QStringLiteral("substeps"),
                      QApplication::translate("main", "Start the run in slow motion and take N substeps (with --screenshot: save the window after the last and quit)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("presentation"), QApplication::translate("main", "Start in presentation mode (F11).")});
    parser.addOption({QStringLiteral("resume"),
                      QApplication::translate("main", "Continue the run saved in CHECKPOINT (a run folder's checkpoint.pt), for example one trained by gan-playground-cli."),
                      QStringLiteral("CHECKPOINT")});
    parser.addOption({QStringLiteral("data"),
                      QApplication::translate("main", "Train the experiment on the data at PATH (a folder of images, an IDX file or a CSV of points), its networks fitted to it, as File > Train on Folder... does."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("follow"),
                      QApplication::translate("main", "Show the run that gan-playground-cli writes in RUN_DIR as it grows, as File > Follow Run... does."),
                      QStringLiteral("RUN_DIR")});
    parser.addOption({QStringLiteral("directions"),
                      QApplication::translate("main", "The latent explorer's sliders move along these directions once the run's generator arrives."),
                      QStringLiteral("sefa|pca|random|class")});
    parser.addOption({QStringLiteral("sweep"),
                      QApplication::translate("main", "With --directions: the interpolation strip sweeps direction K from one end of the sliders' range to the other."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("compare"),
                      QApplication::translate("main", "Add the runs in DIR (a run folder, a sweep's folder or a folder of run folders) to the Runs panel, their curves over the plots; may be given more than once."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("compare-with"),
                      QApplication::translate("main", "Train the experiment and, beside it, a copy with KEY set to VALUE (as the experiment file names it, such as loss.kind=non-saturating), as Training > Compare With... does."),
                      QStringLiteral("KEY=VALUE")});
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "An experiment file to open."));
    parser.process(app);

    MainWindow window;
    app.window = &window;
    const QStringList files = parser.positionalArguments();
    // A scripted start (a measurement, a picture) has nobody to close a message box: a file
    // that cannot be read is said on stderr, and the start ends.
    const bool scripted = parser.isSet(QStringLiteral("benchmark-ui")) || parser.isSet(QStringLiteral("screenshot"));
    if (!files.isEmpty()) {
        QString error;
        if (!window.openFile(files.first(), scripted ? &error : nullptr) && scripted) {
            QTextStream(stderr) << error << "\n";
            return 1;
        }
    } else
        window.openPreset(parser.isSet(QStringLiteral("preset")) ? parser.value(QStringLiteral("preset")) : presets::defaultName());
    const BlasProbe blas = probeBlas(window.experiment().threads, 0.1);
    window.setBlasProbe(blas);
    if (const QString warning = blas.warning(); !warning.isEmpty())
        window.statusBar()->showMessage(warning);
    window.show();
    // What a window that did not close properly left behind (autosaves), offered once shown.
    if (!parser.isSet(QStringLiteral("benchmark-ui")) && !parser.isSet(QStringLiteral("screenshot")))
        window.findChild<AutoSave *>()->offerRecovery();
    if (parser.isSet(QStringLiteral("presentation")))
        window.findChild<QAction *>(QStringLiteral("presentationAction"))->trigger();
    if (parser.value(QStringLiteral("lab")) == QLatin1String("off"))
        if (auto *lab = window.findChild<QDockWidget *>(QStringLiteral("labDock")))
            lab->close();
    // A checkpoint that cannot be resumed is a message in the window; only a script waiting
    // for a screenshot that will never come is ended.
    if (parser.isSet(QStringLiteral("resume")) && !window.resumeFromCheckpoint(parser.value(QStringLiteral("resume")))
        && parser.isSet(QStringLiteral("screenshot")) && !parser.isSet(QStringLiteral("benchmark-ui")))
        return 1;
    // Data the window cannot train on is a message in it; a script waiting for a picture ends.
    if (parser.isSet(QStringLiteral("data")) && !window.trainOnData(parser.value(QStringLiteral("data"))) && scripted) {
        QTextStream(stderr) << window.statusBar()->currentMessage() << "\n";
        return 1;
    }
    if (parser.isSet(QStringLiteral("follow")) && !window.followRun(parser.value(QStringLiteral("follow"))) && scripted) {
        QTextStream(stderr) << window.statusBar()->currentMessage() << "\n";
        return 1;
    }
    for (const QString &folder : parser.values(QStringLiteral("compare"))) {
        if (const QString e = window.runsPanel()->addFolder(folder); !e.isEmpty() && scripted) {
            QTextStream(stderr) << e << "\n";
            return 1;
        }
        if (auto *runs = window.findChild<QDockWidget *>(QStringLiteral("runsDock")))
            runs->raise();
    }
    if (parser.isSet(QStringLiteral("compare-with"))) {
        const QString change = parser.value(QStringLiteral("compare-with"));
        const qsizetype eq = change.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            QTextStream(stderr) << QApplication::translate("main", "--compare-with needs KEY=VALUE, such as loss.kind=non-saturating") << "\n";
            return 2;
        }
        if (!window.compareWith(change.left(eq), change.mid(eq + 1)) && scripted)
            return 1;
    }
    if (parser.isSet(QStringLiteral("directions")) && !parser.isSet(QStringLiteral("benchmark-ui"))) {
        const std::optional<latentdirections::Method> method = latentdirections::methodFromKey(parser.value(QStringLiteral("directions")));
        if (!method) {
            QTextStream(stderr) << QApplication::translate("main", "--directions must be sefa, pca, random or class") << "\n";
            return 2;
        }
        const LatentExplorer::Mode mode = *method == latentdirections::Method::Pca      ? LatentExplorer::Mode::Pca
                                          : *method == latentdirections::Method::Random ? LatentExplorer::Mode::Random
                                          : *method == latentdirections::Method::Class  ? LatentExplorer::Mode::Class
                                                                                        : LatentExplorer::Mode::Sefa;
        new DirectionsShowcase(&window, mode, parser.value(QStringLiteral("sweep")).toInt() - 1, parser.value(QStringLiteral("screenshot")));
    }
    if (parser.isSet(QStringLiteral("substeps")) && !parser.isSet(QStringLiteral("benchmark-ui"))) {
        bool ok = false;
        const int substeps = parser.value(QStringLiteral("substeps")).toInt(&ok);
        if (!ok || substeps < 1 || substeps > 1000) {
            QTextStream(stderr) << QApplication::translate("main", "--substeps needs a number from 1 to 1000") << "\n";
            return 2;
        }
        // One substep at a time, each once the previous one is shown (as a person clicks).
        auto left = std::make_shared<int>(substeps);
        QAction *substep = window.findChild<QAction *>(QStringLiteral("substepAction"));
        const QString screenshot = parser.value(QStringLiteral("screenshot"));
        QObject::connect(window.training(), &TrainingController::substepDone, &window, [=, &window] {
            if (--*left > 0) {
                QTimer::singleShot(100, substep, &QAction::trigger);
            } else if (!screenshot.isEmpty()) {
                QTimer::singleShot(1500, &window, [&window, screenshot] {
                    if (!window.grab().save(screenshot))
                        QTextStream(stderr) << "cannot write " << screenshot << "\n";
                    QCoreApplication::exit(0);
                });
            }
        });
        QTimer::singleShot(0, &window, [&window, substep, screenshot] {
            if (substep->isEnabled()) {
                substep->trigger();
                return;
            }
            // An experiment with problems cannot run: say so rather than wait for a picture.
            QTextStream(stderr) << window.document()->problems().join(QLatin1Char('\n')) << "\n";
            if (!screenshot.isEmpty())
                QCoreApplication::exit(1);
        });
    }
    if (parser.isSet(QStringLiteral("benchmark-ui"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("benchmark-ui")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > kMaxBenchmarkSeconds) {
            QTextStream(stderr) << QApplication::translate("main", "--benchmark-ui needs a number of seconds above 0 and at most %1")
                                       .arg(kMaxBenchmarkSeconds)
                                << "\n";
            return 2;
        }
        UiBenchmark::Options options;
        options.seconds = seconds;
        options.screenshot = parser.value(QStringLiteral("screenshot"));
        options.qualityAb = parser.value(QStringLiteral("quality")) == QLatin1String("ab");
        options.sliders = parser.value(QStringLiteral("sliders")) != QLatin1String("off");
        if (parser.isSet(QStringLiteral("threads"))) {
            options.threads = ThreadPolicy::fromKey(parser.value(QStringLiteral("threads")));
            if (!options.threads) {
                QTextStream(stderr) << QApplication::translate("main", "--threads must be adaptive, keep-core or all-cores") << "\n";
                return 2;
            }
        }
        auto *bench = new UiBenchmark(&window, options, &app);
        QObject::connect(bench, &UiBenchmark::finished, &app, [](int code) { QCoreApplication::exit(code); });
        QTimer::singleShot(0, bench, &UiBenchmark::start);
    }
    return app.exec();
}
