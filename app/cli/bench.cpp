#include "cli.h"

#include "spec/shapeinference.h"
#include "training/blasprobe.h"
#include "training/roofprobe.h"
#include "training/rundriver.h"

#include <QElapsedTimer>

namespace cli {

namespace {
// The roof for the run's precision (every process's threads together) and the run's share of it.
QString roofLines(const RoofProbe &roof, bool bf16, const QString &precision, double gflops)
{
    const double fma = bf16 ? roof.fmaBf16 : roof.fmaFp32;
    const double kernel = bf16 ? roof.torchBf16 : roof.torchFp32;
    const auto number = [](double v) { return QString::number(v, 'f', 1); };
    QString text = Text::tr("roof GFLOP/s:      %1 in LibTorch's fastest kernel here (%2, %3, %n thread(s))", nullptr, roof.threads)
                       .arg(number(kernel), bf16 ? roof.torchBf16Kernel : roof.torchFp32Kernel, precision)
                   + QLatin1Char('\n');
    if (fma > 0)
        text += Text::tr("                   %1 at the CPU's %2 FMA peak (%3, measured)").arg(number(fma), roof.vectors, precision)
                + QLatin1Char('\n');
    text += fma > 0 ? Text::tr("share of roof:     %1% of the fastest kernel, %2% of the FMA peak")
                          .arg(number(100 * gflops / kernel), number(100 * gflops / fma))
                    : Text::tr("share of roof:     %1% of the fastest kernel").arg(number(100 * gflops / kernel));
    return text + QLatin1Char('\n');
}
}  // namespace

int bench(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      QList<QCommandLineOption>{{QStringLiteral("preset"), Text::tr("A built-in experiment."), QStringLiteral("NAME")},
                       dataOption(),
                       {QStringLiteral("steps"), Text::tr("Timed steps (default 50)."), QStringLiteral("N")},
                       {QStringLiteral("threads"), Text::tr("Intra-op threads (default: the experiment's)."), QStringLiteral("T")},
                       deviceOption(),
                       precisionOption(),
                       {QStringLiteral("autograd"), Text::tr("Train plain MLPs through autograd, not the hand-written arithmetic (for comparison).")}}
                          + rankOptions(),
                      &code))
        return code;
    Ranks ranks;
    if (!readRanks(parser, &ranks, &code))
        return code;
    if (ranks.processes > 1)
        return launchRanks(QStringLiteral("bench"), args, ranks.processes);
    // One rank of several: every rank steps, rank 0 measures and prints.
    const bool quiet = ranks.quiet();
    ExperimentSpec spec;
    if (!loadExperiment(parser, &spec, &code))
        return code;
    qint64 steps = 50, threads = spec.threads;
    if (!intOption(parser, QStringLiteral("steps"), 1, kNoLimit, &steps, &code)
        || !intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code)
        || !readDevice(parser, &spec.device, &code) || !readPrecision(parser, &spec, &code))
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
    std::shared_ptr<DataParallel> group;
    if (!joinRanks(ranks, *trainer, &group, &code))
        return code;
    constexpr int kWarmupSteps = 5;  // first steps pay for allocation and library start-up
    StepRecord r;
    for (int i = 0; i < kWarmupSteps; ++i)
        if (!trainer->step(&r, &error))
            return fail(error);
    constexpr qint64 kMemoryBaselineStep = 1000;  // after start-up allocations have settled
    double baselineMiB = 0;
    if (group)
        group->resetCollectiveSeconds();
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < steps; ++i) {
        if (!trainer->step(&r, &error))
            return fail(error);
        if (trainer->currentStep() == kMemoryBaselineStep)
            baselineMiB = residentMiB();
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (quiet)
        return kExitOk;
    const double finalMiB = residentMiB();
    const BlasProbe blas = probeBlas(spec.threads, 0.5);
    // The roof of every process together: their threads at once.
    const int world = group ? group->world() : 1;
    const bool bf16 = spec.precision == Precision::Bf16;
    const QString precision = bf16 ? QStringLiteral("bf16") : QStringLiteral("fp32");
    const RoofProbe roof = probeRoof(spec.threads * world, bf16);
    const double gflops = analysis.trainingStepFlops(spec) * steps / seconds / 1e9;
    out() << Text::tr("experiment:        %1 (batch %2, %n thread(s))", nullptr, spec.threads).arg(spec.name).arg(spec.batchSize) << "\n";
    out() << Text::tr("device:            %1, %2").arg(Trainer::deviceName(spec.device), precision) << "\n";
    if (group)
        out() << Text::tr("processes:         %1 (each %2 of the batch, %n thread(s))", nullptr, spec.threads)
                     .arg(group->world())
                     .arg(spec.batchSize / group->world())
              << "\n"
              << Text::tr("collectives:       %1").arg(collectiveShare(*group, seconds)) << "\n";
    out() << Text::tr("steps timed:       %1 after %2 warm-up").arg(steps).arg(kWarmupSteps) << "\n"

          << Text::tr("arithmetic:        %1").arg(trainer->usesFusedMlp() ? Text::tr("hand-written MLP") : Text::tr("autograd")) << "\n"
          << Text::tr("images/s:          %1").arg(QString::number(spec.batchSize * steps / seconds, 'f', 1)) << "\n"
          << Text::tr("steps/s:           %1").arg(QString::number(steps / seconds, 'f', 2)) << "\n"
          << Text::tr("ms per step:       %1").arg(QString::number(1000 * seconds / steps, 'f', 2)) << "\n"
          << Text::tr("achieved GFLOP/s:  %1 (from the spec's FLOP count, forward + backward)").arg(QString::number(gflops, 'f', 2)) << "\n"
          << Text::tr("sgemm GFLOP/s:     %1 (%2)").arg(QString::number(blas.gflops, 'f', 2), blas.library) << "\n"
          << roofLines(roof, bf16, precision, gflops);
    if (baselineMiB > 0)
        out() << Text::tr("resident memory:   %1 MiB at step %2, %3 MiB at step %4 (%5%)")
                     .arg(QString::number(baselineMiB, 'f', 1))
                     .arg(kMemoryBaselineStep)
                     .arg(QString::number(finalMiB, 'f', 1))
                     .arg(trainer->currentStep())
                     .arg(QString::number(100 * (finalMiB - baselineMiB) / baselineMiB, 'f', 2))
              << "\n";
    else
        out() << Text::tr("resident memory:   %1 MiB").arg(QString::number(finalMiB, 'f', 1)) << "\n";
    if (const QString w = blas.warning(); !w.isEmpty())
        out() << w << "\n";
    return kExitOk;
}

}  // namespace cli
