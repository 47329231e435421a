// gan-playground-cli sweep: every combination of some fields' values on several seeds, each an
// ordinary run folder trained and measured by this program's own train and evaluate (child
// processes, P at a time), then a table of the measures over the seeds (core's sweep).
#include "cli.h"

#include "io/atomicfile.h"
#include "spec/fieldpath.h"
#include "spec/specjson.h"
#include "sweep/sweep.h"
#include "training/rundirectory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <deque>

namespace cli {

namespace {

constexpr qint64 kMeasuresPerRun = 50;

struct Job {
    size_t combination = 0;
    std::uint64_t seed = 0;
    QString folder;
    bool evaluating = false;
    std::unique_ptr<QProcess> process;
    QElapsedTimer clock;
};

QString logPath(const QString &folder) { return QDir(folder).filePath(QStringLiteral("sweep.log")); }

// The last lines a failed child wrote, for the message.
QString tail(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QStringLiteral("\n"));
}

// One line of a finished run's measures, in the table's columns (without steps and time).
QString figuresLine(const sweep::RunFigures &run, const std::vector<sweep::Column> &columns)
{
    QStringList parts;
    for (const sweep::Column &c : columns) {
        if (c.key == QLatin1String("steps") || c.key == QLatin1String("seconds"))
            continue;
        const auto it = run.figures.find(c.key);
        if (it != run.figures.end())
            parts << QStringLiteral("%1 %2").arg(c.title, QString::number(it->second, 'f', c.decimals));
    }
    return parts.join(QStringLiteral(", "));
}

int printTable(const sweep::Plan &plan, const QString &dir)
{
    const sweep::Table table = sweep::build(plan, dir);
    if (const QString e = sweep::writeTable(plan, dir, table); !e.isEmpty())
        return fail(e);
    out() << sweep::markdown(table) << "\n"
          << Text::tr("table written to %1, %2 and %3")
                 .arg(QDir(dir).filePath(QStringLiteral("results.md")), QDir(dir).filePath(QStringLiteral("results.csv")),
                      QDir(dir).filePath(QStringLiteral("runs.csv")))
          << "\n";
    out().flush();
    return kExitOk;
}

}  // namespace

