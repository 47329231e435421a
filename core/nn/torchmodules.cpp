#include "torchmodules_p.h"

#include "training/losses_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <sstream>

#include <cmath>

namespace {
constexpr int kInitialPowerIterations = 15;  // as torch.nn.utils.parametrizations.spectral_norm
constexpr double kNormEps = 1e-12;           // guards the power iteration's normalisation

torch::Tensor normalized(const torch::Tensor &x)
{
    return x / x.norm().clamp_min(kNormEps);
}

// What a weight layer computes; the one place that lists the kinds without weights.
enum class WeightOp { Linear, Conv, ConvTranspose };

WeightOp weightOp(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Linear:
        return WeightOp::Linear;
    case LayerKind::Conv2d:
        return WeightOp::Conv;
    case LayerKind::ConvTranspose2d:
        return WeightOp::ConvTranspose;
    case LayerKind::Upsample:
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
    case LayerKind::InstanceNorm2d:
    case LayerKind::LayerNorm:
    case LayerKind::Dropout:
    case LayerKind::ReLU:
    case LayerKind::LeakyReLU:
    case LayerKind::ELU:
    case LayerKind::Tanh:
    case LayerKind::Sigmoid:
    case LayerKind::Flatten:
    case LayerKind::Reshape:
        break;
    }
    throw std::logic_error("a weight layer of a kind without weights");
}

std::vector<int64_t> weightShape(const LayerSpec &s)
{
    switch (weightOp(s.kind)) {
    case WeightOp::Linear:
        return {s.outFeatures, s.inFeatures};
    case WeightOp::Conv:
        return {s.outChannels, s.inChannels, s.kernel, s.kernel};
    case WeightOp::ConvTranspose:  // keeps PyTorch's [in, out, k, k] layout
        break;
    }
    return {s.inChannels, s.outChannels, s.kernel, s.kernel};
}
}  // namespace

WeightLayerImpl::WeightLayerImpl(const LayerSpec &s, at::Generator generator)
    : spec(s)
{
    weight = register_parameter("weight", torch::empty(weightShape(s)));
    const int64_t outputs = s.kind == LayerKind::Linear ? s.outFeatures : s.outChannels;
    if (s.bias)
        bias = register_parameter("bias", torch::empty({outputs}));
    if (s.spectralNorm) {
        u = register_buffer("u", torch::empty({outputs}));
        v = register_buffer("v", torch::empty({weight.numel() / outputs}));
    }
    resetParameters(generator);
}

void WeightLayerImpl::resetParameters(at::Generator generator)
{
    torch::NoGradGuard noGrad;
    // PyTorch's default: kaiming_uniform(a = sqrt(5)) gives bound 1/sqrt(fan_in); fan_in is
    // computed from dim 1 of the weight, as PyTorch does (for ConvTranspose2d: out * k * k).
    const int64_t fanIn = weight.numel() / weight.size(0);
    const double bound = 1.0 / std::sqrt(double(fanIn));
    weight.uniform_(-bound, bound, generator);
    if (bias.defined())
        bias.uniform_(-bound, bound, generator);
    if (spec.spectralNorm) {
        u.normal_(0, 1, generator);
        u.copy_(normalized(u));
        const torch::Tensor w = weightMatrix(weight);
        for (int i = 0; i < kInitialPowerIterations; ++i) {
            v.copy_(normalized(torch::mv(w.t(), u)));
            u.copy_(normalized(torch::mv(w, v)));
        }
    }
}

torch::Tensor WeightLayerImpl::weightMatrix(const torch::Tensor &w) const
{
    if (spec.kind == LayerKind::ConvTranspose2d)
        return w.transpose(0, 1).reshape({w.size(1), -1});
    return w.reshape({w.size(0), -1});
}

torch::Tensor WeightLayerImpl::spectralNormEstimate() const
{
    // From copies of u and v: autograd keeps what it multiplies, and the next forward pass (D
    // scores the fakes after the reals) updates u and v in place before the backward pass.
    return torch::dot(u.clone(), torch::mv(weightMatrix(weight), v.clone()));
}

