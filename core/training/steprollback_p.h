#pragma once

// Private to the engine: includes torch.

#include "optimizers_p.h"

#include <torch/torch.h>

#include <string>
#include <vector>

// What a training step changes before it knows whether it succeeds, kept so that a failed step
// (a NaN or infinite loss or gradient at any discriminator update or at the generator update,
// or an exception) leaves the networks, the optimiser states and the random stream exactly as
// they were. Values are copied into buffers kept from step to step, so keeping costs one
// memcpy per tensor, not an allocation.
class StepRollback {
public:
    // Keeps the values of `tensors` (weights and buffers), the states of `optimizers` and
    // the generator's state.
    void keep(const std::vector<torch::Tensor> &tensors, const std::vector<torch::optim::Optimizer *> &optimizers,
              const at::Generator &generator);
    // Puts back everything kept by the last keep().
    void restore();

private:
    struct Slot {
        torch::Tensor live, copy;
    };
    struct OptimizerState {
        torch::optim::Optimizer *optimizer = nullptr;
        std::vector<optimizers::StateKey> keys;     // entries present when kept; later ones are dropped
        std::vector<std::int64_t> counts;  // their step counts (Adam, RMSprop)
    };
    void keepTensor(const torch::Tensor &t);

    std::vector<Slot> m_slots;
    size_t m_used = 0;
    std::vector<OptimizerState> m_optimizers;
    at::Generator m_generator;
    torch::Tensor m_generatorState;
};
