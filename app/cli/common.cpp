#include "cli.h"

#include "io/atomicfile.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/blasprobe.h"
#include "training/rundirectory.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>
#include <unistd.h>

namespace cli {

std::atomic<bool> interrupted{false};

namespace {
QTextStream &err();  // stderr, with control characters shown (below)

std::atomic<int> caughtSignal{0};
std::atomic<bool> savesOnInterrupt{false};
constexpr auto kGrace = std::chrono::seconds(1);  // how long a command with nothing to save may take to stop

const char *signalName(int signal)
{
    return signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP";
}

void onSignal(int signal)
{
    if (interrupted.exchange(true))
        _exit(128 + signal);  // the second signal: at once
    caughtSignal = signal;
}
}  // namespace

void catchInterrupts()
{
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    struct sigaction hangup {};
    sigaction(SIGHUP, nullptr, &hangup);
    if (hangup.sa_handler != SIG_IGN)  // nohup asked for the run to outlive the terminal
        sigaction(SIGHUP, &action, nullptr);
    // Its line is made here, in the language of the moment: the watchdog thread touches no Qt.
    const QByteArray stopped = (QStringLiteral("gan-playground-cli: ") + Text::tr("interrupted (%1); stopped") + QLatin1Char('\n')).toUtf8();
    std::thread([stopped] {
        while (!interrupted)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto deadline = std::chrono::steady_clock::now() + kGrace;
        while (std::chrono::steady_clock::now() < deadline || savesOnInterrupt)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const int signal = caughtSignal;
        const QByteArray line = QByteArray(stopped).replace("%1", signalName(signal));
        std::fflush(stdout);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        _exit(128 + signal);
    }).detach();
}

void setSavesOnInterrupt(bool saves) { savesOnInterrupt = saves; }

int interruptedExit(const QString &kept)
{
    const int signal = caughtSignal;
    const QString name = QString::fromLatin1(signalName(signal));
    err() << "gan-playground-cli: " << (kept.isEmpty() ? Text::tr("interrupted (%1); nothing was written").arg(name)
                                                     : Text::tr("interrupted (%1); %2").arg(name, kept))
        << Qt::endl;
    return 128 + signal;
}

namespace {
// Text from files (an experiment's name, a layer id, a path) reaches the terminal: control
// characters in it are shown as \xNN instead of being sent, so that no file can move the
// cursor, retitle the window or hide text. Newlines and tabs pass.
class PrintableOutput : public QIODevice {
public:
    explicit PrintableOutput(FILE *file) : m_file(file) { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        QByteArray shown;
        shown.reserve(length);
        for (qint64 i = 0; i < length; ++i) {
            const auto c = std::uint8_t(data[i]);
            const auto next = i + 1 < length ? std::uint8_t(data[i + 1]) : 0;
            const auto third = i + 2 < length ? std::uint8_t(data[i + 2]) : 0;
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                shown += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
            } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // C1 controls (U+0080..U+009F)
                shown += "\\u00" + QByteArray::number(next, 16);
                ++i;
            } else if (c == 0xe2 && ((next == 0x80 && third >= 0xaa && third <= 0xae) || (next == 0x81 && third >= 0xa6 && third <= 0xa9))) {
                // Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069).
                shown += "\\u" + QByteArray::number(0x2000 + (next - 0x80) * 64 + (third - 0x80), 16);
                i += 2;
            } else {
                shown += char(c);
            }
        }
        std::fwrite(shown.constData(), 1, size_t(shown.size()), m_file);
        std::fflush(m_file);
        return length;
    }

private:
    FILE *m_file;
};

QTextStream &err()
{
    static PrintableOutput device(stderr);
    static QTextStream s(&device);
    return s;
}
}  // namespace

QTextStream &out()
{
    static PrintableOutput device(stdout);
    static QTextStream s(&device);
    return s;
}

int fail(const QString &message)
{
    err() << "gan-playground-cli: " << QString(message).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << Qt::endl;
    return kExitUserError;
}

int usage(const QString &message)
{
    QTextStream &err = cli::err();
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

QCommandLineOption forceOption()
{
    return {QStringLiteral("force"), Text::tr("Replace the output file even if it is a run's own file or a file of another kind.")};
}

bool checkOutput(const QCommandLineParser &parser, const QString &path, filekind::Kind kind, int *exitCode)
{
    // A device, pipe or folder in the way is refused before any work, --force or not.
    if (const QString e = atomicfile::checkTarget(path); !e.isEmpty()) {
        *exitCode = fail(e);
        return false;
    }
    if (parser.isSet(QStringLiteral("force")))
        return true;
    if (RunDirectory::isRunFile(path)) {
        *exitCode = fail(Text::tr("%1: is a file of the run in %2; choose another file name, or add --force to replace it")
                             .arg(path, QFileInfo(path).absolutePath()));
        return false;
    }
    const filekind::Kind there = filekind::of(path);
    if (there != filekind::Kind::None && there != kind) {
        *exitCode = fail(Text::tr("%1: already holds %2, not %3; choose another file name, or add --force to replace it")
                             .arg(path, filekind::describe(there), filekind::describe(kind)));
        return false;
    }
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
    constexpr double kLongest = 100.0 * 86400;  // beyond 100 days a time is only "very long"
    if (!(seconds < kLongest))
        return Text::tr("over 100 days");
    const qint64 s = qint64(std::max(0.0, seconds) + 0.5);
    const QString clock = QStringLiteral("%1:%2").arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s >= 86400)
        return Text::tr("%1 d %2:%3").arg(s / 86400).arg(s / 3600 % 24, 2, 10, QLatin1Char('0')).arg(clock);
    return s >= 3600 ? QStringLiteral("%1:%2").arg(s / 3600).arg(clock) : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace cli
