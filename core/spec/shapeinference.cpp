#include "shapeinference.h"

#include "io/memorybudget.h"
#include "losskinds.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace {
template <typename Int>
QString joined(const std::vector<Int> &dims)
{
    QStringList parts;
    for (Int d : dims)
        parts << QString::number(d);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

QString shapeToString(const Shape &shape)
{
    return QLatin1Char('[') + joined(shape) + QLatin1Char(']');
}

QString dimsText(const std::vector<int> &dims)
{
    return joined(dims);
}

namespace {

// The problem sentences: whole sentences with arguments, so that each language orders them its
// own way ("%1" is the layer: "generator layer 4 (ConvTranspose2d)").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ShapeInference)
};

// Saturates instead of overflowing: absurd shapes from a file stay absurd, not negative.
std::int64_t product(const Shape &s)
{
    std::int64_t p = 1;
    for (std::int64_t d : s)
        if (__builtin_mul_overflow(p, d, &p))
            return std::numeric_limits<std::int64_t>::max();
    return p;
}

// Copies of each weight that training keeps: the weight, its gradient and the optimiser's state.
double trainingCopies(const OptimizerSpec &o)
{
    double optimizerState = 0;
    switch (o.kind) {
    case OptimizerKind::Adam:
        optimizerState = 2;  // both moments
        break;
    case OptimizerKind::SGD:
        optimizerState = o.momentum > 0 ? 1 : 0;
        break;
    case OptimizerKind::RMSprop:
        optimizerState = o.momentum > 0 ? 2 : 1;
        break;
    }
    return 2 + optimizerState;
}

// Adds memory problems to the layers that cause them; returns the network's training memory.
double checkMemory(NetworkAnalysis &n, const NetworkSpec &spec, double copies, double passes, int batch, double budget)
{
    constexpr double kFloatBytes = 4;
    constexpr double kBackwardFactor = 2;  // each saved activation gets a gradient of its size
    double total = 0;
    for (size_t i = 0; i < n.layers.size(); ++i) {
        LayerAnalysis &a = n.layers[i];
        const double weights = kFloatBytes * double(a.parameters) * copies;
        const double activations = a.outShape.empty() ? 0 : kFloatBytes * double(product(a.outShape)) * batch * passes * kBackwardFactor;
        total += weights + activations;
        const QString who = ShapeInference::layerName(n.role, int(i), spec.layers[i].kind);
        QString problem;
        if (weights > budget)
            problem = Text::tr("%1 has %2 parameters: training it needs about %3 of memory, more than the %4 this "
                                     "process can use; make it smaller")
                          .arg(who).arg(a.parameters).arg(memorybudget::describe(weights), memorybudget::describe(budget));
        else if (activations > budget)
            problem = Text::tr("%1 outputs %2 per sample: for a batch of %3 that needs about %4 of memory, more than "
                                     "the %5 this process can use; make it or the batch smaller")
                          .arg(who, shapeToString(a.outShape)).arg(batch)
                          .arg(memorybudget::describe(activations), memorybudget::describe(budget));
        if (!problem.isEmpty()) {
            a.problems << problem;
            n.problems << problem;
        }
    }
    return total;
}

QString intsToString(const std::vector<int> &v)
{
    return QLatin1Char('[') + dimsText(v) + QLatin1Char(']');
}

// Analyses one layer given its input; `out` stays empty when the output cannot be known.
void analyzeLayer(const LayerSpec &l, const Shape &in, LayerAnalysis &a, const QString &who)
{
    a.inShape = in;
    auto problem = [&](const QString &sentence) { a.problems << sentence; };
    const bool known = !in.empty();
    const std::int64_t numel = known ? product(in) : 0;

    switch (l.kind) {
    case LayerKind::Linear: {
        if (l.inFeatures < 1 || l.outFeatures < 1) {
            problem(Text::tr("%1 needs at least 1 input and 1 output feature").arg(who));
            return;
        }
        a.parameters = std::int64_t(l.inFeatures) * l.outFeatures + (l.bias ? l.outFeatures : 0);
        if (known && in.back() != l.inFeatures)
            problem(in.size() > 1 ? Text::tr("%1 gets %2 features but expects %3 (its input is %4: add a Flatten before it?)")
                                        .arg(who).arg(in.back()).arg(l.inFeatures).arg(shapeToString(in))
                                  : Text::tr("%1 gets %2 features but expects %3").arg(who).arg(in.back()).arg(l.inFeatures));
        Shape out = known ? in : Shape{l.inFeatures};
        out.back() = l.outFeatures;
        a.outShape = out;
        a.flops = double(product(out) / l.outFeatures) * (2.0 * l.inFeatures * l.outFeatures + (l.bias ? l.outFeatures : 0));
        return;
    }
    case LayerKind::Conv2d:
    case LayerKind::ConvTranspose2d: {
        const bool transposed = l.kind == LayerKind::ConvTranspose2d;
        if (l.inChannels < 1 || l.outChannels < 1 || l.kernel < 1 || l.stride < 1 || l.padding < 0) {
            problem(Text::tr("%1 needs positive channels, kernel and stride, and a padding of 0 or more").arg(who));
            return;
        }
        if (transposed && (l.outputPadding < 0 || l.outputPadding >= l.stride)) {
            problem(Text::tr("%1 has output padding %2, but it must be smaller than the stride (%3)")
                        .arg(who).arg(l.outputPadding).arg(l.stride));
            return;
        }
        a.parameters = product({l.inChannels, l.outChannels, l.kernel, l.kernel, 1});
        if (l.bias && a.parameters < std::numeric_limits<std::int64_t>::max() - l.outChannels)
            a.parameters += l.outChannels;
        if (!known)
            return;
        if (in.size() != 3) {
            problem(in.size() == 1 ? Text::tr("%1 needs an image input [channels, height, width] but gets %2 (add a Reshape before it)")
                                         .arg(who, shapeToString(in))
                                   : Text::tr("%1 needs an image input [channels, height, width] but gets %2").arg(who, shapeToString(in)));
            return;
        }
        if (in[0] != l.inChannels)
            problem(Text::tr("%1 gets %2 channels but expects %3").arg(who).arg(in[0]).arg(l.inChannels));
        std::int64_t h, w;
        if (transposed) {
            h = (in[1] - 1) * l.stride - 2 * l.padding + l.kernel + l.outputPadding;
            w = (in[2] - 1) * l.stride - 2 * l.padding + l.kernel + l.outputPadding;
        } else {
            h = (in[1] + 2 * l.padding - l.kernel) / l.stride + 1;
            w = (in[2] + 2 * l.padding - l.kernel) / l.stride + 1;
            if (in[1] + 2 * l.padding < l.kernel || in[2] + 2 * l.padding < l.kernel)
                h = w = 0;
        }
        if (h < 1 || w < 1) {
            problem(Text::tr("%1 gets a %2x%3 image, too small for kernel %4 with padding %5")
                        .arg(who).arg(in[1]).arg(in[2]).arg(l.kernel).arg(l.padding));
            return;
        }
        a.outShape = {l.outChannels, h, w};
        const double spatial = transposed ? double(in[1] * in[2]) : double(h * w);
        a.flops = 2.0 * l.inChannels * l.outChannels * l.kernel * l.kernel * spatial
            + (l.bias ? double(l.outChannels * h * w) : 0.0);
        return;
    }
    case LayerKind::Upsample:
        if (l.scale < 1) {
            problem(Text::tr("%1 needs a scale of at least 1").arg(who));
            return;
        }
        if (!known)
            return;
        if (in.size() != 3) {
            problem(Text::tr("%1 needs an image input [channels, height, width] but gets %2").arg(who, shapeToString(in)));
            return;
        }
        a.outShape = {in[0], in[1] * l.scale, in[2] * l.scale};
        a.flops = double(product(a.outShape)) * (l.mode == UpsampleMode::Bilinear ? 8.0 : 0.0);
        return;
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d: {
        const bool twoD = l.kind == LayerKind::BatchNorm2d;
        if (l.numFeatures < 1) {
            problem(Text::tr("%1 needs at least 1 feature").arg(who));
            return;
        }
        a.parameters = 2 * std::int64_t(l.numFeatures);
        if (!known)
            return;
        if (twoD && in.size() != 3) {
            problem(Text::tr("%1 needs an image input [channels, height, width] but gets %2 (use BatchNorm1d for vectors)")
                        .arg(who, shapeToString(in)));
            return;
        }
        if (!twoD && in.size() != 1 && in.size() != 2) {
            problem(Text::tr("%1 needs a vector input but gets %2 (use BatchNorm2d for images)").arg(who, shapeToString(in)));
            return;
        }
        if (in[0] != l.numFeatures)
            problem((twoD ? Text::tr("%1 gets %2 channels but expects %3") : Text::tr("%1 gets %2 features but expects %3"))
                        .arg(who).arg(in[0]).arg(l.numFeatures));
        a.outShape = in;
        a.flops = 4.0 * numel;
        return;
    }
    case LayerKind::InstanceNorm2d:
        if (l.numFeatures < 1) {
            problem(Text::tr("%1 needs at least 1 feature").arg(who));
            return;
        }
        a.parameters = 2 * std::int64_t(l.numFeatures);  // a scale and a shift per channel
        if (!known)
            return;
        if (in.size() != 3) {
            problem(Text::tr("%1 needs an image input [channels, height, width] but gets %2 (use LayerNorm for vectors)")
                        .arg(who, shapeToString(in)));
            return;
        }
        if (in[0] != l.numFeatures)
            problem(Text::tr("%1 gets %2 channels but expects %3").arg(who).arg(in[0]).arg(l.numFeatures));
        a.outShape = in;
        a.flops = 8.0 * numel;  // mean and variance per image and channel, then normalise, scale, shift
        return;
    case LayerKind::LayerNorm: {
        if (l.normalizedShape.empty()) {
            problem(Text::tr("%1 needs the shape it normalises").arg(who));
            return;
        }
        a.parameters = product({2, product(Shape(l.normalizedShape.begin(), l.normalizedShape.end()))});
        if (!known)
            return;
        bool matches = in.size() >= l.normalizedShape.size();
        for (size_t i = 0; matches && i < l.normalizedShape.size(); ++i)
            matches = in[in.size() - l.normalizedShape.size() + i] == l.normalizedShape[i];
        if (!matches)
            problem(Text::tr("%1 normalises the trailing shape %2 but gets %3")
                        .arg(who, intsToString(l.normalizedShape), shapeToString(in)));
        a.outShape = in;
        a.flops = 8.0 * numel;
        return;
    }
    case LayerKind::Dropout:
        if (l.p < 0 || l.p >= 1)
            problem(Text::tr("%1 needs a drop probability from 0 to below 1").arg(who));
        a.outShape = in;
        a.flops = known ? double(numel) : 0;
        return;
    case LayerKind::ReLU:
    case LayerKind::LeakyReLU:
    case LayerKind::ELU:
    case LayerKind::Tanh:
    case LayerKind::Sigmoid:
        a.outShape = in;
        a.flops = known ? double(numel) : 0;
        return;
    case LayerKind::Flatten:
        if (known)
            a.outShape = {numel};
        return;
    case LayerKind::Reshape: {
        if (l.shape.empty()) {
            problem(Text::tr("%1 needs a target shape").arg(who));
            return;
        }
        const Shape target(l.shape.begin(), l.shape.end());
        if (known && product(target) != numel) {
            problem(Text::tr("%1 gets %2 values per sample %3 but its shape %4 holds %5")
                        .arg(who).arg(numel).arg(shapeToString(in), shapeToString(target)).arg(product(target)));
        }
        a.outShape = target;
        return;
    }
    }
}

}  // namespace

