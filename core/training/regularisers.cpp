#include "regularisers_p.h"

namespace regularisers {

double instanceNoiseSigma(const LossSpec &loss, std::int64_t stepNumber)
{
    if (loss.instanceNoise <= 0)
        return 0;
    if (loss.instanceNoiseSteps <= 0)
        return loss.instanceNoise;
    return loss.instanceNoise * std::max(0.0, 1.0 - double(stepNumber - 1) / loss.instanceNoiseSteps);
}

torch::Tensor withInstanceNoise(const torch::Tensor &x, double sigma, at::Generator &gen)
{
    if (sigma <= 0)
        return x;
    return x + sigma * torch::randn(x.sizes(), gen, x.options().device(torch::kCPU)).to(x.device());
}

torch::Tensor gradientPenalty(const std::function<torch::Tensor(const torch::Tensor &)> &score, const torch::Tensor &real,
                              const torch::Tensor &fake, double lambda, at::Generator &gen)
{
    std::vector<int64_t> epsShape(real.dim(), 1);
    epsShape[0] = real.size(0);
    const torch::Tensor eps = torch::rand(epsShape, gen, torch::TensorOptions().dtype(torch::kFloat)).to(real.device());
    const torch::Tensor mixed = (eps * real + (1 - eps) * fake).detach().requires_grad_(true);
    const torch::Tensor out = score(mixed);
    const torch::Tensor grad = torch::autograd::grad({out.sum()}, {mixed}, {}, true, true)[0];
    return lambda * (grad.flatten(1).norm(2, 1) - 1).pow(2).mean();
}

torch::Tensor r1Penalty(const torch::Tensor &realOut, const torch::Tensor &realIn, double gamma)
{
    const torch::Tensor grad = torch::autograd::grad({realOut.sum()}, {realIn}, {}, true, true)[0];
    return 0.5 * gamma * grad.pow(2).flatten(1).sum(1).mean();
}

}  // namespace regularisers
