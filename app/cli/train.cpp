#include "cli.h"

#include "eval/modecoverage.h"
#include "eval/pointmeasures.h"
#include "io/atomicfile.h"
#include "eval/qualitymeter.h"
#include "spec/specjson.h"
#include "training/rundirectory.h"
#include "training/dataparallel.h"
#include "training/rundriver.h"
#include "training/errortext.h"
#include "training/sampleimage.h"

#include <QElapsedTimer>
#include <QFileInfo>


#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {
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
        const QString stats = Text::tr("step %1/%2  %3 steps/s  ETA %4  loss D %5 G %6")
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
    // A line of its own above the bar.
    void note(const QString &line)
    {
        QTextStream err(stderr);
        err << (m_tty ? QStringLiteral("\r\033[K") : QString()) << line << "\n";
        err.flush();
        m_lastDraw = -1000000;
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
    const SampleBatch batch = trainer.sampleFixed(trainer.fixedGridCount());
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

}  // namespace

// A rank other than 0: the same steps, nothing written; it stops where rank 0 stops.
int trainRank(RunDriver &driver, DataParallel &group)
{
    setSavesOnInterrupt(true);
    StepRecord record;
    QString error;
    // Rank 0 says why the group failed and keeps its last good step; this rank speaks for its own
    // failures (rank 0 then names it as gone), and when rank 0 is gone.
    auto failed = [&] {
        if (!group.collectiveFailed() || group.lostRankZero())
            fail(Text::tr("rank %1: %2").arg(group.rank()).arg(error));
        return kExitUserError;
    };
    while (!driver.budgetReached()) {
        // The stop every rank agrees on (see train's loop).
        const std::optional<bool> stop = group.any(interrupted, &error);
        if (!stop)
            return failed();
        if (*stop)
            break;
        if (!driver.step(&record, &error))
            return failed();
    }
    return interrupted ? 128 + interruptingSignal() : kExitOk;
}

