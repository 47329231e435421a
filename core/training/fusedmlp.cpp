#include "fusedmlp_p.h"

#include "nn/torchmodules_p.h"
#include "optimizers_p.h"

#include <cmath>

namespace fusedmlp {

namespace {

bool isPiecewiseLinear(Activation a)
{
    return a == Activation::None || a == Activation::ReLU || a == Activation::LeakyReLU;
}

std::optional<Activation> activationOf(const std::shared_ptr<torch::nn::Module> &m, float *parameter)
{
    namespace nn = torch::nn;
    if (m->as<nn::ReLUImpl>())
        return Activation::ReLU;
    if (const auto *leaky = m->as<nn::LeakyReLUImpl>()) {
        *parameter = float(leaky->options.negative_slope());
        return Activation::LeakyReLU;
    }
    if (m->as<nn::TanhImpl>())
        return Activation::Tanh;
    if (m->as<nn::SigmoidImpl>())
        return Activation::Sigmoid;
    if (const auto *elu = m->as<nn::ELUImpl>()) {
        *parameter = float(elu->options.alpha());
        return Activation::ELU;
    }
    return std::nullopt;
}

float *data(const at::Tensor &t) { return t.data_ptr<float>(); }

// out = activation(a) in place; slope = its derivative (computed as torch's backward does).
void activate(Activation act, float parameter, float *a, float *slope, int64_t n)
{
    switch (act) {
    case Activation::None:
        return;
    case Activation::ReLU:
    case Activation::LeakyReLU: {
        // Branch-free so the compiler vectorises it.
        const float negative = act == Activation::ReLU ? 0.0f : parameter;
        for (int64_t i = 0; i < n; ++i) {
            const float k = a[i] > 0.0f ? 1.0f : negative;
            slope[i] = k;
            a[i] *= k;
        }
        return;
    }
    case Activation::Tanh:
        for (int64_t i = 0; i < n; ++i) {
            const float y = std::tanh(a[i]);
            a[i] = y;
            slope[i] = 1.0f - y * y;
        }
        return;
    case Activation::Sigmoid:
        for (int64_t i = 0; i < n; ++i) {
            const float y = 1.0f / (1.0f + std::exp(-a[i]));
            a[i] = y;
            slope[i] = y * (1.0f - y);
        }
        return;
    case Activation::ELU:
        for (int64_t i = 0; i < n; ++i) {
            if (a[i] > 0.0f) {
                slope[i] = 1.0f;
            } else {
                const float y = parameter * std::expm1(a[i]);
                a[i] = y;
                slope[i] = y + parameter;
            }
        }
        return;
    }
}

// g = u * slope, elementwise; g may alias u.
void multiply(const float *u, const float *slope, float *g, int64_t n)
{
    for (int64_t i = 0; i < n; ++i)
        g[i] = u[i] * slope[i];
}

// Adds the column sums of a [rows, cols] matrix into sum[cols].
void addColumnSums(const float *m, int64_t rows, int64_t cols, float *sum)
{
    for (int64_t r = 0; r < rows; ++r) {
        const float *row = m + r * cols;
        for (int64_t c = 0; c < cols; ++c)
            sum[c] += row[c];
    }
}

at::Tensor &gradientOf(const at::Tensor &parameter)
{
    at::Tensor &g = parameter.mutable_grad();
    if (!g.defined())
        g = at::zeros_like(parameter);
    return g;
}

// slope-multiplied gradient of layer l: g_l = dOut_l * slope_l (a fresh tensor).
at::Tensor throughActivation(const Pass &pass, size_t l, const at::Tensor &dOut)
{
    if (!pass.slopes[l].defined())
        return dOut;
    at::Tensor g = at::empty_like(dOut);
    multiply(data(dOut), data(pass.slopes[l]), data(g), dOut.numel());
    return g;
}

}  // namespace

bool Net::piecewiseLinear() const
{
    for (const Layer &l : layers)
        if (!isPiecewiseLinear(l.activation))
            return false;
    return true;
}

std::optional<Net> extract(torch::nn::Sequential &sequential)
{
    Net net;
    const auto children = sequential->children();
    for (size_t i = 0; i < children.size(); ++i) {
        const auto &m = children[i];
        if (const auto *w = m->as<WeightLayerImpl>()) {
            if (w->spec.kind != LayerKind::Linear || w->spec.spectralNorm)
                return std::nullopt;
            Layer layer;
            layer.weight = w->weight;
            layer.bias = w->bias;
            net.layers.push_back(layer);
            continue;
        }
        if (m->as<torch::nn::FlattenImpl>() && i == 0) {
            net.flattenInput = true;
            continue;
        }
        if (const auto *reshape = m->as<ReshapeImpl>(); reshape && i + 1 == children.size() && !net.layers.empty()) {
            net.outputShape = reshape->shape;
            continue;
        }
        float parameter = 0;
        const std::optional<Activation> act = activationOf(m, &parameter);
        if (!act || net.layers.empty() || net.layers.back().activation != Activation::None)
            return std::nullopt;
        net.layers.back().activation = *act;
        net.layers.back().parameter = parameter;
    }
    if (net.layers.empty())
        return std::nullopt;
    for (const Layer &l : net.layers)
        if (!l.weight.device().is_cpu() || l.weight.scalar_type() != at::kFloat)
            return std::nullopt;
    return net;
}

at::Tensor forward(const Net &net, const at::Tensor &x, Pass *pass)
{
    at::NoGradGuard noGrad;
    const int64_t batch = x.size(0);
    at::Tensor h = x.reshape({batch, -1}).contiguous();
    if (pass) {
        pass->input = h;
        pass->inputShape = x.sizes().vec();
        pass->outputs.assign(net.layers.size(), at::Tensor());
        pass->slopes.assign(net.layers.size(), at::Tensor());
    }
    for (size_t l = 0; l < net.layers.size(); ++l) {
        const Layer &layer = net.layers[l];
        at::Tensor a = layer.bias.defined() ? at::addmm(layer.bias, h, layer.weight.t()) : at::mm(h, layer.weight.t());
        at::Tensor slope;
        if (layer.activation != Activation::None) {
            slope = at::empty_like(a);
            activate(layer.activation, layer.parameter, data(a), data(slope), a.numel());
        }
        if (pass) {
            pass->outputs[l] = a;
            pass->slopes[l] = slope;
        }
        h = a;
    }
    if (net.outputShape.empty())
        return h;
    std::vector<int64_t> shape{batch};
    shape.insert(shape.end(), net.outputShape.begin(), net.outputShape.end());
    return h.reshape(shape);
}

at::Tensor backward(const Net &net, const Pass &pass, const at::Tensor &dOutput, bool parameterGradients,
                    bool inputGradient)
{
    at::NoGradGuard noGrad;
    const int64_t batch = dOutput.size(0);
    at::Tensor d = dOutput.reshape({batch, -1}).contiguous();
    for (size_t l = net.layers.size(); l-- > 0;) {
        const Layer &layer = net.layers[l];
        const at::Tensor g = throughActivation(pass, l, d);
        if (parameterGradients) {
            const at::Tensor &in = l == 0 ? pass.input : pass.outputs[l - 1];
            gradientOf(layer.weight).addmm_(g.t(), in);
            if (layer.bias.defined())
                addColumnSums(data(g), g.size(0), g.size(1), data(gradientOf(layer.bias)));
        }
        if (l == 0 && !inputGradient)
            return {};
        d = at::mm(g, layer.weight);
    }
    return d.reshape(pass.inputShape);
}

double r1Penalty(const Net &net, const Pass &pass, double gamma)
{
    at::NoGradGuard noGrad;
    const size_t L = net.layers.size();
    const int64_t batch = pass.input.size(0);
    // Backward chain with seed 1 per sample: g[l] = dD/d(pre-activation of layer l).
    std::vector<at::Tensor> g(L);
    g[L - 1] = pass.slopes[L - 1].defined() ? pass.slopes[L - 1] : at::ones({batch, 1}, pass.input.options());
    at::Tensor u;  // dD/d(input of layer l)
    for (size_t l = L; l-- > 0;) {
        u = at::mm(g[l], net.layers[l].weight);
        if (l > 0)
            g[l - 1] = throughActivation(pass, l - 1, u);
    }
    // u is dD/dx, [B, n0]; the penalty and its adjoint v = dP/du.
    const double penalty = 0.5 * gamma * u.pow(2).sum().item<double>() / double(batch);
    at::Tensor v = u.mul(gamma / double(batch));
    for (size_t l = 0; l < L; ++l) {
        gradientOf(net.layers[l].weight).addmm_(g[l].t(), v);
        if (l + 1 < L)
            v = throughActivation(pass, l, at::mm(v, net.layers[l].weight.t()));
    }
    return penalty;
}

namespace {

// The update loop on its own, compiled without errno for sqrt so that it vectorises.
__attribute__((optimize("no-math-errno"))) void adamUpdate(float *w, const float *g, float *m, float *v, int64_t n,
                                                          float b1, float b2, float c1, float c2, float rootCorrection2,
                                                          float eps, float stepSize, float decay)
{
    for (int64_t i = 0; i < n; ++i) {
        const float gi = g[i] + decay * w[i];
        m[i] = m[i] * b1 + c1 * gi;
        v[i] = v[i] * b2 + c2 * gi * gi;
        w[i] -= stepSize * m[i] / (std::sqrt(v[i]) / rootCorrection2 + eps);
    }
}

}  // namespace

Pass Pass::rows(int64_t begin, int64_t end) const
{
    auto slice = [&](const at::Tensor &t) { return t.defined() ? t.slice(0, begin, end) : t; };
    Pass part;
    part.input = slice(input);
    part.inputShape = inputShape;
    if (!part.inputShape.empty())
        part.inputShape[0] = end - begin;
    for (const at::Tensor &t : outputs)
        part.outputs.push_back(slice(t));
    for (const at::Tensor &t : slopes)
        part.slopes.push_back(slice(t));
    return part;
}

bool adamStep(torch::optim::Optimizer &optimizer)
{
    namespace optim = torch::optim;
    auto *adam = dynamic_cast<optim::Adam *>(&optimizer);
    if (!adam)
        return false;
    for (const optim::OptimizerParamGroup &group : adam->param_groups())
        if (static_cast<const optim::AdamOptions &>(group.options()).amsgrad())
            return false;
    at::NoGradGuard noGrad;
    for (optim::OptimizerParamGroup &group : adam->param_groups()) {
        const auto &o = static_cast<const optim::AdamOptions &>(group.options());
        const double beta1 = std::get<0>(o.betas()), beta2 = std::get<1>(o.betas());
        for (at::Tensor &p : group.params()) {
            if (!p.grad().defined())
                continue;
            const optimizers::StateKey key = optimizers::stateKey(p);
            auto found = adam->state().find(key);
            if (found == adam->state().end()) {
                auto fresh = std::make_unique<optim::AdamParamState>();
                fresh->step(0);
                fresh->exp_avg(at::zeros_like(p, at::MemoryFormat::Preserve));
                fresh->exp_avg_sq(at::zeros_like(p, at::MemoryFormat::Preserve));
                found = adam->state().emplace(key, std::move(fresh)).first;
            }
            auto &state = static_cast<optim::AdamParamState &>(*found->second);
            state.step(state.step() + 1);
            const double correction1 = 1 - std::pow(beta1, state.step());
            const double correction2 = 1 - std::pow(beta2, state.step());
            const float b1 = float(beta1), b2 = float(beta2), c1 = float(1 - beta1), c2 = float(1 - beta2);
            const float rootCorrection2 = float(std::sqrt(correction2)), eps = float(o.eps());
            const float stepSize = float(o.lr() / correction1), decay = float(o.weight_decay());
            adamUpdate(data(p), data(p.grad()), data(state.exp_avg()), data(state.exp_avg_sq()), p.numel(), b1, b2, c1,
                       c2, rootCorrection2, eps, stepSize, decay);
        }
    }
    return true;
}

}  // namespace fusedmlp
