#include "cli.h"

#include "io/memorybudget.h"
#include "spec/shapeinference.h"
#include "training/rundriver.h"

namespace cli {

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

int validate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args, {{QStringLiteral("preset"), QStringLiteral("A built-in experiment."), QStringLiteral("NAME")}}, &code))
        return code;
    ExperimentSpec spec;
    if (!loadExperiment(parser, &spec, &code))
        return code;
    ExperimentAnalysis a;
    const QStringList problems = runsetup::problems(spec, &a);
    const Shape &dataShape = a.discriminator.inShape;  // the data's per-sample shape (empty when unknown)
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

}  // namespace cli
