#include "cli.h"

#include "eval/modecoverage.h"
#include "training/rundriver.h"

namespace cli {

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

}  // namespace cli
