#pragma once

// Private to core's .cpp files and core tests: includes torch. Public headers never include this.

#include "spec/experimentspec.h"

#include <torch/torch.h>

// Linear, Conv2d or ConvTranspose2d with an optional spectral-normalisation
// reparametrisation (Miyato et al. 2018): the layer uses W / sigma(W), with sigma estimated
// by one power iteration per training forward pass on vectors u, v kept as buffers.
// LibTorch's C++ API has no spectral_norm, so the weight layers are our own modules.
class WeightLayerImpl : public torch::nn::Module {
public:
    WeightLayerImpl(const LayerSpec &spec, at::Generator generator);

    torch::Tensor forward(const torch::Tensor &input);
    // The weight the layer applies now: W, or W / sigma with spectral norm.
    // In training mode this advances the power iteration one step.
    torch::Tensor effectiveWeight();
    // sigma(W) estimated from the current u, v (no iteration).
    torch::Tensor spectralNormEstimate() const;
    // Weight as a matrix [out, fan]: the view spectral norm works on.
    torch::Tensor weightMatrix(const torch::Tensor &w) const;

    void resetParameters(at::Generator generator);

    LayerSpec spec;
    torch::Tensor weight;
    torch::Tensor bias;  // undefined when the layer has none
    torch::Tensor u;     // spectral norm: left singular vector estimate [out]
    torch::Tensor v;     // spectral norm: right singular vector estimate [fan]
};
TORCH_MODULE(WeightLayer);

// Dropout drawing its mask from the trainer's generator, so a run is reproducible from its seed.
class SeededDropoutImpl : public torch::nn::Module {
public:
    SeededDropoutImpl(double p, at::Generator generator) : p(p), generator(std::move(generator)) {}
    torch::Tensor forward(const torch::Tensor &input);
    double p;
    at::Generator generator;
};
TORCH_MODULE(SeededDropout);

class ReshapeImpl : public torch::nn::Module {
public:
    explicit ReshapeImpl(std::vector<int64_t> shape) : shape(std::move(shape)) {}
    torch::Tensor forward(const torch::Tensor &input);
    std::vector<int64_t> shape;
};
TORCH_MODULE(Reshape);

// A conditional generator's first child: z joined with the learned embedding of its label. The
// label arrives as one-hot columns after z (conditioning::generatorInput), so that the network
// stays a stack of one input: [n, latent + classes] -> [n, latent + embedding].
class LabelEmbeddingImpl : public torch::nn::Module {
public:
    LabelEmbeddingImpl(int latent, int classes, int embedding, at::Generator generator);
    torch::Tensor forward(const torch::Tensor &input);
    int latent;
    torch::Tensor weight;  // [classes, embedding], N(0, 1) as torch.nn.Embedding starts
};
TORCH_MODULE(LabelEmbedding);

// A projection or auxiliary discriminator's last child: the score layer (the experiment's last
// Linear) and a class layer reading the same features. Output [n, 1 + classes]: the score,
// then per class the projection <embed(y), features> or the auxiliary classifier's logit
// (conditioning::read picks what the loss needs).
class ClassHeadImpl : public torch::nn::Module {
public:
    ClassHeadImpl(WeightLayer score, WeightLayer classes);
    torch::Tensor forward(const torch::Tensor &features);
    WeightLayer score{nullptr};
    WeightLayer classes{nullptr};
};
TORCH_MODULE(ClassHead);

// ConvTranspose2d (weight [in, out, k, k]) computed as the input gradient of the matching
// Conv2d. LibTorch 1.13 runs transposed convolutions on its im2col path
// (slow_conv_transpose2d); the convolution gradients run on oneDNN, and the backward of this
// formulation is a plain convolution plus a convolution weight gradient. Equal in value to
// torch::conv_transpose2d (tests/core/tst_fastconv.cpp).
torch::Tensor convTranspose2d(const torch::Tensor &input, const torch::Tensor &weight, const torch::Tensor &bias,
                              int64_t stride, int64_t padding, int64_t outputPadding);

namespace modulebuilder {

// Builds the stack with children named by the layers' ids (ids must be set). Weights and
// biases start as PyTorch's Linear/Conv modules start them (kaiming-uniform), drawn from
// `generator` in layer order as constructing the same modules in PyTorch draws them
// (spectral-norm vectors are drawn the engine's own way).
// With dropFinalSigmoid a trailing Sigmoid is left out: BCE losses then work on logits,
// which is the same function, computed stably.
torch::nn::Sequential build(const NetworkSpec &network, at::Generator generator, bool dropFinalSigmoid = false);

// A run's network as the trainer trains it (ids must be set): the stack, and in a conditional
// run the generator's label embedding before it (child "label"), or the projection or
// auxiliary discriminator's last Linear inside a ClassHead; the discriminator's final Sigmoid
// dropped for the losses that work on logits. The label embedding and the class layer draw
// their weights from `generator` after the stack's.
torch::nn::Sequential buildNetwork(const ExperimentSpec &spec, NetworkRole role, at::Generator generator);

// The run's network of `role` (ids assigned where missing) with the weights and buffers of
// `state`, a serialized copy of such a network, in eval mode: for frozen copies.
// Throws what LibTorch throws when the state does not fit.
torch::nn::Sequential rebuild(ExperimentSpec spec, NetworkRole role, const QByteArray &state);

// N(0, 0.02) for Linear/Conv weights and zero biases, N(1, 0.02) for BatchNorm scales (a label
// embedding keeps its N(0, 1)).
void applyDcganInit(torch::nn::Sequential &net, at::Generator generator);

}  // namespace modulebuilder
