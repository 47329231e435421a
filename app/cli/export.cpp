// gan-playground-cli export: an experiment (or a run, with its weights) as a PyTorch script that
// trains the same GAN (core's export/pytorchscript and export/pytorchexport).
#include "cli.h"

#include "export/pytorchexport.h"
#include "training/rundriver.h"

#include <QFileInfo>

namespace cli {

int exportScript(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("preset"), Text::tr("A built-in experiment."), QStringLiteral("NAME")},
                       {QStringLiteral("python"), Text::tr("The script to write (FILE.py); its data and weights go beside it."),
                        QStringLiteral("FILE.py")},
                       forceOption()},
                      &code))
        return code;
    const QString scriptPath = parser.value(QStringLiteral("python"));
    if (scriptPath.isEmpty())
        return usage(Text::tr("export needs --python FILE.py"));
    if (!scriptPath.endsWith(QLatin1String(".py"), Qt::CaseInsensitive))
        return usage(Text::tr("--python must end in .py"));
    const QStringList positional = parser.positionalArguments();
    const bool runFolder = positional.size() == 1 && parser.value(QStringLiteral("preset")).isEmpty() && QFileInfo(positional[0]).isDir();

    ExperimentSpec spec;
    std::unique_ptr<Trainer> run;
    QString error;
    if (runFolder) {
        // The run's own experiment and state; its data is not needed for the weights.
        runsetup::OpenOptions open;
        open.withoutData = true;
        run = runsetup::openFolder(positional[0], {}, &error, 0, open);
        if (!run)
            return fail(error);
        spec = run->spec();
    } else if (!loadExperiment(parser, &spec, &code)) {
        return code;
    }
    // Each output may replace a file of its own kind, never a run's file or another kind unasked.
    for (const QString &file : pytorchexport::outputs(spec, scriptPath, run != nullptr)) {
        const filekind::Kind kind = file.endsWith(QLatin1String(".csv")) ? filekind::Kind::Points
                                    : file.endsWith(QLatin1String(".idx")) ? filekind::Kind::Idx
                                                                           : filekind::Kind::Other;
        if (!checkOutput(parser, file, kind, &code))
            return code;
    }
    QStringList written;
    if (const QString e = pytorchexport::write(spec, scriptPath, run.get(), runFolder ? positional[0] : QString(), &written,
                                               loadingProgress(), parser.isSet(QStringLiteral("force")));
        !e.isEmpty())
        return fail(e);
    for (const QString &file : written)
        out() << Text::tr("wrote %1").arg(file) << "\n";
    out() << Text::tr("run it with: python3 %1 --steps 20   (PyTorch and numpy; --help lists its options)").arg(scriptPath) << "\n";
    return kExitOk;
}

}  // namespace cli
