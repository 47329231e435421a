// gan-playground-cli: the engine without a window, for scripts and bigger machines.
#include "data/dataset.h"
#include "training/errortext.h"
#include "eval/modecoverage.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"
#include "spec/specjson.h"
#include "training/blasprobe.h"
#include "training/rundirectory.h"
#include "training/samplefiles.h"
#include "training/sampleimage.h"
#include "training/trainer.h"
#include "io/atomicfile.h"
#include "io/memorybudget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <limits>
#include <unistd.h>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUserError = 1;
constexpr int kExitUsage = 2;

std::atomic<bool> g_interrupted{false};

void onSigint(int)
{
    g_interrupted = true;
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
        << "usage: gan-playground-cli COMMAND [options]   (COMMAND --help for its options)\n"
           "commands:\n"
           "  presets                                     list the built-in experiments\n"
           "  validate (--preset NAME | FILE.json)        per-layer shapes, parameters, FLOPs, or every problem\n"
           "  train (--preset NAME | FILE.json) --out RUN_DIR [--steps N] [--seed S] [--threads T]\n"
           "        [--checkpoint-every K] [--resume RUN_DIR] [--overwrite]\n"
           "  sample RUN_DIR --count N --out FILE.(idx|png|csv) [--seed S]\n"
           "  evaluate RUN_DIR                            2D mode coverage of a trained run\n"
           "  bench (--preset NAME | FILE.json) [--steps N] [--threads T] [--autograd]\n";
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
        *exitCode = usage(QStringLiteral("give either --preset NAME or one experiment file"));
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
                              ? QStringLiteral("--%1 needs a whole number of at least %2").arg(name).arg(min)
                              : QStringLiteral("--%1 needs a whole number from %2 to %3").arg(name).arg(min).arg(max));
        return false;
    }
    *value = v;
    return true;
}

constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();
constexpr qint64 kMaxSeed = qint64(ExperimentSpec::kMaxSeed);

void warnAboutBlas(int threads)
{
    const BlasProbe probe = probeBlas(threads, 0.1);
    if (const QString warning = probe.warning(); !warning.isEmpty()) {
        QTextStream err(stderr);
        err << "\n*** " << warning << " ***\n\n";
    }
}

std::shared_ptr<const Dataset> loadData(const ExperimentSpec &spec, bool showProgress, QString *error)
{
    QTextStream err(stderr);
    const bool tty = isatty(fileno(stderr));
    int lastPercent = -1;
    auto progress = [&](double f) {
        const int percent = int(f * 100);
        if (!showProgress || percent == lastPercent || (!tty && percent % 25 != 0))
            return;
        lastPercent = percent;
        err << (tty ? "\rloading data " : "loading data ") << percent << "%" << (tty ? "" : "\n");
        err.flush();
    };
    DatasetLoad loaded = datasets::load(spec.data, spec.seed, progress);
    if (showProgress && tty)
        err << "\n";
    if (!loaded.data)
        *error = loaded.error;
    return loaded.data;
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
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// ---------------------------------------------------------------------------------------------

int cmdPresets()
{
    for (const QString &name : presets::names()) {
        ExperimentSpec spec;
        presets::load(name, &spec);
        out() << name << "\n";
        QString text = spec.description;
        // Wrap at ~90 columns, indented.
        QString line;
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (line.size() + word.size() + 1 > 90) {
                out() << "    " << line << "\n";
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty())
            out() << "    " << line << "\n";
        out() << "\n";
    }
    return kExitOk;
}

void printNetworkTable(const NetworkSpec &net, const NetworkAnalysis &a)
{
    out() << specnames::role(a.role).toUpper() << "  input " << shapeToString(a.inShape) << "\n";
    out() << QStringLiteral("  %1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("#"), 3).arg(QStringLiteral("layer"), -16).arg(QStringLiteral("output"), -16)
                 .arg(QStringLiteral("parameters"), 12).arg(QStringLiteral("MFLOPs"), 10);
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const LayerAnalysis &l = a.layers[i];
        out() << QStringLiteral("  %1  %2  %3  %4  %5%6\n")
                     .arg(i + 1, 3).arg(layerkind::name(net.layers[i].kind), -16)
                     .arg(l.outShape.empty() ? QStringLiteral("?") : shapeToString(l.outShape), -16)
                     .arg(l.parameters, 12).arg(l.flops / 1e6, 10, 'f', 3)
                     .arg(l.problems.isEmpty() ? QString() : QStringLiteral("  <- problem"));
    }
    out() << QStringLiteral("  %1  %2  %3  %4  %5\n")
                 .arg(QString(), 3).arg(QStringLiteral("total"), -16).arg(QString(), -16)
                 .arg(a.parameters, 12).arg(a.flops / 1e6, 10, 'f', 3);
}

int cmdValidate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args, {{QStringLiteral("preset"), QStringLiteral("A built-in experiment."), QStringLiteral("NAME")}}, &code))
        return code;
    ExperimentSpec spec;
    if (!loadExperiment(parser, &spec, &code))
        return code;
    QString dataError;
    const Shape dataShape = datasets::sampleShape(spec.data, &dataError);
    const ExperimentAnalysis a = ShapeInference::analyze(spec, dataShape);
    out() << "experiment " << (spec.name.isEmpty() ? QStringLiteral("(unnamed)") : spec.name) << ", data "
          << specnames::data(spec.data.kind) << " " << (dataShape.empty() ? QStringLiteral("?") : shapeToString(dataShape))
          << ", loss " << specnames::loss(spec.loss.kind) << "\n\n";
    printNetworkTable(spec.generator, a.generator);
    out() << "\n";
    printNetworkTable(spec.discriminator, a.discriminator);
    out() << "\nper training step (batch " << spec.batchSize << "): "
          << QString::number(a.trainingStepFlops(spec) / 1e9, 'f', 3) << " GFLOPs, about "
          << memorybudget::describe(a.memoryBytes) << " of memory\n";
    for (const QString &w : a.warnings)
        out() << "warning: " << w << "\n";
    QStringList problems = a.problems;
    if (!dataError.isEmpty())
        problems.prepend(dataError);
    if (!problems.isEmpty()) {
        out() << "\n" << problems.size() << (problems.size() == 1 ? " problem:\n" : " problems:\n");
        for (const QString &p : problems)
            out() << "  - " << p << "\n";
        out().flush();
        return kExitUserError;
    }
    out() << "\nvalid\n";
    return kExitOk;
}

