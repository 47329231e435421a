#include "steprollback_p.h"

#include <algorithm>
#include <cstring>

namespace {

// The tensors of one optimiser state entry, in a fixed order, and its step count.
template <typename F>
void forEachStateTensor(torch::optim::OptimizerParamState &state, F &&f, std::int64_t *count)
{
    namespace optim = torch::optim;
    if (auto *adam = dynamic_cast<optim::AdamParamState *>(&state)) {
        for (const torch::Tensor &t : {adam->exp_avg(), adam->exp_avg_sq(), adam->max_exp_avg_sq()})
            f(t);
        *count = adam->step();
    } else if (auto *rms = dynamic_cast<optim::RMSpropParamState *>(&state)) {
        for (const torch::Tensor &t : {rms->square_avg(), rms->momentum_buffer(), rms->grad_avg()})
            f(t);
        *count = rms->step();
    } else if (auto *sgd = dynamic_cast<optim::SGDParamState *>(&state)) {
        f(sgd->momentum_buffer());
        *count = 0;
    } else {
        throw std::logic_error("StepRollback: an optimiser state it does not know");
    }
}

void setCount(torch::optim::OptimizerParamState &state, std::int64_t count)
{
    namespace optim = torch::optim;
    if (auto *adam = dynamic_cast<optim::AdamParamState *>(&state))
        adam->step(count);
    else if (auto *rms = dynamic_cast<optim::RMSpropParamState *>(&state))
        rms->step(count);
}

bool plainCpuFloat(const torch::Tensor &t)
{
    return t.is_cpu() && t.scalar_type() == torch::kFloat && t.is_contiguous();
}

}  // namespace

void StepRollback::keepTensor(const torch::Tensor &t)
{
    if (!t.defined())
        return;
    if (m_used == m_slots.size())
        m_slots.push_back({});
    Slot &slot = m_slots[m_used++];
    slot.live = t;
    if (!slot.copy.defined() || slot.copy.sizes() != t.sizes() || slot.copy.options().dtype() != t.options().dtype()
        || slot.copy.device() != t.device())
        slot.copy = torch::empty_like(t, torch::MemoryFormat::Contiguous);
    if (t.numel() == 0)
        return;
    if (plainCpuFloat(t)) {
        // Small networks have many small tensors: a memcpy costs less than a dispatched copy.
        std::memcpy(slot.copy.data_ptr<float>(), t.data_ptr<float>(), size_t(t.numel()) * sizeof(float));
    } else {
        torch::NoGradGuard noGrad;
        slot.copy.copy_(t);
    }
}

void StepRollback::keep(const std::vector<torch::Tensor> &tensors, const std::vector<torch::optim::Optimizer *> &optimizers,
                        const at::Generator &generator)
{
    m_used = 0;
    for (const torch::Tensor &t : tensors)
        keepTensor(t);
    m_optimizers.clear();
    for (torch::optim::Optimizer *optimizer : optimizers) {
        OptimizerState kept;
        kept.optimizer = optimizer;
        for (auto &[key, state] : optimizer->state()) {
            std::int64_t count = 0;
            forEachStateTensor(*state, [this](const torch::Tensor &t) { keepTensor(t); }, &count);
            kept.keys.push_back(key);
            kept.counts.push_back(count);
        }
        m_optimizers.push_back(std::move(kept));
    }
    m_generator = generator;
    m_generatorState = generator.get_state();
}

void StepRollback::restore()
{
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < m_used; ++i) {
        Slot &slot = m_slots[i];
        if (slot.live.numel() == 0)
            continue;
        if (plainCpuFloat(slot.live))
            std::memcpy(slot.live.data_ptr<float>(), slot.copy.data_ptr<float>(), size_t(slot.live.numel()) * sizeof(float));
        else
            slot.live.copy_(slot.copy);
    }
    for (const OptimizerState &kept : m_optimizers) {
        auto &states = kept.optimizer->state();
        // Entries the failed step created (the first step of an optimiser) go: the next step
        // creates them again, as it would have.
        for (auto it = states.begin(); it != states.end();) {
            if (std::find(kept.keys.begin(), kept.keys.end(), it->first) == kept.keys.end())
                it = states.erase(it);
            else
                ++it;
        }
        for (size_t i = 0; i < kept.keys.size(); ++i)
            setCount(*states.at(kept.keys[i]), kept.counts[i]);
    }
    if (m_generatorState.defined())
        m_generator.set_state(m_generatorState);
}
