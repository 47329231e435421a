#include "latentdirections.h"

#include "eval/evalclassifier.h"
#include "training/errortext.h"
#include "training/generatorcopy_p.h"
#include "training/seededsamples_p.h"

#include "nn/torchmodules_p.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QCoreApplication>

#include <cmath>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LatentDirections)
};

using latentdirections::Direction;
using latentdirections::Method;
using latentdirections::Options;
using latentdirections::Result;

constexpr int kPcaSamples = 100000;
constexpr int kClassSamples = 5000;
constexpr int kBatch = 1000;
constexpr int kPowerPasses = 4;  // subspace iterations (the first also finds the mean)
constexpr int kOversampling = 10;
constexpr int kMinClassSamples = 20;

struct Cancelled {};

// The output of the first `upTo` + 1 layers for the latent vectors `z`, one row per vector.
torch::Tensor forwardTo(torch::nn::Sequential &net, int upTo, torch::Tensor x)
{
    const std::int64_t n = x.size(0);
    x = x.to(networkDevice(net));
    auto it = net->begin();
    // A conditional generator: the directions are of z, found with the label held at class 0
    // (the label embedding is a constant of z; a SeFa layer's response to z is the same for all).
    if (const auto *label = it->ptr()->as<LabelEmbeddingImpl>()) {
        const torch::Tensor y = torch::zeros({n, label->weight.size(0)}, x.options());
        y.select(1, 0).fill_(1);
        x = it->forward(torch::cat({x, y}, 1));
        ++it;
    }
    for (int i = 0; i <= upTo; ++i, ++it)
        x = it->forward(x);
    return x.reshape({n, -1}).to(torch::kCPU);
}

// Unit columns with a fixed sign (the largest entry positive), so results are reproducible.
torch::Tensor unitColumns(torch::Tensor v)
{
    v = v / v.norm(2, 0, true).clamp_min(1e-12);
    const torch::Tensor biggest = v.abs().argmax(0);
    const torch::Tensor sign = v.gather(0, biggest.unsqueeze(0)).sign();
    return v * torch::where(sign == 0, torch::ones_like(sign), sign);
}

std::vector<Direction> columnsAsDirections(const torch::Tensor &columns, const torch::Tensor &values)
{
    const torch::Tensor v = columns.to(torch::kFloat).t().contiguous();  // one row per direction
    std::vector<Direction> out(size_t(v.size(0)));
    for (std::int64_t k = 0; k < v.size(0); ++k) {
        const float *row = v[k].data_ptr<float>();
        out[size_t(k)].vector.assign(row, row + v.size(1));
        out[size_t(k)].value = values.defined() ? values[k].item<double>() : 0.0;
    }
    return out;
}

void sefa(const GeneratorCopy &copy, const Options &options, Result &result)
{
    const std::vector<LayerSpec> &layers = copy.spec().generator.layers;
    int first = -1;
    for (size_t i = 0; i < layers.size(); ++i) {
        if (layerkind::hasWeights(layers[i].kind)) {
            first = int(i);
            break;
        }
        if (layers[i].kind != LayerKind::Reshape && layers[i].kind != LayerKind::Flatten) {
            result.error = Text::tr("SeFa needs the latent vector to go straight into a Linear or convolution layer, but "
                                    "layer %1 (%2) comes first; use PCA instead")
                               .arg(layers[i].id, layerkind::name(layers[i].kind));
            return;
        }
    }
    if (first < 0) {
        result.error = Text::tr("the generator has no Linear or convolution layer for SeFa to read");
        return;
    }
    result.layer = layers[size_t(first)].id;
    const int d = copy.latentDim();
    torch::Tensor a;
    // The layer is linear in z: its output for the unit vectors, less its output for 0, are
    // A's columns, whatever the layer's weight layout or spectral normalisation.
    const bool built = withGeneratorNetwork(copy, [&](torch::nn::Sequential &net) {
        torch::NoGradGuard noGrad;
        const torch::Tensor basis = torch::cat({torch::zeros({1, d}), torch::eye(d)});
        const torch::Tensor out = forwardTo(net, first, basis).to(torch::kDouble);
        a = (out.slice(0, 1) - out[0]).t();  // output units x d
    }, &result.error);
    if (!built)
        return;
    a = a / a.norm(2, 1, true).clamp_min(1e-12);  // each output unit's weight vector
    auto [values, vectors] = at::linalg_eigh(a.t().mm(a), "L");  // ascending
    const std::int64_t k = std::min<std::int64_t>(options.count, d);
    values = values.flip(0).slice(0, 0, k);
    vectors = unitColumns(vectors.flip(1).slice(1, 0, k));
    result.directions = columnsAsDirections(vectors, values);
}

