#include "cli.h"

#include "data/datapath.h"
#include "eval/evalclassifier.h"
#include "io/atomicfile.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/blasprobe.h"
#include "training/rundirectory.h"

#include <QElapsedTimer>
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

int interruptingSignal() { return caughtSignal; }

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

namespace {
// Each command's synopsis (command-line syntax: not translated) and what it does (translated).
struct CommandHelp {
    const char *name;
    const char *synopsis;
    const char *summary;
};
const CommandHelp kCommands[] = {
    {"presets", "presets", QT_TRANSLATE_NOOP("cli", "list the built-in experiments")},
    {"validate", "validate (--preset NAME | FILE.json) [--data PATH]",
     QT_TRANSLATE_NOOP("cli", "per-layer shapes, parameters, FLOPs, or every problem")},
    {"train",
     "train [--preset NAME | FILE.json] [--data PATH] --out RUN_DIR [--steps N] [--seed S] [--threads T] [--device D]\n"
     "        [--precision fp32|bf16] [--checkpoint-every K] [--eval-every K] [--resume RUN_DIR [--reshuffle]]\n"
     "        [--overwrite] [--nproc N] [--dist-timeout S]",
     QT_TRANSLATE_NOOP("cli", "train a GAN into a run folder (checkpoint, metrics.csv, sample grids)")},
    {"sample", "sample RUN_DIR --count N --out FILE.(idx|png|csv|npy) [--seed S] [--device D]",
     QT_TRANSLATE_NOOP("cli", "samples of a run's generator (its data is not needed)")},
    {"evaluate", "evaluate RUN_DIR [--count N] [--json] [--threads T] [--device D]",
     QT_TRANSLATE_NOOP("cli", "image runs: FD, KID, precision/recall, density/coverage, classifier score, classes made; "
                              "2D runs: mode coverage")},
    {"bench", "bench (--preset NAME | FILE.json) [--data PATH] [--steps N] [--threads T] [--device D] [--precision P]\n"
     "        [--autograd] [--nproc N]",
     QT_TRANSLATE_NOOP("cli", "training speed, against the machine's measured arithmetic roof")},
    {"directions", "directions RUN_DIR --method sefa|pca|random|class [--count K] [--device D] --out FILE.json",
     QT_TRANSLATE_NOOP("cli", "meaningful latent directions, and how much each changes the samples")},
    {"walk", "walk RUN_DIR (--direction K | --between A,B) [--frames N] [--loop] [--grid ROWS] [--device D]\n"
     "        --out FILE.(gif|png)",
     QT_TRANSLATE_NOOP("cli", "a latent walk as an animated GIF, PNG frames or a samples x steps grid")},
    {"timeline", "timeline RUN_DIR --out FILE.gif", QT_TRANSLATE_NOOP("cli", "the run's saved sample grids as an animation")},
    {"sweep",
     "sweep (--preset NAME | FILE.json) [--vary KEY=V1,V2,...]... [--seeds 1-5] --out DIR [--parallel P]\n"
     "        [--steps N] [--threads T] [--eval-count N]\n"
     "  sweep --table DIR",
     QT_TRANSLATE_NOOP("cli", "every combination of some settings on several seeds, each an ordinary run folder, with a table "
                              "of their measures (mean and spread over the seeds); resumable")},
    {"export", "export (--preset NAME | FILE.json | RUN_DIR) --python FILE.py [--force]",
     QT_TRANSLATE_NOOP("cli", "a PyTorch script that trains the same GAN with the same random draws (a run's weights beside it)")},
};

QString g_command;  // the command being run, as typed (for its help)
}  // namespace

QString usageText()
{
    QString text = Text::tr("usage: gan-playground-cli COMMAND [options]   (COMMAND --help for its options)") + QLatin1Char('\n')
                   + Text::tr("commands:") + QLatin1Char('\n');
    for (const CommandHelp &c : kCommands)
        text += QStringLiteral("  %1\n      %2\n").arg(QString::fromLatin1(c.synopsis), Text::tr(c.summary));
    return text + Text::tr("The language follows the locale (LANG=zh_CN.UTF-8 for Chinese, LANG=C for English).") + QLatin1Char('\n');
}

void setCommand(const QString &command) { g_command = command; }

