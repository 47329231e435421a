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
        return usage(QStringLiteral("evaluate needs one RUN_DIR"));
    QString error;
    std::unique_ptr<Trainer> trainer = runsetup::openFolder(parser.positionalArguments()[0], {}, &error);
    if (!trainer)
        return fail(error);
    const Dataset &data = trainer->data();
    if (data.kind != Dataset::Kind::Points)
        return fail(QStringLiteral("evaluate measures 2D runs (mode coverage and the Jensen-Shannon divergence); this run's "
                                   "data is %1").arg(data.source));
    const SampleBatch batch = trainer->sample(kCoverageSamples, kCoverageSeed);
    out() << "run:               " << parser.positionalArguments()[0] << " (step " << trainer->currentStep() << ", " << data.source << ")\n"
          << "samples:           " << batch.count << "\n";
    if (!data.modes.empty()) {
        const ModeCoverage c = evaluateModeCoverage(batch.points, data.modes, data.modeSigma);
        out() << "modes captured:    " << c.captured << " of " << c.modes << "\n"
              << "high quality:      " << QString::number(100.0 * c.highQualityFraction, 'f', 2) << "% (within 3 sigma = "
              << data.modeSigma * 3 << " of a mode)\n"
              << "reverse KL:        " << QString::number(c.reverseKL, 'f', 4) << "\n";
    }
    // The 2D lab's estimate, on more points: its bias (the noise floor) shrinks with the sample.
    const auto [lo, hi] = divergence::viewAround(data.points);
    const divergence::Estimate e = divergence::againstReal(data.points, batch.points, kJsPoints, lo, hi);
    if (e.js >= 0)
        out() << "Jensen-Shannon:    " << QString::number(e.js, 'f', 4) << " bits (noise floor " << QString::number(e.floor, 'f', 4)
              << "; " << e.points << " points each on a 32x32 histogram over [" << QString::number(lo, 'g', 3) << ", "
              << QString::number(hi, 'g', 3) << "]^2)\n";
    return kExitOk;
}

}  // namespace cli
