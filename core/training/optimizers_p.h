#pragma once

// Private to the engine: includes torch.

#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <memory>
#include <sstream>
#include <string>
#include <type_traits>

namespace optimizers {
// The optimiser of an experiment for `params` (Adam, SGD with momentum or RMSprop).
std::unique_ptr<torch::optim::Optimizer> make(const OptimizerSpec &o, const std::vector<torch::Tensor> &params);
// Both learning rates at step `stepNumber` (1-based): linear decay to lr_decay_to over the
// experiment's steps, then constant.
void applyDecay(const ExperimentSpec &spec, std::int64_t stepNumber, torch::optim::Optimizer &g, torch::optim::Optimizer &d);

// How an optimiser's state() names a parameter's entry: its TensorImpl's address as text in
// LibTorch 1.x, the address itself in 2.x.
using StateKey = std::decay_t<decltype(std::declval<torch::optim::Optimizer &>().state())>::key_type;
template <typename Key = StateKey>
Key stateKey(const torch::Tensor &p)
{
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream text;  // as LibTorch's c10::guts::to_string writes it
        text << p.unsafeGetTensorImpl();
        return text.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}
}  // namespace optimizers