int usage(const QString &message)
{
    QTextStream &err = cli::err();
    err << "gan-playground-cli: " << message << "\n" << usageText();
    err.flush();
    return kExitUsage;
}

int help()
{
    out() << Text::tr("the GAN Playground engine on the command line") << "\n" << usageText();
    out().flush();
    return kExitOk;
}

// Parses the command's options; returns false (after printing) on a usage error or --help.
bool parseOptions(QCommandLineParser &parser, const QStringList &args, const QList<QCommandLineOption> &options, int *exitCode)
{
    parser.addOptions(options);
    // Not addHelpOption(): its --help-all lists Qt's own options, which no command takes.
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help.")});
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(args)) {
        *exitCode = usage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's text begins "Usage: /full/path/to/the/program [options]": the command as typed instead.
        QString text = parser.helpText();
        text = text.mid(std::max(0, int(text.indexOf(QLatin1String("\n\n"))) + 2));
        QString header;
        for (const CommandHelp &c : kCommands)
            if (g_command == QLatin1String(c.name))
                header = Text::tr("usage: gan-playground-cli %1").arg(QString::fromLatin1(c.synopsis)) + QLatin1Char('\n')
                         + Text::tr(c.summary) + QStringLiteral("\n\n");
        out() << header << text;
        out().flush();
        *exitCode = kExitOk;
        return false;
    }
    return true;
}