// Terminal progress: a bar on a tty, plain lines (every ~10 s) otherwise.
class Progress {
public:
    Progress(std::int64_t first, std::int64_t total) : m_first(first), m_total(total), m_tty(isatty(fileno(stderr)))
    {
        m_timer.start();
    }
    void update(std::int64_t step, const StepRecord &r, bool force = false)
    {
        const qint64 now = m_timer.elapsed();
        const qint64 interval = m_tty ? 200 : 10000;  // ms between redraws
        if (!force && now - m_lastDraw < interval)
            return;
        m_lastDraw = now;
        const double rate = (step - m_first) / std::max(1e-3, now / 1000.0);
        const double eta = rate > 0 ? (m_total - step) / rate : 0;
        const double frac = double(step) / double(m_total);
        QTextStream err(stderr);
        const QString stats = QStringLiteral("step %1/%2  %3 steps/s  ETA %4  loss D %5 G %6")
                                  .arg(step).arg(m_total).arg(rate, 0, 'f', 1).arg(formatDuration(eta))
                                  .arg(double(r.lossD), 0, 'f', 3).arg(double(r.lossG), 0, 'f', 3);
        if (m_tty) {
            constexpr int kWidth = 30;
            const int filled = int(frac * kWidth);
            err << "\r[" << QString(filled, QLatin1Char('#')) << QString(kWidth - filled, QLatin1Char('.')) << "] " << stats << "   ";
        } else {
            err << stats << "\n";
        }
        err.flush();
    }
    void finish()
    {
        if (m_tty) {
            QTextStream err(stderr);
            err << "\n";
        }
    }

private:
    std::int64_t m_first, m_total;
    bool m_tty;
    QElapsedTimer m_timer;
    qint64 m_lastDraw = -1000000;
};

QString saveSamples(Trainer &trainer, const RunDirectory &run)
{
    const SampleBatch batch = trainer.sampleFixed(64);
    QImage image;
    if (batch.isImages()) {
        image = sampleimage::grid(batch, 8);
    } else {
        const SampleBatch many = trainer.sample(kCoverageSamples, kCoverageSeed);
        const Dataset &data = trainer.data();
        const size_t realCount = std::min<size_t>(data.points.size(), 2 * kCoverageSamples);
        image = sampleimage::scatter(std::vector<float>(data.points.begin(), data.points.begin() + realCount), many.points);
    }
    return sampleimage::savePng(image, run.samplePath(trainer.currentStep()));
}