int train(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    const QList<QCommandLineOption> options = QList<QCommandLineOption>{
        {QStringLiteral("preset"), Text::tr("A built-in experiment."), QStringLiteral("NAME")},
        {QStringLiteral("out"), Text::tr("The run folder to write."), QStringLiteral("RUN_DIR")},
        {QStringLiteral("steps"), Text::tr("Total steps of the run (default: the experiment's)."), QStringLiteral("N")},
        {QStringLiteral("seed"), Text::tr("Random seed (default: the experiment's)."), QStringLiteral("S")},
        {QStringLiteral("threads"), Text::tr("Intra-op threads (default: the experiment's)."), QStringLiteral("T")},
        deviceOption(),
        precisionOption(),
        {QStringLiteral("checkpoint-every"), Text::tr("Save a checkpoint every K steps."), QStringLiteral("K")},
        dataOption(),
        {QStringLiteral("resume"), Text::tr("Continue the run saved in this folder."), QStringLiteral("RUN_DIR")},
        {QStringLiteral("reshuffle"),
         Text::tr("With --resume: go on although the run's data now holds another number of samples, with a new shuffle of it.")},
        {QStringLiteral("overwrite"), Text::tr("Replace a run already in the --out folder (its checkpoint, metrics and samples).")},
        {QStringLiteral("eval-every"),
         Text::tr("Measure the generator every K steps and at the end: image runs, its image quality (FD, KID, precision, "
                  "recall, density, coverage, classifier score) into metrics.csv; 2D runs, its modes and JS into measures.csv."),
         QStringLiteral("K")},
        {QStringLiteral("eval-count"), Text::tr("How many samples each of those measurements compares (default 2000)."),
         QStringLiteral("N")},
    } + rankOptions();
    if (!parseOptions(parser, args, options, &code))
        return code;
    Ranks ranks;
    if (!readRanks(parser, &ranks, &code))
        return code;
    if (ranks.processes > 1)
        return launchRanks(QStringLiteral("train"), args, ranks.processes);
    const QString resumeDir = parser.value(QStringLiteral("resume"));
    const QString outDir = parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : resumeDir;
    if (outDir.isEmpty())
        return usage(Text::tr("train needs --out RUN_DIR"));

    ExperimentSpec spec;
    if (!resumeDir.isEmpty()) {
        if (!parser.value(QStringLiteral("preset")).isEmpty() || !parser.positionalArguments().isEmpty() || parser.isSet(QStringLiteral("data")))
            return usage(Text::tr("--resume takes the experiment and its data from the run; give no --preset, file or --data"));
        if (const QString e = Trainer::readCheckpointSpec(RunDirectory(resumeDir).checkpointPath(), &spec); !e.isEmpty())
            return fail(e);
    } else if (parser.isSet(QStringLiteral("reshuffle"))) {
        return usage(Text::tr("--reshuffle is for --resume RUN_DIR"));
    } else if (!loadExperiment(parser, &spec, &code)) {
        return code;
    }
    qint64 steps = spec.steps, seed = qint64(spec.seed), threads = spec.threads, every = 0, evalEvery = 0,
           evalCount = QualityMeter::kTrainingCount;
    if (!intOption(parser, QStringLiteral("steps"), 1, kNoLimit, &steps, &code)
        || !intOption(parser, QStringLiteral("seed"), 0, kMaxSeed, &seed, &code)
        || !intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code)
        || !intOption(parser, QStringLiteral("checkpoint-every"), 1, kNoLimit, &every, &code)
        || !intOption(parser, QStringLiteral("eval-every"), 1, kNoLimit, &evalEvery, &code)
        || !intOption(parser, QStringLiteral("eval-count"), 2 * QualityMeter::kNeighbours + 2, 100000, &evalCount, &code)
        || !readDevice(parser, &spec.device, &code) || !readPrecision(parser, &spec, &code))
        return code;
    if (parser.isSet(QStringLiteral("eval-count")) && spec.isTwoDimensional())
        return usage(Text::tr("--eval-count is for image runs; a 2D run is measured on %1 samples, as the mode-coverage protocol asks")
                         .arg(kCoverageSamples));
    if (!resumeDir.isEmpty() && parser.isSet(QStringLiteral("seed")) && std::uint64_t(seed) != spec.seed)
        return usage(Text::tr("--seed cannot change a resumed run's seed"));
    spec.seed = std::uint64_t(seed);
    spec.threads = int(threads);
    // --steps is this run's target; the experiment's own `steps` stays (it spans the LR schedule).

    if (const QStringList problems = runsetup::problems(spec); !problems.isEmpty())
        return fail(Text::tr("the experiment is not valid:\n%1").arg(problems.join(QLatin1Char('\n'))));

    RunDirectory run(outDir);
    // A fresh run never writes over another run's files unasked; resuming writes into its own folder.
    const bool intoOwnFolder = !resumeDir.isEmpty() && run.isSameFolder(resumeDir);
    const QStringList existing = intoOwnFolder ? QStringList() : run.existingRunFiles();
    const bool overwrite = parser.isSet(QStringLiteral("overwrite"));
    if (!existing.isEmpty() && !overwrite)
        return fail(Text::tr("%1: already holds a run (%2); continue it with --resume %1, choose another --out folder, "
                                   "or add --overwrite to replace it")
                        .arg(outDir, existing.join(QStringLiteral(", "))));

    const bool quiet = ranks.quiet();
    if (!quiet)
        warnAboutBlas(spec.threads);
    QString error;
    std::int64_t trainedOn = -1;
    runsetup::OpenOptions openOptions;
    openOptions.reshuffle = parser.isSet(QStringLiteral("reshuffle"));
    openOptions.trainedOn = &trainedOn;
    std::unique_ptr<Trainer> opened = runsetup::open(spec, resumeDir.isEmpty() ? QString() : RunDirectory(resumeDir).checkpointPath(),
                                                     quiet ? ProgressFn() : loadingProgress(), &error, openOptions);
    if (!opened && trainedOn > 0)
        return fail(Text::tr("%1: resume with --reshuffle to continue on the data as it is now (a new shuffle of it); sample, walk "
                             "and directions work on the run as it is")
                        .arg(error));
    if (!opened)
        return fail(error);
    if (const std::int64_t count = opened->data().count; spec.batchSize > count && !quiet)
        QTextStream(stderr) << "gan-playground-cli: "
                            << Text::tr("warning: the batch of %1 is larger than the data's %2 samples, so every batch holds some "
                                        "of them more than once; set training.batch_size to at most %2")
                                   .arg(spec.batchSize)
                                   .arg(count)
                            << Qt::endl;
    // One rank of a data-parallel run: the group joined, rank 0's weights everywhere. Only rank 0
    // writes the folder and prints; every rank trains.
    std::shared_ptr<DataParallel> group;
    if (!joinRanks(ranks, *opened, &group, &code))
        return code;
    const bool writes = !group || group->rank() == 0;
    RunDriver driver(std::move(opened), steps);
    Trainer *trainer = &driver.trainer();
    if (!resumeDir.isEmpty() && driver.budgetReached()) {
        out() << Text::tr("the run is already at step %1 (asked for %2); nothing to do").arg(trainer->currentStep()).arg(steps) << "\n";
        return kExitOk;
    }
    // The image measures are made ready before the folder changes too (they may refuse the data).
    std::unique_ptr<QualityMeter> meter;
    if (evalEvery > 0 && !quiet && !spec.isTwoDimensional()) {  // rank 0 measures images (2D runs: measures.csv below)
        QualityMeter::Options options;
        options.count = int(evalCount);
        meter = QualityMeter::create(spec.data, spec.seed, trainer->sharedData(), options, loadingProgress(),
                                     classifierProgress(), &error);
        if (!meter)
            return fail(error);
    }
    // Only now, with the data loaded and the networks built, does the folder change: it is
    // locked against other writers, then the old run's files go first, so the folder never
    // mixes two runs. (Ranks other than 0 write nothing.)
    if (!writes)
        return trainRank(driver, *group);
    if (const QString e = run.lock(); !e.isEmpty())
        return fail(e);
    if (!existing.isEmpty())
        if (const QString e = run.removeRunFiles(); !e.isEmpty())
            return fail(e);
    if (const QString e = run.create(); !e.isEmpty())
        return fail(e);
    if (const QString e = run.startMetrics(trainer->history()); !e.isEmpty())
        return fail(e);
    if (const QString e = specjson::writeFile(trainer->spec(), run.experimentPath()); !e.isEmpty())
        return fail(e);
    // A run resumed in its own folder stays the same run for a window that follows it.
    const QString kept = intoOwnFolder ? RunDirectory::readRunInfo(outDir).runId : QString();
    if (const QString e = run.writeRunInfo(steps, group ? group->world() : 1, kept.isEmpty() ? RunDirectory::newRunId() : kept); !e.isEmpty())
        return fail(e);
    double qualitySeconds = 0;
    int measurements = 0;
    // A 2D run's measures over its steps (--eval-every): a resumed run keeps those of its steps.
    const bool pointRun = evalEvery > 0 && spec.isTwoDimensional();
    std::vector<pointmeasures::Row> pointRows;
    if (pointRun && intoOwnFolder)
        for (const pointmeasures::Row &r : pointmeasures::read(outDir))
            if (r.step <= trainer->currentStep())
                pointRows.push_back(r);
    std::int64_t lastSaved = trainer->currentStep();  // the step the folder's checkpoint holds, if it has one
    // What a failure leaves behind: the checkpoint as it was, or none.
    auto failRun = [&](const QString &message) {
        const QString kept = QFileInfo::exists(run.checkpointPath())
            ? Text::tr("The checkpoint in %1 is unchanged (step %2).").arg(outDir).arg(lastSaved)
            : Text::tr("No checkpoint was saved in %1.").arg(outDir);
        return fail(message + QLatin1Char('\n') + kept);
    };

    setSavesOnInterrupt(true);  // from here on an interruption saves the networks first
    Progress progress(trainer->currentStep(), steps);
    QElapsedTimer flushTimer;
    flushTimer.start();
    StepRecord record;
    // Every rank stops at the same step: an interruption anywhere is every rank's. None when the
    // group failed (`error` says which rank is gone).
    auto stopping = [&]() -> std::optional<bool> { return group ? group->any(interrupted, &error) : bool(interrupted); };
    const double secondsBefore = driver.activeSeconds();  // a resumed run's earlier steps
    while (!driver.budgetReached()) {
        const std::optional<bool> stop = stopping();
        if (stop && *stop)
            break;
        if (!stop || !driver.step(&record, &error)) {
            progress.finish();
            const QString metrics = run.flushMetrics();
            QString message = metrics.isEmpty() ? error : error + QLatin1Char('\n') + metrics;
            // The failed step was undone: the networks are as after the last good step, which
            // may be hours of training beyond the folder's checkpoint. Keep them.
            const std::int64_t good = trainer->currentStep();
            if (good > lastSaved) {
                if (const QString e = trainer->saveCheckpoint(run.checkpointPath()); e.isEmpty())
                    return fail(message + QLatin1Char('\n')
                                + Text::tr("The networks as after step %1, the last good step, are saved in %2; sample, evaluate or "
                                           "explore them from there.")
                                      .arg(good)
                                      .arg(run.checkpointPath()));
                else
                    message += QLatin1Char('\n') + e;
            }
            return failRun(message);
        }
        const std::int64_t s = trainer->currentStep();
        if (pointRun && (s % evalEvery == 0 || s == steps)) {
            QElapsedTimer clock;
            clock.start();
            pointRows.push_back(pointmeasures::measure(s, trainer->data(), trainer->sample(kCoverageSamples, kCoverageSeed).points));
            if (const QString e = atomicfile::write(pointmeasures::path(outDir), pointmeasures::csv(pointRows), Text::tr("measures"));
                !e.isEmpty())
                return failRun(e);
            qualitySeconds += double(clock.elapsed()) / 1000.0;
            ++measurements;
        }
        if (meter && (s % evalEvery == 0 || s == steps)) {
            QElapsedTimer clock;
            clock.start();
            QualityRecord q;
            try {
                // The same noise every time: the figures move with the generator only.
                q = QualityMeter::record(s, meter->measure(trainer->sample(meter->count(), QualityMeter::kSampleSeed)));
            } catch (const std::exception &e) {
                progress.finish();
                run.appendMetrics(record);
                const QString metrics = run.flushMetrics();
                const QString message = Text::tr("step %1: cannot measure the image quality: %2").arg(s).arg(errorText(e));
                return failRun(metrics.isEmpty() ? message : message + QLatin1Char('\n') + metrics);
            }
            qualitySeconds += double(clock.elapsed()) / 1000.0;
            ++measurements;
            trainer->addQuality(q);  // the checkpoint keeps them: the window shows them on resume
            run.appendMetrics(record, &q);
            progress.note(Text::tr("step %1: FD %2, KID %3, precision %4, recall %5")
                              .arg(s)
                              .arg(QString::number(q.fd, 'f', 2), QString::number(q.kid, 'f', 4), QString::number(q.precision, 'f', 3),
                                   QString::number(q.recall, 'f', 3)));
        } else {
            run.appendMetrics(record);
        }
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
    double seconds = 0;  // of the whole run, resumed parts included
    for (const StepRecord &r : trainer->history())
        seconds += r.seconds;
    if (interrupted) {
        out() << Text::tr("interrupted at step %1; checkpoint saved to %2\ncontinue with: gan-playground-cli train --resume %3 --steps %4")
                     .arg(trainer->currentStep())
                     .arg(run.checkpointPath(), outDir)
                     .arg(steps)
              << "\n";
        out().flush();
        return interruptedExit(Text::tr("the checkpoint of step %1 is saved").arg(trainer->currentStep()));
    }
    out() << Text::tr("trained to step %1 (%2 of training); run in %3").arg(trainer->currentStep()).arg(formatDuration(seconds), outDir)
          << "\n";
    if (const double trained = driver.activeSeconds() - secondsBefore; group && trained > 0)
        out() << collectiveShare(*group, trained) << "\n";
    if (measurements > 0 && pointRun)
        out() << Text::tr("modes and JS measured %1 times (%2 samples each) in %3, written to %4")
                     .arg(measurements)
                     .arg(kCoverageSamples)
                     .arg(formatDuration(qualitySeconds), pointmeasures::path(outDir))
              << "\n";
    else if (measurements > 0)
        out() << Text::tr("image quality measured %1 times (%2 samples each) in %3, written to %4")
                     .arg(measurements)
                     .arg(meter->count())
                     .arg(formatDuration(qualitySeconds), run.metricsPath())
              << "\n";
    return kExitOk;
}

}  // namespace cli
