#include "seededsamples_p.h"

#include "nn/conditioning_p.h"

#include <ATen/CPUGeneratorImpl.h>

namespace seededsamples {

torch::Tensor noise(std::int64_t n, int latentDim, LatentPrior prior, at::Generator &g)
{
    const auto cpu = torch::TensorOptions().dtype(torch::kFloat);
    return prior == LatentPrior::Normal ? torch::randn({n, latentDim}, g, cpu) : torch::rand({n, latentDim}, g, cpu).mul_(2).sub_(1);
}

SampleBatch draw(const std::function<SampleBatch(const torch::Tensor &input)> &generate, int count, std::uint64_t seed,
                 const ExperimentSpec &spec, int label, const std::atomic<bool> *cancel)
{
    at::Generator g = at::make_generator<at::CPUGeneratorImpl>(seed);
    constexpr int kChunk = 1024;
    SampleBatch all;
    for (int done = 0; done < count; done += kChunk) {
        if (cancel && *cancel)
            return {};
        const int n = std::min(kChunk, count - done);
        const torch::Tensor z = noise(n, spec.latentDim, spec.prior, g);
        SampleBatch part = generate(conditioning::generatorInput(spec, z, conditioning::sampleLabels(spec, n, label, g)));
        if (done == 0) {
            all = std::move(part);
            continue;
        }
        all.count += part.count;
        all.pixels.insert(all.pixels.end(), part.pixels.begin(), part.pixels.end());
        all.points.insert(all.points.end(), part.points.begin(), part.points.end());
        all.values.insert(all.values.end(), part.values.begin(), part.values.end());
    }
    return all;
}

}  // namespace seededsamples
