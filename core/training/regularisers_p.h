#pragma once

// Private to the engine: includes torch.

#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <functional>

// What the loss adds to keep the game steady: instance noise, the WGAN-GP gradient penalty and
// the R1 penalty. Random draws come from the run's generator, in the order the trainer asks.
namespace regularisers {
// The noise's standard deviation at step `stepNumber` (1-based): linear anneal to 0 over
// instance_noise_steps, constant when that is 0.
double instanceNoiseSigma(const LossSpec &loss, std::int64_t stepNumber);
torch::Tensor withInstanceNoise(const torch::Tensor &x, double sigma, at::Generator &gen);
// λ·E[(‖∇D(x̂)‖ − 1)²] at x̂ = εx + (1 − ε)G(z), ε ~ U(0, 1) per sample.
// `score` is D's score per sample (in a conditional run for labels held fixed).
torch::Tensor gradientPenalty(const std::function<torch::Tensor(const torch::Tensor &)> &score, const torch::Tensor &real,
                              const torch::Tensor &fake, double lambda, at::Generator &gen);
// γ/2·E[‖∇D(x)‖²] on real samples; `realIn` must require grad and `realOut` = D(realIn).
torch::Tensor r1Penalty(const torch::Tensor &realOut, const torch::Tensor &realIn, double gamma);
}  // namespace regularisers