int cmdTrain(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    const QList<QCommandLineOption> options = {
        {QStringLiteral("preset"), QStringLiteral("A built-in experiment."), QStringLiteral("NAME")},
        {QStringLiteral("out"), QStringLiteral("The run folder to write."), QStringLiteral("RUN_DIR")},
        {QStringLiteral("steps"), QStringLiteral("Total steps of the run (default: the experiment's)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default: the experiment's)."), QStringLiteral("S")},
        {QStringLiteral("threads"), QStringLiteral("Intra-op threads (default: the experiment's)."), QStringLiteral("T")},
        {QStringLiteral("checkpoint-every"), QStringLiteral("Save a checkpoint every K steps."), QStringLiteral("K")},
        {QStringLiteral("resume"), QStringLiteral("Continue the run saved in this folder."), QStringLiteral("RUN_DIR")},
        {QStringLiteral("overwrite"), QStringLiteral("Replace a run already in the --out folder (its checkpoint, metrics and samples).")},
    };
    if (!parseOptions(parser, args, options, &code))
        return code;
    const QString resumeDir = parser.value(QStringLiteral("resume"));
    const QString outDir = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : resumeDir;
    if (outDir.isEmpty())
        return usage(QStringLiteral("train needs --out RUN_DIR"));

    ExperimentSpec spec;
    if (!resumeDir.isEmpty()) {
        if (!parser.value(QStringLiteral("preset")).isEmpty() || !parser.positionalArguments().isEmpty())
            return usage(QStringLiteral("--resume takes the experiment from the run; give no --preset or file"));
        if (const QString e = Trainer::readCheckpointSpec(RunDirectory(resumeDir).checkpointPath(), &spec); !e.isEmpty())
            return fail(e);
    } else if (!loadExperiment(parser, &spec, &code)) {
        return code;
    }
    qint64 steps = spec.steps, seed = qint64(spec.seed), threads = spec.threads, every = 0;
    if (!intOption(parser, QStringLiteral("steps"), 1, kNoLimit, &steps, &code)
        || !intOption(parser, QStringLiteral("seed"), 0, kMaxSeed, &seed, &code)
        || !intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code)
        || !intOption(parser, QStringLiteral("checkpoint-every"), 1, kNoLimit, &every, &code))
        return code;
    if (!resumeDir.isEmpty() && parser.isSet(QStringLiteral("seed")) && std::uint64_t(seed) != spec.seed)
        return usage(QStringLiteral("--seed cannot change a resumed run's seed"));
    spec.seed = std::uint64_t(seed);
    spec.threads = int(threads);
    // --steps is this run's target; the experiment's own `steps` stays (it spans the LR schedule).

    QString error;
    const Shape dataShape = datasets::sampleShape(spec.data, &error);
    if (!error.isEmpty())
        return fail(error);
    const ExperimentAnalysis analysis = ShapeInference::analyze(spec, dataShape);
    if (!analysis.ok())
        return fail(QStringLiteral("the experiment is not valid:\n") + analysis.problems.join(QLatin1Char('\n')));

    RunDirectory run(outDir);
    // A fresh run never writes over another run's files unasked; resuming writes into its own folder.
    const bool intoOwnFolder = !resumeDir.isEmpty() && run.isSameFolder(resumeDir);
    const QStringList existing = intoOwnFolder ? QStringList() : run.existingRunFiles();
    const bool overwrite = parser.isSet(QStringLiteral("overwrite"));
    if (!existing.isEmpty() && !overwrite)
        return fail(QStringLiteral("%1: already holds a run (%2); continue it with --resume %1, choose another --out folder, "
                                   "or add --overwrite to replace it")
                        .arg(outDir, existing.join(QStringLiteral(", "))));

    warnAboutBlas(spec.threads);
    const std::shared_ptr<const Dataset> data = loadData(spec, true, &error);
    if (!data)
        return fail(error);
    std::unique_ptr<Trainer> trainer = Trainer::create(spec, data, &error);
    if (!trainer)
        return fail(error);
    if (!resumeDir.isEmpty()) {
        if (const QString e = trainer->loadCheckpoint(RunDirectory(resumeDir).checkpointPath()); !e.isEmpty())
            return fail(e);
        if (trainer->currentStep() >= steps) {
            out() << "the run is already at step " << trainer->currentStep() << " (asked for " << steps << "); nothing to do\n";
            return kExitOk;
        }
    }
    // Only now, with the data loaded and the networks built, does the folder change: the old
    // run's files go first, so the folder never mixes two runs.
    if (!existing.isEmpty())
        if (const QString e = run.removeRunFiles(); !e.isEmpty())
            return fail(e);
    if (const QString e = run.create(); !e.isEmpty())
        return fail(e);
    if (const QString e = specjson::writeFile(trainer->spec(), run.experimentPath()); !e.isEmpty())
        return fail(e);
    if (const QString e = run.startMetrics(trainer->history()); !e.isEmpty())
        return fail(e);
    std::int64_t lastSaved = trainer->currentStep();  // the step the folder's checkpoint holds, if it has one
    // What a failure leaves behind: the checkpoint as it was, or none.
    auto failRun = [&](const QString &message) {
        const QString kept = QFileInfo::exists(run.checkpointPath())
            ? QStringLiteral("The checkpoint in %1 is unchanged (step %2).").arg(outDir).arg(lastSaved)
            : QStringLiteral("No checkpoint was saved in %1.").arg(outDir);
        return fail(message + QLatin1Char('\n') + kept);
    };

    std::signal(SIGINT, onSigint);
    Progress progress(trainer->currentStep(), steps);
    QElapsedTimer flushTimer;
    flushTimer.start();
    StepRecord record;
    while (trainer->currentStep() < steps && !g_interrupted) {
        if (!trainer->step(&record, &error)) {
            progress.finish();
            const QString metrics = run.flushMetrics();
            return failRun(metrics.isEmpty() ? error : error + QLatin1Char('\n') + metrics);
        }
        run.appendMetrics(record);
        const std::int64_t s = trainer->currentStep();
        if (flushTimer.elapsed() > 1000) {
            if (const QString e = run.flushMetrics(); !e.isEmpty())
                return failRun(e);
            flushTimer.restart();
        }
        if (s % spec.sampleEvery == 0 || s == steps)
            if (const QString e = saveSamples(*trainer, run); !e.isEmpty())
                return failRun(e);
        if (every > 0 && s % every == 0 && s != steps) {
            if (const QString e = trainer->saveCheckpoint(run.checkpointPath()); !e.isEmpty())
                return fail(e);  // says what became of the previous checkpoint
            lastSaved = s;
        }
        progress.update(s, record, s == steps);
    }
    progress.finish();
    if (const QString e = run.flushMetrics(); !e.isEmpty())
        return failRun(e);
    if (const QString e = trainer->saveCheckpoint(run.checkpointPath()); !e.isEmpty())
        return fail(e);
    double seconds = 0;
    for (const StepRecord &r : trainer->history())
        seconds += r.seconds;
    if (g_interrupted) {
        out() << "interrupted at step " << trainer->currentStep() << "; checkpoint saved to " << run.checkpointPath()
              << "\ncontinue with: gan-playground-cli train --resume " << outDir << " --steps " << steps << "\n";
        return kExitOk;
    }
    out() << "trained to step " << trainer->currentStep() << " (" << formatDuration(seconds) << " of training); run in "
          << outDir << "\n";
    return kExitOk;
}

