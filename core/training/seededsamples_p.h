#pragma once

// Private to the engine: includes torch.

#include "steprecord.h"

#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <atomic>
#include <functional>

// Latent noise, and samples from fresh noise of a seed: the one way the trainer and a frozen
// generator copy draw it, so that `sample`, `evaluate` and the window's live measures agree.
namespace seededsamples {
// `n` latent vectors of the prior (N(0, 1) or U(-1, 1)), on the CPU.
torch::Tensor noise(std::int64_t n, int latentDim, LatentPrior prior, at::Generator &g);
// `count` samples of `generate` from noise drawn from `seed`, 1024 at a time (bounded memory);
// an empty batch when `cancel` is raised. `generate` gets the generator's input: the noise, in
// a conditional run joined with the labels (all `label`, or when -1 drawn after each chunk's
// noise, uniformly).
SampleBatch draw(const std::function<SampleBatch(const torch::Tensor &input)> &generate, int count, std::uint64_t seed,
                 const ExperimentSpec &spec, int label = -1, const std::atomic<bool> *cancel = nullptr);
}  // namespace seededsamples