QString ShapeInference::layerName(NetworkRole role, int index, LayerKind kind)
{
    return (role == NetworkRole::Generator ? Text::tr("generator layer %1 (%2)") : Text::tr("discriminator layer %1 (%2)"))
        .arg(index + 1)
        .arg(layerkind::name(kind));
}

NetworkAnalysis ShapeInference::analyzeNetwork(const NetworkSpec &network, NetworkRole role, const Shape &input)
{
    NetworkAnalysis n;
    n.role = role;
    n.inShape = input;
    Shape current = input;
    for (size_t i = 0; i < network.layers.size(); ++i) {
        const LayerSpec &layer = network.layers[i];
        LayerAnalysis a;
        analyzeLayer(layer, current, a, layerName(role, int(i), layer.kind));
        n.parameters += a.parameters;
        n.flops += a.flops;
        n.problems << a.problems;
        current = a.outShape;
        n.layers.push_back(std::move(a));
    }
    n.outShape = current;
    if (network.layers.empty())
        n.problems << (role == NetworkRole::Generator ? Text::tr("the generator has no layers") : Text::tr("the discriminator has no layers"));
    return n;
}

Shape ShapeInference::generatorInput(const ExperimentSpec &spec)
{
    return Shape{std::int64_t(spec.latentDim) + (spec.conditioning.enabled() ? spec.conditioning.embedding : 0)};
}