int sweep(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("preset"), Text::tr("A built-in experiment."), QStringLiteral("NAME")},
                       {QStringLiteral("vary"),
                        Text::tr("A field and its values, as the experiment file names it (loss.kind=minimax,non-saturating; "
                                 "optimizers.generator.lr=0.0002,0.001; generator.layers[g1].out=64,128). Repeat for more "
                                 "fields: every combination runs. Without --vary, the experiment alone runs on each seed."),
                        QStringLiteral("KEY=V1,V2")},
                       {QStringLiteral("seeds"), Text::tr("The seeds of each combination: 1-5, 1,3,9 (default: the experiment's)."),
                        QStringLiteral("LIST")},
                       {QStringLiteral("out"), Text::tr("The sweep's folder."), QStringLiteral("DIR")},
                       {QStringLiteral("parallel"), Text::tr("How many runs train at a time (default 1)."), QStringLiteral("P")},
                       {QStringLiteral("steps"), Text::tr("Steps of every run (default: the experiment's)."), QStringLiteral("N")},
                       {QStringLiteral("threads"),
                        Text::tr("Threads in all, split between the runs that train at a time, each run at most the experiment's own "
                                 "count (default: the machine's cores)."),
                        QStringLiteral("T")},
                       {QStringLiteral("eval-count"), Text::tr("Image runs: samples each run is measured on (default 2000)."),
                        QStringLiteral("N")},
                       {QStringLiteral("table"), Text::tr("Only rebuild the table of the sweep in DIR from its run folders."),
                        QStringLiteral("DIR")}},
                      &code))
        return code;
    if (parser.isSet(QStringLiteral("table"))) {
        for (const char *other : {"preset", "vary", "seeds", "out", "parallel", "steps", "eval-count"})
            if (parser.isSet(QLatin1String(other)))
                return usage(Text::tr("--table DIR rebuilds a sweep's table; give it alone"));
        sweep::Plan plan;
        if (const QString e = sweep::readPlan(parser.value(QStringLiteral("table")), &plan); !e.isEmpty())
            return fail(e);
        return printTable(plan, parser.value(QStringLiteral("table")));
    }
    const QString dir = parser.value(QStringLiteral("out"));
    if (dir.isEmpty())
        return usage(Text::tr("sweep needs --out DIR"));

    sweep::Plan plan;
    if (!loadExperiment(parser, &plan.base, &code))
        return code;
    plan.source = parser.isSet(QStringLiteral("preset")) ? QStringLiteral("preset %1").arg(parser.value(QStringLiteral("preset")))
                                                         : QFileInfo(parser.positionalArguments().value(0)).absoluteFilePath();
    qint64 steps = plan.base.steps, parallel = 1, threads = std::max(1, QThread::idealThreadCount()), evalCount = plan.evalCount;
    if (!intOption(parser, QStringLiteral("steps"), 1, kNoLimit, &steps, &code)
        || !intOption(parser, QStringLiteral("parallel"), 1, 64, &parallel, &code)
        || !intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code)
        || !intOption(parser, QStringLiteral("eval-count"), 2 * 5 + 2, 100000, &evalCount, &code))
        return code;
    plan.base.steps = steps;
    plan.evalCount = int(evalCount);
    for (const QString &v : parser.values(QStringLiteral("vary"))) {
        sweep::Axis axis;
        if (const QString e = sweep::parseAxis(v, &axis); !e.isEmpty())
            return usage(e);
        plan.axes.push_back(axis);
    }
    if (parser.isSet(QStringLiteral("seeds"))) {
        if (const QString e = sweep::parseSeeds(parser.value(QStringLiteral("seeds")), &plan.seeds); !e.isEmpty())
            return usage(e);
    } else {
        plan.seeds = {plan.base.seed};
    }
    // Every key, value and combination is checked before any run starts.
    QStringList errors;
    const std::vector<sweep::Combination> all = sweep::combinations(plan, &errors);
    if (!errors.isEmpty())
        return fail(Text::tr("the sweep cannot run; nothing was started:\n%1").arg(errors.join(QLatin1Char('\n'))));

    // The folder: new, or this same sweep's (resumed: finished runs are skipped).
    const QByteArray planBytes = sweep::planToJson(plan);
    if (QFileInfo::exists(sweep::planPath(dir))) {
        sweep::Plan before;
        if (const QString e = sweep::readPlan(dir, &before); !e.isEmpty())
            return fail(e);
        if (sweep::planToJson(before) != planBytes)
            return fail(Text::tr("%1 holds another sweep (its sweep.json differs from this command's: another experiment, "
                                 "field, value, seed or step count); choose another --out folder")
                            .arg(dir));
    } else if (QDir(dir).exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        return fail(Text::tr("%1 is not empty and holds no sweep; choose another --out folder").arg(dir));
    }
    if (!QDir().mkpath(dir))
        return fail(Text::tr("%1: cannot create the folder").arg(dir));
    if (const QString e = atomicfile::write(sweep::planPath(dir), planBytes, Text::tr("sweep plan")); !e.isEmpty())
        return fail(e);
    for (const sweep::Combination &c : all) {
        const QString folder = QDir(dir).filePath(c.folder);
        if (!QDir().mkpath(folder))
            return fail(Text::tr("%1: cannot create the folder").arg(folder));
        if (const QString e = specjson::writeFile(c.spec, QDir(folder).filePath(QStringLiteral("experiment.json"))); !e.isEmpty())
            return fail(e);
    }

    // The runs still to make; a finished one (measured at the last step) is skipped.
    std::deque<Job> pending;
    int skipped = 0, total = 0;
    for (size_t i = 0; i < all.size(); ++i)
        for (std::uint64_t seed : plan.seeds) {
            ++total;
            Job job;
            job.combination = i;
            job.seed = seed;
            job.folder = sweep::runFolder(dir, all[i], seed);
            const sweep::RunFigures run = sweep::readRun(job.folder);
            if (run.measured && run.measuredStep == steps && run.steps == steps) {
                ++skipped;
                continue;
            }
            pending.push_back(std::move(job));
        }
    // The threads split between the runs at a time, at most the experiment's own count: a run's
    // figures depend on its thread count (sums are split differently), and the experiment's is
    // the one its description was measured with.
    const int perRun = std::max(
        1, int(std::min<qint64>(plan.base.threads, threads / std::min<qint64>(parallel, std::max<qsizetype>(1, qsizetype(pending.size()))))));
    const std::vector<sweep::Column> columns = sweep::columns(plan.base);
    const bool images = !plan.base.isTwoDimensional();
    if (skipped > 0)
        out() << Text::tr("%1 of %2 runs are finished already and are skipped").arg(skipped).arg(total) << "\n";
    out() << Text::tr("%1 runs to make, %2 at a time with %3 thread(s) each, in %4")
                 .arg(pending.size())
                 .arg(std::min<qint64>(parallel, qint64(pending.size())))
                 .arg(perRun)
                 .arg(dir)
          << "\n";
    out().flush();

    setSavesOnInterrupt(true);  // the runs save their checkpoints; this process waits for them
    QElapsedTimer wall;
    wall.start();
    std::vector<Job> running;
    int done = skipped, failures = 0;
    bool passedOn = false;
    const QString program = QCoreApplication::applicationFilePath();
    auto startStage = [&](Job &job) -> QString {
        job.process = std::make_unique<QProcess>();
        QStringList childArgs;
        const QString threadsArg = QString::number(perRun);
        if (!job.evaluating) {
            RunDirectory run(job.folder);
            if (QFileInfo::exists(run.checkpointPath())) {
                childArgs << QStringLiteral("train") << QStringLiteral("--resume") << job.folder;
            } else {
                childArgs << QStringLiteral("train") << QDir(dir).filePath(all[job.combination].folder + QStringLiteral("/experiment.json"))
                          << QStringLiteral("--out") << job.folder << QStringLiteral("--seed") << QString::number(job.seed);
                if (!run.existingRunFiles().isEmpty())
                    childArgs << QStringLiteral("--overwrite");  // a run stopped before its first checkpoint
            }
            childArgs << QStringLiteral("--steps") << QString::number(steps) << QStringLiteral("--threads") << threadsArg;
            // A 2D run's modes and JS over its steps (measures.csv), for the Runs panel's mode curves:
            // fifty measures a run, a few milliseconds each, drawn apart from the training's noise.
            if (!images)
                childArgs << QStringLiteral("--eval-every") << QString::number(std::max<qint64>(1, steps / kMeasuresPerRun));
            if (!QDir().mkpath(job.folder))
                return Text::tr("%1: cannot create the folder").arg(job.folder);
            job.process->setProcessChannelMode(QProcess::MergedChannels);
            job.process->setStandardOutputFile(logPath(job.folder), QIODevice::Append);
        } else {
            childArgs << QStringLiteral("evaluate") << job.folder << QStringLiteral("--json") << QStringLiteral("--threads") << threadsArg;
            if (images)
                childArgs << QStringLiteral("--count") << QString::number(plan.evalCount);
            job.process->setStandardErrorFile(logPath(job.folder), QIODevice::Append);
        }
        job.process->start(program, childArgs);
        if (!job.process->waitForStarted())
            return Text::tr("cannot start %1: %2").arg(program, job.process->errorString());
        job.clock.start();
        return QString();
    };
    auto label = [&](const Job &job) {
        return Text::tr("%1 seed %2").arg(all[job.combination].folder).arg(job.seed);
    };
    while (!pending.empty() || !running.empty()) {
        while (!interrupted && !pending.empty() && qint64(running.size()) < parallel) {
            Job job = std::move(pending.front());
            pending.pop_front();
            if (const QString e = startStage(job); !e.isEmpty())
                return fail(e);
            running.push_back(std::move(job));
        }
        for (size_t i = 0; i < running.size();) {
            Job &job = running[i];
            if (job.process->state() != QProcess::NotRunning && !job.process->waitForFinished(100 / int(running.size()))) {
                ++i;
                continue;
            }
            const bool ok = job.process->exitStatus() == QProcess::NormalExit && job.process->exitCode() == kExitOk;
            if (ok && !job.evaluating && !interrupted) {
                job.evaluating = true;
                if (const QString e = startStage(job); !e.isEmpty())
                    return fail(e);
                ++i;
                continue;
            }
            if (ok && job.evaluating) {
                const QByteArray json = job.process->readAllStandardOutput().trimmed();
                if (QJsonDocument::fromJson(json).isObject()) {
                    if (const QString e = atomicfile::write(sweep::evaluationPath(job.folder), json + '\n', Text::tr("evaluation"));
                        !e.isEmpty())
                        return fail(e);
                    const sweep::RunFigures run = sweep::readRun(job.folder);
                    ++done;
                    out() << QStringLiteral("[%1/%2] ").arg(done).arg(total)
                          << Text::tr("%1: %2 (%3 steps in %4)")
                                 .arg(label(job), figuresLine(run, columns))
                                 .arg(run.steps)
                                 .arg(formatDuration(run.seconds))
                          << "\n";
                    out().flush();
                } else {
                    ++failures;
                    fail(Text::tr("%1: evaluate printed no measures; see %2").arg(label(job), logPath(job.folder)));
                }
            } else if (!interrupted) {
                ++failures;
                fail(Text::tr("%1: %2 failed (exit %3); its output is in %4:\n%5")
                         .arg(label(job), job.evaluating ? QStringLiteral("evaluate") : QStringLiteral("train"))
                         .arg(job.process->exitCode())
                         .arg(logPath(job.folder), tail(logPath(job.folder), 4)));
            }
            running.erase(running.begin() + std::ptrdiff_t(i));
        }
        // Ctrl+C reaches every process of the terminal; another signal is passed on to the runs.
        if (interrupted && !passedOn) {
            if (interruptingSignal() != SIGINT)
                for (Job &job : running)
                    if (job.process->state() != QProcess::NotRunning)
                        ::kill(pid_t(job.process->processId()), interruptingSignal());
            passedOn = true;
            pending.clear();
        }
    }
    const double seconds = double(wall.elapsed()) / 1000.0;
    if (interrupted) {
        printTable(plan, dir);
        return interruptedExit(Text::tr("%1 of %2 runs are finished; the same command goes on with the others (a stopped run "
                                        "resumes from its checkpoint)")
                                   .arg(done)
                                   .arg(total));
    }
    double training = 0;
    for (const sweep::Combination &c : all)
        for (std::uint64_t seed : plan.seeds)
            training += sweep::readRun(sweep::runFolder(dir, c, seed)).seconds;
    out() << Text::tr("sweep finished in %1 (wall time; %2 runs made now, %3 skipped); the steps of all %4 runs took %5 "
                      "together")
                 .arg(formatDuration(seconds))
                 .arg(total - skipped)
                 .arg(skipped)
                 .arg(total)
                 .arg(formatDuration(training))
          << "\n\n";
    const int tableCode = printTable(plan, dir);
    if (failures > 0)
        return fail(Text::tr("%1 of %2 runs failed; the table shows the others. Run the same command again to retry them.")
                        .arg(failures)
                        .arg(total));
    return tableCode;
}

}  // namespace cli