torch::Tensor orthonormal(torch::Tensor y) { return std::get<0>(torch::linalg_qr(y, "reduced")); }

void pca(const GeneratorCopy &copy, const Options &options, const ProgressFn &progress, const std::atomic<bool> *cancel, Result &result)
{
    const NetworkSpec &g = copy.spec().generator;
    result.layer = options.layer.isEmpty() ? latentdirections::defaultPcaLayer(g) : options.layer;
    const int layer = g.indexOfId(result.layer);
    if (layer < 0) {
        result.error = Text::tr("the generator has no layer \"%1\"").arg(result.layer);
        return;
    }
    const int d = copy.latentDim();
    const int n = options.samples > 0 ? options.samples : kPcaSamples;
    const int k = std::min(options.count, d);
    result.samples = n;
    const LatentPrior prior = copy.spec().prior;
    const int passes = kPowerPasses + 1;
    int passDone = 0;
    // One pass over the same n latent vectors (drawn again from the seed each time), batch by
    // batch, so that a cancel is seen soon.
    QString buildError;
    auto pass = [&](const std::function<void(const torch::Tensor &z, const torch::Tensor &x)> &each) {
        at::Generator rng = at::make_generator<at::CPUGeneratorImpl>(options.seed);
        for (int first = 0; first < n; first += kBatch) {
            if (cancel && cancel->load())
                throw Cancelled();
            const int b = std::min(kBatch, n - first);
            const torch::Tensor z = seededsamples::noise(b, d, prior, rng);
            torch::Tensor x;
            const bool built = withGeneratorNetwork(copy, [&](torch::nn::Sequential &net) {
                torch::NoGradGuard noGrad;
                x = forwardTo(net, layer, z).to(torch::kDouble);
            }, &buildError);
            if (!built)
                throw std::runtime_error(buildError.toStdString());
            each(z.to(torch::kDouble), x);
            if (progress)
                progress((passDone + double(first + b) / n) / passes);
        }
        ++passDone;
    };
    torch::Tensor sum, sumSquares, cq, q;
    // Pass 1: the mean, the total variance, and C·Q for a random Q (C·Q = E[x xᵀ]Q - μ μᵀQ).
    pass([&](const torch::Tensor &, const torch::Tensor &x) {
        if (!q.defined()) {
            at::Generator rng = at::make_generator<at::CPUGeneratorImpl>(options.seed + 1);
            const std::int64_t columns = std::min<std::int64_t>(k + kOversampling, x.size(1));
            q = orthonormal(torch::randn({x.size(1), columns}, rng, torch::kDouble));
            sum = torch::zeros({x.size(1)}, torch::kDouble);
            sumSquares = torch::zeros({}, torch::kDouble);
            cq = torch::zeros_like(q);
        }
        sum += x.sum(0);
        sumSquares += x.pow(2).sum();
        cq += x.t().mm(x.mm(q));
    });
    const torch::Tensor mean = sum / n;
    result.totalVariance = (sumSquares / n - mean.pow(2).sum()).item<double>();
    cq = cq / n - mean.unsqueeze(1).mm(mean.unsqueeze(0).mm(q));
    for (int i = 1; i < kPowerPasses; ++i) {
        q = orthonormal(cq);
        cq = torch::zeros_like(q);
        pass([&](const torch::Tensor &, const torch::Tensor &x) {
            const torch::Tensor centred = x - mean;
            cq += centred.t().mm(centred.mm(q));
        });
        cq /= n;
    }
    // Rayleigh-Ritz on the last subspace: the components and their variances.
    auto [values, w] = at::linalg_eigh(q.t().mm(cq), "L");
    const std::int64_t kept = std::min<std::int64_t>(k, values.size(0));
    values = values.flip(0).slice(0, 0, kept);
    const torch::Tensor components = q.mm(w.flip(1).slice(1, 0, kept));  // features x kept
    // The last pass: least squares z ≈ V x over the samples' coordinates x.
    torch::Tensor xtx = torch::zeros({kept, kept}, torch::kDouble), xtz = torch::zeros({kept, d}, torch::kDouble);
    pass([&](const torch::Tensor &z, const torch::Tensor &x) {
        const torch::Tensor coords = (x - mean).mm(components);
        xtx += coords.t().mm(coords);
        xtz += coords.t().mm(z);
    });
    const torch::Tensor v = torch::linalg_solve(xtx, xtz).t();  // d x kept
    result.directions = columnsAsDirections(unitColumns(v), values);
}

