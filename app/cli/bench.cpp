#include "cli.h"

#include "spec/shapeinference.h"
#include "training/blasprobe.h"
#include "training/rundriver.h"

#include <QElapsedTimer>

namespace cli {

int bench(const QStringList &args)
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
    ExperimentAnalysis analysis;
    if (const QStringList problems = runsetup::problems(spec, &analysis); !problems.isEmpty())
        return fail(problems.join(QLatin1Char('\n')));
    QString error;
    std::unique_ptr<Trainer> trainer = runsetup::open(spec, QString(), {}, &error);
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

}  // namespace cli
