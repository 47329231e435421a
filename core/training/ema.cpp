#include "ema_p.h"

#include "nn/torchmodules_p.h"

#include <ATen/CPUGeneratorImpl.h>

namespace ema {

torch::nn::Sequential copyOf(const ExperimentSpec &spec, const torch::nn::Sequential &live, const torch::Device &device)
{
    torch::nn::Sequential copy = modulebuilder::buildNetwork(spec, NetworkRole::Generator, at::make_generator<at::CPUGeneratorImpl>(0));
    copy->to(device);
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < copy->parameters().size(); ++i)
        copy->parameters()[i].copy_(live->parameters()[i]);
    for (size_t i = 0; i < copy->buffers().size(); ++i)
        copy->buffers()[i].copy_(live->buffers()[i]);
    return copy;
}

void update(torch::nn::Sequential &average, const torch::nn::Sequential &live, double decay)
{
    torch::NoGradGuard noGrad;
    const auto kept = average->parameters();
    const auto current = live->parameters();
    for (size_t i = 0; i < kept.size(); ++i) {
        if (kept[i].is_cpu() && kept[i].scalar_type() == torch::kFloat && kept[i].is_contiguous()) {
            // One pass instead of two tensor operations: small nets make many small tensors.
            const torch::Tensor source = current[i].contiguous();
            float *e = kept[i].data_ptr<float>();
            const float *p = source.data_ptr<float>();
            const float keep = float(decay), take = float(1.0 - decay);
            for (int64_t k = 0, n = kept[i].numel(); k < n; ++k)
                e[k] = e[k] * keep + p[k] * take;
        } else {
            kept[i].mul_(decay).add_(current[i], 1.0 - decay);
        }
    }
    const auto keptBuffers = average->buffers();
    const auto liveBuffers = live->buffers();
    for (size_t i = 0; i < keptBuffers.size(); ++i)
        keptBuffers[i].copy_(liveBuffers[i]);
}

}  // namespace ema