torch::Tensor WeightLayerImpl::effectiveWeight()
{
    if (!spec.spectralNorm)
        return weight;
    if (is_training()) {
        torch::NoGradGuard noGrad;
        const torch::Tensor w = weightMatrix(weight);
        v.copy_(normalized(torch::mv(w.t(), u)));
        u.copy_(normalized(torch::mv(w, v)));
    }
    // u and v are constants here; the gradient flows through W as in the paper.
    return weight / spectralNormEstimate();
}

torch::Tensor WeightLayerImpl::forward(const torch::Tensor &input)
{
    const torch::Tensor w = effectiveWeight();
    switch (weightOp(spec.kind)) {
    case WeightOp::Linear:
        return torch::nn::functional::linear(input, w, bias);
    case WeightOp::Conv:
        return torch::conv2d(input, w, bias, spec.stride, spec.padding);
    case WeightOp::ConvTranspose:
        break;
    }
    return convTranspose2d(input, w, bias, spec.stride, spec.padding, spec.outputPadding);
}

namespace {

class ConvTransposeViaConvGrad : public torch::autograd::Function<ConvTransposeViaConvGrad> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &input,
                                 const torch::Tensor &weight, int64_t stride, int64_t padding, int64_t outputPadding)
    {
        ctx->save_for_backward({input, weight});
        ctx->saved_data["stride"] = stride;
        ctx->saved_data["padding"] = padding;
        const int64_t k = weight.size(2);
        const int64_t h = (input.size(2) - 1) * stride - 2 * padding + k + outputPadding;
        const int64_t w = (input.size(3) - 1) * stride - 2 * padding + k + outputPadding;
        // Only the shape of the convolution's input is read.
        const torch::Tensor shape = at::empty({input.size(0), weight.size(1), h, w}, input.options());
        return std::get<0>(at::convolution_backward(input, shape, weight, c10::nullopt, {stride, stride}, {padding, padding},
                                                    {1, 1}, false, {0, 0}, 1, {true, false, false}));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &input = saved[0];
        const torch::Tensor &weight = saved[1];
        const int64_t stride = ctx->saved_data["stride"].toInt();
        const int64_t padding = ctx->saved_data["padding"].toInt();
        const torch::Tensor grad = grads[0].contiguous();
        torch::Tensor gradInput, gradWeight;
        if (ctx->needs_input_grad(0))
            gradInput = at::conv2d(grad, weight, {}, stride, padding);
        if (ctx->needs_input_grad(1))
            gradWeight = std::get<1>(at::convolution_backward(input, grad, weight, c10::nullopt, {stride, stride},
                                                              {padding, padding}, {1, 1}, false, {0, 0}, 1,
                                                              {false, true, false}));
        return {gradInput, gradWeight, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor convTranspose2d(const torch::Tensor &input, const torch::Tensor &weight, const torch::Tensor &bias,
                              int64_t stride, int64_t padding, int64_t outputPadding)
{
    // The oneDNN route needs a CPU float tensor with a batch dimension; anything else takes LibTorch's own path.
    if (!at::hasMKLDNN() || !input.device().is_cpu() || input.scalar_type() != torch::kFloat || input.dim() != 4)
        return torch::conv_transpose2d(input, weight, bias, stride, padding, outputPadding);
    torch::Tensor out = ConvTransposeViaConvGrad::apply(input.contiguous(), weight, stride, padding, outputPadding);
    if (bias.defined())
        out = out + bias.view({1, -1, 1, 1});
    return out;
}

torch::Tensor SeededDropoutImpl::forward(const torch::Tensor &input)
{
    if (!is_training() || p == 0)
        return input;
    const torch::Tensor keep = torch::empty_like(input).bernoulli_(1.0 - p, generator);
    return input * keep / (1.0 - p);
}

LabelEmbeddingImpl::LabelEmbeddingImpl(int latent, int classes, int embedding, at::Generator generator) : latent(latent)
{
    weight = register_parameter("weight", torch::randn({classes, embedding}, generator, torch::kFloat));
}

torch::Tensor LabelEmbeddingImpl::forward(const torch::Tensor &input)
{
    const torch::Tensor z = input.slice(1, 0, latent);
    // One-hot rows times the table: the embedding of each label, differentiable in the table.
    const torch::Tensor embedded = input.slice(1, latent).to(weight.scalar_type()).matmul(weight);
    return torch::cat({z, embedded.to(z.scalar_type())}, 1);
}

ClassHeadImpl::ClassHeadImpl(WeightLayer scoreLayer, WeightLayer classLayer)
    : score(register_module("score", std::move(scoreLayer))), classes(register_module("classes", std::move(classLayer)))
{
}

torch::Tensor ClassHeadImpl::forward(const torch::Tensor &features)
{
    const torch::Tensor s = score->forward(features);
    return torch::cat({s, classes->forward(features).to(s.scalar_type())}, 1);
}

torch::Tensor ReshapeImpl::forward(const torch::Tensor &input)
{
    std::vector<int64_t> full{input.size(0)};
    full.insert(full.end(), shape.begin(), shape.end());
    return input.reshape(full);
}

namespace modulebuilder {

torch::nn::Sequential rebuild(ExperimentSpec spec, NetworkRole role, const QByteArray &state)
{
    spec.network(role).assignMissingIds(role == NetworkRole::Generator ? QStringLiteral("g") : QStringLiteral("d"));
    // Every weight is overwritten by the state; the generator only fills the shapes.
    torch::nn::Sequential net = buildNetwork(spec, role, at::make_generator<at::CPUGeneratorImpl>(0));
    std::istringstream in(std::string(state.constData(), size_t(state.size())));
    torch::serialize::InputArchive archive;
    archive.load_from(in);
    net->load(archive);
    net->eval();
    return net;
}

torch::nn::Sequential buildNetwork(const ExperimentSpec &spec, NetworkRole role, at::Generator generator)
{
    const bool generatorRole = role == NetworkRole::Generator;
    // The BCE losses work on logits: a trailing Sigmoid is the same function, computed stably.
    torch::nn::Sequential stack = build(spec.network(role), generator, !generatorRole && losses::usesSigmoid(spec.loss.kind));
    const ConditioningSpec &c = spec.conditioning;
    const bool head = c.kind == ConditioningKind::Projection || c.kind == ConditioningKind::Auxiliary;
    if (!c.enabled() || (!generatorRole && !head))
        return stack;
    const auto names = stack->named_children();
    torch::nn::Sequential out;
    if (generatorRole) {
        out->push_back("label", LabelEmbedding(spec.latentDim, c.classes, c.embedding, generator));
        size_t i = 0;
        for (auto it = stack->begin(); it != stack->end(); ++it, ++i)
            out->push_back(std::string(names[i].key()), *it);
        return out;
    }
    // The last child must be the Linear score layer (ShapeInference checks it first).
    if (stack->size() == 0 || !stack->ptr(stack->size() - 1)->as<WeightLayerImpl>())
        throw std::invalid_argument("the discriminator must end in a Linear layer with 1 output for this conditioning");
    size_t i = 0;
    for (auto it = stack->begin(); i + 1 < stack->size(); ++it, ++i)
        out->push_back(std::string(names[i].key()), *it);
    WeightLayer score(std::dynamic_pointer_cast<WeightLayerImpl>(stack->ptr(stack->size() - 1)));
    LayerSpec classLayer = score->spec;
    classLayer.id = QStringLiteral("classes");
    classLayer.outFeatures = c.classes;
    classLayer.bias = c.kind == ConditioningKind::Auxiliary;  // a projection is a bare inner product
    out->push_back(std::string(names.back().key()), ClassHead(score, WeightLayer(classLayer, generator)));
    return out;
}

torch::nn::Sequential build(const NetworkSpec &network, at::Generator generator, bool dropFinalSigmoid)
{
    namespace nn = torch::nn;
    nn::Sequential seq;
    for (size_t i = 0; i < network.layers.size(); ++i) {
        const LayerSpec &l = network.layers[i];
        const std::string name = l.id.toStdString();
        if (dropFinalSigmoid && i + 1 == network.layers.size() && l.kind == LayerKind::Sigmoid)
            break;
        switch (l.kind) {
        case LayerKind::Linear:
        case LayerKind::Conv2d:
        case LayerKind::ConvTranspose2d:
            seq->push_back(std::string(name), WeightLayer(l, generator));
            break;
        case LayerKind::Upsample: {
            auto options = nn::UpsampleOptions().scale_factor(std::vector<double>{double(l.scale), double(l.scale)});
            if (l.mode == UpsampleMode::Bilinear)
                options.mode(torch::kBilinear).align_corners(false);
            else
                options.mode(torch::kNearest);
            seq->push_back(std::string(name), nn::Upsample(options));
            break;
        }
        case LayerKind::BatchNorm1d:
            seq->push_back(std::string(name), nn::BatchNorm1d(nn::BatchNorm1dOptions(l.numFeatures).eps(l.eps).momentum(l.momentum)));
            break;
        case LayerKind::BatchNorm2d:
            seq->push_back(std::string(name), nn::BatchNorm2d(nn::BatchNorm2dOptions(l.numFeatures).eps(l.eps).momentum(l.momentum)));
            break;
        case LayerKind::InstanceNorm2d:
            // With a learned scale and shift, and no running statistics (PyTorch's default):
            // each image is normalised by its own statistics in training and in sampling alike.
            seq->push_back(std::string(name), nn::InstanceNorm2d(nn::InstanceNorm2dOptions(l.numFeatures).eps(l.eps).affine(true)));
            break;
        case LayerKind::LayerNorm:
            seq->push_back(std::string(name), nn::LayerNorm(nn::LayerNormOptions(std::vector<int64_t>(
                                                   l.normalizedShape.begin(), l.normalizedShape.end())).eps(l.eps)));
            break;
        case LayerKind::Dropout:
            seq->push_back(std::string(name), SeededDropout(l.p, generator));
            break;
        case LayerKind::ReLU:
            seq->push_back(std::string(name), nn::ReLU());
            break;
        case LayerKind::LeakyReLU:
            seq->push_back(std::string(name), nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(l.slope)));
            break;
        case LayerKind::ELU:
            seq->push_back(std::string(name), nn::ELU(nn::ELUOptions().alpha(l.alpha)));
            break;
        case LayerKind::Tanh:
            seq->push_back(std::string(name), nn::Tanh());
            break;
        case LayerKind::Sigmoid:
            seq->push_back(std::string(name), nn::Sigmoid());
            break;
        case LayerKind::Flatten:
            seq->push_back(std::string(name), nn::Flatten());
            break;
        case LayerKind::Reshape:
            seq->push_back(std::string(name), Reshape(std::vector<int64_t>(l.shape.begin(), l.shape.end())));
            break;
        }
    }
    return seq;
}

void applyDcganInit(torch::nn::Sequential &net, at::Generator generator)
{
    constexpr double kStd = 0.02;  // Radford et al. 2015, section 4
    torch::NoGradGuard noGrad;
    for (const auto &child : net->modules(/*include_self=*/false)) {
        if (auto *w = child->as<WeightLayerImpl>()) {
            w->weight.normal_(0.0, kStd, generator);
            if (w->bias.defined())
                w->bias.zero_();
        } else if (auto *bn = child->as<torch::nn::BatchNorm1dImpl>()) {
            bn->weight.normal_(1.0, kStd, generator);
            bn->bias.zero_();
        } else if (auto *bn2 = child->as<torch::nn::BatchNorm2dImpl>()) {
            bn2->weight.normal_(1.0, kStd, generator);
            bn2->bias.zero_();
        }
    }
}

}  // namespace modulebuilder
