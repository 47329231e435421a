#pragma once

// Private to the engine: includes torch.

#include "spec/experimentspec.h"

#include <torch/torch.h>

// The exponential moving average of the generator's weights, which samples come from when the
// experiment asks for it.
namespace ema {
// A copy of `live` (weights and buffers), built from its own throwaway random generator so
// that the run's random stream is the same with or without EMA.
torch::nn::Sequential copyOf(const ExperimentSpec &spec, const torch::nn::Sequential &live, const torch::Device &device);
// ema = decay·ema + (1 − decay)·live for weights; buffers (BatchNorm statistics) are copied.
void update(torch::nn::Sequential &average, const torch::nn::Sequential &live, double decay);
}  // namespace ema
