#include "classgrid.h"

#include <algorithm>

namespace classgrid {

int count(const ExperimentSpec &spec)
{
    const ConditioningSpec &c = spec.conditioning;
    if (!c.enabled())
        return kUnconditional;
    return spec.isTwoDimensional() ? std::max(kUnconditional, kColumns * c.classes) : kColumns * c.classes;
}

std::vector<int> labels(const ExperimentSpec &spec)
{
    if (!spec.conditioning.enabled())
        return {};
    const int n = count(spec);
    std::vector<int> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        out[size_t(i)] = spec.isTwoDimensional() ? i % spec.conditioning.classes : i / kColumns;
    return out;
}

std::vector<int> noiseRows(const ExperimentSpec &spec)
{
    const int n = count(spec);
    std::vector<int> out(static_cast<size_t>(n));
    const bool perColumn = spec.conditioning.enabled() && !spec.isTwoDimensional();
    for (int i = 0; i < n; ++i)
        out[size_t(i)] = perColumn ? i % kColumns : i;
    return out;
}

int noiseCount(const ExperimentSpec &spec) { return std::max(kUnconditional, count(spec)); }

}  // namespace classgrid

namespace conditioningfit {
namespace {
int generatorInputs(const ExperimentSpec &s)
{
    return s.latentDim + (s.conditioning.enabled() ? s.conditioning.embedding : 0);
}
int labelChannels(const ExperimentSpec &s) { return s.conditioning.kind == ConditioningKind::Concat ? s.conditioning.classes : 0; }
}  // namespace

void apply(ExperimentSpec *spec, const ConditioningSpec &next)
{
    const ExperimentSpec before = *spec;
    spec->conditioning = next;
    if (!spec->generator.layers.empty()) {
        LayerSpec &first = spec->generator.layers.front();
        if (first.kind == LayerKind::Linear && first.inFeatures == generatorInputs(before))
            first.inFeatures = generatorInputs(*spec);
    }
    if (!spec->discriminator.layers.empty()) {
        LayerSpec &first = spec->discriminator.layers.front();
        const int change = labelChannels(*spec) - labelChannels(before);
        if (first.kind == LayerKind::Linear && first.inFeatures - labelChannels(before) >= 1)
            first.inFeatures += change;
        else if (first.kind == LayerKind::Conv2d && first.inChannels - labelChannels(before) >= 1)
            first.inChannels += change;
    }
}
}  // namespace conditioningfit
