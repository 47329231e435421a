#pragma once

// Private to core's .cpp files and core tests: works on torch tensors.

#include "spec/experimentspec.h"

#include <ATen/ATen.h>

// The GAN losses on discriminator outputs. For the sigmoid losses (minimax, non-saturating)
// the outputs are logits: D(x) = sigmoid(logit), and log-terms use softplus for stability.
namespace losses {

struct DiscriminatorLoss {
    at::Tensor real;   // the part from real samples
    at::Tensor fake;   // the part from generated samples
    at::Tensor total() const { return real + fake; }
};

// `realTarget` is 1 - label smoothing (one-sided: fakes keep target 0).
DiscriminatorLoss discriminator(LossKind kind, const at::Tensor &realOut, const at::Tensor &fakeOut,
                                double realTarget = 1.0);
at::Tensor generator(LossKind kind, const at::Tensor &fakeOut);

// True when outputs are logits of a probability (minimax and non-saturating).
bool usesSigmoid(LossKind kind);
// What the dashboard shows as D(x): mean probability for sigmoid losses, mean raw score otherwise.
at::Tensor meanScore(LossKind kind, const at::Tensor &out);

}  // namespace losses