void random(const GeneratorCopy &copy, const Options &options, Result &result)
{
    const int d = copy.latentDim();
    at::Generator rng = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const torch::Tensor q = orthonormal(torch::randn({d, std::min(options.count, d)}, rng, torch::kDouble));
    result.directions = columnsAsDirections(unitColumns(q), torch::Tensor());
}

void classes(const GeneratorCopy &copy, const Options &options, const ProgressFn &progress, const std::atomic<bool> *cancel,
             Result &result)
{
    if (!options.classifier || options.classifier->info().classes < 2) {
        result.error = Text::tr("class directions need labelled images: the data has no classes for the classifier to learn");
        return;
    }
    const int d = copy.latentDim();
    const int n = options.samples > 0 ? options.samples : kClassSamples;
    const int classCount = options.classifier->info().classes;
    result.samples = n;
    at::Generator rng = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const torch::Tensor z = seededsamples::noise(n, d, copy.spec().prior, rng).contiguous();
    std::vector<std::int64_t> labels;
    labels.reserve(size_t(n));
    for (int first = 0; first < n; first += kBatch) {
        if (cancel && cancel->load())
            throw Cancelled();
        const int b = std::min(kBatch, n - first);
        const float *begin = z.data_ptr<float>() + std::int64_t(first) * d;
        const SampleBatch samples = copy.generate(std::vector<float>(begin, begin + std::int64_t(b) * d), b, &result.error);
        if (samples.count == 0)
            return;
        std::vector<float> probabilities;
        options.classifier->measure(samples, nullptr, &probabilities);
        const torch::Tensor p = torch::from_blob(probabilities.data(), {b, classCount}, torch::kFloat);
        const torch::Tensor best = p.argmax(1);
        for (int i = 0; i < b; ++i)
            labels.push_back(best[i].item<std::int64_t>());
        if (progress)
            progress(0.5 * (first + b) / n);
    }
    const torch::Tensor y = torch::tensor(labels);
    torch::AutoGradMode gradients(true);
    for (int c = 0; c < classCount; ++c) {
        if (cancel && cancel->load())
            throw Cancelled();
        const QString name = c < options.classNames.size() ? options.classNames[c] : QString::number(c);
        const torch::Tensor target = (y == c).to(torch::kFloat);
        const int positives = int(target.sum().item<double>());
        if (positives < kMinClassSamples || n - positives < kMinClassSamples) {
            result.notes << Text::tr("%1: %2 of %3 samples were classified as it, too few for a boundary").arg(name).arg(positives).arg(n);
            continue;
        }
        // Class-balanced, lightly regularised logistic regression on z.
        const torch::Tensor weight = torch::where(target > 0.5f, torch::full_like(target, 0.5f / positives),
                                                  torch::full_like(target, 0.5f / (n - positives)));
        torch::Tensor w = torch::zeros({d}, torch::requires_grad());
        torch::Tensor bias = torch::zeros({1}, torch::requires_grad());
        torch::optim::Adam optimiser({w, bias}, torch::optim::AdamOptions(0.05));
        for (int iteration = 0; iteration < 300; ++iteration) {
            optimiser.zero_grad();
            const torch::Tensor logits = z.mv(w) + bias;
            const torch::Tensor loss = (weight * torch::binary_cross_entropy_with_logits(logits, target, {}, {}, at::Reduction::None)).sum()
                                       + 1e-3 * w.pow(2).sum();
            loss.backward();
            optimiser.step();
        }
        torch::NoGradGuard noGrad;
        const torch::Tensor predicted = (z.mv(w) + bias) > 0;
        const double truePositive = (predicted & (target > 0.5f)).sum().item<double>() / positives;
        const double trueNegative = (~predicted & (target < 0.5f)).sum().item<double>() / (n - positives);
        Direction direction;
        const torch::Tensor unit = (w / w.norm().clamp_min(1e-12)).contiguous();
        direction.vector.assign(unit.data_ptr<float>(), unit.data_ptr<float>() + d);
        direction.value = 0.5 * (truePositive + trueNegative);
        direction.classIndex = c;
        direction.className = name;
        direction.classCount = positives;
        result.directions.push_back(std::move(direction));
        if (progress)
            progress(0.5 + 0.5 * (c + 1) / classCount);
    }
    if (result.directions.empty())
        result.error = Text::tr("no class was made often enough for a boundary; train the generator longer");
}