namespace {
// --preset NAME or the one experiment file.
bool loadExperimentOnly(const QString &preset, const QStringList &files, ExperimentSpec *spec, int *exitCode)
{
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
}  // namespace

QCommandLineOption dataOption()
{
    return {QStringLiteral("data"),
            Text::tr("Train on this data instead of the experiment's: a folder of images (flat, or one subfolder per class), an "
                     "IDX images file (labels beside it, or IMAGES,LABELS) or a CSV of 2D points. The networks are fitted to it."),
            QStringLiteral("PATH")};
}

QCommandLineOption deviceOption()
{
    return {QStringLiteral("device"),
            Text::tr("Where the networks run: auto (a GPU where this build sees one, else the CPU), cpu, cuda or cuda:N "
                     "(default: the experiment's)."),
            QStringLiteral("DEVICE")};
}

bool readDevice(const QCommandLineParser &parser, QString *device, int *exitCode)
{
    if (!parser.isSet(QStringLiteral("device")))
        return true;
    const QString asked = parser.value(QStringLiteral("device")).trimmed();
    if (const QString problem = Trainer::deviceProblem(asked); !problem.isEmpty()) {
        *exitCode = fail(problem);
        return false;
    }
    *device = asked;
    return true;
}

QCommandLineOption precisionOption()
{
    return {QStringLiteral("precision"),
            Text::tr("fp32, or bf16: convolutions and linear layers in bfloat16 (autocast; on CPUs with AVX512-BF16 or AMX, "
                     "and on CUDA), the losses and the optimisers in fp32 (default: the experiment's)."),
            QStringLiteral("P")};
}

bool readPrecision(const QCommandLineParser &parser, ExperimentSpec *spec, int *exitCode)
{
    if (!parser.isSet(QStringLiteral("precision")))
        return true;
    const QString value = parser.value(QStringLiteral("precision"));
    if (value == QLatin1String("fp32") || value == QLatin1String("bf16")) {
        spec->precision = value == QLatin1String("bf16") ? Precision::Bf16 : Precision::Fp32;
        return true;
    }
    *exitCode = usage(Text::tr("--precision must be fp32 or bf16"));
    return false;
}

// --preset NAME or a positional FILE.json, and --data PATH (without an experiment: the preset of
// the data's kind).
bool loadExperiment(const QCommandLineParser &parser, ExperimentSpec *spec, int *exitCode)
{
    QString preset = parser.value(QStringLiteral("preset"));
    const QStringList files = parser.positionalArguments();
    const bool withData = parser.optionNames().contains(QStringLiteral("data"));
    const QString dataPath = withData ? parser.value(QStringLiteral("data")) : QString();
    if (withData && preset.isEmpty() && files.isEmpty()) {
        preset = dataPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? QStringLiteral("mlp-ring8") : presets::defaultName();
        out() << Text::tr("data: no experiment given; using the preset %1").arg(preset) << "\n";
    }
    if (preset.isEmpty() == files.isEmpty() || files.size() > 1) {
        *exitCode = usage(Text::tr("give either --preset NAME or one experiment file"));
        return false;
    }
    if (!loadExperimentOnly(preset, files, spec, exitCode))
        return false;
    if (!withData)
        return true;
    const datapath::Result applied = datapath::apply(dataPath, spec);
    if (!applied.error.isEmpty()) {
        *exitCode = fail(applied.error);
        return false;
    }
    for (const QString &note : applied.notes)
        out() << Text::tr("data: %1").arg(note) << "\n";
    out().flush();
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

QCommandLineOption classOption(bool allowAll)
{
    return allowAll ? QCommandLineOption(QStringLiteral("class"),
                                         Text::tr("Conditional runs: the class asked for, as a label or a class name, or all "
                                                  "(--count samples of each, class by class, with the same noise)."),
                                         QStringLiteral("K|NAME|all"))
                    : QCommandLineOption(QStringLiteral("class"),
                                         Text::tr("Conditional runs: the class asked for, as a label or a class name."),
                                         QStringLiteral("K|NAME"));
}

bool readClasses(const QCommandLineParser &parser, const ExperimentSpec &spec, bool allowAll, std::vector<int> *classes,
                 int *exitCode)
{
    classes->clear();
    if (!parser.isSet(QStringLiteral("class")))
        return true;
    const QString text = parser.value(QStringLiteral("class")).trimmed();
    const int count = spec.conditioning.enabled() ? spec.conditioning.classes : 0;
    if (count == 0) {
        *exitCode = fail(Text::tr("--class: this run is not conditional (its experiment has conditioning none), so it has no "
                                  "classes to ask for"));
        return false;
    }
    if (allowAll && text.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        for (int k = 0; k < count; ++k)
            classes->push_back(k);
        return true;
    }
    bool number = false;
    int label = text.toInt(&number);
    const QStringList names = datasets::classNames(spec.data);
    if (!number) {
        label = -1;
        for (int k = 0; k < int(names.size()); ++k)
            if (names[k].compare(text, Qt::CaseInsensitive) == 0
                || QCoreApplication::translate("ClassNames", names[k].toUtf8().constData()).compare(text, Qt::CaseInsensitive) == 0)
                label = k;
    }
    if (label < 0 || label >= count) {
        QStringList known;
        for (int k = 0; k < count; ++k)
            known << (k < int(names.size()) ? QStringLiteral("%1 (%2)").arg(k).arg(names[k]) : QString::number(k));
        *exitCode = usage(Text::tr("--class %1: this run's classes are %2").arg(text, known.join(QStringLiteral(", "))));
        return false;
    }
    classes->push_back(label);
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

ProgressFn classifierProgress()
{
    struct State {
        QElapsedTimer clock;
        int percent = -1;
        int epochs = -1;  // finished (none shown yet: -1)
    };
    auto state = std::make_shared<State>();
    const bool tty = isatty(fileno(stderr));
    return [state, tty](double f) {
        if (!state->clock.isValid())
            state->clock.start();
        const int percent = int(f * 100);
        const int epochs = std::min(EvalClassifier::kEpochs, int(f * EvalClassifier::kEpochs + 1e-9));
        // A tty redraws every percent; a log gets a line per finished epoch.
        if (tty ? percent == state->percent : epochs == state->epochs)
            return;
        state->percent = percent;
        state->epochs = epochs;
        const double seconds = double(state->clock.elapsed()) / 1000.0;
        // An estimate once there is something to go by: a twentieth of the work, or two seconds.
        const QString left = (f >= 0.05 || seconds >= 2) && f < 1 ? Text::tr(", about %1 left").arg(formatDuration(seconds * (1 - f) / f))
                                                                 : QString();
        const QString line = f >= 1 ? Text::tr("training the image measures' classifier: done in %1").arg(formatDuration(seconds))
                                    : Text::tr("training the image measures' classifier: epoch %1 of %2, %3%%4")
                                          .arg(std::min(EvalClassifier::kEpochs, epochs + 1))
                                          .arg(EvalClassifier::kEpochs)
                                          .arg(percent)
                                          .arg(left);
        QTextStream err(stderr);
        err << (tty ? QStringLiteral("\r\033[K") : QString()) << line << (tty && f < 1 ? "" : "\n");
        err.flush();
    };
}

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
