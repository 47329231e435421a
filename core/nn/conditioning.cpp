#include "conditioning_p.h"

namespace conditioning {

torch::Tensor oneHot(const torch::Tensor &labels, int classes)
{
    return torch::one_hot(labels.to(torch::kLong), classes).to(torch::kFloat);
}

torch::Tensor generatorInput(const ExperimentSpec &spec, const torch::Tensor &z, const torch::Tensor &labels)
{
    if (!spec.conditioning.enabled())
        return z;
    return generatorInputMixed(spec, z, oneHot(labels.to(z.device()), spec.conditioning.classes));
}

torch::Tensor generatorInputMixed(const ExperimentSpec &spec, const torch::Tensor &z, const torch::Tensor &weights)
{
    if (!spec.conditioning.enabled())
        return z;
    return torch::cat({z, weights.to(z.device()).to(z.scalar_type())}, 1);
}

torch::Tensor discriminatorInput(const ExperimentSpec &spec, const torch::Tensor &x, const torch::Tensor &labels)
{
    if (spec.conditioning.kind != ConditioningKind::Concat)
        return x;
    torch::Tensor maps = oneHot(labels.to(x.device()), spec.conditioning.classes).to(x.scalar_type());
    if (x.dim() == 4)
        maps = maps.view({x.size(0), -1, 1, 1}).expand({x.size(0), maps.size(1), x.size(2), x.size(3)});
    return torch::cat({x, maps}, 1);
}

Output read(const ExperimentSpec &spec, const torch::Tensor &out, const torch::Tensor &labels)
{
    switch (spec.conditioning.kind) {
    case ConditioningKind::None:
    case ConditioningKind::Concat:
        return {out, torch::Tensor()};
    case ConditioningKind::Projection:
        return {out.slice(1, 0, 1) + out.slice(1, 1).gather(1, labels.to(out.device()).to(torch::kLong).view({-1, 1})), torch::Tensor()};
    case ConditioningKind::Auxiliary:
        return {out.slice(1, 0, 1), out.slice(1, 1)};
    }
    return {out, torch::Tensor()};
}

Output discriminate(torch::nn::Sequential &D, const ExperimentSpec &spec, const torch::Tensor &x, const torch::Tensor &labels)
{
    return read(spec, D->forward(discriminatorInput(spec, x, labels)).to(torch::kFloat), labels);
}

torch::Tensor randomLabels(std::int64_t n, int classes, at::Generator &gen)
{
    return torch::randint(classes, {n}, gen, torch::TensorOptions().dtype(torch::kLong));
}

torch::Tensor sampleLabels(const ExperimentSpec &spec, std::int64_t n, int label, at::Generator &gen)
{
    if (!spec.conditioning.enabled())
        return torch::Tensor();
    if (label >= 0)
        return torch::full({n}, std::int64_t(label), torch::TensorOptions().dtype(torch::kLong));
    return randomLabels(n, spec.conditioning.classes, gen);
}

torch::Tensor classLoss(const ExperimentSpec &spec, const Output &out, const torch::Tensor &labels)
{
    if (spec.conditioning.kind != ConditioningKind::Auxiliary || !out.classLogits.defined())
        return torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat).device(out.score.device()));
    return spec.conditioning.auxWeight
        * torch::nn::functional::cross_entropy(out.classLogits, labels.to(out.classLogits.device()).to(torch::kLong));
}

}  // namespace conditioning
