#pragma once

// Private to the engine: includes torch.

#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <memory>

namespace optimizers {
// The optimiser of an experiment for `params` (Adam, SGD with momentum or RMSprop).
std::unique_ptr<torch::optim::Optimizer> make(const OptimizerSpec &o, const std::vector<torch::Tensor> &params);
// Both learning rates at step `stepNumber` (1-based): linear decay to lr_decay_to over the
// experiment's steps, then constant.
void applyDecay(const ExperimentSpec &spec, std::int64_t stepNumber, torch::optim::Optimizer &g, torch::optim::Optimizer &d);
}  // namespace optimizers
