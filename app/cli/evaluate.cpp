#include "cli.h"

#include "eval/divergence.h"
#include "eval/modecoverage.h"
#include "training/rundriver.h"

namespace cli {

namespace {
// Per sample: all of the coverage samples, ten times the lab's (its floor is correspondingly lower).
constexpr int kJsPoints = kCoverageSamples;
}  // namespace

int evaluate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args, {}, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(Text::tr("evaluate needs one RUN_DIR"));
    QString error;
    std::unique_ptr<Trainer> trainer = runsetup::openFolder(parser.positionalArguments()[0], {}, &error);
    if (!trainer)
        return fail(error);
    const Dataset &data = trainer->data();
    if (data.kind != Dataset::Kind::Points)
        return fail(Text::tr("evaluate measures 2D runs (mode coverage and the Jensen-Shannon divergence); this run's "
                                   "data is %1").arg(data.source));
    const SampleBatch batch = trainer->sample(kCoverageSamples, kCoverageSeed);
    out() << Text::tr("run:               %1 (step %2, %3)").arg(parser.positionalArguments()[0]).arg(trainer->currentStep()).arg(data.source)
          << "\n"
          << Text::tr("samples:           %1").arg(batch.count) << "\n";
    if (!data.modes.empty()) {
        const ModeCoverage c = evaluateModeCoverage(batch.points, data.modes, data.modeSigma);
        out() << Text::tr("modes captured:    %1 of %2").arg(c.captured).arg(c.modes) << "\n"
              << Text::tr("high quality:      %1% (within 3 sigma = %2 of a mode)")
                     .arg(QString::number(100.0 * c.highQualityFraction, 'f', 2))
                     .arg(data.modeSigma * 3)
              << "\n"
              << Text::tr("reverse KL:        %1").arg(QString::number(c.reverseKL, 'f', 4)) << "\n";
    }
    // The 2D lab's estimate, on more points: its bias (the noise floor) shrinks with the sample.
    const auto [lo, hi] = divergence::viewAround(data.points);
    const divergence::Estimate e = divergence::againstReal(data.points, batch.points, kJsPoints, lo, hi);
    if (e.js >= 0)
        out() << Text::tr("Jensen-Shannon:    %1 bits (noise floor %2; %3 points each on a 32x32 histogram over [%4, %5]^2)")
                     .arg(QString::number(e.js, 'f', 4), QString::number(e.floor, 'f', 4))
                     .arg(e.points)
                     .arg(QString::number(lo, 'g', 3), QString::number(hi, 'g', 3))
              << "\n";
    return kExitOk;
}

}  // namespace cli
