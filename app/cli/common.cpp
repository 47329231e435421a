#include "cli.h"

#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/blasprobe.h"

#include <QFile>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace cli {

std::atomic<bool> interrupted{false};

void onSigint(int)
{
    interrupted = true;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const QString &message)
{
    QTextStream err(stderr);
    err << "gan-playground-cli: " << QString(message).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << Qt::endl;
    return kExitUserError;
}

int usage(const QString &message)
{
    QTextStream err(stderr);
    err << "gan-playground-cli: " << message << "\n"
        << Text::tr("usage: gan-playground-cli COMMAND [options]   (COMMAND --help for its options)\n"
                    "commands:\n"
                    "  presets                                     list the built-in experiments\n"
                    "  validate (--preset NAME | FILE.json)        per-layer shapes, parameters, FLOPs, or every problem\n"
                    "  train (--preset NAME | FILE.json) --out RUN_DIR [--steps N] [--seed S] [--threads T]\n"
                    "        [--checkpoint-every K] [--resume RUN_DIR] [--overwrite]\n"
                    "  sample RUN_DIR --count N --out FILE.(idx|png|csv) [--seed S]\n"
                    "  evaluate RUN_DIR [--count N] [--json]       image runs: FD, KID, precision/recall, density/coverage,\n"
                    "                                              classifier score, classes made; 2D runs: mode coverage\n"
                    "  bench (--preset NAME | FILE.json) [--steps N] [--threads T] [--autograd]\n"
                    "  directions RUN_DIR --method sefa|pca|random|class [--count K] --out FILE.json\n"
                    "                                              meaningful latent directions, and how much each changes the samples\n"
                    "  walk RUN_DIR (--direction K | --between A,B) [--frames N] [--loop] [--grid ROWS] --out FILE.(gif|png)\n"
                    "                                              a latent walk as an animated GIF, PNG frames or a samples x steps grid\n"
                    "  timeline RUN_DIR --out FILE.gif             the run's saved sample grids as an animation\n"
                    "The language follows the locale (LANG=zh_CN.UTF-8 for Chinese, LANG=C for English).\n");
    err.flush();
    return kExitUsage;
}

// Parses the command's options; returns false (after printing) on a usage error.
bool parseOptions(QCommandLineParser &parser, const QStringList &args, const QList<QCommandLineOption> &options, int *exitCode)
{
    parser.addOptions(options);
    parser.addHelpOption();
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(args)) {
        *exitCode = usage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        *exitCode = kExitOk;
        return false;
    }
    return true;
}

// --preset NAME or a positional FILE.json.
bool loadExperiment(const QCommandLineParser &parser, ExperimentSpec *spec, int *exitCode)
{
    const QString preset = parser.value(QStringLiteral("preset"));
    const QStringList files = parser.positionalArguments();
    if (preset.isEmpty() == files.isEmpty() || files.size() > 1) {
        *exitCode = usage(Text::tr("give either --preset NAME or one experiment file"));
        return false;
    }
    if (!preset.isEmpty()) {
        if (const QString error = presets::load(preset, spec); !error.isEmpty()) {
            *exitCode = fail(error);
            return false;
        }
        return true;
    }
    const specjson::ParseResult parsed = specjson::fromFile(files[0]);
    if (!parsed.ok()) {
        *exitCode = fail(parsed.errors.join(QLatin1Char('\n')));
        return false;
    }
    *spec = parsed.spec;
    return true;
}

bool intOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max, qint64 *value, int *exitCode)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *exitCode = usage(max == std::numeric_limits<qint64>::max()
                              ? Text::tr("--%1 needs a whole number of at least %2").arg(name).arg(min)
                              : Text::tr("--%1 needs a whole number from %2 to %3").arg(name).arg(min).arg(max));
        return false;
    }
    *value = v;
    return true;
}


void warnAboutBlas(int threads)
{
    const BlasProbe probe = probeBlas(threads, 0.1);
    if (const QString warning = probe.warning(); !warning.isEmpty()) {
        QTextStream err(stderr);
        err << "\n*** " << warning << " ***\n\n";
    }
}

ProgressFn percentProgress(const QString &format)
{
    auto lastPercent = std::make_shared<int>(-1);
    const bool tty = isatty(fileno(stderr));
    return [lastPercent, tty, format](double f) {
        const int percent = int(f * 100);
        if (percent == *lastPercent || (!tty && percent % 25 != 0))
            return;
        *lastPercent = percent;
        QTextStream err(stderr);
        err << (tty ? "\r" : "") << format.arg(percent) << (tty && percent == 100 ? "\n" : tty ? "" : "\n");
        err.flush();
    };
}

ProgressFn loadingProgress() { return percentProgress(Text::tr("loading data %1%")); }

// Resident set size in MiB, from /proc/self/statm (0 where that is not available).
double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

QString formatDuration(double seconds)
{
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace cli
