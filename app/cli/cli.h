#pragma once

// What the commands of gan-playground-cli share: output, exit codes, option parsing.

#include "data/dataset.h"
#include "io/filekind.h"
#include "spec/experimentspec.h"
#include "training/dataparallel.h"
#include "training/trainer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <atomic>
#include <limits>
#include <memory>
#include <optional>

namespace cli {

// The command line's messages and help: translated (context "cli"), in the language of the
// locale (LANG=zh_CN.UTF-8 gives Chinese). What scripts read (--json, metrics.csv) stays English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli)
};

constexpr int kExitOk = 0;
constexpr int kExitUserError = 1;
constexpr int kExitUsage = 2;
constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();
constexpr qint64 kMaxSeed = qint64(ExperimentSpec::kMaxSeed);

// Ctrl+C, SIGTERM and SIGHUP (unless ignored, as under nohup) raise `interrupted`. A command
// stops within a second and leaves no partial file under a final name: while nothing is to be
// saved a watchdog ends the process a second after the signal (files are written atomically),
// and long loops check the flag to stop sooner; while train steps, it saves its checkpoint
// first. A second signal ends the process at once. Exit status 128 + the signal (130, 143, 129).
extern std::atomic<bool> interrupted;
void catchInterrupts();
// Whether an interruption is to wait for the command to save (train's steps) or not.
void setSavesOnInterrupt(bool saves);
// The signal that raised `interrupted` (0 before one came).
int interruptingSignal();
// Prints "interrupted (SIGINT)" and what was kept; returns 128 + the signal.
int interruptedExit(const QString &kept = QString());

QTextStream &out();
// Prints "gan-playground-cli: message" to stderr; returns kExitUserError.
int fail(const QString &message);
// The list of commands with their synopses.
QString usageText();
// Prints the message and the usage to stderr; returns kExitUsage.
int usage(const QString &message);
// Prints what the program does and the usage to stdout (gan-playground-cli --help); returns kExitOk.
int help();
// The command being run (train, sample, ...): its --help names it.
void setCommand(const QString &command);
// Parses the command's options; false (after printing, with the exit code set) on a usage
// error (to stderr, exit 2) or --help (to stdout: the command's synopsis and options, exit 0).
bool parseOptions(QCommandLineParser &parser, const QStringList &args, const QList<QCommandLineOption> &options, int *exitCode);
// --preset NAME or a positional FILE.json; with --data PATH (dataOption()) the data at PATH
// in place of the experiment's, the networks fitted to it (without an experiment: the preset
// of the data's kind), the decisions printed.
bool loadExperiment(const QCommandLineParser &parser, ExperimentSpec *spec, int *exitCode);
QCommandLineOption dataOption();
// --device auto|cpu|cuda|cuda:N: where the networks run (default: the experiment's or run's).
QCommandLineOption deviceOption();
// --device's value into `device` when given; false (after printing, exit 1) when this build
// cannot use it, in one sentence.
bool readDevice(const QCommandLineParser &parser, QString *device, int *exitCode);
// --precision fp32|bf16 (train, bench): into `spec` when given; false (after printing, exit 2)
// on another value. Whether the machine can is checked with the experiment (runsetup::problems).
QCommandLineOption precisionOption();
bool readPrecision(const QCommandLineParser &parser, ExperimentSpec *spec, int *exitCode);
// --name as a whole number in [min, max], when given.
bool intOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max, qint64 *value, int *exitCode);
// --class K|NAME (|all where `allowAll`): the classes a conditional run is asked for, in order
// (all of them for "all"); K a label, NAME a class name of the run's data (Fashion-MNIST's
// "Sneaker", an image folder's subfolder), any case. Empty when not given. False (after
// printing, exit 1 or 2) for a run without classes or a class it does not have.
QCommandLineOption classOption(bool allowAll);
bool readClasses(const QCommandLineParser &parser, const ExperimentSpec &spec, bool allowAll, std::vector<int> *classes,
                 int *exitCode);
// --force: lets an output replace a run's own file or a file of another kind.
QCommandLineOption forceOption();
// Whether the command may write `path` as a file of `kind`: never over one of a run folder's own
// files or a file of another kind (a checkpoint, an experiment) unless --force is given. False
// after printing, with the exit code set.
bool checkOutput(const QCommandLineParser &parser, const QString &path, filekind::Kind kind, int *exitCode);
void warnAboutBlas(int threads);

// Several processes of one run (ranks.cpp): --nproc N and --dist-timeout S.
QList<QCommandLineOption> rankOptions();
struct Ranks {
    int processes = 1;                          // --nproc: this process launches them
    std::optional<DataParallelConfig> config;  // set by a launcher (torchrun's environment), with the timeout
    // A rank other than 0: it prints only its failures (one rank speaks for the run).
    bool quiet() const { return config && config->rank > 0; }
};
// False (after printing, with the exit code set) on a bad value or environment.
bool readRanks(const QCommandLineParser &parser, Ranks *ranks, int *exitCode);
// This process as one rank of `ranks`' group, `trainer` joined to it (rank 0's weights
// everywhere); null when it runs alone. False (after printing, with the exit code set) when the
// group cannot be joined.
bool joinRanks(const Ranks &ranks, Trainer &trainer, std::shared_ptr<DataParallel> *group, int *exitCode);
// `command` with `args` (the parser's: the program first) run as `count` ranks on loopback,
// --nproc dropped; waits for all and returns the worst exit status.
int launchRanks(const QString &command, const QStringList &args, int count);
// What the collectives cost this rank over `stepSeconds` of steps, in one sentence.
QString collectiveShare(const DataParallel &group, double stepSeconds);
// Progress on stderr, `format` with the percentage as %1: every percent on a tty (one line
// redrawn), every 25% otherwise.
ProgressFn percentProgress(const QString &format);
ProgressFn loadingProgress();  // "loading data %1%"
// The image measures' classifier learning: its epoch, percentage and the time left (a line per
// epoch when stderr is not a terminal).
ProgressFn classifierProgress();
double residentMiB();  // from /proc/self/statm (0 where that is not available)
QString formatDuration(double seconds);

int presets();
int validate(const QStringList &args);
int train(const QStringList &args);
int sample(const QStringList &args);
int evaluate(const QStringList &args);
int bench(const QStringList &args);
int directions(const QStringList &args);
int walk(const QStringList &args);
int timeline(const QStringList &args);
int sweep(const QStringList &args);
int exportScript(const QStringList &args);

}  // namespace cli
