#include "optimizers_p.h"

namespace optimizers {

std::unique_ptr<torch::optim::Optimizer> make(const OptimizerSpec &o, const std::vector<torch::Tensor> &params)
{
    namespace optim = torch::optim;
    switch (o.kind) {
    case OptimizerKind::Adam:
        return std::make_unique<optim::Adam>(params, optim::AdamOptions(o.lr).betas({o.beta1, o.beta2}).weight_decay(o.weightDecay));
    case OptimizerKind::SGD:
        return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weightDecay));
    case OptimizerKind::RMSprop:
        return std::make_unique<optim::RMSprop>(
            params, optim::RMSpropOptions(o.lr).alpha(o.alpha).momentum(o.momentum).weight_decay(o.weightDecay));
    }
    return nullptr;
}

void applyDecay(const ExperimentSpec &spec, std::int64_t stepNumber, torch::optim::Optimizer &g, torch::optim::Optimizer &d)
{
    if (spec.lrDecayTo >= 1.0)
        return;
    const double progress = std::min(1.0, double(stepNumber - 1) / std::max(1, spec.steps - 1));
    const double factor = 1.0 - (1.0 - spec.lrDecayTo) * progress;
    for (auto [optimizer, base] : {std::pair{&g, spec.optimizerG.lr}, std::pair{&d, spec.optimizerD.lr}})
        for (auto &group : optimizer->param_groups())
            group.options().set_lr(base * factor);
}

}  // namespace optimizers