// Loads a run's trainer from its checkpoint (data included).
std::unique_ptr<Trainer> openRun(const QString &dir, QString *error)
{
    ExperimentSpec spec;
    const RunDirectory run(dir);
    if (!QFileInfo::exists(run.checkpointPath())) {
        *error = QStringLiteral("%1: no checkpoint.pt here; is this a run folder written by 'train'?").arg(dir);
        return nullptr;
    }
    if (QString e = Trainer::readCheckpointSpec(run.checkpointPath(), &spec); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    const std::shared_ptr<const Dataset> data = loadData(spec, false, error);
    if (!data)
        return nullptr;
    std::unique_ptr<Trainer> trainer = Trainer::create(spec, data, error);
    if (!trainer)
        return nullptr;
    if (QString e = trainer->loadCheckpoint(run.checkpointPath()); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    return trainer;
}

int cmdSample(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("count"), QStringLiteral("How many samples."), QStringLiteral("N")},
                       {QStringLiteral("out"), QStringLiteral("FILE.idx, FILE.png or FILE.csv (2D)."), QStringLiteral("FILE")},
                       {QStringLiteral("seed"), QStringLiteral("Noise seed (default 0)."), QStringLiteral("S")}},
                      &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("sample needs one RUN_DIR"));
    qint64 count = 0, seed = 0;
    if (!intOption(parser, QStringLiteral("count"), 1, kNoLimit, &count, &code)
        || !intOption(parser, QStringLiteral("seed"), 0, kMaxSeed, &seed, &code))
        return code;
    const QString outPath = parser.value(QStringLiteral("out"));
    if (count < 1 || outPath.isEmpty())
        return usage(QStringLiteral("sample needs --count N and --out FILE"));
    if (samplefiles::format(outPath).isEmpty())
        return usage(QStringLiteral("--out must end in .idx, .png or .csv"));
    constexpr qint64 kMaxSamples = 10000000;
    if (count > kMaxSamples)
        return usage(QStringLiteral("--count is limited to %1").arg(kMaxSamples));

    QString error;
    std::unique_ptr<Trainer> trainer = openRun(parser.positionalArguments()[0], &error);
    if (!trainer)
        return fail(error);
    const SampleBatch batch = trainer->sample(int(count), std::uint64_t(seed));
    if (const QString e = samplefiles::write(batch, outPath); !e.isEmpty())
        return fail(e);
    out() << "wrote " << batch.count << " samples to " << outPath << "\n";
    return kExitOk;
}

int cmdEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args, {}, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("evaluate needs one RUN_DIR"));
    QString error;
    std::unique_ptr<Trainer> trainer = openRun(parser.positionalArguments()[0], &error);
    if (!trainer)
        return fail(error);
    const Dataset &data = trainer->data();
    if (data.kind != Dataset::Kind::Points || data.modes.empty())
        return fail(QStringLiteral("evaluate measures mode coverage of 2D sets with known modes (ring8, grid25, gaussian); "
                                   "this run's data is %1").arg(data.source));
    const SampleBatch batch = trainer->sample(kCoverageSamples, kCoverageSeed);
    const ModeCoverage c = evaluateModeCoverage(batch.points, data.modes, data.modeSigma);
    out() << "run:               " << parser.positionalArguments()[0] << " (step " << trainer->currentStep() << ", " << data.source << ")\n"
          << "samples:           " << c.samples << "\n"
          << "modes captured:    " << c.captured << " of " << c.modes << "\n"
          << "high quality:      " << QString::number(100.0 * c.highQualityFraction, 'f', 2) << "% (within 3 sigma = "
          << data.modeSigma * 3 << " of a mode)\n"
          << "reverse KL:        " << QString::number(c.reverseKL, 'f', 4) << "\n";
    return kExitOk;
}

int cmdBench(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("preset"), QStringLiteral("A built-in experiment."), QStringLiteral("NAME")},
                       {QStringLiteral("steps"), QStringLiteral("Timed steps (default 50)."), QStringLiteral("N")},
                       {QStringLiteral("threads"), QStringLiteral("Intra-op threads (default: the experiment's)."), QStringLiteral("T")},
                       {QStringLiteral("autograd"), QStringLiteral("Train plain MLPs through autograd, not the hand-written arithmetic (for comparison).")}},
                      &code))
        return code;
    ExperimentSpec spec;
    if (!loadExperiment(parser, &spec, &code))
        return code;
    qint64 steps = 50, threads = spec.threads;
    if (!intOption(parser, QStringLiteral("steps"), 1, kNoLimit, &steps, &code)
        || !intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code))
        return code;
    spec.threads = int(threads);
    QString error;
    const ExperimentAnalysis analysis = ShapeInference::analyze(spec, datasets::sampleShape(spec.data, &error));
    if (!analysis.ok())
        return fail(analysis.problems.join(QLatin1Char('\n')));
    const std::shared_ptr<const Dataset> data = loadData(spec, false, &error);
    if (!data)
        return fail(error);
    std::unique_ptr<Trainer> trainer = Trainer::create(spec, data, &error);
    if (!trainer)
        return fail(error);
    trainer->setFusedMlpAllowed(!parser.isSet(QStringLiteral("autograd")));
    constexpr int kWarmupSteps = 5;  // first steps pay for allocation and library start-up
    StepRecord r;
    for (int i = 0; i < kWarmupSteps; ++i)
        if (!trainer->step(&r, &error))
            return fail(error);
    constexpr qint64 kMemoryBaselineStep = 1000;  // after start-up allocations have settled
    double baselineMiB = 0;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < steps; ++i) {
        if (!trainer->step(&r, &error))
            return fail(error);
        if (trainer->currentStep() == kMemoryBaselineStep)
            baselineMiB = residentMiB();
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double finalMiB = residentMiB();
    const BlasProbe blas = probeBlas(spec.threads, 0.5);
    const double gflops = analysis.trainingStepFlops(spec) * steps / seconds / 1e9;
    out() << "experiment:        " << spec.name << " (batch " << spec.batchSize << ", " << spec.threads << " thread"
          << (spec.threads == 1 ? "" : "s") << ")\n"
          << "steps timed:       " << steps << " after " << kWarmupSteps << " warm-up\n"
          << "arithmetic:        " << (trainer->usesFusedMlp() ? "hand-written MLP" : "autograd") << "\n"
          << "images/s:          " << QString::number(spec.batchSize * steps / seconds, 'f', 1) << "\n"
          << "steps/s:           " << QString::number(steps / seconds, 'f', 2) << "\n"
          << "ms per step:       " << QString::number(1000 * seconds / steps, 'f', 2) << "\n"
          << "achieved GFLOP/s:  " << QString::number(gflops, 'f', 2) << " (from the spec's FLOP count, forward + backward)\n"
          << "sgemm GFLOP/s:     " << QString::number(blas.gflops, 'f', 2) << " (" << blas.library << ")\n"
          << "share of sgemm:    " << QString::number(100 * gflops / blas.gflops, 'f', 1) << "%\n";
    if (baselineMiB > 0)
        out() << "resident memory:   " << QString::number(baselineMiB, 'f', 1) << " MiB at step " << kMemoryBaselineStep
              << ", " << QString::number(finalMiB, 'f', 1) << " MiB at step " << trainer->currentStep() << " ("
              << QString::number(100 * (finalMiB - baselineMiB) / baselineMiB, 'f', 2) << "%)\n";
    else
        out() << "resident memory:   " << QString::number(finalMiB, 'f', 1) << " MiB\n";
    if (const QString w = blas.warning(); !w.isEmpty())
        out() << w << "\n";
    return kExitOk;
}