Shape ShapeInference::discriminatorInput(const ExperimentSpec &spec, const Shape &dataShape)
{
    Shape in = dataShape;
    if (spec.conditioning.kind == ConditioningKind::Concat && !in.empty())
        in[0] += spec.conditioning.classes;
    return in;
}

ExperimentAnalysis ShapeInference::analyze(const ExperimentSpec &spec, const Shape &dataShape, std::int64_t memoryBudget)
{
    ExperimentAnalysis e;
    const ConditioningSpec &c = spec.conditioning;
    // A conditional generator takes z joined with the label's embedding; a concat discriminator
    // the data with one channel (feature) per class.
    std::optional<LabelBlock> gLabel, dLabel;
    const Shape dInput = discriminatorInput(spec, dataShape);
    if (c.enabled()) {
        gLabel = LabelBlock{Text::tr("label embedding"), Shape{c.classes}, generatorInput(spec),
                            std::int64_t(c.classes) * c.embedding, 0};
        if (c.kind == ConditioningKind::Concat && !dataShape.empty())
            dLabel = LabelBlock{Text::tr("label channels"), Shape{c.classes}, dInput, 0, 0};
    }
    e.generator = analyzeNetwork(spec.generator, NetworkRole::Generator, generatorInput(spec));
    e.discriminator = analyzeNetwork(spec.discriminator, NetworkRole::Discriminator, dInput);

    NetworkAnalysis &g = e.generator;
    NetworkAnalysis &d = e.discriminator;
    const bool headReadsFeatures = c.kind == ConditioningKind::Projection || c.kind == ConditioningKind::Auxiliary;
    if (headReadsFeatures && !spec.discriminator.layers.empty()) {
        const LayerSpec &last = spec.discriminator.layers.back();
        if (last.kind != LayerKind::Linear || last.outFeatures != 1) {
            d.problems << Text::tr("%1 conditioning reads the features that the discriminator's last layer takes, so the "
                                   "discriminator must end in a Linear layer with 1 output (it ends in %2)")
                              .arg(specnames::conditioning(c.kind), layerkind::name(last.kind));
        } else {
            const std::int64_t f = last.inFeatures;
            // The engine projects onto every class's embedding at once and picks the asked one
            // (ClassHead): the cost is of all of them.
            if (c.kind == ConditioningKind::Projection)
                dLabel = LabelBlock{Text::tr("projection"), Shape{f}, Shape{1}, std::int64_t(c.classes) * f,
                                    2.0 * double(f) * c.classes};
            else
                dLabel = LabelBlock{Text::tr("class head"), Shape{f}, Shape{c.classes}, std::int64_t(c.classes) * (f + 1),
                                    2.0 * double(f) * c.classes};
        }
    }
    for (auto [network, block] : {std::pair{&g, &gLabel}, std::pair{&d, &dLabel}}) {
        network->label = *block;
        if (*block) {
            network->parameters += (*block)->parameters;
            network->flops += (*block)->flops;
        }
    }
    // Memory, before anything is allocated: what one layer needs alone, then the whole run.
    // G keeps an EMA copy and a published copy for the window besides its training copies; D
    // sees a real and a fake batch per update.
    const double budget = double(memoryBudget >= 0 ? memoryBudget : memorybudget::availableBytes());
    const int batch = std::max(1, spec.batchSize);
    const double gCopies = trainingCopies(spec.optimizerG) + (spec.emaDecay > 0 ? 1 : 0) + 1;
    e.memoryBytes = checkMemory(g, spec.generator, gCopies, 1, batch, budget)
        + checkMemory(d, spec.discriminator, trainingCopies(spec.optimizerD), 2, batch, budget);
    // The fixed-noise sample grid is one more generator pass, forward only, of 64 samples.
    constexpr double kGridSamples = 64, kFloatBytes = 4;
    for (const LayerAnalysis &a : g.layers)
        if (!a.outShape.empty())
            e.memoryBytes += kFloatBytes * kGridSamples * double(product(a.outShape));
    if (g.problems.isEmpty() && d.problems.isEmpty() && e.memoryBytes > budget)
        e.problems << Text::tr("training this experiment needs about %1 of memory (weights, optimiser state, the "
                                     "activations of a batch of %2 and the sample grid), more than the %3 this process can use; make the layers "
                                     "or the batch smaller")
                          .arg(memorybudget::describe(e.memoryBytes)).arg(batch).arg(memorybudget::describe(budget));
    if (!spec.generator.layers.empty() && !g.outShape.empty() && !dataShape.empty() && g.outShape != dataShape)
        g.problems << Text::tr("the generator produces %1 per sample but the data samples are %2; "
                                     "its last layers must produce the data's shape")
                          .arg(shapeToString(g.outShape), shapeToString(dataShape));
    if (!spec.discriminator.layers.empty() && !d.outShape.empty() && d.outShape != Shape{1})
        d.problems << (d.outShape.size() == 1
                           ? Text::tr("the discriminator ends with %1 per sample but must end in one score per sample (add Linear(%2, 1))")
                                 .arg(shapeToString(d.outShape))
                                 .arg(d.outShape[0])
                           : Text::tr("the discriminator ends with %1 per sample but must end in one score per sample (add Flatten "
                                      "and a Linear with 1 output)")
                                 .arg(shapeToString(d.outShape)));

    const bool dEndsInSigmoid = !spec.discriminator.layers.empty()
        && spec.discriminator.layers.back().kind == LayerKind::Sigmoid;
    if (dEndsInSigmoid && losskind::info(spec.loss.kind).rawScores)
        d.problems << Text::tr("the discriminator ends in Sigmoid, but the %1 loss needs raw, unbounded scores; remove the Sigmoid")
                          .arg(specnames::loss(spec.loss.kind));
    auto hasBatchNorm1d = [](const NetworkSpec &n) {
        for (const LayerSpec &l : n.layers)
            if (l.kind == LayerKind::BatchNorm1d)
                return true;
        return false;
    };
    if (spec.batchSize < 2 && (hasBatchNorm1d(spec.generator) || hasBatchNorm1d(spec.discriminator)))
        e.problems << Text::tr("BatchNorm1d needs a batch of at least 2 samples; raise the batch size");
    if (spec.latentDim < 1)
        e.problems << Text::tr("the latent size must be at least 1");
    if (spec.batchSize < 1 || spec.dStepsPerG < 1 || spec.threads < 1 || spec.steps < 1)
        e.problems << Text::tr("batch size, D steps per G step, threads and steps must each be at least 1");

    e.problems = g.problems + d.problems + e.problems;

    if (!spec.isTwoDimensional() && !spec.generator.layers.empty()
        && spec.generator.layers.back().kind != LayerKind::Tanh)
        e.warnings << Text::tr("the generator does not end in Tanh, but images are scaled to [-1, 1]");
    if (losskind::info(spec.loss.kind).gradientPenalty) {
        for (const LayerSpec &l : spec.discriminator.layers)
            if (l.kind == LayerKind::BatchNorm1d || l.kind == LayerKind::BatchNorm2d) {
                e.warnings << Text::tr("WGAN-GP penalises per-sample gradients; BatchNorm in the discriminator "
                                             "mixes samples (LayerNorm is the usual choice)");
                break;
            }
    }
    return e;
}

double ExperimentAnalysis::trainingStepFlops(const ExperimentSpec &spec) const
{
    // As the trainer runs a step; a backward pass costs about twice its forward (input and
    // weight gradients). Penalty passes (R1, WGAN-GP) are not counted.
    const double b = spec.batchSize;
    const double gf = generator.flops * b;
    const double df = discriminator.flops * b;
    // Per D update: G forward for the fakes, D forward + backward on the real and on the fake batch.
    const double dUpdate = gf + 2 * 3 * df;
    // G update reuses the last D update's fakes: D forward + input-only backward (about one
    // forward), then G backward.
    const double gUpdate = 2 * df + 2 * gf;
    return spec.dStepsPerG * dUpdate + gUpdate;
}
