#pragma once

// Private to core's .cpp files and core tests: works on torch tensors.

#include <torch/torch.h>

#include <optional>
#include <vector>

// Training arithmetic for multilayer perceptrons, written out by hand.
//
// A 2D GAN step is hundreds of tiny tensor operations; through autograd each costs more in
// dispatch, graph building and unvectorised elementwise kernels than in arithmetic. For
// stacks made only of Linear layers and pointwise activations this computes the same
// forward pass, parameter gradients, input gradients and R1 penalty with one BLAS call per
// matrix product and plain loops for the rest, on the very parameter tensors the modules
// own (so optimisers, EMA, sampling and checkpoints are unchanged). Equal in value to the
// autograd path: tests/core/tst_fusedmlp.cpp.
namespace fusedmlp {

enum class Activation { None, ReLU, LeakyReLU, Tanh, Sigmoid, ELU };

struct Layer {
    at::Tensor weight;  // [out, in], the module's own parameter
    at::Tensor bias;    // [out] or undefined
    Activation activation = Activation::None;
    float parameter = 0;  // LeakyReLU slope or ELU alpha
};

struct Net {
    std::vector<Layer> layers;
    bool flattenInput = false;          // a leading Flatten (an MLP discriminator on images)
    std::vector<int64_t> outputShape;   // a trailing Reshape's per-sample shape, else empty
    // True when every activation is piecewise linear, so the R1 penalty's second derivative
    // flows only through the weights.
    bool piecewiseLinear() const;
};

// The stack as a Net, when it is one: Linear layers without spectral normalisation, each
// followed by at most one pointwise activation, optionally a leading Flatten and a trailing
// Reshape. Nothing otherwise.
std::optional<Net> extract(torch::nn::Sequential &sequential);

// What a forward pass keeps for its backward passes.
struct Pass {
    at::Tensor input;                   // [B, n0]
    std::vector<int64_t> inputShape;    // the input as given (before a leading Flatten)
    std::vector<at::Tensor> outputs;    // per layer, after its activation [B, n_l]
    std::vector<at::Tensor> slopes;     // per layer, the activation's derivative; undefined for None
    // The same pass restricted to samples [begin, end) (views, no copies).
    Pass rows(int64_t begin, int64_t end) const;
};

// Runs the net on x without autograd; the result has the net's output shape.
at::Tensor forward(const Net &net, const at::Tensor &x, Pass *pass = nullptr);

// Backpropagates dOutput (shaped like the output) through a recorded pass. Adds parameter
// gradients into the parameters' .grad when `parameterGradients`; returns the gradient with
// respect to the input (in the input's shape) when `inputGradient`, else an undefined tensor.
at::Tensor backward(const Net &net, const Pass &pass, const at::Tensor &dOutput, bool parameterGradients,
                    bool inputGradient);

// The R1 penalty (gamma / 2) * mean_i |d D(x_i) / d x_i|^2 for a pass over real data (the net
// must be piecewise linear and end in one output); adds its parameter gradients into .grad and
// returns its value.
double r1Penalty(const Net &net, const Pass &pass, double gamma);

// One step of `optimizer` when it is a torch::optim::Adam without amsgrad: the same
// arithmetic as Adam::step in one pass per tensor, with the state kept in the optimiser's own
// map (created as Adam creates it), so checkpoints and a later Adam::step carry on from it.
// False, with nothing changed, for any other optimiser; the caller then calls step().
bool adamStep(torch::optim::Optimizer &optimizer);

}  // namespace fusedmlp
