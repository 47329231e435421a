#include "cli.h"

#include "io/memorybudget.h"
#include "spec/shapeinference.h"
#include "training/rundriver.h"

namespace cli {

void printNetworkTable(const NetworkSpec &net, const NetworkAnalysis &a)
{
    out() << (a.role == NetworkRole::Generator ? Text::tr("GENERATOR  input %1") : Text::tr("DISCRIMINATOR  input %1"))
                     .arg(shapeToString(a.inShape))
          << "\n";
    out() << QStringLiteral("  %1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("#"), 3).arg(Text::tr("layer"), -16).arg(Text::tr("output"), -16)
                 .arg(Text::tr("parameters"), 12).arg(QStringLiteral("MFLOPs"), 10);
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const LayerAnalysis &l = a.layers[i];
        out() << QStringLiteral("  %1  %2  %3  %4  %5%6\n")
                     .arg(i + 1, 3).arg(layerkind::name(net.layers[i].kind), -16)
                     .arg(l.outShape.empty() ? QStringLiteral("?") : shapeToString(l.outShape), -16)
                     .arg(l.parameters, 12).arg(l.flops / 1e6, 10, 'f', 3)
                     .arg(l.problems.isEmpty() ? QString() : Text::tr("  <- problem"));
    }
    out() << QStringLiteral("  %1  %2  %3  %4  %5\n")
                 .arg(QString(), 3).arg(Text::tr("total"), -16).arg(QString(), -16)
                 .arg(a.parameters, 12).arg(a.flops / 1e6, 10, 'f', 3);
}

int validate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args, {{QStringLiteral("preset"), Text::tr("A built-in experiment."), QStringLiteral("NAME")}, dataOption()},
                      &code))
        return code;
    ExperimentSpec spec;
    if (!loadExperiment(parser, &spec, &code))
        return code;
    ExperimentAnalysis a;
    QStringList problems = runsetup::problems(spec, &a);
    // Data the networks were not made for: the fix first, then the layers' own problems.
    const Shape &made = a.generator.outShape;
    const Shape &given = a.discriminator.inShape;
    if (!problems.isEmpty() && made.size() == 3 && given.size() == 3 && made != given) {
        const QString fix = spec.data.kind == DataKind::ImageFolder && made[1] == made[2]
            ? Text::tr("or set the data's grayscale to %1 and image_size to %2").arg(made[0] == 1 ? QStringLiteral("true") : QStringLiteral("false")).arg(made[1])
            : Text::tr("or choose data of that shape");
        problems.prepend(Text::tr("the data's samples are %1, the generator makes %2: give the data with --data PATH, which fits "
                                  "the networks to it, %3")
                             .arg(shapeToString(given), shapeToString(made), fix));
    }
    const Shape &dataShape = a.discriminator.inShape;  // the data's per-sample shape (empty when unknown)
    out() << Text::tr("experiment %1, data %2 %3, loss %4")
                 .arg(spec.name.isEmpty() ? Text::tr("(unnamed)") : spec.name, specnames::data(spec.data.kind),
                      dataShape.empty() ? QStringLiteral("?") : shapeToString(dataShape), specnames::loss(spec.loss.kind))
          << "\n\n";
    printNetworkTable(spec.generator, a.generator);
    out() << "\n";
    printNetworkTable(spec.discriminator, a.discriminator);
    out() << "\n"
          << Text::tr("per training step (batch %1): %2 GFLOPs, about %3 of memory")
                 .arg(spec.batchSize)
                 .arg(QString::number(a.trainingStepFlops(spec) / 1e9, 'f', 3), memorybudget::describe(a.memoryBytes))
          << "\n";
    for (const QString &w : a.warnings)
        out() << Text::tr("warning: %1").arg(w) << "\n";
    // Several processes (train --nproc N): what they exchange, and what differs from one.
    const double gradientMB = 4.0 * double(a.generator.parameters + a.discriminator.parameters) / 1e6;
    out() << Text::tr("several processes (train --nproc N): %1 MB of gradients averaged across them per step")
                 .arg(QString::number(gradientMB, 'f', 2))
          << "\n";
    bool batchNorm = false;
    for (const NetworkSpec *net : {&spec.generator, &spec.discriminator})
        for (const LayerSpec &l : net->layers)
            batchNorm = batchNorm || l.kind == LayerKind::BatchNorm1d || l.kind == LayerKind::BatchNorm2d;
    if (batchNorm)
        out() << Text::tr("note: with N processes each BatchNorm normalises its process's share of the batch (%1/N samples), as "
                          "PyTorch's DistributedDataParallel does, so such a run differs a little from one process")
                     .arg(spec.batchSize)
              << "\n";
    if (!problems.isEmpty()) {
        out() << "\n" << Text::tr("%n problem(s):", nullptr, int(problems.size())) << "\n";
        for (const QString &p : problems)
            out() << "  - " << p << "\n";
        out().flush();
        return kExitUserError;
    }
    out() << "\n" << Text::tr("valid") << "\n";
    return kExitOk;
}

}  // namespace cli