// Qt's and libpng's warnings ("libpng warning: iCCP: ...") would print before, and instead of,
// the program's own message naming the file: they are shown only with GP_VERBOSE set.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if ((type == QtDebugMsg || type == QtInfoMsg || type == QtWarningMsg) && qEnvironmentVariableIsEmpty("GP_VERBOSE"))
        return;
    QTextStream(stderr) << "gan-playground-cli: " << message << Qt::endl;
}

int run(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() < 2)
        return usage(QStringLiteral("no command given"));
    const QString command = args.takeAt(1);
    if (command == QLatin1String("presets"))
        return cmdPresets();
    if (command == QLatin1String("validate"))
        return cmdValidate(args);
    if (command == QLatin1String("train"))
        return cmdTrain(args);
    if (command == QLatin1String("sample"))
        return cmdSample(args);
    if (command == QLatin1String("evaluate"))
        return cmdEvaluate(args);
    if (command == QLatin1String("bench"))
        return cmdBench(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        usage(QStringLiteral("the GAN Playground engine on the command line"));
        return kExitOk;
    }
    return usage(QStringLiteral("unknown command \"%1\"").arg(command));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gan-playground-cli"));
    qInstallMessageHandler(quietMessages);
    // The engine reports what a user can cause as messages; anything that still escapes (an
    // allocation refused deep in LibTorch) ends the program with one line, not an abort.
    try {
        return run(app.arguments());
    } catch (const std::bad_alloc &) {
        return fail(QStringLiteral("out of memory; make the batch, the layers, the images or the sample count smaller"));
    } catch (const std::exception &e) {
        // LibTorch's allocator reports a refused allocation as c10::Error with this text.
        const QString what = errorText(e);
        const QRegularExpressionMatch refused = QRegularExpression(QStringLiteral("can't allocate memory: you tried to allocate (\\d+) bytes")).match(what);
        if (refused.hasMatch())
            return fail(QStringLiteral("out of memory (an allocation of %1 was refused); make the batch, the layers, the images "
                                       "or the sample count smaller")
                            .arg(memorybudget::describe(refused.captured(1).toDouble())));
        return fail(QStringLiteral("stopped on an unexpected error: %1").arg(what));
    } catch (...) {
        return fail(QStringLiteral("stopped on an unexpected error"));
    }
}