// Moves the same random z one spread along each direction and measures how much the samples
// change: the same yardstick for every method.
void measureEffects(const GeneratorCopy &copy, const Options &options, Result &result)
{
    const int d = copy.latentDim();
    const int n = std::max(1, options.effectSamples);
    at::Generator rng = at::make_generator<at::CPUGeneratorImpl>(options.seed + 2);
    const torch::Tensor z = seededsamples::noise(n, d, copy.spec().prior, rng).contiguous();
    const std::vector<float> base(z.data_ptr<float>(), z.data_ptr<float>() + std::int64_t(n) * d);
    const SampleBatch before = copy.generate(base, n);
    if (before.count == 0)
        return;
    for (Direction &direction : result.directions) {
        std::vector<float> moved = base;
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < d; ++j)
                moved[size_t(i) * size_t(d) + size_t(j)] += float(result.spread) * direction.vector[size_t(j)];
        const SampleBatch after = copy.generate(moved, n);
        if (after.count != n)
            return;
        double total = 0;
        if (before.isImages()) {
            const size_t per = before.pixels.size() / size_t(n);
            for (int i = 0; i < n; ++i) {
                double squares = 0;
                for (size_t p = size_t(i) * per; p < size_t(i + 1) * per; ++p) {
                    const double diff = (double(after.pixels[p]) - before.pixels[p]) / 255.0;
                    squares += diff * diff;
                }
                total += std::sqrt(squares / double(per));
            }
        } else {
            for (int i = 0; i < n; ++i)
                total += std::hypot(after.points[size_t(2 * i)] - before.points[size_t(2 * i)],
                                    after.points[size_t(2 * i + 1)] - before.points[size_t(2 * i + 1)]);
        }
        direction.effect = total / n;
    }
}
}  // namespace

namespace latentdirections {

QString defaultPcaLayer(const NetworkSpec &generator)
{
    for (const LayerSpec &l : generator.layers)
        if (l.kind == LayerKind::ReLU || l.kind == LayerKind::LeakyReLU || l.kind == LayerKind::ELU || l.kind == LayerKind::Tanh
            || l.kind == LayerKind::Sigmoid)
            return l.id;
    return generator.layers.empty() ? QString() : generator.layers.front().id;
}

Result find(const GeneratorCopy &generator, Method method, const Options &options, const ProgressFn &progress,
            const std::atomic<bool> *cancel)
{
    Result result;
    result.method = method;
    result.latentDim = generator.latentDim();
    result.spread = priorSpread(generator.spec().prior);
    result.step = generator.step();
    if (options.count < 1) {
        result.error = Text::tr("ask for at least one direction");
        return result;
    }
    try {
        switch (method) {
        case Method::Sefa: sefa(generator, options, result); break;
        case Method::Pca: pca(generator, options, progress, cancel, result); break;
        case Method::Random: random(generator, options, result); break;
        case Method::Class: classes(generator, options, progress, cancel, result); break;
        }
        if (result.ok())
            measureEffects(generator, options, result);
    } catch (const Cancelled &) {
        result.error = Text::tr("cancelled");
    } catch (const std::exception &e) {
        result.error = Text::tr("cannot find %1 directions: %2").arg(methodKey(method), errorText(e));
    }
    if (!result.ok())
        result.directions.clear();
    else if (progress)
        progress(1.0);
    return result;
}

}  // namespace latentdirections
